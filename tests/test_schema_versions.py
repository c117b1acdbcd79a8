"""Projects of every earlier schema version (tests/data/schemas, made by make.py there) open in
this version after a byte-for-byte backup beside them, with all their content; commands that only
read refuse them untouched and name the way to upgrade."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.model import ArticleFilter, Layer
from annotator.store import Project, files
from annotator.store.files import APPLICATION_ID, latest_version

FIXTURES = Path(__file__).parent / "data" / "schemas"
VERSIONS = sorted(int(p.stem[1:]) for p in FIXTURES.glob("v*.db"))
LATEST = latest_version()
OLDER = [v for v in VERSIONS if v < LATEST]
runner = CliRunner()

_spec = importlib.util.spec_from_file_location("make_schemas", FIXTURES / "make.py")
assert _spec and _spec.loader
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def columns_of(path: Path) -> dict[str, list[str]]:
    """The columns of every table with content of its own (not SQLite's, FTS or migrations)."""
    with closing(_read(path)) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'articles_fts%' AND name != '_sqlite_migrations'")]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in names}


def content(path: Path, columns: dict[str, list[str]]) -> dict[str, list]:
    """Every row of these tables and columns, in a stable order."""
    with closing(_read(path)) as conn:
        return {t: sorted(conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM {t}")
                          .fetchall(), key=repr)
                for t, cols in columns.items()}


def test_there_is_a_fixture_of_every_earlier_version() -> None:
    assert set(range(1, LATEST)) <= set(VERSIONS)
    assert list(range(1, max(VERSIONS) + 1)) == VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_a_fixture_is_what_that_version_wrote(version: int) -> None:
    conn = _read(FIXTURES / f"v{version}.db")
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert len(applied) == version
    assert conn.execute("PRAGMA application_id").fetchone()[0] == (
        0 if version <= make.LAST_UNMARKED else APPLICATION_ID)
    assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 5
    conn.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_an_earlier_project_opens_after_a_backup_with_all_its_content(tmp_path: Path,
                                                                       version: int) -> None:
    original = FIXTURES / f"v{version}.db"
    path = tmp_path / "project.db"
    shutil.copyfile(original, path)
    columns = columns_of(original)
    before = content(original, columns)

    with Project.open(path, create=False) as project:
        if version < LATEST:
            assert project.upgrade is not None
            assert project.upgrade.from_version == version
            assert project.upgrade.to_version == LATEST
            backup = project.upgrade.backup
            assert backup == tmp_path / f"project.db.before-v{LATEST}.bak"
            assert sha256(backup) == sha256(original)  # byte for byte
            assert backup.stat().st_mode & 0o777 == 0o600
        else:
            assert project.upgrade is None
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert project.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        _check_through_the_api(project, version)

    after = content(path, columns)  # every row, with every column the old file had
    assert {t: Counter(rows) - Counter(after[t]) for t, rows in before.items()} == {
        t: Counter() for t in before}
    with Project.open(path, create=False) as again:  # nothing left to do, no second copy
        assert again.upgrade is None
    expected = {"project.db"} | ({f"project.db.before-v{LATEST}.bak"} if version < LATEST
                                 else set())
    assert {p.name for p in tmp_path.iterdir()} == expected


def _check_through_the_api(project: Project, version: int) -> None:
    first, second = make.TEXTS
    assert project.count_articles() == 2
    assert project.article(1).text == first and project.article(2).text == second
    assert project.count_articles(ArticleFilter(query="Dresden")) == 1  # FTS index built
    spans = {(a.layer, first[a.start:a.end]) for a in project.annotations(1)}
    assert spans == {(Layer.ENTITY, "Anna Berger"), (Layer.CLAIM, "„Ein Durchbruch“"),
                     (Layer.SOURCE, "Anna Berger")}
    [link] = project.links(1)
    assert link.kind == "attributed_to" and link.attrs["cue"] == "sagte"
    assert "EVENT" in {label.name for label in project.labels(Layer.ENTITY)}
    assert project.setting("model") == "de_core_news_sm"
    assert [first[s.start:s.end] for s in project.suggestions(1)] == ["Anna Berger", "Dresden"]
    if version >= 3:
        assert project.decisions(1) == {1: "accepted", 2: "rejected"}
    if version >= 5:
        assert [s.name for s in project.claims.sources()] == ["Anna Berger"]
        [group] = project.claims.groups()
        assert group.disputed and group.holding_id == 2


def test_an_existing_backup_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    shutil.copyfile(FIXTURES / "v1.db", path)
    taken = tmp_path / f"project.db.before-v{LATEST}.bak"
    taken.write_bytes(b"an earlier backup")
    with Project.open(path) as project:
        assert project.upgrade and project.upgrade.backup.name == \
            f"project.db.before-v{LATEST}.2.bak"
    assert taken.read_bytes() == b"an earlier backup"


@pytest.mark.parametrize("version", OLDER)
@pytest.mark.parametrize("command", [["stats"], ["disputes"], ["export", "-f", "jsonl", "-o"],
                                     ["candidates", "--article", "1", "--text", "sagte"],
                                     ["eval-matching"]])
def test_commands_that_read_refuse_an_earlier_project_untouched(
        tmp_path: Path, version: int, command: list[str]) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / f"v{version}.db", path)
    args = [command[0], str(path), *command[1:]]
    if command[0] == "export":
        args.append(str(tmp_path / "out"))
    if command[0] == "eval-matching":
        gold = tmp_path / "gold.json"
        gold.write_text('{"points": [{"id": "a", "relation": "agree", "claims": ['
                        '{"article": 1, "text": "sagte"}, {"article": 2, "text": "Prag"}]}]}',
                        encoding="utf-8")
        args.insert(2, str(gold))
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and f"schema version {version}" in result.output
    assert f"annotator upgrade {path}" in result.output
    assert sha256(path) == sha256(FIXTURES / f"v{version}.db")
    assert {p.name for p in tmp_path.iterdir()} <= {"old.db", "gold.json"}


def test_the_upgrade_command_and_writing_commands_upgrade_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / f"v{OLDER[0]}.db", path)
    result = runner.invoke(app, ["upgrade", str(path)])
    assert result.exit_code == 0, result.output
    backup = tmp_path / f"old.db.before-v{LATEST}.bak"
    assert f"upgraded from schema version {OLDER[0]} to {LATEST}" in result.output
    assert str(backup) in result.output and sha256(backup) == sha256(FIXTURES / "v1.db")
    result = runner.invoke(app, ["upgrade", str(path)])
    assert result.exit_code == 0 and "up to date" in result.output
    assert runner.invoke(app, ["stats", str(path)]).exit_code == 0

    other = tmp_path / "other.db"
    shutil.copyfile(FIXTURES / f"v{OLDER[-1]}.db", other)
    text = tmp_path / "neu.txt"
    text.write_text("Neu\n\nDie Elbe führt Hochwasser.", encoding="utf-8")
    result = runner.invoke(app, ["import", str(other), str(text), "--no-suggest"])
    assert result.exit_code == 0, result.output
    assert f"upgraded from schema version {OLDER[-1]}" in result.output
    assert "1 imported" in result.output
    assert (tmp_path / f"other.db.before-v{LATEST}.bak").exists()


def test_counting_the_schema_steps_leaves_no_connection_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[sqlite3.Connection] = []
    connect = sqlite3.connect

    def recording_connect(*args, **kwargs) -> sqlite3.Connection:
        opened.append(connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(sqlite3, "connect", recording_connect)
    assert len(files.schema_steps()) == LATEST
    assert opened == []  # the steps' names are counted without a database
