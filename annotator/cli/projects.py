"""The GUI and projects: open, upgrade, import, stats and the demo project."""

from __future__ import annotations

import gc
import json
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from annotator import __version__
from annotator.cli import EXIT_FAILED, EXIT_OK, gui
from annotator.cli.common import (
    ANNOTATOR,
    PROJECT,
    SCREENSHOT,
    data_dir,
    fail,
    open_existing,
    with_progress,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"annotator {__version__}")
        raise typer.Exit()


VERSION = typer.Option("--version", callback=_print_version, is_eager=True,
                       help="Print the version and exit")


def main_callback(ctx: typer.Context, version: Annotated[bool, VERSION] = False) -> None:
    """Without a command: open the last project (or the demo) in the GUI."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_project, project=None, screenshot=None, annotator=None)


def open_project(
    project: Annotated[Path | None, typer.Argument(
        help="Project file (.db)", metavar="[PROJECT]")] = None,
    screenshot: Annotated[Path | None, SCREENSHOT] = None,
    annotator: Annotated[str | None, typer.Option(
        "--annotator", metavar="NAME",
        help="Annotate as NAME (default: $ANNOTATOR_NAME, else the name given at the first "
        "start)")] = None,
) -> None:
    """Open a project in the GUI (the last one, or the demo, when none is named)."""
    try:
        gui.check_display()  # before the demo is built
        if project is None:
            project = gui.last_project() or demo_project(fresh=False)
        code = gui.start(project, screenshot, annotator)
    except gui.StartError as exc:
        raise fail(str(exc)) from exc
    raise typer.Exit(code)


def upgrade_cmd(project: Annotated[Path, PROJECT]) -> None:
    """Bring a project made by an earlier version up to date (a copy of it is kept beside it)."""
    from annotator.store.files import latest_version

    with open_existing(project) as proj:
        if not proj.upgrade:
            typer.echo(f"{project}: up to date (schema version {latest_version()})")


def import_cmd(
    project: Annotated[Path, typer.Argument(
        help="Project file; created when missing", metavar="PROJECT")],
    # readable=False: an unreadable path gets its own error line, the others still import
    paths: Annotated[list[Path], typer.Argument(
        help="Files or folders: .txt, .jsonl, .json, .html, .conll, .spacy, brat .ann; CoNLL "
             "by its content whatever its name", readable=False, metavar="PATH…")],
    model: Annotated[
        str | None, typer.Option("--model", "-m", metavar="NAME|DIR",
                                 help="spaCy pipeline: package name or folder")
    ] = None,
    suggest: Annotated[
        bool, typer.Option("--suggest/--no-suggest", help="Run entity suggestions")
    ] = True,
    label_map: Annotated[list[str] | None, typer.Option(
        "--label-map", metavar="LABEL=LAYER|FILE",
        help="LABEL=layer (repeatable), or a file of such lines: other tools' labels that are "
        "claims or sources, over the project's mapping (docs/formats.md)")] = None,
) -> None:
    """Import articles, suggest their entities (and claims) and print a summary."""
    from annotator.app.import_labels import project_layers
    from annotator.app.importing import run_import
    from annotator.io.label_layers import parse_label_layers

    try:
        parse_label_layers(label_map or [])  # a bad mapping is refused before any file is made
    except (ValueError, OSError) as exc:
        raise fail(f"--label-map: {exc}") from exc
    proj = open_existing(project, create=True)
    with proj, _few_collections():
        layers = parse_label_layers(label_map, project_layers(proj)) if label_map else None
        report = with_progress("Importing", None, lambda p: run_import(
            proj, paths, model=model, suggest=suggest, layers=layers,
            progress=lambda done, total, message: p(done, message, total)), unit="articles")
    _print_import(report, project)


@contextmanager
def _few_collections() -> Iterator[None]:
    """A bulk import makes millions of short-lived objects, few cycles: the collector runs
    every 20,000 allocations, not 700, and never walks what is loaded by now."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(20_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _print_import(report, project: Path) -> None:
    """Skipped, failed and warned files on stderr, then the summary (and the articles whose
    zones are still to be found); exit 2 when a model could not be used, 1 when a file
    failed."""
    for line in report.skipped:
        typer.echo(f"skipped: {line}", err=True)
    for line in report.failed:
        typer.echo(f"error: {line}", err=True)
    for line in report.warnings:
        typer.echo(f"warning: {line}", err=True)
    if report.model_error:
        raise fail(report.model_error)
    if report.claims_line():
        typer.echo(report.claims_line(), err=True)
    if report.claims_error:
        raise fail(report.claims_error)
    typer.echo(report.summary())
    if report.zones_pending:
        typer.echo(f"zones of {report.zones_pending} articles: found when they are opened or "
                   f"exported, by the window in the background, or now by `annotator zones "
                   f"{shlex.quote(str(project))} --pending`")
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)


