"""What every store module shares: rows as dicts, one value, placeholders, JSON, timestamps,
rows written (plain SQL: no sqlite-utils on a window's writes)."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_PARAMS = 500  # bound parameters per statement, well inside SQLite's limit


def now() -> str:
    """UTC timestamp with seconds, ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def query(db: Database, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict]:
    """Every row of a query, as dicts."""
    return list(db.query(sql, params if isinstance(params, dict) else list(params)))


def scalar(db: Database, sql: str, params: Iterable[Any] = ()) -> Any:
    """The first column of the first row, or None when there is no row."""
    row = db.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def marks(values: Collection[Any]) -> str:
    """Placeholders for ``IN (...)``, one per value."""
    return ", ".join("?" for _ in values)


def chunks(values: Iterable[Any], size: int = MAX_PARAMS) -> Iterator[list[Any]]:
    """The values in lists of at most ``size``, for statements with one parameter each."""
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


def dump_json(value: Any) -> str:
    """A JSON column's text, non-ASCII kept as it is."""
    return json.dumps(value, ensure_ascii=False)


def load_json(value: str) -> dict[str, Any]:
    """A JSON object column; the common empty one without parsing."""
    return {} if value == "{}" else json.loads(value)


def insert(db: Database, table: str, row: dict[str, Any], *, replace: bool = False) -> int:
    """Insert one row (``replace``: in place of a row it conflicts with); its rowid."""
    with db.atomic():
        cursor = db.execute(f"INSERT {'OR REPLACE ' if replace else ''}INTO {table} "
                            f"({_names(row)}) VALUES ({marks(row)})", list(row.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_rows(db: Database, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Insert rows that all have the same columns."""
    rows = list(rows)
    if rows:
        with db.atomic():
            db.conn.executemany(f"INSERT INTO {table} ({_names(rows[0])}) VALUES "
                                f"({marks(rows[0])})", [list(r.values()) for r in rows])


def update(db: Database, table: str, row_id: int, changes: dict[str, Any]) -> None:
    """Change columns of the row with this ``id``; KeyError when there is none."""
    with db.atomic():
        if not changes:
            if scalar(db, f"SELECT 1 FROM {table} WHERE id = ?", [row_id]) is None:
                raise KeyError(f"no {table} row {row_id}")
            return
        sets = ", ".join(f'"{name}" = ?' for name in changes)
        if not db.execute(f"UPDATE {table} SET {sets} WHERE id = ?",
                          [*changes.values(), row_id]).rowcount:
            raise KeyError(f"no {table} row {row_id}")


def _names(row: dict[str, Any]) -> str:
    return ", ".join(f'"{name}"' for name in row)


def text_length(db: Database, article_id: int) -> int:
    """Length of an article's stored text in code points; KeyError when there is none."""
    n = scalar(db, "SELECT char_count FROM articles WHERE id = ?", [article_id])
    if n is None:
        raise KeyError(f"no article {article_id}")
    return n
