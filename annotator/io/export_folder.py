"""An export folder: the swap that replaces an earlier export (the manifest: ``export_manifest``).

Every export leaves ``.annotator-export.json`` in its folder OUT: the files it wrote (relative
paths, sha256, sizes) and how it was made. A new export is written whole into
``OUT/.annotator-staging/new`` first (the same file system as OUT, and never outside OUT).
Then ``OUT/.annotator-staging/journal.json`` appears in one rename: from that instant the new
export counts. Its files move into OUT one by one (the manifest last), and the files of the
earlier export that the new one does not have are deleted (folders only when left empty).

A process killed before the journal leaves the earlier export whole; killed after it, the
swap is finished by ``recover``, which every export (and every survey) runs first. Only files
that a manifest lists are ever replaced or deleted: a new file that would land on a file no
export wrote refuses the export before anything moves.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from annotator.io.export_manifest import (
    LEGACY_PARTIAL,
    MANIFEST,
    MANIFEST_VERSION,
    OURS,
    STAGING,
    ExportFile,
    FolderError,
    Manifest,
    Trouble,
    read_manifest,
    safe_path,
    verify,
)

try:
    import fcntl
except ImportError:  # Windows: no advisory lock between exports into one folder
    fcntl = None  # type: ignore[assignment]

JOURNAL = "journal.json"
FILE_MODE, DIR_MODE = 0o600, 0o700  # owner only; a stricter umask takes away more


class Survey(Struct, frozen=True):
    """What is in OUT before an export: an earlier export, other files, and what would clash."""

    previous: Manifest | None
    others: tuple[str, ...]  # top-level entries no export wrote; always kept
    hits: tuple[str, ...]  # paths the export would write that hold something no export wrote
    changed: tuple[str, ...]  # files of the earlier export changed or gone since (``survey``)

    @property
    def empty(self) -> bool:
        """Nothing in OUT but our own leftovers."""
        return self.previous is None and not self.others


def survey(out: Path, files: Iterable[str] = (), folders: Iterable[str] = ()) -> Survey:
    """What OUT holds, finishing an interrupted swap first; ``files``/``folders``: what the
    export will write at the top level (folders may exist: their files are checked later)."""
    if not out.exists():
        return Survey(None, (), (), ())
    if not out.is_dir():
        raise FolderError(Trouble.IS_A_FILE, out)
    with _lock(out):
        _recover(out)
        found = _survey(out, files, folders)
    changed = tuple(verify(out, found.previous)) if found.previous else ()
    return replace(found, changed=changed)


def recover(out: Path) -> None:
    """Finish an export that was killed during its swap, or drop one killed before it."""
    if out.is_dir():
        with _lock(out):
            _recover(out)


class Staging:
    """``with Staging(out) as s:`` write the new export under ``s.root``, then ``s.commit``.

    Entering makes OUT (owner only) if needed, locks it and finishes an interrupted swap.
    Leaving without a commit removes the staging folder (and OUT if it was made for nothing).
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.root = out / STAGING / "new"
        self._made: list[Path] = []
        self._staged = False
        self._stack = ExitStack()

    def __enter__(self) -> Staging:
        if self.out.exists() and not self.out.is_dir():
            raise FolderError(Trouble.IS_A_FILE, self.out)
        self._made = _make_folders(self.out)
        try:
            self._stack.enter_context(_lock(self.out))
            _recover(self.out)
            (self.out / STAGING).mkdir(DIR_MODE)
            self._staged = True
            self.root.mkdir(DIR_MODE)
        except BaseException:
            self._leave()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._leave()

    def survey(self, files: Iterable[str] = (), folders: Iterable[str] = ()) -> Survey:
        """As ``survey``, inside the lock this staging holds."""
        return _survey(self.out, files, folders)

    def commit(self, record: dict[str, Any]) -> Manifest:
        """Write the manifest (``record`` plus the files) and swap the new export in."""
        files = _seal(self.root)
        previous = read_manifest(self.out)
        hits = _hits(self.out, [f.path for f in files], previous)
        if hits:
            raise Clash(self.out, hits)
        record = {"manifest": MANIFEST_VERSION, **record,
                  "files": [{"path": f.path, "sha256": f.sha256, "bytes": f.size}
                            for f in files]}
        _write_json(self.root / MANIFEST, record)
        remove = sorted(previous.paths - {f.path for f in files}) if previous else []
        _write_json(self.out / STAGING / JOURNAL, {"remove": remove})  # the commit point
        try:
            _roll_forward(self.out)
        except OSError as exc:
            raise FolderError(Trouble.STOPPED, self.out, exc) from exc
        return Manifest(record, tuple(files))

    def _leave(self) -> None:
        with self._stack:  # the lock goes last
            staging = self.out / STAGING
            if self._staged and staging.is_dir() and not (staging / JOURNAL).exists():
                shutil.rmtree(staging)
            for folder in reversed(self._made):
                if not any(folder.iterdir()):
                    folder.rmdir()


class Clash(FolderError):
    """The export would replace ``hits``, which no export wrote (app/export_texts.py words it:
    ``clash``); nothing was changed."""

    def __init__(self, out: Path, hits: Iterable[str]) -> None:
        self.out, self.hits = out, tuple(hits)
        super().__init__(Trouble.CLASH, out, names=self.hits)


