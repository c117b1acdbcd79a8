"""The figures of one span layer: span F1 (exact, relaxed) and token kappa per annotator pair,
token alpha over all annotators; per article and label, and overall."""

from __future__ import annotations

from itertools import combinations

import numpy as np
from msgspec import Struct

from annotator.core.agreement import (
    AlphaParts,
    alpha,
    alpha_parts,
    binary,
    f1,
    kappa,
    span_matches,
)
from annotator.core.agreement_tokens import (
    Tokens,
    confusions,
    histogram,
    labels_per_token,
)
from annotator.store.agreement_reads import Rows


class LayerFigures(Struct, frozen=True):
    """A layer's figures. The last axis of every array is the label: 0 all of the layer's
    labels together, ``i`` the label ``labels[i - 1]`` against everything else; ``pair``
    indexes ``Agreement.pairs``, ``article`` ``Rows.articles``. Counts are kept so that
    figures pool (sum the counts, then divide)."""

    layer: str
    labels: list[str]
    exact: np.ndarray  # [pair, article, label]: spans of A matched exactly to one of B
    relaxed: np.ndarray  # ... matched to an overlapping one
    spans_a: np.ndarray  # [pair, article, label]: spans of A, B (both having a version)
    spans_b: np.ndarray
    kappa: np.ndarray  # [pair, article, label]
    kappa_all: np.ndarray  # [pair, label]
    alpha: np.ndarray  # [article, label]
    alpha_all: np.ndarray  # [label]

    def exact_f1(self, axis: int | None = None) -> np.ndarray:
        """Exact-span F1 per pair, article and label; ``axis`` summed first (1: overall)."""
        return _f1(self.exact, self.spans_a, self.spans_b, axis)

    def relaxed_f1(self, axis: int | None = None) -> np.ndarray:
        """Relaxed (overlap) F1, as ``exact_f1``."""
        return _f1(self.relaxed, self.spans_a, self.spans_b, axis)


def _f1(tp: np.ndarray, a: np.ndarray, b: np.ndarray, axis: int | None) -> np.ndarray:
    if axis is None:
        return f1(tp, a, b)
    return f1(tp.sum(axis), a.sum(axis), b.sum(axis))


def pairs_of(count: int) -> list[tuple[int, int]]:
    """Every pair of annotators, by index."""
    return list(combinations(range(count), 2))


def layer_figures(rows: Rows, layer: str, found: Tokens) -> LayerFigures | None:
    """The figures of ``layer`` (None when no compared annotator has a span in it), the
    articles' tokens ``found``."""
    ids = [i for i, (lay, _name) in enumerate(rows.labels) if lay == layer]
    spans = rows.spans
    keep = np.isin(spans.label, ids)
    if not keep.any():
        return None
    local = np.zeros(len(rows.labels), np.int64)
    local[ids] = np.arange(1, len(ids) + 1)
    size = len(ids) + 1
    article, who, label = spans.article[keep], spans.annotator[keep], local[spans.label[keep]]
    start, end = spans.start[keep], spans.end[keep]
    pairs = pairs_of(len(rows.annotators))
    n = len(rows.articles)
    counts = np.zeros((4, len(pairs), n, size), np.int64)
    for p, (a, b) in enumerate(pairs):
        both = rows.present[:, a] & rows.present[:, b]
        ina = (who == a) & both[article]
        inb = (who == b) & both[article]
        ga, gb = article[ina] * size + label[ina], article[inb] * size + label[inb]
        exact, relaxed = span_matches(ga, start[ina], end[ina], gb, start[inb], end[inb])
        for row, groups in enumerate((ga[exact], ga[relaxed], ga, gb)):
            counts[row, p] = np.bincount(groups, minlength=n * size).reshape(n, size)
    counts[..., 0] = counts[..., 1:].sum(-1)
    tokens = _token_figures(rows, pairs, size, found, (article, who, label, start, end))
    return LayerFigures(layer, [rows.labels[i][1] for i in ids], *counts, *tokens)


def _token_figures(rows: Rows, pairs: list[tuple[int, int]], size: int, found: Tokens,
                   spans: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
    """Kappa per pair and alpha over everyone, per article and overall, whole and by label."""
    n = len(rows.articles)
    article, who, label, start, end = spans
    per_annotator = []
    for a in range(len(rows.annotators)):
        mine = who == a
        per_annotator.append(labels_per_token(found, article[mine], start[mine], end[mine],
                                              label[mine]))
    conf = np.zeros((len(pairs), n, size, size), np.int64)
    for p, (a, b) in enumerate(pairs):
        both = rows.present[:, a] & rows.present[:, b]
        conf[p] = confusions(per_annotator[a], per_annotator[b], found, both, size)
    kappas = _kappas(conf)
    kappas_all = _kappas(conf.sum(1))
    counts = sum((histogram(t, found, rows.present[:, a], size)
                  for a, t in enumerate(per_annotator)), start=np.zeros((n, size), np.int64))
    squares = counts + 2 * np.diagonal(conf, axis1=-2, axis2=-1).sum(0)
    whole, each = alpha_parts(found.per_text, rows.present.sum(1), counts, squares)
    alphas = _alphas(whole, each)
    alphas_all = _alphas(whole.total(), each.total())
    return kappas, kappas_all, alphas, alphas_all


def _kappas(conf: np.ndarray) -> np.ndarray:
    """Kappa of all labels (index 0) and of each label against the rest."""
    return np.concatenate([kappa(conf)[..., None], kappa(binary(conf))[..., 1:]], -1)


def _alphas(whole: AlphaParts, each: AlphaParts) -> np.ndarray:
    return np.concatenate([alpha(whole)[..., None], alpha(each)[..., 1:]], -1)
