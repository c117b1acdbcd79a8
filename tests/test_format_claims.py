"""The claims table (CSV and JSONL) and labelled claim pairs."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

from annotator.core.model import ArticleDraft, Layer, Span
from annotator.io.claims_table import FIELDS, pair_label, write_claim_pairs, write_claims
from annotator.store import Project
from annotator.store.datasets import annotated_draft

TEXTS = [
    "Anna Berger sagte, der Vertrag sei am Mittwoch unterzeichnet worden. Dann ging sie.",
    "Laut „Elbtal-Bote“ wurde der Vertrag am Donnerstag unterzeichnet.",
    "Der Vertrag wurde am MITTWOCH unterzeichnet, erklärte das Amt 🇩🇪.",
]
CLAIMS = ["der Vertrag sei am Mittwoch unterzeichnet worden",
          "der Vertrag am Donnerstag unterzeichnet", "Der Vertrag wurde am MITTWOCH unterzeichnet"]
SOURCES = ["Anna Berger", "Elbtal-Bote", "das Amt"]
VALUES = ["Mittwoch", "Donnerstag", "mittwoch "]


def _span(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label)


def _drafts(tmp_path: Path) -> list[ArticleDraft]:
    """Three articles, one claim each, in one group: two say Wednesday, one Thursday."""
    p = Project.open(tmp_path / "p.db")
    group = p.claims.add_group("Wochentag")
    lone = None
    ids = []
    for n, text in enumerate(TEXTS):
        aid = p.add_article(ArticleDraft(text=text, title=f"Artikel {n + 1}", outlet="Bote",
                                         published=f"2024-05-0{n + 1}", source_path=f"{n}.txt"))
        assert aid
        ids.append(aid)
        claim = p.add_annotation(aid, Layer.CLAIM, _span(text, CLAIMS[n], "CLAIM"), "maria",
                                 attrs={"kind": "factual", "verdict": "false" if n == 1 else
                                        "true", "evidence": "Protokoll"})
        source = p.add_annotation(aid, Layer.SOURCE, _span(text, SOURCES[n], "SOURCE"), "maria")
        p.add_link(claim, source, "attributed_to", "maria",
                   {"cue": ["sagte", "Laut", "erklärte"][n], "quote_type": "indirect"})
        p.claims.add_member(group, claim, "maria", value=VALUES[n])
        if n == 0:
            p.claims.update_group(group, holding_id=claim)
            p.claims.set_canonical([source], p.claims.add_source("Anna Berger", "person"))
            lone = p.add_annotation(aid, Layer.CLAIM, _span(text, "Dann ging sie", "CLAIM"),
                                    "maria")
    assert lone
    return [annotated_draft(p, i) for i in ids]


def test_claims_table(tmp_path: Path) -> None:
    files = write_claims(_drafts(tmp_path), tmp_path / "train.csv")
    assert [f.name for f in files] == ["train.csv", "train.jsonl"]
    with files[0].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lines = [json.loads(line) for line in files[1].read_text(encoding="utf-8").splitlines()]
    assert list(rows[0]) == list(FIELDS) and len(rows) == len(lines) == 4
    first, lone, second, third = rows
    assert first == {
        "article": "Artikel 1", "source_path": "0.txt", "outlet": "Bote",
        "published": "2024-05-01", "claim": CLAIMS[0], "start": "19", "end": "67",
        "sentence": "Anna Berger sagte, der Vertrag sei am Mittwoch unterzeichnet worden.",
        "source": "Anna Berger", "via": "", "cue": "sagte", "quote_type": "indirect",
        "kind": "factual",
        "checkworthy": "", "verdict": "true", "evidence": "Protokoll", "group": "Wochentag",
        "value": "Mittwoch", "stance": "", "holds": "true", "annotator": "maria",
        "annotated_at": first["annotated_at"], "model": ""}
    assert datetime.fromisoformat(first["annotated_at"]).utcoffset() == timedelta(0)
    assert lone["claim"] == "Dann ging sie" and lone["group"] == "" and lone["source"] == ""
    assert (second["source"], second["verdict"], second["holds"]) == ("Elbtal-Bote", "false",
                                                                      "false")
    assert third["source"] == "das Amt" and third["sentence"] == TEXTS[2]
    assert lines[0] == {**first, "start": 19, "end": 67, "holds": True}
    assert [r["claim"] for r in lines] == [r["claim"] for r in rows]


def test_claims_table_names_who_reports_the_source(tmp_path: Path) -> None:
    """"Laut X sagte Y": the claim's source Y, via X (stored as Y → X, ``reported_by``)."""
    text = "Laut «Abendkurier» sagte der Minister, die Reform sei gescheitert."
    p = Project.open(tmp_path / "p.db")
    aid = p.add_article(ArticleDraft(text=text, title="Reform"))
    assert aid
    claim = p.add_annotation(aid, Layer.CLAIM, _span(text, "die Reform sei gescheitert",
                                                     "CLAIM"), "maria")
    speaker = p.add_annotation(aid, Layer.SOURCE, _span(text, "der Minister", "SOURCE"), "maria")
    paper = p.add_annotation(aid, Layer.SOURCE, _span(text, "Abendkurier", "SOURCE"), "maria")
    p.add_link(claim, speaker, "attributed_to", "maria", {"cue": "sagte"})
    p.add_link(speaker, paper, "reported_by", "maria", {"cue": "Laut"})
    p.claims.set_canonical([paper], p.claims.add_source("Abendkurier", "newspaper"))
    files = write_claims([annotated_draft(p, aid)], tmp_path / "claims.csv")
    (row,) = [json.loads(line) for line in files[1].read_text(encoding="utf-8").splitlines()]
    assert (row["source"], row["via"], row["cue"]) == ("der Minister", "Abendkurier", "sagte")


