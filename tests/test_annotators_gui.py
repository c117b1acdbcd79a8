"""Several annotators in the window, by keys: two on one project keep their own labels on the
same word and their own status; another's version is shown read only and refuses writes; the
name is asked once, at the first start, and kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt as QtNs
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, DocSpan, Layer, Status
from annotator.store import Project
from annotator.ui import annotator_name
from annotator.ui.article_list_model import STATUS
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = QtNs.Key, QtNs.KeyboardModifier
TEXT = "Hochwasser in Dresden\n\nIn Dresden steigt die Elbe weiter, sagte Anna Berger."
OTHER = "Kurz gemeldet\n\nIn Pirna regnet es seit Tagen."


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    """Article 1 came with an imported LOC on the second "Dresden"; article 2 with nothing."""
    word = TEXT.index("Dresden", 20)
    with Project.open(tmp_path / "p.db") as project:
        project.add_article(ArticleDraft(text=TEXT, title="Hochwasser", annotations=[
            DocSpan("T1", Layer.ENTITY, word, word + 7, "LOC")]))
        project.add_article(ArticleDraft(text=OTHER, title="Kurz gemeldet"))
    project = Project.open(tmp_path / "p.db")
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


def cursor_on(win: MainWindow, word: str, nth: int = 1) -> None:
    text = win.workbench.state.text
    at = -1
    for _ in range(nth):
        at = text.index(word, at + 1)
    win.view.text.select_cp(at, at)


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def type_name(qtbot: QtBot, win: MainWindow, key, name: str) -> None:
    """Ctrl+Shift+U or Ctrl+Shift+V, a name in the status bar's field, Enter."""
    press(qtbot, win, key, Mod.ControlModifier | Mod.ShiftModifier)
    field = win.annotators.field
    assert field.isVisible() and field.hasFocus()
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Key.Key_Return)
    assert not field.isVisible()


def entities(win: MainWindow, who: str) -> list[tuple[str, str, str]]:
    return [(a.label, TEXT[a.start:a.end], a.annotator)
            for a in win.project.annotations(1, Layer.ENTITY, annotator=who)]


def status_cell(win: MainWindow, row: int) -> str:
    return win.model.index(row, STATUS).data()


def test_two_annotators_keep_their_labels_and_status(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    assert "annotator: maria" in win.status_label.text()
    cursor_on(win, "Dresden", 2)
    press(qtbot, win, Key.Key_2)  # maria: LOC, over her copy of the imported one
    cursor_on(win, "Dresden", 1)
    press(qtbot, win, Key.Key_2)
    assert entities(win, "maria") == [("LOC", "Dresden", "maria"), ("LOC", "Dresden", "maria")]
    press(qtbot, win, Key.Key_D)  # done, and on to article 2
    assert win.current_article == 2 and status_cell(win, 0) == "done"

    type_name(qtbot, win, Key.Key_U, "jonas")
    assert win.session.annotator == "jonas" and "annotator: jonas" in win.status_label.text()
    assert "Now annotating as jonas" in win.statusBar().currentMessage()
    assert status_cell(win, 0) == "new"  # his status of article 1
    assert QSettings().value(annotator_name.SETTING) == "jonas"  # kept for the next start
    win.select_article(1)
    assert [a.annotator for a in win.workbench.state.annotations] == ["import"]
    cursor_on(win, "Dresden", 2)
    press(qtbot, win, Key.Key_3)  # jonas: ORG on the same word
    assert entities(win, "jonas") == [("ORG", "Dresden", "jonas")]
    assert entities(win, "maria") == [("LOC", "Dresden", "maria"), ("LOC", "Dresden", "maria")]
    assert win.project.article_status(1, "maria") is Status.DONE
    assert win.project.article_status(1, "jonas") is Status.IN_PROGRESS
    assert status_cell(win, 0) == "in progress"
    assert "0 / 2 done" in win.status_label.text()


def test_another_annotators_version_is_shown_read_only(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    win = window
    cursor_on(win, "Dresden", 1)
    press(qtbot, win, Key.Key_1)  # maria's PER (a wrong one)
    type_name(qtbot, win, Key.Key_U, "jonas")
    type_name(qtbot, win, Key.Key_V, "maria")
    assert win.session.read_only and win.status_label.text().startswith(
        "Read only: maria's version")
    assert [a.label for a in win.workbench.state.layer(Layer.ENTITY)] == ["PER", "LOC"]
    rows = win.project.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    cursor_on(win, "Elbe")
    press(qtbot, win, Key.Key_2)
    assert "Read only" in win.statusBar().currentMessage()
    press(qtbot, win, Key.Key_Z, Mod.ControlModifier)
    assert "Read only" in win.statusBar().currentMessage()
    press(qtbot, win, Key.Key_D)
    assert "Read only" in win.statusBar().currentMessage() and win.review.prompt is None
    assert win.project.db.execute("SELECT count(*) FROM annotations").fetchone()[0] == rows
    assert not win.project.has_version(1, "jonas")
    type_name(qtbot, win, Key.Key_V, "")  # no name: his own again
    assert not win.session.read_only
    assert [a.annotator for a in win.workbench.state.layer(Layer.ENTITY)] == ["import"]


def test_esc_leaves_the_name_field_and_nothing_changes(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    press(qtbot, win, Key.Key_U, Mod.ControlModifier | Mod.ShiftModifier)
    qtbot.keyClicks(win.annotators.field, "jonas")
    qtbot.keyClick(win.annotators.field, Key.Key_Escape)
    assert not win.annotators.field.isVisible() and win.view.text.hasFocus()
    assert win.session.annotator == "maria"
    press(qtbot, win, Key.Key_U, Mod.ControlModifier | Mod.ShiftModifier)
    qtbot.keyClicks(win.annotators.field, "import")
    qtbot.keyClick(win.annotators.field, Key.Key_Return)
    assert win.session.annotator == "maria" and "imported layer" in \
        win.statusBar().currentMessage()


def test_the_name_is_asked_once_and_kept(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    QSettings().remove(annotator_name.SETTING)
    monkeypatch.setattr(annotator_name, "login_name", lambda: "mfischer")
    asked: list[str] = []

    def answer(dialog: annotator_name.NameDialog) -> int:
        qtbot.addWidget(dialog)
        asked.append(dialog.field.text())
        dialog.show()
        qtbot.keyClicks(dialog.field, "Maria Fischer")  # replaces the selected login name
        qtbot.keyClick(dialog.field, Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(annotator_name.NameDialog, "exec", answer)
    assert annotator_name.annotator_name() == "mfischer"  # a start that may not ask (--screenshot)
    assert asked == [] and QSettings().value(annotator_name.SETTING) is None
    assert annotator_name.annotator_name(ask=True) == "Maria Fischer"
    assert asked == ["mfischer"]
    assert annotator_name.annotator_name(ask=True) == "Maria Fischer"  # not asked again
    assert asked == ["mfischer"]
    monkeypatch.setenv("ANNOTATOR_NAME", "jonas")
    assert annotator_name.annotator_name(ask=True) == "jonas"


def test_the_dialog_refuses_no_name_and_the_imported_layers(qtbot: QtBot) -> None:
    dialog = annotator_name.NameDialog("maria")
    qtbot.addWidget(dialog)
    dialog.show()
    for refused in ("", "import"):
        dialog.field.setText(refused)
        qtbot.keyClick(dialog.field, Key.Key_Return)
        assert dialog.isVisible() and dialog.result() == 0
    dialog.field.setText("jonas")
    qtbot.keyClick(dialog.field, Key.Key_Return)
    assert not dialog.isVisible() and dialog.name() == "jonas"
