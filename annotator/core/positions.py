"""Code point offsets (storage) ↔ positions in a Qt text document holding the same text.

``QTextDocument.setPlainText`` does not keep every character one to one (tests/test_positions.py
checks these rules against Qt for every BMP character):

- a character outside the BMP takes two positions (a UTF-16 surrogate pair);
- ``\\r\\n`` becomes one paragraph separator, one position.

Every other character, also a lone ``\\r``, U+2028, U+2029, U+000B, U+000C or U+0085, keeps one
position, provided the text goes in as ``document_text(text)``: PySide reads a leading U+FEFF
as a byte order mark and drops it, and a leading U+FFFE as a swapped one and byte-swaps the whole
text. Lookups are O(log n) over an index of the places where the two counts diverge.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

# The places where the count changes: each astral character (one position more from there on)
# and the "\n" of each "\r\n" (one less). Two plain scans: an alternation would be slower.
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_CRLF = re.compile("\r\n")
# What a leading byte order mark is shown as: one position, also invisible or also no text.
_NOT_A_BOM = {"\ufeff": "\u2060", "\ufffe": "\ufffd"}


def document_text(text: str) -> str:
    """The text to give a Qt document (or any Qt widget) so that it keeps every position."""
    return _NOT_A_BOM[text[0]] + text[1:] if text[:1] in _NOT_A_BOM else text


class DocumentPositions:
    """Maps between code point offsets into ``text`` and positions in a Qt document of it."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # The places in order: keys[j] is the code point of place j, shift[j] the sum of the
        # changes up to it; a code point offset after keys[j] (up to keys[j + 1]) lies shift[j]
        # positions further on in the document.
        found = sorted([(m.start(), 1) for m in _ASTRAL.finditer(text)]
                       + [(m.start() + 1, -1) for m in _CRLF.finditer(text)])
        self._keys = [k for k, _ in found]
        self._shift = list(accumulate(d for _, d in found))
        # The document position at which each run of equal shift starts (runs begin at
        # keys[j] + 1): the inverse lookup bisects these.
        self._starts = [0] + [k + 1 + s for k, s in zip(self._keys, self._shift, strict=True)]
        self.document_length = self.to_document(self.length)

    def to_document(self, cp: int) -> int:
        """The document position of code point offset ``cp`` (clamped to the text)."""
        cp = min(max(cp, 0), self.length)
        j = bisect_left(self._keys, cp)
        return cp + (self._shift[j - 1] if j else 0)

    def to_codepoint(self, pos: int) -> int:
        """The largest code point offset at document position ``pos`` or before it: inside a
        surrogate pair the pair's start, after a ``\\r\\n`` separator the ``\\n``'s end."""
        run = bisect_right(self._starts, max(pos, 0)) - 1
        shift = self._shift[run - 1] if run else 0
        last = self._keys[run] if run < len(self._keys) else self.length  # the run's last cp
        return max(0, min(pos - shift, last))
