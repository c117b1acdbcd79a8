"""Undoable claim work: attributes, attribution, source registry, claim groups."""

from __future__ import annotations

import pytest

from annotator.app.changes import Part
from annotator.app.session import ATTRIBUTED_TO, Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project

A = "Ministerin Anna Berger sagte, der Vertrag sei am Mittwoch unterzeichnet worden."
B = "Laut Berger wurde der Vertrag am Donnerstag in Prag unterzeichnet."


@pytest.fixture
def session(project: Project, qapp) -> Session:
    return Session(project, "maria")


@pytest.fixture
def claims(project: Project) -> dict[str, int]:
    ids = {}
    for key, text in (("a", A), ("b", B)):
        aid = project.add_article(ArticleDraft(text=text, title=key))
        ids[key] = project.add_annotation(aid, Layer.CLAIM, Span(0, len(text), "CLAIM"), "maria")
        ids[key + "_article"] = aid
    ids["berger_a"] = project.add_annotation(ids["a_article"], Layer.SOURCE,
                                             Span(A.index("Anna"), A.index(" sagte"), "SOURCE"),
                                             "maria")
    ids["berger_b"] = project.add_annotation(ids["b_article"], Layer.SOURCE,
                                             Span(5, 11, "SOURCE"), "maria")
    return ids


def test_claim_attributes_and_attribution_undo(session, project, claims) -> None:
    claim = project.annotation(claims["a"])
    session.set_attrs(claim, {"kind": "factual", "checkworthy": "yes", "verdict": "false",
                              "evidence": "Foto zeigt Donnerstag"})
    assert project.annotation(claims["a"]).attrs["verdict"] == "false"
    session.link_claim(claims["a_article"], claims["a"], claims["berger_a"])
    (link,) = project.links(claims["a_article"])
    session.set_link_attrs(claims["a_article"], link, {"cue": "sagte", "quote_type": "reported"})
    assert project.links(claims["a_article"])[0].attrs == {"cue": "sagte",
                                                           "quote_type": "reported"}
    session.undo_stack.undo()
    assert project.links(claims["a_article"])[0].attrs == {}
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert project.annotation(claims["a"]).attrs == {}


def test_assign_and_merge_sources(session, project, claims) -> None:
    session.assign_source(claims["a_article"], [claims["berger_a"]], None,
                          new=("Anna Berger", "person", ["die Ministerin"]))
    session.assign_source(claims["b_article"], [claims["berger_b"]], None,
                          new=("Berger", "person", []))
    store = project.claims
    assert [s.name for s in store.sources()] == ["Anna Berger", "Berger"]
    keep, other = store.sources()
    heard: list = []
    session.changed.connect(heard.append)
    session.merge_sources(keep, [other])  # project-wide: no article borrowed for it
    assert [(c.articles, c.parts) for c in heard] == [
        (frozenset({claims["b_article"]}), Part.SPANS | Part.SOURCES)]  # where mentions moved
    (merged,) = store.sources()
    assert merged.mentions == 2 and set(merged.aliases) == {"Berger", "die Ministerin"}
    session.undo_stack.undo()
    assert [(s.name, s.mentions) for s in store.sources()] == [("Anna Berger", 1), ("Berger", 1)]
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert store.sources() == []
    assert project.annotation(claims["berger_a"]).source_id is None
    session.undo_stack.redo()
    assert [s.name for s in store.sources()] == ["Anna Berger"]


def test_group_values_and_resolution(session, project, claims) -> None:
    changed: list[bool] = []
    session.changed.connect(lambda changes: changed.append(bool(changes.parts & Part.GROUPS)))
    session.group_claims(claims["a_article"], None, "Wochentag", [(claims["a"], "Mittwoch")])
    (group,) = project.claims.groups()
    session.group_claims(claims["b_article"], group.id, group.title, [(claims["b"], "Donnerstag")])
    assert project.claims.group(group.id).disputed and changed == [True, True]
    session.set_member(claims["b_article"], group.id, claims["b"], value="Mittwoch")
    assert not project.claims.group(group.id).disputed
    session.undo_stack.undo()
    session.resolve_group(group.id, holding_id=claims["b"], note="Prager Protokoll")
    assert project.claims.group(group.id).holding_id == claims["b"]
    session.ungroup(claims["b_article"], group.id, claims["b"])
    assert len(project.claims.group(group.id).members) == 1
    session.undo_stack.undo()
    assert project.claims.group(group.id).members[1].value == "Donnerstag"
    for _ in range(4):
        session.undo_stack.undo()
    assert project.claims.groups() == []
    assert ATTRIBUTED_TO == "attributed_to"
