"""Span highlighting with per-block formats: only changed and visible blocks are restyled.

Measured in shared/findings: a QSyntaxHighlighter with spans indexed by block applies 2,000 spans
in ~13 ms, where ExtraSelections take ~370 ms and restyle everything on every change.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Layer
from annotator.core.spans import Utf16Index


@dataclass(frozen=True)
class Highlight:
    """One span to draw, in code points, with what the tooltip tells about it."""

    start: int
    end: int
    label: str
    layer: Layer
    origin: str  # "model de_annotator_ner 0.1.0" or "maria · 2024-10-23T10:12:00+00:00"
    suggested: bool = False
    key: tuple[str, int] | None = None  # ("annotation", id) or ("suggestion", id)


@dataclass(frozen=True)
class Piece:
    """The part of a highlight inside one block, in UTF-16 units from the block's start."""

    lo: int
    hi: int
    highlight: Highlight
    color: str


def char_format(h: Highlight, color_name: str) -> QTextCharFormat:
    """Entities as background colour, claims as a coloured underline, sources drawn as boxes."""
    fmt = QTextCharFormat()
    color = QColor(color_name)
    if h.layer is Layer.ENTITY:
        if h.suggested:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(color.darker(140))
            color.setAlpha(90)
        fmt.setBackground(color)
    elif h.layer is Layer.CLAIM:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(color)
    return fmt  # sources: the editor paints a box around them


class SpanHighlighter(QSyntaxHighlighter):
    """Draws highlights block by block; positions are converted from code points to UTF-16."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.pieces: dict[int, list[Piece]] = {}
        self._highlights: list[Highlight] = []
        self._index = Utf16Index("")
        self._formats: dict[tuple, QTextCharFormat] = {}

    def set_highlights(
        self, text: str, highlights: list[Highlight], colors: dict[tuple[Layer, str], str],
        *, same_text: bool = False,
    ) -> None:
        """Replace every highlight; with ``same_text`` only blocks whose spans changed repaint."""
        if not same_text:
            self._index = Utf16Index(text)
        self._highlights = sorted(highlights, key=lambda h: (h.start, h.end))
        doc = self.document()
        pieces: dict[int, list[Piece]] = defaultdict(list)
        for h in self._highlights:
            color = colors.get((h.layer, h.label), "#b0bec5")
            start, end = self._index.to_utf16(h.start), self._index.to_utf16(h.end)
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                b_start = block.position()
                lo = max(start, b_start) - b_start
                hi = min(end, b_start + block.length() - 1) - b_start
                if hi > lo:
                    pieces[block.blockNumber()].append(Piece(lo, hi, h, color))
                block = block.next()
        old, self.pieces = self.pieces, dict(pieces)
        if not same_text:
            self.rehighlight()
            return
        for number in set(old) | set(self.pieces):
            if old.get(number) != self.pieces.get(number):
                self.rehighlightBlock(doc.findBlockByNumber(number))

    def highlights_at(self, cp: int) -> list[Highlight]:
        """The highlights covering a code point offset (for tooltips and side panels)."""
        return [h for h in self._highlights if h.start <= cp < h.end]

    def to_codepoint(self, u16: int) -> int:
        """Qt position → code point offset into the stored text."""
        return self._index.to_codepoint(u16)

    def to_utf16(self, cp: int) -> int:
        """Code point offset → Qt position."""
        return self._index.to_utf16(cp)

    def _format(self, piece: Piece) -> QTextCharFormat:
        key = (piece.highlight.layer, piece.highlight.suggested, piece.color)
        if key not in self._formats:
            self._formats[key] = char_format(piece.highlight, piece.color)
        return self._formats[key]

    def highlightBlock(self, text: str) -> None:
        pieces = self.pieces.get(self.currentBlock().blockNumber())
        if not pieces:
            return
        # Overlapping spans of different layers: merge their formats on each elementary range.
        cuts = sorted({p for piece in pieces for p in (piece.lo, piece.hi)})
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            merged = QTextCharFormat()
            for piece in pieces:
                if piece.lo <= lo and hi <= piece.hi:
                    merged.merge(self._format(piece))
            if not merged.isEmpty():
                self.setFormat(lo, hi - lo, merged)
