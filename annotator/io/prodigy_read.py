"""Prodigy's tasks as passes over a text: a task with ``relations`` (``rel.manual``) or a line
of our prodigy export's claims or sources file (``SPLIT.claims.jsonl``, io/export_prodigy.py)
gives its spans as annotations of their layer and its relations as links, so that a second
pass over a known text can merge into the annotator's version (store/import_versions.py)."""

from __future__ import annotations

import json
import re
from typing import Any

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer, Provenance
from annotator.io.common import ImportProblem, Why, is_int, json_type, no_label
from annotator.io.label_layers import RELATED
from annotator.io.records import FIELDS, list_of, object_of

_FILE_LAYER = re.compile(r"\.(claims|sources)\.jsonl(?::\d+)?$")
_LAYERS = {"claims": Layer.CLAIM, "sources": Layer.SOURCE}


def file_layer(source: str) -> Layer:
    """The layer of the file a task came from (``path:line``): claims or sources for our
    export's files of those layers, else entities."""
    found = _FILE_LAYER.search(source)
    return _LAYERS[found.group(1)] if found else Layer.ENTITY


def free_meta(inner: dict[str, Any]) -> dict[str, Any]:
    """A Prodigy task's ``meta`` as free metadata: without the article's fields (as our
    export writes them) that say nothing (null), its source path and its status (the task's
    ``answer`` says where the work stands)."""
    return {key: value for key, value in inner.items() if key not in FIELDS
            or value is not None and key not in ("source_path", "status")}


def as_pass(draft: ArticleDraft, task: dict[str, Any], source: str) -> ArticleDraft:
    """The plain task's draft with its spans in the file's layer and its relations as links
    (``head_span``/``child_span``, else ``head``/``child``: the token a span ends on); the
    draft unchanged for an entities task without relations. An end that is not among the
    task's spans is added: in a claims file it is a source (ours keep them in the sources
    file)."""
    layer, relations = file_layer(source), task.get("relations")
    if layer is Layer.ENTITY and not relations:
        if relations is not None:
            draft.meta["relations"] = relations
        return draft
    made = Provenance(draft.annotator) if draft.annotator else None
    spans = {(s.start, s.end, s.label): DocSpan(f"P{n}", layer, s.start, s.end, s.label,
                                                made=made)
             for n, s in enumerate(draft.spans, 1)}
    ends = _token_ends(task.get("spans"), spans)
    child_layer = Layer.SOURCE if layer is Layer.CLAIM else layer
    links, unread = [], []
    for index, raw in enumerate(list_of(relations or [], '"relations"')):
        where = f"relations[{index}]"
        item = object_of(raw, where)
        head, child = (_end(item, name, spans, ends, draft.text, where, made, end_layer)
                       for name, end_layer in (("head", layer), ("child", child_layer)))
        kind = item.get("label") or RELATED
        if not isinstance(kind, str):
            raise ImportProblem(f'{where}: "label" must be a string, got {json_type(kind)}',
                                kind=Why.LABEL_NOT_STRING, detail=where,
                                values=(json_type(kind),))
        if head is None or child is None:
            unread.append(raw)  # names no span: kept in the metadata, as before
        else:
            links.append(DocLink(head.key, child.key, kind))
    if unread:
        draft.meta["relations"] = unread
    if links or layer is not Layer.ENTITY:
        draft.spans, draft.annotations, draft.links = [], list(spans.values()), links
    return draft


def _token_ends(items: Any, spans: dict[tuple[Any, ...], DocSpan]) -> dict[int, DocSpan]:
    """The task's spans by the token they end on (``token_end``), where they say."""
    found: dict[int, DocSpan] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and is_int(item.get("token_end")):
            span = spans.get((item.get("start"), item.get("end"), item.get("label")))
            if span is not None:
                found[item["token_end"]] = span
    return found


def _end(item: dict[str, Any], name: str, spans: dict[tuple[Any, ...], DocSpan],
         ends: dict[int, DocSpan], text: str, where: str, made: Provenance | None,
         layer: Layer) -> DocSpan | None:
    """A relation's head or child span: the task's span it names, or a new one; None when
    it names none (no ``head_span`` and no span ends on its ``head`` token)."""
    given = item.get(f"{name}_span")
    if given is None:
        token = item.get(name)
        return ends.get(token) if is_int(token) else None
    given = object_of(given, f"{where}.{name}_span")
    start, end, label = given.get("start"), given.get("end"), given.get("label")
    if (start, end, label) in spans:
        return spans[(start, end, label)]
    if not is_int(start) or not is_int(end) or not 0 <= start < end <= len(text):
        raise ImportProblem(f"{where}.{name}_span: span {json.dumps(start)}-{json.dumps(end)} "
                            f"does not fit the text (length {len(text)})",
                            kind=Why.END_SPAN_MISFIT, detail=f"{where}.{name}_span",
                            values=(json.dumps(start), json.dumps(end)), numbers=(len(text),))
    if not isinstance(label, str) or not label.strip():
        raise no_label(f"{where}.{name}_span")
    span = DocSpan(f"P{len(spans) + 1}", layer, start, end, label.strip(), made=made)
    spans[(start, end, label)] = span
    return span
