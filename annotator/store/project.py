"""A project: one SQLite file holding articles, suggestions, annotations and links."""

from __future__ import annotations

import json
import re
import sqlite3
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.core.hashing import content_hash
from annotator.core.model import (
    Annotation,
    Article,
    ArticleDraft,
    ArticleFilter,
    ArticleSummary,
    Label,
    Layer,
    Link,
    ModelInfo,
    Span,
    Status,
    Suggestion,
)
from annotator.core.spans import check_span
from annotator.store import files
from annotator.store.claims import ClaimStore
from annotator.store.files import OlderProject, ProjectDatabase, ProjectError

IMPORT_ANNOTATOR = "import"  # annotator name for spans that came in with an imported file


@dataclass(frozen=True)
class Upgrade:
    """What opening did to an older project: its versions, and the copy kept from before."""

    from_version: int
    to_version: int
    backup: Path

    def describe(self) -> str:
        return (f"upgraded from schema version {self.from_version} to {self.to_version}; the "
                f"file as it was is kept as {self.backup}")


def now() -> str:
    """UTC timestamp with seconds, ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Project:
    """The store's one entry point; one instance per thread, as SQLite connections are."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.claims = ClaimStore(self)
        self.read_only = False
        self.upgrade: Upgrade | None = None  # set when opening upgraded the file
        self._release: weakref.finalize | None = None  # of files.hold

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False,
             migrate: bool = True) -> Project:
        """Open the project file at ``path``, recognised before anything is written to it.

        ``create``: make a new project when there is no file. ``read_only``: a connection that
        never writes (for a file without write permission too); an older project is refused
        (OlderProject). ``migrate``: upgrade an older project after a backup copy beside it,
        else refuse it. Foreign, damaged and newer files raise ProjectError untouched.
        """
        path = Path(path)
        if not path.exists() and not path.is_symlink():
            if not create or read_only:
                raise ProjectError(f"{path}: no such project file")
            try:
                files.create(path)
            except OSError as exc:
                raise ProjectError(f"{path}: cannot create the project ({exc.strerror})"
                                   ) from exc
            except sqlite3.Error as exc:
                raise ProjectError(f"{path}: cannot create the project ({exc})") from exc
        found = files.recognise(path)
        older = found.version < files.latest_version()
        if older and (read_only or not migrate):
            raise OlderProject(path, found.version)
        if not read_only and not found.writable:
            raise ProjectError(f"{path}: no permission to write to it or to its folder; "
                               f"nothing was changed")
        try:
            db = ProjectDatabase(files.connect(path, write=found.writable))
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: cannot be opened ({exc})") from exc
        upgrade = None
        try:
            db.execute(f"PRAGMA query_only = {int(read_only)}")
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                if older:
                    upgrade = cls._upgrade(db, path, found.version)
                elif not found.marked:  # made before projects carried these marks
                    files.mark(db)
                db.enable_wal()
                db.execute("PRAGMA synchronous = NORMAL")
        except ProjectError:
            db.close()
            raise
        except sqlite3.DatabaseError as exc:
            db.close()
            raise ProjectError(f"{path}: cannot be opened ({exc})") from exc
        project = cls(db, path)
        project.read_only, project.upgrade = read_only, upgrade
        project._release = weakref.finalize(project, files.release, files.hold(path))
        return project

    @staticmethod
    def _upgrade(db: Database, path: Path, version: int) -> Upgrade:
        backup = files.backup(path, db.conn, version)
        try:
            files.migrate(db)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: upgrading from schema version {version} failed "
                               f"({exc}); the step was undone, the file before the upgrade is "
                               f"{backup}") from exc
        return Upgrade(version, files.latest_version(), backup)

    @classmethod
    def memory(cls) -> Project:
        """A throw-away project, for tests."""
        return cls._ready(Database(memory=True), None)

    @classmethod
    def _ready(cls, db: Database, path: Path | None) -> Project:
        db.execute("PRAGMA foreign_keys = ON")
        files.migrate(db)
        return cls(db, path)

    def close(self) -> None:
        """Close the connection; WAL content is checkpointed by SQLite."""
        self.db.close()
        if self._release is not None:
            self._release()  # once only

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """Group several writes into one all-or-nothing step (nests with savepoints)."""
        with self.db.atomic():
            yield self

    def _query(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict]:
        return list(self.db.query(sql, params))

    def _scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self.db.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    # -- articles --------------------------------------------------------------------------

    def add_article(self, draft: ArticleDraft, *, annotator: str = IMPORT_ANNOTATOR) -> int | None:
        """Store a new article with its pre-annotated spans; None when its text is already here."""
        digest = content_hash(draft.text)
        if not draft.text.strip():
            raise ValueError("an article needs text")
        for span in draft.spans:
            check_span(span.start, span.end, len(draft.text))
        with self.db.atomic():
            if self.article_id_by_hash(digest) is not None:
                return None
            article_id = self.db["articles"].insert(
                {
                    "hash": digest,
                    "title": draft.title or _first_line(draft.text),
                    "outlet": draft.outlet,
                    "author": draft.author,
                    "url": draft.url,
                    "published": draft.published,
                    "language": draft.language,
                    "meta": json.dumps(draft.meta, ensure_ascii=False),
                    "source_path": draft.source_path,
                    "status": Status.NEW.value,
                    "imported_at": now(),
                    "char_count": len(draft.text),
                    "text": draft.text,
                }
            ).last_pk
            for span in draft.spans:
                self.ensure_label(Layer.ENTITY, span.label)
                self.add_annotation(article_id, Layer.ENTITY, span, annotator)
        return int(article_id)

    def article_id_by_hash(self, digest: str) -> int | None:
        """The id of the article with this content hash, if any."""
        return self._scalar("SELECT id FROM articles WHERE hash = ?", [digest])

    def article_ids_by_source(self, name: str) -> list[int]:
        """Articles imported from a file of this name (whole path or its last part)."""
        rows = self._query(
            "SELECT id FROM articles WHERE source_path = :n OR source_path LIKE :tail "
            "ORDER BY id",
            {"n": name, "tail": f"%/{name}"},
        )
        return [r["id"] for r in rows]

    def article(self, article_id: int) -> Article:
        """One article with its text; KeyError when there is none."""
        rows = self._query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise KeyError(f"no article {article_id}")
        r = rows[0]
        return Article(
            id=r["id"], hash=r["hash"], text=r["text"], title=r["title"], outlet=r["outlet"],
            author=r["author"], url=r["url"], published=r["published"],
            language=r["language"], status=Status(r["status"]),
            source_path=r["source_path"], meta=json.loads(r["meta"]),
        )

    def count_articles(self, where: ArticleFilter | Status | None = None) -> int:
        """How many articles pass the filter."""
        sql, params = _filter_sql(where)
        return self._scalar(f"SELECT count(*) FROM articles a {sql}", params)

    def list_articles(
        self, offset: int = 0, limit: int = 200, where: ArticleFilter | Status | None = None
    ) -> list[ArticleSummary]:
        """One page of the article list in id order, without texts: what a lazy view fetches."""
        sql, params = _filter_sql(where)
        # OFFSET walks the rows it skips: skip them in the narrow id index, not the wide table.
        rows = self._query(
            f"""{_SUMMARY} WHERE a.id IN (SELECT a.id FROM articles a {sql}
                ORDER BY a.id LIMIT ? OFFSET ?) ORDER BY a.id""",
            [*params, limit, offset])
        return [_summary(r) for r in rows]

    def teach_order(self, where: ArticleFilter | None = None) -> list[int]:
        """Article ids, those whose least certain open suggestion is least certain first;
        articles with no scored open suggestion come last (for active learning)."""
        sql, params = _filter_sql(where)
        rows = self.db.execute(
            f"""SELECT a.id FROM articles a {sql} ORDER BY (
                  SELECT coalesce(min(s.score), 2.0) FROM suggestions s
                  LEFT JOIN suggestion_decisions d ON d.suggestion_id = s.id
                  WHERE s.article_id = a.id AND d.suggestion_id IS NULL) ASC, a.id""",
            params).fetchall()
        return [r[0] for r in rows]

    def summaries(self, article_ids: list[int]) -> list[ArticleSummary]:
        """List rows for given articles, in the order given."""
        if not article_ids:
            return []
        rows = self._query(f"{_SUMMARY} WHERE a.id IN ({_marks(article_ids)})", article_ids)
        by_id = {r["id"]: _summary(r) for r in rows}
        return [by_id[i] for i in article_ids if i in by_id]

    def summary(self, article_id: int) -> ArticleSummary:
        """One row of the article list, to refresh it after a change."""
        rows = self._query(f"{_SUMMARY} WHERE a.id = ?", [article_id])
        if not rows:
            raise KeyError(f"no article {article_id}")
        return _summary(rows[0])

    def position(self, article_id: int, where: ArticleFilter | None = None) -> int | None:
        """The row an article has in the filtered list, or None when the filter hides it."""
        sql, params = _filter_sql(where)
        inside = self._scalar(f"SELECT count(*) FROM articles a {sql} "
                              f"{'AND' if sql else 'WHERE'} a.id = ?", [*params, article_id])
        if not inside:
            return None
        return self._scalar(f"SELECT count(*) FROM articles a {sql} "
                            f"{'AND' if sql else 'WHERE'} a.id < ?", [*params, article_id])

    def article_status(self, article_id: int) -> Status:
        """Where one article stands."""
        value = self._scalar("SELECT status FROM articles WHERE id = ?", [article_id])
        if value is None:
            raise KeyError(f"no article {article_id}")
        return Status(value)

    def set_status(self, article_id: int, status: Status) -> None:
        """Record where the article stands (new, in progress, done)."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE articles SET status = ?, status_changed_at = ? WHERE id = ?",
                [status.value, now(), article_id],
            )

    def article_text_length(self, article_id: int) -> int:
        """Length of the stored text in code points."""
        n = self._scalar("SELECT char_count FROM articles WHERE id = ?", [article_id])
        if n is None:
            raise KeyError(f"no article {article_id}")
        return n

    # -- models and suggestions ------------------------------------------------------------

    def model_id(self, info: ModelInfo) -> int:
        """The id of a model (name, version), registering it on first use."""
        with self.db.atomic():
            found = self._scalar(
                "SELECT id FROM models WHERE name = ? AND version = ?", [info.name, info.version]
            )
            if found is not None:
                return found
            return int(
                self.db["models"].insert(
                    {"name": info.name, "version": info.version, "path": info.path,
                     "added_at": now()}
                ).last_pk
            )

    def replace_suggestions(
        self, article_id: int, info: ModelInfo, spans: Iterable[Span], layer: Layer = Layer.ENTITY
    ) -> int:
        """Store a model's suggestions for an article, replacing that model's earlier ones only."""
        spans = list(spans)
        length = self.article_text_length(article_id)
        for span in spans:
            check_span(span.start, span.end, length)
        with self.db.atomic():
            model_id = self.model_id(info)
            self.db.execute(
                "DELETE FROM suggestions WHERE article_id = ? AND model_id = ? AND layer = ?",
                [article_id, model_id, layer.value],
            )
            stamp = now()
            self.db["suggestions"].insert_all(
                {"article_id": article_id, "model_id": model_id, "layer": layer.value,
                 "label": s.label, "start": s.start, "end": s.end, "score": s.score,
                 "created_at": stamp}
                for s in spans
            )
        return len(spans)

    def suggestions(
        self, article_id: int, model: ModelInfo | None = None, *, open_only: bool = False
    ) -> list[Suggestion]:
        """An article's suggestions in text order (of one model, or all; or those undecided)."""
        sql = "s.article_id = ?"
        params: list[Any] = [article_id]
        if model is not None:
            sql += " AND m.name = ? AND m.version = ?"
            params += [model.name, model.version]
        if open_only:
            sql += " AND d.suggestion_id IS NULL"
        return self._suggestions(sql, params)

    def suggestion(self, suggestion_id: int) -> Suggestion:
        """One suggestion; KeyError when there is none."""
        found = self._suggestions("s.id = ?", [suggestion_id])
        if not found:
            raise KeyError(f"no suggestion {suggestion_id}")
        return found[0]

    def _suggestions(self, where: str, params: list[Any]) -> list[Suggestion]:
        rows = self._query(
            f"""SELECT s.*, m.name AS model, m.version AS model_version
                FROM suggestions s JOIN models m ON m.id = s.model_id
                LEFT JOIN suggestion_decisions d ON d.suggestion_id = s.id WHERE {where}
                ORDER BY s.start, s."end", s.id""",
            params,
        )
        return [
            Suggestion(
                id=r["id"], article_id=r["article_id"], layer=Layer(r["layer"]), start=r["start"],
                end=r["end"], label=r["label"], model=r["model"],
                model_version=r["model_version"], score=r["score"],
            )
            for r in rows
        ]

    def decide(self, suggestion_ids: Iterable[int], decision: str | None, annotator: str) -> None:
        """Record ``accepted`` or ``rejected`` for suggestions; None takes the decision back."""
        ids = list(suggestion_ids)
        with self.db.atomic():
            self.db.execute(
                f"DELETE FROM suggestion_decisions WHERE suggestion_id IN ({_marks(ids)})", ids
            )
            if decision is None:
                return
            who, stamp = self.annotator_id(annotator), now()
            self.db["suggestion_decisions"].insert_all(
                {"suggestion_id": i, "decision": decision, "annotator_id": who,
                 "decided_at": stamp}
                for i in ids
            )

    def decisions(self, article_id: int) -> dict[int, str]:
        """Suggestion id → decision, for one article."""
        rows = self._query(
            """SELECT d.suggestion_id, d.decision FROM suggestion_decisions d
               JOIN suggestions s ON s.id = d.suggestion_id WHERE s.article_id = ?""",
            [article_id],
        )
        return {r["suggestion_id"]: r["decision"] for r in rows}

    def articles_without_suggestions(self, info: ModelInfo) -> list[int]:
        """Ids of articles this model has not yet been run on."""
        rows = self._query(
            """SELECT a.id FROM articles a WHERE NOT EXISTS (
                 SELECT 1 FROM suggestions s JOIN models m ON m.id = s.model_id
                 WHERE s.article_id = a.id AND m.name = ? AND m.version = ?)
               ORDER BY a.id""",
            [info.name, info.version],
        )
        return [r["id"] for r in rows]

    # -- annotators, annotations and links -------------------------------------------------

    def annotator_id(self, name: str) -> int:
        """The id of an annotator, registering the name on first use."""
        name = name.strip()
        if not name:
            raise ValueError("an annotator needs a name")
        with self.db.atomic():
            found = self._scalar("SELECT id FROM annotators WHERE name = ?", [name])
            if found is not None:
                return found
            return int(self.db["annotators"].insert({"name": name, "created_at": now()}).last_pk)

    def annotators(self) -> list[str]:
        """Every annotator's name, in the order they joined."""
        return [r["name"] for r in self._query("SELECT name FROM annotators ORDER BY id")]

    def add_annotation(
        self,
        article_id: int,
        layer: Layer,
        span: Span,
        annotator: str,
        *,
        attrs: dict[str, Any] | None = None,
        suggestion_id: int | None = None,
        annotation_id: int | None = None,
        source_id: int | None = None,
    ) -> int:
        """Store one span in a layer; ``annotation_id`` restores a deleted one (undo)."""
        check_span(span.start, span.end, self.article_text_length(article_id))
        with self.db.atomic():
            stamp = now()
            row = {
                "article_id": article_id, "layer": Layer(layer).value, "label": span.label,
                "start": span.start, "end": span.end,
                "annotator_id": self.annotator_id(annotator), "suggestion_id": suggestion_id,
                "attrs": json.dumps(attrs or {}, ensure_ascii=False),
                "created_at": stamp, "updated_at": stamp, "canonical_source_id": source_id,
            }
            if annotation_id is not None:
                row["id"] = annotation_id
            return int(self.db["annotations"].insert(row).last_pk)

    def update_annotation(
        self,
        annotation_id: int,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        """Relabel, resize or re-attribute a span."""
        current = self.annotation(annotation_id)
        new_start = current.start if start is None else start
        new_end = current.end if end is None else end
        check_span(new_start, new_end, self.article_text_length(current.article_id))
        changes: dict[str, Any] = {"start": new_start, "end": new_end, "updated_at": now()}
        if label is not None:
            changes["label"] = label
        if attrs is not None:
            changes["attrs"] = json.dumps(attrs, ensure_ascii=False)
        with self.db.atomic():
            self.db["annotations"].update(annotation_id, changes)

    def delete_annotation(self, annotation_id: int) -> None:
        """Remove a span and, through the schema, its links."""
        with self.db.atomic():
            self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])

    def annotation(self, annotation_id: int) -> Annotation:
        """One annotation; KeyError when there is none."""
        found = self._annotations("n.id = ?", [annotation_id])
        if not found:
            raise KeyError(f"no annotation {annotation_id}")
        return found[0]

    def overlapping(self, article_id: int, layer: Layer, start: int, end: int) -> list[Annotation]:
        """Annotations of a layer that share a character with [start, end)."""
        return self._annotations(
            'n.article_id = ? AND n.layer = ? AND n.start < ? AND n."end" > ?',
            [article_id, layer.value, end, start])

    def annotations(self, article_id: int, layer: Layer | None = None) -> list[Annotation]:
        """An article's annotations in text order (of one layer, or of all)."""
        if layer is None:
            return self._annotations("n.article_id = ?", [article_id])
        return self._annotations("n.article_id = ? AND n.layer = ?", [article_id, layer.value])

    def _annotations(self, where: str, params: list[Any]) -> list[Annotation]:
        rows = self._query(
            f"""SELECT n.*, a.name AS annotator FROM annotations n
                JOIN annotators a ON a.id = n.annotator_id WHERE {where}
                ORDER BY n.start, n."end", n.id""",
            params,
        )
        return [
            Annotation(
                id=r["id"], article_id=r["article_id"], layer=Layer(r["layer"]),
                start=r["start"], end=r["end"], label=r["label"], annotator=r["annotator"],
                created_at=r["created_at"], updated_at=r["updated_at"],
                attrs=_json(r["attrs"]), suggestion_id=r["suggestion_id"],
                source_id=r["canonical_source_id"],
            )
            for r in rows
        ]

    def add_link(
        self, from_id: int, to_id: int, kind: str, annotator: str,
        attrs: dict[str, Any] | None = None, *, link_id: int | None = None,
    ) -> int:
        """Link two annotations, e.g. a claim to its source; ``link_id`` restores one (undo)."""
        row = {"from_id": from_id, "to_id": to_id, "kind": kind,
               "attrs": json.dumps(attrs or {}, ensure_ascii=False), "created_at": now()}
        if link_id is not None:
            row["id"] = link_id
        with self.db.atomic():
            row["annotator_id"] = self.annotator_id(annotator)
            return int(self.db["links"].insert(row).last_pk)

    def update_link(self, link_id: int, attrs: dict[str, Any]) -> None:
        """Change a link's attributes (a claim's cue and quotation type)."""
        with self.db.atomic():
            self.db["links"].update(link_id, {"attrs": json.dumps(attrs, ensure_ascii=False)})

    def delete_link(self, link_id: int) -> None:
        """Remove one link."""
        with self.db.atomic():
            self.db.execute("DELETE FROM links WHERE id = ?", [link_id])

    def links(self, article_id: int) -> list[Link]:
        """Links that start or end at an annotation of this article."""
        return self._links(
            """l.from_id IN (SELECT id FROM annotations WHERE article_id = :x)
               OR l.to_id IN (SELECT id FROM annotations WHERE article_id = :x)""",
            {"x": article_id},
        )

    def links_of(self, annotation_id: int) -> list[Link]:
        """Links that start or end at one annotation."""
        return self._links("l.from_id = :x OR l.to_id = :x", {"x": annotation_id})

    def _links(self, where: str, params: dict[str, Any]) -> list[Link]:
        rows = self._query(
            f"""SELECT l.*, a.name AS annotator FROM links l
                JOIN annotators a ON a.id = l.annotator_id WHERE {where} ORDER BY l.id""",
            params,
        )
        return [
            Link(id=r["id"], from_id=r["from_id"], to_id=r["to_id"], kind=r["kind"],
                 annotator=r["annotator"], created_at=r["created_at"],
                 attrs=_json(r["attrs"]))
            for r in rows
        ]

    def known_sources(self, limit: int = 40) -> list[str]:
        """Texts of source mentions across the project, most frequent first (for the picker)."""
        rows = self._query(
            """SELECT substr(a.text, n.start + 1, n."end" - n.start) AS name, count(*) AS k
               FROM annotations n JOIN articles a ON a.id = n.article_id
               WHERE n.layer = 'source' GROUP BY name ORDER BY k DESC, name LIMIT ?""",
            [limit],
        )
        return [r["name"] for r in rows]

    # -- labels and settings ---------------------------------------------------------------

    def labels(self, layer: Layer | None = None) -> list[Label]:
        """The label scheme, in display order."""
        where, params = ("WHERE layer = ?", [layer.value]) if layer else ("", [])
        rows = self._query(f"SELECT * FROM labels {where} ORDER BY position, name", params)
        return [
            Label(layer=Layer(r["layer"]), name=r["name"], color=r["color"],
                  shortcut=r["shortcut"], description=r["description"])
            for r in rows
        ]

    def ensure_label(self, layer: Layer, name: str, color: str = "#b0bec5") -> None:
        """Add a label met in imported data or a model's output, keeping existing ones."""
        with self.db.atomic():
            position = self._scalar("SELECT coalesce(max(position), 0) + 1 FROM labels")
            self.db.execute(
                "INSERT OR IGNORE INTO labels (layer, name, color, position) VALUES (?, ?, ?, ?)",
                [layer.value, name, color, position],
            )

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A project-wide setting, such as the suggester pipeline."""
        value = self._scalar("SELECT value FROM settings WHERE key = ?", [key])
        return default if value is None else value

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a project-wide setting."""
        with self.db.atomic():
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")


