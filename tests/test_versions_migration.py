"""Upgrading a project of schema version 9 (one shared layer) to each annotator's own version:
every row stays with who made it, each person gets a version of the articles they worked on,
starting from the imported spans as the shared layer showed them; nobody else gets one."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from annotator.core.model import ArticleFilter, Layer, Status
from annotator.store import Project

FIXTURES = Path(__file__).parent / "data" / "schemas"
_spec = importlib.util.spec_from_file_location("make_schemas", FIXTURES / "make.py")
assert _spec and _spec.loader
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)
FIRST, SECOND = make.TEXTS


def test_the_v9_fixture_becomes_marias_versions(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    shutil.copyfile(FIXTURES / "v9.db", path)
    with Project.open(path) as project:
        assert project.upgrade is not None and project.upgrade.from_version == 9
        assert project.version_counts() == {"maria": {Status.IN_PROGRESS: 1, Status.DONE: 1}}
        assert project.article_status(1, "maria") is Status.IN_PROGRESS
        assert project.article_status(2, "maria") is Status.DONE
        assert project.article_status(2, "import") is Status.NEW
        # article 2 had the imported LOC beside maria's claim: her version has both
        mine = project.annotations(2, annotator="maria")
        assert [(a.label, SECOND[a.start:a.end], a.annotator, a.copy_of) for a in mine] == [
            ("CLAIM", "am Donnerstag", "maria", None), ("LOC", "Prag", "maria", 4)]
        assert [a.id for a in project.annotations(2, annotator="import")] == [4]
        assert project.annotations(2) == mine  # the project's view: no span twice
        assert {a.id for a in project.annotations(1, annotator="maria")} == {1, 2, 3}
        assert project.decisions(1, "maria") == {1: "accepted", 2: "rejected"}
        assert project.suggestions(1, open_only=True, annotator="jonas") != []
        [group] = project.claims.groups(annotator="maria")
        assert {m.annotation_id for m in group.members} == {2, 5} and group.disputed
        assert project.claims.groups(annotator="jonas") == []
        assert project.count_articles(ArticleFilter(status=Status.DONE, annotator="maria")) == 1
        assert project.count_articles(ArticleFilter(status=Status.NEW, annotator="jonas")) == 2


def _legacy(path: Path) -> None:
    """A v9 project with more in it: a second person (jonas) on article 1; article 3, done,
    with only imported spans, one linked to another and with a decision; article 4 new and
    untouched; maria's link from her claim on article 2 to the imported LOC there."""
    make.make(9, path)
    with closing(sqlite3.connect(path)) as conn, conn:
        stamp = make.STAMP
        run = conn.execute
        run("INSERT INTO annotators (id, name, created_at) VALUES (3, 'jonas', ?)", [stamp])
        run("""INSERT INTO annotations (id, article_id, layer, label, start, "end", annotator_id,
               attrs, created_at, updated_at) VALUES (6, 1, 'entity', 'LOC', ?, ?, 3, '{}', ?, ?)
            """, [FIRST.index("Dresden"), FIRST.index("Dresden") + 7, stamp, stamp])
        for n, status in ((3, "done"), (4, "new")):
            text = f"Meldung {n}\n\nDie Stadt Riesa baut eine Brücke über die Elbe."
            run("""INSERT INTO articles (id, hash, title, status, imported_at, char_count, text)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [n, f"h{n}", f"Meldung {n}", status, stamp, len(text), text])
            for aid, label, word in ((10 * n, "LOC", "Riesa"), (10 * n + 1, "LOC", "Elbe")):
                run("""INSERT INTO annotations (id, article_id, layer, label, start, "end",
                       annotator_id, attrs, created_at, updated_at)
                       VALUES (?, ?, 'entity', ?, ?, ?, 1, '{}', ?, ?)""",
                    [aid, n, label, text.index(word), text.index(word) + len(word), stamp, stamp])
        run("INSERT INTO links (from_id, to_id, kind, annotator_id, created_at) "
            "VALUES (30, 31, 'near', 1, ?)", [stamp])
        run("""INSERT INTO suggestions (id, article_id, model_id, layer, label, start, "end",
               created_at) VALUES (3, 3, 1, 'entity', 'ORG', 0, 7, ?)""", [stamp])
        run("INSERT INTO suggestion_decisions VALUES (3, 'rejected', 1, ?)", [stamp])
        run("INSERT INTO links (from_id, to_id, kind, annotator_id, created_at) "
            "VALUES (5, 4, 'about', 2, ?)", [stamp])


def test_a_shared_layer_becomes_each_persons_version(tmp_path: Path) -> None:
    path = tmp_path / "legacy.db"
    _legacy(path)
    with Project.open(path) as project:
        versions = {(r[0], r[1], r[2]) for r in project.db.execute(
            "SELECT v.article_id, a.name, v.status FROM versions v "
            "JOIN annotators a ON a.id = v.annotator_id")}
        assert versions == {
            (1, "maria", "in_progress"), (1, "jonas", "in_progress"), (2, "maria", "done"),
            # done with only imported spans: both shared that layer
            (3, "maria", "done"), (3, "jonas", "done")}
        assert [a.label for a in project.annotations(1, annotator="jonas")] == ["LOC"]
        assert {a.id for a in project.annotations(1, annotator="maria")} == {1, 2, 3}
        for who in ("maria", "jonas"):
            copies = project.annotations(3, annotator=who)
            assert [(a.copy_of, a.annotator) for a in copies] == [(30, who), (31, who)]
            [link] = project.links(3, annotator=who)
            assert (link.from_id, link.to_id, link.kind) == (copies[0].id, copies[1].id, "near")
            assert project.decisions(3, who) == {3: "rejected"}
        assert project.annotations(4, annotator="maria") == project.annotations(4)
        assert {a.annotator for a in project.annotations(4)} == {"import"}
        assert project.article_status(4) is Status.NEW
        # maria's own link to the imported LOC now points at her copy of it
        [copy] = project.annotations(2, Layer.ENTITY, annotator="maria")
        about = [lk for lk in project.links(2, annotator="maria") if lk.kind == "about"]
        assert [(lk.from_id, lk.to_id) for lk in about] == [(5, copy.id)]
        assert project.links(2, annotator="import") == []
        assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
