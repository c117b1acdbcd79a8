"""JSONL export in Prodigy's task form, with every layer, link and claim group; and its read-back.

One task per line (keys sorted, UTF-8 with ``ensure_ascii=False``, ``\\n`` after each line)::

    {"_annotator_id": "maria", "_input_hash": -1402255466, "_task_hash": 880131842,
     "_timestamp": 1714644000, "answer": "accept",
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
     "spans": [{"_annotator_id": "maria", "_timestamp": 1714644000, "attrs": {...},
                "end": 60, "key": "T3", "label": "CLAIM", "layer": "claim", "start": 22,
                "token_end": 9, "token_start": 4}],
     "suggestions": [{"end": 11, "label": "PER", "layer": "entity", "model": "de_annotator_ner",
                      "model_version": "1.0.0", "score": 0.61, "start": 0, "token_end": 1,
                      "token_start": 0}],
     "text": "…",
     "tokens": [{"end": 4, "id": 0, "start": 0, "text": "Anna", "ws": true}]}

Offsets are code points; ``token_end`` is inclusive (Prodigy's convention). Tokens come from
the shared tokenizer, split at every span and suggestion boundary. A span that starts or ends
on the single space after a token gets the tokens it contains; a span of white space only gets
the token the space follows. ``head``/``child`` are the ``token_end`` of the head (link's
``from``) and child (link's ``to``) span. Span and suggestion records are
``annotator.io.records``'s: who made a span and when, the model it was accepted from.
``layer`` is any ``Layer``: ``entity``, ``claim``, ``source`` or ``structure`` (zones, read
back as zones, never as entities).

``answer`` is ``accept`` for an article reviewed whole (marked done) with no open suggestion
in the entity, claim or source layer: Prodigy and spaCy take what no span covers as "no
entity". Any other article is ``ignore``: Prodigy's training leaves it out, since what nobody
reviewed is unknown, not negative. ``suggestions`` lists the open model suggestions (zones the
rules suggested among them), never in ``spans``; an article of ours always has the key, and
an import takes the zones from it and its spans rather than running the zone rules.
``_annotator_id`` and ``_timestamp`` of the task are those of its latest span.

``meta`` holds title, outlet, author, url, published, language, source_path and status, and
the article's free meta beside them; should a free key clash with one of those names (or be
``meta``), the free meta goes whole into ``meta.meta`` instead. ``groups`` is written even
when empty: it marks a line as ours, as do spans with ``key``/``layer``.

``_input_hash`` is a signed 32-bit BLAKE2b hash of ``{"text": text}`` as compact sorted JSON;
``_task_hash`` hashes the input hash, a space and the ``spans`` list (without who made them)
as compact sorted JSON (Prodigy's idea with a stdlib hash: stable across runs, machines and
Python versions).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from itertools import count
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer
from annotator.io.common import ImportProblem, Why, is_int
from annotator.io.records import (
    PROVENANCE_KEYS,
    article_meta,
    draft_from_meta,
    group_record,
    list_of,
    object_of,
    parse_groups,
    parse_link,
    parse_spans,
    parse_suggestions,
    span_record,
    suggestion_record,
)
from annotator.io.tokens import Token, token_spans, tokenized

_DUMPS: dict[str, Any] = {"ensure_ascii": False, "sort_keys": True}


# --- writing ---------------------------------------------------------------------------------


def write_jsonl(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """Write one task per article; the same drafts always give the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for draft in drafts:
            out.write(one_line(json.dumps(task_of(draft), **_DUMPS)) + "\n")
    return [path]


# Line ends JSON leaves raw but Python's str.splitlines (and some editors) takes for
# a line end: escaped, so one task is always one line for every reader; and what else JSON
# leaves raw that io/decode.py counts as signs of binary data (DEL, C1 controls, U+FFFD).
_RAW = "\x7f-\x9f\u2028\u2029\ufffd"
_ESCAPES = {c: f"\\u{c:04x}" for c in [*range(0x7F, 0xA0), 0x2028, 0x2029, 0xFFFD]}
_UNSAFE = re.compile(f"[{_RAW}]")


def one_line(line: str) -> str:
    """JSON with the characters above escaped (looked for first: translating is slow)."""
    return line.translate(_ESCAPES) if _UNSAFE.search(line) else line


