"""What the window remembers between runs (size, splitter, each project's last article) and
the layout it starts with: the article text gets the widest pane, the list what its columns
need."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Status
from annotator.store import Project
from annotator.ui import i18n
from annotator.ui.article_list_model import DATE, STATUS, TITLE
from annotator.ui.main_window import MainWindow
from annotator.ui.window_layout import DEFAULT_SIZE, GEOMETRY, SPLITTER


def make_project(path: Path, n: int = 3) -> Project:
    project = Project.open(path)
    for i in range(n):
        project.add_article(ArticleDraft(text=f"Bericht {i}\n\nDer Kai in Wismar wird saniert.",
                                         title=f"Bericht {i}"))
    return project


def opened(qtbot: QtBot, project: Project) -> MainWindow:
    """A window as the app opens it: no size given from outside."""
    win = MainWindow(project, "maria")
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.open_first()
    return win


def test_the_tests_keep_their_settings_in_a_throw_away_folder(_qt_settings_sandbox) -> None:
    assert Path(QSettings().fileName()).is_relative_to(_qt_settings_sandbox)


def test_the_article_text_gets_the_widest_pane_at_first(qtbot, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p.db")
    win = opened(qtbot, project)
    listed, text, side = win.splitter.sizes()
    assert text > 0.4 * (listed + text + side)  # the list as wide as its columns need
    assert text > max(listed, side) + 50
    win.close()
    project.close()


def test_size_splitter_and_each_projects_last_article_are_remembered(qtbot,
                                                                     tmp_path: Path) -> None:
    first, second = make_project(tmp_path / "a.db"), make_project(tmp_path / "b.db")
    win = opened(qtbot, first)
    win.resize(780, 740)  # the offscreen screen is 800 pixels wide
    win.splitter.setSizes([230, 300, 250])
    size, sizes = (win.width(), win.height()), win.splitter.sizes()
    assert size != DEFAULT_SIZE
    qtbot.keyClick(win.view.text, Qt.Key.Key_N)
    qtbot.keyClick(win.view.text, Qt.Key.Key_N)
    assert win.current_article == 3
    win.close()
    win = opened(qtbot, second)  # another project: its own last article, the same layout
    assert (win.width(), win.height()) == size
    assert win.splitter.sizes() == sizes
    assert win.current_article == 1
    qtbot.keyClick(win.view.text, Qt.Key.Key_N)
    win.close()
    win = opened(qtbot, first)
    assert win.current_article == 3
    assert win.splitter.sizes() == sizes
    win.close()
    win = opened(qtbot, second)
    assert win.current_article == 2
    win.close()
    first.close()
    second.close()


def test_the_last_article_is_written_once_a_moment_after_a_run_of_opens(qtbot,
                                                                         tmp_path: Path) -> None:
    project = make_project(tmp_path / "p.db")
    win = opened(qtbot, project)
    for _ in range(2):
        qtbot.keyClick(win.view.text, Qt.Key.Key_N)
    assert win.current_article == 3
    assert win.last_article.value() is None  # no settings file written on the way
    qtbot.waitUntil(lambda: win.last_article.value() == 3)  # still open: written meanwhile
    win.close()
    project.close()


def test_a_last_article_kept_by_an_earlier_version_is_found(qtbot, tmp_path: Path) -> None:
    """The key is the project path's SHA-1 as before (now hashed by Qt, not OpenSSL)."""
    import hashlib

    project = make_project(tmp_path / "p.db")
    where = str(project.path.resolve()).encode()
    QSettings().setValue("last-article/" + hashlib.sha1(where).hexdigest()[:16], 2)
    win = opened(qtbot, project)
    assert win.current_article == 2
    win.close()
    project.close()


def test_the_app_opens_at_the_size_it_was_closed_with(qtbot, tmp_path: Path, monkeypatch,
                                                      qapp) -> None:
    from annotator.ui import application

    make_project(tmp_path / "p.db").close()
    with Project.open(tmp_path / "p.db") as project:
        win = opened(qtbot, project)
        win.resize(780, 700)
        size = (win.width(), win.height())
        win.close()
    shown = []

    class App:  # the tests' application, without a second event loop
        def exec(self) -> int:
            (window,) = [w for w in qapp.topLevelWidgets()
                         if isinstance(w, MainWindow) and w.isVisible()]
            shown.append((window.width(), window.height()))
            window.close()
            return 0

    monkeypatch.setattr(application, "make_app", App)
    assert application.run(tmp_path / "p.db") == 0
    assert shown == [size]


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_column_of_the_list_is_readable_at_the_default_size(qtbot, tmp_path: Path,
                                                                  language: str) -> None:
    settings = QSettings()
    for key in (GEOMETRY, SPLITTER):  # a first run: no size remembered
        settings.remove(key)
    i18n.install(language)
    try:
        project = make_project(tmp_path / "p.db", 60)  # more rows than fit: a scroll bar
        project.set_status(2, Status.IN_PROGRESS, "maria")
        project.set_status(3, Status.DONE, "maria")
        win = opened(qtbot, project)
        assert (win.width(), win.height()) == DEFAULT_SIZE
        table, header = win.list, win.list.horizontalHeader()
        assert table.verticalScrollBar().isVisible()
        right = table.viewport().width()
        for column in range(header.count()):  # all in view, none cut, each header whole
            assert header.sectionViewportPosition(column) + header.sectionSize(column) <= right
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
        assert header.sectionSize(TITLE) >= table.fontMetrics().horizontalAdvance("Bericht 12")
        statuses = {win.model.index(row, STATUS).data() for row in range(3)}
        assert len(statuses) == 3
        assert all(table.fontMetrics().horizontalAdvance(text) + 6 <= header.sectionSize(STATUS)
                   for text in statuses)
        listed, text, side = win.splitter.sizes()
        assert text > max(listed, side)  # the article text still the widest pane
        win.close()
        project.close()
    finally:
        i18n.install("en")


@pytest.mark.parametrize("size", [(1024, 700), (1440, 900)])
def test_a_first_start_gives_the_text_the_most_room_and_the_list_a_readable_title(
        qtbot, tmp_path: Path, monkeypatch, size: tuple[int, int]) -> None:
    """A small window's list gives up the columns that do not fit (counts first, status last)
    so that the text keeps the most room; a wide one shows them all. A drag is kept, the
    columns follow it."""
    from annotator.ui import window_layout

    settings = QSettings()
    for key in (GEOMETRY, SPLITTER):  # a first run: no size remembered
        settings.remove(key)
    monkeypatch.setattr(window_layout, "DEFAULT_SIZE", size)
    project = make_project(tmp_path / "p.db", 60)
    win = opened(qtbot, project)
    assert (win.width(), win.height()) == size
    listed, text, side = win.splitter.sizes()
    assert text > max(listed, side) + 50 and text > 0.4 * size[0]
    table, header = win.list, win.list.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert shown == ([TITLE, DATE, STATUS] if size[0] == 1024 else list(range(6)))
    assert header.sectionSize(TITLE) >= table.fontMetrics().horizontalAdvance("Elbtal-Abkommen")
    right = table.viewport().width()
    assert all(header.sectionViewportPosition(c) + header.sectionSize(c) <= right for c in shown)
    dragged = [listed + 120, text - 120, side]  # the user widens the list
    win.splitter.setSizes(dragged)
    qtbot.waitUntil(lambda: not any(header.isSectionHidden(c) for c in range(header.count())))
    assert win.splitter.sizes() == dragged  # kept (and saved: the test above)
    win.close()
    project.close()
