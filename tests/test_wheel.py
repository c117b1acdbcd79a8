"""The built wheel stands alone: installed into a fresh venv, `annotator train` runs.

The wheel is built from a copy of the package files (so no build folder lands in the source
tree), with the test environment's setuptools and no download. The fresh venv sees the test
environment's installed packages (spaCy, ...) through a .pth file, but never the source tree:
the command runs from another folder without PYTHONPATH, and the test checks where annotator
was imported from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

from annotator.ui.desktop_identity import SIZES
from tests.test_training import make_project

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"{args[:3]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def build_wheel(tmp: Path) -> Path:
    found = version("setuptools")
    assert int(found.split(".")[0]) >= 77, (
        f"setuptools {found} cannot build this project (needs >=77): pip install -e '.[test]'")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "resources", src / "resources")
    shutil.copytree(ROOT / "annotator", src / "annotator",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm"))
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps",
         "--no-index", "-w", tmp / "dist", src], cwd=tmp)
    (wheel,) = (tmp / "dist").glob("annotator-*.whl")
    return wheel


def environment_site_dirs() -> list[str]:
    """The test environment's package folders (also a .venv inside the checkout, as CI makes
    it). Their .pth files are not read from here, so the editable install's finder, which
    would import the source tree, stays out; the test checks where annotator came from."""
    return [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")]


def fresh_venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
         "--no-index", wheel], cwd=tmp)
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                    cwd=tmp).strip())
    # after the install, so that pip never sees the test environment's own annotator
    (site / "zz_test_environment.pth").write_text("\n".join(environment_site_dirs()) + "\n")
    return venv


def test_annotator_train_runs_from_an_installed_wheel(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as files:  # the translations, compiled by the build (setup.py)
        names = set(files.namelist())
    assert {"annotator/resources/i18n/annotator_de.qm",
            "annotator/resources/i18n/annotator_en.qm"} <= names, sorted(names)[:20]
    venv = fresh_venv(tmp_path, wheel)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = run([venv / "bin" / "python", "-c", "import annotator; print(annotator.__file__)"],
                cwd=work, env=env)
    assert Path(where.strip()).is_relative_to(venv), where
    icons = Path(where.strip()).parent / "resources" / "icons"  # the window icon's sizes
    assert [p.name for p in sorted(icons.glob("*.png"))] == sorted(
        f"annotator-{size}.png" for size in SIZES)
    make_project(work / "p.db")
    out = run([venv / "bin" / "annotator", "train", "p.db", "-o", "model", "--steps", "20"],
              cwd=work, env=env)
    assert "entity F" in out
    meta = json.loads((work / "model" / "meta.json").read_text(encoding="utf-8"))
    assert meta["pipeline"][-2:] == ["entity_ruler", "ner"]
    # the ruler holds the gazetteer shipped in the wheel, genitives added
    ruler = (work / "model" / "entity_ruler" / "patterns.jsonl").read_text(encoding="utf-8")
    assert '"pattern":"Frankreichs"' in ruler.replace(" ", "")
    # the installed package's German, found without the source tree's .ts files
    german = run([venv / "bin" / "python", "-c", GERMAN], cwd=work,
                 env=env | {"QT_QPA_PLATFORM": "offscreen"})
    assert german.split() == ["&Datei", str(Path(where.strip()).parent / "resources" / "i18n")]


GERMAN = """
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from annotator.ui import i18n
i18n.install("de")
print(QCoreApplication.translate("MainWindow", "&File"), i18n.compiled("de"))
"""
