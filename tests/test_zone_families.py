"""Zone rules for the page forms of the dev batch written before the rules saw it: paywalls,
glued menus, print copy, consent banners, press-portal credits, info boxes, footers."""

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


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("dpa kb yyzz n1 fdo", "CREDIT"), ("(jdö)", "CREDIT"), ("© Harald Oppitz (KNA)", "CREDIT"),
        ("Original-Content von: Polizei Hamburg, übermittelt durch news aktuell", "CREDIT"),
        ("Sie sind hier: Nachrichten / Kirche und Gesellschaft", "NAV"),
        ("Artikel teilenFacebookWhatsAppE-MailLink kopieren", "NAV"),
        ("ImpressumDatenschutzKontaktAGB© Morgenkurier 2024", "NAV"),
        ("Kommentare lesen (87 Beiträge)", "NAV"), ("Lesen Sie jetzt weiter mit AB+", "NAV"),
        ("Alle Artikel auf albbote.de lesen", "NAV"), ("Jetzt 1 Monat für 1 € testen", "NAV"),
        ("Danach 9,99 € im Monat, jederzeit kündbar", "NAV"),
        ("Allgäuer Kreisbote auf Facebook", "NAV"), ("Neueste zuerst", "NAV"),
        ("Newsfeld ist ein Angebot der Newsfeld Media GmbH. © 2025", "NAV"),
        ("Fehler gefunden? Jetzt melden.", "NAV"), ("Artikel mit Audio-Inhalten", "NAV"),
        ("Sie haben Hinweise oder Fotos? Schreiben Sie uns über WhatsApp.", "NAV"),
        ("Warnungen direkt aufs Handy: Jetzt die wetterblick-App laden", "NAV"),
        ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung "
         "unserer Website stimmen Sie dem zu.", "NAV"),
        ("Mehr Panorama-News", "TEASER"), ("Weitere Faktenchecks", "TEASER"),
        ("Lesen Sie auchLobbyregister: Wer im Bundestag ein- und ausgeht", "TEASER"),
        ("+++ Dieser Ticker ist beendet. Vielen Dank für Ihr Interesse. +++", "NOTE"),
        ("Dieses Interview erschien in der Printausgabe 14/2025.", "NOTE"),
        ("Dieser Text ist eine Pressemitteilung der Stadtwerke Kempten.", "NOTE"),
        ("Von Ulrike Gaede (epd)", "BYLINE"), ("Pressemitteilung", "NAV"),
        ("Auf Facebook teilen", "NAV"), ("Per E-Mail teilen", "NAV"), ("Link kopiert", "NAV"),
        ("Alle Artikel von Anna Berger", "NAV"), ("Bild 1/12", "NAV"), ("Video 01:32 min", "NAV"),
        ("Audio: 03:12 Min.", "NAV"), ("Sie haben bereits ein Abo? Anmelden", "NAV"),
        ("Mehr Nachrichten auf unserem WhatsApp-Kanal", "NAV"), ("Jetzt für 0,99 € lesen", "NAV"),
        ("Die wichtigsten Nachrichten des Tages direkt in Ihr Postfach", "NAV"),
        ("Mit der Anmeldung stimmen Sie unseren Datenschutzbestimmungen zu.", "NAV"),
        ("Jetzt 4 Wochen gratis testen", "NAV"), ("Sie lesen einen Plus-Artikel", "NAV"),
        ("Um diesen Artikel zu lesen, benötigen Sie ein Abo.", "NAV"),
        ("Unterstützen Sie unabhängigen Journalismus", "NAV"),
        ("War dieser Artikel hilfreich?", "NAV"),
        ("Nachrichten aus Bayern direkt aufs Handy", "NAV"),
        ("Dieser Artikel wurde Ihnen geschenkt", "NAV"), ("Drucken Teilen Merken", "NAV"),
        ("Empfohlene Artikel", "TEASER"), ("Nächster Artikel", "TEASER"),
        ("Mehr Videos", "TEASER"), ("Wir berichten weiter.", "NOTE"),
        ("Wir aktualisieren diesen Artikel fortlaufend.", "NOTE"),
        ("Dieser Artikel enthält Affiliate-Links.", "NOTE"),
        ("Die Recherche wurde unterstützt von der Stiftung Nordlicht.", "NOTE"),
        ("Von unserem Korrespondenten Jan Roth", "BYLINE"),
        ("Von unserer Korrespondentin Anna Berger, Rom", "BYLINE"),
        ("Artikel vom 12.03.2025", "DATELINE"), ("Berlin, den 12. März 2025", "DATELINE"),
        ("Lesen Sie mehr zum Thema", "TEASER"), ("Weitere Informationen folgen.", "NOTE"),
        ("Kommentare 4", "NAV"),
    ],
)  # fmt: skip
def test_a_line_by_its_own_form(line: str, label: str) -> None:
    assert line_zones(line) == [(0, len(line), label)]


