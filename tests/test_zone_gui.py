"""Zones and details in the workbench, by keyboard: zones drawn quietly with their names in
the margin, Z sets the zone of a line or a selection, M edits the article's details."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from annotator.app.matching import ensure_sentences
from annotator.app.zones import RULES, zones_of
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.ui import theme
from annotator.ui.article_list_model import TITLE
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

ZONE_KEPT, ZONE_SKIPPED = theme.LIGHT.zone_kept, theme.LIGHT.zone_skipped

Key, Mod = Qt.Key, Qt.KeyboardModifier
PAGE = ("Streit um Elbe-Abkommen\n"
        "Berlin (AFP) – Die Ministerin Anna Berger hat das Abkommen unterzeichnet.\n\n"
        "Lesen Sie auch:\n"
        "Neue Brücke in Dresden eröffnet 🌉\n\n"
        "Prag widerspricht: Unterzeichnet worden sei erst am Donnerstag.")
PLAIN = "Ein Artikel ohne Zonen.\n\nNur Text aus Pirna."


def at(piece: str, label: str = "") -> Span:
    start = PAGE.index(piece)
    return Span(start, start + len(piece), label)


RULE_ZONES = [at("Streit um Elbe-Abkommen", "HEADLINE"), at("Berlin (AFP) –", "DATELINE"),
              at("Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉", "TEASER")]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    with Project.open(tmp_path / "p.db") as project:
        aid = project.add_article(ArticleDraft(text=PAGE, title="Streit um Elbe-Abkommen",
                                               outlet="AFP", published="2024-10-22"))
        project.add_article(ArticleDraft(text=PLAIN, title="Ohne Zonen"))
        project.replace_suggestions(aid, RULES, RULE_ZONES, layer=Layer.STRUCTURE)
        project.replace_suggestions(aid, ModelInfo("ner", "1"), [
            at("Elbe-Abkommen", "MISC"), at("Anna Berger", "PER"), at("Dresden", "LOC")])
    project = Project.open(tmp_path / "p.db")
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def put_cursor(win: MainWindow, piece: str, offset: int = 0) -> None:
    start = PAGE.index(piece) + offset
    win.view.text.select_cp(start, start)


def shown(win: MainWindow) -> list[tuple[str, str]]:
    return [(z.label, PAGE[z.start:z.end]) for z in zones_of(win.project, 1)]


def foreground_at(win: MainWindow, piece: str) -> tuple[str, QColor | None]:
    """The text colour and the background the highlighter gave the first character of a
    piece of the text."""
    editor = win.view.text
    pos = editor.to_document(PAGE.index(piece))
    block = editor.document().findBlock(pos)
    for fmt in block.layout().formats():
        if fmt.start <= pos - block.position() < fmt.start + fmt.length:
            bg = fmt.format.background()
            return (fmt.format.foreground().color().name(),
                    bg.color() if bg.style() != Qt.BrushStyle.NoBrush else None)
    return "", None


def pick(qtbot: QtBot, win: MainWindow, keys: str) -> None:
    press(qtbot, win, Key.Key_Z)
    menu = win.findChild(QMenu, "zonePicker")
    assert menu is not None and menu.isVisible()
    qtbot.keyClicks(menu, keys)
    qtbot.waitUntil(lambda: win.findChild(QMenu, "zonePicker") is None)
    # offscreen, a closed popup leaves no window active (a desktop gives the focus back)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def test_zones_are_grey_furniture_lighter_and_entities_keep_their_colour(window) -> None:
    assert foreground_at(window, "Streit")[0] == QColor(ZONE_KEPT).name()
    assert foreground_at(window, "Lesen Sie")[0] == QColor(ZONE_SKIPPED).name()
    colour, background = foreground_at(window, "Elbe-Abkommen")  # an entity in the headline:
    assert colour == QColor(theme.LIGHT.text).name() and background is not None  # readable
    assert foreground_at(window, "Prag")[0] != QColor(ZONE_KEPT).name()  # body: untouched
    assert "zones" in window.view.legend.text() and "HEADLINE" not in window.view.legend.text()


def test_zone_names_are_painted_in_the_margin_of_an_article_with_zones(qtbot, window) -> None:
    editor = window.view.text
    assert editor.zone_width > 40
    image = editor._margin.grab().toImage()
    line = editor.fontMetrics().height()

    def inked(y0: int, y1: int) -> int:
        return sum(1 for x in range(editor.zone_width) for y in range(y0, y1)
                   if QColor(image.pixel(x, y)).lightness() < 200)

    assert inked(0, line + 4) > 20  # HEADLINE beside the first line
    rows = [y for y in range(image.height()) if any(
        QColor(image.pixel(x, y)).lightness() < 200 for x in range(editor.zone_width))]
    assert rows and max(rows) < 8 * line  # nothing beside the body at the end
    window.select_article(2)
    assert editor.zone_width == 0  # no zones: no column


def test_z_sets_the_zone_of_the_line_at_the_cursor_in_one_undo_step(qtbot, window) -> None:
    put_cursor(window, "Prag widerspricht", 5)
    pick(qtbot, window, "s")  # S: SUBHEAD
    line = "Prag widerspricht: Unterzeichnet worden sei erst am Donnerstag."
    assert ("SUBHEAD", line) in shown(window)
    (ann,) = window.project.annotations(1, Layer.STRUCTURE)
    assert ann.annotator == "maria"
    assert foreground_at(window, "Prag")[0] == QColor(ZONE_KEPT).name()  # repainted
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert window.project.annotations(1, Layer.STRUCTURE) == []
    assert foreground_at(window, "Prag")[0] != QColor(ZONE_KEPT).name()


def test_body_on_a_teaser_line_keeps_the_rest_of_the_teaser(qtbot, window) -> None:
    put_cursor(window, "Neue Brücke")
    pick(qtbot, window, "0")
    assert shown(window) == [("HEADLINE", "Streit um Elbe-Abkommen"),
                             ("DATELINE", "Berlin (AFP) –"), ("TEASER", "Lesen Sie auch:")]
    assert foreground_at(window, "Neue")[0] != QColor(ZONE_SKIPPED).name()
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)  # one step back: the teaser whole
    assert shown(window)[-1] == ("TEASER", "Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉")


def test_z_moves_the_sentence_index_before_the_window_hears_of_it(qtbot, window,
                                                                   tmp_path) -> None:
    ensure_sentences(window.project, [1])
    line = "Neue Brücke in Dresden eröffnet 🌉"

    def indexed() -> list[str]:  # what another connection reads: committed rows only
        with Project.open(tmp_path / "p.db") as other:
            return [s.text for s in other.matching.sentences(article_id=1)]

    heard: list[list[str]] = []
    window.session.changed.connect(lambda _changes: heard.append(indexed()))
    assert line not in indexed()  # the teaser is skipped
    put_cursor(window, "Neue Brücke")
    pick(qtbot, window, "0")  # body
    assert line in indexed() and heard == [indexed()]
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert line not in indexed() and heard[-1] == indexed()
    put_cursor(window, "Prag", 1)
    pick(qtbot, window, "n")  # N: NAV
    assert not any(s.startswith("Prag") for s in indexed())


def test_an_article_whose_zones_keep_no_sentence_is_split_once(qtbot, tmp_path) -> None:
    nav = "Startseite | Politik | Sport | Kultur"
    with Project.open(tmp_path / "p.db") as project:
        furniture = project.add_article(ArticleDraft(text=nav, title="Menü"))
        project.replace_suggestions(furniture, RULES, [Span(0, len(nav), "NAV")],
                                    layer=Layer.STRUCTURE)
        project.add_article(ArticleDraft(text=PLAIN, title="Ohne Zonen"))
    with Project.open(tmp_path / "p.db") as project:
        win = show_window(qtbot, project)
        # the index is ready: the splitting steps came to an end
        qtbot.waitUntil(lambda: "Method:" in win.side.claim_panel.method.text(),
                        timeout=20_000)
        assert project.matching.sentences(article_id=furniture) == []
        assert len(project.matching.sentences(article_id=2)) == 2
        win.close()


def test_a_split_made_before_a_zone_edit_is_not_stored_after_it(qtbot, window,
                                                               monkeypatch) -> None:
    from annotator.app import matching

    qtbot.waitUntil(lambda: "Method:" in window.side.claim_panel.method.text(),
                    timeout=20_000)
    put_cursor(window, "Prag", 1)
    pick(qtbot, window, "n")  # NAV: the index follows at once
    now = window.project.matching.sentences(article_id=1)
    # a worker's split of the zones as they were, arriving late
    window.project.matching.replace_sentences(2, [])

    def stale(project, ids=None, **_kw):
        ids = project.matching.articles_without_sentences() if ids is None else ids
        return {1: [(0, len(PAGE))], **{a: [(0, 3)] for a in ids}} if ids else {}

    monkeypatch.setattr(matching, "split_missing", stale)
    window.matching.prepare()
    qtbot.waitUntil(lambda: window.project.matching.sentences(article_id=2) != [],
                    timeout=20_000)
    assert window.project.matching.sentences(article_id=1) == now


def test_z_on_a_selection_snaps_to_words(qtbot, window) -> None:
    put_cursor(window, "Ministerin", 2)
    for _ in range(2):
        press(qtbot, window, Key.Key_Right, Mod.ShiftModifier | Mod.ControlModifier)
    pick(qtbot, window, "b")  # B: BYLINE
    assert ("BYLINE", "Ministerin Anna") in shown(window)


def test_zones_are_edited_like_spans_and_stay_out_of_entity_keys(qtbot, window) -> None:
    put_cursor(window, "Streit", 2)
    press(qtbot, window, Key.Key_A, Mod.ShiftModifier)  # accept all: the entities only
    assert {a.layer for a in window.project.annotations(1)} == {Layer.ENTITY}
    assert len(shown(window)) == 3
    put_cursor(window, "Streit", 2)
    press(qtbot, window, Key.Key_Delete)  # on the rules' headline: rejected, body now
    assert [z[0] for z in shown(window)] == ["DATELINE", "TEASER"]
    dateline = at("Berlin (AFP) –")
    window.view.text.select_cp(dateline.start, dateline.end)
    pick(qtbot, window, "d")  # the rules' dateline confirmed: a person's zone now
    (zone,) = window.project.annotations(1, Layer.STRUCTURE)
    assert zone.suggestion_id is not None
    put_cursor(window, "Berlin", 1)
    press(qtbot, window, Key.Key_Right, Mod.AltModifier)  # grow it by a word
    assert ("DATELINE", "Berlin (AFP) – Die") in shown(window)
    press(qtbot, window, Key.Key_Delete)
    assert window.project.annotations(1, Layer.STRUCTURE) == []


def test_m_edits_the_details_and_the_list_row_follows(qtbot, window) -> None:
    press(qtbot, window, Key.Key_M)
    form = window.findChild(QDialog, "metaForm")
    assert form is not None and form.isVisible()
    title = form.findChild(QLineEdit, "meta_title")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)  # the form is active
    title.selectAll()
    qtbot.keyClicks(title, "Prag widerspricht")
    qtbot.keyClick(title, Key.Key_Tab)
    assert QApplication.focusWidget() is form.findChild(QLineEdit, "meta_outlet")
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Anna Berger")
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "metaForm") is None)
    article = window.project.article(1)
    assert (article.title, article.author, article.edited) == (
        "Prag widerspricht", "Anna Berger", {"title", "author"})
    assert "Prag widerspricht" in window.view.header.text()
    assert window.model.index(0, TITLE).data() == "Prag widerspricht"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view.text)
    press(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert window.project.article(1).title == "Streit um Elbe-Abkommen"
    assert window.model.index(0, TITLE).data() == "Streit um Elbe-Abkommen"
    assert "Streit um Elbe-Abkommen" in window.view.header.text()


def test_a_bad_date_is_named_and_esc_cancels(qtbot, window) -> None:
    press(qtbot, window, Key.Key_M)
    form = window.findChild(QDialog, "metaForm")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    date = form.findChild(QLineEdit, "meta_published")
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "22.10.2024")
    qtbot.keyClick(date, Key.Key_Return)
    message = form.findChild(QLabel, "metaMessage")
    assert form.isVisible() and "YYYY-MM-DD" in message.text() and message.isVisible()
    assert window.project.article(1).published == "2024-10-22"
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "metaForm") is None)
    assert window.project.article(1).published == "2024-10-22"
    assert window.session.undo_stack.count() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view.text)


def test_a_digit_in_a_zone_labels_the_word_never_the_zone(qtbot, window) -> None:
    put_cursor(window, "Streit", 2)
    press(qtbot, window, Key.Key_1)
    assert [(PAGE[a.start:a.end], a.label) for a in window.project.annotations(1)] == [
        ("Streit", "PER")]
    assert len(shown(window)) == 3


def test_tab_reaches_a_zone_and_marks_it_in_the_margin(qtbot, window) -> None:
    put_cursor(window, "unterzeichnet.")
    press(qtbot, window, Key.Key_Tab)
    teaser = RULE_ZONES[2]
    assert window.view.text.cursor_cp() == teaser.start
    assert window.view.text.current_zone == (teaser.start, teaser.end)
    assert window.view.text.extraSelections() == []  # no outline over the entities in it
    press(qtbot, window, Key.Key_Tab)  # the entity suggestion inside comes next
    assert window.view.text.current_zone is None and window.view.text.extraSelections()
