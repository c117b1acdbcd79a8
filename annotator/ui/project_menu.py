"""File ▸ New project, Open project, Recent projects; Edit ▸ Preferences; Help ▸ About.

Opening another project opens a window on it and closes this one as on quitting (background
jobs stopped, the project file closed); a file that is no project is refused with the store's
own message and this window stays.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from shiboken6 import isValid

from annotator.app import projects
from annotator.app.folders import documents_dir
from annotator.store import Project, ProjectError
from annotator.ui import theme
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.keys import bind
from annotator.ui.window_protocol import WindowHost, qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui.preferences import PreferencesDialog


FILTER = QT_TRANSLATE_NOOP("ProjectMenu", "annotator projects (*.db);;All files (*)")
_windows: list[WindowHost] = []  # windows opened from a menu, kept alive while shown
RECENT_AFTER_MS = 500  # from the window made to its project put first in the recent list


translate = QCoreApplication.translate


def add_desktop_menus(window: WindowHost, file: QMenu, edit: QMenu, helpm: QMenu) -> None:
    """New, Open and Recent at the top of File; Preferences in Edit; About in Help; drops."""
    from annotator.ui import drop

    new = bind(qt(window), "project.new", lambda: choose_new(window))
    opened = bind(qt(window), "project.open", lambda: choose_open(window))
    recent = QMenu(translate("ProjectMenu", "&Recent projects"), file)
    recent.setObjectName("project.recent")
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    put_first(file, [new, opened], recent)
    fill_recent(window, recent)  # the shortcuts of its entries work before it is shown
    quit_last(file)
    edit.addSeparator()
    edit.addAction(bind(qt(window), "edit.preferences", lambda: show_preferences(window)))
    helpm.addSeparator()
    about = QAction(translate("ProjectMenu", "&About annotator"), qt(window))
    about.setObjectName("help.about")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
    helpm.addAction(about)
    QTimer.singleShot(RECENT_AFTER_MS, qt(window), lambda: remember(window))
    drop.accept_drops(window, lambda path: open_path(window, path))
    if theme.font_chosen():  # Preferences ▸ Appearance loads only then
        from annotator.ui.preferences_appearance import apply_font

        apply_font(window)
    watch_label_undo(window)


def watch_label_undo(window: WindowHost) -> None:
    """An undo or redo of a label command (Preferences ▸ Labels) redraws the window with the
    labels as they are."""
    stack = window.session.undo_stack

    def moved(_index: int) -> None:
        from annotator.app.label_commands import DeleteLabel, RenameLabel  # not at the start

        if not isValid(stack):  # its last clear, as it is deleted with its window (a quit)
            return
        for i in (stack.index(), stack.index() - 1):
            if isinstance(stack.command(i), (RenameLabel, DeleteLabel)):
                if window.current_article is not None:
                    window.workbench.open(window.current_article)
                return

    stack.indexChanged.connect(moved)


def remember(window: WindowHost) -> None:
    """Put the window's project first in the recent list, while the window is open: a
    settings write syncs their file to disk, so it waits until the window has painted
    (``RECENT_AFTER_MS``; a window left before that is remembered as it is replaced)."""
    if window.project.path is not None and qt(window).isVisible():
        projects.add_recent(window.project.path)


def put_first(menu: QMenu, actions: list[QAction], submenu: QMenu) -> None:
    """``actions``, ``submenu`` and a separator before the menu's first entry (or into the
    empty menu)."""
    first = menu.actions()[0] if menu.actions() else None
    if first is None:
        menu.addActions(actions)
        menu.addMenu(submenu)
        menu.addSeparator()
    else:
        menu.insertActions(first, actions)
        menu.insertMenu(first, submenu)
        menu.insertSeparator(first)


def quit_last(file: QMenu) -> None:
    """Quit at the end of File, after a separator, whatever was added after it."""
    quits = [a for a in file.actions() if a.objectName() == "project.quit"]
    if quits and file.actions()[-1] is not quits[0]:
        file.removeAction(quits[0])
        file.addSeparator()
        file.addAction(quits[0])


def fill_recent(window: WindowHost, menu: QMenu) -> None:
    """The recent projects, the last first; a missing file is left out of the list."""
    menu.clear()
    paths = projects.recent()
    for path in paths:
        if not path.exists():
            projects.forget_recent(path)
            continue
        action = menu.addAction(f"{path.name}  —  {path.parent}")
        action.setData(str(path))
        action.setEnabled(path != (window.project.path or Path()).resolve())
        action.triggered.connect(lambda _=False, p=path: open_path(window, p))
    if menu.isEmpty():
        menu.addAction(translate("ProjectMenu", "No recent projects")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(translate("ProjectMenu", "&Clear list"))
    clear.setObjectName("project.recent.clear")

    def cleared() -> None:
        projects.forget_recent()
        fill_recent(window, menu)

    clear.triggered.connect(cleared)


def choose_open(window: WindowHost) -> WindowHost | None:
    """Ask for a project file and open it."""
    from PySide6.QtWidgets import QFileDialog  # the dialogs' classes load when first asked for

    start = str(window.project.path.parent if window.project.path else documents_dir())
    name, _ = QFileDialog.getOpenFileName(qt(window), translate("ProjectMenu", "Open project"),
                                          start, translate("ProjectMenu", FILTER))
    return open_path(window, Path(name)) if name else None


def choose_new(window: WindowHost) -> WindowHost | None:
    """Ask for a new project file's name, create it and open it."""
    from PySide6.QtWidgets import QFileDialog

    start = str(window.project.path.parent if window.project.path else documents_dir())
    name, _ = QFileDialog.getSaveFileName(qt(window), translate("ProjectMenu", "New project"),
                                          start, translate("ProjectMenu", FILTER))
    return open_path(window, Path(name), create=True) if name else None


