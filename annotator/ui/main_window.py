"""The main window: composes the list, the article pane and the side panel; it does not decide."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from annotator.app.article_state import ArticleState
from annotator.app.changes import Changes, Part
from annotator.app.session import Session
from annotator.app.tasks import TaskRunner
from annotator.core.model import ArticleFilter, Layer, Status, Suggestion
from annotator.core.names import MODEL_SETTING
from annotator.nlp.resolve import describe
from annotator.store import Project
from annotator.ui import article_list_model as listing
from annotator.ui.annotator_actions import AnnotatorActions
from annotator.ui.article_actions import ArticleActions
from annotator.ui.article_view import ArticleView, origin_of
from annotator.ui.claim_actions import ClaimActions
from annotator.ui.filter_bar import FilterBar
from annotator.ui.i18n import QT_TRANSLATE_NOOP, keymap_text
from annotator.ui.keymap import ARTICLE_PAGE, CLAIM_FORM, DISPUTES_PAGE, label_keys, sheet
from annotator.ui.keys import bind, check_bound
from annotator.ui.later import Later
from annotator.ui.main_menus import add_menus
from annotator.ui.matching_worker import MatchingWorker
from annotator.ui.plain import plain_label
from annotator.ui.review_actions import ReviewActions
from annotator.ui.search_marks import SearchMarks
from annotator.ui.side_panel import SidePanel
from annotator.ui.task_panel import TaskPanel
from annotator.ui.window_layout import LastArticle, frame_focus, restore, save
from annotator.ui.workbench import Workbench

if TYPE_CHECKING:
    from annotator.ui.claim_panel import ClaimPanel
    from annotator.ui.disputes_view import DisputesView
    from annotator.ui.outside_watch import OutsideWatch
    from annotator.ui.shortcut_overlay import ShortcutOverlay
    from annotator.ui.sources_dialog import SourcesDialog

IN_MEMORY = QT_TRANSLATE_NOOP("MainWindow", "A project in memory has no file for background work")
# made after the text first paints, or first used
LATER = ("claim_form", "disputes", "overlay", "outside")


class MainWindow(QMainWindow):
    """Lists a project's articles; the annotator labels the open one from the keyboard."""

    def __init__(self, project: Project, annotator: str = "annotator",
                 carried: tuple[Session, TaskRunner, TaskPanel, MatchingWorker] | None = None
                 ) -> None:  # carried: those of the window this one replaces (a language switch)
        super().__init__()
        self.project = project
        self.session = carried[0] if carried else Session(project, annotator, self)
        self.setWindowTitle("annotator — " + (project.path.name if project.path else
                                              self.tr("in memory")))
        self.model = listing.ArticleListModel(project, parent=self, annotator=annotator)
        self.filter_bar = FilterBar(project.labels(), self)
        self.list = listing.article_table(self.model, self)
        self.view = ArticleView(self)
        self.side = SidePanel(self)
        self.workbench = Workbench(self.session, self.view, self)
        self.runner = carried[1] if carried else TaskRunner(self)
        self.task_panel = carried[2] if carried else TaskPanel(self.runner, self)
        self.matching = carried[3] if carried else MatchingWorker(project, self)
        self.claim_actions = ClaimActions(self.workbench, self.side.claim_panel, self.matching)
        self.article_actions = ArticleActions(self.workbench)
        self.review = ReviewActions(self)
        self.annotators = AnnotatorActions(self)
        self.current_article: int | None = None
        self._figures: tuple[int, int] | None = None  # articles done, in all
        self._sources_dialog: SourcesDialog | None = None  # made when first shown
        self.last_article = LastArticle(self, project.path)
        self._layout()
        self._article_actions = add_menus(self)
        self._connect()
        self.update_status()
        check_bound(self, [scope for scope in ARTICLE_PAGE if scope not in CLAIM_FORM])
        self.review.watch()
        self.view.text.setFocus()  # the keys work from the first one on
        self.later = Later(self, LATER, self.view.text.viewport())

    # -- the parts made after the text first paints (ui/later.py) --------------------------

    @cached_property
    def claim_form(self) -> ClaimPanel:
        """The side panel's claim form (ui/claim_panel.py)."""
        self.side.claim_panel.make()
        return self.side.claim_panel

    @cached_property
    def disputes(self) -> DisputesView:
        """The disputed claims page (its keys are checked as it is made)."""
        from annotator.ui.disputes_view import DisputesView

        view = DisputesView(self.session, self)
        self.pages.addWidget(view)
        frame_focus(view)
        view.claim_opened.connect(self.open_claim)
        check_bound(self, DISPUTES_PAGE)
        return view

    @cached_property
    def overlay(self) -> ShortcutOverlay:
        """The `?` sheet over the window, hidden until asked for."""
        from annotator.ui.shortcut_overlay import ShortcutOverlay

        return ShortcutOverlay(self)

    @cached_property
    def outside(self) -> OutsideWatch:  # follows other connections' commits
        from annotator.ui.outside_watch import OutsideWatch
        return OutsideWatch(self)

    def _layout(self) -> None:
        self.left = QWidget(self)
        box = QVBoxLayout(self.left)
        box.setContentsMargins(6, 6, 0, 6)
        box.addWidget(self.filter_bar)
        box.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.left, self.view, self.side):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        restore(self, self.splitter, listing.list_width(self.list) + box.contentsMargins().left())
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.splitter)  # and the disputes page, once made
        self.setCentralWidget(self.pages)
        self.status_label = plain_label(self)  # the annotator's name, the model's path
        self.statusBar().addPermanentWidget(self.task_panel)
        self.statusBar().addPermanentWidget(self.status_label)
        frame_focus(self)  # last: each view is styled once

    def _connect(self) -> None:
        # Enter in the search field (to the next hit), Escape in it or in the list: to the text.
        self.search_marks = SearchMarks(self.filter_bar.search, self.workbench)
        bind(self.left, "search.back", self.view.text.setFocus)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.filter_bar.filter_changed.connect(self.apply_filter)
        self.side.span_activated.connect(self._select_span)
        self.side.escaped.connect(self.view.text.setFocus)
        self.workbench.article_loaded.connect(self.side.set_state)
        self.view.text.cursor_moved.connect(self._show_details)
        self.workbench.article_loaded.connect(  # a change or another article, the cursor still
            lambda _state: self._show_details(self.view.text.cursor_cp()))
        self.session.changed.connect(self._changed)
        self.session.switched.connect(self._switched)
        self.session.undo_stack.indexChanged.connect(lambda _i: self.update_status())

    # -- navigation ------------------------------------------------------------------------

    def open_first(self) -> None:
        """Open the article the user had open last, else the first one."""
        last = self.last_article.value()
        if last is not None and self.select_article(last):
            return
        if self.model.rowCount():
            self.list.selectRow(0)

    def select_article(self, article_id: int) -> bool:
        """Select an article in the list (loading pages up to it)."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        self.list.selectRow(row)
        self.list.scrollTo(self.model.index(row, 0))
        return True

    def step_article(self, step: int) -> bool:
        """Move to the next or previous article in the list; False at its end."""
        rows = self.list.selectionModel().selectedRows()
        row = (rows[0].row() if rows else -1) + step
        if not 0 <= row < self.model.rowCount():
            self.review.say(self.tr("No next article in the list") if step > 0 else
                            self.tr("No previous article in the list"))
            return False
        self.list.selectRow(row)
        self.view.text.setFocus()
        self.review.say(self.tr("Article {row} of {count} in the list").format(
            row=row + 1, count=self.model.rowCount()))
        return True

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if indexes := selected.indexes():
            self.show_article(indexes[0].data(listing.ArticleIdRole))

    def show_article(self, article_id: int) -> None:
        """Open one article in the workbench."""
        self.workbench.open(article_id)
        self.current_article = article_id
        self.last_article.remember(article_id)
        self.update_status()

    def apply_filter(self, where: ArticleFilter) -> None:
        """Filter the list; keep the open article selected when it still passes."""
        self.model.set_filter(where)
        if (self.current_article is None or not self.select_article(self.current_article)
                ) and self.model.rowCount():
            self.list.selectRow(0)

    def _select_span(self, start: int, end: int) -> None:
        self.view.text.select_cp(start, end)
        self.view.text.setFocus()

    # -- status ----------------------------------------------------------------------------

    def set_status(self, status: Status) -> bool:
        """The open article's status in the session's version; False without one."""
        if self.current_article is None:
            self.review.say(self.tr("No article open"))
            return False
        return self.session.set_status(self.current_article, status)

    def _changed(self, changes: Changes) -> None:
        for article_id in changes.articles:  # counts or status in the list
            self.model.refresh_article(article_id)
        self.update_status(recount=bool(changes.parts & Part.STATUS))

    def _switched(self) -> None:
        """Another annotator, or another's version shown: every view reads again."""
        self.model.set_annotator(self.session.shown)
        self._reload()
        if self.disputes.isVisible():
            self.disputes.refresh()

    def _show_details(self, cp: int) -> None:
        state: ArticleState | None = self.workbench.state
        if state is None:
            return
        rows = [(a.label, a.layer.value, origin_of(a)) for a in state.annotations_at(cp)]
        rows += [(s.label, "suggestion", self.tr("model {name} {version}").format(
                      name=s.model, version=s.model_version))
                 for s in (*state.suggestions_at(cp), *state.zones_at(cp))
                 if isinstance(s, Suggestion)]
        self.side.show_details(rows)

    # -- background work -------------------------------------------------------------------

    def import_files(self) -> None:
        """Pick article files and import them in the background."""
        from PySide6.QtWidgets import QFileDialog  # dialogs load when first opened

        from annotator.io import IMPORTABLE_SUFFIXES  # the readers load when first needed

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), "", self.tr("Articles and datasets ({patterns})"
                                                          ";;All files (*)").format(
                patterns=" ".join(f"*{suffix}" for suffix in IMPORTABLE_SUFFIXES)))
        self.start_import([Path(p) for p in paths])

    def import_folder(self) -> None:
        """Pick a folder of articles and import it in the background."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        self.start_import([Path(folder)] if folder else [])

    def start_import(self, paths: list[Path]) -> None:
        """Import in a worker (its own connection), then show the new articles."""
        if not paths or self.project.path is None:
            self.review.say(self.tr("Import: no files chosen") if not paths else self.tr(IN_MEMORY))
            return
        from annotator.ui.task_actions import start_import

        start_import(self.task_panel, self.runner, self.project.path, paths,
                     model_name=self.project.setting(MODEL_SETTING), reload=self._reload)

    def suggest(self, article_ids: list[int] | None) -> None:
        """Run the entity model in a worker; the GUI thread never touches spaCy."""
        if self.project.path is None or article_ids == []:
            self.review.say(self.tr("No article open") if article_ids == [] else self.tr(IN_MEMORY))
            return
        from annotator.ui.task_actions import start_suggest

        start_suggest(self.task_panel, self.runner, self.project.path, article_ids,
                      model_name=self.project.setting(MODEL_SETTING), reload=self._reload)

    def export_dataset(self) -> None:
        """Ask for the export options, then write the dataset in a worker."""
        from annotator.app.exporting import ExportError
        from annotator.ui.export_dialog import ExportDialog
        from annotator.ui.task_actions import start_export

        dialog = ExportDialog(self, annotators=self.project.annotators())
        if dialog.exec() != ExportDialog.DialogCode.Accepted or self.project.path is None:
            self.review.say(self.tr("Export: cancelled, nothing written"))
            return
        try:
            options = dialog.options()
        except ExportError as exc:
            self.statusBar().showMessage(self.tr("Export: {error}").format(error=exc), 10_000)
            return
        start_export(self.task_panel, self.runner, self.project.path, options)

    def _reload(self) -> None:
        if (shown := self.task_panel.window()) is not self:  # after a task: the window that has
            return shown._reload()  # type: ignore[attr-defined]  # its panel now (a new language)
        self.model.reload()
        if self.current_article is not None:
            self.select_article(self.current_article)
            self.workbench.open(self.current_article)
        else:
            self.open_first()
        self.update_status(recount=True)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # e.g. to a dark one: frame in its colour
            frame_focus(self)

    def closeEvent(self, event) -> None:
        # Everything is saved already: stop the workers, then stop listening.
        save(self, self.splitter)
        self.last_article.flush()
        self.runner.shutdown()
        self.session.undo_stack.blockSignals(True)
        self.session.blockSignals(True)
        self.filter_bar.blockSignals(True)  # a search typed just before must not run after
        super().closeEvent(event)

    def show_shortcuts(self) -> None:
        """The `?` sheet: the keys of the page shown, the project's labels on the digits."""
        page = DISPUTES_PAGE if self._showing_disputes() else ARTICLE_PAGE
        labels = label_keys((lab.shortcut, lab.name) for lab in self.project.labels(Layer.ENTITY))
        self.overlay.show_sheet(sheet(page, {"entity.label": labels}, keymap_text))

    # -- the disputed claims page ----------------------------------------------------------

    def _showing_disputes(self) -> bool:
        return self.pages.currentWidget() is not self.splitter

    def toggle_disputes(self) -> None:
        """Switch between the article and the disputed claims side by side."""
        showing = self._showing_disputes()
        self.pages.setCurrentWidget(self.splitter if showing else self.disputes)
        for action in self._article_actions:  # N, P, D act on the hidden list otherwise
            action.setEnabled(showing)
        if showing:
            self.view.text.setFocus()
        else:  # the view reads the groups as it shows
            self.disputes.list.setFocus()

    def show_sources(self) -> None:
        """The source registry, beside the window (non-modal)."""
        if self._sources_dialog is None:
            from annotator.ui.sources_dialog import SourcesDialog

            self._sources_dialog = SourcesDialog(self.session, self)
        self._sources_dialog.model.reload()
        self._sources_dialog.show()
        self._sources_dialog.table.setFocus()

    def open_claim(self, article_id: int, start: int, end: int) -> None:
        """From the disputes page: show a claim in its article."""
        if self._showing_disputes():
            self.toggle_disputes()
        if self.current_article != article_id and not self.select_article(article_id):
            self.filter_bar.search.clear()
            self.apply_filter(ArticleFilter())
            self.select_article(article_id)
        self.view.text.select_cp(start, end)
        self.view.text.setFocus()

    def update_status(self, recount: bool = False) -> None:
        """The status bar's figures; the project's counted again on ``recount`` only."""
        who = self.session.shown
        if recount or self._figures is None:  # at the start the list has counted them all
            whole = self._figures is None and self.model.filter == ArticleFilter(annotator=who)
            done = self.project.count_articles(ArticleFilter(Status.DONE, annotator=who))
            self._figures = (done, self.model.total() if whole else self.project.count_articles())
        done, total = self._figures
        model_text = describe(self.project.setting(MODEL_SETTING))
        here = "" if self.current_article is None else self.tr(
            "%n open suggestion(s) in this article · ", "", self.project.open_suggestion_counts(
                [self.current_article], who).get(self.current_article, 0))
        shown = self.session.read_only and self.tr("Read only: {who}'s version · ").format(who=who)
        self.status_label.setText((shown or "") + self.tr("{done} / {total} done · ").format(
            done=done, total=total) + here + self.tr("model: {model} · annotator: {name}").format(
            model=model_text, name=self.session.annotator))
