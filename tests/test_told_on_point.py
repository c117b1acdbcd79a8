"""What a claim joining a group states on the group's point (app/claim_values.py): its value in
the slot the group is about, or none, never a value of another slot ("Prag" in a group about
the weekday of the signing)."""

from __future__ import annotations

from annotator.app.claim_values import group_slot, told_on_point
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.core.values import ClaimValue, with_values
from annotator.store import Project

WED, THU = ClaimValue("weekday", "Mittwoch", "Mittwoch"), ClaimValue("weekday", "Donnerstag",
                                                                      "Donnerstag")
DRESDEN, PRAG = ClaimValue("place", "dresden", "Dresden"), ClaimValue("place", "prag", "Prag")
TEXTS = {  # a claim's text, the values it states
    "Unterzeichnet wurde am Mittwoch in Dresden.": [WED, DRESDEN],
    "Unterzeichnet wurde am Donnerstag in Prag.": [THU, PRAG],
    "Rechtsgültig unterzeichnet habe man ihn erst in Prag.": [PRAG],
    "Am Donnerstag war die Unterschrift.": [THU],
}


def claims(project: Project) -> list[int]:
    ids = []
    for n, (text, values) in enumerate(TEXTS.items()):
        aid = project.add_article(ArticleDraft(text=text, title=f"Meldung {n}"))
        assert aid is not None
        ids.append(project.add_annotation(aid, Layer.CLAIM, Span(0, len(text), "CLAIM"),
                                          "maria", attrs=with_values({}, values)))
    return ids


def told(project: Project, a: int, b: int) -> tuple[str, str]:
    first, second = project.annotation(a), project.annotation(b)
    return told_on_point(project, first, list(TEXTS[text_of(project, a)]), second,
                         list(TEXTS[text_of(project, b)]))


def text_of(project: Project, claim: int) -> str:
    ann = project.annotation(claim)
    return project.article(ann.article_id).text[ann.start:ann.end]


def test_a_claim_joining_a_weekday_group_states_none_or_its_weekday() -> None:
    project = Project.memory()
    wed, thu, prag, thu2 = claims(project)
    assert told(project, prag, thu) == ("Prag", "Prag")  # no group yet: what both state
    session = Session(project, "maria")
    group = session.group_claims(1, None, "Wochentag der Unterzeichnung",
                                 [(wed, "Mittwoch"), (thu, "Donnerstag")])
    assert group is not None
    assert group_slot(project.claims.group(group)) == ("day", "")
    assert told(project, prag, thu) == ("", "")  # no weekday: none on the point, not "Prag"
    assert told(project, thu, prag) == ("", "")  # either way round
    assert told(project, thu2, wed) == ("Donnerstag", "")  # the weekday it states


def test_a_group_whose_values_tell_no_slot_compares_the_two_claims() -> None:
    project = Project.memory()
    wed, thu, prag, _ = claims(project)
    session = Session(project, "maria")
    group = session.group_claims(1, None, "Unterzeichnung", [(wed, ""), (thu, "")])
    assert group is not None and group_slot(project.claims.group(group)) is None
    assert told(project, prag, thu) == ("Prag", "Prag")
