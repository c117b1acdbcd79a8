"""The window on a project of thousands of articles: it opens without waiting for background
work, reads no article texts wholesale on its own connection, and goes idle when the
background work is done."""

from __future__ import annotations

import random
import re
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.store.sql import now
from annotator.ui import matching_worker
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

ARTICLES = 2000
UNSPLIT = 10  # every tenth article has no sentence rows yet (as before the sentence index)
WORDS = ["Stadtrat", "Fähre", "Pegel", "Ufer", "Schleuse", "Gemeinde", "Antrag", "Sitzung",
         "Bürger", "Haushalt", "beschloss", "prüfte", "verschob", "lehnte", "forderte",
         "begrüßte", "am", "Dienstag", "in", "Wehlen"]


def text_of(rng: random.Random, n: int) -> str:
    sentences = [" ".join(rng.choices(WORDS, k=rng.randint(6, 12))).capitalize() + "."
                 for _ in range(rng.randint(4, 8))]
    return f"Meldung {n} aus Wehlen\n\n" + " ".join(sentences) + "\n"


def build(path: Path, n: int = ARTICLES) -> None:
    """``n`` articles in one transaction, as a bulk import leaves them; most with sentences."""
    rng = random.Random(18)
    stamp = now()
    texts = [text_of(rng, i) for i in range(n)]
    with Project.open(path) as project, project.transaction():
        conn = project.db.conn
        conn.executemany(
            "INSERT INTO articles (hash, title, imported_at, char_count, text) "
            "VALUES (?, ?, ?, ?, ?)",
            ((f"h{i}", f"Meldung {i}", stamp, len(t), t) for i, t in enumerate(texts)))
        conn.executemany(
            'INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?)',
            ((i + 1, m.start(), m.end()) for i, t in enumerate(texts) if (i + 1) % UNSPLIT
             for m in re.finditer(r"[^.\n]+\.", t)))


class TextReads:
    """Which statements on a connection read ``articles.text``, and how each of those finds
    its rows (SQLite's query plan): the authorizer says what a statement reads as it is
    prepared; the trace callback names the statement as it runs."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.reading = False
        self.statements: list[str] = []
        conn.set_authorizer(self._authorize)
        conn.set_trace_callback(self._trace)

    def _authorize(self, action, table, column, *_rest) -> int:
        if action == sqlite3.SQLITE_READ and (table, column) == ("articles", "text"):
            self.reading = True
        return sqlite3.SQLITE_OK

    def _trace(self, sql: str) -> None:
        if self.reading:
            self.statements.append(sql)
        self.reading = False

    def scans(self) -> list[str]:
        """Text-reading statements that scan the articles table rather than search it."""
        self.conn.set_authorizer(None)
        self.conn.set_trace_callback(None)
        found = []
        for sql in self.statements:
            plan = [row[3] for row in self.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
            if any(re.match(r"SCAN (articles|a)\b", step) for step in plan):
                found.append(f"{sql}: {plan}")
        return found


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big.db"
    build(path)
    return path


def test_the_window_works_before_its_background_work_ends_and_then_idles(
        qtbot: QtBot, big: Path, monkeypatch) -> None:
    from annotator.app import matching

    hold, split = threading.Event(), matching.split_missing

    def held_split(*args, **kwargs):
        assert hold.wait(30), "never released"
        return split(*args, **kwargs)

    monkeypatch.setattr(matching, "split_missing", held_split)
    monkeypatch.setattr(matching_worker, "START_AFTER_MS", 0)  # at once, to be held
    project = Project.open(big, create=False)
    reads = TextReads(project.db.conn)
    window = MainWindow(project, "maria")
    qtbot.addWidget(window)
    runner = window.matching.runner
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000):
        window.show()  # the catch-up starts once the window shows
    window.open_first()
    assert runner.is_busy() and window.workbench.state.article.id == 1
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)  # the list works while the worker is held
    assert window.workbench.state.article.id == 2 and window.current_article == 2
    assert runner.is_busy() and project.unsplit_articles()  # nothing was split meanwhile
    with qtbot.waitSignal(runner.busy_changed, timeout=60_000) as idle:
        hold.set()
    assert idle.args == [False] and runner.tasks() == [] and not window.runner.is_busy()
    assert project.unsplit_articles() == []  # split in batches, stored here
    assert "Method:" in window.side.claim_panel.method.text()
    assert reads.statements and reads.scans() == []  # one article's text at a time
    window.close()
    project.close()


def test_the_disputes_view_reads_its_groups_only_when_shown(qtbot: QtBot, big: Path,
                                                            monkeypatch) -> None:
    monkeypatch.setattr(matching_worker, "START_AFTER_MS", None)
    project = Project.open(big, create=False)
    read: list[str] = []
    project.db.conn.set_trace_callback(read.append)
    window = show_window(qtbot, project)
    assert not [sql for sql in read if "claim_groups" in sql]
    assert not window.matching.runner.is_busy()  # nothing started without being needed
    qtbot.keyClick(window.view.text, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.disputes
    assert [sql for sql in read if "claim_groups" in sql]
    project.db.conn.set_trace_callback(None)
    window.close()
    project.close()


def test_semantic_vectors_wait_until_matching_is_first_used(qtbot: QtBot, tmp_path: Path,
                                                            monkeypatch) -> None:
    from annotator.app import matching

    embedded: list[int] = []  # calls, in the worker
    monkeypatch.setattr(matching, "embed_some", lambda *_a, **_k: embedded.append(1) or [])
    monkeypatch.setattr(matching_worker, "START_AFTER_MS", 0)
    build(tmp_path / "small.db", 30)
    project = Project.open(tmp_path / "small.db", create=False)
    window = show_window(qtbot, project)
    runner = window.matching.runner
    qtbot.waitUntil(lambda: "Method:" in window.side.claim_panel.method.text(), timeout=60_000)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)
    assert embedded == []  # the index is caught up, no vectors computed
    window.view.text.select_cp(0, 9)
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000,
                          check_params_cb=lambda busy: not busy):
        qtbot.keyClick(window.view.text, Qt.Key.Key_G)  # rank: matching is used now
    assert embedded and runner.tasks() == []
    window.close()
    project.close()


def test_the_first_ranking_comes_before_the_semantic_vectors(qtbot: QtBot, tmp_path: Path,
                                                             monkeypatch) -> None:
    """The first G answers from the index as it is; the semantic model loads after it."""
    from annotator.app import matching

    events: list[str] = []
    monkeypatch.setattr(matching, "embed_some", lambda *_a, **_k: events.append("embed") or [])
    monkeypatch.setattr(matching_worker, "START_AFTER_MS", 0)
    build(tmp_path / "small.db", 30)
    project = Project.open(tmp_path / "small.db", create=False)
    window = show_window(qtbot, project)
    runner, candidates = window.matching.runner, window.side.claim_panel.candidates
    qtbot.waitUntil(lambda: "Method:" in window.side.claim_panel.method.text(), timeout=60_000)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)
    ranking = matching.Matcher.candidates  # noted in the worker, where the embedding runs too

    def ranked(self, *args, **kwargs):
        events.append("ranked")
        return ranking(self, *args, **kwargs)

    monkeypatch.setattr(matching.Matcher, "candidates", ranked)
    window.view.text.select_cp(0, 9)
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000,
                          check_params_cb=lambda busy: not busy):
        qtbot.keyClick(window.view.text, Qt.Key.Key_G)
    assert events[:2] == ["ranked", "embed"]
    qtbot.waitUntil(lambda: candidates.rowCount() > 0)  # and its rows are shown
    window.close()
    project.close()
