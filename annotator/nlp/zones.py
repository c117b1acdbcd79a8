"""Suggest an article's zones (headline, lead, dateline, captions, page furniture …) by rule.

The text is never changed: zones are spans over it, offsets in code points, never starting or
ending on whitespace. Text outside every zone is body. ``suggest_zones`` reads the text line by
line (any line break counts):

1. each line on its own (``zone_lines.line_zones``): navigation, teaser and summary headings,
   editorial notes, bylines, date and agency lines, credits, ``Von … | 22.10.2024`` header lines,
   a caption ending in a credit, a ``Berlin (dpa) –`` or ``Köln –`` opening and a closing
   ``(dpa)``;
2. boxes: the item lines after a bare ``Mehr zum Thema`` (until a line reads as body: long and
   ending in a period) or ``Das Wichtigste in Kürze`` (bullets, else its first paragraph);
3. duplicates: a line repeating an earlier headline, caption or paragraph (the later copy);
4. captions: the line before a photo credit; in the body, else a sentence after it;
5. the headline: the first line left, when it is short, has no final period and body follows;
   a Dachzeile (kicker: at most five words, or ending in a colon) just above another
   headline-like line is a SUBHEAD and that next line the HEADLINE; section words glued to the
   headline (``NachrichtenRussland …``) are NAV;
6. the lead: the first paragraph after the headline, past bylines, dates, credits, captions and
   notes, when it has five words or more and body follows; none when a dateline opens that
   paragraph or a box comes first; a ``Hannover.`` opening there (or in the next paragraph) is
   a dateline;
7. subheads: short lines without final punctuation (or a short question without a comma)
   between body paragraphs; a lone section word there is a subhead too.

Labels chosen where forms overlap: date lines and agency lines (``AFP``, ``Quelle: Reuters``,
``Mit Material von dpa``) are DATELINE; ``Quelle:`` naming anything else, and ``©`` lines, are
CREDIT; links on their own line and reading times are NAV. A box heading and its items become
one span; every other zone covers one line or part of one. No headline means no lead: a text
without structure gets no zones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.core.model import Span
from annotator.nlp import zone_words as w
from annotator.nlp.zone_lines import Part, line_zones, place_end
from annotator.nlp.zone_meta import derive_meta
from annotator.nlp.zone_words import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    DUPLICATE,
    HEADLINE,
    LEAD,
    NAV,
    NOTE,
    SUBHEAD,
    SUMMARY,
    TEASER,
    ZONE_LABELS,
)  # fmt: skip

__all__ = ["ZONE_LABELS", "derive_meta", "suggest_zones"]

_HEADLINE_MAX, _KICKER_WORDS, _SUBHEAD_MAX = 180, 5, 100
_CAPTION_MAX, _LEAD_MAX, _BOX_ITEMS = 220, 700, 10
_CLOSING = "['\"“”»«’)]*$"  # closing quotes and brackets after a final mark
_FINAL = re.compile(rf"[.:;,!?…]{_CLOSING}")
_NOT_A_HEADLINE_END = re.compile(rf"[.:;,]{_CLOSING}")
_PERIOD_END = re.compile(rf"\.{_CLOSING}")
_SENTENCE_END = re.compile(rf"[.!?…:]{_CLOSING}")
_HEADER = frozenset((NAV, DATELINE, BYLINE, CREDIT, CAPTION, DUPLICATE, NOTE))
_FURNITURE = frozenset((NAV, DATELINE, BYLINE, CREDIT, NOTE, SUMMARY))
_PUNCTUATION = " .,;:!?…'\"„“”‚‘’»«()[]-–—"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@dataclass
class _Line:
    """One non-blank line: its trimmed text, where it starts, and its zones so far."""

    start: int
    text: str
    gap: bool  # a blank line comes before it
    parts: list[Part] = field(default_factory=list)
    box: int = -1  # index of the box heading this line belongs to

    def set(self, label: str) -> None:
        self.parts = [(0, len(self.text), label)]

    @property
    def label(self) -> str | None:
        """The label of a line wholly in one zone."""
        whole = len(self.parts) == 1 and self.parts[0][:2] == (0, len(self.text))
        return self.parts[0][2] if whole else None

    @property
    def words(self) -> int:
        return len(self.text.split())


def suggest_zones(text: str) -> list[Span]:
    """Zones suggested for an article's text by the rules above, in text order."""
    lines = _lines(text)
    for line in lines:
        line.parts = line_zones(line.text)
    _boxes(lines)
    _duplicates(lines)
    _captions(lines)
    head = _headline(lines)
    if head is not None:
        _lead(lines, head)
    _subheads(lines)
    return _spans(text, lines)


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with their offsets; any line break counts (``\\r\\n``, ``\\r``, …)."""
    lines: list[_Line] = []
    offset, gap = 0, False
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        start, end = _trim(body, 0, len(body))
        if start < end:
            lines.append(_Line(offset + start, body[start:end], gap))
        gap = start >= end
        offset += len(raw)
    return lines


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` and ``end`` inwards past whitespace and invisible characters."""
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def _is_free(line: _Line) -> bool:
    return not line.parts


