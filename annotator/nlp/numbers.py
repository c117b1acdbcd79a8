"""Numbers in German text with their scale and unit: "drei Tote" → 3 tot, "1,2 Milliarden Euro"
→ 1200000000 euro, "40 Prozent" and "40 %" → 40 prozent, "45-jährige" → 45 jahr."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_ONES = {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
         "sieben": 7, "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
          "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
         "siebzig": 70, "achtzig": 80, "neunzig": 90}
_SCALES = {"tausend": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6, "mrd": 1e9,
           "milliarde": 1e9, "milliarden": 1e9, "billion": 1e12, "billionen": 1e12}
_SIGNS = {"%": "prozent", "€": "euro", "$": "dollar"}
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\d])(?![.,]\d)"
_LETTERS = r"(?<![\w-])[^\W\d_]+(?![\w])"
_HEAD = re.compile(rf"{_DIGITS}|{_LETTERS}")
_TAIL = re.compile(
    r"(?:\s+(?P<scale>Tausend|tausend|Mio|Million(?:en)?|Mrd|Milliarden?|Billion(?:en)?)\b\.?)?"
    r"(?:\s?(?P<sign>[%€$])|-(?P<suffix>jährig|fach|prozentig)\w*"
    r"|\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?(?P<unit>[A-ZÄÖÜ][\wäöüß]*))?"
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*Uhr\b")
_SUFFIX_UNITS = {"jährig": "jahr", "fach": "fach", "prozentig": "prozent"}
_NOT_UNITS = frozenset(("Uhr",))


class Number(NamedTuple):
    """A number as a text states it: its value, the unit's stem ("" for none), where."""

    value: float
    unit: str
    text: str
    start: int
    end: int


def stem(word: str) -> str:
    """A rough German stem for comparing units and predicates: "Toten", "Tote" → "tot",
    "Jahren" → "jahr", "veröffentlichte" → "veröffentlicht"."""
    word = word.lower()
    for ending in ("en", "e", "n", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def number_word(word: str) -> int | None:
    """The value of a German number word up to the millions' head: "drei" 3,
    "einundzwanzig" 21, "dreihundert" 300, "zweitausendfünf" 2005; None for other words and
    for "ein", "eine" (an article, mostly)."""
    word = word.lower().replace("ss", "ß")
    if word in ("ein", "eine"):
        return None
    return _split(word, "tausend", 1000, _below_thousand)


def _split(word: str, unit: str, factor: int, below) -> int | None:
    """``[head] unit [tail]`` as head × factor + tail, each part read by ``below``."""
    if unit not in word:
        return below(word)
    head, _, tail = word.partition(unit)
    high = below(head) if head else 1
    low = below(tail) if tail else 0
    return high * factor + low if high is not None and low is not None else None


def _below_thousand(word: str) -> int | None:
    return _split(word, "hundert", 100, _below_hundred)


def _below_hundred(word: str) -> int | None:
    if word in _ONES or word in _TEENS or word in _TENS:
        return {**_ONES, **_TEENS, **_TENS}[word]
    ones, _, tens = word.partition("und")
    if ones in _ONES and tens in _TENS:
        return _ONES[ones] + _TENS[tens]
    return None


def _value(raw: str, scale: str | None) -> float | None:
    if raw[0].isdecimal():  # "³" is a digit, but no decimal one
        value = float(raw.replace(".", "").replace(",", "."))
    elif raw.lower() in ("ein", "eine") and scale:  # "eine Million"
        value = 1.0
    else:
        word = number_word(raw)
        if word is None:
            return None
        value = float(word)
    return value * _SCALES.get((scale or "").lower(), 1.0)


def find_numbers(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[Number]:
    """The numbers of ``text`` outside ``taken`` (dates, say) and clock times; a bare year
    (1900–2099 without a unit) is no number here."""
    taken = [*taken, *(m.span() for m in _TIME.finditer(text))]
    out: list[Number] = []
    for head in _HEAD.finditer(text):
        if any(a <= head.start() < b for a, b in taken) or (out and head.start() < out[-1].end):
            continue
        tail = _TAIL.match(text, head.end())
        assert tail is not None  # every part of it is optional
        value = _value(head.group(), tail.group("scale"))
        if value is None:
            continue
        unit = _unit(tail)
        end = tail.end() if unit or tail.group("scale") else head.end()
        if unit == "" and head.group().isdigit() and 1900 <= value <= 2099:
            continue
        out.append(Number(value, unit, text[head.start():end], head.start(), end))
    return out
def _unit(m: re.Match[str]) -> str:
    if m.group("sign"):
        return _SIGNS[m.group("sign")]
    if m.group("suffix"):
        return _SUFFIX_UNITS[m.group("suffix")]
    unit = m.group("unit")
    return stem(unit) if unit and unit not in _NOT_UNITS else ""
