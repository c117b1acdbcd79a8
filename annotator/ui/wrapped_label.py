"""A rich-text label whose lines also break inside a word too long for its width.

QLabel's word wrap breaks between words only, and always (it sets ``QTextOption.WordWrap`` on
its document as it lays it out): a word wider than the label ("Bundesumweltministeriums" in a
narrow card) is cut at the label's edge. This label keeps QLabel's text, font, palette and
mouse behaviour, and lays out and draws its text itself, with
``QTextOption.WrapAtWordBoundaryOrAnywhere``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QWidget

MIN_CHARS = 4  # the least width it asks for, in average characters
NICE_CHARS = 80  # the width it would like at most, as QLabel's word wrap


class WrappedLabel(QLabel):
    """For markup built by the caller (user text escaped), not interactive: no links."""

    def __init__(self, html: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)  # QLabel's own height for width is not asked: ours is
        self.doc = QTextDocument(self)
        self.doc.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        self.setText(html)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.doc.setDefaultFont(self.font())
        self.doc.setHtml(text)
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.doc.setDefaultFont(self.font())
            self.doc.setHtml(self.text())
            self.updateGeometry()
        super().changeEvent(event)

    def _inner(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    def heightForWidth(self, width: int) -> int:
        self.doc.setTextWidth(max(1, width - self._inner()))
        margins = self.contentsMargins()
        return int(self.doc.size().height() + 0.999) + margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:
        return True

    def minimumSizeHint(self) -> QSize:
        """A few characters wide, a line high: its height is the one for its width."""
        margins = self.contentsMargins()
        return QSize(MIN_CHARS * self.fontMetrics().averageCharWidth() + self._inner(),
                     self.fontMetrics().height() + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        self.doc.setTextWidth(-1)
        width = min(int(self.doc.idealWidth() + 0.999),
                    NICE_CHARS * self.fontMetrics().averageCharWidth()) + self._inner()
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event) -> None:
        area = self.contentsRect()
        self.doc.setTextWidth(max(1, area.width()))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette()
        context.palette.setColor(QPalette.ColorRole.Text,
                                 self.palette().color(self.foregroundRole()))
        painter = QPainter(self)
        painter.translate(area.topLeft())
        self.doc.documentLayout().draw(painter, context)
        painter.end()
