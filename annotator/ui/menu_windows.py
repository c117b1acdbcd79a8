"""The windows the menus open (adjudication, agreement, review queue, overview, label layers):
their modules load when one is first opened, not with the main window, whose start does not
need them. A language switch (ui/window_rebuild.py) opens the tool windows that were open beside
a main window again beside its successor, where they were (``place_of``, ``reopen``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from annotator.ui import adjudication_window, agreement_window, overview_window
    from annotator.ui import review_queue_window as review_queue

    class MainWindow(adjudication_window.Host, agreement_window.Host, overview_window.Host,
                     review_queue.Host, Protocol):
        """The main window as its tool windows see it (this module may not import it)."""

        def show_sources(self) -> None: ...


def show_adjudication(window: MainWindow, article_id: int | None = None) -> Any:
    from annotator.ui.adjudication_window import show_adjudication as show

    return show(window, article_id)


def show_agreement(window: MainWindow) -> None:
    from annotator.ui.agreement_window import show_agreement as show

    show(window)


def show_review_queue(window: MainWindow) -> Any:
    from annotator.ui.review_queue_window import show_review_queue as show

    return show(window)


def show_overview(window: MainWindow) -> None:
    from annotator.ui.overview_window import show_overview as show

    show(window)


def show_label_layers(window: MainWindow) -> None:
    from annotator.ui.label_layers_dialog import edit_label_layers

    edit_label_layers(cast(QWidget, window))


# -- opened again in a new main window (a language switch) ------------------------------------

REOPENED = ("AdjudicationWindow", "AgreementWindow", "ReviewQueueWindow", "OverviewWindow",
            "SourcesDialog", "LabelLayersDialog", "PreferencesDialog")


def reopens(tool: QWidget) -> bool:
    """Whether ``tool`` is a window that ``reopen`` opens again."""
    return type(tool).__name__ in REOPENED


def place_of(tool: Any) -> object:
    """Where a tool window is: the adjudication's article and disagreement, the review queue's
    row, the Preferences' page."""
    name = type(tool).__name__
    if name == "AdjudicationWindow":
        return tool.adj.article_id if tool.adj is not None else None, tool.current
    if name == "ReviewQueueWindow":
        return tool.table.currentRow()
    return tool.tabs.currentIndex() if name == "PreferencesDialog" else None


def let_go(tool: Any) -> None:
    """Before a tool window goes with its main window: the agreement's computation stops (the
    new window's computes afresh); the window is deleted."""
    if type(tool).__name__ == "AgreementWindow" and tool.task is not None:
        tool.task.cancel()
    tool.hide()
    tool.deleteLater()  # not left listening to the theme after its project closed


def reopen(window: MainWindow, name: str, place: Any) -> None:
    """Open the tool window ``name`` beside ``window`` at ``place`` (from ``place_of``)."""
    if name == "AdjudicationWindow":
        found = show_adjudication(window, place[0])
        if found is not None and 0 <= place[1] < found.items.count():
            found.items.setCurrentRow(place[1])
    elif name == "ReviewQueueWindow":
        found = show_review_queue(window)
        if 0 <= place < found.table.rowCount():
            found.table.setCurrentCell(place, 0)
    elif name == "PreferencesDialog":  # through its menu entry: its modules import this one's
        cast(QAction, cast(QWidget, window).findChild(QAction, "edit.preferences")).trigger()
        tool(window, name).tabs.setCurrentIndex(place)
    else:
        {"AgreementWindow": show_agreement, "OverviewWindow": show_overview,
         "SourcesDialog": lambda w: w.show_sources(),
         "LabelLayersDialog": show_label_layers}[name](window)


def tool(window: MainWindow, name: str) -> Any:
    """The tool window of class ``name`` beside ``window``."""
    return next(child for child in cast(QWidget, window).findChildren(QWidget)
                if child.isWindow() and type(child).__name__ == name)
