"""Working apart: ``annotator merge TARGET SOURCE…`` brings each source project's versions,
articles, sources and claim groups into the target, keeping who made what
(docs/annotators.md, "Working apart: merge"). The SQL is store/merging.py's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from msgspec import Struct

from annotator.store import Project, ProjectError
from annotator.store.merging import Merged, check_source, merge_file


class SourceMerged(Struct, frozen=True):
    """One source file: what merging it did, or why nothing was merged from it."""

    path: Path
    merged: Merged | None
    error: str | None = None


def merge_projects(project: Project, sources: Sequence[Path], prefer_source: bool = False,
                   done: Callable[[SourceMerged], None] | None = None) -> list[SourceMerged]:
    """Merge each source into ``project``, one transaction each, in order: a file that cannot
    be merged is reported (nothing of it written) and the next one merged. Conflicts (the
    same annotator's version of an article, different here and there) keep the target's
    version unless ``prefer_source``; either way each is reported."""
    assert project.path is not None
    out = []
    for path in sources:
        try:
            check_source(Path(path), project.path)
            result = SourceMerged(Path(path), merge_file(project.db, Path(path), prefer_source))
        except ProjectError as exc:
            result = SourceMerged(Path(path), None, str(exc))
        out.append(result)
        if done is not None:
            done(result)
    return out
