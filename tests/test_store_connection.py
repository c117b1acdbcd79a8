"""The project's connection reads and writes through plain sqlite3: opening a project and
starting the window on it never import sqlite-utils (nor click, pluggy, dateutil); writes stay
all-or-nothing; sqlite-utils' helpers are there over the same connection when asked for."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.store.connection import ProjectDatabase

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Anna Berger sagte am Mittwoch in Dresden, der Vertrag gelte 40 Jahre."
HEAVY = ("sqlite_utils", "click", "pluggy", "dateutil")


def a_project(path: Path) -> Path:
    with Project.open(path) as project:
        aid = project.add_article(ArticleDraft(text=TEXT))
        project.add_annotation(aid, Layer.ENTITY, Span(0, 11, "PER"), "maria")
        project.replace_suggestions(aid, ModelInfo("m", "1"), [Span(33, 40, "LOC", score=0.9)])
    return path


def run_child(code: str, tmp_path: Path) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "ANNOTATOR_NAME": "maria"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


LOADED = f"sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))"


def test_opening_and_reading_a_project_imports_no_sqlite_utils(tmp_path: Path) -> None:
    path = a_project(tmp_path / "p.db")
    found = run_child(f"""
import json, sys
from annotator.store import Project
project = Project.open({str(path)!r}, create=False)
rows = project.list_articles(limit=10)
spans = project.annotations(rows[0].id)
print(json.dumps({{"loaded": {LOADED}, "spans": len(spans), "rows": len(rows)}}))
""", tmp_path)
    assert found == {"loaded": [], "spans": 1, "rows": 1}


def test_the_window_starts_and_takes_a_first_edit_without_sqlite_utils(tmp_path: Path) -> None:
    """The window on a project, as ``annotator open`` starts it, up to its first paint; then
    the first writes a key makes (a span, a suggestion accepted, a status)."""
    path = a_project(tmp_path / "p.db")
    found = run_child(f"""
import json, sys
from annotator.store import Project
from annotator.ui import application
project = Project.open({str(path)!r}, create=False)
app = application.make_app()
window = application.main_window(project, "maria")
window.show()
window.open_first()
app.processEvents()
started = {LOADED}
readers = sorted(m for m in sys.modules if m in ("annotator.io.importer", "annotator.io.jsonl"))
aid = window.workbench.state.article.id
project.add_annotation(aid, Layer.ENTITY, Span(33, 40, "LOC"), "maria")
project.decide([s.id for s in project.suggestions(aid)], "accepted", "maria")
project.set_status(aid, Status.DONE, "maria")
print(json.dumps({{"started": started, "readers": readers, "written": {LOADED},
                  "spans": len(project.annotations(aid, annotator="maria"))}}))
""".replace("import json, sys", "import json, sys\nfrom annotator.core.model import Layer, "
            "Span, Status"), tmp_path)
    # nor the readers of the import formats (they load on the first import)
    assert found == {"started": [], "readers": [], "written": [], "spans": 2}


def test_a_first_write_after_reading_is_all_or_nothing(tmp_path: Path) -> None:
    path = a_project(tmp_path / "p.db")
    with Project.open(path) as project:
        aid = project.list_articles()[0].id
        with pytest.raises(RuntimeError), project.transaction():
            project.add_annotation(aid, Layer.ENTITY, Span(33, 40, "LOC"), "maria")
            project.set_setting("pipeline", "de_core")
            raise RuntimeError("undone")
        assert not project.db.conn.in_transaction
        assert len(project.annotations(aid)) == 1
        assert project.setting("pipeline") is None
        project.add_annotation(aid, Layer.ENTITY, Span(33, 40, "LOC"), "maria")
        with closing(sqlite3.connect(path)) as other:  # committed: another connection sees it
            assert other.execute("SELECT count(*) FROM annotations").fetchone()[0] == 2


def test_a_write_outside_a_transaction_commits_and_a_failed_one_leaves_none_open(
        tmp_path: Path) -> None:
    path = a_project(tmp_path / "p.db")
    with Project.open(path) as project:
        db = project.db
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", ["a", "1"])
        assert not db.conn.in_transaction
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", ["a", "2"])
        assert not db.conn.in_transaction
        with closing(sqlite3.connect(path)) as other:
            assert other.execute("SELECT value FROM settings WHERE key = 'a'").fetchall() == [
                ("1",)]


def test_nested_steps_undo_only_their_own_writes() -> None:
    with Project.memory() as project:
        db = project.db
        with db.atomic():
            db.execute("INSERT INTO settings (key, value) VALUES ('outer', '1')")
            with pytest.raises(KeyError), db.atomic():
                db.execute("INSERT INTO settings (key, value) VALUES ('inner', '1')")
                raise KeyError("inner")
            with db.atomic():
                db.execute("INSERT INTO settings (key, value) VALUES ('kept', '1')")
        assert [r["key"] for r in db.query("SELECT key FROM settings ORDER BY key")] == [
            "kept", "outer"]


def test_query_names_a_repeated_column_as_sqlite_utils_did() -> None:
    with Project.memory() as project:
        assert list(project.db.query("SELECT 1 AS a, 2 AS a, 3 AS b")) == [
            {"a": 1, "a_2": 2, "b": 3}]


def test_updating_a_row_that_is_not_there_raises_key_error() -> None:
    with Project.memory() as project, pytest.raises(KeyError, match="no links row 99"):
        project.update_link(99, {"cue": "sagte"})


def test_sqlite_utils_helpers_share_the_connection_and_its_transaction(tmp_path: Path) -> None:
    path = a_project(tmp_path / "p.db")
    with Project.open(path) as project:
        assert isinstance(project.db, ProjectDatabase)
        assert "articles" in project.db.table_names()
        assert project.db["articles"].count == 1
        with pytest.raises(RuntimeError), project.transaction():
            project.db.table("settings").insert({"key": "k", "value": "v"})
            assert project.setting("k") == "v"
            raise RuntimeError("undone")
        assert project.setting("k") is None
