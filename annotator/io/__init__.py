"""Importers for plain text, JSONL (Prodigy, doccano) and saved HTML pages; no Qt, no store."""

from annotator.io.common import (
    ImportFailure,
    ImportItem,
    ImportProblem,
    ImportWarning,
    printable,
)
from annotator.io.decode import DecodeError, decode_bytes
from annotator.io.html import parse_html
from annotator.io.importer import (
    IMPORTABLE_SUFFIXES,
    is_importable,
    iter_file,
    iter_import,
    iter_targets,
)
from annotator.io.jsonl import parse_task, parse_task_line
from annotator.io.text import parse_text

__all__ = [
    "DecodeError",
    "ImportFailure",
    "ImportItem",
    "ImportProblem",
    "ImportWarning",
    "decode_bytes",
    "IMPORTABLE_SUFFIXES",
    "is_importable",
    "iter_file",
    "iter_import",
    "iter_targets",
    "parse_html",
    "parse_task",
    "parse_task_line",
    "parse_text",
    "printable",
]
