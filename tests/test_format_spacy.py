"""The spacy export: DocBins spaCy itself accepts and trains on, and that come back whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

# The project with every kind of annotation is built in the jsonl tests' module.
from test_format_jsonl import FIRST, assert_same_drafts, build_project, round_trip

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer, Span, Status
from annotator.io import ImportFailure, iter_import
from annotator.io.docbin import write_spacy
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport, annotated_draft

NAMES = ["Anna Berger", "Olaf Scholz", "𝔄𝔫𝔫𝔞 Weber", "Max Müller", "Eva Schmidt",
         "Jens Vogel", "Ute Krause", "Karl Lange", "Lena Wolf", "Tom Richter"]
PLACES = ["Dresden", "Leipzig", "Chemnitz", "Görlitz", "Zwickau", "Bautzen", "Pirna",
          "Meißen", "Freiberg", "Plauen"]


def load(path: Path) -> list:
    return list(DocBin().from_disk(path).get_docs(spacy.blank("de").vocab))


def test_spacy_round_trip_is_byte_identical(tmp_path: Path) -> None:
    first, second, drafts, again = round_trip(tmp_path, write_spacy, ".spacy")
    assert first == second
    assert_same_drafts(drafts, again)


def test_doc_layers_and_user_data(tmp_path: Path) -> None:
    src, ids = build_project(tmp_path / "p.db")
    drafts = [annotated_draft(src, aid) for aid in ids]
    doc = load(write_spacy(drafts, tmp_path / "a.spacy")[0])[0]
    assert doc.text == FIRST
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("𝔄𝔫𝔫𝔞 Berger", "PER"), ("Dresden", "LOC"), ("Stadtwerke Dresden GmbH", "ORG"),
        ("🇩🇪", "MISC")]
    assert [(s.text, s.label_) for s in doc.spans["entities_overlapping"]] == [
        ("Dresden GmbH bestätigte", "MISC"), ("Dresden", "LOC")]  # by start, longer first
    assert [s.text for s in doc.spans["claims"]] == [
        "in Dresden, der Vertrag 𝔙 sei am Mittwoch unterzeichnet worden 😀",
        "bestätigte das 🇩🇪"]
    assert [s.text for s in doc.spans["sources"]] == ["𝔄𝔫𝔫𝔞 Berger",
                                                      "Die Stadtwerke Dresden GmbH"]
    data = doc.user_data["annotator"]
    assert data["version"] == 1 and data["meta"]["status"] == "done"
    assert data["meta"]["source_path"] == "/news/vertrag.txt"
    keys = {FIRST[v["start"]:v["end"]]: k for k, v in data["spans"].items()
            if v["layer"] == "claim"}
    claim = keys["bestätigte das 🇩🇪"]
    assert data["spans"][claim]["attrs"] == {"kind": "assessment"}
    link = next(lk for lk in data["links"] if lk["from"] == claim)
    assert data["spans"][link["to"]]["source"] == "Stadtwerke Dresden"
    assert dict(link["attrs"]) == {"cue": "bestätigte", "quote_type": "direct"}
    third = load(tmp_path / "a.spacy")[2]  # "Meldung " ends on a space: the Doc span does not
    assert [(e.text, e.label_) for e in third.ents] == [("Meldung", "MISC"), ("Sachsen.", "LOC")]
    src.close()


def foreign_docbin(path: Path) -> Path:
    """A DocBin as another tool writes it: ents and span groups, no user data."""
    nlp = spacy.blank("de")
    doc = nlp.make_doc("Olaf Scholz sagte in Berlin, die Lage sei ernst 😀.")
    doc.ents = [doc.char_span(0, 11, "PER"), doc.char_span(21, 27, "LOC")]
    doc.spans["claims"] = [doc.char_span(29, 47, "CLAIM")]
    doc.spans["sources"] = [doc.char_span(0, 11, "SOURCE")]
    doc.spans["sc"] = [doc.char_span(0, 11, "PER"), doc.char_span(5, 11, "NACHNAME")]
    plain = nlp.make_doc("Nur Text 𝔄 ohne alles.")
    DocBin(docs=[doc, plain]).to_disk(path)
    return path


def test_foreign_docbin_imports(tmp_path: Path) -> None:
    path = foreign_docbin(tmp_path / "other.spacy")
    first, second = iter_import([path])
    assert [(s.layer, first.text[s.start:s.end], s.label) for s in first.annotations] == [
        (Layer.ENTITY, "Olaf Scholz", "PER"), (Layer.SOURCE, "Olaf Scholz", "SOURCE"),
        (Layer.ENTITY, "Scholz", "NACHNAME"), (Layer.ENTITY, "Berlin", "LOC"),
        (Layer.CLAIM, "die Lage sei ernst", "CLAIM")]
    assert first.title == first.text and first.source_path == f"{path}[0]"
    assert first.status is None and first.links == []
    assert second.text == "Nur Text 𝔄 ohne alles." and second.annotations == []
    project = Project.open(tmp_path / "p.db")
    aid = AnnotatedImport(project).add(first)
    assert aid is not None
    assert len(project.annotations(aid, Layer.ENTITY)) == 3
    assert [a.label for a in project.annotations(aid, Layer.CLAIM)] == ["CLAIM"]
    project.close()


def docbin_with(path: Path, data: object, text: str = "Anna sagt ja.") -> Path:
    doc = spacy.blank("de").make_doc(text)
    doc.user_data["annotator"] = data
    DocBin(docs=[doc], store_user_data=True).to_disk(path)
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"version": 2}, 'user_data["annotator"] has unknown version 2'),
        ({"version": 1, "spans": {"T1": {"layer": "claim", "start": 5, "end": 99,
                                         "label": "CLAIM"}}},
         "spans[0]: span 5-99 does not fit the text"),
        ({"version": 1, "spans": {"T1": {"layer": "claim", "start": 5, "end": 12,
                                         "label": "CLAIM"}},
          "links": [{"from": "T1", "to": "T2", "kind": "attributed_to"}]},
         'links[0]: no span with key "T2"'),
        ({"version": 1, "groups": [{"group": "G", "group_key": "G1", "span_key": "T1"}]},
         'groups[0]: no span with key "T1"'),
        ({"version": 1, "meta": {"status": "fertig"}}, 'meta.status: unknown status "fertig"'),
    ],
)  # fmt: skip
def test_bad_user_data_fails_per_doc(tmp_path: Path, data: dict, reason: str) -> None:
    path = docbin_with(tmp_path / "bad.spacy", data)
    (failure,) = iter_import([path])
    assert isinstance(failure, ImportFailure) and failure.path == f"{path}[0]"
    assert failure.reason.startswith(reason), failure.reason


def test_not_a_docbin(tmp_path: Path) -> None:
    junk = tmp_path / "junk.spacy"
    junk.write_bytes(b"\x00\x01 not zlib")
    (failure,) = iter_import([junk])
    assert str(failure).startswith(f"{junk}: not a spaCy DocBin file")
    empty = tmp_path / "empty.spacy"
    DocBin().to_disk(empty)
    assert str(next(iter_import([empty]))) == f"{empty}: no documents in the DocBin"
    good = docbin_with(tmp_path / "ok.spacy", {"version": 1, "meta": {"status": "done"}})
    assert next(iter_import([good])).status is Status.DONE


def sentence_drafts(names: list[str], places: list[str]) -> list[ArticleDraft]:
    """Short German news sentences with a person, a place, a claim and its source."""
    drafts = []
    for name in names:
        for place in places:
            text = f"{name} 🇩🇪 sagte in {place}, der Vertrag sei am Mittwoch unterzeichnet."
            claim = text.index("der")
            drafts.append(ArticleDraft(text=text, title=f"{name} in {place}", annotations=[
                DocSpan("T1", Layer.ENTITY, 0, len(name), "PER"),
                DocSpan("T2", Layer.SOURCE, 0, len(name), "SOURCE", source=name,
                        source_kind="person"),
                DocSpan("T3", Layer.ENTITY, text.index(place), text.index(place) + len(place),
                        "LOC"),
                DocSpan("T4", Layer.CLAIM, claim, len(text) - 1, "CLAIM", {"kind": "factual"}),
            ], links=[DocLink("T4", "T2", "attributed_to", {"cue": "sagte"})],
                status=Status.DONE))
    return drafts


def spacy_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m spacy ...`` in the test's folder, output as text."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "spacy", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """spaCy's own NER training config for German."""
    done = spacy_cli("init", "config", "-l", "de", "-p", "ner", "-F", "config.cfg", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "config.cfg"


def test_spacy_debug_data_finds_no_errors(tmp_path: Path, config: Path) -> None:
    src, ids = build_project(tmp_path / "p.db")
    ours = [annotated_draft(src, aid) for aid in ids]  # overlaps, astral characters, spaces
    src.close()
    train = write_spacy(ours + sentence_drafts(NAMES, PLACES), tmp_path / "train.spacy")[0]
    dev = write_spacy(sentence_drafts(["Ida Roth", "Paul Engel"], ["Riesa", "Torgau"]),
                      tmp_path / "dev.spacy")[0]  # debug data wants >= 100 docs to train on
    done = spacy_cli("debug", "data", config, "--paths.train", train, "--paths.dev", dev,
                     cwd=tmp_path)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "Corpus is loadable" in report and "103 training docs" in report, report
    assert "✘" not in report, report  # no failed check
    assert "No entities consisting of or starting/ending with whitespace" in report, report


def test_spacy_trains_a_few_steps(tmp_path: Path, config: Path) -> None:
    drafts = sentence_drafts(NAMES[:4], PLACES[:2])
    train = write_spacy(drafts[:6], tmp_path / "train.spacy")[0]
    dev = write_spacy(drafts[6:], tmp_path / "dev.spacy")[0]
    done = spacy_cli("train", config, "--output", "out", "--paths.train", train, "--paths.dev",
                     dev, "--training.max_steps", "5", "--training.eval_frequency", "5",
                     cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out" / "model-best" / "meta.json").is_file()
    nlp = spacy.load(tmp_path / "out" / "model-best")
    assert "ner" in nlp.pipe_names and set(nlp.get_pipe("ner").labels) == {"PER", "LOC"}


def test_spacy_files_are_found_by_a_folder_walk(tmp_path: Path) -> None:
    draft = ArticleDraft(text="Olaf Scholz in Paris", spans=[Span(0, 11, "PER")])
    write_spacy([draft], tmp_path / "data" / "dev.spacy")
    (item,) = iter_import([tmp_path])
    assert [(s.layer, s.key, s.label) for s in item.annotations] == [(Layer.ENTITY, "S1", "PER")]


def test_spacy_debug_data_takes_missing_values(tmp_path: Path, config: Path) -> None:
    """Articles nobody reviewed whole carry missing entity values; spaCy loads and checks
    them like any other."""
    drafts = sentence_drafts(NAMES, PLACES)
    for draft in drafts[::3]:
        draft.reviewed = False
    train = write_spacy(drafts, tmp_path / "train.spacy")[0]
    dev = write_spacy(sentence_drafts(["Ida Roth", "Paul Engel"], ["Riesa", "Torgau"]),
                      tmp_path / "dev.spacy")[0]
    docs = load(train)
    assert {t.ent_iob_ for t in docs[0] if not t.ent_type_} == {""}
    assert {t.ent_iob_ for t in docs[1] if not t.ent_type_} == {"O"}
    done = spacy_cli("debug", "data", config, "--paths.train", train, "--paths.dev", dev,
                     cwd=tmp_path)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "Corpus is loadable" in report and "✘" not in report, report
