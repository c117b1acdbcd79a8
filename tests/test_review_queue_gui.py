"""The review queue from the keyboard: opened with its key, three items of three kinds, the
digit keys filter by kind, J/K step, Enter opens the view that resolves each; a change made in
the window reads it again."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from annotator.app.review_queue import review_items
from annotator.app.session import Session
from annotator.core.model import Status
from annotator.store import Project
from annotator.ui import review_queue_window
from annotator.ui.adjudication_window import AdjudicationWindow
from annotator.ui.review_queue_window import ReviewQueueWindow
from tests.conftest import show_window
from tests.test_review_queue import fill

Key, Mod = Qt.Key, Qt.KeyboardModifier


def rows(queue: ReviewQueueWindow) -> list[tuple[str, str]]:
    table = queue.table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def to_front(qtbot, queue: ReviewQueueWindow) -> None:
    queue.activateWindow()
    qtbot.waitUntil(queue.isActiveWindow)
    queue.table.setFocus()


def open_queue(qtbot, project: Project):
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_R, Mod.ControlModifier | Mod.ShiftModifier)
    queue = win.findChild(ReviewQueueWindow)
    assert queue is not None and queue.isVisible()
    qtbot.waitUntil(queue.isActiveWindow)
    return win, queue


def test_three_kinds_filtered_stepped_and_opened(qtbot, project: Project) -> None:
    ids = fill(project)
    win, queue = open_queue(qtbot, project)
    keys = queue.table
    assert rows(queue) == [("dispute", "Vertrag 1"), ("disagreement", "Treffen"),
                           ("open-suggestions", "Brücke")]
    assert queue.status.text() == ("3 to decide · 1 dispute · 1 disagreement · "
                                   "1 open-suggestions")
    assert queue.table.currentRow() == 0
    qtbot.keyClick(keys, Key.Key_J)
    qtbot.keyClick(keys, Key.Key_J)
    assert queue.current().title == "Brücke"
    qtbot.keyClick(keys, Key.Key_J)  # at the end: stays
    qtbot.keyClick(keys, Key.Key_K)
    assert queue.current().title == "Treffen"
    qtbot.keyClick(keys, Key.Key_2)
    assert rows(queue) == [("disagreement", "Treffen")]
    assert queue.status.text().endswith("showing 1")
    qtbot.keyClick(keys, Key.Key_0)
    assert len(rows(queue)) == 3 and queue.current().title == "Treffen"  # it stays current

    qtbot.keyClick(keys, Key.Key_3)  # done with open suggestions -> the article
    qtbot.keyClick(keys, Key.Key_Return)
    assert win.current_article == ids["Brücke"] and win.view.text.isVisible()

    to_front(qtbot, queue)
    qtbot.keyClick(queue.table, Key.Key_1)  # a dispute -> the disputes view on its group
    assert rows(queue) == [("dispute", "Vertrag 1")]
    qtbot.keyClick(queue.table, Key.Key_Return)
    assert win.disputes.isVisible()
    group = win.disputes.current_group()
    assert group is not None and group.id == ids["group"]

    to_front(qtbot, queue)
    qtbot.keyClick(queue.table, Key.Key_2)  # a disagreement -> adjudication of the article
    qtbot.keyClick(queue.table, Key.Key_Return)
    adjudication = win.findChild(AdjudicationWindow)
    assert adjudication is not None and adjudication.isVisible()
    assert adjudication.adj is not None and adjudication.adj.article_id == ids["Treffen"]


def test_a_change_in_the_window_reads_the_queue_again(qtbot, project: Project) -> None:
    ids = fill(project)
    win, queue = open_queue(qtbot, project)
    assert len(rows(queue)) == 3
    suggestions = project.suggestions(ids["Brücke"], open_only=True, annotator="maria")
    assert win.session.reject(ids["Brücke"], suggestions)  # the session says what changed
    assert rows(queue) == [("dispute", "Vertrag 1"), ("disagreement", "Treffen")]
    assert win.session.set_status(ids["Treffen"], Status.IN_PROGRESS)  # maria's: not done
    assert rows(queue) == [("dispute", "Vertrag 1")]
    qtbot.keyClick(queue.table, Key.Key_3)
    assert rows(queue) == [] and queue.current() is None
    qtbot.keyClick(queue.table, Key.Key_Return)  # nothing to open: nothing happens
    assert not win.disputes.isVisible()


def test_a_change_reads_its_articles_and_adjudication_is_heard(qtbot, project: Project,
                                                                monkeypatch) -> None:
    """While the queue is open, a change in the main window reads its article again, not the
    whole queue; the adjudication window's decisions are heard without the queue coming to
    the front."""
    ids = fill(project)
    win, queue = open_queue(qtbot, project)
    whole: list[str] = []
    monkeypatch.setattr(review_queue_window, "review_items",
                        lambda *a: whole.append("read") or review_items(*a))
    suggestions = project.suggestions(ids["Brücke"], open_only=True, annotator="maria")
    assert win.session.reject(ids["Brücke"], suggestions)
    assert rows(queue) == [("dispute", "Vertrag 1"), ("disagreement", "Treffen")]
    assert whole == []
    qtbot.keyClick(queue.table, Key.Key_2)
    qtbot.keyClick(queue.table, Key.Key_Return)
    adjudication = win.findChild(AdjudicationWindow)
    assert adjudication is not None and adjudication.adj is not None
    qtbot.waitUntil(lambda: adjudication.gold.text.hasFocus())
    qtbot.keyClick(adjudication.gold.text, Key.Key_1)
    qtbot.keyClick(adjudication.gold.text, Key.Key_Return)  # gold done
    assert project.version_status(ids["Treffen"], "gold") is Status.DONE
    assert rows(queue) == [] and whole == []
    to_front(qtbot, queue)  # nothing unheard: not read again
    qtbot.keyClick(queue.table, Key.Key_0)
    assert rows(queue) == [("dispute", "Vertrag 1")] and whole == []


def test_a_write_through_another_connection_reads_it_whole(qtbot, project: Project) -> None:
    """Another connection (an import, a script) writes while the queue is open: the next
    change in the window, or the queue coming to the front, reads it whole."""
    ids = fill(project)
    win, queue = open_queue(qtbot, project)
    with Project.open(project.path) as other:  # jonas's version back in progress: agreed
        assert Session(other, "jonas").set_status(ids["Treffen"], Status.IN_PROGRESS)
    assert len(rows(queue)) == 3  # not heard yet
    suggestions = project.suggestions(ids["Brücke"], open_only=True, annotator="maria")
    assert win.session.reject(ids["Brücke"], suggestions)
    assert rows(queue) == [("dispute", "Vertrag 1")]
    with Project.open(project.path) as other:
        assert Session(other, "jonas").set_status(ids["Treffen"], Status.DONE)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    to_front(qtbot, queue)
    assert rows(queue) == [("dispute", "Vertrag 1"), ("disagreement", "Treffen")]


def test_a_large_projects_queue_is_read_in_a_worker(qtbot, project: Project,
                                                   monkeypatch) -> None:
    """From ``BACKGROUND`` articles the whole queue is read in a worker thread with its own
    connection, the window usable meanwhile; a change made while it reads is not lost: what
    arrives is read again when somebody wrote meanwhile."""
    ids = fill(project)
    monkeypatch.setattr(review_queue_window, "BACKGROUND", 0)
    threads: list[bool] = []
    monkeypatch.setattr(review_queue_window, "review_items", lambda *a: threads.append(
        threading.current_thread() is threading.main_thread()) or review_items(*a))
    win = show_window(qtbot, project)
    with qtbot.waitSignal(win.runner.busy_changed, check_params_cb=lambda busy: not busy):
        qtbot.keyClick(win.view.text, Key.Key_R, Mod.ControlModifier | Mod.ShiftModifier)
        queue = win.findChild(ReviewQueueWindow)
        assert queue is not None and queue.reading()
        assert queue.status.text() == "Reading the review queue…"
        suggestions = project.suggestions(ids["Brücke"], open_only=True, annotator="maria")
        assert win.session.reject(ids["Brücke"], suggestions)  # while it reads
    qtbot.waitUntil(lambda: not queue.reading())
    qtbot.waitUntil(lambda: rows(queue) == [("dispute", "Vertrag 1"), ("disagreement", "Treffen")])
    assert threads and not any(threads)  # never in the GUI thread
