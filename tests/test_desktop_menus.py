"""File ▸ New project, Open project (Ctrl+O), Recent projects; Help ▸ About; drag and drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from annotator.app import projects
from annotator.core.model import ArticleDraft
from annotator.core.names import MODEL_SETTING
from annotator.store import Project
from annotator.ui import project_menu
from tests.conftest import show_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def other(tmp_path: Path) -> Path:
    """A second project with one article of its own."""
    path = tmp_path / "zweites.db"
    with Project.open(path) as p:
        p.add_article(ArticleDraft(text="Der Stadtrat in Görlitz beschloss den Haushalt.",
                                   title="Haushalt"))
    return path


@pytest.fixture
def opened_windows(qtbot):
    """The windows a test opens from the menus, closed after it."""
    yield project_menu._windows
    for window in list(project_menu._windows):
        window.close()
    project_menu._windows.clear()


def _first(project: Project) -> None:
    project.add_article(ArticleDraft(text="Anna Berger eröffnete in Dresden die Messe.",
                                     title="Messe"))


def test_ctrl_o_opens_another_project_in_place_of_this_window(
        qtbot, project: Project, other: Path, monkeypatch, opened_windows) -> None:
    _first(project)
    win = show_window(qtbot, project)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    qtbot.keyClick(win.view.text, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: bool(opened_windows))
    new = opened_windows[-1]
    assert new.project.path == other and new.isVisible()
    assert not win.isVisible()
    assert "Görlitz" in new.view.text.toPlainText()
    # each window puts its project first a moment after it was made (not before it paints)
    qtbot.waitUntil(lambda: projects.recent()[:2] == [other.resolve(), project.path.resolve()])


def test_a_file_that_is_no_project_is_refused_with_the_stores_message(
        qtbot, project: Project, tmp_path: Path, monkeypatch, opened_windows) -> None:
    _first(project)
    notes = tmp_path / "notizen.db"
    notes.write_text("Einkaufsliste: Brot, Käse", encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notes), ""))
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Qt.Key.Key_O, CTRL)
    assert told and "not an annotator project" in told[0]
    assert win.isVisible() and not opened_windows
    assert notes.read_text(encoding="utf-8") == "Einkaufsliste: Brot, Käse"


def test_new_project_creates_the_file_and_opens_it(
        qtbot, project: Project, tmp_path: Path, monkeypatch, opened_windows) -> None:
    _first(project)
    win = show_window(qtbot, project)
    target = tmp_path / "neu" / "Wahlkampf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(win.view.text, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: bool(opened_windows))
    new = opened_windows[-1]
    assert new.project.path == target.with_suffix(".db") and target.with_suffix(".db").is_file()
    assert new.model.rowCount() == 0
    assert not win.isVisible()


def test_new_project_never_overwrites_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "alt.db"
    existing.write_bytes(b"x")
    with pytest.raises(projects.ProjectError, match="exists already"):
        projects.new_project(existing)
    assert existing.read_bytes() == b"x"


def test_recent_projects_list_opens_one_and_drops_missing_files(
        qtbot, project: Project, other: Path, tmp_path: Path, opened_windows) -> None:
    gone = tmp_path / "weg.db"
    for path in (gone, other):
        projects.add_recent(path)
    _first(project)
    win = show_window(qtbot, project)  # itself first in the list, once it has painted
    qtbot.waitUntil(lambda: projects.recent()[0] == project.path.resolve())
    recent = win.findChild(QMenu, "project.recent")
    recent.aboutToShow.emit()
    entries = [a for a in recent.actions() if a.data()]
    assert [Path(a.data()) for a in entries] == [project.path.resolve(), other.resolve()]
    assert not entries[0].isEnabled()  # the project open here
    assert gone.resolve() not in projects.recent()
    entries[1].trigger()
    qtbot.waitUntil(lambda: bool(opened_windows))
    assert opened_windows[-1].project.path == other


def test_clear_list_empties_the_recent_projects(qtbot, project: Project, other: Path) -> None:
    projects.add_recent(other)
    win = show_window(qtbot, project)
    recent = win.findChild(QMenu, "project.recent")
    recent.aboutToShow.emit()
    next(a for a in recent.actions() if a.objectName() == "project.recent.clear").trigger()
    assert projects.recent() == []
    assert not [a for a in recent.actions() if a.data()]


def test_recent_keeps_the_last_ten(tmp_path: Path) -> None:
    for n in range(12):
        projects.add_recent(tmp_path / f"p{n}.db")
    assert projects.recent() == [(tmp_path / f"p{n}.db").resolve() for n in range(11, 1, -1)]


def test_about_names_versions_project_and_licence(qtbot, project: Project) -> None:
    from importlib.metadata import version

    import PySide6

    from annotator import __version__

    win = show_window(qtbot, project)
    about = next(a for a in win.findChildren(type(win.menuBar().actions()[0]))
                 if a.objectName() == "help.about")
    about.trigger()
    box = win.findChild(QMessageBox, "about")
    assert box is not None and box.isVisible()
    text = box.text()
    for part in (__version__, version("spacy"), PySide6.__version__, str(project.path), "MIT",
                 "de_annotator_ner"):
        assert part in text
    box.close()


# -- drag and drop -------------------------------------------------------------------------

def _drop(win, paths: list[Path]) -> bool:
    """Drag the files onto the window (it takes them) and drop them there."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    taken = enter.isAccepted()
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, event)
    return taken


def test_dropped_files_are_imported(qtbot, project: Project, tmp_path: Path,
                                    tiny_model: Path) -> None:
    _first(project)
    project.set_setting(MODEL_SETTING, str(tiny_model))
    article = tmp_path / "brief.txt"
    article.write_text("Warschau\n\nIn Warschau trafen sich die Minister.", encoding="utf-8")
    win = show_window(qtbot, project)
    assert win.acceptDrops()
    assert _drop(win, [article])
    qtbot.waitUntil(lambda: win.model.rowCount() == 2, timeout=20_000)
    qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=20_000)


def test_a_dropped_project_file_opens(qtbot, project: Project, other: Path,
                                      opened_windows) -> None:
    _first(project)
    win = show_window(qtbot, project)
    _drop(win, [other])
    qtbot.waitUntil(lambda: bool(opened_windows))
    assert opened_windows[-1].project.path == other and not win.isVisible()


def test_a_mixed_drop_is_explained_and_nothing_done(qtbot, project: Project, other: Path,
                                                    tmp_path: Path, opened_windows) -> None:
    _first(project)
    article = tmp_path / "brief.txt"
    article.write_text("Ein Text.", encoding="utf-8")
    win = show_window(qtbot, project)
    _drop(win, [other, article])
    assert "nothing was done" in win.statusBar().currentMessage()
    assert not opened_windows and not win.runner.is_busy() and win.model.rowCount() == 1


def test_the_file_menu_has_the_usual_order(qtbot, project: Project) -> None:
    win = show_window(qtbot, project)
    file = win.menuBar().actions()[0].menu()
    names = [a.objectName() or (a.menu().objectName() if a.menu() else "") for a in
             file.actions() if not a.isSeparator()]
    assert names[:4] == ["project.new", "project.open", "project.recent", "project.import"]
    assert names[-1] == "project.quit" and "project.export" in names
    helpm = win.menuBar().actions()[-1].menu()
    assert [a.objectName() for a in helpm.actions() if not a.isSeparator()] == \
        ["help.keys", "help.about"]
    assert "edit.preferences" in [a.objectName() for a in
                                  win.menuBar().actions()[1].menu().actions()]
