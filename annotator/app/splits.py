"""Splitting an export: by article, or by group of linked articles, stable under a seed.

``--split-by group`` keeps together articles that share a claim group, that a person linked by
confirming a claim match between them, or whose texts are near-duplicates (more than half of
the shorter one's sentences of six words or more appear in the other: one agency story in two
outlets): reports of one event never land on both sides of a train/test line.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from itertools import combinations

from annotator.core.hashing import sentence_prints
from annotator.core.unionfind import UnionFind
from annotator.store import Project

Split = tuple[tuple[str, float], ...]
SPLIT_BY = ("article", "group")
_COMMON = 50  # a sentence in more than 1/50 of the articles (at least 10) is boilerplate


def split_of(content_hash: str, seed: int, split: Split) -> str:
    """A split by article, stable under a seed and under adding articles to the project."""
    digest = hashlib.sha256(f"{seed}:{content_hash}".encode()).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    total = 0.0
    for name, fraction in split:
        total += fraction
        if u < total:
            return name
    return split[-1][0]


def assign(hashes: dict[int, str], groups: Iterable[Iterable[int]], seed: int,
           split: Split) -> dict[int, str]:
    """Article id → split: each group (and each article in none) goes whole to the split of
    its smallest content hash."""
    found = {article_id: article_id for article_id in hashes}
    for group in groups:
        members = [m for m in group if m in hashes]
        first = min(members, key=hashes.__getitem__, default=None)
        found.update((member, first) for member in members if first is not None)
    return {article_id: split_of(hashes[found[article_id]], seed, split)
            for article_id in hashes}


def linked_groups(project: Project, texts: Iterable[tuple[int, str]]) -> list[list[int]]:
    """The articles (of ``texts``, pairs of id and text) linked by a claim group, a confirmed
    claim match or near-duplicate texts, as groups of two or more article ids."""
    prints = {article_id: sentence_prints(text) for article_id, text in texts}
    links = UnionFind(prints)
    for group in project.claims.groups():
        links.join([m.article_id for m in group.members])
    for decision in project.matching.decisions():
        if decision.decision == "confirmed":
            links.join([decision.query.article_id, decision.candidate.article_id])
    for pair in near_duplicates(prints):
        links.join(pair)
    return links.groups()


def near_duplicates(prints: dict[int, frozenset[str]]) -> list[tuple[int, int]]:
    """Pairs of articles sharing more than half of the shorter one's sentence fingerprints;
    a sentence found in very many articles (a hotline, a disclaimer) counts for none."""
    where: dict[str, list[int]] = {}
    for article_id, found in prints.items():
        for fingerprint in found:
            where.setdefault(fingerprint, []).append(article_id)
    common = max(10, len(prints) // _COMMON)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in where.values():
        if len(ids) <= common:
            shared.update(combinations(sorted(ids), 2))
    return sorted(pair for pair, n in shared.items()
                  if 2 * n > min(len(prints[pair[0]]), len(prints[pair[1]])))
