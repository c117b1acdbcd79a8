"""What is not a project of this version is refused untouched, by every command, in one line;
files without write permission are read, never written; new projects are their owner's only."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project, ProjectError
from annotator.store.files import APPLICATION_ID, latest_version

runner = CliRunner()
TEXT = "Elbe-Abkommen\n\nAnna Berger sagte am Mittwoch in Dresden, der Vertrag gelte 40 Jahre."


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_project(path: Path, articles: int = 30) -> Path:
    with Project.open(path) as project:
        for n in range(articles):
            aid = project.add_article(ArticleDraft(text=f"{TEXT} ({n})" + " Satz." * 200,
                                                   published=f"2024-05-{n % 28 + 1:02d}"))
            project.add_annotation(aid, Layer.ENTITY, Span(15, 26, "PER"), "maria")
    return path


def _sqlite(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _corrupt_page(path: Path) -> None:
    """Random bytes over the page of an index that listing and counting never read."""
    a_project(path)
    with closing(sqlite3.connect(path)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master "
                            "WHERE name = 'idx_articles_published'").fetchone()[0]
    data = bytearray(path.read_bytes())
    noise = random.Random(3).randbytes(4096)
    data[(root - 1) * 4096:root * 4096] = noise
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    a_project(path)
    os.truncate(path, path.stat().st_size // 2)


def _newer(path: Path) -> None:
    a_project(path, articles=1)
    _sqlite(path, f"PRAGMA user_version = {latest_version() + 1}",
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('annotator', 'm999_future', '2030-01-01')")


BAD: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty": (lambda p: p.write_bytes(b""), "an empty file"),
    "text": (lambda p: p.write_text("Notizen zum Abkommen\n" * 50), "not an SQLite database"),
    "header only": (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x10" * 20), "damaged"),
    "truncated": (_truncated, "damaged"),
    "corrupt page": (_corrupt_page, "damaged (quick_check: Page"),
    "foreign": (lambda p: _sqlite(p, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                                  "INSERT INTO notes (body) VALUES ('Einkauf')"),
                "not an annotator project"),
    "foreign WAL": (lambda p: _sqlite(p, "PRAGMA journal_mode = WAL", "CREATE TABLE t (x)",
                                      "INSERT INTO t VALUES (1)"), "not an annotator project"),
    "foreign id": (lambda p: _sqlite(p, "PRAGMA application_id = 1196444487",  # GeoPackage
                                     "CREATE TABLE articles (x)"), "application id 0x47504b47"),
    "newer": (_newer, "made by a newer version of annotator"),
}

COMMANDS = [["stats"], ["stats", "--json"], ["disputes"], ["import", "{text}", "--no-suggest"],
            ["open"], ["upgrade"], ["export", "-f", "jsonl", "-o", "{out}"],
            ["candidates", "--article", "1", "--text", "sagte"], ["use-model"],
            ["train", "-o", "{out}"], ["eval-matching", "{gold}"]]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "gold.json").write_text('{"points": [{"id": "a", "relation": "agree", "claims": '
                                      '[{"article": 1, "text": "sagte"}, {"article": 2, '
                                      '"text": "Jahre"}]}]}', encoding="utf-8")
    return {"text": str(folder / "a.txt"), "gold": str(folder / "gold.json"),
            "out": str(folder / "out")}


@pytest.mark.parametrize("kind", BAD)
def test_what_is_not_a_project_of_this_version_is_refused_untouched(
        tmp_path: Path, kind: str, inputs: dict[str, str], monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "file.db"
    make, reason = BAD[kind]
    make(path)
    assert [p.name for p in tmp_path.iterdir()] == ["file.db"]
    before = sha256(path)
    for command in COMMANDS:
        args = [command[0], str(path), *(a.format(**inputs) for a in command[1:])]
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (command, result.output)
        assert isinstance(result.exception, SystemExit)  # no traceback
        assert result.output.startswith(f"annotator: {path}: ") and reason in result.output, \
            (command, result.output)
        assert result.output.count("\n") == 1, (command, result.output)
        assert sha256(path) == before, command
        assert [p.name for p in tmp_path.iterdir()] == ["file.db"], command  # no -wal, -shm
    assert not Path(inputs["out"]).exists()


def test_a_folder_or_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.db")
    (tmp_path / "folder.db").mkdir()
    for name, reason in [("pipe.db", "not a regular file"), ("folder.db", "a folder")]:
        with pytest.raises(ProjectError, match=reason):
            Project.open(tmp_path / name)


def test_a_corrupt_page_was_found_by_quick_check_not_by_reading(tmp_path: Path) -> None:
    """The damaged page is one that listing articles never reads: only the check finds it."""
    path = tmp_path / "damaged.db"
    _corrupt_page(path)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    assert conn.execute("SELECT count(*), max(length(text)) FROM articles").fetchone()[0] == 30
    assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    conn.close()


# -- permissions -----------------------------------------------------------------------------

def test_a_new_project_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "new" / "deeper" / "p.db"
        result = runner.invoke(app, ["import", str(target), str(_text(tmp_path)),
                                     "--no-suggest"])
        assert result.exit_code == 0, result.output
        assert _mode(target) == 0o600
        assert _mode(tmp_path / "new") == _mode(tmp_path / "new" / "deeper") == 0o700
        with Project.open(target) as project:
            project.set_setting("note", "x")  # the -wal and -shm files exist now
            assert _mode(Path(f"{target}-wal")) == _mode(Path(f"{target}-shm")) == 0o600
        assert sorted(p.name for p in target.parent.iterdir()) == ["p.db"]  # nothing left over
    finally:
        os.umask(old)


def test_a_stricter_umask_is_kept(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        with Project.open(tmp_path / "sub" / "p.db"):
            pass
        assert _mode(tmp_path / "sub" / "p.db") == 0o600 and _mode(tmp_path / "sub") == 0o700
    finally:
        os.umask(old)


def test_a_new_project_is_marked_as_annotator_of_this_version(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        assert project.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert (tmp_path / "p.db").read_bytes()[68:72] == APPLICATION_ID.to_bytes(4, "big")


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _text(folder: Path) -> Path:
    path = folder / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


# -- files we may not write ------------------------------------------------------------------

def _as_user(args: list[str], **kw) -> subprocess.CompletedProcess:
    """Run the command line as an ordinary user would: root's override of file permissions
    is dropped (CI runs as an ordinary user already)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) drops root's permission override for this test"
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([*prefix, sys.executable, "-m", "annotator", *args],
                          capture_output=True, text=True, timeout=120, env=env, **kw)


