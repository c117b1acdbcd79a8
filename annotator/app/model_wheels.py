"""Suggestion models the user can choose: installed spaCy pipelines, the bundled one, a folder,
or a pipeline wheel installed into the app's own data folder (pip, offline, no dependencies)."""

from __future__ import annotations

import sys
from importlib.metadata import entry_points
from pathlib import Path

from annotator.app.folders import models_dir


def installed_pipelines() -> list[str]:
    """Names of the spaCy pipeline packages installed (their entry points; spaCy not loaded)."""
    return sorted({ep.name for ep in entry_points(group="spacy_models")})


def wheel_target(wheel: Path) -> Path:
    """The folder a wheel is installed into: one per wheel, named after its package."""
    return models_dir() / wheel.name.split("-")[0]


def pip_command(wheel: Path, target: Path) -> list[str]:
    """pip installing a local wheel into ``target``: no network, no dependencies."""
    return [sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--upgrade",
            "--target", str(target), str(wheel)]


def pipeline_folder(target: Path) -> Path | None:
    """The pipeline inside an installed wheel's folder: the folder with config.cfg and
    meta.json (a spaCy package keeps it as package/package-version/)."""
    found = sorted(p.parent for p in target.glob("*/*/config.cfg")
                   if (p.parent / "meta.json").is_file())
    if not found:
        found = sorted(p.parent for p in target.glob("*/config.cfg")
                       if (p.parent / "meta.json").is_file())
    return found[-1] if found else None
