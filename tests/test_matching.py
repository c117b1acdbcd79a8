"""Claim matching across articles: folding, slots, ranking on the sample corpus, differences.

Ranking quality is measured through the production path: the sample corpus imported into a
project, ranked by the project's ``Matcher`` as the GUI and ``annotator candidates`` do."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from annotator.app.importing import import_files
from annotator.app.matching import MatchCandidate, matcher_for
from annotator.core.spans import sentence_around
from annotator.nlp.match_features import (
    compare,
    differing_words,
    extract_dates,
    extract_numbers,
    fold,
)
from annotator.store import Project

SAMPLE = Path(__file__).parents[1] / "annotator" / "resources" / "sample"


def dump(path: Path) -> list[str]:
    """The project's whole content as SQL."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Iterator[tuple[Project, dict[int, int]]]:
    """The sample corpus imported (read only for the tests) and file number → article id."""
    files = sorted(SAMPLE.glob("*.txt"))
    path = tmp_path_factory.mktemp("matching") / "sample.db"
    with Project.open(path) as project:
        report = import_files(project, files)
        assert len(report.imported) == len(files) == 11 and not report.failed
    before = dump(path)
    with Project.open(path) as project:
        yield project, {int(f.name[:2]): a for f, a in zip(files, report.imported, strict=True)}
    assert dump(path) == before, "a test wrote into the shared sample project"


def ranked(corpus: tuple[Project, dict[int, int]], number: int, claim: str,
           query: str | None = None) -> list[MatchCandidate]:
    """The top five candidates (tfidf) for the sentence of sample ``number`` holding ``claim``."""
    project, ids = corpus
    article = ids[number]
    text = project.article(article).text
    if query is None:
        start, end = sentence_around(text, text.index(claim))
        query = text[start:end]
    found = matcher_for(project).candidates(project, query, article, top=5, method="tfidf")
    assert all(c.article_id != article for c in found)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    return found


def ranked_texts(corpus: tuple[Project, dict[int, int]], number: int, claim: str) -> list[str]:
    return [c.text for c in ranked(corpus, number, claim)]


def test_fold() -> None:
    assert fold("Größte Übersetzung, Ärger, Öl") == "groesste uebersetzung, aerger, oel"
    assert fold("Procházková Kratochvíl Děčín") == "prochazkova kratochvil decin"
    assert fold("STRASSE Straße") == "strasse strasse"


def test_signing_day_and_place_of_01_finds_the_contradicting_sentence(corpus) -> None:
    top = ranked_texts(corpus, 1, "Deutschland und Tschechien haben am Mittwoch in Dresden")
    contradicting = (
        "Deutschland und Tschechien haben den Vertrag am Donnerstag in Prag unterzeichnet.",  # 04
        "Unterzeichnet wurde der Vertrag am 24. Oktober im Prager Palais Czernin",  # 05
    )
    assert any(c in t for t in top for c in contradicting), top


def test_volume_term_and_communities_find_contradictions(corpus) -> None:
    top = ranked_texts(corpus, 1, "Kern des Vertrags ist ein gemeinsames Investitionsprogramm")
    assert any("800 Millionen" in t or "1,2 Milliarden" in t for t in top)
    top = ranked_texts(corpus, 1, "Das Abkommen hat eine Laufzeit von 40 Jahren.")
    assert any("45 Jahren" in t for t in top), top
    top = ranked_texts(corpus, 1, "Auf deutscher Seite sind 27 Gemeinden")
    assert any("34 Gemeinden" in t for t in top), top


def test_candidate_parts_and_shared_words(corpus) -> None:
    query = "Deutschland und Tschechien haben am Mittwoch in Dresden das Abkommen unterzeichnet."
    best = ranked(corpus, 1, "", query=query)
    assert len(best) == 5 and all(isinstance(c, MatchCandidate) for c in best)
    for c in best:
        assert set(c.parts) == {"tfidf"} and c.score == c.parts["tfidf"] > 0
        assert c.method == "tfidf"
    same_day = next(c for c in best if {"Mittwoch", "Dresden"} <= set(c.shared))
    assert compare(query, same_day.text)[0]["dates"] == 1.0


def test_extract_numbers() -> None:
    text = (
        "Investitionen von 1,2 Milliarden Euro statt 800 Millionen, 40 Jahre Laufzeit, der "
        "45-jährige Minister, 27 Gemeinden, 1.500 Menschen, 2,4 Prozent, 3 Mio. Euro, zwei Länder "
        "um 14:05 Uhr am 23.10.2024"
    )
    found = {s.text: s.key for s in extract_numbers(text)}
    assert found == {
        "1,2 Milliarden": "1200000000",
        "800 Millionen": "800000000",
        "40": "40",
        "45-jährige": "45",
        "27": "27",
        "1.500": "1500",
        "2,4": "2.4",
        "3 Mio.": "3000000",
        "zwei": "2",
    }
    for slot in extract_numbers(text):
        assert text[slot.start : slot.end] == slot.text


def test_extract_dates_and_weekdays() -> None:
    text = (
        "Am Mittwochabend, am Donnerstag und am Sonnabend; unterzeichnet am 23. Oktober 2024, "
        "gemeldet am 24.10., Datum 23.10.2024, im Oktober"
    )
    keys = [s.key for s in extract_dates(text)]
    assert keys == ["Mittwoch", "Donnerstag", "Samstag", "23.10.", "24.10.", "23.10.", "10."]
    assert extract_dates("Mittwoch")[0].text == "Mittwoch"


def test_differing_words() -> None:
    a = "Deutschland und Tschechien haben den Vertrag am Mittwoch in Dresden unterzeichnet."
    b = "Deutschland und Tschechien haben den Vertrag am Donnerstag in Prag unterzeichnet."
    spans_a, spans_b = differing_words(a, b)
    assert [a[s:e] for s, e in spans_a] == ["Mittwoch", "Dresden"]
    assert [b[s:e] for s, e in spans_b] == ["Donnerstag", "Prag"]
    a = "Das Abkommen umfasst Investitionen von insgesamt 1,2 Milliarden Euro."
    b = "Das Abkommen umfasst Investitionen von insgesamt 800 Millionen Euro."
    spans_a, spans_b = differing_words(a, b)
    assert [a[s:e] for s, e in spans_a] == ["1,2 Milliarden"]
    assert [b[s:e] for s, e in spans_b] == ["800 Millionen"]
    assert differing_words("Gleicher Satz.", "gleicher satz") == ([], [])
