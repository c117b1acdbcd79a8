"""A zone edit in the window moves the article's sentence index with it, in the same action:
claim matching never offers a sentence from a part readers skip, and undo brings the old
sentences back."""

from __future__ import annotations

import pytest

from annotator.app.matching import ensure_sentences, matcher_for
from annotator.app.session import Session
from annotator.app.zones import RULES, kept_sentences, sentence_at, zones_of
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.core.sentences import sentence_around
from annotator.store import Project

PAGE = ("Streit um Elbe-Abkommen\n"
        "Berlin (AFP) – Die Ministerin Anna Berger hat das Abkommen unterzeichnet. "
        "Prag widerspricht.\n\n"
        "Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉\n\n"
        "Der Vertrag gilt ab 2025. Die Opposition kritisiert ihn.")
OTHER = "Die Opposition kritisiert den Vertrag über die Elbe scharf."


def at(piece: str, label: str = "") -> Span:
    start = PAGE.index(piece)
    return Span(start, start + len(piece), label)


TEASER = "Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉"
RULE_ZONES = [at("Streit um Elbe-Abkommen", "HEADLINE"), at("Berlin (AFP) –", "DATELINE"),
              at(TEASER, "TEASER")]


@pytest.fixture
def session(project: Project, qapp) -> Session:
    return Session(project, "maria")


@pytest.fixture
def article(project: Project) -> int:
    aid = project.add_article(ArticleDraft(text=PAGE, title="T"))
    project.replace_suggestions(aid, RULES, RULE_ZONES, layer=Layer.STRUCTURE)
    project.replace_suggestions(aid, ModelInfo("ner", "1"), [at("Anna Berger", "PER")])
    ensure_sentences(project, [aid])
    return aid


def indexed(project: Project, aid: int) -> list[str]:
    return [s.text for s in sorted(project.matching.sentences(article_id=aid),
                                   key=lambda s: s.start)]


def follows_zones(project: Project, aid: int) -> bool:
    return indexed(project, aid) == [PAGE[a:b] for a, b in
                                     kept_sentences(PAGE, zones_of(project, aid))]


def test_a_body_line_made_navigation_leaves_the_index_and_undo_brings_it_back(
        session: Session, project: Project, article: int) -> None:
    before = indexed(project, article)
    ids = {s.text: s.id for s in project.matching.sentences(article_id=article)}
    line = at("Der Vertrag gilt ab 2025. Die Opposition kritisiert ihn.")
    assert session.set_zone(article, line.start, line.end, "NAV")
    assert "Der Vertrag gilt ab 2025." not in indexed(project, article)
    assert follows_zones(project, article)
    # the sentences the edit did not touch keep their rows (ids, cached vectors, decisions)
    kept = {s.text: s.id for s in project.matching.sentences(article_id=article)}
    assert all(ids[text] == ident for text, ident in kept.items())
    assert session.undo_stack.count() == 1
    session.undo()
    assert indexed(project, article) == before
    session.redo()
    assert "Der Vertrag gilt ab 2025." not in indexed(project, article)


def test_body_on_a_dateline_joins_it_to_its_sentence_and_undo_splits_again(
        session: Session, project: Project, article: int) -> None:
    before = indexed(project, article)
    dateline = at("Berlin (AFP) –")
    assert session.set_zone(article, dateline.start, dateline.end, None)
    assert ("Berlin (AFP) – Die Ministerin Anna Berger hat das Abkommen unterzeichnet."
            in indexed(project, article))
    session.undo()
    assert indexed(project, article) == before


def test_every_kind_of_zone_edit_moves_the_index(
        session: Session, project: Project, article: int) -> None:
    teaser = next(s for s in project.suggestions(article) if s.label == "TEASER")
    assert session.reject(article, [teaser])  # the teaser is body now: its line is indexed
    assert "Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉" in indexed(project, article)
    assert follows_zones(project, article)
    line = at("Prag widerspricht.", "NOTE")
    ann = session.add_span(article, Layer.STRUCTURE, line)
    assert ann is not None and "Prag widerspricht." not in indexed(project, article)
    assert session.resize(ann, line.start, line.start + len("Prag"))
    assert follows_zones(project, article)
    assert session.delete_spans([project.annotation(ann.id)])
    assert "Prag widerspricht." in indexed(project, article)
    headline = next(s for s in project.suggestions(article) if s.label == "HEADLINE")
    assert session.accept(article, [headline]) and follows_zones(project, article)
    while session.undo_stack.canUndo():
        session.undo()
        assert follows_zones(project, article)
    assert "Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉" not in indexed(project, article)


def test_an_entity_edit_leaves_the_index_as_it_is(
        session: Session, project: Project, article: int) -> None:
    before = project.matching.sentences(article_id=article)
    assert session.add_span(article, Layer.ENTITY, at("Prag", "LOC")) is not None
    assert project.matching.sentences(article_id=article) == before


def test_the_matcher_stops_offering_a_sentence_its_zone_now_skips(
        session: Session, project: Project, article: int) -> None:
    other = project.add_article(ArticleDraft(text=OTHER, title="O"))
    ensure_sentences(project, [other])
    matcher = matcher_for(project)

    def found() -> list[str]:
        return [c.text for c in matcher.candidates(project, OTHER, other, top=10,
                                                   method="tfidf")]

    assert "Die Opposition kritisiert ihn." in found()
    line = at("Der Vertrag gilt ab 2025. Die Opposition kritisiert ihn.")
    assert session.set_zone(article, line.start, line.end, "NAV")
    assert "Die Opposition kritisiert ihn." not in found()  # no sentence added: only removed
    session.undo()
    assert "Die Opposition kritisiert ihn." in found()


def test_the_sentence_at_a_position_stays_inside_its_zone() -> None:
    def at_word(word: str, zones: list[Span]) -> str:
        return PAGE[slice(*sentence_at(PAGE, zones, PAGE.index(word)))]

    assert at_word("Ministerin", RULE_ZONES) == (
        "Die Ministerin Anna Berger hat das Abkommen unterzeichnet.")  # no dateline
    assert at_word("AFP", RULE_ZONES) == "Berlin (AFP) –"
    assert at_word("Brücke", RULE_ZONES) == TEASER  # the zone whole, nothing past its end
    assert at_word("Opposition", RULE_ZONES) == "Die Opposition kritisiert ihn."
    newline = PAGE.index("\n")  # white space between the headline and the dateline
    assert sentence_at(PAGE, RULE_ZONES, newline) == sentence_around(PAGE, newline)
    assert at_word("Ministerin", []) == PAGE[slice(*sentence_around(PAGE, PAGE.index("Die M")))]
