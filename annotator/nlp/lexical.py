"""The `tfidf` matcher at scale: hashed char_wb 3-5-gram TF-IDF with an inverted index.

The features of scikit-learn's char_wb 3-5-gram TF-IDF after ``fold``, built for 10,000
articles (~330,000 sentences):

- ``HashingVectorizer`` (2**20 features) instead of a vocabulary: a sentence is analysed once,
  ever; adding articles appends rows, and the refit only recounts document frequencies (IDF) and
  row norms, without analysing any text again. There is no vocabulary to keep, so the on-disk
  cache is just arrays.
- binary term frequency: inside one sentence an n-gram rarely repeats, so this is what
  ``sublinear_tf`` gives almost everywhere, and rows need no data array: the index keeps only
  the posting lists (CSC: the sentence rows of each n-gram, sorted), 4 bytes a posting.
- a query walks the postings of its n-grams, rarest first, up to a budget; the commonest n-grams
  beyond it (" de", "der", ...: low IDF, long lists) are added exactly for the best ``pool`` rows
  only, by binary search. Below the budget (every project of fewer than ~2,000 articles) the
  scores are the exact cosines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.nlp.match_features import fold

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

N_FEATURES = 2**22
BUDGET = 1_500_000  # postings a query walks in full; ~5 ms of numpy on one core
VERSION = "char_wb3-5-hash20-binary-1"  # part of the disk cache's name: change it to rebuild


def vectorize(texts: list[str]) -> csr_matrix:
    """Binary hashed char n-gram rows (sklearn imported here: the GUI starts fast)."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    vectorizer = HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), preprocessor=fold, alternate_sign=False,
        norm=None, binary=True, n_features=N_FEATURES, dtype=np.float32)
    rows = vectorizer.transform(texts).tocsr()
    rows.sort_indices()
    return rows


