"""The window follows what another connection writes to its project file (a second window of the
same annotator, another annotator, ``annotator import``): the list and the open article show it
without reopening the project, the selection, the cursor and the scroll positions stay, and the
window's own writes read nothing again."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QFileSystemWatcher
from PySide6.QtCore import Qt as QtNs
from pytestqt.qtbot import QtBot

from annotator.app import outside_changes
from annotator.app.outside_changes import OutsideChanges, data_version
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project
from annotator.ui.article_list_model import STATUS
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key = QtNs.Key
ROOT = Path(__file__).resolve().parents[1]
TEXT = "Hochwasser in Dresden\n\nIn Dresden steigt die Elbe weiter, sagte Anna Berger."
LATER = "".join(f"\n\nAbsatz {n}: Der Pegel steigt weiter." for n in range(60))
WAIT = 10_000  # ms, an upper bound: each test goes on as soon as the signal comes


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Project.open(tmp_path / "p.db") as project:
        project.add_article(ArticleDraft(text=TEXT + LATER, title="Hochwasser"))
        for n in range(40):
            project.add_article(ArticleDraft(text=f"Meldung {n}. In Pirna regnet es.",
                                             title=f"Meldung {n:02}"))
    return tmp_path / "p.db"


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    project = Project.open(path)
    win = show_window(qtbot, project, size=(1000, 400))
    assert win.current_article == 1
    win.outside  # noqa: B018  (made after the first paint anyway; here at once)
    yield win
    win.close()
    project.close()


@pytest.fixture
def other(path: Path) -> Iterator[Session]:
    """The same annotator's second window on the file (its session, its own connection)."""
    project = Project.open(path)
    yield Session(project, "maria")
    project.close()


def spans(win: MainWindow) -> list[tuple[str, str]]:
    state = win.workbench.state
    assert state is not None
    return [(a.label, state.text[a.start:a.end]) for a in state.annotations]


