"""What the Matcher and its rankers pass between them: what a ranker reads (``MatchSnapshot``),
what it returns (``MatchCandidate``) and the error of a method that cannot be used."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field
from msgspec.structs import asdict

from annotator.store.matching_store import MatchSpan, Sentence

if TYPE_CHECKING:
    import numpy as np

    from annotator.nlp.lexical import LexicalIndex
    from annotator.nlp.rerank import Reranker


class MatchingError(ValueError):
    """A method that cannot be used here (named with the reason)."""


class MatchSnapshot(Struct, frozen=True):
    """The index and claims a ranker reads, taken by the Matcher under its lock, with what the
    method needs besides: texts for rapidfuzz, vectors for semantic, the model for learned."""

    lex: LexicalIndex  # one row per sentence: ``keys`` sentence ids, ``articles`` their article
    spans: Any  # (start, end) of each index row, by row or rows (``LexicalIndex.spans``)
    claims: Sequence[Sentence]  # every claim of the project, with its text
    claim_rows: Any  # the claims' hashed rows (``lexical.vectorize``), aligned with ``claims``
    text_vectors: Callable[[list[str]], np.ndarray] | None = None  # embeds queries and claims
    sentence_texts: Sequence[str] | None = None  # rapidfuzz: the text of each index row
    sentence_vectors: np.ndarray | None = None  # semantic: the vector of each index row
    reranker: Reranker | None = None  # learned
    row_texts: Callable[[Any], list[str]] | None = None  # index rows' texts by key: exact pool


class MatchCandidate(Struct, frozen=True):
    """A ranked sentence or claim of another article, with the parts of its score."""

    kind: str  # "claim" or "sentence"
    article_id: int
    outlet: str
    start: int
    end: int
    text: str
    score: float
    parts: dict[str, float] = field(default_factory=dict)
    shared: tuple[str, ...] = ()
    annotation_id: int | None = None
    sentence_id: int | None = None
    method: str = "tfidf"

    def span(self) -> MatchSpan:
        """The candidate as stored in a decision."""
        return MatchSpan(self.article_id, self.start, self.end, self.annotation_id,
                         self.sentence_id)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return asdict(self) | {"shared": list(self.shared)}
