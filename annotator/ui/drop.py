"""Drag and drop onto the main window: articles and folders are imported (the import job),
a project file opens; a drop of both kinds is explained and nothing is done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QDropEvent

from annotator.app.projects import PROJECT_SUFFIX
from annotator.ui.window_protocol import WindowHost, qt

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData


translate = QCoreApplication.translate


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders of a drop."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def plan(paths: list[Path]) -> tuple[str, list[Path]]:
    """("open", [project]), ("import", paths) or ("explain", []) with the reason as text."""
    projects = [p for p in paths if p.suffix.lower() == PROJECT_SUFFIX and p.is_file()]
    if not paths:
        return translate("Drop", "Drop files, folders or a project file"), []
    if projects and len(projects) < len(paths):
        return translate("Drop", "Drop a project file alone to open it, or articles and "
                                  "folders to import them: nothing was done"), []
    if len(projects) > 1:
        return translate("Drop", "Drop one project file to open it: nothing was done"), []
    if projects:
        return "open", projects
    return "import", paths


class DropFilter(QObject):
    """The window's drag and drop events, handled beside it (an event filter)."""

    def __init__(self, window: WindowHost, open_project: Callable[[Path], object]) -> None:
        super().__init__(qt(window))
        self.main, self.open_project = window, open_project

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QDropEvent):  # the drag enter and move events are ones too
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            event.acceptProposedAction()
            self.handle(dropped_paths(event.mimeData()))
            return True
        return False

    def handle(self, paths: list[Path]) -> None:
        """Import, open or explain (in the status bar)."""
        what, chosen = plan(paths)
        if what == "import":
            self.main.start_import(chosen)
        elif what == "open":
            self.open_project(chosen[0])
        else:
            self.main.review.say(what)


def accept_drops(window: WindowHost, open_project: Callable[[Path], object]) -> None:
    """Let ``window`` take drops of files and folders; ``open_project`` opens a project file."""
    qt(window).setAcceptDrops(True)
    qt(window).installEventFilter(DropFilter(window, open_project))
