"""Start the Qt application on a project file."""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.store import Project, ProjectError
from annotator.ui.desktop_identity import set_desktop_identity

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


@contextmanager
def _few_collections() -> Iterator[None]:
    """Loading the window's modules and building it make some hundred thousand objects, none
    of them garbage: collecting meanwhile only slows the start, and so would the collections
    just after it, which would scan them all again (tens of ms before the first paint). No
    collection runs meanwhile, and what was made is frozen: out of every later collection.
    They run again after it, also when the command's start paused them before (cli/gui.py)."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


# Qt's raster painting hands a fill of a gradient over more than ~100 lines (a scroll bar's
# groove and handle) to a pool of threads and waits for them. For fills this small the
# hand-over costs more than it saves: measured on two cores, a list's first paint took ~5 ms
# longer with the pool (its threads started) and each repaint 2-3x as long
# (docs/performance.md). The window draws no large images, so it paints on its own thread;
# a value the user set is kept.
NO_PAINT_THREADS = ("QT_NO_GUI_THREADPOOL", "1")


def make_app() -> QApplication:
    """The one QApplication, with names that QSettings files are kept under."""
    from annotator.ui import i18n, theme  # the setting's theme, or the platform's colour scheme

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault(*NO_PAINT_THREADS)
        app = QApplication(sys.argv[:1] + list(theme.STYLE_ARGS))
        theme.made_fusion(app)
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationVersion(__version__)
    theme.start()
    i18n.start(app)  # the setting's language, or the system's
    set_desktop_identity()
    return app  # type: ignore[return-value]


def default_annotator(ask: bool = False) -> str:
    """Who annotates: $ANNOTATOR_NAME, else the name given at the first start (``ask``: asked
    now, when this is the first), else the login name (ui/annotator_name.py)."""
    from annotator.ui.annotator_name import annotator_name

    return annotator_name(ask)


def main_window(project: Project, annotator: str | None = None) -> MainWindow:
    """The window on an open project. Its modules load here, after the project has opened: a
    file that cannot be opened is refused without them."""
    try:
        with _few_collections():
            from annotator.ui.main_window import MainWindow

            return MainWindow(project, annotator or default_annotator())
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{project.path}: cannot be read ({exc})") from exc


def run(project_path: Path, screenshot: Path | None = None, annotator: str | None = None,
        opened: Callable[[Project], None] | None = None) -> int:
    """Open the main window on a project and run the event loop until it closes.

    A project that cannot be opened raises ProjectError before any window shows (an older one is
    upgraded first, see Project.open); ``opened`` is called once it is open. With
    ``screenshot``, the shown window is saved as PNG and the app quits: used for the docs and for
    the test on a real X server.
    """
    from annotator.app.projects import open_project  # as File ▸ Open project does
    from annotator.ui.check_notice import check_notice, needs_notice

    app = make_app() if needs_notice(project_path) else None  # to show that it is read whole
    with check_notice(project_path):
        project = open_project(project_path)
    try:
        if opened is not None:
            opened(project)
        app = app or make_app()
        window = main_window(project, annotator or default_annotator(ask=screenshot is None))
        if project.upgrade:
            window.statusBar().showMessage(f"Project {project.upgrade.describe()}")
        window.show()  # at the size of the last run (ui/window_layout.py)
        window.open_first()
        if screenshot is not None:
            QTimer.singleShot(800, lambda: (window.grab().save(str(screenshot)), app.quit()))
        return app.exec()
    finally:
        project.close()
