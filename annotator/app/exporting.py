"""The export use case: choose articles, split them, write a format into a folder, atomically.

Plain Python (no Qt): the command line runs it directly and the GUI runs it in a worker.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.model import ArticleDraft, Layer, Status
from annotator.io.formats import FORMATS, target, writer
from annotator.store import Project
from annotator.store.datasets import annotated_draft

Progress = Callable[[int, str], None]
PARTIAL = ".annotator-partial"


class ExportError(Exception):
    """An export that cannot start (bad options, existing output): nothing was written."""


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
    names = [n for n, _ in parts]
    if not all(n.isidentifier() for n in names) or len(set(names)) != len(names):
        raise ExportError(f"--split: split names must be distinct words, got {names}")
    if abs(sum(f for _, f in parts) - 1.0) > 1e-6 or any(f < 0 for _, f in parts):
        raise ExportError("--split: the fractions must be ≥ 0 and sum to 1")
    return tuple(parts)


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


def export_project(project: Project, options: ExportOptions, *,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] = lambda: False) -> ExportReport:
    """Write the project's annotated articles; the output appears whole or not at all."""
    if options.fmt not in FORMATS:
        raise ExportError(f"unknown format '{options.fmt}' (one of {', '.join(FORMATS)})")
    out = options.out
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file, not a folder")
    if out.exists() and any(p.name != PARTIAL for p in out.iterdir()) and not options.overwrite:
        raise ExportError(f"{out} exists and is not empty (--overwrite replaces it)")
    report = ExportReport()
    parts = _renumber_groups(_collect(project, options, report, progress, cancelled))
    if cancelled():
        raise ExportError("cancelled: nothing was written")
    partial = out / PARTIAL  # inside OUT: an export never writes anywhere else
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        write = writer(options.fmt)
        for name, drafts in parts.items():
            written = write(drafts, target(options.fmt, partial, name))
            report.files += [out / p.relative_to(partial) for p in written]
            report.articles[name] = len(drafts)
        _replace(partial, out)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return report


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


def _replace(partial: Path, out: Path) -> None:
    """Move the finished files into ``out``; an old output is replaced only now."""
    for old in list(out.iterdir()):
        if old.name != partial.name:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    for item in sorted(partial.iterdir()):
        item.replace(out / item.name)
