"""The source registry and claim groups in the store."""

from __future__ import annotations

import pytest

from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project

A = "Berger sagte, das Abkommen sei am Mittwoch in Dresden unterzeichnet worden."
B = "Laut Prager Tageskurier wurde der Vertrag am Donnerstag in Prag unterzeichnet."


def claim(project: Project, text: str, published: str, outlet: str) -> tuple[int, int]:
    aid = project.add_article(ArticleDraft(text=text, title=text[:20], outlet=outlet,
                                           published=published))
    cid = project.add_annotation(aid, Layer.CLAIM, Span(0, len(text), "CLAIM"), "maria")
    return aid, cid


def test_groups_know_when_they_are_disputed(project: Project) -> None:
    a, ca = claim(project, A, "2024-10-23", "Elbtal-Bote")
    b, cb = claim(project, B, "2024-10-24", "Prager Tageskurier")
    store = project.claims
    gid = store.add_group("Wochentag der Unterzeichnung")
    store.add_member(gid, cb, "maria", value="Donnerstag")
    store.add_member(gid, ca, "maria", value="Mittwoch")
    group = store.group(gid)
    assert [m.outlet for m in group.members] == ["Elbtal-Bote", "Prager Tageskurier"]
    assert group.members[0].text == A and group.disputed
    store.set_member(gid, cb, value="mittwoch ")
    assert not store.group(gid).disputed  # same value, written differently
    store.set_member(gid, cb, stance="refutes")
    store.set_member(gid, ca, stance="supports")
    assert store.group(gid).disputed
    assert [g.id for g in store.groups(disputed_only=True)] == [gid]
    store.update_group(gid, holding_id=ca, note="Ministerium und Fotos belegen Mittwoch")
    assert store.group(gid).holding_id == ca
    project.delete_annotation(ca)  # a deleted claim leaves its groups
    assert [m.annotation_id for m in store.group(gid).members] == [cb]
    assert store.groups_of(cb) == [gid]


def test_only_claims_can_join_a_group(project: Project) -> None:
    a, _ = claim(project, A, "2024-10-23", "Elbtal-Bote")
    source = project.add_annotation(a, Layer.SOURCE, Span(0, 6, "SOURCE"), "maria")
    gid = project.claims.add_group("x")
    with pytest.raises(ValueError, match="not a claim"):
        project.claims.add_member(gid, source, "maria")
    with pytest.raises(KeyError, match="no annotation 999"):
        project.claims.add_member(gid, 999, "maria")
    assert project.claims.group(gid).members == ()


def test_source_registry_links_mentions_across_articles(project: Project) -> None:
    a, ca = claim(project, A, "2024-10-23", "Elbtal-Bote")
    b, cb = claim(project, B, "2024-10-24", "Prager Tageskurier")
    m1 = project.add_annotation(a, Layer.SOURCE, Span(0, 6, "SOURCE"), "maria")
    m2 = project.add_annotation(b, Layer.SOURCE, Span(5, 23, "SOURCE"), "maria")
    store = project.claims
    berger = store.add_source("Anna  Berger", "person", ["Berger", "die Ministerin"])
    paper = store.add_source("Prager Tageskurier", "newspaper")
    store.set_canonical([m1], berger)
    store.set_canonical([m2], paper)
    assert store.source(berger).name == "Anna Berger"
    assert store.source(berger).aliases == ("Berger", "die Ministerin")
    assert [(s.name, s.mentions) for s in store.sources()] == [
        ("Anna Berger", 1), ("Prager Tageskurier", 1)]
    project.add_link(ca, m1, "attributed_to", "maria", {"cue": "sagte", "quote_type": "reported"})
    gid = store.add_group("Tag")
    store.add_member(gid, ca, "maria")
    assert store.group(gid).members[0].source == "Anna Berger"
    store.delete_source(paper)
    assert project.annotation(m2).source_id is None
    assert store.source_by_name("Anna Berger").id == berger
    assert [c[0] for c in store.claims()] == [ca, cb]
