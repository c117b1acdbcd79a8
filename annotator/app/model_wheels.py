"""Suggestion models the user can choose: installed spaCy pipelines, the bundled one, a folder,
or a pipeline wheel unpacked into the app's own data folder (offline, no dependencies: a wheel
is a zip archive, so no pip is needed, which a bundled app does not have)."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from importlib.metadata import entry_points
from pathlib import Path, PurePosixPath

from annotator.app.folders import models_dir


def installed_pipelines() -> list[str]:
    """Names of the spaCy pipeline packages installed (their entry points; spaCy not loaded)."""
    return sorted({ep.name for ep in entry_points(group="spacy_models")})


def wheel_target(wheel: Path) -> Path:
    """The folder a wheel is installed into: one per wheel, named after its package."""
    return models_dir() / wheel.name.split("-")[0]


class WheelError(Exception):
    """A wheel that cannot be used, with the file's name and the reason."""


def unpack_wheel(wheel: Path, target: Path) -> Path:
    """Unpack a spaCy pipeline wheel into ``target`` (replacing an earlier one only once the
    new one is complete) and return the pipeline folder inside it."""
    try:
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            unsafe = [n for n in names if PurePosixPath(n).is_absolute() or ".." in
                      PurePosixPath(n).parts]
            if unsafe:
                raise WheelError(f"{wheel.name}: a path outside the wheel: {unsafe[0]}")
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
            try:
                archive.extractall(staging)
                if pipeline_folder(staging) is None:
                    raise WheelError(f"{wheel.name}: no spaCy pipeline (config.cfg and "
                                     "meta.json) inside")
                shutil.rmtree(target, ignore_errors=True)
                staging.rename(target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (OSError, zipfile.BadZipFile) as exc:
        raise WheelError(f"{wheel.name}: {exc}") from exc
    found = pipeline_folder(target)
    assert found is not None
    return found


def pipeline_folder(target: Path) -> Path | None:
    """The pipeline inside an installed wheel's folder: the folder with config.cfg and
    meta.json (a spaCy package keeps it as package/package-version/)."""
    found = sorted(p.parent for p in target.glob("*/*/config.cfg")
                   if (p.parent / "meta.json").is_file())
    if not found:
        found = sorted(p.parent for p in target.glob("*/config.cfg")
                       if (p.parent / "meta.json").is_file())
    return found[-1] if found else None
