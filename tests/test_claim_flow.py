"""Issue 4's flow by keyboard: mark claims, attribute them, group the contradicting ones,
review the disputed group side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as QtNs
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = QtNs.Key, QtNs.KeyboardModifier
FIRST = ("Abkommen unterzeichnet\n\nDresden (dpa) – Bundesumweltministerin Anna Berger sagte, "
         "das Abkommen sei am Mittwoch in Dresden unterzeichnet worden. Es gilt 40 Jahre.")
SECOND = ("Vertrag in Prag\n\nPrag – Nach Angaben des Prager Tageskuriers wurde der Vertrag am "
          "Donnerstag in Prag unterzeichnet. Die Laufzeit beträgt 45 Jahre.")


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    project = Project.open(tmp_path / "p.db")
    info = ModelInfo("de_annotator_ner", "0.1.0")
    for text, names in ((FIRST, [("Anna Berger", "PER"), ("Dresden", "LOC")]),
                        (SECOND, [("Prager Tageskuriers", "ORG"), ("Prag", "LOC")])):
        aid = project.add_article(ArticleDraft(text=text, title=text.split("\n")[0]))
        project.replace_suggestions(aid, info, [Span(*at(text, w), label) for w, label in names])
    win = show_window(qtbot, project, (1400, 850))
    yield win
    win.close()
    project.close()


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def cursor_on(win: MainWindow, text: str, word: str) -> None:
    start, _ = at(text, word)
    win.view.text.select_cp(start, start)


def test_mark_attribute_group_and_review(qtbot: QtBot, window: MainWindow) -> None:
    project = window.project
    # Article 1: the claim is the sentence; Shift+L takes the suggested attribution.
    cursor_on(window, FIRST, "Mittwoch")
    press(qtbot, window, Key.Key_C)
    press(qtbot, window, Key.Key_L, Mod.ShiftModifier)
    (link,) = project.links(1)
    source = project.annotation(link.to_id)
    assert FIRST[source.start:source.end].endswith("Anna Berger")
    assert link.attrs["cue"] == "sagte" and link.attrs["quote_type"] == "reported"
    assert project.claims.source(source.source_id).kind == "person"
    # E edits the claim's kind from the keyboard.
    cursor_on(window, FIRST, "Mittwoch")
    press(qtbot, window, Key.Key_E)
    kind = window.side.claim_panel.kind
    assert kind.hasFocus()
    qtbot.keyClick(kind, Key.Key_Down)
    (claim,) = project.annotations(1, Layer.CLAIM)
    assert claim.attrs.get("kind") == "factual"
    qtbot.keyClick(kind, Key.Key_Escape)
    assert window.view.text.hasFocus()
    # Article 2, the same way.
    press(qtbot, window, Key.Key_N)
    cursor_on(window, SECOND, "Donnerstag")
    press(qtbot, window, Key.Key_C)
    press(qtbot, window, Key.Key_L, Mod.ShiftModifier)
    (link2,) = project.links(2)
    assert "Tageskurier" in SECOND[project.annotation(link2.to_id).start:
                                   project.annotation(link2.to_id).end]
    # G ranks the sentences and claims of the other article (in a worker); the claim's number
    # (1-5) adds it to a group.
    cursor_on(window, SECOND, "Donnerstag")
    press(qtbot, window, Key.Key_G)
    panel = window.side.claim_panel
    qtbot.waitUntil(lambda: panel.candidates.rowCount() >= 1, timeout=20_000)
    n = next(i for i, r in enumerate(panel.candidates.rows) if r.kind == "claim")
    qtbot.keyClick(panel.candidate_view, Key(Key.Key_1.value + n))
    (group,) = project.claims.groups()
    assert group.disputed
    assert {m.value for m in group.members} == {"Mittwoch", "Donnerstag"}
    # Ctrl+G: the side-by-side view; 2 records that the second claim holds.
    qtbot.keyClick(window.view.text, Key.Key_G, Mod.ControlModifier)
    assert window.pages.currentWidget() is window.disputes
    assert window.disputes.current_group().id == group.id
    qtbot.keyClick(window.disputes.list, Key.Key_2)
    holding = project.claims.group(group.id).holding_id
    assert holding == window.disputes.current_group().members[1].annotation_id
    qtbot.keyClick(window.disputes.list, Key.Key_Z, Mod.ControlModifier)
    assert project.claims.group(group.id).holding_id is None
