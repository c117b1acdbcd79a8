"""FEVER-style claims and their sentences file: exact records from a small German corpus."""

from __future__ import annotations

import json
from pathlib import Path

from msgspec.structs import replace

from annotator.io.export_fever import write_fever
from annotator.io.export_notes import Kind, WriterNote
from tests.fact_corpus import PAGE, A, B, C, drafts
from tests.test_export_notes import notes


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_labels_from_verdicts_and_holding_claims(tmp_path: Path, caplog) -> None:
    path = tmp_path / "train.jsonl"
    assert write_fever(drafts(), path) == [path, tmp_path / "train.pages.jsonl"]
    assert _lines(path) == [
        # a verdict, on the claim that holds in its group: no other sentence is evidence
        {"id": 1, "claim": "der Vertrag sei am Mittwoch unterzeichnet worden",
         "label": "SUPPORTS", "verifiable": "VERIFIABLE", "evidence": [], "page": PAGE["A"],
         "group": "G1", "label_from": "verdict"},
        # "false", and its Thursday contradicts the Wednesday that holds: that sentence
        {"id": 2, "claim": "der Vertrag am Donnerstag unterzeichnet", "label": "REFUTES",
         "verifiable": "VERIFIABLE", "evidence": [[[None, None, PAGE["A"], 0]]],
         "page": PAGE["B"], "group": "G1", "label_from": "verdict and holding claim"},
        # B's Leipzig ("true") contradicts Dresden, which holds: left out, warned below
        # no verdict ("unverified"), but Wednesday agrees with the holding claim
        {"id": 3, "claim": "der Vertrag wurde am Mittwoch unterzeichnet", "label": "SUPPORTS",
         "verifiable": "VERIFIABLE", "evidence": [[[None, None, PAGE["A"], 0]]],
         "page": PAGE["C"], "group": "G1", "label_from": "holding claim"},
        {"id": 4, "claim": "Angeblich waren 300 Gäste da", "label": "NOT ENOUGH INFO",
         "verifiable": "NOT VERIFIABLE", "evidence": [], "page": PAGE["C"], "group": "",
         "label_from": "verdict"},
    ]
    assert notes(caplog) == [
        WriterNote(Kind.CLAIMS_UNREVIEWED, "train.jsonl", 1, ("Ungeprüft",)),
        WriterNote(Kind.CLAIMS_DISAGREE, "train.jsonl", 1, ("Die Feier fand in Leipzig statt",))]


def test_sentences_file_like_wiki_pages(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    write_fever(drafts(), path)
    pages = _lines(tmp_path / "train.pages.jsonl")
    # every article of the split: its text is no annotation, reviewed or not
    assert [p["id"] for p in pages] == [PAGE[n] for n in "ABCD"]
    assert pages[0] == {
        "id": PAGE["A"], "title": "Vertrag unterzeichnet", "source_path": None, "text": A,
        "lines": "0\tAnna Berger sagte, der Vertrag sei am Mittwoch unterzeichnet worden.\n"
                 "1\tDie Feier fand in Dresden statt."}
    assert pages[1]["lines"].split("\n")[1] == "1\tDie Feier fand in Leipzig statt."
    assert (pages[1]["text"], pages[2]["text"]) == (B, C)


def test_evidence_names_every_sentence_of_the_holding_claim(tmp_path: Path) -> None:
    first, second, *rest = drafts()
    wrapped = first.text.replace("worden. Die", "worden.\nDie")
    holding = first.annotations[0]
    first.text = wrapped
    # the holding claim now runs over both sentences of its article
    first.annotations[0] = replace(holding, end=len(wrapped) - 1)
    path = tmp_path / "dev.jsonl"
    write_fever([first, second], path)
    refuted = next(r for r in _lines(path) if r["claim"].startswith("der Vertrag am"))
    page = json.loads((tmp_path / "dev.pages.jsonl").read_text("utf-8").splitlines()[0])["id"]
    assert refuted["evidence"] == [[[None, None, page, 0], [None, None, page, 1]]]
