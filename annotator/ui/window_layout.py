"""The main window's layout: what it remembers between runs (its size and the splitter between
the list, the text and the side panel, in QSettings) and the frame that shows which pane has
the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

DEFAULT_SIZE = (1280, 800)
DEFAULT_SPLIT = (3, 7, 3)  # list, text, side panel: the text gets most of the width
GEOMETRY, SPLITTER = "window/geometry", "window/splitter"

# The pane with the keyboard framed in the palette's highlight colour (a dark palette's too);
# one width for both, so that nothing moves when the focus does.
FOCUS_FRAME = """
QPlainTextEdit, QListView, QTableView { border: 1px solid palette(mid); padding: 1px; }
QPlainTextEdit:focus, QListView:focus, QTableView:focus {
    border: 2px solid palette(highlight); padding: 0px; }
"""


def restore(window: QMainWindow, splitter: QSplitter) -> None:
    """The size and splitter of the last run, else the defaults."""
    settings = QSettings()
    geometry = settings.value(GEOMETRY)
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(*DEFAULT_SIZE)
    state = settings.value(SPLITTER)
    if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
        width = window.width()
        splitter.setSizes([width * n // sum(DEFAULT_SPLIT) for n in DEFAULT_SPLIT])


def save(window: QMainWindow, splitter: QSplitter) -> None:
    """Remember the size and the splitter for the next run."""
    settings = QSettings()
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(SPLITTER, splitter.saveState())
