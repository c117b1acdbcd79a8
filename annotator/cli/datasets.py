"""Datasets and models: export, train and use-model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from annotator.cli import EXIT_FAILED
from annotator.cli.common import PROJECT, fail, open_existing, with_progress
from annotator.core.names import CLAIMS_MODEL_SETTING, MODEL_SETTING

_Annotator = Annotated[str | None, typer.Option(
    "--annotator", metavar="NAME", help="Export this annotator's version of each article "
    "(default: the gold version where an article has one)")]
_FORMATS = ("jsonl, spacy (DocBins, a folder per split), conll, brat, claims, claim-pairs, "
            "doccano, doccano-relations, label-studio, prodigy, claimreview, fever or nli")
_AllowDisagreements = Annotated[bool, typer.Option(
    "--allow-disagreements", help="Export articles whose annotators disagree and that have "
    "no gold version (each version; a warning), instead of refusing")]

_Publisher = Annotated[str | None, typer.Option(
    "--publisher", metavar="NAME", help="claimreview: the organisation publishing the "
    "fact-checks, named as each review's author (default: the annotator who gave the verdict)")]
_ReviewedOnly = Annotated[bool, typer.Option(
    "--reviewed-only", help="Only done articles with no open model suggestions")]
_OldGold = Annotated[bool, typer.Option("--gold", hidden=True, help="Old name of --reviewed-only")]
FLAGS = {"fmt": "--format", "out": "--output", "layers": "--layer",
         "include_unreviewed": "--include-unreviewed", "reviewed_only": "--reviewed-only",
         "split": "--split", "split_by": "--split-by", "seed": "--seed", "overwrite": "--overwrite",
         "annotator": "--annotator", "allow_disagreements": "--allow-disagreements",
         "publisher": "--publisher"}


class Flags:
    """The export's options as the command line names them, in its refusals and warnings
    (app/export_texts.py's OptionNames): "--annotator NAME", "without --include-unreviewed"."""

    def name(self, key: str) -> str:
        return FLAGS[key]

    def turn(self, key: str, on: bool = True) -> str:
        flag = FLAGS[key] + (" NAME" if key == "annotator" else "")
        return flag if on else f"without {flag}"


def _old_flags(contradicting: bool, old_gold: bool) -> None:
    """Refuse --only-done with --include-unreviewed; say what --gold is called now."""
    if old_gold:
        typer.echo("notice: --gold is now called --reviewed-only (the gold version is the "
                   "adjudicated one, which exports take by default)", err=True)
    if contradicting:
        raise fail("--only-done and --include-unreviewed contradict each other")


def export_cmd(
    project: Annotated[Path, PROJECT],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=_FORMATS)],
    out: Annotated[Path, typer.Option(
        "--output", "-o", metavar="DIR", help="Output folder: one file or folder per split")],
    layer: Annotated[list[str] | None, typer.Option(
        "--layer", metavar="LAYER",
        help="entity, claim, source or structure (zones); repeat; default all")] = None,
    include_unreviewed: Annotated[bool, typer.Option(
        "--include-unreviewed", help="Also articles not marked done: what nobody reviewed is "
        "marked missing (jsonl, spacy); conll and brat refuse them")] = False,
    only_done: Annotated[bool, typer.Option(
        "--only-done", hidden=True, help="Only done articles (the default)")] = False,
    reviewed_only: _ReviewedOnly = False, old_gold: _OldGold = False,
    split: Annotated[str | None, typer.Option(
        "--split", metavar="NAME=SHARE,…", help="e.g. train=0.8,dev=0.1,test=0.1")] = None,
    split_by: Annotated[str, typer.Option(
        "--split-by", metavar="article|group",
        help="article, or group: articles sharing a claim group or an event (a confirmed "
        "claim match, near-duplicate texts) stay in one split")] = "article",
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the split")] = 0,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace the earlier export in OUT (only the files it wrote)")] = False,
    annotator: _Annotator = None, allow_disagreements: _AllowDisagreements = False,
    publisher: _Publisher = None,
) -> None:
    """Export the articles marked done as a dataset (written whole or not at all); exit 1
    when the format refuses what nobody reviewed, or annotators disagree without gold."""
    from annotator.app.exporting import (
        ExportError,
        ExportOptions,
        ExportRefused,
        export_project,
        parse_split,
    )
    from annotator.core.model import Layer
    from annotator.store import Project, ProjectError

    _old_flags(only_done and include_unreviewed, old_gold)
    try:
        layers = frozenset(Layer(x) for x in layer) if layer else None
    except ValueError as exc:
        raise fail(f"--layer: {exc}") from exc
    try:
        options = ExportOptions(fmt, out, layers, include_unreviewed, reviewed_only or old_gold,
                                parse_split(split, Flags()) if split else (("all", 1.0),), seed,
                                overwrite, split_by, annotator, allow_disagreements, publisher)
        with Project.open(project, create=False, read_only=True) as proj:
            report = with_progress("Exporting", proj.count_articles(), lambda p: export_project(
                proj, options, progress=p, names=Flags()))
    except ExportRefused as exc:
        raise fail(str(exc), EXIT_FAILED) from exc
    except (ExportError, ProjectError) as exc:
        raise fail(str(exc)) from exc
    for line in report.warnings:
        typer.echo(f"warning: {line}", err=True)
    for line in report.skipped:
        typer.echo(f"left out: {line}", err=True)
    typer.echo(f"{report.summary()} → {out}")


