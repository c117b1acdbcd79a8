"""Models and their suggestions, and the decisions annotators took on them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from annotator.core.model import REVIEWED_LAYERS, Layer, ModelInfo, Span, Suggestion
from annotator.core.spans import check_span
from annotator.store.annotations import ensure_annotator
from annotator.store.sql import (
    chunks,
    insert,
    insert_rows,
    marks,
    now,
    query,
    scalar,
    text_length,
)
from annotator.store.views import viewer

if TYPE_CHECKING:
    from sqlite_utils import Database

# The layers a person reviews suggestion by suggestion; zones (structure) are not counted open.
REVIEWED = tuple(layer.value for layer in REVIEWED_LAYERS)


def ensure_model(db: Database, info: ModelInfo) -> int:
    """The id of a model (name, version), registering it on first use."""
    with db.atomic():
        found = scalar(db, "SELECT id FROM models WHERE name = ? AND version = ?",
                       [info.name, info.version])
        if found is not None:
            return found
        return insert(db, "models", {"name": info.name, "version": info.version,
                                     "path": info.path, "added_at": now()})


class SuggestionTables:
    """Models, suggestions and decisions on them: a part of Project."""

    db: Database

    def model_id(self, info: ModelInfo) -> int:
        """The id of a model (name, version), registering it on first use."""
        return ensure_model(self.db, info)

    def replace_suggestions(
        self, article_id: int, info: ModelInfo, spans: Iterable[Span], layer: Layer = Layer.ENTITY,
        *, keep_decided: bool = False,
    ) -> int:
        """Store a model's suggestions for an article, replacing that model's earlier ones only
        (``keep_decided``: only its open ones; those a person decided on stay, with the
        decision)."""
        spans = list(spans)
        length = text_length(self.db, article_id)
        for span in spans:
            check_span(span.start, span.end, length)
        with self.db.atomic():
            model_id = self.model_id(info)
            self.db.execute(
                "DELETE FROM suggestions WHERE article_id = ? AND model_id = ? AND layer = ?"
                + (" AND id NOT IN (SELECT suggestion_id FROM suggestion_decisions)"
                   if keep_decided else ""),
                [article_id, model_id, layer.value],
            )
            stamp = now()
            self.db.conn.executemany(
                'INSERT INTO suggestions (article_id, model_id, layer, label, start, "end", '
                "score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, model_id, layer.value, s.label, s.start, s.end, s.score, stamp)
                 for s in spans])
        return len(spans)

    def replace_suggestions_batch(
        self, info: ModelInfo, found: Iterable[tuple[int, Iterable[Span]]],
        layer: Layer = Layer.ENTITY,
    ) -> list[int]:
        """replace_suggestions for many articles at once, each (article id, spans): one
        transaction, one DELETE and one INSERT (executemany) for all; how many each got.
        Suggestions somebody decided on stay, with their decisions, and a span the model finds
        again where one of them is is not suggested a second time: running a model again
        never undoes or repeats a person's review; one that is an annotation is accepted by its
        annotator (``accept_annotated``)."""
        batch = [(article_id, list(spans)) for article_id, spans in found]
        ids = [article_id for article_id, _ in batch]
        lengths: dict[int, int] = {}
        for part in chunks(ids):
            lengths.update(self.db.execute(f"SELECT id, char_count FROM articles WHERE id IN "
                                           f"({marks(part)})", part).fetchall())
        for article_id, spans in batch:
            if article_id not in lengths:
                raise KeyError(f"no article {article_id}")
            for span in spans:
                check_span(span.start, span.end, lengths[article_id])
        with self.db.atomic():
            model_id = self.model_id(info)
            self.db.conn.executemany(
                "DELETE FROM suggestions WHERE article_id = ? AND model_id = ? AND layer = ? "
                "AND id NOT IN (SELECT suggestion_id FROM suggestion_decisions)",
                [(article_id, model_id, layer.value) for article_id in ids])
            decided = self._decided(ids, model_id, layer)
            stamp = now()
            self.db.conn.executemany(
                'INSERT INTO suggestions (article_id, model_id, layer, label, start, "end", '
                "score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, model_id, layer.value, s.label, s.start, s.end, s.score, stamp)
                 for article_id, spans in batch for s in spans
                 if (article_id, s.start, s.end, s.label) not in decided])
            accept_annotated(self.db, ids)
        return [len(spans) for _, spans in batch]

    def _decided(self, ids: list[int], model_id: int, layer: Layer
                 ) -> set[tuple[int, int, int, str]]:
        """(article, start, end, label) of the model's suggestions that somebody decided on."""
        found: set[tuple[int, int, int, str]] = set()
        for part in chunks(ids):
            found.update(tuple(row) for row in self.db.execute(
                'SELECT article_id, start, "end", label FROM suggestions WHERE model_id = ? '
                f"AND layer = ? AND article_id IN ({marks(part)})",
                [model_id, layer.value, *part]))
        return found

    def suggestions(
        self, article_id: int, model: ModelInfo | None = None, *, open_only: bool = False,
        annotator: str | None = None,
    ) -> list[Suggestion]:
        """An article's suggestions in text order (of one model, or all; or those ``annotator``
        has not decided in what they see: store/views.py; None: those nobody decided)."""
        sql = "s.article_id = ?"
        params: list[Any] = [article_id]
        if model is not None:
            sql += " AND m.name = ? AND m.version = ?"
            params += [model.name, model.version]
        if open_only:
            decided, more = viewer(self.db, annotator).decided()
            sql += f" AND NOT {decided}"
            params += more
        return self._suggestions(sql, params)

    def add_accepted(self, article_id: int, info: ModelInfo, span: Span, layer: Layer,
                     annotator: str, at: str | None = None) -> int:
        """Record a suggestion a model made and a person accepted (``at``: when, else now):
        an imported span made from a suggestion keeps which model made it."""
        check_span(span.start, span.end, text_length(self.db, article_id))
        with self.db.atomic():
            stamp = at or now()
            suggestion_id = insert(self.db, "suggestions", {
                "article_id": article_id, "model_id": self.model_id(info),
                "layer": layer.value, "label": span.label, "start": span.start,
                "end": span.end, "score": span.score, "created_at": stamp})
            insert(self.db, "suggestion_decisions", {
                "suggestion_id": suggestion_id, "decision": "accepted",
                "annotator_id": ensure_annotator(self.db, annotator), "decided_at": stamp})
        return suggestion_id

    def suggestion(self, suggestion_id: int) -> Suggestion:
        """One suggestion; KeyError when there is none."""
        found = self._suggestions("s.id = ?", [suggestion_id])
        if not found:
            raise KeyError(f"no suggestion {suggestion_id}")
        return found[0]

    def _suggestions(self, where: str, params: list[Any]) -> list[Suggestion]:
        rows = query(self.db, f"""SELECT s.*, m.name AS model, m.version AS model_version
            FROM suggestions s JOIN models m ON m.id = s.model_id WHERE {where}
            ORDER BY s.start, s."end", s.id""", params)
        return [
            Suggestion(
                id=r["id"], article_id=r["article_id"], layer=Layer(r["layer"]), start=r["start"],
                end=r["end"], label=r["label"], model=r["model"],
                model_version=r["model_version"], score=r["score"],
            )
            for r in rows
        ]

    def decide(self, suggestion_ids: Iterable[int], decision: str | None, annotator: str) -> None:
        """Record an annotator's ``accepted`` or ``rejected`` for suggestions; None takes their
        decision back (another annotator's stays)."""
        ids = list(suggestion_ids)
        with self.db.atomic():
            who, stamp = ensure_annotator(self.db, annotator), now()
            self.db.execute(f"DELETE FROM suggestion_decisions WHERE annotator_id = ? AND "
                            f"suggestion_id IN ({marks(ids)})", [who, *ids])
            if decision is None:
                return
            insert_rows(self.db, "suggestion_decisions", (
                {"suggestion_id": i, "decision": decision, "annotator_id": who,
                 "decided_at": stamp}
                for i in ids))

    def decisions(self, article_id: int, annotator: str | None = None) -> dict[int, str]:
        """Suggestion id → decision, for one article: in what ``annotator`` sees (None: every
        annotator's, the latest where two decided)."""
        shown, params = viewer(self.db, annotator).shown("d.annotator_id", "s.article_id")
        rows = query(self.db, f"""SELECT d.suggestion_id, d.decision FROM suggestion_decisions d
            JOIN suggestions s ON s.id = d.suggestion_id WHERE s.article_id = ? AND {shown}
            ORDER BY d.decided_at""", [article_id, *params])
        return {r["suggestion_id"]: r["decision"] for r in rows}

    def open_suggestion_counts(self, article_ids: Iterable[int] | None = None,
                               annotator: str | None = None) -> dict[int, int]:
        """Article id → its open (undecided) entity, claim and source suggestions, zones apart;
        of the given articles or of all; for ``annotator`` (None: those nobody decided).
        Articles with none are left out."""
        return open_counts(self.db, article_ids, annotator)

    def articles_without_suggestions(self, info: ModelInfo) -> list[int]:
        """Ids of articles this model has not yet been run on."""
        rows = query(self.db, """SELECT a.id FROM articles a WHERE NOT EXISTS (
                SELECT 1 FROM suggestions s JOIN models m ON m.id = s.model_id
                WHERE s.article_id = a.id AND m.name = ? AND m.version = ?)
            ORDER BY a.id""", [info.name, info.version])
        return [r["id"] for r in rows]



