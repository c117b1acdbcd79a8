"""Opening a project again skips the whole-file check only while the file is exactly as
annotator left it after checking it."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import ArticleDraft
from annotator.store import Project, ProjectError, files


@pytest.fixture
def checks(tmp_path: Path, monkeypatch) -> list[Path]:
    """The files ``PRAGMA quick_check`` runs on; notes in a data folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    ran: list[Path] = []
    check = files._quick_check

    def counted(path, conn):
        ran.append(path)
        check(path, conn)

    monkeypatch.setattr(files, "_quick_check", counted)
    return ran


def made(path: Path) -> Path:
    with Project.open(path) as project:
        project.add_article(ArticleDraft(text="Der Pegel der Elbe stieg in Pirna.", title="T"))
    return path


def test_a_file_as_annotator_left_it_is_not_read_whole_again(tmp_path: Path,
                                                             checks: list[Path]) -> None:
    path = made(tmp_path / "p.db")
    with Project.open(path) as project:
        project.set_status(1, project.article_status(1))  # a session that writes
        with Project.open(path, create=False):  # a worker of the same process
            pass
    assert checks == [path]  # only the first open checked it
    for _ in range(2):
        Project.open(path, create=False, read_only=True).close()
    assert checks == [path]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "p.db"]  # none beside it


def test_any_other_writer_makes_the_next_open_check(tmp_path: Path,
                                                    checks: list[Path]) -> None:
    path = made(tmp_path / "p.db")
    with sqlite3.connect(path) as conn:  # another program, through SQLite
        conn.execute("UPDATE articles SET title = 'U'")
    conn.close()
    Project.open(path, create=False).close()
    assert checks == [path, path]
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master "
                            "WHERE name = 'idx_articles_published'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())  # a page overwritten in place: the same size
    data[(root - 1) * 4096:root * 4096] = random.Random(3).randbytes(4096)
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectError, match="damaged"):
        Project.open(path, create=False)
    assert checks == [path, path, path]


def test_nothing_is_noted_while_a_wal_file_is_left(tmp_path: Path, checks: list[Path]) -> None:
    path = made(tmp_path / "p.db")
    holder = sqlite3.connect(path)  # another program keeps it open: the -wal file stays
    holder.execute("SELECT count(*) FROM articles").fetchone()
    Project.open(path, create=False).close()
    Project.open(path, create=False).close()
    holder.close()
    assert checks == [path, path, path]