_SUMMARY = """SELECT a.id, a.title, a.outlet, a.published, a.status, a.source_path, a.char_count,
    (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS n_ann,
    (SELECT count(*) FROM suggestions s LEFT JOIN suggestion_decisions d
       ON d.suggestion_id = s.id WHERE s.article_id = a.id AND d.suggestion_id IS NULL) AS n_sug
    FROM articles a"""


def _summary(r: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary(
        id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"],
        status=Status(r["status"]), source_path=r["source_path"], char_count=r["char_count"],
        annotation_count=r["n_ann"], suggestion_count=r["n_sug"],
    )


def _filter_sql(where: ArticleFilter | Status | None) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for an article filter (``a`` is the articles alias)."""
    if where is None:
        return "", []
    if isinstance(where, Status):
        where = ArticleFilter(status=where)
    clauses, params = [], []
    if where.status is not None:
        clauses.append("a.status = ?")
        params.append(where.status.value)
    if where.label:
        clauses.append(
            "(EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.label = ?)"
            " OR EXISTS (SELECT 1 FROM suggestions s WHERE s.article_id = a.id AND s.label = ?))"
        )
        params += [where.label, where.label]
    match = fts_query(where.query)
    if match:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def fts_query(text: str) -> str:
    """User words → an FTS5 query: every word must occur; words of three letters or more also
    match as a word's beginning (a one-letter prefix would touch most of the index)."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"*' if len(w) >= 3 else f'"{w}"' for w in words)


def _json(value: str) -> dict[str, Any]:
    return {} if value == "{}" else json.loads(value)


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
