"""The rankers on hand-built snapshots: no Matcher, only the index, claims and vectors given."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from annotator.app.matching import ensure_sentences
from annotator.app.matching_rank import Item, pool, rank
from annotator.app.matching_types import MatchingError, MatchSnapshot
from annotator.core.model import ArticleDraft
from annotator.nlp.lexical import N_FEATURES, LexicalIndex, vectorize
from annotator.nlp.rerank import FEW_DECISIONS, LEXICAL, Reranker
from annotator.store import Project
from annotator.store.matching_store import Sentence

ARTICLES = {
    1: ["Deutschland und Tschechien haben am Mittwoch in Dresden den Vertrag unterzeichnet.",
        "Er gilt 40 Jahre."],
    2: ["Der Vertrag wurde am Donnerstag in Prag unterzeichnet.",
        "Die Laufzeit beträgt 45 Jahre."],
    3: ["Im Derby gewann Radebeul mit 2:1 gegen Coswig."],
}


def by_hand() -> list[Sentence]:
    """The sentences of ARTICLES, ids 11, 12, 21, ... (article, position), one space apart."""
    out = []
    for article, texts in ARTICLES.items():
        start = 0
        for n, text in enumerate(texts, start=1):
            out.append(Sentence(10 * article + n, article, start, start + len(text), text))
            start += len(text) + 1
    return out


def snapshot(sentences: Sequence[Sentence], claims: Sequence[Sentence] = (),
             **extra: Any) -> MatchSnapshot:
    lex = LexicalIndex()
    lex.add([s.id for s in sentences], [s.article_id for s in sentences],
            vectorize([s.text for s in sentences]), [(s.start, s.end) for s in sentences])
    lex.refit()
    rows = (vectorize([c.text for c in claims]) if claims
            else csr_matrix((0, N_FEATURES), dtype="float32"))
    return MatchSnapshot(lex, lex.spans, claims, rows, **extra)


def ids(m: MatchSnapshot, items: list[Item]) -> list[int]:
    """The sentence id of each sentence item, the claim id of each claim item."""
    return [int(m.lex.keys[it.row]) if it.kind == "sentence" else m.claims[it.row].id
            for it in items]


def test_tfidf_pool_puts_the_closest_sentence_first_and_leaves_out_the_query_article() -> None:
    m = snapshot(by_hand())
    query = "Der Vertrag wurde in Prag unterzeichnet."
    assert ids(m, pool(m, query, None, "tfidf"))[:2] == [21, 11]
    items = pool(m, query, 2, "tfidf")
    assert ids(m, items)[0] == 11 and not {21, 22} & set(ids(m, items))
    assert [it.score for it in items] == sorted((it.score for it in items), reverse=True)
    assert all(set(it.parts) == {"tfidf"} for it in items)


def test_a_sentence_under_a_claim_is_pooled_as_the_claim_with_the_better_score() -> None:
    sentences = by_hand()
    prag = next(s for s in sentences if s.id == 21)
    claim = Sentence(7, 2, prag.start, prag.start + 30, prag.text[:30])  # "Der Vertrag wurde am"
    m = snapshot(sentences, [claim])
    items = pool(m, "Der Vertrag wurde am Donnerstag in Prag unterzeichnet.", 1, "tfidf")
    first = items[0]
    assert (first.kind, first.article_id, ids(m, [first])) == ("claim", 2, [7])
    assert first.score == pytest.approx(1.0, abs=1e-4)  # the sentence's own score, not the claim's
    assert 21 not in [i for it, i in zip(items, ids(m, items), strict=True)
                      if it.kind == "sentence"]


def test_rapidfuzz_ranks_the_snapshot_texts_by_token_set_ratio() -> None:
    sentences = by_hand()
    m = snapshot(sentences, sentence_texts=[s.text for s in sentences])
    items = pool(m, "die Laufzeit beträgt 45 Jahre.", None, "rapidfuzz")
    assert ids(m, items)[0] == 22 and items[0].score == 1.0
    assert set(items[0].parts) == {"token_set_ratio"}


def test_semantic_standardises_the_snapshot_vectors_with_tfidf() -> None:
    sentences = by_hand()
    query = "Wie lange gilt der Vertrag?"
    vectors = {s.id: np.eye(1, 4, 1 if s.id == 22 else 2, dtype=np.float32)[0]
               for s in sentences}  # only the term of the treaty means the same as the query

    def embed(texts: list[str]) -> np.ndarray:
        return np.stack([np.eye(1, 4, 1 if t == query else 3, dtype=np.float32)[0]
                         for t in texts])

    tfidf = snapshot(sentences)
    m = snapshot(sentences, text_vectors=embed,
                 sentence_vectors=np.stack([vectors[s.id] for s in sentences]))
    assert ids(tfidf, pool(tfidf, query, 1, "tfidf"))[0] == 21
    items = pool(m, query, 1, "semantic")
    assert ids(m, items)[0] == 22 and items[0].parts["semantic"] == 1.0
    assert set(items[0].parts) == {"tfidf", "semantic"}


class ByNumbers:
    """A stand-in model: confirms a candidate as likely as its numbers agree with the query."""

    def predict_proba(self, x: list[list[float]]) -> np.ndarray:
        p = np.asarray(x, dtype=float)[:, 0]
        return np.column_stack([1 - p, p])


@pytest.fixture
def stored(tmp_path: Path):
    """A project holding ARTICLES (outlets "Outlet 1", ...) and its sentences as stored."""
    with Project.open(tmp_path / "p.db") as project:
        for article, texts in ARTICLES.items():
            assert project.add_article(ArticleDraft(
                text=" ".join(texts), title=f"Artikel {article}", outlet=f"Outlet {article}"))
        ensure_sentences(project)
        yield project, project.matching.sentences()


def test_rank_returns_candidates_with_texts_outlets_and_shared_words(stored) -> None:
    project, sentences = stored
    m = snapshot(sentences)
    found = rank(m, project, "Der Vertrag wurde am Donnerstag unterzeichnet.", 1, 3, "tfidf")
    assert len(found) == 3 and {c.article_id: c.outlet for c in found} == {
        2: "Outlet 2", 3: "Outlet 3"}
    first = found[0]
    assert (first.kind, first.article_id, first.text) == (
        "sentence", 2, "Der Vertrag wurde am Donnerstag in Prag unterzeichnet.")
    assert project.article(2).text[first.start:first.end] == first.text
    assert first.sentence_id == sentences[2].id and first.annotation_id is None
    assert {"Vertrag", "unterzeichnet"} <= set(first.shared) and first.method == "tfidf"


def test_learned_reorders_the_tfidf_head_by_the_snapshot_model(stored) -> None:
    project, sentences = stored
    query = "Der Vertrag wurde unterzeichnet und gilt 45 Jahre."
    tfidf = rank(snapshot(sentences), project, query, 1, 5, "tfidf")
    model = Reranker(("numbers",), decisions=8, model=ByNumbers(), auc=1.0, auc_default=0.5)
    learned = rank(snapshot(sentences, reranker=model), project, query, 1, 5, "learned")
    assert tfidf[0].text != "Die Laufzeit beträgt 45 Jahre."
    assert learned[0].text == "Die Laufzeit beträgt 45 Jahre." and learned[0].score == 1.0
    assert sorted(c.text for c in learned) == sorted(c.text for c in tfidf)
    assert learned[0].parts["numbers"] == 1.0 and learned[0].method == "learned"


def test_learned_without_a_model_says_why(stored) -> None:
    project, sentences = stored
    untrained = Reranker(LEXICAL, decisions=2, confirmed=1, reason=FEW_DECISIONS)
    with pytest.raises(MatchingError, match="not trained .2 decisions, 1 confirmed: needs 8 "
                                            "with 3 of each kind"):
        rank(snapshot(sentences, reranker=untrained), project, "Vertrag", 1, 5, "learned")


def test_the_rankers_never_import_the_matcher() -> None:
    """Not even for type hints: they read a snapshot, so they can be used without a Matcher."""
    import grimp

    graph = grimp.build_graph("annotator")
    assert graph.find_shortest_chain("annotator.app.matching", "annotator.app.matching_rank")
    assert graph.find_shortest_chain("annotator.app.matching_rank",
                                     "annotator.app.matching") is None
