"""Importers: encodings, formats, bad input, German header conventions (read off the zones at
import: ``imported``), folder walks."""

from __future__ import annotations

import inspect
import json
import os
import socket
from pathlib import Path

import pytest

from annotator.app.zones import with_derived_meta, zones_for
from annotator.core.model import ArticleDraft, Span
from annotator.io import (
    DecodeError,
    ImportFailure,
    ImportSkip,
    decode_bytes,
    iter_import,
    iter_targets,
    parse_html,
    parse_text,
)
from annotator.io import importer as importer_module
from annotator.io.html import NO_TEXT

DATA = Path(__file__).parent / "data" / "io"
GERMAN = "Bürgermeisterin Müller: „Wir schaffen das“ – sagte sie. Straße, Größe, Übung, Öl."


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importers must never fetch anything: any connection attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during import")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def run(*paths: Path) -> list[ArticleDraft | ImportFailure]:
    """All items of an import, in order."""
    return list(iter_import(paths))


def one(path: Path) -> ArticleDraft:
    """The single draft a file yields."""
    items = run(path)
    assert len(items) == 1 and isinstance(items[0], ArticleDraft), items
    return items[0]


def imported(draft: ArticleDraft) -> ArticleDraft:
    """The draft with the metadata the import reads off its zones (title, date, byline,
    dateline, agency, outlet), as it is stored."""
    return with_derived_meta(draft, zones_for(draft))


def failure(path: Path) -> ImportFailure:
    """The single failure a file yields."""
    items = run(path)
    assert len(items) == 1 and isinstance(items[0], ImportFailure), items
    return items[0]


