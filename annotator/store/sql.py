"""What every store module shares: rows as dicts, one value, placeholders, JSON, timestamps."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

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


def insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row; its integer primary key."""
    pk = db.table(table).insert(row).last_pk
    assert pk is not None
    return int(pk)


def text_length(db: Database, article_id: int) -> int:
    """Length of an article's stored text in code points; KeyError when there is none."""
    n = scalar(db, "SELECT char_count FROM articles WHERE id = ?", [article_id])
    if n is None:
        raise KeyError(f"no article {article_id}")
    return n
