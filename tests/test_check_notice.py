"""A project that changed outside annotator is read whole before it opens: seconds for a large
file. The window says so meanwhile, at the start and on File ▸ Open project; a project as
annotator left it opens without a word."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog

from annotator.app.projects import open_project
from annotator.core.model import ArticleDraft
from annotator.store import Project, files
from annotator.ui import application, check_notice


def _made(tmp_path: Path) -> Path:
    path = tmp_path / "big.db"
    project = Project.open(path)
    project.add_article(ArticleDraft(text="Ein Text über die Elbe.", title="Elbe"))
    project.close()  # as annotator leaves it: checked and whole
    return path


def _changed_outside(path: Path) -> None:
    with sqlite3.connect(path) as conn:  # another program writes to it
        conn.execute("UPDATE articles SET title = 'Elbe!'")
    conn.close()


@pytest.fixture
def seen(monkeypatch) -> list[str]:
    """The notes on the screen while the file is read whole (any file is "large")."""
    monkeypatch.setattr(check_notice, "NOTICE_BYTES", 0)
    found: list[str] = []
    check = files._quick_check

    def watched(path, conn) -> None:
        found.extend(w.labelText() for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.isVisible())
        check(path, conn)

    monkeypatch.setattr(files, "_quick_check", watched)
    return found


def test_a_project_changed_outside_is_checked_under_a_note(qtbot, tmp_path, seen) -> None:
    path = _made(tmp_path)
    assert not check_notice.needs_notice(path)  # as annotator left it: no check, no note
    with check_notice.check_notice(path):
        open_project(path).close()
    assert seen == []
    _changed_outside(path)
    assert check_notice.needs_notice(path)
    with check_notice.check_notice(path):
        project = open_project(path)
    project.close()
    assert len(seen) == 1 and "big.db" in seen[0] and "read whole" in seen[0]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]  # gone once open


def test_the_start_shows_the_note(qtbot, tmp_path, seen, monkeypatch) -> None:
    path = _made(tmp_path)
    _changed_outside(path)
    class Made(Exception):
        """The window would be made now: the project is open."""

    def made(project, annotator):
        raise Made

    monkeypatch.setattr(application, "main_window", made)
    with pytest.raises(Made):
        application.run(path, annotator="kai")
    assert len(seen) == 1 and "big.db" in seen[0]


def test_the_note_shows_a_file_name_as_it_is(qtbot, tmp_path, monkeypatch) -> None:
    path = _made(tmp_path)
    odd = path.rename(tmp_path / "<b>Elbe<i> & Co.db")
    _changed_outside(odd)
    monkeypatch.setattr(check_notice, "NOTICE_BYTES", 0)
    with check_notice.check_notice(odd):
        [note] = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QProgressDialog) and w.isVisible()]
        [label] = [lab for lab in note.findChildren(QLabel) if "Elbe" in lab.text()]
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert "<b>Elbe<i> & Co.db" in label.text()


def test_a_small_file_opens_without_a_note(qtbot, tmp_path, monkeypatch) -> None:
    path = _made(tmp_path)
    _changed_outside(path)
    assert files.check_due(path) and not check_notice.needs_notice(path)  # 32 MB and more
    assert not files.check_due(tmp_path / "missing.db")
