"""The `?` overlay: every keyboard action, grouped, over the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractSlider, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from annotator.ui import theme
from annotator.ui.i18n import OR, key_text, keymap_text
from annotator.ui.keymap import Sheet
from annotator.ui.plain import escape

MARGIN = 24  # around the sheet, in pixels
SMALLEST_PT = 7.5  # the font gives way down to this size; below it, the sheet scrolls
_Step = QAbstractSlider.SliderAction
SCROLL_KEYS = {Qt.Key.Key_Up: _Step.SliderSingleStepSub, Qt.Key.Key_Down: _Step.SliderSingleStepAdd,
               Qt.Key.Key_PageUp: _Step.SliderPageStepSub,
               Qt.Key.Key_PageDown: _Step.SliderPageStepAdd,
               Qt.Key.Key_Home: _Step.SliderToMinimum, Qt.Key.Key_End: _Step.SliderToMaximum}


class ShortcutOverlay(QWidget):
    """A dimmed sheet over its parent; any key or click closes it (the arrows, Page Up/Down,
    Home and End scroll it where it does not fit)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)  # long help (German) wraps inside the window
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setMinimumSize(1, 1)  # its height for the area's width, not a narrow one's
        theme.style(self.label, "QLabel { background: $sheet; color: $sheet_text; "
                                "border-radius: 8px; padding: 18px; }")
        self.area = QScrollArea(self)
        self.area.setWidget(self.label)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.viewport().setAutoFillBackground(False)
        self._rows: list[tuple[int, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(self.area)
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
        self._rows = rows
        self._cover()
        self.area.verticalScrollBar().setValue(0)
        self.raise_()
        self.show()
        self.setFocus()

    def _sheet(self, scrolls: bool) -> str:
        """The sheet's rich text, its rows in three columns; says how to scroll if it must."""
        rows = self._rows
        cuts = _columns([lines for lines, _html in rows],
                        {i + 1 for i, (_lines, html) in enumerate(rows) if "<h3>" in html}, 3)
        parts = [rows[a:b] for a, b in zip([0, *cuts], [*cuts, len(rows)], strict=True)]
        columns = ["<table>" + "".join(html for _lines, html in part) + "</table>"
                   for part in parts]
        hint = (self.tr("The arrows, Page Up and Page Down scroll; any other key closes this "
                        "sheet.") if scrolls else self.tr("Any key closes this sheet."))
        return ("<h2>" + self.tr("Keyboard shortcuts") + "</h2><p><i>" + hint
                + "</i></p><table width=100%><tr>"
                + "<td width=24></td>".join(f"<td valign=top width=33%>{c}</td>"
                                            for c in columns)
                + "</tr></table>")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            if self.isVisible():
                self._cover()  # fitted again; a hidden sheet is fitted when it shows
            else:
                self.setGeometry(parent.rect())
        return False

    def _cover(self) -> None:
        """Cover the parent, in the largest font (the application's at most, ``SMALLEST_PT`` at
        least) in which every key is in view; a small window, or the longer German texts,
        would cut the last rows off: below that size, the sheet scrolls."""
        if (parent := self.parentWidget()) is None:
            return
        self.setGeometry(parent.rect())
        if not self._rows:
            return
        width, height = parent.width() - 2 * MARGIN, parent.height() - 2 * MARGIN
        self.label.setText(self._sheet(scrolls=False))
        size = self.font().pointSizeF()
        font = QFont(self.font())
        while True:
            font.setPointSizeF(size)
            self.label.setFont(font)
            if self.label.heightForWidth(width) <= height:
                return
            if size <= SMALLEST_PT:
                break
            size = max(SMALLEST_PT, size - 0.5)
        self.label.setText(self._sheet(scrolls=True))

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), theme.qcolor("overlay_dim"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar, step = self.area.verticalScrollBar(), SCROLL_KEYS.get(Qt.Key(event.key()))
        if step is not None and bar.maximum() > 0:
            bar.triggerAction(step)
            return
        self.hide()

    def mousePressEvent(self, event) -> None:
        self.hide()


def _columns(heights: list[int], after_heading: set[int], count: int) -> list[int]:
    """Where to cut rows of these heights into ``count`` columns, the tallest as low as can be
    (the rows stay in order; no column ends with a heading): the lowest height that rows fill
    greedily within ``count`` columns, found by bisection."""

    def cuts(limit: int) -> list[int] | None:
        found: list[int] = []
        filled = 0
        for i, h in enumerate(heights):
            if filled + h > limit and filled > 0:  # row i starts the next column
                cut = i - 1 if i in after_heading else i  # a heading goes with its rows
                if cut <= (found[-1] if found else 0):
                    return None
                found.append(cut)
                filled = sum(heights[cut:i])
            filled += h
            if filled > limit:
                return None
        return found if len(found) < count else None

    low, high = max(heights, default=0), sum(heights)
    while low < high:
        middle = (low + high) // 2
        if cuts(middle) is None:
            low = middle + 1
        else:
            high = middle
    found = cuts(high) or []
    return found + [len(heights)] * (count - 1 - len(found))
