"""The review queue's reads (docs/review.md): the articles to adjudicate and the articles done
with open suggestions, each one query with a LIMIT, whatever the project's size; ``articles``
reads only those (what a change touched)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from annotator.core.names import GOLD_ANNOTATOR
from annotator.store.sql import marks
from annotator.store.suggestions import REVIEWED
from annotator.store.version_diffs import differing
from annotator.store.views import viewer

if TYPE_CHECKING:
    from sqlite_utils import Database


def _among(column: str, articles: Collection[int] | None) -> str:
    """SQL: ``column`` is one of ``articles`` (None: any article)."""
    if articles is None:
        return "1"
    return f"{column} IN ({', '.join(str(int(a)) for a in articles)})"


def disagreeing_done(db: Database, limit: int, articles: Collection[int] | None = None, *,
                     in_progress: bool = False) -> list[tuple[int, str, str, str]]:
    """(article id, title, annotators, how their versions differ: "spans", else "attributes",
    "links", "groups" as store/version_diffs.py says) of the first ``limit`` articles whose
    done versions (with ``in_progress``: versions of any status; two or more, nobody's gold)
    differ and whose gold version is not done: what ``next_to_adjudicate`` steps through
    (app/adjudication.py)."""
    params = {"gold": viewer(db, GOLD_ANNOTATOR).me}
    done = f"""{"" if in_progress else "w.status = 'done' AND "}w.annotator_id != :gold
        AND w.article_id NOT IN (SELECT article_id FROM versions WHERE annotator_id = :gold
            AND status = 'done')"""
    found = differing(db, done, params, REVIEWED, articles)
    first = sorted(found)[:limit]
    return [(r[0], r[1], r[2], found[r[0]]) for r in db.execute(f"""
        SELECT t.id, t.title, (SELECT group_concat(p.name, ', ') FROM (
                SELECT a.name FROM versions w JOIN annotators a ON a.id = w.annotator_id
                WHERE w.article_id = t.id AND {done} ORDER BY a.id) p)
        FROM articles t WHERE {_among("t.id", first)} ORDER BY t.id""", params)]


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