def test_the_list_and_the_open_article_follow_another_connection(
        qtbot: QtBot, window: MainWindow, other: Session) -> None:
    win = window
    win.list.scrollToBottom()  # the user scrolled away from the open article
    scrolled = win.list.verticalScrollBar().value()
    assert scrolled > 0
    win.view.text.select_cp(TEXT.index("Elbe"), TEXT.index("Elbe"))
    text_bar = win.view.text.verticalScrollBar()
    text_bar.setValue(text_bar.maximum() // 2)  # and read on in the article
    read_at = text_bar.value()
    assert read_at > 0
    loaded: list[object] = []
    win.workbench.article_loaded.connect(loaded.append)
    with qtbot.waitSignal(win.outside.refreshed, timeout=WAIT) as refreshed:
        other.project.add_article(ArticleDraft(text="Neu: Sturm über Leipzig.", title="Sturm"))
    assert refreshed.args == [False] and loaded == []  # the open article did not change
    assert win.model.rowCount() == 42 and win.model.row_of(42) is not None
    assert [i.row() for i in win.list.selectionModel().selectedRows()] == [0]
    assert win.list.verticalScrollBar().value() == scrolled
    assert "0 / 42 done" in win.status_label.text()

    word = TEXT.index("Dresden")
    with qtbot.waitSignal(win.outside.refreshed, timeout=WAIT) as refreshed:
        assert other.add_span(1, Layer.ENTITY, Span(word, word + 7, "LOC"))
    assert refreshed.args == [True]
    assert spans(win) == [("LOC", "Dresden")]
    assert win.view.text.cursor_cp() == TEXT.index("Elbe")  # the cursor stayed
    assert text_bar.value() == read_at  # and where the article was scrolled to
    assert win.current_article == 1 and win.model.index(0, 4 + 1).data() == 1  # Ann. column

    with qtbot.waitSignal(win.outside.refreshed, timeout=WAIT):
        assert other.set_status(1, Status.DONE)
    assert win.model.index(0, STATUS).data() == "done"
    assert "1 / 42 done" in win.status_label.text()
    assert win.list.verticalScrollBar().value() == scrolled


def test_another_annotators_version_shown_follows_their_window(
        qtbot: QtBot, window: MainWindow, path: Path) -> None:
    win = window
    win.session.view("jonas")  # maria reads jonas's version while he works in his window
    with Project.open(path) as theirs:
        jonas = Session(theirs, "jonas")
        word = TEXT.index("Anna Berger")
        with qtbot.waitSignal(win.outside.refreshed, timeout=WAIT):
            assert jonas.add_span(1, Layer.ENTITY, Span(word, word + 11, "PER"))
        assert spans(win) == [("PER", "Anna Berger")]


def test_an_import_in_another_process_shows_in_the_list(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, path: Path) -> None:
    article = tmp_path / "neu.txt"
    article.write_text("Sturm über Leipzig\n\nIn Leipzig stürmt es seit Tagen.", encoding="utf-8")
    with qtbot.waitSignal(window.outside.refreshed, timeout=60_000):
        subprocess.run([sys.executable, "-m", "annotator", "import", str(path), str(article),
                        "--no-suggest"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                       check=True, capture_output=True, timeout=120)
    assert window.model.rowCount() == 42 and window.current_article == 1


def test_the_windows_own_writes_read_nothing_again(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    loaded: list[object] = []
    win.workbench.article_loaded.connect(loaded.append)
    at = TEXT.index("Elbe")
    win.view.text.select_cp(at, at)
    # the write touches the file and its log: the watcher hears it, the check finds nothing
    with qtbot.waitSignal(win.outside.changes.checked, timeout=WAIT) as checked:
        qtbot.keyClick(win.view.text, Key.Key_2)  # LOC on "Elbe", in the window
    assert checked.args == [False]
    assert len(loaded) == 1  # the edit's own refresh, no reload after it
    assert spans(win) == [("LOC", "Elbe")] and win.view.text.cursor_cp() == at


def test_an_undo_of_a_span_changed_elsewhere_is_refused(
        qtbot: QtBot, window: MainWindow, other: Session) -> None:
    win = window
    at = TEXT.index("Elbe")
    win.view.text.select_cp(at, at)
    qtbot.keyClick(win.view.text, Key.Key_2)
    (span,) = other.project.annotations(1, annotator="maria")
    with qtbot.waitSignal(win.outside.refreshed, timeout=WAIT):
        other.project.update_annotation(span.id, label="ORG")  # the other window relabels it
    assert spans(win) == [("ORG", "Elbe")]
    failed: list[str] = []
    win.session.failed.connect(failed.append)
    qtbot.keyClick(win.view.text, Key.Key_Z, QtNs.KeyboardModifier.ControlModifier)
    assert failed and "changed elsewhere" in failed[0]
    assert spans(win) == [("ORG", "Elbe")]


def test_the_check_tells_other_connections_commits_only(path: Path) -> None:
    with Project.open(path) as mine, Project.open(path) as theirs:
        changes = OutsideChanges(mine)
        assert not changes.polling  # a file on a local disk is watched
        mine.add_article(ArticleDraft(text="Eigene Meldung.", title="Eigen"))
        assert not changes.check()
        before = data_version(mine)
        theirs.add_article(ArticleDraft(text="Fremde Meldung.", title="Fremd"))
        assert data_version(mine) != before
        assert changes.check() and not changes.check()


def test_where_the_file_cannot_be_watched_the_check_runs_now_and_then(
        qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing(QFileSystemWatcher):  # as a system without support or past its limit does
        def addPaths(self, paths: list[str]) -> list[str]:  # noqa: N802
            return paths

        def addPath(self, path: str) -> bool:  # noqa: N802
            return False

    monkeypatch.setattr(outside_changes, "QFileSystemWatcher", Refusing)
    with Project.open(path) as mine, Project.open(path) as theirs:
        changes = OutsideChanges(mine)
        assert changes.polling
        with qtbot.waitSignal(changes.changed, timeout=WAIT):
            theirs.add_article(ArticleDraft(text="Fremde Meldung.", title="Fremd"))


def test_a_log_made_after_the_watch_began_is_watched_too(qtbot: QtBot, path: Path) -> None:
    """A read-only window on a file without a write-ahead log: the folder is watched until the
    writer that opens it next makes one, then the log."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = delete")
    assert not Path(f"{path}-wal").exists()
    with Project.open(path, read_only=True) as mine:
        changes = OutsideChanges(mine)
        assert changes.watched() == [str(path.resolve()), str(path.parent.resolve())]
        with Project.open(path) as theirs:  # the log is made as it opens
            with qtbot.waitSignal(changes.changed, timeout=WAIT):  # heard in the folder
                theirs.add_article(ArticleDraft(text="Fremde Meldung.", title="Fremd"))
            qtbot.waitUntil(lambda: changes.watched() == [str(path.resolve()),
                                                          f"{path.resolve()}-wal"])
            with qtbot.waitSignal(changes.changed, timeout=WAIT):  # heard through the log
                theirs.add_article(ArticleDraft(text="Noch eine.", title="Fremd 2"))
        assert mine.count_articles() == 43


def test_the_disputes_page_shown_follows_another_connection(
        qtbot: QtBot, window: MainWindow, other: Session) -> None:
    win = window
    claims = []
    for aid, words in ((1, "In Dresden steigt die Elbe weiter"), (2, "In Pirna regnet es")):
        text = other.project.article(aid).text
        start = text.index(words)
        assert other.add_span(aid, Layer.CLAIM, Span(start, start + len(words), "CLAIM"))
        (claim,) = other.project.annotations(aid, Layer.CLAIM, annotator="maria")
        claims.append(claim.id)
    group = other.group_claims(1, None, "Pegel", [(claims[0], "steigt"), (claims[1], "regnet")])
    assert group is not None
    qtbot.keyClick(win.view.text, Key.Key_G, QtNs.KeyboardModifier.ControlModifier)
    assert win.disputes.isVisible() and win.disputes.current_group().id == group
    assert "undecided" in win.disputes.summary.text()
    with qtbot.waitSignal(win.outside.refreshed, timeout=WAIT):
        assert other.resolve_group(group, holding_id=claims[1])  # decided in the other window
    assert win.disputes.current_group().holding_id == claims[1]
    assert "holds: " in win.disputes.summary.text()
