"""Claim matching in the project file: the sentence index, match decisions, cached vectors."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from annotator.core.spans import check_span
from annotator.store.annotations import ensure_annotator
from annotator.store.sql import chunks, marks, now, query, text_length

if TYPE_CHECKING:
    from sqlite_utils import Database

DECISIONS = ("confirmed", "rejected")


class Sentence(Struct, frozen=True):
    """One indexed sentence: code-point offsets into its article's text."""

    id: int
    article_id: int
    start: int
    end: int
    text: str = ""


class MatchSpan(Struct, frozen=True):
    """A query or a candidate: a span of an article, maybe shown as a claim or a sentence."""

    article_id: int
    start: int
    end: int
    annotation_id: int | None = None
    sentence_id: int | None = None


class MatchDecision(Struct, frozen=True):
    """An annotator confirmed (grouped) or rejected a candidate for a query; texts via substr."""

    id: int
    query: MatchSpan
    candidate: MatchSpan
    decision: str
    method: str
    annotator: str
    decided_at: str
    query_text: str
    candidate_text: str


class MatchingStore:
    """Reads and writes of the matching tables; every write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- sentences -----------------------------------------------------------------------------

    def articles_without_sentences(self) -> list[int]:
        """Articles that have no sentence index yet (imported before it existed)."""
        rows = query(self.db, """SELECT a.id FROM articles a WHERE NOT EXISTS
            (SELECT 1 FROM sentences s WHERE s.article_id = a.id) ORDER BY a.id""")
        return [r["id"] for r in rows]

    def replace_sentences(self, article_id: int, spans: Sequence[tuple[int, int]]) -> int:
        """Store an article's sentence bounds, replacing earlier ones: a sentence whose bounds
        stay keeps its row (its id, cached vectors and the decisions naming it), the others
        are deleted or added (new ids: ids never come back)."""
        length = text_length(self.db, article_id)
        for start, end in spans:
            check_span(start, end, length)
        wanted = set(spans)
        with self.db.atomic():
            rows = self.db.execute('SELECT id, start, "end" FROM sentences WHERE article_id = ?',
                                   [article_id]).fetchall()
            gone = [i for i, s, e in rows if (s, e) not in wanted]
            for chunk in chunks(gone):
                self.db.execute(f"DELETE FROM sentences WHERE id IN ({marks(chunk)})", chunk)
            self.db.conn.executemany(
                'INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?)',
                [(article_id, s, e) for s, e in sorted(wanted - {(s, e) for _, s, e in rows})])
        return len(spans)

    def sentence_signature(self) -> tuple[int, int, int, int]:
        """(articles, highest article id, highest sentence id, sentences): changes whenever
        sentences are added (ids never return) or deleted, also with their article."""
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT coalesce(max(id), 0) FROM articles),"
            " (SELECT coalesce(max(id), 0) FROM sentences), (SELECT count(*) FROM sentences)"
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2]), int(row[3])

    def sentence_count(self) -> int:
        """How many sentences the index has."""
        return int(self.db.execute("SELECT count(*) FROM sentences").fetchone()[0])

    def sentence_ids(self) -> list[int]:
        """Every sentence id, ascending."""
        return [r[0] for r in self.db.execute("SELECT id FROM sentences ORDER BY id")]

    def sentence_id_array(self, after: int = 0) -> array[int]:
        """Sentence ids above ``after``, ascending, 8 bytes each (no Python int kept per
        sentence)."""
        out: array[int] = array("q")
        cursor = self.db.execute("SELECT id FROM sentences WHERE id > ? ORDER BY id", [after])
        while rows := cursor.fetchmany(50_000):
            out.extend(r[0] for r in rows)
        return out

    def sentence_tally(self, upto: int) -> tuple[int, int]:
        """(count, sum) of the sentence ids up to ``upto``: whether any of them went."""
        row = self.db.execute("SELECT count(*), coalesce(sum(id), 0) FROM sentences "
                              "WHERE id <= ?", [upto]).fetchone()
        return int(row[0]), int(row[1])

    def articles_with_sentences_after(self, after: int) -> list[int]:
        """Articles that have a sentence with an id above ``after``."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT article_id FROM sentences WHERE id > ?", [after])]

    def sentence_ids_of(self, articles: Sequence[int], upto: int) -> list[int]:
        """The ids up to ``upto`` of these articles' sentences."""
        out: list[int] = []
        for chunk in chunks(articles):
            out += [r[0] for r in self.db.execute(
                f"SELECT id FROM sentences WHERE article_id IN ({marks(chunk)}) AND id <= ?",
                [*chunk, upto])]
        return out

    def sentences_after(self, after: int, limit: int) -> list[Sentence]:
        """Up to ``limit`` sentences with an id above ``after``, with their texts, in id order
        (a whole index is read this way, chunk by chunk)."""
        return _sentences(self.db.execute(
            f'{_WITH_TEXT} WHERE s.id > ? ORDER BY s.id LIMIT ?', [after, limit]))

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that see one state of the project (a read transaction; others may write)."""
        if self.db.conn.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def sentences(self, ids: Iterable[int] | None = None, *, article_id: int | None = None,
                  with_text: bool = True) -> list[Sentence]:
        """Sentences by id, of one article, or all; in id order."""
        text = ', substr(a.text, s.start + 1, s."end" - s.start) AS t' if with_text else ""
        sql = f'SELECT s.id, s.article_id, s.start, s."end"{text} FROM sentences s'
        sql += " JOIN articles a ON a.id = s.article_id" if with_text else ""
        if article_id is not None:
            return _sentences(self.db.execute(
                f"{sql} WHERE s.article_id = ? ORDER BY s.id", [article_id]))
        if ids is None:
            return _sentences(self.db.execute(f"{sql} ORDER BY s.id"))
        out: list[Sentence] = []
        for chunk in chunks(ids):
            out += _sentences(self.db.execute(f"{sql} WHERE s.id IN ({marks(chunk)})", chunk))
        return sorted(out, key=lambda s: s.id)

    def sentences_overlapping(self, article_id: int, start: int, end: int) -> list[Sentence]:
        """The sentences of an article that share a character with [start, end)."""
        rows = self.db.execute(
            """SELECT s.id, s.article_id, s.start, s."end",
                      substr(a.text, s.start + 1, s."end" - s.start)
               FROM sentences s JOIN articles a ON a.id = s.article_id
               WHERE s.article_id = ? AND s.start < ? AND s."end" > ? ORDER BY s.start""",
            [article_id, end, start])
        return _sentences(rows)

    def claim_spans(self) -> list[Sentence]:
        """Every claim (annotation id, article, start, end, text): candidates beside sentences."""
        rows = self.db.execute(
            """SELECT n.id, n.article_id, n.start, n."end",
                      substr(a.text, n.start + 1, n."end" - n.start)
               FROM annotations n JOIN articles a ON a.id = n.article_id
               WHERE n.layer = 'claim' ORDER BY n.id""")
        return _sentences(rows)

    # -- decisions -----------------------------------------------------------------------------

    def record_decision(self, query: MatchSpan, candidate: MatchSpan, decision: str,
                        annotator: str, method: str = "") -> int:
        """Store a confirmation or rejection; a later decision on the same pair replaces it."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {DECISIONS}, not {decision!r}")
        for span in (query, candidate):
            check_span(span.start, span.end, text_length(self.db, span.article_id))
        row: dict[str, Any] = {"decision": decision, "method": method, "decided_at": now()}
        for prefix, span in (("query", query), ("candidate", candidate)):
            row |= {f"{prefix}_article_id": span.article_id, f"{prefix}_start": span.start,
                    f"{prefix}_end": span.end, f"{prefix}_annotation_id": span.annotation_id,
                    f"{prefix}_sentence_id": span.sentence_id}
        with self.db.atomic():
            row["annotator_id"] = ensure_annotator(self.db, annotator)
            cols = ", ".join(f'"{c}"' for c in row)
            cursor = self.db.execute(
                f"INSERT OR REPLACE INTO match_decisions ({cols}) VALUES ({marks(row)})",
                list(row.values()))
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def decision_row(self, query: MatchSpan, candidate: MatchSpan) -> dict[str, Any] | None:
        """The stored decision on this pair as a row (to put back on undo), or None."""
        return next(self.db.query(  # not sql.query: the argument ``query`` hides it here
            """SELECT * FROM match_decisions WHERE query_article_id = ? AND query_start = ?
               AND query_end = ? AND candidate_article_id = ? AND candidate_start = ?
               AND candidate_end = ?""",
            [query.article_id, query.start, query.end,
             candidate.article_id, candidate.start, candidate.end]), None)

    def delete_decision(self, decision_id: int) -> None:
        """Take one decision back."""
        with self.db.atomic():
            self.db.execute("DELETE FROM match_decisions WHERE id = ?", [decision_id])

    def restore_decision(self, row: dict[str, Any]) -> None:
        """Put back a decision as ``decision_row`` gave it (its id included)."""
        with self.db.atomic():
            cols = ", ".join(f'"{c}"' for c in row)
            self.db.execute(f"INSERT INTO match_decisions ({cols}) VALUES ({marks(row)})",
                            list(row.values()))

    def decisions(self) -> list[MatchDecision]:
        """Every decision with both texts, oldest first."""
        return [_decision(r) for r in query(self.db, _DECISIONS)]

    def decision_signature(self) -> tuple[int, int]:
        """(count, max id) of the decisions: tells a cached re-ranker it is stale."""
        row = self.db.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM match_decisions").fetchone()
        return int(row[0]), int(row[1])

    # -- cached vectors ------------------------------------------------------------------------

    def vectors(self, model: str, ids: Sequence[int]) -> dict[int, bytes]:
        """Cached vectors (raw float32 bytes) of these sentences for one model."""
        out: dict[int, bytes] = {}
        for chunk in chunks(ids):
            for sid, blob in self.db.execute(
                    f"SELECT sentence_id, vector FROM sentence_vectors WHERE model = ? "
                    f"AND sentence_id IN ({marks(chunk)})", [model, *chunk]):
                out[sid] = blob
        return out

    def missing_vectors(self, model: str, limit: int | None = None,
                        after: int = 0) -> list[Sentence]:
        """Sentences (with an id above ``after``) without a cached vector of this model, in
        id order."""
        rows = self.db.execute(
            f"""{_WITH_TEXT} WHERE s.id > ? AND NOT EXISTS (SELECT 1 FROM sentence_vectors v
                                  WHERE v.sentence_id = s.id AND v.model = ?)
                ORDER BY s.id {'LIMIT ?' if limit else ''}""",
            [after, model, limit] if limit else [after, model])
        return _sentences(rows)

    def missing_vector_count(self, model: str) -> int:
        """How many sentences have no cached vector of this model."""
        return int(self.db.execute(
            """SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM
               sentence_vectors v WHERE v.sentence_id = s.id AND v.model = ?)""",
            [model]).fetchone()[0])

    def put_vectors(self, model: str, vectors: Iterable[tuple[int, bytes]]) -> None:
        """Cache sentence vectors (float32 bytes)."""
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO sentence_vectors (sentence_id, model, vector) "
                "VALUES (?, ?, ?)", [(sid, model, blob) for sid, blob in vectors])


