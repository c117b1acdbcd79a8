"""The app's identity on the desktop: its icon and the id of its .desktop file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

# The reverse-DNS id: the .desktop and AppStream files in packaging/ and the icon's name
APP_ID = "io.github.annotator.Annotator"
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)  # packaging/render_icons.py writes them from the SVG


def app_icon() -> QIcon:
    """The icon at every size shipped; each PNG is decoded only when a size is drawn."""
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(ICONS / f"annotator-{size}.png"), QSize(size, size))
    return icon


def set_desktop_identity() -> None:
    """The application's window icon, and the desktop file name that Wayland and docks match
    its windows with."""
    QGuiApplication.setWindowIcon(app_icon())
    QGuiApplication.setDesktopFileName(APP_ID)
