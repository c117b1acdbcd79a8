"""Claim matching use case: the maintained candidate index of a project and its rankers.

Plain Python (no Qt): the CLI calls it directly, the GUI in a worker. Candidates for a query (a
claim or any span) are the sentences and the claims of every other article. One ``Matcher`` per
project file and process (``matcher_for``) keeps the sentence index in memory and on disk beside
the project (``<project>.match-index.npz``: posting arrays only, no pickle; rebuilt when missing,
stale or unreadable), and follows the project: new sentences (imports) are hashed and appended,
sentences of deleted articles dropped, claims re-read on every query.

Methods: ``tfidf`` (default), ``rapidfuzz`` (baseline), ``semantic`` (optional, e5 vectors
standardised per query with tfidf) and ``learned`` (re-ranks the tfidf pool with the project's
decisions). ``method_in_use`` picks learned when it beats tfidf in cross-validation, else
semantic when available and every sentence has its vector, else tfidf.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from annotator.app import matching_rank, matching_text
from annotator.app.matching_types import MatchCandidate, MatchingError, MatchSnapshot
from annotator.app.zone_pass import ensure_all_zones, ensure_zones
from annotator.app.zones import kept_sentences, zones_of
from annotator.nlp import rerank, semantic
from annotator.store import Project
from annotator.store.matching_store import MatchSpan, Sentence

if TYPE_CHECKING:
    import numpy as np

    from annotator.nlp.lexical import LexicalIndex

METHODS = ("tfidf", "rapidfuzz", "semantic", "learned")
# The window computes semantic vectors (one core, ~50 sentences a second; 1.5 KB each, all held
# while ranking) only for projects up to this many sentences (~4,000 articles): beyond, hours
# of a core and gigabytes of memory. tfidf ranks there; `eval-matching --method semantic` still
# computes them when asked.
SEMANTIC_MAX = 100_000
Progress = Callable[[int, int, str], None]


def ensure_sentences(project: Project, article_ids: list[int] | None = None,
                     progress: Progress | None = None,
                     cancelled: Callable[[], bool] = lambda: False) -> int:
    """Split the given articles (default: every article without sentences) and store them;
    the zones an import left pending first (their sentences come with them)."""
    if article_ids is None:
        ensure_all_zones(project)
    else:
        ensure_zones(project, article_ids)
    splits = split_missing(project, article_ids, progress=progress, cancelled=cancelled)
    store_sentences(project, splits)
    return len(splits)


def split_missing(project: Project, article_ids: list[int] | None = None, limit: int = 0,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] = lambda: False) -> dict[int, list[Any]]:
    """Sentence bounds of the given articles (default: those without any), without writing:
    the GUI splits in a worker and stores on its own connection, so that no background write
    can invalidate the snapshot of a GUI transaction ("database is locked")."""
    store = project.matching
    todo = store.articles_without_sentences() if article_ids is None else article_ids
    todo = todo[:limit] if limit else todo
    out: dict[int, list[Any]] = {}
    for n, article_id in enumerate(todo, start=1):
        if cancelled():
            break
        out[article_id] = kept_sentences(project.article(article_id).text,
                                         zones_of(project, article_id))
        if progress:
            progress(n, len(todo), QCoreApplication.translate("Matching", "sentence index"))
    return out


def store_sentences(project: Project, splits: dict[int, list[Any]]) -> None:
    """Write sentence bounds found by ``split_missing`` (one transaction)."""
    store = project.matching
    with project.transaction():
        for article_id, spans in splits.items():
            store.replace_sentences(article_id, spans)


_MATCHERS: dict[str, Matcher] = {}
_MATCHERS_LOCK = threading.Lock()


def matcher_for(project: Project) -> Matcher:
    """The process's one Matcher of this project file (a fresh one for in-memory projects)."""
    if project.path is None:  # one per in-memory project object, for its life
        if not isinstance(getattr(project, "_matcher", None), Matcher):
            project._matcher = Matcher(None)  # type: ignore[attr-defined]
        return project._matcher  # type: ignore[attr-defined]
    key = str(Path(project.path).resolve())
    with _MATCHERS_LOCK:
        if key not in _MATCHERS:
            _MATCHERS[key] = Matcher(Path(key))
        return _MATCHERS[key]


def method_in_use(project: Project) -> str:
    """Which ranker the GUI uses for this project now: learned, semantic or tfidf."""
    return matcher_for(project).method_in_use(project)


def record_decision(project: Project, query: MatchSpan, candidate: MatchCandidate,
                    decision: str, annotator: str) -> int:
    """Store that a candidate was confirmed (grouped) or rejected; the learned ranker uses it."""
    return project.matching.record_decision(query, candidate.span(), decision, annotator,
                                            candidate.method)


