"""Project figures for `annotator stats` and the status bar."""

from __future__ import annotations

from typing import Any

from annotator.store.project import Project
from annotator.store.sql import chunks, marks, query, scalar
from annotator.store.views import viewer
from annotator.store.zones_pending import pending_count

STATUSES = ("new", "in_progress", "done")


def project_stats(project: Project, annotator: str | None = None) -> dict[str, Any]:
    """Articles by status (of ``annotator``'s versions, else in the project: the furthest of
    each article's own and its versions', store/views.py; and of them, those with open
    suggestions), suggestions by label and model, annotations by layer and label, and the
    articles whose zones are still to be found (store/zones_pending.py)."""
    db = project.db
    status, params = viewer(db, annotator).status()
    statuses = {r["status"]: r["n"] for r in query(
        db, f"SELECT {status} AS status, count(*) AS n FROM articles a GROUP BY 1", params)}
    with_open = dict.fromkeys(STATUSES, 0)
    for ids in chunks(project.open_suggestion_counts(annotator=annotator)):
        for r in query(db, f"SELECT {status} AS status, count(*) AS n FROM articles a WHERE "
                       f"a.id IN ({marks(ids)}) GROUP BY 1", [*params, *ids]):
            with_open[r["status"]] += r["n"]
    suggestions = {r["label"]: r["n"] for r in query(
        db, "SELECT label, count(*) AS n FROM suggestions GROUP BY label ORDER BY label")}
    models = [
        {"name": r["name"], "version": r["version"], "suggestions": r["n"]}
        for r in query(db, """SELECT m.name, m.version, count(s.id) AS n FROM models m
                      LEFT JOIN suggestions s ON s.model_id = m.id GROUP BY m.id ORDER BY m.id""")
    ]
    annotations: dict[str, dict[str, int]] = {}
    for r in query(db, """SELECT layer, label, count(*) AS n FROM annotations
                  GROUP BY layer, label ORDER BY layer, label"""):
        annotations.setdefault(r["layer"], {})[r["label"]] = r["n"]
    annotators = [
        {"name": r["name"], "annotations": r["n"]}
        for r in query(db, """SELECT a.name, count(n.id) AS n FROM annotators a
                      LEFT JOIN annotations n ON n.annotator_id = a.id
                      GROUP BY a.id ORDER BY a.id""")
    ]
    return {
        "articles": project.count_articles(),
        "status": {s: statuses.get(s, 0) for s in STATUSES},
        "open_suggestions": with_open,
        "suggestions": suggestions,
        "models": models,
        "annotations": annotations,
        "links": scalar(db, "SELECT count(*) FROM links"),
        "annotators": annotators,
        "zones_pending": pending_count(db),  # their zone suggestions not counted yet
    }
