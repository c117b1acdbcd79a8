"""JSONL export in Prodigy's task form, with every layer, link and claim group; and its read-back.

One task per line (keys sorted, UTF-8 with ``ensure_ascii=False``, ``\\n`` after each line)::

    {"_input_hash": -1402255466, "_task_hash": 880131842, "answer": "accept",
     "groups": [{"group": "Wochentag", "group_key": "G1", "holds": true,
                 "span_key": "T3", "stance": "", "value": "Mittwoch"}],
     "meta": {"author": null, "language": "de", "outlet": "Elbtal-Bote",
              "published": "2024-05-02", "source_path": "a.txt", "status": "done",
              "title": "…", "url": null, ...free meta...},
     "relations": [{"attrs": {"cue": "sagte", "quote_type": "reported"},
                    "child": 1, "child_span": {"end": 11, "key": "T2", "label": "SOURCE",
                                               "start": 0, "token_end": 1, "token_start": 0},
                    "head": 9, "head_span": {...the claim, same keys...},
                    "label": "attributed_to"}],
     "spans": [{"attrs": {"kind": "factual"}, "end": 60, "key": "T3", "label": "CLAIM",
                "layer": "claim", "source": "Anna Berger", "source_kind": "person",
                "start": 22, "token_end": 9, "token_start": 4}],
     "text": "…",
     "tokens": [{"end": 4, "id": 0, "start": 0, "text": "Anna", "ws": true}]}

Offsets are code points; ``token_end`` is inclusive (Prodigy's convention). Tokens come from
the shared tokenizer, split at every span boundary. A span that starts or ends on the single
space after a token gets the tokens it contains; a span of white space only gets the token
the space follows. ``head``/``child`` are the ``token_end`` of the head (link's ``from``) and
child (link's ``to``) span. ``attrs``, ``source`` and ``source_kind`` appear only when set.
``layer`` is any ``Layer``: ``entity``, ``claim``, ``source`` or ``structure`` (zones, read
back as zones, never as entities).

``meta`` holds title, outlet, author, url, published, language, source_path and status, and
the article's free meta beside them; should a free key clash with one of those names (or be
``meta``), the free meta goes whole into ``meta.meta`` instead. ``groups`` is written even
when empty: it marks a line as ours, as do spans with ``key``/``layer``.

``_input_hash`` is a signed 32-bit BLAKE2b hash of ``{"text": text}`` as compact sorted JSON;
``_task_hash`` hashes the input hash, a space and the ``spans`` list as compact sorted JSON
(Prodigy's idea with a stdlib hash: stable across runs, machines and Python versions).
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import count
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft, DocGroupMember, DocLink, DocSpan, Layer, Status
from annotator.io.common import ImportProblem, first_line, is_int, short_title
from annotator.io.tokens import Token, tokenize

FIELDS = ("title", "outlet", "author", "url", "published", "language", "source_path", "status")
_DUMPS: dict[str, Any] = {"ensure_ascii": False, "sort_keys": True}
_LAYER_NAMES = frozenset(layer.value for layer in Layer)
_LAYERS = ", ".join(layer.value for layer in Layer)


# --- writing ---------------------------------------------------------------------------------


def write_jsonl(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """Write one task per article; the same drafts always give the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for draft in drafts:
            out.write(json.dumps(task_of(draft), **_DUMPS).translate(_LINE_BREAKS) + "\n")
    return [path]


# Line ends JSON leaves raw but Python's str.splitlines (and some editors) takes for
# a line end: escaped, so one task is always one line for every reader.
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


def task_of(draft: ArticleDraft) -> dict[str, Any]:
    """The Prodigy-style task of one article, with our layers, links and groups."""
    spans = all_spans(draft)
    tokens = tokenize(draft.text, boundaries(spans))
    ranges = token_ranges(tokens, spans)
    records = {s.key: {**span_record(s), "token_start": first, "token_end": last}
               for s, (first, last) in zip(spans, ranges, strict=True)}
    input_hash = stable_hash(_canonical({"text": draft.text}))
    span_list = list(records.values())
    return {
        "text": draft.text,
        "meta": article_meta(draft),
        "tokens": [{"text": t.text, "start": t.start, "end": t.end, "id": n, "ws": t.ws}
                   for n, t in enumerate(tokens)],
        "spans": span_list,
        "relations": [_relation(link, records) for link in draft.links],
        "groups": [group_record(member) for member in draft.groups],
        "_input_hash": input_hash,
        "_task_hash": stable_hash(f"{input_hash} {_canonical(span_list)}"),
        "answer": "accept",
    }


