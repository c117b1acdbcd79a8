"""Zones one line holds by its own form: furniture, header pieces, captions, datelines.

``line_zones`` returns (start, end, label) parts within the trimmed line; ``zones.py`` adds what
needs the neighbouring lines.
"""

from __future__ import annotations

import re

from annotator.core import german
from annotator.nlp import zone_forms as f
from annotator.nlp import zone_words as w
from annotator.nlp.zone_words import BYLINE, CAPTION, CREDIT, DATELINE, NOTE, SUBHEAD

Part = tuple[int, int, str]  # start and end within a line, label

_LONG = 700  # characters: longer lines are body whatever they start with
# Piece separators; t-online glues "… 09:12 UhrLesedauer: 2 Min." together, and whatever
# follows "14:05 Uhr" on a header line is a piece of its own ("… Uhr 42 Kommentare", glued
# "… Uhr2 Min. Lesezeit").
_GLUED_PIECES = ("Lesedauer", "Lesezeit", "Aktualisiert", "Veröffentlicht", "Stand:")
_PIECES = re.compile(
    rf"\s*[|·•]\s*|(?<=[a-zäöüß\d.])(?={'|'.join(_GLUED_PIECES)})|\s+(?=(?:Aktualisiert|Veröffentlicht)\b)"
    r"|(?<=\d\sUhr)(?:\s+(?=\S)(?!(?:MESZ|MEZ|CEST|CET|UTC|GMT)\b)|(?=[\dA-ZÄÖÜ]))"
)
_NAMES = re.compile(w.NAMES)
_GLUED_BUTTON = re.compile(r"(?<=[.!?)\"“”»])[A-ZÄÖÜ][\w -]{2,30}$")
_DATELINE_HINTS = ("(", "–", "—", " - ")  # a dateline has its agency in brackets, or a dash
_HEAD_SPLIT = re.compile(r"\s*,\s*|\s+[-–—]\s+")
_ARTICLES = frozenset(("der", "die", "das", "ein", "eine", "dem", "den", "des"))
_PIECES_MAX = 200  # characters: a byline, date and reading time together are shorter
_DATE_MAX = 60  # characters: "Donnerstag, 21. November 2024, 21:40 Uhr MEZ" is shorter
_ENTRY_WORDS = 20  # a live-blog entry's headline is shorter; longer text after a time is body


def line_zones(text: str) -> list[Part]:
    """Zones one line holds by its own form, without looking at its neighbours."""
    if len(text) <= _LONG:
        label = f.label_of_line(text)
        if label:
            return [(0, len(text), label)]
        parts = (
            (len(text) <= _PIECES_MAX and _header_pieces(text))
            or _caption_with_credit(text)
            or _live_entry(text)
            or _glued_button(text)
        )
        if parts:
            return parts
    return _dateline_parts(text)


def _header_pieces(text: str) -> list[Part] | None:
    """``Von Anna Berger | 22.10.2024 | Lesezeit: 3 Min.``: every piece a header piece."""
    if not w.DIGIT.search(text) and not any(mark in text for mark in "|·•"):
        return None  # one piece, and no date in it: the whole line was asked already
    pieces = _split(text, _PIECES)
    if len(pieces) == 1:
        pieces = _date_after_comma(text)
        if not pieces:
            return _name_and_date(text, 0, len(text))
        if w.PLACE.fullmatch(text[: pieces[0][1]]):
            return [(0, len(text), DATELINE)]  # "Berlin, 22. Oktober 2024"
    parts: list[Part] = []
    programme = False  # "Radio Rheintal, Morgenjournal, 07.06.2025": a broadcast note
    for start, end in pieces:
        label = _piece_label(text[start:end])
        if label is None and w.BROADCAST.fullmatch(text[start:end]):
            programme = True
        elif label is None and not _is_name(text[start:end]):
            split = _name_and_date(text, start, end)
            if split is None:
                return None
            parts += split
            continue
        parts.append((start, end, label or ""))
    if programme:
        return [(0, len(text), NOTE)] if any(p[2] == DATELINE for p in parts) else None
    if not any(label for *_, label in parts):
        return None
    return _merge([(start, end, label or BYLINE) for start, end, label in parts])


def _name_and_date(text: str, start: int, end: int) -> list[Part] | None:
    """``Marten Vollmer 08.07.2025``: a name and a date with only a space between."""
    found = list(w.TRAILING_DATE.finditer(text, start, end))
    if not found:
        return None
    head, date = text[start : found[-1].start()], text[found[-1].end() : end]
    if not (_is_name(head) or f.is_byline(head)) or not f.is_date_line(date):
        return None
    return [(start, found[-1].start(), BYLINE), (found[-1].end(), end, DATELINE)]


