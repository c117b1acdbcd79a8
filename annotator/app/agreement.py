"""Agreement between annotators: the use case the command line and the window share.

``measure`` reads the project in a few queries (store/agreement_reads.py), then computes
every figure over whole arrays (app/agreement_layers.py, app/agreement_claims.py);
docs/agreement.md says what each figure means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from msgspec import Struct
from PySide6.QtCore import QCoreApplication

from annotator.app.agreement_claims import claim_figures
from annotator.app.agreement_layers import LayerFigures, layer_figures, pairs_of
from annotator.core.agreement import f1, ratio
from annotator.core.agreement_tokens import tokens
from annotator.core.model import Layer
from annotator.store import Project
from annotator.store.agreement_reads import Rows, read_agreement

LAYERS = tuple(layer.value for layer in Layer)
FIGURES = ("exact_f1", "relaxed_f1", "kappa")  # per pair; alpha is over all annotators


class Agreement(Struct, frozen=True):
    """Every figure of one measurement; ``layers`` holds the span layers anybody annotated."""

    rows: Rows
    pairs: list[tuple[int, int]]
    layers: dict[str, LayerFigures]
    claims: dict[str, Any] | None  # attributes, links, groups (None: the claim layer not asked)

    @property
    def annotators(self) -> list[str]:
        return self.rows.annotators

    def pair_names(self) -> list[str]:
        """"anna & ben" for each pair."""
        return [f"{self.annotators[a]} & {self.annotators[b]}" for a, b in self.pairs]

    def pair_figure(self, layer: str, figure: str) -> np.ndarray:
        """``figure`` (one of FIGURES) of the whole layer per pair and label ``[pair, label]``."""
        fig = self.layers[layer]
        if figure == "kappa":
            return fig.kappa_all
        return fig.exact_f1(1) if figure == "exact_f1" else fig.relaxed_f1(1)

    def by_article(self, layer: str) -> dict[str, np.ndarray]:
        """One figure per compared article for the layer, all labels together: span F1
        pooled over the pairs (the counts summed), the mean of the pairs' kappas, alpha."""
        fig = self.layers[layer]
        kappas = fig.kappa[..., 0]
        defined = ~np.isnan(kappas)
        return {"exact_f1": f1(*(c.sum(0)[:, 0] for c in (fig.exact, fig.spans_a, fig.spans_b))),
                "relaxed_f1": f1(*(c.sum(0)[:, 0]
                                   for c in (fig.relaxed, fig.spans_a, fig.spans_b))),
                "kappa": ratio(np.where(defined, kappas, 0).sum(0), defined.sum(0)),
                "alpha": fig.alpha[:, 0]}

    def as_dict(self, articles: bool = True) -> dict[str, Any]:
        """Every figure (``articles``: per article too), NaN as None: for JSON."""
        return _as_dict(self, articles)


