"""Light and dark: the palette (Fusion style, the same on every platform), the named colours the
views draw with, and the label colours drawn per theme. The theme follows the platform's colour
scheme unless the setting ``appearance/theme`` names one; ``choose`` switches while windows are
open. Every colour a view draws is a role here: no view has colour literals of its own
(tests/test_theme.py checks)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from string import Template

from msgspec import Struct
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.colors import DEFAULT_LABEL_COLOR, blend, lightness, readable
from annotator.core.model import Label, Layer

SETTING = "appearance/theme"
FONT_FAMILY, FONT_SIZE = "appearance/font_family", "appearance/font_size"  # the article text's
CHOICES = ("system", "light", "dark")
SUGGESTED = 0.45  # a suggested entity's colour, this much of it over the page
_SHEET = "themeSheet"  # the property a widget keeps its style sheet's template in
# Fusion from the application's construction (``make_app``): asking a running application for
# its style makes PySide build Python types for QStyle and its ten large enums, ~50 M
# instructions (a tenth of the window's own start) for a name that is known already.
STYLE_ARGS = ("-style", "Fusion")
_FUSION = "annotatorFusion"  # the application's property: made or switched to Fusion

Role = QPalette.ColorRole


class Theme(Struct, frozen=True):
    """A palette and the named colours ("#rrggbb", or "#aarrggbb" with an alpha)."""

    name: str
    dark: bool
    roles: dict[str, str]

    def __getattr__(self, role: str) -> str:
        if role == "roles":  # not set yet (while a copy is made)
            raise AttributeError(role)
        try:
            return self.roles[role]
        except KeyError:
            raise AttributeError(role) from None


# Palette roles first (text, window, base …), then what views draw. Each text role is readable
# (contrast ≥ 4.5) on the backgrounds it is drawn on: tests/test_theme.py lists the pairs.
LIGHT = Theme("light", False, {
    "text": "#1f2328", "window": "#efeff1", "base": "#ffffff", "alternate": "#f5f6f7",
    "button": "#e9eaec", "highlight": "#2f6fd0", "highlighted_text": "#ffffff",
    "link": "#1565c0", "mid": "#b8bec7", "dark_edge": "#8a9099", "light_edge": "#ffffff",
    "shadow": "#5f6b7a", "tooltip": "#fffbe6", "placeholder": "#5f6b7a", "disabled": "#8a9099",
    "muted": "#5f6b7a", "secondary": "#4b5563", "error": "#b71c1c",
    "dispute": "#9a5800", "holding": "#2e7d32", "line": "#d5dae1",
    "panel": "#f6f7f9", "card": "#ffffff", "card_holding": "#f2f9f2",
    "card_selected": "#e3edfb", "card_selected_text": "#0d2a4f",
    "chip": "#e6eaf0", "chip_text": "#374151", "mark": "#ffe38a", "group_none": "#b8bec7",
    "zone_kept": "#5d6670", "zone_skipped": "#6e7781", "zone_name": "#6b7280",
    "zone_current": "#37474f",
    "search_hit": "#50ffc400", "search_current": "#64ff7800", "search_current_line": "#e65100",
    "overlay_dim": "#6e000000", "sheet": "#fafafa", "sheet_text": "#212121",
    "kind_dispute": "#b45309", "kind_disagreement": "#7c3aed", "kind_suggestions": "#0e7490",
    "heat_none": "#e4e7eb",
})
DARK = Theme("dark", True, {
    "text": "#e6e8eb", "window": "#2b2d31", "base": "#1e1f22", "alternate": "#26282c",
    "button": "#35373c", "highlight": "#2f65b8", "highlighted_text": "#ffffff",
    "link": "#8ab4f8", "mid": "#4a4d55", "dark_edge": "#141517", "light_edge": "#45484f",
    "shadow": "#0b0c0d", "tooltip": "#35373c", "placeholder": "#9aa0a8", "disabled": "#767b84",
    "muted": "#a3acb9", "secondary": "#c3c9d2", "error": "#ff8a80",
    "dispute": "#f0b050", "holding": "#7cc47f", "line": "#474b53",
    "panel": "#232428", "card": "#2b2d31", "card_holding": "#1f2e22",
    "card_selected": "#263a57", "card_selected_text": "#e6eef9",
    "chip": "#3a3e45", "chip_text": "#d5dae1", "mark": "#5c4700", "group_none": "#5f6570",
    "zone_kept": "#b9c0c9", "zone_skipped": "#8d949e", "zone_name": "#8f96a0",
    "zone_current": "#d0d6dd",
    "search_hit": "#40ffc400", "search_current": "#5aff7800", "search_current_line": "#ffa04d",
    "overlay_dim": "#a0000000", "sheet": "#2b2d31", "sheet_text": "#e6e8eb",
    "kind_dispute": "#f0a050", "kind_disagreement": "#b79cf5", "kind_suggestions": "#5fc4d8",
    "heat_none": "#3a3e45",
})
THEMES = {t.name: t for t in (LIGHT, DARK)}
PALETTE = {  # palette role → theme role
    Role.Window: "window", Role.WindowText: "text", Role.Base: "base",
    Role.AlternateBase: "alternate", Role.ToolTipBase: "tooltip", Role.ToolTipText: "text",
    Role.PlaceholderText: "placeholder", Role.Text: "text", Role.Button: "button",
    Role.ButtonText: "text", Role.BrightText: "error", Role.Highlight: "highlight",
    Role.HighlightedText: "highlighted_text", Role.Link: "link", Role.LinkVisited: "link",
    Role.Light: "light_edge", Role.Midlight: "button", Role.Mid: "mid", Role.Dark: "dark_edge",
    Role.Shadow: "shadow",
}

_current = LIGHT
_choice = "system"


class _Notifier(QObject):
    changed = Signal()  # the theme was switched: views re-render what they coloured themselves


notifier = _Notifier()


def current() -> Theme:
    return _current


def role(name: str) -> str:
    """A named colour of the current theme."""
    return _current.roles[name]


def qcolor(name: str) -> QColor:
    return QColor(_current.roles[name])


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    for palette_role, name in PALETTE.items():
        pal.setColor(palette_role, QColor(theme.roles[name]))
    for palette_role in (Role.Text, Role.WindowText, Role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, palette_role, QColor(theme.disabled))
    return pal


def resolve(choice: str, scheme: Qt.ColorScheme | None = None) -> Theme:
    """The theme a choice means: "system" the platform's scheme (light when it has none)."""
    if choice in THEMES:
        return THEMES[choice]
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def made_fusion(app: QApplication) -> None:
    """Note that ``app`` was made with ``STYLE_ARGS``: Fusion, whatever the platform offers."""
    app.setProperty(_FUSION, True)


