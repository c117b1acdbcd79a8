"""Exact offsets in the editor whatever the line endings: CRLF, lone CR, U+2028, U+2029, and
astral, combining and right-to-left text. Spans come in through the JSONL importer (which
keeps the text as given), selections are made with real key presses, and what the document
highlights is compared with what the store holds, through the document's own text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.app.importing import import_files
from annotator.core.model import Layer
from annotator.store import Project
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier

LINES = [
    "Dresden (dpa) – Anna Berger sagte dies.",
    "Die Ministerin Eva Kühn 😀 reiste ab.",
    "Cafe\u0301 und Rene\u0301 trafen Jonas Weber.",
    "Sie sprachen שלום עליכם mit Lea Brandt.",
    "𝔄𝔅 Forscher aus Görlitz 🇩🇪 warnten.",
    "Olaf Schmidt widersprach in Prag.",
    "Laut Mia Roth bleibt Bautzen offen.",
]
ENTITIES = [("Dresden", "LOC"), ("Anna Berger", "PER"), ("Eva Kühn", "PER"),
            ("Jonas Weber", "PER"), ("Lea Brandt", "PER"), ("Görlitz", "LOC"),
            ("Olaf Schmidt", "PER"), ("Prag", "LOC"), ("Mia Roth", "PER"), ("Bautzen", "LOC"),
            ("dpa", "ORG"), ("Ministerin", "MISC"), ("Forscher", "MISC"), ("sagte", "MISC"),
            ("offen", "MISC"), ("widersprach", "MISC")]
SEPARATORS = {"crlf": ["\r\n"], "cr": ["\r"], "ls": ["\u2028"], "ps": ["\u2029"], "lf": ["\n"],
              "mixed": ["\r\n", "\r", "\u2028", "\n", "\r\n\r\n", "\u2029"]}


def article_text(separators: list[str]) -> str:
    text = LINES[0]
    for n, line in enumerate(LINES[1:]):
        text += separators[n % len(separators)] + line
    return text


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    assert text.count(part) == 1
    return start, start + len(part)


@pytest.fixture(params=list(SEPARATORS))
def window(request, qtbot, tmp_path: Path):
    text = article_text(SEPARATORS[request.param])
    spans = [dict(zip(("start", "end"), span_of(text, w), strict=True), label=label)
             for w, label in ENTITIES]
    task = tmp_path / "crlf.jsonl"
    task.write_text(json.dumps({"text": text, "spans": spans, "meta": {"title": "CRLF"}}) + "\n",
                    encoding="utf-8", newline="")
    project = Project.open(tmp_path / "p.db")
    report = import_files(project, [task])
    assert len(report.imported) == 1 and project.article(1).text == text  # kept as given
    win = show_window(qtbot, project, (1700, 900))
    yield win
    win.close()
    project.close()


def document_range(win, part: str) -> tuple[int, int]:
    """Where the document shows ``part``, found by the document itself (not our mapping)."""
    found = win.view.text.document().find(part, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull(), part
    return found.selectionStart(), found.selectionEnd()


def formatted(win, has) -> set[int]:
    """Document positions whose character format passes ``has``."""
    positions: set[int] = set()
    block = win.view.text.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if has(r.format):
                positions.update(range(block.position() + r.start,
                                       block.position() + r.start + r.length))
        block = block.next()
    return positions


def shown(win, start: int, end: int) -> str:
    c = QTextCursor(win.view.text.document())
    c.setPosition(start)
    c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return c.selectedText()


def press(qtbot, win, key, mod=Mod.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(win.view.text, key, mod)


def go_to_line(qtbot, win, n: int) -> None:
    """The cursor to the start of ``LINES[n]``: one Down per line break before it."""
    text = win.project.article(1).text
    breaks = re.findall(r"\r\n|[\r\n\u2028\u2029]", text[:text.index(LINES[n])])
    press(qtbot, win, Key.Key_Home, Mod.ControlModifier)
    press(qtbot, win, Key.Key_Down, times=len(breaks))
    press(qtbot, win, Key.Key_Home)


def stored(win, layer: Layer) -> list[str]:
    text = win.project.article(1).text
    return [text[a.start:a.end] for a in win.project.annotations(1, layer)]


def test_imported_spans_are_highlighted_exactly(window) -> None:
    background = formatted(window, lambda f: f.background().style() != Qt.BrushStyle.NoBrush)
    expected = set()
    for word, _label in ENTITIES:
        expected.update(range(*document_range(window, word)))
    assert background == expected  # 16 of 16, whatever the separators before them


def test_tooltips_name_the_span_under_the_mouse(qtbot, window) -> None:
    editor = window.view.text
    for word, label in ENTITIES[:10]:
        start, end = document_range(window, word)
        for pos, inside in ((start, True), (end - 1, True), (end + 1, False)):
            c = QTextCursor(editor.document())
            c.setPosition(pos)
            rect = editor.cursorRect(c)
            point = QPoint(rect.x() + 1, rect.center().y())
            assert (f"<b>{label}</b>" in window.view.tooltip_at(point)) is inside, (word, pos)


def test_keyboard_selection_is_stored_exactly(qtbot, window) -> None:
    editor = window.view.text
    text = window.project.article(1).text
    for n, line in enumerate(LINES):
        go_to_line(qtbot, window, n)
        press(qtbot, window, Key.Key_End, Mod.ShiftModifier)
        press(qtbot, window, Key.Key_C, Mod.AltModifier)  # the exact selection as a claim
        assert stored(window, Layer.CLAIM)[-1] == line
        (outline,) = editor.extraSelections()  # the current span, outlined
        assert outline.cursor.selectedText() == line
    claims = window.project.annotations(1, Layer.CLAIM)
    assert [(a.start, a.end) for a in claims] == [span_of(text, line) for line in LINES]
    underlined = formatted(window, lambda f: f.fontUnderline()
                           or f.underlineStyle() != f.UnderlineStyle.NoUnderline)
    expected = set()
    for line in LINES:
        expected.update(range(*document_range(window, line)))
    assert underlined == expected


@pytest.mark.parametrize("line, before, word, grown", [
    (1, "Die Ministerin Eva Kühn 😀 ", "reiste", "reiste ab"),  # after an astral character
    (2, "Cafe\u0301 und Rene\u0301 ", "trafen", "trafen Jonas"),  # after combining marks
    (4, "𝔄𝔅 Forscher aus Görlitz 🇩🇪 ", "warnten", "warnten."),  # after astral letters, a flag
])
def test_selected_word_is_stored_and_resized_exactly(qtbot, window, line, before, word,
                                                     grown) -> None:
    editor = window.view.text
    go_to_line(qtbot, window, line)
    # One key press per character the user sees (a flag or an accented letter is one).
    graphemes = len(before) - before.count("\u0301") - (1 if "🇩🇪" in before else 0)
    press(qtbot, window, Key.Key_Right, times=graphemes)
    press(qtbot, window, Key.Key_Right, Mod.ShiftModifier, times=len(word))
    press(qtbot, window, Key.Key_S, Mod.AltModifier)
    assert stored(window, Layer.SOURCE) == [word]
    press(qtbot, window, Key.Key_Right, Mod.AltModifier)  # grow the end by a word
    assert stored(window, Layer.SOURCE) == [grown]
    (outline,) = editor.extraSelections()
    assert outline.cursor.selectedText() == grown
    # The side panel selects the stored span in the editor.
    sources = window.side.views[Layer.SOURCE]
    index = window.side.sources.index(0)
    qtbot.mouseClick(sources.viewport(), Qt.MouseButton.LeftButton,
                     pos=sources.visualRect(index).center())
    assert editor.textCursor().selectedText() == grown


def test_disputes_view_opens_the_claim_exactly(qtbot, window) -> None:
    text = window.project.article(1).text
    start, end = span_of(text, LINES[5])
    window.open_claim(1, start, end)
    assert window.view.text.textCursor().selectedText() == LINES[5]



def test_dragging_a_boundary_is_stored_exactly(qtbot, window) -> None:
    editor = window.view.text
    go_to_line(qtbot, window, 1)
    press(qtbot, window, Key.Key_Right, times=len("Die Ministerin Eva Kühn 😀 "))
    press(qtbot, window, Key.Key_Right, Mod.ShiftModifier, times=len("reiste"))
    press(qtbot, window, Key.Key_S, Mod.AltModifier)

    def point(pos: int) -> QPoint:
        c = QTextCursor(editor.document())
        c.setPosition(pos)
        return editor.cursorRect(c).center()

    start, end = document_range(window, "reiste")[1], document_range(window, "reiste ab")[1]
    viewport, left = editor.viewport(), Qt.MouseButton.LeftButton
    qtbot.mousePress(viewport, left, pos=point(start))
    qtbot.mouseMove(viewport, pos=point(end))
    qtbot.mouseRelease(viewport, left, pos=point(end))
    assert stored(window, Layer.SOURCE) == ["reiste ab"]
