"""The export use case: choose articles, split them, write a format into a folder, atomically.

Only articles marked done are exported, unless ``include_unreviewed``; what nobody reviewed is
then missing, never "no entity": each format marks it (spaCy: missing entity values; JSONL:
``answer`` "ignore" and the open suggestions under ``suggestions``), and a format that cannot
(CoNLL, brat) refuses the whole export, naming the articles. Every span carries who made it,
when and from which model; the manifest carries the label scheme; no path of this machine.

An article with a gold version is exported as gold has it (docs/adjudication.md); without
one, what its annotators' versions agree on is exported once (each span naming who agreed),
and one whose versions disagree is refused (or, allowed, exported with every version and a
warning), naming the articles. ``annotator`` exports one person's version.

Plain Python (no Qt): the command line runs it directly and the GUI runs it in a worker.
The folder handling (manifest, staging, swap) is ``annotator.io.export_folder``; splits are
``annotator.app.splits``.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from msgspec import Struct, field
from msgspec.structs import replace
from PySide6.QtCore import QCoreApplication

from annotator import __version__
from annotator.app import export_texts as say
from annotator.app import report_lines
from annotator.app.export_texts import FIELDS, OptionNames
from annotator.app.splits import SPLIT_BY, assign, linked_groups, split_of
from annotator.app.zone_pass import ensure_all_zones
from annotator.core.model import ArticleDraft, Layer, Status
from annotator.io.export_folder import Clash, FolderError, Staging, Survey, survey
from annotator.io.export_notes import WriterNote
from annotator.io.formats import CANNOT_MARK_MISSING, FORMATS, outputs, target, writer
from annotator.store import Project
from annotator.store.drafts import (
    ExportRow,
    annotated_drafts,
    article_texts,
    disagreeing,
    export_rows,
)

Progress = Callable[[int, str], None]
_SPLIT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")
_RESERVED = {"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in range(10))}
_PATH_PARTS = re.compile(r"[\\/]")


class ExportError(Exception):
    """An export that cannot start (bad options, a folder it may not write into). Its message
    names the options as the ``names`` passed in (app/export_texts.py) do: the command line's
    flags, the dialog's fields."""


class ExportRefused(ExportError):
    """The format cannot write some articles truthfully; nothing was written."""


class ExportOptions(Struct, frozen=True):
    """What to export and where; ``split`` maps split names to fractions summing to 1.

    Only done articles unless ``include_unreviewed``; ``reviewed_only``: only done articles
    with no open suggestion. ``split_by``: "article", or "group" (linked articles stay together).
    ``annotator``: that person's version of each article, not gold's; ``allow_disagreements``:
    articles whose versions disagree without a gold one are exported (each version) with a
    warning, not refused. ``publisher`` (claimreview only): the organisation publishing the
    fact-checks, the reviews' author."""

    fmt: str
    out: Path
    layers: frozenset[Layer] | None = None
    include_unreviewed: bool = False
    reviewed_only: bool = False
    split: tuple[tuple[str, float], ...] = (("all", 1.0),)
    seed: int = 0
    overwrite: bool = False
    split_by: str = "article"
    annotator: str | None = None
    allow_disagreements: bool = False
    publisher: str | None = None


class ExportReport(Struct):
    """What an export wrote, what it left out and why, and what the user should know."""

    files: list[Path] = field(default_factory=list)
    articles: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unreviewed: int = 0  # articles written with parts nobody reviewed, marked missing

    def summary(self) -> str:
        return report_lines.export_line(self)

    def problems(self) -> list[str]:
        """What the window shows in a box: the warnings, then what was left out."""
        return [*self.warnings, *(say.left_out(line) for line in self.skipped)]


def parse_split(text: str, names: OptionNames = FIELDS) -> tuple[tuple[str, float], ...]:
    """"train=0.8,dev=0.1,test=0.1" → (("train", 0.8), ...); the fractions must sum to 1."""
    parts = []
    for piece in text.split(","):
        name, _, value = piece.partition("=")
        try:
            parts.append((name.strip(), float(value)))
        except ValueError as exc:
            raise ExportError(say.bad_split_piece(names, piece)) from exc
    return check_split(tuple(parts), names)


def check_split(parts: tuple[tuple[str, float], ...],
                names: OptionNames = FIELDS) -> tuple[tuple[str, float], ...]:
    """Split names become file names: ASCII words of up to 40 characters, distinct whatever
    the case, none that Windows reserves (CON, NUL, COM1 …); fractions ≥ 0 summing to 1."""
    names_ = [n for n, _ in parts]
    folded = [n.casefold() for n in names_]
    if (not names_ or not all(_SPLIT_NAME.fullmatch(n) for n in names_)
            or len(set(folded)) != len(folded) or _RESERVED & set(folded)):
        raise ExportError(say.bad_split_names(names, names_))
    if abs(sum(f for _, f in parts) - 1.0) > 1e-6 or any(f < 0 for _, f in parts):
        raise ExportError(say.bad_fractions(names))
    return parts


