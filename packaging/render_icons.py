"""Render the icon's PNGs from its SVG master, offscreen with Qt's SVG renderer.

Writes the freedesktop sizes to resources/icons/hicolor/<n>x<n>/apps/ (under the app id, as
the .desktop file names the icon) and the sizes the window icon uses to
annotator/resources/icons/ (shipped in the wheel). Run after changing the SVG:

    python packaging/render_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.annotator.Annotator"
MASTER = ROOT / "resources" / "icons" / "annotator.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
PACKAGE_ICONS = ROOT / "annotator" / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
WINDOW_SIZES = (16, 32, 48, 64, 128, 256)


def hicolor_png(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def package_png(size: int) -> Path:
    return PACKAGE_ICONS / f"annotator-{size}.png"


def render(svg: Path, size: int):
    """The SVG drawn on a transparent square image of ``size`` pixels (a QImage)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        image = render(MASTER, size)
        targets = [hicolor_png(size)] + ([package_png(size)] if size in WINDOW_SIZES else [])
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target), "PNG"):
                raise OSError(f"{target}: cannot write")
            print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
