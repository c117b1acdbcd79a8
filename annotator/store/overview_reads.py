"""The overview's reads (docs/overview.md): each one aggregate query, counted in SQL, so that a
read costs one pass over its table whatever the project's size. Counts are of the project's
view (store/views.py): every annotator's rows, and the imported layer of the articles nobody
has a version of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.names import ATTRIBUTED_TO
from annotator.store.views import viewer

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_OUTLET = "(no outlet)"
NO_SOURCE = "(no source)"


def done_per_day(db: Database) -> list[tuple[str, str, int]]:
    """(day, annotator, versions) of the versions that are done, by the UTC day their status
    last changed (the time a version was set done; one set back to in progress is not
    counted), in day and annotator order."""
    return [(r[0], r[1], r[2]) for r in db.execute("""
        SELECT substr(v.status_changed_at, 1, 10) AS day, a.name, count(*)
        FROM versions v JOIN annotators a ON a.id = v.annotator_id
        WHERE v.status = 'done' GROUP BY day, a.id ORDER BY day, a.id""")]


def by_layer_and_label(db: Database) -> list[tuple[str, str, int]]:
    """(layer, label, annotations) in the project's view, by layer and label."""
    shown, params = viewer(db, None).shown("n.annotator_id", "n.article_id")
    return [(r[0], r[1], r[2]) for r in db.execute(f"""
        SELECT n.layer, n.label, count(*) FROM annotations n WHERE {shown}
        GROUP BY n.layer, n.label ORDER BY n.layer, n.label""", params)]


def claims_per_outlet(db: Database) -> list[tuple[str, int]]:
    """(outlet, claims) in the project's view, the most first."""
    shown, params = viewer(db, None).shown("n.annotator_id", "n.article_id")
    return [(r[0], r[1]) for r in db.execute(f"""
        SELECT coalesce(nullif(a.outlet, ''), ?) AS outlet, count(*) AS n
        FROM annotations n JOIN articles a ON a.id = n.article_id
        WHERE n.layer = 'claim' AND {shown} GROUP BY outlet ORDER BY n DESC, outlet""",
        [NO_OUTLET, *params])]


def claims_per_source(db: Database) -> list[tuple[str, int]]:
    """(source, claims) in the project's view, the most first: the canonical source a claim
    is attributed to, else the mention's text; a claim with no source counts under
    ``NO_SOURCE`` (a claim linked to several sources counts for each)."""
    shown, params = viewer(db, None).shown("n.annotator_id", "n.article_id")
    return [(r[0], r[1]) for r in db.execute(f"""
        SELECT coalesce(s.name, substr(a.text, m.start + 1, m."end" - m.start), ?) AS source,
               count(*) AS n
        FROM annotations n
        LEFT JOIN links l ON l.from_id = n.id AND l.kind = '{ATTRIBUTED_TO}'
        LEFT JOIN annotations m ON m.id = l.to_id
        LEFT JOIN sources s ON s.id = m.canonical_source_id
        LEFT JOIN articles a ON a.id = m.article_id AND s.id IS NULL
        WHERE n.layer = 'claim' AND {shown} GROUP BY source ORDER BY n DESC, source""",
        [NO_SOURCE, *params])]
