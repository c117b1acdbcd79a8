"""Agreeing versions exported once (each span naming them all in ``_annotators``) come back
as each annotator's own version: spans, links and claim group memberships."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_files
from annotator.core.model import (
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Provenance,
    Status,
)
from annotator.core.model import Span as Plain
from annotator.io.agreed import own_spans
from annotator.io.common import ImportProblem
from annotator.io.records import parse_provenance
from annotator.store import Project

TEXT = "Anna Berger sagte, in Dresden regne es seit Montag."
WHO = ("jonas", "maria")


def part(words: str, label: str) -> Plain:
    start = TEXT.index(words)
    return Plain(start, start + len(words), label)


def agreeing(path: Path) -> Project:
    """One article two annotators annotated alike, done by both."""
    project = Project.open(path)
    article = project.add_article(ArticleDraft(text=TEXT, title="Regen", published="2026-01-02"))
    assert article
    group = project.claims.add_group("Regen in Dresden")
    for who in WHO:
        project.add_annotation(article, Layer.ENTITY, part("Dresden", "LOC"), who)
        source = project.add_annotation(article, Layer.SOURCE, part("Anna Berger", "SOURCE"), who)
        claim = project.add_annotation(article, Layer.CLAIM, part("in Dresden regne es", "CLAIM"),
                                       who, attrs={"verdict": "false"})
        project.add_link(claim, source, "attributed_to", who)
        project.claims.add_member(group, claim, who, value="Regen")
        project.set_status(article, Status.DONE, who)
    return project


def versions(project: Project) -> dict[str, tuple]:
    """Each annotator's version: its status, spans, links and group memberships."""
    db = project.db
    found = {}
    for who in WHO:
        spans = sorted(db.execute(
            'SELECT n.layer, n.start, n."end", n.label FROM annotations n JOIN annotators a '
            "ON a.id = n.annotator_id WHERE a.name = ?", [who]).fetchall())
        links = db.execute("SELECT count(*) FROM links k JOIN annotators a ON a.id = "
                           "k.annotator_id WHERE a.name = ?", [who]).fetchone()[0]
        members = db.execute("SELECT count(*) FROM claim_group_members m JOIN annotators a "
                             "ON a.id = m.annotator_id WHERE a.name = ?", [who]).fetchone()[0]
        status = db.execute("SELECT v.status FROM versions v JOIN annotators a ON a.id = "
                            "v.annotator_id WHERE a.name = ?", [who]).fetchall()
        found[who] = (status, spans, links, members)
    return found


@pytest.mark.parametrize("fmt", ["jsonl", "brat", "uima-xmi", "webanno-tsv", "spacy"])
def test_agreeing_versions_come_back_as_each_annotators(tmp_path: Path, fmt: str) -> None:
    project = agreeing(tmp_path / "p.db")
    want = versions(project)
    assert want["maria"][1:] == want["jonas"][1:] and want["maria"][2:] == (1, 1)
    export_project(project, ExportOptions(fmt, tmp_path / "one"))
    again = Project.open(tmp_path / "again.db")
    report = import_files(again, [tmp_path / "one"])
    assert report.failed == [] and report.skipped == []
    got = versions(again)
    assert got == want
    export_project(again, ExportOptions(fmt, tmp_path / "two"))
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*")
                   if p.is_file() and p.suffix != ".json")  # the manifest names its time
    assert [(tmp_path / "two" / f).read_bytes() for f in files] == [
        (tmp_path / "one" / f).read_bytes() for f in files]
    project.close()
    again.close()


def test_a_span_of_several_is_copied_to_each_with_the_links_between_theirs() -> None:
    both = Provenance("maria", "2026-01-02T03:04:05+00:00", agreed=("maria", "jonas"))
    draft = ArticleDraft(text=TEXT, annotations=[
        DocSpan("T1", Layer.SOURCE, 0, 11, "SOURCE", made=both),
        DocSpan("T2", Layer.CLAIM, 19, 38, "CLAIM", made=both),
        DocSpan("T3", Layer.ENTITY, 22, 29, "LOC", made=Provenance("maria"))],
        links=[DocLink("T2", "T1"), DocLink("T3", "T1", "mentions")],
        groups=[DocGroupMember("Regen", "G1", "T2", "Regen")])
    found = own_spans(draft)
    assert [(s.key, s.made.annotator, s.made.agreed) for s in found.annotations] == [
        ("T1", "maria", ()), ("T1/jonas", "jonas", ()), ("T2", "maria", ()),
        ("T2/jonas", "jonas", ()), ("T3", "maria", ())]
    assert found.annotations[1].made.at == "2026-01-02T03:04:05+00:00"
    assert [(x.from_key, x.to_key, x.kind) for x in found.links] == [
        ("T2", "T1", "attributed_to"), ("T2/jonas", "T1/jonas", "attributed_to"),
        ("T3", "T1", "mentions")]  # maria's entity: a link of hers only
    assert [m.span_key for m in found.groups] == ["T2", "T2/jonas"]
    plain = ArticleDraft(text=TEXT, annotations=[draft.annotations[2]])
    assert own_spans(plain) is plain


def test_annotators_must_be_names() -> None:
    assert parse_provenance({"_annotators": [" maria", "jonas"]}, "s").agreed == (
        "maria", "jonas")
    for bad in ("maria", ["maria", ""], [1]):
        with pytest.raises(ImportProblem, match="_annotators must be a list of names"):
            parse_provenance({"_annotators": bad}, "spans[0]")
