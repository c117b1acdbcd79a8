"""Natural language inference pairs from claim groups: premise, hypothesis, label.

``SPLIT.jsonl`` holds one directed pair a line, each pair in both directions::

    {"premise": "der Vertrag sei am Mittwoch unterzeichnet worden",
     "hypothesis": "der Vertrag am Donnerstag unterzeichnet", "label": "contradiction",
     "premise_page": "880131842", "hypothesis_page": "-1402255466",
     "premise_group": "G1", "hypothesis_group": "G1"}

Two claims of one group are ``entailment`` when their values on the group's point agree and
``contradiction`` when they conflict (``claims_table.pair_label``: typed values, then value
texts, then stances); a pair they do not decide is left out, and so is one claim paired with
itself (two annotators' versions of it). ``neutral`` pairs are two claims of one annotator's
version of an article in two different groups: about different points of one story. Pages are the
articles' ids (``fact_claims.page_id``). Only claims of articles marked done are used: a pair
nobody reviewed is never ``neutral``, it is not there (the articles are named in a warning).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft
from annotator.io.conll import json_line
from annotator.io.fact_claims import Claim, relation, reviewed_claims

LABELS = {"agree": "entailment", "contradict": "contradiction"}


def write_nli(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """Every pair of the split's reviewed claims that has a label, as JSONL."""
    claims = reviewed_claims(drafts, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.writelines(json_line(pair) + "\n" for pair in nli_pairs(claims))
    return [path]


def nli_pairs(claims: list[Claim]) -> Iterator[dict[str, Any]]:
    """Pairs within groups (groups in order of first appearance), then neutral pairs within
    articles; each pair a → b, then b → a."""
    groups: dict[str, list[Claim]] = {}
    pages: dict[tuple[str, str | None], list[Claim]] = {}  # an article's version: its claims
    for c in claims:
        if c.group:
            groups.setdefault(c.group, []).append(c)
            pages.setdefault((c.page, c.who), []).append(c)
    for members in groups.values():
        for a, b in combinations(members, 2):
            same = (a.page, a.span.start, a.span.end) == (b.page, b.span.start, b.span.end)
            if not same and (label := LABELS.get(relation(a, b) or "")):
                yield from _both(a, b, label)
    for members in pages.values():
        for a, b in combinations(members, 2):
            if a.group != b.group:
                yield from _both(a, b, "neutral")


def _both(a: Claim, b: Claim, label: str) -> Iterator[dict[str, Any]]:
    for premise, hypothesis in ((a, b), (b, a)):
        yield {"premise": premise.said, "hypothesis": hypothesis.said, "label": label,
               "premise_page": premise.page, "hypothesis_page": hypothesis.page,
               "premise_group": premise.group, "hypothesis_group": hypothesis.group}
