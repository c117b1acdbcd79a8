"""Importers and exporters of the dataset formats; no Qt, no store.

The names below load their module on first use (PEP 562), so importing one small module of
the package (``annotator.io.label_layers``) does not load every reader with it: the window
starts without them."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

_WHERE = {
    "ImportFailure": "common", "ImportItem": "common", "ImportProblem": "common",
    "ImportSkip": "common", "ImportWarning": "common", "printable": "common",
    "DecodeError": "decode", "decode_bytes": "decode",
    "parse_html": "html",
    "IMPORTABLE_SUFFIXES": "importer", "is_importable": "importer", "iter_file": "importer",
    "iter_import": "importer", "iter_targets": "importer",
    "parse_task": "jsonl", "parse_task_line": "jsonl",
    "parse_text": "text",
}

__all__ = [
    "DecodeError",
    "IMPORTABLE_SUFFIXES",
    "ImportFailure",
    "ImportItem",
    "ImportProblem",
    "ImportSkip",
    "ImportWarning",
    "decode_bytes",
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

if TYPE_CHECKING:
    from annotator.io.common import (
        ImportFailure,
        ImportItem,
        ImportProblem,
        ImportSkip,
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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'annotator.io' has no attribute '{name}'")
    value = getattr(import_module(f"annotator.io.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
