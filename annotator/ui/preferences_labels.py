"""Preferences ▸ Labels: the label scheme of each layer — name, colour, key.

Colours, keys and new labels apply at once; a rename (every span follows) and a delete go
through the window's undo stack (app/label_commands.py), so Ctrl+Z takes them back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from annotator.app.label_commands import DeleteLabel, RenameLabel
from annotator.core.colors import DEFAULT_LABEL_COLOR
from annotator.core.model import Layer
from annotator.store import label_scheme as scheme
from annotator.ui import theme
from annotator.ui.i18n import layer_text
from annotator.ui.window_protocol import WindowHost

if TYPE_CHECKING:
    from annotator.store import Project

NAME, COLOUR, KEY = range(3)
LAYERS = (Layer.ENTITY, Layer.CLAIM, Layer.SOURCE, Layer.STRUCTURE)


translate = QCoreApplication.translate


class LabelsPage(QWidget):
    """One table per chosen layer; edit a name or a key in place, buttons for the rest."""

    def __init__(self, window: WindowHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = window
        self.layer = QComboBox(self)
        for layer in LAYERS:
            self.layer.addItem(layer_text(layer.value), layer.value)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([translate("LabelsPage", "Name"),
                                              translate("LabelsPage", "Colour"),
                                              translate("LabelsPage", "Key")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((translate("LabelsPage", "&Add…"), self.add),
                           (translate("LabelsPage", "&Colour…"), self.recolour),
                           (translate("LabelsPage", "&Delete"), self.delete)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.layer)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        hint = translate("LabelsPage", "Double-click a name to rename the label (its spans follow; "
                         "Ctrl+Z undoes), a key to give the label a key.")
        box.addWidget(QLabel(hint, self))
        box.addWidget(self.message)
        self.layer.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemChanged.connect(self._edited)
        theme.notifier.changed.connect(self._retheme)
        self.reload()

    @property
    def project(self) -> Project:
        return self.main.project

    def current_layer(self) -> Layer:
        return Layer(self.layer.currentData())

    def reload(self) -> None:
        """The chosen layer's labels, in their order."""
        self.table.blockSignals(True)
        labels = self.project.labels(self.current_layer())
        self.table.setRowCount(len(labels))
        for row, lab in enumerate(labels):
            name = QTableWidgetItem(lab.name)
            name.setData(Qt.ItemDataRole.UserRole, lab.name)
            colour = QTableWidgetItem(lab.color)
            colour.setFlags(colour.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self._paint(colour)
            key = QTableWidgetItem(lab.shortcut or "")
            for column, item in ((NAME, name), (COLOUR, colour), (KEY, key)):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)

    def _retheme(self) -> None:
        """Another theme: the swatches as it draws them (from the cells: no project read, the
        page may outlive its window's project)."""
        self.table.blockSignals(True)  # not an edit
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COLOUR)
            if item is not None:
                self._paint(item)
        self.table.blockSignals(False)

    def _paint(self, item: QTableWidgetItem) -> None:
        """A colour cell: its code on a swatch of the colour as the text draws it, in a text
        colour readable on it (theme.swatch)."""
        text, swatch = theme.swatch(self.current_layer(), item.text())
        item.setBackground(QColor(swatch))
        item.setForeground(QColor(text))

    def name_at(self, row: int) -> str | None:
        """The label's name in ``row`` as stored (before an edit of the cell)."""
        item = self.table.item(row, NAME)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def selected_name(self) -> str | None:
        return self.name_at(self.table.currentRow())

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _edited(self, item: QTableWidgetItem) -> None:
        name = self.name_at(item.row())
        if name is None:
            return
        if item.column() == NAME:
            self.rename(name, item.text())
        elif item.column() == KEY:
            self.set_key(name, item.text().strip())

    def rename(self, old: str, new: str) -> bool:
        """Rename through the undo stack; a taken or empty name is refused."""
        if new.strip() == old:
            return False
        try:
            command = RenameLabel(self.project, self.current_layer(), old, new)
        except ValueError as exc:
            self.say(str(exc))
            self.reload()
            return False
        return self._push(command)

    def set_key(self, name: str, key: str) -> None:
        """A key for the label (one character), taken from another label that had it."""
        if len(key) > 1:
            self.say(translate("LabelsPage", "A key is one character"))
            self.reload()
            return
        scheme.set_key(self.project.db, self.current_layer(), name, key or None)
        self.applied()

    def recolour(self) -> None:
        """Pick the selected label's colour."""
        name = self.selected_name()
        if name is None:
            self.say(translate("LabelsPage", "Select a label first"))
            return
        row = scheme.label_row(self.project.db, self.current_layer(), name)
        colour = QColorDialog.getColor(QColor(row["color"] if row else DEFAULT_LABEL_COLOR),
                                       self, translate("LabelsPage", "Colour of %s") % name)
        if colour.isValid():
            scheme.set_color(self.project.db, self.current_layer(), name, colour.name())
            self.applied()

    def add(self) -> None:
        """A new label of the chosen layer."""
        name, ok = QInputDialog.getText(self, translate("LabelsPage", "New label"),
                                        translate("LabelsPage", "Name of the new label:"))
        if not ok:
            return
        try:
            scheme.add(self.project.db, self.current_layer(), name, DEFAULT_LABEL_COLOR)
        except ValueError as exc:
            self.say(str(exc))
            return
        self.applied()

    def delete(self) -> None:
        """Delete the selected label (an unused one) through the undo stack."""
        name = self.selected_name()
        if name is None:
            self.say(translate("LabelsPage", "Select a label first"))
            return
        try:
            command = DeleteLabel(self.project, self.current_layer(), name)
        except ValueError as exc:
            self.say(str(exc))
            return
        self._push(command)

    def _push(self, command: RenameLabel | DeleteLabel) -> bool:
        done = self.main.session.push(command)
        self.applied()
        return done

    def applied(self) -> None:
        """The page and the window show the scheme as it is now."""
        self.reload()
        refresh_window(self.main)


def refresh_window(window: WindowHost) -> None:
    """The open article drawn again with the labels as they are now."""
    if window.current_article is not None:
        window.workbench.open(window.current_article)


def watch_label_undo(window: WindowHost) -> None:
    """An undo or redo of a label command redraws the window with the labels as they are.

    Not while the stack is deleted with its window (a quit with the window open): its last
    ``clear`` moves the index, and there is nothing left to redraw."""
    stack = window.session.undo_stack

    def moved(_index: int) -> None:
        if not isValid(stack):
            return
        for i in (stack.index(), stack.index() - 1):
            if isinstance(stack.command(i), (RenameLabel, DeleteLabel)):
                refresh_window(window)
                return

    stack.indexChanged.connect(moved)
