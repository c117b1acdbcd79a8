"""Reading doccano's relation export: a JSONL line with ``text``, ``entities`` (``id``,
``label``, ``start_offset``, ``end_offset``) and ``relations`` (``from_id``, ``to_id``,
``type``). Entities are spans, relations links between them; which labels are claims or
sources is decided after reading (io/label_layers.py). doccano's sequence-labeling form
(``label: [[start, end, LABEL], …]``) is io/jsonl.py's, its offsets converted here.

doccano counts offsets in UTF-16 code units (its editor is JavaScript); we store code points.
A line with an offset between the two units of one character beyond U+FFFF was not counted
so (a tool counting code points wrote it): its offsets are taken as they are."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer
from annotator.core.spans import Utf16Index
from annotator.io.common import ImportProblem, Why, is_int, no_label
from annotator.io.foreign_spans import Offsets, Plain, article
from annotator.io.label_layers import RELATED
from annotator.io.records import list_of, object_of


def parse_doccano_relations(task: dict[str, Any], source: str, plain: Plain
                            ) -> ArticleDraft:
    """One line of the relation form → draft with entity spans and links (keys ``T<id>``)."""
    fields = {key: value for key, value in task.items() if key not in ("entities", "relations")}
    draft = article(fields, source, plain)
    offsets = Offsets(draft.text)
    items = [object_of(raw, f"entities[{n}]")
             for n, raw in enumerate(list_of(task["entities"], '"entities"'))]
    cp = from_utf16(draft.text, (item.get(name) for item in items
                                 for name in ("start_offset", "end_offset")))
    keys: dict[str, str] = {}
    for n, item in enumerate(items):
        where = f"entities[{n}]"
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise no_label(where)
        start, end = offsets.place(cp(item.get("start_offset")), cp(item.get("end_offset")),
                                   None, where)
        key = f"T{len(draft.annotations) + 1}"
        keys.setdefault(json.dumps(item.get("id", key)), key)
        draft.annotations.append(DocSpan(key, Layer.ENTITY, start, end, label.strip()))
    for n, raw in enumerate(list_of(task["relations"], '"relations"')):
        item = object_of(raw, f"relations[{n}]")
        ends = [keys.get(json.dumps(item.get(name))) for name in ("from_id", "to_id")]
        if ends[0] is None or ends[1] is None:
            raise ImportProblem(f"relations[{n}]: from_id and to_id must be ids of entities",
                                kind=Why.RELATION_NOT_ENTITIES, detail=f"relations[{n}]")
        kind = item.get("type")
        kind = kind.strip() if isinstance(kind, str) and kind.strip() else RELATED
        draft.links.append(DocLink(ends[0], ends[1], kind))
    return draft


def code_points(items: list[Any], text: str, key: str) -> list[Any]:
    """A plain task's span list ``key`` with doccano's spans (``[start, end, label]`` under
    ``label``/``labels``, objects with ``start_offset`` and no ``start`` under any key) at
    code point offsets (``from_utf16``)."""
    if text.isascii():
        return items
    lists = key in ("label", "labels")
    spans = [(n, item) for n, item in enumerate(items)
             if lists and isinstance(item, list) and len(item) == 3
             or isinstance(item, dict) and "start_offset" in item and "start" not in item]
    cp = from_utf16(text, (offset for _, item in spans for offset in _ends(item)))
    if cp is _same:
        return items
    found = list(items)
    for n, item in spans:
        start, end = (cp(offset) for offset in _ends(item))
        found[n] = [start, end, item[2]] if isinstance(item, list) else {
            **item, "start_offset": start, "end_offset": end}
    return found


def _ends(item: list[Any] | dict[str, Any]) -> tuple[Any, Any]:
    if isinstance(item, list):
        return item[0], item[1]
    return item.get("start_offset"), item.get("end_offset")


def from_utf16(text: str, offsets: Iterable[Any]) -> Callable[[Any], Any]:
    """How one line's doccano offsets become code points: from UTF-16 units, or unchanged
    when the text has no character beyond U+FFFF or one offset splits such a character (then
    they were not UTF-16 units). What is no integer stays as it is (to be refused)."""
    index = Utf16Index(text)
    if not index.astral:
        return _same
    inside = {index.to_utf16(cp) + 1 for cp in index.astral}  # between a character's two units
    if any(is_int(offset) and offset in inside for offset in offsets):
        return _same
    return lambda offset: index.to_codepoint(offset) if is_int(offset) else offset


def _same(offset: Any) -> Any:
    return offset
