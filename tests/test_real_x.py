"""The app starts on a real X server through Qt's xcb plugin, not only offscreen.

Needs Xvfb (CI installs it with packaging/system-deps.sh --with-xvfb); elsewhere the test says
so and is skipped, in CI its absence is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator.core.model import ArticleDraft
from annotator.store import Project


@pytest.fixture
def xvfb_display():
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing: run packaging/system-deps.sh --with-xvfb")
        pytest.skip("Xvfb is not installed (bash packaging/system-deps.sh --with-xvfb)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    try:
        yield f":{display}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_main_window_opens_on_xvfb(xvfb_display: str, tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        project.add_article(ArticleDraft(text="Elbtal\n\nDresden ist schön.", title="Elbtal"))
    shot = tmp_path / "shot.png"
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb",
           "ANNOTATOR_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "open", str(tmp_path / "p.db"), "--screenshot",
         str(shot)], env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "could not load the qt platform plugin" not in run.stderr.lower()
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 29)}
    assert len(colours) > 5, "the window rendered as a blank image"
