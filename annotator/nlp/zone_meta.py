"""An article's metadata read from its zones: title, outlet, author, date and address."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from annotator.core import german
from annotator.core.model import Span
from annotator.nlp import zone_words as w
from annotator.nlp.zone_words import BYLINE, CREDIT, DATELINE, HEADLINE, NAV

_CREDIT_HEAD = re.compile(
    r"\s*\(?\s*(?:(?:quellen?|erschienen\s+in|medium)\s*:|©|\(c\)|copyright\b)\s*"
    r"(?:(?:19|20)\d\d\b\s*)?",
    re.I,
)
_NOT_A_NAME = re.compile(r"studio|korrespondent|redaktion|büro|reporter|ressort|zentrale", re.I)


def derive_meta(text: str, zones: Iterable[Span]) -> dict[str, str | None]:
    """``title``, ``outlet``, ``author``, ``published`` (YYYY-MM-DD) and ``url``; None if absent.

    The title is the first HEADLINE without glued section words; the outlet the agency of a
    dateline, agency line or byline, else the first source a ``Quelle:`` or ``©`` credit names
    (photo credits name the photographer's agency, not the text's), else a masthead; the author
    the names of the first byline.
    """
    ordered = sorted(zones)
    pieces: dict[str, list[str]] = {}
    for zone in ordered:
        pieces.setdefault(zone.label, []).append(zone.text_in(text))
    datelines = [(z.text_in(text), text[z.start : z.end + 200]) for z in ordered
                 if z.label == DATELINE]  # fmt: skip
    title, title_outlet = _title(pieces.get(HEADLINE, []))
    return {
        "title": title,
        "outlet": _outlet(pieces) or title_outlet,
        "author": _author(pieces.get(BYLINE, [])),
        "published": _published(datelines, pieces.get(BYLINE, []), text),
        "url": next(filter(None, map(w.url_in, text.splitlines())), None),
    }


def _title(headlines: list[str]) -> tuple[str | None, str | None]:
    """The first headline, whitespace-normalised, and an outlet named after `` | ``."""
    if not headlines:
        return None, None
    title, outlet = w.outlet_suffix(" ".join(headlines[0][w.glued_nav_end(headlines[0]) :].split()))
    return title or None, outlet


def _outlet(pieces: dict[str, list[str]]) -> str | None:
    for piece in pieces.get(DATELINE, []) + pieces.get(BYLINE, []):
        if agency := w.agencies_in(piece):
            return agency
    for piece in pieces.get(CREDIT, []):
        if not w.is_photo_credit(piece) and (source := _source(piece)):
            return source
    for piece in pieces.get(NAV, []):
        if outlet := w.OUTLETS.get(w.key(piece)):
            return outlet
    return None


def _source(credit: str) -> str | None:
    """The first source a ``Quelle:`` or ``©`` credit names: ``Quelle: ZEIT ONLINE, dpa``."""
    if agency := german.credited_agency(credit):
        return german.agency_credit(agency)
    name = _CREDIT_HEAD.sub("", credit, count=1)
    first = re.split(r"\s*[,/|;]\s*|\s+(?:und|&)\s+", name, maxsplit=1)[0].strip(" ()")
    if not any(c.isalpha() for c in first) or len(first) > 60:
        return None
    known = w.OUTLETS.get(first.lower()) or w.OUTLETS.get(first.rstrip(".").lower())
    return known or german.agency_credit(first) or first.rstrip(".")


def _author(bylines: list[str]) -> str | None:
    """Names of the first byline naming people: ``Von Anna Berger und Jan Roth, Berlin``."""
    for piece in bylines:
        found = german.parse_author_line(piece)
        if found:
            names = [" ".join(name.split()) for name in found[0] if not _NOT_A_NAME.search(name)]
            return ", ".join(names) or None
        labelled = w.LABELLED_BYLINE.fullmatch(piece)
        if labelled:
            written = " ".join(labelled["names"].split())
            return ", ".join(re.split(r"\s*(?:,|\bund\b|&)\s*", written))
        if not w.agencies_in(piece):  # a bare name beside a date: "Anna Berger | 22.10.2024"
            return " ".join(piece.split()) or None
    return None


def _published(datelines: list[tuple[str, str]], bylines: list[str], text: str) -> str | None:
    """The first publication date; an update date only when nothing else is dated."""
    updated = None
    for piece, opening in datelines:
        date = w.date_piece(piece)
        if date and not date.updated and date.date.iso:
            return date.date.iso
        if date and updated is None:
            updated = date.date.iso
        found = None if date else german.parse_dateline(opening)
        if found and found.date:
            year = found.date.year or _year_hint(found.date, text)
            if year:
                return _iso(year, found.date.month, found.date.day)
    for piece in bylines:
        if (dated := german.find_date(piece)) and dated.iso:
            return dated.iso
    return updated


def _year_hint(date: german.DateMatch, text: str) -> int | None:
    """A year for ``23. Oktober``: the same day written out in full, else a © notice."""
    for other in german.iter_dates(text):
        if (other.day, other.month) == (date.day, date.month) and other.year:
            return other.year
    return german.copyright_year(text)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