def _is_body(line: _Line) -> bool:
    """A body paragraph: unzoned and sentence-like, or opening with a dateline."""
    if not line.parts:
        return len(line.text) > 150 or (line.words >= 6 and bool(_SENTENCE_END.search(line.text)))
    covered = sum(b - a for a, b, _ in line.parts)
    return all(p[2] == DATELINE for p in line.parts) and len(line.text) - covered > 20


def _boxes(lines: list[_Line]) -> None:
    """The items under a bare teaser or summary heading join its zone."""
    has_gaps = any(line.gap for line in lines)
    for index, line in enumerate(lines):
        heading = w.heading_kind(line.text) if line.label in (TEASER, SUMMARY) else None
        if heading is None or not heading[1] or line.box >= 0:
            continue
        label = heading[0]
        line.box = index
        for item in lines[index + 1 : index + 1 + _BOX_ITEMS]:
            if not _box_item(label, item, first=item is lines[index + 1], gaps=has_gaps):
                break
            item.set(label)
            item.box = index


def _box_item(label: str, line: _Line, *, first: bool, gaps: bool) -> bool:
    """Whether a line after a box heading is one of its items."""
    if line.parts and line.label not in (NAV, TEASER) and not (
        line.label == DATELINE and w.is_date_line(line.text)
    ):
        return False
    if w.BULLET.match(line.text):
        return len(line.text) <= 400
    if label == TEASER:  # headlines of other articles: no final period
        return len(line.text) <= 160 and (line.words <= 6 or not _PERIOD_END.search(line.text))
    if first:  # a summary without bullets: its first paragraph, and lines up to a blank line
        return len(line.text) <= 600
    return gaps and not line.gap and len(line.text) <= 300


def _duplicates(lines: list[_Line]) -> None:
    """A line repeating an earlier headline, caption or paragraph is a DUPLICATE."""
    seen: set[str] = set()
    for line in lines:
        key = _dup_key(line.text)
        if len(key) < 10 or " " not in key:
            continue
        if key in seen and line.label not in _FURNITURE:
            line.set(DUPLICATE)
            line.box = -1
        elif not line.parts or any(p[2] == CAPTION for p in line.parts):
            seen.add(key)


def _dup_key(text: str) -> str:
    """Case, spacing and closing punctuation aside; glued section words and outlet dropped."""
    text = w.outlet_suffix(text[w.glued_nav_end(text) :])[0]
    return " ".join(text.casefold().split()).strip(_PUNCTUATION)


def _captions(lines: list[_Line]) -> None:
    """The line before a photo credit is its caption; in the body, else a sentence after it."""
    free = [i for i, line in enumerate(lines) if _is_free(line)][:2]
    # The headline pass decides about the first unzoned line and one after a kicker.
    undecided = free[:1] + [i for i in free[1:] if i == free[0] + 1 and
                            _kicker_like(lines[free[0]].text)]  # fmt: skip
    body_seen = False
    for index, line in enumerate(lines):
        body_seen = body_seen or _is_body(line)
        if line.label != CREDIT or line.box >= 0 or not w.is_photo_credit(line.text):
            continue
        above = index - 1
        while above >= 0 and lines[above].label == DUPLICATE:
            above -= 1  # a caption printed twice: the first copy is the caption
        before = lines[above] if above >= 0 else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if before and _caption_like(before) and (
            _SENTENCE_END.search(before.text) or above not in undecided
        ):
            before.set(CAPTION)
        elif body_seen and after and _caption_like(after) and _SENTENCE_END.search(after.text):
            after.set(CAPTION)


def _caption_like(line: _Line) -> bool:
    return _is_free(line) and len(line.text) <= _CAPTION_MAX and any(c.isalpha() for c in line.text)


