"""Article zones by rule: the invented examples in tests/data/zones_dev, single-line rules,
metadata, and the guarantees every suggestion keeps for any text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.nlp.zone_lines import line_zones
from annotator.nlp.zones import ZONE_LABELS, derive_meta, suggest_zones

DEV = Path(__file__).parent / "data" / "zones_dev"
META = ("title", "outlet", "author", "published", "url", "agency")
MARK = re.compile(r"⟦(?P<label>[A-Z]+)\|(?P<text>.*?)⟧", re.S)


def load(path: Path) -> tuple[str, list[Span], dict]:
    """An example's text, its marked zones with exact offsets, and its expected metadata."""
    meta_line, marked = path.read_bytes().decode("utf-8").split("\n---\n", 1)
    text, zones, last = [], [], 0
    length = 0
    for match in MARK.finditer(marked):
        text.append(marked[last : match.start()])
        length += match.start() - last
        zones.append(Span(length, length + len(match["text"]), match["label"]))
        text.append(match["text"])
        length += len(match["text"])
        last = match.end()
    text.append(marked[last:])
    return "".join(text), zones, json.loads(meta_line)


EXAMPLES = sorted(DEV.glob("*.txt"))


def test_the_examples_cover_every_label_and_the_special_characters() -> None:
    loaded = [load(path) for path in EXAMPLES]
    assert len(loaded) >= 12
    assert {zone.label for _, zones, _ in loaded for zone in zones} == set(ZONE_LABELS)
    texts = "".join(text for text, _, _ in loaded)
    assert "\r\n" in texts and "\u00a0" in texts and "🔴" in texts


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_zones_of_an_example(path: Path) -> None:
    text, expected, _ = load(path)
    found = suggest_zones(text)
    assert [(z.label, z.text_in(text)) for z in found] == [
        (z.label, z.text_in(text)) for z in expected
    ]
    assert found == expected  # the offsets too, in code points


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_metadata_of_an_example(path: Path) -> None:
    text, zones, meta = load(path)
    assert derive_meta(text, zones) == meta


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("(AFP)", "CREDIT"), ("AFP", "CREDIT"), ("Quelle: Reuters", "CREDIT"),
        ("Mit Material von dpa", "CREDIT"), ("dpa/AFP", "CREDIT"), ("KNA", "CREDIT"),
        ("epd", "CREDIT"), ("afp/rtr", "CREDIT"), ("jr/dpa", "CREDIT"),
        ("22. Oktober, 2024", "DATELINE"), ("22. Oktober 2024", "DATELINE"),
        ("Stand: 22.10.2024, 14:05 Uhr", "DATELINE"), ("Aktualisiert am 23.10.2024", "DATELINE"),
        ("Veröffentlicht am 22.10.2024", "DATELINE"), ("Mi 23.10.24", "DATELINE"),
        ("23.10.2024 | 14:05", "DATELINE"), ("vor 2 Stunden", "DATELINE"),
        ("Von Anna Berger", "BYLINE"), ("Ein Kommentar von Anna Berger", "BYLINE"),
        ("Von Anna Berger und Jan Roth, Berlin", "BYLINE"), ("Autor: Anna Berger", "BYLINE"),
        ("Lesen Sie auch", "TEASER"), ("Mehr zum Thema", "TEASER"), ("Weitere Artikel", "TEASER"),
        ("Das könnte Sie auch interessieren", "TEASER"), ("Für Sie ausgewählt", "TEASER"),
        ("Auch interessant", "TEASER"), ("Empfehlungen", "TEASER"),
        ("Video: Der Brand in Bildern", "TEASER"), ("Audio: Die Lage am Morgen", "TEASER"),
        ("Podcast: Was die Wahl entscheidet", "TEASER"),
        ("Foto: picture alliance / dpa", "CREDIT"), ("Bild: Anna Berger", "CREDIT"),
        ("Bildquelle: imago images", "CREDIT"), ("© Hamburger Morgenblatt", "CREDIT"),
        ("(Symbolbild)", "CREDIT"), ("| dpa", "CREDIT"), ("REUTERS/Jan Roth", "CREDIT"),
        ("Das Wichtigste in Kürze", "SUMMARY"), ("Zusammenfassung", "SUMMARY"),
        ("Auf einen Blick", "SUMMARY"),
        ("Anzeige", "NAV"), ("Teilen", "NAV"), ("Drucken", "NAV"), ("Kommentare", "NAV"),
        ("Startseite", "NAV"), ("Zur Startseite", "NAV"), ("Politik > Ausland", "NAV"),
        ("Startseite › Politik › Ausland", "NAV"), ("Nachrichten", "NAV"), ("Politik", "NAV"),
        ("Home", "NAV"), ("Newsletter abonnieren", "NAV"), ("Artikel anhören", "NAV"),
        ("Jetzt lesen", "NAV"), ("mehr", "NAV"), ("Nachrichten | Politik | Ausland", "NAV"),
        ("NachrichtenPolitikAusland", "NAV"), ("Lesezeit: 4 Min.", "NAV"), ("12 Kommentare", "NAV"),
        ("Jetzt zum Newsletter anmelden", "NAV"), ("Bild 2 von 7", "NAV"),
        ("Diese Geschichte entwickelt sich weiter.", "NOTE"),
        ("Dieser Artikel wurde aktualisiert.", "NOTE"), ("Korrektur: Es waren 30 Tote.", "NOTE"),
        ("Jan Roth lieferte zusätzliche Berichterstattung.", "CREDIT"),
        ("Mitarbeit: Lea Sommer", "CREDIT"), ("Hinweis der Redaktion: Name geändert.", "NOTE"),
    ],
)  # fmt: skip
def test_a_line_by_its_own_form(line: str, label: str) -> None:
    assert line_zones(line) == [(0, len(line), label)]


