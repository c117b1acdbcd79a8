"""The `?` sheet shows every key, also in German in a small window: its font gives way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.store import Project
from tests.conftest import show_window
from tests.test_i18n import german, sample  # noqa: F401 (german: the fixture)


def open_sheet(qtbot, project: Project, size: tuple[int, int]):
    win = show_window(qtbot, sample(project), size)
    qtbot.keyClick(win.view.text, Qt.Key.Key_Question)
    overlay = win.overlay
    assert overlay.isVisible() and overlay.hasFocus()
    return win, overlay


def fits(overlay) -> bool:
    label = overlay.label
    return label.heightForWidth(label.width()) <= label.height()


@pytest.mark.usefixtures("german")
def test_every_key_fits_in_german_in_a_small_window(qtbot, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        win, overlay = open_sheet(qtbot, project, (1100, 700))
        assert "Tastenkürzel" in overlay.label.text()
        assert fits(overlay)
        assert overlay.label.font().pointSizeF() < win.font().pointSizeF()  # it gave way
        win.resize(1900, 1150)  # more room: the font grows back
        qtbot.waitUntil(lambda: overlay.label.font().pointSizeF() == win.font().pointSizeF())
        assert fits(overlay)
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)
        assert not overlay.isVisible()
        win.close()


def test_a_large_window_keeps_the_application_font(qtbot, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        win, overlay = open_sheet(qtbot, project, (1900, 1150))
        assert overlay.label.font().pointSizeF() == win.font().pointSizeF() and fits(overlay)
        win.close()
