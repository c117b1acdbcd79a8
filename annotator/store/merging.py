"""Merging another project file into this one (docs/annotators.md, "Working apart: merge"):
the file attached read-only as ``src``, its rows brought over with ``INSERT … SELECT``
through temporary maps of its ids to this project's (``merge_*`` tables).

Articles are the same by content hash, annotators and sources by name, models by name and
version, suggestions by article, model, layer, label and offsets. An annotator's version of
an article (a ``versions`` row and their rows on the article) is brought whole when this
project has none; when it has one, the same content changes nothing and different content is
a conflict (``store/merge_versions.py``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from annotator.core.names import IMPORT_ANNOTATOR
from annotator.store import files
from annotator.store.files import ProjectError
from annotator.store.merge_versions import Conflict, classify, drop_replaced

if TYPE_CHECKING:
    from sqlite_utils import Database

_TEMP = ("merge_art", "merge_who", "merge_src", "merge_model", "merge_ver", "merge_sug",
         "merge_ann", "merge_grp")


class Merged(Struct):
    """What merging one file did: articles added, versions brought (``replaced``: of them,
    versions of ours the file's replaced), versions the same here already, conflicts (ours
    kept unless the file's was preferred), rows of annotators without a version there (not
    brought: no version)."""

    articles: int = 0
    versions: int = 0
    replaced: int = 0
    same: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    outside: int = 0


def check_source(path: Path, target: Path) -> None:
    """Refuse (ProjectError naming the file) what cannot be merged: no file, the target
    itself, no project, a damaged one, one of another schema version."""
    if not path.is_file():
        raise ProjectError(f"{path}: no such project file")
    if path.resolve() == target.resolve():
        raise ProjectError(f"{path}: is the project merged into")
    found = files.recognise(path)
    if found.version != files.latest_version():
        raise ProjectError(
            f"{path}: schema version {found.version}, this version of annotator uses "
            f"{files.latest_version()}; nothing was merged from it; upgrade it first with "
            f"'annotator upgrade {path}' (it keeps a copy of the file as it was)")


def merge_file(db: Database, path: Path, prefer_source: bool = False) -> Merged:
    """Bring the file's versions, articles, sources, groups into ``db`` in one transaction
    (nothing when it fails); conflicts keep ours unless ``prefer_source``."""
    how = "mode=ro" if Path(f"{path.resolve()}-wal").exists() else "mode=ro&immutable=1"
    try:
        db.execute("ATTACH DATABASE ? AS src", [f"{path.resolve().as_uri()}?{how}"])
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot be read ({exc}); nothing was merged from it"
                           ) from exc
    try:
        with db.atomic():
            return _merge(db, prefer_source)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot be merged ({exc}); nothing was merged from it"
                           ) from exc
    finally:
        for table in _TEMP:
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")
        db.execute("DETACH DATABASE src")


def _merge(db: Database, prefer_source: bool) -> Merged:
    done = Merged()
    done.articles = _articles(db)
    _by_name(db)
    done.conflicts, done.same, done.replaced, done.versions = classify(db, prefer_source)
    drop_replaced(db)
    _suggestions(db)
    _annotations(db)
    _links_and_decisions(db)
    _groups(db)
    db.execute("""INSERT INTO main.versions (article_id, annotator_id, status, started_at,
        status_changed_at) SELECT v.dst_article, v.dst_who, s.status, s.started_at,
        s.status_changed_at FROM merge_ver v JOIN src.versions s ON s.article_id = v.article
        AND s.annotator_id = v.who WHERE v.bring""")
    done.outside = db.execute(f"""SELECT count(*) FROM src.annotations n
        JOIN src.annotators w ON w.id = n.annotator_id WHERE w.name != '{IMPORT_ANNOTATOR}'
        AND NOT EXISTS (SELECT 1 FROM src.versions v WHERE v.article_id = n.article_id
        AND v.annotator_id = n.annotator_id)""").fetchone()[0]
    return done


def _next(db: Database, table: str) -> int:
    """The highest id ``table`` ever gave (its AUTOINCREMENT sequence too)."""
    return db.execute(
        f"""SELECT max(coalesce((SELECT max(id) FROM main.{table}), 0),
        coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = '{table}'), 0))"""
    ).fetchone()[0]


def _columns(db: Database, table: str) -> list[str]:
    return [f'"{r[1]}"' for r in db.execute(f"PRAGMA main.table_info({table})") if r[1] != "id"]


def _articles(db: Database) -> int:
    """Map the file's articles to ours by hash; add those we lack (text, details, status,
    sentences, or zones still to be found; the full-text index follows by its trigger). How
    many were added."""
    base = _next(db, "articles")
    db.execute("CREATE TEMP TABLE merge_art (src INTEGER PRIMARY KEY, dst INTEGER, new INTEGER)")
    db.execute(f"""INSERT INTO merge_art SELECT src, coalesce(found,
        {base} + row_number() OVER (PARTITION BY found IS NULL ORDER BY src)), found IS NULL
        FROM (SELECT s.id AS src, t.id AS found FROM src.articles s
              LEFT JOIN main.articles t ON t.hash = s.hash)""")
    columns = ", ".join(_columns(db, "articles"))
    added = db.execute(f"""INSERT INTO main.articles (id, {columns}) SELECT m.dst, {columns}
        FROM src.articles s JOIN merge_art m ON m.src = s.id WHERE m.new ORDER BY m.dst"""
                       ).rowcount
    db.execute("""INSERT INTO main.sentences (article_id, start, "end")
        SELECT m.dst, s.start, s."end" FROM src.sentences s JOIN merge_art m
        ON m.src = s.article_id WHERE m.new ORDER BY s.id""")
    db.execute("""INSERT INTO main.zones_pending (article_id, guessed) SELECT m.dst, p.guessed
        FROM src.zones_pending p JOIN merge_art m ON m.src = p.article_id WHERE m.new""")
    return added


def _by_name(db: Database) -> None:
    """Annotators and sources by name (sources ignoring case), models by name and version:
    ours stay as they are, the file's we lack are added."""
    db.execute("""INSERT INTO main.annotators (name, created_at) SELECT name, created_at
        FROM src.annotators s WHERE NOT EXISTS (SELECT 1 FROM main.annotators t
        WHERE t.name = s.name) ORDER BY id""")
    _map(db, "merge_who", """SELECT s.id, t.id FROM src.annotators s
        JOIN main.annotators t ON t.name = s.name""")
    db.execute("""INSERT INTO main.sources (name, kind, aliases, created_at)
        SELECT name, kind, aliases, created_at FROM src.sources s WHERE NOT EXISTS (
        SELECT 1 FROM main.sources t WHERE lower(t.name) = lower(s.name)) ORDER BY id""")
    _map(db, "merge_src", """SELECT s.id, min(t.id) FROM src.sources s
        JOIN main.sources t ON lower(t.name) = lower(s.name) GROUP BY s.id""")
    db.execute("""INSERT INTO main.models (name, version, path, added_at)
        SELECT name, version, path, added_at FROM src.models s WHERE NOT EXISTS (
        SELECT 1 FROM main.models t WHERE t.name = s.name AND t.version = s.version)
        ORDER BY id""")
    _map(db, "merge_model", """SELECT s.id, t.id FROM src.models s
        JOIN main.models t ON t.name = s.name AND t.version = s.version""")


