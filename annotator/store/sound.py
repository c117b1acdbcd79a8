"""Project files annotator left sound, so that opening one again need not read it whole.

``PRAGMA quick_check`` reads every page of the file: seconds for a project of 100,000 articles,
at every start. A file that annotator checked when it opened it, and that SQLite left whole
when the last connection of that process closed (checkpointed: no -wal file), is still that
file while its device, inode, size, modification and change times are the ones noted then.
Any other writer (another program, a copy over it, a cut-off transfer) changes the change time,
which no program can set back; so opening it again skips the check, and anything else is
checked as before.

A write in the same clock tick as the noted change time would keep it: a note is written only
once the clock has passed that time by ``MARGIN_NS`` (waiting for it, at most that long).
The notes live in the user's cache folder ($XDG_CACHE_HOME/annotator, else
~/.cache/annotator), the ``KEPT`` most recent ones; without them, every open checks.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

KEPT = 64
MARGIN_NS = 20_000_000  # longer than a tick of the kernel's file time clock


def notes_file() -> Path:
    """Where the notes are kept: a cache (deleted, the next opens check again)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "annotator" / "sound-projects.json"


def _stamp(path: Path) -> list[int]:
    info = os.stat(path)
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _wal(path: Path) -> bool:
    return Path(f"{path.resolve()}-wal").exists()


def _read() -> dict[str, list[int]]:
    try:
        notes = json.loads(notes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return notes if isinstance(notes, dict) else {}


def left_sound(path: Path) -> bool:
    """Whether the file is exactly as annotator last left it, checked and whole."""
    try:
        return not _wal(path) and _read().get(str(path.resolve())) == _stamp(path)
    except OSError:
        return False


def note_sound(path: Path) -> None:
    """Note the file as it is now: this process checked it when it opened it, and its last
    connection to it has closed. Nothing is noted while a -wal file exists (another
    connection, or a crash, left one)."""
    try:
        if _wal(path):
            return
        stamp = _stamp(path)
        wait = stamp[4] + MARGIN_NS - time.time_ns()
        if wait > MARGIN_NS:
            return  # a change time ahead of this clock (another machine's): not trusted
        if wait > 0:
            time.sleep(wait / 1e9)
        notes = {k: v for k, v in _read().items() if k != str(path.resolve())}
        notes[str(path.resolve())] = stamp
        _write(dict(list(notes.items())[-KEPT:]))
    except OSError:
        pass  # no data folder, a read-only one: the next open checks the file


def _write(notes: dict[str, list[int]]) -> None:
    target = notes_file()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".sound-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(notes, out)
        os.replace(name, target)
    except OSError:
        Path(name).unlink(missing_ok=True)
        raise
