"""The exports to other tools are registered: the command line writes them, the export dialog
offers them and says what they write, and each writes only what the folder check expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from typer.testing import CliRunner

from annotator.app.export_layouts import layout_text
from annotator.app.exporting import ExportOptions, export_project
from annotator.cli import app
from annotator.io.formats import FORMATS, outputs
from tests.neighbour_corpus import build

NEW = ("doccano", "doccano-relations", "label-studio", "prodigy")


@pytest.mark.parametrize("fmt", NEW)
def test_writes_what_the_folder_check_expects(tmp_path: Path, fmt: str) -> None:
    project, _a, _b = build(tmp_path / "p.db")
    split = (("train", 0.5), ("dev", 0.5))
    report = export_project(project, ExportOptions(fmt, tmp_path / "out", split=split,
                                                   allow_disagreements=True))
    expected = {name for part, _ in split for name in outputs(fmt, part)[0]}
    written = {f.name for f in report.files}
    assert written <= expected and any(name.startswith("train") for name in written)
    assert layout_text(fmt).startswith("SPLIT")


def test_the_command_line_exports_them(tmp_path: Path) -> None:
    project, _a, _b = build(tmp_path / "p.db")
    project.close()
    for fmt in NEW:
        result = CliRunner().invoke(app, ["export", str(tmp_path / "p.db"), "-f", fmt, "-o",
                                          str(tmp_path / fmt), "--allow-disagreements"])
        assert result.exit_code == 0, result.output
        assert "2 articles" in result.output
    assert (tmp_path / "label-studio" / "all.label_config.xml").is_file()


def test_the_dialog_offers_them(qtbot, tmp_path: Path) -> None:
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, out=tmp_path / "out")
    qtbot.addWidget(dialog)
    offered = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert offered == list(FORMATS) and set(NEW) <= set(offered)
    dialog.format.setCurrentText("claim-pairs")
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
    assert dialog.format.currentText() == "doccano"
    assert dialog.layout_hint.text() == f"Writes per split: {layout_text('doccano')}"


def test_what_each_format_writes_is_said_in_german(qapp) -> None:
    from annotator.ui import i18n

    i18n.install("de")
    try:
        assert layout_text("jsonl") == "TEIL.jsonl: eine Aufgabe im Prodigy-Stil je Zeile"
        assert all(layout_text(f) and "SPLIT" not in layout_text(f) for f in FORMATS)
    finally:
        i18n.install("en")
