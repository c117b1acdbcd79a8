"""One build step besides pyproject.toml: the interface's translations (resources/i18n/*.ts)
compiled with PySide6's lrelease into the package, annotator/resources/i18n/*.qm. An editable
install (pip install -e .) writes them into the source tree (ignored by git)."""

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "resources" / "i18n"
TARGET = Path("annotator", "resources", "i18n")


def lrelease() -> Path:
    import PySide6  # a build requirement (pyproject.toml)

    return Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else
                                            "lrelease")


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        out = (HERE if self.editable_mode else Path(self.build_lib)) / TARGET
        out.mkdir(parents=True, exist_ok=True)
        for ts in sorted(SOURCES.glob("*.ts")):
            qm = out / ts.with_suffix(".qm").name
            subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
