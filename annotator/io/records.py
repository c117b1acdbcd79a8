"""The records our JSONL, spaCy and brat exports share: article meta, spans with who made them,
open suggestions, links and claim groups; written and read back (validated) in one place.

A span record::

    {"key": "T1", "layer": "entity", "start": 0, "end": 11, "label": "PER",
     "attrs": {...}, "source": "Anna Berger", "source_kind": "person",
     "_annotator_id": "maria", "_timestamp": 1714644000,
     "model": "de_annotator_ner", "model_version": "1.0.0"}

``attrs``, ``source`` and ``source_kind`` appear only when set; ``_annotator_id`` and
``_timestamp`` (Prodigy's names: who made the span, and when, in Unix seconds) when known;
``model`` and ``model_version`` only for a span a person accepted from a model's suggestion;
``_annotators`` only for a span several annotators' agreeing versions all have, exported once
(their names; ``_annotator_id`` is the one whose version the export took it from).
A suggestion record (an open suggestion: nobody decided on it) has ``layer``, ``start``,
``end``, ``label``, ``model``, ``model_version`` and, when the model gave one, ``score``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from annotator.core.model import (
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Provenance,
    Status,
)
from annotator.io.common import (
    ImportProblem,
    Why,
    first_line,
    is_int,
    no_label,
    offsets_not_integers,
    short_title,
    span_misfit,
)

FIELDS = ("title", "outlet", "author", "url", "published", "language", "source_path", "status")
PROVENANCE_KEYS = ("_annotator_id", "_timestamp", "model", "model_version", "_annotators")
_LAYER_NAMES = frozenset(layer.value for layer in Layer)
_LAYERS = ", ".join(layer.value for layer in Layer)


# --- writing ---------------------------------------------------------------------------------


def article_meta(draft: ArticleDraft) -> dict[str, Any]:
    """The draft's fields and free meta in one object (free meta nested if names clash)."""
    fields = {name: getattr(draft, name) for name in FIELDS}
    fields["status"] = draft.status.value if draft.status is not None else None
    if set(draft.meta) & {*FIELDS, "meta"}:
        return {**fields, "meta": dict(draft.meta)}
    return {**draft.meta, **fields}


def span_record(span: DocSpan) -> dict[str, Any]:
    """A span as every format writes it; attrs, sources and provenance only when set."""
    record: dict[str, Any] = {"key": span.key, "layer": span.layer.value, "start": span.start,
                              "end": span.end, "label": span.label}
    if span.attrs:
        record["attrs"] = span.attrs
    if span.source is not None:
        record["source"] = span.source
    if span.source_kind is not None:
        record["source_kind"] = span.source_kind
    return {**record, **provenance_record(span.made)}


@lru_cache(maxsize=1024)  # spans share their makers: one record each (read, never changed)
def provenance_record(made: Provenance | None) -> dict[str, Any]:
    """Who made a span and when, and the model it was accepted from: the keys that are known."""
    if made is None:
        return {}
    stamp = unix_time(made.at) if made.at else None
    found: dict[str, Any] = {"_annotator_id": made.annotator, "_timestamp": stamp}
    if made.model and made.model_version:
        found |= {"model": made.model, "model_version": made.model_version}
    if made.agreed:
        found["_annotators"] = list(made.agreed)
    return {key: value for key, value in found.items() if value is not None}


def makers(span: DocSpan, default: str | None) -> tuple[str | None, ...]:
    """Whose versions a span is in: everyone who agreed on it (an export's span of agreeing
    versions, written once), else who made it (``default`` when nobody is named)."""
    if span.made is None:
        return (default,)
    return span.made.agreed or (span.made.annotator,)


def suggestion_record(span: DocSpan) -> dict[str, Any]:
    """An open suggestion: where, which label, which model (and its score)."""
    made = span.made or Provenance()
    record: dict[str, Any] = {"layer": span.layer.value, "start": span.start, "end": span.end,
                              "label": span.label, "model": made.model,
                              "model_version": made.model_version}
    if made.score is not None:
        record["score"] = made.score
    return record


def group_record(member: DocGroupMember) -> dict[str, Any]:
    """A claim's membership in a claim group, as every format writes it."""
    return {"group": member.group, "group_key": member.group_key, "span_key": member.span_key,
            "value": member.value, "stance": member.stance, "holds": member.holds}


