"""The sentence index on disk and its catching up with the project's ``sentences`` table.

The cache beside the project is two files: ``<project>.match-index.postings``, the last build
(``nlp/lexical_build``: its posting lists and its rows' keys, articles, spans and norms), and
``<project>.match-index.npz``, what changed since (the rows added and their lists, which of the
build's rows were deleted). Arrays only, no pickle, so a damaged or foreign file is rebuilt,
never executed. It is checked against the sentence
ids in the project, not trusted: rows of deleted sentences are dropped, new sentences are
analysed and appended, so the cache can be stale or deleted at any time. After many changes
(``rebuild_due``) the index is built again from nothing, streamed from the project.
"""

from __future__ import annotations

import contextlib
import ctypes
import linecache
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.nlp.lexical import VERSION, LexicalIndex, vectorize
from annotator.nlp.lexical_hash import forget
from annotator.store import Project

log = logging.getLogger(__name__)
CHUNK = 2000  # sentences read and analysed per step (progress and cancel checks between)
DELTA = 50_000  # rows added since the build that the index keeps in memory, at most
MAPPED = 1 << 20  # bytes from which an allocation gets its own mapping (``own_mappings``)
Progress = Callable[[int, int, str], None]


def postings_path(cache: Path) -> Path:
    """The build's posting lists, beside the cache file."""
    return cache.with_name(cache.name.removesuffix(".npz") + ".postings")


def load(path: Path | None) -> LexicalIndex:
    """The cached index, or an empty one when there is none usable."""
    import numpy as np

    own_mappings()
    if path is None or not path.exists():
        return LexicalIndex()
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["version"]) != VERSION:
                return LexicalIndex()
            arrays = {k: data[k] for k in data.files if k != "version"}
        return LexicalIndex.from_arrays(arrays, postings_path(path))
    except Exception as exc:  # unreadable or foreign: rebuilt from the project
        log.warning("matching index cache %s unusable (%s): rebuilding", path, exc)
        return LexicalIndex()


def save(index: LexicalIndex, path: Path | None) -> None:
    """Write the cache atomically (a half-written file is never read)."""
    import numpy as np

    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp.npz")
    try:
        # owner only, as the project it is made of
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            arrays: dict[str, Any] = {"version": np.array(VERSION), **index.arrays()}
            np.savez(out, **arrays)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only folder: the index still works from memory
        log.warning("cannot write the matching index cache %s: %s", path, exc)
        tmp.unlink(missing_ok=True)


def rebuild_due(index: LexicalIndex, added: int, deleted: int) -> bool:
    """Build again from nothing: there is no build yet, or the rows changed since the build
    (deleted ones still count in its IDF) exceed an eighth of the index, or the rows added
    since would exceed ``DELTA``."""
    if index.main is None:
        return True
    changed = index.delta + added + deleted + len(index.dead)
    return changed > index.size // 8 or index.delta + added > DELTA


def follow(index: LexicalIndex, project: Project, cache: Path | None = None,
           progress: Progress | None = None,
           cancelled: Callable[[], bool] = lambda: False) -> tuple[LexicalIndex, bool]:
    """Make the index hold exactly the project's sentences: (the index, whether it changed).
    Only changed sentences are read, unless a rebuild is due (``cache`` given)."""
    import scipy.sparse  # noqa: F401  (the catch-up's modules in, before their sources go)

    gone, new = _changes(index, project)
    forget_sources()  # their room in memory serves the catch-up
    deleted = int(gone.sum())
    if not len(new) and not deleted:
        return index, False
    if cache is not None and rebuild_due(index, len(new), deleted):
        built = rebuild(project, cache, progress, cancelled)
        give_back()
        return (built, True) if built is not None else (index, False)
    index.keep(~gone)
    for i in range(0, len(new), CHUNK):
        if cancelled():
            break
        sentences = project.matching.sentences([int(k) for k in new[i:i + CHUNK]])
        index.add([s.id for s in sentences], [s.article_id for s in sentences],
                  vectorize([s.text for s in sentences]), [(s.start, s.end) for s in sentences])
        if progress:
            progress(min(i + CHUNK, len(new)), len(new), "matching index")
    give_back()
    return index, True


