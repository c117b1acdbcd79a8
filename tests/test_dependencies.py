"""pyproject.toml's runtime dependencies are what annotator/ imports: each one is imported by
some module (one named exception, imported by another dependency at run time), and every
third-party package a module imports is declared (the semantic extra's for nlp/semantic.py)."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# Declared though no module of ours imports it: who does, at run time.
IMPORTED_BY_OTHERS = {"lxml-html-clean": "justext, trafilatura's fallback extractor"}
# Imported by us, declared through the dependency that sets its version: its own runtime.
PINNED_BY = {"shiboken6": "pyside6-essentials", "thinc": "spacy", "srsly": "spacy"}


def canonical(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement)[0]).lower()


def imported_packages() -> set[str]:
    """Top-level names of every absolute import in annotator/, standard library left out."""
    names: set[str] = set()
    for path in (ROOT / "annotator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"annotator", "__future__"}


def distributions_of(package: str) -> set[str]:
    return {canonical(d) for d in md.packages_distributions().get(package, [])}


def test_every_dependency_is_imported_and_every_import_declared() -> None:
    declared = {canonical(r) for r in PROJECT["dependencies"]}
    optional = {canonical(r) for r in PROJECT["optional-dependencies"]["semantic"]}
    imported = imported_packages()
    by_dist: dict[str, set[str]] = {}
    for package in imported:
        dists = distributions_of(package) | ({PINNED_BY[package]} if package in PINNED_BY
                                             else set())
        assert dists & (declared | optional), f"{package} is imported but not declared"
        for dist in dists:
            by_dist.setdefault(dist, set()).add(package)
    unused = declared - set(by_dist) - set(IMPORTED_BY_OTHERS)
    assert not unused, f"declared, never imported by annotator/: {sorted(unused)}"
    assert set(IMPORTED_BY_OTHERS) <= declared


def test_the_test_only_tools_stay_out_of_the_runtime() -> None:
    declared = {canonical(r) for r in PROJECT["dependencies"]}
    assert not declared & {"babel", "pytest", "hypothesis", "pyld", "mypy"}
