"""The build's file of the lexical index (``MainPostings``), and the index's per-row arrays as
views that read the build's rows from that file (``Column``): the rows of a build cost no
memory, a query reads only what it needs."""

from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.nlp.lexical_hash import N_FEATURES

if TYPE_CHECKING:
    import numpy as np

CAP = 10_000  # a feature in more sentences than this at a build keeps no posting list
MAGIC = b"ANNLEX03"  # the postings file's first 8 bytes
GATHER = 4096  # rows of a build's column read one by one; more: the column read whole


def read_at(file: Any, size: int, offset: int) -> bytes:
    """Bytes at an offset of an open file: ``os.pread`` where the system has it (Unix), else a
    seek and a read (Windows; the caller keeps other threads out: ``_Reader``)."""
    if hasattr(os, "pread"):
        return os.pread(file.fileno(), size, offset)
    file.seek(offset)
    return file.read(size)


class _Reader:
    """``read_at`` of one file from any thread (a lock where it seeks)."""

    def __init__(self, file: Any) -> None:
        self._file, self._lock = file, threading.Lock()

    def __call__(self, size: int, offset: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self._file.fileno(), size, offset)
        with self._lock:
            return read_at(self._file, size, offset)


class MainPostings:
    """The lists of a build, in one file: ``MAGIC``, the build id and the number of postings
    (8 bytes each), the postings (int32 rows, feature after feature; no list for a feature over
    ``CAP``), then the build's arrays (``ARRAYS``, numpy format): the features present and their
    document frequencies, and per row its key, article, span and norm. The per-row arrays stay
    in the file (``column``): a query reads whole only the norms of the rows it scored."""

    ARRAYS = ("features", "df", "keys", "articles", "spans", "norms")

    def __init__(self, path: Path, build_id: int | None = None) -> None:
        """Open a build's file (``build_id``: the one the cache names; else any)."""
        import numpy as np

        self.path = path
        # kept open for the index's life: a rebuild replaces the path, not this file
        self._file = open(path, "rb")  # noqa: SIM115
        weakref.finalize(self, self._file.close)
        self._pread = _Reader(self._file)
        head = self._pread(24, 0)
        found, count = int.from_bytes(head[8:16], "little"), int.from_bytes(head[16:], "little")
        if head[:8] != MAGIC or build_id not in (None, found):
            raise ValueError(f"{path} is not the postings file of this index")
        self.build_id = found
        self._file.seek(24 + 4 * count)
        features, df = (np.lib.format.read_array(self._file, allow_pickle=False)
                        for _ in range(2))
        self.df = np.zeros(N_FEATURES, dtype=np.int32)
        self.df[features] = df
        del features, df
        self._columns = {name: self._locate() for name in self.ARRAYS[2:]}
        kept = np.where(self.df > CAP, 0, self.df)
        self.indptr = np.concatenate([[0], np.cumsum(kept, dtype=np.int64)])
        if count < 2**31:  # half the memory: 16 MB less
            self.indptr = self.indptr.astype(np.int32)
        if (self.indptr[-1] != count or len({c[2][0] for c in self._columns.values()}) != 1
                or self._file.tell() > os.fstat(self._file.fileno()).st_size):
            raise ValueError(f"{path} is inconsistent")
        self.rows = self._columns["keys"][2][0]

    def _locate(self) -> tuple[int, np.dtype, tuple[int, ...]]:
        """(offset, dtype, shape) of the array at the file's position; the position after it."""
        import numpy as np

        fmt = np.lib.format
        version = fmt.read_magic(self._file)
        header = fmt.read_array_header_1_0 if version == (1, 0) else fmt.read_array_header_2_0
        shape, fortran, dtype = header(self._file)
        if fortran or dtype.hasobject:
            raise ValueError(f"{self.path} is inconsistent")
        offset = self._file.tell()
        self._file.seek(offset + int(np.prod(shape)) * dtype.itemsize)
        return offset, dtype, shape

    def column(self, name: str, rows: Any = None) -> np.ndarray:
        """One per-row array (``keys``, ``articles``, ``spans``, ``norms``) read from the file:
        whole, or at ``rows`` (row numbers in range)."""
        import numpy as np

        offset, dtype, shape = self._columns[name]
        width = dtype.itemsize * int(np.prod(shape[1:]))  # bytes per row
        if rows is None or len(rows) > GATHER:
            whole = np.frombuffer(self._pread(width * shape[0], offset), dtype).reshape(shape)
            return whole if rows is None else whole[rows]
        data = b"".join(self._pread(width, offset + width * int(r)) for r in rows)
        return np.frombuffer(data, dtype).reshape((len(rows), *shape[1:]))

    def lens(self, features: np.ndarray) -> np.ndarray:
        return self.indptr[features + 1] - self.indptr[features]

    def dropped(self, features: np.ndarray) -> np.ndarray:
        return self.df[features] > CAP

    def read(self, feature: int) -> np.ndarray:
        import numpy as np

        lo, hi = int(self.indptr[feature]), int(self.indptr[feature + 1])
        if hi == lo:
            return np.zeros(0, dtype=np.int32)
        return np.frombuffer(self._pread(4 * (hi - lo), 24 + 4 * lo), dtype=np.int32)


class Column:
    """A per-row array of an index (``keys``, ``articles``, ``spans``, ``norms``) that is not
    held in memory for the build's rows: ``column[i]``, ``column[rows]`` (indices or a mask)
    and ``np.asarray(column)`` read them from the build's file, the delta's from memory."""

    def __init__(self, index: Any, name: str) -> None:  # a LexicalIndex (``take``, ``size``)
        self.index, self.name = index, name

    def __len__(self) -> int:
        return self.index.size

    def __getitem__(self, which: Any) -> Any:
        return self.index.take(self.name, which)

    def __iter__(self) -> Any:
        return iter(self.index.take(self.name))

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        whole = self.index.take(self.name)
        return whole if dtype is None else whole.astype(dtype)
