"""The one-line summaries of an import and an export, in the interface's language (English
without a translator: the command line)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from annotator.app.export_texts import articles, files
from annotator.core.model import ModelInfo
from annotator.io.common import printable

translate = QCoreApplication.translate


class ImportReport(Protocol):
    """What the line reads of app/importing.py's ImportReport (not imported: no cycle)."""

    @property
    def imported(self) -> Sequence[int]: ...
    @property
    def skipped(self) -> Sequence[str]: ...
    @property
    def failed(self) -> Sequence[str]: ...
    @property
    def versions(self) -> Sequence[str]: ...
    @property
    def warnings(self) -> Sequence[str]: ...
    @property
    def unrecognised(self) -> Sequence[str]: ...
    @property
    def suggested(self) -> int: ...
    @property
    def model(self) -> ModelInfo | None: ...
    @property
    def claims_suggested(self) -> int: ...
    @property
    def claims_model(self) -> ModelInfo | None: ...


class ExportReport(Protocol):
    """What the line reads of app/exporting.py's ExportReport."""

    @property
    def articles(self) -> Mapping[str, int]: ...
    @property
    def files(self) -> Sequence[object]: ...
    @property
    def unreviewed(self) -> int: ...
    @property
    def skipped(self) -> Sequence[str]: ...


def import_line(report: ImportReport) -> str:
    """E.g. "3 imported, 1 skipped (already in the project), 0 failed; 12 entity suggestions
    from de_core 1.0"."""
    line = translate("ImportReport", "{imported} imported, {skipped} skipped (already in the "
                     "project), {failed} failed").format(
        imported=len(report.imported), skipped=len(report.skipped), failed=len(report.failed))
    if report.versions:
        line += translate("ImportReport", ", {n} with another annotator's version added").format(
            n=len(report.versions))
    if report.warnings:
        n = len(report.warnings)
        line += (translate("ImportReport", ", 1 warning") if n == 1
                 else translate("ImportReport", ", {n} warnings").format(n=n))
    if report.unrecognised:
        line += unrecognised_part(report.unrecognised)
    if report.model is not None:
        line += translate("ImportReport", "; {n} entity suggestions from {model} {version}").format(
            n=report.suggested, model=report.model.name, version=report.model.version)
    return line


def unrecognised_part(paths: Sequence[str], shown: int = 3) -> str:
    """E.g. "; 7 files not recognised, skipped: a.zip, b.tsv, c.pdf and 4 more": the files of
    a folder that an import did not read, counted, the first few named."""
    n, names = len(paths), ", ".join(printable(PurePath(p).name) for p in paths[:shown])
    more = (translate("ImportReport", "{names} and {n} more").format(names=names, n=n - shown)
            if n > shown else names)
    said = (translate("ImportReport", "; 1 file not recognised, skipped: {names}") if n == 1
            else translate("ImportReport", "; {n} files not recognised, skipped: {names}"))
    return said.format(n=n, names=more)  # (the command line has no catalogue: no %n forms)


def claims_line(report: ImportReport) -> str:
    """What the claims model did, or "" when it did not run."""
    info = report.claims_model
    if info is None:
        return ""
    return translate("ImportReport", "{n} claim suggestions from {model} {version}").format(
        n=report.claims_suggested, model=info.name, version=info.version)


def export_line(report: ExportReport) -> str:
    """E.g. "3 articles (train 2, test 1) in 2 files; 1 left out"."""
    parts = ", ".join(f"{name} {n}" for name, n in report.articles.items())
    line = translate("ExportReport", "{articles} ({parts}) in {files}").format(
        articles=articles(sum(report.articles.values())), parts=parts,
        files=files(len(report.files)))
    if report.unreviewed:
        line += translate("ExportReport", ", {n} with parts nobody reviewed (marked "
                          "missing)").format(n=report.unreviewed)
    if report.skipped:
        line += translate("ExportReport", "; {n} left out").format(n=len(report.skipped))
    return line