def all_spans(draft: ArticleDraft) -> list[DocSpan]:
    """The draft's annotations, plus its plain entity spans (a draft no project made) as keyed
    entity spans, so a writer never drops them."""
    used = {s.key for s in draft.annotations}
    keys = (key for key in (f"S{n}" for n in count(1)) if key not in used)
    plain = [DocSpan(next(keys), Layer.ENTITY, s.start, s.end, s.label) for s in draft.spans]
    return [*draft.annotations, *plain]


def boundaries(spans: Iterable[DocSpan]) -> tuple[int, ...]:
    """Every span start and end: where the shared tokenizer must cut."""
    return tuple(sorted({o for s in spans for o in (s.start, s.end)}))


def token_ranges(tokens: Sequence[Token], spans: Iterable[DocSpan]) -> list[tuple[int, int]]:
    """First and last (inclusive) token of each span: the tokens inside it; a span of white
    space only gets the token the space follows."""
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    ranges = []
    for span in spans:
        first = bisect_right(ends, span.start)
        last = max(bisect_left(starts, span.end) - 1, 0)
        ranges.append((min(first, last), last))
    return ranges


def article_meta(draft: ArticleDraft) -> dict[str, Any]:
    """The draft's fields and free meta in one object (free meta nested if names clash)."""
    fields = {name: getattr(draft, name) for name in FIELDS}
    fields["status"] = draft.status.value if draft.status is not None else None
    if set(draft.meta) & {*FIELDS, "meta"}:
        return {**fields, "meta": dict(draft.meta)}
    return {**draft.meta, **fields}


def span_record(span: DocSpan) -> dict[str, Any]:
    """A span as both formats write it; attrs and sources only when set."""
    record: dict[str, Any] = {"key": span.key, "layer": span.layer.value, "start": span.start,
                              "end": span.end, "label": span.label}
    if span.attrs:
        record["attrs"] = span.attrs
    if span.source is not None:
        record["source"] = span.source
    if span.source_kind is not None:
        record["source_kind"] = span.source_kind
    return record


def group_record(member: DocGroupMember) -> dict[str, Any]:
    """A claim's membership in a claim group, as both formats write it."""
    return {"group": member.group, "group_key": member.group_key, "span_key": member.span_key,
            "value": member.value, "stance": member.stance, "holds": member.holds}


