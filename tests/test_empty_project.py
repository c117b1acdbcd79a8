"""A new, empty project says what to do first, in the text pane, until an article opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Project
from tests.conftest import show_window
from tests.test_i18n import german  # noqa: F401 (the fixture)


def test_an_empty_project_says_how_to_import(qtbot, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        win = show_window(qtbot, project)
        editor = win.view.text
        assert editor.toPlainText() == ""
        hint = editor.placeholderText()
        assert hint.startswith("No article open.")
        assert all(keys in hint for keys in ("Ctrl+I", "Ctrl+Shift+I", "Ctrl+O"))
        article = tmp_path / "brücke.txt"
        article.write_text("Brücke gesperrt\n\nDie Elbbrücke in Meißen bleibt gesperrt.",
                           encoding="utf-8")
        win.start_import([article])  # as File ▸ Import does, in the background
        qtbot.waitUntil(lambda: win.model.rowCount() == 1, timeout=60_000)
        qtbot.waitUntil(lambda: editor.toPlainText() != "")  # it opens; the hint gives way
        win.close()


@pytest.mark.usefixtures("german")
def test_the_hint_is_german(qtbot, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        win = show_window(qtbot, project)
        hint = win.view.text.placeholderText()
        assert hint.startswith("Kein Artikel geöffnet. Strg+I importiert Dateien")
        win.close()
