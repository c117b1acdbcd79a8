"""`annotator agreement`: how far annotators agree, as tables or as JSON with every figure."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Annotated, Any

import typer

from annotator.cli.common import PROJECT, fail, open_existing

WORST = 5  # articles listed per layer, worst first


def agreement_cmd(
    project: Annotated[Path, PROJECT],
    as_json: Annotated[bool, typer.Option("--json", help="Every figure, per article too")] = False,
    layer: Annotated[str | None, typer.Option(
        "--layer", metavar="LAYER",
        help="Only this layer: entity, claim, source or structure")] = None,
    annotators: Annotated[str | None, typer.Option(
        "--annotators", metavar="NAMES",
        help="Only these, e.g. anna,ben (default: all but import)")] = None,
    in_progress: Annotated[bool, typer.Option(
        "--in-progress", help="Versions in progress too (default: only those marked done)")
    ] = False,
) -> None:
    """Agreement between annotators: span F1 (exact and overlapping), token kappa and alpha per
    layer and label; claim attributes, links and groups (docs/agreement.md)."""
    from annotator.app.agreement import measure

    proj = open_existing(project, read_only=True)
    names = [n.strip() for n in annotators.split(",") if n.strip()] if annotators else None
    with proj:
        try:
            result = measure(proj, names, [layer] if layer else None, in_progress=in_progress)
        except ValueError as exc:
            raise fail(str(exc)) from exc
        data = result.as_dict(articles=as_json)
        worst = {name: _worst(result, name) for name in result.layers}
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, allow_nan=False))
        return
    typer.echo(_tables(data, worst))


def _worst(result, layer: str) -> list[tuple]:
    """The articles of the layer with the lowest alpha: (id, title, figures)."""
    import numpy as np

    by = result.by_article(layer)
    order = np.argsort(np.nan_to_num(by["alpha"], nan=np.inf), kind="stable")[:WORST]
    rows = result.rows
    return [(int(rows.articles[i]), rows.titles[i], {k: v[i] for k, v in by.items()})
            for i in order.tolist() if not np.isnan(by["alpha"][i])]


def _tables(data: dict[str, Any], worst: dict[str, list[tuple]]) -> str:
    """The figures as text tables (rich), one per layer, then the claims'."""
    from rich.console import Console
    from rich.table import Table

    out = StringIO()
    console = Console(file=out, width=110, no_color=True, highlight=False)
    versions = ", ".join(f"{n} {v}" for n, v in data["versions"].items())
    console.print(f"Articles with a version: {versions}; compared (two or more): "
                  f"{data['articles_compared']}")
    for name, layer in data["layers"].items():
        table = Table("label", "pair", "exact F1", "relaxed F1", "kappa", "spans",
                      "alpha (all)", title=f"Layer {name}", title_justify="left")
        for label, block in [("all", layer), *layer["by_label"].items()]:
            for n, p in enumerate(block["pairs"]):
                table.add_row(label if n == 0 else "", " & ".join(p["annotators"]),
                              _f(p["exact_f1"]), _f(p["relaxed_f1"]), _f(p["kappa"]),
                              "/".join(map(str, p["spans"])),
                              _f(block["alpha"]) if n == 0 else "")
        console.print(table)
        if worst.get(name):
            listed = Table("article", "title", "exact F1", "relaxed F1", "kappa", "alpha",
                           title=f"Lowest alpha, layer {name}", title_justify="left")
            for article_id, title, f in worst[name]:
                listed.add_row(str(article_id), title[:48], *(_f(f[k]) for k in (
                    "exact_f1", "relaxed_f1", "kappa", "alpha")))
            console.print(listed)
    if "claims" in data:
        _claim_tables(console, data["claims"])
    return out.getvalue().rstrip()


def _claim_tables(console, claims: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table("attribute", "pair", "claims", "agree", "kappa", "alpha (all)",
                  title="Claim attributes (claims both marked)", title_justify="left")
    for key, block in claims["attributes"].items():
        for n, p in enumerate(block["pairs"]):
            table.add_row(key if n == 0 else "", " & ".join(p["annotators"]), str(p["claims"]),
                          _f(p["agreement"]), _f(p["kappa"]), _f(block["alpha"]) if n == 0 else "")
    console.print(table)
    table = Table("pair", "links F1", "links", "group pairs F1", "claim pairs",
                  title="Claim → source links and claim groups", title_justify="left")
    for link, group in zip(claims["links"]["pairs"], claims["groups"]["pairs"], strict=True):
        table.add_row(" & ".join(link["annotators"]), _f(link["f1"]),
                      "/".join(map(str, link["links"])), _f(group["f1"]),
                      "/".join(map(str, group["claim_pairs"])))
    console.print(table)


def _f(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.3f}"
