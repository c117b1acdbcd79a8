"""Claims across articles: disputes, candidates and eval-matching."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from annotator.cli import EXIT_FAILED, EXIT_OK
from annotator.cli.common import (
    ANNOTATOR,
    PROJECT,
    fail,
    open_existing,
    open_for_queries,
    with_progress,
)


def disputes_cmd(
    project: Annotated[Path, PROJECT],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Every group, not only disputed")] = False,
    annotator: Annotated[str | None, ANNOTATOR] = None,
) -> None:
    """The points in dispute: what each claim states, which one holds and why."""
    proj = open_existing(project, read_only=True)
    with proj:
        groups = [_group_dict(g) for g in proj.claims.groups(disputed_only=not show_all,
                                                             annotator=annotator)]
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


def candidates_cmd(
    project: Annotated[Path, PROJECT],
    article: Annotated[str, typer.Option(
        "--article", metavar="REF", help="Article id or imported file name")],
    text: Annotated[str, typer.Option(
        "--text", metavar="TEXT", help="Exact text of the claim in the article")],
    top: Annotated[int, typer.Option("--top", min=1, metavar="N", help="How many candidates")] = 5,
    method: Annotated[str | None, typer.Option(
        "--method", metavar="METHOD",
        help="tfidf, rapidfuzz, learned or semantic (default: the one in use)")] = None,
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


def eval_matching_cmd(
    project: Annotated[Path, PROJECT],
    gold: Annotated[Path, typer.Argument(help="Gold points (JSON)", metavar="GOLD.json")],
    method: Annotated[list[str] | None, typer.Option(
        "--method", metavar="METHOD",
        help="Repeat; default: tfidf, rapidfuzz, learned (and semantic when available)")
    ] = None,
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
                result = with_progress("Evaluating", None, lambda p: evaluate(
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
