"""Review you can trust: D decides what becomes of open suggestions, A and X go on to the next
one, the list and the status bar count what is open, and every key says what it did."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as QtNs
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.app import review
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.store import Project
from annotator.ui.article_list_model import ENTITIES
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = QtNs.Key, QtNs.KeyboardModifier
FIRST = ("Neue Brücke eröffnet\n\nMeißen (dpa) – Bürgermeisterin Jana Voigt sagte, die Brücke "
         "über die Elbe koste 12 Millionen Euro. Der Verkehr rollt ab Montag.")
SECOND = "Kurz gemeldet\n\nIn Pirna regnet es seit Tagen."
THIRD = "Ohne Vorschläge\n\nDer Stadtrat tagt am Donnerstag."
NER, CLAIMS, RULES = (ModelInfo("de_ner", "1"), ModelInfo("de_claims", "1"),
                      ModelInfo("zone_rules", "1"))


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Article 1: two entity and one claim suggestion open, and a zone (the rules'); article
    2: a zone only; article 3: nothing suggested."""
    with Project.open(tmp_path / "p.db") as project:
        first = project.add_article(ArticleDraft(text=FIRST, title="Neue Brücke eröffnet"))
        second = project.add_article(ArticleDraft(text=SECOND, title="Kurz gemeldet"))
        project.add_article(ArticleDraft(text=THIRD, title="Ohne Vorschläge"))
        assert first is not None and second is not None
        project.replace_suggestions(first, NER, [Span(*at(FIRST, "Meißen"), "LOC"),
                                                 Span(*at(FIRST, "Jana Voigt"), "PER")])
        project.replace_suggestions(first, CLAIMS, [Span(*at(
            FIRST, "die Brücke über die Elbe koste 12 Millionen Euro"), "CLAIM")], Layer.CLAIM)
        for article, text in ((first, FIRST), (second, SECOND)):
            project.replace_suggestions(article, RULES, [Span(*at(text, text.split("\n")[0]),
                                                              "HEADLINE")], Layer.STRUCTURE)
    return tmp_path / "p.db"


@pytest.fixture
def window(qtbot: QtBot, path: Path):
    project = Project.open(path)
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def put_cursor(win: MainWindow, piece: str, offset: int = 0) -> None:
    start = win.workbench.state.text.index(piece) + offset
    win.view.text.select_cp(start, start)


def message(win: MainWindow) -> str:
    return win.statusBar().currentMessage()


def open_ones(win: MainWindow, article: int = 1) -> list[str]:
    return [s.label for s in win.project.suggestions(article, open_only=True)]


def close_popup(qtbot: QtBot, win: MainWindow, name: str, key) -> QMenu:
    """Press a key in the popup menu of that name; then the window is active again
    (offscreen, a closed popup leaves none active)."""
    menu = win.findChild(QMenu, name)
    assert menu is not None and menu.isVisible()
    qtbot.keyClick(menu, key)
    qtbot.waitUntil(lambda: win.findChild(QMenu, name) is None)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return menu


def answer(qtbot: QtBot, win: MainWindow, key) -> None:
    """Answer D's prompt with a key."""
    prompt = win.findChild(QMenu, "donePrompt")
    assert prompt is not None
    assert "3 open suggestions" in " ".join(a.text() for a in prompt.actions())
    close_popup(qtbot, win, "donePrompt", key)
    assert win.review.prompt is None


# -- D ----------------------------------------------------------------------------------------

def test_d_with_open_suggestions_asks_and_a_accepts_the_rest_in_one_undo_step(qtbot, window
                                                                              ) -> None:
    press(qtbot, window, Key.Key_D)
    assert window.project.article_status(1) is Status.NEW  # not yet: it asks
    answer(qtbot, window, Key.Key_A)
    project = window.project
    assert project.article_status(1) is Status.DONE and window.current_article == 2
    assert sorted((FIRST[a.start:a.end], a.label) for a in project.annotations(1)) == [
        ("Jana Voigt", "PER"), ("Meißen", "LOC"),
        ("die Brücke über die Elbe koste 12 Millionen Euro", "CLAIM")]
    assert open_ones(window) == ["HEADLINE"]  # zones are not what D decides
    assert message(window) == "Article 1 done (3 suggestions accepted) — now article 2"
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)  # one step takes all of it back
    assert project.article_status(1) is Status.NEW and project.annotations(1) == []
    assert sorted(open_ones(window)) == ["CLAIM", "HEADLINE", "LOC", "PER"]


def test_d_then_x_rejects_the_rest_and_marks_done(qtbot, window) -> None:
    press(qtbot, window, Key.Key_D)
    answer(qtbot, window, Key.Key_X)
    assert window.project.article_status(1) is Status.DONE
    assert window.project.annotations(1) == [] and open_ones(window) == ["HEADLINE"]
    assert window.project.decisions(1) and set(window.project.decisions(1).values()) == {
        "rejected"}


