"""The project file: SQLite through sqlite-utils, migrations, transactional writes."""

import sys


def _sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils without numpy and pandas: it maps their types to column types only
    when it makes a table from Python values, and annotator makes its tables with SQL. numpy
    alone would add a tenth of a second to every start of the window."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = {name: sys.modules.get(name) for name in ("numpy", "pandas")}
    for name, module in hidden.items():
        if module is None:
            sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name, module in hidden.items():
            if module is None:
                del sys.modules[name]


_sqlite_utils_without_numpy()

from annotator.store.articles import IMPORT_ANNOTATOR  # noqa: E402
from annotator.store.project import OlderProject, Project, ProjectError  # noqa: E402

__all__ = ["IMPORT_ANNOTATOR", "OlderProject", "Project", "ProjectError"]
