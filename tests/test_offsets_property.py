"""Property: whatever the text (any character but NUL, with astral, combining, right-to-left
ones and \\n, \\r\\n, \\r and U+2028 line endings often), a span selected in the editor is
stored, and written by every export, at the code point offsets of the selected substring.

One window serves all examples of a test (a new article per example): Hypothesis is told that
the function-scoped fixtures are shared on purpose. Bounded for CI by ``max_examples``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tempfile
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from spacy.tokens import DocBin

from annotator.core.hashing import content_hash
from annotator.core.model import ArticleDraft, Layer
from annotator.io import ImportFailure, iter_import
from annotator.io.brat import write_brat
from annotator.io.claims_table import write_claims
from annotator.io.conll import write_conll
from annotator.io.docbin import write_spacy
from annotator.io.export_jsonl import write_jsonl
from annotator.store import Project
from annotator.store.datasets import annotated_draft
from tests.conftest import show_window

VOCAB = spacy.blank("de").vocab

ENDINGS = ["\n", "\r\n", "\r", "\u2028"]
SAMPLES = ["😀", "𝔄𝔫𝔫𝔞", "🇩🇪", "e\u0301", "a\u0308\u0323", "שלום", "مرحبا", "\u200f", "ß", " ",
           "Anna", "Berger", ",", "."]
WORDS = st.lists(st.sampled_from(SAMPLES) | st.characters(
    exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=6).map("".join)
TEXTS = st.lists(st.tuples(WORDS, st.sampled_from([" ", *ENDINGS])), min_size=2, max_size=14
                 ).map(lambda parts: "".join(w + sep for w, sep in parts))
CONTROL = re.compile("[\x01-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")  # not white space
SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def lines(path: Path) -> list[str]:
    """JSON Lines: split at "\\n" only (U+2028 may stand raw inside a string)."""
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def document_position(text: str, cp: int) -> int:
    """Where Qt puts code point ``cp``: UTF-16 units, a \\r\\n counted once (brute force)."""
    return len(text[:cp].replace("\r\n", "\n").encode("utf-16-le")) // 2


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.open(tmp_path / "p.db")
    project.add_article(ArticleDraft(text="Start.", title="Start"))
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


def select(win, text: str, start: int, end: int) -> None:
    editor = win.view.text
    c = editor.textCursor()
    c.setPosition(document_position(text, start))
    c.setPosition(document_position(text, end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(c)


def check_exports(draft: ArticleDraft, text: str, span: tuple[int, int], folder: Path) -> None:
    start, end = span
    layers = {Layer.ENTITY, Layer.CLAIM, Layer.SOURCE}
    # JSONL: span offsets, and the tokens they name.
    (task,) = [json.loads(x) for x in lines(write_jsonl([draft], folder / "a.jsonl")[0])]
    assert task["text"] == text
    assert {s["layer"]: (s["start"], s["end"]) for s in task["spans"]} == dict.fromkeys(
        (x.value for x in layers), span)
    for s in task["spans"]:
        tokens = task["tokens"]
        assert (tokens[s["token_start"]]["start"], tokens[s["token_end"]]["end"]) == span
    # spaCy: the Doc's ents and span groups, and the exact offsets in the user data.
    (doc,) = DocBin().from_disk(write_spacy([draft], folder / "a.spacy")[0]).get_docs(VOCAB)
    assert doc.text == text
    for group in (list(doc.ents), list(doc.spans["claims"]), list(doc.spans["sources"])):
        assert [(s.start_char, s.end_char) for s in group] == [span]
    assert {(v["start"], v["end"]) for v in doc.user_data["annotator"]["spans"].values()} == {
        span}
    # brat: the .txt byte for byte, fragments that skip only line breaks.
    brat = write_brat([draft], folder / "brat")
    txt = next(p for p in brat if p.suffix == ".txt")
    assert txt.read_bytes().decode("utf-8") == text
    ann = next(p for p in brat if p.suffix == ".ann").read_text(encoding="utf-8")
    for line in ann.split("\n"):
        if line.startswith("T"):
            # as brat reads a T line: id, type and offsets, then the text (tabs and all)
            _tid, where, written = line.split("\t", 2)
            pieces = [tuple(map(int, f.split())) for f in where.split(" ", 1)[1].split(";")]
            assert pieces[0][0] == start and pieces[-1][1] == end
            assert written == " ".join(text[a:b] for a, b in pieces)
            gaps = [text[b:a] for (_, b), (a, _) in zip(pieces, pieces[1:], strict=False)]
            assert all(g and not g.strip() for g in gaps)
    # The claims table, CSV and JSONL.
    table, rows = write_claims([draft], folder / "claims.csv")
    with table.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (int(row["start"]), int(row["end"]), row["claim"]) == (start, end, text[start:end])
    (record,) = [json.loads(x) for x in lines(rows)]
    assert (record["start"], record["end"], record["claim"]) == (start, end, text[start:end])
    # CoNLL has no offsets: read back, its tokens aligned with the text give them. Where the
    # text holds control characters other than white space the reader takes the file for
    # binary (annotator.io.decode), so there it is not read back.
    conll = write_conll([draft], folder / "a.conll")[0]
    if not CONTROL.search(text):
        (again,) = list(iter_import([conll]))
        assert not isinstance(again, ImportFailure), again
        assert again.text == text
        assert [(s.start, s.end) for s in again.annotations if s.layer is Layer.ENTITY] == [span]


@SETTINGS
@given(text=TEXTS, data=st.data())
def test_selected_span_keeps_its_offsets_through_storage_and_exports(qtbot, window, text,
                                                                     data) -> None:
    assume(text.strip())
    # The store keeps one article per normalised text: a tag keeps texts apart that differ only
    # in line endings or trailing space (a replayed example gets the same tag).
    text += "\n" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    boundaries = [i for i in range(len(text) + 1) if text[i - 1:i + 1] != "\r\n"]
    start = data.draw(st.sampled_from(boundaries[:-1]), "start")
    end = data.draw(st.sampled_from([b for b in boundaries if b > start]), "end")
    # The exact keys keep the characters selected; white space at the ends is trimmed first,
    # as marking by word does (spaCy and brat refuse spans that start or end in it).
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    assume(start < end and text[end - 1:end + 1] != "\r\n")
    project = window.project
    article = project.add_article(ArticleDraft(text=text, title="Eigenschaft"))
    if article is None:  # this text came up before: start it afresh
        article = project.article_id_by_hash(content_hash(text))
        assert project.article(article).text == text
        for old in project.annotations(article):
            project.delete_annotation(old.id)
    window.workbench.open(article)
    editor = window.view.text
    for key in (Qt.Key.Key_1, Qt.Key.Key_C, Qt.Key.Key_S):  # Alt+key: the exact selection
        select(window, text, start, end)
        assert editor.selection_cp() == (start, end)
        qtbot.keyClick(editor, key, Qt.KeyboardModifier.AltModifier)
    stored = {a.layer: (a.start, a.end) for a in project.annotations(article)}
    assert stored == dict.fromkeys((Layer.ENTITY, Layer.CLAIM, Layer.SOURCE), (start, end))
    with tempfile.TemporaryDirectory() as folder:
        check_exports(annotated_draft(project, article), text, (start, end), Path(folder))
