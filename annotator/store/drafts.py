"""Articles with their annotations, read in batches: what exports stream.

``annotated_drafts`` reads a few hundred articles with five queries (articles; annotations with
their makers, models and canonical sources; open suggestions; links; claim groups),
whatever the number of articles, spans or sources in the project. ``export_rows`` is what an
export decides on before it reads any text: each article's hash, title, status and open
suggestions. Both read, of each article, its gold version where it has one (its status,
gold's); else the project's view (store/views.py): every annotator's version (what agreeing
versions have, once), its imported layer where nobody has one, its status the furthest of its
own and every version's. Given an
annotator, they read that annotator's view instead (docs/adjudication.md).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from msgspec import Struct

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
from annotator.core.names import GOLD_ANNOTATOR, IMPORT_ANNOTATOR
from annotator.store.sql import chunks, load_json, marks
from annotator.store.version_diffs import differing

if TYPE_CHECKING:
    from sqlite_utils import Database

BATCH = 200  # articles per read: a few MB of text, five queries
_LAYERS = {layer.value: layer for layer in Layer}
_CLAIM = Layer.CLAIM.value
_NONE: dict[Layer, int] = {}  # shared by the rows without open suggestions; never changed
Row = tuple[Any, ...]


class ExportRow(Struct, frozen=True):
    """An article as an export chooses and splits it, before reading its text."""

    id: int
    hash: str
    title: str
    status: Status
    open: dict[Layer, int]  # open (undecided) suggestions per reviewed layer; none: empty


def export_rows(db: Database, status: Status | None = None,
                layers: Iterable[Layer] | None = None,
                annotator: str | None = None) -> Iterator[ExportRow]:
    """Every article (of one status: gold's, or ``annotator``'s) in id order, with its open
    suggestions in the reviewed layers among ``layers`` (all when None); streamed."""
    wanted = [layer.value for layer in REVIEWED_LAYERS
              if layers is None or layer in set(layers)]
    open_: dict[int, dict[Layer, int]] = {}
    if wanted:
        for article_id, layer, n in db.execute(
                f"""SELECT s.article_id, s.layer, count(*) FROM suggestions s
                WHERE s.layer IN ({marks(wanted)}) AND NOT EXISTS (
                    SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id)
                GROUP BY s.article_id, s.layer""", wanted):
            open_.setdefault(article_id, {})[_LAYERS[layer]] = n
    ahead = _version_statuses(db, annotator)
    for i, h, t, s in db.execute("SELECT id, hash, title, status FROM articles ORDER BY id"):
        found = _status(s, ahead.get(i), annotator)
        if status is None or found is status:
            yield ExportRow(i, h, t, found, open_.get(i, _NONE))


_RANK = {"new": 0, "in_progress": 1, "done": 2}
_STATUSES = {status.value: status for status in Status}


def _version_statuses(db: Database, annotator: str | None
                      ) -> dict[int, tuple[str | None, str]]:
    """Article id → (the status of its gold version, or of the annotator's; the furthest of
    its versions), for the articles somebody has a version of."""
    ids = dict(db.execute("SELECT name, id FROM annotators WHERE name IN (?, ?)",
                          [annotator or GOLD_ANNOTATOR, GOLD_ANNOTATOR]).fetchall())
    if annotator is not None:
        return {i: (s, s) for i, s in db.execute(
            "SELECT article_id, status FROM versions WHERE annotator_id = ?",
            [ids.get(annotator, -1)])}
    return {i: (gold, "done" if done else "in_progress") for i, done, gold in db.execute(
        """SELECT article_id, max(status = 'done'), max(CASE WHEN annotator_id = ? THEN status
        END) FROM versions GROUP BY article_id""", [ids.get(GOLD_ANNOTATOR, -1)])}


def _status(own: str, versions: tuple[str | None, str] | None, annotator: str | None
            ) -> Status:
    """An article's status: the annotator's version's (new without one); else its gold
    version's; else the furthest of its own and its versions'."""
    if annotator is not None:
        return _STATUSES[versions[0] if versions and versions[0] else "new"]
    if versions is None:
        return _STATUSES[own]
    gold, furthest = versions
    return _STATUSES[gold or (own if _RANK[own] >= _RANK[furthest] else furthest)]


def disagreeing(db: Database, layers: Iterable[Layer] | None = None,
                articles: Iterable[int] | None = None) -> set[int]:
    """The articles (of ``articles``; None: all) without a gold version whose annotators'
    versions (two or more, of any status) differ in the layers (store/version_diffs.py)."""
    wanted = [layer.value for layer in (Layer if layers is None else set(layers))]
    gold = [r[0] for r in db.execute("SELECT id FROM annotators WHERE name = ?",
                                     [GOLD_ANNOTATOR])] or [-1]
    return set(differing(db, "w.article_id NOT IN (SELECT article_id FROM versions WHERE "
                             "annotator_id = :gold)", {"gold": gold[0]}, wanted,
                         None if articles is None else list(articles)))


def article_texts(db: Database, article_ids: Sequence[int]) -> Iterator[tuple[int, str]]:
    """(id, text) of articles, read in batches."""
    for part in chunks(article_ids, BATCH):
        yield from db.execute(f"SELECT id, text FROM articles WHERE id IN ({marks(part)})",
                              part)


def annotated_drafts(db: Database, article_ids: Sequence[int],
                     layers: Iterable[Layer] | None = None, annotator: str | None = None,
                     differ: Collection[int] | None = None) -> Iterator[ArticleDraft]:
    """The articles in the given order, each with its annotations (of some layers: who made
    each, when, from which model's suggestion), links, claim groups and open suggestions;
    KeyError for an id that is no article. Its gold version where it has one; else, when its
    versions agree, what they agree on once (one version's rows, each span naming everyone
    who has it), and every version when they disagree (``differ``: those articles; None: found
    batch by batch with ``disagreeing``); with ``annotator``, theirs (the imported layer where
    they have none)."""
    wanted = tuple(layer.value for layer in (Layer if layers is None else set(layers)))
    for part in chunks(article_ids, BATCH):
        yield from _batch(db, part, wanted, annotator, differ)


def _batch(db: Database, ids: list[int], wanted: tuple[str, ...],
           annotator: str | None, differ: Collection[int] | None) -> Iterator[ArticleDraft]:
    """The articles of one batch: five queries (and ``disagreeing``'s, without ``differ``,
    when two or more versions of an article are read), rows as tuples in the columns' order."""
    articles = {i: rows[0] for i, rows in _rows(db, _ARTICLES, ids).items()}
    versions = {i: dict(v.split("\x1e") for v in row[-1].split("\x1f"))
                for i, row in articles.items() if row[-1]}
    several = {i for i, have in versions.items() if annotator is None and len(have) >= 2
               and GOLD_ANNOTATOR not in have}
    if several and differ is None:
        differ = disagreeing(db, [_LAYERS[w] for w in wanted], several)
    spans = _rows(db, _ANNOTATIONS, ids, wanted)
    for article_id, rows in spans.items():
        have = versions.get(article_id, {})
        who = _whose(have, annotator)
        if who is not None:
            rows = spans[article_id] = [r for r in rows if who(r[8])]
        if article_id in several and article_id not in (differ or ()):
            spans[article_id] = _once(rows, min(have))
    open_ = _rows(db, _OPEN, ids, wanted)
    links = _rows(db, _LINKS, ids)
    members = _rows(db, _MEMBERS, ids)
    for article_id in ids:
        if article_id not in articles:
            raise KeyError(f"no article {article_id}")
        have = versions.get(article_id, {})
        mine = have.get(annotator or GOLD_ANNOTATOR)
        status = _status(articles[article_id][-2], (mine, max(
            have.values(), key=_RANK.__getitem__)) if have else None, annotator)
        draft = _draft(articles[article_id], spans.get(article_id, []),
                       open_.get(article_id, []), links.get(article_id, []),
                       members.get(article_id, []), status)
        who = _whose(have, annotator)
        draft.versions = tuple(sorted(n for n in have if who is None or who(n)))
        yield draft


def _whose(versions: dict[str, str], annotator: str | None) -> Callable[[str], bool] | None:
    """Whose rows of an article an export takes (None: all of them)."""
    if annotator is not None:
        return (lambda who: who == annotator) if annotator in versions else (
            lambda who: who == IMPORT_ANNOTATOR)
    if GOLD_ANNOTATOR in versions:
        return lambda who: who == GOLD_ANNOTATOR
    return (lambda who: who != IMPORT_ANNOTATOR) if versions else None  # they stand for it


def _once(rows: list[Row], first: str) -> list[Row]:
    """The spans of agreeing versions once each: ``first``'s row (else that of the first
    annotator who has the span), with the names of all who have it (when several) added."""
    same: dict[tuple[Any, ...], list[Row]] = {}
    for r in rows:
        same.setdefault((r[2], r[5], r[3], r[4]), []).append(r)
    kept = []
    for found in same.values():
        who = sorted({r[8] for r in found})
        take = first if first in who else found[0][8]
        kept += [(*r, tuple(who) if len(who) > 1 else ()) for r in found if r[8] == take]
    return sorted(kept, key=lambda r: (r[3], r[4], r[1]))


def _draft(art: Row, rows: list[Row], open_: list[Row], links: list[Row],
           members: list[Row], status: Status) -> ArticleDraft:
    _, text, title, outlet, author, url, published, language, meta, path, _own, _v = art
    keys = {row[1]: f"T{n}" for n, row in enumerate(rows, start=1)}
    groups: dict[int, list[Row]] = {}
    for m in members:
        groups.setdefault(m[1], []).append(m)
    return ArticleDraft(
        text=text, title=title, outlet=outlet, author=author, url=url, published=published,
        language=language, meta=load_json(meta), source_path=path,
        annotations=[_span(keys[row[1]], row) for row in rows],
        links=[DocLink(keys[start], keys[end], kind, load_json(attrs))
               for _, start, end, kind, attrs in links if start in keys and end in keys],
        groups=[DocGroupMember(title, f"G{group_id}", keys[row[1]], value, stance,
                               holding == row[1])
                for row in rows if row[2] == _CLAIM
                for _, _, group_id, value, stance, title, holding in groups.get(row[1], [])],
        status=status,
        suggestions=[DocSpan(f"S{n}", _LAYERS[layer], start, end, label,
                             made=Provenance(model=model, model_version=version, score=score))
                     for n, (_, layer, start, end, label, score, model, version)
                     in enumerate(open_, start=1)],
    )


def _span(key: str, row: Row) -> DocSpan:
    """One annotation: who made it and when; its model when accepted from a suggestion."""
    (_, _, layer, start, end, label, attrs, at, annotator, model, version, source,
     kind, *agreed) = row
    return DocSpan(key, _LAYERS[layer], start, end, label, load_json(attrs), source=source,
                   source_kind=kind, made=_made(annotator, at, model, version,
                                                agreed[0] if agreed else ()))


@lru_cache(maxsize=4096)  # the spans of one import or one session share who and when
def _made(annotator: str, at: str, model: str | None, version: str | None,
          agreed: tuple[str, ...] = ()) -> Provenance:
    if model is None:
        return Provenance(annotator, at, agreed=agreed)
    return Provenance(annotator, at, model, version, agreed=agreed)


def _rows(db: Database, sql: str, ids: list[int], layers: tuple[str, ...] = ()
          ) -> dict[int, list[Row]]:
    """A query's rows by article (its first column), for these articles (and layers)."""
    found: dict[int, list[Row]] = {}
    for row in db.execute(sql.format(ids=marks(ids), layers=marks(layers)), [*ids, *layers]):
        found.setdefault(row[0], []).append(row)
    return found


# ... and who has a version of it, where it stands: "name\x1estatus" joined by "\x1f"
_ARTICLES = """SELECT id, text, title, outlet, author, url, published, language, meta,
    source_path, status, (SELECT group_concat(a.name || char(30) || v.status, char(31))
        FROM versions v JOIN annotators a ON a.id = v.annotator_id
        WHERE v.article_id = articles.id)
    FROM articles WHERE id IN ({ids})"""

# An annotation's model is that of the suggestion it was accepted from, in its own article.
_ANNOTATIONS = """SELECT n.article_id, n.id, n.layer, n.start, n."end", n.label, n.attrs,
    n.created_at, a.name, m.name, m.version, src.name, src.kind
    FROM annotations n JOIN annotators a ON a.id = n.annotator_id
    LEFT JOIN suggestions s ON s.id = n.suggestion_id AND s.article_id = n.article_id
    LEFT JOIN models m ON m.id = s.model_id
    LEFT JOIN sources src ON src.id = n.canonical_source_id
    WHERE n.article_id IN ({ids}) AND n.layer IN ({layers})
    ORDER BY n.article_id, n.start, n."end", n.id"""

_OPEN = """SELECT s.article_id, s.layer, s.start, s."end", s.label, s.score, m.name, m.version
    FROM suggestions s JOIN models m ON m.id = s.model_id
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
