"""Annotated articles out of one project and into another, with nothing lost."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport, annotated_draft

TEXT = "Anna Berger 🇩🇪 sagte, der Vertrag sei am Mittwoch unterzeichnet worden."


def test_annotated_round_trip(tmp_path: Path) -> None:
    src = Project.open(tmp_path / "a.db")
    aid = src.add_article(ArticleDraft(text=TEXT, title="T", outlet="Elbtal-Bote"))
    per = src.add_annotation(aid, Layer.ENTITY, Span(0, 11, "PER"), "maria")
    claim = src.add_annotation(aid, Layer.CLAIM, Span(22, len(TEXT) - 1, "CLAIM"), "maria",
                               attrs={"kind": "factual", "verdict": "false"})
    source = src.add_annotation(aid, Layer.SOURCE, Span(0, 11, "SOURCE"), "maria")
    src.claims.set_canonical([source], src.claims.add_source("Anna Berger", "person"))
    src.add_link(claim, source, "attributed_to", "maria", {"cue": "sagte"})
    group = src.claims.add_group("Wochentag")
    src.claims.add_member(group, claim, "maria", value="Mittwoch")
    src.claims.update_group(group, holding_id=claim)
    src.set_status(aid, Status.DONE)
    draft = annotated_draft(src, aid)
    assert per and [s.layer for s in draft.annotations] == [Layer.ENTITY, Layer.SOURCE,
                                                             Layer.CLAIM]
    dst = Project.open(tmp_path / "b.db")
    new_id = AnnotatedImport(dst).add(draft)
    assert new_id is not None
    again = annotated_draft(dst, new_id)
    assert again == draft
    assert dst.claims.group(dst.claims.groups()[0].id).holding_id is not None
    assert AnnotatedImport(dst).add(draft) is None  # the same article twice
    only_claims = annotated_draft(src, aid, [Layer.CLAIM])
    assert [s.layer for s in only_claims.annotations] == [Layer.CLAIM]
    assert only_claims.links == []  # its source is not exported


def test_a_claim_listed_in_two_groups_brings_its_groups_together(tmp_path: Path) -> None:
    """Files of older versions could put a claim into two groups; a claim is in one now."""
    from annotator.core.model import DocGroupMember, DocSpan

    def draft(text: str, groups: list[tuple[str, str, str]]) -> ArticleDraft:
        end = text.index(".")
        return ArticleDraft(text=text, title=text[:8], annotations=[
            DocSpan("T1", Layer.CLAIM, 0, end, "CLAIM")], groups=[
            DocGroupMember(title, key, "T1", value) for title, key, value in groups])

    dst = Project.open(tmp_path / "b.db")
    importer = AnnotatedImport(dst)
    assert importer.add(draft("Am Mittwoch in Prag.", [("Ort", "G1", "Prag")]))
    assert importer.add(draft("Am Mittwoch in Dresden.", [("Wochentag", "G2", "Mittwoch"),
                                                          ("Ort", "G1", "Dresden")]))
    assert importer.add(draft("Am Donnerstag in Dresden.", [("Wochentag", "G2", "Donnerstag")]))
    (group,) = dst.claims.groups()
    assert group.title == "Ort"
    assert [m.value for m in group.members] == ["Prag", "Mittwoch", "Donnerstag"]
