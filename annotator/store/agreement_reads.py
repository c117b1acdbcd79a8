"""What agreement reads from a project, in a few queries, as numpy arrays: the annotators,
who has a version of which article, their spans, claim attributes, links and claim-group
memberships. The one place that decides which versions are compared (``_versions``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from msgspec import Struct

from annotator.core.model import Layer
from annotator.core.names import GOLD_ANNOTATOR
from annotator.store.batches import IMPORT_ANNOTATOR
from annotator.store.sql import dump_json, marks

if TYPE_CHECKING:
    from sqlite_utils import Database

CLAIM_ATTRIBUTES = ("kind", "checkworthy", "verdict")
LAYERS = tuple(layer.value for layer in Layer)


class Spans(Struct, frozen=True):
    """Annotations, one row each: the article (index into ``Rows.articles``), the annotator
    (index into ``Rows.annotators``), the label (index into ``Rows.labels``), offsets."""

    article: np.ndarray
    annotator: np.ndarray
    label: np.ndarray
    start: np.ndarray
    end: np.ndarray


class Rows(Struct, frozen=True):
    """Everything agreement needs, of the articles two or more annotators have a version of
    (the compared articles; ``articles`` holds their ids, ascending)."""

    annotators: list[str]
    versions: list[int]  # per annotator: how many articles they have a version of
    articles: np.ndarray
    titles: list[str]
    texts: list[str]
    present: np.ndarray  # [article, annotator]: has a version
    labels: list[tuple[str, str]]  # (layer, label)
    spans: Spans
    claims: Spans  # the claims again, label 0, with their attributes below
    claim_attrs: dict[str, list[str | None]]
    links: np.ndarray  # [annotator, kind, article, from start, end, to article, start, end]
    link_kinds: list[str]
    members: np.ndarray  # [annotator, group, article, start, end]


def read_agreement(db: Database, annotators: Sequence[str] | None = None,
                   in_progress: bool = False) -> Rows:
    """The rows of ``annotators`` (default: everyone but ``import``) in their versions marked
    done (``in_progress``: in progress too); ValueError for a name the project does not
    know."""
    ids, names = _annotators(db, annotators)
    who = f"({', '.join(str(i) for i in ids)})"
    index = np.full(max(ids, default=0) + 1, -1, np.int64)
    index[ids] = np.arange(len(ids))
    db.execute("SAVEPOINT agreement")  # one snapshot for every query
    try:
        span_rows, labels = _spans(db, ids)
        claim_rows, attrs = _claims(db, who, index)
        link_rows, kinds = _links(db, who, index)
        member_rows = _members(db, who, index)
        articles, present, versions = _versions(db, ids, index, in_progress)
        titles, texts = _texts(db, articles)
    finally:
        db.execute("RELEASE agreement")
    spans, _ = _in(span_rows, articles, present, 1, 0)
    claims, kept = _in(claim_rows, articles, present, 1, 0)
    links, _ = _in(link_rows, articles, present, 0, 2, 5)
    members, _ = _in(member_rows, articles, present, 0, 2)
    return Rows(names, versions, articles, titles, texts, present, labels, _as_spans(spans),
                _as_spans(claims),
                {k: [v for v, ok in zip(vs, kept, strict=True) if ok] for k, vs in attrs.items()},
                links, kinds, members)


def _annotators(db: Database, wanted: Sequence[str] | None) -> tuple[list[int], list[str]]:
    known = dict(db.execute("SELECT name, id FROM annotators ORDER BY id").fetchall())
    if wanted is None:
        wanted = [n for n in known if n not in (IMPORT_ANNOTATOR, GOLD_ANNOTATOR)]
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ValueError(f"no annotator {unknown[0]!r} in the project "
                         f"(annotators: {', '.join(known) or 'none'})")
    names = list(dict.fromkeys(wanted))
    return [known[n] for n in names], names


def _versions(db: Database, ids: list[int], index: np.ndarray, in_progress: bool
              ) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Who has a version of which article: a ``versions`` row (docs/annotators.md), marked
    done unless ``in_progress`` (a version in progress may still hold unchecked copies of
    imported spans). Rows of an annotator without a version row (a script's, a dataset's) and
    the ``import`` annotator's spans make none; an annotator without a version is missing for
    that article, never "annotated nothing". Returns the articles two or more have a version
    of, who has (``[article, annotator index]``), and each one's count of versions."""
    done = "" if in_progress else " AND status = 'done'"
    rows = np.array(db.execute(
        f"SELECT article_id, annotator_id FROM versions WHERE annotator_id IN ({marks(ids)})"
        f"{done}", ids).fetchall(), np.int64).reshape(-1, 2)
    article, who = rows[:, 0], index[rows[:, 1]]
    versions = np.bincount(who, minlength=len(ids)).tolist()
    articles, where, per = np.unique(article, return_inverse=True, return_counts=True)
    present = np.zeros((len(articles), len(ids)), bool)
    present[where, who] = True
    compared = per >= 2
    return articles[compared], present[compared], versions


