"""A project: one SQLite file holding articles, suggestions, annotations and links."""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from annotator.store import files
from annotator.store.articles import ArticleTables
from annotator.store.claims import ClaimStore
from annotator.store.files import OlderProject, ProjectDatabase, ProjectError
from annotator.store.suggestions import SuggestionTables

if TYPE_CHECKING:
    from sqlite_utils import Database

    from annotator.store.matching_store import MatchingStore


class Upgrade(Struct, frozen=True):
    """What opening did to an older project: its versions, and the copy kept from before."""

    from_version: int
    to_version: int
    backup: Path

    def describe(self) -> str:
        return (f"upgraded from schema version {self.from_version} to {self.to_version}; the "
                f"file as it was is kept as {self.backup}")


class Project(ArticleTables, SuggestionTables):
    """The store's one entry point; one instance per thread, as SQLite connections are.

    Its reads and writes are those of its parts (articles, annotations, suggestions); the
    claims and the matching tables are its ``claims`` and ``matching``."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.claims = ClaimStore(db)
        self.read_only = False
        self.upgrade: Upgrade | None = None  # set when opening upgraded the file
        self._release: weakref.finalize | None = None  # of files.hold

    @cached_property
    def matching(self) -> MatchingStore:
        """The matching tables (store/matching_store.py), loaded when first used: the window's
        start reads none of them."""
        from annotator.store.matching_store import MatchingStore

        return MatchingStore(self.db)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False,
             migrate: bool = True) -> Project:
        """Open the project file at ``path``, recognised before anything is written to it.

        ``create``: make a new project when there is no file. ``read_only``: a connection that
        never writes (for a file without write permission too); an older project is refused
        (OlderProject). ``migrate``: upgrade an older project after a backup copy beside it,
        else refuse it. Foreign, damaged and newer files raise ProjectError untouched.
        """
        path = Path(path)
        if not path.exists() and not path.is_symlink():
            if not create or read_only:
                raise ProjectError(f"{path}: no such project file")
            try:
                files.create(path)
            except OSError as exc:
                raise ProjectError(f"{path}: cannot create the project ({exc.strerror})"
                                   ) from exc
            except sqlite3.Error as exc:
                raise ProjectError(f"{path}: cannot create the project ({exc})") from exc
        found = files.recognise(path)
        older = found.version < files.latest_version()
        if older and (read_only or not migrate):
            raise OlderProject(path, found.version)
        if not read_only and not found.writable:
            raise ProjectError(f"{path}: no permission to write to it or to its folder; "
                               f"nothing was changed")
        try:
            db = ProjectDatabase(files.connect(path, write=found.writable))
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: cannot be opened ({exc})") from exc
        upgrade = None
        try:
            db.execute(f"PRAGMA query_only = {int(read_only)}")
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                if older:
                    upgrade = cls._upgrade(db, path, found.version)
                    db.close()  # the backup closed a descriptor of the file, which dropped
                    db = ProjectDatabase(files.connect(path, write=True))  # SQLite's locks
                    db.execute("PRAGMA busy_timeout = 30000")
                    db.execute("PRAGMA foreign_keys = ON")
                elif not found.marked:  # made before projects carried these marks
                    files.mark(db)
                db.enable_wal()
                db.execute("PRAGMA synchronous = NORMAL")
        except ProjectError:
            db.close()
            raise
        except sqlite3.DatabaseError as exc:
            db.close()
            raise ProjectError(f"{path}: cannot be opened ({exc})") from exc
        project = cls(db, path)
        project.read_only, project.upgrade = read_only, upgrade
        project._release = weakref.finalize(project, files.release, files.hold(path))
        return project

    @staticmethod
    def _upgrade(db: Database, path: Path, version: int) -> Upgrade:
        backup = files.backup(path, db.conn, version)
        try:
            files.migrate(db)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: upgrading from schema version {version} failed "
                               f"({exc}); the step was undone, the file before the upgrade is "
                               f"{backup}") from exc
        return Upgrade(version, files.latest_version(), backup)

    @classmethod
    def memory(cls) -> Project:
        """A throw-away project, for tests."""
        return cls._ready(ProjectDatabase(sqlite3.connect(":memory:")), None)

    @classmethod
    def _ready(cls, db: Database, path: Path | None) -> Project:
        db.execute("PRAGMA foreign_keys = ON")
        files.migrate(db)
        return cls(db, path)

    def close(self) -> None:
        """Close the connection; WAL content is checkpointed by SQLite."""
        self.db.close()
        if self._release is not None:
            self._release()  # once only

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """Group several writes into one all-or-nothing step (nests with savepoints)."""
        with self.db.atomic():
            yield self
