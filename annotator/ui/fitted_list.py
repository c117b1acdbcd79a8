"""A list as high as its rows, word-wrapped at its width: none of them behind a scroll bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QWidget


class FittedList(QListView):
    """For a short ranked list the user picks from by number (the claim panel's candidates):
    what holds it (the side panel's scroll area) gives way, not the list."""

    def __init__(self, parent: QWidget | None = None, empty_lines: int = 2) -> None:
        super().__init__(parent)
        self.empty_lines = empty_lines  # its height without rows
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # none needed

    def updateGeometries(self) -> None:
        """After each layout of the rows (a new width wraps them anew): as high as they are."""
        super().updateGeometries()
        rows = self.model().rowCount() if self.model() is not None else 0
        inner = (self.contentsSize().height() if rows
                 else self.empty_lines * self.fontMetrics().lineSpacing())
        height = inner + 2 * self.frameWidth()
        if (self.minimumHeight(), self.maximumHeight()) != (height, height):
            self.setFixedHeight(height)  # neither more (a scroll area's 192 px) nor less