_DECISIONS = """
SELECT d.*, n.name AS annotator,
       substr(qa.text, d.query_start + 1, d.query_end - d.query_start) AS query_text,
       substr(ca.text, d.candidate_start + 1, d.candidate_end - d.candidate_start) AS cand_text
FROM match_decisions d
JOIN annotators n ON n.id = d.annotator_id
JOIN articles qa ON qa.id = d.query_article_id
JOIN articles ca ON ca.id = d.candidate_article_id
ORDER BY d.id
"""


_WITH_TEXT = """SELECT s.id, s.article_id, s.start, s."end",
                     substr(a.text, s.start + 1, s."end" - s.start)
              FROM sentences s JOIN articles a ON a.id = s.article_id"""


def _sentences(rows: Iterable[Sequence[Any]]) -> list[Sentence]:
    return [Sentence(r[0], r[1], r[2], r[3], r[4] if len(r) > 4 else "") for r in rows]


def _span(r: dict[str, Any], prefix: str) -> MatchSpan:
    return MatchSpan(r[f"{prefix}_article_id"], r[f"{prefix}_start"], r[f"{prefix}_end"],
                     r[f"{prefix}_annotation_id"], r[f"{prefix}_sentence_id"])


def _decision(r: dict[str, Any]) -> MatchDecision:
    return MatchDecision(
        id=r["id"], query=_span(r, "query"), candidate=_span(r, "candidate"),
        decision=r["decision"], method=r["method"], annotator=r["annotator"],
        decided_at=r["decided_at"], query_text=r["query_text"], candidate_text=r["cand_text"])
