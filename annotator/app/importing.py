"""The import use case: files → articles in the project → entity and claim suggestions.

Plain Python (no Qt): ``annotator import`` calls ``run_import`` directly, File ▸ Import runs it
in a worker (app/jobs.py). The suggestions are app/suggesting.py's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from annotator.app.suggesting import Stage, stages
from annotator.app.zone_training import learned_zones
from annotator.app.zones import RULES as ZONE_RULES
from annotator.app.zones import (
    draft_has_zones,
    kept_sentences,
    with_derived_meta,
    zones_for,
)
from annotator.core.hashing import content_hash
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.core.spans import SpanError
from annotator.io import (
    ImportFailure,
    ImportItem,
    ImportWarning,
    iter_file,
    iter_targets,
    printable,
)
from annotator.nlp.suggester import CLAIMS
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport

Progress = Callable[[int, str], None]  # (items done so far, what was just done)
RunProgress = Callable[[int, int, str], None]  # (items done, items in all, what was just done)
Cancelled = Callable[[], bool]
Texts = Iterator[tuple[int, str]]  # (article id, text) of articles, as they come


def _never() -> bool:
    return False


@dataclass
class ImportReport:
    """What an import did: counted for the summary, named for the messages."""

    imported: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # imported, but e.g. with bytes replaced
    suggested: int = 0
    model: ModelInfo | None = None
    claims_suggested: int = 0
    claims_model: ModelInfo | None = None
    model_error: str | None = None  # the entity model could not be used
    claims_error: str | None = None  # the project's claims model could not be used
    cancelled: bool = False

    def summary(self) -> str:
        """One line for the end of a run."""
        line = (
            f"{len(self.imported)} imported, {len(self.skipped)} skipped (already in the "
            f"project), {len(self.failed)} failed"
        )
        if self.warnings:
            line += f", {len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}"
        if self.model is not None:
            line += f"; {self.suggested} entity suggestions from {self.model.name} "
            line += f"{self.model.version}"
        return line

    def claims_line(self) -> str:
        """What the claims model did, or "" when it did not run."""
        if self.claims_model is None:
            return ""
        info = self.claims_model
        return f"{self.claims_suggested} claim suggestions from {info.name} {info.version}"


def run_import(
    project: Project,
    paths: Iterable[Path | str],
    *,
    model: str | None = None,
    suggest: bool = True,
    progress: RunProgress | None = None,
    cancelled: Cancelled = _never,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders; one bad file never stops the rest.

    All files are one import, so claim groups that span files come in whole. With ``suggest``,
    the entity model (``model``, else the project's, else the best installed) and the
    project's claims model, if it has one, suggest spans in the new articles as they come,
    from their text, on ``workers`` processes (default: one per core). A model that cannot
    load is noted in the report; the import goes on. Progress counts items (articles,
    skipped and failed ones too) out of an estimate; every article is committed whole, so a
    cancel or a kill leaves whole articles.
    """
    run = _Run(project, progress)
    run.say("Looking for files…")
    files = find_files(paths)
    run.total = count_items(files)
    articles = _Writer(project, run.report).articles(files, cancelled, run.say, run.file_read)
    found = stages(project, model, run.say, workers=workers) if suggest else []
    for stage in found:
        articles = stage.run(project, articles, cancelled)
    for _ in articles:
        run.passed += 1
        run.say(run.last)
    run.total = 0  # the estimate is done with: the bar ends full
    run.say(run.last)
    run.note(found)
    run.report.cancelled = cancelled()
    return run.report


def import_files(
    project: Project,
    paths: Iterable[Path | str],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled = _never,
) -> ImportReport:
    """Store the articles only (no suggestions), with progress counting items: run_import's
    storing half, for tools that build or probe a project."""
    report = ImportReport()
    items = count(1)

    def step(message: str) -> None:
        if progress:
            progress(next(items), message)

    for _ in _Writer(project, report).articles(iter_targets(paths), cancelled, step):
        pass
    return report


def find_files(paths: Iterable[Path | str]) -> list[Path | ImportFailure]:
    """The files an import will read, so progress can count them, and the given paths it
    cannot read (missing, unreadable, not a regular file) as their failures."""
    return list(iter_targets(paths))


def count_items(files: Iterable[Path | ImportFailure]) -> int:
    """About how many items the files hold, for progress: a JSONL file's lines (blank ones
    too), one for any other file (or failure)."""
    return sum(_lines(target) if isinstance(target, Path)
               and target.suffix.lower() in (".jsonl", ".ndjson") else 1 for target in files)


