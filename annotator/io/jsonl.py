"""JSONL tasks in Prodigy or doccano style, and our own export (annotator.io.export_jsonl);
texts and span offsets are kept exactly as given."""

from __future__ import annotations

import codecs
import itertools
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from annotator.core import german
from annotator.core.model import ArticleDraft, Span, Status
from annotator.io.common import (
    DATASET_BYTES,
    LINE_BYTES,
    MB,
    ImportFailure,
    ImportItem,
    ImportProblem,
    Why,
    first_line,
    is_int,
    json_type,
    no_label,
    offsets_not_integers,
    open_regular,
    read_limited,
    short_title,
    too_large,
)
from annotator.io.decode import decode_bytes
from annotator.io.doccano_read import code_points
from annotator.io.export_jsonl import is_rich, parse_rich_task
from annotator.io.foreign import is_foreign, parse_foreign
from annotator.io.prodigy_read import as_pass, free_meta

_SPAN_LISTS = ("spans", "label", "labels", "entities")  # Prodigy, doccano (old and new)
_CATEGORY_LISTS = ("label", "labels")  # doccano also uses these for text categories
_NOT_META = {"text", "meta", "tokens", "relations", *_SPAN_LISTS}
_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "sitename", "site_name", "publisher", "medium"),
    "url": ("url", "link", "source_url"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "published_at", "publication_date", "datePublished"),
    "language": ("language", "lang"),
}
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # also the start of the UTF-32 ones
_QUOTE_LIMIT = 40


def iter_jsonl_file(path: Path) -> Iterator[ImportItem]:
    """Stream one task per line; a bad line is one failure and the other lines still import."""
    with open_regular(path) as handle:
        head = handle.read(4096)
        if path.suffix.lower() != ".json" and not _needs_whole_file(head):
            handle.seek(0)
            yield from _iter_lines(path, _bounded_lines(handle))
            return
    notes: list[ImportProblem] = []
    text = decode_bytes(read_limited(path, DATASET_BYTES, "a JSON or UTF-16 JSONL file"), path,
                        warn=notes.append)
    yield from (note.warning(str(path)) for note in notes)
    if path.suffix.lower() == ".json":
        yield from _iter_json_document(path, text)
    else:
        yield from _iter_lines(path, ((n, line, 0) for n, line in enumerate(text.split("\n"), 1)))


def _needs_whole_file(head: bytes) -> bool:
    """UTF-16/32 cannot be split at b"\\n" bytes, so such files are decoded whole first."""
    return head.startswith(_WIDE_BOMS) or b"\x00" in head


