"""The user's folders, from one mechanism: Qt's QStandardPaths (no Qt widgets needed).

``$ANNOTATOR_DATA_DIR`` overrides the data folder (tests, portable installs). Elsewhere it is
the platform's data folder with an ``annotator`` folder in it: ``$XDG_DATA_HOME/annotator`` or
``~/.local/share/annotator`` on Linux, ``~/Library/Application Support/annotator`` on macOS,
``%APPDATA%\\annotator`` on Windows.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

APP_FOLDER = "annotator"


def data_dir() -> Path:
    """Where the demo project, the last-project note and installed models live."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    if override:
        return Path(override)
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(where or Path.home() / ".local" / "share") / APP_FOLDER


def models_dir() -> Path:
    """Where spaCy pipeline wheels are installed (one folder per wheel)."""
    return data_dir() / "models"


def documents_dir() -> Path:
    """Where file dialogs start when there is no better place."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(where) if where else Path.home()
