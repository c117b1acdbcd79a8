"""Imports that must neither hang, nor eat memory, nor garble text, nor leave half an article.

Pipes, devices and huge inputs are refused with one line naming the file; UTF-8 with a bad
byte stays UTF-8 (the byte is replaced and a warning names its offset); every article is
committed together with its sentence index; error lines stay one line whatever a file is called.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app import import_batches, importing
from annotator.app.importing import import_files
from annotator.app.jobs import import_job
from annotator.cli import app
from annotator.core.model import ArticleDraft
from annotator.io import ImportFailure, ImportWarning, iter_import
from annotator.nlp.sentences import split_sentences
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[1]
GERMAN = ("Grüße aus Köln\n\nDie Bürgermeisterin sagte am Mittwoch: „Wir öffnen die Brücke "
          "über die Straße.“ Ärger gab es trotzdem.\n")
UNIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def sentences_of(project: Project) -> dict[int, list[tuple[int, int]]]:
    """Every article's stored sentence bounds."""
    store = project.matching
    return {a.id: [(s.start, s.end) for s in store.sentences(article_id=a.id)]
            for a in project.list_articles(limit=1000)}


# --- defect 6: pipes, devices, huge files --------------------------------------------------


@UNIX
def test_a_fifo_is_skipped_at_once_and_the_folder_still_imports_with_its_index(
        tmp_path: Path, deadline: None) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", "Erster Artikel\n\nEr hat zwei Sätze. Hier ist der zweite.")
    os.mkfifo(folder / "b.txt")
    write(folder / "c.txt", "Dritter Artikel\n\nNoch ein Satz.")
    os.mkfifo(tmp_path / "given.jsonl")
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [folder, tmp_path / "given.jsonl"])
        assert report.failed == [
            f"{folder / 'b.txt'}: a named pipe (FIFO), not a regular file: skipped",
            f"{tmp_path / 'given.jsonl'}: a named pipe (FIFO), not a regular file: skipped"]
        assert len(report.imported) == 2
        index = sentences_of(project)
        assert all(index[i] == split_sentences(project.article(i).text) and index[i]
                   for i in report.imported)


@UNIX
@pytest.mark.parametrize("name", ["zero.txt", "zero.jsonl", "zero.html", "zero.conll",
                                  "zero.spacy"])
def test_a_device_linked_under_an_article_name_is_not_read(
        tmp_path: Path, name: str, deadline: None) -> None:
    (tmp_path / name).symlink_to("/dev/zero")
    (item,) = iter_import([tmp_path / name])
    assert str(item) == f"{tmp_path / name}: a character device, not a regular file: skipped"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).symlink_to("/dev/zero")
    (item,) = iter_import([tmp_path / "in"])  # found by a folder walk: the same
    assert str(item) == f"{tmp_path / 'in' / name}: a character device, not a regular file: " \
                        "skipped"


@UNIX
def test_a_socket_named_txt_is_skipped(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.txt"))
        (item,) = iter_import([tmp_path])
    finally:
        server.close()
    assert str(item) == f"{tmp_path / 's.txt'}: a socket, not a regular file: skipped"


def test_limits_are_counted_while_reading(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", "Wort " * (2 * 2**20 + 1))  # 10 MB + 5 bytes of text
    (item,) = iter_import([big])
    assert str(item) == f"{big}: larger than 10 MB, the limit for a text article"
    page = write(tmp_path / "big.html", "<p>" + "Wort " * (4 * 2**20 + 1) + "</p>")
    (item,) = iter_import([page])
    assert str(item) == f"{page}: larger than 20 MB, the limit for an HTML page"


def test_a_jsonl_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "Wort " * (2 * 2**20 + 1)})
    path = write(tmp_path / "t.jsonl", "\n".join(
        [json.dumps({"text": "Vorher"}), long_line, json.dumps({"text": "Nachher"})]) + "\n")
    first, failure, last = iter_import([path])
    assert str(failure) == f"{path}:2: larger than 10 MB, the limit for one JSONL line"
    assert (first.text, last.text) == ("Vorher", "Nachher")
    assert last.source_path == f"{path}:3"


