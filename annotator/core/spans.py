"""Span maths: validation, overlap, and code point ↔ UTF-16 offset conversion."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# The sentence at a position (the C key), kept importable from here: core/sentences.py.
from annotator.core.sentences import sentence_around as sentence_around


class SpanError(ValueError):
    """A span that does not fit its text."""


def check_span(start: int, end: int, text_length: int) -> None:
    """Reject offsets that are not integers, inverted, empty or outside the text."""
    if isinstance(start, bool) or isinstance(end, bool):
        raise SpanError(f"offsets must be integers, got {start!r}, {end!r}")
    if not isinstance(start, int) or not isinstance(end, int):
        raise SpanError(f"offsets must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= text_length:
        raise SpanError(f"span {start}-{end} does not fit a text of {text_length} characters")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when two half-open ranges share at least one character."""
    return a_start < b_end and b_start < a_end


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Index:
    """Converts between code point offsets (storage) and UTF-16 offsets (Qt) in O(log n)."""

    def __init__(self, text: str) -> None:
        # Code point positions of characters outside the BMP: each takes two UTF-16 units.
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]
        # The UTF-16 position at which each astral character starts.
        self._astral16 = [cp + n for n, cp in enumerate(self.astral)]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code point offset ``cp``."""
        return cp + bisect_left(self.astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code point offset of UTF-16 offset ``u16``; inside a surrogate pair, the pair's start."""
        return u16 - bisect_right(self._astral16, u16 - 1)  # minus astral chars begun before


# Words (with inner hyphens and apostrophes), flag pairs, emoji with modifiers, other symbols.
_TOKEN = re.compile(
    r"\w+(?:[-'’]\w+)*|[\U0001F1E6-\U0001F1FF]{2}"
    r"|[^\w\s](?:[\u200d\ufe0f\U0001F3FB-\U0001F3FF]+[^\w\s]?)*"
)


def snap_to_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a selection to whole tokens and trim outer white space; empty when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return start, start
    # Search a window around the selection only: articles can be long.
    lo = max(0, start - 100)
    for m in _TOKEN.finditer(text, lo, min(len(text), end + 100)):
        if m.start() <= start < m.end():
            start = m.start()
        if m.start() < end <= m.end():
            end = m.end()
            break
    return start, end


def token_bounds(text: str, pos: int, direction: int) -> int:
    """The next token boundary after (direction 1) or before (-1) ``pos``."""
    if direction > 0:
        m = _TOKEN.search(text, pos)
        while m and m.end() <= pos:
            m = _TOKEN.search(text, m.end())
        return m.end() if m else len(text)
    best = 0
    for m in _TOKEN.finditer(text, max(0, pos - 200), pos):
        if m.start() < pos:
            best = m.start()
    return best