@lru_cache(maxsize=1024)  # an import stamps all its spans alike: parse each time once
def unix_time(iso: str) -> int | None:
    """An ISO 8601 time as whole Unix seconds (Prodigy's ``_timestamp``); None if unreadable."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return int((when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp())


def iso_time(seconds: int) -> str:
    """Unix seconds as the store's ISO 8601 UTC time."""
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


# --- reading ---------------------------------------------------------------------------------


def parse_spans(items: list[Any], text: str, where: str) -> list[DocSpan]:
    """Validated spans with unique keys."""
    spans: list[DocSpan] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        span = parse_span(item, text, f"{where}[{index}]")
        if span.key in seen:
            raise ImportProblem(f'{where}[{index}]: duplicate key "{span.key}"',
                                kind=Why.DUPLICATE_KEY, detail=f"{where}[{index}]",
                                values=(span.key,))
        seen.add(span.key)
        spans.append(span)
    return spans


def parse_span(item: Any, text: str, where: str) -> DocSpan:
    """One span record: key, known layer, offsets inside the text, label, optional extras."""
    item = object_of(item, where)
    key = item.get("key")
    if not isinstance(key, str) or not key:
        raise ImportProblem(f'{where}: missing or empty "key"', kind=Why.KEY_MISSING,
                            detail=where)
    layer, start, end, label = _place(item, text, where)
    return DocSpan(key, layer, start, end, label,
                   dict(object_of(item.get("attrs", {}), f"{where}.attrs")),
                   source=optional_str(item, "source", where),
                   source_kind=optional_str(item, "source_kind", where),
                   made=parse_provenance(item, where))


def parse_suggestions(items: Any, text: str, where: str) -> list[DocSpan]:
    """Open suggestion records, keyed S1, S2 … in the order given."""
    spans = []
    for index, raw in enumerate(list_of(items, where), start=1):
        here = f"{where}[{index - 1}]"
        item = object_of(raw, here)
        layer, start, end, label = _place(item, text, here)
        model, version = optional_str(item, "model", here), optional_str(item, "model_version",
                                                                         here)
        score = item.get("score")
        if not model or version is None or not (score is None or _is_number(score)):
            raise ImportProblem(f"{here}: a suggestion needs its model and model_version "
                                "(and a number or nothing as score)",
                                kind=Why.SUGGESTION_MODEL, detail=here)
        spans.append(DocSpan(f"S{index}", layer, start, end, label, made=Provenance(
            model=model, model_version=version, score=score)))
    return spans


def parse_provenance(item: dict[str, Any], where: str) -> Provenance | None:
    """A span's ``_annotator_id``, ``_timestamp``, ``model``, ``model_version`` and
    ``_annotators`` (io/agreed.py gives each their copy)."""
    if not any(key in item for key in PROVENANCE_KEYS):
        return None
    who, stamp = optional_str(item, "_annotator_id", where), item.get("_timestamp")
    if stamp is not None and not (is_int(stamp) and 0 <= stamp < 2**40):
        raise ImportProblem(f"{where}._timestamp must be Unix seconds, got {json.dumps(stamp)}",
                            kind=Why.TIMESTAMP, detail=where, values=(json.dumps(stamp),))
    model, version = optional_str(item, "model", where), optional_str(item, "model_version",
                                                                      where)
    agreed = item.get("_annotators", [])
    if not (isinstance(agreed, list) and all(isinstance(x, str) and x.strip() for x in agreed)):
        raise ImportProblem(f"{where}._annotators must be a list of names",
                            kind=Why.ANNOTATORS_LIST, detail=where)
    return Provenance(who.strip() or None if who else None,
                      iso_time(stamp) if stamp is not None else None,
                      model if model and version else None, version if model else None,
                      agreed=tuple(x.strip() for x in agreed))


def parse_link(from_key: Any, to_key: Any, kind: Any, attrs: Any,
               spans: dict[str, DocSpan], where: str) -> DocLink:
    """A link whose both ends are spans of this document."""
    for key in (from_key, to_key):
        if not isinstance(key, str) or key not in spans:
            raise _no_span(where, key)
    if not isinstance(kind, str) or not kind:
        raise ImportProblem(f"{where}: missing or empty link kind", kind=Why.LINK_KIND_MISSING,
                            detail=where)
    return DocLink(from_key, to_key, kind, dict(object_of(attrs, f"{where}.attrs")))


