"""A note on the screen while a project file is read whole before it opens.

A project that changed outside annotator since annotator last closed it (another program wrote
to it, a copy or a sync replaced it) is checked whole before anything is written to it
(store/files.py's ``recognise``): seconds for a large file, at the speed of the disk. Without
a word the start, or File ▸ Open project, would seem to hang; this says what is going on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.store.files import check_due

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

NOTICE_BYTES = 32 * 1024 * 1024  # smaller files are read in a blink


def needs_notice(path: Path) -> bool:
    """Whether opening ``path`` reads a file large enough to say so first."""
    try:
        return check_due(path) and Path(path).stat().st_size >= NOTICE_BYTES
    except OSError:
        return False


@contextmanager
def check_notice(path: Path, parent: QWidget | None = None) -> Iterator[None]:
    """Show the note while the body runs, when opening ``path`` reads it whole (and the
    application is there to show it). Qt's dialog classes load only then."""
    from PySide6.QtWidgets import QApplication

    if not needs_notice(path) or QApplication.instance() is None:
        yield
        return
    from PySide6.QtCore import QCoreApplication, QLocale, Qt
    from PySide6.QtWidgets import QLabel, QProgressDialog

    size = QLocale().formattedDataSize(Path(path).stat().st_size)
    text = QCoreApplication.translate(
        "CheckNotice", "Checking {name} ({size}) before it opens: it changed outside annotator "
        "since annotator last closed it, so it is read whole once, to be sure nothing in it is "
        "damaged before anything is written to it.").format(name=Path(path).name, size=size)
    note = QProgressDialog(parent, minimum=0, maximum=0)  # busy: no steps to count
    label = QLabel(text, note)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a file's name is shown as it is
    label.setWordWrap(True)
    note.setLabel(label)
    note.setCancelButton(None)  # no cancel: the check is one read
    note.setObjectName("checkNotice")
    note.setWindowTitle(QCoreApplication.translate("CheckNotice", "Checking the project"))
    note.setWindowModality(Qt.WindowModality.ApplicationModal)
    note.setMinimumDuration(0)
    note.setFixedWidth(460)
    note.show()
    for _ in range(3):  # shown and painted before the read blocks the event loop
        QApplication.processEvents()
    try:
        yield
    finally:
        note.close()
        note.deleteLater()
