"""Zone rules for the page forms of the third blind batch: breadcrumbs with places and topics,
glued menus, teaser lists, match minutes, author boxes, sign-offs, consent embeds."""

from __future__ import annotations

import pytest

from annotator.nlp.zone_lines import line_zones
from annotator.nlp.zones import derive_meta, suggest_zones


def labelled(text: str) -> list[tuple[str, str]]:
    return [(z.label, z.text_in(text)) for z in suggest_zones(text)]


BODY = (
    "Der Stadtrat hat am Montagabend nach langer Debatte mit großer Mehrheit beschlossen, das "
    "leer stehende Gebäude an die Genossenschaft zu verkaufen, die dort Wohnungen bauen will."
)
MORE = (
    "Die Genossenschaft will im kommenden Frühjahr mit dem Umbau beginnen. Nach ihren Angaben "
    "entstehen 40 Wohnungen, ein Drittel davon mit Sozialbindung."
)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Startseite Politik Sachsen Panorama", "NAV"),
        ("Home Politik Ausland Ukraine-Krieg", "NAV"),
        ("NachrichtenNRWRuhrgebietSportWetterVideo", "NAV"),
        ("Kommentarfunktion geschlossen.", "NAV"), ("Zum Kommentarbereich", "NAV"),
        ("Anmelden, um zu kommentieren", "NAV"), ("Artikel anhören (4:12 Min.)", "NAV"),
        ("Inhalt anzeigen", "NAV"),
        ("Ein Beitrag geteilt von Lena Sommer (@lenasommer)", "NAV"),
        ("An dieser Stelle finden Sie einen Inhalt von X. Um ihn zu sehen, müssen Sie der "
         "Übermittlung Ihrer Daten zustimmen.", "NAV"),
        ("Nordblatt 2025 – Alle Rechte vorbehalten", "NAV"),
        ("Weitere Liveticker", "TEASER"), ("Kurz & knapp", "SUMMARY"),
        ("Mehr NachrichtenSchwimmbäder in NRW: Jedes fünfte ist marode", "TEASER"),
        ("Alle Entwicklungen zum Krieg in unserem Newsblog.", "NOTE"),
        ("Die Angaben der Kriegsparteien lassen sich nicht unabhängig überprüfen.", "NOTE"),
        ("Bildquelle Titelbild: Anna Berger / Nordblatt", "CREDIT"),
        ("Über die Autorin", "BYLINE"), ("81'", "DATELINE"), ("90.+3", "DATELINE"),
        ("Publiziert heute um 14:32 Uhr", "DATELINE"), ("+++ 14:32 Uhr +++", "DATELINE"),
        ("Empfohlener redaktioneller Inhalt", "NAV"), ("Externen Inhalt laden", "NAV"),
        ("Hören Sie hier den Artikel", "NAV"), ("Ressort: Politik", "NAV"),
        ("Agenturen/red", "CREDIT"), ("Lesen Sie auch ►", "TEASER"),
        ("Beitrag auf Instagram ansehen", "NAV"), ("Post auf X anzeigen", "NAV"),
    ],
)
def test_a_line_of_a_round_three_form(line: str, label: str) -> None:
    assert line_zones(line) == [(0, len(line), label)]


def test_a_match_minute_opens_a_ticker_entry() -> None:
    assert line_zones("74' Tor für Lohfelden!") == [(0, 3, "DATELINE"), (4, 22, "SUBHEAD")]


def test_a_date_with_a_time_zone_beside_an_update() -> None:
    line = "4. März 2025 10:47 Uhr MEZ Aktualisiert vor 3 Stunden"
    assert line_zones(line) == [(0, len(line), "DATELINE")]


def test_a_breadcrumb_with_places_is_no_headline() -> None:
    text = (f"Pleißeblick\nStartseite Nachrichten Sachsen Leipzig\n\nStadt mustert alte Bahnen "
            f"aus\n\n{BODY}\n\n{MORE}\n")
    assert labelled(text)[:3] == [("NAV", "Pleißeblick"),
                                  ("NAV", "Startseite Nachrichten Sachsen Leipzig"),
                                  ("HEADLINE", "Stadt mustert alte Bahnen aus")]


def test_a_menu_of_places_gives_way_to_a_headline_with_a_verb() -> None:
    text = (f"Kurpfalz-Portal\nMannheim | Heidelberg | Rhein-Neckar | Ludwigshafen\n\n"
            f"Storchenpaar brütet auf dem Kirchturm\n\n{BODY}\n\n{MORE}\n")
    found = labelled(text)
    assert ("HEADLINE", "Storchenpaar brütet auf dem Kirchturm") in found
    title = derive_meta(text, suggest_zones(text))["title"]
    assert title == "Storchenpaar brütet auf dem Kirchturm"


