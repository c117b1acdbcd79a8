"""io's errors are data (a kind and its facts); app words them in the interface's language:
a German window says why a file was not imported, or why a folder cannot take an export, in
German, while ``str`` of a note stays the English line the command line and the logs print."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.app import import_texts
from annotator.app.export_texts import folder_trouble
from annotator.app.exporting import ExportError, ExportOptions, export_project, survey_output
from annotator.app.importing import import_files, run_import
from annotator.io import ImportFailure, ImportWarning, iter_import
from annotator.io.common import ImportNote, Why
from annotator.io.export_manifest import FolderError, FolderNote, Trouble
from annotator.store import Project
from tests.test_i18n import german  # noqa: F401 (the fixture)
from tests.test_i18n_windows import english_shown

BROKEN_JSONL = ('{"text": "Der Rat tagt."}\n{broken\n[1]\n{"title": "ohne"}\n{"text": " "}\n'
                '{"text": "Der Rat tagt.", "spans": [{"start": 4, "end": 7}]}\n'
                '{"text": "Der Rat tagt.", "spans": [{"start": 4, "end": 99, "label": "ORG"}]}\n'
                '{"text": "Der Rat tagt.", "spans": [{"start": 7, "end": 4, "label": "ORG"}]}\n')
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"


def bad_folder(tmp_path: Path) -> Path:
    """What a folder of real-world files holds: a binary file named .txt, a JSONL file with
    bad lines, an empty file, a brat .ann without its .txt, a text with a stray byte, a zip,
    a saved page of links, a CoNLL file without tokens, a .spacy that is none, an .xmi alone;
    beside it a file of a type no reader takes."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bild.txt").write_bytes(PNG)
    (folder / "daten.jsonl").write_text(BROKEN_JSONL, encoding="utf-8")
    (folder / "leer.txt").write_bytes(b"")
    (folder / "allein.ann").write_text("T1\tPER 0 4\tAnna\n", encoding="utf-8")
    (folder / "paar.ann").write_text("T1\tPER 0 4\tAnna\n", encoding="utf-8")
    (folder / "paar.txt").write_bytes(PNG)  # the pair's text is an image
    (folder / "kaputt.txt").write_bytes(b"Die Stra\xc3\x9fe in K\xc3\xb6ln \xff zu.")
    (folder / "fotos.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (folder / "menue.html").write_text("<html><body><ul><li><a href='/'>Start</a></li></ul>"
                                       "</body></html>", encoding="utf-8")
    (folder / "leer.conll").write_text("\n\n", encoding="utf-8")
    (folder / "kaputt.spacy").write_bytes(b"kein DocBin")
    (folder / "einsam.xmi").write_text("<xmi/>", encoding="utf-8")  # no TypeSystem.xml
    (tmp_path / "notizen.odt").write_bytes(b"PK\x03\x04")
    return folder


NOTES = [
    (ImportFailure("a.jsonl", 2, "invalid JSON: Expecting value (column 1)", Why.INVALID_JSON,
                   "Expecting value", 1), "a.jsonl:2: invalid JSON: Expecting value (column 1)"),
    (ImportFailure("b.txt", None, "binary file, not text", Why.BINARY),
     "b.txt: binary file, not text"),
    (ImportWarning("c.txt", None, "3 invalid UTF-8 bytes replaced with U+FFFD, the first at "
                   "byte offset 7", Why.BYTES_REPLACED, at=7, count=3),
     "c.txt: 3 invalid UTF-8 bytes replaced with U+FFFD, the first at byte offset 7"),
    (ImportFailure("x.ann", None, "no x.txt next to the annotations", Why.BRAT_NO_TEXT,
                   "x.txt"), "x.ann: no x.txt next to the annotations"),
    (ImportFailure("t.json", None, "spans[2]: span 3-90 does not fit the text (length 40)",
                   Why.SPAN_MISFIT, "spans[2]", numbers=(3, 90, 40)),
     "t.json: spans[2]: span 3-90 does not fit the text (length 40)"),
    (ImportFailure("geheim", None, "Permission denied", Why.OS_ERROR, "Permission denied"),
     "geheim: Permission denied"),
    (ImportFailure("riesig.txt", None, "larger than 10 MB, the limit for a text article",
                   Why.TOO_LARGE, "a text article", count=10),
     "riesig.txt: larger than 10 MB, the limit for a text article"),
]

GERMAN = [
    "geheim: nicht lesbar: Permission denied",  # the system's words stay as they are
    "riesig.txt: größer als 10 MB, die Grenze für einen Textartikel",
]


