"""The fact-checking exports from a project, through the export use case: what the store
keeps (source kinds, who annotated, the claim that holds, group values) reaches the files."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.app.exporting import ExportOptions, export_project
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.io.fact_claims import page_id
from annotator.store import Project
from tests.test_export_notes import notes

TEXTS = ["Anna Berger sagte, der Vertrag sei am Mittwoch unterzeichnet worden.",
         "Laut Elbtal-Bote wurde der Vertrag am Donnerstag unterzeichnet.",
         "Der Vertrag wurde am Donnerstag unterzeichnet, hieß es."]
CLAIMS = ["der Vertrag sei am Mittwoch unterzeichnet worden",
          "der Vertrag am Donnerstag unterzeichnet", "Der Vertrag wurde am Donnerstag"]
SOURCES = ["Anna Berger", "Elbtal-Bote", None]
VERDICTS = ["true", "false", "true"]
VALUES = ["Mittwoch", "Donnerstag", "Donnerstag"]


def _span(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label)


def _project(path: Path) -> Project:
    """Three articles in one group; the first holds; the third is not marked done."""
    p = Project.open(path)
    group = p.claims.add_group("Wochentag")
    for n, text in enumerate(TEXTS):
        aid = p.add_article(ArticleDraft(text=text, title=f"Artikel {n + 1}",
                                         outlet="Elbtal-Bote", published=f"2024-05-0{n + 1}"))
        assert aid
        claim = p.add_annotation(aid, Layer.CLAIM, _span(text, CLAIMS[n], "CLAIM"), "maria",
                                 attrs={"kind": "factual", "verdict": VERDICTS[n]})
        if SOURCES[n]:
            source = p.add_annotation(aid, Layer.SOURCE, _span(text, SOURCES[n], "SOURCE"),
                                      "maria")
            p.add_link(claim, source, "attributed_to", "maria", {"cue": "sagte"})
            kind = "person" if n == 0 else "newspaper"
            p.claims.set_canonical([source], p.claims.add_source(SOURCES[n], kind))
        p.claims.add_member(group, claim, "maria", value=VALUES[n])
        if n == 0:
            p.claims.update_group(group, holding_id=claim)
        if n < 2:
            p.set_status(aid, Status.DONE)
    return p


def _export(project: Project, fmt: str, out: Path) -> list:
    export_project(project, ExportOptions(fmt, out, include_unreviewed=True))
    path = next(f for f in out.iterdir() if f.name.startswith("all.")
                and ".pages." not in f.name)
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if fmt == "claimreview" else [json.loads(x) for x in text.splitlines()]


def test_from_a_project(tmp_path: Path, caplog) -> None:
    project = _project(tmp_path / "p.db")
    reviews = _export(project, "claimreview", tmp_path / "cr")
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["True", "False"]
    assert [r["itemReviewed"]["author"] for r in reviews] == [
        {"@type": "Person", "name": "Anna Berger"},
        {"@type": "Organization", "name": "Elbtal-Bote"}]
    assert {r["author"]["name"] for r in reviews} == {"maria"}
    assert [n.names for n in notes(caplog)] == [("Artikel 3",)]  # not done: left out, named

    first = page_id(ArticleDraft(TEXTS[0]))
    fever = _export(project, "fever", tmp_path / "fever")
    assert [(r["claim"], r["label"], r["evidence"], r["label_from"]) for r in fever] == [
        (CLAIMS[0], "SUPPORTS", [], "verdict"),
        (CLAIMS[1], "REFUTES", [[[None, None, first, 0]]], "verdict and holding claim")]
    assert len((tmp_path / "fever" / "all.pages.jsonl").read_text("utf-8").splitlines()) == 3

    nli = _export(project, "nli", tmp_path / "nli")
    assert [(r["premise"], r["hypothesis"], r["label"]) for r in nli] == [
        (CLAIMS[0], CLAIMS[1], "contradiction"), (CLAIMS[1], CLAIMS[0], "contradiction")]


def test_the_writers_warnings_reach_the_report(tmp_path: Path) -> None:
    """What a writer logs (claims of an article not done left out) is in the report the window
    shows as the command line does."""
    project = _project(tmp_path / "p.db")
    out = tmp_path / "fever"
    report = export_project(project, ExportOptions("fever", out, include_unreviewed=True))
    heard = [w for w in report.warnings if "left out the claims of" in w]
    assert heard == ["all.jsonl: left out the claims of 1 article not marked done (what nobody "
                     "reviewed is missing, not a negative): 'Artikel 3'"]
