"""Undoable actions through the session: every step is in the store before it is announced."""

from __future__ import annotations

import pytest

from annotator.app.changes import Changes, Part
from annotator.app.session import ATTRIBUTED_TO, Session
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.store import Project

TEXT = "Anna Berger 🇩🇪 sagte am Mittwoch in Dresden, das Abkommen sei ein Durchbruch."


def at(word: str, label: str, text: str = TEXT) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), label)


@pytest.fixture
def session(project: Project, qapp) -> Session:
    return Session(project, "maria")


@pytest.fixture
def article(project: Project) -> int:
    aid = project.add_article(ArticleDraft(text=TEXT, title="T"))
    project.add_article(ArticleDraft(text="Zweiter Artikel.", title="Z"))
    project.replace_suggestions(aid, ModelInfo("m", "1"),
                                [at("Anna Berger", "PER"), at("Dresden", "LOC"),
                                 at("Dresden,", "ORG")])
    return aid


def spans(project: Project, aid: int, layer: Layer = Layer.ENTITY) -> list[tuple[str, str]]:
    return [(TEXT[a.start:a.end], a.label) for a in project.annotations(aid, layer)]


def test_add_span_is_saved_and_announced_then_undone(session: Session, project: Project,
                                                     article: int) -> None:
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    made = session.add_span(article, Layer.ENTITY, at("Mittwoch", "MISC"))
    assert made is not None and (made.label, made.layer) == ("MISC", Layer.ENTITY)
    assert spans(project, article) == [("Mittwoch", "MISC")]
    # one notice, after the commit: the article, its spans, and its status (new → in progress)
    assert seen == [Changes(frozenset({article}), Part.SPANS | Part.STATUS)]
    assert project.article_status(article) is Status.IN_PROGRESS
    session.undo_stack.undo()
    assert spans(project, article) == []
    assert project.article_status(article) is Status.NEW
    session.undo_stack.redo()
    assert spans(project, article) == [("Mittwoch", "MISC")]


def test_new_entity_replaces_what_it_overlaps_undoably(session: Session, project: Project,
                                                       article: int) -> None:
    session.add_span(article, Layer.ENTITY, at("Anna", "PER"))
    session.add_span(article, Layer.CLAIM, at("Anna Berger 🇩🇪 sagte", "CLAIM"))
    session.add_span(article, Layer.ENTITY, at("Anna Berger", "PER"))
    assert spans(project, article) == [("Anna Berger", "PER")]
    assert spans(project, article, Layer.CLAIM) == [("Anna Berger 🇩🇪 sagte", "CLAIM")]
    session.undo_stack.undo()
    assert spans(project, article) == [("Anna", "PER")]


def test_accept_and_reject_suggestions(session: Session, project: Project, article: int) -> None:
    per, loc, org = project.suggestions(article)
    session.accept(article, [per])
    session.reject(article, [org])
    assert spans(project, article) == [("Anna Berger", "PER")]
    assert [s.label for s in project.suggestions(article, open_only=True)] == ["LOC"]
    session.undo_stack.undo()  # the rejection
    session.undo_stack.undo()  # the acceptance
    assert spans(project, article) == []
    assert len(project.suggestions(article, open_only=True)) == 3


def test_accept_all_is_one_step_and_overlaps_keep_the_first(session: Session, project: Project,
                                                            article: int) -> None:
    session.accept(article, project.suggestions(article, open_only=True))
    assert spans(project, article) == [("Anna Berger", "PER"), ("Dresden", "LOC")]
    assert project.suggestions(article, open_only=True) == []
    session.undo_stack.undo()
    assert spans(project, article) == []


def test_delete_restores_links_and_ids_on_undo(session: Session, project: Project,
                                               article: int) -> None:
    session.add_span(article, Layer.CLAIM, at("das Abkommen sei ein Durchbruch", "CLAIM"))
    session.add_span(article, Layer.SOURCE, at("Anna Berger", "SOURCE"))
    (claim,) = project.annotations(article, Layer.CLAIM)
    (source,) = project.annotations(article, Layer.SOURCE)
    session.link_claim(article, claim.id, source.id)
    session.delete_spans([source])
    assert project.links(article) == []
    session.undo_stack.undo()
    (link,) = project.links(article)
    assert (link.from_id, link.to_id, link.kind) == (claim.id, source.id, ATTRIBUTED_TO)


def test_resizes_merge_into_one_undo_step(session: Session, project: Project,
                                          article: int) -> None:
    session.add_span(article, Layer.ENTITY, at("Anna", "PER"))
    (ann,) = project.annotations(article)
    for end in range(ann.end + 1, ann.end + 8):
        session.resize(project.annotation(ann.id), ann.start, end)
    assert spans(project, article) == [("Anna Berger", "PER")]
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert spans(project, article) == [("Anna", "PER")]


def test_undo_works_across_articles(session: Session, project: Project, article: int) -> None:
    other = 2
    session.add_span(article, Layer.ENTITY, at("Dresden", "LOC"))
    session.add_span(other, Layer.ENTITY, Span(0, 7, "MISC"))
    session.set_status(article, Status.DONE)
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert project.annotations(other) == []
    assert project.article_status(article) is Status.IN_PROGRESS
    assert spans(project, article) == [("Dresden", "LOC")]


def test_a_refused_write_is_reported_and_not_stacked(session: Session, project: Project,
                                                     article: int) -> None:
    errors: list[str] = []
    session.failed.connect(errors.append)
    session.add_span(article, Layer.CLAIM, at("Dresden", "CLAIM"))
    (claim,) = project.annotations(article, Layer.CLAIM)
    assert not session.link_claim(article, claim.id, 99999)  # no such source
    assert errors and "FOREIGN KEY" in errors[0]
    assert session.undo_stack.count() == 1
    assert project.links(article) == []
