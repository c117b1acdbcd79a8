"""A folder import imports what it recognises and lists the rest as skipped, never failed: a
zip that is no INCEpTION export, a .tsv that is neither WebAnno TSV nor CoNLL, a file of an
unknown type; files read with another one (an article's .meta) are not listed."""

from __future__ import annotations

import zipfile
from pathlib import Path

from typer.testing import CliRunner

from annotator.app.importing import import_files, run_import
from annotator.cli import app
from annotator.core.model import ArticleDraft, DocSpan, Layer
from annotator.io.webanno_tsv import write_webanno_tsv
from annotator.store import Project

PROSE = "Hafen erweitert\n\nRostock – Der Hafen wächst, sagte Jörg Kühn am Montag."
TAGGED = "Kai saniert\n\nIn Wismar wird der Kai saniert, sagte die Senatorin Jana Wolff."


def fill(folder: Path) -> dict[str, Path]:
    """A folder as users keep them: two articles (one of them WebAnno TSV, with its .meta),
    and files of other programs."""
    folder.mkdir()
    (folder / "artikel.txt").write_text(PROSE, encoding="utf-8")
    start = TAGGED.index("Wismar")
    (tsv,) = [p for p in write_webanno_tsv([ArticleDraft(text=TAGGED, title="Kai saniert",
                                                         annotations=[DocSpan(
                                                             "T1", Layer.ENTITY, start,
                                                             start + 6, "LOC")])],
                                           folder / "inception") if p.suffix == ".tsv"]
    with zipfile.ZipFile(folder / "fotos.zip", "w") as archive:
        archive.writestr("liesmich.txt", "Fotos vom Hafenfest")
    (folder / "tabelle.tsv").write_text("Name\tAlter\nAnna\t34\nJörg\t51\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n")
    return {"tsv": tsv}


def test_a_folder_imports_what_it_recognises_and_skips_the_rest(tmp_path: Path) -> None:
    found = fill(tmp_path / "in")
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [tmp_path / "in"])
        assert report.failed == []
        texts = sorted(project.article(i).text for i in report.imported)
        assert texts == sorted([PROSE, TAGGED])  # the WebAnno .tsv too, with its entity
        (tagged,) = [i for i in report.imported if project.article(i).text == TAGGED]
        assert [(a.label, TAGGED[a.start:a.end]) for a in project.annotations(tagged)] == [
            ("LOC", "Wismar")]
        skipped = sorted(Path(p).name for p in report.unrecognised)
        assert skipped == ["fotos.zip", "scan.pdf", "tabelle.tsv"]  # no .meta among them
        assert report.summary() == ("2 imported, 0 skipped (already in the project), 0 failed; "
                                    "3 files not recognised, skipped: fotos.zip, scan.pdf, "
                                    "tabelle.tsv")
        assert found["tsv"].with_suffix(".meta").exists()


def test_many_unrecognised_files_are_one_line_with_a_few_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "artikel.txt").write_text(PROSE, encoding="utf-8")
    for n in range(7):
        (folder / f"bild{n}.png").write_bytes(b"\x89PNG\r\n")
    with Project.open(tmp_path / "p.db") as project:
        report = run_import(project, [folder], suggest=False)
    assert report.failed == [] and len(report.imported) == 1
    assert report.summary().endswith(
        "; 7 files not recognised, skipped: bild0.png, bild1.png, bild2.png and 4 more")


def test_the_command_exits_0_on_a_folder_with_other_files(tmp_path: Path) -> None:
    fill(tmp_path / "in")
    result = CliRunner().invoke(app, ["import", str(tmp_path / "p.db"), str(tmp_path / "in"),
                                      "--no-suggest"])
    assert result.exit_code == 0, result.output
    assert "error:" not in result.output
    assert any(line.endswith("3 files not recognised, skipped: fotos.zip, scan.pdf, tabelle.tsv")
               for line in result.output.splitlines())


def test_a_file_named_on_its_own_still_fails_with_its_reason(tmp_path: Path) -> None:
    fill(tmp_path / "in")
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [tmp_path / "in" / "fotos.zip",
                                        tmp_path / "in" / "tabelle.tsv"])
    assert report.imported == [] and report.unrecognised == []
    assert report.failed == [
        f"{tmp_path / 'in' / 'fotos.zip'}: no annotation/DOCUMENT/USER.xmi or .zip inside (not "
        "an INCEpTION project export or a zip of XMI files)",
        f"{tmp_path / 'in' / 'tabelle.tsv'}:1: not WebAnno TSV 3 (the first line is not "
        "#FORMAT=WebAnno TSV 3.x)"]


def test_the_line_in_german(qapp) -> None:
    from annotator.app.report_lines import unrecognised_part
    from annotator.ui import i18n

    i18n.install("de")
    try:
        assert unrecognised_part(["/a/fotos.zip"]) == (
            "; 1 Datei nicht erkannt, übersprungen: fotos.zip")
        assert unrecognised_part([f"/a/{n}.png" for n in range(5)]) == (
            "; 5 Dateien nicht erkannt, übersprungen: 0.png, 1.png, 2.png und 2 weitere")
    finally:
        i18n.install("en")


def test_a_pipe_named_tsv_is_refused_unread(tmp_path: Path, deadline: None) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "daten.tsv")  # opened for reading, it would wait for a writer forever
    for given in (folder, folder / "daten.tsv"):
        with Project.open(tmp_path / "p.db") as project:
            report = import_files(project, [given])
        assert report.failed == [
            f"{folder / 'daten.tsv'}: a named pipe (FIFO), not a regular file: skipped"]
