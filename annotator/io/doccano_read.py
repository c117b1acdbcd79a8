"""Reading doccano's relation export: a JSONL line with ``text``, ``entities`` (``id``,
``label``, ``start_offset``, ``end_offset``) and ``relations`` (``from_id``, ``to_id``,
``type``). Entities are spans, relations links between them; which labels are claims or
sources is decided after reading (io/label_layers.py). doccano's sequence-labeling form
(``label: [[start, end, LABEL], …]``) is io/jsonl.py's."""

from __future__ import annotations

import json
from typing import Any

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer
from annotator.io.common import ImportProblem
from annotator.io.foreign_spans import Offsets, Plain, article
from annotator.io.label_layers import RELATED
from annotator.io.records import list_of, object_of


def parse_doccano_relations(task: dict[str, Any], source: str, plain: Plain
                            ) -> ArticleDraft:
    """One line of the relation form → draft with entity spans and links (keys ``T<id>``)."""
    fields = {key: value for key, value in task.items() if key not in ("entities", "relations")}
    draft = article(fields, source, plain)
    offsets = Offsets(draft.text)
    keys: dict[str, str] = {}
    for n, raw in enumerate(list_of(task["entities"], '"entities"')):
        where = f"entities[{n}]"
        item = object_of(raw, where)
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise ImportProblem(f'{where}: missing or empty "label"')
        start, end = offsets.place(item.get("start_offset"), item.get("end_offset"), None,
                                   where)
        key = f"T{len(draft.annotations) + 1}"
        keys.setdefault(json.dumps(item.get("id", key)), key)
        draft.annotations.append(DocSpan(key, Layer.ENTITY, start, end, label.strip()))
    for n, raw in enumerate(list_of(task["relations"], '"relations"')):
        item = object_of(raw, f"relations[{n}]")
        ends = [keys.get(json.dumps(item.get(name))) for name in ("from_id", "to_id")]
        if ends[0] is None or ends[1] is None:
            raise ImportProblem(f"relations[{n}]: from_id and to_id must be ids of entities")
        kind = item.get("type")
        kind = kind.strip() if isinstance(kind, str) and kind.strip() else RELATED
        draft.links.append(DocLink(ends[0], ends[1], kind))
    return draft
