"""A brat pair whose text carries control characters (scraped news: vertical tabs, form feeds,
the separators U+001C–U+001F, NEL and C1 quotes of a cp1252 page read as Latin-1) imports with
its offsets; a binary file named ``.txt`` next to an ``.ann`` is still refused, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import ArticleDraft
from annotator.io import ImportFailure, iter_import
from annotator.io.brat import write_brat
from annotator.io.decode import DecodeError, decode_bytes
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport, annotated_draft

SCRAPED = ("Hafen\x0bRostock\x0c\n\x1cIn Rostock sagte 😀 Anna Berg\x1d am Montag\x1e, "
           "\x84alles\x93 sei\x1fgut.\x85Jörg Kühn 🇩🇪 schwieg.\x1c\n") * 4
QUOTES = ["Anna Berg", "Montag\x1e, \x84alles\x93 sei\x1fgut", "Jörg Kühn"]


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@pytest.mark.parametrize("units", ["code points", "UTF-16"])
def test_brat_text_with_control_characters_imports_with_its_offsets(tmp_path: Path,
                                                                    units: str) -> None:
    data = SCRAPED.encode("utf-8")
    with pytest.raises(DecodeError):  # a plain text file like it would be taken for binary
        decode_bytes(data)
    last = SCRAPED.rindex("Anna Berg")  # after three emoji and a flag: offsets differ by units
    spans = [(SCRAPED.index(q, last), SCRAPED.index(q, last) + len(q)) for q in QUOTES]
    count = (lambda i: i) if units == "code points" else (lambda i: _utf16(SCRAPED, i))
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "a.ann").write_text(
        "".join(f"T{n}\tPER {count(a)} {count(b)}\t{SCRAPED[a:b]}\n"
                for n, (a, b) in enumerate(spans, start=1)), encoding="utf-8", newline="")
    (item,) = iter_import([tmp_path / "a.txt"])
    assert isinstance(item, ArticleDraft), str(item)
    assert item.text == SCRAPED
    assert [(s.start, s.end) for s in item.annotations] == spans
    project = Project.open(tmp_path / "p.db")
    article = AnnotatedImport(project).add(item)
    assert article is not None
    stored = annotated_draft(project, article)
    assert stored.text == SCRAPED
    assert [stored.text[s.start:s.end] for s in stored.annotations] == QUOTES
    write_brat([stored], tmp_path / "out")  # and our export reads back the same
    (back,) = iter_import([tmp_path / "out"])
    assert isinstance(back, ArticleDraft), str(back)
    assert back.text == SCRAPED and back.annotations == stored.annotations


@pytest.mark.parametrize("name", ["a.txt", "a.ann"])
def test_binary_file_of_a_brat_pair_is_refused_naming_it(tmp_path: Path, name: str) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    (tmp_path / "a.txt").write_text("Anna Berg sagte etwas.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPER 0 9\tAnna Berg\n", encoding="utf-8")
    (tmp_path / name).write_bytes(png)
    (failure,) = iter_import([tmp_path / "a.ann"])
    assert isinstance(failure, ImportFailure)
    assert str(failure) == f"{tmp_path / 'a.ann'}: {name}: binary file, not text"