def open_path(window: WindowHost, path: Path, create: bool = False) -> WindowHost | None:
    """Open (or create) a project in a new window that takes this one's place; None when
    the file is refused (the user is told why) or this window does not close."""
    if window.project.path is not None and path.resolve() == window.project.path.resolve():
        window.review.say(translate("ProjectMenu", "This project is open already"))
        return window
    from annotator.ui.check_notice import check_notice

    try:
        with check_notice(path, qt(window)):
            project = projects.new_project(path) if create else projects.open_project(path)
    except ProjectError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(qt(window), translate("ProjectMenu", "Cannot open the project"),
                            str(exc))
        return None
    return replace_window(window, project)


def replace_window(window: WindowHost, project: Project) -> WindowHost | None:
    """A window on ``project`` where ``window`` was; ``window`` closes as on quitting."""
    try:  # the same class as this window's: this module never imports the window's
        new = type(window)(project, window.session.annotator)
    except (ProjectError, sqlite3.DatabaseError) as exc:
        project.close()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(qt(window), translate("ProjectMenu", "Cannot open the project"),
                            str(exc))
        return None
    remember(window)  # the one left, below the new one
    shown = qt(new)
    shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    shown.destroyed.connect(project.close)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(project.close)
    if project.upgrade:
        shown.statusBar().showMessage(
            translate("ProjectMenu", "Project %s") % project.upgrade.describe())
    shown.show()  # before this one closes: the app quits when its last window closes
    new.open_first()
    if not qt(window).close():  # its closeEvent stops and waits for the background jobs
        shown.close()
        return None
    window.project.close()
    if window in _windows:
        _windows.remove(window)
    _windows.append(new)
    return new


def show_preferences(window: WindowHost) -> PreferencesDialog:
    """Edit ▸ Preferences (ui/preferences.py)."""
    from annotator.ui.preferences import PreferencesDialog

    dialog = qt(window).findChild(PreferencesDialog)
    if dialog is None:
        dialog = PreferencesDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_about(window: WindowHost) -> QMessageBox:
    """Help ▸ About: versions, the project, the licence, where the documentation is."""
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui.about import about_text

    box = QMessageBox(QMessageBox.Icon.NoIcon, translate("ProjectMenu", "About annotator"),
                      about_text(window),
                      QMessageBox.StandardButton.Close, qt(window))
    box.setObjectName("about")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    box.open()
    return box
