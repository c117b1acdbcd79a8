"""The window follows what another connection wrote to its project (app/outside_changes.py):
another annotator's window on the same file, ``annotator import`` run meanwhile, a job.

The list reads its counts and the rows shown again, keeping the selected article and where it
was scrolled to; the open article is read again and shown only when it changed (its spans,
suggestions, status, versions), keeping the cursor and the scroll position of its text. The
undo stack stays: a step whose spans were changed elsewhere meets its conflict check
(app/conflicts.py) when undone, and changes nothing then. Made after the window's first
paint (ui/later.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QItemSelectionModel, QObject, Signal

from annotator.app.article_state import ArticleState
from annotator.app.outside_changes import OutsideChanges

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from annotator.app.session import Session
    from annotator.store import Project
    from annotator.ui.article_list_model import ArticleListModel
    from annotator.ui.article_view import ArticleView
    from annotator.ui.workbench import Workbench


class Window(Protocol):
    """What of the main window this uses (it may not import the window: it imports this)."""

    project: Project
    session: Session
    model: ArticleListModel
    list: QTableView
    view: ArticleView
    workbench: Workbench
    current_article: int | None

    def isVisible(self) -> bool: ...  # noqa: N802 (Qt's name)

    def update_status(self, recount: bool = False) -> None: ...


class OutsideWatch(QObject):
    """Refreshes ``window`` after another connection committed; ``refreshed`` then, with
    whether the open article was shown again."""

    refreshed = Signal(bool)

    def __init__(self, window: Window) -> None:
        super().__init__(cast(QObject, window))
        self.changes = OutsideChanges(window.project, self)
        self.changes.changed.connect(self.refresh)

    @property
    def window(self) -> Window:
        """The window refreshed: its Qt parent (no reference of its own to keep it alive)."""
        return cast(Window, self.parent())

    def refresh(self) -> None:
        """Read the list, the open article and the status bar's figures again."""
        win = self.window
        if not win.isVisible():  # closed (or replaced after a language switch)
            return
        self._refresh_list()
        reopened = self._refresh_article()
        disputes = vars(win).get("disputes")  # the page, once made (ui/later.py)
        if disputes is not None and disputes.isVisible():
            disputes.refresh()
        win.update_status(recount=True)
        self.refreshed.emit(reopened)

    def _refresh_list(self) -> None:
        """The model's reload, then the open article selected again where the list was."""
        win = self.window
        win.model.reload()  # the view keeps its scroll position
        row = None if win.current_article is None else win.model.row_of(win.current_article)
        if row is not None:
            selection = win.list.selectionModel()
            selection.blockSignals(True)  # the same article: not opened again here
            selection.setCurrentIndex(win.model.index(row, 0),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            selection.blockSignals(False)
            win.list.viewport().update()

    def _refresh_article(self) -> bool:
        """Show the open article again if it changed; whether it did."""
        win = self.window
        shown = win.workbench.state
        if win.current_article is None or shown is None:
            return False
        now = ArticleState.load(win.project, win.current_article, win.session.shown)
        if now == shown:
            return False
        win.workbench.open(win.current_article)  # the same text: the cursor and scroll stay
        text = win.view.text
        text.cursor_moved.emit(text.cursor_cp())  # the span at the cursor may be another one
        return True
