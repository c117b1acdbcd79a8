"""Whether a window can open here, asked before Qt is: without a display Qt aborts the process
(exit 134) with advice to reinstall, which does not help."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping
from pathlib import Path

NO_DISPLAY_NEEDED = {"offscreen", "minimal", "vnc"}  # Qt platforms that draw into memory


def display_problem(env: Mapping[str, str] = os.environ, system: str = sys.platform,
                    xcb_plugin: Path | None = None) -> str | None:
    """Why no window can open, in one line, or None. Only Linux is checked: there Qt needs
    $DISPLAY or $WAYLAND_DISPLAY, unless $QT_QPA_PLATFORM names a platform that needs
    neither; when Qt would try X11 first, its xcb plugin must load (its system libraries)."""
    if not system.startswith("linux"):
        return None
    platforms = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    platforms = [p for p in platforms if p]
    if platforms and platforms[0] in NO_DISPLAY_NEEDED:
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are not set); "
                "the other commands work without one (annotator --help)")
    x11_first = platforms[0] == "xcb" if platforms else not env.get("WAYLAND_DISPLAY")
    return _xcb_problem(xcb_plugin or _pyside_xcb_plugin()) if x11_first else None


def _pyside_xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(spec.submodule_search_locations[0], "Qt", "plugins", "platforms", "libqxcb.so")


def _xcb_problem(plugin: Path | None) -> str | None:
    """Load Qt's X11 plugin as Qt would: a missing system library is named."""
    if plugin is None or not plugin.exists():
        return None  # not a PySide6 wheel's layout: leave it to Qt
    import ctypes  # only here: on Wayland and the offscreen platforms, 7 M instructions saved

    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return (f"Qt's X11 platform plugin does not load ({exc}); install the system libraries "
                "it needs (Debian/Ubuntu: bash packaging/system-deps.sh, see docs/install.md)")
    return None