@pytest.mark.parametrize(("note", "english"), NOTES)
def test_a_note_prints_its_english_line_and_app_words_it_the_same(note: ImportNote,
                                                                  english: str) -> None:
    assert str(note) == english
    assert import_texts.line(note) == english  # no translator: the command line's words


def test_every_reason_a_folder_gives_is_worded_as_io_says_it_in_english(tmp_path: Path) -> None:
    notes = [n for n in iter_import([bad_folder(tmp_path), tmp_path / "notizen.odt",
                                     tmp_path / "nirgends"]) if isinstance(n, ImportNote)]
    kinds = {n.kind for n in notes}
    assert {Why.BINARY, Why.INVALID_JSON, Why.NOT_AN_OBJECT, Why.MISSING_TEXT, Why.EMPTY_TEXT,
            Why.EMPTY_FILE, Why.BRAT_NO_TEXT, Why.BYTES_REPLACED, Why.NOT_RECOGNISED,
            Why.UNSUPPORTED, Why.NO_SUCH_PATH, Why.NO_HTML_TEXT, Why.NO_TOKENS,
            Why.NOT_DOCBIN, Why.NO_LABEL, Why.NO_TYPE_SYSTEM, Why.SPAN_OUTSIDE,
            Why.SPAN_BACKWARDS} <= kinds
    assert [import_texts.line(n) for n in notes] == [str(n) for n in notes]


@pytest.mark.usefixtures("german")
def test_what_a_german_reader_cannot_test_with_files_is_german_too() -> None:
    assert [import_texts.line(note) for note, _ in NOTES[-2:]] == GERMAN


@pytest.mark.usefixtures("german")
def test_a_german_import_report_says_why_in_german(tmp_path: Path) -> None:
    folder = bad_folder(tmp_path)
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [folder, tmp_path / "notizen.odt"])
    lines = report.failed + report.warnings
    assert len(report.imported) == 2 and len(lines) == 17, lines
    assert f"{folder / 'bild.txt'}: Binärdatei, kein Text" in lines
    assert f"{folder / 'daten.jsonl'}:2: ungültiges JSON: Expecting property name enclosed in " \
           "double quotes (Spalte 2)" in lines  # the decoder's words stay as they are
    assert f"{folder / 'daten.jsonl'}:6: spans[0]: „label“ fehlt oder ist leer" in lines
    assert f"{folder / 'daten.jsonl'}:7: spans[0]: Textstelle 4-99 liegt außerhalb des Textes " \
           "(Länge 13)" in lines
    assert f"{folder / 'daten.jsonl'}:8: spans[0]: Anfang 7 liegt nicht vor Ende 4" in lines
    assert f"{folder / 'paar.ann'}: paar.txt: Binärdatei, kein Text" in lines
    assert f"{folder / 'allein.ann'}: allein.txt fehlt neben den Annotationen" in lines
    assert f"{folder / 'kaputt.txt'}: ein ungültiges UTF-8-Byte an Byte-Position 21 durch " \
           "U+FFFD ersetzt" in lines
    data = ("Expecting property name enclosed in double quotes", "spans[0]")  # not sentences
    sentences = [line.split(": ", 1)[1] for line in lines]
    for words in data:
        sentences = [sentence.replace(words, "") for sentence in sentences]
    assert english_shown(sentences) == [], sentences
    assert str(next(n for n in iter_import([folder / "bild.txt"]))) == (
        f"{folder / 'bild.txt'}: binary file, not text")  # the logs' line: English


@pytest.mark.usefixtures("german")
def test_a_german_import_tells_its_failures_in_german_as_they_come(project: Project,
                                                                   tmp_path: Path) -> None:
    (tmp_path / "bild.txt").write_bytes(PNG)
    said: list[str] = []
    report = run_import(project, [tmp_path / "bild.txt", tmp_path / "nirgends"], suggest=False,
                        progress=lambda _done, _total, message: said.append(message))
    assert f"fehlgeschlagen: {tmp_path / 'bild.txt'}: Binärdatei, kein Text" in said
    assert f"fehlgeschlagen: {tmp_path / 'nirgends'}: Datei oder Ordner nicht gefunden" in said
    assert report.failed == [f"{tmp_path / 'bild.txt'}: Binärdatei, kein Text",
                             f"{tmp_path / 'nirgends'}: Datei oder Ordner nicht gefunden"]


