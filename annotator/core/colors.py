"""Colours as WCAG 2.x measures them, and a colour moved in lightness until text on it (or it as
text) is readable. Colours are "#rrggbb" strings; "#aarrggbb" (Qt's order) carries an alpha."""

from __future__ import annotations

import colorsys

MIN_CONTRAST = 4.5  # WCAG 2.x, success criterion 1.4.3 (AA) for normal text
DEFAULT_LABEL_COLOR = "#b0bec5"  # a label made without a colour (an import's, a model's)


def rgba(color: str) -> tuple[int, int, int, int]:
    """Red, green, blue and alpha (0–255) of "#rgb", "#rrggbb" or "#aarrggbb"."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) not in (6, 8):
        raise ValueError(f"not a colour: {color!r}")
    alpha = int(digits[:2], 16) if len(digits) == 8 else 255
    r, g, b = (int(digits[i:i + 2], 16) for i in range(len(digits) - 6, len(digits), 2))
    return r, g, b, alpha


def hex_of(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{min(255, max(0, round(c))):02x}" for c in (r, g, b))


def luminance(color: str) -> float:
    """Relative luminance, as WCAG 2.x defines it
    (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance): each sRGB channel c/255 is made
    linear, c/12.92 up to 0.03928 and ((c + 0.055)/1.055)^2.4 above; then
    L = 0.2126 R + 0.7152 G + 0.0722 B."""
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b, _ = rgba(color)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio):
    (L1 + 0.05) / (L2 + 0.05), L1 the lighter colour's relative luminance; 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(top: str, bottom: str, alpha: float | None = None) -> str:
    """``top`` painted over ``bottom``, at ``alpha`` (0–1) or at top's own alpha."""
    *t, a = rgba(top)
    b = rgba(bottom)[:3]
    share = a / 255 if alpha is None else alpha
    return hex_of(*(x * share + y * (1 - share) for x, y in zip(t, b, strict=True)))


def lightness(color: str) -> float:
    r, g, b, _ = rgba(color)
    return colorsys.rgb_to_hls(r / 255, g / 255, b / 255)[1]


def with_lightness(color: str, value: float) -> str:
    """The colour's hue and saturation at another lightness (0 black to 1 white)."""
    r, g, b, _ = rgba(color)
    h, _l, s = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    return hex_of(*(c * 255 for c in colorsys.hls_to_rgb(h, min(1.0, max(0.0, value)), s)))


def readable(color: str, against: str, ratio: float = MIN_CONTRAST, *,
             start: float | None = None) -> str:
    """The colour's hue and saturation at the lightness nearest ``start`` (its own lightness by
    default) whose contrast with ``against`` is at least ``ratio``: lighter when ``against`` is
    dark, darker when it is light. Each channel grows with lightness, so the contrast does too
    (or falls) step by step; at the end lies white or black, the most any colour can have."""
    r, g, b, _ = rgba(color)
    h, own, s = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    value = own if start is None else start
    up = contrast("#ffffff", against) >= contrast("#000000", against)
    candidate = with_lightness(color, value)
    while contrast(candidate, against) < ratio:
        if (up and value >= 1.0) or (not up and value <= 0.0):
            return "#ffffff" if up else "#000000"
        value = min(1.0, value + 0.01) if up else max(0.0, value - 0.01)
        candidate = with_lightness(color, value)
    return candidate
