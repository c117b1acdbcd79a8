"""The claim use cases without a window: S, Shift+L and G then 1–5 as the app does them."""

from __future__ import annotations

import pytest

from annotator.app import claim_ops
from annotator.app.article_state import ArticleState
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.store.matching_store import MatchSpan

FIRST = ("Abkommen unterzeichnet\n\nDresden (dpa) – Bundesumweltministerin Anna Berger sagte, "
         "das Abkommen sei am Mittwoch in Dresden unterzeichnet worden.")
SECOND = "Prag – Der Vertrag wurde nach Angaben der Regierung am Donnerstag unterzeichnet."


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def session(project: Project, qapp) -> Session:
    first = project.add_article(ArticleDraft(text=FIRST, title="Abkommen"))
    project.add_article(ArticleDraft(text=SECOND, title="Prag"))
    project.replace_suggestions(first, ModelInfo("de_annotator_ner", "0.1.0"), [
        Span(*at(FIRST, "Anna Berger"), "PER"), Span(*at(FIRST, "Dresden ("), "LOC")])
    return Session(project, "maria")


def state(session: Session, article_id: int = 1) -> ArticleState:
    return ArticleState.load(session.project, article_id)


def test_mark_source_registers_its_canonical_source_in_one_step(session: Session) -> None:
    project = session.project
    mention = claim_ops.mark_source(session, state(session), Span(*at(FIRST, "Anna Berger"),
                                                                  "SOURCE"))
    assert mention is not None and project.annotation(mention.id).source_id is not None
    (source,) = project.claims.sources()
    assert (source.name, source.kind) == ("Anna Berger", "person")
    assert session.undo_stack.count() == 1 and session.undo()
    assert project.annotations(1) == [] and project.claims.sources() == []


def test_accept_attribution_marks_source_and_links_with_cue(session: Session) -> None:
    project = session.project
    claim = session.add_span(1, Layer.CLAIM, Span(*at(FIRST, "das Abkommen sei am Mittwoch in "
                                                           "Dresden unterzeichnet worden"),
                                                  "CLAIM"))
    assert claim is not None
    attribution = claim_ops.attribution_for(state(session), claim)
    link = claim_ops.accept_attribution(session, state(session), claim, attribution)
    assert link is not None and link.attrs["cue"] == "sagte"
    assert FIRST[slice(*at(FIRST, "Anna Berger"))] in FIRST[
        project.annotation(link.to_id).start:project.annotation(link.to_id).end]
    assert session.undo() and project.links(1) == [] and project.claims.sources() == []
    assert project.annotations(1, Layer.CLAIM) == [claim]


def test_group_with_confirms_groups_and_states_values(session: Session) -> None:
    project = session.project
    query = MatchSpan(1, *at(FIRST, "das Abkommen sei am Mittwoch in Dresden unterzeichnet "
                                    "worden"))
    candidate = MatchSpan(2, *at(SECOND, "Der Vertrag wurde nach Angaben der Regierung am "
                                         "Donnerstag unterzeichnet"))
    group_id = claim_ops.group_with(session, query, candidate, "tfidf")
    assert group_id is not None
    group = project.claims.group(group_id)
    assert {m.value for m in group.members} == {"Mittwoch", "Donnerstag"} and group.disputed
    assert [d.decision for d in project.matching.decisions()] == ["confirmed"]
    assert session.undo_stack.count() == 1 and session.undo()
    assert project.claims.groups() == [] and project.matching.decisions() == []
    assert project.annotations(1) == [] and project.annotations(2) == []


def test_a_use_case_that_cannot_finish_leaves_nothing(session: Session) -> None:
    messages: list[str] = []
    session.failed.connect(messages.append)
    query = MatchSpan(1, 0, 8)
    missing = MatchSpan(2, 0, 500)  # beyond the article's text
    assert claim_ops.group_with(session, query, missing) is None
    assert session.project.annotations(1) == [] and session.undo_stack.count() == 0
    assert session.project.matching.decisions() == [] and len(messages) == 1