def test_a_100_mb_jsonl_line_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"text": "')
        chunk = "Die Ministerin sagte am Mittwoch, der Vertrag gelte 40 Jahre. " * 16_000
        for _ in range(110):
            out.write(chunk)
        out.write('"}\n' + json.dumps({"text": "Danach kommt ein kurzer Artikel."}) + "\n")
    assert path.stat().st_size > 100 * 2**20
    # The peak of this process alone: VmHWM (ru_maxrss would count the forking parent too).
    probe = ("import atexit, re, sys\n"
             "def peak():\n"
             "    status = open('/proc/self/status').read()\n"
             "    print('peak-kb', re.search(r'VmHWM:\\s+(\\d+)', status)[1], file=sys.stderr)\n"
             "atexit.register(peak)\n"
             "from annotator.cli import main\nmain()\n")
    done = subprocess.run(
        [sys.executable, "-c", probe, "import", str(tmp_path / "p.db"), str(path),
         "--no-suggest"], capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = done.stderr.splitlines()
    assert f"error: {path}:1: larger than 10 MB, the limit for one JSONL line" in lines
    assert done.stdout.startswith("1 imported, 0 skipped"), done.stdout
    peak_mb = int(lines[-1].split()[1]) / 1024
    assert peak_mb < 200, f"peak {peak_mb:.0f} MB for a line that is refused"  # it was 2 GB


# --- defect 7: UTF-8 with a bad byte --------------------------------------------------------


def test_one_invalid_byte_in_utf8_is_replaced_and_named(tmp_path: Path) -> None:
    data = GERMAN.encode("utf-8")
    at = data.index(b"Mittwoch")
    path = write(tmp_path / "a.txt", data[:at] + b"\xff" + data[at:])
    warning, draft = iter_import([path])
    assert str(warning) == f"{path}: an invalid UTF-8 byte at byte offset {at} replaced with " \
                           "U+FFFD"
    assert isinstance(warning, ImportWarning) and isinstance(draft, ArticleDraft)
    assert draft.text == GERMAN.replace("Mittwoch", "\ufffdMittwoch")  # no mojibake elsewhere


def test_truncated_and_repeated_damage_is_counted(tmp_path: Path) -> None:
    data = GERMAN.encode("utf-8")
    path = write(tmp_path / "a.txt", b"\xc3" + data[:20] + b"\x80\x80" + data[20:] + b"\xe2\x80")
    warning, draft = iter_import([path])
    assert warning.reason == "5 invalid UTF-8 bytes replaced with U+FFFD, the first at byte " \
                             "offset 0"
    assert draft.text.startswith("\ufffdGrüße aus Köln") and "Bürgermeisterin" in draft.text


def test_bad_byte_in_a_jsonl_line_names_line_and_file_offset(tmp_path: Path) -> None:
    first = json.dumps({"text": "Erste Zeile"}).encode() + b"\n"
    second = json.dumps({"text": GERMAN}, ensure_ascii=False).encode("utf-8")
    at = second.index(b"Mittwoch")
    path = write(tmp_path / "t.jsonl", first + second[:at] + b"\xfe" + second[at:] + b"\n")
    _, warning, draft = iter_import([path])
    assert str(warning) == (f"{path}:2: an invalid UTF-8 byte at byte offset "
                            f"{len(first) + at} replaced with U+FFFD")
    assert draft.text == GERMAN.replace("Mittwoch", "\ufffdMittwoch")


def test_mislabelled_utf8_page_with_a_bad_byte_stays_utf8(tmp_path: Path) -> None:
    body = ("<html><head><meta charset='iso-8859-1'></head><body><article><p>Die "
            "Bürgermeisterin öffnet am Mittwoch die Brücke über die Straße, sagte sie.</p>"
            "</article></body></html>").encode()
    at = body.index(b"Mittwoch")
    path = write(tmp_path / "p.html", body[:at] + b"\x9d" + body[at:])
    warning, draft = iter_import([path])
    assert warning.reason == f"an invalid UTF-8 byte at byte offset {at} replaced with U+FFFD"
    assert "Bürgermeisterin öffnet am \ufffdMittwoch die Brücke über die Straße" in draft.text


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_files_are_still_read_in_their_code_page(tmp_path: Path, encoding: str) -> None:
    text = GERMAN.replace("„", '"').replace("“", '"') + "Das macht Spaß!\n"
    (draft,) = iter_import([write(tmp_path / "a.txt", text.encode(encoding))])
    assert draft.text == text


def test_cp1252_bytes_that_happen_to_form_utf8_stay_cp1252(tmp_path: Path) -> None:
    text = "Spaß“ sagte er. Später öffnete die Bürgermeisterin die Brücke.\n"  # ß“ = DF 93
    (draft,) = iter_import([write(tmp_path / "a.txt", text.encode("cp1252"))])
    assert draft.text == text


def test_cli_prints_the_warning_and_exits_0(tmp_path: Path) -> None:
    data = GERMAN.encode("utf-8")
    at = data.index(b"aus")
    path = write(tmp_path / "a.txt", data[:at] + b"\xff" + data[at:])
    result = CliRunner().invoke(app, ["import", str(tmp_path / "p.db"), str(path),
                                      "--no-suggest"])
    assert result.exit_code == 0, result.output
    assert f"warning: {path}: an invalid UTF-8 byte at byte offset {at} replaced with U+FFFD" \
        in result.output.splitlines()
    assert "1 imported, 0 skipped (already in the project), 0 failed, 1 warning" in result.output


# --- defect 10: bad paths, names, span lists, transactions ----------------------------------


def test_an_unreadable_path_fails_alone_instead_of_stopping_the_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.txt", "Gesperrt\n\nNiemand darf das lesen.")
    good = write(tmp_path / "good.txt", "Offen\n\nDas darf jeder lesen.")
    real_access, real_open = os.access, os.open

    def access(path: os.PathLike | str, mode: int, **kwargs: object) -> bool:
        return Path(path) != locked and real_access(path, mode, **kwargs)

    def open_(path: os.PathLike | str, *args: int, **kwargs: object) -> int:
        if Path(path) == locked:  # as for a user without read permission (root reads all)
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", open_)
    result = CliRunner().invoke(app, ["import", str(tmp_path / "p.db"), str(locked), str(good),
                                      "--no-suggest"])
    assert result.exit_code == 1, result.output
    assert f"error: {locked}: Permission denied" in result.output.splitlines()
    assert "1 imported, 0 skipped (already in the project), 1 failed" in result.output


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path: Path) -> None:
    forged = write(tmp_path / "x\nerror: forged.txt", "")
    result = CliRunner().invoke(app, ["import", str(tmp_path / "p.db"), str(forged),
                                      "--no-suggest"])
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {tmp_path}/x\\x0aerror: forged.txt: empty file"]
    assert result.exit_code == 1


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names must be any bytes")
def test_a_file_name_that_is_not_utf8_is_imported_with_the_byte_escaped(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/Gr\xfc\xdfe.txt"  # latin-1 bytes in a name
    with open(name, "wb") as out:
        out.write("Grüße\n\nAus einem alten Archiv.".encode())
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [tmp_path])
        assert not report.failed
        (article_id,) = report.imported
        assert project.article(article_id).source_path == f"{tmp_path}/Gr\\xfc\\xdfe.txt"


