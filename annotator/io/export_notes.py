"""What a format's writer tells about the export it wrote, as data: which note, the file, a
count and the names it concerns (spans a format cannot hold, claims it left out, tokens whose
control characters became pictures). The words are app/export_texts.py's (``written``), in
the interface's language with nouns that agree with their numbers; io holds no wording.

A writer logs the note on its ``annotator.io`` logger with the note as ``record.export_note``:
the export (app/exporting.py) hears it there and words it for its report; a writer run on its
own logs the note's fields."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from msgspec import Struct


class Kind(StrEnum):
    """Which note: each has its own words (one and many) in app/export_texts.py."""

    NESTED_ENTITIES = "nested entities"  # CoNLL: overlapping or white-space-only spans left out
    CONTROL_CHARACTERS = "control characters"  # CoNLL: articles whose tokens show pictures
    OVERLAPPING_SPANS = "overlapping spans"  # Prodigy: spans that overlap others left out
    CLAIMS_DISAGREE = "claims disagree"  # FEVER: claims whose verdict and group disagree
    CLAIMS_UNREVIEWED = "claims unreviewed"  # fact-checking formats: articles not marked done


class WriterNote(Struct, frozen=True):
    """A note on one written file: ``count`` things (spans, claims, articles), ``names`` the
    ones named (titles, a claim's words), all of them."""

    kind: Kind
    file: str
    count: int
    names: tuple[str, ...] = ()


def tell(logger: logging.Logger, kind: Kind, path: Path, count: int,
         names: Iterable[str] = ()) -> None:
    """Log the note about the file at ``path`` (by its name) as a warning."""
    note = WriterNote(kind, path.name, count, tuple(names))
    logger.warning("%s", note, extra={"export_note": note})