def write(path: Path, data: str | bytes) -> Path:
    """Write text as UTF-8 (or raw bytes) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- decoding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        GERMAN.encode("utf-8"),
        b"\xef\xbb\xbf" + GERMAN.encode("utf-8"),
        GERMAN.encode("utf-16"),  # with BOM, native order
        b"\xfe\xff" + GERMAN.encode("utf-16-be"),
        GERMAN.encode("utf-16-le"),  # no BOM: recognised by the NUL pattern
        GERMAN.encode("cp1252"),
        "Grüße aus Köln, sagte Ölmann.".encode("latin-1"),
        "Köln".encode("cp1252"),  # too short for charset-normalizer (it says UTF-16)
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf16-no-bom",
        "cp1252",
        "latin1",
        "short",
    ],
)
def test_decode_bytes_finds_german_text(data: bytes) -> None:
    text = decode_bytes(data)
    assert text in (GERMAN, "Grüße aus Köln, sagte Ölmann.", "Köln")


def test_decode_bytes_keeps_western_accents_and_other_scripts() -> None:
    assert decode_bytes("Macron à Paris: „Oui“".encode("cp1252")) == "Macron à Paris: „Oui“"
    russian = "Привет, как дела? Москва сегодня."
    assert decode_bytes(russian.encode("cp1251")) == russian


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "binary file, not text"),
        (bytes((i * 7919) % 255 + 1 for i in range(3000)), "cannot detect the encoding"),
    ],
)
def test_decode_bytes_rejects_binary(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.reason == reason


# --- plain text ------------------------------------------------------------------------------


def test_text_file_keeps_whole_text_and_unifies_line_endings(tmp_path: Path) -> None:
    raw = "Titel der Meldung\r\n\r\nVon Anna Beispiel\rHamburg (dpa) – Erster Absatz.\r\n"
    draft = imported(one(write(tmp_path / "a.txt", raw.encode("cp1252"))))
    assert draft.text == "Titel der Meldung\n\nVon Anna Beispiel\nHamburg (dpa) – Erster Absatz.\n"
    assert draft.title == "Titel der Meldung"
    assert draft.author == "Anna Beispiel"
    assert draft.meta == {"dateline": "Hamburg", "agency": "dpa"}
    assert draft.source_path == str(tmp_path / "a.txt")
    # agency copy without an outlet of its own: the agency (docs/zones.md), as stored before
    assert draft.outlet == "dpa" and draft.language == "de"


@pytest.mark.parametrize("name", ["a.text", "README"])
def test_text_extensions(tmp_path: Path, name: str) -> None:
    assert one(write(tmp_path / name, "Überschrift\nText")).title == "Überschrift"


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t ", b"\xef\xbb\xbf\n"])
def test_empty_text_file(tmp_path: Path, content: bytes) -> None:
    assert failure(write(tmp_path / "e.txt", content)).reason == "empty file"


def test_binary_text_file(tmp_path: Path) -> None:
    found = failure(write(tmp_path / "image.txt", b"GIF89a\x01\x00\x01\x00\x00\xff\x00,"))
    assert str(found) == f"{tmp_path / 'image.txt'}: binary file, not text"


def test_the_text_reader_reads_text_and_leaves_the_metadata_to_the_zones() -> None:
    text = "Elbtunnel gesperrt\nVon Anna Beispiel | 23.10.2024\n\nHamburg (dpa) – Staus.\n"
    draft = parse_text(text)
    assert (draft.title, draft.author, draft.published, draft.outlet, draft.meta) == (
        "Elbtunnel gesperrt", None, None, None, {})
    stored = imported(draft)
    assert (stored.author, stored.published) == ("Anna Beispiel", "2024-10-23")
    assert stored.meta == {"date_text": "23.10.2024", "dateline": "Hamburg", "agency": "dpa"}


def test_a_file_with_fields_of_its_own_gets_no_details_from_its_zones() -> None:
    draft = ArticleDraft(text="Titel\n\nHamburg (dpa) – Staus.\n", title="Titel",
                         meta={"section": "Politik"})
    assert imported(draft).meta == {"section": "Politik"}


def test_long_first_line_is_cut_for_the_title() -> None:
    draft = parse_text("Wort " * 60)
    assert len(draft.title) == 120 and draft.title.endswith("…")


BODY = "Die Polizei hat am Mittwoch einen Mann festgenommen."


@pytest.mark.parametrize(
    ("header", "published", "author", "meta"),
    [
        ("22. Oktober 2024", "2024-10-22", None, {"date_text": "22. Oktober 2024"}),
        ("22. Oktober, 2024", "2024-10-22", None, {"date_text": "22. Oktober, 2024"}),
        ("Mittwoch, 23.10.2024", "2024-10-23", None, {"date_text": "Mittwoch, 23.10.2024"}),
        ("23.10.2024, 14:05 Uhr", "2024-10-23", None, {"time": "14:05"}),
        ("23. Okt. 2024", "2024-10-23", None, {}),
        ("2024-10-23", "2024-10-23", None, {}),
        ("Mittwoch, 23. Oktober 2024, 17:12 Uhr", "2024-10-23", None, {"time": "17:12"}),
        ("1. Maerz 2024\nVon Anna Beispiel", "2024-03-01", "Anna Beispiel", {}),
        ("Veröffentlicht am 3. März 2024 um 9.05 Uhr", "2024-03-03", None, {"time": "09:05"}),
        ("Stand: 24.10.2024 08:30 Uhr", "2024-10-24", None, {"updated": "2024-10-24"}),
        ("31.02.2024", None, None, {}),  # not a date
        ("Von Anna Beispiel und Max Muster", None, "Anna Beispiel, Max Muster",
         {"authors": ["Anna Beispiel", "Max Muster"]}),
        ("Von Dr. Anna Beispiel, dpa", None, "Dr. Anna Beispiel", {"agency": "dpa"}),
        ("Ein Kommentar von Ursula von der Leyen", None, "Ursula von der Leyen", {}),
        ("Von Anna Beispiel | 23.10.2024 | Lesezeit: 3 Min.", "2024-10-23", "Anna Beispiel", {}),
        ("Von Anna Beispiel, 23.10.2024, 14:05 Uhr", "2024-10-23", "Anna Beispiel", {}),
        ("AFP", None, None, {"agency": "AFP"}),
        ("(AFP)", None, None, {"agency": "AFP"}),
        ("dpa/AFP", None, None, {"agency": "dpa/AFP"}),
        ("Mit Material von Reuters", None, None, {"agency": "Reuters"}),
        ("Von Montag an gilt die Regel.", None, None, {}),  # a sentence, not a byline
        ("Foto: Max Muster/dpa\nAktualisiert am 5.1.2024", "2024-01-05", None, {}),
        ("Autorin: Eva Beispiel · 5. Jänner 2019", "2019-01-05", "Eva Beispiel", {}),
    ],
)  # fmt: skip
def test_header_lines(header: str, published: str | None, author: str | None, meta: dict) -> None:
    draft = imported(parse_text(f"Titel\n{header}\n\n{BODY}\n"))
    assert (draft.published, draft.author) == (published, author)
    assert meta.items() <= draft.meta.items()
    assert draft.text == f"Titel\n{header}\n\n{BODY}\n"


@pytest.mark.parametrize(
    ("paragraph", "dateline", "agency", "published"),
    [
        ("Hamburg (dpa) – ", "Hamburg", "dpa", None),
        ("Berlin (dpa/lni) - ", "Berlin", "dpa", None),
        ("Berlin/Paris (AFP) – ", "Berlin/Paris", "AFP", None),
        ("BERLIN, 23. Oktober (Reuters) - ", "BERLIN", "Reuters", "2024-10-23"),  # year of ©
        ("Berlin, 23.10.2024 (dpa) – ", "Berlin", "dpa", "2024-10-23"),
        ("Frankfurt am Main (dpa-AFX) - ", "Frankfurt am Main", "dpa-AFX", None),
        ("Halle (Saale) (epd) – ", "Halle (Saale)", "epd", None),
        ("St. Gallen (sda) - ", "St. Gallen", "SDA", None),
        ("Kiew/Moskau (dpa/AFP) – ", "Kiew/Moskau", "dpa/AFP", None),
        ("Olaf Scholz (SPD) – ", None, None, None),  # a party, not an agency
        ("Mittwoch (dpa) – ", None, None, None),  # a weekday is not a place
    ],
)
def test_datelines(paragraph: str, dateline: str, agency: str, published: str | None) -> None:
    draft = imported(parse_text(f"Titel\n\n{paragraph}{BODY}\n\n© 2024 Hamburger Morgenblatt\n"))
    assert draft.meta.get("dateline") == dateline
    assert draft.meta.get("agency") == agency
    assert draft.published == published
    assert draft.outlet == "Hamburger Morgenblatt"


def test_dateline_after_teaser_and_agency_credit_at_the_end() -> None:
    text = "Titel\nEin Teaser erklärt die Lage.\n\nWien (APA) – Text.\n\nWeiter.\n(dpa)\n"
    draft = imported(parse_text(text))
    assert draft.meta == {"dateline": "Wien", "agency": "APA"}
    assert imported(parse_text("Titel\n\nText ohne Ortsmarke.\n\ndpa/jps\n")).meta == {
        "agency": "dpa",
        "agency_text": "dpa/jps",
    }


DPA_STORY = """Elbtunnel gesperrt: Staus im Berufsverkehr
Die Sperrung traf Zehntausende Pendler.

