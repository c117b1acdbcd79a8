"""The export use case: choose articles, split them, write a format into a folder, atomically.

Plain Python (no Qt): the command line runs it directly and the GUI runs it in a worker.
The folder handling (manifest, staging, swap) is ``annotator.io.export_folder``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from annotator import __version__
from annotator.core.model import ArticleDraft, Layer, Status
from annotator.io.export_folder import FolderError, Staging, Survey, clash_message, names, survey
from annotator.io.formats import FORMATS, outputs, target, writer
from annotator.store import Project
from annotator.store.datasets import annotated_draft

Progress = Callable[[int, str], None]
_SPLIT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")
_RESERVED = {"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in range(10))}
_PATH_PARTS = re.compile(r"[\\/]")


class ExportError(Exception):
    """An export that cannot start (bad options, a folder it may not write into)."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and where; ``split`` maps split names to fractions summing to 1."""

    fmt: str
    out: Path
    layers: frozenset[Layer] | None = None
    only_done: bool = False
    gold: bool = False
    split: tuple[tuple[str, float], ...] = (("all", 1.0),)
    seed: int = 0
    overwrite: bool = False


@dataclass
class ExportReport:
    """What an export wrote, and what it left out and why."""

    files: list[Path] = field(default_factory=list)
    articles: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = ", ".join(f"{name} {n}" for name, n in self.articles.items())
        return (f"{sum(self.articles.values())} articles ({parts}) in {len(self.files)} files"
                + (f"; {len(self.skipped)} left out" if self.skipped else ""))


def parse_split(text: str) -> tuple[tuple[str, float], ...]:
    """"train=0.8,dev=0.1,test=0.1" → (("train", 0.8), ...); the fractions must sum to 1."""
    parts = []
    for piece in text.split(","):
        name, _, value = piece.partition("=")
        try:
            parts.append((name.strip(), float(value)))
        except ValueError as exc:
            raise ExportError(f"--split: '{piece}' is not NAME=FRACTION") from exc
    return check_split(tuple(parts))


def check_split(parts: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """Split names become file names: ASCII words of up to 40 characters, distinct whatever
    the case, none that Windows reserves (CON, NUL, COM1 …); fractions ≥ 0 summing to 1."""
    names_ = [n for n, _ in parts]
    folded = [n.casefold() for n in names_]
    if (not names_ or not all(_SPLIT_NAME.fullmatch(n) for n in names_)
            or len(set(folded)) != len(folded) or _RESERVED & set(folded)):
        raise ExportError(f"--split: split names must be distinct words of letters, digits, "
                          f"'-' and '_' (not a device name like CON), got {names_}")
    if abs(sum(f for _, f in parts) - 1.0) > 1e-6 or any(f < 0 for _, f in parts):
        raise ExportError("--split: the fractions must be ≥ 0 and sum to 1")
    return parts


def split_of(content_hash: str, seed: int, split: tuple[tuple[str, float], ...]) -> str:
    """A split by article, stable under a seed and under adding articles to the project."""
    digest = hashlib.sha256(f"{seed}:{content_hash}".encode()).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    total = 0.0
    for name, fraction in split:
        total += fraction
        if u < total:
            return name
    return split[-1][0]


def survey_output(options: ExportOptions) -> Survey:
    """What the export's folder holds now (an earlier export, other files, clashes)."""
    _check(options)
    try:
        return survey(options.out, *_outputs(options))
    except (FolderError, OSError) as exc:
        raise ExportError(str(exc)) from exc


def check_output(found: Survey, options: ExportOptions) -> None:
    """Refuse a folder where the export would replace what no export wrote, and (without
    ``overwrite``) a folder that is not empty."""
    if found.hits:
        raise ExportError(clash_message(options.out, found.hits))
    if not found.empty and not options.overwrite:
        held = (f"an earlier export ({found.previous.summary()})" if found.previous
                else f"other files ({names(found.others)})")
        raise ExportError(f"{options.out} is not empty: it holds {held}; --overwrite replaces "
                          "only what an earlier export wrote and keeps other files")


def export_project(project: Project, options: ExportOptions, *,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] = lambda: False) -> ExportReport:
    """Write the project's annotated articles into ``options.out``; an earlier export there
    is replaced whole or not at all, and nothing else in the folder is touched."""
    _check(options)
    report = ExportReport()
    try:
        with Staging(options.out) as staging:
            check_output(staging.survey(*_outputs(options)), options)
            parts = _renumber_groups(_collect(project, options, report, progress, cancelled))
            if cancelled():
                raise ExportError("cancelled: nothing was written")
            write = writer(options.fmt)
            for name, drafts in parts.items():
                write(drafts, target(options.fmt, staging.root, name))
                report.articles[name] = len(drafts)
            manifest = staging.commit(_record(options, report))
    except FolderError as exc:
        raise ExportError(str(exc)) from exc
    except OSError as exc:
        raise ExportError(f"{options.out}: cannot write the export ({exc}); "
                          "nothing was replaced") from exc
    report.files = [options.out / f.path for f in manifest.files]
    return report


