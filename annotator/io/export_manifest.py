"""The manifest an export leaves in its folder: the files it wrote (relative POSIX paths,
sha256, sizes) and how it was made. Only files a manifest lists are ever replaced or deleted."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from msgspec import Struct

MANIFEST = ".annotator-export.json"
STAGING = ".annotator-staging"
LEGACY_PARTIAL = ".annotator-partial"  # the temporary folder of versions before the manifest
MANIFEST_VERSION = 1
MANIFEST_LIMIT = 256 * 2**20  # bytes; a manifest lists about 200 bytes per file
OURS = frozenset({MANIFEST, STAGING, LEGACY_PARTIAL})
_BAD_PART = re.compile(r"[\x00-\x1f\\:]")


class Trouble(StrEnum):
    """Why a folder cannot take an export: each has its words in app/export_texts.py
    (``folder_trouble``); io holds no wording but the English line of ``str``."""

    IS_A_FILE = "is a file"
    NOT_OURS = "not ours"  # our staging folder's name taken by something else
    NOT_A_FOLDER = "not a folder"  # a folder on a staged file's way is a link or a file
    BUSY = "busy"  # another export holds the folder's lock
    STOPPED = "stopped"  # the swap stopped on an OS error (``detail``)
    NOT_A_FILE = "not a file"  # the export wrote a link or a folder where a file belongs
    BAD_MANIFEST = "bad manifest"  # ``detail``: why it cannot be read
    CLASH = "clash"  # ``names``: the paths no export wrote (Clash)


_ENGLISH = {
    Trouble.IS_A_FILE: "{path} is a file, not a folder",
    Trouble.NOT_OURS: "{path} is not a folder this program made; remove it",
    Trouble.NOT_A_FOLDER: "{path} is not a folder (a link or a file); the export stops here "
                          "and finishes when run again after it is moved away",
    Trouble.BUSY: "{path}: another export is writing into this folder",
    Trouble.STOPPED: "{path}: the export stopped while moving its files in ({detail}); the "
                     "next export into this folder finishes it",
    Trouble.NOT_A_FILE: "{path}: the export wrote something that is not a file",
    Trouble.BAD_MANIFEST: "{path}: not an export manifest this version can read ({detail}); "
                          "nothing was changed",
    Trouble.CLASH: "{path}: the export would replace {names}",
}


class FolderNote(Struct, frozen=True):
    """What is wrong with the folder (or file) at ``path``; ``detail``: an OS error's or a
    parser's words; ``names``: the paths of a clash."""

    kind: Trouble
    path: str
    detail: str = ""
    names: tuple[str, ...] = ()

    def __str__(self) -> str:
        """The English line (the command line's and the logs')."""
        return _ENGLISH[self.kind].format(path=self.path, detail=self.detail,
                                          names=", ".join(self.names))


class FolderError(Exception):
    """The folder cannot take the export (or a manifest is unreadable); nothing was replaced.
    ``note`` says why, as data."""

    def __init__(self, kind: Trouble, path: object, detail: object = "",
                 names: Iterable[str] = ()) -> None:
        self.note = FolderNote(kind, str(path), str(detail), tuple(names))
        super().__init__(str(self.note))


class ExportFile(Struct, frozen=True):
    """One file an export wrote: POSIX path relative to OUT, sha256 (hex) and size in bytes."""

    path: str
    sha256: str
    size: int


class Manifest(Struct, frozen=True):
    """What an earlier export wrote into the folder, read from its manifest."""

    record: dict[str, Any]
    files: tuple[ExportFile, ...]

    @property
    def paths(self) -> frozenset[str]:
        """The relative paths of its files."""
        return frozenset(f.path for f in self.files)

    def entries(self) -> list[Entry]:
        """Its top-level entries (``entries``)."""
        return entries(self.paths)


class Entry(NamedTuple):
    """A top-level entry of an export: a file (``files`` None) or a folder (``dev/``) and how
    many files it holds; app/export_texts.py words a list of them ("dev/ (12 files)")."""

    name: str
    files: int | None = None


def entries(paths: Iterable[str]) -> list[Entry]:
    """Top-level entries of relative paths, sorted: files by name, folders with a count."""
    counts: dict[str, int] = {}
    for path in paths:
        first, _, rest = path.partition("/")
        key = first + "/" if rest else first
        counts[key] = counts.get(key, 0) + 1
    return [Entry(k, n if k.endswith("/") else None) for k, n in sorted(counts.items())]


def read_manifest(out: Path) -> Manifest | None:
    """The manifest in ``out``; None without one; FolderError when it is not one of ours."""
    path = out / MANIFEST
    if not os.path.lexists(path):
        return None
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MANIFEST_LIMIT:
            raise ValueError("not a regular file of a sensible size")
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("manifest") != MANIFEST_VERSION:
            raise ValueError(f"manifest version {record.get('manifest')!r}")
        files = tuple(ExportFile(safe_path(f["path"]), str(f["sha256"]), int(f["bytes"]))
                      for f in record["files"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise FolderError(Trouble.BAD_MANIFEST, path, exc) from exc
    return Manifest(record, files)


def safe_path(path: object) -> str:
    """A relative POSIX path inside OUT (no ``..``, no root, no drive), else ValueError."""
    if not isinstance(path, str) or not path:
        raise ValueError(f"bad file path {path!r}")
    parts = PurePosixPath(path).parts
    if (path.startswith("/") or any(p in (".", "..") or _BAD_PART.search(p) for p in parts)
            or parts[0] in OURS or "/".join(parts) != path):
        raise ValueError(f"bad file path {path!r}")
    return path


def verify(out: Path, manifest: Manifest) -> list[str]:
    """The manifest's files that are gone or differ from what the export wrote."""
    problems = []
    for f in manifest.files:
        path = out / f.path
        if (not path.is_file() or path.is_symlink() or path.stat().st_size != f.size
                or _sha256(path) != f.sha256):
            problems.append(f.path)
    return problems


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
