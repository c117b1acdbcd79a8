"""The `annotator` command: GUI, import, stats and the demo project.

Exit codes: 0 success, 1 some inputs failed, 2 usage error (bad arguments, project or model).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from annotator.core.names import CLAIMS_MODEL_SETTING, MODEL_SETTING

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    help="Annotate claims, sources and named entities in German news.",
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SCREENSHOT = typer.Option("--screenshot", help="Save the window as PNG and quit", hidden=True)


def data_dir() -> Path:
    """Where the demo project and the last-project note live ($ANNOTATOR_DATA_DIR overrides)."""
    base = os.environ.get("ANNOTATOR_DATA_DIR") or os.environ.get("XDG_DATA_HOME")
    root = Path(base) if base else Path.home() / ".local" / "share"
    return root if os.environ.get("ANNOTATOR_DATA_DIR") else root / "annotator"


def open_existing(path: Path, *, create: bool = False, read_only: bool = False,
                  migrate: bool = True):
    """A project (see Project.open), or exit 2 with one line naming the file and the reason;
    an upgrade is reported on stderr."""
    from annotator.store import Project, ProjectError

    try:
        proj = Project.open(path, create=create, read_only=read_only, migrate=migrate)
    except ProjectError as exc:
        raise fail(str(exc)) from exc
    if proj.upgrade:
        typer.echo(f"{path}: {proj.upgrade.describe()}", err=True)
    return proj


def open_for_queries(path: Path):
    """A project for candidates and eval-matching: opened read only, never upgraded (they
    rank in ``matching_eval.unwritten``, which never writes into it)."""
    return open_existing(path, read_only=True, migrate=False)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print an error line to stderr and give the exit to raise."""
    typer.echo(f"annotator: {message}", err=True)
    return typer.Exit(code)


