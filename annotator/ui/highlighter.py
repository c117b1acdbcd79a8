"""Span highlighting with per-block formats: only changed and visible blocks are restyled.

Measured in shared/findings: a QSyntaxHighlighter with spans indexed by block applies 2,000 spans
in ~13 ms, where ExtraSelections take ~370 ms and restyle everything on every change.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Layer
from annotator.core.spans import Utf16Index


@dataclass(frozen=True)
class Highlight:
    """One span to draw, in code points, with what the tooltip tells about it."""

    start: int
    end: int
    label: str
    layer: Layer
    origin: str  # "model de_annotator_ner 0.1.0" or "maria, 2024-10-23 10:12"
    suggested: bool = False


def char_format(h: Highlight, colors: dict[tuple[Layer, str], str]) -> QTextCharFormat:
    """Entities as background colour, claims as a coloured underline, sources in bold."""
    fmt = QTextCharFormat()
    color = QColor(colors.get((h.layer, h.label), "#b0bec5"))
    if h.layer is Layer.ENTITY:
        if h.suggested:
            color.setAlpha(120)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(color.red(), color.green(), color.blue()))
        fmt.setBackground(color)
    elif h.layer is Layer.CLAIM:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(color)
        fmt.setFontUnderline(True)
    else:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(color)
    return fmt


class SpanHighlighter(QSyntaxHighlighter):
    """Draws highlights block by block; positions are converted from code points to UTF-16."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._by_block: dict[int, list[tuple[int, int, QTextCharFormat]]] = {}
        self._highlights: list[Highlight] = []
        self._index = Utf16Index("")

    def set_highlights(
        self, text: str, highlights: list[Highlight], colors: dict[tuple[Layer, str], str]
    ) -> None:
        """Replace every highlight (the document must already hold ``text``)."""
        self._index = Utf16Index(text)
        self._highlights = sorted(highlights, key=lambda h: (h.start, h.end))
        doc = self.document()
        by_block: dict[int, list[tuple[int, int, QTextCharFormat]]] = defaultdict(list)
        for h in self._highlights:
            fmt = char_format(h, colors)
            start, end = self._index.to_utf16(h.start), self._index.to_utf16(h.end)
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                b_start = block.position()
                b_end = b_start + block.length() - 1
                lo, hi = max(start, b_start) - b_start, min(end, b_end) - b_start
                if hi > lo:
                    by_block[block.blockNumber()].append((lo, hi, fmt))
                block = block.next()
        self._by_block = dict(by_block)
        self.rehighlight()

    def highlights_at(self, cp: int) -> list[Highlight]:
        """The highlights covering a code point offset (for tooltips and side panels)."""
        return [h for h in self._highlights if h.start <= cp < h.end]

    def to_codepoint(self, u16: int) -> int:
        """Qt position → code point offset into the stored text."""
        return self._index.to_codepoint(u16)

    def to_utf16(self, cp: int) -> int:
        """Code point offset → Qt position."""
        return self._index.to_utf16(cp)

    def highlightBlock(self, text: str) -> None:
        pieces = self._by_block.get(self.currentBlock().blockNumber())
        if not pieces:
            return
        # Overlapping spans of different layers: merge their formats on each elementary range.
        cuts = sorted({p for lo, hi, _ in pieces for p in (lo, hi)})
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            merged = QTextCharFormat()
            for p_lo, p_hi, fmt in pieces:
                if p_lo <= lo and hi <= p_hi:
                    merged.merge(fmt)
            if not merged.isEmpty():
                self.setFormat(lo, hi - lo, merged)
