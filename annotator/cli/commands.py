"""The commands of the typer app, in the order --help lists them."""

from __future__ import annotations

from annotator.cli import agreement, articles, claims, datasets, merging, projects
from annotator.cli.common import app

app.callback()(projects.main_callback)
for name, command in (
        ("open", projects.open_project), ("upgrade", projects.upgrade_cmd),
        ("import", projects.import_cmd), ("stats", projects.stats_cmd),
        ("annotators", projects.annotators_cmd), ("merge", merging.merge_cmd),
        ("demo", projects.demo_cmd), ("meta", articles.meta_cmd),
        ("zones", articles.zones_cmd), ("export", datasets.export_cmd),
        ("train", datasets.train_cmd), ("train-zones", datasets.train_zones_cmd),
        ("use-model", datasets.use_model_cmd),
        ("disputes", claims.disputes_cmd), ("candidates", claims.candidates_cmd),
        ("eval-matching", claims.eval_matching_cmd), ("agreement", agreement.agreement_cmd)):
    app.command(name)(command)

__all__ = ["app"]
