"""The sentence index on disk and its catching up with the project's ``sentences`` table.

The cache beside the project (``<project>.match-index.npz``) holds the index's arrays only (no
pickle, so a damaged or foreign file is rebuilt, never executed). It is checked against the
sentence ids in the project, not trusted: rows of deleted sentences are dropped and new
sentences are analysed and appended, so the cache can be stale or deleted at any time.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.nlp.lexical import VERSION, LexicalIndex, vectorize
from annotator.store import Project

log = logging.getLogger(__name__)
CHUNK = 5000  # sentences analysed per step (progress and cancel checks between)


def load(path: Path | None) -> LexicalIndex:
    """The cached index, or an empty one when there is none usable."""
    import numpy as np

    if path is None or not path.exists():
        return LexicalIndex()
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["version"]) != VERSION:
                return LexicalIndex()
            return LexicalIndex.from_arrays(
                {k: data[k] for k in ("keys", "articles", "features", "df", "postings")})
    except Exception as exc:  # unreadable or foreign: rebuilt from the project
        log.warning("matching index cache %s unusable (%s): rebuilding", path, exc)
        return LexicalIndex()


def save(index: LexicalIndex, path: Path | None) -> None:
    """Write the cache atomically (a half-written file is never read)."""
    import numpy as np

    if path is None:
        return
    tmp = path.with_name(path.name + ".tmp.npz")
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


def follow(index: LexicalIndex, project: Project,
           progress: Callable[[int, int, str], None] | None = None,
           cancelled: Callable[[], bool] = lambda: False) -> bool:
    """Make the index hold exactly the project's sentences; True when it changed."""
    import numpy as np

    store = project.matching
    ids = np.asarray(store.sentence_ids(), dtype=np.int64)
    keep = np.isin(index.keys, ids)
    changed = not keep.all()
    index.keep(keep)
    new = np.setdiff1d(ids, index.keys)
    for i in range(0, len(new), CHUNK):
        if cancelled():
            break
        sentences = store.sentences([int(k) for k in new[i:i + CHUNK]])
        index.add([s.id for s in sentences], [s.article_id for s in sentences],
                  vectorize([s.text for s in sentences]))
        changed = True
        if progress:
            progress(min(i + CHUNK, len(new)), len(new), "matching index")
    return changed
