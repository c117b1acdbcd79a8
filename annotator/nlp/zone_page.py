"""A page as lines, and the passes that find page furniture spanning several lines: boxes
(teasers, summaries, source and tag lists), readers' comments, repeated lines and captions.
"""

from __future__ import annotations

import re
from collections import Counter

from msgspec import Struct, field

from annotator.core.model import Span
from annotator.nlp import zone_forms as f
from annotator.nlp import zone_words as w
from annotator.nlp.zone_lines import Part
from annotator.nlp.zone_words import CAPTION, CREDIT, DATELINE, DUPLICATE, NAV, SUMMARY, TEASER

_CLOSING = "['\"“”»«’)]*$"  # closing quotes and brackets after a final mark
PERIOD_END = re.compile(rf"\.{_CLOSING}")
SENTENCE_END = re.compile(rf"[.!?…:]{_CLOSING}")
_FURNITURE = frozenset((NAV, DATELINE, w.BYLINE, CREDIT, w.NOTE, SUMMARY))
_PUNCTUATION = " .,;:!?…'\"„“”‚‘’»«()[]-–—"
_EDGES = _PUNCTUATION + "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_BOX_ITEMS, _BLOCK_LINES, _CAPTION_MAX = 10, 12, 220
# "„Wir handeln jetzt", sagte die Ministerin": a quotation with its verb of saying, which the
# body has and a caption under a photo has not
_REPORTED = re.compile(r"[„“\"»«][^„“\"»«\n]{3,}[“”\"«»],?\s+(?:sagte|sagt|erklärte|betonte|"
                       r"meinte|so|hieß es)\b")
_COMMENT_REACH = 8  # lines: a comment's name, text and buttons; a heading this close above
_COMMENT_NAME = 40  # characters: a commenter's name, or a date above it


class Line(Struct):
    """One non-blank line: its trimmed text, where it starts, and its zones so far."""

    start: int
    text: str
    gap: bool  # a blank line comes before it
    parts: list[Part] = field(default_factory=list)
    box: int = -1  # index of the box heading this line belongs to
    copy_of: int = -1  # index of the line this one repeats
    words: int = 0  # how many, split at white space (set from the text)
    sentence_like: bool = False  # long, or six words or more ending a sentence (set)

    def __post_init__(self) -> None:
        self.words = len(self.text.split())
        self.sentence_like = len(self.text) > 150 or (
            self.words >= 6 and bool(SENTENCE_END.search(self.text)))

    def set(self, label: str) -> None:
        self.parts = [(0, len(self.text), label)]

    @property
    def label(self) -> str | None:
        """The label of a line wholly in one zone."""
        whole = len(self.parts) == 1 and self.parts[0][:2] == (0, len(self.text))
        return self.parts[0][2] if whole else None


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with their offsets; any line break counts (``\\r\\n``, ``\\r``, …)."""
    lines: list[Line] = []
    offset, gap = 0, False
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        start, end = trim(body, 0, len(body))
        if start < end:
            lines.append(Line(offset + start, body[start:end], gap))
        gap = start >= end
        offset += len(raw)
    return lines


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` and ``end`` inwards past whitespace and invisible characters."""
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def is_free(line: Line) -> bool:
    return not line.parts


def is_body(line: Line) -> bool:
    """A body paragraph: unzoned and sentence-like, or with a dateline and text after it."""
    if not line.parts:
        return line.sentence_like
    covered = sum(b - a for a, b, _ in line.parts)
    labels = {label for *_, label in line.parts}
    return labels <= {DATELINE, CREDIT} and len(line.text) - covered > 20


def boxes(lines: list[Line]) -> None:
    """The items under a bare teaser or summary heading join its zone; so do the lines under a
    source, tag or broadcast heading, up to a blank line."""
    has_gaps = any(line.gap for line in lines)
    for index, line in enumerate(lines):
        if line.box >= 0:
            continue
        block = f.block_kind(line.text)
        heading = f.heading_kind(line.text) if line.label in (TEASER, SUMMARY) else None
        if line.label == NAV and w.SECTION_TEASER.fullmatch(line.text):
            heading = (TEASER, True)  # "Mehr Meinung" over its items; alone it is a link
        if block:
            items = lines[index + 1 : index + 1 + _BLOCK_LINES]
            _join(lines, index, block, _until_gap(items, first_gap=line.text.endswith(":")))
        elif w.CREDIT_LABEL.fullmatch(line.text) and index + 1 < len(lines):
            name = lines[index + 1]
            if not name.gap and is_free(name) and len(name.text) <= 80:
                _join(lines, index, CREDIT, [name])
        elif heading and heading[1]:
            items = []
            for item in lines[index + 1 : index + 1 + _BOX_ITEMS]:
                if not _box_item(heading[0], item, first=not items, gaps=has_gaps):
                    break
                if item.gap and len(items) >= 2 and not any(x.gap for x in items[1:]):
                    break  # items set without blank lines end at one
                items.append(item)
            if items or line.label != NAV:
                _join(lines, index, heading[0], items)


