"""The claim groups of the disputes view: a list model following the store, and its filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from annotator.app.disputes import group_line, listed
from annotator.core.model import ClaimGroup
from annotator.ui import theme
from annotator.ui.plain import tooltip

GroupRole = Qt.ItemDataRole.UserRole + 1  # the ClaimGroup of a row
Index = QModelIndex | QPersistentModelIndex


class GroupListModel(QAbstractListModel):
    """Every claim group of the project, following the store with precise row changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[ClaimGroup] = []

    def set_groups(self, groups: list[ClaimGroup]) -> None:
        """Follow the store (groups come ordered by id) without resetting the selection."""
        keep = {g.id for g in groups}
        for row in reversed(range(len(self._groups))):
            if self._groups[row].id not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._groups[row]
                self.endRemoveRows()
        present = {g.id for g in self._groups}
        for row, group in enumerate(groups):
            if group.id not in present:
                self.beginInsertRows(QModelIndex(), row, row)
                self._groups.insert(row, group)
                self.endInsertRows()
        self._groups = list(groups)
        if groups:
            self.dataChanged.emit(self.index(0), self.index(len(groups) - 1))

    def row_of(self, group_id: int) -> int | None:
        """The row of a group, None when the project has no such group."""
        return next((r for r, g in enumerate(self._groups) if g.id == group_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        g = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return group_line(g)
        if role == Qt.ItemDataRole.DecorationRole:
            return theme.qcolor("holding" if g.holding_id else "dispute" if g.disputed
                                else "group_none")
        return {Qt.ItemDataRole.ToolTipRole: tooltip(g.note or g.title), GroupRole: g}.get(role)


class DisputeFilter(QSortFilterProxyModel):
    """Disputed groups only, or all; the group on screen stays listed while it is worked on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.disputed_only: bool = True
        self.pinned: int | None = None

    def set_filter(self, disputed_only: bool, pinned: int | None) -> None:
        """Change what passes, re-filtering only when something changed."""
        if (disputed_only, pinned) != (self.disputed_only, self.pinned):
            self.beginFilterChange()
            self.disputed_only, self.pinned = disputed_only, pinned
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pin(self, group_id: int | None) -> None:
        """Keep this group listed whatever the filter says (the one on screen)."""
        self.set_filter(self.disputed_only, group_id)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        group = self.sourceModel().index(row, 0, parent).data(GroupRole)
        return listed(group, self.disputed_only, self.pinned)