def _headline(lines: list[_Line]) -> int | None:
    """Mark the headline (and a kicker above it); its line index, or None."""
    index = next((i for i, line in enumerate(lines) if _is_free(line)), None)
    if index is None:
        return None
    line = lines[index]
    after = lines[index + 1] if index + 1 < len(lines) else None
    if _kicker_like(line.text) and after and _is_free(after) and _headline_like(after.text) \
            and _has_body_after(lines, index + 1):  # fmt: skip
        line.set(SUBHEAD)
        line, index = after, index + 1
    glued = w.glued_nav_end(line.text)
    if not _headline_like(line.text[glued:]) or not _has_body_after(lines, index):
        return None
    line.set(HEADLINE)
    if glued:
        line.parts = [(0, glued, NAV), (glued, len(line.text), HEADLINE)]
    return index


def _headline_like(text: str) -> bool:
    """Short, starts like a heading, no final period, colon or comma."""
    return (
        0 < len(text) <= _HEADLINE_MAX
        and len(text.split()) <= 20
        and w.starts_like_heading(text)
        and not _NOT_A_HEADLINE_END.search(text)
        and any(c.isalpha() for c in text)
    )


def _kicker_like(text: str) -> bool:
    """A Dachzeile: a few words above the headline, or words ending in a colon."""
    words = len(text.split())
    return (words <= _KICKER_WORDS and len(text) <= 50) or (text.endswith(":") and words <= 8)


def _has_body_after(lines: list[_Line], index: int) -> bool:
    return any(_is_free(line) or _is_body(line) for line in lines[index + 1 :])


def _lead(lines: list[_Line], head: int) -> None:
    """The first paragraph after the headline is the LEAD, unless a dateline opens it."""
    index = _next_paragraph(lines, head)
    if index is None or _place_dot_dateline(lines[index]):
        return
    line = lines[index]
    if line.words >= 5 and len(line.text) <= _LEAD_MAX and w.BULLET.match(line.text) is None \
            and _has_body_after(lines, index):  # fmt: skip
        line.set(LEAD)
        following = _next_paragraph(lines, index)
        if following is not None:
            _place_dot_dateline(lines[following])


def _next_paragraph(lines: list[_Line], index: int) -> int | None:
    """The next unzoned line past bylines, dates and captions; None once the body has begun."""
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if _is_free(line):
            return following
        if _is_body(line) or not {label for *_, label in line.parts} <= _HEADER:
            return None  # "Berlin (dpa) – …", a summary box, a teaser: the body has begun
    return None


def _place_dot_dateline(line: _Line) -> bool:
    """``Hannover. Die Stadt …`` opening the first paragraphs: a dateline."""
    end = place_end(line.text, w.PLACE_DOT)
    if end:
        line.parts = [(0, end, DATELINE)]
    return bool(end)


def _subheads(lines: list[_Line]) -> None:
    """A short line without final punctuation between body paragraphs is a SUBHEAD."""
    body_seen = False
    for index, line in enumerate(lines):
        if _is_body(line) or line.label == LEAD:
            body_seen = True
            continue
        section = line.label == NAV and w.is_section_line(line.text) and line.words == 1
        if not body_seen or not (_is_free(line) or section):
            continue
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after is not None and _is_body(after) and _subhead_like(line.text):
            line.set(SUBHEAD)


def _subhead_like(text: str) -> bool:
    words = len(text.split())
    if len(text) > _SUBHEAD_MAX or words > 12 or not w.starts_like_heading(text):
        return False
    if w.BULLET.match(text) or not any(c.isalpha() for c in text):
        return False
    final = _FINAL.search(text)  # "Frau Sommer, wie …?" asks, not heads
    return final is None or (final.group().startswith("?") and words <= 10 and "," not in text)


def _spans(text: str, lines: list[_Line]) -> list[Span]:
    """Line parts as text spans, trimmed; a box's lines merge into one span."""
    spans: list[Span] = []
    last_box = -1
    for line in lines:
        for a, b, label in line.parts:
            start, end = _trim(text, line.start + a, line.start + b)
            if start >= end:
                continue
            if line.box >= 0 and line.box == last_box and spans and spans[-1].label == label:
                spans[-1] = Span(spans[-1].start, end, label)
            else:
                spans.append(Span(start, end, label))
        last_box = line.box if line.label else -1
    return spans
