"""The review queue (Tools ▸ Review queue): everything that waits for a decision, each item
marked by its kind, filtered and stepped through by keyboard (``review.*`` in the keymap);
Enter opens the view that resolves it. What is listed is ``app/review_queue.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.review_queue import Item, Kind, review_items, updated, written
from annotator.app.tasks import Task, TaskRunner
from annotator.ui import theme
from annotator.ui.adjudication_window import AdjudicationWindow, show_adjudication
from annotator.ui.i18n import QT_TRANSLATE_NOOP, hint
from annotator.ui.keymap import REVIEW_PAGE
from annotator.ui.keys import bind, bind_each, check_bound
from annotator.ui.plain import plain_label
from annotator.ui.worker_read import read_project

if TYPE_CHECKING:
    from annotator.app.changes import Changes
    from annotator.app.session import Session
    from annotator.store import Project
    from annotator.ui.disputes_view import DisputesView
    from annotator.ui.review_actions import ReviewActions

KINDS = list(Kind)  # the combo's entries after "every kind", and the digit keys 1, 2, 3
NAMES = {Kind.DISPUTE: QT_TRANSLATE_NOOP("ReviewQueueWindow", "Disputed claim groups"),
         Kind.DISAGREEMENT: QT_TRANSLATE_NOOP("ReviewQueueWindow", "Annotators' disagreements"),
         Kind.OPEN_SUGGESTIONS: QT_TRANSLATE_NOOP("ReviewQueueWindow",
                                                  "Done with open suggestions")}
ROW_KINDS = {Kind.DISPUTE: QT_TRANSLATE_NOOP("ReviewQueueWindow", "dispute"),
             Kind.DISAGREEMENT: QT_TRANSLATE_NOOP("ReviewQueueWindow", "disagreement"),
             Kind.OPEN_SUGGESTIONS: QT_TRANSLATE_NOOP("ReviewQueueWindow", "open-suggestions")}
COLORS = {Kind.DISPUTE: "kind_dispute", Kind.DISAGREEMENT: "kind_disagreement",
          Kind.OPEN_SUGGESTIONS: "kind_suggestions"}  # theme roles
ItemRole = Qt.ItemDataRole.UserRole
# From this many articles the whole queue is read in a worker (a second or more: ~6 s of CPU
# at 100,000 articles, docs/review.md); a smaller project's is read at once.
BACKGROUND = 20_000


class Host(Protocol):
    """What the window needs of the main window."""

    project: Project
    session: Session
    current_article: int | None
    review: ReviewActions
    runner: TaskRunner

    @property
    def disputes(self) -> DisputesView: ...  # made on first use (ui/later.py)

    def toggle_disputes(self) -> None: ...

    def open_claim(self, article_id: int, start: int, end: int) -> None: ...

    def activateWindow(self) -> None: ...

    def findChild(self, kind: Any, name: str = "") -> Any: ...


class ReviewQueueWindow(QDialog):
    """Beside the main window (non-modal); read again whenever the session changes something
    and when it comes to the front."""

    read = Signal()  # the queue was read whole (at once, or by the worker)

    def __init__(self, window: Host) -> None:
        super().__init__(cast(QWidget, window))
        self.setObjectName("reviewQueueWindow")
        self.setWindowTitle(self.tr("Review queue"))
        self.window_, self.items = window, cast(list[Item], [])
        self.status = plain_label(self)
        self.status.setObjectName("reviewStatus")
        self.kind = QComboBox(self)
        self.kind.addItems([self.tr("Every kind"), *(f"{n} {self.tr(NAMES[k])}"
                                                     for n, k in enumerate(KINDS, 1))])
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        theme.notifier.changed.connect(self._fill)  # the kinds' colours
        self.kind.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("reviewItems")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Article"), self.tr("What")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.hint = plain_label(self, hint(REVIEW_PAGE))
        self.hint.setWordWrap(True)
        theme.style(self.hint, "color: $muted")
        layout = QVBoxLayout(self)
        for widget, stretch in ((self.status, 0), (self.kind, 0), (self.table, 1),
                                (self.hint, 0)):
            layout.addWidget(widget, stretch)
        self.resize(820, 480)
        for name, slot in (("review.all", lambda: self.kind.setCurrentIndex(0)),
                           ("review.next", lambda: self.step(1)),
                           ("review.previous", lambda: self.step(-1)),
                           ("review.open", self.open_current),
                           ("review.refresh", self.refresh)):
            bind(self, name, slot)
        bind_each(self, "review.kind", lambda n: self.kind.setCurrentIndex(n + 1))
        check_bound(self, REVIEW_PAGE)
        self.heard: tuple[int, int] | None = None  # ``written`` when last read
        self.task: Task | None = None  # reading the whole queue in a worker
        self.sessions = [window.session]  # those whose changes it hears
        window.session.changed.connect(self._changed)
        window.session.switched.connect(self.refresh)

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the queue again (the shown annotator's); the current item stays current. A
        large project's is read in a worker, the window usable meanwhile."""
        if self.reading():
            return  # what it reads is checked against what was written when it arrives
        project = self.window_.project
        task = read_project(self.window_, review_items, self._arrived, self.status, (
            self.tr("Reading the review queue…"),
            self.tr("The review queue could not be read: {error}")), self.tr("Review queue"),
            at_once=project.path is None or project.count_articles() < BACKGROUND)
        if task is not None:  # None: read at once, arrived (and may have begun another read)
            self.task = task

    def reading(self) -> bool:
        return self.task is not None and self.task.is_active()

    def _arrived(self, items: list[Item], heard: tuple[int, int]) -> None:
        """The queue as read when ``written`` was ``heard``; read again when somebody wrote
        while it was read (in the worker's case)."""
        self.task = None
        self.items, self.heard = items, heard
        self._fill()
        self.read.emit()
        if heard != written(self.window_.project):
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        """A session's change: its articles read again (everything, when somebody the queue
        does not hear wrote meanwhile)."""
        if not self.isVisible() or self.reading():
            return  # a read in the worker is checked when it arrives
        project = self.window_.project
        if self._listen() or self.heard is None or written(project)[1] != self.heard[1]:
            self.refresh()
            return
        self.items = updated(self.items, project, self.window_.session.shown, changes)
        self._fill()
        self.heard = written(project)

    def _listen(self) -> bool:
        """Hear the adjudication window's session too (its own, as gold); True when it was
        not heard before."""
        found = self.window_.findChild(AdjudicationWindow)
        if found is None or found.session in self.sessions:
            return False
        self.sessions.append(found.session)
        found.session.changed.connect(self._changed)
        return True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and (
                self._listen() or self.heard != written(self.window_.project)):
            self.refresh()  # written by somebody the queue did not hear

    def shown_items(self) -> list[Item]:
        """The items the filter lets through, in the table's order."""
        at = self.kind.currentIndex()
        return [i for i in self.items if at == 0 or i.kind is KINDS[at - 1]]

    def _fill(self) -> None:
        was = _key(self.current())
        shown = self.shown_items()
        self.table.setRowCount(len(shown))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, item in enumerate(shown):
            cells = [QTableWidgetItem(self.tr(ROW_KINDS[item.kind])), QTableWidgetItem(item.title),
                     QTableWidgetItem(item.what)]
            cells[0].setForeground(QBrush(theme.qcolor(COLORS[item.kind])))
            cells[0].setFont(bold)
            for column, cell in enumerate(cells):
                cell.setData(ItemRole, item)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, max(self.table.columnWidth(1), 200))
        if shown:
            keys = [_key(i) for i in shown]
            self.table.selectRow(keys.index(was) if was in keys else 0)
        counts = {k: sum(i.kind is k for i in self.items) for k in KINDS}
        self.status.setText(self.tr("{n} to decide · ").format(n=len(self.items)) + " · ".join(
            f"{n} {self.tr(ROW_KINDS[k])}" for k, n in counts.items()) + (
            "" if len(shown) == len(self.items) else
            self.tr(" · showing {n}").format(n=len(shown))))

    # -- the keys ----------------------------------------------------------------------------

    def current(self) -> Item | None:
        cell = self.table.item(self.table.currentRow(), 0)
        return cell.data(ItemRole) if cell is not None else None

    def step(self, by: int) -> None:
        row = self.table.currentRow() + by
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)

    def open_current(self) -> None:
        """Open the view that resolves the current item."""
        item, window = self.current(), self.window_
        if item is None:
            return
        if item.kind is Kind.DISPUTE and item.group_id is not None:
            if not window.disputes.isVisible():
                window.toggle_disputes()
            window.disputes.select_group(item.group_id)
            window.disputes.list.setFocus()
            window.activateWindow()
        elif item.kind is Kind.DISAGREEMENT:
            show_adjudication(window, item.article_id)
            self._listen()
        else:
            window.open_claim(item.article_id, 0, 0)
            window.activateWindow()


def _key(item: Item | None) -> tuple[Kind, int, int | None] | None:
    """What stays the same of an item when the queue is read again."""
    return None if item is None else (item.kind, item.article_id, item.group_id)


def show_review_queue(window: Host) -> ReviewQueueWindow:
    """Tools ▸ Review queue: the window beside the main one, read afresh."""
    found = window.findChild(ReviewQueueWindow)
    if found is None:
        found = ReviewQueueWindow(window)
    found.refresh()
    found.show()
    found.raise_()
    found.activateWindow()
    found.table.setFocus()
    return found
