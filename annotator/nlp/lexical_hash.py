"""Hashing sentences into the `tfidf` matcher's features: char_wb 3-5-grams after ``fold``,
binary, 2**22 buckets, exactly as scikit-learn's ``HashingVectorizer`` gives them, but each word
hashed once (char_wb n-grams never cross a space) and kept for the next sentences."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from annotator.nlp.match_features import fold

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

N_FEATURES = 2**22
WORDS = 100_000  # words whose n-grams ``vectorize`` keeps hashed (then it starts afresh)

_WORDS: dict[str, Any] = {}


@cache
def _hasher() -> Any:
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), preprocessor=fold, alternate_sign=False,
        norm=None, binary=True, n_features=N_FEATURES, dtype=np.float32)


def forget() -> None:
    """Drop the hashed words (after a build or catch-up: up to ``WORDS`` small arrays)."""
    _WORDS.clear()


def vectorize(texts: Sequence[str]) -> csr_matrix:
    """Binary hashed char n-gram rows, sorted, the same as scikit-learn's HashingVectorizer
    (char_wb 3-5, ``fold``) gives: a row is the union of its words' n-grams."""
    import numpy as np
    from scipy.sparse import csr_matrix

    words = [dict.fromkeys(t.split()) for t in texts]
    known: dict[str, Any] = {}
    for ws in words:
        for w in ws:
            if w not in known:
                known[w] = _WORDS.get(w)
    new = [w for w, f in known.items() if f is None]
    if new:
        rows = _hasher().transform(new)
        rows.sort_indices()
        if len(_WORDS) + len(new) > WORDS:
            _WORDS.clear()
        for i, w in enumerate(new):
            known[w] = _WORDS[w] = rows.indices[rows.indptr[i]:rows.indptr[i + 1]].copy()
    parts = [known[w] for ws in words for w in ws]
    ends = np.concatenate([[0], np.cumsum(np.fromiter(map(len, parts), np.int64, len(parts)))])
    indptr = ends[np.concatenate([[0], np.cumsum(np.fromiter(map(len, words), np.int64,
                                                             len(words)))])]
    indices = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    out = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr),
                     shape=(len(texts), N_FEATURES))
    out.sum_duplicates()  # sorts each row and merges the n-grams its words share
    out.data.fill(1.0)
    return out