def test_a_folder_error_prints_its_english_line(tmp_path: Path) -> None:
    error = FolderError(Trouble.IS_A_FILE, tmp_path / "out")
    assert str(error) == f"{tmp_path / 'out'} is a file, not a folder"
    assert error.note == FolderNote(Trouble.IS_A_FILE, str(tmp_path / "out"))
    assert folder_trouble(error.note) == str(error)
    busy = FolderError(Trouble.BUSY, "/x")
    assert str(busy) == folder_trouble(busy.note) == (
        "/x: another export is writing into this folder")


@pytest.mark.usefixtures("german")
def test_a_german_export_into_a_file_says_so_in_german(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    out.write_text("schon da", encoding="utf-8")
    options = ExportOptions("jsonl", out)
    for attempt in (lambda: survey_output(options), lambda: export_project(project, options)):
        with pytest.raises(ExportError) as caught:
            attempt()
        assert str(caught.value) == f"{out} ist eine Datei, kein Ordner"
        assert isinstance(caught.value.__cause__, FolderError)
        assert str(caught.value.__cause__) == f"{out} is a file, not a folder"


@pytest.mark.usefixtures("german")
def test_a_file_of_a_kind_without_a_name_is_a_special_file() -> None:
    """A mode of none of the kinds io names (none this system makes) is not "not a regular
    file, not a regular file"."""
    from annotator.io.common import not_regular, not_regular_problem

    kind = not_regular(0)
    assert kind == "a special file"
    note = not_regular_problem(kind).failure("x")
    assert str(note) == "x: a special file, not a regular file: skipped"
    assert import_texts.line(note).startswith("x: eine Spezialdatei")


# What a scraper's JSONL and a labelling tool's export get wrong, line by line (the lines'
# kinds: a broken \u escape, spans not a list, a span of neither shape, offsets as strings,
# a label that is a number, a span whose own text differs from the text at its offsets), and a
# Label Studio task whose span is not its text, with labels empty, without any text field.
SPANS_JSONL = ('{"text": "Der Rat \\ud800 tagt."}\n'
               '{"text": "Der Rat tagt.", "spans": {"start": 4}}\n'
               '{"text": "Der Rat tagt.", "spans": [5]}\n'
               '{"text": "Der Rat tagt.", "spans": [{"start": "4", "end": 7, "label": "ORG"}]}\n'
               '{"text": "Der Rat tagt.", "spans": [[4, 7, 5]]}\n'
               '{"text": "Der Rat tagt.", "spans": [{"start": 4, "end": 7, "label": "ORG", '
               '"text": "Rot"}]}\n')
NEW_KINDS = {Why.BROKEN_ESCAPE, Why.SPANS_NOT_A_LIST, Why.SPAN_SHAPE, Why.OFFSETS_NOT_INTEGERS,
             Why.LABEL_NOT_STRING, Why.SPAN_TEXT_DIFFERS, Why.SPAN_NOT_ITS_TEXT,
             Why.LABELS_NOT_LIST, Why.NO_TEXT_FIELD}


def label_studio(value: dict, data: dict | None = None) -> dict:
    return {"data": data or {"text": "Der Rat tagt in Bonn."}, "annotations": [{"result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": value}]}]}


def spans_folder(tmp_path: Path) -> Path:
    import json

    folder = tmp_path / "spans"
    folder.mkdir()
    (folder / "scraper.jsonl").write_text(SPANS_JSONL, encoding="utf-8")
    tasks = {"rot.json": label_studio({"start": 4, "end": 7, "text": "Rot", "labels": ["ORG"]}),
             "leer.json": label_studio({"start": 4, "end": 7, "text": "Rat", "labels": []}),
             "zahl.json": label_studio({"start": 4, "end": 7, "labels": ["ORG"]}, {"n": 5})}
    for name, task in tasks.items():
        (folder / name).write_text(json.dumps([task]), encoding="utf-8")
    return folder


def test_the_span_reasons_of_jsonl_and_tools_are_kinds_worded_as_io_says_them(
        tmp_path: Path) -> None:
    notes = [n for n in iter_import([spans_folder(tmp_path)]) if isinstance(n, ImportNote)]
    assert {n.kind for n in notes} == NEW_KINDS, [str(n) for n in notes]
    assert [import_texts.line(n) for n in notes] == [str(n) for n in notes]
    html = ImportFailure("seite.html", None, "cannot read the HTML: Document is empty",
                         Why.HTML_UNREADABLE, "Document is empty")
    assert import_texts.line(html) == str(html) == "seite.html: cannot read the HTML: Document " \
                                                   "is empty"


