"""Agreement on what is said about claims: their attributes (kind, check-worthiness, verdict),
their links to sources, and which claims annotators put in one group. Claims are the same
claim when their article, start and end are equal; links the same link when their kind and
both ends are."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np

from annotator.core.agreement import f1, set_f1
from annotator.store.agreement_reads import CLAIM_ATTRIBUTES, Rows


def claim_figures(rows: Rows, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """Attributes, links and groups, as plain figures for JSON."""
    claims = rows.claims
    unit = dense(claims.article, claims.start, claims.end)
    first = np.unique(claims.annotator * (unit.max(initial=0) + 1) + unit, return_index=True)[1]
    return {"attributes": {key: attribute_figures(rows, pairs, key, unit, first)
                           for key in CLAIM_ATTRIBUTES},
            "links": link_figures(rows, pairs), "groups": group_figures(rows, pairs)}


def dense(*columns: np.ndarray) -> np.ndarray:
    """A number per distinct row of the columns: 0, 1, … in the rows' sorted order."""
    if not len(columns[0]):
        return np.zeros(0, np.int64)
    order = np.lexsort(columns[::-1])
    new = np.zeros(len(order), bool)
    new[0] = True
    for column in columns:
        ordered = column[order]
        new[1:] |= ordered[1:] != ordered[:-1]
    out = np.empty(len(order), np.int64)
    out[order] = np.cumsum(new) - 1
    return out


def attribute_figures(rows: Rows, pairs: list[tuple[int, int]], key: str, unit: np.ndarray,
                      first: np.ndarray) -> dict[str, Any]:
    """One attribute over the claims two annotators both marked (``unit``: the claim each
    claim row is; ``first``: the rows that count, an annotator's first of a claim): per pair
    how many they both set it on, the share that agree and Cohen's kappa (scikit-learn);
    Krippendorff's alpha (the ``krippendorff`` package) over all annotators, a claim an
    annotator did not mark, or marked without the attribute, missing."""
    values = rows.claim_attrs[key]
    domain = sorted({v for v in values if v is not None})
    code = {v: float(i) for i, v in enumerate(domain)}
    codes = np.array([np.nan if v is None else code[v] for v in values], np.float64)[first]
    table = np.full((len(rows.annotators), unit.max(initial=-1) + 1), np.nan)
    table[rows.claims.annotator[first], unit[first]] = codes
    out = []
    for a, b in pairs:
        both = ~np.isnan(table[a]) & ~np.isnan(table[b])
        x, y = table[a, both], table[b, both]
        out.append({"annotators": [rows.annotators[a], rows.annotators[b]],
                    "claims": int(both.sum()),
                    "agreement": float((x == y).mean()) if both.any() else None,
                    "kappa": _cohen(x, y)})
    rated = int(((~np.isnan(table)).sum(0) >= 2).sum())
    return {"values": domain, "claims": rated, "pairs": out, "alpha": _alpha(table)}


def _cohen(x: np.ndarray, y: np.ndarray) -> float | None:
    """scikit-learn's kappa; None when it is undefined (nothing, or one value throughout)."""
    from sklearn.metrics import cohen_kappa_score

    if len(np.unique(np.concatenate([x, y]))) < 2:
        return None
    return float(cohen_kappa_score(x, y))


def _alpha(table: np.ndarray) -> float | None:
    """Krippendorff's nominal alpha; None when it is undefined (fewer than two values in use,
    or no claim with two values)."""
    import krippendorff

    used = np.unique(table[~np.isnan(table)])
    if len(used) < 2 or not ((~np.isnan(table)).sum(0) >= 2).any():
        return None
    return float(krippendorff.alpha(reliability_data=table, level_of_measurement="nominal",
                                     value_domain=used))


def link_figures(rows: Rows, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """Links per pair: F1 of the links both made (same kind, same two spans), all kinds and
    each kind, in the articles both have a version of."""
    links = rows.links
    keys = dense(*links[:, 1:].T)
    out = []
    for a, b in pairs:
        both = rows.present[:, a] & rows.present[:, b]
        fair = both[links[:, 2]] & both[links[:, 5]]
        figures = {}
        for name, kind in [(None, None), *((k, i) for i, k in enumerate(rows.link_kinds))]:
            ok = fair if kind is None else fair & (links[:, 1] == kind)
            tp, n_a, n_b = set_f1(keys[ok & (links[:, 0] == a)], keys[ok & (links[:, 0] == b)])
            figures[name] = {"f1": _number(f1(tp, n_a, n_b)), "matched": tp, "links": [n_a, n_b]}
        out.append({"annotators": [rows.annotators[a], rows.annotators[b]],
                    **figures.pop(None), "by_kind": figures})
    return {"kinds": rows.link_kinds, "pairs": out}


def group_figures(rows: Rows, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """Claim groups per pair: F1 of the pairs of claims each annotator put in one group, over
    claims in articles both have a version of."""
    members = rows.members
    claim = dense(members[:, 2], members[:, 3], members[:, 4])
    count = int(claim.max(initial=-1)) + 1
    article = np.zeros(count, np.int64)
    article[claim] = members[:, 2]
    together: list[dict[int, list[int]]] = [{} for _ in rows.annotators]
    for who, group, c in zip(members[:, 0].tolist(), members[:, 1].tolist(), claim.tolist(),
                             strict=True):
        together[who].setdefault(group, []).append(c)
    made = [np.array([x * count + y for cs in groups.values()
                      for x, y in combinations(sorted(set(cs)), 2)], np.int64)
            for groups in together]
    out = []
    for a, b in pairs:
        both = rows.present[:, a] & rows.present[:, b]
        fair = both[article]
        kept = [m[fair[m // max(count, 1)] & fair[m % max(count, 1)]] for m in (made[a], made[b])]
        tp, n_a, n_b = set_f1(*kept)
        out.append({"annotators": [rows.annotators[a], rows.annotators[b]],
                    "f1": _number(f1(tp, n_a, n_b)), "matched": tp, "claim_pairs": [n_a, n_b]})
    return {"pairs": out}


def _number(value: Any) -> float | None:
    value = float(value)
    return None if np.isnan(value) else value