def _map(db: Database, table: str, select: str) -> None:
    """A map of the file's ids to ours: ``select`` gives (src, dst) rows."""
    db.execute(f"CREATE TEMP TABLE {table} (src INTEGER PRIMARY KEY, dst INTEGER)")
    db.execute(f"INSERT INTO {table} {select}")


def _suggestions(db: Database) -> None:
    """Map the file's suggestions to ours; add those we lack of the articles added and those
    the versions brought decided or accepted."""
    base = _next(db, "suggestions")
    db.execute("CREATE TEMP TABLE merge_sug (src INTEGER PRIMARY KEY, dst INTEGER, new INTEGER)")
    db.execute(f"""INSERT INTO merge_sug SELECT src, coalesce(found,
        {base} + row_number() OVER (PARTITION BY found IS NULL ORDER BY src)), found IS NULL
        FROM (SELECT s.id AS src, (SELECT min(t.id) FROM main.suggestions t
              WHERE t.article_id = a.dst AND t.model_id = m.dst AND t.layer = s.layer
              AND t.label = s.label AND t.start = s.start AND t."end" = s."end") AS found
              FROM src.suggestions s JOIN merge_art a ON a.src = s.article_id
              JOIN merge_model m ON m.src = s.model_id)""")
    db.execute("""DELETE FROM merge_sug WHERE new AND src NOT IN (
        SELECT s.id FROM src.suggestions s JOIN merge_art a ON a.src = s.article_id
        WHERE a.new)
        AND src NOT IN (SELECT d.suggestion_id FROM src.suggestion_decisions d
            JOIN src.suggestions s ON s.id = d.suggestion_id
            JOIN merge_ver v ON v.article = s.article_id AND v.who = d.annotator_id
            WHERE v.bring)
        AND src NOT IN (SELECT n.suggestion_id FROM src.annotations n
            JOIN merge_ver v ON v.article = n.article_id AND v.who = n.annotator_id
            WHERE v.bring AND n.suggestion_id IS NOT NULL)""")
    db.execute("""INSERT INTO main.suggestions (id, article_id, model_id, layer, label, start,
        "end", score, created_at) SELECT g.dst, a.dst, m.dst, s.layer, s.label, s.start,
        s."end", s.score, s.created_at FROM merge_sug g JOIN src.suggestions s ON s.id = g.src
        JOIN merge_art a ON a.src = s.article_id JOIN merge_model m ON m.src = s.model_id
        WHERE g.new ORDER BY g.dst""")


