"""Editing the label scheme: colours and keys (settings), renames and deletes (data)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.model import Layer
from annotator.store.sql import query, scalar

if TYPE_CHECKING:
    from sqlite_utils import Database

SPAN_TABLES = ("annotations", "suggestions")  # the tables whose rows name a label


def label_row(db: Database, layer: Layer, name: str) -> dict[str, Any] | None:
    """The label's row, or None."""
    rows = query(db, "SELECT * FROM labels WHERE layer = ? AND name = ?", [layer.value, name])
    return rows[0] if rows else None


def articles_using(db: Database, layer: Layer, name: str) -> set[int]:
    """The articles with annotations or suggestions of the label."""
    return {r["article_id"] for table in SPAN_TABLES for r in query(
        db, f"SELECT DISTINCT article_id FROM {table} WHERE layer = ? AND label = ?",
        [layer.value, name])}


def uses(db: Database, layer: Layer, name: str) -> int:
    """How many annotations and suggestions carry the label."""
    return sum(scalar(db, f"SELECT count(*) FROM {table} WHERE layer = ? AND label = ?",
                      [layer.value, name]) for table in SPAN_TABLES)


def rename(db: Database, layer: Layer, old: str, new: str) -> None:
    """Rename a label and every span that carries it; a taken name raises ValueError."""
    if label_row(db, layer, new) is not None:
        raise ValueError(f"{layer.value} label {new!r} exists already")
    if label_row(db, layer, old) is None:
        raise ValueError(f"no {layer.value} label {old!r}")
    with db.atomic():
        params = [new, layer.value, old]
        db.execute("UPDATE labels SET name = ? WHERE layer = ? AND name = ?", params)
        for table in SPAN_TABLES:
            db.execute(f"UPDATE {table} SET label = ? WHERE layer = ? AND label = ?", params)


def delete(db: Database, layer: Layer, name: str) -> dict[str, Any]:
    """Take an unused label out of the scheme; its row (for undo). A label in use raises
    ValueError: its spans would lose their meaning."""
    row = label_row(db, layer, name)
    if row is None:
        raise ValueError(f"no {layer.value} label {name!r}")
    if uses(db, layer, name):
        raise ValueError(f"{name} is in use: rename it instead, or delete its spans first")
    db.execute("DELETE FROM labels WHERE layer = ? AND name = ?", [layer.value, name])
    return row


def restore(db: Database, row: dict[str, Any]) -> None:
    """Put a deleted label's row back."""
    db.table("labels").insert(row)


def add(db: Database, layer: Layer, name: str, color: str) -> None:
    """A new label at the end of the scheme; a taken name raises ValueError."""
    if not name.strip():
        raise ValueError("a label needs a name")
    if label_row(db, layer, name) is not None:
        raise ValueError(f"{layer.value} label {name!r} exists already")
    with db.atomic():
        position = scalar(db, "SELECT coalesce(max(position), 0) + 1 FROM labels")
        db.execute("INSERT INTO labels (layer, name, color, position) VALUES (?, ?, ?, ?)",
                   [layer.value, name.strip(), color, position])


def set_color(db: Database, layer: Layer, name: str, color: str) -> None:
    """A label's colour (#rrggbb)."""
    with db.atomic():
        db.execute("UPDATE labels SET color = ? WHERE layer = ? AND name = ?",
                   [color, layer.value, name])


def set_key(db: Database, layer: Layer, name: str, key: str | None) -> None:
    """A label's key; another label of the layer with that key gives it up."""
    with db.atomic():
        if key:
            db.execute("UPDATE labels SET shortcut = NULL WHERE layer = ? AND shortcut = ?",
                       [layer.value, key])
        db.execute("UPDATE labels SET shortcut = ? WHERE layer = ? AND name = ?",
                   [key or None, layer.value, name])
