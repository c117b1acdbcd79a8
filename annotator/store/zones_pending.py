"""Articles whose zones are still to be found (table ``zones_pending``, migration 011).

An import stores its articles first and finds their zones after its commit (app/zone_pass.py).
Until then an article is listed here with the fields its importer guessed or left empty, which
the zones may fill. Finding them stores, per batch in one transaction, what the import would
have stored with the article: the metadata the zones give, the zones as suggestions of the
model that found them, the sentence index in what readers keep.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store.sql import chunks, dump_json, marks, now
from annotator.store.suggestions import ensure_model

if TYPE_CHECKING:
    from sqlite_utils import Database

_FIELDS = ("title", "outlet", "author", "published", "url")  # store/articles.py META_COLUMNS


def create_table(db: Database) -> None:
    """The table of migration 011; ``guessed``: a JSON list of field names."""
    db.execute("""CREATE TABLE zones_pending (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        guessed TEXT NOT NULL DEFAULT '[]'
    )""")


def guessed(draft: ArticleDraft) -> str:
    """What a pending article's row keeps of its draft: the fields its importer guessed or
    left empty (the zones' values replace those), as the ``guessed`` column's JSON."""
    return dump_json(sorted(draft.guessed | {f for f in _FIELDS if not getattr(draft, f)}))


class Found(Struct):
    """What finding an article's zones gives: the metadata fields that change, the zones per
    model that found them, the sentence bounds."""

    article_id: int
    changes: dict[str, Any]
    zones: list[tuple[ModelInfo, list[Span]]]
    sentences: Sequence[tuple[int, int]]


def pending_ids(db: Database, among: Sequence[int] | None = None, after: int = 0,
                limit: int = -1) -> list[int]:
    """Pending articles in id order: those ``among`` the given ids, else those after
    ``after``; at most ``limit`` (-1: all)."""
    if among is None:
        return [r[0] for r in db.execute(
            "SELECT article_id FROM zones_pending WHERE article_id > ? ORDER BY article_id "
            "LIMIT ?", [after, limit])]
    found: list[int] = []
    for part in chunks(sorted(set(among))):
        found += [r[0] for r in db.execute(
            f"SELECT article_id FROM zones_pending WHERE article_id IN ({marks(part)})", part)]
    return sorted(found)[:limit] if limit >= 0 else sorted(found)


def pending_count(db: Database) -> int:
    """How many articles wait for their zones."""
    return db.execute("SELECT count(*) FROM zones_pending").fetchone()[0]


def pending_drafts(db: Database, ids: Sequence[int]) -> list[tuple[int, ArticleDraft]]:
    """Pending articles as the drafts their zones are found from: text and metadata as
    stored, the guessed or empty fields marked as guessed (no spans: such an article's file
    brought no zones)."""
    rows = db.execute(
        "SELECT a.id, a.text, a.title, a.outlet, a.author, a.url, a.published, a.language, "
        f"a.meta, p.guessed FROM zones_pending p JOIN articles a ON a.id = p.article_id "
        f"WHERE p.article_id IN ({marks(ids)}) ORDER BY a.id", list(ids)).fetchall()
    return [(aid, ArticleDraft(text, title or "", outlet, author, url, published, language,
                               json.loads(meta) if meta else {},
                               guessed=frozenset(json.loads(names))))
            for aid, text, title, outlet, author, url, published, language, meta, names
            in rows]


def store_found(db: Database, found: Sequence[Found]) -> int:
    """Store what was found in one transaction: articles no longer pending (found meanwhile,
    or deleted) are left as they are. Returns how many were stored."""
    if hasattr(db, "let_waiting_write"):  # a project's file: the window's writes first
        db.let_waiting_write()
    stamp, suggestions, sentences, stored = now(), [], [], []
    with db.atomic():
        models: dict[ModelInfo, int] = {}
        for f in found:
            if db.execute("DELETE FROM zones_pending WHERE article_id = ?",
                          [f.article_id]).rowcount != 1:
                continue
            stored.append(f.article_id)
            if f.changes:
                values = {k: dump_json(v) if k == "meta" else v for k, v in f.changes.items()}
                db.execute(f"UPDATE articles SET {', '.join(f'{k} = ?' for k in values)} "
                           "WHERE id = ?", [*values.values(), f.article_id])
            for info, spans in f.zones:
                model_id = models.get(info) or models.setdefault(info, ensure_model(db, info))
                suggestions += [(f.article_id, model_id, Layer.STRUCTURE.value, s.label, s.start,
                                 s.end, s.score, stamp) for s in spans]
            sentences += [(f.article_id, s, e) for s, e in sorted(set(f.sentences))]
        for part in chunks(stored):
            db.execute(f"DELETE FROM sentences WHERE article_id IN ({marks(part)})", part)
        db.conn.executemany(
            'INSERT INTO suggestions (article_id, model_id, layer, label, start, "end", score, '
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", suggestions)
        db.conn.executemany('INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?)',
                            sentences)
    return len(stored)