@pytest.mark.parametrize(("task", "reason"), [
    ({"text": "Olaf Scholz", "spans": "PER"}, '"spans" must be a list of spans, got a string'),
    ({"text": "Olaf Scholz", "spans": ["PER"]},
     'spans[0]: expected {"start", "end", "label"} or [start, end, label]'),
    ({"text": "Olaf Scholz", "entities": "PER"},
     '"entities" must be a list of spans, got a string'),
    ({"text": "Olaf Scholz", "spans": [[0, 4, 7]]}, 'spans[0]: "label" must be a string, got a '
                                                    'number'),
])
def test_span_lists_of_the_wrong_type_are_refused(tmp_path: Path, task: dict, reason: str) -> None:
    path = write(tmp_path / "t.jsonl", json.dumps({"text": "Gut"}) + "\n" + json.dumps(task))
    good, bad = iter_import([path])
    assert isinstance(good, ArticleDraft) and isinstance(bad, ImportFailure)
    assert str(bad) == f"{path}:2: {reason}"


def test_doccano_text_categories_are_still_meta(tmp_path: Path) -> None:
    path = write(tmp_path / "t.jsonl", json.dumps({"text": "Ein Text", "label": "POSITIV"}))
    (draft,) = iter_import([path])
    assert draft.meta == {"label": "POSITIV"} and draft.spans == []