@pytest.mark.parametrize("folder_writable", [True, False])
def test_a_file_without_write_permission_is_read_but_never_written(
        tmp_path: Path, folder_writable: bool) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = a_project(folder / "p.db", articles=2)
    text = _text(tmp_path)
    path.chmod(0o444)
    if not folder_writable:
        folder.chmod(0o555)
    before = sha256(path)
    try:
        stats = _as_user(["stats", str(path)])
        assert stats.returncode == 0, stats.stderr
        assert "2 articles" in stats.stdout
        started = time.monotonic()
        for args in (["import", str(path), str(text), "--no-suggest"], ["open", str(path)],
                     ["upgrade", str(path)]):
            result = _as_user(args)
            assert result.returncode == 2, (args, result.stderr)
            assert result.stderr == (f"annotator: {path}: no permission to write to it or to "
                                     f"its folder; nothing was changed\n"), args
        assert time.monotonic() - started < 25  # no 30 s wait for a lock
        assert sha256(path) == before
        assert [p.name for p in folder.iterdir()] == ["p.db"]  # no new -wal, -shm
    finally:
        folder.chmod(0o755)


# -- the window --------------------------------------------------------------------------------

def test_a_project_without_articles_opens_an_empty_working_window(qtbot, project: Project
                                                                  ) -> None:
    from PySide6.QtCore import Qt

    from tests.conftest import show_window

    window = show_window(qtbot, project)
    assert window.model.rowCount() == 0
    for key in (Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_D):
        qtbot.keyClick(window.view.text, key)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.filter_bar.search, "Elbe")
    qtbot.waitUntil(lambda: window.model.filter.query == "Elbe")
    assert window.model.rowCount() == 0
    project.add_article(ArticleDraft(text=TEXT))  # a background import lands
    window.model.set_filter(type(window.model.filter)())
    assert window.model.rowCount() == 1


def test_the_open_command_starts_on_an_empty_project(tmp_path: Path) -> None:
    with Project.open(tmp_path / "empty.db"):
        pass
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "annotator", "open", str(tmp_path / "empty.db"),
                             "--screenshot", str(shot)], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0 and "Traceback" not in result.stderr


def test_the_matching_index_cache_beside_the_project_is_owner_only(tmp_path: Path) -> None:
    from annotator.app import matching_index
    from annotator.nlp.lexical import LexicalIndex

    old = os.umask(0o022)
    try:
        cache = tmp_path / "p.db.match-index.npz"
        matching_index.save(LexicalIndex(), cache)
        assert _mode(cache) == 0o600
        assert sorted(p.name for p in tmp_path.iterdir()) == [cache.name]
    finally:
        os.umask(old)


def test_sqlite_utils_plugins_leave_project_connections_alone(tmp_path: Path) -> None:
    """A sqlite-utils plugin installed beside annotator prepares no project connection."""
    from sqlite_utils import hookimpl
    from sqlite_utils.plugins import pm

    class Plugin:
        @hookimpl
        def prepare_connection(self, conn: sqlite3.Connection) -> None:
            conn.create_function("plugged", 0, lambda: 1)

    pm.register(Plugin(), name="annotator-test-plugin")
    try:
        for project in (Project.open(tmp_path / "p.db"), Project.memory()):
            with project, pytest.raises(sqlite3.OperationalError, match="plugged"):
                project.db.execute("SELECT plugged()")
        with sqlite3.connect(":memory:") as conn:  # the plugin itself works
            pm.hook.prepare_connection(conn=conn)
            assert conn.execute("SELECT plugged()").fetchone() == (1,)
    finally:
        pm.unregister(name="annotator-test-plugin")