@pytest.mark.parametrize(
    "line",
    [
        "Das Standard-Abo kostet künftig 13,99 Euro im Monat.",
        "Zeugen werden gebeten, sich bei der Polizei in Lüneburg zu melden.",
        "Die Seite wurde nach Protesten geschlossen.",
        "Er sagte, die Kosten lägen bei 9,99 Euro im Monat, jederzeit kündbar sei das Abo nicht.",
        "Die Warnung kam am Donnerstag um elf Uhr direkt aufs Handy.",
        "Wer ein Abo abschließt, zahlt künftig mehr, teilte der Anbieter mit.",
    ],
)
def test_body_sentences_hold_no_zone(line: str) -> None:
    assert line_zones(line) == []


@pytest.mark.parametrize(
    ("line", "labels"),
    [
        ("Konstantin Reuß, Mareike Albers | 11.02.2025, 18:04 Uhr | Lesezeit: 4 Min.",
         [("BYLINE", "Konstantin Reuß, Mareike Albers"), ("DATELINE", "11.02.2025, 18:04 Uhr"),
          ("NAV", "Lesezeit: 4 Min.")]),
        ("07.11.2024, 13:58\u00a0Uhr2 Min. Lesezeit",
         [("DATELINE", "07.11.2024, 13:58\u00a0Uhr"), ("NAV", "2 Min. Lesezeit")]),
        ("SOESTER KREISBLATT | Mittwoch, 12. Februar 2025 | Nr. 35 · Seite 7",
         [("NAV", "SOESTER KREISBLATT"), ("DATELINE", "Mittwoch, 12. Februar 2025"),
          ("NAV", "Nr. 35 · Seite 7")]),
        ("13.03.2025 11:02 Uhr | Security",
         [("DATELINE", "13.03.2025 11:02 Uhr"), ("NAV", "Security")]),
        ("Text: Anna Berger, Fotos: Jan Roth",
         [("BYLINE", "Text: Anna Berger"), ("CREDIT", "Fotos: Jan Roth")]),
        ("Politik | 12.03.2025", [("NAV", "Politik"), ("DATELINE", "12.03.2025")]),
        ("Update vom 12. März, 14.03 Uhr: Die Polizei hat den Mann inzwischen festgenommen.",
         [("DATELINE", "Update vom 12. März, 14.03 Uhr")]),
        ("Heil will schärfere Regeln.Vergrößern des Bildes", [("NAV", "Vergrößern des Bildes")]),
    ],
)  # fmt: skip
def test_pieces_of_a_header_line(line: str, labels: list[tuple[str, str]]) -> None:
    assert [(label, line[a:b]) for a, b, label in line_zones(line)] == labels


def test_a_cookie_banner_above_the_masthead_leaves_the_headline_found() -> None:
    text = (
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung "
        "unserer Website stimmen Sie dem zu.\nOK\nMehr erfahren\n\nLimmatbote\nZürich\n\n"
        f"Stadtrat will Tramlinie verlängern\n\n{BODY}\n\n© Limmatbote 2025\n"
    )
    found = labelled(text)
    assert ("HEADLINE", "Stadtrat will Tramlinie verlängern") in found
    labels = [label for label, _ in found]
    assert set(labels[: labels.index("HEADLINE")]) == {"NAV"}
    assert found[-1] == ("NAV", "© Limmatbote 2025")
    assert derive_meta(text, suggest_zones(text))["outlet"] == "Limmatbote"


