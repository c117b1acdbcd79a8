"""The `?` sheet shows every key, also in German in a small window: its font gives way, and
where even that is not enough, the arrows and Page Up/Down scroll it (any other key closes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.store import Project
from annotator.ui.shortcut_overlay import SMALLEST_PT
from tests.conftest import show_window
from tests.test_i18n import german, sample  # noqa: F401 (german: the fixture)

Key = Qt.Key


def open_sheet(qtbot, project: Project, size: tuple[int, int]):
    win = show_window(qtbot, sample(project), size)
    qtbot.keyClick(win.view.text, Key.Key_Question)
    overlay = win.overlay
    assert overlay.isVisible() and overlay.hasFocus()
    return win, overlay


def fits(overlay) -> bool:
    return overlay.area.verticalScrollBar().maximum() == 0


@pytest.mark.usefixtures("german")
def test_in_a_small_window_the_sheet_gives_way_then_scrolls(qtbot, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        win, overlay = open_sheet(qtbot, project, (1000, 600))
        assert "Tastenkürzel" in overlay.label.text()
        assert overlay.label.font().pointSizeF() == SMALLEST_PT  # the font gave way first
        bar = overlay.area.verticalScrollBar()
        assert not fits(overlay) and "blättern" in overlay.label.text()  # says how to scroll
        qtbot.keyClick(overlay, Key.Key_End)  # the last rows come into view; it stays open
        assert overlay.isVisible() and bar.value() == bar.maximum()
        qtbot.keyClick(overlay, Key.Key_PageUp)
        assert overlay.isVisible() and bar.value() < bar.maximum()
        qtbot.keyClick(overlay, Key.Key_Escape)  # any other key closes
        assert not overlay.isVisible()
        win.close()


@pytest.mark.usefixtures("german")
def test_a_middle_sized_window_fits_every_key_in_a_smaller_font(qtbot, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        win, overlay = open_sheet(qtbot, project, (1440, 880))
        assert fits(overlay) and "Jede Taste schließt" in overlay.label.text()
        assert overlay.label.font().pointSizeF() < win.font().pointSizeF()  # it gave way
        win.resize(1900, 1150)  # more room: the font grows back
        qtbot.waitUntil(lambda: overlay.label.font().pointSizeF() == win.font().pointSizeF())
        assert fits(overlay)
        qtbot.keyClick(overlay, Key.Key_Down)  # nothing to scroll: any key closes
        assert not overlay.isVisible()
        win.close()


def test_a_large_window_keeps_the_application_font(qtbot, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        win, overlay = open_sheet(qtbot, project, (1900, 1150))
        assert overlay.label.font().pointSizeF() == win.font().pointSizeF() and fits(overlay)
        win.close()
