"""The article list as a lazy Qt model over the store: pages come in as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.core.model import ArticleFilter, ArticleSummary, Status
from annotator.store import Project

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2

TITLE, OUTLET, DATE, STATUS, ENTITIES, ANNOTATIONS = range(6)
HEADERS = ["Title", "Outlet", "Date", "Status", "Sugg.", "Ann."]
HEADER_TIPS = ["", "", "Publication date", "", "Open model suggestions", "Annotations"]
STATUS_TEXT = {Status.NEW: "new", Status.IN_PROGRESS: "in progress", Status.DONE: "done"}

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Rows are ArticleSummary pages fetched with ``fetchMore``; no texts are held.

    Filtering and search run in SQL (FTS5), not in a QSortFilterProxyModel: a proxy would have
    to load all 100,000 rows to filter them.
    """

    def __init__(self, project: Project, page_size: int = 200, parent=None) -> None:
        super().__init__(parent)
        self._project = project
        self._page_size = page_size
        self._filter = ArticleFilter()
        self._rows: list[ArticleSummary] = []
        self._total = project.count_articles(self._filter)

    @property
    def filter(self) -> ArticleFilter:
        return self._filter

    def set_filter(self, where: ArticleFilter) -> None:
        """Show only the articles that pass ``where``."""
        self._filter = where
        self.reload()

    def reload(self) -> None:
        """Start again from the first page, after the project changed underneath."""
        self.beginResetModel()
        self._rows = []
        self._total = self._project.count_articles(self._filter)
        self.endResetModel()

    def refresh_article(self, article_id: int) -> None:
        """Re-read one loaded row (status, counts) after an edit."""
        row = self.row_of(article_id)
        if row is None:
            return
        self._rows[row] = self._project.summary(article_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def load_until(self, article_id: int) -> int | None:
        """Fetch pages until an article's row is loaded; None when the filter hides it."""
        position = self._project.position(article_id, self._filter)
        if position is None:
            return None
        while len(self._rows) <= position and self.canFetchMore():
            self.fetchMore()
        return self.row_of(article_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._project.list_articles(len(self._rows), self._page_size, self._filter)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def total(self) -> int:
        """Articles in the project, loaded or not."""
        return self._total

    def summary(self, row: int) -> ArticleSummary:
        """The article shown in a loaded row."""
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        """The row of an article among those loaded so far."""
        position = self._project.position(article_id, self._filter)
        if position is not None and position < len(self._rows):
            return position
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        art = self._rows[index.row()]
        if role == ArticleIdRole:
            return art.id
        if role == SummaryRole:
            return art
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(art, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE:
            return f"{art.title}\n{art.source_path or ''}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (ENTITIES, ANNOTATIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(art: ArticleSummary, column: int) -> Any:
        return {
            TITLE: art.title,
            OUTLET: art.outlet or "",
            DATE: art.published or "",
            STATUS: STATUS_TEXT[art.status],
            ENTITIES: art.suggestion_count,
            ANNOTATIONS: art.annotation_count,
        }[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section] or None
        return None
