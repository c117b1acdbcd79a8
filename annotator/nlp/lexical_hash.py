"""Hashing sentences into the `tfidf` matcher's features: char_wb 3-5-grams after ``fold``,
binary, 2**22 buckets, exactly as scikit-learn's ``HashingVectorizer`` gives them (its n-grams
and its signed MurmurHash3, from the small ``mmh3`` package: importing scikit-learn would cost
the window ~65 MB), each word hashed once and kept for the next sentences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from annotator.nlp.match_features import fold

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

N_FEATURES = 2**22
# Words whose n-grams ``vectorize`` keeps hashed (then it starts afresh). Each costs ~170 bytes
# of Python's small-object memory: a larger cache filled by a build stayed resident afterwards
# as half-empty arenas (100,000 words: ~15 MB more at 100,000 articles than at 10,000).
WORDS = 20_000
_LOWEST = -(2**31)

_WORDS: dict[str, Any] = {}


def _grams(word: str) -> list[str]:
    """scikit-learn's char_wb 3-5-grams of ``fold(word)``: each word padded with a space."""
    out: list[str] = []
    for w in fold(word).split():
        w = f" {w} "
        for n in range(3, 6):
            out.extend(w[i:i + n] for i in range(max(len(w) - n + 1, 1)))
            if len(w) <= n:  # a short word counts once
                break
    return out


def _features(word: str) -> Any:
    """The word's features, sorted, each once: scikit-learn's index of MurmurHash3 (seed 0,
    signed) of the n-gram's UTF-8, ``abs(h) % N_FEATURES``."""
    import mmh3
    import numpy as np

    def index(gram: str) -> int:
        h = mmh3.hash(gram, 0, signed=True)
        return (2**31 - 1 - (N_FEATURES - 1)) % N_FEATURES if h == _LOWEST else abs(h) % N_FEATURES

    return np.unique(np.fromiter(map(index, _grams(word)), dtype=np.int32))


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
        if len(_WORDS) + len(new) > WORDS:
            _WORDS.clear()
        for w in new:
            known[w] = _WORDS[w] = _features(w)
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