def train_cmd(
    project: Annotated[Path, PROJECT],
    layer: Annotated[str, typer.Option(
        "--layer", metavar="entities|claims", help="What to suggest")] = "entities",
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="DIR", help="Model folder")] = None,
    steps: Annotated[int, typer.Option(
        "--steps", metavar="N", help="Training steps at most")] = 2000,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Random seed")] = 0,
    use: Annotated[bool, typer.Option("--use", help="Make it the project's suggester")] = False,
) -> None:
    """Train a suggester on the articles marked done; print its score on the dev split."""
    from annotator.app.training import TrainingError, train_suggester

    proj = open_existing(project)
    target = out or project.with_name(f"{project.stem}-model")
    with proj:
        try:
            scores = train_suggester(proj, target, layer=layer, max_steps=steps, seed=seed,
                                     log=lambda line: typer.echo(line, err=True))
        except TrainingError as exc:
            raise fail(str(exc)) from exc
        if use:
            proj.set_setting(MODEL_SETTING if layer == "entities" else CLAIMS_MODEL_SETTING,
                             str(target.resolve()))
    what = "entity" if layer == "entities" else "claim"
    typer.echo(f"{target}: {what} F {scores['f']:.3f} (P {scores['p']:.3f}, R {scores['r']:.3f})"
               f" on the dev split" + ("; now the project's suggester" if use else ""))


def use_model_cmd(
    project: Annotated[Path, PROJECT],
    model: Annotated[str | None, typer.Argument(
        help="Package name or folder; none resets", metavar="[NAME|DIR]")] = None,
) -> None:
    """Choose the project's entity suggester (checked before it is recorded)."""
    from annotator.nlp.resolve import ModelError, load_pipeline

    proj = open_existing(project)
    with proj:
        if model is not None:
            try:
                _nlp, info = load_pipeline(model)
            except ModelError as exc:
                raise fail(str(exc)) from exc
            typer.echo(f"suggester: {info.name} {info.version}")
        proj.set_setting(MODEL_SETTING, model)
    if model is None:
        typer.echo("suggester: automatic (an installed German pipeline, else the bundled one)")


def train_zones_cmd(
    project: Annotated[Path, PROJECT],
    min_articles: Annotated[int, typer.Option(
        "--min-articles", metavar="N",
        help="Fewest articles with reviewed zones to train on")] = 10,
) -> None:
    """Train the zone model on the articles whose zones a person reviewed (done, or zones set
    or decided); print its cross-validated line scores against the rules alone."""
    from annotator.app.zone_pass import ensure_all_zones
    from annotator.app.zone_training import ZoneTrainingError, format_training, train_zones

    proj = open_existing(project)
    with proj:
        try:
            ensure_all_zones(proj)  # those an import left to find, first
            result = train_zones(proj, min_articles=min_articles,
                                 log_line=lambda line: typer.echo(line, err=True))
        except ZoneTrainingError as exc:
            raise fail(str(exc)) from exc
    typer.echo(format_training(result), nl=False)
