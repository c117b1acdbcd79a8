"""Layer rules import-linter cannot express: the app layer never uses widgets; no import cycles
inside a package; modules and functions stay small."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import grimp
import pytest

PACKAGE = Path(__file__).parents[1] / "annotator"
APP = PACKAGE / "app"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_app_layer_uses_qtcore_and_qtgui_only() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in APP.glob("*.py")
        for name in imported_modules(path)
        if name.startswith("PySide6") and name not in ("PySide6", "PySide6.QtCore", "PySide6.QtGui")
    }
    assert not offenders, f"annotator/app may use QtCore and QtGui only: {sorted(offenders)}"


def test_undo_commands_never_hide_qundocommand_id() -> None:
    """An attribute named ``id`` on a QUndoCommand hides id(); Qt then crashes on merging."""
    offenders = [f"{path.name}:{n}" for path in APP.glob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if "self.id =" in line.replace(" ", " ") or "self.id," in line]
    assert not offenders, offenders


# Packages whose modules may not import each other in a circle (TYPE_CHECKING imports count).
ACYCLIC = ["annotator", "annotator.core", "annotator.store", "annotator.nlp", "annotator.io",
           "annotator.app", "annotator.ui"]


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("annotator", cache_dir=None)


@pytest.mark.parametrize("package", ACYCLIC)
def test_no_import_cycles_inside_a_package(graph: grimp.ImportGraph, package: str) -> None:
    """No two of a package's ``__init__`` and the modules directly inside it (a subpackage
    stands as its ``__init__``) reach each other both ways."""
    modules = sorted({package, *graph.find_children(package)})
    cycles = [(there, back) for a, b in itertools.combinations(modules, 2)
              if (there := graph.find_shortest_chain(a, b))
              and (back := graph.find_shortest_chain(b, a))]
    assert not cycles, f"import cycles in {package}: {cycles}"


MAX_MODULE_LINES = 420  # "about 400": a module past it splits along its sections
MAX_FUNCTION_LINES = 60


def test_modules_and_functions_stay_small() -> None:
    """Every module of the package reads in one sitting, every function on one screen."""
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE.parent)
        if (lines := source.count("\n")) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    assert not too_long, "\n".join(too_long)
