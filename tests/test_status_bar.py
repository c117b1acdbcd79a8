"""The status bar's passing message and its permanent figures read apart: a gap with a line in
it, the message elided ("…") when it does not fit, its whole text the tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, ModelInfo, Span
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.status_bar import GAP, StatusBar
from tests.conftest import show_window

TEXT = ("Abkommen unterzeichnet\n\nDresden (dpa) – Bundesumweltministerin Anna Berger sagte, "
        "das Abkommen sei am Mittwoch in Dresden unterzeichnet worden.")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest):
    project = Project.open(tmp_path / "p.db")
    aid = project.add_article(ArticleDraft(text=TEXT, title="Abkommen unterzeichnet"))
    spans = [Span(TEXT.index(w), TEXT.index(w) + len(w), label)
             for w, label in (("Anna Berger", "PER"), ("Dresden", "LOC"), ("Mittwoch", "MISC"))]
    project.replace_suggestions(aid, ModelInfo("de_annotator_ner", "0.1.0"), spans)
    win = show_window(qtbot, project, request.param)
    yield win
    win.close()
    project.close()


def ask_done(qtbot: QtBot, win: MainWindow) -> StatusBar:
    """D with open suggestions: its prompt opens and the status bar says what the keys do."""
    qtbot.keyClick(win.view.text, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    bar = win.statusBar()
    assert isinstance(bar, StatusBar)
    assert bar.currentMessage().startswith("Article 1 has 3 open suggestions: A accepts")
    return bar


def close_prompt(qtbot: QtBot) -> None:
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


@pytest.mark.parametrize("window", [(1280, 800)], indirect=True)
def test_the_message_ends_a_gap_before_the_figures(qtbot: QtBot, window: MainWindow) -> None:
    bar = ask_done(qtbot, window)
    rect = bar.message_rect()
    figures = window.status_label.mapTo(bar, QPoint(0, 0)).x()
    assert rect.right() + 1 + GAP == figures  # the message's room ends a gap before them
    assert bar.shown_message() == bar.currentMessage()  # it fits: whole
    image = bar.grab().toImage()
    background = bar.palette().color(bar.backgroundRole()).rgb()
    line = rect.right() + 1 + GAP // 2
    for x in range(rect.right() + 1, figures - 2):  # nothing drawn in the gap but the line
        inked = {y for y in range(image.height()) if image.pixel(x, y) != background}
        assert bool(inked) == (x == line), x
    close_prompt(qtbot)


@pytest.mark.parametrize("window", [(1024, 700)], indirect=True)
def test_a_long_message_is_elided_and_whole_in_its_tooltip(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    bar = ask_done(qtbot, window)
    shown, whole = bar.shown_message(), bar.currentMessage()
    assert shown.endswith("…") and whole.startswith(shown[:-1])
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_rect().width()
    at = bar.message_rect().center()
    QApplication.sendEvent(bar, QHelpEvent(QEvent.Type.ToolTip, at, bar.mapToGlobal(at)))
    assert QToolTip.isVisible() and whole in QToolTip.text()
    QToolTip.hideText()
    close_prompt(qtbot)
