"""Setting a zone through the session, without a window: one action, one undo step; the
person's zones give way, the rules' are rejected, what lies outside the range keeps its zone."""

from __future__ import annotations

import pytest

from annotator.app.changes import Part
from annotator.app.session import Session
from annotator.app.zones import RULES, line_around, plan_zone, zones_of
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Suggestion
from annotator.store import Project

PAGE = ("Streit um Elbe-Abkommen\n"
        "Berlin (AFP) – Die Ministerin Anna Berger hat das Abkommen unterzeichnet.\n\n"
        "Lesen Sie auch:\n"
        "Neue Brücke in Dresden eröffnet 🌉\n"
        "Foto: Max Muster / dpa\n\n"
        "Prag widerspricht: Unterzeichnet worden sei erst am Donnerstag.")


def at(piece: str, label: str) -> Span:
    start = PAGE.index(piece)
    return Span(start, start + len(piece), label)


RULE_ZONES = [at("Streit um Elbe-Abkommen", "HEADLINE"), at("Berlin (AFP) –", "DATELINE"),
              at("Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉", "TEASER"),
              at("Foto: Max Muster / dpa", "CREDIT"),
              at("Prag widerspricht: Unterzeichnet worden sei erst am Donnerstag.", "CAPTION")]


@pytest.fixture
def session(project: Project, qapp) -> Session:
    return Session(project, "maria")


@pytest.fixture
def article(project: Project) -> int:
    aid = project.add_article(ArticleDraft(text=PAGE, title="T"))
    project.replace_suggestions(aid, RULES, RULE_ZONES, layer=Layer.STRUCTURE)
    project.replace_suggestions(aid, ModelInfo("ner", "1"), [at("Anna Berger", "PER")])
    return aid


def shown(project: Project, aid: int) -> list[tuple[str, str]]:
    return [(z.label, PAGE[z.start:z.end]) for z in zones_of(project, aid)]


def mine(project: Project, aid: int) -> list[tuple[str, str, str]]:
    return [(a.label, PAGE[a.start:a.end], a.annotator)
            for a in project.annotations(aid, Layer.STRUCTURE)]


def ids(project: Project, aid: int) -> list[tuple[int, int, int, str]]:
    return [(a.id, a.start, a.end, a.label) for a in project.annotations(aid, Layer.STRUCTURE)]


def test_body_on_a_caption_the_rules_made_rejects_it_and_undo_brings_it_back(
        session: Session, project: Project, article: int) -> None:
    before = shown(project, article)
    notices = []
    session.changed.connect(notices.append)
    span = at("Prag widerspricht: Unterzeichnet worden sei erst am Donnerstag.", "")
    assert session.set_zone(article, span.start, span.end, None)
    assert ("CAPTION", PAGE[span.start:span.end]) not in shown(project, article)
    assert mine(project, article) == []
    decided = project.decisions(article)
    assert [s.label for s in project.suggestions(article) if decided.get(s.id) == "rejected"] \
        == ["CAPTION"]
    assert session.undo_stack.count() == 1 and len(notices) == 1  # one action, one notice
    assert notices[0].parts & Part.SUGGESTIONS
    session.undo()
    assert shown(project, article) == before and project.decisions(article) == {}
    session.redo()
    assert len(shown(project, article)) == len(before) - 1


def test_a_line_inside_a_rule_zone_takes_its_own_zone_and_the_rest_keeps_the_old_one(
        session: Session, project: Project, article: int) -> None:
    line = at("Neue Brücke in Dresden eröffnet 🌉", "")
    assert session.set_zone(article, line.start, line.end, "CAPTION")
    assert shown(project, article)[2:4] == [("TEASER", "Lesen Sie auch:"),
                                            ("CAPTION", "Neue Brücke in Dresden eröffnet 🌉")]
    assert mine(project, article) == [("TEASER", "Lesen Sie auch:", "maria"),
                                      ("CAPTION", "Neue Brücke in Dresden eröffnet 🌉", "maria")]
    # body over the person's own zone: it goes, the undo step brings it back with its id
    before = ids(project, article)
    assert session.set_zone(article, line.start, line.end, None)
    assert mine(project, article) == [("TEASER", "Lesen Sie auch:", "maria")]
    session.undo()
    assert ids(project, article) == before
    session.undo()
    assert mine(project, article) == [] and ("TEASER", PAGE[PAGE.index("Lesen"):line.end]) \
        in shown(project, article)


def test_confirming_the_rules_zone_accepts_it_and_setting_it_again_changes_nothing(
        session: Session, project: Project, article: int) -> None:
    head = RULE_ZONES[0]
    assert session.set_zone(article, head.start, head.end, "HEADLINE")
    (ann,) = project.annotations(article, Layer.STRUCTURE)
    assert ann.suggestion_id is not None and project.decisions(article) == {
        ann.suggestion_id: "accepted"}
    assert not session.set_zone(article, head.start, head.end, "HEADLINE")
    assert session.undo_stack.count() == 1
    session.undo()
    assert project.annotations(article, Layer.STRUCTURE) == []


def test_a_zone_over_two_rule_zones_replaces_both(session: Session, project: Project,
                                                  article: int) -> None:
    start, end = RULE_ZONES[0].start, RULE_ZONES[1].end
    assert session.set_zone(article, start, end, "LEAD")
    assert shown(project, article)[0] == ("LEAD", PAGE[start:end])
    assert [z[0] for z in shown(project, article)] == ["LEAD", "TEASER", "CREDIT", "CAPTION"]
    # the entity suggestion inside stays open: zones and entities are layers of their own
    assert [s.label for s in project.suggestions(article, open_only=True)
            if s.layer is Layer.ENTITY] == ["PER"]


def test_body_where_there_is_no_zone_is_no_action(session: Session, project: Project,
                                                  article: int) -> None:
    blank = PAGE.index("Die Ministerin")
    assert not session.set_zone(article, blank, blank + 3, None)
    assert session.undo_stack.count() == 0
    with pytest.raises(ValueError, match="zone label"):
        session.set_zone(article, blank, blank + 3, "KICKER")


def test_plan_zone_keeps_the_pieces_outside_the_range_trimmed() -> None:
    teaser = RULE_ZONES[2]
    line = at("Lesen Sie auch:", "")
    rules = [Suggestion(7, 1, Layer.STRUCTURE, teaser.start, teaser.end, "TEASER", "r", "1")]
    edit = plan_zone(PAGE, line.start, line.end, "SUBHEAD", [], rules)
    assert edit.reject == tuple(rules) and not edit.delete
    assert [(s.label, PAGE[s.start:s.end]) for s in edit.add] == [
        ("SUBHEAD", "Lesen Sie auch:"), ("TEASER", "Neue Brücke in Dresden eröffnet 🌉")]


def test_line_around_is_the_line_without_its_blanks() -> None:
    text = "Kopf \n  Zweite Zeile  \n\nEnde"
    assert text[slice(*line_around(text, 9))] == "Zweite Zeile"
    assert line_around(text, text.index("\n\n") + 1) is None
    assert text[slice(*line_around(text, len(text)))] == "Ende"
