"""A corpus of bad inputs, each imported next to a good file into a project that already holds
work: every kind gets its exact outcome (one error line naming the file and the reason, a
warning, or a correct import), the good file is still imported, and nothing saved is touched.
"""

from __future__ import annotations

import codecs
import json
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.app.importing import import_files
from annotator.core.model import ArticleDraft, Span
from annotator.io.docbin import write_spacy
from annotator.nlp.sentences import split_sentences
from annotator.store import Project

GOOD = "Gute Nachricht\n\nDer Stadtrat hat am Mittwoch den Haushalt beschlossen. Alle waren da."
SAVED = "Gespeicherter Artikel\n\nDiese Arbeit darf kein Import verändern. Anna Berger sagte das."
TEXT = "Grüße aus Köln\n\nDie Bürgermeisterin öffnet am Mittwoch die Brücke über die Straße."
PROSE = "Die Bürgermeisterin öffnet am Mittwoch die neue Brücke über die Elbe, sagte sie."
MB = 2**20


@dataclass
class Kind:
    """A bad input: ``make`` writes it into a folder and returns the path to import. Expected
    lines use ``{p}`` for that path and ``{d}`` for the folder."""

    make: Callable[[Path], Path]
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # of the articles it gives, in order


def put(name: str, data: str | bytes) -> Callable[[Path], Path]:
    """A maker writing one file (text as UTF-8)."""
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path
    return make


def pair(stem: str, txt: str | None, ann: str, meta: str | None = None
         ) -> Callable[[Path], Path]:
    """A brat .ann with (or without) its .txt and .meta; the .ann is imported."""
    def make(folder: Path) -> Path:
        for suffix, content in ((".txt", txt), (".meta", meta)):
            if content is not None:
                (folder / f"{stem}{suffix}").write_text(content, encoding="utf-8")
        (folder / f"{stem}.ann").write_text(ann, encoding="utf-8")
        return folder / f"{stem}.ann"
    return make


def jsonl(*lines: object) -> str:
    """JSONL text: dicts and lists dumped, strings as they are."""
    return "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                     for x in lines) + "\n"


def docbin(folder: Path, name: str, drafts: list[ArticleDraft], cut: int | None = None) -> Path:
    path = folder / name
    write_spacy(drafts, path)
    if cut is not None:
        path.write_bytes(path.read_bytes()[:cut])
    return path


def sparse(name: str, size: int) -> Callable[[Path], Path]:
    """A file of ``size`` zero bytes that takes no disk space."""
    def make(folder: Path) -> Path:
        with (folder / name).open("wb") as out:
            out.truncate(size)
        return folder / name
    return make


def fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def device(folder: Path) -> Path:
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder / "zero.txt"


def sock(folder: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "s.txt"))
    server.close()  # the socket file stays
    return folder / "s.txt"


def folder_named_txt(folder: Path) -> Path:
    (folder / "box.txt").mkdir()
    (folder / "box.txt" / "inner.txt").write_text(TEXT, encoding="utf-8")
    return folder / "box.txt"


def loop(folder: Path) -> Path:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return folder / "loop.txt"


def dangling(folder: Path) -> Path:
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    return folder / "gone.txt"


def locked(folder: Path) -> Path:
    path = folder / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")
    LOCKED.add(path)
    return path


def folder_with(*makers: Callable[[Path], Path]) -> Callable[[Path], Path]:
    """A sub-folder holding several bad files: walked, each reported on its own."""
    def make(folder: Path) -> Path:
        sub = folder / "sub"
        sub.mkdir()
        for maker in makers:
            maker(sub)
        return sub
    return make


LOCKED: set[Path] = set()
UTF8 = TEXT.encode("utf-8")
AT = UTF8.index(b"Mittwoch")
SPAN = {"text": "Olaf Scholz", "spans": [{"start": 0, "end": 4, "label": "PER"}]}
BAD_SPAN = "Olaf Scholz"