def test_print_copy_a_wrapped_lead_and_a_dateline_in_capitals() -> None:
    text = (
        "LOKALES\n\nStadt verkauft alte Feuerwache\n\nMehrheit im Rat für Wohnungen.\n"
        "Kritik kommt von der FDP: Der Preis sei zu niedrig.\n\nVON PETRA LANGE\n\n"
        "SOEST. Die alte Feuerwache am Grand-\nweg bekommt eine neue Zukunft. Der\n"
        "Rat der Stadt hat am Montagabend mit\ngroßer Mehrheit beschlossen, sie zu verkaufen.\n\n"
        "Das sagte die Bürgermeisterin dem Soester Kreis-\nblatt am Dienstag.\n"
    )
    found = labelled(text)
    assert ("LEAD", "Mehrheit im Rat für Wohnungen.\n"
            "Kritik kommt von der FDP: Der Preis sei zu niedrig.") in found  # fmt: skip
    assert ("DATELINE", "SOEST.") in found
    assert [label for label, _ in found].count("SUBHEAD") == 0
    assert derive_meta(text, suggest_zones(text))["author"] == "Petra Lange"
    hyphenated = "SOESTER KREISBLATT\n\n" + text
    assert derive_meta(hyphenated, suggest_zones(hyphenated))["outlet"] == "Soester Kreisblatt"


def test_an_info_box_heading_over_list_lines_is_a_subhead() -> None:
    text = (f"Aalen dreht das Spiel\n\n{BODY}\n\nDie Statistik\n\n"
            "VfR Aalen: Kessler – Nowak, Grünwald, Sauter – Bächle (58. Haug), Yilmaz, Demir, "
            "Frick (58. Özkan) – Maier, Rapp (77. Weller)\nGelb-Rot: Nowak (55.)\n"
            "Schiedsrichter: Dennis Albrecht (Freiburg)\nZuschauer: 2.340\n")  # fmt: skip
    assert [label for label, _ in labelled(text)][2:] == ["SUBHEAD"]
    prose = f"Aalen dreht das Spiel\n\n{BODY}\n\nDer Kaufpreis liegt bei\n{BODY}\n"
    assert ("SUBHEAD", "Der Kaufpreis liegt bei") not in labelled(prose)


def test_a_contact_block_after_its_heading_and_a_blank_line_is_one_credit() -> None:
    text = (f"Polizei sucht Zeugen nach Trickdiebstahl\n\n{BODY}\n\nRückfragen bitte an:\n\n"
            "Polizeiinspektion Lüneburg\nPressestelle\nTelefon: 04131 8306-1004\n")  # fmt: skip
    assert labelled(text)[-1] == ("CREDIT", "Rückfragen bitte an:\n\nPolizeiinspektion Lüneburg"
                                  "\nPressestelle\nTelefon: 04131 8306-1004")  # fmt: skip


def test_a_caption_and_its_credit_printed_again_in_a_gallery_are_duplicates() -> None:
    text = (f"Wer hat die Millionen vergessen?\n\nDer Kiosk an der Bochumer Straße\n"
            f"Foto: Thomas Göddertz\n\n{BODY}\n\nBildergalerie\nDer Kiosk an der Bochumer Straße\n"
            "Foto: Thomas Göddertz\n")  # fmt: skip
    assert labelled(text)[-2:] == [("DUPLICATE", "Der Kiosk an der Bochumer Straße"),
                                   ("DUPLICATE", "Foto: Thomas Göddertz")]  # fmt: skip


def test_a_short_exclamation_between_paragraphs_is_a_subhead_outside_interviews() -> None:
    text = f"Lotto-Rätsel im Revier\n\n{BODY}\n\nNur noch wenige Wochen Zeit!\n\n{BODY[4:]}\n"
    assert ("SUBHEAD", "Nur noch wenige Wochen Zeit!") in labelled(text)


def test_a_title_before_the_name_is_no_part_of_the_author() -> None:
    text = f"Orkanböen im Südwesten\n\nVon Diplom-Meteorologe Sven Lorch\n\n{BODY}\n"
    assert derive_meta(text, suggest_zones(text))["author"] == "Sven Lorch"


def test_a_supplier_copyright_below_a_masthead_leaves_the_outlet() -> None:
    text = (f"weltblick.de\nAusland\n\nKanadas Wälder brennen früher\n\n{BODY}\n\n"
            "Aus dem Englischen von Moritz Kellner\n\n© The Pacific Ledger 2025\n")  # fmt: skip
    assert derive_meta(text, suggest_zones(text))["outlet"] == "weltblick.de"


