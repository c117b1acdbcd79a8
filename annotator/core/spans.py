"""Span maths: validation, overlap, and code point ↔ UTF-16 offset conversion."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


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


class Utf16Index:
    """Converts between code point offsets (storage) and UTF-16 offsets (Qt) in O(log n)."""

    def __init__(self, text: str) -> None:
        # Code point positions of characters outside the BMP: each takes two UTF-16 units.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # The UTF-16 position at which each astral character starts.
        self._astral16 = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code point offset ``cp``."""
        return cp + bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code point offset of UTF-16 offset ``u16``; inside a surrogate pair, the pair's start."""
        return u16 - bisect_right(self._astral16, u16 - 1)  # minus astral chars begun before
