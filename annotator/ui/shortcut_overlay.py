"""The `?` overlay: every keyboard action, grouped, over the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annotator.ui import theme
from annotator.ui.i18n import OR, key_text, keymap_text
from annotator.ui.keymap import Sheet
from annotator.ui.plain import escape


class ShortcutOverlay(QWidget):
    """A dimmed sheet over its parent; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)  # long help (German) wraps inside the window
        theme.style(self.label, "QLabel { background: $sheet; color: $sheet_text; "
                                "border-radius: 8px; padding: 18px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.label)
        parent.installEventFilter(self)
        self.hide()

    def show_sheet(self, groups: Sheet) -> None:
        """Fill from ``keymap.sheet``, cover the parent, take the focus."""
        either, rows = keymap_text(OR), []  # (lines it takes, about; html)
        for group, items in groups:
            rows.append((2, f"<tr><td colspan=2><h3>{escape(group)}</h3></td></tr>"))
            for keys, text in items:
                shown = either.join(map(key_text, keys))
                rows.append((1 + len(text) // max(24, 56 - len(shown)),  # a wide key: narrow text
                             f"<tr><td align=right><b><code>{escape(shown)}</code></b>&nbsp;"
                             f"&nbsp;</td><td>{escape(text)}</td></tr>"))
        a, b = _thirds([lines for lines, _html in rows],
                       {i + 1 for i, (_lines, html) in enumerate(rows) if "<h3>" in html})
        columns = ["<table>" + "".join(html for _lines, html in part) + "</table>"
                   for part in (rows[:a], rows[a:b], rows[b:])]
        self.label.setText(
            "<h2>" + self.tr("Keyboard shortcuts") + "</h2><p><i>"
            + self.tr("Any key closes this sheet.") + "</i></p><table width=100%><tr>"
            + "<td width=24></td>".join(f"<td valign=top width=33%>{c}</td>" for c in columns)
            + "</tr></table>")
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


def _thirds(heights: list[int], after_heading: set[int]) -> tuple[int, int]:
    """Where to split rows of these heights into three columns, the tallest as low as can be
    (the rows stay in order; no column ends with a heading)."""
    n = len(heights)
    return min(((a, b) for a in range(n + 1) for b in range(a, n + 1)
                if not {a, b} & after_heading),
               key=lambda c: max(sum(heights[:c[0]]), sum(heights[c[0]:c[1]]),
                                 sum(heights[c[1]:])))
