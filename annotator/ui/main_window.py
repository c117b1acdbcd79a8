"""The main window: article list beside the article view. It composes; it does not decide."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMainWindow, QSplitter, QTableView

from annotator.core.model import Layer
from annotator.store import Project
from annotator.ui.article_list_model import TITLE, ArticleIdRole, ArticleListModel
from annotator.ui.article_view import ArticleView
from annotator.ui.highlighter import Highlight


class MainWindow(QMainWindow):
    """Lists a project's articles and shows the selected one with its entities."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        name = project.path.name if project.path else "in memory"
        self.setWindowTitle(f"annotator — {name}")
        self.model = ArticleListModel(project, parent=self)
        self.list = QTableView(self)
        self.list.setObjectName("articleList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setAlternatingRowColors(True)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.list.setWordWrap(False)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.view = ArticleView(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setSizes([520, 760])
        self.setCentralWidget(splitter)
        self._add_actions()
        self.current_article: int | None = None
        self._update_status()

    def _add_actions(self) -> None:
        for text, keys, step in (("Next article", "Ctrl+Down", 1),
                                 ("Previous article", "Ctrl+Up", -1)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=step: self.step_article(s))
            self.addAction(action)

    def open_first(self) -> None:
        """Select the first article, if there is one."""
        if self.model.rowCount() == 0 and self.model.canFetchMore():
            self.model.fetchMore()
        if self.model.rowCount():
            self.list.selectRow(0)

    def step_article(self, step: int) -> None:
        """Move to the next or previous article in the list."""
        rows = self.list.selectionModel().selectedRows()
        row = (rows[0].row() if rows else -1) + step
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.list.selectRow(row)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_article(indexes[0].data(ArticleIdRole))

    def show_article(self, article_id: int) -> None:
        """Load one article's text and spans from the store and display them."""
        art = self.project.article(article_id)
        highlights = [
            Highlight(s.start, s.end, s.label, s.layer, f"model {s.model} {s.model_version}",
                      suggested=True)
            for s in self.project.suggestions(article_id)
        ] + [
            Highlight(a.start, a.end, a.label, a.layer, f"{a.annotator}, {a.updated_at}")
            for a in self.project.annotations(article_id)
        ]
        byline = " · ".join(x for x in (art.outlet, art.author, art.published,
                                        art.meta.get("agency")) if x)
        self.view.show_article(art.title, byline, art.text, highlights, self.project.labels())
        self.current_article = article_id
        QSettings().setValue(f"last-article/{self.project.path}", article_id)
        self._update_status()

    def _update_status(self) -> None:
        done = self.project.count_articles()
        models = {f"{s.model} {s.model_version}" for s in (
            self.project.suggestions(self.current_article) if self.current_article else [])}
        model_text = ", ".join(sorted(models)) or "none"
        self.statusBar().showMessage(
            f"{done} articles · entity model: {model_text} · layer: {Layer.ENTITY.value}"
        )
