"""The source registry: every canonical source, its kind, aliases and mentions; merges."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.app.session import Session
from annotator.core.model import CanonicalSource
from annotator.ui.keymap import SOURCES_PAGE, hint, keys_text
from annotator.ui.keys import bind, check_bound
from annotator.ui.plain import plain_label

Index = QModelIndex | QPersistentModelIndex
HEADERS = ["Source", "Kind", "Aliases", "Mentions"]


class SourceTableModel(QAbstractTableModel):
    """The registry as a table (a few hundred rows: reset on change is the simple thing)."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[CanonicalSource] = []
        self.reload()

    def reload(self, *_changed: object) -> None:
        """Read the registry again (connected to the undo stack: every change shows)."""
        self.beginResetModel()
        self.rows = self.session.project.claims.sources()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        src = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [src.name, src.kind, ", ".join(src.aliases), src.mentions][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return src
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


class SourcesDialog(QDialog):
    """Keys (``sources.*`` in the keymap) merge the selected sources into the first, change
    the kind, select the next suggested merge; everything is undoable in the main window."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Source registry")
        self.session = session
        self.model = SourceTableModel(session, self)
        self.table = QTableView(self)
        self.table.setObjectName("sourceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hint = plain_label(self, hint(SOURCES_PAGE))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        self.resize(760, 460)
        self._proposals: list[list[int]] = []
        for name, slot in (("sources.merge", self.merge_selected),
                           ("sources.kind", self.cycle_kind),
                           ("sources.suggest", self.suggest_merge)):
            bind(self, name, slot)
        check_bound(self, SOURCES_PAGE)
        # a bound method, so Qt drops the connection when the dialog goes
        session.undo_stack.indexChanged.connect(self.model.reload)

    def selected(self) -> list[CanonicalSource]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r] for r in rows]

    def merge_selected(self) -> None:
        """Fold the selected sources into the first selected one."""
        chosen = self.selected()
        if len(chosen) > 1:
            self.session.merge_sources(chosen[0], chosen[1:])
            self.model.reload()

    def cycle_kind(self) -> None:
        """Give the current source the next kind (person, government, agency, …)."""
        from annotator.nlp.sources import SOURCE_KINDS

        chosen = self.selected()
        if not chosen:
            return
        src = chosen[0]
        kind = SOURCE_KINDS[(SOURCE_KINDS.index(src.kind) + 1) % len(SOURCE_KINDS)] \
            if src.kind in SOURCE_KINDS else SOURCE_KINDS[0]
        self.session.set_source_kind(src, kind)
        self.model.reload()
        self.table.selectRow(next(i for i, s in enumerate(self.model.rows) if s.id == src.id))

    def suggest_merge(self) -> None:
        """Select the next group of sources that look like one (names, aliases, roles)."""
        from annotator.nlp.sources import group_mentions

        rows = self.model.rows
        if not self._proposals:
            names = [s.name for s in rows]
            self._proposals = [g for g in group_mentions(names) if len(g) > 1]
        if not self._proposals:
            self.hint.setText("No merges to suggest.")
            return
        group = self._proposals.pop(0)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in group:
            self.table.selectRow(row)
        self.table.setSelectionMode(mode)
        self.hint.setText("Suggested: " + ", ".join(rows[r].name for r in group)
                          + f" — {keys_text('sources.merge')} merges them into the first")