def _bounded_lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, byte offset) per line; None for a line over LINE_BYTES, which is skipped
    in chunks so that it is never held in memory whole."""
    offset = 0
    for number in itertools.count(1):
        line: bytes | None = handle.readline(LINE_BYTES + 1)
        if not line:
            return
        start = offset
        offset += len(line)
        if len(line) > LINE_BYTES and not line.endswith(b"\n"):
            while (chunk := handle.readline(MB)) and not chunk.endswith(b"\n"):
                offset += len(chunk)
            offset += len(chunk)
            line = None
        yield number, line, start


def _iter_lines(path: Path, lines: Iterable[tuple[int, bytes | str | None, int]]
                ) -> Iterator[ImportItem]:
    """Parse numbered lines, turning each problem into a failure naming ``file:line``."""
    empty = True
    for number, raw, offset in lines:
        if raw is not None and not raw.strip():
            continue
        empty = False
        notes: list[ImportProblem] = []
        try:
            if raw is None:
                raise ImportProblem(too_large(LINE_BYTES, "one JSONL line"), kind=Why.TOO_LARGE,
                                    detail="one JSONL line", count=LINE_BYTES // MB)
            line = raw if isinstance(raw, str) else decode_bytes(raw, path, warn=notes.append,
                                                                 offset=offset)
            draft = parse_task_line(line.rstrip("\r\n"), f"{path}:{number}")  # for columns
        except ImportProblem as exc:
            yield exc.failure(str(path), number)
            continue
        yield from (note.warning(str(path), number) for note in notes)
        yield draft
    if empty:
        yield ImportFailure(str(path), None, "empty file", Why.EMPTY_FILE)


def _iter_json_document(path: Path, text: str) -> Iterator[ImportItem]:
    """A ``.json`` file may hold one task or a list of tasks; otherwise it is read as JSONL."""
    try:
        document = json.loads(text, strict=False)
    except (json.JSONDecodeError, RecursionError):
        yield from _iter_lines(path, ((n, line, 0) for n, line in enumerate(text.split("\n"), 1)))
        return
    if not isinstance(document, list):
        document, names = [document], [str(path)]
    else:
        names = [f"{path}[{index}]" for index in range(len(document))]
    for task, name in zip(document, names, strict=True):
        try:
            yield parse_task(task, name)
        except ImportProblem as exc:
            yield exc.failure(name)


def parse_task_line(line: str, source: str) -> ArticleDraft:
    """One JSONL line → draft; raises ImportProblem with a reason a person can act on."""
    try:
        task = json.loads(line, strict=False)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"invalid JSON: {exc.msg} (column {exc.colno})",
                            kind=Why.INVALID_JSON, detail=exc.msg, at=exc.colno) from exc
    except RecursionError as exc:
        raise ImportProblem("invalid JSON: nested too deeply", kind=Why.JSON_TOO_DEEP) from exc
    return parse_task(task, source)


def parse_task(task: Any, source: str) -> ArticleDraft:
    """A decoded task → draft with validated spans; unknown keys are kept in ``meta``."""
    if not isinstance(task, dict):
        raise ImportProblem(f"expected a JSON object, got {json_type(task)}",
                            kind=Why.NOT_AN_OBJECT, detail=json_type(task))
    if is_foreign(task):  # Label Studio's JSON and JSON-MIN, doccano's relation form
        return parse_foreign(task, source, parse_task)
    text = _task_text(task)
    if is_rich(task):  # our own export: every layer, links, groups and status come back
        draft = parse_rich_task(task, text, source)
        if task.get("answer") == "reject" and draft.status is Status.DONE:
            draft.status = Status.IN_PROGRESS  # turned down: never done (docs/annotators.md)
        return draft
    meta = {key: value for key, value in task.items() if key not in _NOT_META}
    spans = _task_spans(task, text, meta)
    inner = task.get("meta")
    if isinstance(inner, dict):
        meta.update(free_meta(inner) if "answer" in task else inner)  # "answer": Prodigy's
    elif inner is not None:
        meta["meta"] = inner
    fields = _pop_fields(meta)
    who, answer = task.get("_annotator_id"), task.get("answer")
    named = who.strip() if isinstance(who, str) and who.strip() else None
    return as_pass(ArticleDraft(
        text=text,
        title=fields.get("title") or short_title(first_line(text)),
        outlet=fields.get("outlet"),
        author=fields.get("author"),
        url=fields.get("url"),
        published=fields.get("published"),
        language=fields.get("language") or "de",
        meta=meta,
        source_path=source,
        spans=spans,
        guessed=frozenset() if fields.get("title") else frozenset({"title"}),
        annotator=named,  # an accepted task is their version done, any other in progress
        status=Status.DONE if named and answer == "accept" else None,
    ), task, source)


def _task_text(task: dict[str, Any]) -> str:
    """The task's text, which must be a non-blank string that can be stored as UTF-8."""
    if "text" not in task:
        raise ImportProblem('missing "text"', kind=Why.MISSING_TEXT)
    text = task["text"]
    if not isinstance(text, str):
        raise ImportProblem(f'"text" must be a string, got {json_type(text)}',
                            kind=Why.TEXT_NOT_STRING, detail=json_type(text))
    if not text.strip():
        raise ImportProblem('empty "text"', kind=Why.EMPTY_TEXT)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ImportProblem(f'"text" has a broken \\u escape at offset {exc.start}',
                            kind=Why.BROKEN_ESCAPE, at=exc.start) from exc
    return text