def test_d_then_esc_leaves_the_article_open_and_unchanged(qtbot, window) -> None:
    press(qtbot, window, Key.Key_D)
    answer(qtbot, window, Key.Key_Escape)
    assert window.project.article_status(1) is Status.NEW and window.current_article == 1
    assert len(open_ones(window)) == 4 and window.session.undo_stack.count() == 0
    qtbot.waitUntil(lambda: message(window) == "Article 1 stays open: 3 open suggestions")
    press(qtbot, window, Key.Key_D)  # the article keys work again
    assert window.findChild(QMenu, "donePrompt") is not None
    answer(qtbot, window, Key.Key_Escape)


def test_d_without_open_suggestions_marks_done_at_once_zones_apart(qtbot, window) -> None:
    press(qtbot, window, Key.Key_N)
    press(qtbot, window, Key.Key_D)  # article 2 has only a zone suggestion open
    assert window.findChild(QMenu, "donePrompt") is None
    assert window.project.article_status(2) is Status.DONE and window.current_article == 3
    press(qtbot, window, Key.Key_D)  # the last one
    assert message(window) == "Article 3 done — it was the last in the list"


def test_mark_done_use_case_leaves_an_article_with_open_suggestions_to_the_caller(
        project: Project) -> None:
    article = project.add_article(ArticleDraft(text=FIRST))
    assert article is not None
    project.replace_suggestions(article, NER, [Span(*at(FIRST, "Meißen"), "LOC")])
    session = Session(project, "maria")
    assert review.open_count(project, article) == 1
    assert not review.mark_done(session, article)
    assert project.article_status(article) is Status.NEW
    assert review.mark_done(session, article, review.Rest.REJECT)
    assert project.article_status(article) is Status.DONE
    assert review.open_count(project, article) == 0 and session.undo_stack.count() == 1


# -- counting what is open -------------------------------------------------------------------

def test_the_list_and_the_status_bar_count_open_suggestions_without_zones(qtbot, window
                                                                          ) -> None:
    def column(row: int) -> int:
        return window.model.index(row, ENTITIES).data()

    assert [column(r) for r in range(3)] == [3, 0, 0]
    assert window.project.open_suggestion_counts() == {1: 3}
    assert "3 open suggestions in this article" in window.status_label.text()
    put_cursor(window, "Meißen")
    press(qtbot, window, Key.Key_A)
    assert column(0) == 2 and "2 open suggestions in this article" in window.status_label.text()
    press(qtbot, window, Key.Key_X)
    assert column(0) == 1 and "1 open suggestion in this article" in window.status_label.text()
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert column(0) == 2


# -- A and X go on ---------------------------------------------------------------------------

def test_a_and_x_go_on_to_the_next_open_suggestion_and_say_so(qtbot, window) -> None:
    editor = window.view.text
    put_cursor(window, "Meißen", 2)
    press(qtbot, window, Key.Key_A)
    assert editor.current == at(FIRST, "Jana Voigt")
    assert editor.cursor_cp() == at(FIRST, "Jana Voigt")[0]
    assert message(window) == "Accepted LOC „Meißen“ — next: PER „Jana Voigt“ (2 open)"
    press(qtbot, window, Key.Key_X)
    claim = "die Brücke über die Elbe koste 12 Millionen Euro"
    assert editor.current == at(FIRST, claim)
    assert message(window) == ("Rejected PER „Jana Voigt“ — next: CLAIM „die Brücke über die "
                               "Elbe koste 12 Milli…“ (1 open)")
    press(qtbot, window, Key.Key_A)
    assert message(window) == ("Accepted CLAIM „die Brücke über die Elbe koste 12 Milli…“ — "
                               "no more open suggestions in this article")


def test_x_on_the_last_goes_back_to_an_earlier_open_one(qtbot, window) -> None:
    put_cursor(window, "Jana Voigt")
    press(qtbot, window, Key.Key_X)
    press(qtbot, window, Key.Key_X)  # the claim, the last in the text
    assert window.view.text.current == at(FIRST, "Meißen")
    assert message(window).endswith("next (from the top): LOC „Meißen“ (1 open)")


# -- every key says what it did -----------------------------------------------------------------

NOTHING = [  # (where the cursor is, key, modifiers, what the status bar says)
    ("\n\n", Key.Key_1, Mod.NoModifier,
     "Nothing to label at the cursor: put it on a word or select text"),
    ("\n\n", Key.Key_9, Mod.NoModifier, "No entity label has the key 9"),
    ("\n\n", Key.Key_S, Mod.NoModifier,
     "Nothing to mark as a source at the cursor: put it on a word or select text"),
    ("Verkehr", Key.Key_A, Mod.NoModifier, "No suggestion at the cursor (Tab or J goes to the "
                                           "next span)"),
    ("Verkehr", Key.Key_X, Mod.NoModifier, "No suggestion at the cursor (Tab or J goes to the "
                                           "next span)"),
    ("Verkehr", Key.Key_Delete, Mod.NoModifier, "Nothing to delete at the cursor"),
    ("Verkehr", Key.Key_Right, Mod.AltModifier, "No span at the cursor to resize"),
    ("Meißen", Key.Key_Right, Mod.AltModifier,
     "No span at the cursor to resize (accept the suggestion first)"),
    ("Verkehr", Key.Key_L, Mod.NoModifier, "Link: put the cursor in a claim first (C marks one)"),
    ("Verkehr", Key.Key_E, Mod.NoModifier, "No claim at the cursor to edit (C marks one)"),
    ("Verkehr", Key.Key_L, Mod.ShiftModifier,
     "No claim at the cursor to attribute (C marks one)"),
    ("Montag", Key.Key_Tab, Mod.NoModifier, "No span after the cursor"),
    ("Verkehr", Key.Key_Z, Mod.ControlModifier, "Nothing to undo"),
    ("Verkehr", Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier, "Nothing to redo"),
    ("Verkehr", Key.Key_P, Mod.NoModifier, "No previous article in the list"),
]


