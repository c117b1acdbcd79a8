"""What the text shows besides the spans: the search's hits (the one at the cursor distinct),
and claim → source links (a connector in the margin, the linked spans outlined)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.store.articles import search_hits
from annotator.ui.main_window import MainWindow
from annotator.ui.span_editor import SpanEditor
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier
FIRST = ("Hafen erweitert\n\nRostock – Der Hafen 😀 wächst, das Hafenbecken auch.\n\n"
         "Im hafen liegt ein Schiff aus Malmö.")
SECOND = "Kai saniert\n\nWismar – Der Hafen bleibt, sagte Jörg Kühn."
LINKED = ("Senat berät\n\nSenatorin Jana Wolff äußerte sich am Montag.\n\nDer Kai werde bis "
          "2030 um zwei Becken erweitert.\n\nDer Ausbau koste 400 Millionen Euro, sagt der Senat.")


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    project = Project.open(tmp_path / "p.db")
    for text in (FIRST, SECOND, LINKED):
        project.add_article(ArticleDraft(text=text, title=text.split("\n")[0]))
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def area(editor: SpanEditor, start: int, end: int) -> QRect:
    """Where a span of one line is, in the viewport."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.to_document(start))
    left = editor.cursorRect(cursor)
    cursor.setPosition(editor.to_document(end))
    return QRect(left.topLeft(), editor.cursorRect(cursor).bottomLeft())


def mean(image: QImage, rect: QRect) -> tuple[float, float, float]:
    pixels = [image.pixelColor(x, y) for x in range(rect.left(), rect.right())
              for y in range(rect.top(), rect.bottom())]
    return tuple(sum(getattr(p, c)() for p in pixels) / len(pixels)  # type: ignore[return-value]
                 for c in ("red", "green", "blue"))


def yellow(editor: SpanEditor, span: tuple[int, int]) -> float:
    """How far the span's place leans to yellow (0 on white paper with black ink)."""
    r, g, b = mean(editor.viewport().grab().toImage(), area(editor, *span))
    return (r + g) / 2 - b


def orange(editor: SpanEditor, span: tuple[int, int]) -> float:
    r, g, _b = mean(editor.viewport().grab().toImage(), area(editor, *span))
    return r - g


def test_search_hits_are_found_as_the_search_finds_articles() -> None:
    assert [FIRST[a:b] for a, b in search_hits(FIRST, "hafen")] == [
        "Hafen", "Hafen", "Hafenbecken", "hafen"]
    assert [FIRST[a:b] for a, b in search_hits(FIRST, "malmo HAF")] == [
        "Hafen", "Hafen", "Hafenbecken", "hafen", "Malmö"]
    assert search_hits(FIRST, "im") == [at(FIRST, "Im")]  # short: whole words only
    assert search_hits(FIRST, " – ") == []


def test_the_search_hits_are_drawn_the_current_one_distinct(qtbot, window) -> None:
    editor = window.view.text
    hits = search_hits(FIRST, "hafen")
    assert all(yellow(editor, hit) < 10 for hit in hits)
    press(qtbot, window, Key.Key_F, Mod.ControlModifier)
    qtbot.keyClicks(window.filter_bar.search, "hafen")
    assert all(yellow(editor, hit) > 30 for hit in hits)
    qtbot.keyClick(window.filter_bar.search, Key.Key_Return)  # the first hit from the cursor
    assert editor.hasFocus() and editor.cursor_cp() == hits[0][0]
    for i in (1, 2):  # each further Enter: the hit after
        press(qtbot, window, Key.Key_F, Mod.ControlModifier)
        qtbot.keyClick(window.filter_bar.search, Key.Key_Return)
        assert editor.cursor_cp() == hits[i][0]
        assert orange(editor, hits[i]) > orange(editor, hits[3 - i]) + 30
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)  # the list filtered meanwhile
    press(qtbot, window, Key.Key_N)  # the next article's hits
    assert window.current_article == 2
    assert yellow(editor, at(SECOND, "Hafen")) > 30
    assert yellow(editor, at(SECOND, "Wismar")) < 10
    press(qtbot, window, Key.Key_F, Mod.ControlModifier)
    qtbot.keyClick(window.filter_bar.search, Key.Key_Escape)
    assert yellow(editor, at(SECOND, "Hafen")) > 30  # Esc leaves the search as it is
    window.filter_bar.search.setFocus()
    window.filter_bar.search.selectAll()
    qtbot.keyClick(window.filter_bar.search, Key.Key_Delete)  # cleared: no hits drawn
    assert yellow(editor, at(SECOND, "Hafen")) < 10