# -- inside the lock -------------------------------------------------------------------------


def _survey(out: Path, files: Iterable[str], folders: Iterable[str]) -> Survey:
    previous = read_manifest(out)
    ours = {p.split("/", 1)[0] for p in previous.paths} if previous else set()
    others = tuple(sorted(e.name + "/" * e.is_dir(follow_symlinks=False)
                          for e in os.scandir(out) if e.name not in OURS | ours))
    hits = _hits(out, list(files), previous)
    hits += [f for f in folders if os.path.lexists(out / f) and not _is_folder(out / f)]
    return Survey(previous, others, tuple(sorted(hits)), ())


def _hits(out: Path, paths: list[str], previous: Manifest | None) -> list[str]:
    """New paths that would replace something no export wrote, or go through a non-folder."""
    listed = previous.paths if previous else frozenset()
    hits = set()
    for path in paths:
        parts = path.split("/")
        for n in range(1, len(parts)):
            parent = out.joinpath(*parts[:n])
            if os.path.lexists(parent) and not _is_folder(parent):
                hits.add("/".join(parts[:n]))
        target = out / path
        if os.path.lexists(target) and (path not in listed or target.is_dir()):
            hits.add(path)
    return sorted(hits)


def _recover(out: Path) -> None:
    staging = out / STAGING
    for folder in (staging, out / LEGACY_PARTIAL):
        if os.path.lexists(folder) and not _is_folder(folder):
            raise FolderError(Trouble.NOT_OURS, folder)
    if (staging / JOURNAL).exists():
        _roll_forward(out)
    for folder in (staging, out / LEGACY_PARTIAL):
        if folder.exists():
            shutil.rmtree(folder)


def _roll_forward(out: Path) -> None:
    """Move the staged files in (manifest last), delete what the journal names; idempotent."""
    staging = out / STAGING
    new = staging / "new"
    remove = [safe_path(p) for p in json.loads((staging / JOURNAL).read_text("utf-8"))["remove"]]
    for path in _files(new):
        if path != MANIFEST:
            _make_parents(out, path)
            os.replace(new / path, out / path)
    if (new / MANIFEST).exists():
        os.replace(new / MANIFEST, out / MANIFEST)
    for path in remove:
        _remove(out, path)
    _fsync_folder(out)
    (staging / JOURNAL).unlink()
    shutil.rmtree(staging)


def _remove(out: Path, path: str) -> None:
    """Delete a file an earlier export wrote, and the folders it leaves empty."""
    parts = path.split("/")
    if any(not _is_folder(out.joinpath(*parts[:n])) for n in range(1, len(parts))):
        return  # a folder on the way was replaced by a link or a file: not ours any more
    target = out / path
    if os.path.lexists(target) and not target.is_dir():
        target.unlink()
    for n in range(len(parts) - 1, 0, -1):
        try:
            out.joinpath(*parts[:n]).rmdir()
        except OSError:
            break


def _seal(root: Path) -> list[ExportFile]:
    """The staged files, owner-only and flushed to disk, with their hashes."""
    files = []
    for folder, dirs, found in os.walk(root):
        for name in dirs:
            path = Path(folder, name)
            os.chmod(path, stat.S_IMODE(path.stat().st_mode) & DIR_MODE)
        for name in found:
            path = Path(folder, name)
            if path.is_symlink() or not path.is_file():
                raise FolderError(Trouble.NOT_A_FILE, path)
            os.chmod(path, stat.S_IMODE(path.stat().st_mode) & FILE_MODE)
            rel = safe_path(path.relative_to(root).as_posix())
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
                if not hasattr(os, "sync"):
                    os.fsync(handle.fileno())
            files.append(ExportFile(rel, digest, path.stat().st_size))
    if hasattr(os, "sync"):
        os.sync()  # one flush of everything: a hundred times faster than a fsync per file
    return sorted(files, key=lambda f: f.path)


def _files(root: Path) -> Iterator[str]:
    if not root.is_dir():
        return
    for folder, dirs, found in os.walk(root):
        dirs.sort()
        for name in sorted(found):
            yield Path(folder, name).relative_to(root).as_posix()


def _make_parents(out: Path, path: str) -> None:
    parts = path.split("/")
    for n in range(1, len(parts)):
        folder = out.joinpath(*parts[:n])
        if not os.path.lexists(folder):
            folder.mkdir(DIR_MODE)
        elif not _is_folder(folder):
            raise FolderError(Trouble.NOT_A_FOLDER, folder)


def _make_folders(out: Path) -> list[Path]:
    """Make OUT and its missing parents, owner only; the folders made, outermost first."""
    missing = []
    folder = out.absolute()
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir(DIR_MODE)
    return list(reversed(missing))


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _write_json(path: Path, record: dict[str, Any]) -> None:
    """Write a JSON file in one rename, flushed, owner-only."""
    temporary = path.with_name(path.name + ".tmp")
    data = (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE),
              "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    if fcntl is None:
        return  # Windows cannot open a folder to flush it
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _lock(out: Path) -> Iterator[None]:
    """One export at a time per folder; the lock goes with the process that held it."""
    if fcntl is None:
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderError(Trouble.BUSY, out) from None
        yield
    finally:
        os.close(fd)
