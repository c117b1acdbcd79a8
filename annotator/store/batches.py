"""New articles stored many at once: one transaction, each table's rows written together.

An import prepares each article outside the transaction (its content hash, zones and sentence
index; ``check`` refuses what the store would) and stores a batch with ``ArticleWriter``:
labels, annotators, models and sources are looked up once per batch and name, not per span;
ids are handed out in the order storing the articles one by one gave them; each table's rows
go in 50 to an INSERT. Storing one article (``Project.add_article``) is a batch of one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from annotator.core.model import (
    ArticleDraft,
    DocGroupMember,
    DocSpan,
    Layer,
    ModelInfo,
    Provenance,
    Span,
    Status,
)
from annotator.core.names import IMPORT_ANNOTATOR
from annotator.core.spans import check_span
from annotator.store.annotations import ensure_annotator, ensure_label
from annotator.store.claims import ClaimStore
from annotator.store.draft_owners import owned
from annotator.store.files import ProjectDatabase
from annotator.store.sql import chunks, dump_json, marks, now
from annotator.store.suggestions import ensure_model

if TYPE_CHECKING:
    from sqlite_utils import Database

_ENTITY = Layer.ENTITY.value


class NewArticle(Struct):
    """An article to store: the draft as read, its content hash, its zones (stored as the
    suggestions of the model that found them) and its sentence bounds; or, ``pending``, the
    guessed fields of one whose zones are found later (store/zones_pending.py)."""

    draft: ArticleDraft
    digest: str
    zones: list[tuple[ModelInfo, list[Span]]] = field(default_factory=list)
    sentences: Sequence[tuple[int, int]] = ()
    pending: str | None = None


class Versions(Struct, frozen=True):
    """What a stored article's draft brought: the annotators whose version it added, those
    it left (``there``: name → "version" or "spans", what they had already), and those whose
    version it added to (``merged``: name → what, "claim, 2 links")."""

    added: tuple[str, ...] = ()
    there: tuple[tuple[str, str], ...] = ()
    merged: tuple[tuple[str, str], ...] = ()


class Outcome(Struct, frozen=True):
    """What became of one NewArticle: stored (``new``), the same text as a stored article
    (``article_id`` is that one; ``versions``: what its named annotators brought), or
    refused (``error``)."""

    article_id: int | None
    new: bool = False
    error: str | None = None
    versions: Versions | None = None


def check(new: NewArticle) -> None:
    """Raise what storing the article would: ValueError for a blank text or name, a link or
    a group member naming no span of the article; SpanError for a span outside the text."""
    draft = new.draft
    if not draft.text.strip():
        raise ValueError("an article needs text")
    length = len(draft.text)
    spans: Iterable[Span | DocSpan] = chain(
        draft.spans, draft.annotations, draft.suggestions or [],
        chain.from_iterable(spans for _, spans in new.zones))
    for start, end in chain(((s.start, s.end) for s in spans), new.sentences):
        if type(start) is not int or type(end) is not int or not 0 <= start < end <= length:
            check_span(start, end, length)  # raises, naming the span
    layers = {s.key: s.layer for s in draft.annotations}
    for s in draft.annotations:
        if s.made and s.made.annotator and not s.made.annotator.strip():
            raise ValueError("an annotator needs a name")
        if s.source and not s.source.split():
            raise ValueError("a source needs a name")
    for key in chain.from_iterable((link.from_key, link.to_key) for link in draft.links):
        if key not in layers:
            raise ValueError(f"a link names no span {key!r}")
    for member in draft.groups:
        if layers.get(member.span_key) is not Layer.CLAIM:
            raise ValueError(f"group {member.group!r}: {member.span_key!r} is not a claim")


_INSERTS = {  # table → its INSERT, in the order the tables are written (foreign keys)
    "articles": "INSERT INTO articles (id, hash, title, outlet, author, url, published, "
                "language, meta, source_path, status, status_changed_at, imported_at, "
                "char_count, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "suggestions": 'INSERT INTO suggestions (id, article_id, model_id, layer, label, start, "end",'
                   " score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "suggestion_decisions": "INSERT INTO suggestion_decisions (suggestion_id, decision, "
                            "annotator_id, decided_at) VALUES (?, 'accepted', ?, ?)",
    "annotations": 'INSERT INTO annotations (id, article_id, layer, label, start, "end", '
                   "annotator_id, suggestion_id, attrs, created_at, updated_at, "
                   "canonical_source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "entities": 'INSERT INTO annotations (id, article_id, layer, label, start, "end", '  # plain
                "annotator_id, suggestion_id, attrs, created_at, updated_at, canonical_source_id)"
                " VALUES (?, ?, 'entity', ?, ?, ?, ?, NULL, '{}', ?, ?, NULL)",
    "links": "INSERT INTO links (from_id, to_id, kind, annotator_id, attrs, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?)",
    "sentences": 'INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?)',
    "versions": "INSERT INTO versions (article_id, annotator_id, status, started_at, "
                "status_changed_at) VALUES (?, ?, ?, ?, ?)",
    "zones_pending": "INSERT INTO zones_pending (article_id, guessed) VALUES (?, ?)",
}
_MANY = 50  # rows an INSERT statement takes: its fixed work (AUTOINCREMENT's counter) once
_MANY_INSERTS = {table: sql + f", {sql.partition(' VALUES ')[2]}" * (_MANY - 1)
                 for table, sql in _INSERTS.items()}


class ArticleWriter:
    """Stores batches of new articles; claim groups that span articles (and batches) are
    matched by their key. A span keeps who made it and when, and the model it was accepted
    from, when its file says so (else it is ``annotator``'s, now); the file's open
    suggestions stay open suggestions; a draft whose text is stored already brings what
    ``same_text`` stores."""

    def __init__(self, db: Database, claims: ClaimStore,
                 annotator: str = IMPORT_ANNOTATOR) -> None:
        self.db = db
        self.claims = claims
        self.annotator = annotator
        self.groups: dict[str, int] = {}  # a file's group key → the group's id
        self.held = (0.0, 0.0)  # the last ``store``'s hold of the write lock: (wall, CPU) s

    def store(self, batch: list[NewArticle]) -> list[Outcome]:
        """Store checked articles in one transaction; should the store refuse one after all,
        each is stored on its own, so that it alone fails."""
        groups = dict(self.groups)
        if isinstance(self.db, ProjectDatabase):
            self.db.let_waiting_write()  # the window's writes first, then the next batch
        try:
            with self.db.atomic():
                wall, cpu = time.perf_counter(), time.thread_time()
                stored = self.write(batch)
            self.held = (time.perf_counter() - wall, time.thread_time() - cpu)
            return stored
        except (ValueError, sqlite3.IntegrityError) as exc:
            self.groups = groups
            if len(batch) == 1:
                return [Outcome(None, error=str(exc))]
        return [self.store([new])[0] for new in batch]

    def write(self, batch: Iterable[NewArticle]) -> list[Outcome]:
        """Store articles in the caller's transaction; one whose text is here already (or
        earlier in the batch) is not stored again (``same_text``)."""
        batch = list(batch)
        found = self._stored({new.digest for new in batch})
        rows = _Rows(self)
        outcomes, same = [], []
        for n, new in enumerate(batch):
            if new.digest in found:
                outcomes.append(Outcome(found[new.digest]))
                same.append(n)
                continue
            found[new.digest] = article_id = rows.next_id["articles"]
            rows.next_id["articles"] += 1
            rows.article(article_id, new)
            outcomes.append(Outcome(article_id, new=True))
        rows.write()
        for n in same:
            article_id = found[batch[n].digest]
            outcomes[n] = Outcome(article_id, versions=self.same_text(article_id, batch[n].draft))
        return outcomes

    def same_text(self, article_id: int, draft: ArticleDraft) -> Versions | None:
        """In the transaction, once the batch's articles are written: what a draft whose text
        is article ``article_id`` stores besides (nothing; an import's writer stores the
        versions of the annotators it names, store/datasets.py)."""
        return None

    def _stored(self, digests: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for part in chunks(digests):
            found.update(self.db.execute(
                f"SELECT hash, id FROM articles WHERE hash IN ({marks(part)})", part))
        return found

    def member(self, member: DocGroupMember, annotation_id: int, who: str | None = None) -> None:
        """Put a claim into its group (``who``'s membership, else the importer's); a claim is
        in one group at most, so the groups of a claim listed in two (files of older
        versions) become one, the older of them."""
        claims = self.claims
        present = claims.group_of(annotation_id)
        group_id = self.groups.get(member.group_key)
        if group_id is None:
            group_id = present if present is not None else claims.add_group(member.group)
        elif present is not None and present != group_id:
            keep, merged = sorted((present, group_id))
            claims.merge_groups(keep, merged)
            self.groups = {k: keep if g == merged else g for k, g in self.groups.items()}
            group_id = keep
        self.groups[member.group_key] = group_id
        if present is None:
            claims.add_member(group_id, annotation_id, who or self.annotator, value=member.value,
                              stance=member.stance)
        if member.holds:
            claims.update_group(group_id, holding_id=annotation_id)


def next_ids(db: Database, tables: Iterable[str]) -> dict[str, int]:
    """The id SQLite gives the next row of each table (AUTOINCREMENT or not)."""
    return {table: db.execute(
        f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
        f"coalesce((SELECT max(id) FROM {table}), 0)) + 1", [table]).fetchone()[0]
        for table in tables}


class _Rows:
    """One batch's rows, built in one walk over its articles, written table by table. Names
    (annotators, labels, models, sources) are looked up when first met, in the order storing
    the articles one by one met them, so that their ids are the same too."""

    def __init__(self, writer: ArticleWriter) -> None:
        self.writer = writer
        self.db = writer.db
        self.stamp = now()
        self.next_id = next_ids(self.db, ("articles", "suggestions", "annotations"))
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _INSERTS}
        self.members: list[tuple[DocGroupMember, int, str | None]] = []
        self.labels = set(self.db.execute("SELECT layer, name FROM labels").fetchall())
        self.annotators: dict[str, int] = {}
        self.models: dict[tuple[str, str], int] = {}
        self.sources: dict[str, int] = {}

    def write(self) -> None:
        """Every table's rows, then the claim groups (which need the claims stored)."""
        conn = self.db.conn
        for table, sql in _INSERTS.items():
            rows = self.rows[table]
            whole = len(rows) - len(rows) % _MANY
            for start in range(0, whole, _MANY):
                conn.execute(_MANY_INSERTS[table],
                             list(chain.from_iterable(rows[start:start + _MANY])))
            if whole < len(rows):
                conn.executemany(sql, rows[whole:])
        for member, annotation_id, who in self.members:
            self.writer.member(member, annotation_id, who)

    def article(self, article_id: int, new: NewArticle) -> None:
        """One article's rows, in the order the article-by-article import stored them."""
        d, stamp = new.draft, self.stamp
        status = d.status if d.status is not None else Status.NEW
        self.rows["articles"].append((
            article_id, new.digest, d.title or _first_line(d.text), d.outlet, d.author, d.url,
            d.published, d.language, dump_json(d.meta), d.source_path, status.value,
            None if status is Status.NEW else stamp, stamp, len(d.text), d.text))
        self.content(article_id, d, owned(d))
        for info, spans in new.zones:
            self.suggestions(article_id, info, spans, Layer.STRUCTURE)
        self.rows["sentences"] += [(article_id, s, e) for s, e in sorted(set(new.sentences))]
        if new.pending is not None:
            self.rows["zones_pending"].append((article_id, new.pending))

    def content(self, article_id: int, d: ArticleDraft,
                versions: list[str] | None = None) -> None:
        """A draft's spans, open suggestions, links and group memberships. With ``versions``
        (``owned(d)``: every span names its annotator) they are those annotators' versions:
        a link or membership is its (first) span's annotator's, each gets a versions row
        (unless the file says the article is new: rows written without a version)."""
        if d.spans:
            self.spans(article_id, d.spans, d.annotator or self.writer.annotator)
        ids = {s.key: self.doc_span(article_id, s) for s in d.annotations}
        self.open_suggestions(article_id, d.suggestions or [])
        who = {s.key: s.made.annotator for s in d.annotations if s.made} if versions else {}
        for link in d.links:
            self.rows["links"].append((
                ids[link.from_key], ids[link.to_key], link.kind,
                self.annotator(who.get(link.from_key) or self.writer.annotator),
                dump_json(link.attrs), self.stamp))
        for member in d.groups:
            owner = who.get(member.span_key)
            self.annotator(owner or self.writer.annotator)  # as add_member would register it
            self.members.append((member, ids[member.span_key], owner))
        if versions and d.status is not Status.NEW:  # new: their rows, no version yet
            status = (Status.DONE if d.status is Status.DONE else Status.IN_PROGRESS).value
            self.rows["versions"] += [(article_id, self.annotator(name), status, self.stamp,
                                       self.stamp) for name in versions]

    def spans(self, article_id: int, spans: list[Span], annotator: str) -> None:
        """A file's plain entity spans (most of a pre-annotated import)."""
        who, stamp = self.annotator(annotator), self.stamp
        first = self.next_id["annotations"]
        for span in spans:
            if (_ENTITY, span.label) not in self.labels:
                self.label(Layer.ENTITY, span.label)
        self.rows["entities"] += [(first + n, article_id, s.label, s.start, s.end, who, stamp,
                                   stamp) for n, s in enumerate(spans)]  # fewer values to bind
        self.next_id["annotations"] += len(spans)

    def doc_span(self, article_id: int, s: DocSpan) -> int:
        """One annotation as the file says who made it, when, from which model."""
        self.label(s.layer, s.label)
        source_id = self.source(s.source, s.source_kind) if s.source else None
        made = s.made or Provenance()
        who = made.annotator or self.writer.annotator
        span = Span(s.start, s.end, s.label)
        suggestion_id = None
        if made.model and made.model_version:
            suggestion_id = self.next_id["suggestions"]
            self.suggestions(article_id, ModelInfo(made.model, made.model_version), [span],
                             s.layer, made.at)
            self.rows["suggestion_decisions"].append(
                (suggestion_id, self.annotator(who), made.at or self.stamp))
        return self.annotation(article_id, s.layer, span, who, made.at, attrs=s.attrs,
                               suggestion_id=suggestion_id, source_id=source_id)

    def annotation(self, article_id: int, layer: Layer, span: Span, who: str, at: str | None,
                   *, attrs: dict[str, Any] | None = None, suggestion_id: int | None = None,
                   source_id: int | None = None) -> int:
        annotation_id = self.next_id["annotations"]
        self.next_id["annotations"] += 1
        stamp = at or self.stamp
        self.rows["annotations"].append((
            annotation_id, article_id, layer.value, span.label, span.start, span.end,
            self.annotator(who), suggestion_id, dump_json(attrs) if attrs else "{}", stamp, stamp,
            source_id))
        return annotation_id

    def open_suggestions(self, article_id: int, spans: list[DocSpan]) -> None:
        """The file's open suggestions, stored as its models' suggestions."""
        by_model: dict[tuple[str, str, Layer], list[Span]] = {}
        for s in spans:
            made = s.made or Provenance()
            key = (made.model or "unknown", made.model_version or "", s.layer)
            by_model.setdefault(key, []).append(Span(s.start, s.end, s.label, made.score))
        for (name, version, layer), found in by_model.items():
            self.suggestions(article_id, ModelInfo(name, version), found, layer)

    def suggestions(self, article_id: int, info: ModelInfo, spans: list[Span], layer: Layer,
                    at: str | None = None) -> None:
        model_id = self.model(info)
        for s in spans:
            self.rows["suggestions"].append((
                self.next_id["suggestions"], article_id, model_id, layer.value, s.label,
                s.start, s.end, s.score, at or self.stamp))
            self.next_id["suggestions"] += 1

    def label(self, layer: Layer, name: str) -> None:
        if (layer.value, name) not in self.labels:
            ensure_label(self.db, layer, name)
            self.labels.add((layer.value, name))

    def annotator(self, name: str) -> int:
        if name not in self.annotators:
            self.annotators[name] = ensure_annotator(self.db, name)
        return self.annotators[name]

    def model(self, info: ModelInfo) -> int:
        key = (info.name, info.version)
        if key not in self.models:
            self.models[key] = ensure_model(self.db, info)
        return self.models[key]

    def source(self, name: str, kind: str | None) -> int:
        if name not in self.sources:
            found = self.writer.claims.source_by_name(name)
            self.sources[name] = found.id if found else self.writer.claims.add_source(
                name, kind or "other")
        return self.sources[name]


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