@pytest.mark.parametrize(("where", "key", "mod", "said"), NOTHING,
                         ids=[f"{k.name}-{m.value}" for _w, k, m, _s in NOTHING])
def test_a_key_that_finds_nothing_to_do_says_so(qtbot, window, where, key, mod, said) -> None:
    put_cursor(window, where)
    window.statusBar().showMessage("stale")
    press(qtbot, window, key, mod)
    assert message(window) == said
    assert window.session.undo_stack.count() == 0


def test_a_on_a_zone_suggestion_says_that_z_decides_zones(qtbot, window) -> None:
    """A and X decide entity, claim and source suggestions; on the rules' headline zone they
    say which key does (they said "no suggestion" beside a panel showing one)."""
    put_cursor(window, FIRST.split("\n")[0], 2)
    for key in (Key.Key_A, Key.Key_X):
        press(qtbot, window, key)
        assert message(window) == "Only a zone suggestion here: Z confirms or changes it"
    assert window.session.undo_stack.count() == 0


def test_keys_that_do_something_say_what(qtbot, window) -> None:
    put_cursor(window, "Verkehr")
    press(qtbot, window, Key.Key_2)
    assert message(window) == "Add LOC (entity)"
    press(qtbot, window, Key.Key_2)
    assert message(window) == "The span is LOC already"
    put_cursor(window, "Meißen")
    press(qtbot, window, Key.Key_Tab)
    assert message(window) == "PER „Jana Voigt“ (suggestion)"
    press(qtbot, window, Key.Key_A, Mod.ShiftModifier)
    assert message(window) == "Accept 3 suggestions"
    press(qtbot, window, Key.Key_A, Mod.ShiftModifier)
    assert message(window) == "No open suggestions in this article (zones apart)"
    press(qtbot, window, Key.Key_D, Mod.ShiftModifier)
    assert message(window) == "Article 1 is in progress already"
    press(qtbot, window, Key.Key_N)
    assert message(window) == "Article 2 of 3 in the list"
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert message(window) == "Undid: Accept 3 suggestions in article 1 — showing it"


def test_closing_a_picker_without_a_choice_says_that_nothing_changed(qtbot, window) -> None:
    put_cursor(window, "Verkehr")
    press(qtbot, window, Key.Key_Z)
    close_popup(qtbot, window, "zonePicker", Key.Key_Escape)
    qtbot.waitUntil(lambda: message(window) == "Zone: nothing chosen, nothing changed")
    put_cursor(window, "Jana Voigt")
    press(qtbot, window, Key.Key_S)
    put_cursor(window, "Verkehr")
    press(qtbot, window, Key.Key_C)
    press(qtbot, window, Key.Key_L)
    close_popup(qtbot, window, "sourcePicker", Key.Key_Escape)
    qtbot.waitUntil(lambda: message(window) == "Link: no source chosen, nothing changed")
    assert window.project.links(1) == []


def test_undo_and_redo_in_another_article_show_it(qtbot, window) -> None:
    put_cursor(window, "Meißen")
    press(qtbot, window, Key.Key_C)  # a claim: the sentence
    press(qtbot, window, Key.Key_N)
    press(qtbot, window, Key.Key_N)
    assert window.current_article == 3
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert window.current_article == 1 and window.project.annotations(1) == []
    assert message(window) == "Undid: Add CLAIM (claim) in article 1 — showing it"
    press(qtbot, window, Key.Key_N)
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert window.current_article == 1 and len(window.project.annotations(1)) == 1
    assert message(window) == "Redid: Add CLAIM (claim) in article 1 — showing it"


def test_a_refused_undo_stays_until_the_next_key_action(qtbot, window, path: Path) -> None:
    put_cursor(window, "Verkehr")
    press(qtbot, window, Key.Key_4)
    with Project.open(path) as theirs:
        theirs.delete_annotation(theirs.annotations(1)[0].id)  # another window's doing
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    refused = message(window)
    assert refused.startswith("Cannot undo")
    # no timer takes it away
    assert not any(t.isActive() for t in window.statusBar().findChildren(QTimer))
    press(qtbot, window, Key.Key_Right)  # moving the cursor is no action: it stays
    assert message(window) == refused
    press(qtbot, window, Key.Key_F1)  # an action that says nothing: the old message goes
    assert message(window) == ""