KINDS: dict[str, Kind] = {
    # --- plain text
    "empty": Kind(put("a.txt", b""), ["{p}: empty file"]),
    "white space only": Kind(put("a.txt", " \n\t\r\n "), ["{p}: empty file"]),
    "BOM only": Kind(put("a.txt", codecs.BOM_UTF8 + b"\n"), ["{p}: empty file"]),
    "binary": Kind(put("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"),
                   ["{p}: binary file, not text"]),
    "NUL bytes in UTF-8": Kind(put("a.txt", UTF8[:10] + b"\x00\x00" + UTF8[10:]),
                               ["{p}: binary file, not text"]),
    "control characters": Kind(put("a.txt", "\x1b[31m" * 40 + TEXT),
                               ["{p}: binary file, not text"]),
    "one invalid UTF-8 byte": Kind(
        put("a.txt", UTF8[:AT] + b"\xff" + UTF8[AT:]),
        warnings=[f"{{p}}: an invalid UTF-8 byte at byte offset {AT} replaced with U+FFFD"],
        texts=[TEXT.replace("Mittwoch", "\ufffdMittwoch")]),
    "truncated UTF-8": Kind(
        put("a.txt", UTF8 + b"\xc3"),
        warnings=[f"{{p}}: an invalid UTF-8 byte at byte offset {len(UTF8)} replaced with "
                  "U+FFFD"], texts=[TEXT + "\ufffd"]),
    "UTF-8 BOM": Kind(put("a.txt", codecs.BOM_UTF8 + UTF8), texts=[TEXT]),
    "UTF-16 LE without BOM": Kind(put("a.txt", TEXT.encode("utf-16-le")), texts=[TEXT]),
    "UTF-16 BE without BOM": Kind(put("a.txt", TEXT.encode("utf-16-be")), texts=[TEXT]),
    "UTF-16 with BOM": Kind(put("a.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
                            texts=[TEXT]),
    "UTF-32 with BOM": Kind(put("a.txt", codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be")),
                            texts=[TEXT]),
    "UTF-16 with a BOM and an odd byte": Kind(
        put("a.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"\x00"),
        ["{p}: invalid UTF-16 text after the byte-order mark"]),
    "cp1252": Kind(put("a.txt", TEXT.encode("cp1252")), texts=[TEXT]),
    "CR line endings": Kind(put("a.txt", TEXT.replace("\n", "\r")), texts=[TEXT]),
    "huge text file": Kind(put("a.txt", b"Wort " * (2 * MB + 1)),
                           ["{p}: larger than 10 MB, the limit for a text article"]),
    "huge sparse file": Kind(sparse("a.txt", 64 * MB),
                             ["{p}: larger than 10 MB, the limit for a text article"]),
    # --- HTML
    "HTML without body text": Kind(
        put("a.html", "<html><head><title>Nur ein Titel</title></head></html>"),
        ["{p}: no article text found in the HTML"]),
    "HTML of menus only": Kind(
        put("a.html", "<html><body><nav><a href='/'>Politik</a> <a>Sport</a></nav></body></html>"),
        ["{p}: no article text found in the HTML"]),
    "empty HTML": Kind(put("a.html", "  \n"), ["{p}: empty file"]),
    "binary HTML": Kind(put("a.htm", b"\x00\x01\x02\x03" * 64), ["{p}: binary file, not text"]),
    "nested 50,000 deep": Kind(put("a.html", "<div>" * 50_000 + PROSE + "</div>" * 50_000),
                               ["{p}: no article text found in the HTML"]),
    # --- JSONL and JSON
    "invalid JSON": Kind(put("a.jsonl", '{"text": "abc", \n'),
                         ["{p}:1: invalid JSON: Expecting property name enclosed in double "
                          "quotes (column 17)"]),
    "JSON list instead of object": Kind(put("a.jsonl", jsonl(["text"])),
                                        ["{p}:1: expected a JSON object, got a list"]),
    "JSON without text": Kind(put("a.jsonl", jsonl({"meta": {}})), ['{p}:1: missing "text"']),
    "text of the wrong type": Kind(put("a.jsonl", jsonl({"text": 5})),
                                   ['{p}:1: "text" must be a string, got a number']),
    "empty text": Kind(put("a.jsonl", jsonl({"text": " "})), ['{p}:1: empty "text"']),
    "span out of range": Kind(
        put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": [[0, 99, "PER"]]})),
        ["{p}:1: spans[0]: span 0-99 is outside the text (length 11)"]),
    "negative span": Kind(
        put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": [[-3, 4, "PER"]]})),
        ["{p}:1: spans[0]: span -3-4 is outside the text (length 11)"]),
    "reversed span": Kind(
        put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": [[5, 2, "PER"]]})),
        ["{p}:1: spans[0]: start 5 is not before end 2"]),
    "offsets of the wrong type": Kind(
        put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": [{"start": "0", "end": 4.0,
                                                           "label": "PER"}]})),
        ['{p}:1: spans[0]: offsets must be integers, got "0" and 4.0']),
    "label of the wrong type": Kind(
        put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": [[0, 4, ["PER"]]]})),
        ['{p}:1: spans[0]: "label" must be a string, got a list']),
    "spans as a string": Kind(put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": "PER"})),
                              ['{p}:1: "spans" must be a list of spans, got a string']),
    "span text that does not match": Kind(
        put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": [{"start": 0, "end": 4,
                                                           "label": "PER", "text": "Olof"}]})),
        ['{p}:1: spans[0]: span 0-4 covers "Olaf" but its text is "Olof" (offsets must '
         'count Unicode code points)']),
    "overlapping spans": Kind(
        put("a.jsonl", jsonl({"text": BAD_SPAN, "spans": [[0, 4, "PER"], [2, 11, "PER"]]})),
        texts=[BAD_SPAN]),
    "broken \\u escape": Kind(put("a.jsonl", '{"text": "\\ud83d x"}\n'),
                              ['{p}:1: "text" has a broken \\u escape at offset 0']),
    "nested too deeply": Kind(put("a.jsonl", "[" * 100_000 + "]" * 100_000 + "\n"),
                              ["{p}:1: invalid JSON: nested too deeply"]),
    "huge JSONL line": Kind(
        put("a.jsonl", jsonl(SPAN, {"text": "x" * (10 * MB)}, {"text": "Danach."})),
        ["{p}:2: larger than 10 MB, the limit for one JSONL line"], texts=[BAD_SPAN, "Danach."]),
    "empty JSONL": Kind(put("a.jsonl", "\n\n"), ["{p}: empty file"]),
    "binary JSONL": Kind(put("a.jsonl", b"\x00\x01\x02\x03" * 50),
                         ["{p}: binary file, not text"]),
    "JSONL in UTF-16 without BOM": Kind(put("a.jsonl", jsonl(SPAN).encode("utf-16-le")),
                                        texts=[BAD_SPAN]),
    "bad byte in a JSONL line": Kind(
        put("a.jsonl", b'{"text": "' + UTF8.replace(b"\n", b"\\n")[:AT + 2] + b'\xfe'
            + UTF8.replace(b"\n", b"\\n")[AT + 2:] + b'"}\n'),
        warnings=[f"{{p}}:1: an invalid UTF-8 byte at byte offset {AT + 12} replaced with "
                  "U+FFFD"], texts=[TEXT.replace("Mittwoch", "\ufffdMittwoch")]),
    "JSON array of non-tasks": Kind(put("a.json", json.dumps([1, "x", {"text": "Gut so."}])),
                                    ["{p}[0]: expected a JSON object, got a number",
                                     "{p}[1]: expected a JSON object, got a string"],
                                    texts=["Gut so."]),
    # --- brat
    ".ann without .txt": Kind(pair("a", None, "T1\tPER 0 4\tOlaf\n"),
                              ["{p}: no a.txt next to the annotations"]),
    ".ann with offsets outside the text": Kind(
        pair("a", BAD_SPAN, "T1\tPER 0 99\tOlaf\n"),
        ["{p}:1: T1: span 0-99 is outside the text (length 11)"]),
    ".ann with reversed offsets": Kind(
        pair("a", BAD_SPAN, "T1\tPER 5 2\tOlaf\n"),
        ["{p}:1: offsets 5 2 in 'PER 5 2': start must not be after end and neither negative"]),
    ".ann with words for offsets": Kind(
        pair("a", BAD_SPAN, "T1\tPER x y\tOlaf\n"),
        ["{p}:1: expected 'TYPE START END' in 'PER x y'"]),
    ".ann whose quote is elsewhere": Kind(
        pair("a", BAD_SPAN, "T1\tPER 0 4\tScholz\n"),
        ["{p}:1: T1: the text at PER 0 4 is not the quoted text"]),
    ".ann relation to an unknown span": Kind(
        pair("a", BAD_SPAN, "T1\tPER 0 4\tOlaf\nR1\tknows Arg1:T1 Arg2:T7\n"),
        ["{p}:2: R1: expected 'TYPE Arg1:T… Arg2:T…' of known spans"]),
    ".meta that is not JSON": Kind(
        pair("a", BAD_SPAN, "T1\tPER 0 4\tOlaf\n", "{nope"),
        ["{p}: a.meta: invalid JSON (Expecting property name enclosed in double quotes: line "
         "1 column 2 (char 1))"]),
    "binary .txt of a pair": Kind(
        lambda d: (put("a.txt", b"\x00\x01\x02" * 20)(d), put("a.ann", "")(d))[1],
        ["{p}: a.txt: binary file, not text"]),
    # --- CoNLL
    "CoNLL with one column": Kind(put("a.conll", "Olaf\nScholz O\n"),
                                  ["{p}:1: expected TOKEN and TAG columns"]),
    "CoNLL with a bad tag": Kind(put("a.conll", "Olaf B-PER\nScholz FOO\n"),
                                 ["{p}:2: 'FOO' is not an IOB tag (O, B-LABEL, I-LABEL)"]),
    "CoNLL without tokens": Kind(put("a.conll", "\n\n# nur ein Kommentar\n"),
                                 ["{p}: no tokens in the file"]),
    # --- spaCy DocBin
    "DocBin garbage": Kind(put("a.spacy", b"garbage \x00\x01\x02"),
                           ["{p}: not a spaCy DocBin file"]),
    "truncated DocBin": Kind(lambda d: docbin(d, "a.spacy", [ArticleDraft(text=TEXT)], cut=40),
                             ["{p}: not a spaCy DocBin file"]),
    "empty DocBin": Kind(lambda d: docbin(d, "a.spacy", []), ["{p}: no documents in the DocBin"]),
    # --- the file system
    "FIFO": Kind(fifo, ["{p}: a named pipe (FIFO), not a regular file: skipped"]),
    "/dev/zero linked as .txt": Kind(device,
                                     ["{p}: a character device, not a regular file: skipped"]),
    "socket": Kind(sock, ["{p}: a socket, not a regular file: skipped"]),
    "folder named .txt": Kind(folder_named_txt, texts=[TEXT]),
    "unreadable file": Kind(locked, ["{p}: Permission denied"]),
    "symlink loop": Kind(loop, ["{p}: Too many levels of symbolic links"]),
    "dangling symlink": Kind(dangling, ["{p}: no such file or folder"]),
    "unsupported type": Kind(put("a.pdf", b"%PDF-1.7"),
                             ["{p}: unsupported file type '.pdf' (use .ann, .bio, .conll, .htm, "
                              ".html, .iob, .json, .jsonl, .ndjson, .spacy, .text, .tsv, .txt, "
                              ".xmi, .zip or no extension)"]),
    "newline in the file name": Kind(put("x\nerror: forged.txt", ""),
                                     ["{d}/x\\x0aerror: forged.txt: empty file"]),
    "escape sequence in the file name": Kind(put("\x1b[2Jx.txt", ""),
                                             ["{d}/\\x1b[2Jx.txt: empty file"]),
    "a folder of bad files": Kind(
        folder_with(fifo, put("e.txt", ""), put("ok.txt", TEXT)),
        ["{p}/e.txt: empty file", "{p}/pipe.txt: a named pipe (FIFO), not a regular file: "
                                  "skipped"], texts=[TEXT]),
}


