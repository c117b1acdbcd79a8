"""Gold attribution sentences (tests/data/attribution) and the precision and recall of speaker,
cue and nested source chain suggested for them.

A gold line names its claim, speaker and cue by their text (GUIDELINES.md there). A suggestion
counts when it names something: a speaker or cue suggested for a case whose gold has none is a
false positive, one left out where gold has one a false negative. *Exact* wants the same span
(for a cue: the same words, at the gold place); *overlap* any shared character.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct

from annotator.core.model import Span
from annotator.nlp.attribution import suggest_attribution

Range = tuple[int, int]


class GoldError(ValueError):
    """A gold line that does not fit its text; the message names the line."""


class Case(Struct, frozen=True):
    """One gold sentence with its claim, speaker, cue words and reporting chain as offsets."""

    id: str
    kind: str
    text: str
    claim: Range
    entities: list[Span]
    speaker: Range | None
    cue: str | None  # the gold words, lowercased, one space between
    cue_spans: list[Range]
    via: list[Range]


class Guess(Struct, frozen=True):
    """What the rules said about a case: speaker, cue (words and span) and chain."""

    speaker: Range | None
    cue: str | None
    cue_span: Range | None
    via: list[Range]


class Score(Struct):
    """Counts for one field; ``exact`` and ``overlap`` count true positives."""

    suggested: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0

    def precision(self, exact: bool = True) -> float:
        return (self.exact if exact else self.overlap) / self.suggested if self.suggested else 1.0

    def recall(self, exact: bool = True) -> float:
        return (self.exact if exact else self.overlap) / self.gold if self.gold else 1.0


def entity_spans(text: str, per: Sequence[str], org: Sequence[str]) -> list[Span]:
    """Non-overlapping PER/ORG spans for every match of each name, longest names first."""
    out: list[Span] = []
    names = [(n, "PER") for n in per] + [(n, "ORG") for n in org]
    for name, label in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(s.start < m.end() and m.start() < s.end for s in out):
                out.append(Span(m.start(), m.end(), label))
    return sorted(out, key=lambda s: s.start)


def _find(text: str, needle: str, nth: int, what: str) -> Range:
    start = -1
    for _ in range(nth):
        start = text.find(needle, start + 1)
        if start < 0:
            raise GoldError(f"{what} {needle!r} (match {nth}) is not in the text")
    return start, start + len(needle)


def _words(cue: str) -> list[str]:
    """A cue's words, lowercased, without the "..." of a split cue."""
    return [w for w in cue.lower().replace("...", " ").replace("…", " ").split()]


def _cue_spans(text: str, words: list[str], nth: int) -> list[Range]:
    """Where the gold cue words stand: the first at its nth match, each other one nearest it."""
    spans: list[Range] = []
    for word in words:
        found = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I)]
        if len(found) < (1 if spans else nth):
            raise GoldError(f"cue word {word!r} is not in the text")
        near = min(found, key=lambda s: abs(s[0] - spans[0][0])) if spans else found[nth - 1]
        spans.append(near)
    return spans


def parse_case(raw: dict[str, Any]) -> Case:
    """One gold line as offsets; GoldError when a text it names is missing."""
    ident, text = raw.get("id", "?"), raw["text"]
    try:
        speaker = raw.get("speaker")
        words = _words(raw["cue"]) if raw.get("cue") else []
        return Case(
            ident, raw["kind"], text, _find(text, raw["claim"], raw.get("claim_n", 1), "claim"),
            entity_spans(text, raw.get("per", []), raw.get("org", [])),
            _find(text, speaker, raw.get("speaker_n", 1), "speaker") if speaker else None,
            " ".join(words) or None, _cue_spans(text, words, raw.get("cue_n", 1)),
            [_find(text, v, 1, "via") for v in raw.get("via") or []],
        )
    except (GoldError, KeyError) as exc:
        raise GoldError(f"{ident}: {exc}") from None


def load_cases(path: Path) -> list[Case]:
    """The gold cases of a JSONL file, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse_case(json.loads(line)) for line in lines if line.strip()]


def rules_guess(case: Case) -> Guess:
    """The attribution rules' suggestion for a case."""
    found = suggest_attribution(case.text, case.claim, case.entities)
    if found is None:
        return Guess(None, None, None, [])
    cue = " ".join(_words(found.cue)) if found.cue else None
    return Guess(found.source, cue, found.cue_span, [h[0] for h in getattr(found, "via", ())])


def _meets(a: Range | None, b: Range | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _count(score: Score, gold: bool, guess: bool, exact: bool, overlap: bool) -> None:
    score.gold += gold
    score.suggested += guess
    score.exact += gold and guess and exact
    score.overlap += gold and guess and overlap


class Report(Struct):
    """Speaker, cue and chain scores over a set of cases, and the cases that went wrong."""

    cases: int
    speaker: Score
    cue: Score
    via: Score
    wrong: list[tuple[Case, Guess]]


def score(cases: Iterable[Case], guess: Callable[[Case], Guess] = rules_guess) -> Report:
    """Compare each case's guess with its gold."""
    report = Report(0, Score(), Score(), Score(), [])
    for case in cases:
        g = guess(case)
        report.cases += 1
        sp_exact = g.speaker == case.speaker
        _count(report.speaker, case.speaker is not None, g.speaker is not None, sp_exact,
               _meets(g.speaker, case.speaker))
        cue_near = any(_meets(g.cue_span, s) for s in case.cue_spans)
        cue_exact = cue_near and sorted((g.cue or "").split()) == sorted((case.cue or "").split())
        _count(report.cue, case.cue is not None, g.cue is not None, cue_exact, cue_near)
        via_exact = g.via == case.via
        via_near = len(g.via) == len(case.via) and all(map(_meets, g.via, case.via))
        _count(report.via, bool(case.via), bool(g.via), via_exact, via_near)
        right_cue = cue_exact or (case.cue is None and g.cue is None)
        if not (sp_exact and right_cue and via_exact):
            report.wrong.append((case, g))
    return report


def format_report(report: Report, name: str = "") -> str:
    """The scores as a markdown table (precision and recall, exact and overlapping)."""
    rows = [f"| {name} ({report.cases} cases) | gold | suggested | P exact | R exact "
            "| P overlap | R overlap |", "|---" * 7 + "|"]
    for field, s in (("speaker", report.speaker), ("cue", report.cue), ("chain", report.via)):
        p, p_near = (f"{s.precision(e):.3f}" if s.suggested else "–" for e in (True, False))
        rows.append(f"| {field} | {s.gold} | {s.suggested} | {p} | {s.recall():.3f} "
                    f"| {p_near} | {s.recall(False):.3f} |")
    return "\n".join(rows) + "\n"


def format_wrong(report: Report) -> str:
    """One line per case that is not exactly right: gold and guess side by side."""
    def show(text: str, span: Range | None) -> str:
        return repr(text[span[0]:span[1]]) if span else "-"

    out = []
    for case, g in report.wrong:
        gold_via = [show(case.text, v) for v in case.via]
        via = [show(case.text, v) for v in g.via]
        out.append(f"{case.id} [{case.kind}] speaker {show(case.text, case.speaker)} / "
                   f"{show(case.text, g.speaker)}; cue {case.cue or '-'} / {g.cue or '-'}"
                   + (f"; via {gold_via} / {via}" if gold_via or via else ""))
    return "\n".join(out) + "\n"
