"""Light and dark: every text readable on what it is drawn on (WCAG 2.x contrast ≥ 4.5, the
formula in core/colors.py), label colours derived per theme, no colour literals in the views,
and the theme switched while windows are open, by the setting or by the system."""

from __future__ import annotations

import colorsys
import io
import math
import random
import re
import tokenize
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from annotator.core.colors import (
    DEFAULT_LABEL_COLOR,
    MIN_CONTRAST,
    blend,
    contrast,
    luminance,
    readable,
    rgba,
)
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.core.zones import ZONE_COLOR
from annotator.store import Project
from annotator.store.schema import DEFAULT_LABELS
from annotator.ui import theme
from tests.conftest import show_window

THEMES = [theme.LIGHT, theme.DARK]
# Every text role drawn on a background role, as the views draw them.
TEXT_ON = [
    ("text", "window"), ("text", "base"), ("text", "alternate"), ("text", "button"),
    ("text", "tooltip"), ("placeholder", "base"), ("highlighted_text", "highlight"),
    ("link", "base"), ("link", "window"), ("muted", "base"), ("muted", "window"),
    ("muted", "panel"), ("muted", "card"), ("muted", "card_holding"), ("secondary", "base"),
    ("secondary", "card"), ("secondary", "card_holding"), ("error", "window"), ("error", "base"),
    ("text", "panel"), ("text", "card"), ("text", "card_holding"), ("text", "mark"),
    ("card_selected_text", "card_selected"), ("chip_text", "chip"), ("dispute", "panel"),
    ("dispute", "card"), ("holding", "panel"), ("holding", "card"), ("holding", "card_holding"),
    ("link", "card"), ("link", "card_holding"), ("zone_kept", "base"), ("zone_skipped", "base"),
    ("zone_name", "base"), ("zone_current", "base"), ("sheet_text", "sheet"),
    ("kind_dispute", "base"), ("kind_disagreement", "base"), ("kind_suggestions", "base"),
    ("text", "heat_none"),
]
LABEL_COLORS = sorted({c for _layer, _name, c, *_ in DEFAULT_LABELS}
                      | {DEFAULT_LABEL_COLOR, ZONE_COLOR})
PICKED = random.Random(21)
USER_COLORS = (["#000000", "#ffffff", "#808080", "#ff0000", "#00ff00", "#0000ff", "#ffff00",
                "red", "grey", "#abc", "not a colour", ""]
               + [f"#{PICKED.randrange(0x1000000):06x}" for _ in range(300)])
UI = Path(__file__).parent.parent / "annotator" / "ui"


@pytest.fixture
def switch(qapp):
    """``theme.apply``; the test application's palette and the light theme back afterwards."""
    saved = QPalette(qapp.palette())
    yield theme.apply
    theme.apply("light")
    qapp.setPalette(saved)


def test_the_wcag_formula_gives_the_known_ratios() -> None:
    assert luminance("#ffffff") == pytest.approx(1.0) and luminance("#000000") == 0.0
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#777777") == pytest.approx(4.48, abs=0.01)  # just too light
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # just enough
    assert contrast("#ff0000", "#ffffff") == pytest.approx(4.0, abs=0.01)
    assert rgba("#64ffc400") == (255, 196, 0, 100) and rgba("#abc") == (170, 187, 204, 255)
    assert blend("#ffffff", "#000000", 0.5) == "#808080"


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
def test_every_text_role_is_readable_on_its_background(t: theme.Theme) -> None:
    low = {(fg, bg): round(contrast(t.roles[fg], t.roles[bg]), 2) for fg, bg in TEXT_ON
           if contrast(t.roles[fg], t.roles[bg]) < MIN_CONTRAST}
    assert low == {}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_label_colours_are_drawn_readable_in_each_theme(switch, name: str) -> None:
    """Default, zone and arbitrary user colours: the theme's text on an entity's highlight
    (accepted or suggested), claims and sources drawn on the page, and the swatches of
    Preferences ▸ Labels with their text, contrast ≥ 4.5."""
    t = switch(name)
    for stored in LABEL_COLORS + USER_COLORS:
        drawn = theme.background(stored)
        assert contrast(t.text, drawn) >= MIN_CONTRAST, stored
        assert contrast(t.text, theme.suggested(drawn)) >= MIN_CONTRAST, stored
        assert contrast(theme.ink(stored), t.base) >= MIN_CONTRAST, stored
        for layer in Layer:  # Preferences ▸ Labels: the code on the colour's swatch
            assert contrast(*theme.swatch(layer, stored)) >= MIN_CONTRAST, (layer, stored)


def hue(color: str) -> float:
    r, g, b, _ = rgba(color)
    return colorsys.rgb_to_hls(r / 255, g / 255, b / 255)[0]


def test_the_drawn_colour_keeps_the_stored_hue_light_ones_as_stored(switch) -> None:
    entities = [c for layer, _n, c, *_ in DEFAULT_LABELS if layer == "entity"]
    switch("light")
    assert [theme.background(c) for c in entities] == entities  # readable already: as stored
    t = switch("dark")
    for stored in entities:
        drawn = theme.background(stored)
        assert luminance(drawn) < 0.2 < luminance(t.text)  # dark, under light text
        assert abs(hue(drawn) - hue(stored)) < 0.02, stored