class Matcher:
    """The maintained index of one project: sentences, claims, vectors and the re-ranker."""

    def __init__(self, project_path: Path | None) -> None:
        self.cache = (project_path.with_name(project_path.name + ".match-index.npz")
                      if project_path else None)
        self.lex: LexicalIndex | None = None
        self.signature: tuple[int, ...] | None = None
        self.lock = threading.RLock()
        self.read_only = False  # the GUI's workers only read: it writes on its own connection
        self._claims: list[Sentence] = []
        self._claim_rows: Any = None
        self._claim_cache: dict[tuple[int, int, int, str], Any] = {}
        self._texts: list[str] | None = None
        self._embedded: dict[str, int] = {}  # model -> every sentence up to here was embedded
        self._ready: tuple[Any, ...] | None = None  # (model, signature) found fully embedded
        self._vectors: np.ndarray | None = None
        self._text_vectors: dict[str, np.ndarray] = {}
        self._reranker: tuple[tuple[Any, ...], rerank.Reranker] | None = None

    # -- keeping up with the project ----------------------------------------------------------

    def sync(self, project: Project, progress: Progress | None = None,
             cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Index new sentences, drop removed ones; True when anything changed."""
        from annotator.app import matching_index

        with self.lock:
            signature = project.matching.sentence_signature()
            if self.lex is not None and signature == self.signature:
                return False
            if not self.read_only and ensure_sentences(project, progress=progress,
                                                       cancelled=cancelled):
                signature = project.matching.sentence_signature()
            if self.lex is None:
                self.lex = matching_index.load(self.cache)
            self.lex, changed = matching_index.follow(self.lex, project, self.cache, progress,
                                                      cancelled)
            if cancelled():
                return changed
            self.lex.refit()
            self.signature = signature
            if changed or self.cache is None or not self.cache.exists():
                matching_index.save(self.lex, self.cache)
            self._texts, self._vectors = None, None
            return True

    def sync_claims(self, project: Project) -> None:
        """Re-read the claims (cheap) and hash only the new or changed ones."""
        from scipy.sparse import csr_matrix, vstack

        from annotator.nlp.lexical import N_FEATURES, vectorize

        claims = project.matching.claim_spans()
        keys = [(c.id, c.start, c.end, c.text) for c in claims]
        new = [k for k in keys if k not in self._claim_cache]
        if new:
            rows = vectorize([k[3] for k in new])
            for i, k in enumerate(new):
                self._claim_cache[k] = rows[i]
        self._claims = claims
        self._claim_rows = (vstack([self._claim_cache[k] for k in keys], format="csr")
                            if keys else csr_matrix((0, N_FEATURES), dtype="float32"))

    # -- which method ------------------------------------------------------------------------

    def semantic_ready(self, project: Project) -> bool:
        """The semantic layer imports and every sentence has its cached vector."""
        if not semantic.available():
            return False
        store, model = project.matching, semantic.model_name()
        key = (model, store.sentence_signature())
        if key[1][3] > SEMANTIC_MAX:
            return False
        if key == self._ready:
            return True
        if key[1][2] == 0 or store.missing_vectors(model, 1, self._embedded.get(model, 0)):
            return False  # one beyond the batches handed out: no need to look before them
        if store.missing_vectors(model, limit=1):
            return False
        self._ready = key
        return True

    def reranker(self, project: Project) -> rerank.Reranker:
        """The learned re-ranker, refitted when decisions (or the index) changed."""
        with self.lock:
            self.sync(project)
            use_semantic = self.semantic_ready(project)
            key = (project.matching.decision_signature(), self.signature, use_semantic)
            if self._reranker is None or self._reranker[0] != key:
                self._reranker = (key, matching_rank.fit(self.snapshot(project), project,
                                                         use_semantic))
            return self._reranker[1]

    def method_in_use(self, project: Project) -> str:
        """learned when it beats tfidf in cross-validation, else semantic when ready, else tfidf."""
        if self.reranker(project).active:
            return "learned"
        return "semantic" if self.semantic_ready(project) else "tfidf"

    def describe(self, project: Project) -> str:
        """What the panel says: the method in use, and why not the others (app/matching_text)."""
        method, status = self.method_in_use(project), semantic.status()
        waiting = status.kind == semantic.AVAILABLE and not self.semantic_ready(project)
        return matching_text.describe(
            method, self.reranker(project), status, waiting,
            project.matching.sentence_count() if waiting else 0, SEMANTIC_MAX)

    # -- ranking ---------------------------------------------------------------------------

    def candidates(self, project: Project, text: str, exclude_article: int | None,
                   top: int = 5, method: str | None = None,
                   compute_missing: bool = True) -> list[MatchCandidate]:
        """The ``top`` sentences and claims of other articles most like ``text``, best first."""
        with self.lock:
            method = method or self.method_in_use(project)
            if method not in METHODS:
                raise MatchingError(f"unknown method {method!r}: one of {', '.join(METHODS)}")
            self.sync(project)
            self.sync_claims(project)
            if not text.strip() or self.lex is None:
                return []
            snapshot = self.snapshot(project, method, compute_missing)
            return matching_rank.rank(snapshot, project, text, exclude_article, top, method)

    def snapshot(self, project: Project, method: str = "tfidf",
                 compute_missing: bool = False) -> MatchSnapshot:
        """What a ranker of ``method`` reads, as of the last sync (take it under the lock)."""
        reranker = self.reranker(project) if method == "learned" else None  # may sync: first
        assert self.lex is not None
        return MatchSnapshot(
            self.lex, self.sentence_spans(project), tuple(self._claims), self._claim_rows,
            text_vectors=self.text_vectors,
            sentence_texts=self.sentence_texts(project) if method == "rapidfuzz" else None,
            sentence_vectors=(self.sentence_vectors(project, compute_missing)
                              if method == "semantic" else None),
            reranker=reranker, row_texts=lambda keys: _texts_of(project, keys))

    # -- what the snapshot holds, loaded once per sync ---------------------------------------

    def sentence_texts(self, project: Project) -> list[str]:
        """The indexed sentences' texts, aligned with the index rows (loaded once per sync)."""
        if self._texts is None:
            assert self.lex is not None
            self._texts = _texts_of(project, self.lex.keys)
        return self._texts

    def sentence_spans(self, project: Project) -> Any:
        """(start, end) per index row."""
        assert self.lex is not None
        return self.lex.spans

    def sentence_vectors(self, project: Project, compute_missing: bool) -> np.ndarray:
        """Semantic vectors aligned with the index rows (computed first when asked to)."""
        import numpy as np

        if compute_missing and not self.read_only:
            embed_missing(project)
        if self._vectors is None:
            assert self.lex is not None
            keys = [int(k) for k in self.lex.keys[self.lex.alive]]
            blobs = project.matching.vectors(semantic.model_name(), keys)
            if len(blobs) < len(keys):
                raise MatchingError(f"semantic: {len(keys) - len(blobs)} sentences still "
                                    "have no vector (they are computed in the background)")
            self._vectors = np.zeros((len(self.lex.keys), semantic.DIM), dtype=np.float32)
            self._vectors[self.lex.alive] = np.frombuffer(
                b"".join(blobs[k] for k in keys), dtype=np.float32).reshape(-1, semantic.DIM)
        return self._vectors

    def text_vectors(self, texts: list[str]) -> np.ndarray:
        """Vectors of claims and queries, kept in memory for the session."""
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self._text_vectors]
        if missing:
            for t, v in zip(missing, semantic.embed(missing), strict=True):
                self._text_vectors[t] = v
        if not texts:
            return np.zeros((0, semantic.DIM), dtype=np.float32)
        return np.stack([self._text_vectors[t] for t in texts])


