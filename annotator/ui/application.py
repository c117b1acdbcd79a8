"""Start the Qt application on a project file."""

from __future__ import annotations

import sys
from pathlib import Path

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


def run(project_path: Path) -> int:
    """Open the main window on a project and run the event loop until it closes."""
    app = make_app()
    project = Project.open(project_path)
    window = MainWindow(project)
    window.resize(1280, 800)
    window.show()
    window.open_first()
    try:
        return app.exec()
    finally:
        project.close()
