"""The side panel at a laptop's window: G's five ranked candidates, chosen by 1 … 5, are all in
view with their heading, none behind a scroll bar; a shorter window scrolls the panel to what
has the keys (the ranked list after G, the claim's form after E)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

QUERY = ("Abkommen unterzeichnet\n\nDas Abkommen zwischen Deutschland und Tschechien wurde am "
         "Mittwoch im Dresdner Ständehaus von beiden Ministerinnen feierlich unterzeichnet.")
# Six other articles on the same signing, each sentence long enough to wrap in the panel.
OTHERS = [f"Bericht {n}\n\nWie die Zeitung {n} berichtet, wurde das Abkommen zwischen Deutschland "
          f"und Tschechien am {day} in {place} von den Ministerinnen unterzeichnet, nach langen "
          f"Verhandlungen über Fonds, Laufzeit und Gemeinden."
          for n, (day, place) in enumerate([("Mittwoch", "Dresden"), ("Donnerstag", "Prag"),
                                            ("Mittwoch", "Pirna"), ("Dienstag", "Dresden"),
                                            ("Donnerstag", "Aussig"), ("Freitag", "Prag")], 1)]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest):
    project = Project.open(tmp_path / "p.db")
    for text in [QUERY, *OTHERS]:
        project.add_article(ArticleDraft(text=text, title=text.split("\n")[0]))
    win = show_window(qtbot, project, request.param)
    yield win
    win.close()
    project.close()


def in_view(widget: QWidget, rect: QRect | None = None) -> bool:
    """Nothing of ``rect`` (all of ``widget``) is clipped by the panel's scroll area."""
    rect = widget.rect() if rect is None else rect
    return widget.isVisible() and widget.visibleRegion().intersected(rect) == rect


def rows_in_view(win: MainWindow) -> bool:
    view = win.side.claim_panel.candidate_view
    rects = [view.visualRect(view.model().index(row, 0))
             for row in range(view.model().rowCount())]
    offset = view.viewport().pos()  # the rows' rects are the viewport's
    return all(view.viewport().rect().contains(r) and in_view(view, r.translated(offset))
               for r in rects)


def rank(qtbot: QtBot, win: MainWindow) -> None:
    """The cursor in the first article's claim (C marks it), then G: five candidates."""
    win.view.text.select_cp(QUERY.index("Mittwoch"), QUERY.index("Mittwoch"))
    qtbot.keyClick(win.view.text, Qt.Key.Key_C)
    qtbot.keyClick(win.view.text, Qt.Key.Key_G)
    panel = win.side.claim_panel
    qtbot.waitUntil(lambda: panel.candidates.rowCount() == 5, timeout=60_000)
    assert panel.candidate_view.hasFocus()


@pytest.mark.parametrize("window", [(1280, 800), (1024, 700)], indirect=True)
def test_all_five_candidates_and_their_heading_are_in_view(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    rank(qtbot, window)
    panel = window.side.claim_panel
    qtbot.waitUntil(lambda: rows_in_view(window))
    assert in_view(panel.heading)
    # several lines each: the rows are wrapped, not cut to one line
    view = panel.candidate_view
    assert all(view.visualRect(panel.candidates.index(r)).height()
               > 2 * view.fontMetrics().lineSpacing() for r in range(5))


@pytest.mark.parametrize("window", [(1024, 700)], indirect=True)
def test_a_short_window_scrolls_the_panel_to_the_form_on_e(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    rank(qtbot, window)
    panel = window.side.claim_panel
    qtbot.waitUntil(lambda: rows_in_view(window))
    assert not in_view(panel.kind)  # the list took the panel's height: the form above it
    qtbot.keyClick(panel.candidate_view, Qt.Key.Key_Escape)
    assert window.view.text.hasFocus()
    qtbot.keyClick(window.view.text, Qt.Key.Key_E)
    assert panel.kind.hasFocus()
    qtbot.waitUntil(lambda: in_view(panel.kind))


@pytest.mark.parametrize("window", [(1280, 800)], indirect=True)
def test_before_g_the_panel_fits_the_window_unscrolled(qtbot: QtBot, window: MainWindow) -> None:
    window.view.text.select_cp(QUERY.index("Mittwoch"), QUERY.index("Mittwoch"))
    qtbot.keyClick(window.view.text, Qt.Key.Key_C)
    panel, bar = window.side.claim_panel, window.side.area.verticalScrollBar()
    assert panel.claim is not None and window.view.text.hasFocus()
    lines = panel.candidate_view.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: panel.candidate_view.height() < 3 * lines)  # empty: two lines
    assert bar.maximum() == 0 and in_view(window.side.details)


@pytest.mark.parametrize("window", [(1024, 700)], indirect=True)
def test_a_long_value_is_elided_not_scrolled_sideways(qtbot: QtBot, window: MainWindow) -> None:
    window.view.text.select_cp(QUERY.index("Mittwoch"), QUERY.index("Mittwoch"))
    qtbot.keyClick(window.view.text, Qt.Key.Key_C)
    qtbot.keyClick(window.view.text, Qt.Key.Key_V)
    values = window.side.claim_panel.values
    qtbot.keyClick(values.list, Qt.Key.Key_A)
    qtbot.keyClicks(values.edit, "Ort: im Sitzungssaal des Bundesumweltministeriums in Dresden")
    qtbot.keyClick(values.edit, Qt.Key.Key_Return)
    rows = [values.list.item(i) for i in range(values.list.count())]
    (long,) = [item for item in rows if "Sitzungssaal" in item.text()]
    assert values.list.fontMetrics().horizontalAdvance(long.text()) > \
        values.list.viewport().width()  # wider than the list
    assert not values.list.horizontalScrollBar().isVisible()
    height = values.list.viewport().height()  # every value in view, the long one ending in "…"
    assert all(values.list.visualItemRect(item).top() >= 0
               and values.list.visualItemRect(item).bottom() < height for item in rows)
    assert long.text() in long.toolTip()