@app.callback()
def main_callback(ctx: typer.Context) -> None:
    """Without a command: open the last project (or the demo) in the GUI."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_project, project=None, screenshot=None)


@app.command("open")
def open_project(
    project: Annotated[Path | None, typer.Argument(help="Project file (.db)")] = None,
    screenshot: Annotated[Path | None, SCREENSHOT] = None,
) -> None:
    """Open a project in the GUI (the last one, or the demo, when none is named)."""
    if project is None:
        project = _last_project() or _demo_project(fresh=False)
    if not project.exists():
        raise fail(f"{project}: no such project file (create one with 'annotator import')")
    raise typer.Exit(_run_gui(project, screenshot))


@app.command("upgrade")
def upgrade_cmd(project: Annotated[Path, typer.Argument(help="Project file")]) -> None:
    """Bring a project made by an earlier version up to date (a copy of it is kept beside it)."""
    from annotator.store.files import latest_version

    with open_existing(project) as proj:
        if not proj.upgrade:
            typer.echo(f"{project}: up to date (schema version {latest_version()})")


@app.command("import")
def import_cmd(
    project: Annotated[Path, typer.Argument(help="Project file; created when missing")],
    # readable=False: an unreadable path gets its own error line, the others still import
    paths: Annotated[list[Path], typer.Argument(
        help="Files or folders: .txt, .jsonl, .html, .conll, .spacy, brat .ann", readable=False)],
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="spaCy pipeline: package name or folder")
    ] = None,
    suggest: Annotated[
        bool, typer.Option("--suggest/--no-suggest", help="Run entity suggestions")
    ] = True,
) -> None:
    """Import articles, suggest their entities (and claims) and print a summary."""
    from annotator.app.importing import run_import

    proj = open_existing(project, create=True)
    with proj:
        report = _with_progress("Importing", None, lambda p: run_import(
            proj, paths, model=model, suggest=suggest,
            progress=lambda done, total, message: p(done, message, total)))
    _print_import(report)


def _print_import(report) -> None:
    """Skipped, failed and warned files on stderr, then the summary; exit 2 when a model could
    not be used, 1 when a file failed."""
    for line in report.skipped:
        typer.echo(f"skipped: {line}", err=True)
    for line in report.failed:
        typer.echo(f"error: {line}", err=True)
    for line in report.warnings:
        typer.echo(f"warning: {line}", err=True)
    if report.model_error:
        raise fail(report.model_error)
    if report.claims_line():
        typer.echo(report.claims_line(), err=True)
    if report.claims_error:
        raise fail(report.claims_error)
    typer.echo(report.summary())
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)


def _with_progress(title: str, total: int | None, work):
    """Run ``work(progress)`` with a progress bar on a terminal, quietly elsewhere;
    ``progress(n, message, total=None)`` (a total also sets the bar's)."""
    if not sys.stderr.isatty():
        return work(lambda n, message, total=None: None)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(title, total=total)
        return work(lambda n, message, total=None: bar.update(
            task, completed=n, total=total, description=title))


@app.command("stats")
def stats_cmd(
    project: Annotated[Path, typer.Argument(help="Project file")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
) -> None:
    """Articles, statuses, suggestions and annotations per layer and label, annotators."""
    from annotator.store.stats import project_stats

    proj = open_existing(project, read_only=True)
    with proj:
        stats = project_stats(proj)
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    typer.echo(_format_stats(project, stats))


def _format_stats(path: Path, stats: dict) -> str:
    s = stats["status"]
    lines = [
        f"{path}: {stats['articles']} articles ({s['new']} new, {s['in_progress']} in "
        f"progress, {s['done']} done)",
        "suggestions: " + _counts(stats["suggestions"]),
    ]
    for m in stats["models"]:
        lines.append(f"  {m['name']} {m['version']}: {m['suggestions']}")
    lines.append("annotations:" + ("" if stats["annotations"] else " none"))
    for layer, labels in stats["annotations"].items():
        lines.append(f"  {layer}: {_counts(labels)}")
    lines.append(f"links: {stats['links']}")
    names = ", ".join(f"{a['name']} ({a['annotations']})" for a in stats["annotators"])
    lines.append(f"annotators: {names or 'none'}")
    return "\n".join(lines)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


@app.command("demo")
def demo_cmd(
    fresh: Annotated[bool, typer.Option("--fresh", help="Rebuild the demo project")] = False,
    no_gui: Annotated[bool, typer.Option("--no-gui", help="Only build it, print its path")] = False,
    screenshot: Annotated[Path | None, SCREENSHOT] = None,
) -> None:
    """Open a project made from the bundled sample corpus (built on first use)."""
    project = _demo_project(fresh)
    if no_gui:
        typer.echo(project)
        return
    raise typer.Exit(_run_gui(project, screenshot))


def _demo_project(fresh: bool) -> Path:
    """Build the demo project once, atomically: a half-built demo is never left behind."""
    from annotator.app.importing import run_import
    from annotator.app.samples import sample_corpus_dir
    from annotator.store.files import make_folders

    target = data_dir() / "demo.db"
    if target.exists() and not fresh:
        return target
    make_folders(target.parent)
    building = target.with_suffix(".building.db")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    typer.echo(f"Building the demo project in {target} ...", err=True)
    with open_existing(building, create=True) as proj:
        report = run_import(proj, [sample_corpus_dir()])
        proj.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if report.model_error:
        raise fail(report.model_error)
    building.replace(target)
    return target


def _last_project() -> Path | None:
    note = data_dir() / "last-project"
    if note.exists():
        path = Path(note.read_text(encoding="utf-8").strip())
        if path.exists():
            return path
    return None


def _run_gui(project: Path, screenshot: Path | None = None) -> int:
    """Run the window on a project; one line and exit 2 for a project it cannot open."""
    from annotator.store import ProjectError
    from annotator.store.files import make_folders
    from annotator.ui.application import run

    def opened(proj) -> None:
        make_folders(data_dir())
        (data_dir() / "last-project").write_text(str(project.resolve()), encoding="utf-8")
        if proj.upgrade:
            typer.echo(f"{project}: {proj.upgrade.describe()}", err=True)

    try:
        return run(project, screenshot, opened=opened)
    except ProjectError as exc:
        raise fail(str(exc)) from exc


@app.command("export")
def export_cmd(
    project: Annotated[Path, typer.Argument(help="Project file")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, spacy, conll, brat, "
                                     "claims or claim-pairs")],
    out: Annotated[Path, typer.Option("--output", "-o", help="Output folder")],
    layer: Annotated[list[str] | None, typer.Option(
        "--layer", help="entity, claim or source (repeat; default all)")] = None,
    only_done: Annotated[bool, typer.Option("--only-done", help="Only done articles")] = False,
    gold: Annotated[bool, typer.Option(
        "--gold", help="Only done articles with no open model suggestions")] = False,
    split: Annotated[str | None, typer.Option(
        "--split", help="e.g. train=0.8,dev=0.1,test=0.1 (by article)")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the split")] = 0,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace the earlier export in OUT (only the files it wrote)")] = False,
) -> None:
    """Export the annotated articles as a dataset (written whole or not at all)."""
    from annotator.app.exporting import ExportError, ExportOptions, export_project, parse_split
    from annotator.core.model import Layer
    from annotator.store import Project, ProjectError

    try:
        layers = frozenset(Layer(x) for x in layer) if layer else None
    except ValueError as exc:
        raise fail(f"--layer: {exc}") from exc
    try:
        options = ExportOptions(fmt, out, layers, only_done, gold,
                                parse_split(split) if split else (("all", 1.0),), seed, overwrite)
        with Project.open(project, create=False, read_only=True) as proj:
            report = _with_progress("Exporting", proj.count_articles(),
                                    lambda p: export_project(proj, options, progress=p))
    except (ExportError, ProjectError) as exc:
        raise fail(str(exc)) from exc
    for line in report.skipped:
        typer.echo(f"left out: {line}", err=True)
    typer.echo(f"{report.summary()} → {out}")