class LexicalIndex:
    """Rows keyed by int64 keys (sentence ids) with their article; ``scores`` is one query."""

    def __init__(self) -> None:
        import numpy as np

        self.keys = np.zeros(0, dtype=np.int64)
        self.articles = np.zeros(0, dtype=np.int64)
        self._rows: csr_matrix | None = None  # kept only between a change and the next refit
        self._pending: list[csr_matrix] = []  # rows added since, stacked once on the refit
        self._indptr = np.zeros(N_FEATURES + 1, dtype=np.int64)
        self._postings = np.zeros(0, dtype=np.int32)
        self.idf = np.ones(N_FEATURES, dtype=np.float32)
        self._norms = np.zeros(0, dtype=np.float32)
        self._stale = False

    def __len__(self) -> int:
        return len(self.keys)

    # -- building ------------------------------------------------------------------------------

    def _csr(self) -> csr_matrix:
        """All rows as one CSR: the indexed ones (from the postings after a refit dropped them)
        followed by the rows added since, stacked once."""
        import numpy as np
        from scipy.sparse import csc_matrix, csr_matrix, vstack

        pending = sum(r.shape[0] for r in self._pending)
        parts = list(self._pending)
        if self._rows is not None:
            parts.insert(0, self._rows)
        elif len(self.keys) > pending:
            ones = np.ones(len(self._postings), dtype=np.float32)
            parts.insert(0, csc_matrix((ones, self._postings, self._indptr),
                                       shape=(len(self.keys) - pending, N_FEATURES)).tocsr())
        if not parts:
            return csr_matrix((0, N_FEATURES), dtype=np.float32)
        self._rows = vstack(parts, format="csr") if len(parts) > 1 else parts[0]
        self._pending = []
        return self._rows

    def add(self, keys: Any, articles: Any, rows: csr_matrix) -> None:
        """Append rows (from ``vectorize``); IDF and norms are refitted on the next query."""
        import numpy as np

        if rows.shape[0] == 0:
            return
        self._pending.append(rows)
        self.keys = np.concatenate([self.keys, np.asarray(keys, dtype=np.int64)])
        self.articles = np.concatenate([self.articles, np.asarray(articles, dtype=np.int64)])
        self._stale = True

    def keep(self, mask: Any) -> None:
        """Drop the rows where ``mask`` is False (sentences of deleted articles)."""
        import numpy as np

        mask = np.asarray(mask, dtype=bool)
        if mask.all():
            return
        self._rows = self._csr()[mask]
        self.keys, self.articles = self.keys[mask], self.articles[mask]
        self._stale = True

    def refit(self) -> None:
        """Postings, document frequencies, IDF (smoothed, as sklearn) and row norms."""
        import numpy as np

        if not self._stale:
            return
        if self._rows is not None or self._pending:
            csc = self._csr().tocsc()
            csc.sort_indices()
            self._indptr = csc.indptr.astype(np.int64)
            self._postings = csc.indices.astype(np.int32)
            self._rows = None
        df = np.diff(self._indptr)
        n = len(self.keys)
        self.idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        self._norms = np.sqrt(self._sum_over_rows(self.idf.astype(np.float64) ** 2, n))
        self._stale = False

    def _sum_over_rows(self, per_feature: np.ndarray, n: int) -> np.ndarray:
        """Σ per_feature[f] over each row's features, in chunks of ~4M postings (bounded memory)."""
        import numpy as np

        total = np.zeros(n, dtype=np.float64)
        bounds = np.searchsorted(self._indptr, np.arange(0, len(self._postings), 4_000_000))
        edges = [*sorted(set(bounds.tolist()) - {0}), N_FEATURES]
        start = 0
        for stop in edges:
            lo, hi = self._indptr[start], self._indptr[stop]
            if hi > lo:
                lens = np.diff(self._indptr[start:stop + 1])
                weights = np.repeat(per_feature[start:stop], lens)
                total += np.bincount(self._postings[lo:hi], weights=weights, minlength=n)
            start = stop
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

    def scores(self, text: str, pool: int = 200, budget: int = BUDGET) -> np.ndarray:
        """Cosine of every row with ``text``: exact for the best ``pool`` rows, and for all
        rows when the query's postings fit the budget."""
        import numpy as np

        features, weights = self.query_weights(text)
        n = len(self.keys)
        if n == 0 or len(features) == 0:
            return np.zeros(n, dtype=np.float64)
        lens = self._indptr[features + 1] - self._indptr[features]
        order = np.argsort(lens, kind="stable")
        walked = order[np.cumsum(lens[order]) <= budget]
        skipped = np.setdiff1d(order, walked)
        sims = self._walk(features[walked], weights[walked], lens[walked], n)
        if len(skipped):
            best = np.argpartition(-sims, min(pool, n - 1))[:pool] if n > pool else np.arange(n)
            best.sort()
            for f, w in zip(features[skipped], weights[skipped], strict=True):
                posting = self._postings[self._indptr[f]:self._indptr[f + 1]]
                at = np.searchsorted(posting, best)
                hit = at < len(posting)
                hit[hit] = posting[at[hit]] == best[hit]
                sims[best[hit]] += w
        return sims / np.maximum(self._norms, 1e-12)

    def _walk(self, features: Any, weights: Any, lens: Any, n: int) -> np.ndarray:
        """Σ weights over the postings of these features, per row."""
        import numpy as np

        if len(features) == 0:
            return np.zeros(n, dtype=np.float64)
        starts = self._indptr[features]
        rows = np.concatenate([self._postings[s:s + k] for s, k in zip(starts, lens, strict=True)])
        return np.bincount(rows, weights=np.repeat(weights, lens), minlength=n)

    def cosine_rows(self, text: str, rows: csr_matrix) -> np.ndarray:
        """Cosine of ``text`` with other rows (claims, pairs) under this index's IDF."""
        import numpy as np
        from scipy.sparse import csr_matrix

        features, weights = self.query_weights(text)
        if rows.shape[0] == 0:
            return np.zeros(0)
        q = csr_matrix((weights, features, [0, len(features)]), shape=(1, N_FEATURES))
        norms = np.sqrt(rows @ (self.idf.astype(np.float64) ** 2))
        return (rows @ q.T).toarray().ravel() / np.maximum(norms, 1e-12)

    # -- the disk cache ------------------------------------------------------------------------

    def arrays(self) -> dict[str, np.ndarray]:
        """Everything needed to restore the index without analysing any text (only the n-grams
        that occur are listed, so a small project's cache stays small)."""
        import numpy as np

        self.refit()
        df = np.diff(self._indptr)
        features = np.flatnonzero(df).astype(np.int32)
        return {"keys": self.keys, "articles": self.articles, "features": features,
                "df": df[features].astype(np.int32), "postings": self._postings}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> LexicalIndex:
        """The index ``arrays`` saved; IDF and norms are refitted on the first query."""
        import numpy as np

        index = cls()
        index.keys, index.articles = arrays["keys"], arrays["articles"]
        counts = np.zeros(N_FEATURES, dtype=np.int64)
        counts[arrays["features"]] = arrays["df"]
        index._indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        index._postings = arrays["postings"].astype(np.int32)
        if index._indptr[-1] != len(index._postings) or len(index.keys) != len(index.articles):
            raise ValueError("inconsistent index arrays")
        index._stale = True
        return index
