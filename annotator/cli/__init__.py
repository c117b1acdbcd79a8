"""The `annotator` command: the GUI and projects, datasets and models, disputes and matching.

Exit codes: 0 success, 1 some inputs failed, 2 usage error (bad arguments, project or model).
A plain window start (cli/gui.py) runs without the parser; every other command line goes to
the typer app (cli/commands.py), which ``from annotator.cli import app`` loads.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.cli.commands import app as app

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main() -> None:
    """Console entry point."""
    from annotator.cli import gui

    plain = gui.plain_start(sys.argv[1:])
    if plain is not None:
        sys.exit(gui.main(*plain))
    from annotator.cli.commands import app

    app()


def __getattr__(name: str) -> Any:
    if name == "app":  # the typer app, loaded when first asked for
        from annotator.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
