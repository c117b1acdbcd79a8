"""What an install weighs: the size of every installed distribution (its files as pip recorded
them), and for each of pyproject.toml's runtime dependencies what it brings along and what would
go with it alone. Run with the venv's python: `.venv/bin/python packaging/footprint.py`."""

from __future__ import annotations

import importlib.metadata as md
import os
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement  # spaCy's dependency: in every install

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


DISTS = {canonical(d.metadata["Name"]): d for d in md.distributions()}


def size(name: str) -> int:
    dist = DISTS[name]
    paths = (dist.locate_file(f) for f in dist.files or [])
    return sum(os.path.getsize(p) for p in paths if os.path.isfile(p))


def requires(name: str) -> set[str]:
    """The installed distributions ``name`` needs (no extras)."""
    found = set()
    for line in DISTS[name].requires or []:
        req = Requirement(line)
        if (not req.marker or req.marker.evaluate({"extra": ""})) and canonical(req.name) in DISTS:
            found.add(canonical(req.name))
    return found


def closure(name: str) -> set[str]:
    todo, seen = [name], set()
    while todo:
        if (n := todo.pop()) not in seen:
            seen.add(n)
            todo += requires(n)
    return seen


def main() -> None:
    mb = {n: size(n) / 1e6 for n in DISTS}
    print(f"{sum(mb.values()):.0f} MB in {len(mb)} distributions ({sys.prefix})")
    for name in sorted(mb, key=mb.get, reverse=True)[:20]:
        needed_by = sorted(n for n in DISTS if name in requires(n))
        print(f"{mb[name]:7.1f} MB  {name}  ({', '.join(needed_by) or 'direct'})")
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    direct = [canonical(Requirement(r).name) for r in project["dependencies"]]
    closures = {n: closure(n) for n in direct if n in DISTS}
    print("\ndependency: MB with what it brings along / MB only it needs")
    for name, own in closures.items():
        alone = own - set().union(*(c for n, c in closures.items() if n != name))
        print(f"{name:20s} {sum(mb[n] for n in own):7.1f} {sum(mb[n] for n in alone):7.1f}  "
              f"{', '.join(sorted(alone - {name}))}")


if __name__ == "__main__":
    main()
