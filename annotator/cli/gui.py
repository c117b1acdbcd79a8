"""Opening the window, as `annotator`, `annotator open PROJECT` and the desktop entry do.

Free of the command-line parser: typer with pydantic takes ~120 ms to import and to build the
commands, longer than the window takes to show. ``plain_start`` recognises a plain window
start (nothing, or ``open`` with a project and ``--annotator NAME``), which the entry point
(annotator/cli/__init__.py) runs without typer; anything else, ``--help`` and a first start
that builds the demo among it, goes through typer's ``open`` (cli/projects.py), which ends
here too.
"""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path

NO_SUCH_FILE = "{project}: no such project file (create one with 'annotator import')"


class StartError(Exception):
    """Why the window cannot open, in one line (the exit code is 2)."""


def plain_start(args: list[str]) -> tuple[Path, str | None] | None:
    """(project, annotator) when ``args`` start the window on a project that needs nothing
    built first: nothing (the last project), or ``open`` with at most a project and
    ``--annotator NAME`` (``--annotator=NAME``); None for anything else."""
    if not args:
        found = last_project()
        return (found, None) if found else None
    if args[0] != "open":
        return None
    project: Path | None = None
    annotator: str | None = None
    rest = args[1:]
    while rest:
        arg = rest.pop(0)
        if arg == "--annotator" and rest and annotator is None:
            annotator = rest.pop(0)
        elif arg.startswith("--annotator=") and annotator is None:
            annotator = arg.partition("=")[2]
        elif not arg.startswith("-") and project is None:
            project = Path(arg)
        else:
            return None  # an option or an argument only the parser knows
    project = project or last_project()
    return (project, annotator) if project else None


def last_project() -> Path | None:
    """The project the window last opened, when it is still there."""
    from annotator.app.folders import data_dir

    note = data_dir() / "last-project"
    if note.exists():
        path = Path(note.read_text(encoding="utf-8").strip())
        if path.exists():
            return path
    return None


def check_display() -> None:
    """StartError, before anything is built, when no window can open here."""
    from annotator.cli.display import display_problem

    problem = display_problem()
    if problem:
        raise StartError(problem)


# The layers below the window that need no Qt, loaded before Qt is: PySide6's import hook
# reads the source of every module imported after PySide6 (to see whether it uses PySide6's
# optional features), ~40 M instructions for these and their libraries (msgspec, sqlite3).
QT_FREE = ("annotator.store", "annotator.app.article_state", "annotator.app.metadata",
           "annotator.app.changes", "annotator.nlp.resolve")


def load_qt_free() -> None:
    """Import ``QT_FREE`` (nothing when Qt is loaded already)."""
    if "PySide6" not in sys.modules:
        for name in QT_FREE:
            importlib.import_module(name)


def start(project: Path, screenshot: Path | None = None, annotator: str | None = None) -> int:
    """Run the window on ``project`` until it closes; its exit code. StartError when it
    cannot open (no such file, an empty name, a project it cannot read); the display is
    checked first, by the caller (``check_display``). No garbage collection runs until the
    window is built (ui/application.py's ``main_window`` resumes them): the start makes a few
    hundred thousand objects and no garbage, and PySide6's import alone would run some
    thirty collections over them (~30 M instructions)."""
    gc.disable()
    try:
        return _start(project, screenshot, annotator)
    finally:
        gc.enable()  # when the start failed before the window was built


def _start(project: Path, screenshot: Path | None, annotator: str | None) -> int:
    load_qt_free()
    from annotator.app.folders import data_dir
    from annotator.store import ProjectError
    from annotator.store.files import make_folders
    from annotator.ui.application import run

    if not project.exists():
        raise StartError(NO_SUCH_FILE.format(project=project))
    if annotator is not None and not annotator.strip():
        raise StartError("--annotator needs a name")

    def opened(proj) -> None:
        make_folders(data_dir())
        (data_dir() / "last-project").write_text(str(project.resolve()), encoding="utf-8")
        if proj.upgrade:
            print(f"{project}: {proj.upgrade.describe()}", file=sys.stderr)

    try:
        return run(project, screenshot, annotator=annotator, opened=opened)
    except ProjectError as exc:
        raise StartError(str(exc)) from exc


def main(project: Path, annotator: str | None) -> int:
    """A plain start's exit code; a StartError is one line on stderr and exit 2, as the
    parser's ``open`` gives it."""
    from annotator.cli import EXIT_USAGE

    try:
        check_display()
        return start(project, annotator=annotator)
    except StartError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