def test_each_batch_is_committed_with_its_sentence_index_before_it_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 2)
    monkeypatch.setattr(import_batches, "HOLD_MS", 1e9)  # however slow the machine
    path = write(tmp_path / "t.jsonl", "\n".join(json.dumps({"text": t}) for t in (
        "Erster Text. Mit zwei Sätzen.", "Zweiter Text. Auch zwei.", "Dritter Text.",
        "Vierter Text. Wieder zwei.", "Fünfter Text.")))
    db = tmp_path / "p.db"
    seen: list[tuple[int, int, bool]] = []
    with Project.open(db) as project:
        def progress(n: int, message: str) -> None:
            other = sqlite3.connect(db)  # what another window (or a kill now) would see
            try:
                articles = other.execute("SELECT count(*) FROM articles").fetchone()[0]
                indexed = other.execute(
                    "SELECT count(DISTINCT article_id) FROM sentences").fetchone()[0]
            finally:
                other.close()
            seen.append((articles, indexed, project.db.conn.in_transaction))

        import_files(project, [path], progress=progress)
    assert seen == [(2, 2, False), (2, 2, False), (4, 4, False), (4, 4, False),
                    (5, 5, False)]


def test_a_kill_mid_import_leaves_whole_articles_with_their_index(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for n in range(5):
        write(folder / f"{n}.txt", f"Artikel {n}\n\nDer erste Satz. Der zweite Satz {n}.")
    db = tmp_path / "p.db"
    script = ("import os, signal, sys\n"
              "from annotator.app.importing import import_files\n"
              "from annotator.store import Project\n"
              "project = Project.open(sys.argv[1])\n"
              "def progress(n, message):\n"
              "    if n == 3:\n"
              "        os.kill(os.getpid(), signal.SIGKILL)\n"
              "import_files(project, [sys.argv[2]], progress=progress)\n")
    done = subprocess.run([sys.executable, "-c", script, str(db), str(folder)], timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == -signal.SIGKILL
    with Project.open(db, create=False) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        index = sentences_of(project)
        assert len(index) == 3
        assert all(bounds == split_sentences(project.article(i).text)
                   for i, bounds in index.items())


@UNIX
def test_the_window_import_job_reports_paths_it_cannot_read(tmp_path: Path,
                                                            deadline: None) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    good = write(tmp_path / "good.txt", "Gut\n\nEin guter Artikel.")
    pdf = write(tmp_path / "notes.pdf", b"%PDF")
    job = import_job([tmp_path / "pipe.txt", tmp_path / "missing.txt", pdf, good],
                     "no-such-model")
    with Project.open(tmp_path / "p.db") as project:
        report = job(project, lambda *args: None, lambda: False)
    assert report.failed[:2] == [
        f"{tmp_path / 'pipe.txt'}: a named pipe (FIFO), not a regular file: skipped",
        f"{tmp_path / 'missing.txt'}: no such file or folder"]
    assert report.failed[2].startswith(f"{pdf}: unsupported file type '.pdf'")
    assert len(report.imported) == 1


def test_the_documented_limits_are_the_ones_in_force() -> None:
    from annotator.io import common

    doc = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for limit, what in ((common.ARTICLE_BYTES, "a text article"),
                        (common.ARTICLE_BYTES, "a brat file"),
                        (common.PAGE_BYTES, "an HTML page"),
                        (common.LINE_BYTES, "one JSONL line"),
                        (common.DATASET_BYTES, "a JSON or UTF-16 JSONL file")):
        assert f"`{common.too_large(limit, what)}`" in doc
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    mb = {name: getattr(common, name) // common.MB
          for name in ("ARTICLE_BYTES", "PAGE_BYTES", "LINE_BYTES", "DATASET_BYTES")}
    assert (f"a text article {mb['ARTICLE_BYTES']} MB, an HTML page {mb['PAGE_BYTES']} MB, one "
            f"JSONL line {mb['LINE_BYTES']} MB, a file read whole: `.json`, CoNLL, DocBin "
            f"{mb['DATASET_BYTES']} MB") in readme