Von Anna Beispiel und Max Muster | Mittwoch, 23. Oktober 2024, 17:12 Uhr | Lesezeit: 3 Min.

Hamburg (dpa/lno) – Wegen einer Sperrung des Elbtunnels ist es zu langen Staus gekommen.

„Das war ein schwarzer Tag“, sagte ein Sprecher des ADAC.

© dpa-infocom, dpa:241023-99-123456/2
"""


def test_realistic_story_in_cp1252_with_crlf(tmp_path: Path) -> None:
    path = write(tmp_path / "meldung.txt", DPA_STORY.replace("\n", "\r\n").encode("cp1252"))
    draft = imported(one(path))
    assert draft.text == DPA_STORY
    assert draft.title == "Elbtunnel gesperrt: Staus im Berufsverkehr"
    assert (draft.author, draft.published, draft.outlet) == (
        "Anna Beispiel, Max Muster",
        "2024-10-23",
        "dpa",  # agency copy: the agency is the outlet (docs/zones.md)
    )
    assert draft.meta == {
        "date_text": "Mittwoch, 23. Oktober 2024, 17:12 Uhr",
        "time": "17:12",
        "authors": ["Anna Beispiel", "Max Muster"],
        "dateline": "Hamburg",
        "agency": "dpa",
        "agency_text": "dpa/lno",
    }


# --- JSONL -----------------------------------------------------------------------------------


def jsonl(path: Path, *tasks: object, newline: str = "\n") -> Path:
    """Write tasks (dicts are dumped, strings written as they are) one per line."""
    lines = [task if isinstance(task, str) else json.dumps(task) for task in tasks]
    return write(path, newline.join(lines) + newline)


def test_prodigy_task_with_meta(tmp_path: Path) -> None:
    text = "Olaf Scholz besucht Paris.\r\nDer Kanzler trifft Macron."
    task = {
        "text": text,
        "meta": {"title": "Besuch", "outlet": "SZ", "url": "https://x.example/a",
                 "authors": ["Anna Beispiel", "Max Muster"], "date": "2024-10-23T14:05:00Z",
                 "section": "Politik"},
        "spans": [{"start": 0, "end": 11, "label": "PER", "token_start": 0, "token_end": 1},
                  {"start": 20, "end": 25, "label": "LOC", "text": "Paris"}],
        "_input_hash": 42, "tokens": [{"text": "Olaf"}],
    }  # fmt: skip
    draft = one(jsonl(tmp_path / "t.jsonl", task, newline="\r\n"))
    assert draft.text == text  # the escaped CRLF inside the string stays: offsets depend on it
    assert draft.spans == [Span(0, 11, "PER"), Span(20, 25, "LOC")]
    assert (draft.title, draft.outlet, draft.url) == ("Besuch", "SZ", "https://x.example/a")
    assert (draft.author, draft.published) == ("Anna Beispiel, Max Muster", "2024-10-23")
    assert draft.meta == {"section": "Politik", "_input_hash": 42}
    assert draft.source_path == f"{tmp_path / 't.jsonl'}:1"


@pytest.mark.parametrize(
    "task",
    [
        {"id": 7, "text": "Olaf Scholz in Paris", "label": [[0, 11, "PER"], [15, 20, "LOC"]]},
        {"text": "Olaf Scholz in Paris", "labels": [[15, 20, "LOC"], [0, 11, "PER"]]},
        {"text": "Olaf Scholz in Paris", "entities": [
            {"id": 1, "label": "PER", "start_offset": 0, "end_offset": 11},
            {"id": 2, "label": "LOC", "start_offset": 15, "end_offset": 20}]},
    ],
    ids=["doccano-label", "doccano-labels", "doccano-entities"],
)  # fmt: skip
def test_doccano_tasks(tmp_path: Path, task: dict) -> None:
    draft = one(jsonl(tmp_path / "d.jsonl", task))
    assert draft.spans == [Span(0, 11, "PER"), Span(15, 20, "LOC")]
    assert draft.title == "Olaf Scholz in Paris"


def test_doccano_category_labels_go_to_meta(tmp_path: Path) -> None:
    draft = one(jsonl(tmp_path / "c.jsonl", {"text": "Ein Text", "label": ["politik"]}))
    assert draft.spans == [] and draft.meta == {"label": ["politik"]}


def test_astral_characters_keep_exact_offsets(tmp_path: Path) -> None:
    text = "🎉 Feier\u2028mit 👨‍👩‍👧 Familie:\x85𝔄𝔫𝔫𝔞 trifft Olaf Scholz in 🇩🇪 Berlin"
    spans = [
        {"start": text.index("Olaf"), "end": text.index("Olaf") + 11, "label": "PER"},
        {"start": text.index("Berlin"), "end": len(text), "label": "LOC"},
        {"start": text.index("𝔄"), "end": text.index("𝔄") + 4, "label": "PER"},
    ]
    path = write(
        tmp_path / "e.jsonl",
        json.dumps({"text": text, "spans": spans}, ensure_ascii=True)  # surrogate-pair escapes
        + "\n"
        + json.dumps({"text": text, "spans": spans}, ensure_ascii=False),
    )
    drafts = run(path)  # U+2028 and NEL written raw must not split the line
    assert len(drafts) == 2
    for draft in drafts:
        assert isinstance(draft, ArticleDraft) and draft.text == text
        assert [s.text_in(draft.text) for s in draft.spans] == ["𝔄𝔫𝔫𝔞", "Olaf Scholz", "Berlin"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "abc", ', "invalid JSON: Expecting property name enclosed in double quotes"),
        ('["text"]', "expected a JSON object, got a list"),
        ('{"meta": {}}', 'missing "text"'),
        ('{"text": 5}', '"text" must be a string, got a number'),
        ('{"text": "  "}', 'empty "text"'),
        ('{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "X"}]}',
         "spans[0]: span 1-9 is outside the text (length 3)"),
        ('{"text": "abc", "spans": [{"start": -1, "end": 2, "label": "X"}]}',
         "spans[0]: span -1-2 is outside the text (length 3)"),
        ('{"text": "abc", "label": [[0, 1, "A"], [2, 2, "B"]]}',
         "label[1]: start 2 is not before end 2"),
        ('{"text": "abc", "label": [["0", 1, "A"]]}',
         'label[0]: offsets must be integers, got "0" and 1'),
        ('{"text": "abc", "spans": [{"start": 0.0, "end": 1, "label": "A"}]}',
         "spans[0]: offsets must be integers, got 0.0 and 1"),
        ('{"text": "abc", "spans": [{"start": 0, "end": true, "label": "A"}]}',
         "spans[0]: offsets must be integers, got 0 and true"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 1}]}',
         'spans[0]: missing or empty "label"'),
        ('{"text": "abc", "entities": [[0, 1]]}',
         'entities[0]: expected {"start", "end", "label"} or [start, end, label]'),
        ('{"text": "abc", "spans": {"start": 0}}',
         '"spans" must be a list of spans, got an object'),
        ('{"text": "😀 ab cd", "spans": [{"start": 3, "end": 5, "label": "X", "text": "ab"}]}',
         'spans[0]: span 3-5 covers "b " but its text is "ab"'),  # UTF-16 offsets
        ('{"text": "\\ud83d x"}', '"text" has a broken \\u escape at offset 0'),
    ],
)  # fmt: skip
def test_bad_jsonl_line_among_good_lines(tmp_path: Path, line: str, reason: str) -> None:
    good = {"text": "Gute Zeile", "spans": [{"start": 0, "end": 4, "label": "X"}]}
    path = jsonl(tmp_path / "mixed.jsonl", good, "", line, good)
    items = run(path)
    assert [type(item).__name__ for item in items] == ["ArticleDraft", "ImportFailure"] * 1 + [
        "ArticleDraft"
    ]
    bad = items[1]
    assert isinstance(bad, ImportFailure)
    assert (bad.path, bad.line) == (str(path), 3)
    assert bad.reason.startswith(reason)
    assert str(bad).startswith(f"{path}:3: ")
    assert items[2].source_path == f"{path}:4"


def test_jsonl_in_utf16_and_cp1252(tmp_path: Path) -> None:
    line = json.dumps({"text": GERMAN, "spans": [[0, 15, "PER"]]}, ensure_ascii=False) + "\n"
    utf16 = one(write(tmp_path / "u.jsonl", line.encode("utf-16")))
    cp1252 = one(write(tmp_path / "c.ndjson", b"\xef\xbb\xbf" + line.encode("cp1252")))
    assert utf16.text == cp1252.text == GERMAN
    assert utf16.spans[0].text_in(utf16.text) == "Bürgermeisterin"


def test_json_file_with_an_array_or_one_object(tmp_path: Path) -> None:
    tasks = [{"text": "Erster Text"}, {"text": ""}, {"text": "Dritter Text"}]
    path = write(tmp_path / "all.json", json.dumps(tasks, indent=2))
    items = run(path)
    assert [getattr(item, "text", None) for item in items] == ["Erster Text", None, "Dritter Text"]
    assert str(items[1]) == f'{path}[1]: empty "text"'
    single = write(tmp_path / "one.json", json.dumps({"text": "Nur einer"}, indent=2))
    assert one(single).source_path == str(single)


def test_empty_and_binary_jsonl(tmp_path: Path) -> None:
    assert failure(write(tmp_path / "e.jsonl", "\n\n")).reason == "empty file"
    assert failure(write(tmp_path / "b.jsonl", b"\x00\x01\x02\x03" * 50)).reason == (
        "binary file, not text"
    )


# --- HTML ------------------------------------------------------------------------------------


def test_news_page_gives_only_the_article(tmp_path: Path) -> None:
    draft = imported(one(DATA / "news_article.html"))
    title = "Elbtunnel: Sperrung sorgt für Staus im Berufsverkehr"
    assert draft.title == title
    assert draft.text.startswith(f"{title}\n\nHamburg (dpa) – Wegen einer Vollsperrung")
    assert draft.text.rstrip().endswith("künftige Arbeiten früher bekanntzugeben.")
    assert "Auch Ausweichstrecken überlastet" in draft.text
    for boilerplate in ("Cookies", "Alle akzeptieren", "Startseite", "Abo", "Mehr zum Thema",
                        "A7-Ausbau", "Newsletter", "Kommentare", "unfassbar", "Impressum",
                        "Alle Rechte vorbehalten", "Teilen", "Foto:"):  # fmt: skip
        assert boilerplate not in draft.text, boilerplate
    assert (draft.author, draft.published) == ("Anna Beispiel", "2024-10-23")
    assert draft.outlet == "Hamburger Morgenblatt"
    assert (
        draft.url == "https://www.morgenblatt.example/hamburg/elbtunnel-sperrung-staus-123456.html"
    )
    assert draft.meta["dateline"] == "Hamburg" and draft.meta["agency"] == "dpa"
    # The text importer reads the extracted text the same way.
    assert imported(parse_text(draft.text)).meta == {"dateline": "Hamburg", "agency": "dpa"}


PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>Streik – Regionalnachrichten</title></head><body>
<div class="nav"><a href="/">Start</a> | <a href="/news">News</a></div>
<div class="cookie">Diese Website verwendet Cookies. <a>OK</a></div>
<div class="content"><h1>Streik bei der Bahn legt Nahverkehr lahm</h1>
<div class="meta">Von Max Muster | 12.03.2024, 06:30 Uhr</div>
<p>Berlin (dpa) - Ein Warnstreik der Gewerkschaft hat am Dienstag den Nahverkehr in weiten
Teilen Deutschlands lahmgelegt. Betroffen waren vor allem S-Bahnen und Regionalzüge.</p>
<p>Die Bahn richtete einen Notfahrplan ein. Fahrgäste sollten sich „vor Fahrtantritt“
informieren.</p>
</div><div class="footer">© 2023 Regionalnachrichten | Impressum</div></body></html>"""


