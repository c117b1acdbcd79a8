"""The read-only text editor the annotator works in: keyboard selection, span boxes, margin bars
and zone names, the current span outlined, search hits, claim → source links, and span
boundaries that can be dragged with the mouse."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from annotator.core.model import Layer
from annotator.core.positions import DocumentPositions, document_text
from annotator.core.zones import ZONE_LABELS
from annotator.ui import theme
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.text_marks import LinkMark, LinkMarks, SearchHits, paint_box

MARGIN = 18  # width of the link connectors and the claim bar, in pixels
BAR = 7  # the claim bar's width


class _ClaimMargin(QWidget):
    """Left of the text: a zone's name beside its first line, a bar beside every line that
    holds part of a claim, and a connector from it to the line of the claim's source."""

    def __init__(self, editor: SpanEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.zone_width + MARGIN, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_margin(self, event)


class SpanEditor(QPlainTextEdit):
    """Shows an article; positions it reports are code points, as the store counts them.

    Every conversion between stored offsets and document positions goes through
    ``to_document`` and ``to_codepoint`` (``annotator.core.positions``)."""

    cursor_moved = Signal(int)  # code point offset of the cursor
    boundary_dragged = Signal(int, int)  # new start, end (code points) of the current span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setCursorWidth(2)
        self.positions = DocumentPositions("")
        self.highlighter = SpanHighlighter(self.document(), self.positions)
        self.current: tuple[int, int] | None = None  # the span the keyboard acts on
        self.current_zone: tuple[int, int] | None = None  # the same, when it is a zone
        self._drag_edge: str | None = None
        self.hits = SearchHits()
        self.links = LinkMarks()
        self._links: list = []  # what set_links was given last
        self._margin = _ClaimMargin(self)
        self.zone_width = 0  # the column of zone names, when the article has zones
        self.setViewportMargins(MARGIN, 0, 0, 0)
        self.updateRequest.connect(self._update_margin)
        self.cursorPositionChanged.connect(self._cursor_changed)

    # -- positions in code points ------------------------------------------------------------

    def show_text(self, text: str) -> None:
        """Show a new text, without highlights; positions now convert through its index."""
        self.set_current(None)
        self.hits.set([], 0)
        self.links.set([])
        self._links = []
        self.positions = DocumentPositions(text)
        self.highlighter.reset(self.positions)  # or setPlainText would restyle old spans
        self.setPlainText(document_text(text))

    def to_document(self, cp: int) -> int:
        """Code point offset into the stored text → position in this editor's document."""
        return self.positions.to_document(cp)

    def to_codepoint(self, pos: int) -> int:
        """Position in this editor's document → code point offset into the stored text."""
        return self.positions.to_codepoint(pos)

    def cursor_cp(self) -> int:
        """The cursor (the selection's moving end) as a code point offset."""
        return self.to_codepoint(self.textCursor().position())

    def selection_cp(self) -> tuple[int, int]:
        """The selection as code point offsets (start == end when nothing is selected)."""
        c = self.textCursor()
        return self.to_codepoint(c.selectionStart()), self.to_codepoint(c.selectionEnd())

    def _cursor(self, start: int, end: int) -> QTextCursor:
        c = QTextCursor(self.document())
        c.setPosition(self.to_document(start))
        c.setPosition(self.to_document(end), QTextCursor.MoveMode.KeepAnchor)
        return c

    def select_cp(self, start: int, end: int) -> None:
        """Select a range given in code points and scroll it into view."""
        self.setTextCursor(self._cursor(start, end))
        self.ensureCursorVisible()

    def set_current(self, span: tuple[int, int] | None, *, zone: bool = False) -> None:
        """Outline the span the keyboard acts on (one ExtraSelection: cheap); a zone is marked
        in the margin instead, so that the entities in it keep their colours."""
        linked = self.links.partners(self._current_in_document())
        self.current = span
        self.current_zone = span if zone else None
        self._margin.update()
        if linked or self.links.partners(self._current_in_document()):
            self.viewport().update()  # the outlines of the spans linked to it
        selections = []
        if span is not None and not zone:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(*span)
            sel.format.setProperty(QTextFormat.Property.OutlinePen,  # dark palettes too
                                   QPen(self.palette().color(QPalette.ColorRole.Text), 1))
            sel.format.setFontWeight(600)
            selections.append(sel)
        self.setExtraSelections(selections)

    def _cursor_changed(self) -> None:
        if self.hits.follow(self.textCursor().position()):
            self.viewport().update()  # another hit is the current one
        self.cursor_moved.emit(self.cursor_cp())

    def set_search_hits(self, hits: list[tuple[int, int]]) -> None:
        """Draw the search's hits (code points); the one at the cursor stands out."""
        self.hits.set([(self.to_document(a), self.to_document(b)) for a, b in hits],
                      self.textCursor().position())
        self.viewport().update()

    def set_links(self, links: list[tuple[tuple[int, int], tuple[int, int], str]]) -> None:
        """Draw claim → source links: (claim, source, the claim's colour), in code points."""
        if links == self._links:
            return  # an edit elsewhere: nothing to redraw
        self._links, doc = links, self.to_document
        self.links.set([LinkMark((doc(c[0]), doc(c[1])), (doc(s[0]), doc(s[1])), color)
                        for c, s, color in links])
        self._margin.update()
        self.viewport().update()

    def _current_in_document(self) -> tuple[int, int] | None:
        return None if self.current is None else (self.to_document(self.current[0]),
                                                  self.to_document(self.current[1]))

    # -- painting ----------------------------------------------------------------------------

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_margin()

    def _place_margin(self) -> None:
        cr = self.contentsRect()
        self._margin.setGeometry(QRect(cr.left(), cr.top(), self.zone_width + MARGIN,
                                       cr.height()))

    def zone_font(self) -> QFont:
        """The small font of the zone names in the margin."""
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
        return font

    def show_zone_column(self, shown: bool) -> None:
        """Make room left of the text for zone names (an article with zones), or take it back."""
        width = 0
        if shown:
            metrics = QFontMetrics(self.zone_font())
            width = max(metrics.horizontalAdvance(n) for n in ZONE_LABELS) + 8
        if width != self.zone_width:
            self.zone_width = width
            self.setViewportMargins(width + MARGIN, 0, 0, 0)
            self._place_margin()

    def _visible_blocks(self):
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            if block.isVisible():
                yield block, geometry
            block = block.next()

    def paint_margin(self, widget: QWidget, event: QPaintEvent) -> None:
        """Zone names beside a zone's first line (the rules' in italics), and claim bars: one
        per block line range that holds a claim."""
        painter = QPainter(widget)
        names = self.zone_font()
        painter.setFont(names)
        x = self.zone_width
        bar = x + MARGIN - BAR - 2
        visible = list(self._visible_blocks())
        for block, geometry in visible:
            for piece in self.highlighter.pieces.get(block.blockNumber(), ()):
                h = piece.highlight
                layout = block.layout()
                top = layout.lineForTextPosition(piece.lo)
                bottom = layout.lineForTextPosition(max(piece.lo, piece.hi - 1))
                if not (top.isValid() and bottom.isValid()):
                    continue
                y1 = geometry.top() + top.y()
                y2 = geometry.top() + bottom.y() + bottom.height()
                if h.layer is Layer.STRUCTURE and x:
                    current = (h.start, h.end) == self.current_zone
                    color = theme.qcolor("zone_current" if current else "zone_name")
                    if current:
                        painter.fillRect(QRectF(x - 3, y1, 2, y2 - y1), color)
                    if piece.first:
                        names.setItalic(h.suggested)
                        painter.setFont(names)
                        painter.setPen(color)
                        painter.drawText(QRectF(0, y1, x - 5, top.height()),
                                         Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignVCenter, h.label)
                elif h.layer is Layer.CLAIM and not h.suggested:
                    painter.fillRect(QRectF(bar, y1, BAR, y2 - y1), QColor(piece.color))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.links.paint_margin(painter, visible, x, bar, widget.height(),
                                self._current_in_document())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = list(self._visible_blocks())
        for block, geometry in visible:  # sources in boxes
            for piece in self.highlighter.pieces.get(block.blockNumber(), ()):
                if piece.highlight.layer is Layer.SOURCE:
                    paint_box(painter, block, geometry, piece.lo, piece.hi, piece.color)
        self.hits.paint(painter, visible)
        self.links.paint_partners(painter, visible, self._current_in_document())

    # -- dragging the current span's boundaries ----------------------------------------------

    def _edge_at(self, pos) -> str | None:
        if self.current is None:
            return None
        cp = self.to_codepoint(self.cursorForPosition(pos).position())
        if cp == self.current[0]:
            return "start"
        if cp == self.current[1]:
            return "end"
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag_edge = self._edge_at(event.position().toPoint())
        if self._drag_edge is None:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_edge is None:
            super().mouseMoveEvent(event)
            return
        assert self.current is not None
        cp = self.to_codepoint(self.cursorForPosition(event.position().toPoint()).position())
        start, end = self.current
        start, end = (cp, end) if self._drag_edge == "start" else (start, cp)
        if start < end:
            self.select_cp(start, end)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_edge is None:
            super().mouseReleaseEvent(event)
            return
        self._drag_edge = None
        start, end = self.selection_cp()
        if start < end and (start, end) != self.current:
            self.boundary_dragged.emit(start, end)
