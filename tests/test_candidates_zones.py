"""Claim matching never offers text across a zone's edge: every candidate `annotator candidates
--json` gives for the claims and headlines of real-news-like pages (tests/data/news/dev, with
their menus, teasers, credits and footers) lies inside one kept zone or one stretch of body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app.zones import zones_of
from annotator.cli import app
from annotator.core.model import Layer, Span
from annotator.core.zones import segments
from annotator.store import Project

DEV = Path(__file__).parent / "data" / "news" / "dev"
runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def news_db(tmp_path_factory) -> Path:
    """The dev pages imported through the command line, a body sentence of every third page
    marked as a claim."""
    db = tmp_path_factory.mktemp("news") / "news.db"
    files = sorted(DEV.glob("*.txt"))
    invoke("import", str(db), *map(str, files), "--no-suggest")
    assert invoke("zones", str(db), "--pending") == f"zones found for {len(files)} articles\n"
    with Project.open(db) as project:
        for article_id in range(1, len(files) + 1, 3):
            text = project.article(article_id).text
            body = [s for s in project.matching.sentences(article_id=article_id)
                    if len(s.text) > 60 and text.count(s.text) == 1
                    and (seg := _kept_segment(project, article_id, s.start, s.end))
                    and seg.label is None]
            if body:
                project.add_annotation(article_id, Layer.CLAIM,
                                       Span(body[0].start, body[0].end, "CLAIM"), "anna")
    return db


def _kept_segment(project: Project, article_id: int, start: int, end: int):
    """The zone or stretch of body holding [start, end) whole, or None."""
    length = len(project.article(article_id).text)
    return next((s for s in segments(length, zones_of(project, article_id))
                 if s.start <= start and end <= s.end), None)


def queries(project: Project) -> list[tuple[int, str]]:
    """(article, text): every claim, and the headlines of the pages with a claim."""
    out = []
    for claim in project.matching.claim_spans():
        out.append((claim.article_id, claim.text))
        text = project.article(claim.article_id).text
        out += [(claim.article_id, text[z.start:z.end]) for z in zones_of(
            project, claim.article_id) if z.label == "HEADLINE"
            and text.count(text[z.start:z.end]) == 1]
    return out


def test_every_candidate_lies_in_one_kept_zone_or_one_stretch_of_body(news_db: Path) -> None:
    with Project.open(news_db) as project:
        asked = queries(project)
    assert len(asked) >= 20
    seen = 0
    for article_id, text in asked:
        found = json.loads(invoke("candidates", str(news_db), "--article", str(article_id),
                                  "--text", text, "--top", "15", "--json"))["candidates"]
        with Project.open(news_db) as project:
            for c in found:
                page = project.article(c["article_id"]).text
                assert page[c["start"]:c["end"]] == c["text"]
                segment = _kept_segment(project, c["article_id"], c["start"], c["end"])
                assert segment is not None, f"{c['kind']} across a zone's edge: {c['text']!r}"
                assert not segment.skipped, f"{c['kind']} in {segment.label}: {c['text']!r}"
                seen += 1
    assert seen >= 15 * len(asked) * 0.9
