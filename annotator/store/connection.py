"""The project's connection: plain ``sqlite3``, with sqlite-utils made only when needed.

Opening a project and reading it (the window's start) never imports sqlite-utils, which with
what it imports (click, pluggy, dateutil) costs more than the rest of the store. Applying a
migration, or code that asks a ``ProjectDatabase`` for sqlite-utils' table helpers
(``db.table(…)``, ``db[…]``, ``db.table_names()``), imports it then, over the same connection.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a ProjectDatabase offers sqlite-utils' Database, made on first use
    from sqlite_utils import Database as _Base
    from sqlite_utils.migrations import Migrations as _Migrations
else:
    _Base = object

_CONTROL = ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")


def _key_of(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """The file's (device, inode), None for a database in memory."""
    name = conn.execute("PRAGMA database_list").fetchone()[2]
    if not name:
        return None
    info = os.stat(name)
    return info.st_dev, info.st_ino


class ProjectDatabase(_Base):
    """A project's connection, with what the store uses of sqlite-utils' Database.

    ``execute``, ``query``, ``atomic`` behave as sqlite-utils' do: a write outside a
    transaction is committed at once, a failed one leaves none open; ``atomic`` nests with
    savepoints. Its outermost transaction takes the write lock at once: a deferred BEGIN that
    reads first and writes later fails at once with "database is locked" when another
    connection (a worker) committed in between; BEGIN IMMEDIATE waits its turn (busy_timeout)
    instead. SQLite's waiting is polling, not a queue: a writer that commits one transaction
    after another (an import) would take the lock again before a waiting one (the window)
    polls, so it lets the writers of this process that wait go first (``let_waiting_write``).
    Anything else is sqlite-utils' Database over the same connection, made when first asked
    for: without its plugins (none changes a project's connections, and looking for them
    reads every installed package's entry points).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils sets it

    def execute(self, sql: str, parameters: Iterable[Any] | dict[str, Any] | None = None
                ) -> sqlite3.Cursor:
        began = self.conn.in_transaction
        try:
            cursor = (self.conn.execute(sql) if parameters is None
                      else self.conn.execute(sql, parameters))  # type: ignore[arg-type]
        except Exception:
            if not began and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # the failed write's implicit transaction
            raise
        if (not began and self.conn.in_transaction and cursor.description is None
                and not sql.lstrip().upper().startswith(_CONTROL)):
            self.conn.execute("COMMIT")  # the write's implicit transaction
        return cursor

    def query(self, sql: str, params: Iterable[Any] | dict[str, Any] | None = None
              ) -> Generator[dict[str, Any], None, None]:
        """The rows of a query, as dicts (a repeated column name gets ``_2``, ``_3``…)."""
        cursor = self.execute(sql, params)
        keys = _unique([d[0] for d in cursor.description])
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    @contextmanager
    def atomic(self) -> Iterator[ProjectDatabase]:
        """One all-or-nothing step; nested ones are savepoints."""
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT project_atomic")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # else an error ended the whole transaction
                    self.conn.execute("ROLLBACK TO SAVEPOINT project_atomic")
                    self.conn.execute("RELEASE SAVEPOINT project_atomic")
                raise
            self.conn.execute("RELEASE SAVEPOINT project_atomic")
            return
        with _waiting(self._file):
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def enable_wal(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    @cached_property
    def _file(self) -> tuple[int, int] | None:
        return _key_of(self.conn)

    def let_waiting_write(self, timeout: float = 1.0) -> None:
        """Wait until no other connection of this process waits for this file's write lock
        (``timeout`` seconds at most); between transactions only."""
        if self._file is not None:
            with _queue:
                _queue.wait_for(lambda: not _queued[self._file], timeout)

    # -- sqlite-utils, when asked for --------------------------------------------------------

    @cached_property
    def utils(self) -> _Base:
        """sqlite-utils' Database over this connection; its transactions are this one's."""
        return _shared_class()(self)

    def table(self, table_name: str, **kwargs: Any) -> Any:
        return self.utils.table(table_name, **kwargs)

    def __getitem__(self, table_name: str) -> Any:
        return self.utils[table_name]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "utils":
            raise AttributeError(name)
        return getattr(self.utils, name)


def _unique(keys: list[str]) -> list[str]:
    if len(set(keys)) == len(keys):
        return keys
    return sqlite_utils().utils.dedupe_keys(keys)  # as sqlite-utils' query names them


@cache
def _shared_class() -> type:
    base = sqlite_utils().Database

    class Shared(base):  # type: ignore[misc, valid-type]
        def __init__(self, owner: ProjectDatabase) -> None:
            super().__init__(owner.conn, execute_plugins=False, recursive_triggers=False)
            self.owner = owner

        def atomic(self) -> Any:
            return self.owner.atomic()

    return Shared


def sqlite_utils() -> Any:
    """The sqlite-utils package, imported without numpy and pandas: it maps their types to
    column types only when it makes a table from Python values, and annotator makes its tables
    with SQL. numpy alone would add a tenth of a second."""
    if "sqlite_utils" not in sys.modules:
        hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
        try:
            import sqlite_utils.migrations  # noqa: F401
            import sqlite_utils.utils  # noqa: F401
        finally:
            for name in hidden:
                del sys.modules[name]
    return sys.modules["sqlite_utils"]


class Migrations:
    """sqlite-utils' Migrations, made when first applied or asked what is applied: the names
    of the steps (read at every open) are known without importing sqlite-utils."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[Callable[[Any], None], bool]] = []

    def __call__(self, *, transactional: bool = True
                 ) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
        def register(step: Callable[[Any], None]) -> Callable[[Any], None]:
            self._steps.append((step, transactional))
            return step
        return register

    def names(self) -> tuple[str, ...]:
        return tuple(step.__name__ for step, _ in self._steps)

    @cached_property
    def _made(self) -> _Migrations:
        made = sqlite_utils().migrations.Migrations(self.name)
        for step, transactional in self._steps:
            made(transactional=transactional)(step)
        return made

    def pending(self, db: Any) -> list[Any]:
        return self._made.pending(db)

    def applied(self, db: Any) -> list[Any]:
        return self._made.applied(db)

    def apply(self, db: Any, *, stop_before: str | Iterable[str] | None = None) -> None:
        self._made.apply(db, stop_before=stop_before)


_queued: Counter[tuple[int, int] | None] = Counter()  # file → writers waiting for its lock
_queue = threading.Condition()


@contextmanager
def _waiting(key: tuple[int, int] | None) -> Iterator[None]:
    with _queue:
        _queued[key] += 1
        _queue.notify_all()  # those waiting for a writer to queue (tests)
    try:
        yield
    finally:
        with _queue:
            _queued[key] -= 1
            if not _queued[key]:
                del _queued[key]
                _queue.notify_all()
