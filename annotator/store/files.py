"""The project file on disk: recognised before anything is written to it, made whole or not at all,
copied aside before an upgrade.

A project carries ``PRAGMA application_id = APPLICATION_ID`` and ``PRAGMA user_version`` = its
schema version, the number of applied migrations. Files from before these marks (application id
0) are recognised by sqlite-utils' ``_sqlite_migrations`` table (set ``annotator``) and their
``articles`` table. docs/schema.md describes the rules.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
import threading
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from annotator.store import sound
from annotator.store.connection import ProjectDatabase
from annotator.store.schema import migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x414E4E4F  # "ANNO"
_MAGIC = b"SQLite format 3\x00"
_UNTOUCHED = "nothing was changed"


class ProjectError(Exception):
    """A project file that cannot be opened or used, named with the reason."""


class OlderProject(ProjectError):
    """A project of an earlier schema version, opened where it may not be upgraded."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(f"{path}: made by an earlier version of annotator (schema version "
                         f"{version}, this version uses {latest_version()}); {_UNTOUCHED}; "
                         f"upgrade it with 'annotator upgrade {path}' or by opening it in the "
                         "app (either keeps a copy of the file as it was)")
        self.path, self.version = path, version


class Found(Struct, frozen=True):
    """A recognised project: its schema version, whether it carries the marks of this version
    (application id and user_version), and whether we may write to it."""

    version: int
    marked: bool
    writable: bool


def schema_steps() -> tuple[str, ...]:
    """The names of the migrations this version knows, in order."""
    return migrations.names()


def latest_version() -> int:
    """The schema version this version of annotator writes: its number of migrations."""
    return len(schema_steps())


# -- recognising ---------------------------------------------------------------------------------

def recognise(path: Path) -> Found:
    """What the file at ``path`` is, read without writing or leaving a file behind.

    Raises ProjectError for a file that is not an annotator project, is damaged, or comes from a
    newer version. The cost is one ``PRAGMA quick_check``, skipped while this process has the
    same file open already (a background task opening the project of the window), and for a
    file exactly as annotator left it after checking it (``sound.left_sound``).
    """
    held = _held(path)
    if not held:  # reading the header would close a descriptor of the file: see _held
        _check_header(path)
    try:
        conn = connect(path, write=False)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot be read ({exc}); {_UNTOUCHED}") from exc
    try:
        version, marked = _version(path, conn)
        if not held and not sound.left_sound(path):
            _quick_check(path, conn)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY,
                                                          sqlite3.SQLITE_LOCKED):
            raise ProjectError(f"{path}: in use by another program ({exc}); try again; "
                               f"{_UNTOUCHED}") from exc
        raise ProjectError(f"{path}: damaged ({exc}); {_UNTOUCHED}; restore a backup copy"
                           ) from exc
    finally:
        conn.close()
    return Found(version, marked, writable(path))


def check_due(path: Path) -> bool:
    """Whether opening the project will read it whole (``recognise``'s quick check): it is
    there, this process does not hold it, and annotator did not leave it as it is."""
    try:
        if not Path(path).is_file():
            return False
    except OSError:
        return False
    return not _held(path) and not sound.left_sound(path)


def _check_header(path: Path) -> None:
    """Refuse, from the file alone, what is no SQLite file or another program's database."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ProjectError(f"{path}: a folder, not a project file")
        if not stat.S_ISREG(info.st_mode):
            raise ProjectError(f"{path}: not a regular file, so not a project file")
        if info.st_size == 0:
            raise ProjectError(f"{path}: an empty file, not an annotator project; {_UNTOUCHED}")
        with open(path, "rb") as f:
            head = f.read(100)
    except FileNotFoundError as exc:
        raise ProjectError(f"{path}: no such project file") from exc
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not head.startswith(_MAGIC):
        raise ProjectError(f"{path}: not an annotator project (not an SQLite database); "
                           f"{_UNTOUCHED}")
    if len(head) < 100:
        raise ProjectError(f"{path}: damaged (shorter than an SQLite header: cut off?); "
                           f"{_UNTOUCHED}")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    counted = pages and head[24:28] == head[92:96]  # the header's page count is valid
    short = info.st_size < page_size or (counted and info.st_size < pages * page_size)
    if short and not _sidecar(path, "wal").exists():  # else pages may wait in the WAL
        raise ProjectError(f"{path}: damaged ({info.st_size} bytes, shorter than its header "
                           f"says: cut off?); {_UNTOUCHED}; restore a backup copy")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise ProjectError(_foreign(path, f"application id {app_id:#x}"))


def _version(path: Path, conn: sqlite3.Connection) -> tuple[int, bool]:
    """The schema version and whether the file carries its marks; ProjectError for a foreign or
    newer file."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        raise ProjectError(_foreign(path, f"application id {app_id:#x}"))
    if app_id == APPLICATION_ID and user_version > latest_version():
        raise ProjectError(_newer(path, user_version))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"_sqlite_migrations", "articles"} <= tables:
        if app_id == 0:
            raise ProjectError(_foreign(path, "without annotator's tables"))
        raise sqlite3.DatabaseError("annotator's tables are missing")
    applied = [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
        [migrations.name])]
    if not applied and app_id == 0:
        raise ProjectError(_foreign(path, "without annotator's migrations"))
    if set(applied) - set(schema_steps()):
        raise ProjectError(_newer(path, max(user_version, len(applied))))
    if tuple(applied) != schema_steps()[:len(applied)]:
        raise sqlite3.DatabaseError(f"its migrations are out of order: {', '.join(applied)}")
    return len(applied), app_id == APPLICATION_ID and user_version == len(applied)


