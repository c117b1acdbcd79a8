"""File ▸ New project, Open project, Recent projects; Edit ▸ Preferences; Help ▸ About.

Opening another project opens a window on it and closes this one as on quitting (background
jobs stopped, the project file closed); a file that is no project is refused with the store's
own message and this window stays.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from annotator.app import projects
from annotator.app.folders import documents_dir
from annotator.store import Project, ProjectError
from annotator.ui.keys import bind

if TYPE_CHECKING:
    from annotator.ui.preferences import PreferencesDialog

CONTEXT = "ProjectMenu"
FILTER = "annotator projects (*.db);;All files (*)"
_windows: list[QMainWindow] = []  # windows opened from a menu, kept alive while shown


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def add_desktop_menus(window: QMainWindow, file: QMenu, edit: QMenu, helpm: QMenu) -> None:
    """New, Open and Recent at the top of File; Preferences in Edit; About in Help; drops."""
    from annotator.ui import drop

    first = file.actions()[0] if file.actions() else None
    new = bind(window, "project.new", lambda: choose_new(window))
    opened = bind(window, "project.open", lambda: choose_open(window))
    file.insertActions(first, [new, opened])
    recent = QMenu(tr("&Recent projects"), file)
    recent.setObjectName("project.recent")
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    file.insertMenu(first, recent)
    file.insertSeparator(first)
    fill_recent(window, recent)  # the shortcuts of its entries work before it is shown
    quit_last(file)
    edit.addSeparator()
    edit.addAction(bind(window, "edit.preferences", lambda: show_preferences(window)))
    helpm.addSeparator()
    about = QAction(tr("&About annotator"), window)
    about.setObjectName("help.about")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
    helpm.addAction(about)
    if window.project.path is not None:
        projects.add_recent(window.project.path)
    drop.accept_drops(window, lambda path: open_path(window, path))
    from annotator.ui.preferences_appearance import apply_font
    from annotator.ui.preferences_labels import watch_label_undo

    apply_font(window)
    watch_label_undo(window)


def quit_last(file: QMenu) -> None:
    """Quit at the end of File, after a separator, whatever was added after it."""
    quits = [a for a in file.actions() if a.objectName() == "project.quit"]
    if quits and file.actions()[-1] is not quits[0]:
        file.removeAction(quits[0])
        file.addSeparator()
        file.addAction(quits[0])


def fill_recent(window: QMainWindow, menu: QMenu) -> None:
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
        menu.addAction(tr("No recent projects")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(tr("&Clear list"))
    clear.setObjectName("project.recent.clear")
    clear.triggered.connect(lambda: (projects.forget_recent(), fill_recent(window, menu)))


def choose_open(window: QMainWindow) -> QMainWindow | None:
    """Ask for a project file and open it."""
    start = str(window.project.path.parent if window.project.path else documents_dir())
    name, _ = QFileDialog.getOpenFileName(window, tr("Open project"), start, tr(FILTER))
    return open_path(window, Path(name)) if name else None


def choose_new(window: QMainWindow) -> QMainWindow | None:
    """Ask for a new project file's name, create it and open it."""
    start = str(window.project.path.parent if window.project.path else documents_dir())
    name, _ = QFileDialog.getSaveFileName(window, tr("New project"), start, tr(FILTER))
    return open_path(window, Path(name), create=True) if name else None


def open_path(window: QMainWindow, path: Path, create: bool = False) -> QMainWindow | None:
    """Open (or create) a project in a new window that takes this one's place; None when
    the file is refused (the user is told why) or this window does not close."""
    if window.project.path is not None and path.resolve() == window.project.path.resolve():
        window.review.say(tr("This project is open already"))
        return window
    try:
        project = projects.new_project(path) if create else projects.open_project(path)
    except ProjectError as exc:
        QMessageBox.warning(window, tr("Cannot open the project"), str(exc))
        return None
    return replace_window(window, project)


def replace_window(window: QMainWindow, project: Project) -> QMainWindow | None:
    """A window on ``project`` where ``window`` was; ``window`` closes as on quitting."""
    try:  # the same class as this window's: this module never imports the window's
        new = type(window)(project, window.session.annotator)
    except (ProjectError, sqlite3.DatabaseError) as exc:
        project.close()
        QMessageBox.warning(window, tr("Cannot open the project"), str(exc))
        return None
    new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    new.destroyed.connect(project.close)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(project.close)
    if project.upgrade:
        new.statusBar().showMessage(tr("Project %s") % project.upgrade.describe())
    new.show()  # before this one closes: the app quits when its last window closes
    new.open_first()
    if not window.close():  # its closeEvent stops and waits for the background jobs
        new.close()
        return None
    window.project.close()
    if window in _windows:
        _windows.remove(window)
    _windows.append(new)
    return new


def show_preferences(window: QMainWindow) -> PreferencesDialog:
    """Edit ▸ Preferences (ui/preferences.py)."""
    from annotator.ui.preferences import PreferencesDialog

    dialog = window.findChild(PreferencesDialog)
    if dialog is None:
        dialog = PreferencesDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_about(window: QMainWindow) -> QMessageBox:
    """Help ▸ About: versions, the project, the licence, where the documentation is."""
    from annotator.ui.about import about_text

    box = QMessageBox(QMessageBox.Icon.NoIcon, tr("About annotator"), about_text(window),
                      QMessageBox.StandardButton.Close, window)
    box.setObjectName("about")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    box.open()
    return box