def _merge(parts: list[Part]) -> list[Part]:
    """Neighbouring pieces of one kind are one zone, their separator included."""
    merged: list[Part] = []
    for part in parts:
        if merged and merged[-1][2] == part[2]:
            merged[-1] = (merged[-1][0], part[1], part[2])
        else:
            merged.append(part)
    return merged


def _date_after_comma(text: str) -> list[tuple[int, int]]:
    """``Von Anna Berger und Jan Roth, Berlin, 22.10.2024``: the head and the date after it."""
    if not w.DIGIT.search(text):
        return []
    for match in _HEAD_SPLIT.finditer(text, max(len(text) - _DATE_MAX, 0)):
        if match.start() and f.is_date_line(text[match.end() :]):
            return [(0, match.start()), (match.end(), len(text))]
    return []


def _split(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The non-empty pieces between separator matches, as (start, end)."""
    pieces, start = [], 0
    for match in pattern.finditer(text):
        if match.start() > start:
            pieces.append((start, match.start()))
        start = max(start, match.end())
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


def _piece_label(piece: str) -> str | None:
    if f.is_note(piece):
        return NOTE  # "aus DER RUNDBLICK 24/2024"
    return f.header_label(piece) or (w.NAV if f.is_nav(piece) or f.is_brand_like(piece) else None)


def _is_name(piece: str) -> bool:
    """``Anna Berger``, ``Anna Berger, Jan Roth``: capitalised names beside a date or agency
    piece; no masthead in capitals."""
    words = piece.split()
    if not 2 <= len(words) <= 12 or words[0].lower() in _ARTICLES or f.is_brand_like(piece):
        return False
    return bool(_NAMES.fullmatch(piece))


def _caption_with_credit(text: str) -> list[Part] | None:
    """``Olaf Scholz in Kiew. Foto: picture alliance / dpa`` → CAPTION and CREDIT."""
    start = max(len(text) - 121, 1)
    tail = text[start:].lower()
    if not any(hint in tail for hint in w.CREDIT_HINTS):
        return None
    for match in w.CREDIT_TAIL.finditer(text, start):
        tail = text[match.start() :]
        if len(tail.split()) > 14:
            continue
        if not f.is_credit(tail) and not f.is_credit(tail.lstrip("| ")):
            continue
        end = len(text[: match.start()].rstrip(" |–-,"))
        if end and any(c.isalpha() for c in text[:end]) and end <= 400:
            head = BYLINE if f.is_byline(text[:end]) else CAPTION  # "Text: …, Fotos: …"
            return [(0, end, head), (match.start(), len(text), CREDIT)]
    return None


def _glued_button(text: str) -> list[Part] | None:
    """``… schärfere Regeln.Vergrößern des Bildes``: a button glued to a sentence's end."""
    match = _GLUED_BUTTON.search(text, max(len(text) - 40, 1))
    if match is None or f.key(match.group()) not in w.NAV_PHRASES:
        return None
    return [(match.start(), len(text), w.NAV)]


def _live_entry(text: str) -> list[Part] | None:
    """``21:40 Uhr: Sturmflut erwartet``, ``74' Tor!``: the time stamp, and the entry's
    headline."""
    match = w.LIVE_ENTRY.fullmatch(text) or w.MINUTE_ENTRY.fullmatch(text)
    if match is None or f.date_piece(text):
        return None
    parts = [(match.start("time"), match.end("time"), DATELINE)]
    rest = match["rest"]
    if len(rest.split()) <= _ENTRY_WORDS and not rest.endswith((".", ",", ";")) \
            and f.starts_like_heading(rest):  # fmt: skip
        parts.append((match.start("rest"), match.end("rest"), SUBHEAD))
    return parts


def _dateline_parts(text: str) -> list[Part]:
    """A ``Berlin (dpa) –`` opening and a closing ``(dpa)`` of a body paragraph."""
    parts: list[Part] = []
    opening = text[:100]
    hinted = any(hint in opening for hint in _DATELINE_HINTS)
    found = german.parse_dateline(text) if hinted else None
    match = None if found else w.DATELINE_OPEN.match(text[:200]) or w.UPDATE_OPEN.match(text[:80])
    end = found.end if found else (match.end() if match else place_end(text, w.PLACE_DASH))
    if end:
        parts.append((0, len(text[:end].rstrip()), DATELINE))
    closing = w.TRAILING_CREDIT.search(text, max(len(text) - 80, 0))
    if closing and closing.start("credit") > end:
        parts.append((closing.start("credit"), closing.end("credit"), CREDIT))
    return parts


def place_end(text: str, pattern: re.Pattern[str]) -> int:
    """Where a ``Köln –`` or ``Hannover.`` opening of a long paragraph ends, else 0."""
    match = pattern.match(text, 0, 80) if len(text) >= 80 else None
    if match is None or match["place"].split()[0].lower() in w.NOT_PLACES:
        return 0
    return match.end()
