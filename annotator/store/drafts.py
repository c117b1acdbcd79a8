"""Articles with their annotations, read in batches: what exports stream.

``annotated_drafts`` reads a few hundred articles with five queries (articles; annotations with
their makers, models and canonical sources; open suggestions; links; claim groups), whatever
the number of articles, spans or sources in the project. ``export_rows`` is what an export
decides on before it reads any text: each article's hash, title, status and open suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from annotator.core.model import (
    REVIEWED_LAYERS,
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Provenance,
    Status,
)
from annotator.store.sql import chunks, load_json, marks

BATCH = 200  # articles per read: a few MB of text, five queries


@dataclass(frozen=True)
class ExportRow:
    """An article as an export chooses and splits it, before reading its text."""

    id: int
    hash: str
    title: str
    status: Status
    open: dict[Layer, int]  # open (undecided) suggestions per reviewed layer; none: empty


def export_rows(db: Database, status: Status | None = None,
                layers: Iterable[Layer] | None = None) -> list[ExportRow]:
    """Every article (of one status) in id order, with its open suggestions in the reviewed
    layers among ``layers`` (all when None)."""
    wanted = [layer.value for layer in REVIEWED_LAYERS
              if layers is None or layer in set(layers)]
    open_: dict[int, dict[Layer, int]] = {}
    if wanted:
        for article_id, layer, n in db.execute(
                f"""SELECT s.article_id, s.layer, count(*) FROM suggestions s
                WHERE s.layer IN ({marks(wanted)}) AND NOT EXISTS (
                    SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id)
                GROUP BY s.article_id, s.layer""", wanted):
            open_.setdefault(article_id, {})[Layer(layer)] = n
    where, params = ("WHERE status = ?", [status.value]) if status else ("", [])
    rows = db.execute(f"SELECT id, hash, title, status FROM articles {where} ORDER BY id",
                      params)
    return [ExportRow(i, h, t, Status(s), open_.get(i, {})) for i, h, t, s in rows]


def article_texts(db: Database, article_ids: Sequence[int]) -> Iterator[tuple[int, str]]:
    """(id, text) of articles, read in batches."""
    for part in chunks(article_ids, BATCH):
        yield from db.execute(f"SELECT id, text FROM articles WHERE id IN ({marks(part)})",
                              part)


def annotated_drafts(db: Database, article_ids: Sequence[int],
                     layers: Iterable[Layer] | None = None) -> Iterator[ArticleDraft]:
    """The articles in the given order, each with its annotations (of some layers: who made
    each, when, from which model's suggestion), links, claim groups and open suggestions;
    KeyError for an id that is no article."""
    wanted = tuple(layer.value for layer in (Layer if layers is None else set(layers)))
    for part in chunks(article_ids, BATCH):
        yield from _batch(db, part, wanted)


def _batch(db: Database, ids: list[int], wanted: tuple[str, ...]) -> Iterator[ArticleDraft]:
    articles = {r["id"]: r for r in _rows(db, f"SELECT * FROM articles WHERE id IN "
                                              f"({marks(ids)})", ids)}
    spans = _by_article(_rows(db, _ANNOTATIONS.format(ids=marks(ids), layers=marks(wanted)),
                              [*ids, *wanted]))
    open_ = _by_article(_rows(db, _OPEN.format(ids=marks(ids), layers=marks(wanted)),
                              [*ids, *wanted]))
    links = _by_article(_rows(db, _LINKS.format(ids=marks(ids)), ids))
    members = _by_article(_rows(db, _MEMBERS.format(ids=marks(ids)), ids))
    for article_id in ids:
        if article_id not in articles:
            raise KeyError(f"no article {article_id}")
        yield _draft(articles[article_id], spans.get(article_id, []),
                     open_.get(article_id, []), links.get(article_id, []),
                     members.get(article_id, []))


def _draft(art: dict[str, Any], rows: list[dict[str, Any]], open_: list[dict[str, Any]],
           links: list[dict[str, Any]], members: list[dict[str, Any]]) -> ArticleDraft:
    keys = {r["id"]: f"T{n}" for n, r in enumerate(rows, start=1)}
    groups: dict[int, list[dict[str, Any]]] = {}
    for m in members:
        groups.setdefault(m["annotation_id"], []).append(m)
    return ArticleDraft(
        text=art["text"], title=art["title"], outlet=art["outlet"], author=art["author"],
        url=art["url"], published=art["published"], language=art["language"],
        meta=load_json(art["meta"]), source_path=art["source_path"],
        annotations=[_span(keys[r["id"]], r) for r in rows],
        links=[DocLink(keys[lk["from_id"]], keys[lk["to_id"]], lk["kind"],
                       load_json(lk["attrs"]))
               for lk in links if lk["from_id"] in keys and lk["to_id"] in keys],
        groups=[DocGroupMember(m["title"], f"G{m['group_id']}", keys[r["id"]], m["value"],
                               m["stance"], m["holding_id"] == r["id"])
                for r in rows if r["layer"] == Layer.CLAIM.value
                for m in groups.get(r["id"], [])],
        status=Status(art["status"]),
        suggestions=[DocSpan(f"S{n}", Layer(s["layer"]), s["start"], s["end"], s["label"],
                             made=Provenance(model=s["model"], model_version=s["version"],
                                             score=s["score"]))
                     for n, s in enumerate(open_, start=1)],
    )


def _span(key: str, r: dict[str, Any]) -> DocSpan:
    """One annotation: who made it and when; its model when accepted from a suggestion."""
    made = (Provenance(r["annotator"], r["created_at"]) if r["model"] is None else
            Provenance(r["annotator"], r["created_at"], r["model"], r["version"]))
    return DocSpan(key, Layer(r["layer"]), r["start"], r["end"], r["label"],
                   load_json(r["attrs"]), source=r["source"], source_kind=r["source_kind"],
                   made=made)


def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _by_article(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row["article_id"], []).append(row)
    return found


# An annotation's model is that of the suggestion it was accepted from, in its own article.
_ANNOTATIONS = """SELECT n.*, a.name AS annotator, m.name AS model, m.version AS version,
    src.name AS source, src.kind AS source_kind
    FROM annotations n JOIN annotators a ON a.id = n.annotator_id
    LEFT JOIN suggestions s ON s.id = n.suggestion_id AND s.article_id = n.article_id
    LEFT JOIN models m ON m.id = s.model_id
    LEFT JOIN sources src ON src.id = n.canonical_source_id
    WHERE n.article_id IN ({ids}) AND n.layer IN ({layers})
    ORDER BY n.article_id, n.start, n."end", n.id"""

_OPEN = """SELECT s.*, m.name AS model, m.version AS version FROM suggestions s
    JOIN models m ON m.id = s.model_id
    WHERE s.article_id IN ({ids}) AND s.layer IN ({layers}) AND NOT EXISTS (
        SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id)
    ORDER BY s.article_id, s.start, s."end", s.id"""

# A link belongs to the article of the annotation it starts at; both ends must be kept spans.
_LINKS = """SELECT n.article_id, l.from_id, l.to_id, l.kind, l.attrs FROM links l
    JOIN annotations n ON n.id = l.from_id WHERE n.article_id IN ({ids}) ORDER BY l.id"""

_MEMBERS = """SELECT n.article_id, m.annotation_id, m.group_id, m.value, m.stance, g.title,
    g.holding_id FROM claim_group_members m JOIN claim_groups g ON g.id = m.group_id
    JOIN annotations n ON n.id = m.annotation_id
    WHERE n.article_id IN ({ids}) ORDER BY m.group_id"""