def _spans(db: Database, ids: list[int]) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """[article id, annotator, label, start, end] of every annotation of the annotators
    ``ids``; labels (layer, name) in layer order. Read as one string of numbers that SQLite
    writes and numpy parses: half the time of a Python row per annotation."""
    names = [r[0] for r in db.execute("SELECT DISTINCT label FROM annotations")]
    if not names or not ids:
        return np.zeros((0, 5), np.int64), []
    most, longest = db.execute("SELECT max(id), max(char_count) FROM articles").fetchone()
    if (most or 0) * len(names) * len(LAYERS) * len(ids) >= 2 ** 62 or (longest or 0) >= 2 ** 31:
        raise ValueError("too many articles, labels or annotators, or too long an article, "
                         "for agreement")

    def case(column: str, values: Sequence) -> str:
        return f"CASE {column} " + " ".join(f"WHEN ? THEN {i}" for i in range(len(values))) + \
            f" ELSE {len(values)} END"

    text = db.execute(
        f"""SELECT group_concat((((article_id * {len(names)} + {case('label', names)})
        * {len(LAYERS)} + {case('layer', LAYERS)}) * {len(ids)} + {case('annotator_id', ids)})
        || ' ' || (start * 4294967296 + "end"), ' ') FROM annotations
        WHERE annotator_id IN ({marks(ids)})""", [*names, *LAYERS, *ids, *ids]).fetchone()[0]
    numbers = np.fromstring(text, np.int64, sep=" ") if text else np.zeros(0, np.int64)
    packed, offsets = numbers[0::2], numbers[1::2]
    rest, who = np.divmod(packed, len(ids))
    rest, layer = np.divmod(rest, len(LAYERS))
    article, label = np.divmod(rest, len(names))
    used, number = np.unique(layer * len(names) + label, return_inverse=True)
    labels = [(LAYERS[u // len(names)], names[u % len(names)]) for u in used.tolist()]
    table = np.stack([article, who, number.ravel(), offsets >> 32, offsets & 0xFFFFFFFF], 1)
    return table, labels


def _claims(db: Database, who: str, index: np.ndarray
            ) -> tuple[np.ndarray, dict[str, list[str | None]]]:
    """[article id, annotator, 0, start, end] of every claim, and its attributes."""
    picks = ", ".join(f"json_extract(attrs, '$.{k}')" for k in CLAIM_ATTRIBUTES)
    rows = db.execute(f"""SELECT article_id, annotator_id, 0, start, "end", {picks}
        FROM annotations WHERE layer = 'claim' AND annotator_id IN {who}""").fetchall()
    attrs = {k: [_value(r[5 + i]) for r in rows] for i, k in enumerate(CLAIM_ATTRIBUTES)}
    table = np.array([(r[0], index[r[1]], *r[2:5]) for r in rows], np.int64)
    return table.reshape(-1, 5), attrs


def _value(v: object) -> str | None:
    return None if v is None or v == "" else str(v)


def _links(db: Database, who: str, index: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """[annotator, kind, from article id, start, end, to article id, start, end]."""
    rows = db.execute(f"""SELECT l.annotator_id, l.kind, f.article_id, f.start, f."end",
        t.article_id, t.start, t."end" FROM links l
        JOIN annotations f ON f.id = l.from_id JOIN annotations t ON t.id = l.to_id
        WHERE l.annotator_id IN {who}""").fetchall()
    kinds = sorted({r[1] for r in rows})
    kind = {k: i for i, k in enumerate(kinds)}
    table = np.array([(index[r[0]], kind[r[1]], *r[2:]) for r in rows], np.int64)
    return table.reshape(-1, 8), kinds


def _members(db: Database, who: str, index: np.ndarray) -> np.ndarray:
    """[annotator, group, article id, start, end] of every claim-group membership."""
    rows = db.execute(f"""SELECT m.annotator_id, m.group_id, n.article_id, n.start, n."end"
        FROM claim_group_members m JOIN annotations n ON n.id = m.annotation_id
        WHERE m.annotator_id IN {who}""").fetchall()
    table = np.array(rows, np.int64).reshape(-1, 5)
    table[:, 0] = index[table[:, 0]]
    return table


def _in(rows: np.ndarray, articles: np.ndarray, present: np.ndarray, who: int,
        *columns: int) -> tuple[np.ndarray, np.ndarray]:
    """The rows in compared versions: whose articles (in ``columns``) are all compared ones
    and have a version of the row's annotator (column ``who``), those article ids turned
    into indices into ``articles``; and which rows they were."""
    at = np.full(int(max(rows[:, columns].max(initial=0), articles.max(initial=0))) + 1, -1)
    at[articles] = np.arange(len(articles))
    found = at[rows[:, columns]]
    keep = (found >= 0).all(1)
    keep[keep] = present[found[keep], rows[keep, who][:, None]].all(1)
    rows = rows[keep]
    rows[:, columns] = found[keep]
    return rows, keep


def _as_spans(rows: np.ndarray) -> Spans:
    return Spans(*(rows[:, i] for i in range(5)))


def _texts(db: Database, ids: np.ndarray) -> tuple[list[str], list[str]]:
    """The compared articles' titles and texts."""
    rows = db.execute("SELECT title, text FROM articles WHERE id IN (SELECT value FROM "
                      "json_each(?)) ORDER BY id", [dump_json(ids.tolist())]).fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]
