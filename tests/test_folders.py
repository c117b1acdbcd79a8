"""The user's folders come from one place (app/folders.py): the command line uses it too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app import folders
from annotator.cli import common


def test_the_data_folder_can_be_set_and_the_command_line_shares_it(tmp_path: Path,
                                                                   monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path))
    assert folders.data_dir() == tmp_path == common.data_dir()
    assert folders.models_dir() == tmp_path / "models"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_on_linux_it_follows_xdg_data_home(tmp_path: Path) -> None:
    code = "from annotator.app.folders import data_dir; print(data_dir())"
    env = {"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).parents[1])}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == str(tmp_path / "annotator")
