"""Suggestions of many articles written at once store what one article at a time stores."""

from __future__ import annotations

import pytest

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.core.spans import SpanError
from annotator.store import Project

NER = ModelInfo("de_test_ner", "1.0")
OTHER = ModelInfo("de_other_ner", "2.0")


def rows(project: Project, article_id: int) -> list[tuple]:
    return [(s.model, s.layer, s.start, s.end, s.label, s.score)
            for s in project.suggestions(article_id)]


def test_a_batch_replaces_that_models_suggestions_like_one_at_a_time(project: Project) -> None:
    texts = ["Anna Berger 👍🏽 sprach in Dresden.", "In 𝔘 Prag sagte Ondřej Kratochvíl nichts."]
    ids = [project.add_article(ArticleDraft(text=t)) for t in texts]
    for article_id in ids:
        project.replace_suggestions(article_id, NER, [Span(0, 4, "PER", 0.5)])
        project.replace_suggestions(article_id, OTHER, [Span(0, 4, "ORG", 0.9)])
        project.replace_suggestions(article_id, NER, [Span(0, 2, "CLAIM")], layer=Layer.CLAIM)
    found = [(ids[0], [Span(0, 11, "PER", 0.97), Span(25, 32, "LOC", 1.0)]),
             (ids[1], [Span(5, 9, "LOC", 0.5)])]
    assert project.replace_suggestions_batch(NER, found) == [2, 1]
    batched = [rows(project, i) for i in ids]
    for article_id, spans in found:  # the same, one at a time
        project.replace_suggestions(article_id, NER, spans)
    assert [rows(project, i) for i in ids] == batched
    assert [(start, end, label) for model, layer, start, end, label, _ in batched[0]
            if model == NER.name and layer is Layer.ENTITY] == [(0, 11, "PER"), (25, 32, "LOC")]
    for article_rows in batched:  # the other model's and the other layer's stay
        assert ("de_other_ner", Layer.ENTITY, 0, 4, "ORG", 0.9) in article_rows
        assert ("de_test_ner", Layer.CLAIM, 0, 2, "CLAIM", None) in article_rows


def test_a_batch_with_a_bad_span_writes_nothing(project: Project) -> None:
    first = project.add_article(ArticleDraft(text="Anna Berger sprach in Dresden."))
    second = project.add_article(ArticleDraft(text="Kurz."))
    with pytest.raises(SpanError):
        project.replace_suggestions_batch(NER, [(first, [Span(0, 4, "PER")]),
                                                (second, [Span(0, 40, "LOC")])])
    with pytest.raises(KeyError):
        project.replace_suggestions_batch(NER, [(first, [Span(0, 4, "PER")]), (999, [])])
    assert project.suggestions(first) == [] and project.suggestions(second) == []


def test_running_a_model_again_keeps_what_people_decided(project: Project) -> None:
    """A suggestion somebody rejected or accepted stays with its decision when the same model
    runs again, and the model finding that span again does not suggest it a second time; the
    open ones are replaced."""
    text = "Anna Berger 👍🏽 sprach in Dresden mit Ondřej Kratochvíl."
    aid = project.add_article(ArticleDraft(text=text))
    first = [Span(0, 11, "PER", 0.9), Span(25, 32, "ORG", 0.6), Span(37, 53, "PER", 0.8)]
    project.replace_suggestions_batch(NER, [(aid, first)])
    by_span = {(s.start, s.end, s.label): s.id for s in project.suggestions(aid)}
    project.decide([by_span[(25, 32, "ORG")]], "rejected", "maria")
    project.decide([by_span[(0, 11, "PER")]], "accepted", "jonas")
    again = [Span(0, 11, "PER", 0.95), Span(25, 32, "ORG", 0.7), Span(25, 32, "LOC", 0.7)]
    assert project.replace_suggestions_batch(NER, [(aid, again)]) == [3]
    after = {(s.start, s.end, s.label): s for s in project.suggestions(aid)}
    assert sorted(after) == [(0, 11, "PER"), (25, 32, "LOC"), (25, 32, "ORG")]
    assert after[(25, 32, "ORG")].id == by_span[(25, 32, "ORG")]  # the same row, decided
    assert after[(0, 11, "PER")].id == by_span[(0, 11, "PER")]
    assert sorted(s.label for s in project.suggestions(aid, open_only=True, annotator="maria")
                  ) == ["LOC", "PER"]  # jonas's acceptance is his: for maria the PER is open
    assert sorted(s.label for s in project.suggestions(aid, open_only=True, annotator="jonas")
                  ) == ["LOC", "ORG"]
