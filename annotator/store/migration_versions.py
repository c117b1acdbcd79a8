"""Schema version 10: each annotator's own version of an article (docs/annotators.md).

Until version 9 every annotator worked on one shared layer with one status per article. The
upgrade keeps every row with the annotator who made it and gives each person a version of the
articles they worked on:

- a version (a ``versions`` row) for every annotator other than ``import`` who has an
  annotation, link, decision or group membership on the article, with the article's status
  (``new`` becomes ``in_progress``: they worked on it);
- an article in progress or done on which no person has a row (the imported spans reviewed
  as they were) becomes a version, with its status, of every person who has rows anywhere:
  they shared the one layer, and nothing tells who set the status;
- each version starts as the shared layer did: the imported spans of the article are copied
  into it (``copy_of`` names the original), with their links, group memberships and the
  imported decisions; the person's own links and memberships that pointed at an imported span
  point at their copy of it.

Kept apart from schema.py (its length) and from the store's own copy (store/versions.py): a
migration never changes once released.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_TABLES = [
    """CREATE TABLE versions (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators (id),
        status TEXT NOT NULL CHECK (status IN ('in_progress', 'done')),
        started_at TEXT NOT NULL,
        status_changed_at TEXT NOT NULL,
        PRIMARY KEY (article_id, annotator_id)
    ) WITHOUT ROWID""",
    # the list's status filter and the status bar's counts for one annotator
    "CREATE INDEX idx_versions_status ON versions (annotator_id, status, article_id)",
    "ALTER TABLE annotations ADD COLUMN copy_of INTEGER",
    """CREATE TABLE _new_suggestion_decisions (
        suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        annotator_id INTEGER NOT NULL REFERENCES annotators (id),
        decided_at TEXT NOT NULL,
        PRIMARY KEY (suggestion_id, annotator_id)
    ) WITHOUT ROWID""",
    """INSERT INTO _new_suggestion_decisions (suggestion_id, decision, annotator_id, decided_at)
       SELECT suggestion_id, decision, annotator_id, decided_at FROM suggestion_decisions""",
    "DROP TABLE suggestion_decisions",
    "ALTER TABLE _new_suggestion_decisions RENAME TO suggestion_decisions",
]

# (article, annotator) of every row a person made, in the tables that hold their work
_TOUCHED = """CREATE TEMP TABLE touched AS SELECT DISTINCT article_id, annotator_id FROM (
    SELECT article_id, annotator_id FROM annotations
    UNION ALL SELECT n.article_id, l.annotator_id FROM links l
        JOIN annotations n ON n.id = l.from_id
    UNION ALL SELECT s.article_id, d.annotator_id FROM suggestion_decisions d
        JOIN suggestions s ON s.id = d.suggestion_id
    UNION ALL SELECT n.article_id, m.annotator_id FROM claim_group_members m
        JOIN annotations n ON n.id = m.annotation_id
) WHERE annotator_id != ?"""

_STAMP = "coalesce(a.status_changed_at, a.imported_at)"


def upgrade(db: Database) -> None:
    """The steps above, in the caller's transaction."""
    for statement in _TABLES:
        db.execute(statement)
    row = db.execute("SELECT id FROM annotators WHERE name = 'import'").fetchone()
    imported = row[0] if row else -1
    db.execute(_TOUCHED, [imported])
    db.execute(f"""INSERT INTO versions SELECT t.article_id, t.annotator_id,
        CASE a.status WHEN 'done' THEN 'done' ELSE 'in_progress' END, {_STAMP}, {_STAMP}
        FROM touched t JOIN articles a ON a.id = t.article_id""")
    db.execute(f"""INSERT INTO versions SELECT a.id, p.annotator_id, a.status, {_STAMP}, {_STAMP}
        FROM articles a, (SELECT DISTINCT annotator_id FROM touched) p
        WHERE a.status != 'new' AND a.id NOT IN (SELECT article_id FROM touched)""")
    db.execute("DROP TABLE touched")
    for article_id, person in db.execute(
            """SELECT v.article_id, v.annotator_id FROM versions v WHERE EXISTS (
               SELECT 1 FROM annotations n WHERE n.article_id = v.article_id
               AND n.annotator_id = ?) ORDER BY v.article_id, v.annotator_id""",
            [imported]).fetchall():
        _copy(db, article_id, imported, person)


def _copy(db: Database, article_id: int, imported: int, person: int) -> None:
    """The imported layer of one article copied into a person's version."""
    copies: dict[int, int] = {}
    for old, *values in db.execute(
            """SELECT id, layer, label, start, "end", suggestion_id, attrs, created_at,
               updated_at, canonical_source_id FROM annotations
               WHERE article_id = ? AND annotator_id = ? ORDER BY id""",
            [article_id, imported]).fetchall():
        copies[old] = int(db.execute(
            """INSERT INTO annotations (layer, label, start, "end", suggestion_id, attrs,
               created_at, updated_at, canonical_source_id, article_id, annotator_id, copy_of)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [*values, article_id, person, old]).lastrowid or 0)
    moved = [(new, old, person) for old, new in copies.items()]
    conn = db.conn
    conn.executemany("UPDATE links SET from_id = ? WHERE from_id = ? AND annotator_id = ?", moved)
    conn.executemany("UPDATE links SET to_id = ? WHERE to_id = ? AND annotator_id = ?", moved)
    conn.executemany("UPDATE claim_group_members SET annotation_id = ? "
                     "WHERE annotation_id = ? AND annotator_id = ?", moved)
    for from_id, to_id, kind, attrs, created in db.execute(
            """SELECT l.from_id, l.to_id, l.kind, l.attrs, l.created_at FROM links l
               JOIN annotations n ON n.id = l.from_id
               WHERE n.article_id = ? AND l.annotator_id = ?""",
            [article_id, imported]).fetchall():
        if from_id in copies and to_id in copies:
            db.execute("INSERT OR IGNORE INTO links (from_id, to_id, kind, annotator_id, attrs, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                       [copies[from_id], copies[to_id], kind, person, attrs, created])
    for group_id, claim, value, stance, added in db.execute(
            """SELECT m.group_id, m.annotation_id, m.value, m.stance, m.added_at
               FROM claim_group_members m JOIN annotations n ON n.id = m.annotation_id
               WHERE n.article_id = ? AND n.annotator_id = ? AND m.annotator_id = ?""",
            [article_id, imported, imported]).fetchall():
        db.execute("INSERT OR IGNORE INTO claim_group_members (group_id, annotation_id, value, "
                   "stance, annotator_id, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                   [group_id, copies[claim], value, stance, person, added])
    db.execute("""INSERT OR IGNORE INTO suggestion_decisions
        SELECT d.suggestion_id, d.decision, ?, d.decided_at FROM suggestion_decisions d
        JOIN suggestions s ON s.id = d.suggestion_id
        WHERE s.article_id = ? AND d.annotator_id = ?""", [person, article_id, imported])
