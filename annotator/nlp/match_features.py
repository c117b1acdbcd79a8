"""Text features for matching claims: folding, slots (dates, numbers, entities), shared words
and the words in which two claims differ.

The rankers (app/matching_rank.py) score candidates by char n-gram TF-IDF after ``fold``
(nlp/lexical.py); ``compare`` gives the slot parts the learned re-ranker adds and the words the
panel shows as shared, ``differing_words`` what the disputes view highlights.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

# A slot part is 0 when either text lacks the slot, else 0.5 + half the Jaccard of their values.
SLOTS = ("numbers", "dates", "entities")

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


def fold(text: str) -> str:
    """Lowercase, ä→ae, ö→oe, ü→ue, ß→ss, accents stripped: "Procházková" meets "Prochazkova"."""
    text = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Slot(NamedTuple):
    """A number, date or name found in a text: ``key`` compares, ``text`` is shown."""

    key: str
    text: str
    start: int
    end: int


_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_MONTHS = tuple(
    str.split("Januar Februar März April Mai Juni Juli August September Oktober November Dezember")
)
_MONTH_NO = {m: n for n, m in enumerate(_MONTHS, 1)} | {"Jänner": 1, "Sept": 9}
_WEEKDAY = re.compile(
    r"\b(" + "|".join(_WEEKDAYS) + r"|Sonnabend)"
    r"(?:s|abend|morgen|mittag|vormittag|nachmittag|nacht|früh)?\b"
)
_DAY_MONTH = re.compile(r"\b(\d{1,2})\.\s?(" + "|".join(_MONTH_NO) + r")\b(?:\s+(\d{4})\b)?")
_NUMERIC_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?!\d))?")
_MONTH_ONLY = re.compile(r"\b(?:im|Im|seit|bis|Ende|Anfang|Mitte)\s+(" + "|".join(_MONTHS) + r")\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*Uhr\b")
_SCALE = dict.fromkeys(("tausend",), 1e3) | dict.fromkeys(("mio", "million", "millionen"), 1e6)
_SCALE |= dict.fromkeys(("mrd", "milliarde", "milliarden"), 1e9)
_SCALE |= dict.fromkeys(("billion", "billionen"), 1e12)
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d])"
    r"(?:(?:\s+(Tausend|Mio|Millionen?|Mrd|Milliarden?|Billionen?)\b\.?)"
    r"|-?(jährig\w*|fach\w*|prozentig\w*))?"
)
_NUMBER_WORDS = dict(
    zip(
        ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"),
        range(2, 13),
        strict=True,
    )
)
_NUMBER_WORD = re.compile(r"(?i)\b(" + "|".join(_NUMBER_WORDS) + r")\b")


def _num_key(value: float) -> str:
    """A comparable string for a value: 1200000000, 1.2, 40."""
    value = float(f"{value:.12g}")  # 2,3 Milliarden: 2.3 * 1e9 is 2299999999.9999995
    return str(int(value)) if value == int(value) else f"{value:.12g}"


def extract_dates(text: str) -> list[Slot]:
    """Weekdays ("am Mittwochabend" → Mittwoch), "23. Oktober", "24.10.", "im Oktober"."""
    out: list[Slot] = []
    for m in _WEEKDAY.finditer(text):
        day = "Samstag" if m.group(1) == "Sonnabend" else m.group(1)
        out.append(Slot(day, m.group(), m.start(), m.end()))
    for m in _DAY_MONTH.finditer(text):
        out.append(Slot(f"{int(m.group(1))}.{_MONTH_NO[m.group(2)]}.", m.group(), *m.span()))
    for m in _NUMERIC_DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            out.append(Slot(f"{day}.{month}.", m.group(), m.start(), m.end()))
    for m in _MONTH_ONLY.finditer(text):
        out.append(Slot(f"{_MONTH_NO[m.group(1)]}.", m.group(1), m.start(1), m.end(1)))
    return sorted(out, key=lambda s: s.start)


def extract_numbers(text: str) -> list[Slot]:
    """Numbers with their scale: "1,2 Milliarden" → 1200000000, "45-jährige" → 45, "zwei" → 2."""
    taken = [(s.start, s.end) for s in extract_dates(text)]
    taken += [m.span() for m in _TIME.finditer(text)]
    out: list[Slot] = []
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        value = float(m.group(1).replace(".", "") + ("." + m.group(2) if m.group(2) else ""))
        scale = (m.group(3) or "").lower().rstrip(".")
        value *= _SCALE.get(scale, 1.0)
        out.append(Slot(_num_key(value), m.group(), m.start(), m.end()))
    for m in _NUMBER_WORD.finditer(text):
        out.append(Slot(str(_NUMBER_WORDS[m.group(1).lower()]), m.group(), m.start(), m.end()))
    return sorted(out, key=lambda s: s.start)


_WORD = re.compile(r"\w+(?:[-.,]\w+)*")
_STOP_WORDS = (
    "der die das des dem den ein eine einer eines einem einen und oder aber auch nicht noch "
    "nach laut wie am im in an auf aus bei mit von vom zu zum zur für über unter vor es er sie "
    "wir ihr man sich sei seien ist sind war hat haben hatte wurde wurden werden wird soll "
    "sollen dass als bis durch ob so nur schon erst bereits dort hier sein seine ihre ihren "
    "ihrem diese dieser dieses damit dabei davon jedoch allerdings sowie zwischen gegen seit "
    "beim ins"
)
_STOP = frozenset(_STOP_WORDS.split())


def extract_entities(text: str) -> list[Slot]:
    """Capitalised words that are not function words: names and, in German, nouns."""
    return [
        Slot(fold(m.group()), m.group(), m.start(), m.end())
        for m in _WORD.finditer(text)
        if m.group()[0].isupper()
        and m.group().lower() not in _STOP
        and len(m.group()) > 1
        and not m.group()[0].isdigit()
    ]


def _content_words(text: str) -> dict[str, str]:
    """Folded content word → first spelling, for the "shared" list."""
    out: dict[str, str] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) > 3 and word.lower() not in _STOP and not word[0].isdigit():
            out.setdefault(fold(word), word)
    return out


def _part(a: set[str], b: set[str]) -> float:
    """Half for both having the slot at all (a contradiction differs in value), half Jaccard."""
    if not a or not b:
        return 0.0
    return 0.5 + 0.5 * len(a & b) / len(a | b)


class _Features(NamedTuple):
    numbers: dict[str, str]
    dates: dict[str, str]
    entities: dict[str, str]
    words: dict[str, str]


def _features(text: str, names: Sequence[str] = ()) -> _Features:
    """Slots of one text, each as key → first spelling."""
    ents = {fold(n): n for n in names} or {s.key: s.text for s in extract_entities(text)}
    return _Features(
        {s.key: s.text for s in reversed(extract_numbers(text))},
        {s.key: s.text for s in reversed(extract_dates(text))},
        ents,
        _content_words(text),
    )


def _compare(q: _Features, c: _Features) -> tuple[dict[str, float], list[str]]:
    """Slot parts (numbers, dates, entities) and the words two texts share, shown first."""
    parts = {name: round(_part(set(getattr(q, name)), set(getattr(c, name))), 4)
             for name in SLOTS}
    shared = [q.numbers[k] for k in q.numbers if k in c.numbers]
    shared += [q.dates[k] for k in q.dates if k in c.dates]
    seen = {fold(w) for s in shared for w in s.split()}
    for words in (q.entities, q.words):
        for k, word in words.items():
            if (k in c.entities or k in c.words) and k not in seen:
                seen.add(k)
                shared.append(word)
    return parts, shared[:12]


def compare(query_text: str, candidate_text: str) -> tuple[dict[str, float], list[str]]:
    """Shared numbers, dates and names of two texts (each 0, or 0.5 + half their Jaccard), and
    the words they share: the slot features of the learned ranker and the panel's "shares"."""
    return _compare(_features(query_text), _features(candidate_text))


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with their spans, folded for comparison."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def differing_words(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans in a and in b whose words differ, to highlight two claims side by side."""
    ta, tb = _word_spans(a), _word_spans(b)
    matcher = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            spans_a.append((ta[i1][0], ta[i2 - 1][1]))
        if j2 > j1:
            spans_b.append((tb[j1][0], tb[j2 - 1][1]))
    return spans_a, spans_b
