"""Start the Qt application on a project file."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.store import Project
from annotator.ui.main_window import MainWindow


def make_app() -> QApplication:
    """The one QApplication, with names that QSettings files are kept under."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def default_annotator() -> str:
    """Who annotates: $ANNOTATOR_NAME, else the login name."""
    return os.environ.get("ANNOTATOR_NAME") or getpass.getuser() or "annotator"


def run(project_path: Path, screenshot: Path | None = None, annotator: str | None = None) -> int:
    """Open the main window on a project and run the event loop until it closes.

    With ``screenshot``, the shown window is saved as PNG and the app quits: used for the docs
    and for the test on a real X server.
    """
    app = make_app()
    project = Project.open(project_path)
    window = MainWindow(project, annotator or default_annotator())
    window.resize(1280, 800)
    window.show()
    window.open_first()
    if screenshot is not None:
        QTimer.singleShot(800, lambda: (window.grab().save(str(screenshot)), app.quit()))
    try:
        return app.exec()
    finally:
        project.close()
