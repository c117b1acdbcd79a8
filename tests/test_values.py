"""The values claims state (nlp/values.py finds them, core/values.py compares them) and, for
claims without them, the words two claims state differently."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.core.values import (
    SLOTS,
    ClaimValue,
    article_day,
    conflicts,
    from_attrs,
    point,
    with_values,
)
from annotator.nlp.values import extract, parse_value, stated_values


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Berger sagte, das Abkommen sei am Mittwoch in Dresden unterzeichnet worden.",
     "Laut Tageskurier wurde der Vertrag am Donnerstag in Prag unterzeichnet.",
     ("Mittwoch", "Donnerstag")),
    ("Der Fonds hat 1,2 Milliarden Euro.", "Der Fonds umfasst 800 Millionen Euro.",
     ("1,2 Milliarden", "800 Millionen")),
    ("Die Laufzeit beträgt 40 Jahre.", "Das Abkommen gilt 45 Jahre lang.", ("40", "45")),
    ("Die Details sind geheim.", "Die Details werden nächste Woche veröffentlicht.",
     ("sind geheim", "werden nächste Woche veröffentlicht")),
])
def test_stated_values(a: str, b: str, expected: tuple[str, str]) -> None:
    assert stated_values(a, b) == expected


# -- typed values -------------------------------------------------------------------------------

PUBLISHED = "2024-10-24"  # a Thursday


def found(text: str, published: str | None = PUBLISHED, entities=()) -> list[tuple[str, str,
                                                                                     str]]:
    """(slot, value, text) of every value but yes/no, in text order."""
    return [(f.value.slot, f.value.value, f.value.text) for f in extract(text, published,
                                                                         entities)
            if f.value.slot != "yes/no"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Abkommen wurde am Mittwoch unterzeichnet.", [("weekday", "Mittwoch", "Mittwoch")]),
    ("Am Mittwochabend kam es zu Protesten.", [("weekday", "Mittwoch", "Mittwochabend")]),
    ("Der Streik begann am Sonnabend.", [("weekday", "Samstag", "Sonnabend")]),
    ("Montag und Freitag sind frei.", [("weekday", "Montag", "Montag"),
                                       ("weekday", "Freitag", "Freitag")]),
    ("Der Vertrag gilt seit dem 22. Oktober 2024.", [("date", "2024-10-22",
                                                      "22. Oktober 2024")]),
    ("Die Wahl ist am 22.10.2024 gewesen.", [("date", "2024-10-22", "22.10.2024")]),
    ("Die Wahl ist am 3.3.24 gewesen.", [("date", "2024-03-03", "3.3.24")]),
    ("Am 22. Oktober wurde gewählt.", [("date", "--10-22", "22. Oktober")]),
    ("Am 22.10. wurde gewählt.", [("date", "--10-22", "22.10.")]),
    ("Bis 1. März 2025 soll es fertig sein.", [("date", "2025-03-01", "1. März 2025")]),
    ("Gestern wurde der Vertrag unterzeichnet.", [("date", "2024-10-23", "Gestern")]),
    ("Der Vertrag wurde gestern unterzeichnet.", [("date", "2024-10-23", "gestern")]),
    ("Heute morgen trat sie zurück.", [("date", "2024-10-24", "Heute")]),
    ("Vorgestern und übermorgen.", [("date", "2024-10-22", "Vorgestern"),
                                   ("date", "2024-10-26", "übermorgen")]),
    ("Bei dem Unglück gab es drei Tote.", [("number", "3", "drei Tote")]),
    ("Bei dem Unglück gab es 3 Tote.", [("number", "3", "3 Tote")]),
    ("Es gab zwölf weitere Verletzte.", [("number", "12", "zwölf weitere Verletzte")]),
    ("Einundzwanzig Menschen starben.", [("number", "21", "Einundzwanzig Menschen")]),
    ("Dreihundertfünfzig Soldaten sind dort.", [("number", "350",
                                                 "Dreihundertfünfzig Soldaten")]),
    ("Der Fonds umfasst 3 Millionen Euro.", [("number", "3000000", "3 Millionen Euro")]),
    ("Der Fonds umfasst 1,2 Milliarden Euro.", [("number", "1200000000",
                                                 "1,2 Milliarden Euro")]),
    ("Der Fonds umfasst 1,2 Mrd. Euro.", [("number", "1200000000", "1,2 Mrd. Euro")]),
    ("Eine Million Menschen protestierten.", [("number", "1000000",
                                               "Eine Million Menschen")]),
    ("Es kamen 12.500 Besucher.", [("number", "12500", "12.500 Besucher")]),
    ("Die Zustimmung liegt bei 40 Prozent.", [("number", "40", "40 Prozent")]),
    ("Die Zustimmung liegt bei 40 %.", [("number", "40", "40 %")]),
    ("Die Zustimmung liegt bei 40,5 Prozent.", [("number", "40.5", "40,5 Prozent")]),
    ("Der 45-jährige Vertrag läuft aus.", [("number", "45", "45-jährige")]),
    ("Im Jahr 2023 und um 14.30 Uhr war nichts.", []),
    ("Ein Sprecher sagte, eine Lösung sei nahe.", []),
    ("Fläche in m³𝔄 und x² sowie ٣ Tote.", [("number", "3", "٣ Tote")]),
])
def test_values_found_in_german_claims(text: str, expected: list) -> None:
    assert found(text) == expected


def test_relative_days_need_the_article_date() -> None:
    assert found("Gestern wurde unterzeichnet.", published=None) == []
    assert found("Gestern wurde unterzeichnet.", published="kein Datum") == []


def test_units_compare_by_their_stem() -> None:
    (tote,) = [f.value for f in extract("drei Tote", None)]
    (toten,) = [f.value for f in extract("mit 3 Toten", None)]
    assert (tote.value, tote.about) == (toten.value, toten.about) == ("3", "tot")
    assert [f.value.about for f in extract("40 Prozent, 40 % und 40 Euro", None)
            if f.value.slot == "number"] == ["prozent", "prozent", "euro"]


def test_places_and_persons_come_from_entity_spans() -> None:
    text = "Anna Berger unterzeichnete in Dresden."
    where = text.index("Dresden")
    spans = [Span(0, 11, "PER"), Span(where, where + 7, "LOC"), Span(0, 4, "MISC")]
    assert found(text, entities=spans) == [("person", "anna berger", "Anna Berger"),
                                           ("place", "dresden", "Dresden")]


@pytest.mark.parametrize(("text", "value", "about", "shown"), [
    ("Der Bericht wurde veröffentlicht.", "ja", "veröffentlicht", "veröffentlicht"),
    ("Der Bericht wurde nicht veröffentlicht.", "nein", "veröffentlicht",
     "nicht veröffentlicht"),
    ("Sie veröffentlichte den Bericht nicht.", "nein", "veröffentlicht",
     "veröffentlichte den Bericht nicht"),
    ("Es wurde kein Vertrag unterzeichnet.", "nein", "unterzeichnet",
     "kein Vertrag unterzeichnet"),
    ("Das Abkommen sei am Mittwoch unterzeichnet worden.", "ja", "unterzeichnet",
     "unterzeichnet"),
    # a reporting verb is not what is said; a negation in another clause denies something else
    ("„Das Wasser kennt keine Grenzen“, sagte die Ministerin.", "nein", "kennt", "kennt keine"),
    ("Die Zahlen wurden nicht genannt, die Studie aber veröffentlicht.", "ja",
     "veröffentlicht", "veröffentlicht"),
    ("Es unterschrieb der tschechische Minister.", "ja", "unterschrieb", "unterschrieb"),
])
def test_yes_or_no_is_said_of_the_claims_predicate(text: str, value: str, about: str,
                                                   shown: str) -> None:
    (said,) = [f.value for f in extract(text) if f.value.slot == "yes/no"]
    assert (said.value, said.about, said.text) == (value, about, shown)


@pytest.mark.parametrize(("typed", "slot", "expected"), [
    ("Ort: Prag", None, ClaimValue("place", "prag", "Prag")),
    ("person:  Max  Roth ", None, ClaimValue("person", "max roth", "Max  Roth")),
    ("Prag", "place", ClaimValue("place", "prag", "Prag")),
    ("vier Tote", None, ClaimValue("number", "4", "vier Tote", "tot")),
    ("number: 5 Tote", "weekday", ClaimValue("number", "5", "5 Tote", "tot")),
    ("Donnerstag", "weekday", ClaimValue("weekday", "Donnerstag", "Donnerstag")),
    ("23.10.2024", None, ClaimValue("date", "2024-10-23", "23.10.2024")),
    ("nein veröffentlicht", None, ClaimValue("yes/no", "nein", "nein veröffentlicht",
                                             "veröffentlicht")),
    ("gestern", "date", ClaimValue("date", "2024-10-23", "gestern")),
    ("Donnerstag", "number", None),
    ("irgendwas", None, None),
    ("ort:", None, None),
])
def test_a_typed_value_is_read_for_its_slot(typed: str, slot: str | None,
                                            expected: ClaimValue | None) -> None:
    assert parse_value(typed, PUBLISHED, slot=slot) == expected


# -- comparing values -----------------------------------------------------------------------------


def values(text: str, published: str | None = PUBLISHED) -> list[ClaimValue]:
    return [f.value for f in extract(text, published)]


def day(iso: str | None) -> dt.date | None:
    return article_day(iso)


@pytest.mark.parametrize(("a", "pa", "b", "pb", "conflict"), [
    # the same day as a weekday and as a date: Wednesday 23 October 2024, articles of the 24th
    ("am Mittwoch unterzeichnet", "2024-10-24", "am 23.10.2024 unterzeichnet", "2024-10-24",
     False),
    ("am Mittwoch unterzeichnet", "2024-10-24", "am 23. Oktober unterzeichnet", "2024-10-25",
     False),
    ("am Mittwoch unterzeichnet", "2024-10-24", "Mittwoch, 23. Oktober 2024 unterzeichnet",
     None, False),
    ("gestern unterzeichnet", "2024-10-24", "am Mittwoch unterzeichnet", "2024-10-25", False),
    ("am Mittwoch unterzeichnet", "2024-10-24", "am Donnerstag unterzeichnet", "2024-10-24",
     True),
    ("am Mittwoch unterzeichnet", "2024-10-24", "am 30.10.2024 unterzeichnet", "2024-10-24",
     True),  # a Wednesday, but not the one before the article
    ("am Mittwoch unterzeichnet", None, "am 24.10.2024 unterzeichnet", None, True),
    ("am Mittwoch unterzeichnet", None, "am 23.10.2024 unterzeichnet", None, False),
    ("am Mittwoch unterzeichnet", None, "am 22. Oktober unterzeichnet", None, False),
    ("am 22. Oktober", "2024-10-24", "am 22.10.2024", None, False),
    ("am 28. Dezember", "2025-01-02", "am 28.12.2024", None, False),
    ("drei Tote", None, "3 Tote", None, False),
    ("drei Tote", None, "vier Tote", None, True),
    ("drei Tote", None, "vier Verletzte", None, False),  # not one quantity
    ("40 Prozent", None, "40 %", None, False),
    ("1,2 Milliarden Euro", None, "1200 Millionen Euro", None, False),
    ("Der Bericht wurde veröffentlicht.", None, "Der Bericht wurde nicht veröffentlicht.",
     None, True),
    ("Der Bericht wurde veröffentlicht.", None, "Die Studie wurde veröffentlicht.", None,
     False),
    ("Die Details sind geheim.", None, "Die Details werden veröffentlicht.", None, False),
])
def test_claims_conflict_on_values_not_words(a: str, pa: str | None, b: str, pb: str | None,
                                             conflict: bool) -> None:
    assert bool(conflicts(values(a, pa), day(pa), values(b, pb), day(pb))) is conflict
    assert bool(conflicts(values(b, pb), day(pb), values(a, pa), day(pa))) is conflict


def test_names_agree_when_one_is_part_of_the_other() -> None:
    berger, anna = ClaimValue("person", "berger"), ClaimValue("person", "anna berger")
    roth = ClaimValue("person", "max roth")
    assert not conflicts([berger], None, [anna], None)
    assert conflicts([berger], None, [roth], None) == [("person", "")]
    assert not conflicts([berger, roth], None, [roth], None)  # one of them agrees


def test_the_point_two_claims_state_is_where_they_conflict() -> None:
    a = values("Am Mittwoch starben in Dresden drei Menschen.")
    b = values("Am Mittwoch starben vier Menschen.")
    assert point(a, None, b, None) == ("drei Menschen", "vier Menschen")
    assert point(a, None, a, None) == ("Mittwoch", "Mittwoch")  # the first both state
    assert point(values("Die Details sind geheim."), None, values("Drei Tote."), None) is None


def test_stored_values_round_trip_through_the_claims_attributes() -> None:
    said = values("Am Mittwoch gab es drei Tote.")
    attrs = with_values({"kind": "factual"}, said)
    assert attrs["kind"] == "factual" and from_attrs(attrs) == tuple(said)
    assert from_attrs({}) is None and from_attrs({"values": []}) == ()
    assert from_attrs({"values": [{"slot": "colour", "value": "rot"}, "x",
                                  {"slot": "place", "value": ""},
                                  {"slot": "place", "value": "prag"}]}) == (
        ClaimValue("place", "prag"),)
    assert ClaimValue("number", "3", "drei Tote", "tot").shown() == "number: drei Tote (3 tot)"
    assert ClaimValue("weekday", "Mittwoch", "Mittwoch").shown() == "weekday: Mittwoch"


WORDS = st.sampled_from(["am", "Mittwoch", "22.", "Oktober", "2024", "22.10.", "drei", "Tote",
                         "3", "Millionen", "Euro", "40", "%", "nicht", "gestern", "³", "٣",
                         "𝔄𝔫𝔫𝔞", "-jährige", ",", "„", "“", " ", "\n", "veröffentlicht"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS | st.text(max_size=4), max_size=14).map(" ".join),
       st.sampled_from([None, "2024-10-24", "2024-02-29", "x"]))
def test_any_text_gives_values_that_fit_it(text: str, published: str | None) -> None:
    for f in extract(text, published):
        assert 0 <= f.start < f.end <= len(text) and f.value.slot in SLOTS
        assert f.value.value and parse_value(f.value.shown(), published) is not None or \
            f.value.slot in ("place", "person", "yes/no")
