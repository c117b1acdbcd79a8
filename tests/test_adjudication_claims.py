"""Adjudication beyond the spans: of the spans every version has, their attributes (a claim's
kind, check-worthiness, verdict; a source mention's canonical source), their links and claim
groups. What all agree on is pre-accepted, the rest are disagreements decided like spans,
undoably; a JSONL export of the adjudicated article carries what gold has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.adjudication import Adjudication, Difference, adjudicator, next_to_adjudicate
from annotator.app.exporting import ExportOptions, export_project
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.core.names import ATTRIBUTED_TO
from annotator.store import Project

TEXT = ("Anna Berger sagte, die Brücke werde am Mittwoch eröffnet. "
        "Laut Stadtwerke Dresden kostet sie drei Millionen Euro.")
C1, S1 = "die Brücke werde am Mittwoch eröffnet", "Anna Berger"
C2, S2 = "kostet sie drei Millionen Euro", "Stadtwerke Dresden"


def at(part: str, label: str) -> Span:
    return Span(TEXT.index(part), TEXT.index(part) + len(part), label)


class Maker:
    """One annotator's hand-made version: spans by their text, links, group memberships."""

    def __init__(self, project: Project, aid: int, who: str,
                 status: Status = Status.DONE) -> None:
        self.project, self.aid, self.who = project, aid, who
        project.start_version(aid, who, status)
        self.ids: dict[str, int] = {}

    def claim(self, part: str, **attrs: object) -> Maker:
        self.ids[part] = self.project.add_annotation(self.aid, Layer.CLAIM, at(part, "CLAIM"),
                                                     self.who, attrs=attrs)
        return self

    def source(self, part: str, source_id: int | None = None) -> Maker:
        self.ids[part] = self.project.add_annotation(self.aid, Layer.SOURCE, at(part, "SOURCE"),
                                                     self.who, source_id=source_id)
        return self

    def link(self, claim: str, source: str, cue: str) -> Maker:
        self.project.add_link(self.ids[claim], self.ids[source], ATTRIBUTED_TO, self.who,
                              {"cue": cue})
        return self

    def group(self, group_id: int, claim: str, value: str, stance: str = "") -> Maker:
        self.project.claims.add_member(group_id, self.ids[claim], self.who, value=value,
                                       stance=stance)
        return self


@pytest.fixture
def article(project: Project) -> int:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Brücke"))
    assert aid is not None
    return aid


@pytest.fixture
def group(project: Project) -> int:
    return project.claims.add_group("Wochentag der Eröffnung")


@pytest.fixture
def two(project: Project, article: int, group: int) -> int:
    """Both have the four spans and the link C1 → S1 ("sagte"), C1 check-worthy and C2
    factual. They differ on C1's kind (factual, prediction) and verdict (maria's
    "unverified", jonas none), on C1's group (maria's "Mittwoch", jonas none) and on C2's
    link (maria's to S2 "Laut", jonas none)."""
    (Maker(project, article, "maria").source(S1).claim(C1, kind="factual", checkworthy="yes",
                                                       verdict="unverified")
     .source(S2).claim(C2, kind="factual").link(C1, S1, "sagte").link(C2, S2, "Laut")
     .group(group, C1, "Mittwoch"))
    (Maker(project, article, "jonas").source(S1).claim(C1, kind="prediction", checkworthy="yes")
     .source(S2).claim(C2, kind="factual").link(C1, S1, "sagte"))
    return article


def gold_span(adj: Adjudication, part: str):
    return next(a for a in adj.gold() if TEXT[a.start:a.end] == part)


def gold_links(project: Project, aid: int) -> list[tuple[str, str, str]]:
    spans = {a.id: TEXT[a.start:a.end] for a in project.annotations(aid, annotator="gold")}
    return sorted((spans[lk.from_id], spans[lk.to_id], lk.attrs.get("cue", ""))
                  for lk in project.links(aid, annotator="gold"))


def items(adj: Adjudication) -> list[str]:
    return [f"{adj.topic(d)}: " + " · ".join(adj.says(d, who) for who in adj.annotators)
            for d in adj.disagreements]


