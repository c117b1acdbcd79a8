"""NLI pairs from claim groups: exact records, both directions, unreviewed claims left out."""

from __future__ import annotations

import json
from pathlib import Path

from msgspec.structs import replace

from annotator.core.model import ArticleDraft, DocGroupMember, DocSpan, Layer, Provenance
from annotator.io.export_nli import write_nli
from annotator.io.export_notes import Kind
from tests.fact_corpus import PAGE, drafts
from tests.test_export_notes import notes

A1, A2 = "der Vertrag sei am Mittwoch unterzeichnet worden", "Die Feier fand in Dresden statt"
B1, B2 = "der Vertrag am Donnerstag unterzeichnet", "Die Feier fand in Leipzig statt"
C1 = "der Vertrag wurde am Mittwoch unterzeichnet"


def _pair(premise: tuple[str, str, str], hypothesis: tuple[str, str, str],
          label: str) -> list[dict]:
    """(text, article, group) of each side → the pair in both directions."""
    def one(p: tuple[str, str, str], h: tuple[str, str, str]) -> dict:
        return {"premise": p[0], "hypothesis": h[0], "label": label,
                "premise_page": PAGE[p[1]], "hypothesis_page": PAGE[h[1]],
                "premise_group": p[2], "hypothesis_group": h[2]}
    return [one(premise, hypothesis), one(hypothesis, premise)]


def test_pairs_from_groups_and_neutral_within_articles(tmp_path: Path, caplog) -> None:
    path = tmp_path / "train.jsonl"
    assert write_nli(drafts(), path) == [path]
    got = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    a1, a2, b1, b2, c1 = ((A1, "A", "G1"), (A2, "A", "G2"), (B1, "B", "G1"), (B2, "B", "G2"),
                          (C1, "C", "G1"))
    assert got == [
        *_pair(a1, b1, "contradiction"),  # Mittwoch / Donnerstag
        *_pair(a1, c1, "entailment"),  # Mittwoch / "mittwoch "
        *_pair(b1, c1, "contradiction"),
        *_pair(a2, b2, "contradiction"),  # Dresden / Leipzig
        *_pair(a1, a2, "neutral"),  # one article, two points
        *_pair(b1, b2, "neutral"),
    ]
    # D's Thursday would agree with B and contradict A and C: nobody marked D done
    (note,) = notes(caplog)
    assert note.kind is Kind.CLAIMS_UNREVIEWED and note.count == 1 and note.file == "train.jsonl"


def test_a_pair_its_values_do_not_decide_is_left_out(tmp_path: Path) -> None:
    first, second, *_ = drafts()
    first.groups = [m if m.group_key != "G1" else type(m)(m.group, m.group_key, m.span_key)
                    for m in first.groups]  # A's claim about the weekday states no value
    path = tmp_path / "train.jsonl"
    write_nli([first, second], path)
    labels = [(r["premise"], r["hypothesis"], r["label"])
              for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())]
    assert not [x for x in labels if {x[0], x[1]} == {A1, B1}]  # in one group: never neutral
    assert [x[2] for x in labels] == ["contradiction"] * 2 + ["neutral"] * 4


def test_two_versions_of_an_article(tmp_path: Path) -> None:
    """Two annotators' versions: a claim is not paired with its own copy, and neutral pairs
    stay within one version."""
    first, second, *_ = drafts()
    jonas = Provenance("jonas", "2026-11-30T10:00:00Z")
    first.annotations += [replace(s, key=f"J{s.key}", made=jonas) for s in first.annotations]
    first.groups += [replace(m, span_key=f"J{m.span_key}") for m in first.groups]
    path = tmp_path / "train.jsonl"
    write_nli([first, second], path)
    got = [(r["premise"], r["hypothesis"], r["label"])
           for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())]
    assert not [x for x in got if x[0] == x[1]]
    assert got.count((A1, A2, "neutral")) == 2  # once per version
    assert got.count((A1, B1, "contradiction")) == 2  # each version's A1 against B1


def test_typed_values_decide_before_value_texts(tmp_path: Path) -> None:
    """"am Mittwoch" in an article of Thursday 2 May and "am 1. Mai" name one day: as value
    texts they differ, as typed values they agree."""
    texts = ["Der Vertrag wurde am Mittwoch unterzeichnet.",
             "Der Vertrag wurde am 1. Mai unterzeichnet."]
    values = [{"slot": "weekday", "value": "Mittwoch", "text": "Mittwoch"},
              {"slot": "date", "value": "2024-05-01", "text": "1. Mai"}]
    said = ["Mittwoch", "1. Mai"]
    articles = []
    for text, value, words in zip(texts, values, said, strict=True):
        claim = DocSpan("T1", Layer.CLAIM, 0, len(text) - 1, "CLAIM", {"values": [value]})
        articles.append(ArticleDraft(text, published="2024-05-02", annotations=[claim],
                                     groups=[DocGroupMember("Tag", "G1", "T1", value=words)]))
    path = tmp_path / "train.jsonl"
    write_nli(articles, path)
    labels = [json.loads(line)["label"] for line in path.read_text("utf-8").splitlines()]
    assert labels == ["entailment", "entailment"]
    articles[1].published = "2024-05-09"  # B now names Wednesday 8 May: a week after A's
    articles[1].annotations[0].attrs["values"] = [
        {"slot": "date", "value": "2024-05-08", "text": "8. Mai"}]
    write_nli(articles, path)
    labels = [json.loads(line)["label"] for line in path.read_text("utf-8").splitlines()]
    assert labels == ["contradiction", "contradiction"]
