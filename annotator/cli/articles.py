"""Articles one by one: their details (meta) and their zones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from annotator.cli.common import PROJECT, fail, open_existing

AS_JSON = typer.Option("--json", help="One JSON object")


def meta_cmd(
    project: Annotated[Path, PROJECT],
    article: Annotated[int, typer.Argument(help="Article id", metavar="ID")],
    title: Annotated[str | None, typer.Option(
        "--title", metavar="TEXT", help="Set the title")] = None,
    outlet: Annotated[str | None, typer.Option(
        "--outlet", metavar="NAME", help="Set the outlet (publication or agency)")] = None,
    author: Annotated[str | None, typer.Option(
        "--author", metavar="NAME", help="Set the author")] = None,
    published: Annotated[str | None, typer.Option(
        "--published", metavar="YYYY-MM-DD", help="Set the date, YYYY-MM-DD")] = None,
    url: Annotated[str | None, typer.Option("--url", metavar="URL", help="Set the URL")] = None,
    as_json: Annotated[bool, AS_JSON] = False,
) -> None:
    """Print an article's title, outlet, author, date and URL, or set some ("" empties one).
    A field set here is marked as set by a person: no re-run of the rules overwrites it."""
    from annotator.app import metadata
    from annotator.app.zone_pass import ensure_zones

    given = {k: v for k, v in (("title", title), ("outlet", outlet), ("author", author),
                               ("published", published), ("url", url)) if v is not None}
    with open_existing(project, read_only=not given) as proj:
        try:
            ensure_zones(proj, [article])  # the fields its zones give, should they be pending
            if given:
                metadata.set_meta(proj, article, **given)
            fields = metadata.meta_of(proj.article(article))
        except KeyError:
            raise fail(f"{project}: no article {article}") from None
        except metadata.MetaError as exc:
            raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(fields, ensure_ascii=False, indent=2))
        return
    edited = fields.pop("edited")
    assert isinstance(edited, list)
    typer.echo(f"article {fields.pop('id')}")
    for name, value in fields.items():
        mark = "  (set by a person)" if name in edited else ""
        typer.echo(f"{name + ':':<11}{value if value is not None else '–'}{mark}")


def zones_cmd(
    project: Annotated[Path, PROJECT],
    article: Annotated[int | None, typer.Option(
        "--article", metavar="ID", help="Only this article (default: every article)")] = None,
    rerun: Annotated[bool, typer.Option(
        "--rerun", help="Run the zone rules and the metadata derivation again first; what a "
                        "person set stays")] = False,
    pending: Annotated[bool, typer.Option(
        "--pending", help="Only find the zones an import left to find (with the metadata "
                          "and sentence index they give); print how many")] = False,
    as_json: Annotated[bool, AS_JSON] = False,
) -> None:
    """Print the zones in force (a person's, else the rules' or the learned model's): label,
    start, end, text."""
    from annotator.app.zone_pass import ensure_zones
    from annotator.app.zones import rederive

    if pending:
        _find_pending(project)
        return
    with open_existing(project, read_only=not rerun) as proj:
        ids = [article] if article is not None else [a.id for a in _every_article(proj)]
        ensure_zones(proj, ids)  # those an import left to find, first
        out = []
        for article_id in ids:
            try:
                changed = rederive(proj, article_id) if rerun else None
                out.append(_zones(proj, article_id, changed))
            except KeyError:
                raise fail(f"{project}: no article {article_id}") from None
    if as_json:
        typer.echo(json.dumps({"articles": out}, ensure_ascii=False, indent=2))
        return
    for entry in out:
        typer.echo(f"article {entry['id']}: {entry['title']}")
        for field, value in (entry.get("rederived") or {}).items():
            typer.echo(f"  {field} now: {value}")
        for z in entry["zones"]:
            text = z["text"].replace("\n", " ⏎ ")
            text = text if len(text) <= 70 else text[:69] + "…"
            typer.echo(f"  {z['label']:<10} {z['start']:>6} {z['end']:>6}  {text}")


def _find_pending(project: Path) -> None:
    """``zones --pending``: every pending article's zones, with a progress bar."""
    from annotator.app.zone_pass import find_zones
    from annotator.cli.common import with_progress

    with open_existing(project) as proj:
        found = with_progress("Finding zones", None, lambda p: find_zones(
            proj, progress=lambda done, total, message: p(done, message, total)),
            unit="articles")
    typer.echo(f"zones found for {found} articles")


def _every_article(proj) -> list[Any]:
    total = proj.count_articles()
    return [a for offset in range(0, total, 1000) for a in proj.list_articles(offset, 1000)]


def _zones(proj, article_id: int, rederived: dict | None) -> dict[str, Any]:
    from annotator.app.zones import zones_in_force
    from annotator.core.model import Annotation

    art = proj.article(article_id)
    entry: dict[str, Any] = {"id": art.id, "title": art.title, "zones": [
        {"label": z.label, "start": z.start, "end": z.end, "text": art.text[z.start:z.end],
         "by": z.annotator if isinstance(z, Annotation) else _model_name(z)}
        for z in zones_in_force(proj, article_id)]}
    if rederived is not None:
        entry["rederived"] = rederived
    return entry


def _model_name(zone) -> str:
    """Who suggested a zone: "rules", or the model with its version (learned zones)."""
    from annotator.app.zones import RULES

    return "rules" if zone.model == RULES.name else f"{zone.model} {zone.model_version}"