def test_headline_is_written_once_when_og_title_and_h1_differ() -> None:
    draft = parse_html(
        '<html><head><meta property="og:title" content="Streik: Nahverkehr lahmgelegt"></head>'
        "<body><article><h1>Streik legt den Nahverkehr lahm</h1><p>Ein Warnstreik hat am "
        "Dienstag den Nahverkehr in weiten Teilen Deutschlands lahmgelegt.</p></article></body>"
        "</html>"
    )
    assert draft.title == "Streik legt den Nahverkehr lahm"
    assert draft.text.startswith("Streik legt den Nahverkehr lahm\nEin Warnstreik hat")


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("iso-8859-1", "cp1252")])
def test_plain_page_in_legacy_charset(tmp_path: Path, charset: str, encoding: str) -> None:
    draft = imported(one(write(tmp_path / "p.htm", PAGE.format(charset=charset).encode(encoding))))
    assert draft.text.startswith("Streik bei der Bahn legt Nahverkehr lahm\nBerlin (dpa) - Ein")
    assert "Regionalzüge" in draft.text and "„vor Fahrtantritt“" in draft.text
    assert "Cookies" not in draft.text and "Impressum" not in draft.text
    assert draft.published == "2024-03-12"  # not the "© 2023" of the footer
    assert draft.meta["agency"] == "dpa"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><body><nav><ul><li><a href='/a'>Politik</a></li><li><a>Sport</a></li></ul></nav>"
         "<footer><p>Impressum Datenschutz Kontakt</p></footer></body></html>", NO_TEXT),
        ("<html><body><div class='cookie'>Wir verwenden Cookies, um Ihnen ein gutes Erlebnis zu "
         "bieten. <button>OK</button></div><nav><a href='/a'>Politik</a></nav></body></html>",
         NO_TEXT),
        ("<html><head><title>Nur ein Titel</title></head><body></body></html>", NO_TEXT),
        (" \n", "empty file"),
    ],
)  # fmt: skip
def test_page_without_article(tmp_path: Path, html: str, reason: str) -> None:
    assert failure(write(tmp_path / "nav.html", html)).reason == reason


