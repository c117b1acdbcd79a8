"""The project file's schema, one sqlite-utils migration per step; docs/schema.md describes it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.core.zones import ZONE_COLOR, ZONE_LABELS
from annotator.store.connection import Migrations
from annotator.store.migration_versions import upgrade as versions_upgrade
from annotator.store.zones_pending import create_table as create_pending_table

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("annotator")  # sqlite-utils' own, made when a migration is due


@migrations()
def m001_initial(db: Database) -> None:
    """Articles, suggestions, layered annotations, links, labels, annotators, settings."""
    for statement in _INITIAL:
        db.execute(statement)


_INITIAL = [
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        outlet TEXT,
        author TEXT,
        url TEXT,
        published TEXT,
        language TEXT NOT NULL DEFAULT 'de',
        meta TEXT NOT NULL DEFAULT '{}',
        source_path TEXT,
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done')),
        status_changed_at TEXT,
        imported_at TEXT NOT NULL,
        char_count INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX idx_articles_status ON articles (status)",
    "CREATE INDEX idx_articles_published ON articles (published)",
    "CREATE INDEX idx_articles_source_path ON articles (source_path)",
    """CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        path TEXT,
        added_at TEXT NOT NULL,
        UNIQUE (name, version)
    )""",
    """CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
        layer TEXT NOT NULL DEFAULT 'entity',
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        score REAL,
        created_at TEXT NOT NULL,
        CHECK (0 <= start AND start < "end")
    )""",
    "CREATE INDEX idx_suggestions_article ON suggestions (article_id, model_id)",
    """CREATE TABLE annotators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        layer TEXT NOT NULL CHECK (layer IN ('entity', 'claim', 'source')),
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        annotator_id INTEGER NOT NULL REFERENCES annotators (id),
        suggestion_id INTEGER REFERENCES suggestions (id) ON DELETE SET NULL,
        attrs TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (0 <= start AND start < "end")
    )""",
    "CREATE INDEX idx_annotations_article ON annotations (article_id, layer)",
    """CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        from_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        to_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        annotator_id INTEGER NOT NULL REFERENCES annotators (id),
        attrs TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        UNIQUE (from_id, to_id, kind)
    )""",
    "CREATE INDEX idx_links_to ON links (to_id)",
    """CREATE TABLE labels (
        layer TEXT NOT NULL,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        shortcut TEXT,
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (layer, name)
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
    )""",
]


DEFAULT_LABELS = [
    # layer, name, colour, shortcut, description
    ("entity", "PER", "#ffd54f", "1", "Person"),
    ("entity", "LOC", "#81d4fa", "2", "Place: country, city, region"),
    ("entity", "ORG", "#a5d6a7", "3", "Organisation: party, ministry, company, agency"),
    ("entity", "MISC", "#ce93d8", "4", "Other names: events, laws, products"),
    ("claim", "CLAIM", "#e53935", "c", "A span that asserts something"),
    ("source", "SOURCE", "#3949ab", "s", "Who is cited: person, agency, newspaper, official"),
]


@migrations()
def m002_default_labels(db: Database) -> None:
    """The label scheme a new project starts with (German NER labels, claim, source); a label
    that an earlier import added already stays as it is."""
    db.table("labels").insert_all(
        ({"layer": la, "name": n, "color": c, "shortcut": k, "description": d, "position": i}
         for i, (la, n, c, k, d) in enumerate(DEFAULT_LABELS)),
        ignore=True,
    )


@migrations()
def m003_decisions_and_search(db: Database) -> None:
    """Accept/reject decisions on suggestions, and FTS5 full-text search over articles."""
    for statement in _DECISIONS_AND_SEARCH:
        db.execute(statement)


_DECISIONS_AND_SEARCH = [
    """CREATE TABLE suggestion_decisions (
        suggestion_id INTEGER PRIMARY KEY REFERENCES suggestions (id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        annotator_id INTEGER NOT NULL REFERENCES annotators (id),
        decided_at TEXT NOT NULL
    )""",
    # External-content FTS5: the text is stored once, in articles. Status changes do not touch
    # the index, since the update trigger fires only for title or text.
    """CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
]


@migrations()
def m004_list_indexes(db: Database) -> None:
    """Narrow indexes so that counts and row positions in a 100,000-article list stay cheap."""
    for statement in [
        # count(*) over the rowid walks the wide table pages; a one-column index is ~10x faster
        "CREATE INDEX idx_articles_id ON articles (id)",
        "DROP INDEX idx_articles_status",
        "CREATE INDEX idx_articles_status ON articles (status, id)",
        "CREATE INDEX idx_annotations_label ON annotations (label, article_id)",
        "CREATE INDEX idx_suggestions_label ON suggestions (label, article_id)",
    ]:
        db.execute(statement)


