"""One keymap: every key declared once, bound once, listed in the `?` sheet and the README."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.app.session import Session
from annotator.core.model import ArticleDraft
from annotator.store import Project
from annotator.ui import keymap, keymap_readme
from annotator.ui.adjudication_window import AdjudicationWindow
from annotator.ui.agreement_window import AgreementWindow
from annotator.ui.claim_panel import CandidateRow
from annotator.ui.keys import CONTEXTS, bind, bind_each
from annotator.ui.main_window import MainWindow
from annotator.ui.review_queue_window import ReviewQueueWindow
from annotator.ui.side_panel import SidePanel
from annotator.ui.sources_dialog import SourcesDialog
from tests.conftest import show_window

README = Path(__file__).parents[1] / "README.md"
Key, Mod = Qt.Key, Qt.KeyboardModifier


def normal(key: str) -> str:
    return QKeySequence(key).toString()


def test_the_readme_key_table_is_made_from_the_keymap() -> None:
    text = README.read_text(encoding="utf-8")
    assert keymap_readme.with_table(text) == text, (
        "README.md's key table differs from annotator/ui/keymap.py; rewrite it with "
        "`python -m annotator.ui.keymap --update README.md`")


def test_the_table_lists_every_listed_action_under_its_group() -> None:
    table = keymap_readme.markdown()
    for a in keymap.ACTIONS:
        if a.listed:
            assert f"| {a.help.format_map(keymap.FIELDS)}" in table, a.name
    groups = re.findall(r"^\*\*(.+)\*\*$", table, re.M)
    assert groups == list(dict.fromkeys(a.group for a in keymap.ACTIONS))
    assert "| `Tab` or `J` | Next span" in table
    assert "1 PER · 2 LOC · 3 ORG · 4 MISC" in table  # a new project's label scheme


def test_the_keymap_is_well_formed() -> None:
    names = [a.name for a in keymap.ACTIONS]
    assert len(names) == len(set(names))
    for a in keymap.ACTIONS:
        assert a.scope in keymap.CONTEXT and a.help and a.group, a.name
        assert "|" not in a.help + "".join(a.keys + a.shown), a.name  # a markdown cell
        assert a.keys or (a.shown and not a.each), f"{a.name}: a note shows its keys"
        assert all(not QKeySequence(k).isEmpty() for k in a.keys), a.name
        assert a.listed or a.keys, a.name
    assert {s for page in keymap.PAGES for s in page} == set(keymap.CONTEXT)
    assert set(keymap.ALSO_LIVE) == set(keymap.CONTEXT)


def test_no_two_actions_share_a_key_where_both_work() -> None:
    for scope, others in keymap.ALSO_LIVE.items():
        together = {scope, *others}
        keys = Counter(normal(k) for a in keymap.ACTIONS if a.scope in together for k in a.keys)
        assert [k for k, n in keys.items() if n > 1] == [], together


def test_an_unknown_name_is_an_error(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(KeyError, match="claim.mrak"):
        bind(widget, "claim.mrak", lambda: None)
    with pytest.raises(ValueError):
        bind(widget, "disputes.holds", lambda: None)  # one action per digit: bind_each
    with pytest.raises(ValueError):
        bind_each(widget, "claim.mark", lambda _i: None)
    with pytest.raises(ValueError):
        bind(widget, "note.drag", lambda: None)  # a note: the widget handles the keys
    assert widget.actions() == []


def bound_actions(root: QWidget) -> dict[str, list[QAction]]:
    """The actions with keys under ``root`` (its dialogs too), by name."""
    found: dict[str, list[QAction]] = {}
    for action in root.findChildren(QAction):
        if action.shortcuts():
            found.setdefault(action.objectName(), []).append(action)
    return found


def agreement_window(win: MainWindow) -> AgreementWindow:
    """The agreement window, opened by its action (Tools menu)."""
    win.findChild(QAction, "view.agreement").trigger()
    return win.findChild(AgreementWindow)


def test_every_action_is_bound_once_to_a_handler(qtbot, project: Project) -> None:
    """Build the main window, the source registry, the agreement, adjudication and review
    queue windows: each declared key is a QAction with a handler, with the declared keys and
    context, and no other QAction has a key."""
    project.add_article(ArticleDraft(text="Anna Berger sagte das in Dresden.", title="T"))
    win = show_window(qtbot, project)
    qtbot.waitUntil(lambda: not win.later.missing())  # the parts made after the first paint too
    win.show_sources()
    assert win._sources_dialog.parent() is win
    with qtbot.waitSignal(agreement_window(win).computed):  # (one annotator: nothing to show)
        pass
    win.findChild(QAction, "article.adjudicate").trigger()  # (nothing to adjudicate)
    assert win.findChild(AdjudicationWindow) is not None
    win.findChild(QAction, "view.review_queue").trigger()
    assert win.findChild(ReviewQueueWindow) is not None
    found = bound_actions(win)
    declared = {a.name: a for a in keymap.ACTIONS if a.keys}
    assert set(found) == set(declared)  # nothing bound outside the keymap, nothing missing
    for name, actions in found.items():
        a = declared[name]
        assert len(actions) == (len(a.keys) if a.each else 1), name
        keys = [k.toString() for action in actions for k in action.shortcuts()]
        assert keys == [normal(k) for k in a.keys], name
        for action in actions:
            assert action.receivers(SIGNAL("triggered(bool)")) > 0, name
            assert action.shortcutContext() == CONTEXTS[keymap.CONTEXT[a.scope]], name
            assert action.associatedObjects(), name


def test_a_declared_action_without_a_handler_stops_the_start(qtbot, project: Project,
                                                             monkeypatch) -> None:
    extra = keymap.Action("sources.extra", ("Q",), "Nothing handles this", "Source registry",
                          keymap.SOURCES)
    monkeypatch.setattr(keymap, "ACTIONS", (*keymap.ACTIONS, extra))
    with pytest.raises(RuntimeError, match="sources.extra"):
        SourcesDialog(Session(project, "maria"))


def test_the_main_window_checks_its_keys_at_the_start(qtbot, project: Project,
                                                      monkeypatch) -> None:
    """The article page's keys as the window is made; the disputes page's as it is made (after
    the first paint, or when first used)."""
    article = keymap.Action("article.extra", ("Ctrl+Alt+F12",), "Nothing handles this", "Article",
                            keymap.ARTICLE)
    monkeypatch.setattr(keymap, "ACTIONS", (*keymap.ACTIONS, article))
    # The window that does not start leaves no matching work queued behind (the autouse
    # fixture checks): the matching worker starts nothing before the window shows.
    with pytest.raises(RuntimeError, match="article.extra"):
        MainWindow(project, "maria")
    extra = keymap.Action("disputes.extra", ("Q",), "Nothing handles this", "Disputed claims",
                          keymap.DISPUTES)
    monkeypatch.setattr(keymap, "ACTIONS", (*keymap.ACTIONS[:-1], extra))
    window = MainWindow(project, "maria")
    qtbot.addWidget(window)
    with pytest.raises(RuntimeError, match="disputes.extra"):
        window.later.complete()


def test_the_sheet_lists_the_keys_of_the_page_shown(qtbot, project: Project) -> None:
    project.add_article(ArticleDraft(text="Anna Berger sagte das in Dresden.", title="T"))
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_Question)
    assert win.overlay.isVisible()
    text = win.overlay.label.text()
    headings = re.findall(r"<h3>(.*?)</h3>", text)
    assert headings == [g for g, _rows in keymap.sheet(keymap.ARTICLE_PAGE)]
    assert headings[0] == "Entities" and "Disputed claims" not in headings
    assert "1 PER · 2 LOC · 3 ORG · 4 MISC" in text  # the project's labels on the digits
    assert "Next span" in text and "Tab or J" in text
    qtbot.keyClick(win.overlay, Key.Key_Escape)
    qtbot.keyClick(win.view.text, Key.Key_G, Mod.ControlModifier)
    assert win.pages.currentWidget() is win.disputes
    qtbot.keyClick(win.disputes.list, Key.Key_F1)
    assert re.findall(r"<h3>(.*?)</h3>", win.overlay.label.text()) == [
        "Disputed claims", "Project"]


def test_candidate_keys_in_the_ranked_list_and_esc_in_the_panel(qtbot) -> None:
    side = SidePanel()  # Esc is the side panel's: its lists too
    qtbot.addWidget(side)
    panel = side.claim_panel
    rows = [CandidateRow(n, 2, f"Satz {n}", "ddp", 0.5, ()) for n in range(3)]
    panel.candidates.set_rows(list(rows))
    with qtbot.waitActive(side):
        side.show()
        side.activateWindow()
    panel.candidate_view.setFocus()
    panel.candidate_view.setCurrentIndex(panel.candidates.index(0))
    with qtbot.waitSignal(panel.candidate_rejected) as rejected:
        qtbot.keyClick(panel.candidate_view, Key.Key_X)
    assert rejected.args == [rows[0]] and panel.candidates.rows == rows[1:]
    with qtbot.waitSignal(panel.candidate_chosen) as chosen:
        qtbot.keyClick(panel.candidate_view, Key.Key_2)
    assert chosen.args == [rows[2]]
    with qtbot.assertNotEmitted(panel.candidate_chosen):
        qtbot.keyClick(panel.candidate_view, Key.Key_5)  # no fifth row
    with qtbot.waitSignal(side.escaped):
        qtbot.keyClick(panel.candidate_view, Key.Key_Escape)
    for field in (panel.kind, panel.evidence):  # the claim's form: a combo box, a line
        field.setEnabled(True)
        field.setFocus()
        with qtbot.waitSignal(side.escaped):
            qtbot.keyClick(field, Key.Key_Escape)
