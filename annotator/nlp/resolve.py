"""Pick and load the German NER pipeline: explicit name, an installed de_core_news_*, or bundled.

spaCy is imported inside functions only: the GUI imports this package at start-up.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.model import ModelInfo

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

BUNDLED_NAME = "de_annotator_ner"
INSTALLED_CANDIDATES: tuple[str, ...] = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")


class ModelError(Exception):
    """A pipeline cannot be used for German entity suggestions; the message says which and why."""

    def __init__(self, model: str, reason: str) -> None:
        super().__init__(f"Model {model!r} cannot be used: {reason}")
        self.model = model
        self.reason = reason


def bundled_model_path() -> Path:
    """Folder of the pipeline shipped inside the annotator package (beside this one: no
    importlib.resources, which would load with the window only for this)."""
    return Path(__file__).parent.parent / "resources" / "models" / BUNDLED_NAME


def _locate(name: str) -> Path | None:
    """Folder of a pipeline given as a path or as an installed package name, or None."""
    import spacy.util

    path = Path(name).expanduser()
    if path.is_dir():
        return path
    if spacy.util.is_package(name):
        return Path(spacy.util.get_package_path(name))
    return None


def _read_meta(folder: Path) -> dict[str, Any]:
    """meta.json of a pipeline folder (packages keep one at their top level too)."""
    meta_path = folder / "meta.json"
    if not meta_path.is_file():
        return {}
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _check_meta(name: str, meta: dict[str, Any]) -> None:
    """Reject a pipeline built for another language or an incompatible spaCy, before loading."""
    import spacy
    import spacy.util

    if meta.get("lang") and meta["lang"] != "de":
        raise ModelError(name, f"language is {meta['lang']!r}, not German ('de')")
    wanted = meta.get("spacy_version")
    if wanted and spacy.util.is_compatible_version(spacy.__version__, wanted) is False:
        raise ModelError(name, f"needs spaCy {wanted}, installed is {spacy.__version__}")


def check_pipeline(nlp: Language, name: str) -> None:
    """Raise ModelError unless nlp is German and has an ner component."""
    if nlp.lang != "de":
        raise ModelError(name, f"language is {nlp.lang!r}, not German ('de')")
    if "ner" not in nlp.pipe_names:
        raise ModelError(name, f"has no 'ner' component (pipes: {', '.join(nlp.pipe_names)})")


def model_info(nlp: Language, path: Path | None) -> ModelInfo:
    """ModelInfo from a loaded pipeline's meta (package-style name: lang_name)."""
    meta = nlp.meta
    lang = meta.get("lang") or nlp.lang
    name = meta.get("name") or "pipeline"
    full = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
    return ModelInfo(
        name=full, version=str(meta.get("version", "0.0.0")), path=str(path) if path else None
    )


def load_pipeline(name: str | Path) -> tuple[Language, ModelInfo]:
    """Load one named pipeline (package name or folder) and check it, or raise ModelError."""
    import spacy

    label = str(name)
    folder = _locate(label)
    if folder is None:
        raise ModelError(label, "no such folder or installed spaCy package")
    _check_meta(label, _read_meta(folder))
    try:
        nlp = spacy.load(folder if Path(label).expanduser().is_dir() else label)
    except Exception as exc:  # noqa: BLE001 - any load failure means "unusable model"
        raise ModelError(label, f"failed to load ({type(exc).__name__}: {exc})") from exc
    check_pipeline(nlp, label)
    return nlp, model_info(nlp, folder)


def resolve_pipeline(
    name: str | Path | None = None, candidates: tuple[str, ...] = INSTALLED_CANDIDATES
) -> tuple[Language, ModelInfo]:
    """Explicit name if given (errors raise), else first good installed candidate, else bundled."""
    if name:
        return load_pipeline(name)
    import spacy.util

    for candidate in candidates:
        if not spacy.util.is_package(candidate):
            continue
        try:
            return load_pipeline(candidate)
        except ModelError as exc:
            log.warning("skipping installed pipeline: %s", exc)
    bundled = bundled_model_path()
    if not bundled.is_dir():
        raise ModelError(BUNDLED_NAME, f"bundled pipeline missing at {bundled}")
    return load_pipeline(bundled)


def describe(name: str | None) -> str:
    """"name version (F 0.62)" of the suggester a project would use, read from its meta.json
    without loading spaCy (for the status bar)."""
    folder = Path(name).expanduser() if name else bundled_model_path()
    try:
        stamp = (folder / "meta.json").stat().st_mtime_ns
    except OSError:
        return name or BUNDLED_NAME
    return _described(str(folder), stamp) or name or BUNDLED_NAME


@lru_cache(maxsize=16)
def _described(folder: str, _stamp: int) -> str:
    """``describe`` of a model folder, read again when its meta.json changed ("" when it
    cannot be read): the status bar asks after every edit."""
    try:
        meta = json.loads(Path(folder, "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    f = (meta.get("performance") or {}).get("f") or (meta.get("performance") or {}).get("ents_f")
    score = f" (F {f:.2f})" if isinstance(f, int | float) else ""
    return f"{meta.get('name', Path(folder).name)} {meta.get('version', '')}".strip() + score


def load_claims_pipeline(name: str | Path) -> tuple[Language, ModelInfo]:
    """Load a claim span categorizer trained by ``annotator train --layer claims``."""
    import spacy

    from annotator.nlp.claim_spans import register

    register()
    folder = _locate(str(name))
    label = str(name)
    if folder is None:
        raise ModelError(label, "no such folder or installed spaCy package")
    try:
        nlp = spacy.load(folder)
    except Exception as exc:  # noqa: BLE001 - any load failure means "unusable model"
        raise ModelError(label, f"failed to load ({type(exc).__name__}: {exc})") from exc
    if "spancat" not in nlp.pipe_names:
        raise ModelError(label, "has no spancat component (not a claims model)")
    return nlp, model_info(nlp, folder)
