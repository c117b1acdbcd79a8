"""Suggest who makes a claim in German news: reporting cue, speaker span and quote type, by rules.

Rule-based on purpose: it needs no model, only the entity spans the annotator or the NER model
already produced, and it answers while the annotator marks a claim. Offsets are code points.

The claim's sentence is searched first, then (for quotations and Konjunktiv, which carry their
speaker along) the sentence before and after. "unattributed" means no cue was found at all; a
direct or reported claim whose speaker cannot be found keeps its type with ``source`` None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from msgspec import Struct

from annotator.core.model import Span
from annotator.nlp.attribution_finder import Cue, Finder, Found, sentence_at
from annotator.nlp.attribution_words import DETS, KONJ, NOT_KONJ, REPORTING_CUES

__all__ = ["QUOTE_TYPES", "REPORTING_CUES", "Attribution", "Hop", "suggest_attribution"]

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "reported", "unattributed")


class Hop(NamedTuple):
    """A source that reports what the speaker said ("Laut X sagte Y": X), with its cue."""

    source: tuple[int, int]
    cue: str


class Attribution(Struct, frozen=True):
    """A suggested attribution; ``source`` is None when nobody is cited (or none was found).
    ``via`` holds the sources that report the speaker, innermost first (claim → source → via)."""

    source: tuple[int, int] | None
    cue: str | None
    cue_span: tuple[int, int] | None
    quote_type: str
    confidence: float
    via: tuple[Hop, ...] = ()


_FRAMES = ("after", "zufolge", "wie")  # cues that may report a speaker's words
_BASE = {"verb": 0.85, "after": 0.85, "zufolge": 0.85, "wie": 0.8, "impersonal": 0.6}
_HOW = {"source": 1.1, "entity": 1.0, "np": 0.85, "pronoun": 0.7}


def _neighbour(text: str, lo: int, hi: int, step: int) -> tuple[int, int] | None:
    """The sentence before (step -1) or after (+1) text[lo:hi] in the same paragraph."""
    if step < 0:
        gap = text[:lo].rstrip()
        if not gap or "\n\n" in text[len(gap) : lo]:
            return None
        return sentence_at(text, len(gap) - 1)
    rest = text[hi:].lstrip()
    if not rest or "\n\n" in text[hi : len(text) - len(rest)]:
        return None
    return sentence_at(text, len(text) - len(rest))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best(
    f: Finder, win: tuple[int, int], claim: tuple[int, int], need: bool
) -> tuple[Cue, Found, float] | None:
    """The most plausible cue in win: one with a speaker, then the surest, then the nearest."""
    best: tuple[tuple[bool, float, int], Cue, Found, float] | None = None
    for cue in f.cues(*win):
        sp = f.speaker(cue, sentence_at(f.text, cue.span[0]))
        if need and sp is None:
            continue
        conf = _BASE[cue.kind] * (_HOW[sp[1]] if sp else 0.45)
        gap = min(abs(cue.span[0] - claim[1]), abs(claim[0] - cue.span[1]))
        key = (sp is not None, round(conf, 1), 0 if _overlap(cue.span, claim) else -gap)
        if best is None or key > best[0]:
            best = (key, cue, sp, conf)
    return best[1:] if best else None


def _nested(
    f: Finder, hit: tuple[Cue, Found, float], claim: tuple[int, int]
) -> tuple[tuple[Cue, Found, float], tuple[Hop, ...]]:
    """A verb of saying and a frame outside the claim in one sentence ("Laut X sagte Y", "Y
    sagte X zufolge", "Wie X berichtet, sagte Y"): Y speaks, X reports it."""
    sent = sentence_at(f.text, hit[0].span[0])
    found: list[tuple[Cue, tuple[tuple[int, int], str]]] = []
    for c in f.cues(*sent):
        sp = f.speaker(c, sent)
        if sp and not _overlap(c.span, claim) and not _overlap(sp[0], claim):
            found += [(c, sp)] if "eigene" not in c.surface.lower() else []
    verbs = [(c, sp) for c, sp in found if c.kind == "verb"]
    if not verbs:
        return hit, ()
    cue, sp = min(verbs, key=lambda v: min(abs(v[0].span[0] - claim[1]),
                                           abs(claim[0] - v[0].span[1])))
    via = tuple(Hop(s[0], c.surface) for c, s in found
                if c.kind in _FRAMES and not _overlap(s[0], sp[0]))
    return ((cue, sp, _BASE["verb"] * _HOW[sp[1]]), via) if via else (hit, ())


def _konjunktiv(f: Finder, start: int, end: int) -> bool:
    """Konjunktiv I/II of reported speech (sei, habe, hätten, "man prüfe") outside quotations."""
    toks = f.toks[f.index(start) : f.index(end - 1) + 1]
    for k, t in enumerate(toks):
        if f.quoted(t.start) or not t.text.islower():
            continue
        near = {toks[n].low for n in (k - 1, k + 1) if 0 <= n < len(toks)}
        if t.low in KONJ and not near & {"ich", "wir"}:
            return True
        regular = len(t.low) > 3 and t.low[-1] == "e" and not t.low.endswith(("te", "ige", "che"))
        if near & {"man", "er", "es"} and regular and t.low not in DETS | NOT_KONJ:
            return True  # Konjunktiv I of any regular verb: "man prüfe", "gehöre er"
    return False


def _framed(text: str, quote: tuple[int, int], cue: Cue) -> bool:
    """A quotation introduced by its cue ("X sagte: „…“") or closed by it ("„…“, sagte X")."""
    if cue.span[0] >= quote[1]:  # and the quotation opens its sentence
        opening = text[sentence_at(text, quote[0])[0] : quote[0]].strip(' „“”«»"')
        return not opening and re.fullmatch(r"\s*,\s*", text[quote[1] : cue.span[0]]) is not None
    between = text[cue.span[1] : quote[0]]
    return len(between) < 100 and between.rstrip().endswith(":") and "." not in between


def suggest_attribution(
    text: str,
    claim: tuple[int, int],
    entities: Sequence[Span],
    sources: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """Who the claim text[claim] is attributed to, to prefill its source; None if no claim."""
    start, end = claim
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        return None
    lo = max(0, start - 3000)  # start scanning quotes at a paragraph start
    lo = min(text.find("\n\n", lo) + 2, start) if lo and "\n\n" in text[lo:start] else lo
    f = Finder(text, lo, min(len(text), end + 3000), entities, sources)
    quotes = [q for q in f.quotes if _overlap(q, claim)]
    share = sum(_overlap(q, claim) for q in quotes) / (end - start)
    win = (sentence_at(text, start)[0], sentence_at(text, end - 1)[1])
    direct = share >= 0.5
    if direct:  # the quotation may run over several sentences: its frame is around all of them
        win = (
            min([win[0]] + [sentence_at(text, a)[0] for a, _ in quotes]),
            max([win[1]] + [sentence_at(text, b - 1)[1] for _, b in quotes]),
        )
    konj = not direct and _konjunktiv(f, start, end)
    hit, near = _best(f, win, claim, need=False), 1.0
    for step in (-1, 1) if hit is None and (direct or konj) else ():
        nb = _neighbour(text, *win, step)  # „…“ with its speaker in the sentence before or after
        hit, near = (_best(f, nb, claim, need=True) if nb and nb[0] >= lo else None), 0.75
        if hit:
            break
    if hit and not direct and share >= 0.2:  # "„…“, sagte X." marked with its frame
        direct = any(_framed(text, q, hit[0]) for q in quotes if len(text[q[0] : q[1]].split()) > 2)
    kind = "direct" if direct else "reported" if konj else "indirect" if hit else "unattributed"
    if hit is None:
        return Attribution(None, None, None, kind, 0.6 if kind == "unattributed" else 0.35)
    (cue, speaker, conf), via = _nested(f, hit, claim) if hit[1] else (hit, ())
    source = speaker[0] if speaker else None
    return Attribution(source, cue.surface, cue.span, kind, min(0.97, round(conf * near, 2)), via)