def _lines(path: Path) -> int:
    """The lines of a file, read a megabyte at a time (a line may be huge)."""
    lines, last = 0, b"\n"
    try:
        with path.open("rb") as data:
            while chunk := data.read(2**20):
                lines, last = lines + chunk.count(b"\n"), chunk[-1:]
    except OSError:
        return 1
    return lines + (last != b"\n")


class _Writer:
    """Stores what the importers read through one AnnotatedImport, so that claim groups span
    every file of the run."""

    def __init__(self, project: Project, report: ImportReport) -> None:
        self.store = AnnotatedImport(project)
        self.report = report

    def articles(
        self,
        targets: Iterable[Path | ImportFailure],
        cancelled: Cancelled,
        on_item: Callable[[str], None],
        on_file: Callable[[Path | ImportFailure], None] | None = None,
    ) -> Texts:
        """Store each file's items in turn; yield every new article once it is committed."""
        for target in targets:
            if cancelled():
                return
            items: Iterable[ImportItem] = (
                [target] if isinstance(target, ImportFailure) else iter_file(target))
            for item in items:
                if cancelled():
                    return
                article_id, message = self._take(item)
                on_item(message)
                if article_id is not None and isinstance(item, ArticleDraft):
                    yield article_id, item.text
            if on_file:
                on_file(target)

    def _take(self, item: ImportItem) -> tuple[int | None, str]:
        """Note a failure or a warning, or store a draft: (new article's id, message)."""
        if isinstance(item, ImportFailure):
            self.report.failed.append(str(item))
            return None, f"failed: {item}"
        if isinstance(item, ImportWarning):
            self.report.warnings.append(str(item))
            return None, f"warning: {item}"
        return self._store(item)

    def _store(self, draft: ArticleDraft) -> tuple[int | None, str]:
        """One article with whatever annotations, links and groups its file carried, and its
        sentence index (what claim matching ranks), in one short transaction: a window
        working on the same project never waits long for the write lock."""
        project, report = self.store.project, self.report
        where = printable(draft.source_path or draft.title)
        article_id = project.article_id_by_hash(content_hash(draft.text))
        if article_id is None:
            # outside the transaction, which holds the lock
            zones, suggested = new_zones(project, draft)
            draft = with_derived_meta(draft, zones)
            sentences = kept_sentences(draft.text, zones)
            try:
                with project.transaction():
                    article_id = self.store.add(draft)
                    if article_id is not None:
                        for info, spans in suggested:
                            project.replace_suggestions(article_id, info, spans,
                                                        layer=Layer.STRUCTURE)
                        project.matching.replace_sentences(article_id, sentences)
            except (SpanError, ValueError) as exc:
                message = f"{where}: {printable(str(exc))}"
                report.failed.append(message)
                return None, f"failed: {message}"
            if article_id is not None:
                report.imported.append(article_id)
                return article_id, f"imported {where}"
            article_id = project.article_id_by_hash(content_hash(draft.text))
        message = f"{where}: same text as article {article_id}, skipped"
        report.skipped.append(message)
        return None, message


def new_zones(project: Project, draft: ArticleDraft
              ) -> tuple[list[Span], list[tuple[ModelInfo, list[Span]]]]:
    """A new article's zones, and those stored as suggestions, per model: none when its file
    brought its own; else the rules', and the project's learned ones where it has a model."""
    zones = zones_for(draft)
    if draft_has_zones(draft):
        return zones, []
    suggested = [(ZONE_RULES, zones)] if zones else []
    found = learned_zones(project, draft.text, zones)
    if found and found[1]:
        suggested.append(found)
        zones = sorted([*zones, *found[1]])
    return zones, suggested


class _Run:
    """One run_import: its report, and progress over the items whatever stage speaks."""

    def __init__(self, project: Project, progress: RunProgress | None) -> None:
        self.project = project
        self.report = ImportReport()
        self.progress = progress
        self.total = self.passed = 0  # items expected; articles through every stage
        self.last = ""

    def say(self, message: str) -> None:
        """Report progress: items done (articles through every stage, skipped and failed
        ones) out of the expected ones."""
        self.last = message
        if self.progress:
            done = self.passed + len(self.report.skipped) + len(self.report.failed)
            self.progress(done, max(done, self.total), message)

    def file_read(self, target: Path | ImportFailure) -> None:
        self.say(f"read {target.name}" if isinstance(target, Path) else f"failed: {target}")

    def note(self, found: list[Stage]) -> None:
        """What the suggestion stages did, in the report."""
        report = self.report
        for stage in found:
            if stage.kind == CLAIMS:
                report.claims_model, report.claims_suggested = stage.model, stage.stored
                report.claims_error = stage.error
            else:
                report.model, report.suggested, report.model_error = (
                    stage.model, stage.stored, stage.error)
