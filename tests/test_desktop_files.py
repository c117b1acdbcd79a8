"""The desktop integration: the .desktop and AppStream files validate and name one app id,
the icon's PNGs are rendered from its SVG master, and the app shows the icon."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator import __version__
from annotator.ui.desktop_identity import APP_ID, ICONS, SIZES, set_desktop_identity

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
MASTER = ROOT / "resources" / "icons" / "annotator.svg"
# packaging/ is no package (its name is PyPI's `packaging`): the script is loaded by its path
_spec = importlib.util.spec_from_file_location("render_icons",
                                               ROOT / "packaging" / "render_icons.py")
assert _spec is not None and _spec.loader is not None
render_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_icons)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.parametrize("command", [
    ["desktop-file-validate", str(DESKTOP)],
    ["appstreamcli", "validate", "--no-net", str(METAINFO)],
], ids=["desktop-file-validate", "appstreamcli"])
def test_the_validators_accept_the_files(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        # CI installs both (packaging/system-deps.sh --with-xvfb): there, missing is a failure
        assert os.environ.get("CI") != "true", f"{command[0]} is not installed"
        pytest.skip(f"{command[0]} is not installed (packaging/system-deps.sh --with-xvfb)")
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr


def test_one_app_id_everywhere() -> None:
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "annotator"
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("provides/binary") == "annotator"
    assert render_icons.APP_ID == APP_ID
    assert f'APP_ID = "{APP_ID}"' in (ROOT / "packaging" / "annotator.spec").read_text()


def test_the_release_is_the_package_version() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases[0].get("version") == __version__, "metainfo.xml: add a <release> on top"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", releases[0].get("date", ""))


def test_the_screenshots_are_the_docs_pngs() -> None:
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert images
    for image in images:
        path = ROOT / image.text.split("/main/", 1)[1]  # type: ignore[union-attr]
        assert path.is_file(), f"{image.text}: no {path.relative_to(ROOT)} in the repository"
        found = QImage(str(path))
        assert (found.width(), found.height()) == (int(image.get("width", 0)),
                                                   int(image.get("height", 0))), path


def test_every_size_is_rendered_from_the_master(qapp) -> None:
    for size in render_icons.SIZES:
        committed = QImage(str(render_icons.hicolor_png(size)))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = render_icons.render(MASTER, size).convertToFormat(committed.format())
        assert _mean_difference(committed, fresh) < 2.0, (
            f"{size} px differs from the SVG: run python packaging/render_icons.py")
    for size in SIZES:  # the window icon's copies in the package are the same files
        assert (ICONS / f"annotator-{size}.png").read_bytes() == \
            render_icons.hicolor_png(size).read_bytes()


def _mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per channel (0–255) of two images of one size."""
    one, two = a.constBits().tobytes(), b.constBits().tobytes()
    assert len(one) == len(two)
    return sum(abs(x - y) for x, y in zip(one, two, strict=True)) / len(one)


def test_the_icon_is_not_blank_at_16_px(qapp) -> None:
    image = QImage(str(render_icons.hicolor_png(16)))
    colours = {image.pixelColor(x, y).name() for x in range(16) for y in range(16)
               if image.pixelColor(x, y).alpha() == 255}
    assert len(colours) >= 4  # page, ink, highlighter, badge


def test_the_app_carries_the_icon_and_the_desktop_id(qapp) -> None:
    set_desktop_identity()
    icon = qapp.windowIcon()
    assert [s.width() for s in icon.availableSizes()] == list(SIZES)
    assert not icon.pixmap(24).toImage().isNull()
    assert qapp.desktopFileName() == APP_ID


def test_make_app_sets_them() -> None:
    code = ("from annotator.ui.application import make_app; a = make_app(); "
            "print(a.desktopFileName(), len(a.windowIcon().availableSizes()))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert done.stdout.split() == [APP_ID, str(len(SIZES))], done.stderr
