"""The claim's typed values in the claim panel: a list to edit, add to and delete from by
keyboard; edits go out as signals (the claim actions store them, undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.values import ClaimValue
from annotator.ui.i18n import key_text
from annotator.ui.keymap import action
from annotator.ui.keys import bind
from annotator.ui.plain import escape, tooltip


class ValueList(QWidget):
    """What the claim states, slot by slot ("weekday: Mittwoch", "number: drei Tote (3 tot)")."""

    value_edited = Signal(object, str)  # the value's row (None: a new one), the typed text
    value_deleted = Signal(int)  # the value's row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[ClaimValue] = []
        self.editing: int | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("valuesHeading")
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("claimValues")
        # a value wider than the panel ends in "…" (its tooltip is whole): a horizontal scroll
        # bar would take the height of a row from the four
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("valueEdit")
        self.edit.setPlaceholderText(self.tr("slot: text, e.g. place: Prag · number: vier Tote"))
        self.edit.returnPressed.connect(self._commit)
        self.edit.hide()
        bind(self.list, "value.edit", self.start_edit)
        bind(self.list, "value.add", self.start_add)
        bind(self.list, "value.delete", self._delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.list, self.edit):
            layout.addWidget(widget)

    def show_values(self, values: list[ClaimValue] | None, stored: bool) -> None:
        """List a claim's values (None: no claim); values not stored yet are those its text
        states, shown in italics until an edit stores them."""
        row = self.list.currentRow()
        self.cancel_edit()
        self.values = list(values or [])
        self.list.clear()
        font = QFont(self.list.font())
        font.setItalic(not stored)
        for value in self.values:
            item = QListWidgetItem(value.shown(), self.list)
            item.setFont(font)
            item.setToolTip(tooltip(value.shown()))
        if self.values:
            self.list.setCurrentRow(min(max(row, 0), len(self.values) - 1))
        rows = min(max(len(self.values), 1), 4)  # the list as high as its values, up to four
        line = self.list.sizeHintForRow(0) if self.values else self.list.fontMetrics().height()
        self.list.setFixedHeight(rows * line + 2 * self.list.frameWidth() + 4)
        state = "" if values is None or stored else "<i>" + self.tr("found in the text") + \
            "</i> · "
        first = {name: escape(key_text(action(name).keys[-1 if name == "value.add" else 0]))
                 for name in ("claim.values", "value.edit", "value.add", "value.delete")}
        self.heading.setText(self.tr(
            "<b>Values</b> <small>({state}{values}, then {edit} edits, {add} adds, {delete} "
            "deletes)</small>").format(state=state, values=first["claim.values"],
                                       edit=first["value.edit"], add=first["value.add"],
                                       delete=first["value.delete"]))
        self.list.setEnabled(values is not None)

    def focus(self) -> None:
        """Keyboard entry into the list (V in the text)."""
        self.list.setFocus()
        if self.values and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def start_edit(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.values):
            value = self.values[row]
            self._open(row, f"{value.slot}: {value.text or value.value}")

    def start_add(self) -> None:
        self._open(None, "")

    def _open(self, row: int | None, text: str) -> None:
        self.editing = row
        self.edit.setText(text)
        self.edit.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def cancel_edit(self) -> bool:
        """Close the editor without storing; False when it was not open."""
        if self.edit.isHidden():
            return False
        had_focus = self.edit.hasFocus()
        self.edit.hide()
        self.editing = None
        if had_focus:
            self.list.setFocus()
        return True

    def _commit(self) -> None:
        row, text = self.editing, self.edit.text()
        self.cancel_edit()
        if text.strip() or row is not None:
            self.value_edited.emit(row, text)

    def _delete(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.values):
            self.value_deleted.emit(row)
