"""The slow use cases as task functions for the window: import files, (re)run entity suggestions,
measure agreement.

Each ``*_job(...)`` returns ``fn(project, progress, cancelled)`` for ``project_task``; it runs
in a worker thread with that thread's own Project. spaCy is imported only inside these
functions (through ``annotator.nlp.resolve``), so never on the GUI thread; with many articles
the models run in worker processes (app/suggesting.py). Every article is committed whole, so
a cancelled job leaves complete articles only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from msgspec import Struct
from msgspec.structs import asdict
from PySide6.QtCore import QCoreApplication

from annotator.app.importing import ImportReport, run_import
from annotator.app.suggesting import load_model, suggest_entities_for
from annotator.app.tasks import Cancelled, Progress, ProjectFn
from annotator.core.model import ModelInfo
from annotator.nlp.suggester import Suggester
from annotator.store import Project


class ImportJobReport(ImportReport):
    """An import's report as the window shows it: its line also tells what the claims model
    did, which model could not be used, and whether the import was cut short."""

    def summary(self) -> str:
        """The import's line, with the claims, any model problem and the cancel appended."""
        line = super().summary()
        if self.claims_model is not None:
            line += f"; {self.claims_line()}"
        translate = QCoreApplication.translate
        for said, error in (
                (translate("ImportReport", "; no entity suggestions: {error}"), self.model_error),
                (translate("ImportReport", "; no claim suggestions: {error}"), self.claims_error)):
            if error:
                line += said.format(error=error)
        return line + (translate("ImportReport", "; cancelled") if self.cancelled else "")

    def problems(self) -> list[str]:
        """What the user should read: failed files, warnings, then a model that could not be
        used."""
        return (self.failed + [f"warning: {line}" for line in self.warnings]
                + [error for error in (self.model_error, self.claims_error) if error])


class SuggestReport(Struct):
    """What a suggestion run did, for the status bar."""

    articles: int = 0
    suggested: int = 0
    model: ModelInfo | None = None
    cancelled: bool = False

    def summary(self) -> str:
        """One line for the end of a run."""
        translate = QCoreApplication.translate
        name = (f"{self.model.name} {self.model.version}" if self.model
                else translate("SuggestReport", "no model"))
        suggested = (translate("SuggestReport", "1 entity suggestion") if self.suggested == 1
                     else translate("SuggestReport", "{n} entity suggestions").format(
                         n=self.suggested))
        articles = (translate("SuggestReport", "1 article") if self.articles == 1
                    else translate("SuggestReport", "{n} articles").format(n=self.articles))
        line = translate("SuggestReport", "{suggested} in {articles} from {model}").format(
            suggested=suggested, articles=articles, model=name)
        return line + (translate("SuggestReport", "; cancelled") if self.cancelled else "")


def import_job(paths: Sequence[Path | str], model_name: str | None = None, *,
               workers: int | None = None) -> ProjectFn:
    """File ▸ Import: the import use case with the window's progress and cancel (``workers``:
    processes for the models, default one per core)."""

    def run(project: Project, progress: Progress, cancelled: Cancelled) -> ImportJobReport:
        report = run_import(project, paths, model=model_name, progress=progress,
                            cancelled=cancelled, workers=workers)
        return ImportJobReport(**asdict(report))

    return run


def suggest_job(article_ids: Sequence[int] | None, model_name: str | None = None, *,
                workers: int | None = None) -> ProjectFn:
    """Run the pipeline over these articles, or over every article it has not seen yet."""

    def run(project: Project, progress: Progress, cancelled: Cancelled) -> SuggestReport:
        suggester = load_model(project, model_name, lambda message: progress(0, 0, message),
                               workers=workers)
        info = suggester.load()
        ids = list(article_ids) if article_ids is not None else (
            project.articles_without_suggestions(info)
        )
        articles, suggested = _suggest(project, ids, suggester, progress, cancelled)
        return SuggestReport(articles, suggested, info, cancelled())

    return run


def _suggest(
    project: Project, ids: list[int], suggester: Suggester, progress: Progress,
    cancelled: Cancelled,
) -> tuple[int, int]:
    """suggest_entities_for with progress over the articles: (articles done, suggestions)."""
    done = 0

    def step(n: int, message: str) -> None:
        nonlocal done
        done = n
        progress(n, len(ids), message)

    progress(0, len(ids), QCoreApplication.translate(
        "Suggesting", "Suggesting entities with {model}…").format(model=suggester.load().name))
    total = suggest_entities_for(project, ids, suggester, progress=step, cancelled=cancelled)
    return done, total


def agreement_job(annotators: Sequence[str] | None = None, in_progress: bool = False
                  ) -> ProjectFn:
    """The agreement window's figures (app/agreement.py; numpy loads in the worker)."""

    def run(project: Project, progress: Progress, cancelled: Cancelled):
        from annotator.app.agreement import measure

        return measure(project, annotators, in_progress=in_progress, progress=progress,
                       cancelled=cancelled)

    return run