@pytest.mark.usefixtures("german")
def test_a_german_window_says_the_span_reasons_in_german(tmp_path: Path) -> None:
    folder = spans_folder(tmp_path)
    lines = [import_texts.line(n) for n in iter_import([folder]) if isinstance(n, ImportNote)]
    scraper = folder / "scraper.jsonl"
    assert f"{scraper}:4: spans[0]: Positionen müssen ganze Zahlen sein, gefunden: \"4\" und 7" \
        in lines
    assert f'{scraper}:6: spans[0]: Textstelle 4-7 umfasst "Rat", ihr Text ist aber "Rot" ' \
           "(Positionen müssen Unicode-Codepunkte zählen)" in lines
    assert f"{scraper}:2: „spans“ muss eine Liste von Textstellen sein, gefunden: ein Objekt" \
        in lines
    data = ("annotations[0].result[0]", "spans[0]", "spans", '"start", "end", "label"',
            "[start, end, label]", "UTF-16")  # the file's own names, not sentences
    sentences = [line.split(": ", 1)[1] for line in lines]
    for words in data:
        sentences = [sentence.replace(words, "") for sentence in sentences]
    assert english_shown(sentences) == [], sentences


def decode_failure(data: bytes) -> ImportNote:
    from annotator.io.decode import DecodeError, decode_bytes

    with pytest.raises(DecodeError) as caught:
        decode_bytes(data)
    return caught.value.failure("f.txt")


# UTF-8 German with an invalid byte, then control characters no text has: binary after all
STRAY_THEN_BINARY = "Straße in Köln über ".encode() * 5 + b"\xff" + b"\x01\x02\x03\x04" * 40
BROKEN_UTF16 = b"\xff\xfe" + b"a\x00\xd8"  # a byte-order mark, then no UTF-16


def test_the_decoders_reasons_have_kinds_worded_as_io_says_them() -> None:
    binary, bom = decode_failure(STRAY_THEN_BINARY), decode_failure(BROKEN_UTF16)
    assert (binary.kind, binary.count, binary.at) == (Why.BINARY, 1, 115)
    assert str(binary) == "f.txt: binary file, not text (an invalid UTF-8 byte, the first at " \
                          "byte offset 115)" == import_texts.line(binary)
    assert (bom.kind, bom.detail) == (Why.BAD_AFTER_BOM, "UTF-16")
    assert str(bom) == "f.txt: invalid UTF-16 text after the byte-order mark" == \
        import_texts.line(bom)


@pytest.mark.usefixtures("german")
def test_a_german_window_says_the_decoders_reasons_in_german() -> None:
    assert import_texts.line(decode_failure(STRAY_THEN_BINARY)) == (
        "f.txt: Binärdatei, kein Text (ein ungültiges UTF-8-Byte, an Byte-Position 115)")
    assert import_texts.line(decode_failure(BROKEN_UTF16)) == (
        "f.txt: ungültiger UTF-16-Text nach der Byte-Reihenfolge-Markierung")


BRAT_TEXT = "Anna Berger sagte in Bonn."
BRAT_PAIRS = {  # .ann contents, each with one problem; the text is BRAT_TEXT
    "aussen": "T1\tPER 0 99\tAnna\n", "leer": "T1\tPER 3 3\t\n", "zeile": "T1\tPER null\tAnna\n",
    "rueck": "T1\tPER 5 2\tAnna\n", "rel": "T1\tPER 0 4\tAnna\nR1\tsagt Arg1:T1 Arg2:T9\n",
    "zitat": "T1\tPER 0 4\tBert\n"}
BRAT_SIDECARS = {"kaputt": "{nicht json", "liste": "[1, 2]"}  # our .meta beside a good pair
BRAT_KINDS = {Why.SPAN_OUTSIDE, Why.SPAN_EMPTY, Why.BRAT_SPAN_LINE, Why.BRAT_OFFSETS,
              Why.BRAT_RELATION, Why.QUOTED_TEXT_DIFFERS, Why.INVALID_JSON_FILE,
              Why.NOT_AN_OBJECT, Why.CONLL_COLUMNS, Why.CONLL_TAG}