def task_of(draft: ArticleDraft) -> dict[str, Any]:
    """The Prodigy-style task of one article, with our layers, links and groups."""
    spans = all_spans(draft)
    suggestions = draft.suggestions or []
    starts, ends, spaces, _ = tokenized(draft.text, boundaries([*spans, *suggestions]))
    ranges = token_spans(starts, ends, spans)
    records = {s.key: {**span_record(s), "token_start": first, "token_end": last}
               for s, (first, last) in zip(spans, ranges, strict=True)}
    input_hash = stable_hash(_canonical({"text": draft.text}))
    span_list = list(records.values())
    content = [{k: v for k, v in r.items() if k not in PROVENANCE_KEYS} for r in span_list]
    task = {
        "text": draft.text,
        "meta": article_meta(draft),
        "tokens": [{"text": draft.text[a:b], "start": a, "end": b, "id": n, "ws": w}
                   for n, (a, b, w) in enumerate(zip(starts, ends, spaces, strict=True))],
        "spans": span_list,
        "relations": [_relation(link, records) for link in draft.links],
        "groups": [group_record(member) for member in draft.groups],
        "_input_hash": input_hash,
        "_task_hash": stable_hash(f"{input_hash} {_canonical(content)}"),
        "answer": "accept" if draft.complete() else "ignore",
        **_latest(span_list),
    }
    if draft.suggestions is not None:
        task["suggestions"] = [
            {**suggestion_record(s), "token_start": first, "token_end": last}
            for s, (first, last) in zip(suggestions, token_spans(starts, ends, suggestions),
                                        strict=True)]
    return task


def _latest(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The task's ``_annotator_id`` and ``_timestamp``: its latest span's, when known."""
    stamped = [r for r in records if "_timestamp" in r]
    if not stamped:
        return {}
    last = max(stamped, key=lambda r: r["_timestamp"])
    return {key: last[key] for key in ("_annotator_id", "_timestamp") if key in last}


def all_spans(draft: ArticleDraft) -> list[DocSpan]:
    """The draft's annotations, plus its plain entity spans (a draft no project made) as keyed
    entity spans, so a writer never drops them."""
    if not draft.spans:
        return list(draft.annotations)
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
    return token_spans([t.start for t in tokens], [t.end for t in tokens], spans)


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
    """One of our lines → draft with every layer, link, group and open suggestion; raises
    ImportProblem."""
    items = list_of(task.get("spans", []), '"spans"')
    spans = parse_spans(items, text, "spans")
    if task.get("tokens") is not None:
        tokens = _tokens(list_of(task["tokens"], '"tokens"'), text)
        ranges = token_ranges(tokens, spans) if tokens else [(None, None)] * len(spans)
        for index, (item, expected) in enumerate(zip(items, ranges, strict=True)):
            _check_token_fields(item, expected, f"spans[{index}]")
    by_key = {s.key: s for s in spans}
    links = [_link(item, by_key, f"relations[{n}]")
             for n, item in enumerate(list_of(task.get("relations", []), '"relations"'))]
    groups = parse_groups(list_of(task.get("groups", []), '"groups"'), by_key, "groups")
    meta = object_of(task.get("meta", {}), '"meta"')
    draft = draft_from_meta(text, meta, source, spans, links, groups)
    if "suggestions" in task:
        draft.suggestions = parse_suggestions(task["suggestions"], text, "suggestions")
    return draft


def _link(item: Any, spans: dict[str, DocSpan], where: str) -> DocLink:
    """A Prodigy relation whose head and child spans carry our keys and match those spans."""
    item = object_of(item, where)
    ends = [object_of(item.get(name), f"{where}.{name}") for name in ("head_span", "child_span")]
    for name, end in zip(("head_span", "child_span"), ends, strict=True):
        key = end.get("key")
        span = spans.get(key) if isinstance(key, str) else None
        if span is not None and (end.get("start"), end.get("end")) != (span.start, span.end):
            given = f"{end.get('start')}-{end.get('end')}"
            raise ImportProblem(f"{where}.{name}: offsets {given} differ from span {span.key} "
                                f"({span.start}-{span.end})", kind=Why.LINK_OFFSETS_DIFFER,
                                detail=f"{where}.{name}", values=(given, span.key),
                                numbers=(span.start, span.end))
    return parse_link(ends[0].get("key"), ends[1].get("key"), item.get("label"),
                      item.get("attrs", {}), spans, where)


def _tokens(items: list[Any], text: str) -> list[Token]:
    """Tokens in order, each covering exactly its text, numbered from 0."""
    tokens: list[Token] = []
    for index, raw in enumerate(items):
        item = object_of(raw, f"tokens[{index}]")
        start, end, covered = item.get("start"), item.get("end"), item.get("text")
        after = tokens[-1].end if tokens else 0
        if not (is_int(start) and is_int(end) and after <= start < end <= len(text)):
            raise ImportProblem(f"tokens[{index}]: offsets {json.dumps(start)}-"
                                f"{json.dumps(end)} are out of order or outside the text",
                                kind=Why.TOKEN_OFFSETS, detail=f"tokens[{index}]",
                                values=(json.dumps(start), json.dumps(end)))
        if covered != text[start:end] or item.get("id", index) != index:
            quoted = (json.dumps(text[start:end], ensure_ascii=False),
                      json.dumps(covered, ensure_ascii=False))
            raise ImportProblem(f"tokens[{index}]: {start}-{end} covers {quoted[0]}, not "
                                f"{quoted[1]} (or id is not {index})", kind=Why.TOKEN_TEXT,
                                detail=f"tokens[{index}]", numbers=(start, end, index),
                                values=quoted)
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
                            f"match the tokens ({expected[0]}-{expected[1]})",
                            kind=Why.TOKEN_FIELDS, detail=where,
                            values=tuple(str(v) for v in (*given, *expected)))
