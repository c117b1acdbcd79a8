"""Building the lexical index from nothing in bounded memory: two passes over the sentences,
read chunk by chunk, and the posting lists written to a file, never held whole.

1. Each chunk is hashed (``vectorize``) and only counted: document frequencies (hence IDF, and
   which n-grams are over ``CAP`` and keep no list), keys, articles and spans.
2. Each chunk is hashed again: its rows' norms under the final IDF, and its postings of the kept
   n-grams, buffered and written as sorted runs into a temporary file (``RUN`` postings each).
   Then the runs are merged one range of features at a time (``BLOCKS``) into the build's file
   (``MainPostings``): feature after feature, each list in row order; then the arrays.

Memory: a chunk, one run, one block of the merge, and per row its key, article, span and norm.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.nlp.lexical import N_FEATURES, ROW, LexicalIndex, vectorize
from annotator.nlp.lexical_file import CAP, MAGIC, MainPostings, read_at

if TYPE_CHECKING:
    import numpy as np

RUN = 2_000_000  # kept postings buffered before they are sorted and written as a run
BLOCKS = 256  # feature ranges the merge takes one at a time
Chunk = tuple[Any, Any, Any, list[str]]  # keys, articles, (start, end) rows, texts
Progress = Callable[[int, int, str], None]


def build(chunks: Callable[[], Iterable[Chunk]], path: Path, total: int,
          progress: Progress | None = None,
          cancelled: Callable[[], bool] = lambda: False) -> LexicalIndex | None:
    """The index of every sentence ``chunks()`` yields (called twice: the same sentences in
    the same order, e.g. inside one read transaction), its lists written to ``path``; None
    when cancelled (nothing is left behind then)."""
    import numpy as np

    counted = _count(chunks, total, progress, cancelled)
    if counted is None:
        return None
    keys, articles, spans, df = counted
    del counted
    idf2 = (np.log((1.0 + len(keys)) / (1.0 + df)) + 1.0) ** 2
    build_id = secrets.randbits(63)
    tmp = path.with_name(f"{path.name}.{build_id:x}.tmp")  # one per build: builds may race
    with _scratch(path) as feats, _scratch(path) as rows:
        written = _runs(chunks, keys, df > CAP, idf2, (feats, rows), progress, cancelled)
        if written is None:
            return None
        runs, norms = written
        del idf2, written
        present = np.flatnonzero(df).astype(np.int32)
        tail = (present, df[present].astype(np.int32), keys, articles, spans, norms)
        del keys, articles, spans, norms
        _write(runs, (feats, rows), tmp, build_id, int(np.where(df > CAP, 0, df).sum()), tail)
    os.replace(tmp, path)
    del tail
    return LexicalIndex(MainPostings(path, build_id))


def _scratch(path: Path) -> Any:
    """An unnamed temporary file beside the cache (gone when closed, whatever happens)."""
    return tempfile.TemporaryFile(dir=path.parent, prefix=path.name + ".")


def _count(chunks: Callable[[], Iterable[Chunk]], total: int, progress: Progress | None,
           cancelled: Callable[[], bool]) -> tuple[Any, Any, Any, np.ndarray] | None:
    """Pass 1: keys, articles, spans (arrays of ``total`` rows, grown if there are more) and
    document frequencies."""
    import numpy as np

    df = np.zeros(N_FEATURES, dtype=np.int32)
    keys, articles = np.zeros(total, dtype=ROW), np.zeros(total, dtype=ROW)
    spans = np.zeros((total, 2), dtype=ROW)
    done = 0
    for ids, arts, bounds, texts in chunks():
        if cancelled():
            return None
        features = np.sort(vectorize(texts).indices)
        starts = np.flatnonzero(np.diff(features, prepend=-1))
        df[features[starts]] += np.diff(starts, append=len(features)).astype(np.int32)
        stop = done + len(texts)
        if stop > len(keys):
            keys, articles, spans = (np.resize(a, (2 * stop, *a.shape[1:]))
                                     for a in (keys, articles, spans))
        keys[done:stop], articles[done:stop] = ids, arts
        spans[done:stop] = np.asarray(bounds, dtype=ROW).reshape(-1, 2)
        done = stop
        if progress:
            progress(done, 2 * total, "matching index")
    return keys[:done], articles[:done], spans[:done], df


def _runs(chunks: Callable[[], Iterable[Chunk]], keys: Any, dropped: np.ndarray,
          idf2: np.ndarray, files: tuple[Any, Any], progress: Progress | None,
          cancelled: Callable[[], bool]) -> tuple[list[Any], np.ndarray] | None:
    """Pass 2: norms, and the kept postings as sorted runs; each run's block offsets."""
    import numpy as np

    norms = np.zeros(len(keys), dtype=np.float64)
    runs: list[Any] = []
    buffer: list[tuple[Any, Any]] = []
    start = 0
    for ids, _arts, _bounds, texts in chunks():
        if cancelled():
            return None
        stop = start + len(texts)
        if not np.array_equal(np.asarray(ids, dtype=np.int64), keys[start:stop]):
            raise RuntimeError("the sentences changed between the two passes of a build")
        rows = vectorize(texts)
        norms[start:stop] = np.sqrt(rows @ idf2)
        kept = ~dropped[rows.indices]
        row = np.repeat(np.arange(start, stop, dtype=np.int32), np.diff(rows.indptr))
        buffer.append((rows.indices[kept].astype(np.int32), row[kept]))
        if sum(len(f) for f, _ in buffer) >= RUN:
            runs.append(_write_run(buffer, files))
        start = stop
        if progress:
            progress(len(keys) + stop, 2 * len(keys), "matching index")
    if buffer:
        runs.append(_write_run(buffer, files))
    return runs, norms