def test_what_all_agree_on_is_pre_accepted_the_rest_listed(qapp, project, two, group) -> None:
    adj = Adjudication(adjudicator(project), two)
    assert items(adj) == [
        "kind of CLAIM „die Brücke werde am Mittwoch…“: kind factual · kind prediction",
        "verdict of CLAIM „die Brücke werde am Mittwoch…“: verdict unverified · no verdict",
        "claim group of CLAIM „die Brücke werde am Mittwoch…“: "
        "in „Wochentag der Eröffnung“ (Mittwoch) · in no group",
        "attributed_to link of CLAIM „kostet sie drei Millionen Euro“: "
        "→ SOURCE „Stadtwerke Dresden“ (Laut) · no link"]
    assert all(isinstance(d, Difference) for d in adj.disagreements)
    assert adj.start()
    assert gold_span(adj, C1).attrs == {"checkworthy": "yes"}  # the agreed values only
    assert gold_span(adj, C2).attrs == {"kind": "factual"}
    assert gold_links(project, two) == [(C1, S1, "sagte")]
    assert project.claims.group_of(gold_span(adj, C1).id) is None
    assert [adj.decided(d) for d in adj.disagreements] == ["none", "jonas", "jonas", "jonas"]
    assert adj.session.undo_stack.count() == 1
    assert adj.session.undo() and not project.has_version(two, "gold")
    assert adj.session.redo() and gold_links(project, two) == [(C1, S1, "sagte")]


def test_an_attribute_taken_none_edited_and_undone(qapp, project, two) -> None:
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    assert adj.take(0, "jonas")
    assert gold_span(adj, C1).attrs == {"checkworthy": "yes", "kind": "prediction"}
    assert adj.decided(adj.disagreements[0]) == "jonas"
    assert adj.says(adj.disagreements[0], None) == "kind prediction"
    assert not adj.take(0, "jonas")  # nothing to change
    assert adj.take(0, None) and "kind" not in gold_span(adj, C1).attrs
    assert adj.decided(adj.disagreements[0]) == "none"
    assert adj.edit(0, 2)  # by hand: the third kind
    assert gold_span(adj, C1).attrs["kind"] == "assessment"
    assert adj.decided(adj.disagreements[0]) is None  # nobody's: edited by hand
    assert not adj.edit(3, 0)  # a link has no values to choose from
    assert adj.take(1, "maria") and gold_span(adj, C1).attrs["verdict"] == "unverified"
    assert adj.session.undo() and "verdict" not in gold_span(adj, C1).attrs
    assert adj.session.undo() and gold_span(adj, C1).attrs.get("kind") is None
    assert adj.session.undo() and gold_span(adj, C1).attrs["kind"] == "prediction"
    assert adj.session.redo() and "kind" not in gold_span(adj, C1).attrs
    assert project.annotations(two, Layer.CLAIM, annotator="maria")[0].attrs["kind"] == "factual"


def test_after_its_start_is_undone_a_difference_starts_gold_again(qapp, project, two) -> None:
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    assert adj.session.undo() and not project.has_version(two, "gold")
    assert adj.take(1, "maria")
    assert gold_span(adj, C1).attrs == {"checkworthy": "yes", "verdict": "unverified"}
    assert adj.session.undo() and "verdict" not in gold_span(adj, C1).attrs
    assert adj.session.undo() and not project.has_version(two, "gold")


def test_a_link_taken_none_and_undone(qapp, project, two) -> None:
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    assert adj.take(3, "maria")
    assert gold_links(project, two) == [(C1, S1, "sagte"), (C2, S2, "Laut")]
    assert adj.decided(adj.disagreements[3]) == "maria"
    assert adj.take(3, "jonas") and gold_links(project, two) == [(C1, S1, "sagte")]
    assert adj.decided(adj.disagreements[3]) == "jonas"
    assert adj.session.undo() and (C2, S2, "Laut") in gold_links(project, two)
    assert adj.session.undo() and gold_links(project, two) == [(C1, S1, "sagte")]


def test_a_claim_group_taken_none_and_undone(qapp, project, two, group) -> None:
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    claim = gold_span(adj, C1).id
    assert adj.take(2, "maria")
    [member] = project.claims.group(group, "gold").members
    assert (member.annotation_id, member.value) == (claim, "Mittwoch")
    assert adj.decided(adj.disagreements[2]) == "maria"
    assert adj.take(2, None) and project.claims.group_of(claim) is None
    assert adj.session.undo() and project.claims.group_of(claim) == group
    assert adj.session.undo() and project.claims.group_of(claim) is None


def test_a_link_to_a_span_gold_lacks_waits_then_comes_with_the_span(qapp, project,
                                                                   article) -> None:
    """maria links C1 to S1, which only she has; jonas links C1 to nothing. Taking her link
    first is refused; taking her S1 brings the link along."""
    Maker(project, article, "maria").claim(C1).source(S1).link(C1, S1, "sagte")
    Maker(project, article, "jonas").claim(C1)
    adj = Adjudication(adjudicator(project), article)
    adj.start()
    said: list[str] = []
    adj.session.failed.connect(said.append)
    spans, link = adj.disagreements
    assert adj.says(spans, "maria") == "SOURCE „Anna Berger“" and adj.says(spans, "jonas") == (
        "nothing")
    assert not adj.take(1, "maria") and "Gold has no SOURCE „Anna Berger“" in said[-1]
    assert gold_links(project, article) == []
    assert adj.take(0, "maria")  # the span, and with it her link: one step
    assert gold_links(project, article) == [(C1, S1, "sagte")]
    assert adj.decided(link) == "maria"
    assert adj.session.undo() and gold_links(project, article) == [] and len(adj.gold()) == 1


