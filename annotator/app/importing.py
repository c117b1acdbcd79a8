"""The import use case: files → articles in the project → entity and claim suggestions.

``annotator import`` calls ``run_import`` directly, File ▸ Import runs it in a worker
(app/jobs.py); its progress lines are in the interface's language (English on the command
line: no translator there). The suggestions are app/suggesting.py's.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import count
from pathlib import Path

from msgspec import Struct, field
from PySide6.QtCore import QCoreApplication

from annotator.app import import_texts, report_lines
from annotator.app.import_batches import (
    BATCH,
    BATCH_CHARS,
    BULK_HOLD_MS,
    BatchSize,
    Pending,
    Preparer,
    batches,
)
from annotator.app.import_labels import project_layers
from annotator.app.suggesting import Stage, stages
from annotator.core.hashing import content_hash
from annotator.core.model import ArticleDraft, ModelInfo, Status
from annotator.io import (
    ImportFailure,
    ImportItem,
    ImportSkip,
    ImportWarning,
    iter_file,
    iter_targets,
    printable,
)
from annotator.io.label_layers import LabelLayers, relayered
from annotator.nlp.suggester import CLAIMS
from annotator.store import Project
from annotator.store.batches import NewArticle, Outcome, check
from annotator.store.datasets import AnnotatedImport
from annotator.store.import_versions import Versions, add_versions
from annotator.store.zones_pending import pending_ids

Progress = Callable[[int, str], None]  # (items done so far, what was just done)
RunProgress = Callable[[int, int, str], None]  # (items done, items in all, what was just done)
Cancelled = Callable[[], bool]
Texts = Iterator[tuple[int, str]]  # (article id, text) of articles, as they come
translate = QCoreApplication.translate  # lupdate collects translate("Import", …)


def _never() -> bool:
    return False


class ImportReport(Struct):
    """What an import did: counted for the summary, named for the messages."""

    imported: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)  # files of a folder not read
    warnings: list[str] = field(default_factory=list)  # imported, but e.g. with bytes replaced
    versions: list[str] = field(default_factory=list)  # another annotator's version added
    suggested: int = 0
    model: ModelInfo | None = None
    claims_suggested: int = 0
    claims_model: ModelInfo | None = None
    model_error: str | None = None  # the entity model could not be used
    claims_error: str | None = None  # the project's claims model could not be used
    cancelled: bool = False
    zones_pending: int = 0  # new articles whose zones are found later (app/zone_pass.py)

    def summary(self) -> str:
        """One line for the end of a run."""
        return report_lines.import_line(self)

    def claims_line(self) -> str:
        """What the claims model did, or "" when it did not run."""
        return report_lines.claims_line(self)


def run_import(
    project: Project,
    paths: Iterable[Path | str],
    *,
    model: str | None = None,
    suggest: bool = True,
    progress: RunProgress | None = None,
    cancelled: Cancelled = _never,
    workers: int | None = None,
    layers: LabelLayers | None = None,
) -> ImportReport:
    """Import files and folders; one bad file never stops the rest.

    All files are one import, so claim groups that span files come in whole. With ``suggest``,
    the entity model (``model``, else the project's, else the best installed) and the
    project's claims model, if it has one, suggest spans in the new articles as they come,
    from their text, on ``workers`` processes (default: one per core). A model that cannot
    load is noted in the report; the import goes on. Without ``suggest``, the new articles'
    zones, the metadata they give and their sentence index are left to be found (the
    report counts them): at once for any article read (opened, exported, suggested), by
    the window's background pass, or by ``find_zones`` (app/zone_pass.py). Progress counts
    items (articles, skipped and failed ones too) out of an estimate; articles are committed
    in batches, each with everything on it, so a cancel or a kill leaves whole articles.
    ``layers`` says which labels of other tools' entity spans are claims or sources
    (default: the project's mapping, app/import_labels.py).
    """
    run = _Run(project, progress)
    run.say(translate("Import", "Looking for files…"))
    files = find_files(paths)
    run.total = count_items(files)
    writer = _Writer(project, run.report, layers, later=not suggest)
    articles = writer.articles(files, cancelled, run.say, run.file_read)
    found = stages(project, model, run.say, workers=workers) if suggest else []
    for stage in found:
        articles = stage.run(project, articles, cancelled)
    for _ in articles:
        run.passed += 1
        run.say(run.last)
    run.total = 0  # the estimate is done with: the bar ends full
    run.say(run.last)
    if not suggest:  # their zones: found when read, or by app/zone_pass.py's pass
        run.report.zones_pending = len(pending_ids(project.db, run.report.imported))
    run.note(found)
    run.report.cancelled = cancelled()
    return run.report


def import_files(
    project: Project,
    paths: Iterable[Path | str],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled = _never,
    layers: LabelLayers | None = None,
) -> ImportReport:
    """Store the articles only (no suggestions), with progress counting items: run_import's
    storing half, for tools that build or probe a project."""
    report = ImportReport()
    items = count(1)

    def step(message: str) -> None:
        if progress:
            progress(next(items), message)

    for _ in _Writer(project, report, layers).articles(iter_targets(paths), cancelled, step):
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
    every file of the run; each file's articles in batches (app/import_batches.py), one
    short transaction each, so that a window working on the same project never waits long
    for the write lock."""

    def __init__(self, project: Project, report: ImportReport,
                 layers: LabelLayers | None = None, later: bool = False) -> None:
        # A bulk import (``later``): zones found after it (app/zone_pass.py), batches sized by
        # the CPU they take (BULK_HOLD_MS), so that a busy machine does not shrink them to a
        # few articles, each paying a commit, a full-text segment and its merges, and
        # checkpointed less often; else by the wall time they hold the lock (HOLD_MS), for
        # the window's writes in the same process (File ▸ Import).
        self.later = later
        self.store = AnnotatedImport(project, bulk=later)
        self.layers = project_layers(project) if layers is None else layers
        self.project = project
        self.report = report
        self.size = BatchSize(BATCH, BULK_HOLD_MS if later else None)

    def articles(
        self,
        targets: Iterable[Path | ImportFailure],
        cancelled: Cancelled,
        on_item: Callable[[str], None],
        on_file: Callable[[Path | ImportFailure], None] | None = None,
    ) -> Texts:
        """Store each file's items in turn, in batches prepared ahead of the writer; yield
        every new article once its batch is committed, and pass on each file once all of it
        is. A cancel takes effect between batches: whole batches only."""
        preparer = Preparer(self.project, later=self.later)
        queue: deque[_Fresh | Path | ImportFailure] = deque()
        try:
            for entry in self._read(targets, preparer, cancelled):
                queue.append(entry)
                while sum(len(e.drafts) for e in queue if isinstance(e, _Fresh)) > preparer.ahead:
                    yield from self._next(queue.popleft(), on_item, on_file)
                    if cancelled():
                        return
            while queue and not cancelled():
                yield from self._next(queue.popleft(), on_item, on_file)
        finally:
            preparer.close()

    def _read(self, targets: Iterable[Path | ImportFailure], preparer: Preparer,
              cancelled: Cancelled) -> Iterator[_Fresh | Path | ImportFailure]:
        """Each file's batches, their preparation started, then the file itself."""
        for target in targets:
            if cancelled():
                return
            items: Iterable[ImportItem] = ([target] if isinstance(target, ImportFailure)
                                           else relayered(iter_file(target), self.layers))
            size = _file_bytes(target)
            for batch in batches(items, lambda: self.size.articles, BATCH_CHARS):
                yield self._fresh(batch, preparer, size)
            yield target

    def _next(self, entry: _Fresh | Path | ImportFailure, on_item: Callable[[str], None],
              on_file: Callable[[Path | ImportFailure], None] | None) -> Texts:
        if isinstance(entry, _Fresh):
            yield from self._commit(entry, on_item)
        elif on_file:
            on_file(entry)

    def _fresh(self, batch: list[ImportItem], preparer: Preparer, file_bytes: int) -> _Fresh:
        """Start preparing the drafts of a batch whose texts are not in the project yet."""
        drafts = [item for item in batch if isinstance(item, ArticleDraft)]
        digests = [content_hash(d.text) for d in drafts]
        known = self.project.article_ids_by_hash(digests)
        fresh = [n for n, digest in enumerate(digests) if digest not in known]
        pending = preparer.submit([drafts[n] for n in fresh], file_bytes)
        return _Fresh(batch, drafts, digests, known, fresh, pending)

    def _commit(self, fresh: _Fresh, on_item: Callable[[str], None]) -> Texts:
        """Store a prepared batch in one transaction (a bad article fails alone), then note
        each item in order, failures and warnings too; yield the new articles."""
        outcomes, brought = self._stored(fresh)
        ready: list[tuple[int, NewArticle]] = []
        for n, prepared in zip(fresh.fresh, fresh.pending(), strict=True):
            try:
                if prepared.error is not None:
                    raise ValueError(prepared.error)
                new = prepared.article(fresh.drafts[n], fresh.digests[n])
                check(new)
                ready.append((n, new))
            except ValueError as exc:  # SpanError among them
                outcomes[n] = Outcome(None, error=str(exc))
        stored = self.store.store([new for _, new in ready]) if ready else []
        wall, cpu = self.store.held  # the lock held, not the wait for it
        self.size.stored(len(ready), cpu if self.later else wall)
        outcomes.update((n, outcome) for (n, _), outcome in zip(ready, stored, strict=True))
        drafts = iter(range(len(fresh.drafts)))
        for item in fresh.batch:
            n = next(drafts) if isinstance(item, ArticleDraft) else -1
            article_id, message = self._note(item, outcomes.get(n), brought.get(n))
            on_item(message)
            if article_id is not None and isinstance(item, ArticleDraft):
                yield article_id, item.text

    def _stored(self, fresh: _Fresh) -> tuple[dict[int, Outcome], dict[int, Versions]]:
        """The batch's drafts whose text is stored already; those that name annotators
        bring their versions, each in a transaction of its own."""
        outcomes: dict[int, Outcome] = {}
        brought: dict[int, Versions] = {}
        for n, digest in enumerate(fresh.digests):
            if digest not in fresh.known:
                continue
            article_id, draft = fresh.known[digest], fresh.drafts[n]
            outcomes[n] = Outcome(article_id)
            if draft.annotator or any(s.made for s in draft.annotations):
                try:
                    with self.project.transaction():
                        brought[n] = add_versions(self.store, article_id, draft)
                except (ValueError, sqlite3.IntegrityError) as exc:
                    outcomes[n] = Outcome(None, error=str(exc))
        return outcomes, brought

    def _note(self, item: ImportItem, outcome: Outcome | None,
              brought: Versions | None = None) -> tuple[int | None, str]:
        """Count an item in the report: (new article's id, message)."""
        report = self.report
        if isinstance(item, ImportSkip):
            report.unrecognised.append(item.path)
            return None, translate("Import", "skipped: {file}").format(
                file=import_texts.line(item))
        if isinstance(item, ImportFailure):
            report.failed.append(said := import_texts.line(item))
            return None, translate("Import", "failed: {problem}").format(problem=said)
        if isinstance(item, ImportWarning):
            report.warnings.append(said := import_texts.line(item))
            return None, translate("Import", "warning: {problem}").format(problem=said)
        assert outcome is not None
        brought = brought or outcome.versions
        where = printable(item.source_path or item.title)
        if outcome.error is not None:
            message = f"{where}: {printable(outcome.error)}"
            report.failed.append(message)
            return None, translate("Import", "failed: {problem}").format(problem=message)
        if outcome.new:
            assert outcome.article_id is not None
            report.imported.append(outcome.article_id)
            return outcome.article_id, translate("Import", "imported {file}").format(file=where)
        there = "".join((translate("Import", " ({name}'s version already there)") if what ==
                         "version" else translate("Import", " ({name}'s spans already there)")
                         ).format(name=name) for name, what in brought.there) if brought else ""
        if brought and (brought.added or brought.merged):
            aid = outcome.article_id
            added = (translate("Import", "{names}'s spans on article {id} added")  # as it says
                     if item.status is Status.NEW else
                     translate("Import", "{names}'s version of article {id} added"))
            parts = [added.format(names=", ".join(brought.added), id=aid)] * bool(
                brought.added) + [translate("Import", "{name}'s version of article {id}: {more} "
                                            "added").format(name=name, id=aid, more=more)
                                  for name, more in brought.merged]
            message = f"{where}: {'; '.join(parts)}{there}"
            report.versions.append(message)
            return None, message
        message = translate("Import", "{file}: same text as article {id}, skipped").format(
            file=where, id=outcome.article_id) + there
        report.skipped.append(message)
        return None, message


def _file_bytes(target: Path | ImportFailure) -> int:
    try:
        return target.stat().st_size if isinstance(target, Path) else 0
    except OSError:
        return 0


class _Fresh(Struct):
    """A batch's items and drafts, their content hashes, those already stored (hash → id),
    the indexes of the others, and their preparation under way."""

    batch: list[ImportItem]
    drafts: list[ArticleDraft]
    digests: list[str]
    known: dict[str, int]
    fresh: list[int]
    pending: Pending


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
            report = self.report
            done = self.passed + len(report.skipped) + len(report.failed) + len(report.versions)
            self.progress(done, max(done, self.total), message)

    def file_read(self, target: Path | ImportFailure) -> None:
        if isinstance(target, Path):
            self.say(translate("Import", "read {file}").format(file=target.name))
        elif isinstance(target, ImportSkip):
            self.say(translate("Import", "skipped: {file}").format(file=import_texts.line(target)))
        else:
            self.say(translate("Import", "failed: {problem}").format(
                problem=import_texts.line(target)))

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