@pytest.fixture
def locked_files(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Files in LOCKED cannot be opened, as without read permission (root could read them)."""
    real = os.open

    def open_(path: os.PathLike | str, *args: int, **kwargs: object) -> int:
        if Path(path) in LOCKED:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    yield
    LOCKED.clear()


def saved_state(project: Project, article_id: int) -> dict[str, list[tuple]]:
    """Every row stored about an article that was there before the import."""
    return {table: [tuple(row) for row in project.db.execute(
                f"SELECT * FROM {table} WHERE {column} = ? ORDER BY rowid", [article_id])]
            for table, column in (("articles", "id"), ("annotations", "article_id"),
                                  ("sentences", "article_id"))}


def test_the_corpus_is_large_enough() -> None:
    assert len(KINDS) >= 40


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes and sockets are POSIX features")
@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_bad_input_gets_its_outcome_and_the_rest_imports(
        tmp_path: Path, kind: Kind, deadline: None, locked_files: None) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = kind.make(folder)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        saved = project.add_article(ArticleDraft(text=SAVED, spans=[Span(61, 72, "PER")]))
        project.matching.replace_sentences(saved, split_sentences(SAVED))
        before = saved_state(project, saved)

        report = import_files(project, [bad, good])

        where = {"p": str(bad), "d": str(folder)}
        assert report.failed == [line.format(**where) for line in kind.failed]
        assert report.warnings == [line.format(**where) for line in kind.warnings]
        texts = [project.article(i).text for i in report.imported]
        assert texts == [*kind.texts, GOOD]
        assert saved_state(project, saved) == before
        assert project.count_articles() == 1 + len(report.imported)
        index = project.matching
        for article_id in report.imported:
            text = project.article(article_id).text
            bounds = [(s.start, s.end) for s in index.sentences(article_id=article_id)]
            assert bounds == split_sentences(text)
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_whole_corpus_at_once_through_the_command(tmp_path: Path, deadline: None,
                                                      locked_files: None) -> None:
    """Every kind in one folder, one command: each bad file is one error line (no line more),
    the good ones import, and the exit code says that some failed."""
    from typer.testing import CliRunner

    from annotator.cli import app

    paths, expected_errors = [], 0
    for n, kind in enumerate(KINDS.values()):
        folder = tmp_path / "in" / f"{n:02d}"
        folder.mkdir(parents=True)
        paths.append(str(kind.make(folder)))
        expected_errors += len(kind.failed)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(tmp_path / "p.db"), *paths,
                                      str(tmp_path / "good.txt"), "--no-suggest"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == expected_errors
    assert all(line.startswith(("error: ", "warning: ", "skipped: ")) for line in lines[:-2])
    assert f"{expected_errors} failed" in lines[-2]
    assert lines[-1].startswith("zones of ")  # the good ones' zones: found later

