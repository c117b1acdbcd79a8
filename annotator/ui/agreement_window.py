"""The agreement window (Tools ▸ Agreement between annotators): a label × annotator-pair
heatmap of one figure and the compared articles with their figures as bars, worst first;
computed in the background, by keyboard (``agreement.*`` in the keymap)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.app.tasks import Task, TaskRunner, project_task
from annotator.ui import theme
from annotator.ui.agreement_models import (
    FIGURE_COLUMNS,
    FIGURE_NAMES,
    ArticleFiguresModel,
    ArticleIdRole,
    BarDelegate,
    HeatmapModel,
    tr,
)
from annotator.ui.i18n import hint, layer_text
from annotator.ui.keymap import AGREEMENT_PAGE
from annotator.ui.keys import bind, check_bound
from annotator.ui.plain import plain_label

if TYPE_CHECKING:
    from annotator.app.agreement import Agreement
    from annotator.store import Project
    from annotator.ui.review_actions import ReviewActions



PAIR_FIGURES = ("exact_f1", "relaxed_f1", "kappa")  # app/agreement.py's FIGURES, without numpy


class Host(Protocol):
    """What the window needs of the main window."""

    project: Project
    runner: TaskRunner
    review: ReviewActions

    def open_claim(self, article_id: int, start: int, end: int) -> None: ...

    def activateWindow(self) -> None: ...

    def findChild(self, kind: Any, name: str = "") -> Any: ...


class AgreementWindow(QDialog):
    """Beside the main window (non-modal); Enter on an article opens it there."""

    article_opened = Signal(int)
    computed = Signal()  # the figures arrived, or the computation failed

    def __init__(self, path: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementWindow")
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self.path, self.runner = path, runner
        self.figures: Agreement | None = None
        self.task: Task | None = None
        self.layer, self.figure = "", PAIR_FIGURES[0]
        self.in_progress = False  # versions in progress counted too (I)
        self.status = plain_label(self)
        self.status.setObjectName("agreementStatus")
        self.heatmap = HeatmapModel(self)
        self.heat_view = self._table(self.heatmap, "agreementHeatmap")
        self.heat_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.articles = ArticleFiguresModel(self)
        self.article_view = self._table(self.articles, "agreementArticles")
        self.article_view.setSortingEnabled(True)
        self.article_view.sortByColumn(self.articles.sorted_by, Qt.SortOrder.AscendingOrder)
        self.article_view.activated.connect(self._open)  # Enter, double-click
        for column in FIGURE_COLUMNS:
            self.article_view.setItemDelegateForColumn(column, BarDelegate(self.article_view))
        header = self.article_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.hint = plain_label(self, self.tr("Colours: red 0.4 and below, yellow 0.7, green 1; "
                                              "grey: nothing to compare. ")
                                + hint(AGREEMENT_PAGE))
        self.hint.setWordWrap(True)
        theme.style(self.hint, "color: $muted")
        layout = QVBoxLayout(self)
        for widget, stretch in ((self.status, 0), (self.heat_view, 0), (self.article_view, 1),
                                (self.hint, 0)):
            layout.addWidget(widget, stretch)
        self.resize(900, 640)
        for name, slot in (("agreement.layer", self.next_layer),
                           ("agreement.figure", self.next_figure),
                           ("agreement.sort", self.next_sort),
                           ("agreement.in_progress", self.toggle_in_progress),
                           ("agreement.refresh", self.compute)):
            bind(self, name, slot)
        check_bound(self, AGREEMENT_PAGE)

    def _table(self, model, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        return view

    # -- computing ---------------------------------------------------------------------------

    def compute(self) -> None:
        """Measure in the background (the window stays responsive); again on F5."""
        if self.task is not None and self.task.is_active():
            return
        from annotator.app.jobs import agreement_job

        self.status.setText(self.tr("Computing the agreement…"))
        self.task = project_task(self.path, agreement_job(in_progress=self.in_progress),
                                 self.tr("Agreement"))
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._arrived)
        self.task.failed.connect(self._failed)
        self.runner.start(self.task)

    def _progressed(self, _done: int, _total: int, message: str) -> None:
        if message:
            self.status.setText(self.tr("Computing the agreement: {step}").format(step=message))

    def _arrived(self, result: Agreement) -> None:
        self.figures = result
        if self.layer not in result.layers:
            self.layer = next(iter(result.layers), "")
        self._show()
        self.article_view.setFocus()
        if self.articles.rowCount():
            self.article_view.selectRow(0)
        self.computed.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("No agreement: {error}").format(error=message))
        self.computed.emit()

    def _show(self) -> None:
        result = self.figures
        if result is None:
            return
        if not self.layer:
            self.status.setText(self.tr("%n article(s) compared; nobody annotated spans in "
                                        "them", "", len(result.rows.articles)))
            return
        self.heatmap.show(result, self.layer, self.figure)
        self.articles.show(result, self.layer)
        self._fit_heatmap()
        versions = (self.tr("done or in progress") if self.in_progress else self.tr("done"))
        self.status.setText(self.tr(
            "{annotators} · %n article(s) compared · layer {layer} · heatmap: {figure} · "
            "articles by {sort}, worst first · versions {versions}", "",
            len(result.rows.articles)).format(
            annotators=", ".join(result.annotators),
            layer=layer_text(self.layer), figure=tr(FIGURE_NAMES[self.figure]),
            sort=tr(FIGURE_NAMES[FIGURE_COLUMNS[self.articles.sorted_by]]), versions=versions))

    def _fit_heatmap(self) -> None:
        """The heatmap as tall as its rows (up to 12), the articles below get the rest."""
        view = self.heat_view
        rows = min(self.heatmap.rowCount(), 12)
        view.setFixedHeight(view.horizontalHeader().height() + 2 * view.frameWidth()
                            + sum(view.rowHeight(r) for r in range(rows)) + 2)

    # -- the keys ----------------------------------------------------------------------------

    def next_layer(self) -> None:
        if self.figures is not None and self.figures.layers:
            names = list(self.figures.layers)
            at = names.index(self.layer) if self.layer in names else -1
            self.layer = names[(at + 1) % len(names)]
            self._show()

    def next_figure(self) -> None:
        self.figure = PAIR_FIGURES[(PAIR_FIGURES.index(self.figure) + 1) % len(PAIR_FIGURES)]
        self._show()

    def next_sort(self) -> None:
        columns = list(FIGURE_COLUMNS)
        column = columns[(columns.index(self.articles.sorted_by) + 1) % len(columns)]
        self.article_view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        self._show()

    def toggle_in_progress(self) -> None:
        """Count versions in progress too, or again only those marked done."""
        if self.task is not None and self.task.is_active():
            return
        self.in_progress = not self.in_progress
        self.compute()

    def _open(self, index) -> None:
        article_id = index.data(ArticleIdRole)
        if article_id is not None:
            self.article_opened.emit(article_id)


def show_agreement(window: Host) -> None:
    """Tools ▸ Agreement: the window beside the main one, computing afresh."""
    if window.project.path is None:
        window.review.say(QCoreApplication.translate(
            "MainWindow", "A project in memory has no file for background work"))
        return
    found = window.findChild(AgreementWindow)
    if found is None:
        found = AgreementWindow(window.project.path, window.runner, cast(QWidget, window))
        found.article_opened.connect(lambda article_id: _open_article(window, article_id))
    found.show()
    found.raise_()
    found.activateWindow()
    found.compute()


def _open_article(window: Host, article_id: int) -> None:
    window.open_claim(article_id, 0, 0)
    window.activateWindow()