@pytest.mark.parametrize(
    "html",
    [
        "<p>Ein Absatz ohne html- und body-Element, wie ihn manche Redaktionssysteme speichern."
        "</p>",
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0'
        ' Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns='
        '"http://www.w3.org/1999/xhtml"><head><title>X</title></head><body><article><p>Ein Absatz'
        " ohne html- und body-Element, wie ihn manche Redaktionssysteme speichern.</p></article>"
        "</body></html>",
        "<!-- saved from url=(0041)https://www.morgenblatt.example/artikel -->\n<html><body><p>"
        "Ein Absatz ohne html- und body-Element, wie ihn manche Redaktionssysteme speichern.</p>"
        "</body></html>",
    ],
    ids=["fragment", "xhtml", "saved-by-browser"],
)
def test_unusual_html_documents(html: str) -> None:
    assert parse_html(html).text.endswith("wie ihn manche Redaktionssysteme speichern.")


# --- walking ---------------------------------------------------------------------------------


def test_folder_walk_order_and_skipping(tmp_path: Path) -> None:
    write(tmp_path / "b" / "z.txt", "Z\nText")
    write(tmp_path / "b" / "a.html", "<p>" + "Wort " * 10 + "</p>")
    write(tmp_path / "a.txt", "A\nText")
    write(tmp_path / "c.jsonl", '{"text": "C1"}\n{"text": "C2"}\n')
    write(tmp_path / ".hidden.txt", "versteckt")
    write(tmp_path / ".git" / "x.txt", "versteckt")
    write(tmp_path / "notes.pdf", b"%PDF")
    write(tmp_path / "README", "R\nText")
    items = run(tmp_path)
    names = [item.source_path for item in items if isinstance(item, ArticleDraft)]
    rel = [os.path.relpath(name, tmp_path) for name in names]
    assert rel == ["README", "a.txt", os.path.join("b", "a.html"), os.path.join("b", "z.txt"),
                   "c.jsonl:1", "c.jsonl:2"]  # fmt: skip
    assert [str(item) for item in items if isinstance(item, ImportSkip)] == [
        f"{tmp_path / 'notes.pdf'}: not recognised"]  # listed, not failed
    *files, missing = iter_targets([tmp_path, tmp_path / "x"])
    assert [os.path.relpath(str(path), tmp_path) for path in files] == [
        "README", "a.txt", os.path.join("b", "a.html"), os.path.join("b", "z.txt"), "c.jsonl",
        "notes.pdf: not recognised"]
    assert str(missing) == f"{tmp_path / 'x'}: no such file or folder"


