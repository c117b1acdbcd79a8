"""Articles in the project: storing, reading, listing, filtering and searching them."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from annotator.core.model import (
    Article,
    ArticleDraft,
    ArticleFilter,
    ArticleSummary,
    Status,
)
from annotator.core.names import IMPORT_ANNOTATOR
from annotator.store.claims import ClaimStore
from annotator.store.sql import chunks, dump_json, load_json, marks, now, query, scalar, text_length
from annotator.store.suggestions import open_counts
from annotator.store.versions import VersionTables
from annotator.store.views import Sql, viewer

if TYPE_CHECKING:
    from sqlite_utils import Database

META_COLUMNS = ("title", "outlet", "author", "published", "url")  # what a person may set


class ArticleTables(VersionTables):
    """The articles and their list: a part of Project (``add_article`` uses its labels and
    annotations). A status, a count or a list row is the annotator's (``annotator`` or
    ``ArticleFilter.annotator``: store/views.py), or the project's when none is named."""

    db: Database
    claims: ClaimStore

    def add_article(self, draft: ArticleDraft, *, annotator: str = IMPORT_ANNOTATOR) -> int | None:
        """Store a new article with its pre-annotated spans (and whatever else its draft
        carries: store/batches.py); None when its text is already here."""
        from annotator.core.hashing import content_hash  # writers load on the first write
        from annotator.store.batches import ArticleWriter, NewArticle, check

        new = NewArticle(draft, content_hash(draft.text))
        check(new)
        with self.db.atomic():
            (outcome,) = ArticleWriter(self.db, self.claims, annotator).write([new])
        return outcome.article_id if outcome.new else None

    def article_id_by_hash(self, digest: str) -> int | None:
        """The id of the article with this content hash, if any."""
        return scalar(self.db, "SELECT id FROM articles WHERE hash = ?", [digest])

    def article_ids_by_hash(self, digests: Iterable[str]) -> dict[str, int]:
        """Content hash → id of the article with it, for those of the hashes stored."""
        found: dict[str, int] = {}
        for part in chunks(set(digests)):
            found.update(self.db.execute(
                f"SELECT hash, id FROM articles WHERE hash IN ({marks(part)})", part))
        return found

    def article_ids_by_source(self, name: str) -> list[int]:
        """Articles imported from a file of this name (whole path or its last part)."""
        rows = query(self.db, "SELECT id FROM articles WHERE source_path = :n "
                     "OR source_path LIKE :tail ORDER BY id", {"n": name, "tail": f"%/{name}"})
        return [r["id"] for r in rows]

    def article(self, article_id: int, annotator: str | None = None) -> Article:
        """One article with its text (and its status for ``annotator``); KeyError when there
        is none."""
        status, params = viewer(self.db, annotator).status()
        rows = query(self.db, f"SELECT a.*, {status} AS shown_status FROM articles a "
                     "WHERE a.id = ?", [*params, article_id])
        if not rows:
            raise KeyError(f"no article {article_id}")
        r = rows[0]
        return Article(
            id=r["id"], hash=r["hash"], text=r["text"], title=r["title"], outlet=r["outlet"],
            author=r["author"], url=r["url"], published=r["published"],
            language=r["language"], status=Status(r["shown_status"]),
            source_path=r["source_path"], meta=load_json(r["meta"]),
            edited=frozenset(json.loads(r.get("edited") or "[]")),
        )

    def set_meta(self, article_id: int, *, edited: Iterable[str] | None = None,
                 **fields: str | None) -> None:
        """Set metadata fields (title, outlet, author, published, url) and mark them set by a
        person; ``edited`` instead gives the whole list of person-set fields (an undo, a
        re-run that must not mark what it derives)."""
        unknown = set(fields) - set(META_COLUMNS)
        if unknown:
            raise ValueError(f"no metadata field {', '.join(sorted(unknown))}")
        if fields.get("title", "") is None:
            raise ValueError("an article needs a title")
        with self.db.atomic():
            if edited is None:
                edited = self.article(article_id).edited | set(fields)
            columns = {**fields, "edited": dump_json(sorted(edited))}
            count = self.db.execute(
                f"UPDATE articles SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                [*columns.values(), article_id]).rowcount
            if not count:
                raise KeyError(f"no article {article_id}")

    def count_articles(self, where: ArticleFilter | Status | None = None) -> int:
        """How many articles pass the filter."""
        return self._count(where)

    def _count(self, where: ArticleFilter | Status | None, below: int | None = None) -> int:
        """Articles that pass the filter (with an id below ``below``). An annotator's status
        alone is counted in the versions' index, not article by article."""
        if isinstance(where, ArticleFilter) and where.status is not None and _status_only(where):
            me = viewer(self.db, where.annotator).me
            upto, more = ("AND article_id < ?", [below]) if below is not None else ("", [])
            if where.status is not Status.NEW:
                return scalar(self.db, "SELECT count(*) FROM versions WHERE annotator_id = ? "
                              f"AND status = ? {upto}", [me, where.status.value, *more])
            return (self._count(None, below) - scalar(
                self.db, f"SELECT count(*) FROM versions WHERE annotator_id = ? {upto}",
                [me, *more]))
        sql, params = _filter_sql(self.db, where)
        if below is not None:
            sql, params = f"{sql} {'AND' if sql else 'WHERE'} a.id < ?", [*params, below]
        return scalar(self.db, f"SELECT count(*) FROM articles a {sql}", params)

    def list_articles(
        self, offset: int = 0, limit: int = 200, where: ArticleFilter | Status | None = None
    ) -> list[ArticleSummary]:
        """One page of the article list in id order, without texts: what a lazy view fetches."""
        sql, params = _filter_sql(self.db, where)
        annotator = _annotator(where)
        summary, shown = _summary_sql(self.db, annotator)
        # OFFSET walks the rows it skips: skip them in a narrow index, not the wide table (an
        # annotator's articles in progress or done: in the versions' index)
        inner = f"SELECT a.id FROM articles a {sql} ORDER BY a.id"
        if (isinstance(where, ArticleFilter) and where.status not in (None, Status.NEW)
                and _status_only(where)):
            inner = ("SELECT article_id FROM versions WHERE annotator_id = ? AND status = ? "
                     "ORDER BY article_id")
            params = [viewer(self.db, annotator).me, where.status.value]
        rows = query(self.db, f"""{summary} WHERE a.id IN ({inner} LIMIT ? OFFSET ?)
                     ORDER BY a.id""", [*shown, *params, limit, offset])
        return _summaries(self.db, rows, annotator)

    def teach_order(self, where: ArticleFilter | None = None) -> list[int]:
        """Article ids, those whose least certain open suggestion is least certain first;
        articles with no scored open suggestion come last (for active learning)."""
        sql, params = _filter_sql(self.db, where)
        decided, who = viewer(self.db, _annotator(where)).decided()
        rows = self.db.execute(
            f"""SELECT a.id FROM articles a {sql} ORDER BY (
                  SELECT coalesce(min(s.score), 2.0) FROM suggestions s
                  WHERE s.article_id = a.id AND NOT {decided}) ASC, a.id""",
            [*params, *who]).fetchall()
        return [r[0] for r in rows]

    def summaries(self, article_ids: list[int], annotator: str | None = None
                  ) -> list[ArticleSummary]:
        """List rows for given articles, in the order given."""
        if not article_ids:
            return []
        summary, shown = _summary_sql(self.db, annotator)
        rows = query(self.db, f"{summary} WHERE a.id IN ({marks(article_ids)})",
                     [*shown, *article_ids])
        by_id = {s.id: s for s in _summaries(self.db, rows, annotator)}
        return [by_id[i] for i in article_ids if i in by_id]

    def summary(self, article_id: int, annotator: str | None = None) -> ArticleSummary:
        """One row of the article list, to refresh it after a change."""
        found = self.summaries([article_id], annotator)
        if not found:
            raise KeyError(f"no article {article_id}")
        return found[0]

    def position(self, article_id: int, where: ArticleFilter | None = None) -> int | None:
        """The row an article has in the filtered list, or None when the filter hides it."""
        sql, params = _filter_sql(self.db, where)
        inside = scalar(self.db, f"SELECT count(*) FROM articles a {sql} "
                        f"{'AND' if sql else 'WHERE'} a.id = ?", [*params, article_id])
        if not inside:
            return None
        return self._count(where, below=article_id)

    def unsplit_articles(self, after: int = 0, limit: int = -1,
                         among: list[int] | None = None) -> list[int]:
        """Articles without a sentence index yet, in id order: those after ``after``, at most
        ``limit`` (-1: all), or those ``among`` the given ids; not those whose zones, which
        the index follows, are still to be found (store/zones_pending.py)."""
        sql = ("SELECT a.id FROM articles a WHERE NOT EXISTS "
               "(SELECT 1 FROM sentences s WHERE s.article_id = a.id) AND NOT EXISTS "
               "(SELECT 1 FROM zones_pending p WHERE p.article_id = a.id)")
        if among is not None:
            rows = self.db.execute(f"{sql} AND a.id IN ({marks(among)}) ORDER BY a.id", among)
        else:
            rows = self.db.execute(f"{sql} AND a.id > ? ORDER BY a.id LIMIT ?", [after, limit])
        return [r[0] for r in rows]

    def article_status(self, article_id: int, annotator: str | None = None) -> Status:
        """Where one article stands for an annotator (NEW: they have no version of it), or in
        the project: the furthest of its own status and every version's."""
        if annotator is not None:
            return self.version_status(article_id, annotator)
        status, params = viewer(self.db, None).status()
        value = scalar(self.db, f"SELECT {status} FROM articles a WHERE a.id = ?",
                       [*params, article_id])
        if value is None:
            raise KeyError(f"no article {article_id}")
        return Status(value)

    def set_status(self, article_id: int, status: Status, annotator: str | None = None
                   ) -> None:
        """Record where an annotator's version stands (marking an article they have no
        version of starts one: store/versions.py); without an annotator, the article's own
        status (what an imported file said)."""
        if annotator is not None:
            if self.has_version(article_id, annotator):
                self.set_version_status(article_id, annotator, status)
            else:
                self.start_version(article_id, annotator, status)
            return
        with self.db.atomic():
            self.db.execute(
                "UPDATE articles SET status = ?, status_changed_at = ? WHERE id = ?",
                [status.value, now(), article_id],
            )

    def article_text_length(self, article_id: int) -> int:
        """Length of the stored text in code points."""
        return text_length(self.db, article_id)

    def outlets(self, article_ids: list[int]) -> dict[int, str]:
        """Article id → its outlet, or the start of its title where it names none."""
        rows = query(self.db, "SELECT id, outlet, title FROM articles WHERE id IN "
                     f"({marks(article_ids)})", article_ids)
        return {r["id"]: r["outlet"] or r["title"][:40] for r in rows}


def _annotator(where: ArticleFilter | Status | None) -> str | None:
    return where.annotator if isinstance(where, ArticleFilter) else None


def _status_only(where: ArticleFilter) -> bool:
    """The filter asks an annotator's status and nothing else (the versions' index answers)."""
    return where.annotator is not None and not where.label and not fts_query(where.query)


def _summary_sql(db: Database, annotator: str | None) -> Sql:
    """The list rows' query (``a``: the articles) and its parameters."""
    view = viewer(db, annotator)
    status, params = view.status()
    shown, more = view.shown("n.annotator_id", "n.article_id")
    return (f"""SELECT a.id, a.title, a.outlet, a.published, {status} AS status, a.source_path,
        a.char_count, (SELECT count(*) FROM annotations n WHERE n.article_id = a.id
        AND {shown}) AS n_ann FROM articles a""", [*params, *more])


def _summaries(db: Database, rows: list[dict[str, Any]], annotator: str | None
               ) -> list[ArticleSummary]:
    """List rows, each with its open suggestions counted (zones apart: ``open_counts``)."""
    counts = open_counts(db, [r["id"] for r in rows], annotator)
    return [ArticleSummary(
        id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"],
        status=Status(r["status"]), source_path=r["source_path"], char_count=r["char_count"],
        annotation_count=r["n_ann"], suggestion_count=counts.get(r["id"], 0),
    ) for r in rows]


def _filter_sql(db: Database, where: ArticleFilter | Status | None) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for an article filter (``a`` is the articles alias)."""
    if where is None:
        return "", []
    if isinstance(where, Status):
        where = ArticleFilter(status=where)
    clauses: list[str] = []
    params: list[Any] = []
    view = viewer(db, where.annotator)
    if where.status is not None:
        clause, more = view.status_is(where.status)
        clauses.append(clause)
        params += more
    if where.label:
        shown, more = view.shown("n.annotator_id", "n.article_id")
        clauses.append(
            "(EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.label = ? "
            f"AND {shown}) OR EXISTS (SELECT 1 FROM suggestions s WHERE s.article_id = a.id "
            "AND s.label = ?))"
        )
        params += [where.label, *more, where.label]
    match = fts_query(where.query)
    if match:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


PREFIX = 3  # a search word this long also matches as a word's beginning


def fts_query(text: str) -> str:
    """User words → an FTS5 query: every word must occur; words of three letters or more also
    match as a word's beginning (a one-letter prefix would touch most of the index)."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"*' if len(w) >= PREFIX else f'"{w}"' for w in words)