def test_a_colour_is_moved_only_as_far_as_needed() -> None:
    assert readable("#ffd54f", "#1f2328") == "#ffd54f"
    darker = readable("#ffd54f", "#ffffff")  # yellow as text on white: darkened
    assert 4.5 <= contrast(darker, "#ffffff") < 4.8
    assert contrast(readable("#777777", "#777777"), "#777777") >= 4.5  # to black, nearly


@pytest.mark.parametrize("name", ["light", "dark"])
def test_agreement_shades_and_search_hits_keep_the_text_readable(switch, name: str) -> None:
    from annotator.ui.agreement_models import shade

    t = switch(name)
    for value in [*(i / 20 for i in range(21)), math.nan]:
        assert contrast(shade(value).name(), t.text) >= MIN_CONTRAST, value
    for hit in (t.search_hit, t.search_current):  # filled over the text, text and page alike
        assert contrast(blend(hit, t.text), blend(hit, t.base)) >= MIN_CONTRAST, hit


HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![0-9a-zA-Z_])")
LITERALS = [HEX, re.compile(r"\brgba?\s*\("), re.compile(r"\bQColor\s*\(\s*[\d'\"]"),
            re.compile(r"\bQColor\.from\w+\s*\("), re.compile(r"\bGlobalColor\b"),
            re.compile(r"\bQt\.(?:black|white|red|green|blue|yellow|gray|darkGray|lightGray)\b"),
            re.compile(r"(?:color|background)\s*:\s*(?:white|black|red|green|blue|yellow|gray|"
                       r"grey|orange|purple)\b", re.I)]


def colour_literals(source: str) -> list[str]:
    """The colour literals in Python source, comments left out."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    lines = source.splitlines()
    for token in tokens:
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col]
    code = "\n".join(lines)
    return [m.group(0) for pattern in LITERALS for m in pattern.finditer(code)]


def test_no_view_has_a_colour_of_its_own() -> None:
    found = {path.name: hits for path in sorted(UI.glob("*.py")) if path.name != "theme.py"
             if (hits := colour_literals(path.read_text(encoding="utf-8")))}
    assert found == {}
    assert colour_literals('x = "#1f2933"  # #ffffff\ny = QColor(0, 0, 0)') == [
        "#1f2933", "QColor(0"]


def at(window, words: str) -> tuple[str, str | None]:
    """Text and background colour drawn at the first letter of ``words`` in the article."""
    text = window.view.text
    pos = text.to_document(window.project.article(window.current_article).text.index(words))
    block = text.document().findBlock(pos)
    for r in block.layout().formats():
        if r.start <= pos - block.position() < r.start + r.length:
            bg = r.format.background()
            return (r.format.foreground().color().name(),
                    bg.color().name() if bg.style() != Qt.BrushStyle.NoBrush else None)
    return "", None


@pytest.fixture
def window(qtbot: QtBot, project: Project):
    text = "Streit in Dresden\n\nAnna Berger sagte, das Abkommen gelte ab Mittwoch."
    aid = project.add_article(ArticleDraft(text=text, title="Streit in Dresden"))
    assert aid is not None
    project.add_annotation(aid, Layer.ENTITY, Span(19, 30, "PER"), "maria")
    return show_window(qtbot, project)


def test_switching_repaints_the_open_windows(switch, qtbot: QtBot, window) -> None:
    """Dark while the window is open: palette, highlights and the disputes view follow; light
    again gives the stored colours back."""
    switch("light")
    assert at(window, "Anna") == (theme.LIGHT.text, "#ffd54f")
    dark = switch("dark")
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Base).name() == dark.base)
    assert at(window, "Anna") == (dark.text, theme.background("#ffd54f"))
    assert luminance(at(window, "Anna")[1] or "") < 0.2
    window.toggle_disputes()
    qtbot.waitUntil(lambda: window.disputes.isVisible())
    assert window.disputes.grab().toImage().pixelColor(2, 2).name() == dark.panel  # no island
    assert dark.muted in window.disputes.keys_hint.text()
    switch("light")
    assert at(window, "Anna") == (theme.LIGHT.text, "#ffd54f")
    assert window.disputes.grab().toImage().pixelColor(2, 2).name() == theme.LIGHT.panel


def test_the_setting_forces_a_theme_and_system_follows_the_platform(switch, qapp) -> None:
    QSettings().setValue(theme.SETTING, "dark")
    theme.start()
    assert theme.current() is theme.DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
    hints = qapp.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)  # forced: the platform does not matter
    assert theme.current() is theme.DARK
    theme.choose("system")
    assert QSettings().value(theme.SETTING) == "system"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current() is theme.DARK
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current() is theme.LIGHT


def test_an_adjudication_pane_redraws_its_spans_in_the_new_theme(switch, qtbot: QtBot) -> None:
    from annotator.core.model import Annotation, Label
    from annotator.ui.adjudication_window import VersionPane

    switch("light")
    pane = VersionPane("1 maria")
    qtbot.addWidget(pane)
    ann = Annotation(1, 1, Layer.ENTITY, 0, 4, "LOC", "maria", "", "")
    pane.show_version(1, "Prag liegt an der Moldau.", [ann],
                      [Label(Layer.ENTITY, "LOC", "#81d4fa")])

    def drawn() -> str:
        formats = pane.text.document().firstBlock().layout().formats()
        return formats[0].format.background().color().name()

    assert drawn() == "#81d4fa"
    switch("dark")
    assert drawn() == theme.background("#81d4fa") != "#81d4fa"