def accept_annotated(db: Database, article_ids: Iterable[int]) -> None:
    """The suggestions of these articles (entities, claims, sources) that are an annotation
    already, same layer, bounds and label, accepted by each annotator who has that annotation,
    as accepting them would have (a decision of theirs on it stays): what arrives in bulk, a
    file's suggestions with its spans or a model run's, is never open over what its
    annotator marked."""
    ids = list(article_ids)
    for part in chunks(ids):
        db.execute(f"""INSERT OR IGNORE INTO suggestion_decisions (suggestion_id, decision,
                annotator_id, decided_at)
            SELECT s.id, 'accepted', n.annotator_id, n.created_at FROM suggestions s
            JOIN annotations n ON n.article_id = s.article_id AND n.layer = s.layer
                AND n.start = s.start AND n."end" = s."end" AND n.label = s.label
            WHERE s.article_id IN ({marks(part)}) AND s.layer IN ({marks(REVIEWED)})""",
                   [*part, *REVIEWED])


def open_counts(db: Database, article_ids: Iterable[int] | None = None,
                annotator: str | None = None) -> dict[int, int]:
    """``SuggestionTables.open_suggestion_counts`` for store parts that are not a Project."""
    decided, params = viewer(db, annotator).decided()
    sql = f"""SELECT s.article_id, count(*) FROM suggestions s
        WHERE s.layer IN ({marks(REVIEWED)}) AND NOT {decided} {{ids}}
        GROUP BY s.article_id"""
    if article_ids is None:
        return dict(db.execute(sql.format(ids=""), [*REVIEWED, *params]).fetchall())
    counts: dict[int, int] = {}
    for part in chunks(article_ids):
        counts.update(db.execute(sql.format(ids=f"AND s.article_id IN ({marks(part)})"),
                                 [*REVIEWED, *params, *part]).fetchall())
    return counts