def search_hits(text: str, search: str) -> list[tuple[int, int]]:
    """Where the search finds its words in ``text``, as the full-text search matches them (case
    and accents aside, a long word also as a word's beginning: then the whole word is the hit),
    as code point offsets in text order. Words that stand in the text one after another, as
    searched (only spaces or punctuation between), are one hit there; only where they never do
    is each word a hit."""
    words = [_fold(w) for w in re.findall(r"\w+", search)]
    if not words:
        return []
    folded = _fold(text)
    if len(words) > 1:
        phrase = r"\W+".join(map(_word, words))
        if found := [m.span() for m in re.finditer(rf"(?<!\w){phrase}", folded)]:
            return found
    either = "|".join(map(_word, sorted(set(words), key=len, reverse=True)))
    return [m.span() for m in re.finditer(rf"(?<!\w)(?:{either})", folded)]


def _word(word: str) -> str:
    """A folded search word as a pattern: a long one also as a word's beginning."""
    return re.escape(word) + (r"\w*" if len(word) >= PREFIX else r"(?!\w)")


# Latin letters with accents → without (the index's remove_diacritics), one for one.
_ACCENTS = {c: base for c in range(0xC0, 0x250)
            if (base := unicodedata.normalize("NFD", chr(c))[0]) != chr(c)}


def _fold(text: str) -> str:
    """Lower case, accents off, one character for each one (offsets stay)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter such as U+0130 lowers to two: keep the first
        lowered = "".join(c.lower()[0] for c in text)
    return lowered.translate(_ACCENTS)