def _no_span(where: str, key: Any) -> ImportProblem:
    return ImportProblem(f"{where}: no span with key {json.dumps(key)}",
                         kind=Why.NO_SPAN_WITH_KEY, detail=where, values=(json.dumps(key),))


def parse_groups(items: list[Any], spans: dict[str, DocSpan], where: str) -> list[DocGroupMember]:
    """Claim group memberships, each naming a span of this document."""
    members = []
    for index, raw in enumerate(items):
        here = f"{where}[{index}]"
        item = object_of(raw, here)
        if not isinstance(item.get("span_key"), str) or item["span_key"] not in spans:
            raise _no_span(here, item.get("span_key"))
        texts = [item.get(name, "") for name in ("group", "group_key", "value", "stance")]
        if not all(isinstance(value, str) for value in texts) or not texts[1]:
            raise ImportProblem(f"{here}: group, group_key, value and stance must be strings "
                                "(group_key not empty)", kind=Why.GROUP_FIELDS, detail=here)
        if not isinstance(item.get("holds", False), bool):
            raise ImportProblem(f'{here}: "holds" must be true or false',
                                kind=Why.HOLDS_NOT_BOOL, detail=here)
        group, group_key, value, stance = texts
        members.append(DocGroupMember(group, group_key, item["span_key"], value, stance,
                                      item.get("holds", False)))
    return members


def draft_from_meta(text: str, meta: dict[str, Any], source: str, spans: list[DocSpan],
                    links: list[DocLink], groups: list[DocGroupMember]) -> ArticleDraft:
    """A draft from our meta object; fields are taken as written so a re-export is identical."""
    fields = {name: optional_str(meta, name, "meta") for name in FIELDS}
    if "meta" in meta:
        free = dict(object_of(meta["meta"], "meta.meta"))
    else:
        free = {key: value for key, value in meta.items() if key not in FIELDS}
    status = fields.pop("status")
    if status is not None and status not in {s.value for s in Status}:
        raise ImportProblem(f"meta.status: unknown status {json.dumps(status)}",
                            kind=Why.UNKNOWN_STATUS, values=(json.dumps(status),))
    return ArticleDraft(
        text=text, title=fields["title"] or short_title(first_line(text)),
        outlet=fields["outlet"], author=fields["author"], url=fields["url"],
        published=fields["published"], language=fields["language"] or "de", meta=free,
        source_path=fields["source_path"] if "source_path" in meta else source,
        annotations=spans, links=links, groups=groups,
        status=Status(status) if status is not None else None,
    )


def _place(item: dict[str, Any], text: str, where: str) -> tuple[Layer, int, int, str]:
    """A record's known layer, offsets inside the text and label."""
    if not isinstance(item.get("layer"), str) or item["layer"] not in _LAYER_NAMES:
        found = json.dumps(item.get("layer"))
        raise ImportProblem(f"{where}: unknown layer {found} (use {_LAYERS})",
                            kind=Why.UNKNOWN_LAYER, detail=where, values=(found, _LAYERS))
    start, end, label = item.get("start"), item.get("end"), item.get("label")
    if not is_int(start) or not is_int(end):
        raise offsets_not_integers(where, start, end)
    if not 0 <= start < end <= len(text):
        raise span_misfit(where, start, end, len(text))
    if not isinstance(label, str) or not label.strip():
        raise no_label(where)
    return Layer(item["layer"]), start, end, label


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def object_of(value: Any, where: str) -> dict[str, Any]:
    """A JSON object, or a problem naming where one was expected."""
    if not isinstance(value, dict):
        raise ImportProblem(f"{where} must be an object", kind=Why.MUST_BE_OBJECT, detail=where)
    return value


def list_of(value: Any, where: str) -> list[Any]:
    """A JSON list, or a problem naming where one was expected."""
    if not isinstance(value, list):
        raise ImportProblem(f"{where} must be a list", kind=Why.MUST_BE_LIST, detail=where)
    return value


def optional_str(item: dict[str, Any], name: str, where: str) -> str | None:
    """A string or null field."""
    value = item.get(name)
    if value is not None and not isinstance(value, str):
        raise ImportProblem(f"{where}.{name} must be a string or null", kind=Why.STRING_OR_NULL,
                            detail=f"{where}.{name}")
    return value