def _annotations(db: Database) -> None:
    """The annotations of the versions brought, and the imported layer of the articles added,
    with new ids; the imported spans of articles we have mapped to ours (for ``copy_of``)."""
    base = _next(db, "annotations")
    db.execute("CREATE TEMP TABLE merge_ann (src INTEGER PRIMARY KEY, dst INTEGER, new INTEGER)")
    db.execute(f"""INSERT INTO merge_ann SELECT id, {base} + row_number() OVER (ORDER BY id), 1
        FROM (SELECT n.id FROM merge_ver v JOIN src.annotations n ON n.article_id = v.article
              AND n.annotator_id = v.who WHERE v.bring
              UNION ALL SELECT n.id FROM merge_art a JOIN src.annotations n
              ON n.article_id = a.src WHERE a.new AND n.annotator_id IN (
                  SELECT id FROM src.annotators WHERE name = '{IMPORT_ANNOTATOR}'))""")
    db.execute(f"""INSERT OR IGNORE INTO merge_ann SELECT n.id, (SELECT min(t.id)
        FROM main.annotations t WHERE t.article_id = a.dst AND t.layer = n.layer
        AND t.label = n.label AND t.start = n.start AND t."end" = n."end"
        AND t.annotator_id = w.dst), 0
        FROM src.annotations n JOIN merge_art a ON a.src = n.article_id AND NOT a.new
        JOIN merge_who w ON w.src = n.annotator_id
        JOIN src.annotators o ON o.id = n.annotator_id AND o.name = '{IMPORT_ANNOTATOR}'""")
    db.execute("""INSERT INTO main.annotations (id, article_id, layer, label, start, "end",
        annotator_id, suggestion_id, attrs, created_at, updated_at, canonical_source_id,
        copy_of) SELECT m.dst, a.dst, n.layer, n.label, n.start, n."end", w.dst,
        (SELECT dst FROM merge_sug WHERE src = n.suggestion_id), n.attrs, n.created_at,
        n.updated_at, (SELECT dst FROM merge_src WHERE src = n.canonical_source_id),
        (SELECT dst FROM merge_ann WHERE src = n.copy_of)
        FROM merge_ann m JOIN src.annotations n ON n.id = m.src
        JOIN merge_art a ON a.src = n.article_id JOIN merge_who w ON w.src = n.annotator_id
        WHERE m.new ORDER BY m.src""")