def test_lines_about_the_writer_after_the_body_are_bylines() -> None:
    text = (f"Feuerwache wird verkauft\n\nVon Jan Roth\n\n{BODY}\n\n{BODY[4:]}\n\n"
            "Die Autorin ist Korrespondentin in Rom.\n\n"
            "Anna Berger ist Redakteurin im Ressort Politik.\n")  # fmt: skip
    assert labelled(text)[-2:] == [("BYLINE", "Die Autorin ist Korrespondentin in Rom."),
                                   ("BYLINE", "Anna Berger ist Redakteurin im Ressort Politik.")]
    inside = f"Feuerwache wird verkauft\n\n{BODY}\n\nAnna Berger ist Redakteurin.\n\n{BODY[4:]}\n"
    assert "BYLINE" not in [label for label, _ in labelled(inside)]


def test_a_caption_printed_first_with_a_glued_button_and_then_with_its_credit() -> None:
    text = (f"Regierung will Sanktionen verschärfen\n\n"
            "Hubertus Heil (Archivbild): Der Minister will schärfere Regeln.Vergrößern des Bildes\n"
            "Hubertus Heil (Archivbild): Der Minister will schärfere Regeln. "
            f"(Quelle: IMAGO/Political-Moments)\n\n{BODY}\n\n{BODY[4:]}\n")  # fmt: skip
    caption = "Hubertus Heil (Archivbild): Der Minister will schärfere Regeln."
    assert labelled(text)[1:5] == [("CAPTION", caption), ("NAV", "Vergrößern des Bildes"),
                                   ("CAPTION", caption),
                                   ("CREDIT", "(Quelle: IMAGO/Political-Moments)")]  # fmt: skip


def test_a_kicker_in_capitals_and_a_breaking_headline_in_plus_signs() -> None:
    text = ("NEWS\nPOLITIK\nHARTE STRAFEN FÜR VERWEIGERER\n"
            f"Bürgergeld-Hammer: Heil will Sanktionen verschärfen\n\n{BODY}\n")  # fmt: skip
    assert labelled(text)[2:4] == [("HEADLINE", "HARTE STRAFEN FÜR VERWEIGERER"),
                                   ("HEADLINE", "Bürgergeld-Hammer: Heil will Sanktionen "
                                    "verschärfen")]  # fmt: skip
    breaking = f"Eilmeldung\n\n+++ Regierung will Sanktionen verschärfen +++\n\n{BODY}\n"
    zones = suggest_zones(breaking)
    assert derive_meta(breaking, zones)["title"] == "Regierung will Sanktionen verschärfen"


def test_question_subheads_of_a_guide_are_no_interview() -> None:
    text = (f"Bürgergeld: Diese Regeln gelten jetzt\n\n{BODY}\n\nWer bekommt Bürgergeld?\n\n"
            f"{BODY[4:]}\n\nWie hoch ist der Regelsatz?\n\n{BODY[8:]}\n\n"
            f"Was passiert bei Sanktionen?\n\n{BODY[12:]}\n")  # fmt: skip
    assert [label for label, _ in labelled(text)].count("SUBHEAD") == 3


def test_comments_without_reply_buttons_end_with_the_last_dated_comment() -> None:
    text = (f"Regierung will Sanktionen verschärfen\n\n{BODY}\n\n{BODY[4:]}\n\nKommentare (2)\n\n"
            "Max M.\nvor 2 Stunden\nDas ist doch längst überfällig.\n\n"
            "Karl-Heinz B.\n12.03.2025, 16:20 Uhr\nEndlich!\n\nMehr zum Thema\n"
            "Rente: Was sich ändert\n")  # fmt: skip
    found = labelled(text)
    assert ("NAV", "Kommentare (2)\n\nMax M.\nvor 2 Stunden\nDas ist doch längst überfällig.\n\n"
            "Karl-Heinz B.\n12.03.2025, 16:20 Uhr\nEndlich!") in found  # fmt: skip
    assert found[-1] == ("TEASER", "Mehr zum Thema\nRente: Was sich ändert")
    assert derive_meta(text, suggest_zones(text))["published"] is None