def _check(options: ExportOptions) -> None:
    if options.fmt not in FORMATS:
        raise ExportError(f"unknown format '{options.fmt}' (one of {', '.join(FORMATS)})")
    check_split(options.split)


def _outputs(options: ExportOptions) -> tuple[list[str], list[str]]:
    files: list[str] = []
    folders: list[str] = []
    for name, _ in options.split:
        more_files, more_folders = outputs(options.fmt, name)
        files += more_files
        folders += more_folders
    return files, folders


def _record(options: ExportOptions, report: ExportReport) -> dict:
    """The manifest's account of the export (its files are added by the folder)."""
    return {
        "app": "annotator", "version": __version__,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "format": options.fmt,
        "options": {"layers": sorted(layer.value for layer in options.layers)
                    if options.layers is not None else None,
                    "only_done": options.only_done, "gold": options.gold,
                    "split": [[name, fraction] for name, fraction in options.split],
                    "seed": options.seed},
        "articles": dict(report.articles), "left_out": len(report.skipped),
    }


def portable_source(source_path: str | None) -> str | None:
    """The file name a source path ends in: an export carries no folder of this machine."""
    if source_path is None:
        return None
    return _PATH_PARTS.split(source_path)[-1] or None


def _collect(project: Project, options: ExportOptions, report: ExportReport,
             progress: Progress | None, cancelled: Callable[[], bool]
             ) -> dict[str, list[ArticleDraft]]:
    parts: dict[str, list[ArticleDraft]] = {name: [] for name, _ in options.split}
    status = Status.DONE if options.only_done or options.gold else None
    ids = [a.id for page in _pages(project, status) for a in page]
    for n, article_id in enumerate(ids, start=1):
        if cancelled():
            break
        if options.gold and project.suggestions(article_id, open_only=True):
            report.skipped.append(f"article {article_id}: open model suggestions (not gold)")
            continue
        draft = annotated_draft(project, article_id, options.layers)
        draft.source_path = portable_source(draft.source_path)
        name = split_of(project.article(article_id).hash, options.seed, options.split)
        parts[name].append(draft)
        if progress:
            progress(n, f"article {article_id} → {name}")
    return parts


def _renumber_groups(parts: dict[str, list[ArticleDraft]]) -> dict[str, list[ArticleDraft]]:
    """Name claim groups G1, G2 … in the order the export meets them, not by database id, so
    that a project made from the export exports the very same files."""
    names: dict[str, str] = {}
    for drafts in parts.values():
        for draft in drafts:
            for member in draft.groups:
                names.setdefault(member.group_key, f"G{len(names) + 1}")
            draft.groups = [replace(m, group_key=names[m.group_key]) for m in draft.groups]
    return parts


def _pages(project: Project, status: Status | None):
    offset = 0
    while page := project.list_articles(offset, 500, status):
        yield page
        offset += len(page)