def _links_and_decisions(db: Database) -> None:
    """The links between annotations brought; the decisions of the versions brought (and of
    the imported layer, on articles added)."""
    db.execute("""INSERT INTO main.links (from_id, to_id, kind, annotator_id, attrs,
        created_at) SELECT f.dst, t.dst, l.kind, w.dst, l.attrs, l.created_at
        FROM src.links l JOIN merge_ann f ON f.src = l.from_id AND f.new
        JOIN merge_ann t ON t.src = l.to_id AND t.new JOIN merge_who w ON w.src = l.annotator_id
        ORDER BY l.id""")
    db.execute(f"""INSERT INTO main.suggestion_decisions (suggestion_id, decision,
        annotator_id, decided_at) SELECT g.dst, d.decision, w.dst, d.decided_at
        FROM src.suggestion_decisions d JOIN src.suggestions s ON s.id = d.suggestion_id
        JOIN merge_sug g ON g.src = d.suggestion_id JOIN merge_who w ON w.src = d.annotator_id
        WHERE EXISTS (SELECT 1 FROM merge_ver v WHERE v.article = s.article_id
            AND v.who = d.annotator_id AND v.bring)
        OR d.annotator_id IN (SELECT id FROM src.annotators WHERE name = '{IMPORT_ANNOTATOR}')
            AND s.article_id IN (SELECT src FROM merge_art WHERE new)""")


def _groups(db: Database) -> None:
    """The memberships of the claims brought. A group of the file joins ours when a claim of
    it is, here, a member of one of ours (the same article and offsets, anybody's); else it
    is added with its title, note and (when brought) holding claim."""
    db.execute("CREATE TEMP TABLE merge_grp (src INTEGER PRIMARY KEY, dst INTEGER, new INTEGER)")
    db.execute("""INSERT INTO merge_grp (src, dst, new) SELECT m.group_id, min(tm.group_id), 0
        FROM src.claim_group_members m JOIN src.annotations n ON n.id = m.annotation_id
        JOIN merge_art a ON a.src = n.article_id
        JOIN main.annotations t ON t.article_id = a.dst AND t.layer = n.layer
            AND t.start = n.start AND t."end" = n."end"
        JOIN main.claim_group_members tm ON tm.annotation_id = t.id
        WHERE m.group_id IN (SELECT x.group_id FROM src.claim_group_members x
            JOIN merge_ann b ON b.src = x.annotation_id AND b.new)
        GROUP BY m.group_id""")
    base = _next(db, "claim_groups")
    db.execute(f"""INSERT INTO merge_grp (src, dst, new) SELECT group_id,
        {base} + row_number() OVER (ORDER BY group_id), 1 FROM (
        SELECT DISTINCT x.group_id FROM src.claim_group_members x
        JOIN merge_ann b ON b.src = x.annotation_id AND b.new
        WHERE x.group_id NOT IN (SELECT src FROM merge_grp))""")
    db.execute("""INSERT INTO main.claim_groups (id, title, note, holding_id, created_at,
        updated_at) SELECT m.dst, g.title, g.note,
        (SELECT dst FROM merge_ann WHERE src = g.holding_id), g.created_at,
        g.updated_at FROM merge_grp m JOIN src.claim_groups g ON g.id = m.src
        WHERE m.new ORDER BY m.dst""")
    db.execute("""INSERT INTO main.claim_group_members (group_id, annotation_id, value, stance,
        annotator_id, added_at) SELECT g.dst, b.dst, x.value, x.stance, w.dst, x.added_at
        FROM src.claim_group_members x JOIN merge_ann b ON b.src = x.annotation_id AND b.new
        JOIN merge_grp g ON g.src = x.group_id JOIN merge_who w ON w.src = x.annotator_id""")