def test_a_guest_writers_bio_below_the_byline_is_no_lead() -> None:
    text = ("Das Bürgergeld braucht Regeln\n\nEin Gastbeitrag von Anna Berger\n\n"
            "Anna Berger ist Professorin für Sozialrecht an der Universität Kassel.\n\n"
            f"{BODY}\n\n{BODY[4:]}\n")  # fmt: skip
    assert labelled(text)[2] == ("BYLINE", "Anna Berger ist Professorin für Sozialrecht an der "
                                 "Universität Kassel.")  # fmt: skip


def test_the_reporter_of_a_reuters_closing_line_is_the_author() -> None:
    text = (f"Heil will Sanktionen verschärfen\n\nBerlin, 12. März (Reuters) - {BODY}\n\n"
            "(Reporter: Anna Berger; redigiert von Jan Roth. Bei Rückfragen wenden Sie sich an "
            "unsere Redaktion.)\n")  # fmt: skip
    assert derive_meta(text, suggest_zones(text))["author"] == "Anna Berger"


LEAD = "Wer Arbeit ablehnt, soll mehr Geld verlieren. Das Ministerium legt einen Entwurf vor."


@pytest.mark.parametrize(
    ("header", "title", "outlet"),
    [
        ("Politik\n\n„Wer arbeiten kann, muss arbeiten.“", "„Wer arbeiten kann, muss arbeiten.“",
         None),
        ("Regierung will Sanktionen verschärfen | Hansepost", "Regierung will Sanktionen "
         "verschärfen", "Hansepost"),
        ("BILD\nPolitik\n\nHEIL WILL HÄRTERE STRAFEN", "HEIL WILL HÄRTERE STRAFEN", "BILD"),
        ("Bürgergeld\nHansepost\n\nRegierung will Sanktionen verschärfen",
         "Regierung will Sanktionen verschärfen", "Hansepost"),
    ],
)  # fmt: skip
def test_headlines_and_mastheads_of_other_forms(header: str, title: str, outlet: str) -> None:
    text = f"{header}\n\n{LEAD}\n\n{BODY}\n\n{BODY[4:]}\n"
    meta = derive_meta(text, suggest_zones(text))
    assert (meta["title"], meta["outlet"]) == (title, outlet)


def test_a_writer_and_date_above_the_headline_are_byline_and_dateline() -> None:
    text = (f"Hansepost\n\nAnna Berger\n12.03.2025\n\nRegierung will Sanktionen verschärfen\n\n"
            f"{LEAD}\n\n{BODY}\n")  # fmt: skip
    assert labelled(text)[1:3] == [("BYLINE", "Anna Berger"), ("DATELINE", "12.03.2025")]
    assert derive_meta(text, suggest_zones(text))["author"] == "Anna Berger"


@pytest.mark.parametrize(
    ("dates", "published"),
    [
        ("Veröffentlicht am 12.03.2025 um 14:03 Uhr, aktualisiert am 13.03.2025 um 08:00 Uhr",
         "2025-03-12"),
        ("Zuletzt aktualisiert: 13.03.2025\nErstmals veröffentlicht: 12.03.2025", "2025-03-12"),
    ],
)  # fmt: skip
def test_the_first_publication_among_update_dates(dates: str, published: str) -> None:
    text = f"Regierung will Sanktionen verschärfen\n\n{dates}\n\n{BODY}\n\n{BODY[4:]}\n"
    assert derive_meta(text, suggest_zones(text))["published"] == published


def test_numbered_parts_of_a_listicle_are_subheads_and_list_items_stay_items() -> None:
    text = (f"Fünf Gründe für den Verkauf\n\n{BODY}\n\n1. Die Stadt braucht Geld\n\n{BODY[4:]}\n\n"
            f"2. Wohnungen fehlen\n\n{BODY[8:]}\n\nDie Gründe:\n- Geld\n- Wohnungen\n")  # fmt: skip
    found = labelled(text)
    assert [z for z in found if z[0] == "SUBHEAD"] == [("SUBHEAD", "1. Die Stadt braucht Geld"),
                                                       ("SUBHEAD", "2. Wohnungen fehlen")]
    assert ("NAV", "- Geld") not in found


def test_two_word_places_open_a_paragraph() -> None:
    line = ("New York – Die Polizei hat am Mittwoch einen Mann festgenommen, der mehrere Autos "
            "angezündet haben soll.")  # fmt: skip
    assert line_zones(line) == [(0, 10, "DATELINE")]