def _task_spans(task: dict[str, Any], text: str, meta: dict[str, Any]) -> list[Span]:
    """Spans from every list a tool may use; doccano category labels go to ``meta``."""
    spans: dict[tuple[int, int, str], Span] = {}  # the first of equal spans, as a set keeps
    for key in _SPAN_LISTS:
        value = task.get(key)
        if value is None:
            continue
        if key in _CATEGORY_LISTS and _is_category(value):
            meta[key] = value  # text classification: "label": "POSITIVE" or ["sport", "politik"]
            continue
        if not isinstance(value, list):
            raise ImportProblem(f'"{key}" must be a list of spans, got {json_type(value)}',
                                kind=Why.SPANS_NOT_A_LIST, detail=key,
                                values=(json_type(value),))
        if key != "spans":  # doccano's offsets count UTF-16 units
            value = code_points(value, text, key)
        for index, item in enumerate(value):
            span = _span(item, text, key, index)
            spans.setdefault((span.start, span.end, span.label), span)
    return [spans[order] for order in sorted(spans)]  # Span's own order, as plain tuples


def _is_category(value: Any) -> bool:
    """A doccano text category: a string or a non-empty list of strings."""
    return isinstance(value, str) or (
        isinstance(value, list) and bool(value) and all(isinstance(item, str) for item in value))


def _span(item: Any, text: str, key: str, index: int) -> Span:
    """Validate one span (``task[key][index]``): integer offsets, 0 <= start < end <=
    len(text), a label."""
    quoted = None
    if isinstance(item, dict):
        start = item["start"] if "start" in item else item.get("start_offset")
        end = item["end"] if "end" in item else item.get("end_offset")
        label, quoted = item.get("label"), item.get("text")
        if type(start) is int and type(end) is int and type(label) is str and quoted is None \
                and 0 <= start < end <= len(text) and label.strip() == label and label:
            return Span(start, end, label)  # the common case, every check below passed
    elif isinstance(item, list) and len(item) == 3:
        start, end, label = item
    else:
        raise ImportProblem(f'{key}[{index}]: expected {{"start", "end", "label"}} or '
                            "[start, end, label]", kind=Why.SPAN_SHAPE, detail=f"{key}[{index}]")
    where = f"{key}[{index}]"
    if not is_int(start) or not is_int(end):
        raise offsets_not_integers(where, start, end)
    if label is not None and not isinstance(label, str):
        raise ImportProblem(f'{where}: "label" must be a string, got {json_type(label)}',
                            kind=Why.LABEL_NOT_STRING, detail=where, values=(json_type(label),))
    if not isinstance(label, str) or not label.strip():
        raise no_label(where)
    if start >= end:
        raise ImportProblem(f"{where}: start {start} is not before end {end}",
                            kind=Why.SPAN_BACKWARDS, detail=where, numbers=(start, end))
    if start < 0 or end > len(text):
        raise ImportProblem(f"{where}: span {start}-{end} is outside the text (length {len(text)})",
                            kind=Why.SPAN_OUTSIDE, detail=where, numbers=(start, end, len(text)))
    if isinstance(quoted, str) and text[start:end] != quoted:
        covered, given = _quote(text[start:end]), _quote(quoted)
        raise ImportProblem(
            f"{where}: span {start}-{end} covers {covered} but its text is {given} (offsets "
            "must count Unicode code points)", kind=Why.SPAN_TEXT_DIFFERS, detail=where,
            numbers=(start, end), values=(covered, given))
    return Span(start, end, label.strip())


def _pop_fields(meta: dict[str, Any]) -> dict[str, str]:
    """Move the meta keys that ArticleDraft has fields for out of ``meta``."""
    fields: dict[str, str] = {}
    for name, keys in _FIELDS.items():
        for key in keys:
            value = _field_value(name, meta.get(key))
            if value is not None:
                fields[name] = value
                del meta[key]
                break
    return fields


def _field_value(name: str, value: Any) -> str | None:
    """A usable string for a draft field, or None to leave the key in ``meta``."""
    if isinstance(value, list) and name == "author":
        value = ", ".join(str(item).strip() for item in value if str(item).strip())
    if isinstance(value, (int, float)) and not isinstance(value, bool) and name != "published":
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    if name == "published":
        return _iso_date(value)
    return value.strip()


@lru_cache(maxsize=4096)  # a corpus has a few hundred dates: each read once
def _iso_date(value: str) -> str | None:
    found = german.parse_date_line(value)
    return found.date.iso if found else None




def _quote(text: str) -> str:
    """A short quoted excerpt for messages."""
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1] + "…"
    return json.dumps(text, ensure_ascii=False)
