"""The annotation layers, apart from core.model so that core/documents.py can name them
without importing core.model (which gives ``Layer`` too)."""

from __future__ import annotations

from enum import StrEnum


class Layer(StrEnum):
    """Annotation layers; overlapping spans in different layers are allowed."""

    ENTITY = "entity"
    CLAIM = "claim"
    SOURCE = "source"
    STRUCTURE = "structure"  # zones: headline, dateline, teaser, ... (core.zones)
