"""Prodigy tasks, a layer a file: the task keys Prodigy saves, spans that never overlap and sit on
token boundaries (spaCy takes them as ``doc.ents``, which failed with E1010 when every layer
shared one list), a line per annotator, claim → source relations, no imitation of Prodigy's
hashes; our importer reads the entity file back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.app.exporting import ExportOptions, export_project
from annotator.core.model import ArticleDraft, Layer
from annotator.io import iter_import
from tests.neighbour_corpus import TEXT_A, TEXT_B, build

KEYS = {"text", "meta", "tokens", "spans", "relations", "answer", "blake2b_input_hash",
        "blake2b_task_hash"}


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _as_spacy(task: dict[str, Any]) -> list[tuple[str, str]]:
    """The task's spans as spaCy's ``doc.ents`` (what ``data-to-spacy`` makes of them)."""
    from spacy.tokens import Doc, Span

    from annotator.io.tokens import german_tokenizer

    tokens = task["tokens"]
    assert "".join(t["text"] + " " * t["ws"] for t in tokens).strip() == task["text"].strip()
    for n, t in enumerate(tokens):
        assert t["id"] == n and task["text"][t["start"]:t["end"]] == t["text"]
    doc = Doc(german_tokenizer().vocab, words=[t["text"] for t in tokens],
              spaces=[t["ws"] for t in tokens])
    for s in task["spans"]:
        assert tokens[s["token_start"]]["start"] == s["start"]
        assert tokens[s["token_end"]]["end"] == s["end"]
    doc.ents = [Span(doc, s["token_start"], s["token_end"] + 1, s["label"])
                for s in task["spans"]]
    return [(e.label_, e.text) for e in doc.ents]


def test_prodigy_a_layer_a_file(tmp_path: Path) -> None:
    project, _a, _b = build(tmp_path / "p.db")
    out = tmp_path / "prodigy"
    report = export_project(project, ExportOptions("prodigy", out, allow_disagreements=True))
    assert {f.name for f in report.files} == {"all.entities.jsonl", "all.claims.jsonl",
                                              "all.sources.jsonl"}
    entities = _lines(out / "all.entities.jsonl")
    assert [(t["text"], t.get("_annotator_id")) for t in entities] == [
        (TEXT_A, "maria"), (TEXT_B, "maria"), (TEXT_B, "jonas")]
    for path in out.glob("*.jsonl"):
        for task in _lines(path):
            assert set(task) - {"_annotator_id", "_timestamp"} == KEYS
            assert isinstance(task["_timestamp"], int)
            # A's open model suggestion (an entity) leaves its entities undecided, only those
            undecided = path.name == "all.entities.jsonl" and task["text"] == TEXT_A
            assert task["answer"] == ("ignore" if undecided else "accept")
            assert "_input_hash" not in task and "_task_hash" not in task
            _as_spacy(task)
    assert _as_spacy(entities[0]) == [("PER", "Anna Berger"), ("MISC", "🇩🇪"),
                                      ("LOC", "𝔄𝔫𝔫𝔞berg"),
                                      ("ORG", "Bundesregierung in Berlin 😀")]  # not "Berlin"
    assert [_as_spacy(t) for t in entities[1:]] == [[("ORG", "𝔄-Zeitung")],
                                                    [("MISC", "𝔄-Zeitung")]]
    assert entities[1]["blake2b_input_hash"] == entities[2]["blake2b_input_hash"]
    assert entities[1]["blake2b_task_hash"] != entities[2]["blake2b_task_hash"]
    claims = _lines(out / "all.claims.jsonl")
    assert [len(t["spans"]) for t in claims] == [2, 0, 1]
    pairs = sorted((r["head_span"]["label"], TEXT_A[r["head_span"]["start"]:r["head_span"]["end"]],
                    r["child_span"]["label"],
                    TEXT_A[r["child_span"]["start"]:r["child_span"]["end"]], r["label"])
                   for r in claims[0]["relations"])
    assert pairs == [("CLAIM", "bestätigte das", "SOURCE", "Die Bundesregierung", "attributed_to"),
                     ("CLAIM", "der Vertrag sei am Mittwoch unterzeichnet worden", "SOURCE",
                      "Anna Berger", "attributed_to")]
    assert all(r["head"] == r["head_span"]["token_end"] and r["child"] ==
               r["child_span"]["token_end"] for r in claims[0]["relations"])
    assert [len(t["spans"]) for t in _lines(out / "all.sources.jsonl")] == [2, 0, 0]
    assert report.warnings[-1] == ("all.entities.jsonl: left out 1 span that overlaps others "
                                   "(Prodigy's spans cannot)")
    # our importer reads the entity file: the kept entities of A come back
    back = [d for d in iter_import([out / "all.entities.jsonl"]) if isinstance(d, ArticleDraft)]
    assert back[0].text == TEXT_A
    assert [(s.start, s.end, s.label) for s in back[0].spans or back[0].annotations] == [
        (s["start"], s["end"], s["label"]) for s in entities[0]["spans"]]


def test_prodigy_layers_left_out_get_no_file(tmp_path: Path) -> None:
    project, _a, _b = build(tmp_path / "p.db")
    out = tmp_path / "prodigy"
    report = export_project(project, ExportOptions(
        "prodigy", out, layers=frozenset({Layer.ENTITY}), allow_disagreements=True))
    assert [f.name for f in report.files] == ["all.entities.jsonl"]
    assert sorted(p.name for p in out.iterdir()) == [".annotator-export.json",
                                                     "all.entities.jsonl"]