def brat_conll_folder(tmp_path: Path) -> Path:
    from annotator.io.brat import META_SUFFIX

    folder = tmp_path / "brat"
    folder.mkdir()
    for name, ann in {**BRAT_PAIRS, **{n: "T1\tPER 0 4\tAnna\n" for n in BRAT_SIDECARS}}.items():
        (folder / f"{name}.txt").write_text(BRAT_TEXT, encoding="utf-8")
        (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    for name, meta in BRAT_SIDECARS.items():
        (folder / f"{name}{META_SUFFIX}").write_text(meta, encoding="utf-8")
    (folder / "tags.conll").write_text("Anna\tB-PER\nBerger\tX-PER\n", encoding="utf-8")
    (folder / "spalte.conll").write_text("Anna\nBerger B-PER\n", encoding="utf-8")
    return folder


def test_brats_and_conlls_reasons_are_kinds_worded_as_io_says_them(tmp_path: Path) -> None:
    notes = [n for n in iter_import([brat_conll_folder(tmp_path)]) if isinstance(n, ImportNote)]
    assert {n.kind for n in notes} == BRAT_KINDS, [str(n) for n in notes]
    assert [import_texts.line(n) for n in notes] == [str(n) for n in notes]


@pytest.mark.usefixtures("german")
def test_a_german_window_says_brats_and_conlls_reasons_in_german(tmp_path: Path) -> None:
    folder = brat_conll_folder(tmp_path)
    lines = [import_texts.line(n) for n in iter_import([folder]) if isinstance(n, ImportNote)]
    assert f"{folder / 'leer.ann'}:1: T1: Textstelle 3-3 ist leer" in lines
    assert f"{folder / 'tags.conll'}:2: 'X-PER' ist kein IOB-Tag (O, B-LABEL, I-LABEL)" in lines
    assert f"{folder / 'liste.ann'}: liste.meta: JSON-Objekt erwartet, gefunden: eine Liste" \
        in lines
    data = ("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            "'PER null'", "'PER 5 2'", "Arg1:T… Arg2:T…", "PER 0 4", "TOKEN", "TAG",
            "O, B-LABEL, I-LABEL", "'X-PER'")  # the file's own words, not sentences
    sentences = [line.split(": ", 1)[1] for line in lines]
    for words in data:
        sentences = [sentence.replace(words, "") for sentence in sentences]
    assert english_shown(sentences) == [], sentences


TOOL_TEXT = "Anna Berger sagte in Bonn."
_ENTITY = [{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 11}]
_SPAN = {"start": 0, "end": 11, "label": "PER", "token_start": 0, "token_end": 1}
_TOKENS = [{"text": "Anna", "start": 0, "end": 4, "id": 0},
           {"text": "Berger", "start": 5, "end": 11, "id": 1}]
TOOL_LINES = {  # the tools' exports with a problem a line: doccano's relations, Prodigy's
    "doccano.jsonl": [
        {"text": TOOL_TEXT, "entities": _ENTITY,
         "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "sagt"}]},
        {"text": TOOL_TEXT, "entities": _ENTITY, "relations": {}},
        {"text": TOOL_TEXT, "entities": _ENTITY, "relations": [5]}],
    "prodigy.jsonl": [
        {"text": TOOL_TEXT, "tokens": _TOKENS, "spans": [_SPAN], "answer": "accept",
         "relations": [{"head": 0, "child": 1, "label": 5, "head_span": _SPAN,
                        "child_span": _SPAN}]},
        {"text": TOOL_TEXT, "tokens": _TOKENS, "spans": [_SPAN], "answer": "accept",
         "relations": [{"head": 0, "child": 1, "label": "sagt", "child_span": _SPAN,
                        "head_span": {"start": 0, "end": 99, "label": "PER"}}]}]}


def tools_folder(tmp_path: Path) -> Path:
    import json

    folder = tmp_path / "tools"
    folder.mkdir()
    for name, lines in TOOL_LINES.items():
        (folder / name).write_text("".join(json.dumps(line) + "\n" for line in lines),
                                   encoding="utf-8")
    return folder


def test_the_tools_reasons_are_kinds_worded_as_io_says_them(tmp_path: Path) -> None:
    notes = [n for n in iter_import([tools_folder(tmp_path)]) if isinstance(n, ImportNote)]
    assert {n.kind for n in notes} == {Why.RELATION_NOT_ENTITIES, Why.MUST_BE_LIST,
                                       Why.MUST_BE_OBJECT, Why.LABEL_NOT_STRING,
                                       Why.END_SPAN_MISFIT}, [str(n) for n in notes]
    more = [ImportFailure("ls.json", None, "annotations[0].result[2]: from_id and to_id must "
                          "name regions of the same annotation", Why.RELATION_NOT_REGIONS,
                          "annotations[0].result[2]"),
            ImportFailure("a.xmi", None, "a.meta: not a JSON object (Expecting value: line 1 "
                          "column 1 (char 0))", Why.NOT_A_JSON_OBJECT,
                          "Expecting value: line 1 column 1 (char 0)", part="a.meta"),
            ImportFailure("a.xmi", None, "Span 3: attrs is not JSON (Expecting value)",
                          Why.ATTRS_NOT_JSON, "Span 3", values=("Expecting value",)),
            ImportFailure("r.jsonl", 4, "claims[0].source must be a string or null",
                          Why.STRING_OR_NULL, "claims[0].source")]
    assert [import_texts.line(n) for n in notes + more] == [str(n) for n in notes + more]


@pytest.mark.usefixtures("german")
def test_a_german_window_says_the_tools_reasons_in_german(tmp_path: Path) -> None:
    folder = tools_folder(tmp_path)
    lines = [import_texts.line(n) for n in iter_import([folder]) if isinstance(n, ImportNote)]
    assert f'{folder / "doccano.jsonl"}:2: "relations" muss eine Liste sein' in lines
    assert f"{folder / 'prodigy.jsonl'}:2: relations[0].head_span: Textstelle 0-99 passt nicht " \
           "in den Text (Länge 26)" in lines
    data = ('"relations"', "relations[0]", "from_id", "to_id", "head_span")
    sentences = [line.split(": ", 1)[1] for line in lines]
    for words in data:
        sentences = [sentence.replace(words, "") for sentence in sentences]
    assert english_shown(sentences) == [], sentences


OWN_TEXT = "Anna Berger sagte in Bonn."
_OWN_SPAN = {"key": "T1", "layer": "entity", "start": 0, "end": 11, "label": "PER"}
_OWN_TOKENS = [{"text": "Anna", "start": 0, "end": 4, "id": 0, "ws": True},
               {"text": "Berger", "start": 5, "end": 11, "id": 1, "ws": True}]


def own_problems() -> list[ImportNote]:
    """What a hand-edited export of annotator's own gets wrong: its JSONL's tokens and
    relations, its DocBin's user data."""
    from types import SimpleNamespace

    from annotator.io.common import ImportProblem
    from annotator.io.docbin import USER_DATA_KEY, doc_draft
    from annotator.io.export_jsonl import parse_rich_task

    bad_tokens = [_OWN_TOKENS[0], {**_OWN_TOKENS[1], "start": 2}]  # out of order
    renamed = [{**_OWN_TOKENS[0], "text": "Olga"}, _OWN_TOKENS[1]]
    other = {"key": "T2", "layer": "entity", "start": 21, "end": 25, "label": "LOC"}
    moved = {"head_span": {"key": "T1", "start": 0, "end": 4}, "label": "sagt",
             "child_span": {"key": "T2", "start": 21, "end": 25}}
    tasks = [{"spans": [_OWN_SPAN], "tokens": bad_tokens},
             {"spans": [_OWN_SPAN], "tokens": renamed},
             {"spans": [{**_OWN_SPAN, "token_start": 0, "token_end": 0}], "tokens": _OWN_TOKENS},
             {"spans": [_OWN_SPAN, other], "relations": [moved]}]
    docs = [SimpleNamespace(text=OWN_TEXT, user_data={USER_DATA_KEY: {"version": 7}}),
            SimpleNamespace(text=OWN_TEXT, user_data={USER_DATA_KEY: {"version": 1,
                                                                      "links": {}}}),
            SimpleNamespace(text=OWN_TEXT, user_data={USER_DATA_KEY: {"version": 1,
                                                                      "links": [5]}}),
            SimpleNamespace(text=" ", user_data={})]
    notes = []
    for read in [lambda t=t: parse_rich_task(t, OWN_TEXT, "x") for t in tasks] + [
            lambda d=d: doc_draft(d, "x") for d in docs]:
        with pytest.raises(ImportProblem) as caught:
            read()
        notes.append(caught.value.failure("own"))
    return notes


def test_the_reasons_of_our_own_formats_are_kinds_worded_as_io_says_them() -> None:
    notes = own_problems()
    assert [n.kind for n in notes] == [
        Why.TOKEN_OFFSETS, Why.TOKEN_TEXT, Why.TOKEN_FIELDS, Why.LINK_OFFSETS_DIFFER,
        Why.USER_DATA_VERSION, Why.USER_DATA_SHAPE, Why.MUST_BE_OBJECT, Why.NO_DOCUMENT_TEXT]
    assert [import_texts.line(n) for n in notes] == [str(n) for n in notes]


@pytest.mark.usefixtures("german")
def test_a_german_window_says_the_reasons_of_our_own_formats_in_german() -> None:
    lines = [import_texts.line(n) for n in own_problems()]
    assert "own: das Dokument hat keinen Text" in lines
    data = ("tokens[0]", "spans[0]", "relations[0].head_span", "token_start/token_end",
            'user_data["annotator"]', "links[0]", "spans", "links", "groups", "meta",
            "user data")  # the file's own names, not sentences
    sentences = [line.split(": ", 1)[1] for line in lines]
    for words in data:
        sentences = [sentence.replace(words, "") for sentence in sentences]
    assert english_shown(sentences) == [], sentences


_TSV_HEAD = ("#FORMAT=WebAnno TSV 3.3\n"
             "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value|identifier\n\n\n")
_TSV_ROWS = "1-1\t0-4\tAnna\tPER[1]\t*[1]\n1-2\t5-10\tsagte\t_\t_\n"
TSV_PROBLEMS = {  # WebAnno TSV with one problem each
    Why.NOT_WEBANNO: "Anna sagte.\n",
    Why.TOKEN_BEFORE_TEXT: _TSV_HEAD + _TSV_ROWS + "#Text=Anna sagte\n",
    Why.TSV_COLUMNS: _TSV_HEAD + "#Text=Anna sagte\n1-1\t0-4\tAnna\tPER[1]\n",
    Why.TSV_TOKEN_OUTSIDE: _TSV_HEAD + "#Text=Anna sagte\n1-1\t0-4\tAnna\tPER[1]\t*[1]\n"
                           "1-2\t5-99\tsagte\t_\t_\n"}
INCEPTION_NOTES = [  # what a broken INCEpTION export gives, as io writes it
    ImportFailure("p.zip", None, "token 1-2: relation source 'x' is not a token",
                  Why.TSV_RELATION_SOURCE, "1-2", values=("'x'",)),
    ImportFailure("p.zip", None, "token 1-4: relation end not found", Why.TSV_RELATION_END,
                  "1-4"),
    ImportFailure("t.tsv", None, "not UTF-8 ('utf-8' codec can't decode byte 0xff in position "
                  "0: invalid start byte)", Why.NOT_UTF8, "'utf-8' codec can't decode byte 0xff "
                  "in position 0: invalid start byte"),
    ImportFailure("p.zip!a.xmi", None, "not a UIMA CAS XMI its type system reads: Start tag "
                  "expected", Why.XMI_UNREADABLE, "Start tag expected"),
    ImportFailure("p.zip", None, "not a zip file (File is not a zip file)", Why.NOT_A_ZIP,
                  "File is not a zip file"),
    ImportFailure("p.zip", None, "no annotation/DOCUMENT/USER.xmi or .zip inside (not an "
                  "INCEpTION project export or a zip of XMI files)", Why.NO_INCEPTION_ENTRY),
    ImportFailure("p.zip!a.zip", None, "no .xmi or .tsv inside", Why.NO_XMI_INSIDE),
    ImportFailure("p.zip!a.xmi", None, "no TypeSystem.xml in the zip", Why.NO_TYPE_SYSTEM_ZIP),
    ImportFailure("p.zip", None, "a.xmi is over 200 MB", Why.ENTRY_TOO_LARGE, "a.xmi",
                  count=200)]


def tsv_notes() -> list[ImportNote]:
    from annotator.io.common import ImportProblem
    from annotator.io.webanno_tsv_read import parse_webanno_tsv

    notes = []
    for content in TSV_PROBLEMS.values():
        with pytest.raises(ImportProblem) as caught:
            parse_webanno_tsv(content, "t.tsv")
        notes.append(caught.value.failure("t.tsv"))
    return notes


def test_webannos_and_inceptions_reasons_are_kinds_worded_as_io_says_them() -> None:
    notes = tsv_notes()
    assert [n.kind for n in notes] == list(TSV_PROBLEMS)
    everything = notes + INCEPTION_NOTES
    assert [import_texts.line(n) for n in everything] == [str(n) for n in everything]


@pytest.mark.usefixtures("german")
def test_a_german_window_says_webannos_and_inceptions_reasons_in_german() -> None:
    lines = [import_texts.line(n) for n in tsv_notes() + INCEPTION_NOTES]
    assert "t.tsv:6: Token 1-1: 4 Spalten, der Kopf nennt 5" in lines
    assert "p.zip: keine ZIP-Datei (File is not a zip file)" in lines
    data = ("#FORMAT=WebAnno TSV 3.x", "#Text=", "annotation/DOCUMENT/USER.xmi", ".zip", ".xmi",
            ".tsv", "TypeSystem.xml", "File is not a zip file", "Start tag expected",
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", "'x'")
    sentences = [line.split(": ", 1)[1] for line in lines]
    for words in data:
        sentences = [sentence.replace(words, "") for sentence in sentences]
    assert english_shown(sentences) == [], sentences


_REC = {"key": "T1", "layer": "entity", "start": 0, "end": 11, "label": "PER"}
_CLAIM = {"key": "C1", "layer": "claim", "start": 12, "end": 25, "label": "CLAIM"}
RECORD_TASKS = {  # lines of annotator's own JSONL, one problem each
    Why.DUPLICATE_KEY: {"spans": [_REC, _REC]},
    Why.KEY_MISSING: {"spans": [{**_REC, "key": ""}]},
    Why.UNKNOWN_LAYER: {"spans": [{**_REC, "layer": "topic"}]},
    Why.TIMESTAMP: {"spans": [{**_REC, "_timestamp": "gestern"}]},
    Why.ANNOTATORS_LIST: {"spans": [{**_REC, "_annotators": "anna"}]},
    Why.SUGGESTION_MODEL: {"spans": [_REC], "suggestions": [{**_REC, "model": "m"}]},
    Why.NO_SPAN_WITH_KEY: {"spans": [_REC], "groups": [{"span_key": "T9", "group_key": "g"}]},
    Why.GROUP_FIELDS: {"spans": [_CLAIM], "groups": [{"span_key": "C1", "group_key": ""}]},
    Why.HOLDS_NOT_BOOL: {"spans": [_CLAIM], "groups": [{"span_key": "C1", "group_key": "g",
                                                        "holds": "ja"}]},
    Why.UNKNOWN_STATUS: {"spans": [_REC], "meta": {"status": "fertig"}}}


def record_notes() -> list[ImportNote]:
    from annotator.io.common import ImportProblem
    from annotator.io.export_jsonl import parse_rich_task

    notes = []
    for task in RECORD_TASKS.values():
        with pytest.raises(ImportProblem) as caught:
            parse_rich_task(task, OWN_TEXT, "x")
        notes.append(caught.value.failure("own.jsonl", 1))
    return notes


def test_the_checks_on_our_records_are_kinds_worded_as_io_says_them() -> None:
    notes = record_notes()
    assert [n.kind for n in notes] == list(RECORD_TASKS)
    link = ImportFailure("own.jsonl", 1, "relations[0]: missing or empty link kind",
                         Why.LINK_KIND_MISSING, "relations[0]")
    assert [import_texts.line(n) for n in [*notes, link]] == [str(n) for n in [*notes, link]]


@pytest.mark.usefixtures("german")
def test_a_german_window_says_the_checks_on_our_records_in_german() -> None:
    lines = [import_texts.line(n) for n in record_notes()]
    assert 'own.jsonl:1: spans[1]: doppelter Schlüssel "T1"' in lines
    assert 'own.jsonl:1: meta.status: unbekannter Status "fertig"' in lines
    data = ("spans[0]", "spans[1]", "suggestions[0]", "groups[0]", "meta.status", "_timestamp",
            "_annotators", "model_version", "group_key", "group", "value", "stance", '"holds"',
            '"topic"', '"gestern"', '"fertig"', '"T9"', "entity, claim, source, structure",
            "._timestamp", "Unix")  # the record's own names and values, not sentences
    sentences = [line.split(": ", 1)[1] for line in lines]
    for words in data:
        sentences = [sentence.replace(words, "") for sentence in sentences]
    assert english_shown(sentences) == [], sentences


def test_every_reason_io_gives_has_a_kind_and_every_kind_its_words() -> None:
    """A new check in a reader names its kind (or the German window would say it in English),
    and the kind has its words."""
    import ast

    package = Path(import_texts.__file__).parents[1]
    unkinded = []
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            name = getattr(getattr(node, "func", None), "id", None)
            if name in ("ImportProblem", "ImportFailure", "ImportWarning", "ImportSkip") and \
                    not any(k.arg == "kind" for k in node.keywords) and len(node.args) < 4:
                unkinded.append(f"{path.relative_to(package)}:{node.lineno}")
    assert unkinded == []
    assert {kind for kind in Why if kind is not Why.OTHER} == set(import_texts._WORDS)