def measure(project: Project, annotators: Sequence[str] | None = None,
            layers: Sequence[str] | None = None, *, in_progress: bool = False,
            progress: Callable[[int, int, str], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Agreement:
    """Agreement of ``annotators`` (default: everyone but ``import`` and ``gold``) in
    ``layers`` (default: all four; claim attributes, links and groups come with the claim
    layer), over their versions marked done (``in_progress``: in progress too). ValueError
    for an unknown annotator or layer, or fewer than two annotators."""
    wanted = list(layers or LAYERS)
    unknown = [name for name in wanted if name not in LAYERS]
    if unknown:
        raise ValueError(f"no layer {unknown[0]!r} (layers: {', '.join(LAYERS)})")
    say = progress or (lambda done, total, message: None)
    translate = QCoreApplication.translate  # the GUI's progress and refusal, in its language
    say(0, len(wanted) + 2, translate("AgreementProgress", "Reading the annotations…"))
    rows = read_agreement(project.db, annotators, in_progress)
    if len(rows.annotators) < 2:
        raise ValueError((translate("AgreementProgress", "agreement needs two annotators or "
                                    "more; asked for: {names}") if annotators else
                          translate("AgreementProgress", "agreement needs two annotators or "
                                    "more; in the project besides imported data: {names}")
                          ).format(names=", ".join(rows.annotators) or translate(
                              "AgreementProgress", "none")))
    pairs = pairs_of(len(rows.annotators))
    say(1, len(wanted) + 2, translate("AgreementProgress", "Tokens…"))
    found = tokens(rows.texts)
    figures = {}
    for done, layer in enumerate(wanted, start=2):
        if cancelled and cancelled():
            break
        say(done, len(wanted) + 2, translate("AgreementProgress", "Layer {layer}…").format(
            layer=translate("Layer", layer)))
        fig = layer_figures(rows, layer, found)
        if fig is not None:
            figures[layer] = fig
    claims = claim_figures(rows, pairs) if Layer.CLAIM.value in wanted else None
    say(len(wanted) + 2, len(wanted) + 2, "")
    return Agreement(rows, pairs, figures, claims)


# -- as plain data, for JSON ---------------------------------------------------------------


def plain(values: np.ndarray) -> Any:
    """Nested lists of floats, None where a value is NaN."""
    values = np.asarray(values, dtype=float)
    out = values.astype(object)
    out[np.isnan(values)] = None
    return out.tolist()


def _as_dict(agreement: Agreement, articles: bool) -> dict[str, Any]:
    """Annotators, their versions, the compared articles and each layer's figures overall
    (and per article), then claim attributes, links and groups."""
    rows = agreement.rows
    out: dict[str, Any] = {
        "annotators": rows.annotators,
        "versions": dict(zip(rows.annotators, rows.versions, strict=True)),
        "articles_compared": len(rows.articles),
        "pairs": [[rows.annotators[a], rows.annotators[b]] for a, b in agreement.pairs],
        "layers": {name: _layer(agreement, fig, articles)
                   for name, fig in agreement.layers.items()},
    }
    if agreement.claims is not None:
        out["claims"] = agreement.claims
    return out


def _layer(agreement: Agreement, fig: LayerFigures, articles: bool) -> dict[str, Any]:
    names = [[agreement.annotators[a], agreement.annotators[b]] for a, b in agreement.pairs]
    every = range(len(names))
    overall = _tables(fig.exact.sum(1), fig.relaxed.sum(1), fig.spans_a.sum(1),
                      fig.spans_b.sum(1), fig.kappa_all)
    alpha = plain(fig.alpha_all)
    out: dict[str, Any] = {"labels": fig.labels, **_block(overall, alpha, names, 0, every)}
    out["by_label"] = {label: _block(overall, alpha, names, i, every)
                       for i, label in enumerate(fig.labels, start=1)}
    if articles:
        out["articles"] = _articles(agreement, fig, names)
    return out


def _tables(*arrays: np.ndarray) -> dict[str, list]:
    """Counts and figures as lists, ``[pair][label]`` (or ``[article][pair][label]``) from
    arrays of that shape: matched exactly, matched overlapping, spans of each, kappa."""
    exact, relaxed, a, b, kappa = arrays
    return {"exact_f1": plain(f1(exact, a, b)), "relaxed_f1": plain(f1(relaxed, a, b)),
            "kappa": plain(kappa), "exact_matches": exact.tolist(),
            "relaxed_matches": relaxed.tolist(), "a": a.tolist(), "b": b.tolist()}


def _block(tables: dict[str, list], alpha: list, names: list, label: int,
           pairs: Iterable[int]) -> dict[str, Any]:
    """Each pair's figures at one label, and alpha over everyone."""
    return {"pairs": [{"annotators": names[p], **{key: tables[key][p][label] for key in (
        "exact_f1", "relaxed_f1", "kappa", "exact_matches", "relaxed_matches")},
        "spans": [tables["a"][p][label], tables["b"][p][label]]} for p in pairs],
        "alpha": alpha[label]}


def _articles(agreement: Agreement, fig: LayerFigures, names: list) -> list[dict]:
    """Per compared article: who has a version, each pair of them, alpha; and by label, the
    labels somebody used in the article."""
    rows = agreement.rows
    each = _tables(*(x.swapaxes(0, 1) for x in (
        fig.exact, fig.relaxed, fig.spans_a, fig.spans_b, fig.kappa)))
    alphas = plain(fig.alpha)
    present = rows.present.tolist()
    used = ((fig.spans_a + fig.spans_b).sum(0) > 0).tolist()  # [article][label]
    out = []
    for i, (article_id, title) in enumerate(zip(rows.articles.tolist(), rows.titles,
                                                strict=True)):
        at = {key: table[i] for key, table in each.items()}
        there = [p for p, (a, b) in enumerate(agreement.pairs)
                 if present[i][a] and present[i][b]]
        entry = {"id": article_id, "title": title,
                 "annotators": [n for n, has in zip(rows.annotators, present[i], strict=True)
                                if has], **_block(at, alphas[i], names, 0, there)}
        entry["by_label"] = {label: _block(at, alphas[i], names, j, there)
                             for j, label in enumerate(fig.labels, start=1) if used[i][j]}
        out.append(entry)
    return out
