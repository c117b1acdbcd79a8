"""Nested attribution ("Laut X sagte Y, …") stored as a chain claim → Y → X: Shift+L's use
case without a window, and the chain where a claim's source is read back."""

from __future__ import annotations

import pytest

from annotator.app import claim_ops
from annotator.app.article_state import ArticleState
from annotator.app.attribution_chain import accept_suggested
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.core.names import REPORTED_BY
from annotator.store import Project

NESTED = "Laut «Abendkurier» sagte der Minister in einer Sitzung, die Reform sei gescheitert."
CLAIM = "die Reform sei gescheitert"


def at(word: str) -> tuple[int, int]:
    start = NESTED.index(word)
    return start, start + len(word)


@pytest.fixture
def session(project: Project, qapp) -> Session:
    aid = project.add_article(ArticleDraft(text=NESTED, title="Reform"))
    project.replace_suggestions(aid, ModelInfo("de_annotator_ner", "0.1.0"),
                                [Span(*at("Abendkurier"), "ORG")])
    return Session(project, "maria")


def accept(session: Session) -> int:
    """The claim, marked, and Shift+L on it; the claim's id."""
    claim = session.add_span(1, Layer.CLAIM, Span(*at(CLAIM), "CLAIM"))
    assert claim is not None
    attribution = claim_ops.attribution_for(ArticleState.load(session.project, 1), claim)
    assert attribution is not None and len(attribution.via) == 1
    assert accept_suggested(session, ArticleState.load(session.project, 1), claim,
                            attribution) is not None
    return claim.id


def test_shift_l_on_a_nested_sentence_stores_the_chain_in_one_step(session: Session) -> None:
    project = session.project
    claim_id = accept(session)
    state = ArticleState.load(project, 1)
    chain = state.source_chain(claim_id)
    assert [NESTED[s.start:s.end] for s in chain] == ["der Minister", "Abendkurier"]
    reported = next(lk for lk in project.links(1) if lk.kind == REPORTED_BY)
    assert (reported.from_id, reported.to_id, reported.attrs) == (chain[0].id, chain[1].id,
                                                                  {"cue": "Laut"})
    assert state.claims_of(chain[1].id) == []  # X reports Y: it states no claim of its own
    assert [len(state.claims_of(s.id)) for s in chain] == [1, 0]
    assert {s.name for s in project.claims.sources()} == {"Minister", "Abendkurier"}
    assert session.undo_stack.count() == 2 and session.undo()  # the claim, then Shift+L
    assert project.links(1) == [] and project.annotations(1, Layer.SOURCE) == []
    assert project.claims.sources() == []
    assert session.redo() and len(project.links(1)) == 2


def test_an_existing_mention_of_the_reporter_is_reused(session: Session) -> None:
    project = session.project
    paper = session.add_span(1, Layer.SOURCE, Span(*at("Abendkurier"), "SOURCE"))
    assert paper is not None
    claim_id = accept(session)
    chain = ArticleState.load(project, 1).source_chain(claim_id)
    assert chain[1].id == paper.id and len(project.annotations(1, Layer.SOURCE)) == 2


def test_a_group_member_names_who_reports_its_source(session: Session) -> None:
    project = session.project
    claim_id = accept(session)
    group = project.claims.add_group("Reform")
    project.claims.add_member(group, claim_id, "maria", value="gescheitert")
    (member,) = project.claims.group(group).members
    assert member.source == "Minister via Abendkurier"  # canonical names of both mentions


def test_a_chain_that_loops_ends(session: Session) -> None:
    project = session.project
    claim_id = accept(session)
    speaker, paper = ArticleState.load(project, 1).source_chain(claim_id)
    project.add_link(paper.id, speaker.id, REPORTED_BY, "maria")  # a careless hand edit
    assert [s.id for s in ArticleState.load(project, 1).source_chain(claim_id)] == [
        speaker.id, paper.id]
