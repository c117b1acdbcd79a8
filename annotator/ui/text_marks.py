"""What the editor draws over its text besides the spans: the search's hits, and the links from
claims to their sources (a connector in the margin; the linked spans of the span the keyboard
acts on outlined). Document positions throughout; only the blocks on screen are painted."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple, cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock

from annotator.ui import theme

Visible = Sequence[tuple[QTextBlock, QRectF]]  # the blocks on screen with their geometry
LANES = 2  # connectors side by side in the margin, where one claim's lies across another's


def line_rects(block: QTextBlock, geometry: QRectF, lo: int, hi: int) -> Iterator[QRectF]:
    """One rectangle per visual line of ``[lo, hi)`` (positions from the block's start)."""
    layout = block.layout()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        a, b = max(lo, line.textStart()), min(hi, line.textStart() + line.textLength())
        if a < b:  # cursorToX gives (x, position); the stubs say only "object"
            x1 = cast(tuple[float, int], line.cursorToX(a))[0]
            x2 = cast(tuple[float, int], line.cursorToX(b))[0]
            yield QRectF(geometry.left() + x1 - 1, geometry.top() + line.y() + 1, x2 - x1 + 2,
                         line.height() - 2)


def paint_box(painter: QPainter, block: QTextBlock, geometry: QRectF, lo: int, hi: int,
              color: QColor | str, width: float = 1.5) -> None:
    """A rounded box around a piece of a block, one per visual line."""
    painter.setPen(QPen(QColor(color), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for rect in line_rects(block, geometry, lo, hi):
        painter.drawRoundedRect(rect, 3, 3)


def pieces(visible: Visible, start: int, end: int) -> Iterator[tuple[QTextBlock, QRectF, int,
                                                                     int]]:
    """The parts of ``[start, end)`` in the blocks on screen: block, geometry, lo, hi."""
    for block, geometry in visible:
        b = block.position()
        lo, hi = max(start, b) - b, min(end, b + block.length() - 1) - b
        if lo < hi:
            yield block, geometry, lo, hi


class SearchHits:
    """The hits of the article search, filled over the text; the one at the cursor stronger."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []  # in the document, in text order
        self._starts: list[int] = []
        self._ends: list[int] = []
        self.current: int | None = None  # index of the hit at the cursor

    def set(self, spans: list[tuple[int, int]], cursor: int) -> None:
        self.spans = spans
        self._starts, self._ends = [start for start, _ in spans], [end for _, end in spans]
        self.follow(cursor)

    def at(self, pos: int) -> int | None:
        """The index of the hit at a position."""
        i = bisect_right(self._ends, pos)
        return i if i < len(self.spans) and self.spans[i][0] <= pos else None

    def follow(self, cursor: int) -> bool:
        """Take the hit at the cursor as the current one; whether that changed."""
        was, self.current = self.current, self.at(cursor)
        return was != self.current

    def next_from(self, pos: int, *, past: bool) -> tuple[int, int] | None:
        """The first hit that starts at a position (or, with ``past``, after it), from the top
        again after the last."""
        i = (bisect_right if past else bisect_left)(self._starts, pos)
        return self.spans[i % len(self.spans)] if self.spans else None

    def paint(self, painter: QPainter, visible: Visible) -> None:
        if not self.spans or not visible:
            return
        first = visible[0][0].position()
        last = visible[-1][0].position() + visible[-1][0].length()
        painter.setPen(Qt.PenStyle.NoPen)
        hit, current_hit = theme.qcolor("search_hit"), theme.qcolor("search_current")
        line = theme.qcolor("search_current_line")
        for i in range(bisect_right(self._ends, first), len(self.spans)):
            start, end = self.spans[i]
            if start >= last:
                break
            current = i == self.current
            for block, geometry, lo, hi in pieces(visible, start, end):
                for rect in line_rects(block, geometry, lo, hi):
                    painter.fillRect(rect, current_hit if current else hit)
                if current:
                    paint_box(painter, block, geometry, lo, hi, line)
                    painter.setPen(Qt.PenStyle.NoPen)


class LinkMark(NamedTuple):
    """A claim and its source, in the document, with the claim's colour."""

    claim: tuple[int, int]
    source: tuple[int, int]
    color: str
    lane: int = 0


def in_lanes(links: list[LinkMark]) -> list[LinkMark]:
    """Each link in a lane of the margin that no link lying across it takes, if there is one."""
    ends = [-1] * LANES
    placed = []
    for link in sorted(links, key=lambda k: min(k.claim[0], k.source[0])):
        top, bottom = min(link.claim[0], link.source[0]), max(link.claim[1], link.source[1])
        lane = next((n for n, end in enumerate(ends) if end < top), LANES - 1)
        ends[lane] = max(ends[lane], bottom)
        placed.append(LinkMark(link.claim, link.source, link.color, lane))
    return placed


class LinkMarks:
    """Claim → source links: in the margin a dot beside the source's line, joined to the claim's
    bar; on the text, an outline round the spans linked to the current one."""

    def __init__(self) -> None:
        self.links: list[LinkMark] = []

    def set(self, links: list[LinkMark]) -> None:
        self.links = in_lanes(links)

    def partners(self, current: tuple[int, int] | None) -> list[tuple[tuple[int, int], str]]:
        """The spans linked to the current one (a claim's sources, a source's claims)."""
        if current is None:
            return []
        return ([(k.source, k.color) for k in self.links if k.claim == current]
                + [(k.claim, k.color) for k in self.links if k.source == current])

    def paint_partners(self, painter: QPainter, visible: Visible,
                       current: tuple[int, int] | None) -> None:
        for (start, end), color in self.partners(current):
            for block, geometry, lo, hi in pieces(visible, start, end):
                paint_box(painter, block, geometry, lo, hi, theme.stronger(QColor(color), 120),
                          2.5)

    def paint_margin(self, painter: QPainter, visible: Visible, x: float, bar: float,
                     height: int, current: tuple[int, int] | None) -> None:
        """Connectors in lanes from ``x`` on, ending at the claim bars at ``bar``."""
        if not self.links or not visible:
            return
        first = visible[0][0].position()
        last = visible[-1][0].position() + visible[-1][0].length()
        starts = [block.position() for block, _g in visible]
        for link in self.links:
            top = min(link.claim[0], link.source[0])
            if max(link.claim[1], link.source[1]) < first or top >= last:
                continue
            s_top, s_bottom = _line_y(visible, starts, link.source[0], height)
            c_top, _ = _line_y(visible, starts, link.claim[0], height)
            _, c_bottom = _line_y(visible, starts, max(link.claim[0], link.claim[1] - 1),
                                  height)
            y = (s_top + s_bottom) / 2
            near = c_top + 3 if y < c_top else c_bottom - 3 if y > c_bottom else y
            lane = x + 1.5 + 3 * link.lane
            strong = current in (link.claim, link.source)
            color = theme.stronger(QColor(link.color), 130 if strong else 100)
            painter.setPen(QPen(color, 2.0 if strong else 1.2))
            painter.drawLine(QPointF(lane, y), QPointF(lane, near))
            painter.drawLine(QPointF(lane, near), QPointF(bar, near))
            painter.setBrush(color)
            painter.drawEllipse(QPointF(lane, y), 2.2, 2.2)


def _line_y(visible: Visible, starts: list[int], pos: int, height: int) -> tuple[float, float]:
    """Top and bottom of the visual line of a position; off screen, just beyond its edge."""
    if pos < starts[0]:
        return -6.0, -6.0
    i = bisect_right(starts, pos) - 1
    block, geometry = visible[i]
    if pos >= block.position() + block.length():
        return height + 6.0, height + 6.0
    line = block.layout().lineForTextPosition(pos - block.position())
    if not line.isValid():
        return geometry.top(), geometry.bottom()
    return geometry.top() + line.y(), geometry.top() + line.y() + line.height()
