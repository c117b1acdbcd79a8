"""The `?` overlay: every keyboard action, grouped, over the window."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annotator.ui import theme
from annotator.ui.i18n import OR, key_text, keymap_text
from annotator.ui.keymap import Sheet


class ShortcutOverlay(QWidget):
    """A dimmed sheet over its parent; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        theme.style(self.label, "QLabel { background: $sheet; color: $sheet_text; "
                                "border-radius: 8px; padding: 18px; }")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignCenter)
        parent.installEventFilter(self)
        self.hide()

    def show_sheet(self, groups: Sheet) -> None:
        """Fill from ``keymap.sheet``, cover the parent, take the focus."""
        columns, either = [], keymap_text(OR)
        for group, items in groups:
            rows = "".join(
                f"<tr><td align=right><b><code>{escape(either.join(map(key_text, keys)))}</code>"
                f"</b>&nbsp;&nbsp;</td><td>{escape(text)}</td></tr>" for keys, text in items)
            columns.append(f"<h3>{escape(group)}</h3><table>{rows}</table>")
        half = (len(columns) + 1) // 2
        self.label.setText(
            "<h2>" + self.tr("Keyboard shortcuts") + "</h2><table><tr><td valign=top>"
            + "".join(columns[:half]) + "</td><td width=30></td><td valign=top>"
            + "".join(columns[half:]) + "</td></tr></table>"
            + "<p><i>" + self.tr("Any key closes this sheet.") + "</i></p>")
        if (parent := self.parentWidget()) is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), theme.qcolor("overlay_dim"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.hide()

    def mousePressEvent(self, event) -> None:
        self.hide()
