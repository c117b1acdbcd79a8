"""Claims as a table (CSV and JSONL) and as labelled pairs: for analysis and stance training."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft, DocGroupMember, DocSpan, Layer
from annotator.core.names import REPORTED_BY
from annotator.core.spans import sentence_around
from annotator.core.values import ClaimValue, article_day, conflicts, from_attrs, point
from annotator.io.conll import json_line

FIELDS = ("article", "source_path", "outlet", "published", "claim", "start", "end", "sentence",
          "source", "via", "cue", "quote_type", "kind", "checkworthy", "verdict", "evidence",
          "group", "value", "stance", "holds", "annotator", "annotated_at", "model")
OPPOSITE = {"supports": "refutes", "refutes": "supports"}
JOIN = "; "  # a claim attributed to several sources lists them all in one cell
CHAIN = " → "  # "Laut X sagte Y": the source Y, via X (and whoever reports X)


def write_claims(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """One row per claim (per group it is in) as CSV, and the same rows as JSONL next to it."""
    rows = [row for _, row in claim_rows(drafts)]
    path.parent.mkdir(parents=True, exist_ok=True)
    # utf-8-sig: Excel only recognises UTF-8 (umlauts) by the byte-order mark.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({**row, "holds": _csv_bool(row["holds"])} for row in rows)
    jsonl = path.with_suffix(".jsonl")
    with jsonl.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(json_line(row) + "\n" for row in rows)
    return [path, jsonl]


def write_claim_pairs(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """Pairs of claims in one group labelled agree or contradict, as JSONL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(json_line(pair) + "\n" for pair in claim_pairs(drafts))
    return [path]


def claim_rows(drafts: Iterable[ArticleDraft]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(group key or "", row) per claim and group membership, in article and text order."""
    for key, row, _typed in _memberships(drafts):
        yield key, row


Typed = tuple[tuple[ClaimValue, ...] | None, dt.date | None]  # a claim's values, its day


def _memberships(drafts: Iterable[ArticleDraft]) -> Iterator[tuple[str, dict[str, Any], Typed]]:
    """``claim_rows`` with each claim's typed values and its article's day."""
    for draft in drafts:
        spans = {s.key: s for s in draft.annotations}
        for claim in (s for s in draft.annotations if s.layer is Layer.CLAIM):
            row = _claim_row(draft, claim, spans)
            typed = (from_attrs(claim.attrs), article_day(draft.published))
            members = [m for m in draft.groups if m.span_key == claim.key]
            if not members:
                yield "", {**row, "group": "", "value": "", "stance": "", "holds": False}, typed
            for m in members:
                yield m.group_key, {**row, **_member_fields(m)}, typed


def claim_pairs(drafts: Iterable[ArticleDraft]) -> Iterator[dict[str, Any]]:
    """Every labelled pair of a group, groups in order of first appearance, pairs in row order."""
    groups: dict[str, list[tuple[dict[str, Any], Typed]]] = {}
    for key, row, typed in _memberships(drafts):
        if key:
            groups.setdefault(key, []).append((row, typed))
    for rows in groups.values():
        for (a, typed_a), (b, typed_b) in combinations(rows, 2):
            label = pair_label(a, b, (typed_a, typed_b))
            if label:
                yield {"group": a["group"], "label": label, "a": a, "b": b}


def pair_label(a: dict[str, Any], b: dict[str, Any],
               typed: tuple[Typed, Typed] | None = None) -> str | None:
    """Typed values decide when both claims state one of a slot (a conflict contradicts,
    core/values.py), else the values they state on the point, else stances; None when
    neither tells."""
    if typed is not None:
        (va, da), (vb, db) = typed
        if va and vb and point(va, da, vb, db) is not None:
            return "contradict" if conflicts(va, da, vb, db) else "agree"
    value_a, value_b = _norm(a["value"]), _norm(b["value"])
    if value_a and value_b:
        return "agree" if value_a == value_b else "contradict"
    if a["stance"] and b["stance"]:
        if a["stance"] == b["stance"]:
            return "agree"
        return "contradict" if OPPOSITE.get(a["stance"]) == b["stance"] else None
    return None


def _claim_row(draft: ArticleDraft, claim: DocSpan, spans: dict[str, DocSpan]) -> dict[str, Any]:
    """A claim's own fields: article, text and sentence, attribution and verdict."""
    text = draft.text
    s_start, s_end = sentence_around(text, claim.start)
    sources, via, cues, quote_types = [], [], [], []
    for link in draft.links:
        target = spans.get(link.to_key)
        if link.from_key != claim.key or target is None or target.layer is not Layer.SOURCE:
            continue
        sources.append(_name(draft, target))
        via.append(CHAIN.join(_name(draft, s) for s in _reporters(draft, target, spans)))
        cues.append(str(link.attrs.get("cue", "")))
        quote_types.append(str(link.attrs.get("quote_type", "")))
    return {
        "article": draft.title, "source_path": draft.source_path or "",
        "outlet": draft.outlet or "", "published": draft.published or "",
        "claim": text[claim.start : claim.end], "start": claim.start, "end": claim.end,
        "sentence": text[min(s_start, claim.start) : max(s_end, claim.end)],
        "source": _joined(sources), "via": _joined(via), "cue": _joined(cues),
        "quote_type": _joined(quote_types),
        **{key: str(claim.attrs.get(key, "")) for key in ("kind", "checkworthy", "verdict",
                                                         "evidence")},
        **_made(claim),
    }


def _name(draft: ArticleDraft, source: DocSpan) -> str:
    """A source mention by its canonical source's name, else its text."""
    return source.source or draft.text[source.start : source.end]


def _reporters(draft: ArticleDraft, source: DocSpan, spans: dict[str, DocSpan]) -> list[DocSpan]:
    """The sources that report a source, outwards: "Laut X sagte Y" gives [X] for Y."""
    chain: list[DocSpan] = []
    while True:
        nxt = next((spans[lk.to_key] for lk in draft.links if lk.from_key == source.key
                    and lk.kind == REPORTED_BY and lk.to_key in spans), None)
        if nxt is None or nxt in chain or nxt is source:
            return chain
        chain.append(nxt)
        source = nxt


def _made(claim: DocSpan) -> dict[str, str]:
    """Who made the claim span and when (ISO 8601), and the model it was accepted from."""
    made = claim.made
    if made is None:
        return {"annotator": "", "annotated_at": "", "model": ""}
    model = f"{made.model} {made.model_version}" if made.model else ""
    return {"annotator": made.annotator or "", "annotated_at": made.at or "", "model": model}


def _member_fields(m: DocGroupMember) -> dict[str, Any]:
    """The group columns of one membership."""
    return {"group": m.group, "value": m.value, "stance": m.stance, "holds": m.holds}


def _joined(values: list[str]) -> str:
    """Cell text for several values; empty ones are left out."""
    return JOIN.join(v for v in values if v)


def _norm(value: str) -> str:
    """A value compared case- and spacing-insensitively."""
    return " ".join(value.split()).casefold()


def _csv_bool(value: bool) -> str:
    """Booleans as CSV text."""
    return "true" if value else "false"
