"""ClaimReview JSON-LD: exact records, and the file checked as JSON-LD by pyld's expansion."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from msgspec.structs import replace
from pyld import jsonld
from pyld.documentloader.frozen import FrozenDocumentLoader

from annotator.core.model import Provenance
from annotator.io.export_claimreview import write_claimreview
from annotator.io.export_notes import Kind, WriterNote
from tests.fact_corpus import drafts
from tests.test_export_notes import notes

SCHEMA = "http://schema.org/"
# schema.org's context as its terms for our fields read (the vocabulary, url as an IRI, dates
# typed): served locally, so the expansion fetches nothing
LOADER = FrozenDocumentLoader(
    {"https://schema.org": Path(__file__).parent / "data" / "schema_org_context.jsonld"})
DAY = dt.date(2026, 12, 3)
MARIA = {"@type": "Person", "name": "maria"}


def _review(claim: str, item: dict[str, Any], rating: dict[str, Any],
            body: str | None = None) -> dict[str, Any]:
    review = {"@context": "https://schema.org", "@type": "ClaimReview",
              "claimReviewed": claim, "itemReviewed": {"@type": "Claim", **item},
              "reviewRating": {"@type": "Rating", **rating}, "author": MARIA,
              "datePublished": "2026-12-03"}
    return {**review, "reviewBody": body} if body else review


def _scale(value: int, words: str) -> dict[str, Any]:
    return {"ratingValue": value, "worstRating": 1, "bestRating": 3, "alternateName": words}


A_ARTICLE = {"@type": "NewsArticle", "headline": "Vertrag unterzeichnet",
             "url": "https://elbtal-bote.example/vertrag", "datePublished": "2024-05-02",
             "publisher": {"@type": "Organization", "name": "Elbtal-Bote"}}
B_ARTICLE = {"@type": "NewsArticle", "headline": "Streit um den Termin",
             "datePublished": "2024-05-03",
             "publisher": {"@type": "Organization", "name": "Sachsenblick"}}
EXPECTED = [
    _review("der Vertrag sei am Mittwoch unterzeichnet worden",
            {"author": {"@type": "Person", "name": "Anna Berger"},
             "datePublished": "2024-05-02", "appearance": A_ARTICLE},
            _scale(3, "True"), "Protokoll der Sitzung"),
    _review("Die Feier fand in Dresden statt",
            {"datePublished": "2024-05-02", "appearance": A_ARTICLE}, _scale(2, "Misleading")),
    _review("der Vertrag am Donnerstag unterzeichnet",
            {"author": {"@type": "Organization", "name": "Elbtal-Bote"},
             "datePublished": "2024-05-03", "appearance": B_ARTICLE}, _scale(1, "False")),
    _review("Die Feier fand in Leipzig statt",
            {"datePublished": "2024-05-03", "appearance": B_ARTICLE}, _scale(3, "True")),
    _review("Angeblich waren 300 Gäste da",
            {"author": {"name": "Das Amt"},
             "appearance": {"@type": "NewsArticle", "headline": "Amt bestätigt"}},
            {"alternateName": "Unprovable"}),
]


def test_one_review_per_claim_with_a_verdict(tmp_path: Path, caplog) -> None:
    path = tmp_path / "train.jsonld"
    assert write_claimreview(drafts(), path, today=DAY) == [path]
    assert json.loads(path.read_text(encoding="utf-8")) == EXPECTED
    # the article nobody marked done is left out, and named
    assert notes(caplog) == [WriterNote(Kind.CLAIMS_UNREVIEWED, "train.jsonld", 1,
                                        ("Ungeprüft",))]


def test_the_export_day_without_one(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonld"
    write_claimreview(drafts()[:1], path)
    days = {r["datePublished"] for r in json.loads(path.read_text(encoding="utf-8"))}
    assert days == {dt.datetime.now(dt.UTC).date().isoformat()}


def test_expands_to_schema_org_iris(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonld"
    write_claimreview(drafts(), path, today=DAY)
    written = json.loads(path.read_text(encoding="utf-8"))
    expanded = jsonld.expand(written, {"documentLoader": LOADER})
    assert len(expanded) == len(EXPECTED) == 5
    for compact, node in zip(written, expanded, strict=True):
        _same_fields(compact, node)
    first = expanded[0]
    assert first["@type"] == [SCHEMA + "ClaimReview"]
    [item] = first[SCHEMA + "itemReviewed"]
    [appearance] = item[SCHEMA + "appearance"]
    assert appearance[SCHEMA + "url"] == [{"@id": "https://elbtal-bote.example/vertrag"}]
    assert item[SCHEMA + "datePublished"] == [{"@type": SCHEMA + "Date",
                                               "@value": "2024-05-02"}]
    [rating] = first[SCHEMA + "reviewRating"]
    assert rating[SCHEMA + "ratingValue"] == [{"@value": 3}]


def _same_fields(compact: dict[str, Any], node: dict[str, Any]) -> None:
    """Every field of the compact object is its schema.org IRI in the expanded node, its type
    the schema.org type; nested objects alike."""
    fields = {key for key in compact if not key.startswith("@")}
    assert set(node) - {"@type"} == {SCHEMA + key for key in fields}
    if "@type" in compact:
        assert node["@type"] == [SCHEMA + compact["@type"]]
    for key in fields:
        value = compact[key]
        if isinstance(value, dict):
            [inner] = node[SCHEMA + key]
            _same_fields(value, inner)


def test_no_person_for_gold_or_imported_claims(tmp_path: Path) -> None:
    first = drafts()[0]
    for n, who in enumerate(("gold", "import")):
        first.annotations = [replace(s, made=Provenance(who)) for s in first.annotations]
        path = tmp_path / f"{n}.jsonld"
        write_claimreview([first], path, today=DAY)
        reviews = json.loads(path.read_text(encoding="utf-8"))
        assert len(reviews) == 2 and not [r for r in reviews if "author" in r]


def test_a_split_without_reviews_is_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonld"
    write_claimreview(drafts()[3:], path, today=DAY)  # not marked done
    assert json.loads(path.read_text(encoding="utf-8")) == []


PUBLISHER = {"@type": "Organization", "name": "Faktencheck Sachsen"}


def test_the_publisher_is_the_reviews_author(tmp_path: Path) -> None:
    """Named by the export, the organisation publishing the fact-checks is each review's
    author, the annotator its contributor; as JSON-LD: schema.org's author, an Organization
    with its name, and contributor, a Person."""
    path = tmp_path / "train.jsonld"
    write_claimreview(drafts(), path, today=DAY, publisher="Faktencheck Sachsen")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == [{**r, "author": PUBLISHER, "contributor": MARIA} for r in EXPECTED]
    expanded = jsonld.expand(written, {"documentLoader": LOADER})
    for compact, node in zip(written, expanded, strict=True):
        _same_fields(compact, node)
        [author] = node[SCHEMA + "author"]
        assert author == {"@type": [SCHEMA + "Organization"],
                          SCHEMA + "name": [{"@value": "Faktencheck Sachsen"}]}
        [person] = node[SCHEMA + "contributor"]
        assert person == {"@type": [SCHEMA + "Person"], SCHEMA + "name": [{"@value": "maria"}]}
    first = drafts()[0]
    first.annotations = [replace(s, made=Provenance("gold")) for s in first.annotations]
    write_claimreview([first], path, today=DAY, publisher="Faktencheck Sachsen")
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert [(r["author"], "contributor" in r) for r in reviews] == [(PUBLISHER, False)] * 2


def test_publisher_flows_from_the_command_line(tmp_path: Path) -> None:
    """``annotator export --publisher`` reaches the file and the manifest; another format or
    an empty name is refused."""
    from typer.testing import CliRunner

    from annotator.cli import app
    from tests.test_export_factcheck import _project

    _project(tmp_path / "p.db").close()
    runner = CliRunner()
    base = ["export", str(tmp_path / "p.db"), "-o"]
    done = runner.invoke(app, [*base, str(tmp_path / "cr"), "-f", "claimreview",
                               "--publisher", " Faktencheck Sachsen "])
    assert done.exit_code == 0, done.output
    reviews = json.loads((tmp_path / "cr" / "all.jsonld").read_text(encoding="utf-8"))
    assert [(r["author"], r["contributor"]) for r in reviews] == [(PUBLISHER, MARIA)] * 2
    manifest = next(p for p in (tmp_path / "cr").iterdir() if p.suffix == ".json")
    assert json.loads(manifest.read_text("utf-8"))["options"]["publisher"] == \
        "Faktencheck Sachsen"
    for fmt, name, why in (("fever", "X", "for --format claimreview only"),
                           ("claimreview", " ", "the name is empty")):
        refused = runner.invoke(app, [*base, str(tmp_path / fmt), "-f", fmt,
                                      "--publisher", name])
        assert refused.exit_code != 0 and why in refused.output
        assert not (tmp_path / fmt).exists()
