"""doccano's JSONL import formats: sequence labeling (entities) and relation extraction.

``doccano`` writes, per article, the sequence labeling form doccano 1.8 imports::

    {"text": "…", "label": [[0, 11, "PER"], …], "title": "…", "outlet": "…", …}

``doccano-relations`` writes its relation extraction form, with claims, sources, entities and
the links between them (claim → source: ``attributed_to``)::

    {"text": "…", "entities": [{"id": 1, "label": "CLAIM", "start_offset": 22,
                               "end_offset": 60}, …],
     "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "attributed_to"}], …}

Offsets count UTF-16 code units, as doccano's editor does (JavaScript string indices) unless a
project counts grapheme clusters: a default project shows every span where it is. Ids are unique
in the file (doccano resolves relations by them). The other keys (the article's fields, and
``meta`` with its free meta, in every line) become doccano's metadata of the example. Who
made a span, claim attributes, claim groups, zones and open suggestions are not written:
doccano has no place for them (docs/formats.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

from annotator.core.model import REVIEWED_LAYERS, ArticleDraft, DocSpan, Layer
from annotator.core.spans import Utf16Index
from annotator.io.export_jsonl import all_spans, one_line
from annotator.io.records import FIELDS


def write_doccano(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """The entity layer, one example per article, in doccano's sequence labeling form."""
    return _write(path, (_labelled(draft) for draft in drafts))


def write_doccano_relations(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """Entities, claims, sources and their links in doccano's relation extraction form."""
    ids = count(1)
    return _write(path, (_related(draft, ids) for draft in drafts))


def _write(path: Path, records: Iterator[dict[str, Any]]) -> list[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(one_line(json.dumps(record, ensure_ascii=False)) + "\n")
    return [path]


def _labelled(draft: ArticleDraft) -> dict[str, Any]:
    """``text``, ``label`` (``[start, end, label]``, once each) and the article's fields."""
    units = Utf16Index(draft.text)
    found = dict.fromkeys((units.to_utf16(s.start), units.to_utf16(s.end), s.label)
                          for s in all_spans(draft) if s.layer is Layer.ENTITY)
    return {"text": draft.text, "label": [list(span) for span in found],
            **article_fields(draft)}


def _related(draft: ArticleDraft, ids: Iterator[int]) -> dict[str, Any]:
    """``text``, ``entities`` of the reviewed layers, ``relations`` between them, the fields."""
    units = Utf16Index(draft.text)
    spans: dict[str, DocSpan] = {s.key: s for s in all_spans(draft)
                                 if s.layer in REVIEWED_LAYERS}
    numbers = {key: next(ids) for key in spans}
    entities = [{"id": numbers[key], "label": s.label, "start_offset": units.to_utf16(s.start),
                 "end_offset": units.to_utf16(s.end)} for key, s in spans.items()]
    relations = [{"id": next(ids), "from_id": numbers[link.from_key],
                  "to_id": numbers[link.to_key], "type": link.kind}
                 for link in draft.links if link.from_key in numbers and link.to_key in numbers]
    return {"text": draft.text, "entities": entities, "relations": relations,
            **article_fields(draft)}


def article_fields(draft: ArticleDraft) -> dict[str, Any]:
    """The article's fields (null when unknown) and its free meta under ``meta``: every line
    has every key, since doccano reads the lines into one table, where a key missing from a
    line is NaN, which its database refuses as JSON (the whole import fails)."""
    fields = {name: getattr(draft, name) for name in FIELDS}
    fields["status"] = draft.status.value if draft.status is not None else None
    return {**fields, "meta": draft.meta}
