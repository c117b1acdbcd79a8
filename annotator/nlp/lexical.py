"""The `tfidf` matcher at scale: hashed char_wb 3-5-gram TF-IDF with an inverted index.

The features of scikit-learn's char_wb 3-5-gram TF-IDF after ``fold``, for projects of
100,000 articles (millions of sentences) in bounded memory:

- hashed features (2**22) instead of a vocabulary, and binary term frequency (inside a sentence
  an n-gram rarely repeats, so this is what ``sublinear_tf`` gives almost everywhere): a row is
  a set of features and the index keeps only posting lists, 4 bytes a posting. ``vectorize``
  hashes each word once (char_wb n-grams never cross a space) and caches it.
- the posting lists of a build (``lexical_build``) live in a file beside the project
  (``MainPostings``), read list by list, and so do its rows' keys, articles, spans and norms
  (``Column``: read for the rows a query needs); the rows added since are kept in memory (the
  delta), rows deleted since are only marked. An n-gram found in more than ``CAP`` sentences at the
  build (" de", "der", ...: low IDF, long lists) keeps no list.
- a query walks the lists of its n-grams, rarest first, up to a budget; then the best ``pool``
  rows are scored again exactly from their texts (``texts``), or, without texts, the n-grams
  beyond the budget are added for them by binary search. Below the budget and without a build
  (small indexes) every score is the exact cosine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.nlp.lexical_file import Column, MainPostings
from annotator.nlp.lexical_hash import N_FEATURES, vectorize

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

BUDGET = 1_500_000  # postings a query walks in full; ~5 ms of numpy on one core
VERSION = "char_wb3-5-hash22-binary-4"  # part of the disk cache: change it to rebuild
ROW = "int32"  # dtype of a row's key, article and span: 4 bytes each (ids, offsets < 2**31)
Texts = Callable[[Any], list[str]]  # sentence texts of these keys, in their order


class LexicalIndex:
    """Rows keyed by int64 keys (sentence ids, ascending) with their article and (start, end);
    ``scores`` is one query. Rows ``[0, main.rows)`` come from a build (their keys, articles,
    spans and norms stay in its file), the others were added since (the delta, in memory)."""

    def __init__(self, main: MainPostings | None = None) -> None:
        import numpy as np

        self.main = main
        self._keys: np.ndarray = np.zeros(0, dtype=ROW)  # the delta's rows
        self._articles: np.ndarray = np.zeros(0, dtype=ROW)
        self._spans: np.ndarray = np.zeros((0, 2), dtype=ROW)
        self._norms = np.zeros(0, dtype=np.float64)
        self.dead = np.zeros(0, dtype=np.int64)  # rows of the build deleted since, ascending
        self._rows: csr_matrix | None = None  # the delta's rows, between a change and a refit
        self._pending: list[csr_matrix] = []  # rows added since, stacked once on the refit
        self._features = np.zeros(0, dtype=np.int32)  # the delta's lists: its features, sorted,
        self._starts = np.zeros(1, dtype=np.int64)  # where each list starts in _postings
        self._postings = np.zeros(0, dtype=np.int32)  # rows counted from the delta's first
        self.idf = np.ones(N_FEATURES, dtype=np.float32)
        self._stale = True

    def __len__(self) -> int:
        return self.size - len(self.dead)

    @property
    def size(self) -> int:
        """Rows, deleted ones of the build included."""
        return self.built + self.delta

    @property
    def built(self) -> int:
        """Rows that come from the build (the others are the delta)."""
        return self.main.rows if self.main is not None else 0

    @property
    def delta(self) -> int:
        return len(self._keys)

    keys = property(lambda self: Column(self, "keys"), doc="sentence ids, ascending")
    articles = property(lambda self: Column(self, "articles"), doc="their articles")
    spans = property(lambda self: Column(self, "spans"), doc="their (start, end)")
    norms = property(lambda self: Column(self, "norms"), doc="rows' norms (after ``refit``)")

    @property
    def alive(self) -> np.ndarray:
        """False for the rows deleted since the build (a new array)."""
        import numpy as np

        alive = np.ones(self.size, dtype=bool)
        alive[self.dead] = False
        return alive

    def take(self, name: str, which: Any = None) -> Any:
        """A per-row array: whole, or at ``which`` (a row, rows or a mask, as numpy indexes)."""
        import numpy as np

        delta = getattr(self, "_" + name)
        if which is None:
            return delta if self.main is None else np.concatenate(
                [self.main.column(name), delta])
        rows = self._rows_of(which)
        one = not isinstance(which, slice) and np.ndim(which) == 0
        out = np.empty((len(rows), *delta.shape[1:]), dtype=delta.dtype)
        built = rows < self.built
        if built.any():
            assert self.main is not None
            out[built] = self.main.column(name, rows[built])
        out[~built] = delta[rows[~built] - self.built]
        return out[0] if one else out

    def _rows_of(self, which: Any) -> np.ndarray:
        """The row numbers of a row, rows, a mask or a slice (negative rows from the end)."""
        import numpy as np

        if isinstance(which, slice):
            return np.arange(*which.indices(self.size))
        rows = np.atleast_1d(np.asarray(which))
        if rows.dtype == bool:
            if len(rows) != self.size:
                raise IndexError(f"a mask of {len(rows)} rows for {self.size}")
            return np.flatnonzero(rows)
        rows = np.where(rows < 0, rows + self.size, rows).astype(np.int64)
        if len(rows) and (rows.min() < 0 or rows.max() >= self.size):
            raise IndexError(f"rows out of range (0..{self.size - 1})")
        return rows

    # -- changing ------------------------------------------------------------------------------

    def add(self, keys: Any, articles: Any, rows: csr_matrix, spans: Any = None) -> None:
        """Append rows (from ``vectorize``); IDF and norms are refitted on the next query."""
        import numpy as np

        if rows.shape[0] == 0:
            return
        spans = np.zeros((rows.shape[0], 2)) if spans is None else spans
        self._pending.append(rows)
        self._keys = np.concatenate([self._keys, np.asarray(keys, dtype=ROW)])
        self._articles = np.concatenate([self._articles, np.asarray(articles, dtype=ROW)])
        self._spans = np.concatenate([self._spans, np.asarray(spans, dtype=ROW)])
        self._stale = True

    def keep(self, mask: Any) -> None:
        """Drop the rows where ``mask`` is False (deleted sentences): rows of the build are
        only marked (they count in the IDF until the next build), the delta's go."""
        import numpy as np

        mask = np.asarray(mask, dtype=bool)
        built = self.built
        self.dead = np.union1d(self.dead, np.flatnonzero(~mask[:built]))
        rest = mask[built:]
        if rest.all():
            return
        self._rows = self._csr()[rest]
        self._keys, self._articles, self._spans = (
            values[rest] for values in (self._keys, self._articles, self._spans))
        self._stale = True

    def _csr(self) -> csr_matrix:
        """The delta's rows as one CSR (from its lists, then the pending rows)."""
        import numpy as np
        from scipy.sparse import csc_matrix, csr_matrix, vstack

        parts = list(self._pending)
        if self._rows is not None:
            parts.insert(0, self._rows)
        elif self.delta > sum(r.shape[0] for r in parts):
            indptr = np.zeros(N_FEATURES + 1, dtype=np.int64)
            indptr[self._features.astype(np.int64) + 1] = np.diff(self._starts)
            ones = np.ones(len(self._postings), dtype=np.float32)
            parts.insert(0, csc_matrix(
                (ones, self._postings, np.cumsum(indptr)),
                shape=(self.delta - sum(r.shape[0] for r in parts), N_FEATURES)).tocsr())
        if not parts:
            return csr_matrix((0, N_FEATURES), dtype=np.float32)
        self._rows = vstack(parts, format="csr") if len(parts) > 1 else parts[0]
        self._pending = []
        return self._rows

    def refit(self) -> None:
        """The delta's lists, document frequencies, IDF (smoothed, as sklearn) and row norms."""
        import numpy as np

        if not self._stale:
            return
        if self._rows is not None or self._pending:
            csc = self._csr().tocsc()
            csc.sort_indices()
            lens = np.diff(csc.indptr)
            self._features = np.flatnonzero(lens).astype(np.int32)
            self._starts = np.concatenate([csc.indptr[self._features], [csc.indptr[-1]]]
                                          ).astype(np.int64)
            self._postings = csc.indices.astype(np.int32)
            self._rows = None
        df = (np.zeros(N_FEATURES, dtype=np.int32) if self.main is None
              else self.main.df.copy())
        df[self._features] += np.diff(self._starts).astype(np.int32)
        idf = df.astype(np.float64)  # log((1 + n) / (1 + df)) + 1, in place (bounded memory)
        del df
        idf += 1.0
        np.divide(1.0 + self.size, idf, out=idf)
        np.log(idf, out=idf)
        idf += 1.0
        self.idf = idf.astype(np.float32)
        del idf
        self._norms = np.sqrt(self._sum_over_rows(
            self.idf[self._features].astype(np.float64) ** 2))  # the build's: in its file
        self._stale = False

    def _sum_over_rows(self, per_list: np.ndarray) -> np.ndarray:
        """Σ per_list[i] over each delta row's lists, ~4M postings at a time (bounded memory)."""
        import numpy as np

        total = np.zeros(self.delta, dtype=np.float64)
        cuts = np.searchsorted(self._starts, np.arange(0, len(self._postings), 4_000_000))
        edges = [*sorted(set(cuts.tolist()) - {0}), len(self._features)]
        first = 0
        for last in edges:
            lo, hi = self._starts[first], self._starts[last]
            if hi > lo:
                weights = np.repeat(per_list[first:last], np.diff(self._starts[first:last + 1]))
                total += np.bincount(self._postings[lo:hi], weights=weights,
                                     minlength=self.delta)
            first = last
        return total

    # -- querying ------------------------------------------------------------------------------

    def query_weights(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The query's features and their weights idf²/‖q‖ (a row's cosine is Σ w / ‖row‖)."""
        import numpy as np

        self.refit()
        features = vectorize([text]).indices
        idf = self.idf[features].astype(np.float64)
        norm = float(np.sqrt((idf ** 2).sum())) or 1.0
        return features, idf ** 2 / norm

    def scores(self, text: str, pool: int = 200, budget: int = BUDGET,
               texts: Texts | None = None) -> np.ndarray:
        """Cosine of every row with ``text`` (0 for deleted rows): exact for the best ``pool``
        rows, and for all rows when the query's postings fit the budget and nothing was
        built. ``texts`` gives rows' texts: the pool is then scored again from them."""
        import numpy as np

        features, weights = self.query_weights(text)
        n = self.size
        if n == 0 or len(features) == 0:
            return np.zeros(n, dtype=np.float64)
        lens = self._lens(features)
        dropped = (self.main.dropped(features) if self.main is not None
                   else np.zeros(len(features), dtype=bool))
        order = np.lexsort((lens, dropped))  # kept lists first, shortest first
        walked = order[(np.cumsum(lens[order]) <= budget) & ~dropped[order]]
        sims = self._walk(features[walked], weights[walked], lens[walked])
        sims[self.dead] = 0.0
        out = self._divided(sims)
        skipped = np.setdiff1d(order, walked)
        if texts is not None and (len(skipped) or self.main is not None):
            best = self._best(out, pool)
            out[best] = self.cosine_rows(text, vectorize(texts(self.take("keys", best))))
        elif len(skipped):
            best = self._best(out, pool)
            for f, w in zip(features[skipped], weights[skipped], strict=True):
                for posting, base in self._lists(int(f)):
                    at = np.searchsorted(posting, best - base)
                    hit = at < len(posting)
                    hit[hit] = posting[at[hit]] + base == best[hit]
                    sims[best[hit]] += w
            out[best] = sims[best] / np.maximum(self.take("norms", best), 1e-12)
        out[self.dead] = 0.0
        return out

    def _divided(self, sims: np.ndarray) -> np.ndarray:
        """``sims`` over the rows' norms: the norms read only where a row has a score, unless
        many have."""
        import numpy as np

        hit = np.flatnonzero(sims)
        if len(hit) > len(sims) // 8:
            return sims / np.maximum(self.take("norms"), 1e-12)
        out = np.zeros(len(sims), dtype=np.float64)
        out[hit] = sims[hit] / np.maximum(self.take("norms", hit), 1e-12)
        return out

    def _best(self, scores: np.ndarray, pool: int) -> np.ndarray:
        """The ``pool`` best live rows, ascending."""
        import numpy as np

        if len(self) <= pool:
            return np.flatnonzero(self.alive)
        if not len(self.dead):  # every row: no copy
            return np.sort(np.argpartition(-scores, pool - 1)[:pool])
        live = np.flatnonzero(self.alive)
        return np.sort(live[np.argpartition(-scores[live], pool - 1)[:pool]])

    def _lens(self, features: np.ndarray) -> np.ndarray:
        """Postings per feature: the build's list and the delta's."""
        import numpy as np

        lens = self.main.lens(features) if self.main is not None else np.zeros(len(features),
                                                                               dtype=np.int64)
        at = np.searchsorted(self._features, features)
        hit = at < len(self._features)
        hit[hit] = self._features[at[hit]] == features[hit]
        lens[hit] += self._starts[at[hit] + 1] - self._starts[at[hit]]
        return lens

    def _lists(self, feature: int) -> list[tuple[np.ndarray, int]]:
        """(rows, what to add to them) of a feature: the build's list and the delta's."""
        out = [] if self.main is None else [(self.main.read(feature), 0)]
        at = int(self._features.searchsorted(feature))
        if at < len(self._features) and self._features[at] == feature:
            out.append((self._postings[self._starts[at]:self._starts[at + 1]], self.built))
        return out

    def _walk(self, features: Any, weights: Any, lens: Any) -> np.ndarray:
        """Σ weights over the postings of these features, per row."""
        import numpy as np

        n = self.size
        if len(features) == 0:
            return np.zeros(n, dtype=np.float64)
        rows = [np.zeros(0, dtype=np.int64)]  # none: a query of n-grams no row has
        rows += [r.astype(np.int64) + base for f in features for r, base in self._lists(int(f))]
        return np.bincount(np.concatenate(rows), weights=np.repeat(weights, lens), minlength=n)

    def cosine_rows(self, text: str, rows: csr_matrix) -> np.ndarray:
        """Cosine of ``text`` with other rows (claims, pairs, the pool; from ``vectorize``)
        under this index's IDF."""
        import numpy as np

        features, weights = self.query_weights(text)  # features ascending
        n = rows.shape[0]
        if n == 0 or len(features) == 0:
            return np.zeros(n)
        at = np.minimum(np.searchsorted(features, rows.indices), len(features) - 1)
        shared = np.where(features[at] == rows.indices, weights[at], 0.0)
        row = np.repeat(np.arange(n), np.diff(rows.indptr))
        dots = np.bincount(row, weights=shared, minlength=n)
        norms = np.sqrt(np.bincount(row, weights=self.idf[rows.indices].astype(np.float64) ** 2,
                                    minlength=n))
        return dots / np.maximum(norms, 1e-12)

    # -- the disk cache ------------------------------------------------------------------------

    def arrays(self) -> dict[str, np.ndarray]:
        """Everything needed to restore the index without analysing any text, besides the
        build's postings file (only the n-grams that occur are listed)."""
        import numpy as np

        self.refit()
        out = {"keys": self._keys, "articles": self._articles, "spans": self._spans,
               "dead": self.dead, "features": self._features,
               "df": np.diff(self._starts).astype(np.int32), "postings": self._postings}
        if self.main is not None:
            out["main_id"] = np.array(self.main.build_id, dtype=np.uint64)
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray],
                    postings: Path | None = None) -> LexicalIndex:
        """The index ``arrays`` saved (its build in the file ``postings``)."""
        import numpy as np

        main = None
        if "main_id" in arrays:
            if postings is None:
                raise ValueError("the index of a build needs its postings file")
            main = MainPostings(postings, int(arrays["main_id"]))
        index = cls(main)
        index.dead = np.unique(arrays["dead"].astype(np.int64))
        if len(index.dead) and (index.dead[0] < 0 or index.dead[-1] >= index.built):
            raise ValueError("inconsistent index arrays")
        index._keys = arrays["keys"].astype(ROW)
        index._articles = arrays["articles"].astype(ROW)
        index._spans = arrays["spans"].astype(ROW).reshape(-1, 2)
        index._features = arrays["features"].astype(np.int32)
        index._starts = np.concatenate([[0], np.cumsum(arrays["df"], dtype=np.int64)])
        index._postings = arrays["postings"].astype(np.int32)
        sizes = {len(index._keys), len(index._articles), len(index._spans)}
        if len(sizes) != 1 or index._starts[-1] != len(index._postings) or (
                len(index._postings) and index._postings.max() >= index.delta):
            raise ValueError("inconsistent index arrays")
        return index
