"""The main window's status bar: a passing message reads apart from the permanent widgets.

QStatusBar draws a message (``showMessage``) up to 2 px before the first permanent widget and
cuts it there, mid-letter: "… Esc leaves it open0 / 11 done · …". This one ends it a gap
earlier, elided with "…" when it does not fit (the whole text is its tooltip), and draws a thin
line in the gap. ``currentMessage()`` is the whole message, as before."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QMainWindow, QSizeGrip, QStatusBar, QToolTip, QWidget

from annotator.ui.plain import tooltip

GAP = 16  # pixels between the message and the permanent widgets, the line in its middle
LEFT = 6  # where QStatusBar starts the message


def install(window: QMainWindow) -> StatusBar:
    """Give ``window`` this status bar, before anything is put into the default one. PySide's
    ``setStatusBar`` makes the default one first, which Qt deletes only later: it leaves the
    window's children at once, so that they are the same in every window built alike (a
    language switch finds the focus again by their order, ui/window_rebuild.py)."""
    made = window.findChildren(QStatusBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if any(made):
        raise RuntimeError("install the status bar before anything is put into the window's")
    bar = StatusBar(window)
    window.setStatusBar(bar)
    for default in window.findChildren(QStatusBar, options=Qt.FindChildOption
                                       .FindDirectChildrenOnly):
        if default is not bar:
            default.setParent(None)
    return bar


class StatusBar(QStatusBar):
    """A main window's status bar (``install``)."""

    def message_rect(self) -> QRect:
        """Where the message is drawn: from the left up to the gap before the first visible
        permanent widget (while a message shows, the others are hidden)."""
        right = self.width() - 12
        shown = [w.x() for w in self.findChildren(QWidget, options=Qt.FindChildOption
                                                 .FindDirectChildrenOnly)
                 if w.isVisible() and not isinstance(w, QSizeGrip) and not w.isWindow()]
        if shown:
            right = min(shown) - GAP
        return QRect(LEFT, 0, max(0, right - LEFT), self.height())

    def shown_message(self) -> str:
        """The message as drawn: elided to its rectangle."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the frames, and the message cut at the widgets
        if not self.currentMessage():
            return
        rect = self.message_rect()
        edge = rect.right() + 1 + GAP  # the first permanent widget (its frame 2 px before)
        painter = QPainter(self)
        painter.fillRect(QRect(0, 0, edge - 2, self.height()),  # over Qt's text
                         self.palette().color(self.backgroundRole()))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, self.shown_message())
        if edge < self.width() - 12:  # permanent widgets follow
            x = edge - GAP // 2
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            painter.drawLine(QPoint(x, 4), QPoint(x, self.height() - 5))
        painter.end()

    def event(self, event: QEvent) -> bool:
        """The tooltip of an elided message is the whole of it."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            message = self.currentMessage()
            if message and self.message_rect().contains(event.pos()) \
                    and self.shown_message() != message:
                QToolTip.showText(event.globalPos(), tooltip(message), self)
                return True
        return super().event(event)
