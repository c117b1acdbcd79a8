"""Claim matching across articles: folding, slots, ranking on the sample corpus, differences."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from annotator.core.spans import sentence_around
from annotator.nlp.matching import (
    Candidate,
    ClaimIndex,
    differing_words,
    extract_dates,
    extract_numbers,
    fold,
)

SAMPLE = Path(__file__).parents[1] / "annotator" / "resources" / "sample"


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence of a text, found with sentence_around as the annotator does."""
    out, pos = [], 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        start, end = sentence_around(text, pos)
        end = max(end, pos + 1)
        if end > start:
            out.append((start, end))
        pos = end
    return out


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[int, str], ClaimIndex]:
    texts = {
        int(path.name[:2]): path.read_text(encoding="utf-8")
        for path in sorted(SAMPLE.glob("*.txt"))
    }
    items = [
        ((article, s, e), article, text[s:e])
        for article, text in texts.items()
        for s, e in sentences(text)
    ]
    return texts, ClaimIndex(items)


def ranked_texts(corpus: tuple[dict[int, str], ClaimIndex], article: int, claim: str) -> list[str]:
    texts, index = corpus
    text = texts[article]
    start, end = sentence_around(text, text.index(claim))
    found = index.rank(text[start:end], exclude_article=article, top=5)
    assert all(c.article_id != article for c in found)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    return [texts[c.key[0]][c.key[1] : c.key[2]] for c in found]


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
    texts, index = corpus
    query = "Deutschland und Tschechien haben am Mittwoch in Dresden das Abkommen unterzeichnet."
    best = index.rank(query, exclude_article=1, top=5)
    assert len(best) == 5 and all(isinstance(c, Candidate) for c in best)
    for c in best:
        assert {"lexical", "numbers", "dates", "entities"} <= set(c.parts)
        assert c.parts["lexical"] <= c.score <= c.parts["lexical"] + 0.1 + 1e-6
    same_day = next(c for c in best if "Mittwoch" in c.shared)
    assert "Dresden" in same_day.shared and same_day.parts["dates"] == 1.0


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


def test_add_refits_lazily_and_excludes_the_article() -> None:
    index = ClaimIndex([("a", 1, "Der Vertrag wurde am Mittwoch in Dresden unterzeichnet.")])
    assert index.rank("Vertrag am Mittwoch unterzeichnet", exclude_article=1) == []
    index.add([("b", 2, "Der Vertrag wurde am Donnerstag in Prag unterzeichnet.")])
    assert len(index) == 2
    assert [c.key for c in index.rank("Vertrag am Mittwoch unterzeichnet", 1)] == ["b"]
    assert [c.key for c in index.rank("Vertrag am Mittwoch", None, top=1)] == ["a"]
    assert ClaimIndex().rank("Vertrag") == []


def test_ten_thousand_items_rank_fast() -> None:
    words = [
        "Vertrag",
        "Abkommen",
        "Elbe",
        "Laufzeit",
        "Jahre",
        "Gemeinden",
        "Minister",
        "Prag",
        "Dresden",
        "Euro",
    ]
    items = [
        (n, n % 300, f"{words[n % 10]} {words[n * 7 % 10]} {n} {words[n * 3 % 10]} Satz {n % 97}")
        for n in range(10_000)
    ]
    index = ClaimIndex(items)
    index.rank("Abkommen Laufzeit 40 Jahre", exclude_article=0)  # fits once
    started = time.perf_counter()
    for _ in range(10):
        found = index.rank("Das Abkommen hat eine Laufzeit von 40 Jahren.", exclude_article=0)
    assert (time.perf_counter() - started) / 10 < 0.25
    assert len(found) == 5 and all(c.article_id != 0 for c in found)