def survey_output(options: ExportOptions, names: OptionNames = FIELDS) -> Survey:
    """What the export's folder holds now (an earlier export, other files, clashes)."""
    _check(options, names)
    try:
        return survey(options.out, *_outputs(options))
    except FolderError as exc:
        raise ExportError(say.folder_trouble(exc.note)) from exc
    except OSError as exc:
        raise ExportError(str(exc)) from exc


def check_output(found: Survey, options: ExportOptions, names: OptionNames = FIELDS) -> None:
    """Refuse a folder where the export would replace what no export wrote, and (without
    ``overwrite``) a folder that is not empty."""
    if found.hits:
        raise ExportError(say.clash(options.out, found.hits))
    if not found.empty and not options.overwrite:
        raise ExportError(say.not_empty(
            names, options.out, others=found.others,
            earlier=say.earlier_export(found.previous) if found.previous else None))


def export_project(project: Project, options: ExportOptions, *,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] = lambda: False,
                   names: OptionNames = FIELDS) -> ExportReport:
    """Write the project's annotated articles into ``options.out``; an earlier export there
    is replaced whole or not at all, and nothing else in the folder is touched.

    The articles are chosen, refused and split on their ids, hashes and suggestion counts;
    then each split streams: read in batches, written as they come (memory holds a batch,
    and a DocBin shard), into the staging folder that becomes the export at the end. Its
    refusals and warnings name the options as ``names`` do (the surface's words for them)."""
    _check(options, names)
    ensure_all_zones(project)  # an export never sees an article before its zones
    report = ExportReport()
    try:
        with Staging(options.out) as staging:
            check_output(staging.survey(*_outputs(options)), options, names)
            differ = (disagreeing(project.db, options.layers) if options.annotator is None
                      else set())
            parts = _plan(project, options, report, differ, names)
            stream = _Stream(project, options, report, progress, cancelled, differ)
            write = writer(options.fmt)
            if options.publisher is not None:  # claimreview's own option (_check)
                from annotator.io.export_claimreview import write_claimreview

                write = partial(write_claimreview, publisher=options.publisher.strip())
            with _heard(report, staging.root, options.out):
                for name, part in parts.items():
                    write(stream.drafts(part), target(options.fmt, staging.root, name))
                    report.articles[name] = len(part)
            stream.check()
            manifest = staging.commit(_record(project, options, report, stream.models))
    except Clash as exc:  # what appeared in the folder while the export was written
        raise ExportError(say.clash(exc.out, exc.hits)) from exc
    except FolderError as exc:
        raise ExportError(say.folder_trouble(exc.note)) from exc
    except OSError as exc:
        raise ExportError(say.cannot_write(options.out, exc)) from exc
    report.files = [options.out / f.path for f in manifest.files]
    return report