def give_back() -> None:
    """Return what catching up freed to the system: the hashed words, and (glibc) the free
    pages of the heap, which a build's many short-lived arrays leave behind (at 100,000
    articles ~100 MB of the window's resident memory otherwise)."""
    forget()
    forget_sources()
    _glibc("malloc_trim", 0)


def forget_sources() -> None:
    """Drop the module sources ``linecache`` keeps: PySide6's import hook reads the source of
    every module imported after it (``inspect.getsource``) unless ui/import_hook.py answers it
    from the files, as the window's start has it do; numpy's and scipy's ~16 MB of lines were
    among them. linecache keeps sources for tracebacks, which read them again when needed.
    Freed before a catch-up, Python's small-object memory they took is reused by it instead of
    growing."""
    linecache.clearcache()


def own_mappings() -> None:
    """(glibc) Give every block of ``MAPPED`` bytes or more its own mapping, returned to the
    system when freed. By default glibc raises that threshold to the largest block freed so
    far (up to 32 MB) and keeps later ones in its heap: the arrays of a float per sentence
    that a query makes (25 MB at 3 million sentences) then stay resident after it (~50 MB at
    100,000 articles)."""
    _glibc("mallopt", -3, MAPPED)  # M_MMAP_THRESHOLD; set, it no longer moves


def _glibc(name: str, *args: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # not glibc (musl): nothing to do
            getattr(ctypes.CDLL("libc.so.6"), name)(*args)


def _changes(index: LexicalIndex, project: Project) -> tuple[Any, Any]:
    """(rows whose sentence is gone, ids of new sentences), reading only what changed where it
    can: sentence ids only grow, so when the ids up to the index's highest are still those it
    holds (their count and sum), nothing went; when an article's sentences were replaced (a
    zone edit), only the articles with new sentences are looked at; else every id is read."""
    import numpy as np

    store = project.matching
    keys, alive = np.asarray(index.keys), index.alive  # read whole for this once
    live = keys[alive]
    top = int(keys.max()) if len(keys) else 0
    tally = store.sentence_tally(top)
    new = np.frombuffer(store.sentence_id_array(after=top), dtype=np.int64)
    if tally == (len(live), int(live.sum())):
        return np.zeros(len(index.keys), dtype=bool), new
    touched = store.articles_with_sentences_after(top)
    still = np.sort(np.asarray(store.sentence_ids_of(touched, top), dtype=np.int64))
    gone = alive & np.isin(np.asarray(index.articles), touched) & ~_member(keys, still)
    if tally == (len(live) - int(gone.sum()), int(live.sum() - keys[gone].sum())):
        return gone, new
    ids = np.frombuffer(store.sentence_id_array(), dtype=np.int64)
    return alive & ~_member(keys, ids), ids[~_member(ids, np.sort(keys))]


def _member(values: Any, ascending: Any) -> Any:
    """Which of ``values`` are in the sorted array ``ascending``."""
    import numpy as np

    at = np.minimum(np.searchsorted(ascending, values), max(len(ascending) - 1, 0))
    return ascending[at] == values if len(ascending) else np.zeros(len(values), dtype=bool)


def rebuild(project: Project, cache: Path, progress: Progress | None = None,
            cancelled: Callable[[], bool] = lambda: False) -> LexicalIndex | None:
    """The index built from nothing, streamed from the project in one read transaction, its
    file beside the project (or, where that cannot be written, in a temporary folder for this
    session only); None when cancelled."""
    import tempfile

    from annotator.nlp.lexical_build import build

    store = project.matching
    with store.snapshot():
        total = store.sentence_count()
        try:
            return build(lambda: _chunks(project), postings_path(cache), total, progress,
                         cancelled)
        except OSError as exc:
            log.warning("cannot write the matching index %s: %s", cache, exc)
        with tempfile.TemporaryDirectory() as folder:  # the index keeps its file open
            return build(lambda: _chunks(project), Path(folder) / "match-index.postings",
                         total, progress, cancelled)


def _chunks(project: Project) -> Iterator[tuple[list[int], list[int], list[Any], list[str]]]:
    """Every sentence in id order, CHUNK at a time: keys, articles, spans, texts."""
    after = 0
    while True:
        sentences = project.matching.sentences_after(after, CHUNK)
        if not sentences:
            return
        yield ([s.id for s in sentences], [s.article_id for s in sentences],
               [(s.start, s.end) for s in sentences], [s.text for s in sentences])
        after = sentences[-1].id