@pytest.mark.parametrize(
    "line",
    [
        "Die Polizei ermittelt, sagte ein Sprecher am Montag in Berlin.",
        "Politiker aller Parteien äußerten sich besorgt.",
        "Die Kosten für Cookies und Kuchen sind gestiegen, sagte die Bäckerin.",
        "Von den 20 Befragten stimmten 12 zu.",
        "Der Bericht wurde am Montag veröffentlicht und sorgt für Streit.",
        "Olaf Scholz (SPD) – der Kanzler – reiste nach Kiew.",
        "Doch – und das überraschte viele – die Regierung blieb bei ihrer Linie, hieß es.",
        "Der Kanzler, 22.10.2024",
    ],
)
def test_body_sentences_hold_no_zone(line: str) -> None:
    assert line_zones(line) == []


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Berlin (dpa) – Der Kanzler reist nach Kiew.", [(0, 14, "DATELINE")]),
        ("BERLIN/PARIS (AFP) – Die Gespräche gehen weiter.", [(0, 20, "DATELINE")]),
        ("Hamburg (dpa/lno) - Ein Feuer zerstörte eine Halle.", [(0, 19, "DATELINE")]),
        ("(KNA) Die Bischöfe beraten in Fulda.", [(0, 5, "DATELINE")]),
        ("Er blieb gelassen. (dpa)", [(19, 24, "CREDIT")]),
        ("Scholz in Kiew. Foto: Michael Kappeler/dpa", [(0, 15, "CAPTION"), (16, 42, "CREDIT")]),
        ("Lea Sommer | 22.10.2024", [(0, 10, "BYLINE"), (13, 23, "DATELINE")]),
        ("Von Lea Sommer, 22.10.2024", [(0, 14, "BYLINE"), (16, 26, "DATELINE")]),
        ("Von Lea Sommer und Jan Roth, Berlin, 22.10.2024, 14:05 Uhr",
         [(0, 35, "BYLINE"), (37, 58, "DATELINE")]),
        ("Frankfurt am Main, 22. Oktober 2024", [(0, 35, "DATELINE")]),
        ("Köln – Ein Mann hat in Köln-Ehrenfeld ein Kind aus einem brennenden Haus gerettet.",
         [(0, 6, "DATELINE")]),
    ],
)
def test_part_of_a_line(line: str, parts: list[tuple[int, int, str]]) -> None:
    assert line_zones(line) == parts


