"""A language switch (Edit ▸ Preferences ▸ Appearance) applies to the open windows at once:
each main window is replaced by a new one, built in the new language over the same project and
session, and its tool windows are made anew (docs/translations.md, "Which language").

What goes on in the new window, the same objects: the session (its undo stack: Ctrl+Z still
undoes the last step), the task runner with its status-bar panel (an import or a suggestion run
goes on and reports to the new window) and the matching worker (the zone pass and the index's
catch-up go on). What comes back as it was: the article, its cursor, selection and scroll, the
list's filter, order, row and scroll, the size and splitter, the disputes page, the tool windows
that were open (the adjudication on its article and disagreement, the review queue on its row,
the Preferences on their page) and the focus.

The old window's listeners to the carried objects are cut first, lambdas among them (Qt drops a
connection with its receiver, not one to a plain function): the new window connects its own.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Protocol, cast

from msgspec import Struct, field
from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QWidget

from annotator.ui import menu_windows

if TYPE_CHECKING:
    from annotator.app.session import Session
    from annotator.app.tasks import TaskRunner
    from annotator.store import Project
    from annotator.ui.article_list_model import ArticleListModel
    from annotator.ui.article_view import ArticleView
    from annotator.ui.claim_actions import ClaimActions
    from annotator.ui.filter_bar import FilterBar
    from annotator.ui.matching_worker import MatchingWorker
    from annotator.ui.menu_windows import MainWindow as ToolHost
    from annotator.ui.side_panel import SidePanel
    from annotator.ui.task_panel import TaskPanel
    from annotator.ui.window_layout import LastArticle


    class Window(ToolHost, Protocol):
        """The main window as this module sees it: it may not import it (the window imports the
        Preferences, which import this module)."""

        view: ArticleView
        filter_bar: FilterBar
        list: QTableView
        model: ArticleListModel
        splitter: QSplitter
        side: SidePanel
        task_panel: TaskPanel
        matching: MatchingWorker
        claim_actions: ClaimActions
        last_article: LastArticle

        def __init__(self, project: Project, annotator: str = ...,
                     carried: tuple[Session, TaskRunner, TaskPanel, MatchingWorker] | None = ...
                     ) -> None: ...

        def select_article(self, article_id: int) -> bool: ...

        def open_first(self) -> None: ...

        def _showing_disputes(self) -> bool: ...


# a widget: its window's class, the path to it (each step a class and an index among the
# parent's children of that class), its class
Spot = tuple[str, list[tuple[str, int]], str]


def qt(window: Window) -> QMainWindow:
    """The window as the QMainWindow it is (a Protocol cannot name its Qt base too)."""
    return cast(QMainWindow, window)


_windows: list[QMainWindow] = []  # the windows made here, kept alive while open


def rebuild_all(window: Window) -> list[Window]:
    """Replace ``window`` and every other open main window by one in the language installed
    now."""
    return [rebuild(cast("Window", w)) for w in QApplication.topLevelWidgets()
            if isinstance(w, type(window)) and w.isVisible()]


class Seen(Struct):
    """What the user saw of a window, to show again in its successor."""

    article: int | None
    cursor: tuple[int, int]  # anchor, position (the article text's, Qt positions)
    scrolls: tuple[int, int, int]  # the text's vertical and horizontal, the list's
    filters: tuple[str, int, int, bool]  # search, status, label, least certain first
    geometry: QByteArray
    splitter: QByteArray
    disputes: bool
    tools: list[tuple[str, object]] = field(default_factory=list)  # class name, its place
    inside: Spot | None = None  # the window's own focus widget (it has it back after a tool)
    focus: Spot | None = None  # the widget with the keyboard


def seen(window: Window) -> Seen:
    text, bar = window.view.text, window.filter_bar
    cursor = text.textCursor()
    shown = qt(window)
    tools = [(type(tool).__name__, menu_windows.place_of(tool)) for tool in tools_of(shown)]
    return Seen(window.current_article, (cursor.anchor(), cursor.position()),
                (text.verticalScrollBar().value(), text.horizontalScrollBar().value(),
                 window.list.verticalScrollBar().value()),
                (bar.search.text(), bar.status.currentIndex(), bar.label.currentIndex(),
                 bar.teach.isChecked()),
                shown.saveGeometry(), window.splitter.saveState(),
                window._showing_disputes(), tools, spot_of(shown, shown.focusWidget()),
                spot_of(shown, QApplication.focusWidget()))


def tools_of(window: QWidget) -> list[QWidget]:
    """The tool windows open beside ``window`` (its children that are windows), oldest first."""
    return [child for child in window.findChildren(QWidget)
            if child.isWindow() and child.isVisible() and menu_windows.reopens(child)]


def spot_of(window: QWidget, widget: QWidget | None) -> Spot | None:
    """Where ``widget`` is, in ``window`` or in one of its tool windows (None elsewhere)."""
    top = widget.window() if widget is not None else None
    if widget is None or top is None or (top is not window and top.parentWidget() is not window):
        return None
    path, node = list[tuple[str, int]](), widget
    while node is not top and (parent := node.parentWidget()) is not None:
        kind = type(node).__name__
        path.insert(0, (kind, widgets(parent, kind).index(node)))
        node = parent
    return type(top).__name__, path, type(widget).__name__


def widgets(parent: QObject, kind: str) -> list[QWidget]:
    """A widget's child widgets of one class: the same in a window built alike, whichever of
    its parts were made later, and in whichever order (a stacked widget raises its current
    page to the end of its children; the carried objects are no widgets)."""
    return [child for child in parent.children()
            if isinstance(child, QWidget) and type(child).__name__ == kind]


def at(window: QWidget, spot: Spot | None) -> QWidget | None:
    """The widget at ``spot`` in ``window`` or its tool window of that class, if shown."""
    if spot is None:
        return None
    name, path, kind = spot
    tops = [window] if type(window).__name__ == name else [
        tool for tool in tools_of(window) if type(tool).__name__ == name]
    node = tops[0] if tops else None
    for step, index in path:
        children = widgets(node, step) if node is not None else []
        node = children[index] if index < len(children) else None
    return node if node is not None and node.isVisible() and type(node).__name__ == kind else None


def cut_listeners(window: Window) -> None:
    """Disconnect everything that listens to the objects the new window takes over."""
    session, stack, matching = window.session, window.session.undo_stack, window.matching
    signals = (session.changed, session.failed, session.said, session.stepped,
               session.switched, stack.indexChanged, stack.undoTextChanged,
               stack.redoTextChanged, stack.canUndoChanged, stack.canRedoChanged,
               stack.cleanChanged, matching.described, matching.failed)
    with warnings.catch_warnings():  # a signal nobody listens to says so
        warnings.simplefilter("ignore", RuntimeWarning)
        for signal in signals:
            signal.disconnect()


def rebuild(old: Window) -> Window:
    """A new window in the installed language in the place of ``old``, which goes."""
    what, gone = seen(old), qt(old)
    for tool in tools_of(gone):
        menu_windows.let_go(tool)
    cut_listeners(old)
    old.filter_bar.blockSignals(True)  # a search typed just before runs in the new window
    session, runner, panel = old.session, old.runner, old.task_panel
    gone.statusBar().removeWidget(panel)
    for carried in (session, runner, panel):
        carried.setParent(None)
    new = type(old)(old.project, session.annotator, (session, runner, panel, old.matching))
    shown = qt(new)
    session.setParent(shown)
    runner.setParent(shown)
    old.matching.serve(shown)
    panel.cancel_button.setText(QCoreApplication.translate("TaskPanel", "Cancel"))
    panel.setVisible(panel.task is not None)
    take_place(gone, shown)
    if gone.windowState() == Qt.WindowState.WindowNoState:
        shown.setGeometry(gone.geometry())  # as it was (restoreGeometry fits it to the screen)
    else:
        shown.restoreGeometry(what.geometry)  # maximised, full screen
    new.splitter.restoreState(what.splitter)
    if old.side.claim_panel.made:  # made in this window: at once in the new one, whose
        new.side.claim_panel.make()  # widgets the focus is found again among
    method = old.side.claim_panel.method_text  # the matching method, as said till now
    if method:  # meanwhile as it was; then in the new language (app/matching_text.py)
        new.side.claim_panel.set_method_html(method)
        new.claim_actions.describe_method()
    shown.show()
    show_again(new, what)
    old.last_article.flush()
    gone.hide()
    gone.deleteLater()
    (at(shown, what.inside) or new.view.text).setFocus()
    for name, place in what.tools:
        menu_windows.reopen(new, name, place)
    focus = at(shown, what.focus) or new.view.text  # the keyboard where it was
    focus.window().activateWindow()
    focus.setFocus()
    return new


def take_place(old: QMainWindow, new: QMainWindow) -> None:
    """``new`` is kept, deleted and closes the project as ``old`` was (ui/project_menu.py)."""
    _windows.append(new)
    new.destroyed.connect(lambda *_a: _windows.remove(new) if new in _windows else None)
    if old in _windows:
        _windows.remove(old)
    if old.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
        new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    project = cast("Window", old).project
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if old.destroyed.disconnect(project.close):
            new.destroyed.connect(project.close)


def show_again(new: Window, what: Seen) -> None:
    """The list as it was filtered and scrolled, the article with its cursor and scroll."""
    bar = new.filter_bar
    search, status, label, teach = what.filters
    with QSignalBlocker(bar.status), QSignalBlocker(bar.label), QSignalBlocker(bar.teach), \
            QSignalBlocker(bar.search):
        bar.search.setText(search)
        bar.status.setCurrentIndex(status)
        bar.label.setCurrentIndex(label)
        bar.teach.setChecked(teach)
    if new.session.read_only:
        new.model.set_annotator(new.session.shown)
    new.model.set_filter(bar.current())
    if what.article is None or not new.select_article(what.article):
        new.open_first()
    if what.disputes:
        new.toggle_disputes()
    text = new.view.text
    cursor = text.textCursor()
    end = text.document().characterCount() - 1
    cursor.setPosition(min(what.cursor[0], end))
    cursor.setPosition(min(what.cursor[1], end), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    vertical, horizontal, listed = what.scrolls
    text.verticalScrollBar().setValue(vertical)
    text.horizontalScrollBar().setValue(horizontal)
    new.list.verticalScrollBar().setValue(listed)
    stack = new.session.undo_stack  # the Edit menu names the steps to undo and redo
    stack.undoTextChanged.emit(stack.undoText())
    stack.redoTextChanged.emit(stack.redoText())