@contextmanager
def _heard(report: ExportReport, staging: Path, out: Path) -> Iterator[None]:
    """The writers' warnings (``annotator.io`` logs them, as notes of io/export_notes.py: spans
    a format cannot hold, claims left out) into the report, worded in the interface's language
    (``say.written``), so the window shows them as the command line does; any other warning
    names the export folder rather than its staging folder. Only this thread's: an import may
    log too."""
    here = threading.get_ident()

    class Heard(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread != here:
                return
            note = getattr(record, "export_note", None)
            report.warnings.append(say.written(note) if isinstance(note, WriterNote) else
                                   record.getMessage().replace(str(staging), str(out)))

    handler = Heard(logging.WARNING)
    io_log = logging.getLogger("annotator.io")
    io_log.addHandler(handler)
    try:
        yield
    finally:
        io_log.removeHandler(handler)


def _check(options: ExportOptions, names: OptionNames) -> None:
    if options.fmt not in FORMATS:
        raise ExportError(say.unknown_format(options.fmt, FORMATS))
    if options.split_by not in SPLIT_BY:
        raise ExportError(say.unknown_split_by(names, options.split_by, SPLIT_BY))
    check_split(options.split, names)
    if options.publisher is not None and options.fmt != "claimreview":
        raise ExportError(say.publisher_not_claimreview(names))
    if options.publisher is not None and not options.publisher.strip():
        raise ExportError(say.publisher_empty(names))


def _outputs(options: ExportOptions) -> tuple[list[str], list[str]]:
    files: list[str] = []
    folders: list[str] = []
    for name, _ in options.split:
        more_files, more_folders = outputs(options.fmt, name)
        files += more_files
        folders += more_folders
    return files, folders


def _record(project: Project, options: ExportOptions, report: ExportReport,
            models: set[tuple[str, str]]) -> dict:
    """The manifest's account of the export (its files are added by the folder): how it was
    made, the label scheme, the models behind its spans and suggestions."""
    return {
        "app": "annotator", "version": __version__,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "format": options.fmt,
        "options": {"layers": sorted(layer.value for layer in options.layers)
                    if options.layers is not None else None,
                    "include_unreviewed": options.include_unreviewed,
                    "reviewed_only": options.reviewed_only,
                    "split": [[name, fraction] for name, fraction in options.split],
                    "split_by": options.split_by, "seed": options.seed,
                    "annotator": options.annotator or "gold where there is one",
                    **({"publisher": options.publisher.strip()} if options.publisher else {})},
        "articles": dict(report.articles), "left_out": len(report.skipped),
        "unreviewed": report.unreviewed,
        "labels": [{"layer": label.layer.value, "name": label.name, "color": label.color,
                    "shortcut": label.shortcut, "description": label.description}
                   for label in project.labels()],
        "models": [{"name": name, "version": version} for name, version in sorted(models)],
    }


def portable_source(source_path: str | None) -> str | None:
    """The file name a source path ends in: an export carries no folder of this machine."""
    if source_path is None:
        return None
    return _PATH_PARTS.split(source_path)[-1] or None


def _plan(project: Project, options: ExportOptions, report: ExportReport,
          differ: set[int], names: OptionNames) -> dict[str, list[int]]:
    """The ids of the articles to export by split, in id order: done ones (or all;
    ``reviewed_only`` leaves out those with open suggestions), refused before anything is
    read when the format cannot mark what nobody reviewed. Holds ids (and, split by group,
    hashes), not rows."""
    status = None if options.include_unreviewed and not options.reviewed_only else Status.DONE
    by_article = options.split_by == "article"
    parts: dict[str, list[int]] = {name: [] for name, _ in options.split}
    hashes: dict[int, str] = {}
    refused: list[str] = []
    if options.annotator is not None and options.annotator not in project.annotators():
        raise ExportError(say.unknown_annotator(names, options.annotator))
    disputed: list[str] = []
    for row in export_rows(project.db, status, options.layers, options.annotator):
        if options.reviewed_only and row.open:
            report.skipped.append(say.open_suggestions_left_out(row.id))
            continue
        report.unreviewed += row.status is not Status.DONE or bool(row.open)
        if row.id in differ:
            disputed.append(f"{row.id} {row.title!r}")
        if why := _unmarked(options.fmt, row):
            refused.append(f"{row.id} {row.title!r} ({why})")
        if by_article:
            parts[split_of(row.hash, options.seed, options.split)].append(row.id)
        else:
            hashes[row.id] = row.hash
    if refused:
        raise ExportRefused(say.refused_unmarked(names, options.fmt, refused))
    if disputed and not options.allow_disagreements:
        raise ExportRefused(say.disagreements_refused(names, disputed))
    if disputed:
        report.warnings.append(say.disagreements_exported(disputed))
    if hashes:
        groups = linked_groups(project, article_texts(project.db, list(hashes)))
        for article_id, name in assign(hashes, groups, options.seed, options.split).items():
            parts[name].append(article_id)
    _warn_empty(parts, options, report, names)
    return parts


def _unmarked(fmt: str, row: ExportRow) -> str | None:
    """Why a format that cannot say "nobody reviewed this" refuses an article, if it does."""
    layers = CANNOT_MARK_MISSING.get(fmt)
    if layers is None:
        return None
    undecided = sum(n for layer, n in row.open.items() if layer in layers)
    return say.unmarked_why(row.status is Status.DONE, undecided)


def _warn_empty(parts: dict[str, list[int]], options: ExportOptions,
                report: ExportReport, names: OptionNames) -> None:
    total = sum(len(part) for part in parts.values())
    if not total:
        report.warnings.append(say.nothing_to_export() if options.include_unreviewed else
                               say.nothing_done(names))
    else:
        report.warnings += [say.empty_split(name, total)
                            for name, part in parts.items() if not part]


class _Stream:
    """The drafts of one split after another, read in batches as the writer asks for them:
    paths cut to file names, marked reviewed or not, claim groups named G1, G2 … in the
    order the export meets them (not by database id, so that a project made from the export
    exports the very same files); the models behind their spans are noted for the manifest."""

    def __init__(self, project: Project, options: ExportOptions, report: ExportReport,
                 progress: Progress | None, cancelled: Callable[[], bool],
                 differ: set[int]) -> None:
        self.project, self.options, self.report = project, options, report
        self.differ = differ
        self.progress, self.cancelled = progress, cancelled
        self.models: set[tuple[str, str]] = set()
        self.groups: dict[str, str] = {}
        self.done = 0

    def drafts(self, ids: list[int]) -> Iterator[ArticleDraft]:
        self.check()
        for article_id, draft in zip(ids, annotated_drafts(
                self.project.db, ids, self.options.layers, self.options.annotator, self.differ),
                strict=True):
            draft.source_path = portable_source(draft.source_path)
            draft.reviewed = draft.status is Status.DONE
            draft.groups = [replace(m, group_key=self.groups.setdefault(
                m.group_key, f"G{len(self.groups) + 1}")) for m in draft.groups]
            self.models.update((s.made.model, s.made.model_version)
                               for s in [*draft.annotations, *(draft.suggestions or [])]
                               if s.made and s.made.model and s.made.model_version)
            yield draft
            self.done += 1
            if self.progress:
                self.progress(self.done, QCoreApplication.translate(
                    "Export", "article {id}").format(id=article_id))
            self.check()

    def check(self) -> None:
        if self.cancelled():
            raise ExportError(say.cancelled())
