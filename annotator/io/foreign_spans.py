"""What the readers of other tools' tasks share (Label Studio, doccano): the article from the
task's text and fields, offsets in code points (or UTF-16 units, converted), who annotated."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from annotator.core.model import ArticleDraft
from annotator.core.spans import Utf16Index
from annotator.io.common import ImportProblem, Why, is_int, offsets_not_integers, span_misfit
from annotator.io.records import iso_time, unix_time

Plain = Callable[[Any, str], ArticleDraft]  # io/jsonl.parse_task: a plain task's draft
SPAN_KEYS = frozenset({"spans", "label", "labels", "entities", "tokens"})  # jsonl reads these
_QUOTE = 40


def article(fields: dict[str, Any], source: str, plain: Plain) -> ArticleDraft:
    """The draft ``plain`` makes of a task of these fields (title, date, url … and free meta,
    as io/jsonl.py reads them), its text from ``text`` or else the longest string field."""
    key = "text" if "text" in fields else _longest(fields)
    if key is None:
        raise ImportProblem('missing "text" (no field holds a text)', kind=Why.NO_TEXT_FIELD)
    task = {name: value for name, value in fields.items() if name not in SPAN_KEYS}
    task["text"] = task.pop(key)
    draft = plain(task, source)
    draft.meta.update({name: fields[name] for name in SPAN_KEYS & fields.keys()})
    return draft


def _longest(fields: dict[str, Any]) -> str | None:
    texts = [(len(value), name) for name, value in fields.items() if isinstance(value, str)]
    return max(texts)[1] if texts else None


class Offsets:
    """Places foreign offsets in a text: code points, or UTF-16 units (what JavaScript counts,
    so tools in a browser may give) when only those fit the span's quoted text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._utf16: Utf16Index | None = None

    def place(self, start: Any, end: Any, quoted: Any, where: str) -> tuple[int, int]:
        """Code point offsets of a span; raises ImportProblem naming ``where``."""
        text = self.text
        if not is_int(start) or not is_int(end):
            raise offsets_not_integers(where, start, end)
        fits = 0 <= start < end <= len(text)
        if not isinstance(quoted, str) or fits and text[start:end] == quoted:
            if not fits:
                raise span_misfit(where, start, end, len(text))
            return start, end
        self._utf16 = self._utf16 or Utf16Index(text)
        a, b = self._utf16.to_codepoint(start), self._utf16.to_codepoint(end)
        if 0 <= a < b <= len(text) and text[a:b] == quoted:
            return a, b
        raise ImportProblem(f"{where}: span {start}-{end} is not its text {_quote(quoted)} "
                            "(counted in code points or in UTF-16 units)",
                            kind=Why.SPAN_NOT_ITS_TEXT, detail=where, numbers=(start, end),
                            values=(_quote(quoted),))


def label_list(value: Any, where: str) -> list[str]:
    """A span's labels: a non-empty list of non-blank strings."""
    if not isinstance(value, list) or not value or not all(
            isinstance(label, str) and label.strip() for label in value):
        raise ImportProblem(f'{where}: "labels" must be a non-empty list of labels',
                            kind=Why.LABELS_NOT_LIST, detail=where)
    return [label.strip() for label in value]


def person(value: Any, fallback: str | None = None) -> str | None:
    """An annotator's name from a tool's user field: an e-mail or name as it is, a user
    object's ``email`` (else ``username``), a number as ``ls-user-N``; else ``fallback``."""
    if isinstance(value, dict):
        value = value.get("email") or value.get("username") or value.get("id")
    if is_int(value):
        return f"ls-user-{value}"
    if isinstance(value, str) and value.strip():
        return value.strip()
    return fallback


def stamp(value: Any) -> str | None:
    """A tool's ISO 8601 time as the store's (UTC, whole seconds); None if unreadable."""
    if not isinstance(value, str):
        return None
    seconds = unix_time(value.replace("Z", "+00:00"))
    return iso_time(seconds) if seconds is not None else None


def _quote(text: str) -> str:
    return json.dumps(text if len(text) <= _QUOTE else text[:_QUOTE - 1] + "…",
                      ensure_ascii=False)
