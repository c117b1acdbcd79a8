"""An export's refusals and warnings are one decision worded for two surfaces: the window's
box names the export dialog's own fields and boxes (translated), the command line its flags;
numbers agree with their nouns."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from typer.testing import CliRunner

from annotator.app.exporting import ExportOptions, export_project, parse_split
from annotator.cli import app
from annotator.cli.datasets import FLAGS
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project
from tests.conftest import show_window
from tests.test_export_gold import two  # noqa: F401 (the fixture: versions that disagree)
from tests.test_i18n import german  # noqa: F401 (the fixture)
from tests.test_i18n_windows import english_shown

Key, Mod = Qt.Key, Qt.KeyboardModifier
runner = CliRunner()


def export_from_the_window(qtbot, win, out: Path) -> QMessageBox:
    """Ctrl+Shift+S; in the dialog Tab to the folder, type it, Enter; the box that follows."""
    seen: list[object] = []

    def drive() -> None:
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.disagreements.text())
        try:
            qtbot.waitUntil(lambda: dialog.format.hasFocus())
            qtbot.keyClick(dialog.format, Key.Key_Tab)
            assert dialog.out.hasFocus()
            qtbot.keyClicks(dialog.out, str(out))
            qtbot.keyClick(dialog.out, Key.Key_Return)
        finally:  # a failed check must not leave the dialog's loop running
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)
    qtbot.keyClick(win.view.text, Key.Key_S, Mod.ControlModifier | Mod.ShiftModifier)

    def shown() -> QMessageBox | None:
        boxes = [b for b in win.findChildren(QMessageBox, "taskMessageBox") if b.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=30_000)
    box = shown()
    assert box is not None and not out.exists()  # refused: nothing written
    box.setProperty("checkbox", seen[0])
    return box


@pytest.mark.usefixtures("two")
def test_the_window_names_the_dialogs_box_not_a_flag(qtbot, project: Project,
                                                      tmp_path: Path) -> None:
    win = show_window(qtbot, project)
    box = export_from_the_window(qtbot, win, tmp_path / "out")
    text = box.text()
    assert text.startswith("Export failed: 1 article has annotators' versions that disagree")
    assert "'Brücke'" in text and "Haushalt" not in text
    assert box.property("checkbox") == ("also articles whose annotators disagree and that have "
                                        "no gold version (every version)")
    assert f"(tick “{box.property('checkbox')}”)" in text
    assert "(choose it under “Version”)" in text
    assert "--" not in text and "1 articles" not in text


@pytest.mark.usefixtures("two", "german")
def test_the_window_says_it_in_german(qtbot, project: Project, tmp_path: Path) -> None:
    win = show_window(qtbot, project)
    box = export_from_the_window(qtbot, win, tmp_path / "out")
    text = box.text()
    assert text.startswith("Export fehlgeschlagen: 1 Artikel hat voneinander abweichende "
                           "Fassungen von Annotatoren und keine Goldfassung: ")
    assert box.property("checkbox").startswith("auch Artikel, deren Annotatoren abweichen")
    assert f"(„{box.property('checkbox')}“ ankreuzen)" in text
    assert "(unter „Fassung“ wählen)" in text
    assert "--" not in text and english_shown([text]) == []


@pytest.mark.usefixtures("two")
def test_the_command_line_names_its_flags(project: Project, tmp_path: Path) -> None:
    db = str(project.path)
    project.close()
    result = runner.invoke(app, ["export", db, "-f", "jsonl", "-o", str(tmp_path / "r")])
    assert result.exit_code == 1
    said = " ".join(result.output.split())  # the terminal's line breaks undone
    assert "1 article has annotators' versions that disagree and no gold version" in said
    assert "(--annotator NAME)" in said and "(--allow-disagreements)" in said
    assert "tick" not in said and "“" not in said


def test_every_flag_a_message_names_is_the_commands(project: Project) -> None:
    usage = runner.invoke(app, ["export", "--help"], terminal_width=200).output
    assert all(flag in usage for flag in FLAGS.values())
    assert set(FLAGS) <= set(ExportOptions.__struct_fields__)


def test_one_article_is_one(project: Project, tmp_path: Path) -> None:
    aid = project.add_article(ArticleDraft(text="Anna Berger war in Dresden.", title="Kurz"))
    project.add_annotation(aid, Layer.ENTITY, Span(0, 11, "PER"), "maria")
    project.set_status(aid, Status.DONE, "maria")
    report = export_project(project, ExportOptions(
        "jsonl", tmp_path / "out", split=parse_split("train=0.5,dev=0.5")))
    assert report.summary() == "1 article (train 1, dev 0) in 2 files"  # and the manifest
    assert report.warnings == ["split 'dev' is empty: 1 article did not reach it"]


def test_the_dialog_names_its_own_field(qtbot, tmp_path: Path) -> None:
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, out=tmp_path / "out")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.split.selectAll()
    qtbot.keyClicks(dialog.split, "train=0.8,dev")
    qtbot.keyClick(dialog.split, Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "“Split”: 'dev' is not NAME=FRACTION"


def test_a_format_that_cannot_mark_missing_names_the_dialogs_boxes(qapp, project: Project,
                                                                   tmp_path: Path) -> None:
    from annotator.app.exporting import ExportRefused
    from annotator.ui.export_dialog import DialogNames, option_text

    project.add_article(ArticleDraft(text="Niemand hat das gelesen.", title="Neu"))
    options = ExportOptions("conll", tmp_path / "out", include_unreviewed=True)
    with pytest.raises(ExportRefused) as refused:
        export_project(project, options, names=DialogNames())
    said = str(refused.value)
    assert "refused 1 article: 1 'Neu' (not marked done)" in said
    assert (f"(tick “{option_text('reviewed_only')}”; "
            f"untick “{option_text('include_unreviewed')}”)") in said
    assert "--" not in said and not (tmp_path / "out").exists()
