"""`annotator merge`: bring other project files' versions into one project."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from annotator.cli import EXIT_FAILED
from annotator.cli.common import open_existing


def merge_cmd(
    target: Annotated[Path, typer.Argument(help="The project merged into", metavar="TARGET")],
    sources: Annotated[list[Path], typer.Argument(
        help="Project files merged from", metavar="SOURCE…")],
    prefer: Annotated[str, typer.Option(
        "--prefer", metavar="target|source",
        help="In a conflict keep the target's version (target) or take the source's "
        "(source)")] = "target",
) -> None:
    """Working apart: each annotator's versions, their articles, sources and claim groups
    from the SOURCE files into TARGET, keeping who made what (docs/annotators.md). Merging
    again changes nothing; conflicts are listed (exit 1 while any remain)."""
    from annotator.app.merging import SourceMerged, merge_projects

    if prefer not in ("target", "source"):
        raise typer.BadParameter("target or source", param_hint="--prefer")
    failed = False

    def report(result: SourceMerged) -> None:
        nonlocal failed
        if result.merged is None:
            failed = True
            typer.echo(f"annotator: {result.error}", err=True)
            return
        m = result.merged
        typer.echo(f"{result.path}: {m.versions} versions brought ({m.replaced} replacing "
                   f"the target's), {m.same} the same already, {m.articles} articles added, "
                   f"{len(m.conflicts)} conflicts")
        for c in m.conflicts:
            kept = "took the source's" if prefer == "source" else "kept the target's"
            typer.echo(f"  conflict: article {c.article_id} ({c.title[:50]}), {c.annotator}: "
                       f"different in {target} and {result.path}; {kept}")
            failed = failed or prefer == "target"
        if m.outside:
            typer.echo(f"  {m.outside} annotations of annotators without a version there "
                       "(written without the app) were not brought")

    proj = open_existing(target, create=True)
    with proj:
        merge_projects(proj, sources, prefer == "source", report)
    if failed:
        raise typer.Exit(EXIT_FAILED)
