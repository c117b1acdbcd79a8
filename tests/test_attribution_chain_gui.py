"""Shift+L on a nested attribution ("Laut X sagte Y, …") by keyboard: the chain claim → Y → X
is stored in one undo step and shown where the claim's source is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as QtNs
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, ModelInfo, Span
from annotator.core.names import ATTRIBUTED_TO, REPORTED_BY
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = QtNs.Key, QtNs.KeyboardModifier
TEXT = ("Reform gescheitert\n\nLaut dem «Abendkurier» sagte Bildungsminister Jonas Albrecht in "
        "einer internen Sitzung, die Reform sei gescheitert.")


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    project = Project.open(tmp_path / "p.db")
    aid = project.add_article(ArticleDraft(text=TEXT, title="Reform gescheitert"))
    project.replace_suggestions(aid, ModelInfo("de_annotator_ner", "0.1.0"), [
        Span(*at("Jonas Albrecht"), "PER"), Span(*at("Abendkurier"), "ORG")])
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


def test_shift_l_stores_and_shows_the_chain(qtbot: QtBot, window: MainWindow) -> None:
    project, text = window.project, window.view.text
    text.select_cp(*at("die Reform sei gescheitert"))
    qtbot.keyClick(text, Key.Key_C)
    text.select_cp(at("Reform sei")[0], at("Reform sei")[0])
    panel = window.side.claim_panel
    assert "Jonas Albrecht via Abendkurier" in panel.suggestion.text()
    qtbot.keyClick(text, Key.Key_L, Mod.ShiftModifier)
    links = {lk.kind: lk for lk in project.links(1)}
    assert set(links) == {ATTRIBUTED_TO, REPORTED_BY}
    speaker, paper = (project.annotation(links[k].to_id) for k in (ATTRIBUTED_TO, REPORTED_BY))
    assert (TEXT[speaker.start:speaker.end], TEXT[paper.start:paper.end]) == (
        "Jonas Albrecht", "Abendkurier")
    assert links[REPORTED_BY].from_id == speaker.id and links[ATTRIBUTED_TO].attrs["cue"] == "sagte"
    text.select_cp(at("Reform sei")[0] + 1, at("Reform sei")[0] + 1)  # the panel follows
    assert panel.source.text() == "Jonas Albrecht · via Abendkurier"
    claims = window.side.claims
    assert claims.data(claims.index(0)).endswith("— Jonas Albrecht via Abendkurier")
    qtbot.keyClick(text, Key.Key_Z, Mod.ControlModifier)  # one undo step takes all of it back
    assert [lk.kind for lk in project.links(1)] == []