def test_taking_a_claim_brings_its_group_and_links(qapp, project, article, group) -> None:
    """A claim only maria has comes with her group membership and her link to a source both
    have; undo takes all three back."""
    Maker(project, article, "maria").source(S1).claim(C1).link(C1, S1, "sagte").group(
        group, C1, "Mittwoch", "supports")
    Maker(project, article, "jonas").source(S1)
    adj = Adjudication(adjudicator(project), article)
    adj.start()
    assert adj.take(0, "maria")
    claim = gold_span(adj, C1).id
    assert gold_links(project, article) == [(C1, S1, "sagte")]
    members = project.claims.group(group, "gold").members
    assert [(m.annotation_id, m.value, m.stance) for m in members] == [
        (claim, "Mittwoch", "supports")]
    assert adj.take(0, None) and project.claims.group(group, "gold").members == ()
    assert adj.session.undo()  # the claim is back, in its group, with its link
    assert project.claims.group_of(claim) == group
    assert gold_links(project, article) == [(C1, S1, "sagte")]


def test_three_annotators_and_a_canonical_source(qapp, project, article) -> None:
    berger = project.claims.add_source("Anna Berger", "person")
    other = project.claims.add_source("Anne Berger", "person")
    Maker(project, article, "maria").source(S1, berger).claim(C1, verdict="false")
    Maker(project, article, "jonas").source(S1, berger).claim(C1, verdict="false")
    Maker(project, article, "lea").source(S1, other).claim(C1, verdict="true")
    adj = Adjudication(adjudicator(project), article)
    adj.start()
    assert items(adj) == [
        "canonical source of SOURCE „Anna Berger“: canonical source Anna Berger · "
        "canonical source Anna Berger · canonical source Anne Berger",
        "verdict of CLAIM „die Brücke werde am Mittwoch…“: verdict false · verdict false · "
        "verdict true"]
    assert gold_span(adj, S1).source_id is None and gold_span(adj, C1).attrs == {}
    assert adj.take(0, "lea") and gold_span(adj, S1).source_id == other
    assert adj.take(1, "jonas") and gold_span(adj, C1).attrs == {"verdict": "false"}
    assert adj.decided(adj.disagreements[1]) == "maria"  # maria's and jonas's are the same
    assert adj.edit(1, 1) and gold_span(adj, C1).attrs == {"verdict": "true"}
    assert adj.decided(adj.disagreements[1]) == "lea"
    assert adj.session.undo() and adj.session.undo() and adj.session.undo()
    assert gold_span(adj, S1).source_id is None


def test_next_article_finds_a_difference_in_an_attribute_only(qapp, project, article) -> None:
    Maker(project, article, "maria").claim(C1, verdict="false")
    Maker(project, article, "jonas").claim(C1, verdict="false")
    assert next_to_adjudicate(project, 0) is None  # they agree on everything
    other = project.add_article(ArticleDraft(text=TEXT + " Nachtrag.", title="Nachtrag"))
    Maker(project, other, "maria").claim(C1, verdict="false")
    Maker(project, other, "jonas").claim(C1, verdict="true")
    assert next_to_adjudicate(project, 0) == other


def test_undo_of_deleting_a_grouped_claim_puts_it_back_in_its_group(qapp, project, article,
                                                                     group) -> None:
    maker = Maker(project, article, "maria").claim(C1).group(group, C1, "Mittwoch", "supports")
    session = Session(project, "maria")
    assert session.delete_spans([project.annotation(maker.ids[C1])])
    assert project.claims.group(group, "maria").members == ()
    assert session.undo()
    [member] = project.claims.group(group, "maria").members
    assert (member.annotation_id, member.value, member.stance) == (
        maker.ids[C1], "Mittwoch", "supports")


