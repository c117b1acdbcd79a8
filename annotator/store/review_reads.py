"""The review queue's reads (docs/review.md): the articles to adjudicate and the articles done
with open suggestions, each one query with a LIMIT, whatever the project's size; ``articles``
reads only those (what a change touched)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from annotator.core.names import GOLD_ANNOTATOR
from annotator.store.sql import marks
from annotator.store.suggestions import REVIEWED
from annotator.store.views import viewer

if TYPE_CHECKING:
    from sqlite_utils import Database


def _among(column: str, articles: Collection[int] | None) -> str:
    """SQL: ``column`` is one of ``articles`` (None: any article)."""
    if articles is None:
        return "1"
    return f"{column} IN ({', '.join(str(int(a)) for a in articles)})"


def disagreeing_done(db: Database, limit: int, articles: Collection[int] | None = None
                     ) -> list[tuple[int, str, str]]:
    """(article id, title, annotators) of the first ``limit`` articles whose done versions (two
    or more, nobody's gold) differ in a span of the entity, claim or source layer and whose gold
    version is not done: what ``next_to_adjudicate`` steps through (app/adjudication.py)."""
    gold = viewer(db, GOLD_ANNOTATOR).me
    layers = [f":layer{n}" for n in range(len(REVIEWED))]
    return [(r[0], r[1], r[2]) for r in db.execute(f"""
        WITH v AS (SELECT article_id, annotator_id FROM versions
                WHERE {_among("article_id", articles)}
                AND status = 'done' AND annotator_id != :gold AND article_id NOT IN (
                    SELECT article_id FROM versions WHERE annotator_id = :gold
                    AND status = 'done')),
            n AS (SELECT article_id, count(*) AS k FROM v GROUP BY article_id HAVING k >= 2),
            differ AS (SELECT s.article_id FROM n JOIN (
                SELECT a.article_id, count(DISTINCT a.annotator_id) AS c FROM annotations a
                JOIN v ON v.article_id = a.article_id AND v.annotator_id = a.annotator_id
                WHERE a.article_id IN (SELECT article_id FROM n)
                AND a.layer IN ({', '.join(layers)})
                GROUP BY a.article_id, a.layer, a.label, a.start, a."end") s
                ON s.article_id = n.article_id WHERE s.c < n.k
                GROUP BY s.article_id ORDER BY s.article_id LIMIT :limit)
        SELECT d.article_id, t.title, (SELECT group_concat(p.name, ', ') FROM (
                SELECT w.name FROM v JOIN annotators w ON w.id = v.annotator_id
                WHERE v.article_id = d.article_id ORDER BY w.id) p)
        FROM differ d JOIN articles t ON t.id = d.article_id ORDER BY d.article_id""",
        {"gold": gold, "limit": limit,
         **{k[1:]: v for k, v in zip(layers, REVIEWED, strict=True)}})]


def done_with_open(db: Database, annotator: str, limit: int,
                   articles: Collection[int] | None = None) -> list[tuple[int, str, int]]:
    """(article id, title, open suggestions) of the first ``limit`` articles the annotator's
    version of is done while suggestions of theirs are open: the condition of
    ``open_suggestion_counts`` (store/suggestions.py)."""
    view = viewer(db, annotator)
    decided, params = view.decided()
    return [(r[0], r[1], r[2]) for r in db.execute(f"""
        SELECT v.article_id, a.title, count(*) FROM versions v
        JOIN suggestions s ON s.article_id = v.article_id
        JOIN articles a ON a.id = v.article_id
        WHERE v.annotator_id = ? AND v.status = 'done' AND {_among("v.article_id", articles)}
        AND s.layer IN ({marks(REVIEWED)}) AND NOT {decided}
        GROUP BY v.article_id ORDER BY v.article_id LIMIT ?""",
        [view.me, *REVIEWED, *params, limit])]



def grouped(db: Database, articles: Collection[int]) -> bool:
    """Whether a claim of these articles (anybody's) is in a claim group."""
    return db.execute(
        "SELECT EXISTS (SELECT 1 FROM annotations n JOIN claim_group_members m ON "
        f"m.annotation_id = n.id WHERE {_among('n.article_id', articles)} AND n.layer = 'claim')"
    ).fetchone()[0] == 1


def fingerprint(db: Database) -> tuple[int, int]:
    """What moves when the project changes: this connection's writes (rows changed so far)
    and other connections' commits (``PRAGMA data_version``)."""
    return db.conn.total_changes, db.execute("PRAGMA data_version").fetchone()[0]
