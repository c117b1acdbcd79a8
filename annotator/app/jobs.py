"""The slow use cases as task functions: import files, then (re)run entity suggestions.

Each ``*_job(...)`` returns ``fn(project, progress, cancelled)`` for ``project_task``; it runs
in a worker thread with that thread's own Project. spaCy is imported only inside these
functions (through ``annotator.nlp.resolve``), so never on the GUI thread. Every article is
committed on its own, so a cancelled job leaves complete articles only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.app.importing import ImportReport, import_files, suggest_entities_for
from annotator.app.tasks import Cancelled, Progress, ProjectFn
from annotator.core.model import ModelInfo
from annotator.io import ImportFailure, iter_targets
from annotator.store import Project

MODEL_SETTING = "model"  # project setting naming the pipeline to use when none is given


@dataclass
class ImportJobReport(ImportReport):
    """An import's report, plus whether it was cut short and why suggestions did not run."""

    cancelled: bool = False
    model_error: str | None = None

    def summary(self) -> str:
        """The import's line, with the cancel and any model problem appended."""
        line = super().summary()
        if self.model_error:
            line += f"; no entity suggestions: {self.model_error}"
        return line + ("; cancelled" if self.cancelled else "")

    def problems(self) -> list[str]:
        """What the user should read: failed files, warnings, then a model that could not be
        used."""
        return (self.failed + [f"warning: {line}" for line in self.warnings]
                + ([self.model_error] if self.model_error else []))


@dataclass
class SuggestReport:
    """What a suggestion run did, for the status bar."""

    articles: int = 0
    suggested: int = 0
    model: ModelInfo | None = None
    cancelled: bool = False

    def summary(self) -> str:
        """One line for the end of a run."""
        name = f"{self.model.name} {self.model.version}" if self.model else "no model"
        line = f"{self.suggested} entity suggestions in {self.articles} articles from {name}"
        return line + ("; cancelled" if self.cancelled else "")


def import_job(paths: Sequence[Path | str], model_name: str | None = None) -> ProjectFn:
    """Import, then suggest for the new articles; progress counts files, then articles."""

    def run(project: Project, progress: Progress, cancelled: Cancelled) -> ImportJobReport:
        progress(0, 0, "Looking for files…")
        files = find_files(paths)
        report = ImportJobReport()
        for done, path in enumerate(files):
            if cancelled():
                break
            if isinstance(path, ImportFailure):  # missing, unreadable, a pipe: its own line
                report.failed.append(str(path))
                progress(done + 1, len(files), f"failed: {path}")
                continue

            def step(_n: int, message: str, done: int = done) -> None:
                progress(done, len(files), message)

            _merge(report, import_files(project, [path], progress=step, cancelled=cancelled))
            progress(done + 1, len(files), f"read {path.name}")
        if report.imported and not cancelled():
            _suggest_after_import(project, report, model_name, progress, cancelled)
        report.cancelled = cancelled()
        return report

    return run


def suggest_job(article_ids: Sequence[int] | None, model_name: str | None = None) -> ProjectFn:
    """Run the pipeline over these articles, or over every article it has not seen yet."""

    def run(project: Project, progress: Progress, cancelled: Cancelled) -> SuggestReport:
        nlp, info = load_model(project, model_name, progress)
        ids = list(article_ids) if article_ids is not None else (
            project.articles_without_suggestions(info)
        )
        articles, suggested = _suggest(project, ids, nlp, info, progress, cancelled)
        return SuggestReport(articles, suggested, info, cancelled())

    return run


def load_model(
    project: Project, model_name: str | None, progress: Progress
) -> tuple[Any, ModelInfo]:
    """The named pipeline, else the project's, else the best installed or bundled one."""
    from annotator.nlp.resolve import resolve_pipeline

    name = model_name or project.setting(MODEL_SETTING)
    progress(0, 0, f"Loading entity model {Path(name).name}…" if name else "Loading entity model…")
    return resolve_pipeline(name)


def _suggest_after_import(
    project: Project, report: ImportJobReport, model_name: str | None,
    progress: Progress, cancelled: Cancelled,
) -> None:
    """Suggestions for the new articles; a model that cannot load is noted, not fatal."""
    from annotator.nlp.resolve import ModelError

    try:
        nlp, report.model = load_model(project, model_name, progress)
    except ModelError as exc:
        report.model_error = str(exc)
        return
    _, report.suggested = _suggest(project, report.imported, nlp, report.model, progress, cancelled)


def _suggest(
    project: Project, ids: list[int], nlp: Any, info: ModelInfo, progress: Progress,
    cancelled: Cancelled,
) -> tuple[int, int]:
    """suggest_entities_for with progress over the articles: (articles done, suggestions)."""
    done = 0

    def step(n: int, message: str) -> None:
        nonlocal done
        done = n
        progress(n, len(ids), message)

    progress(0, len(ids), f"Suggesting entities with {info.name}…")
    total = suggest_entities_for(project, ids, nlp, info, progress=step, cancelled=cancelled)
    return done, total


def _merge(report: ImportReport, part: ImportReport) -> None:
    report.imported += part.imported
    report.skipped += part.skipped
    report.failed += part.failed
    report.warnings += part.warnings


def find_files(paths: Iterable[Path | str]) -> list[Path | ImportFailure]:
    """The files iter_import will read, so progress can count them, and the given paths it
    cannot read (missing, unreadable, not a regular file) as their failures."""
    return list(iter_targets(paths))