def test_section_words_a_lead_and_the_headline_repeated_later() -> None:
    text = "PolitikAusland\nScholz reist nach Kiew\n"
    text += "Der Kanzler sagt der Ukraine weitere Hilfe zu.\n"
    text += "Berlin (dpa) – Olaf Scholz ist zu einem Besuch in Kiew eingetroffen.\n"
    text += "Scholz reist nach  Kiew!\n"
    zones = suggest_zones(text)
    assert [(z.label, z.text_in(text)) for z in zones] == [
        ("NAV", "PolitikAusland"),
        ("HEADLINE", "Scholz reist nach Kiew"),
        ("LEAD", "Der Kanzler sagt der Ukraine weitere Hilfe zu."),
        ("DATELINE", "Berlin (dpa) –"),
        ("DUPLICATE", "Scholz reist nach  Kiew!"),
    ]


def test_section_words_glued_to_a_word_that_only_looks_like_one_stay_headline() -> None:
    text = "Politikerin tritt zurück\nDie Abgeordnete zieht Konsequenzen aus der Affäre.\n"
    text += "Sie habe Fehler gemacht, sagte sie am Montag vor Journalisten in Berlin.\n"
    assert suggest_zones(text)[0] == Span(0, 24, "HEADLINE")


def test_meta_from_zones_drawn_by_hand() -> None:
    headline, byline = "NachrichtenGipfel  in\u00a0Brüssel | tagesschau.de", "Von Lea Sommer, dpa"
    text = f"{headline}\n{byline}\n"
    zones = [Span(0, len(headline), "HEADLINE"), Span(len(headline) + 1, len(text) - 1, "BYLINE")]
    assert derive_meta(text, zones) == {
        "title": "Gipfel in Brüssel", "outlet": "tagesschau.de", "author": "Lea Sommer",
        "published": None, "url": None, "agency": "dpa",
    }  # fmt: skip
    assert derive_meta(text, []) == dict.fromkeys(META)


def test_an_update_date_is_published_only_when_nothing_else_is_dated() -> None:
    text = "Aktualisiert am 24.10.2024\nVeröffentlicht am 23.10.24\n"
    both = [Span(0, 26, "DATELINE"), Span(27, 53, "DATELINE")]
    assert derive_meta(text, both)["published"] == "2024-10-23"
    assert derive_meta(text, both[:1])["published"] == "2024-10-24"


PIECES = st.sampled_from([
    "Von Anna Berger", "Berlin (dpa) – ", "Foto: dpa", " | ", "\n", "\r\n", "\r", "\n\n", "\u00a0",
    " ", "\t", "Mehr zum Thema", "NachrichtenRussland", "22.10.2024", "(AFP)", "©", "• ", "🔴",
    "Lesen Sie auch:", "Das Wichtigste in Kürze", "Politik > Ausland", "\u2028", "\x85", "\u200b",
    "Der Kanzler sagte am Montag in Berlin, man werde helfen.", "Scholz in Kiew", "Anzeige",
    "(Symbolbild)", "Korrektur:", "Autor:", "vor 2 Stunden", "Stand: 22.10.2024, 14:05 Uhr",
])  # fmt: skip
MIXED = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=30).map("".join)
TEXTS = st.one_of(st.text(), MIXED)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_zones_lie_in_the_text_in_order_apart_and_trimmed(text: str) -> None:
    zones = suggest_zones(text)
    end = 0
    for zone in zones:
        assert end <= zone.start < zone.end <= len(text)
        assert not text[zone.start].isspace() and not text[zone.end - 1].isspace()
        assert zone.label in ZONE_LABELS
        end = zone.end
    meta = derive_meta(text, zones)
    assert set(meta) == set(META)
