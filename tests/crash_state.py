"""What the crash harness compares: a project's annotation state, read through a connection of
its own; and the project its sessions start from."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

STATE_QUERIES = {  # without row ids: they depend on how ids are given out
    "articles": """
        SELECT a.id, a.status, (SELECT group_concat(n.name || ':' || v.status) FROM versions v
            JOIN annotators n ON n.id = v.annotator_id WHERE v.article_id = a.id)
        FROM articles a WHERE a.id <= :upto ORDER BY a.id""",
    "annotations": """
        SELECT a.article_id, a.layer, a.label, a.start, a."end", a.attrs, s.name,
               g.start, g."end", g.label
        FROM annotations a LEFT JOIN sources s ON s.id = a.canonical_source_id
        LEFT JOIN suggestions g ON g.id = a.suggestion_id WHERE a.article_id <= :upto""",
    "links": """
        SELECT f.article_id, f.layer, f.start, f."end", t.layer, t.start, t."end", l.kind,
               l.attrs
        FROM links l JOIN annotations f ON f.id = l.from_id
        JOIN annotations t ON t.id = l.to_id WHERE f.article_id <= :upto""",
    "decisions": """
        SELECT g.article_id, g.start, g."end", g.label, d.decision, w.name
        FROM suggestion_decisions d JOIN suggestions g ON g.id = d.suggestion_id
        JOIN annotators w ON w.id = d.annotator_id
        WHERE g.article_id <= :upto""",
    "sources": "SELECT name, kind, aliases FROM sources",
    "groups": """
        SELECT c.title, c.note, a.article_id, a.start, a."end", m.value, m.stance
        FROM claim_group_members m JOIN claim_groups c ON c.id = m.group_id
        JOIN annotations a ON a.id = m.annotation_id""",
}


def project_state(conn: sqlite3.Connection, upto: int = 2**62) -> dict[str, list]:
    """What annotators made in the project (articles up to id ``upto``), in one read snapshot."""
    conn.execute("BEGIN")
    try:
        return {name: sorted((list(row) for row in conn.execute(sql, {"upto": upto})),
                             key=lambda row: json.dumps(row, ensure_ascii=False))
                for name, sql in STATE_QUERIES.items()}
    finally:
        conn.execute("COMMIT")


def digest(state: dict[str, list]) -> str:
    """A short fingerprint of a state."""
    text = json.dumps(state, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def read_connection(path: Path) -> sqlite3.Connection:
    """A connection of our own: it sees exactly what the app has committed."""
    return sqlite3.connect(str(path), timeout=30, isolation_level=None)


def build(path: Path, vectors: str = "placeholder") -> None:
    """The bundled sample corpus with the bundled model's suggestions, as ``annotator demo``
    builds it. ``vectors``: "computed" embeds every sentence for semantic matching (half a
    minute on two cores), "placeholder" caches a unit vector per sentence instead (matching is
    not what the harness tests, and no window then spends its CPU on embeddings), "none"
    leaves the window's background worker to compute them while the session runs."""
    from annotator.app.importing import import_files
    from annotator.app.matching import embed_missing, store_vectors
    from annotator.app.samples import sample_corpus_dir
    from annotator.app.suggesting import suggest_entities_for
    from annotator.nlp import semantic
    from annotator.nlp.suggester import Pipeline, Suggester
    from annotator.store import Project

    with Project.open(path) as project:
        report = import_files(project, [sample_corpus_dir()])
        suggest_entities_for(project, report.imported, Suggester(Pipeline()))
        if vectors == "computed":
            embed_missing(project)
        elif vectors == "placeholder" and semantic.available():
            import numpy as np

            todo = project.matching.missing_vectors(semantic.model_name())
            store_vectors(project, [(s.id, np.eye(1, semantic.DIM, s.id % semantic.DIM,
                                                  dtype=np.float32).tobytes()) for s in todo])
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
