"""Plain-text articles: decode, unify line endings, read title, date, byline and dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core import german
from annotator.core.german import Dateline, DatePiece
from annotator.core.model import ArticleDraft
from annotator.io.common import ARTICLE_BYTES, ImportProblem, Warn, read_limited, short_title
from annotator.io.decode import decode_bytes

HEADER_LINES = 8  # non-blank lines after the title that may hold date, byline and agency
DATELINE_PARAGRAPHS = 3  # a teaser or two may come before the paragraph with the dateline
_PIECES = re.compile(r"\s+[|·•]\s+")  # "Von Anna Beispiel | 23.10.2024 | Lesezeit: 3 Min."
# Header furniture worth skipping but not keeping: reading time, photo credits.
_NOISE = re.compile(
    r"\s*(?:Lesezeit\s*:?\s*(?:ca\.\s*)?\d+\s*Min(?:uten|\.)?|\d+\s*Min(?:uten|\.)?\s*Lesezeit"
    r"|(?:Fotos?|Bild(?:er)?|Grafik|Video)\s*:.{1,120})\s*",
    re.I,
)


@dataclass
class Header:
    """What the top (and last line) of an article says about it."""

    title: str = ""
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Found:
    """First hit of each kind while reading header lines."""

    date: DatePiece | None = None
    updated: DatePiece | None = None
    time: str | None = None
    authors: list[str] | None = None
    agency: str | None = None  # as written, e.g. "dpa/lni"
    dateline: Dateline | None = None
    footer_agency: str | None = None
    outlet: str | None = None

    def add(self, kind: str, value: Any) -> None:
        """Keep the first value of each kind; a date line marked as update goes aside."""
        if kind == "date" and value.updated:
            kind = "updated"
        elif kind == "date" and self.date is None:
            self.time = self.time or value.time
        if getattr(self, kind) is None:
            setattr(self, kind, value)


def read_text_file(path: Path, warn: Warn | None = None) -> ArticleDraft:
    """Import one plain-text file; raises ImportProblem for binary or empty files."""
    data = read_limited(path, ARTICLE_BYTES, "a text article")
    text = normalise_newlines(decode_bytes(data, path, warn=warn))
    if not text.strip():
        raise ImportProblem("empty file")
    return parse_text(text, str(path))


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str, source_path: str | None = None) -> ArticleDraft:
    """An ArticleDraft holding the whole text; the header only fills metadata."""
    header = scan_header(text)
    return ArticleDraft(
        text=text,
        title=header.title,
        outlet=header.outlet,
        author=header.author,
        published=header.published,
        meta=header.meta,
        source_path=source_path,
        guessed=frozenset({"title", "outlet", "author", "published"}),
    )


def scan_header(text: str) -> Header:
    """Title from the first line; date, byline, agency and dateline from the lines after it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return Header()
    found = _Found()
    paragraphs = 0
    for line in lines[1 : 1 + HEADER_LINES]:
        if _read_header_line(line, found):
            continue
        found.dateline = german.parse_dateline(line)
        paragraphs += 1
        if found.dateline is not None or paragraphs >= DATELINE_PARAGRAPHS:
            break
    if len(lines) > 1:
        _read_footer_line(lines[-1], found)
    return _header_from(found, lines[0], text)


def _read_header_line(line: str, found: _Found) -> bool:
    """Record a line made only of header pieces; False (and nothing recorded) otherwise."""
    hits = [_classify(piece) for piece in _PIECES.split(line)]
    if any(hit is None for hit in hits):
        return False
    for hit in hits:
        for kind, value in hit or ():
            found.add(kind, value)
    return True


def _classify(piece: str, *, split: bool = True) -> list[tuple[str, Any]] | None:
    """What one byline piece is; ``split`` also tries ``Von Anna Beispiel, 23.10.2024``."""
    if date := german.parse_date_line(piece):
        return [("date", date)]
    if time := german.parse_time(piece):
        return [("time", time)]
    if byline := german.parse_author_line(piece):
        names, agency = byline
        return [("authors", names), ("agency", agency)]
    if agency_line := german.parse_agency_line(piece):
        return [("agency", agency_line[1])]
    if _NOISE.fullmatch(piece):
        return []
    if split:
        return _classify_split(piece)
    return None


def _classify_split(piece: str) -> list[tuple[str, Any]] | None:
    """A byline or agency followed by a date after a comma or dash."""
    for match in re.finditer(r"\s*(?:,|\s[-–—]\s)\s*", piece):
        head, tail = piece[: match.start()], piece[match.end() :]
        date = german.parse_date_line(tail)
        hit = _classify(head, split=False) if date else None
        if hit is not None and date is not None:
            return [*hit, ("date", date)]
    return None


def _read_footer_line(line: str, found: _Found) -> None:
    """Agencies often credit at the end, ``(dpa)``; outlets as ``Quelle: …`` or ``© …``."""
    if agency := german.parse_agency_line(line):
        found.add("footer_agency", agency[1])
    elif agency_text := german.credited_agency(line):
        found.add("footer_agency", agency_text)
    elif outlet := german.parse_source_line(line):
        found.add("outlet", outlet)


def _header_from(found: _Found, title_line: str, text: str) -> Header:
    """Turn the collected hits into draft fields and meta entries."""
    header = Header(title=short_title(title_line), outlet=found.outlet)
    meta = header.meta
    if found.date:
        header.published = found.date.date.iso
        meta["date_text"] = found.date.text
    if found.updated:
        meta["updated"] = found.updated.date.iso
        meta["updated_text"] = found.updated.text
        header.published = header.published or found.updated.date.iso
    if found.time:
        meta["time"] = found.time
    if found.authors:
        header.author = ", ".join(found.authors)
        if len(found.authors) > 1:
            meta["authors"] = found.authors
    _add_dateline(header, found.dateline, text)
    agency = found.agency or (found.dateline and found.dateline.agency_text) or found.footer_agency
    if agency:
        meta["agency"] = german.agency_credit(agency)
        if agency != meta["agency"]:
            meta["agency_text"] = agency
    return header


def _add_dateline(header: Header, dateline: Dateline | None, text: str) -> None:
    """Dateline place into meta; its date is a fallback for ``published``."""
    if dateline is None:
        return
    header.meta["dateline"] = dateline.place
    if dateline.date is None:
        return
    header.meta["dateline_date_text"] = dateline.date_text
    if header.published is None:
        year = dateline.date.year or german.year_hint(dateline.date, text)
        if year is not None:
            header.published = german.iso_date(year, dateline.date.month, dateline.date.day)