def stats_cmd(
    project: Annotated[Path, PROJECT],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
    annotator: Annotated[str | None, ANNOTATOR] = None,
) -> None:
    """Articles, statuses (and of them, those with open suggestions), suggestions and
    annotations per layer and label, annotators."""
    from annotator.store.stats import project_stats

    proj = open_existing(project, read_only=True)
    with proj:
        stats = project_stats(proj, annotator)
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    typer.echo(_format_stats(project, stats))


def _format_stats(path: Path, stats: dict) -> str:
    s = stats["status"]
    lines = [
        f"{path}: {stats['articles']} articles ({s['new']} new, {s['in_progress']} in "
        f"progress, {s['done']} done)",
        "with open suggestions: " + ", ".join(
            f"{n} {status.replace('_', ' ')}" for status, n in stats["open_suggestions"].items()),
        "suggestions: " + _counts(stats["suggestions"]),
    ]
    for m in stats["models"]:
        lines.append(f"  {m['name']} {m['version']}: {m['suggestions']}")
    if stats["zones_pending"]:
        lines.append(f"  zones of {stats['zones_pending']} articles still to be found "
                     f"(annotator zones {shlex.quote(str(path))} --pending)")
    lines.append("annotations:" + ("" if stats["annotations"] else " none"))
    for layer, labels in stats["annotations"].items():
        lines.append(f"  {layer}: {_counts(labels)}")
    lines.append(f"links: {stats['links']}")
    names = ", ".join(f"{a['name']} ({a['annotations']})" for a in stats["annotators"])
    lines.append(f"annotators: {names or 'none'}")
    return "\n".join(lines)


def annotators_cmd(
    project: Annotated[Path, PROJECT],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
) -> None:
    """Who has a version of how many articles (in progress, done); an annotator without a
    version of an article has not reviewed it."""
    from annotator.core.model import Status

    with open_existing(project, read_only=True) as proj:
        counts = proj.version_counts()
        total = proj.count_articles()
    people = [{"name": name, "articles": sum(n.values()), "in_progress": n[Status.IN_PROGRESS],
               "done": n[Status.DONE]} for name, n in counts.items()]
    if as_json:
        typer.echo(json.dumps({"articles": total, "annotators": people}, ensure_ascii=False,
                              indent=2))
        return
    typer.echo(f"{project}: {total} articles; "
               + (f"{len(people)} annotator{'s' if len(people) != 1 else ''} with versions"
                  if people else "nobody has a version of any yet"))
    for p in people:
        typer.echo(f"{p['name']}: {p['articles']} ({p['in_progress']} in progress, "
                   f"{p['done']} done)")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def demo_cmd(
    fresh: Annotated[bool, typer.Option("--fresh", help="Rebuild the demo project")] = False,
    no_gui: Annotated[bool, typer.Option("--no-gui", help="Only build it, print its path")] = False,
    screenshot: Annotated[Path | None, SCREENSHOT] = None,
) -> None:
    """Open a project made from the bundled sample corpus (built on first use)."""
    try:
        if not no_gui:
            gui.check_display()  # before the demo is built
        project = demo_project(fresh)
        if no_gui:
            typer.echo(project)
            return
        code = gui.start(project, screenshot)
    except gui.StartError as exc:
        raise fail(str(exc)) from exc
    raise typer.Exit(code)


def demo_project(fresh: bool) -> Path:
    """Build the demo project once, atomically: a half-built demo is never left behind."""
    from annotator.app.samples import build_demo
    from annotator.store.files import make_folders

    target = data_dir() / "demo.db"
    if target.exists() and not fresh:
        return target
    make_folders(target.parent)
    building = target.with_suffix(".building.db")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    typer.echo(f"Building the demo project in {target} ...", err=True)
    with open_existing(building, create=True) as proj:
        report = with_progress("Building the demo", None, lambda p: build_demo(
            proj, progress=lambda done, total, message: p(done, message, total)),
            unit="articles")
        proj.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if report.model_error:
        raise fail(report.model_error)
    building.replace(target)
    return target
