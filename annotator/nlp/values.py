"""The typed values a German claim states (core/values.py compares them): weekdays, dates,
numbers with their unit, places and persons (from entity spans), and yes/no; and, for claims
without them, the words two claims state differently."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from annotator.core.german import iter_dates
from annotator.core.model import Span
from annotator.core.values import SLOTS, WEEKDAY_NAMES, ClaimValue
from annotator.nlp.match_features import (
    differing_words,
    extract_dates,
    extract_entities,
    extract_numbers,
    fold,
)
from annotator.nlp.numbers import find_numbers, number_word, stem


class Found(NamedTuple):
    """A value and where the text states it."""

    value: ClaimValue
    start: int
    end: int


_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r"|Sonnabend)"
                      r"(?:abend|morgen|mittag|vormittag|nachmittag|nacht|früh)?\b")
_RELATIVE = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
_RELATIVE_WORD = re.compile(r"(?<!\w)(?<![hH]eute )(?<![gG]estern )(vorgestern|gestern|heute|Heute"
                            r"|Gestern|Vorgestern|übermorgen|morgen)(?!\w)")
_ENTITY_SLOTS = {"PER": "person", "LOC": "place", "GPE": "place"}
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*")
_NEGATION_WORDS = "nicht kein keine keinen keinem keiner keines nie niemals nirgends weder nichts"
_NEGATIONS = frozenset(_NEGATION_WORDS.split())
_NOT_PREDICATE_WORDS = (
    "worden wurde wurden werde werden wird ist sind sei seien war waren sein gewesen hat "
    "habe haben hatte hatten soll sollen solle sollte sollten kann können könne konnte muss "
    "müssen müsse musste will wollen wolle wollte dass oder aber auch noch nach laut wie beim "
    "sich über unter eine einer einem einen eines dort hier damit dabei davon jedoch sowie "
    "zwischen gegen bereits schon erst mehr weniger rund etwa fast knapp mindestens alle alles "
    "etwas viele wenige sehr immer wieder jetzt damals dann denn doch insgesamt bisher "
    "weiter zuvor später zudem außerdem entlang lange allein zuletzt inzwischen sondern "
    "allerdings tatsächlich deutlich zunächst "
    # reporting verbs: who said it is not what is said
    "sagte sagt sagten sagen betonte betont erklärte erklärt mitteilte mitgeteilt teilte "
    "hieß heißt berichtete berichtet nannte meldete meldet zufolge")
_NOT_PREDICATES = frozenset(_NOT_PREDICATE_WORDS.split())
_CLAUSE_MARK = re.compile(r"[,;:„“”\"«»()–]")  # a negation beyond one denies something else


def extract(text: str, published: str | None = None,
            entities: Sequence[Span] = ()) -> list[Found]:
    """Every value ``text`` states, in text order. ``published`` (the article's ISO date)
    resolves "gestern" and "heute", which are left out without it; ``entities`` are PER and
    LOC spans relative to ``text``."""
    found = _weekdays(text) + _dates(text, published)
    taken = [(f.start, f.end) for f in found]
    found += [Found(ClaimValue("number", _num(n.value), n.text, n.unit), n.start, n.end)
              for n in find_numbers(text, taken)]
    found += [Found(ClaimValue(_ENTITY_SLOTS[s.label], fold(text[s.start:s.end]),
                               text[s.start:s.end]), s.start, s.end)
              for s in entities if s.label in _ENTITY_SLOTS and 0 <= s.start < s.end <= len(text)]
    polarity = _yes_no(text)
    found += [polarity] if polarity else []
    return sorted(found, key=lambda f: (f.start, SLOTS.index(f.value.slot)))


def _num(value: float) -> str:
    value = float(f"{value:.12g}")  # 2,3 Milliarden: 2.3 * 1e9 is 2299999999.9999995
    return str(int(value)) if value == int(value) else f"{value:.12g}"


def _weekdays(text: str) -> list[Found]:
    return [Found(ClaimValue("weekday", "Samstag" if m.group(1) == "Sonnabend" else m.group(1),
                             m.group()), m.start(), m.end())
            for m in _WEEKDAY.finditer(text)]


def _dates(text: str, published: str | None) -> list[Found]:
    """Calendar dates (the longest reading of each), and relative days when the article's
    date is known."""
    out: list[Found] = []
    for d in sorted(iter_dates(text, partial=True), key=lambda d: (d.start, -d.end)):
        if out and d.start < out[-1].end:
            continue
        value = d.iso or f"--{d.month:02d}-{d.day:02d}"
        out.append(Found(ClaimValue("date", value, text[d.start:d.end].strip()), d.start, d.end))
    day = _iso_day(published)
    if day is not None:
        for m in _RELATIVE_WORD.finditer(text):
            shift = _RELATIVE[m.group(1).lower()]
            out.append(Found(ClaimValue("date", (day + dt.timedelta(days=shift)).isoformat(),
                                        m.group(1)), m.start(), m.end()))
    return out


def _iso_day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _yes_no(text: str) -> Found | None:
    """Whether the claim affirms or denies its predicate: the last verb-like word (not one
    before a noun, nor a reporting verb) and a negation in its clause ("nicht
    veröffentlicht" → nein, "veröffentlicht" → ja)."""
    words = list(_WORD.finditer(text))
    predicate = next((m for m in reversed(words) if _verb_like(m, text)), None)
    if predicate is None:
        return None
    start, end = predicate.span()
    negation = next((m for m in reversed(words) if m.group().lower() in _NEGATIONS
                     and not _CLAUSE_MARK.search(text, min(m.end(), end),
                                                 max(m.start(), start))), None)
    if negation is not None:
        start, end = min(start, negation.start()), max(end, negation.end())
    return Found(ClaimValue("yes/no", "ja" if negation is None else "nein", text[start:end],
                            stem(predicate.group())), start, end)


def _verb_like(m: re.Match[str], text: str) -> bool:
    word = m.group()
    if not word[0].islower() or len(word) <= 3 or word in _NOT_PREDICATES:
        return False
    if word in _NEGATIONS or word in _RELATIVE or number_word(word) is not None:
        return False
    after = re.match(r"\s+(\w)", text[m.end():])
    return after is None or not after.group(1).isupper()  # "tschechische Minister": no verb


_SLOT_NAMES = {name: name for name in SLOTS} | {
    "wochentag": "weekday", "tag": "weekday", "datum": "date", "zahl": "number",
    "anzahl": "number", "ort": "place", "name": "person", "ja/nein": "yes/no",
    "yes-no": "yes/no", "polarity": "yes/no"}
_TYPED = re.compile(r"\s*([\w/-]+)\s*:\s*(.+?)\s*")


def parse_value(typed: str, published: str | None = None,
                slot: str | None = None) -> ClaimValue | None:
    """The value a person typed: "slot: text" ("Ort: Prag", "number: vier Tote") or text
    alone, read as what it says; ``slot`` is the value's slot when none is typed. None when
    the text states no value of that slot."""
    match = _TYPED.fullmatch(typed)
    if match and match.group(1).lower() in _SLOT_NAMES:
        slot, typed = _SLOT_NAMES[match.group(1).lower()], match.group(2)
    typed = typed.strip()
    if not typed:
        return None
    if slot in ("place", "person"):
        return ClaimValue(slot, fold(" ".join(typed.split())), typed)
    said = re.fullmatch(r"(?i)(ja|nein|yes|no)\b\W*(.*)", typed)
    if said and slot in (None, "yes/no"):
        words = said.group(2).split()
        return ClaimValue("yes/no", "ja" if said.group(1).lower() in ("ja", "yes") else "nein",
                          typed, stem(words[-1]) if words else "")
    found = [f.value for f in extract(typed, published)
             if f.value.slot == slot or slot is None and f.value.slot != "yes/no"]
    return found[0] if found else None


# -- claims without typed values -----------------------------------------------------------


def stated_values(a: str, b: str, limit: int = 60) -> tuple[str, str]:
    """The dates and numbers (else names, else differing words) only one of two claims states.

    "am Mittwoch in Dresden" vs "am Donnerstag in Prag" → ("Mittwoch", "Donnerstag").
    """
    for find in (lambda t: extract_dates(t) + extract_numbers(t), extract_entities):
        slots_a, slots_b = find(a), find(b)
        keys_a, keys_b = {s.key for s in slots_a}, {s.key for s in slots_b}
        only_a = _join([s.text for s in slots_a if s.key not in keys_b])
        only_b = _join([s.text for s in slots_b if s.key not in keys_a])
        if only_a and only_b:
            return only_a[:limit], only_b[:limit]
    spans_a, spans_b = differing_words(a, b)
    return (
        _join([a[s:e] for s, e in spans_a])[:limit],
        _join([b[s:e] for s, e in spans_b])[:limit],
    )


def _join(texts: list[str]) -> str:
    return " ".join(dict.fromkeys(texts))
