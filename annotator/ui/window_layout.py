"""The main window's layout: what it remembers between runs (its size and the splitter between
the list, the text and the side panel, and each project's last article, in QSettings) and the
frame that shows which pane has the keyboard."""

from __future__ import annotations

from pathlib import Path
from string import Template

from PySide6.QtCore import QByteArray, QCryptographicHash, QObject, QSettings, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QWidget,
)

DEFAULT_SIZE = (1280, 800)
DEFAULT_SPLIT = (3, 7, 3)  # list, text, side panel: the text gets most of the width
TEXT_AT_LEAST = 0.42  # of the width at a first start, whatever the list's columns need
GEOMETRY, SPLITTER = "window/geometry", "window/splitter"
REMEMBER_MS = 500  # from an article opened to its id written (one write for a run of them)

# The pane with the keyboard framed in the palette's highlight colour (a dark palette's too);
# one width for both, so that nothing moves when the focus does.
FOCUS_FRAME = Template("""
QPlainTextEdit, QListView, QTableView { border: 1px solid $mid; padding: 1px; }
QPlainTextEdit:focus, QListView:focus, QTableView:focus {
    border: 2px solid $highlight; padding: 0px; }
""")
FRAMED = (QPlainTextEdit, QListView, QTableView)


def frame_focus(root: QWidget) -> None:
    """Give the text and list views in ``root`` the focus frame in ``root``'s palette (again
    after it changed: the sheet names its colours). Set on each view, not on the window: a
    style sheet there would restyle all of the window's ~170 widgets, each then painted
    through Qt's style sheet style (~7 % of the start's instructions). A combo box's popup
    list, a window of its own, has none."""
    palette = root.palette()
    sheet = FOCUS_FRAME.substitute(mid=palette.color(QPalette.ColorRole.Mid).name(),
                                   highlight=palette.color(QPalette.ColorRole.Highlight).name())
    for view in root.findChildren(QAbstractScrollArea):
        if isinstance(view, FRAMED) and view.window() is root.window():
            view.setStyleSheet(sheet)


def restore(window: QMainWindow, splitter: QSplitter, first: int = 0) -> None:
    """The size and splitter of the last run, else the defaults: the panes' shares of the width
    (``DEFAULT_SPLIT``), the first one (the list) widened to ``first`` (all its columns) as far
    as the text keeps ``TEXT_AT_LEAST`` of the width: in a small window the list shows its
    title and the columns that fit (ui/article_list_model.py's ColumnFit)."""
    settings = QSettings()
    geometry = settings.value(GEOMETRY)
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(*DEFAULT_SIZE)
    state = settings.value(SPLITTER)
    if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
        width = window.width()
        listed, _text, side = (width * n // sum(DEFAULT_SPLIT) for n in DEFAULT_SPLIT)
        listed = max(listed, min(first, width - side - int(width * TEXT_AT_LEAST)))
        splitter.setSizes([listed, width - listed - side, side])


def save(window: QMainWindow, splitter: QSplitter) -> None:
    """Remember the size and the splitter for the next run."""
    settings = QSettings()
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(SPLITTER, splitter.saveState())


class LastArticle(QObject):
    """A project's last open article, kept for its next run (a key per project file). Written
    ``REMEMBER_MS`` after an article opens, and on ``flush``: a QSettings write syncs its file
    to disk, tens of ms that neither the first paint nor a run of ↓ presses should wait for."""

    def __init__(self, parent: QObject, project: Path | None) -> None:
        super().__init__(parent)
        where = str(project.resolve()) if project else "memory"  # '/' would nest groups
        digest = QCryptographicHash.hash(where.encode(), QCryptographicHash.Algorithm.Sha1)
        self.key = "last-article/" + bytes(digest.toHex().data()).decode()[:16]  # Qt's: no OpenSSL
        self._id: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=REMEMBER_MS)
        self._timer.timeout.connect(self.flush)

    def value(self) -> int | None:
        last = QSettings().value(self.key)
        return None if last is None else int(last)

    def remember(self, article_id: int) -> None:
        self._id = article_id
        self._timer.start()

    def flush(self) -> None:
        """Write the article remembered last, if not written yet."""
        self._timer.stop()
        if self._id is not None:
            QSettings().setValue(self.key, self._id)
            self._id = None