def test_the_first_enter_goes_to_a_hit_at_the_very_start_of_the_text(qtbot, window) -> None:
    editor, search = window.view.text, window.filter_bar.search
    assert editor.cursor_cp() == 0 and FIRST.startswith("Hafen")
    press(qtbot, window, Key.Key_F, Mod.ControlModifier)
    qtbot.keyClicks(search, "hafen")
    hits = search_hits(FIRST, "hafen")
    starts = []
    for _ in range(len(hits) + 1):  # all hits in order, then from the top again
        search.setFocus()
        qtbot.keyClick(search, Key.Key_Return)
        starts.append(editor.cursor_cp())
    assert starts == [start for start, _ in hits] + [0]
    editor.select_cp(hits[1][0] + 1, hits[1][0] + 1)  # the cursor set inside a hit by hand
    search.setFocus()
    qtbot.keyClick(search, Key.Key_Return)
    assert editor.cursor_cp() == hits[2][0]


PHRASE = ("Prozess vertagt\n\nKöln 🇩🇪🤝 – Man habe ihn nie gesehen 👩🏾‍🔧, sagte ihn keiner. "
          "𝔄uch 😀 habe man ihn gestern gehört, und so habe, man ihn erkannt.")


def test_enter_goes_to_each_place_of_a_phrase_of_several_words(qtbot, tmp_path: Path) -> None:
    """Words that stand one after another in the text are found there, as one hit: Enter lands
    on the phrase, not on one of its words in an earlier sentence (emoji before it: offsets in
    code points, the editor in UTF-16)."""
    first = PHRASE.index("habe man ihn")
    second = PHRASE.index("habe, man ihn")
    assert search_hits(PHRASE, "Habe MAN ihn") == [(first, first + 12), (second, second + 13)]
    assert search_hits(PHRASE, "habe ihn") == [at(PHRASE, "habe ihn")]  # in this order
    assert len(search_hits(PHRASE, "ihn keiner gesehen")) == 6  # not in a row: each word
    project = Project.open(tmp_path / "p.db")
    project.add_article(ArticleDraft(text=PHRASE, title="Prozess vertagt"))
    win = show_window(qtbot, project)
    editor, search = win.view.text, win.filter_bar.search
    press(qtbot, win, Key.Key_F, Mod.ControlModifier)
    qtbot.keyClicks(search, "habe man ihn")
    starts = []
    for _ in range(3):  # the first place, the second, the first again
        search.setFocus()
        qtbot.keyClick(search, Key.Key_Return)
        assert editor.hasFocus()
        starts.append(editor.cursor_cp())
    assert starts == [first, second, first]
    win.close()
    project.close()


def red_in(image: QImage, rect: QRect) -> int:
    """Pixels of the claim's red (#e53935, maybe darker) inside a rectangle."""
    count = 0
    for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1)):
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1)):
            c = image.pixelColor(x, y)
            count += c.red() > 120 and c.green() < 90 and c.blue() < 90
    return count


def test_a_claim_is_joined_to_its_source_and_outlines_it(qtbot, window) -> None:
    project, editor = window.project, window.view.text
    claim = at(LINKED, "Der Kai werde bis 2030 um zwei Becken erweitert.")
    project.add_annotation(3, Layer.CLAIM, Span(*claim, "CLAIM"), "maria")
    project.add_annotation(3, Layer.SOURCE, Span(*at(LINKED, "Jana Wolff"), "SOURCE"), "maria")
    press(qtbot, window, Key.Key_N)
    press(qtbot, window, Key.Key_N)
    assert window.current_article == 3
    source, between = area(editor, *at(LINKED, "Jana Wolff")), area(editor, *at(LINKED, "Der"))
    lane = QRect(editor.zone_width, source.top(), 6, between.bottom() - source.top())
    ring = source.adjusted(-3, -3, 3, 3)

    def margin() -> QImage:
        return editor._margin.grab().toImage()

    assert red_in(margin(), lane) < 10  # no link yet: no connector
    editor.select_cp(claim[0] + 4, claim[0] + 4)
    press(qtbot, window, Key.Key_L)
    menu = window.findChild(QMenu, "sourcePicker")
    qtbot.keyClicks(menu, "1")
    assert len(project.links(3)) == 1
    assert red_in(margin(), lane) > 20  # a connector from the claim up to the source's line
    image = editor.viewport().grab().toImage()
    assert red_in(image, ring) > 20  # the cursor in the claim: its source outlined in red
    editor.select_cp(at(LINKED, "Ausbau")[0], at(LINKED, "Ausbau")[0])
    image = editor.viewport().grab().toImage()
    above = area(editor, *at(LINKED, "Der Kai werde")).adjusted(-3, -3, 3, -6)  # no underline
    assert red_in(image, ring) < 5 and red_in(image, above) < 5  # elsewhere: no outlines
    editor.select_cp(at(LINKED, "Wolff")[0], at(LINKED, "Wolff")[0])
    assert red_in(editor.viewport().grab().toImage(), above) > 20  # on the source: its claim
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)  # the link undone: gone from view
    assert red_in(margin(), lane) < 10
