"""Exports of articles without a gold version whose annotators' versions agree: what they agree
on is written once, naming everyone who agreed; disagreeing versions, allowed, each as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project

TEXT = "Anna Berger sagte in Dresden, die neue Brücke über die Elbe koste drei Millionen Euro."


def at(part: str, label: str) -> Span:
    return Span(TEXT.index(part), TEXT.index(part) + len(part), label)


def version(project: Project, aid: int, who: str, dresden: str = "LOC") -> None:
    """An entity, a claim and its source, the claim attributed to the source."""
    project.start_version(aid, who, Status.DONE)
    project.add_annotation(aid, Layer.ENTITY, at("Dresden", dresden), who)
    source = project.add_annotation(aid, Layer.SOURCE, at("Anna Berger", "SOURCE"), who)
    claim = project.add_annotation(aid, Layer.CLAIM, at("die neue Brücke", "CLAIM"), who)
    project.add_link(claim, source, "attributed_to", who)


@pytest.fixture(params=[("maria", "jonas"), ("maria", "jonas", "cem")], ids=["two", "three"])
def agreeing(request, project: Project) -> tuple[str, ...]:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Brücke"))
    for who in request.param:
        version(project, aid, who)
    return tuple(sorted(request.param))


def export(project: Project, fmt: str, out: Path, **options) -> None:
    export_project(project, ExportOptions(fmt, out, **options))


def test_jsonl_writes_agreed_spans_once(project, agreeing, tmp_path) -> None:
    export(project, "jsonl", tmp_path / "j")
    [task] = [json.loads(line) for line in (tmp_path / "j" / "all.jsonl").read_text(
        encoding="utf-8").splitlines()]
    found = [(s["layer"], task["text"][s["start"]:s["end"]], s["_annotator_id"],
              s["_annotators"]) for s in task["spans"]]
    first, names = agreeing[0], list(agreeing)
    assert found == [("source", "Anna Berger", first, names), ("entity", "Dresden", first, names),
                     ("claim", "die neue Brücke", first, names)]
    assert [(r["head_span"]["label"], r["child_span"]["label"], r["label"])
            for r in task["relations"]] == [("CLAIM", "SOURCE", "attributed_to")]


def test_brat_writes_agreed_spans_once(project, agreeing, tmp_path) -> None:
    export(project, "brat", tmp_path / "b")
    [ann] = list((tmp_path / "b").rglob("*.ann"))
    spans = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines()
             if line.startswith("T")]
    assert sorted(text for _, _, text in spans) == ["Anna Berger", "Dresden", "die neue Brücke"]
    assert sum(line.startswith("R") for line in ann.read_text(encoding="utf-8").splitlines()) == 1
    meta = json.loads(ann.with_suffix(".meta").read_text(encoding="utf-8"))
    assert {r["_annotators"] == list(agreeing) for r in meta["provenance"].values()} == {True}


def test_spacy_writes_agreed_spans_once(project, agreeing, tmp_path) -> None:
    from spacy.tokens import DocBin

    from annotator.io.docbin import german_tokenizer

    export(project, "spacy", tmp_path / "s")
    [path] = list((tmp_path / "s").rglob("*.spacy"))
    [doc] = DocBin().from_disk(path).get_docs(german_tokenizer().vocab)
    assert [(e.text, e.label_) for e in doc.ents] == [("Dresden", "LOC")]
    assert "entities_overlapping" not in doc.spans
    assert [s.text for s in doc.spans["claims"]] == ["die neue Brücke"]
    assert [s.text for s in doc.spans["sources"]] == ["Anna Berger"]


def test_disagreeing_versions_allowed_are_each_written(project, tmp_path) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Brücke"))
    version(project, aid, "maria")
    version(project, aid, "jonas", dresden="ORG")
    export(project, "jsonl", tmp_path / "j", allow_disagreements=True)
    [task] = [json.loads(line) for line in (tmp_path / "j" / "all.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert sorted((s["label"], s["_annotator_id"]) for s in task["spans"]) == [
        ("CLAIM", "jonas"), ("CLAIM", "maria"), ("LOC", "maria"), ("ORG", "jonas"),
        ("SOURCE", "jonas"), ("SOURCE", "maria")]
    assert not any("_annotators" in s for s in task["spans"])
    assert len(task["relations"]) == 2


def test_prodigy_and_label_studio_give_each_agreeing_annotator_their_version(
        project, agreeing, tmp_path) -> None:
    """Formats with a version per annotator keep one for each who agreed, not one in all."""
    export(project, "prodigy", tmp_path / "p")
    lines = [json.loads(line) for line in (tmp_path / "p" / "all.claims.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert [t["_annotator_id"] for t in lines] == list(agreeing)
    assert {(len(t["spans"]), len(t["relations"])) for t in lines} == {(1, 1)}
    export(project, "label-studio", tmp_path / "l")
    [task] = json.loads((tmp_path / "l" / "all.json").read_text(encoding="utf-8"))
    found = {a["annotator"]: a["result"] for a in task["annotations"]}
    assert sorted(found) == list(agreeing)
    assert {sum(r["type"] == "relation" for r in result) for result in found.values()} == {1}
    assert {len(result) for result in found.values()} == {4}  # three regions, one relation
