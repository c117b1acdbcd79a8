"""Where the bundled sample corpus lies inside the installed package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def sample_corpus_dir() -> Path:
    """The folder of sample articles shipped with the package."""
    return Path(str(files("annotator") / "resources" / "sample"))
