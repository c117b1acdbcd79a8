"""The annotation workbench driven from the keyboard, as an annotator works in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as QtNs
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.store import Project
from annotator.ui.article_list_model import ArticleIdRole
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = QtNs.Key, QtNs.KeyboardModifier
FIRST = ("Vertrag unterzeichnet 😀\n\nDresden (dpa) – Die Ministerin Anna Berger 🇩🇪 sagte, "
         "das Abkommen sei am Mittwoch in Warschau unterzeichnet worden. Danach reiste sie ab.")
SECOND = "Zweiter Bericht\n\nPrag (AFP) – Der Vertrag 𝔄 gilt nach Angaben der Regierung 45 Jahre."
THIRD = "Fußball\n\nDer FC Elbtal gewann das Derby."


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Project.open(tmp_path / "p.db") as project:
        first = project.add_article(ArticleDraft(text=FIRST, title="Vertrag unterzeichnet 😀"))
        project.add_article(ArticleDraft(text=SECOND, title="Zweiter Bericht"))
        project.add_article(ArticleDraft(text=THIRD, title="Fußball"))
        info = ModelInfo("de_annotator_ner", "0.1.0")
        project.replace_suggestions(first, info, [
            Span(*at(FIRST, "Dresden"), "LOC"), Span(*at(FIRST, "Anna Berger"), "PER"),
            Span(*at(FIRST, "Warschau"), "ORG")])
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


def put_cursor(win: MainWindow, text: str, word: str, offset: int = 0) -> None:
    start, _ = at(text, word)
    win.view.text.select_cp(start + offset, start + offset)


def stored(win: MainWindow, layer: Layer, article: int = 1) -> list[tuple[str, str]]:
    text = win.project.article(article).text
    return [(text[a.start:a.end], a.label) for a in win.project.annotations(article, layer)]


def test_digit_labels_the_word_at_the_cursor_with_exact_offsets(qtbot, window) -> None:
    put_cursor(window, FIRST, "Ministerin", 3)
    press(qtbot, window, Key.Key_4)
    assert stored(window, Layer.ENTITY) == [("Ministerin", "MISC")]
    (ann,) = window.project.annotations(1, Layer.ENTITY)
    assert (ann.start, ann.end) == at(FIRST, "Ministerin")  # code points, after two astral chars


def test_keyboard_selection_snaps_to_words(qtbot, window) -> None:
    put_cursor(window, FIRST, "Abkommen", 2)
    press(qtbot, window, Key.Key_Right, Mod.ShiftModifier | Mod.ControlModifier)
    press(qtbot, window, Key.Key_Right, Mod.ShiftModifier | Mod.ControlModifier)
    press(qtbot, window, Key.Key_4)
    assert stored(window, Layer.ENTITY) == [("Abkommen sei", "MISC")]


def test_alt_digit_keeps_exact_characters(qtbot, window) -> None:
    start, _ = at(FIRST, "Abkommen")
    window.view.text.select_cp(start + 2, start + 6)
    press(qtbot, window, Key.Key_4, Mod.AltModifier)
    assert stored(window, Layer.ENTITY) == [("komm", "MISC")]


def test_accept_reject_and_tab_through_suggestions(qtbot, window) -> None:
    put_cursor(window, FIRST, "Dresden", 1)
    press(qtbot, window, Key.Key_A)
    assert stored(window, Layer.ENTITY) == [("Dresden", "LOC")]
    assert window.view.text.current == at(FIRST, "Anna Berger")  # A went on to the next one
    put_cursor(window, FIRST, "Dresden", 1)
    press(qtbot, window, Key.Key_Tab)  # to Anna Berger
    assert window.view.text.current == at(FIRST, "Anna Berger")
    press(qtbot, window, Key.Key_X)
    assert [s.label for s in window.project.suggestions(1, open_only=True)] == ["ORG"]
    put_cursor(window, FIRST, "Warschau", 2)
    press(qtbot, window, Key.Key_2)  # accept the ORG suggestion as LOC
    assert stored(window, Layer.ENTITY) == [("Dresden", "LOC"), ("Warschau", "LOC")]
    assert window.project.suggestions(1, open_only=True) == []


def test_accept_all_then_undo_in_one_step(qtbot, window) -> None:
    press(qtbot, window, Key.Key_A, Mod.ShiftModifier)
    assert len(stored(window, Layer.ENTITY)) == 3
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert stored(window, Layer.ENTITY) == []


def test_mark_claim_and_source_and_link_them(qtbot, window) -> None:
    put_cursor(window, FIRST, "Abkommen")
    press(qtbot, window, Key.Key_C)
    claim_text = ("Dresden (dpa) – Die Ministerin Anna Berger 🇩🇪 sagte, das Abkommen sei am "
                  "Mittwoch in Warschau unterzeichnet worden.")
    assert stored(window, Layer.CLAIM) == [(claim_text, "CLAIM")]
    put_cursor(window, FIRST, "Anna Berger", 2)
    press(qtbot, window, Key.Key_S)  # takes the suggested PER span's extent
    assert stored(window, Layer.SOURCE) == [("Anna Berger", "SOURCE")]
    put_cursor(window, FIRST, "Abkommen")

    press(qtbot, window, Key.Key_L)
    menu = window.findChild(QMenu, "sourcePicker")
    assert menu is not None and menu.isVisible()
    qtbot.keyClicks(menu, "1")
    assert window.statusBar().currentMessage() == "Linked the claim to SOURCE „Anna Berger“"
    (link,) = window.project.links(1)
    claim = window.project.annotation(link.from_id)
    source = window.project.annotation(link.to_id)
    assert (claim.layer, source.layer, link.kind) == (Layer.CLAIM, Layer.SOURCE, "attributed_to")
    claims_view = window.side.claims
    assert claims_view.rowCount() == 1
    assert claims_view.index(0).data().endswith("— Anna Berger")


def test_delete_and_resize_span_by_keys(qtbot, window) -> None:
    put_cursor(window, FIRST, "Anna", 1)
    press(qtbot, window, Key.Key_1)  # on a suggestion: accept it
    assert stored(window, Layer.ENTITY) == [("Anna Berger", "PER")]
    press(qtbot, window, Key.Key_Right, Mod.AltModifier)  # grow the end by a token: the flag
    assert stored(window, Layer.ENTITY) == [("Anna Berger 🇩🇪", "PER")]
    press(qtbot, window, Key.Key_Left, Mod.AltModifier | Mod.ShiftModifier)  # grow the start
    assert stored(window, Layer.ENTITY) == [("Ministerin Anna Berger 🇩🇪", "PER")]
    press(qtbot, window, Key.Key_Right, Mod.AltModifier | Mod.ShiftModifier | Mod.ControlModifier)
    assert stored(window, Layer.ENTITY) == [("inisterin Anna Berger 🇩🇪", "PER")]
    press(qtbot, window, Key.Key_2)  # relabel the span at the cursor
    assert stored(window, Layer.ENTITY) == [("inisterin Anna Berger 🇩🇪", "LOC")]
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)  # the three resizes were one step
    assert stored(window, Layer.ENTITY) == [("Anna Berger", "PER")]
    put_cursor(window, FIRST, "Berger")
    press(qtbot, window, Key.Key_Delete)
    assert stored(window, Layer.ENTITY) == []


def test_undo_redo_across_articles(qtbot, window) -> None:
    put_cursor(window, FIRST, "Warschau")
    press(qtbot, window, Key.Key_2)
    press(qtbot, window, Key.Key_N)
    assert window.current_article == 2
    put_cursor(window, SECOND, "Regierung")
    press(qtbot, window, Key.Key_3)
    assert stored(window, Layer.ENTITY, 2) == [("Regierung", "ORG")]
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert stored(window, Layer.ENTITY, 1) == [] and stored(window, Layer.ENTITY, 2) == []
    press(qtbot, window, Key.Key_Y, Mod.ControlModifier)
    assert stored(window, Layer.ENTITY, 1) == [("Warschau", "LOC")]


def test_mark_done_moves_on_and_updates_the_list(qtbot, window) -> None:
    press(qtbot, window, Key.Key_D)
    prompt = window.findChild(QMenu, "donePrompt")  # three suggestions are open: reject them
    qtbot.keyClick(prompt, Key.Key_X)
    qtbot.waitUntil(lambda: window.current_article == 2)
    assert window.project.article_status(1) is Status.DONE
    assert window.current_article == 2
    assert window.model.index(0, 3).data() == "done"
    assert "1 / 3 done" in window.status_label.text()


def test_filter_and_search_the_list(qtbot, window) -> None:
    window.filter_bar.search.setFocus()
    qtbot.keyClicks(window.filter_bar.search, "derby")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.current_article == 3
    window.filter_bar.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    window.filter_bar.label.setCurrentIndex(window.filter_bar.label.findData("ORG"))
    assert window.model.rowCount() == 1  # only the first article has an ORG suggestion


@pytest.mark.parametrize("leave", [Key.Key_Return, Key.Key_Escape])
def test_enter_or_escape_in_the_search_goes_back_to_the_text(qtbot, window, leave) -> None:
    press(qtbot, window, Key.Key_F, Mod.ControlModifier)
    assert window.filter_bar.search.hasFocus()
    qtbot.keyClicks(window.filter_bar.search, "derby")
    qtbot.waitUntil(lambda: window.current_article == 3)
    qtbot.keyClick(window.filter_bar.search, leave)
    assert window.view.text.hasFocus()
    press(qtbot, window, Key.Key_D)  # the article keys work again at once
    assert window.project.article_status(3) is Status.DONE


def test_shortcut_overlay_lists_keys(qtbot, window) -> None:
    qtbot.keyClick(window.view.text, Key.Key_F1)
    assert window.overlay.isVisible()
    assert "Mark a claim" in window.overlay.label.text()
    qtbot.keyClick(window.overlay, Key.Key_Escape)
    assert not window.overlay.isVisible()


def test_reopening_finds_everything_as_it_was(qtbot, path: Path) -> None:
    project = Project.open(path)
    win = show_window(qtbot, project)
    put_cursor(win, FIRST, "Dresden")
    press(qtbot, win, Key.Key_A)
    press(qtbot, win, Key.Key_N)
    win.close()
    project.close()
    again = Project.open(path)
    win2 = show_window(qtbot, again)
    assert win2.current_article == 2  # the last article opened
    assert [(FIRST[a.start:a.end], a.label) for a in again.annotations(1)] == [("Dresden", "LOC")]
    assert again.article_status(1) is Status.IN_PROGRESS
    again.close()


def test_drag_a_span_boundary_with_the_mouse(qtbot, window) -> None:
    window.project.add_annotation(1, Layer.ENTITY, Span(*at(FIRST, "Anna"), "PER"), "maria")
    window.workbench.open(1)
    editor = window.view.text
    put_cursor(window, FIRST, "Anna", 1)
    assert editor.current == at(FIRST, "Anna")

    def point(cp: int):
        cursor = editor.textCursor()
        cursor.setPosition(editor.to_document(cp))
        rect = editor.cursorRect(cursor)
        return rect.center()

    end = at(FIRST, "Anna")[1]
    target = at(FIRST, "Berger")[1]
    qtbot.mousePress(editor.viewport(), QtNs.MouseButton.LeftButton, pos=point(end))
    qtbot.mouseMove(editor.viewport(), pos=point(target))
    qtbot.mouseRelease(editor.viewport(), QtNs.MouseButton.LeftButton, pos=point(target))
    assert stored(window, Layer.ENTITY) == [("Anna Berger", "PER")]


def test_side_panel_lists_claims_and_selects_them(qtbot, window) -> None:
    put_cursor(window, FIRST, "Danach")
    press(qtbot, window, Key.Key_C)
    view = window.side.views[Layer.CLAIM]
    index = window.side.claims.index(0)
    assert index.data().startswith("„Danach reiste sie ab.“")
    qtbot.mouseClick(view.viewport(), QtNs.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert window.view.text.selection_cp() == at(FIRST, "Danach reiste sie ab.")


def test_models_pass_qt_model_tester(qtmodeltester, window) -> None:
    put_cursor(window, FIRST, "Abkommen")
    window.workbench.mark(Layer.CLAIM)
    qtmodeltester.check(window.side.claims)
    qtmodeltester.check(window.side.sources)
    window.filter_bar.status.setCurrentIndex(1)  # New
    qtmodeltester.check(window.model)


def test_import_runs_in_the_background_and_fills_the_list(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "neu"
    folder.mkdir()
    (folder / "a.txt").write_text("Neuer Bericht\n\nHamburg (dpa) – Anna Berger reiste nach "
                                  "Warschau.\n", encoding="utf-8")
    window.start_import([folder])
    assert window.runner.is_busy()
    qtbot.waitUntil(lambda: not window.runner.is_busy() and window.model.total() == 4,
                    timeout=60_000)
    labels = {s.label for s in window.project.suggestions(4)}
    assert "LOC" in labels  # Warschau, from the entity model run in the worker
    assert window.current_article == 1  # the open article stays open


def test_teach_order_puts_the_least_certain_first(qtbot, window) -> None:
    project = window.project
    info = ModelInfo("m", "1")
    project.replace_suggestions(2, info, [Span(0, 7, "ORG", 0.31)])
    project.replace_suggestions(3, info, [Span(0, 7, "MISC", 0.9)])
    project.replace_suggestions(1, info, [Span(*at(FIRST, "Dresden"), "LOC", 0.99)])
    window.filter_bar.teach.setChecked(True)
    order = [window.model.index(row, 0).data(ArticleIdRole) for row in range(3)]
    assert order == [2, 3, 1]
    assert window.model.row_of(1) == 2
    project.decide([project.suggestions(2)[0].id], "rejected", "maria")
    window.model.reload()
    assert [window.model.index(r, 0).data(ArticleIdRole) for r in range(3)] == [3, 1, 2]