def _write_run(buffer: list[tuple[Any, Any]], files: tuple[Any, Any]) -> np.ndarray:
    """Sort the buffered postings by feature (rows stay in order), append them to the scratch
    files, empty the buffer; where each block of features starts, in postings."""
    import numpy as np

    features = np.concatenate([f for f, _ in buffer])
    rows = np.concatenate([r for _, r in buffer])
    buffer.clear()
    order = np.argsort(features, kind="stable")
    features, rows = features[order], rows[order]
    base = files[0].tell() // 4
    for out, values in zip(files, (features, rows), strict=True):
        out.write(values.tobytes())
        out.flush()
    edges = np.arange(BLOCKS + 1, dtype=np.int64) * (N_FEATURES // BLOCKS)
    return base + np.searchsorted(features, edges)


def _write(runs: list[Any], files: tuple[Any, Any], path: Path, build_id: int, count: int,
           arrays: tuple[Any, ...]) -> None:
    """The build's file (``MainPostings``): the runs merged block after block, each block's
    pieces put in feature order, then the arrays."""
    import numpy as np

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # owner only
    written = 0
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + build_id.to_bytes(8, "little") + count.to_bytes(8, "little"))
            for block in range(BLOCKS):
                pieces = [[_read(f, int(run[block]), int(run[block + 1])) for f in files]
                          for run in runs if run[block + 1] > run[block]]
                if pieces:
                    features = np.concatenate([p[0] for p in pieces])
                    rows = np.concatenate([p[1] for p in pieces])
                    out.write(rows[np.argsort(features, kind="stable")].tobytes())
                    written += len(rows)
            if written != count:
                raise RuntimeError(f"the build wrote {written} postings, not {count}")
            for values in arrays:
                np.lib.format.write_array(out, np.ascontiguousarray(values), allow_pickle=False)
    except BaseException:
        os.unlink(path)
        raise


def _read(file: Any, lo: int, hi: int) -> np.ndarray:
    import numpy as np

    return np.frombuffer(read_at(file, 4 * (hi - lo), 4 * lo), dtype=np.int32)
