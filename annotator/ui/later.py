"""Parts of a window made after it first paints: its ``functools.cached_property`` attributes,
each made when first used, and the rest one a turn of the event loop from ``AFTER_MS`` after a
widget first painted. The window shows sooner, its first keys are not kept waiting (a person
takes longer than that to press one after the window appears), and a key pressed while a part
is made waits for that part only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AFTER_MS = 100  # from the first paint to the first part made


class Later(QObject):
    """Makes ``names`` of ``window`` after ``painted`` first paints."""

    def __init__(self, window: QWidget, names: tuple[str, ...], painted: QWidget) -> None:
        super().__init__(window)
        self.window, self.names = window, names
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._next)
        painted.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(AFTER_MS, self, self._timer.start)
        return False

    def missing(self) -> list[str]:
        """The parts not made yet (a cached_property keeps what it made in the instance)."""
        return [name for name in self.names if name not in vars(self.window)]

    def complete(self) -> None:
        """Make the missing parts now."""
        for name in self.missing():
            getattr(self.window, name)

    def _next(self) -> None:
        missing = self.missing() if self.window.isVisible() else []  # closed: nothing more
        if missing:
            getattr(self.window, missing[0])
        if len(missing) <= 1:
            self._timer.stop()
