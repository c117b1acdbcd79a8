"""Tells when another connection changed the project: another annotator's window on the same
file, the command line importing into it, a background job of this window.

Event-driven, not polled: a file system watcher hears the project file and its write-ahead log
(``-wal``) change, and their folder while one of them is missing (a log made again, a file
replaced). Every change within ``DELAY_MS`` of the first is checked once, by SQLite's ``PRAGMA
data_version`` on the project's own connection: it changes only when another connection
committed, so the window's own writes (and reads that touch the files) are not news. Where the
watcher cannot watch the file (the system refused it: no support, or its watch limit reached),
the same check runs every ``POLL_MS`` instead; a project in memory has no other connection and
is not watched.
"""

from __future__ import annotations

import os
import sqlite3

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from annotator.store import Project

DELAY_MS = 300  # the changes of one commit (log, file, folder) and of a burst, checked once
POLL_MS = 2000  # only where the file cannot be watched


def data_version(project: Project) -> int:
    """SQLite's count of other connections' commits, as the project's connection sees it."""
    return int(project.db.conn.execute("PRAGMA data_version").fetchone()[0])


class OutsideChanges(QObject):
    """Emits ``changed`` once another connection committed to ``project`` (after a burst of
    commits, once); ``checked`` after every check, with whether it found one."""

    changed = Signal()
    checked = Signal(bool)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._version = data_version(project)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.polling = False
        self._watcher = QFileSystemWatcher(self)
        if project.path is None:
            return
        path = os.fspath(project.path.resolve())
        self._files, self._folder = [path, path + "-wal"], os.path.dirname(path)
        self._watcher.fileChanged.connect(self._heard)
        self._watcher.directoryChanged.connect(self._heard)
        self._watch_files()
        if path not in self._watcher.files():  # the system cannot watch it: ask now and then
            self.polling = True
            self._timer.setSingleShot(False)
            self._timer.setInterval(POLL_MS)
            self._timer.start()

    def _watch_files(self) -> None:
        """Watch the file and its log where they exist; the folder only while one is missing
        (until the log is made, or a file replaced is there again): a busy folder wakes an
        idle window only then."""
        missing = [f for f in self._files if f not in self._watcher.files()]
        if there := [f for f in missing if os.path.exists(f)]:
            self._watcher.addPaths(there)
        wanted = any(f not in self._watcher.files() for f in self._files)
        if wanted != (self._folder in self._watcher.directories()):
            (self._watcher.addPath if wanted else self._watcher.removePath)(self._folder)

    def watched(self) -> list[str]:
        """The files and folders watched now."""
        return self._watcher.files() + self._watcher.directories()

    def _heard(self, _path: str) -> None:
        self._watch_files()
        if not self._timer.isActive():  # not restarted: a long import is shown as it goes
            self._timer.start()

    def check(self) -> bool:
        """Whether another connection committed since the last check; ``changed`` if so."""
        try:
            version = data_version(self.project)
        except sqlite3.ProgrammingError:  # the project was closed: nothing more to hear
            self._timer.stop()
            if paths := self.watched():
                self._watcher.removePaths(paths)
            return False
        found = version != self._version
        self._version = version
        self.checked.emit(found)
        if found:
            self.changed.emit()
        return found
