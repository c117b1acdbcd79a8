"""Agreement between annotators from counts: span F1 (exact, and overlapping matched one to
one), Cohen's kappa and Krippendorff's alpha (nominal) from confusion matrices, F1 of sets.

Plain numpy over whole arrays: every figure of every article comes from a few array passes,
never a loop over articles. docs/agreement.md gives the formulas.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


def ratio(top, bottom) -> np.ndarray:
    """``top / bottom`` elementwise, NaN where ``bottom`` is 0 (nothing to compare)."""
    top, bottom = np.asarray(top, dtype=float), np.asarray(bottom, dtype=float)
    out = np.full(np.broadcast(top, bottom).shape, np.nan)
    np.divide(top, bottom, out=out, where=bottom != 0)
    return out


def f1(tp, n_a, n_b) -> np.ndarray:
    """F1 of two annotators' spans (or pairs) with ``tp`` matched one to one: precision
    tp/n_b, recall tp/n_a, so F1 = 2·tp / (n_a + n_b); NaN where neither has any."""
    return ratio(2 * np.asarray(tp, dtype=float), np.add(n_a, n_b))


def kappa(conf: np.ndarray) -> np.ndarray:
    """Cohen's kappa of confusion matrices ``[..., V, V]`` (rows: one annotator's label,
    columns: the other's): (p_o - p_e) / (1 - p_e); NaN without items or where p_e is 1
    (both gave one and the same label to everything)."""
    conf = np.asarray(conf, dtype=float)
    n = conf.sum(axis=(-2, -1))
    agreed = np.trace(conf, axis1=-2, axis2=-1)
    chance = (conf.sum(axis=-1) * conf.sum(axis=-2)).sum(axis=-1)
    p_o, p_e = ratio(agreed, n), ratio(chance, n * n)
    return ratio(p_o - p_e, 1 - p_e)


def binary(conf: np.ndarray) -> np.ndarray:
    """Each label against all others: ``[..., V, V]`` → ``[..., V, 2, 2]`` (index 0: the
    label, 1: any other)."""
    conf = np.asarray(conf)
    both = np.diagonal(conf, axis1=-2, axis2=-1)
    a, b = conf.sum(axis=-1), conf.sum(axis=-2)
    n = conf.sum(axis=(-2, -1))[..., None]
    return np.stack([np.stack([both, a - both], -1),
                     np.stack([b - both, n - a - b + both], -1)], -2)


class AlphaParts(NamedTuple):
    """Sums from which Krippendorff's nominal alpha follows; they add up over articles.

    ``n``: the pairable values (a unit's values count when it has two or more);
    ``agreed``: the coincidences of equal values, sum over units of
    sum_c n_uc (n_uc - 1) / (m_u - 1); ``by_value``: n_c, the pairable values of each
    value (last axis)."""

    n: np.ndarray
    agreed: np.ndarray
    by_value: np.ndarray

    def total(self, axis: int = 0) -> AlphaParts:
        return AlphaParts(self.n.sum(axis), self.agreed.sum(axis), self.by_value.sum(axis))


def alpha(parts: AlphaParts) -> np.ndarray:
    """Krippendorff's alpha, nominal: 1 - D_o / D_e = 1 - (n - 1)(n - agreed) /
    (n² - sum_c n_c²); NaN with fewer than two pairable values or a single value in use."""
    n = np.asarray(parts.n, dtype=float)
    spread = n * n - (np.asarray(parts.by_value, dtype=float) ** 2).sum(axis=-1)
    return 1 - ratio((n - 1) * (n - parts.agreed), np.where(n > 1, spread, 0))


def alpha_parts(units: np.ndarray, raters: np.ndarray, counts: np.ndarray,
                squares: np.ndarray) -> tuple[AlphaParts, AlphaParts]:
    """Alpha's sums per group of units (an article) where every unit has the same ``raters``
    (m: the annotators with a version of the article), from per-value sums over the group's
    units of n_uc (``counts [..., V]``) and n_uc² (``squares``); ``units``: the group's units.
    Returns the sums of all values and those of each value against the rest
    (``[..., V]``)."""
    m = np.asarray(raters, dtype=float)[..., None]
    t = np.asarray(units, dtype=float)[..., None]
    pairable = m > 1
    s1, s2 = np.asarray(counts, dtype=float), np.asarray(squares, dtype=float)
    s1 = np.where(pairable, s1, 0)
    s2 = np.where(pairable, s2, 0)
    n = np.where(pairable, t * m, 0)
    per_value = ratio(s2 - s1, m - 1)
    per_value = np.where(pairable, per_value, 0)
    rest1 = n - s1  # the other values: sum of (m - n_uc) ...
    rest2 = t * m * m - 2 * m * s1 + s2  # ... and of its square
    rest = np.where(pairable, ratio(rest2 - rest1, m - 1), 0)
    whole = AlphaParts(n[..., 0], per_value.sum(axis=-1), s1)
    each = AlphaParts(np.broadcast_to(n, s1.shape), per_value + rest, np.stack([s1, rest1], -1))
    return whole, each


def overlap_edges(ga: np.ndarray, sa: np.ndarray, ea: np.ndarray, gb: np.ndarray,
                  sb: np.ndarray, eb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j) of spans of two annotators in one group (same article and label:
    ``ga[i] == gb[j]``) that share a character: ``sa[i] < eb[j]`` and ``sb[j] < ea[i]``."""
    if not len(ga) or not len(gb):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    shift = int(max(ea.max(), eb.max())) + 1
    order = np.lexsort((sb, gb))
    key_b = gb[order].astype(np.int64) * shift + sb[order]
    base = ga.astype(np.int64) * shift
    longest = int((eb - sb).max())  # B spans that start before sa - longest end before sa
    lo = np.searchsorted(key_b, base + np.maximum(sa - longest, 0), "left")
    hi = np.searchsorted(key_b, base + ea, "left")  # B spans of the group starting before ea
    counts = np.maximum(hi - lo, 0)
    i = np.repeat(np.arange(len(ga)), counts)
    first = np.repeat(lo - np.cumsum(counts) + counts, counts)
    j = order[first + np.arange(len(i))]
    keep = eb[j] > sa[i]
    return i[keep], j[keep]


def match(i: np.ndarray, j: np.ndarray, score: tuple[np.ndarray, ...]) -> np.ndarray:
    """One-to-one matching of candidate pairs (i, j), greedy by ``score`` (best first:
    ``np.lexsort`` keys, last is primary, ascending): a pair is taken when neither side is
    taken by a better pair. The mask of the pairs taken. Computed in rounds of pairs that
    are the best left for both their sides, which gives the greedy's result exactly."""
    order = np.lexsort((j, i, *score))
    i, j = i[order], j[order]
    taken = np.zeros(len(i), bool)
    alive = np.arange(len(i))
    while len(alive):
        ai, aj = i[alive], j[alive]
        best_i = np.full(int(ai.max()) + 1, len(i))
        best_j = np.full(int(aj.max()) + 1, len(i))
        np.minimum.at(best_i, ai, alive)
        np.minimum.at(best_j, aj, alive)
        won = alive[(best_i[ai] == alive) & (best_j[aj] == alive)]
        taken[won] = True
        gone_i = np.zeros(len(best_i), bool)
        gone_j = np.zeros(len(best_j), bool)
        gone_i[i[won]], gone_j[j[won]] = True, True
        alive = alive[~gone_i[ai] & ~gone_j[aj]]
    out = np.zeros(len(order), bool)
    out[order] = taken
    return out


def span_matches(ga, sa, ea, gb, sb, eb) -> tuple[np.ndarray, np.ndarray]:
    """The spans of A (indices) matched to one of B: exactly (same group, start and end), and
    relaxed (same group, sharing a character; pairs that overlap most go first, then those
    whose union is shortest, then by position), each one to one."""
    i, j = overlap_edges(ga, sa, ea, gb, sb, eb)
    exact = (sa[i] == sb[j]) & (ea[i] == eb[j])
    ie, je = i[exact], j[exact]
    exact_taken = ie[match(ie, je, (sb[je], sa[ie]))]
    overlap = np.minimum(ea[i], eb[j]) - np.maximum(sa[i], sb[j])
    union = np.maximum(ea[i], eb[j]) - np.minimum(sa[i], sb[j])
    relaxed_taken = i[match(i, j, (sb[j], sa[i], union, -overlap))]
    return exact_taken, relaxed_taken


def set_f1(a: np.ndarray, b: np.ndarray) -> tuple[int, int, int]:
    """(matched, |A|, |B|) of two sets of integer keys, for ``f1``."""
    a, b = np.unique(a), np.unique(b)
    return len(np.intersect1d(a, b, assume_unique=True)), len(a), len(b)