def embed_missing(project: Project, progress: Progress | None = None,
                  cancelled: Callable[[], bool] = lambda: False, batch: int = 64) -> int:
    """Compute and cache the semantic vectors of sentences that have none; how many were done."""
    done = 0
    total = project.matching.missing_vector_count(semantic.model_name()) if (
        semantic.available()) else 0
    while not cancelled():
        vectors = embed_some(project, batch, cancelled)
        if not vectors:
            break
        store_vectors(project, vectors)
        done += len(vectors)
        if progress:
            progress(done, total, QCoreApplication.translate("Matching", "semantic vectors"))
    return done


def embed_some(project: Project, batch: int = 64,
               cancelled: Callable[[], bool] = lambda: False) -> list[tuple[int, bytes]]:
    """Vectors (float32 bytes) of up to ``batch`` sentences that have none; nothing written.
    Each call goes on after the sentences the last one handed out (no rescan from the start);
    an empty list: every sentence has been handed out, or the project has more than
    ``SEMANTIC_MAX`` sentences."""
    if not semantic.available() or project.matching.sentence_count() > SEMANTIC_MAX:
        return []
    matcher, model = matcher_for(project), semantic.model_name()
    todo = project.matching.missing_vectors(model, batch, matcher._embedded.get(model, 0))
    vectors: Any = semantic.embed([s.text for s in todo], cancelled=cancelled) if todo else []
    done = [(s.id, v.tobytes()) for s, v in zip(todo, vectors, strict=False)]
    if done:
        matcher._embedded[model] = done[-1][0]
    return done


def _texts_of(project: Project, keys: Any) -> list[str]:
    """The texts of these sentences, in their order ("" for one deleted meanwhile)."""
    by_id = {s.id: s.text for s in project.matching.sentences([int(k) for k in keys])}
    return [by_id.get(int(k), "") for k in keys]


def store_vectors(project: Project, vectors: list[tuple[int, bytes]]) -> None:
    """Cache vectors found by ``embed_some``; the matcher reloads them on its next query."""
    project.matching.put_vectors(semantic.model_name(), vectors)
    matcher_for(project)._vectors = None