@migrations()
def m005_sources_and_claim_groups(db: Database) -> None:
    """The source registry, and claim groups: the points in dispute across articles."""
    for statement in [
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'other',
            aliases TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL
        )""",
        """ALTER TABLE annotations ADD COLUMN canonical_source_id INTEGER
           REFERENCES sources (id) ON DELETE SET NULL""",
        "CREATE INDEX idx_annotations_canonical ON annotations (canonical_source_id)",
        """CREATE TABLE claim_groups (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            holding_id INTEGER REFERENCES annotations (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE claim_group_members (
            group_id INTEGER NOT NULL REFERENCES claim_groups (id) ON DELETE CASCADE,
            annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
            value TEXT NOT NULL DEFAULT '',
            stance TEXT NOT NULL DEFAULT '',
            annotator_id INTEGER NOT NULL REFERENCES annotators (id),
            added_at TEXT NOT NULL,
            PRIMARY KEY (group_id, annotation_id)
        )""",
        "CREATE INDEX idx_members_annotation ON claim_group_members (annotation_id)",
    ]:
        db.execute(statement)


@migrations()
def m006_sentences_and_match_decisions(db: Database) -> None:
    """Sentence index, confirmed or rejected match candidates, cached sentence embeddings."""
    for statement in [
        # AUTOINCREMENT: ids never come back, so (count, max id) tells whether the set changed.
        """CREATE TABLE sentences (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            CHECK (0 <= start AND start < "end"),
            UNIQUE (article_id, start)
        )""",
        # A query or candidate is a span of an article (text via substr); the claim or sentence
        # it was shown as is kept while it exists.
        """CREATE TABLE match_decisions (
            id INTEGER PRIMARY KEY,
            query_article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            query_start INTEGER NOT NULL,
            query_end INTEGER NOT NULL,
            query_annotation_id INTEGER REFERENCES annotations (id) ON DELETE SET NULL,
            query_sentence_id INTEGER REFERENCES sentences (id) ON DELETE SET NULL,
            candidate_article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            candidate_start INTEGER NOT NULL,
            candidate_end INTEGER NOT NULL,
            candidate_annotation_id INTEGER REFERENCES annotations (id) ON DELETE SET NULL,
            candidate_sentence_id INTEGER REFERENCES sentences (id) ON DELETE SET NULL,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
            method TEXT NOT NULL DEFAULT '',
            annotator_id INTEGER NOT NULL REFERENCES annotators (id),
            decided_at TEXT NOT NULL,
            CHECK (query_start < query_end AND candidate_start < candidate_end),
            UNIQUE (query_article_id, query_start, query_end,
                    candidate_article_id, candidate_start, candidate_end)
        )""",
        """CREATE TABLE sentence_vectors (
            sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (sentence_id, model)
        )""",
    ]:
        db.execute(statement)


# Tables whose rows undo deletes and restores: their ids must never be handed out again.
NEVER_REUSED = ["models", "suggestions", "annotators", "annotations", "links", "sources",
                "claim_groups", "match_decisions"]


@migrations(transactional=False)
def m007_ids_never_reused(db: Database) -> None:
    """Row ids are never handed out again (AUTOINCREMENT), so undo acts on the row it made.

    Without AUTOINCREMENT SQLite gives a deleted highest id to the next row, and an undo that
    removes "its" span by id removes another window's or a worker's span. SQLite can only set
    AUTOINCREMENT when a table is created, so each table is rebuilt: foreign keys off (a DROP
    with them on would cascade), one transaction, checked before commit. Articles are never
    deleted, so their table (with the full-text index on it) stays as it is.
    """
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for table in NEVER_REUSED:
                _rebuild_with_autoincrement(db, table)
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"foreign keys broken by the rebuild: {broken[:5]}")
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def _rebuild_with_autoincrement(db: Database, table: str) -> None:
    sql = _table_sql(db, table)
    if "AUTOINCREMENT" in sql:
        return
    new_sql, n = re.subn(r"\bid INTEGER PRIMARY KEY\b", "id INTEGER PRIMARY KEY AUTOINCREMENT",
                         sql, count=1)
    if n != 1:
        raise RuntimeError(f"{table}: no integer id column to rebuild")
    _rebuild(db, table, new_sql)


def _table_sql(db: Database, table: str) -> str:
    return db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [table]).fetchone()[0]


def _rebuild(db: Database, table: str, new_sql: str) -> None:
    """Make ``table`` anew from ``new_sql`` with its rows and indexes (foreign keys off)."""
    indexes = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        [table]).fetchall()]
    staging = f"_new_{table}"
    # after a rename SQLite keeps the name quoted: CREATE TABLE "annotations"
    db.execute(re.sub(rf'^CREATE TABLE "?{table}"?', f"CREATE TABLE {staging}", new_sql))
    db.execute(f"INSERT INTO {staging} SELECT * FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {staging} RENAME TO {table}")
    for index in indexes:
        db.execute(index)


_ANNOTATION_LAYERS = "layer IN ('entity', 'claim', 'source')"


@migrations(transactional=False)
def m008_structure_zones(db: Database) -> None:
    """Zones: the ``structure`` layer (annotations accept it, its labels join the scheme), and
    ``articles.edited``, the metadata fields a person set (never overwritten by a re-run).

    The layer check is part of the annotations table, so the table is rebuilt as m007 did.
    """
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            sql = _table_sql(db, "annotations")
            if _ANNOTATION_LAYERS not in sql:
                raise RuntimeError("annotations: the layer check is not the one expected")
            _rebuild(db, "annotations", sql.replace(
                _ANNOTATION_LAYERS, "layer IN ('entity', 'claim', 'source', 'structure')"))
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"foreign keys broken by the rebuild: {broken[:5]}")
            db.execute("ALTER TABLE articles ADD COLUMN edited TEXT NOT NULL DEFAULT '[]'")
            first = db.execute("SELECT coalesce(max(position), 0) + 1 FROM labels").fetchone()[0]
            db.table("labels").insert_all(
                ({"layer": "structure", "name": name, "color": ZONE_COLOR, "shortcut": None,
                  "description": what, "position": first + i}
                 for i, (name, what) in enumerate(ZONE_LABELS.items())),
                ignore=True)
    finally:
        db.execute("PRAGMA foreign_keys = ON")


@migrations()
def m009_one_group_per_claim(db: Database) -> None:
    """A claim is in one claim group at most: groups that share a claim are merged first, then
    a unique index keeps it so."""
    _merge_shared_groups(db)
    db.execute("DROP INDEX IF EXISTS idx_members_annotation")
    db.execute("CREATE UNIQUE INDEX idx_members_one_group ON claim_group_members (annotation_id)")


def _merge_shared_groups(db: Database) -> None:
    """Groups linked by shared claims become their oldest group: its title, every claim (the
    oldest group's value and stance where both had the claim), the notes one after the other,
    its holding claim or else the first one another group had."""
    parent: dict[int, int] = {}

    def root(g: int) -> int:
        while parent.get(g, g) != g:
            g = parent[g]
        return g

    for a, b in db.execute(
            "SELECT a.group_id, b.group_id FROM claim_group_members a JOIN claim_group_members b"
            " ON a.annotation_id = b.annotation_id AND a.group_id < b.group_id").fetchall():
        ra, rb = sorted((root(a), root(b)))
        parent[rb] = ra
    for merged in sorted(g for g in parent if root(g) != g):
        keep = root(merged)
        db.execute("DELETE FROM claim_group_members WHERE group_id = ? AND annotation_id IN "
                   "(SELECT annotation_id FROM claim_group_members WHERE group_id = ?)",
                   [merged, keep])
        db.execute("UPDATE claim_group_members SET group_id = ? WHERE group_id = ?",
                   [keep, merged])
        note, holding = db.execute("SELECT note, holding_id FROM claim_groups WHERE id = ?",
                                   [merged]).fetchone()
        db.execute("""UPDATE claim_groups SET
            note = CASE WHEN note = '' THEN ? WHEN ? = '' THEN note ELSE note || char(10) || ? END,
            holding_id = coalesce(holding_id, ?) WHERE id = ?""", [note, note, note, holding, keep])
        db.execute("DELETE FROM claim_groups WHERE id = ?", [merged])


@migrations()
def m010_annotator_versions(db: Database) -> None:
    """Each annotator's own version of an article: ``versions`` (status per article and
    annotator), decisions per suggestion and annotator, ``annotations.copy_of``; the shared
    layer of older projects becomes the versions of those who worked on it
    (store/migration_versions.py)."""
    versions_upgrade(db)



@migrations()
def m011_zones_pending(db: Database) -> None:
    """Articles whose zones are still to be found (store/zones_pending.py)."""
    create_pending_table(db)