def _until_gap(items: list[Line], *, first_gap: bool) -> list[Line]:
    """Lines up to a blank line; a blank line right after a ``Rückfragen an:`` heading too."""
    out: list[Line] = []
    for item in items:
        if (item.gap and (out or not first_gap)) or len(item.text) > 160:
            break
        out.append(item)
    return out


def _join(lines: list[Line], index: int, label: str, items: list[Line]) -> None:
    for line in (lines[index], *items):
        line.set(label)
        line.box = index


def _box_item(label: str, line: Line, *, first: bool, gaps: bool) -> bool:
    """Whether a line after a box heading is one of its items."""
    heading = f.heading_kind(line.text)
    if f.block_kind(line.text) or (heading and heading[1]):
        return False  # the next box begins
    if line.parts and not (
        line.label == TEASER
        or (line.label == NAV and line.words <= 2 and not line.gap and not first)
        or (line.label == DATELINE and f.is_date_line(line.text))
    ):  # fmt: skip
        return False
    if w.BULLET.match(line.text):
        return len(line.text) <= 400
    if label == TEASER:  # headlines of other articles: no final period
        return len(line.text) <= 160 and (line.words <= 6 or not PERIOD_END.search(line.text))
    if first:  # a summary without bullets: its first paragraph, and lines up to a blank line
        return len(line.text) <= 600
    return gaps and not line.gap and len(line.text) <= 300


def comments(lines: list[Line]) -> None:
    """Readers' comments: from their heading to the last reply button is one NAV zone; without
    buttons, to the last of the comments that open with a name and a date."""
    actions = [i for i, line in enumerate(lines) if w.COMMENT_ACTION.fullmatch(line.text)]
    if not actions:
        _dated_comments(lines)
        return
    first = actions[0]
    heading = next((i for i in range(first - 1, max(first - _COMMENT_REACH, -1), -1)
                    if w.COMMENT_HEADING.fullmatch(lines[i].text)), None)  # fmt: skip
    if heading is None:
        return
    last = first
    for index in actions[1:]:
        if index - last > _COMMENT_REACH:
            break
        last = index
    _join(lines, heading, NAV, lines[heading + 1 : last + 1])


def _dated_comments(lines: list[Line]) -> None:
    """``Kommentare (3)`` after the body, then blocks of a short name, a date and the text."""
    body = next((i for i, line in enumerate(lines) if is_body(line)), len(lines))
    heading = next((i for i in range(body + 1, len(lines))
                    if w.COMMENT_HEADING.fullmatch(lines[i].text)), None)  # fmt: skip
    if heading is None:
        return
    last, start = heading, heading + 1
    while start < len(lines):
        end = start + 1
        while end < len(lines) and not lines[end].gap:
            end += 1
        block = lines[start:end]
        if len(block[0].text) > _COMMENT_NAME or not any(
            f.is_date_line(line.text) for line in block[:3]
        ):
            break
        last, start = end - 1, end
    if last > heading:
        _join(lines, heading, NAV, lines[heading + 1 : last + 1])


def duplicates(lines: list[Line]) -> None:
    """A line repeating an earlier headline, caption or paragraph is a DUPLICATE."""
    texts = [_dup_text(line.text) for line in lines]
    ends = [_key_ends(text) for text in texts]
    shared = {pair for pair, n in Counter(ends).items() if n > 1 and pair}
    seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        if ends[index] not in shared:
            continue  # no other line's key can be this one's
        key = _dup_key(texts[index])
        if len(key) < 10 or " " not in key:
            continue
        if key in seen and line.label not in _FURNITURE:
            line.set(DUPLICATE)
            line.box, line.copy_of = -1, seen[key]
            _credit_copy(lines, index)
        elif not line.parts or any(p[2] == CAPTION for p in line.parts):
            seen.setdefault(key, index)