def test_an_acronym_glued_to_the_headline_is_cut_off() -> None:
    text = (f"Westfunk\nNRWHallenbad bleibt bis Herbst zu\n\n{BODY}\n\n"
            f"Mehr aus NRW\nNeue Bäder für das Land\n")
    assert labelled(text)[:3] == [("NAV", "Westfunk"), ("NAV", "NRW"),
                                  ("HEADLINE", "Hallenbad bleibt bis Herbst zu")]


def test_a_brand_with_its_description_is_the_masthead() -> None:
    text = (f"Das Abteil – Magazin für Reisen und Gesellschaft\n\nNachtzüge\nDie Rückkehr der "
            f"Schlafwagen\n\n{BODY}\n\nFoto: Paul Ostermann für Das Abteil\n\n{MORE}\n")
    meta = derive_meta(text, suggest_zones(text))
    assert (meta["title"], meta["outlet"]) == ("Die Rückkehr der Schlafwagen", "Das Abteil")


def test_a_list_set_without_blank_lines_ends_at_one() -> None:
    text = (f"Blatt\n\nMeistgelesen\n1 Unfall auf der A7\n2 Neuer Supermarkt eröffnet\n\n"
            f"Marktplatz wird autofrei\n\n{BODY}\n\nTop-Themen\nNeues Dach für die Halle\n"
            f"Wolf bei Baunatal gesichtet\n\nZum Kommentarbereich\n")
    found = labelled(text)
    assert ("HEADLINE", "Marktplatz wird autofrei") in found
    assert found[-1] == ("NAV", "Zum Kommentarbereich")


def test_a_section_link_heads_a_teaser_only_over_items() -> None:
    items = f"Leitartikel\n\n{BODY}\n\n{MORE}\n\nMehr Meinung\nPro & Contra: Mehr Hochhäuser?\n"
    alone = f"Leitartikel\n\n{BODY}\n\n{MORE}\n\nMehr Meinung\n"
    assert labelled(items)[-1] == ("TEASER", "Mehr Meinung\nPro & Contra: Mehr Hochhäuser?")
    assert labelled(alone)[-1] == ("NAV", "Mehr Meinung")


def test_a_place_below_a_summary_box_is_a_dateline() -> None:
    text = (f"Grundsteuer: Bescheide fehlerhaft\n\nLena Vosskamp | 29. Januar 2025\n\n"
            f"Kurz & knapp\n– Viele Bescheide sind falsch\n– Die Ämter korrigieren selbst\n\n"
            f"Hannover. {BODY}\n\n{MORE}\n")
    assert ("DATELINE", "Hannover.") in labelled(text)


def test_a_dated_dateline_with_a_full_stop_gives_the_date() -> None:
    text = f"Diakonie warnt vor Engpässen\n\nBerlin, 20. Februar 2025 (epd). {BODY}\n\n{MORE}\n"
    assert ("DATELINE", "Berlin, 20. Februar 2025 (epd).") in labelled(text)
    assert derive_meta(text, suggest_zones(text))["published"] == "2025-02-20"


def test_sign_offs_after_the_body_are_bylines() -> None:
    page = f"\n\n{BODY}\n\n{MORE}\n\n"
    role = f"Blatt\n\nStörche brüten auf dem Turm{page}Anna Berger\nRedakteurin Mannheim\n"
    desk = f"Elbfunk\n\nSchleuse bleibt gesperrt{page}Kai Rosenthal, Elbfunk Sachsen\n"
    assert labelled(role)[-2:] == [("BYLINE", "Anna Berger"), ("BYLINE", "Redakteurin Mannheim")]
    assert labelled(desk)[-1] == ("BYLINE", "Kai Rosenthal, Elbfunk Sachsen")
    assert derive_meta(desk, suggest_zones(desk))["author"] == "Kai Rosenthal"


def test_a_closing_report_credit_of_two_names() -> None:
    text = (f"Versicherer erhöht Rückstellungen\n\nZÜRICH, 4. März (Reuters) - {BODY}\n\n{MORE}\n\n"
            f"(Bericht von Ines Dorfmeister und Karl Brenninger; redigiert von Tom Auer.)\n")
    assert derive_meta(text, suggest_zones(text))["author"] == "Ines Dorfmeister, Karl Brenninger"
