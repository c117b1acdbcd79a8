"""File ▸ Export asks before replacing an earlier export and refuses to replace foreign files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from annotator.app.exporting import ExportOptions, export_project, parse_split
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.io.export_folder import MANIFEST
from annotator.store import Project


@pytest.fixture
def filled(project: Project) -> Project:
    for i in range(10):
        text = f"Artikel {i}: Anna Berger sagte in Dresden, es regne."
        aid = project.add_article(ArticleDraft(text=text, title=f"Artikel {i}"))
        project.add_annotation(aid, Layer.ENTITY, Span(12, 23, "PER"), "maria")
    return project


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


def open_dialog(qtbot, window, out: Path, split: str):
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(window, out=out)
    dialog.format.setCurrentText("jsonl")
    dialog.split.setText(split)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.split.setFocus()
    return dialog


def press_ok(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.split, Qt.Key.Key_Return)


def asked(qtbot, dialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    return dialog.question


def test_the_dialog_asks_before_replacing_an_earlier_export(qtbot, filled: Project,
                                                            tmp_path: Path) -> None:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.task_actions import start_export

    out = tmp_path / "out"
    export_project(filled, ExportOptions("jsonl", out, split=parse_split("train=0.5,dev=0.5"),
                                         include_unreviewed=True))
    (out / "thesis.docx").write_bytes(b"PK meine Arbeit")
    (out / "train.jsonl").write_text("von Hand geändert\n", encoding="utf-8")
    before = tree(out)
    window = MainWindow(filled, "maria")
    qtbot.addWidget(window)
    dialog = open_dialog(qtbot, window, out, "train=0.5,test=0.5")
    dialog.unreviewed.setChecked(True)  # the articles are not marked done

    press_ok(qtbot, dialog)
    question = asked(qtbot, dialog)
    text = question.text()
    assert "earlier export (jsonl" in text and "dev.jsonl, train.jsonl" in text
    assert "Changed or gone since that export wrote them: train.jsonl." in text
    assert "Kept as they are: thesis.docx" in text
    assert question.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # no: the dialog stays, nothing is written
    qtbot.waitUntil(lambda: dialog.question is None)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert tree(out) == before

    press_ok(qtbot, dialog)
    question = asked(qtbot, dialog)
    replace = question.button(QMessageBox.StandardButton.Yes)
    assert replace.text() == "&Replace"
    qtbot.keyClick(replace, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
    options = dialog.options()
    assert options.overwrite and options.split == (("train", 0.5), ("test", 0.5))
    start_export(window, window.runner, filled.path, options)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    after = tree(out)
    assert sorted(after) == [MANIFEST, "test.jsonl", "thesis.docx", "train.jsonl"]
    assert after["thesis.docx"] == before["thesis.docx"]
    assert "Export: 10 articles" in window.statusBar().currentMessage()
    window.close()


def test_the_dialog_refuses_a_folder_whose_files_it_would_replace(qtbot, filled: Project,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "dev.jsonl").write_text("meine Daten\n", encoding="utf-8")
    (out / "photos").mkdir()
    before = tree(out)
    dialog = open_dialog(qtbot, None, out, "train=0.5,dev=0.5")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "would replace dev.jsonl, which no export of annotator wrote" in dialog.error.text()
    assert dialog.question is None and dialog.isVisible() and tree(out) == before

    dialog.split.setText("train=1")  # nothing in the way: asks, naming what it keeps
    dialog.split.setFocus()
    press_ok(qtbot, dialog)
    question = asked(qtbot, dialog)
    assert not dialog.error.isVisible()
    assert "holds other files: dev.jsonl, photos/" in question.text()
    assert "nothing is replaced" in question.text()
    qtbot.keyClick(question.button(QMessageBox.StandardButton.Yes), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.options().overwrite


def test_an_empty_folder_is_not_asked_about(qtbot, filled: Project, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, None, tmp_path / "new", "train=1")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.question is None and not dialog.options().overwrite
    assert not (tmp_path / "new").exists()  # looking wrote nothing


def test_the_dialog_offers_every_layer_zones_too(qtbot, tmp_path: Path) -> None:
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, out=tmp_path / "out")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert [box.text() for box in dialog.layers.values()] == [
        "entity", "claim", "source", "structure"]
    assert dialog.options().layers is None  # all checked: every layer, zones included
    box = dialog.layers[Layer.STRUCTURE]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    assert dialog.options().layers == {Layer.ENTITY, Layer.CLAIM, Layer.SOURCE}


def test_the_dialog_includes_unreviewed_work_and_splits_by_group(qtbot, filled: Project,
                                                                 tmp_path: Path) -> None:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.task_actions import start_export

    window = MainWindow(filled, "maria")
    qtbot.addWidget(window)
    dialog = open_dialog(qtbot, window, tmp_path / "out", "train=0.5,test=0.5")
    assert not dialog.unreviewed.isChecked() and not dialog.by_group.isChecked()
    assert dialog.options().include_unreviewed is False  # done articles only, by default
    for box in (dialog.unreviewed, dialog.by_group):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    dialog.split.setFocus()
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    options = dialog.options()
    assert options.include_unreviewed and options.split_by == "group"
    start_export(window, window.runner, filled.path, options)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    tasks = [json.loads(line) for name in ("train", "test")
             for line in (tmp_path / "out" / f"{name}.jsonl").read_text("utf-8").splitlines()]
    assert len(tasks) == 10 and {t["answer"] for t in tasks} == {"ignore"}  # not reviewed
    assert "10 with parts nobody reviewed" in window.statusBar().currentMessage()
    window.close()


def test_the_dialog_says_what_the_format_writes(qtbot, tmp_path: Path) -> None:
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, out=tmp_path / "out")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentText("jsonl")
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert dialog.layout_hint.text() == ("Writes per split: SPLIT.jsonl: one Prodigy-style "
                                         "task per line")
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)  # the next format: spacy
    assert dialog.format.currentText() == "spacy"
    assert "a folder SPLIT/ of spaCy DocBins, 000001.spacy" in dialog.layout_hint.text()


def test_the_publisher_is_asked_for_claimreview_only(qtbot, tmp_path: Path) -> None:
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, out=tmp_path / "out")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.format.setCurrentText("jsonl")
    assert not dialog.publisher.isEnabled() and dialog.options().publisher is None
    dialog.format.setCurrentText("claimreview")
    assert dialog.publisher.isEnabled()
    assert dialog.options().publisher is None  # left empty: the annotator is the author
    dialog.publisher.setFocus()
    qtbot.keyClicks(dialog.publisher, "Faktencheck Elbtal ")
    assert dialog.options().publisher == "Faktencheck Elbtal"
    dialog.format.setCurrentText("jsonl")  # typed, then another format: not passed on
    assert dialog.options().publisher is None
