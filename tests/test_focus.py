"""Where the keys go: the window starts in the article text, the focused pane shows a frame
(in a dark palette too), and Esc brings the focus back to the text from every field and list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier
TEXT = ("Hafen erweitert\n\nRostock (dpa) – Die Senatorin Jana Wolff sagte, der Hafen werde bis "
        "2030 um zwei Becken erweitert. Danach ging sie.")
OTHER = "Zweiter Bericht\n\nWismar – Der Kai wird saniert."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def project(tmp_path: Path):
    p = Project.open(tmp_path / "p.db")
    p.add_article(ArticleDraft(text=TEXT, title="Hafen erweitert"))
    p.add_article(ArticleDraft(text=OTHER, title="Zweiter Bericht"))
    yield p
    p.close()


def test_the_window_starts_with_the_focus_in_the_article_text(qtbot: QtBot,
                                                               project: Project) -> None:
    win = MainWindow(project, "maria")  # as the app starts it: no one sets the focus after
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.open_first()
    assert QApplication.focusWidget() is win.view.text
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_N)  # the first key works at once
    assert win.current_article == 2
    win.close()


def frame_colour(widget: QWidget) -> QColor:
    """The colour of the pane's left frame, half way down."""
    image = widget.grab().toImage()
    return image.pixelColor(0, image.height() // 2)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.Base, "#15171a"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Mid, "#3c4043"),
                         (QPalette.ColorRole.Highlight, "#8ab4f8")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("dark", [False, True])
def test_the_focused_pane_shows_a_frame_in_the_highlight_colour(qtbot, project, dark) -> None:
    win = show_window(qtbot, project)
    if dark:
        win.setPalette(dark_palette())
    highlight = win.palette().color(QPalette.ColorRole.Highlight)
    panes = (win.view.text, win.list, win.side.views[Layer.CLAIM])
    for pane in panes:
        pane.setFocus()
        assert pane.hasFocus()
        assert frame_colour(pane) == highlight, pane.objectName()
        for other in panes:
            if other is not pane:
                assert frame_colour(other) != highlight, other.objectName()
    base = win.palette().color(QPalette.ColorRole.Base)
    win.view.text.setFocus()
    frame = frame_colour(win.view.text)
    contrast = abs(frame.lightness() - base.lightness()) + abs(frame.hue() - base.hue())
    assert contrast > 60  # the frame stands out from the text's background
    win.close()


def test_esc_goes_back_to_the_text_from_every_field_and_list(qtbot, project) -> None:
    project.add_annotation(1, Layer.CLAIM, Span(at("Rostock")[0], at("Becken erweitert.")[1],
                                                "CLAIM"), "maria")
    win = show_window(qtbot, project)
    text = win.view.text
    text.select_cp(at("Becken")[0], at("Becken")[0])
    qtbot.keyClick(text, Key.Key_L, Mod.ShiftModifier)  # the suggested source: the cue fields
    assert win.project.links(1)
    text.select_cp(at("Becken")[0], at("Becken")[0])
    panel, side = win.side.claim_panel, win.side
    fields = [panel.kind, panel.checkworthy, panel.verdict, panel.evidence, panel.comment,
              panel.cue, panel.quote_type, panel.candidate_view, side.views[Layer.CLAIM],
              side.views[Layer.SOURCE], win.list, win.filter_bar.search,
              win.filter_bar.status, win.filter_bar.label, win.filter_bar.teach]
    for field in fields:
        field.setFocus()
        assert field.hasFocus(), field.objectName()
        if field in (panel.evidence, panel.comment, panel.cue):
            qtbot.keyClicks(field, "laut")  # typing in it first
        qtbot.keyClick(field, Key.Key_Escape)
        assert text.hasFocus(), field.objectName()
    qtbot.keyClick(text, Key.Key_N)  # and the keys work there
    assert win.current_article == 2
    win.close()