def test_a_jsonl_export_of_gold_carries_its_links_attributes_and_groups(
        qapp, project: Project, two: int, group: int, tmp_path: Path) -> None:
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    assert adj.take(0, "maria") and adj.take(2, "maria") and adj.take(3, "maria")
    assert adj.finish()
    export_project(project, ExportOptions("jsonl", tmp_path / "out"))
    [task] = [json.loads(line) for line in
              (tmp_path / "out" / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    spans = {s["key"]: s for s in task["spans"]}
    assert {s["_annotator_id"] for s in spans.values()} == {"gold"}
    by_text = {TEXT[s["start"]:s["end"]]: s for s in spans.values()}
    assert by_text[C1]["attrs"] == {"checkworthy": "yes", "kind": "factual"}
    assert by_text[C2]["attrs"] == {"kind": "factual"}
    assert sorted((TEXT[r["head_span"]["start"]:r["head_span"]["end"]],
                   TEXT[r["child_span"]["start"]:r["child_span"]["end"]], r["attrs"]["cue"])
                  for r in task["relations"]) == [(C1, S1, "sagte"), (C2, S2, "Laut")]
    [member] = task["groups"]
    assert (member["group"], by_text[C1]["key"], member["value"]) == (
        "Wochentag der Eröffnung", member["span_key"], "Mittwoch")
    assert task["meta"]["status"] == "done"


def test_an_export_refuses_versions_that_differ_in_what_they_say(
        qapp, project: Project, article: int, group: int, tmp_path: Path) -> None:
    """Without gold: the same spans but another verdict, another link or another group is a
    disagreement the export refuses; the same attributes in another order are none."""
    from annotator.app.exporting import ExportRefused
    from annotator.store.drafts import disagreeing

    Maker(project, article, "maria").claim(C1, kind="factual", verdict="false")
    Maker(project, article, "jonas").claim(C1, verdict="false", kind="factual")
    assert disagreeing(project.db) == set()  # the same attributes, in another order
    texts = {"verdict": TEXT + " Eins.", "link": TEXT + " Zwei.", "group": TEXT + " Drei."}
    ids = {what: project.add_article(ArticleDraft(text=text, title=what))
           for what, text in texts.items()}
    Maker(project, ids["verdict"], "maria").claim(C1, verdict="false")
    Maker(project, ids["verdict"], "jonas").claim(C1, verdict="true")
    Maker(project, ids["link"], "maria").claim(C1).source(S1).link(C1, S1, "sagte")
    Maker(project, ids["link"], "jonas").claim(C1).source(S1).link(C1, S1, "so")
    Maker(project, ids["group"], "maria").claim(C1).group(group, C1, "Mittwoch")
    Maker(project, ids["group"], "jonas").claim(C1).group(group, C1, "Donnerstag")
    assert disagreeing(project.db) == set(ids.values())
    assert disagreeing(project.db, [Layer.ENTITY]) == set()
    with pytest.raises(ExportRefused, match="3 articles"):
        export_project(project, ExportOptions("jsonl", tmp_path / "a"))
    adj = Adjudication(adjudicator(project), ids["verdict"])
    assert adj.take(0, "jonas") and adj.finish()
    assert disagreeing(project.db) == {ids["link"], ids["group"]}


@pytest.mark.parametrize("status", [Status.DONE, Status.IN_PROGRESS])
def test_the_articles_stepped_to_are_those_the_adjudication_has_items_for(
        qapp, project: Project, group: int, status: Status) -> None:
    """next_to_adjudicate compares in SQL (store/version_diffs.py), done versions or with
    ``in_progress`` any: it steps to exactly the articles whose adjudication lists something,
    skipping those whose versions say the same (attributes in another order)."""
    in_progress = status is Status.IN_PROGRESS
    made = {what: project.add_article(ArticleDraft(text=TEXT + f" {n}.", title=what))
            for n, what in enumerate(("same", "verdict", "link", "group", "span"))}
    for who, verdict, cue, day in (("maria", "false", "sagte", "Mittwoch"),
                                   ("jonas", "true", "so", "Donnerstag")):
        attrs = {"kind": "factual", "verdict": "false"}
        Maker(project, made["same"], who, status).claim(
            C1, **(attrs if who == "maria" else dict(reversed(attrs.items()))))
        Maker(project, made["verdict"], who, status).claim(C1, verdict=verdict)
        Maker(project, made["link"], who, status).claim(C1).source(S1).link(C1, S1, cue)
        Maker(project, made["group"], who, status).claim(C1).group(group, C1, day)
        Maker(project, made["span"], who, status).claim(C1 if who == "maria" else C2)
    stepped, at = [], 0
    while (found := next_to_adjudicate(project, at, in_progress)) is not None:
        stepped.append(found)
        at = found
    listing = [aid for aid in sorted(made.values())
               if Adjudication(adjudicator(project), aid, in_progress).disagreements]
    assert stepped == listing == [made[w] for w in ("verdict", "link", "group", "span")]
    if in_progress:
        assert next_to_adjudicate(project, 0) is None  # without: nobody's version is done
