"""The panels beside the text follow every change and every article switch, with the cursor
where it was: "At the cursor", the claim's form and the candidates of `G`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier
FIRST = ("Hafen erweitert\n\nRostock (dpa) – Die Senatorin Jana Wolff sagte, der Hafen werde bis "
         "2030 um zwei Becken erweitert. Danach ging sie.")
SECOND = ("Ausbau beschlossen\n\nWismar – Der Hafen in Rostock werde bis 2030 um zwei Becken "
          "erweitert, teilte der Senat mit.")
CLAIM = "Rostock (dpa) – Die Senatorin Jana Wolff sagte, der Hafen werde bis 2030 um zwei " \
        "Becken erweitert."


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    project = Project.open(tmp_path / "p.db")
    first = project.add_article(ArticleDraft(text=FIRST, title="Hafen erweitert"))
    project.add_article(ArticleDraft(text=SECOND, title="Ausbau beschlossen"))
    project.replace_suggestions(first, ModelInfo("de_annotator_ner", "0.1.0"),
                                [Span(*at(FIRST, "Rostock"), "LOC")])
    project.add_annotation(first, Layer.ENTITY, Span(*at(FIRST, "Hafen"), "ORG"), "maria")
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def cursor_at(win: MainWindow, word: str) -> None:
    start, _ = at(FIRST, word)
    win.view.text.select_cp(start, start)


def details(win: MainWindow) -> str:
    return win.side.details.text()


def test_at_the_cursor_follows_each_key(qtbot, window) -> None:
    cursor_at(window, "Rostock")
    assert "LOC</b> · suggestion" in details(window)
    press(qtbot, window, Key.Key_A)
    assert window.view.text.cursor_cp() == at(FIRST, "Rostock")[0]
    assert "LOC</b> · entity" in details(window) and "· suggestion" not in details(window)
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert "LOC</b> · suggestion" in details(window)
    press(qtbot, window, Key.Key_X)
    assert details(window) == "<i>nothing here</i>"
    cursor_at(window, "Senatorin")
    press(qtbot, window, Key.Key_1)
    assert "PER</b> · entity" in details(window)
    cursor_at(window, "Jana")
    press(qtbot, window, Key.Key_S)
    assert "SOURCE</b> · source" in details(window)


def test_the_next_article_shows_its_own_spans_at_the_cursor(qtbot, window) -> None:
    window.view.text.select_cp(0, 0)
    assert "ORG</b> · entity" in details(window)
    press(qtbot, window, Key.Key_N)  # the cursor stays at 0: nothing of the first article
    assert window.current_article == 2 and window.view.text.cursor_cp() == 0
    assert details(window) == "<i>nothing here</i>"


def ranked(qtbot: QtBot, win: MainWindow) -> None:
    """G on the claim at the cursor, and its candidates shown."""
    panel = win.side.claim_panel
    qtbot.waitUntil(lambda: "Method:" in panel.method.text(), timeout=60_000)
    press(qtbot, win, Key.Key_G)
    qtbot.waitUntil(lambda: panel.candidates.rowCount() > 0, timeout=60_000)


def test_the_candidates_and_groups_follow_the_article_and_undo(qtbot, window) -> None:
    window.project.add_annotation(1, Layer.CLAIM, Span(*at(FIRST, CLAIM), "CLAIM"), "maria")
    window.workbench.open(1)
    panel = window.side.claim_panel
    cursor_at(window, "Becken")
    ranked(qtbot, window)
    qtbot.keyClick(panel.candidate_view, Key.Key_1)  # into one group with the first
    assert "Group:" in panel.groups.text()
    qtbot.keyClick(panel.candidate_view, Key.Key_G, Mod.ControlModifier)  # the disputes page
    disputes = window.disputes
    qtbot.keyClick(disputes.list, Key.Key_A)  # all groups: both claims state 2030, two basins
    qtbot.keyClick(disputes.list, Key.Key_T)  # retitle the group there
    disputes.editor.clear()
    qtbot.keyClicks(disputes.editor, "Hafenausbau")
    qtbot.keyClick(disputes.editor, Key.Key_Return)
    qtbot.keyClick(disputes.list, Key.Key_G, Mod.ControlModifier)  # back to the text
    assert "Hafenausbau" in panel.groups.text()
    qtbot.keyClick(window.view.text, Key.Key_Z, Mod.ControlModifier)
    assert "Hafenausbau" not in panel.groups.text()
    qtbot.keyClick(window.view.text, Key.Key_Z, Mod.ControlModifier)
    assert window.project.claims.groups() == []
    assert panel.groups.text() == ""  # the form follows the undo, the cursor never moved
    qtbot.keyClick(panel.candidate_view, Key.Key_N)
    assert window.current_article == 2
    assert panel.candidates.rowCount() == 0  # the first article's candidates are gone


def test_candidates_that_arrive_after_the_switch_are_dropped(qtbot, window,
                                                             _no_task_left_running) -> None:
    window.project.add_annotation(1, Layer.CLAIM, Span(*at(FIRST, CLAIM), "CLAIM"), "maria")
    window.workbench.open(1)
    panel = window.side.claim_panel
    cursor_at(window, "Becken")
    ranked(qtbot, window)  # the index is ready: the next ranking is quick
    qtbot.keyClick(panel.candidate_view, Key.Key_Escape)
    press(qtbot, window, Key.Key_G)
    _runner, task = _no_task_left_running[-1]  # the ranking just started
    press(qtbot, window, Key.Key_N)  # before the worker answers
    assert task.is_active()
    qtbot.waitUntil(lambda: not task.is_active(), timeout=60_000)  # its answer delivered
    assert window.current_article == 2
    assert panel.candidates.rowCount() == 0


def test_the_claims_source_follows_a_merge_in_the_registry(qtbot, window) -> None:
    project, store = window.project, window.project.claims
    claim = project.add_annotation(1, Layer.CLAIM, Span(*at(FIRST, "Danach ging sie."), "CLAIM"),
                                   "maria")
    ids = {}
    for name, (start, end) in (("Jana Wolff", at(FIRST, "Jana Wolff")),
                               ("Wolff", at(FIRST, "Wolff"))):
        ids[name] = project.add_annotation(1, Layer.SOURCE, Span(start, end, "SOURCE"), "maria")
        store.set_canonical([ids[name]], store.add_source(name, "person"))
    project.add_link(claim, ids["Wolff"], "attributed_to", "maria")
    window.workbench.open(1)
    cursor_at(window, "Danach")
    source = window.side.claim_panel.source
    assert source.text() == "Wolff"
    press(qtbot, window, Key.Key_R, Mod.ControlModifier)
    dialog = window._sources_dialog
    dialog.activateWindow()
    table = dialog.table
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Key.Key_S)  # the suggested merge: Jana Wolff and Wolff
    qtbot.keyClick(table, Key.Key_M)  # which name stays: 1 Jana Wolff, 2 Wolff
    qtbot.keyClick(table, Key.Key_1)
    assert [s.name for s in store.sources()] == ["Jana Wolff"]
    assert source.text() == "Wolff → Jana Wolff"  # the cursor never moved
