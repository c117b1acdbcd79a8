"""Tasks of other tools that look like JSONL tasks but are not read like them: Label Studio's
JSON and JSON-MIN exports, doccano's relation form (io/jsonl.py hands them over)."""

from __future__ import annotations

from typing import Any

from annotator.core.model import ArticleDraft
from annotator.io.doccano_read import parse_doccano_relations
from annotator.io.foreign_spans import Plain
from annotator.io.label_studio_read import parse_json_min, parse_label_studio


def is_foreign(task: dict[str, Any]) -> bool:
    """Label Studio (``data`` without ``text``; JSON-MIN's ``annotation_id``) or doccano's
    ``entities`` with ``relations``."""
    return ("data" in task and "text" not in task) or "annotation_id" in task or (
        "relations" in task and "entities" in task)


def parse_foreign(task: dict[str, Any], source: str, plain: Plain) -> ArticleDraft:
    """The draft of a task ``is_foreign`` took (``plain`` reads its text and fields as a
    plain task's); raises ImportProblem."""
    if "data" in task and "text" not in task:
        return parse_label_studio(task, source, plain)
    if "annotation_id" in task:
        return parse_json_min(task, source, plain)
    return parse_doccano_relations(task, source, plain)
