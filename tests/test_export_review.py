"""Exports never turn what nobody reviewed into "no entity": done articles only by default,
missing values where unreviewed work is included, refusals where a format cannot say so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Corpus
from typer.testing import CliRunner

from annotator.app.exporting import ExportOptions, ExportRefused, export_project
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.io.export_folder import MANIFEST
from annotator.store import Project

runner = CliRunner()
NER = ModelInfo("de_test_ner", "2.1")
ZONES = ModelInfo("zone-rules", "1")
DONE = "Stadtrat tagt\n\nAnna Berger sagte in Dresden, der Haushalt stehe."
OPEN = "Bürgermeister Jonas Weber besuchte am Montag die Werft in Rostock."
NEW = "Die Polizei in Görlitz sucht Zeugen eines Unfalls auf der B 99."


def at(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label)


def build(project: Project) -> dict[str, int]:
    """A done article (all decided), a done article with open suggestions (D pressed too
    early), an unreviewed one with one accepted and one open suggestion."""
    ids = {}
    for name, text, title in (("done", DONE, "Stadtrat tagt"),
                              ("open", OPEN, "Werftbesuch"), ("new", NEW, "Unfall")):
        ids[name] = project.add_article(ArticleDraft(text=text, title=title))
    project.add_annotation(ids["done"], Layer.ENTITY, at(DONE, "Anna Berger", "PER"), "maria")
    project.add_annotation(ids["done"], Layer.ENTITY, at(DONE, "Dresden", "LOC"), "maria")
    project.replace_suggestions(ids["done"], ZONES, [at(DONE, "Stadtrat tagt", "HEADLINE")],
                                Layer.STRUCTURE)  # a zone nobody decided: not entity data
    project.set_status(ids["done"], Status.DONE)
    project.replace_suggestions(ids["open"], NER, [at(OPEN, "Jonas Weber", "PER"),
                                                   at(OPEN, "Rostock", "LOC")])
    project.set_status(ids["open"], Status.DONE)
    project.replace_suggestions(ids["new"], NER, [at(NEW, "Görlitz", "LOC"),
                                                  at(NEW, "B 99", "MISC")])
    accepted = project.suggestions(ids["new"])[0]
    project.decide([accepted.id], "accepted", "jonas")
    project.add_annotation(ids["new"], Layer.ENTITY, at(NEW, "Görlitz", "LOC"), "jonas",
                           suggestion_id=accepted.id)
    project.set_status(ids["new"], Status.IN_PROGRESS)
    return ids


def export(project: Project, out: Path, fmt: str, **options) -> object:
    return export_project(project, ExportOptions(fmt, out, **options))


def tasks(path: Path) -> dict[str, dict]:
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {task["meta"]["title"]: task for task in found}


def test_open_suggestion_counts(project: Project) -> None:
    ids = build(project)
    assert project.open_suggestion_counts() == {ids["open"]: 2, ids["new"]: 1}
    assert project.open_suggestion_counts([ids["done"], ids["new"]]) == {ids["new"]: 1}
    project.decide([s.id for s in project.suggestions(ids["open"])], "rejected", "maria")
    assert project.open_suggestion_counts() == {ids["new"]: 1}


def test_only_done_articles_by_default(project: Project, tmp_path: Path) -> None:
    build(project)
    report = export(project, tmp_path / "a", "jsonl")
    assert set(tasks(tmp_path / "a" / "all.jsonl")) == {"Stadtrat tagt", "Werftbesuch"}
    assert report.unreviewed == 1  # the done one with open suggestions
    report = export(project, tmp_path / "b", "jsonl", include_unreviewed=True)
    assert set(tasks(tmp_path / "b" / "all.jsonl")) == {"Stadtrat tagt", "Werftbesuch",
                                                        "Unfall"}
    assert report.unreviewed == 2 and "2 with parts nobody reviewed" in report.summary()


def test_jsonl_marks_what_nobody_reviewed(project: Project, tmp_path: Path) -> None:
    build(project)
    export(project, tmp_path / "out", "jsonl", include_unreviewed=True)
    found = tasks(tmp_path / "out" / "all.jsonl")
    done, early, new = found["Stadtrat tagt"], found["Werftbesuch"], found["Unfall"]
    assert (done["answer"], early["answer"], new["answer"]) == ("accept", "ignore", "ignore")
    assert [(s["label"], s["model"]) for s in done["suggestions"]] == [
        ("HEADLINE", "zone-rules")]  # a suggested zone, never a span
    assert [s["layer"] for s in done["spans"]] == ["entity", "entity"]
    assert early["spans"] == []  # the open suggestions are not entities …
    assert [(s["label"], s["model"], s["model_version"]) for s in early["suggestions"]] == [
        ("PER", "de_test_ner", "2.1"), ("LOC", "de_test_ner", "2.1")]  # … but listed apart
    tokens = early["tokens"]
    weber = early["suggestions"][0]
    assert tokens[weber["token_start"]]["start"] == weber["start"]
    assert tokens[weber["token_end"]]["end"] == weber["end"]
    (span,) = new["spans"]  # accepted from a suggestion: who, when, which model
    assert (span["label"], span["_annotator_id"], span["model"], span["model_version"]) == (
        "LOC", "jonas", "de_test_ner", "2.1")
    assert new["_annotator_id"] == "jonas" and new["_timestamp"] == span["_timestamp"]
    assert [s["label"] for s in new["suggestions"]] == ["MISC"]


def test_docbin_has_missing_values_where_nobody_reviewed(project: Project,
                                                         tmp_path: Path) -> None:
    build(project)
    export(project, tmp_path / "out", "spacy", include_unreviewed=True)
    nlp = spacy.blank("de")
    shard = tmp_path / "out" / "all" / "000001.spacy"
    docs = {doc.user_data["annotator"]["meta"]["title"]: doc for doc in
            DocBin(store_user_data=True).from_disk(shard).get_docs(nlp.vocab)}
    done, early, new = docs["Stadtrat tagt"], docs["Werftbesuch"], docs["Unfall"]
    assert {t.ent_iob_ for t in done if not t.ent_type_} == {"O"}  # reviewed: no entity
    assert [(e.text, e.label_) for e in done.ents] == [("Anna Berger", "PER"),
                                                       ("Dresden", "LOC")]
    missing = [t.text for t in early if t.ent_iob_ == ""]
    assert missing == ["Jonas", "Weber", "Rostock"]  # under the open suggestions only
    assert {t.ent_iob_ for t in early if t.text not in missing} == {"O"}
    assert [(e.text, e.label_) for e in new.ents] == [("Görlitz", "LOC")]
    assert {t.ent_iob_ for t in new if not t.ent_type_} == {""}  # unreviewed: all missing
    # spaCy's training reads them: missing tokens are no gold "O"
    examples = {ex.reference.user_data["annotator"]["meta"]["title"]: ex
                for ex in Corpus(tmp_path / "out" / "all")(nlp)}  # the folder of shards
    tags = examples["Unfall"].get_aligned_ner()
    assert "U-LOC" in tags and "O" not in tags and None in tags


def test_conll_and_brat_refuse_what_they_cannot_mark(project: Project,
                                                     tmp_path: Path) -> None:
    ids = build(project)
    for fmt in ("conll", "brat"):
        out = tmp_path / fmt
        with pytest.raises(ExportRefused) as refused:
            export(project, out, fmt, include_unreviewed=True)
        message = str(refused.value)
        assert f"{ids['open']} 'Werftbesuch' (2 open suggestions)" in message
        assert f"{ids['new']} 'Unfall' (not marked done)" in message
        assert "'Stadtrat tagt'" not in message and "Nothing was written" in message
        assert not out.exists()
        report = export(project, out, fmt, reviewed_only=True)  # the way out it names
        assert sum(report.articles.values()) == 1 and len(report.skipped) == 1


def test_cli_refusal_exits_1_and_names_the_articles(project: Project, tmp_path: Path) -> None:
    build(project)
    db, out = str(project.path), tmp_path / "out"
    result = runner.invoke(app, ["export", db, "-f", "conll", "-o", str(out)])
    assert result.exit_code == 1 and "'Werftbesuch' (2 open suggestions)" in result.output
    assert "Unfall" not in result.output and not out.exists()  # not asked for: not refused
    result = runner.invoke(app, ["export", db, "-f", "spacy", "-o", str(out),
                                 "--include-unreviewed"])
    assert result.exit_code == 0, result.output
    assert "3 articles" in result.output and "2 with parts nobody reviewed" in result.output
    result = runner.invoke(app, ["export", db, "-f", "jsonl", "-o", str(tmp_path / "x"),
                                 "--only-done", "--include-unreviewed"])
    assert result.exit_code == 2


def test_cli_reviewed_only_and_its_old_name_gold(project: Project, tmp_path: Path) -> None:
    build(project)
    db = str(project.path)
    result = runner.invoke(app, ["export", db, "-f", "conll", "-o", str(tmp_path / "a"),
                                 "--reviewed-only"])
    assert result.exit_code == 0, result.output
    assert "1 article (all 1) in 2 files" in result.output
    assert "open model suggestions" in result.output
    assert "--gold" not in runner.invoke(app, ["export", "--help"]).output  # hidden
    assert "--reviewed-only" in runner.invoke(app, ["export", "--help"]).output
    old = runner.invoke(app, ["export", db, "-f", "conll", "-o", str(tmp_path / "b"), "--gold"])
    assert old.exit_code == 0, old.output
    assert "notice: --gold is now called --reviewed-only" in old.output
    assert "1 article (all 1)" in old.output
    record = json.loads((tmp_path / "b" / MANIFEST).read_text(encoding="utf-8"))
    assert record["options"]["reviewed_only"] is True and "gold" not in record["options"]


def test_stats_json_counts_open_suggestions_per_status(project: Project) -> None:
    build(project)
    result = runner.invoke(app, ["stats", str(project.path), "--json"])
    stats = json.loads(result.output)
    assert stats["status"] == {"new": 0, "in_progress": 1, "done": 2}
    assert stats["open_suggestions"] == {"new": 0, "in_progress": 1, "done": 1}
    text = runner.invoke(app, ["stats", str(project.path)]).output
    assert "with open suggestions: 0 new, 1 in progress, 1 done" in text


def test_manifest_records_labels_models_and_options(project: Project, tmp_path: Path) -> None:
    build(project)
    export(project, tmp_path / "out", "jsonl", include_unreviewed=True)
    record = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert {"layer": "entity", "name": "PER", "color": record["labels"][0]["color"],
            "shortcut": "1", "description": record["labels"][0]["description"]} \
        in record["labels"]
    assert {(x["layer"], x["name"]) for x in record["labels"]} >= {("entity", "LOC"),
                                                                   ("claim", "CLAIM")}
    assert record["models"] == [{"name": "de_test_ner", "version": "2.1"},
                                {"name": "zone-rules", "version": "1"}]
    assert record["options"]["include_unreviewed"] is True
    assert record["options"]["split_by"] == "article" and record["unreviewed"] == 2


@pytest.mark.parametrize("fmt", ["jsonl", "spacy"])
def test_open_suggestions_and_provenance_come_back(project: Project, tmp_path: Path,
                                                   fmt: str) -> None:
    """Export → import → export: identical, with who made each span, when, from which model,
    and the open suggestions (zones the rules suggested among them)."""
    build(project)
    first, second = tmp_path / "one", tmp_path / "two"
    export(project, first, fmt, include_unreviewed=True)
    copy = tmp_path / "copy.db"
    result = runner.invoke(app, ["import", str(copy), str(first), "--no-suggest"])
    assert result.exit_code == 0, result.output
    with Project.open(copy, create=False) as again:
        new = next(a for a in again.list_articles(0, 9) if a.title == "Unfall")
        (span,) = again.annotations(new.id)
        original = next(a for a in project.list_articles(0, 9) if a.title == "Unfall")
        assert (span.annotator, span.created_at) == (
            "jonas", project.annotations(original.id)[0].created_at)
        assert again.suggestion(span.suggestion_id).model == "de_test_ner"
        assert sorted(again.open_suggestion_counts().values()) == [1, 2]
        export(again, second, fmt, include_unreviewed=True)
    name = "all.jsonl" if fmt == "jsonl" else "all/000001.spacy"
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_training_docs_leave_open_suggestions_missing(project: Project) -> None:
    """`annotator train` reads done articles the same way: an entity suggestion nobody decided
    is missing, never "no entity" (the export's rule, on the training side)."""
    from annotator.app.training import gold_docs

    build(project)
    train, dev = gold_docs(project, dev_share=0.0)
    docs = {doc.text: doc for doc in train + dev}
    assert set(docs) == {DONE, OPEN}  # done articles only
    early = docs[OPEN]
    assert [t.text for t in early if t.ent_iob_ == ""] == ["Jonas", "Weber", "Rostock"]
    assert {t.ent_iob_ for t in early if t.text not in ("Jonas", "Weber", "Rostock")} == {"O"}
    assert {t.ent_iob_ for t in docs[DONE] if not t.ent_type_} == {"O"}
