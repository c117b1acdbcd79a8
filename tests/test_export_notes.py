"""What a format's writer tells about the files it wrote is data (io/export_notes.py), worded
in one place (app/export_texts.py): English on the command line, the interface's language in
the window, with the noun agreeing with its number; so is an earlier export's list of files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from typer.testing import CliRunner

from annotator.app import export_texts as say
from annotator.app.exporting import ExportError, ExportOptions, check_output, export_project
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.io.export_folder import Survey
from annotator.io.export_manifest import Entry, ExportFile, Manifest, entries
from annotator.io.export_notes import Kind, WriterNote
from annotator.store import Project
from tests.conftest import show_window
from tests.test_i18n import german  # noqa: F401 (the fixture)
from tests.test_i18n_windows import english_shown

Key = Qt.Key


def notes(caplog: pytest.LogCaptureFixture) -> list[WriterNote]:
    """The notes the writers logged while ``caplog`` listened."""
    return [r.export_note for r in caplog.records if hasattr(r, "export_note")]


ENGLISH = {  # the words of each note, for 1 and for 2
    Kind.NESTED_ENTITIES: (
        "left out 1 entity span that overlaps others or covers only white space (CoNLL cannot "
        "nest)", "left out 2 entity spans that overlap others or cover only white space (CoNLL "
        "cannot nest)"),
    Kind.CONTROL_CHARACTERS: (
        "control characters in 1 article written as their pictures in the tokens (␁ for "
        "U+0001, ␦ for C1 controls and U+FFFD; the sidecar keeps the text): 'Anna'",
        "control characters in 2 articles written as their pictures in the tokens (␁ for "
        "U+0001, ␦ for C1 controls and U+FFFD; the sidecar keeps the text): 'Anna', 'Ben'"),
    Kind.OVERLAPPING_SPANS: (
        "left out 1 span that overlaps others (Prodigy's spans cannot)",
        "left out 2 spans that overlap others (Prodigy's spans cannot)"),
    Kind.CLAIMS_DISAGREE: (
        "left out 1 claim whose verdict and claim group disagree: 'Anna'",
        "left out 2 claims whose verdict and claim group disagree: 'Anna', 'Ben'"),
    Kind.CLAIMS_UNREVIEWED: (
        "left out the claims of 1 article not marked done (what nobody reviewed is missing, "
        "not a negative): 'Anna'",
        "left out the claims of 2 articles not marked done (what nobody reviewed is missing, "
        "not a negative): 'Anna', 'Ben'"),
}
NAMED = {Kind.CONTROL_CHARACTERS, Kind.CLAIMS_DISAGREE, Kind.CLAIMS_UNREVIEWED}


def note(kind: Kind, n: int) -> WriterNote:
    return WriterNote(kind, "train.jsonl", n, ("Anna", "Ben")[:n] if kind in NAMED else ())


@pytest.mark.parametrize("kind", list(Kind))
def test_each_note_in_english_one_and_many(kind: Kind) -> None:
    one, two = ENGLISH[kind]
    assert say.written(note(kind, 1)) == f"train.jsonl: {one}"
    assert say.written(note(kind, 2)) == f"train.jsonl: {two}"


@pytest.mark.usefixtures("german")
def test_each_note_in_german_one_and_many() -> None:
    said = {kind: [say.written(note(kind, n)) for n in (1, 2)] for kind in Kind}
    assert said[Kind.NESTED_ENTITIES] == [
        "train.jsonl: 1 Entitäts-Textstelle weggelassen, die andere überlappt oder nur Leerraum "
        "umfasst (CoNLL kann nicht verschachteln)",
        "train.jsonl: 2 Entitäts-Textstellen weggelassen, die andere überlappen oder nur "
        "Leerraum umfassen (CoNLL kann nicht verschachteln)"]
    assert said[Kind.CLAIMS_UNREVIEWED][0] == (
        "train.jsonl: die Behauptungen von 1 nicht als fertig markierten Artikel weggelassen "
        "(was niemand geprüft hat, fehlt, es ist kein Negativbeispiel): 'Anna'")
    assert said[Kind.CLAIMS_UNREVIEWED][1].startswith(
        "train.jsonl: die Behauptungen von 2 nicht als fertig markierten Artikeln weggelassen")
    assert said[Kind.CLAIMS_DISAGREE][1].startswith("train.jsonl: 2 Behauptungen weggelassen")
    assert said[Kind.OVERLAPPING_SPANS][0].startswith("train.jsonl: 1 Textstelle weggelassen")
    assert said[Kind.CONTROL_CHARACTERS][1].startswith("train.jsonl: Steuerzeichen in 2 Artikeln")
    texts = [t for pair in said.values() for t in pair]
    assert english_shown(texts) == [] and not any("{" in t for t in texts)


def test_an_earlier_exports_files_counted() -> None:
    paths = ["dev.jsonl", "test/a.spacy", *(f"train/{n}.spacy" for n in range(12)),
             *(f"x{n}.txt" for n in range(6))]
    assert entries(paths)[:3] == [Entry("dev.jsonl"), Entry("test/", 1), Entry("train/", 12)]
    manifest = Manifest({"format": "spacy", "created": "2024-05-02T10:00:00Z"},
                        ())
    assert say.earlier_export(manifest) == "spacy, 2024-05-02T10:00:00Z: "
    assert say.entries(entries(paths)) == (
        "dev.jsonl, test/ (1 file), train/ (12 files), x0.txt, x1.txt, x2.txt and 3 more")


@pytest.mark.usefixtures("german")
def test_an_earlier_exports_files_counted_in_german() -> None:
    paths = ["test/a.spacy", *(f"train/{n}.spacy" for n in range(12)),
             *(f"x{n}.txt" for n in range(6))]
    assert say.entries(entries(paths)) == (
        "test/ (1 Datei), train/ (12 Dateien), x0.txt, x1.txt, x2.txt, x3.txt und 2 weitere")


def nested(project: Project, verb: str = "bauen") -> Project:
    """A done article with an entity inside another: CoNLL leaves one out, so does Prodigy."""
    aid = project.add_article(ArticleDraft(text=f"Die Stadtwerke Dresden {verb}.", title=verb))
    project.add_annotation(aid, Layer.ENTITY, Span(4, 22, "ORG"), "maria")
    project.add_annotation(aid, Layer.ENTITY, Span(15, 22, "LOC"), "maria")
    project.set_status(aid, Status.DONE, "maria")
    return project


def test_a_conll_export_reports_the_span_it_left_out(project: Project, tmp_path: Path) -> None:
    report = export_project(nested(project), ExportOptions("conll", tmp_path / "out"))
    assert report.warnings == ["all.conll: left out 1 entity span that overlaps others or "
                               "covers only white space (CoNLL cannot nest)"]


def test_the_command_line_says_it_in_english(project: Project, tmp_path: Path) -> None:
    nested(project)
    nested(project, "planen")
    db = str(project.path)
    project.close()
    result = CliRunner().invoke(app, ["export", db, "-f", "prodigy", "-o", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert ("warning: all.entities.jsonl: left out 2 spans that overlap others (Prodigy's "
            "spans cannot)") in result.output


@pytest.mark.usefixtures("german")
def test_the_window_shows_a_writers_note_in_german(qtbot, project: Project,
                                                   tmp_path: Path) -> None:
    """Ctrl+Shift+S, Down twice to conll, Tab to the folder, type it, Enter: the box that
    follows the export tells what CoNLL left out, in German."""
    win = show_window(qtbot, nested(project))
    out = tmp_path / "out"
    chosen: list[str] = []

    def drive() -> None:
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        dialog = QApplication.activeModalWidget()
        try:
            qtbot.waitUntil(lambda: dialog.format.hasFocus())
            dialog.format.setCurrentText("jsonl")  # the first format, whatever was last used
            qtbot.keyClick(dialog.format, Key.Key_Down)
            qtbot.keyClick(dialog.format, Key.Key_Down)
            chosen.append(dialog.format.currentText())
            qtbot.keyClick(dialog.format, Key.Key_Tab)
            assert dialog.out.hasFocus()
            qtbot.keyClicks(dialog.out, str(out))
            qtbot.keyClick(dialog.out, Key.Key_Return)
        finally:  # a failed check must not leave the dialog's loop running
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)
    qtbot.keyClick(win.view.text, Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)

    def shown() -> QMessageBox | None:
        boxes = [b for b in win.findChildren(QMessageBox, "taskMessageBox") if b.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=30_000)
    box = shown()
    assert chosen == ["conll"] and (out / "train.conll").is_file()  # the dialog's split
    details = box.detailedText().split("\n")
    assert details[-1] == ("train.conll: 1 Entitäts-Textstelle weggelassen, die andere "
                           "überlappt oder nur Leerraum umfasst (CoNLL kann nicht "
                           "verschachteln)")
    assert english_shown([box.text(), *details]) == []


def earlier(n: int) -> Survey:
    """A folder holding an earlier export of ``n`` files in ``train/``."""
    files = tuple(ExportFile(f"train/{k:06}.spacy", "0" * 64, 1) for k in range(n))
    return Survey(Manifest({"format": "spacy", "created": "2024-05-02T10:00:00Z"}, files),
                  (), (), ())


def test_the_folder_not_empty_counts_the_earlier_files(tmp_path: Path) -> None:
    options = ExportOptions("spacy", tmp_path)
    with pytest.raises(ExportError) as one:
        check_output(earlier(1), options)
    assert "an earlier export (spacy, 2024-05-02T10:00:00Z: train/ (1 file))" in str(one.value)
    with pytest.raises(ExportError) as many:
        check_output(earlier(12), options)
    assert "train/ (12 files))" in str(many.value)


@pytest.mark.usefixtures("german")
def test_the_replace_question_counts_in_german(qapp, tmp_path: Path) -> None:
    from annotator.ui.export_dialog import question_text

    said = question_text(tmp_path, earlier(12))
    assert "Ersetzt oder gelöscht werden: train/ (12 Dateien)." in said, said
    assert english_shown([said.replace(str(tmp_path), "")]) == []  # the folder aside


def test_a_file_that_appears_during_the_export_is_named_once(project: Project,
                                                             tmp_path: Path) -> None:
    """The check before the swap (io's ``Clash``) is worded as the survey's refusal is."""
    out = tmp_path / "out"
    nested(project)

    def meanwhile(_done: int, _line: str) -> None:
        (out / "all.jsonl").write_text("von Hand\n", encoding="utf-8")

    with pytest.raises(ExportError) as refused:
        export_project(project, ExportOptions("jsonl", out), progress=meanwhile)
    assert str(refused.value) == say.clash(out, ["all.jsonl"])
    assert str(refused.value).startswith(f"{out}: the export would replace all.jsonl, which no "
                                         "export of annotator wrote")
    assert (out / "all.jsonl").read_text(encoding="utf-8") == "von Hand\n"
