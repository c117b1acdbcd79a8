"""The `learned` matcher: logistic regression over a candidate's features, trained on the
project's own confirmed and rejected candidates.

It re-orders only the first five tfidf candidates (what annotators are shown, so what it learns
from), and it is switched on only when it beats tfidf in cross-validation on those decisions:
out-of-fold ROC AUC inside each query, averaged over queries, folds grouped by query so that no
query is judged by a model that saw it. A handful of clicks must not make ranking worse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from msgspec import Struct, field

from annotator.nlp.match_features import compare, fold

LEXICAL = ("tfidf", "fuzzy", "numbers", "dates", "entities")
MIN_DECISIONS = 8  # fewer: nothing to learn from
MIN_PER_CLASS = 3
MIN_QUERIES = 3  # folds are grouped by query
MARGIN = 0.01  # AUC the learned ranker must gain over the default to be used
# Why no model was trained (app/matching_text.py words them, with the counts)
FEW_DECISIONS = "few decisions"  # fewer than MIN_DECISIONS, or than MIN_PER_CLASS of a kind
FEW_QUERIES = "few queries"  # the decisions are on fewer than MIN_QUERIES queries
NO_QUERY_WITH_BOTH = "no query with both"  # no fold's query has a confirmed and a rejected one


def fuzzy(a: str, b: str) -> float:
    """rapidfuzz token_set_ratio of the folded texts, 0-1 (imported here, lazily)."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(fold(a), fold(b)) / 100.0


def pair_features(query: str, candidate: str, tfidf: float,
                  semantic: float | None = None) -> dict[str, float]:
    """Everything the re-ranker looks at for one (query, candidate) pair."""
    slots, _shared = compare(query, candidate)
    out = {"tfidf": float(tfidf), "fuzzy": fuzzy(query, candidate), **slots}
    if semantic is not None:
        out["semantic"] = float(semantic)
    return out


class Reranker(Struct):
    """A fitted re-ranker and how it fared against the default in cross-validation; without a
    model, why not (``reason``: one of the codes above) and the counts that tell it."""

    features: tuple[str, ...]
    decisions: int
    confirmed: int = 0
    queries: int = 0
    model: Any = None
    auc: float | None = None
    auc_default: float | None = None
    reason: str = ""
    weights: dict[str, float] = field(default_factory=dict)

    @property
    def trained(self) -> bool:
        """A model exists (it may still lose to the default)."""
        return self.model is not None

    @property
    def active(self) -> bool:
        """Trained and better than the default by MARGIN in cross-validation."""
        return (self.trained and self.auc is not None and self.auc_default is not None
                and self.auc >= self.auc_default + MARGIN)

    def score(self, rows: Sequence[dict[str, float]]) -> list[float]:
        """Probability that each candidate would be confirmed."""
        if not rows:
            return []
        x = [[r.get(f, 0.0) for f in self.features] for r in rows]
        return [float(p) for p in self.model.predict_proba(x)[:, 1]]


def _pipeline() -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced", C=1.0))


def train(rows: Sequence[dict[str, float]], labels: Sequence[int], groups: Sequence[Any],
          features: Sequence[str] = LEXICAL) -> Reranker:
    """Fit on all decisions; judge by out-of-fold AUC against the default's own score."""
    features = tuple(features)
    n, positives = len(labels), sum(labels)
    result = Reranker(features, n, confirmed=positives, queries=len(set(groups)))
    if n < MIN_DECISIONS or min(positives, n - positives) < MIN_PER_CLASS:
        result.reason = FEW_DECISIONS
        return result
    if result.queries < MIN_QUERIES:
        result.reason = FEW_QUERIES
        return result
    import numpy as np
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    x = np.array([[r.get(f, 0.0) for f in features] for r in rows], dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    group_ids = {g: i for i, g in enumerate(dict.fromkeys(groups))}
    predicted = np.full(n, np.nan)
    folds = GroupKFold(n_splits=min(5, len(set(groups))))
    for train_idx, test_idx in folds.split(x, y, [group_ids[g] for g in groups]):
        if len(set(y[train_idx])) < 2:
            continue
        predicted[test_idx] = _pipeline().fit(x[train_idx], y[train_idx]).predict_proba(
            x[test_idx])[:, 1]
    # Ranking is per query: compare the two scores inside each query that has both kinds of
    # decision (a pooled AUC would also reward getting the level of a query's scores right).
    ids = np.array([group_ids[g] for g in groups])
    aucs = [(roc_auc_score(y[ids == g], predicted[ids == g]),
             roc_auc_score(y[ids == g], x[ids == g, 0]))
            for g in set(ids.tolist())
            if not np.isnan(predicted[ids == g]).any() and len(set(y[ids == g])) == 2]
    if not aucs:
        result.reason = NO_QUERY_WITH_BOTH
        return result
    result.auc = float(np.mean([a for a, _ in aucs]))
    result.auc_default = float(np.mean([b for _, b in aucs]))
    result.model = _pipeline().fit(x, y)
    coef = result.model[-1].coef_[0]
    result.weights = {f: round(float(c), 3) for f, c in zip(features, coef, strict=True)}
    return result