def test_claim_pairs(tmp_path: Path) -> None:
    path = write_claim_pairs(_drafts(tmp_path), tmp_path / "train.jsonl")[0]
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(p["group"], p["label"], p["a"]["claim"], p["b"]["claim"]) for p in pairs] == [
        ("Wochentag", "contradict", CLAIMS[0], CLAIMS[1]),
        ("Wochentag", "agree", CLAIMS[0], CLAIMS[2]),  # "Mittwoch" = "mittwoch "
        ("Wochentag", "contradict", CLAIMS[1], CLAIMS[2]),
    ]
    assert pairs[0]["a"]["holds"] is True and pairs[0]["b"]["source"] == "Elbtal-Bote"
    again = tmp_path / "again.jsonl"
    (tmp_path / "x").mkdir()
    write_claim_pairs(_drafts(tmp_path / "x"), again)
    # the same project built again writes the same pairs; only when it was annotated differs
    # (the clock may pass a second between the two builds)
    assert _without_times(again) == _without_times(path)
    assert all(p["a"]["annotated_at"] and p["b"]["annotated_at"] for p in pairs)


def _without_times(path: Path) -> list[dict]:
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for pair in pairs:
        for side in ("a", "b"):
            pair[side].pop("annotated_at")
    return pairs


def test_pair_labels_from_stances() -> None:
    def row(value: str = "", stance: str = "") -> dict[str, str]:
        return {"value": value, "stance": stance}

    assert pair_label(row(stance="supports"), row(stance="supports")) == "agree"
    assert pair_label(row(stance="supports"), row(stance="refutes")) == "contradict"
    assert pair_label(row("Mittwoch", "supports"), row("Mittwoch", "refutes")) == "agree"
    assert pair_label(row("Mittwoch"), row(stance="refutes")) is None
    assert pair_label(row(), row()) is None


def test_pair_labels_from_typed_values() -> None:
    from annotator.core.values import ClaimValue, article_day

    def row(value: str = "") -> dict[str, str]:
        return {"value": value, "stance": ""}

    wednesday = ((ClaimValue("weekday", "Mittwoch", "Mittwoch"),), article_day("2024-10-24"))
    the_23rd = ((ClaimValue("date", "--10-23", "23. Oktober"),), article_day("2024-10-25"))
    thursday = ((ClaimValue("weekday", "Donnerstag", "Donnerstag"),), None)
    dead = ((ClaimValue("number", "3", "drei Tote", "tot"),), None)
    # the words differ, the day is one: the values decide
    assert pair_label(row("Mittwoch"), row("23. Oktober"), (wednesday, the_23rd)) == "agree"
    assert pair_label(row("Mittwoch"), row("Mittwoch"), (wednesday, thursday)) == "contradict"
    # no slot in common, or a claim without typed values: the value text decides
    assert pair_label(row("Mittwoch"), row("drei"), (wednesday, dead)) == "contradict"
    assert pair_label(row("x"), row("x"), (wednesday, (None, None))) == "agree"
