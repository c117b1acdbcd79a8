"""Opening and creating project files, and the list of recently opened ones (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.app.folders import data_dir
from annotator.store import Project, ProjectError

PROJECT_SUFFIX = ".db"
RECENT_KEY = "projects/recent"
RECENT_MAX = 10


def open_project(path: Path) -> Project:
    """An existing project (upgraded when older, see Project.open); anything else raises the
    store's ProjectError naming the file and the reason. It becomes the last project."""
    project = Project.open(path, create=False)
    remember_last(path)
    return project


def new_project(path: Path) -> Project:
    """A new, empty project at ``path`` (``.db`` added when it has no suffix); an existing
    file is refused, never overwritten."""
    path = path if path.suffix else path.with_suffix(PROJECT_SUFFIX)
    if path.exists():
        raise ProjectError(f"{path}: exists already; choose another name or open it")
    project = Project.open(path, create=True)
    remember_last(path)
    return project


def remember_last(path: Path) -> None:
    """The note the command line reads to open the last project again."""
    try:
        data_dir().mkdir(parents=True, exist_ok=True)
        (data_dir() / "last-project").write_text(str(path.resolve()), encoding="utf-8")
    except OSError:
        pass  # a read-only home: the project still opens


def recent() -> list[Path]:
    """The recently opened projects, the last one first."""
    value = QSettings().value(RECENT_KEY) or []
    return [Path(p) for p in ([value] if isinstance(value, str) else value)]


def add_recent(path: Path) -> list[Path]:
    """Put ``path`` first in the recent list (at most RECENT_MAX); the new list. Written only
    when it changed: a write syncs the settings file to disk."""
    path = path.resolve()
    before = recent()
    paths = [path, *(p for p in before if p != path)][:RECENT_MAX]
    if paths != before:
        _store(paths)
    return paths


def forget_recent(path: Path | None = None) -> list[Path]:
    """Take one path off the recent list, or (None) clear it; the new list."""
    paths = [] if path is None else [p for p in recent() if p != path]
    _store(paths)
    return paths


def _store(paths: list[Path]) -> None:
    QSettings().setValue(RECENT_KEY, [str(p) for p in paths])
