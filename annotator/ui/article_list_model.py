"""The article list as a paged Qt model over the store: rows are read a page at a time, on demand.

``rowCount`` is the filtered count from SQL, so the scroll bar shows the whole project; ``data``
reads the page a row falls on (one indexed query) and keeps a bounded number of pages, so a
100,000-article project never sits in memory and jumping to any article costs one page.
Filtering and search run in SQL (FTS5), not in a QSortFilterProxyModel: a proxy would have to
load every row to filter them.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from msgspec.structs import replace
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.model import ArticleFilter, ArticleSummary, Status
from annotator.store import Project
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.plain import tooltip

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
# the roles ``data`` answers, as ints (the view asks each cell for some ten roles as it paints;
# the others are answered before a row is looked up), and the counts' alignment, made once
DISPLAY, TOOLTIP, ALIGNMENT = (int(r) for r in (Qt.ItemDataRole.DisplayRole,
                                                 Qt.ItemDataRole.ToolTipRole,
                                                 Qt.ItemDataRole.TextAlignmentRole))
ANSWERED = frozenset({ArticleIdRole, SummaryRole, DISPLAY, TOOLTIP, ALIGNMENT})
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

TITLE, OUTLET, DATE, STATUS, ENTITIES, ANNOTATIONS = range(6)
C = "ArticleListModel"  # the translation context of the texts below
HEADERS = [QT_TRANSLATE_NOOP("ArticleListModel", "Title"),
           QT_TRANSLATE_NOOP("ArticleListModel", "Outlet"),
           QT_TRANSLATE_NOOP("ArticleListModel", "Date"),
           QT_TRANSLATE_NOOP("ArticleListModel", "Status"),
           QT_TRANSLATE_NOOP("ArticleListModel", "Sugg."),
           QT_TRANSLATE_NOOP("ArticleListModel", "Ann.")]
HEADER_TIPS = ["", "", QT_TRANSLATE_NOOP("ArticleListModel", "Publication date"), "",
               QT_TRANSLATE_NOOP("ArticleListModel",
                                 "Open suggestions: entities, claims, sources (zones apart)"),
               QT_TRANSLATE_NOOP("ArticleListModel", "Annotations")]
STATUS_TEXT = {Status.NEW: QT_TRANSLATE_NOOP("ArticleListModel", "new"),
               Status.IN_PROGRESS: QT_TRANSLATE_NOOP("ArticleListModel", "in progress"),
               Status.DONE: QT_TRANSLATE_NOOP("ArticleListModel", "done")}

Index = QModelIndex | QPersistentModelIndex
CELL_MARGIN = 8  # a cell's text margins (3 px a side) and its grid line, and a pixel to spare
FRAME = 2  # the list's frame, a side (ui/window_layout.py's FOCUS_FRAME)
SHORT_TITLE = "Elbtal-Abkommen"  # what the title column shows at least
FIT_ORDER = (STATUS, DATE, OUTLET, ENTITIES, ANNOTATIONS)  # beside the title while they fit


# Rows read at a time, and pages kept: a page holds about what a tall list shows (a first
# paint reads no more than it needs), the cache ~4,800 rows whatever the project's size.
PAGE_SIZE, MAX_PAGES = 50, 96


class ArticleListModel(QAbstractTableModel):
    """Rows of ArticleSummary (never texts), read in pages and cached up to ``max_pages``; the
    status and counts are ``annotator``'s (None: the project's)."""

    def __init__(self, project: Project, page_size: int = PAGE_SIZE, max_pages: int = MAX_PAGES,
                 parent=None, annotator: str | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._page_size = page_size
        self._max_pages = max_pages
        self._filter = ArticleFilter(annotator=annotator)
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        self._order: list[int] | None = None  # teach order: ids, least certain first
        self._position: dict[int, int] = {}
        self._total = project.count_articles(self._filter)

    @property
    def filter(self) -> ArticleFilter:
        return self._filter

    def set_filter(self, where: ArticleFilter) -> None:
        """Show only the articles that pass ``where`` (for the model's annotator)."""
        self._filter = replace(where, annotator=self._filter.annotator)
        self.reload()

    def set_annotator(self, annotator: str | None) -> None:
        """Show the status and counts of another annotator's versions."""
        self._filter = replace(self._filter, annotator=annotator)
        self.reload()

    def reload(self) -> None:
        """Forget the cached pages and count again, after the project changed underneath."""
        self.beginResetModel()
        self._pages.clear()
        if self._filter.teach:  # ids only (100,000 ints), the rows still come by the page
            self._order = self._project.teach_order(self._filter)
            self._position = {article_id: row for row, article_id in enumerate(self._order)}
            self._total = len(self._order)
        else:
            self._order = None
            self._total = self._project.count_articles(self._filter)
        self.endResetModel()

    def total(self) -> int:
        """Articles that pass the filter."""
        return self._total

    def loaded_rows(self) -> int:
        """Rows held in memory now (pages in the cache)."""
        return sum(len(page) for page in self._pages.values())

    def _page(self, number: int) -> list[ArticleSummary]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        first = number * self._page_size
        if self._order is not None:
            page = self._project.summaries(self._order[first:first + self._page_size],
                                           self._filter.annotator)
        else:
            page = self._project.list_articles(first, self._page_size, self._filter)
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def summary(self, row: int) -> ArticleSummary | None:
        """The article shown in a row (read from the store if its page is not cached)."""
        if not 0 <= row < self._total:
            return None
        page = self._page(row // self._page_size)
        offset = row % self._page_size
        return page[offset] if offset < len(page) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article, or None when the filter hides it."""
        if self._order is not None:
            return self._position.get(article_id)
        for number, page in self._pages.items():
            for offset, summary in enumerate(page):
                if summary.id == article_id:
                    return number * self._page_size + offset
        return self._project.position(article_id, self._filter)

    def refresh_article(self, article_id: int) -> None:
        """Re-read one cached row (status, counts) after an edit; uncached rows read fresh."""
        for number, page in self._pages.items():
            for offset, summary in enumerate(page):
                if summary.id == article_id:
                    page[offset] = self._project.summary(article_id, self._filter.annotator)
                    row = number * self._page_size + offset
                    self.dataChanged.emit(self.index(row, 0),
                                          self.index(row, len(HEADERS) - 1))
                    return

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED or not index.isValid():
            return None
        art = self.summary(index.row())
        if art is None:
            return None
        if role == ArticleIdRole:
            return art.id
        if role == SummaryRole:
            return art
        if role == DISPLAY:
            return self._display(art, index.column())
        if role == TOOLTIP and index.column() == TITLE:
            return tooltip(f"{art.title}\n{art.source_path or ''}".strip())
        if role == ALIGNMENT and index.column() in (ENTITIES, ANNOTATIONS):
            return RIGHT
        return None

    @staticmethod
    def _display(art: ArticleSummary, column: int) -> Any:
        return {
            TITLE: art.title,
            OUTLET: art.outlet or "",
            DATE: art.published or "",
            STATUS: QCoreApplication.translate(C, STATUS_TEXT[art.status]),
            ENTITIES: art.suggestion_count,
            ANNOTATIONS: art.annotation_count,
        }[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(HEADER_TIPS[section]) if HEADER_TIPS[section] else None
        return None


class ArticleTable(QTableView):
    """A table whose rows are the items: Home and End go to the first and the last article, as
    in any list (a table's own Home and End go to a row's first and last column, which a list
    of whole rows cannot show: the keys did nothing)."""

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveHome,
                      QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier  # Ctrl+Home, Ctrl+End: the rows'
        return super().moveCursor(action, modifiers)


def article_table(model: ArticleListModel, parent: QWidget) -> QTableView:
    """The list's view: whole rows, one at a time, columns as wide as their usual text."""
    view = ArticleTable(parent)
    view.setObjectName("articleList")
    view.verticalHeader().hide()  # first: a shown one measures 200 of its rows' numbers
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    widths = _widths(view)
    for column, width in widths.items():
        header.resizeSection(column, width)
    ColumnFit(view, widths)
    return view


class ColumnFit(QObject):
    """A list narrower than its columns keeps its title readable (``SHORT_TITLE``): the columns
    that do not fit beside it are hidden, the counts first, the status last, and come back as
    the list widens (a small window's first layout, a drag of the splitter)."""

    def __init__(self, view: QTableView, widths: dict[int, int]) -> None:
        super().__init__(view)
        self.view, self.widths = view, dict(widths)  # of each column, hidden or not
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        room = self.view.viewport().width() - _title_width(self.view)
        for column in FIT_ORDER:
            if not header.isSectionHidden(column):  # as the user may have made it
                self.widths[column] = header.sectionSize(column)
            room -= self.widths[column]
            header.setSectionHidden(column, room < 0)


def list_width(view: QTableView) -> int:
    """The width the list needs to show every column (a short title too) with no scrolling:
    what the window's first layout gives it where there is room (ui/window_layout.py)."""
    return (_title_width(view) + sum(_widths(view).values())
            + 2 * FRAME + view.verticalScrollBar().sizeHint().width())


def _title_width(view: QTableView) -> int:
    return view.fontMetrics().horizontalAdvance(SHORT_TITLE) + CELL_MARGIN


def _widths(view: QTableView) -> dict[int, int]:
    """The columns but the title as wide as their widest usual text, and their header (in bold
    or not). From the font, never ResizeToContents: that asks a 100,000-row model for every
    row's text (27 s measured on a 100,000-article project)."""
    header, metrics = view.horizontalHeader(), view.fontMetrics()
    return {column: max(max(metrics.horizontalAdvance(text) for text in samples) + CELL_MARGIN,
                        header.sectionSizeFromContents(column).width())
            for column, samples in _samples().items()}


def _samples() -> dict[int, list[str]]:
    """The widest usual texts of the columns but the title, in the language installed."""
    return {OUTLET: ["Elbtal-Bote"], DATE: ["2024-10-23"],
            STATUS: [QCoreApplication.translate(C, text) for text in STATUS_TEXT.values()],
            ENTITIES: ["999"], ANNOTATIONS: ["999"]}
