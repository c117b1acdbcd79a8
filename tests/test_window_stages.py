"""The window is made in stages: what the first key needs before it shows, the rest (the
claim form, the disputes page, the `?` sheet) after the article text first paints, or when
first used."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft
from annotator.store import Project
from annotator.ui import main_window
from annotator.ui.disputes_view import DisputesView
from annotator.ui.main_window import MainWindow
from annotator.ui.shortcut_overlay import ShortcutOverlay
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier


def later_parts(win: MainWindow) -> tuple[int, int]:
    return len(win.findChildren(DisputesView)), len(win.findChildren(ShortcutOverlay))


def test_the_rest_is_made_after_the_first_paint(qtbot: QtBot, project: Project) -> None:
    project.add_article(ArticleDraft(text="Anna Berger sagte das in Dresden.", title="T"))
    win = MainWindow(project, "maria")
    qtbot.addWidget(win)
    assert later_parts(win) == (0, 0) and win.later.missing() == ["claim_form", "disputes",
                                                                        "overlay", "outside"]
    assert not win.side.claim_panel.made  # one line says there is no claim at the cursor
    with qtbot.waitActive(win):
        win.show()
    win.open_first()
    win.view.text.setFocus()
    qtbot.waitUntil(lambda: not win.later.missing())  # nothing asked for them
    assert later_parts(win) == (1, 1) and win.outside.changes.watched()  # the file, its log
    panel = win.side.claim_panel
    assert panel.made and panel.kind.isVisible() and not panel.kind.isEnabled()
    assert not panel.none_here.isVisible()
    assert win.pages.currentWidget() is win.splitter and not win.overlay.isVisible()
    assert QApplication.focusWidget() is win.view.text  # the keys still go to the text


def test_the_later_parts_are_made_when_first_used(qtbot: QtBot, project: Project,
                                                  monkeypatch) -> None:
    monkeypatch.setattr(main_window, "LATER", ())  # none made after the paint
    project.add_article(ArticleDraft(text="Anna Berger sagte das in Dresden.", title="T"))
    win = show_window(qtbot, project)
    assert later_parts(win) == (0, 0)
    qtbot.keyClick(win.view.text, Key.Key_Question)
    assert win.overlay.isVisible() and "Mark a claim" in win.overlay.label.text()
    qtbot.keyClick(win.overlay, Key.Key_Escape)
    qtbot.keyClick(win.view.text, Key.Key_G, Mod.ControlModifier)
    assert win.pages.currentWidget() is win.disputes and later_parts(win) == (1, 1)
    qtbot.keyClick(win.disputes.list, Key.Key_G, Mod.ControlModifier)
    assert win.pages.currentWidget() is win.splitter


def test_the_claim_form_is_made_by_the_first_claim_at_the_cursor(qtbot: QtBot, project: Project,
                                                                 monkeypatch) -> None:
    monkeypatch.setattr(main_window, "LATER", ())  # not made after the paint
    text = "Anna Berger sagte, das Abkommen sei am Mittwoch unterzeichnet worden."
    project.add_article(ArticleDraft(text=text, title="T"))
    win = show_window(qtbot, project)
    panel = win.side.claim_panel
    assert not panel.made and panel.none_here.isVisible()
    assert "No claim at the cursor" in panel.none_here.text()
    qtbot.keyClick(win.view.text, Key.Key_E)  # no claim to edit: the form is not needed
    assert not panel.made
    win.view.text.select_cp(text.index("Mittwoch"), text.index("Mittwoch"))
    qtbot.keyClick(win.view.text, Key.Key_C)  # the sentence marked: the cursor in a claim
    assert panel.made and panel.claim is not None and panel.kind.isEnabled()
    assert not panel.none_here.isVisible()
    qtbot.keyClick(win.view.text, Key.Key_E)  # into the form at once, the first key
    assert panel.kind.hasFocus()
    qtbot.keyClick(panel.kind, Key.Key_Escape)
    qtbot.keyClick(win.view.text, Key.Key_V)  # the values' keys are bound with the form
    assert panel.values.list.hasFocus() and panel.values.list.count() > 0


def test_the_menus_come_in_the_usual_order(qtbot, project) -> None:
    win = show_window(qtbot, project)
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Article", "Tools", "Help"]


def test_an_empty_project_gets_its_claim_form_after_the_first_paint(qtbot: QtBot,
                                                                     project: Project) -> None:
    """No article to open: the text's placeholder is the first paint, the form follows, and
    the keys stay in the text."""
    win = show_window(qtbot, project)
    panel = win.side.claim_panel
    assert not panel.made and panel.none_here.isVisible()
    qtbot.waitUntil(lambda: not win.later.missing())
    assert panel.made and panel.kind.isVisible() and not panel.kind.isEnabled()
    assert QApplication.focusWidget() is win.view.text