def _quick_check(path: Path, conn: sqlite3.Connection) -> None:
    found = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if found != "ok":
        reason = " ".join(found.replace("*** in database main ***", "").split())
        raise ProjectError(f"{path}: damaged (quick_check: {reason}); {_UNTOUCHED}; restore a "
                           f"backup copy")


def _foreign(path: Path, what: str) -> str:
    return f"{path}: not an annotator project (an SQLite database {what}); {_UNTOUCHED}"


def _newer(path: Path, version: int) -> str:
    return (f"{path}: made by a newer version of annotator (schema version {version}, this "
            f"version knows up to {latest_version()}); update annotator to open it; {_UNTOUCHED}")


def writable(path: Path) -> bool:
    """Whether we may write the file and its folder (SQLite keeps -wal and -shm files there)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _sidecar(path: Path, kind: str) -> Path:
    return Path(f"{Path(path).resolve()}-{kind}")


# -- connecting ----------------------------------------------------------------------------------

def connect(path: Path, *, write: bool) -> sqlite3.Connection:
    """A connection to a recognised file (or one to recognise).

    ``write=False`` gives one that can neither write nor create a file: a read-only SQLite
    connection to a WAL file creates -wal and -shm files it cannot remove, so without a -wal
    file (nobody has the project open) the file is read as immutable.
    """
    if write:
        return sqlite3.connect(str(path), timeout=30)
    how = "mode=ro" if _sidecar(path, "wal").exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?{how}", uri=True, timeout=30)


_open: Counter[tuple[int, int]] = Counter()
_paths: dict[tuple[int, int], Path] = {}
_open_lock = threading.Lock()


def _key(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def is_open(path: Path) -> bool:
    """Whether this process holds the file open (and so has checked it)."""
    with _open_lock:
        return _open[_key(path)] > 0


def _held(path: Path) -> bool:
    """Whether this process holds the file open, so that it must not open and close it itself.

    Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
    among them; another program closing the project then takes itself for its last user and
    deletes the -wal and -shm files under this one's connections (a disk I/O error, or worse)."""
    try:
        return is_open(path)
    except OSError:
        return False


def hold(path: Path) -> tuple[int, int]:
    """Note that a Project holds the file open; ``release`` the key when it closes."""
    key = _key(path)
    with _open_lock:
        _open[key] += 1
        _paths[key] = Path(path)
    return key


def release(key: tuple[int, int]) -> None:
    """The Project holding ``key`` closed; after the last one, the file is noted as sound."""
    with _open_lock:
        _open[key] -= 1
        last = _open[key] <= 0
        if last:
            del _open[key]
            path = _paths.pop(key)
    if last:
        sound.note_sound(path)


# -- creating and upgrading ----------------------------------------------------------------------

def create(path: Path) -> None:
    """Make a new, complete project at ``path``, readable by its owner only, or nothing.

    Built in a temporary file beside it and linked into place, so that a half-made project is
    never found; folders made on the way are the owner's only too.
    """
    make_folders(path.parent)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)  # mkstemp: mode 0600 (less with a stricter umask)
    tmp = Path(name)
    try:
        db = ProjectDatabase(sqlite3.connect(name))
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db)
        finally:
            db.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # made meanwhile by another process: that one is recognised instead
        except OSError:  # a file system without hard links
            os.rename(tmp, path)
    finally:
        for leftover in (tmp, _sidecar(tmp, "wal"), _sidecar(tmp, "shm")):
            leftover.unlink(missing_ok=True)


def make_folders(folder: Path) -> None:
    """Create ``folder`` and its missing parents, readable by the owner only."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)


def migrate(db: Database) -> None:
    """Apply the pending migrations in order; each lands together with its record in
    ``_sqlite_migrations`` and the new ``user_version`` and ``application_id``."""
    steps = migrations.pending(db)
    for n, step in enumerate(steps):
        with db.atomic() if step.transactional else nullcontext():
            migrations.apply(db, stop_before={s.name for s in steps[n + 1:]})
            mark(db)


def mark(db: Database) -> None:
    """Set the application id and user_version (= the number of applied migrations)."""
    with db.atomic():
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")


def backup(path: Path, conn: sqlite3.Connection, version: int) -> Path:
    """Copy the project byte for byte to a new file beside it, before an upgrade.

    The WAL is checkpointed into the file first and the write lock held while copying, so the
    copy is the whole project and nobody changes it meanwhile. The copy is named after the
    version it will be upgraded to (``NAME.before-v7.bak``); an existing one is never replaced.
    """
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 5000")  # readers of another program finish meanwhile
    busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    conn.execute(f"PRAGMA busy_timeout = {timeout}")
    if busy:
        raise ProjectError(f"{path}: in use by another program; close it and try again; "
                           f"{_UNTOUCHED}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        return _copy_aside(path, f"before-v{latest_version()}")
    finally:
        conn.execute("ROLLBACK")


def _copy_aside(path: Path, label: str) -> Path:
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.{label}{'' if n == 1 else f'.{n}'}.bak")
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ProjectError(f"{path}: cannot write a backup copy beside it ({exc.strerror}); "
                               f"{_UNTOUCHED}") from exc
        try:
            with os.fdopen(fd, "wb") as out, open(path, "rb") as source:
                shutil.copyfileobj(source, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            _fsync_folder(path.parent)
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise ProjectError(f"{path}: cannot write the backup copy {target} "
                               f"({exc.strerror}); {_UNTOUCHED}") from exc
        return target
    raise ProjectError(f"{path}: too many backup copies beside it; {_UNTOUCHED}")


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
