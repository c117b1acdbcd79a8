"""`C` on a sentence of a real-news-like article marks exactly that sentence: a headline
without a full stop stays apart from the body, "z. B." and "3. Liga" do not end a sentence, a
dateline is a zone of its own, and emoji (two UTF-16 units, one code point) shift nothing. The
cursor is moved with real keys, so Qt's positions are converted to code points on the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.app.zones import RULES
from annotator.core.model import ArticleDraft, Layer
from annotator.nlp.zones import suggest_zones
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier
HEADLINE = "Sportverein 🚀 feiert Aufstieg in die 3. Liga"
AFTER_DATELINE = "Der FC Musterstadt spielt künftig in der 3. Liga."
ABBREVIATED = "Der Verein plant z. B. nach dem Aufstieg in die 3. Liga einen Ausbau."
AFTER_EMOJI = "Der Trainer lobte die Abwehr."
PAGE = (f"{HEADLINE}\n"
        f"Berlin (dpa) – {AFTER_DATELINE}\n"
        f"{ABBREVIATED} Das kostet Geld.\n\n"
        f"Fans feierten 🎉🎉 bis in die Nacht. {AFTER_EMOJI}\n")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    with Project.open(tmp_path / "p.db") as project:
        aid = project.add_article(ArticleDraft(text=PAGE, title=HEADLINE))
        project.replace_suggestions(aid, RULES, suggest_zones(PAGE), layer=Layer.STRUCTURE)
    project = Project.open(tmp_path / "p.db")
    win = show_window(qtbot, project, (1600, 900))
    yield win
    win.close()
    project.close()


def keys(qtbot: QtBot, win: MainWindow, *presses) -> None:
    for press in presses:
        key, mod = press if isinstance(press, tuple) else (press, Mod.NoModifier)
        qtbot.keyClick(win.view.text, key, mod)


def claims(win: MainWindow) -> list[str]:
    return [PAGE[a.start:a.end] for a in win.project.annotations(1, Layer.CLAIM)]


def to_line(n: int) -> list:
    """Keys to the start of line ``n`` (the text's lines are short: none wraps)."""
    return [(Key.Key_Home, Mod.ControlModifier), *[Key.Key_Down] * n, Key.Key_Home]


def test_the_rules_see_a_headline_and_a_dateline() -> None:
    labels = {(z.label, PAGE[z.start:z.end]) for z in suggest_zones(PAGE)}
    assert {("HEADLINE", HEADLINE), ("DATELINE", "Berlin (dpa) –")} <= labels


def test_c_marks_exactly_the_sentence_at_the_cursor(qtbot: QtBot, window: MainWindow) -> None:
    word = (Key.Key_Right, Mod.ControlModifier)
    keys(qtbot, window, *to_line(0), word, word, word, Key.Key_C)  # on "feiert"
    assert claims(window) == [HEADLINE]  # not running into the dateline's line
    keys(qtbot, window, *to_line(1), *[word] * 6, Key.Key_C)  # on "FC"
    assert claims(window)[-1] == AFTER_DATELINE  # without the dateline, not cut at "3."
    keys(qtbot, window, *to_line(2), word, word, word, Key.Key_C)  # on "z."
    assert claims(window)[-1] == ABBREVIATED
    keys(qtbot, window, *to_line(4), Key.Key_End, Key.Key_C)  # after the emoji: the last one
    assert claims(window)[-1] == AFTER_EMOJI
    assert sorted(claims(window)) == sorted([HEADLINE, AFTER_DATELINE, ABBREVIATED,
                                             AFTER_EMOJI])