def test_explicit_paths(tmp_path: Path) -> None:
    pdf = write(tmp_path / "notes.pdf", b"%PDF")
    assert "unsupported file type '.pdf'" in failure(pdf).reason
    missing = failure(tmp_path / "nope.txt")
    assert str(missing) == f"{tmp_path / 'nope.txt'}: no such file or folder"
    hidden = write(tmp_path / ".hidden.txt", "Ausdrücklich gewählt")
    assert one(hidden).title == "Ausdrücklich gewählt"


def test_unreadable_file_and_vanished_folder(tmp_path: Path, monkeypatch) -> None:
    locked = write(tmp_path / "a" / "locked.txt", "x")
    write(tmp_path / "a" / "ok.txt", "Ok")
    write(tmp_path / "b" / "gone.txt", "weg")
    real = os.open

    def refuse_locked(path: os.PathLike | str, *args: int) -> int:
        if Path(path) == locked:  # as for a file without read permission (root reads all)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args)

    monkeypatch.setattr(os, "open", refuse_locked)
    items = iter_import([tmp_path])
    first = next(items)
    assert str(first) == f"{locked}: Permission denied"
    (tmp_path / "b" / "gone.txt").unlink()
    (tmp_path / "b").rmdir()
    rest = list(items)
    assert isinstance(rest[0], ArticleDraft) and rest[0].title == "Ok"
    assert str(rest[1]) == f"{tmp_path / 'b'}: No such file or directory"


