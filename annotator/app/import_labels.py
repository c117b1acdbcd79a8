"""The project's label mapping for imports: which labels of other tools' files are claims or
sources (io/label_layers.py), kept as ``LABEL=layer`` lines in the project's settings so that
every import into it, from the window or the command line, uses it."""

from __future__ import annotations

from annotator.core.model import Layer
from annotator.core.names import LABEL_LAYERS_SETTING
from annotator.io.label_layers import DEFAULT_LAYERS, mapping_lines
from annotator.store import Project

WHERE = "label layers"


def project_layers(project: Project) -> dict[str, Layer]:
    """The default mapping with the project's lines over it (bad lines are refused when set,
    so a stored mapping always reads)."""
    return {**DEFAULT_LAYERS, **mapping_lines(mapping_text(project), WHERE)}


def mapping_text(project: Project) -> str:
    """The project's ``LABEL=layer`` lines as the user wrote them ("" for none)."""
    return project.setting(LABEL_LAYERS_SETTING) or ""


def set_mapping_text(project: Project, text: str) -> None:
    """Keep these lines as the project's mapping; raises ValueError naming a bad line, and
    then nothing changes."""
    mapping_lines(text, WHERE)
    project.set_setting(LABEL_LAYERS_SETTING, text.strip() or None)