@app.command("train")
def train_cmd(
    project: Annotated[Path, typer.Argument(help="Project file")],
    layer: Annotated[str, typer.Option("--layer", help="entities or claims")] = "entities",
    out: Annotated[Path | None, typer.Option("--output", "-o", help="Model folder")] = None,
    steps: Annotated[int, typer.Option("--steps", help="Training steps at most")] = 2000,
    seed: Annotated[int, typer.Option("--seed")] = 0,
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


@app.command("use-model")
def use_model_cmd(
    project: Annotated[Path, typer.Argument(help="Project file")],
    model: Annotated[str | None, typer.Argument(help="Package name or folder; none resets")] = None,
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


@app.command("disputes")
def disputes_cmd(
    project: Annotated[Path, typer.Argument(help="Project file")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Every group, not only disputed")] = False,
) -> None:
    """The points in dispute: what each claim states, which one holds and why."""

    proj = open_existing(project, read_only=True)
    with proj:
        groups = [_group_dict(g) for g in proj.claims.groups(disputed_only=not show_all)]
    if as_json:
        typer.echo(json.dumps({"groups": groups}, ensure_ascii=False, indent=2))
        return
    typer.echo(_format_disputes(groups, show_all))


def _group_dict(g) -> dict:
    return {"id": g.id, "title": g.title, "disputed": g.disputed, "holding": g.holding_id,
            "note": g.note, "members": [
                {"annotation": m.annotation_id, "article": m.article_id, "outlet": m.outlet,
                 "published": m.published, "source": m.source, "value": m.value,
                 "stance": m.stance, "text": m.text} for m in g.members]}


def _format_disputes(groups: list[dict], show_all: bool) -> str:
    """One block per group: the verdict first, then every claim with where it was said."""
    from textwrap import fill as wrap

    if not groups:
        return "no claim groups" if show_all else "no disputed claim groups (--all lists all)"
    blocks = []
    for g in groups:
        held = next((m for m in g["members"] if m["annotation"] == g["holding"]), None)
        lines = [f"#{g['id']} {g['title']} ({'disputed' if g['disputed'] else 'agreed'}, "
                 f"{len(g['members'])} claims)",
                 "  holds: " + (f"{held['value'] or '(no value)'}, claim {held['annotation']} in "
                                f"{_where(held)}" if held else "undecided")]
        if g["note"]:
            lines.append(f"  why:   {g['note']}")
        for m in g["members"]:
            stance = f" ({m['stance']})" if m["stance"] else ""
            lines.append(f"  {'*' if m is held else '-'} {m['value'] or '(no value)'}{stance} · "
                         f"{_where(m)} · source: {m['source'] or '-'}")
            lines.append(wrap(f"„{' '.join(m['text'].split())}“", 100, initial_indent=" " * 4,
                              subsequent_indent=" " * 4))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _where(m: dict) -> str:
    return f"article {m['article']} ({m['outlet'] or 'no outlet'}, {m['published'] or 'no date'})"


@app.command("candidates")
def candidates_cmd(
    project: Annotated[Path, typer.Argument(help="Project file")],
    article: Annotated[str, typer.Option("--article", help="Article id or imported file name")],
    text: Annotated[str, typer.Option("--text", help="Exact text of the claim in the article")],
    top: Annotated[int, typer.Option("--top", min=1, help="How many candidates")] = 5,
    method: Annotated[str | None, typer.Option(
        "--method", help="tfidf, rapidfuzz, learned or semantic (default: the one in use)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
) -> None:
    """Sentences and claims of other articles about the same point, ranked."""
    from annotator.app.matching import MatchingError, matcher_for
    from annotator.app.matching_eval import resolve_article, unwritten

    proj = open_for_queries(project)
    with proj:
        try:
            article_id = resolve_article(proj, article)
        except LookupError as exc:
            raise fail(str(exc)) from exc
        count = proj.article(article_id).text.count(text)
        if count != 1:
            raise fail(f"--text {'not found' if not count else f'ambiguous ({count}×)'} in "
                       f"article {article_id} ({article})")
        with unwritten(proj, [method] if method else []) as ranked_in:
            matcher = matcher_for(ranked_in)
            try:
                used = method or matcher.method_in_use(ranked_in)
                found = matcher.candidates(ranked_in, text, article_id, top=top, method=used)
            except MatchingError as exc:
                raise fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps({"article": article_id, "method": used,
                               "candidates": [c.as_dict() for c in found]},
                              ensure_ascii=False, indent=2))
        return
    typer.echo(f"method: {used}; {len(found)} candidates for article {article_id}")
    for n, c in enumerate(found, start=1):
        parts = ", ".join(f"{k} {v:.3f}" for k, v in c.parts.items())
        typer.echo(f"{n}. {c.score:.3f} ({parts}) · {c.kind} · article {c.article_id} "
                   f"({c.outlet}) {c.start}-{c.end}")
        typer.echo(f"   „{' '.join(c.text.split())}“")
        if c.shared:
            typer.echo(f"   shares: {', '.join(c.shared)}")


@app.command("eval-matching")
def eval_matching_cmd(
    project: Annotated[Path, typer.Argument(help="Project file")],
    gold: Annotated[Path, typer.Argument(help="Gold points (JSON)")],
    method: Annotated[list[str] | None, typer.Option(
        "--method", help="Repeat; default: tfidf, rapidfuzz, learned (and semantic when "
        "available)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
    simulate: Annotated[bool, typer.Option(
        "--simulate-feedback", help="On a temporary copy: confirm/reject the top five of half "
        "the points as the gold says, then measure on the other half (judges `learned`)")] = False,
) -> None:
    """MRR and recall@1/3/5 of the matchers on gold points; exit 1 when gold claims are missing."""
    from annotator.app.matching import METHODS
    from annotator.app.matching_eval import (
        GoldError,
        evaluate,
        format_result,
        load_gold,
        resolve_gold,
        unwritten,
    )
    from annotator.nlp import semantic

    methods = method or [m for m in METHODS if m != "semantic" or semantic.available()]
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise fail(f"--method {unknown[0]}: one of {', '.join(METHODS)}")
    try:
        points = load_gold(gold)
    except GoldError as exc:
        raise fail(str(exc)) from exc
    proj = open_for_queries(project)
    with proj:
        claims, problems = resolve_gold(proj, points)
        for line in problems:
            typer.echo(f"gold: {line}", err=True)
        if not claims:
            raise fail(f"{gold}: no gold claim was found in the project")
        if simulate:
            result = _simulated(proj, claims, methods)
        else:
            with unwritten(proj, methods) as ranked_in:
                result = _with_progress("Evaluating", None, lambda p: evaluate(
                    ranked_in, claims, methods, progress=lambda n, _t, _m: p(n, "")))
    result["unresolved"] = problems
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json
               else format_result(result))
    raise typer.Exit(EXIT_FAILED if problems else EXIT_OK)


def _simulated(proj, claims, methods) -> dict:
    """Simulated feedback on a copy of the project (the project itself is not changed)."""
    from annotator.app.matching_eval import evaluate, held_out, simulate_feedback, temporary_copy

    with temporary_copy(proj) as target:
        decisions = simulate_feedback(target, claims)
        result = evaluate(target, claims, methods, only=held_out(claims))
    result["protocol"] = (f"{decisions} simulated decisions on the odd-numbered points' "
                          "queries; figures on the even-numbered points' queries only")
    return result


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    main()
