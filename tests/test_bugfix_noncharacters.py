"""U+FFFE first in a UTF-16 file without a byte-order mark is a character, not a BOM of the
other byte order: titles and texts with it (and other noncharacters, astral characters too)
come through import and export unchanged."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_files
from annotator.io.decode import decode_bytes
from annotator.store import Project

TITLE = "\ufffeZweifel \ufffe\uffff\ufdd0\ufdef am Hafen 😀𝔘\U0001fffe\U0010ffff"
TEXT = TITLE + "\n\nIn Rostock – sagte Anna Berg \ufffe😀 – wächst der Hafen \U0010fffe."
ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE}


@pytest.mark.parametrize(("encoding", "bom"), [
    *((encoding, True) for encoding in ENCODINGS),
    *((encoding, False) for encoding in ENCODINGS[:3])])  # UTF-32 is read with its BOM only
def test_noncharacters_first_are_decoded_as_themselves(encoding: str, bom: bool) -> None:
    data = (BOMS[encoding] if bom else b"") + TEXT.encode(encoding)
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_real_bom_still_wins_over_a_short_text(encoding: str) -> None:
    data = BOMS[encoding] + "Kai".encode(encoding)
    assert decode_bytes(data) == "Kai"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_an_article_with_noncharacters_round_trips(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "artikel.txt").write_bytes(TEXT.encode(encoding))
    task = {"text": TEXT, "meta": {"title": TITLE}}
    (tmp_path / "in" / "aufgaben.jsonl").write_bytes(
        (json.dumps(task, ensure_ascii=False) + "\n").encode(encoding))
    with Project.open(tmp_path / "a.db") as first:
        report = import_files(first, [tmp_path / "in"])
        assert report.failed == [] and len(report.imported) == 1 and len(report.skipped) == 1
        article = first.article(report.imported[0])
        assert (article.title, article.text) == (TITLE, TEXT)
        export_project(first, ExportOptions("jsonl", tmp_path / "out", include_unreviewed=True))
    with Project.open(tmp_path / "b.db") as second:
        again = import_files(second, [tmp_path / "out"])
        assert again.failed == [] and len(again.imported) == 1
        back = second.article(again.imported[0])
        assert (back.title, back.text) == (TITLE, TEXT)
