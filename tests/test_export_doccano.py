"""doccano's two import forms: every span counted back, offsets in UTF-16 code units (doccano's
editor), relations by file-wide ids; checked against doccano 1.8's own import rules (its
``SpanLabel``/``RelationLabel`` models: non-empty labels, 0 ≤ start < end, int ids)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, NonNegativeInt, model_validator

from annotator.app.exporting import ExportOptions, export_project
from tests.neighbour_corpus import TEXT_A, TEXT_B, build


class _Span(BaseModel):
    """doccano's SpanLabel: what its import keeps (a span failing it is silently dropped)."""

    start_offset: NonNegativeInt
    end_offset: NonNegativeInt
    label: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> _Span:
        assert self.start_offset < self.end_offset
        return self


class _Relation(BaseModel):
    from_id: int
    to_id: int
    type: str = Field(min_length=1)


def _utf16(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def _export(tmp_path: Path, fmt: str) -> list[dict[str, Any]]:
    project, _a, _b = build(tmp_path / "p.db")
    export_project(project, ExportOptions(fmt, tmp_path / fmt, allow_disagreements=True))
    lines = (tmp_path / fmt / "all.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_doccano_sequence_labeling(tmp_path: Path) -> None:
    a, b = _export(tmp_path, "doccano")
    assert a["text"] == TEXT_A and b["text"] == TEXT_B
    spans = [_Span(start_offset=s, end_offset=e, label=lab) for s, e, lab in a["label"]]
    covered = [(_utf16(TEXT_A, s.start_offset, s.end_offset), s.label) for s in spans]
    assert covered == [("Anna Berger", "PER"), ("🇩🇪", "MISC"), ("𝔄𝔫𝔫𝔞berg", "LOC"),
                       ("Bundesregierung in Berlin 😀", "ORG"), ("Berlin", "LOC")]
    assert a["label"][0][:2] == [3, 14]  # "🎉 " is three UTF-16 units, two code points
    # both annotators' versions of B (exported with --allow-disagreements)
    assert sorted((_utf16(TEXT_B, s, e), lab) for s, e, lab in b["label"]) == [
        ("𝔄-Zeitung", "MISC"), ("𝔄-Zeitung", "ORG")]
    assert (a["title"], a["outlet"], a["published"], a["meta"]) == (
        "Vertrag unterzeichnet", "Elbtal-Bote", "2024-05-02", {"rubrik": "Politik"})
    # every line has every key: doccano reads them into one table (a missing one is NaN)
    assert a["source_path"] == "a.txt" and (b["meta"], b["outlet"]) == ({}, None)
    assert list(a) == list(b)


def test_doccano_relations(tmp_path: Path) -> None:
    a, b = _export(tmp_path, "doccano-relations")
    ids = [e["id"] for row in (a, b) for e in row["entities"]]
    ids += [r["id"] for row in (a, b) for r in row["relations"]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, int) for i in ids)
    by_id = {}
    for e in a["entities"]:
        _Span.model_validate({k: e[k] for k in ("start_offset", "end_offset", "label")})
        by_id[e["id"]] = (_utf16(TEXT_A, e["start_offset"], e["end_offset"]), e["label"])
    assert sorted(by_id.values()) == sorted([
        ("Anna Berger", "PER"), ("🇩🇪", "MISC"), ("𝔄𝔫𝔫𝔞berg", "LOC"),
        ("Bundesregierung in Berlin 😀", "ORG"), ("Berlin", "LOC"), ("Anna Berger", "SOURCE"),
        ("der Vertrag sei am Mittwoch unterzeichnet worden", "CLAIM"),
        ("Die Bundesregierung", "SOURCE"), ("bestätigte das", "CLAIM")])
    links = [_Relation.model_validate(r) for r in a["relations"]]
    assert sorted((by_id[r.from_id], by_id[r.to_id], r.type) for r in links) == [
        (("bestätigte das", "CLAIM"), ("Die Bundesregierung", "SOURCE"), "attributed_to"),
        (("der Vertrag sei am Mittwoch unterzeichnet worden", "CLAIM"),
         ("Anna Berger", "SOURCE"), "attributed_to")]
    assert sorted(e["label"] for e in b["entities"]) == ["CLAIM", "MISC", "ORG"]
    assert b["relations"] == []