def start() -> None:
    """At start: the theme the setting names, following the platform's scheme while "system"."""
    hints = QGuiApplication.styleHints()
    if not hints.property("themeFollows"):  # connected once, however often started
        hints.setProperty("themeFollows", True)
        hints.colorSchemeChanged.connect(_system_changed)
    apply(str(QSettings().value(SETTING, "system")))


def font_chosen() -> bool:
    """Whether the settings name a font or size for the article text (Preferences ▸
    Appearance)."""
    return bool(QSettings().value(FONT_FAMILY) or QSettings().value(FONT_SIZE))


def choose(choice: str) -> None:
    """Switch the theme of every open window, and keep the choice for the next start."""
    QSettings().setValue(SETTING, choice)
    apply(choice)


def apply(choice: str, scheme: Qt.ColorScheme | None = None) -> Theme:
    """Give the application the theme's style, palette and style sheets; views listening to
    ``notifier.changed`` re-render their own colours."""
    global _current, _choice
    _choice = choice if choice in CHOICES else "system"
    _current = resolve(_choice, scheme)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if not app.property(_FUSION):
            if app.style().name().lower() != "fusion":
                app.setStyle("Fusion")
            app.setProperty(_FUSION, True)
        app.setPalette(palette(_current))
        for widget in app.allWidgets():
            if sheet := widget.property(_SHEET):
                widget.setStyleSheet(fill(sheet))
    notifier.changed.emit()
    return _current


def _system_changed(scheme: Qt.ColorScheme) -> None:
    if _choice == "system":
        apply("system", scheme)


def fill(sheet: str) -> str:
    """A style sheet or HTML template with ``$role`` names replaced by the theme's colours."""
    return Template(sheet).substitute(_current.roles)


def style(widget: QWidget, sheet: str) -> None:
    """Give a widget a style sheet written with ``$role`` names, filled again on a switch."""
    widget.setProperty(_SHEET, sheet)
    widget.setStyleSheet(fill(sheet))


# -- label colours ---------------------------------------------------------------------------
# A label's stored colour is the user's; what is drawn keeps its hue and saturation and takes
# the lightness that makes it readable in the current theme.


def stored_hex(stored: str) -> str:
    color = QColor(stored)
    return color.name() if color.isValid() else DEFAULT_LABEL_COLOR


@lru_cache(maxsize=4096)
def _background(stored: str, theme: str) -> str:
    t = THEMES[theme]
    color = stored_hex(stored)
    return readable(color, t.text, start=1 - lightness(color) if t.dark else None)


@lru_cache(maxsize=4096)
def _suggested(drawn: str, theme: str) -> str:
    t = THEMES[theme]
    return readable(blend(stored_hex(drawn), t.base, SUGGESTED), t.text)


@lru_cache(maxsize=4096)
def _ink(stored: str, theme: str) -> str:
    return readable(stored_hex(stored), THEMES[theme].base)


def background(stored: str) -> str:
    """An entity's highlight: the theme's text on it has a contrast of at least 4.5; in a dark
    theme a light colour turns dark (its lightness mirrored, then lowered as far as needed)."""
    return _background(stored, _current.name)


def suggested(drawn: str) -> str:
    """A suggested entity's highlight: its drawn colour paler (nearer the page), still readable."""
    return _suggested(drawn, _current.name)


def ink(stored: str) -> str:
    """A label drawn as lines and text on the page (claims, sources): contrast at least 4.5."""
    return _ink(stored, _current.name)


def label_colors(labels: Iterable[Label]) -> dict[tuple[Layer, str], str]:
    """What each label is drawn in: entities as highlights, the others as ink."""
    return {(lab.layer, lab.name): background(lab.color) if lab.layer is Layer.ENTITY
            else ink(lab.color) for lab in labels}


def swatch(layer: Layer, stored: str) -> tuple[str, str]:
    """A label's colour as a swatch with text on it, (text, background): the swatch is the
    colour as the page draws it (an entity's highlight, another layer's ink), the text the
    theme's text on a highlight, the page's colour on ink; both pairs readable (contrast ≥ 4.5)."""
    if layer is Layer.ENTITY:
        return _current.text, background(stored)
    return _current.base, ink(stored)


def stronger(color: QColor, factor: int = 130) -> QColor:
    """A line made to stand out: darker on a light page, lighter on a dark one."""
    return color.lighter(factor) if _current.dark else color.darker(factor)


def scale(share: float) -> str:
    """A figure's colour from 0 (red) through yellow to 1 (green); the theme's text readable
    on every step."""
    hue = QColor.fromHsv(round(120 * min(max(share, 0.0), 1.0)), 150, 240)
    return background(hue.name())
