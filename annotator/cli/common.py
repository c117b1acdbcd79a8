"""What every command shares: the Typer app, exit codes, opening a project, failing, progress."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from annotator.cli import EXIT_USAGE

# Plain help (click's layout): options with their placeholder (FILE, NAME, N), flags alone
app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help="Annotate claims, sources and named entities in German news.",
)

SCREENSHOT = typer.Option("--screenshot", help="Save the window as PNG and quit", hidden=True)
# Whose version a command reads (each annotator has their own of every article); without it,
# the project's view: every annotator's, and the imported spans where nobody has a version.
ANNOTATOR = typer.Option("--annotator", metavar="NAME", help="One annotator's version "
                         "(default: every annotator's, the imported spans where nobody has one)")
PROJECT = typer.Argument(help="Project file", metavar="PROJECT")


def data_dir() -> Path:
    """Where the demo project and the last-project note live (app/folders.py)."""
    from annotator.app.folders import data_dir as folder

    return folder()


def open_existing(path: Path, *, create: bool = False, read_only: bool = False,
                  migrate: bool = True):
    """A project (see Project.open), or exit 2 with one line naming the file and the reason;
    an upgrade is reported on stderr."""
    from annotator.store import Project, ProjectError

    try:
        proj = Project.open(path, create=create, read_only=read_only, migrate=migrate)
    except ProjectError as exc:
        raise fail(str(exc)) from exc
    if proj.upgrade:
        typer.echo(f"{path}: {proj.upgrade.describe()}", err=True)
    return proj


def open_for_queries(path: Path):
    """A project for candidates and eval-matching: opened read only, never upgraded (they
    rank in ``matching_eval.unwritten``, which never writes into it)."""
    return open_existing(path, read_only=True, migrate=False)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print an error line to stderr and give the exit to raise."""
    typer.echo(f"annotator: {message}", err=True)
    return typer.Exit(code)


def with_progress(title: str, total: int | None, work, unit: str = "items"):
    """Run ``work(progress)`` with a progress bar on a terminal (stderr), quietly elsewhere;
    ``progress(n, message, total=None)`` (a total also sets the bar's). The bar shows the
    count, the rate (``unit`` per second) and the time left."""
    if not sys.stderr.isatty():
        return work(lambda n, message, total=None: None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(title, total=total, rate="")

        def progress(n: int, message: str, total: int | None = None) -> None:
            speed = bar.tasks[task].speed
            bar.update(task, completed=n, total=total, description=title,
                       rate=f"{speed:.1f} {unit}/s" if speed else "")

        return work(progress)
