"""Token-level agreement: the tokens of many texts at once, each annotator's label per token,
and per-article confusion matrices and label counts, as numpy arrays.

A token is a run of letters, digits, combining marks and underscores, or any other single
character that is not white space (the regular expression ``[\\w\\p{M}]+|[^\\w\\s]``). The
project's spaCy tokenizer (io/tokens.py) would take seconds for 10,000 articles; this takes a
few array passes over the texts' code points.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

SPACE, WORD, OTHER = 0, 1, 2
BMP = 0x10000


def char_class(c: str) -> int:
    """White space, a word character (letter, digit, mark, underscore) or another one."""
    if c.isspace():
        return SPACE
    return WORD if c.isalnum() or c == "_" or unicodedata.category(c)[0] == "M" else OTHER


@lru_cache(maxsize=1)
def _bmp_classes() -> np.ndarray:
    return np.array([char_class(chr(c)) for c in range(BMP)], dtype=np.uint8)


class Tokens(NamedTuple):
    """Tokens of texts laid end to end (a line break between two): offsets into that joined
    text, each token's text (its index in the list) and where each text begins."""

    starts: np.ndarray
    ends: np.ndarray
    text: np.ndarray  # the text each token is in
    base: np.ndarray  # offset of each text in the joined one
    per_text: np.ndarray  # how many tokens each text has


def tokens(texts: Sequence[str], chunk: int = 2_000_000) -> Tokens:
    """The tokens of every text, a few array passes over their code points (``chunk`` code
    points at a time, so the arrays stay small)."""
    lengths = np.fromiter((len(t) for t in texts), np.int64, len(texts))
    edges = np.concatenate([[0], np.cumsum(lengths + 1)]).astype(np.int64)
    base = edges[:-1]
    starts, ends, first = [], [], 0
    while first < len(texts):
        last = max(int(np.searchsorted(base, base[first] + chunk, "right")), first + 1)
        found = _bounds("\n".join(texts[first:last]))
        starts.append(found[0] + base[first])
        ends.append(found[1] + base[first])
        first = last
    start = np.concatenate(starts) if starts else np.zeros(0, np.int64)
    end = np.concatenate(ends) if ends else np.zeros(0, np.int64)
    per = np.diff(np.searchsorted(start, edges))
    return Tokens(start, end, np.repeat(np.arange(len(texts)), per), base, per)


def _bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Where the tokens of one text begin and end."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    kind = _bmp_classes()[np.minimum(points, BMP - 1)]
    for at in np.flatnonzero(points >= BMP - 1):  # rare: astral characters (and U+FFFF)
        kind[at] = char_class(chr(points[at]))
    word, other = kind == WORD, kind == OTHER
    starts, ends = other.copy(), other
    starts[:1] |= word[:1]
    starts[1:] |= word[1:] & ~word[:-1]  # a word begins
    ends[-1:] |= word[-1:]
    ends[:-1] |= word[:-1] & ~word[1:]  # a word ends
    return np.flatnonzero(starts), np.flatnonzero(ends) + 1


def labels_per_token(found: Tokens, text: np.ndarray, start: np.ndarray, end: np.ndarray,
                     label: np.ndarray) -> np.ndarray:
    """Each token's label (0: outside every span) from one annotator's spans of one layer
    (``text``: the index of the span's text). A token is in a span when they share a
    character; where the annotator's spans overlap, the token takes the span that starts
    last (of two starting together, the shorter)."""
    out = np.zeros(len(found.starts), np.int16)
    if not len(start):
        return out
    order = np.lexsort((-end, start, text))
    at = found.base[text[order]]
    first = np.searchsorted(found.ends, at + start[order], "right")
    stop = np.maximum(np.searchsorted(found.starts, at + end[order], "left"), first)
    counts = stop - first
    covered = np.repeat(first - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
    if (first[1:] >= np.maximum.accumulate(stop)[:-1]).all():  # no token in two spans
        out[covered] = np.repeat(label[order], counts)
        return out
    winner = np.full(len(out), -1, np.int64)
    np.maximum.at(winner, covered, np.repeat(np.arange(len(order)), counts))
    hit = winner >= 0
    out[hit] = label[order][winner[hit]]
    return out


def confusions(a: np.ndarray, b: np.ndarray, found: Tokens, both: np.ndarray,
               size: int) -> np.ndarray:
    """Per text, how often a token had label x from one annotator and y from the other:
    ``[texts, size, size]``, only in the texts ``both`` annotators have a version of. Only
    the tokens somebody labelled are visited; the rest are both outside (0, 0)."""
    some = np.flatnonzero(a | b)
    text = found.text[some]
    keep = both[text]
    index = (text[keep] * size + a[some[keep]]) * size + b[some[keep]]
    counts = np.bincount(index, minlength=len(both) * size * size).reshape(-1, size, size)
    counts[:, 0, 0] = found.per_text * both - counts.sum(axis=(1, 2))
    return counts


def histogram(a: np.ndarray, found: Tokens, has: np.ndarray, size: int) -> np.ndarray:
    """Per text, how many of its tokens an annotator gave each label: ``[texts, size]``,
    zero in the texts the annotator has no version of."""
    some = np.flatnonzero(a)
    counts = np.bincount(found.text[some] * size + a[some], minlength=len(has) * size)
    counts = counts.reshape(-1, size)
    counts[:, 0] = found.per_text - counts.sum(1)
    return counts * has[:, None]