def test_import_is_streamed(tmp_path: Path, monkeypatch) -> None:
    for number in range(30):
        write(tmp_path / f"{number:03d}.txt", f"Artikel {number}")
    calls: list[Path] = []
    real = importer_module.read_text_file

    def counting(path: Path, warn: object = None) -> ArticleDraft:
        calls.append(path)
        return real(path, warn)

    monkeypatch.setattr(importer_module, "read_text_file", counting)
    items = iter_import([tmp_path])
    assert inspect.isgenerator(items)
    assert next(items).title == "Artikel 0"
    assert len(calls) == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A")
    try:
        (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert [item.title for item in run(tmp_path)] == ["A"]


def test_failure_is_one_line() -> None:
    assert str(ImportFailure("f.jsonl", 3, "bad\nthing")) == "f.jsonl:3: bad thing"
    assert str(ImportFailure("f.txt", None, "empty file")) == "f.txt: empty file"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("© Elbtal-Bote 2024", "Elbtal-Bote"), ("© Die Wochenwarte, 2024", "Die Wochenwarte"),
     ("© 2024 Nordelbische Allgemeine", "Nordelbische Allgemeine")],
)
def test_copyright_footer_names_the_outlet(line: str, outlet: str) -> None:
    draft = imported(parse_text(f"Titel\n\n23.10.2024\n\nText des Artikels.\n\n{line}\n",
                                "a.txt"))
    assert draft.outlet == outlet