def _credit_copy(lines: list[Line], index: int) -> None:
    """The credit under a caption printed twice is printed twice too: a DUPLICATE."""
    first, after = lines[index].copy_of + 1, index + 1
    if after < len(lines) and first < index and lines[first].label == CREDIT \
            and not lines[after].gap and lines[after].text == lines[first].text:  # fmt: skip
        lines[after].set(DUPLICATE)
        lines[after].copy_of = first - 1


def _dup_text(text: str) -> str:
    """A line without section words glued to its start and the outlet after its title."""
    return f.outlet_suffix(text[f.glued_nav_end(text) :])[0]


def _dup_key(text: str) -> str:
    """Case, spacing and closing punctuation aside (of ``_dup_text``)."""
    return " ".join(text.casefold().split()).strip(_PUNCTUATION)


def _key_ends(text: str) -> tuple[str, str] | None:
    """The first and the last character of ``_dup_key(text)``, cheaply: case folding maps
    white space and ``_PUNCTUATION`` to themselves and nothing else to either, so the key
    opens with the first other character folded and ends with the last; None: key empty."""
    core = text.strip(_EDGES)
    return (core[0].casefold()[0], core[-1].casefold()[-1]) if core else None


def captions(lines: list[Line], undecided: frozenset[int]) -> None:
    """The line before a photo credit is its caption; in the body, else a sentence after it.
    ``undecided`` lines may still be a headline: they are a caption only when they end a
    sentence."""
    body_seen = False
    for index, line in enumerate(lines):
        body_seen = body_seen or is_body(line)
        hanging = line.box == index and w.CREDIT_LABEL.fullmatch(line.text)  # "©" / "Name"
        if line.label != CREDIT or (line.box >= 0 and not hanging) or not (
            hanging or f.is_photo_credit(line.text)
        ) or f.is_agency_line(line.text) or w.SIGNATURE.fullmatch(line.text):  # fmt: skip
            continue
        above = index - 1
        while above >= 0 and lines[above].label == DUPLICATE:
            above -= 1  # a caption printed twice: the first copy is the caption
        before = lines[above] if above >= 0 else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if before and _caption_like(before) and (
            SENTENCE_END.search(before.text) or above not in undecided
        ):
            before.set(CAPTION)
        elif after and (body_seen or not after.gap) and _caption_like(after) \
                and SENTENCE_END.search(after.text) \
                and not _REPORTED.search(after.text):  # fmt: skip
            after.set(CAPTION)
    _first_prints(lines)


def _first_prints(lines: list[Line]) -> None:
    """``Caption.Vergrößern des Bildes`` above ``Caption. (Quelle: …)``: the caption printed
    first with its button; the words before the button are that caption too."""
    for above, line in zip(lines, lines[1:], strict=False):
        if line.gap or not line.parts or line.parts[0][::2] != (0, CAPTION):
            continue
        if len(above.parts) == 1 and above.parts[0][2] == NAV and above.parts[0][0] > 0:
            head = above.text[: above.parts[0][0]]
            if head.strip() == line.text[: line.parts[0][1]].strip():
                above.parts.insert(0, (0, len(head), CAPTION))


def repeated_captions(lines: list[Line]) -> None:
    """A short line in the body that the page prints again later is a caption."""
    body = next((i for i, line in enumerate(lines) if is_body(line)), len(lines))
    for line in lines:
        first = lines[line.copy_of] if line.copy_of > body else None
        if first and _caption_like(first):
            first.set(CAPTION)


def _caption_like(line: Line) -> bool:
    return is_free(line) and len(line.text) <= _CAPTION_MAX and any(c.isalpha() for c in line.text)


def spans(text: str, lines: list[Line]) -> list[Span]:
    """Line parts as text spans, trimmed; a box's lines merge into one span."""
    out: list[Span] = []
    last_box = -1
    for line in lines:
        for a, b, label in line.parts:
            start, end = trim(text, line.start + a, line.start + b)
            if start >= end:
                continue
            if line.box >= 0 and line.box == last_box and out and out[-1].label == label:
                out[-1] = Span(out[-1].start, end, label)
            else:
                out.append(Span(start, end, label))
        last_box = line.box if line.label else -1
    return out
