"""Prodigy tasks, one layer a file, as ``ner.manual`` and ``rel.manual`` save them.

A split gives ``SPLIT.entities.jsonl``, ``SPLIT.claims.jsonl`` and ``SPLIT.sources.jsonl``; a
layer no article of the split has a span of (or that ``--layer`` left out) gets no file, except
the entities. A line is one article as one annotator's version has it (an article exported
with several versions has a line per annotator, as Prodigy's ``review`` recipe expects)::

    {"text": "…", "meta": {"title": "…", …},
     "tokens": [{"text": "Anna", "start": 0, "end": 4, "id": 0, "ws": true}, …],
     "spans": [{"start": 0, "end": 11, "token_start": 0, "token_end": 1, "label": "PER"}],
     "relations": [],
     "answer": "accept", "_annotator_id": "maria", "_timestamp": 1714644000,
     "blake2b_input_hash": -1402255466, "blake2b_task_hash": 880131842}

``spans`` never overlap (Prodigy's ``ner`` and spaCy's ``doc.ents`` need that): of spans that
do, the longer (then the earlier) is kept and the others are counted in a warning. In the claims
file, ``relations`` holds the claim → source links in Prodigy's form (``head``/``child``: the
last token of the claim and of the source; ``head_span``/``child_span``); the sources are in
their own file. ``answer`` is ``accept`` for an article reviewed whole with no open model
suggestion in the file's layer, else ``ignore`` (Prodigy's training leaves it out).

Prodigy's ``_input_hash``/``_task_hash`` are left out: its ``set_hashes`` is murmurhash over
the task's text (and its spans, for the task hash), but how it serializes them is not
published, so an imitation could not be checked; ``set_hashes`` fills in missing ones. Our
stable BLAKE2b hashes (as the jsonl export computes them) are named so that nobody takes them
for Prodigy's.
Zones, claim attributes, groups and open suggestions are in the jsonl export, not here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft, DocSpan, Layer
from annotator.io.conll import flatten
from annotator.io.export_jsonl import all_spans, boundaries, one_line, stable_hash
from annotator.io.export_notes import Kind, tell
from annotator.io.records import article_meta, makers, unix_time
from annotator.io.tokens import token_spans, tokenized

logger = logging.getLogger(__name__)

FILES = {Layer.ENTITY: "entities", Layer.CLAIM: "claims", Layer.SOURCE: "sources"}
_COMPACT: dict[str, Any] = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}


def layer_path(path: Path, layer: Layer) -> Path:
    """``train.entities.jsonl`` → the file of another layer, ``train.claims.jsonl``."""
    split = path.name.removesuffix(f".{FILES[Layer.ENTITY]}.jsonl")
    return path.with_name(f"{split}.{FILES[layer]}.jsonl")


def write_prodigy(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """A file per layer (``path`` is the entities'); files of layers without spans removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    paths = {layer: layer_path(path, layer) for layer in FILES}
    used = dict.fromkeys(FILES, 0)
    dropped = 0
    with ExitStack() as stack:
        files = {layer: stack.enter_context(p.open("w", encoding="utf-8", newline="\n"))
                 for layer, p in paths.items()}
        for draft in drafts:
            for layer, task, lost in tasks_of(draft):
                used[layer] += len(task["spans"])
                dropped += lost
                files[layer].write(one_line(json.dumps(task, ensure_ascii=False)) + "\n")
    for layer, count in used.items():
        if not count and layer is not Layer.ENTITY:
            paths.pop(layer).unlink()
    if dropped:
        tell(logger, Kind.OVERLAPPING_SPANS, path, dropped)
    return list(paths.values())


def tasks_of(draft: ArticleDraft) -> Iterable[tuple[Layer, dict[str, Any], int]]:
    """Each layer's task of each annotator's version: (layer, task, spans left out)."""
    spans = [s for s in all_spans(draft) if s.layer in FILES]
    starts, ends, spaces, _ = tokenized(draft.text, boundaries(spans))
    tokens = [{"text": draft.text[a:b], "start": a, "end": b, "id": n, "ws": w}
              for n, (a, b, w) in enumerate(zip(starts, ends, spaces, strict=True))]
    versions: dict[str | None, list[DocSpan]] = {}
    for s in spans:
        for who in makers(s, draft.annotator):
            versions.setdefault(who, []).append(s)
    by_key = {s.key: s for s in spans}
    common = {"text": draft.text, "meta": article_meta(draft), "tokens": tokens}
    undecided = {s.layer for s in draft.open_suggestions()}
    input_hash = stable_hash(json.dumps({"text": draft.text}, **_COMPACT))

    def record(s: DocSpan) -> dict[str, Any]:
        [(first, last)] = token_spans(starts, ends, [s])
        return {"start": s.start, "end": s.end, "token_start": first, "token_end": last,
                "label": s.label}

    for who, own in (versions or {draft.annotator: []}).items():
        for layer in FILES:
            kept, lost = _flat([s for s in own if s.layer is layer])
            keys = {s.key for s in kept}
            relations = [_relation(record(by_key[x.from_key]), record(by_key[x.to_key]), x.kind)
                         for x in draft.links if x.from_key in keys and x.to_key in by_key
                         and by_key[x.to_key].layer is Layer.SOURCE and layer is Layer.CLAIM]
            content = {"spans": [record(s) for s in kept], "relations": relations}
            answer = "accept" if draft.reviewed and layer not in undecided else "ignore"
            task = {**common, **content, "answer": answer, **_made(who, own),
                    "blake2b_input_hash": input_hash,
                    "blake2b_task_hash": stable_hash(
                        f"{input_hash} {json.dumps(content, **_COMPACT)}")}
            yield layer, task, lost


def _flat(spans: list[DocSpan]) -> tuple[list[DocSpan], int]:
    """The spans that do not overlap (as ``conll.flatten`` picks them), in text order."""
    kept, lost = flatten((s.start, s.end, s.key) for s in spans)
    by_key = {s.key: s for s in spans}
    return [by_key[key] for _, _, key in kept], lost


def _relation(head: dict[str, Any], child: dict[str, Any], kind: str) -> dict[str, Any]:
    return {"head": head["token_end"], "child": child["token_end"], "head_span": head,
            "child_span": child, "label": kind}


def _made(who: str | None, own: list[DocSpan]) -> dict[str, Any]:
    """``_annotator_id`` and ``_timestamp`` (the version's latest span's), when known."""
    times = [t for s in own if s.made and s.made.at and (t := unix_time(s.made.at)) is not None]
    found = {"_annotator_id": who, "_timestamp": max(times) if times else None}
    return {key: value for key, value in found.items() if value is not None}
