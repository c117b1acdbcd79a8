"""The rankers over a ``MatchSnapshot`` of a Matcher's index: scores for every sentence and
claim, merged and cut.

A sentence that overlaps a claim of its article is shown as that claim (the claim is what can
be grouped), with the better of the two scores. The rankers read only the snapshot they are
given (and the project, for the texts and outlets of the candidates they return).
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct, field

from annotator.app import matching_text
from annotator.app.matching_types import MatchCandidate, MatchingError, MatchSnapshot
from annotator.nlp import rerank
from annotator.nlp.match_features import compare, fold
from annotator.store import Project

POOL_ROWS = 50  # sentences and claims pooled before merging with each other
RERANK_DEPTH = 5  # tfidf candidates the learned model re-orders: as many as it was shown


class Item(Struct):
    """A pooled candidate: an index row or a claim, by position in the snapshot."""

    kind: str  # "sentence" or "claim"
    row: int  # index row (sentence) or position in the claim list
    article_id: int
    score: float
    parts: dict[str, float] = field(default_factory=dict)


def _scores(m: MatchSnapshot, text: str,
            method: str) -> tuple[Any, Any, dict[str, tuple[Any, Any]]]:
    """(sentence scores, claim scores, named parts) of one method."""
    import numpy as np

    if method == "rapidfuzz":
        from rapidfuzz import fuzz, process

        query = fold(text)
        assert m.sentence_texts is not None
        sent = [fold(t) for t in m.sentence_texts]
        claims = [fold(c.text) for c in m.claims]
        s, c = (process.cdist([query], texts, scorer=fuzz.token_set_ratio)[0] / 100.0
                if texts else np.zeros(0) for texts in (sent, claims))
        return s, c, {"token_set_ratio": (s, c)}
    s = m.lex.scores(text, pool=4 * POOL_ROWS, texts=m.row_texts)
    c = m.lex.cosine_rows(text, m.claim_rows)
    if method != "semantic":
        return s, c, {"tfidf": (s, c)}
    assert m.sentence_vectors is not None and m.text_vectors is not None
    q = m.text_vectors([text])[0]
    es = m.sentence_vectors @ q
    ec = m.text_vectors([x.text for x in m.claims]) @ q if m.claims else np.zeros(0)
    return s, c, {"tfidf": (s, c), "semantic": (es, ec)}


def _standardise(parts: dict[str, tuple[Any, Any]], s_ok: Any, c_ok: Any) -> tuple[Any, Any]:
    """Average of each part's z-scores over this query's candidates (other articles only)."""
    import numpy as np

    total_s, total_c = 0.0, 0.0
    for s, c in parts.values():
        both = np.concatenate([s[s_ok], c[c_ok]])
        mean, std = (float(both.mean()), float(both.std()) or 1.0) if len(both) else (0.0, 1.0)
        total_s, total_c = total_s + (s - mean) / std, total_c + (c - mean) / std
    return total_s / len(parts), total_c / len(parts)


def pool(m: MatchSnapshot, text: str, exclude: int | None, method: str) -> list[Item]:
    """The best POOL_ROWS sentences and claims other than ``exclude``'s, best first, a sentence
    under a claim of its article folded into the claim."""
    import numpy as np

    base = "tfidf" if method == "learned" else method
    s, c, parts = _scores(m, text, base)
    s_ok = m.lex.alive & (np.asarray(m.lex.articles) != exclude if exclude is not None
                          else True)
    c_art = np.array([x.article_id for x in m.claims], dtype=np.int64)
    c_ok = c_art != exclude if exclude is not None else np.ones(len(c), dtype=bool)
    final_s, final_c = _standardise(parts, s_ok, c_ok) if base == "semantic" else (s, c)
    final_s, final_c = np.where(s_ok, final_s, -np.inf), np.where(c_ok, final_c, -np.inf)

    def part(i: int, claim: bool) -> dict[str, float]:
        return {k: round(float(v[1 if claim else 0][i]), 4) for k, v in parts.items()}

    claims = {int(i): Item("claim", int(i), int(c_art[i]), float(final_c[i]), part(i, True))
              for i in _top(final_c, POOL_ROWS)}
    by_article: dict[int, list[int]] = {}
    for i, x in enumerate(m.claims):
        by_article.setdefault(x.article_id, []).append(i)
    items: list[Item] = []
    best = _top(final_s, POOL_ROWS)  # their articles and spans read at once
    for i, art, (start, end) in zip(best, m.lex.articles[best].tolist(), m.spans[best].tolist(),
                                    strict=True):
        under = [j for j in by_article.get(art, ())
                 if m.claims[j].start < end and start < m.claims[j].end]
        if not under:
            items.append(Item("sentence", int(i), art, float(final_s[i]), part(i, False)))
        for j in under:
            if j not in claims or claims[j].score < final_s[i]:
                claims[j] = Item("claim", j, art, float(final_s[i]), part(i, False))
    items += claims.values()
    items.sort(key=lambda it: it.score, reverse=True)
    return items[:POOL_ROWS]


def _top(scores: Any, k: int) -> list[int]:
    """Indices of the k best finite scores (unordered)."""
    import numpy as np

    finite = np.flatnonzero(np.isfinite(scores) & (scores > -np.inf))
    if len(finite) > k:
        finite = finite[np.argpartition(-scores[finite], k - 1)[:k]]
    return [int(i) for i in finite]


def rank(m: MatchSnapshot, project: Project, text: str, exclude: int | None, top: int,
         method: str) -> list[MatchCandidate]:
    """The ``top`` candidates of one method, with texts, outlets and shared words."""
    items = pool(m, text, exclude, method)
    spans = m.spans
    texts = {it.row: t for it, t in zip(
        (it for it in items if it.kind == "sentence"),
        _sentence_texts(m, project, [it for it in items if it.kind == "sentence"]), strict=True)}
    if method == "learned":
        items = _rerank(m, text, items, texts)
    chosen = items[:top]
    outlets = project.outlets([it.article_id for it in chosen])
    return [_candidate(m, query=text, it=it, spans=spans, texts=texts, method=method,
                       outlet=outlets[it.article_id]) for it in chosen]


def _rerank(m: MatchSnapshot, text: str, items: list[Item],
            texts: dict[int, str]) -> list[Item]:
    """Re-order the first RERANK_DEPTH tfidf candidates by the learned model; the rest keep
    their tfidf order below them (the model only ever saw candidates that were shown)."""
    reranker = m.reranker
    assert reranker is not None
    if not reranker.trained:
        raise MatchingError(matching_text.learned_line(reranker))
    head, tail = items[:RERANK_DEPTH], items[RERANK_DEPTH:]
    rows = []
    for it in head:
        cand = m.claims[it.row].text if it.kind == "claim" else texts[it.row]
        semantic = None
        if "semantic" in reranker.features:
            assert m.text_vectors is not None
            semantic = float(m.text_vectors([text])[0] @ m.text_vectors([cand])[0])
        rows.append(rerank.pair_features(text, cand, it.parts["tfidf"], semantic))
    for it, row, p in zip(head, rows, reranker.score(rows), strict=True):
        it.score, it.parts = p, {k: round(v, 4) for k, v in row.items()}
    head.sort(key=lambda it: it.score, reverse=True)
    for it in tail:
        it.score = 0.0
    return head + tail


def _sentence_texts(m: MatchSnapshot, project: Project, items: list[Item]) -> list[str]:
    ids = m.lex.keys[[it.row for it in items]].tolist()
    by_id = {s.id: s.text for s in project.matching.sentences(ids)}
    return [by_id[i] for i in ids]


def _candidate(m: MatchSnapshot, *, query: str, it: Item, spans: Any, texts: dict[int, str],
               method: str, outlet: str) -> MatchCandidate:
    if it.kind == "claim":
        claim = m.claims[it.row]
        start, end, text, ann, sid = claim.start, claim.end, claim.text, claim.id, None
    else:
        (start, end), text = (int(x) for x in spans[it.row]), texts[it.row]
        ann, sid = None, int(m.lex.keys[it.row])
    shared = tuple(compare(query, text)[1])
    return MatchCandidate(it.kind, it.article_id, outlet, start, end, text, round(it.score, 4),
                          it.parts, shared, ann, sid, method)


def fit(m: MatchSnapshot, project: Project, use_semantic: bool) -> rerank.Reranker:
    """Train the re-ranker on the project's decisions (features as at ranking time)."""
    from annotator.nlp.lexical import vectorize

    decisions = project.matching.decisions()
    rows, labels, groups = [], [], []
    for d in decisions:
        tfidf = float(m.lex.cosine_rows(d.query_text, vectorize([d.candidate_text]))[0])
        sem = None
        if use_semantic:
            assert m.text_vectors is not None
            vq, vc = m.text_vectors([d.query_text, d.candidate_text])
            sem = float(vq @ vc)
        rows.append(rerank.pair_features(d.query_text, d.candidate_text, tfidf, sem))
        labels.append(1 if d.decision == "confirmed" else 0)
        groups.append((d.query.article_id, d.query.start, d.query.end))
    features = (*rerank.LEXICAL, "semantic") if use_semantic else rerank.LEXICAL
    return rerank.train(rows, labels, groups, features)