def _relation(link: DocLink, records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A link in Prodigy's relation form: head is the link's start, child its end."""
    head, child = _end_span(records[link.from_key]), _end_span(records[link.to_key])
    return {"head": head["token_end"], "child": child["token_end"], "head_span": head,
            "child_span": child, "label": link.kind, "attrs": link.attrs}


def _end_span(record: dict[str, Any]) -> dict[str, Any]:
    """The part of a span a relation repeats."""
    names = ("start", "end", "token_start", "token_end", "label", "key")
    return {name: record[name] for name in names}


def stable_hash(value: str) -> int:
    """A signed 32-bit hash that, unlike ``hash()``, is the same in every run."""
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little", signed=True)


def _canonical(value: Any) -> str:
    """Compact JSON with sorted keys: the text the hashes are taken of."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- reading ---------------------------------------------------------------------------------


def is_rich(task: dict[str, Any]) -> bool:
    """A line this module wrote: it has ``groups``, or spans with our ``key``/``layer``."""
    if "groups" in task:
        return True
    spans = task.get("spans")
    return isinstance(spans, list) and any(
        isinstance(s, dict) and ("key" in s or "layer" in s) for s in spans)


def parse_rich_task(task: dict[str, Any], text: str, source: str) -> ArticleDraft:
    """One of our lines → draft with every layer, link and group; raises ImportProblem."""
    items = _list(task.get("spans", []), '"spans"')
    spans = parse_spans(items, text, "spans")
    if task.get("tokens") is not None:
        tokens = _tokens(_list(task["tokens"], '"tokens"'), text)
        ranges = token_ranges(tokens, spans) if tokens else [(None, None)] * len(spans)
        for index, (item, expected) in enumerate(zip(items, ranges, strict=True)):
            _check_token_fields(item, expected, f"spans[{index}]")
    by_key = {s.key: s for s in spans}
    links = [_link(item, by_key, f"relations[{n}]")
             for n, item in enumerate(_list(task.get("relations", []), '"relations"'))]
    groups = parse_groups(_list(task.get("groups", []), '"groups"'), by_key, "groups")
    meta = _object(task.get("meta", {}), '"meta"')
    return draft_from_meta(text, meta, source, spans, links, groups)


def parse_spans(items: list[Any], text: str, where: str) -> list[DocSpan]:
    """Validated spans with unique keys."""
    spans: list[DocSpan] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        span = parse_span(item, text, f"{where}[{index}]")
        if span.key in seen:
            raise ImportProblem(f'{where}[{index}]: duplicate key "{span.key}"')
        seen.add(span.key)
        spans.append(span)
    return spans


def parse_span(item: Any, text: str, where: str) -> DocSpan:
    """One span record: key, known layer, offsets inside the text, label, optional extras."""
    item = _object(item, where)
    key, label = item.get("key"), item.get("label")
    if not isinstance(key, str) or not key:
        raise ImportProblem(f'{where}: missing or empty "key"')
    if not isinstance(item.get("layer"), str) or item["layer"] not in _LAYER_NAMES:
        raise ImportProblem(f'{where}: unknown layer {json.dumps(item.get("layer"))} '
                            f"(use {_LAYERS})")
    start, end = item.get("start"), item.get("end")
    if not is_int(start) or not is_int(end):
        raise ImportProblem(f"{where}: offsets must be integers, got {json.dumps(start)} and "
                            f"{json.dumps(end)}")
    if not 0 <= start < end <= len(text):
        raise ImportProblem(f"{where}: span {start}-{end} does not fit the text "
                            f"(length {len(text)})")
    if not isinstance(label, str) or not label.strip():
        raise ImportProblem(f'{where}: missing or empty "label"')
    return DocSpan(key, Layer(item["layer"]), start, end, label,
                   dict(_object(item.get("attrs", {}), f"{where}.attrs")),
                   source=_optional_str(item, "source", where),
                   source_kind=_optional_str(item, "source_kind", where))


def parse_link(from_key: Any, to_key: Any, kind: Any, attrs: Any,
               spans: dict[str, DocSpan], where: str) -> DocLink:
    """A link whose both ends are spans of this document."""
    for key in (from_key, to_key):
        if not isinstance(key, str) or key not in spans:
            raise ImportProblem(f"{where}: no span with key {json.dumps(key)}")
    if not isinstance(kind, str) or not kind:
        raise ImportProblem(f"{where}: missing or empty link kind")
    return DocLink(from_key, to_key, kind, dict(_object(attrs, f"{where}.attrs")))


def parse_groups(items: list[Any], spans: dict[str, DocSpan], where: str) -> list[DocGroupMember]:
    """Claim group memberships, each naming a span of this document."""
    members = []
    for index, raw in enumerate(items):
        here = f"{where}[{index}]"
        item = _object(raw, here)
        if not isinstance(item.get("span_key"), str) or item["span_key"] not in spans:
            raise ImportProblem(f"{here}: no span with key {json.dumps(item.get('span_key'))}")
        texts = [item.get(name, "") for name in ("group", "group_key", "value", "stance")]
        if not all(isinstance(value, str) for value in texts) or not texts[1]:
            raise ImportProblem(f"{here}: group, group_key, value and stance must be strings "
                                "(group_key not empty)")
        if not isinstance(item.get("holds", False), bool):
            raise ImportProblem(f'{here}: "holds" must be true or false')
        group, group_key, value, stance = texts
        members.append(DocGroupMember(group, group_key, item["span_key"], value, stance,
                                      item.get("holds", False)))
    return members


def draft_from_meta(text: str, meta: dict[str, Any], source: str, spans: list[DocSpan],
                    links: list[DocLink], groups: list[DocGroupMember]) -> ArticleDraft:
    """A draft from our meta object; fields are taken as written so a re-export is identical."""
    fields = {name: _optional_str(meta, name, "meta") for name in FIELDS}
    if "meta" in meta:
        free = dict(_object(meta["meta"], "meta.meta"))
    else:
        free = {key: value for key, value in meta.items() if key not in FIELDS}
    status = fields.pop("status")
    if status is not None and status not in {s.value for s in Status}:
        raise ImportProblem(f"meta.status: unknown status {json.dumps(status)}")
    return ArticleDraft(
        text=text, title=fields["title"] or short_title(first_line(text)),
        outlet=fields["outlet"], author=fields["author"], url=fields["url"],
        published=fields["published"], language=fields["language"] or "de", meta=free,
        source_path=fields["source_path"] if "source_path" in meta else source,
        annotations=spans, links=links, groups=groups,
        status=Status(status) if status is not None else None,
    )


def _link(item: Any, spans: dict[str, DocSpan], where: str) -> DocLink:
    """A Prodigy relation whose head and child spans carry our keys and match those spans."""
    item = _object(item, where)
    ends = [_object(item.get(name), f"{where}.{name}") for name in ("head_span", "child_span")]
    for name, end in zip(("head_span", "child_span"), ends, strict=True):
        key = end.get("key")
        span = spans.get(key) if isinstance(key, str) else None
        if span is not None and (end.get("start"), end.get("end")) != (span.start, span.end):
            raise ImportProblem(f"{where}.{name}: offsets {end.get('start')}-{end.get('end')} "
                                f"differ from span {span.key} ({span.start}-{span.end})")
    return parse_link(ends[0].get("key"), ends[1].get("key"), item.get("label"),
                      item.get("attrs", {}), spans, where)


def _tokens(items: list[Any], text: str) -> list[Token]:
    """Tokens in order, each covering exactly its text, numbered from 0."""
    tokens: list[Token] = []
    for index, raw in enumerate(items):
        item = _object(raw, f"tokens[{index}]")
        start, end, covered = item.get("start"), item.get("end"), item.get("text")
        after = tokens[-1].end if tokens else 0
        if not (is_int(start) and is_int(end) and after <= start < end <= len(text)):
            raise ImportProblem(f"tokens[{index}]: offsets {json.dumps(start)}-"
                                f"{json.dumps(end)} are out of order or outside the text")
        if covered != text[start:end] or item.get("id", index) != index:
            raise ImportProblem(f"tokens[{index}]: {start}-{end} covers "
                                f"{json.dumps(text[start:end], ensure_ascii=False)}, not "
                                f"{json.dumps(covered, ensure_ascii=False)} (or id is not "
                                f"{index})")
        tokens.append(Token(start, end, covered, bool(item.get("ws", False))))
    return tokens


def _check_token_fields(item: dict[str, Any], expected: tuple[int | None, int | None],
                        where: str) -> None:
    """A span's token_start/token_end, when given, must be the tokens its offsets cover."""
    if "token_start" not in item and "token_end" not in item:
        return
    given = (item.get("token_start"), item.get("token_end"))
    if given != expected:
        raise ImportProblem(f"{where}: token_start/token_end {given[0]}-{given[1]} do not "
                            f"match the tokens ({expected[0]}-{expected[1]})")


def _object(value: Any, where: str) -> dict[str, Any]:
    """A JSON object, or a problem naming where one was expected."""
    if not isinstance(value, dict):
        raise ImportProblem(f"{where} must be an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    """A JSON list, or a problem naming where one was expected."""
    if not isinstance(value, list):
        raise ImportProblem(f"{where} must be a list")
    return value


def _optional_str(item: dict[str, Any], name: str, where: str) -> str | None:
    """A string or null field."""
    value = item.get(name)
    if value is not None and not isinstance(value, str):
        raise ImportProblem(f"{where}.{name} must be a string or null")
    return value


