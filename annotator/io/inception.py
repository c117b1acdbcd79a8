"""What INCEpTION's two formats share (UIMA CAS XMI and WebAnno TSV 3.3, io/xmi*.py and
io/webanno_tsv*.py): the types our layers become, the order spans are written in, and the
``.meta`` sidecar that keeps what neither format has a place for.

Entities are DKPro Core's ``NamedEntity`` (``value`` is the label), claims and sources one
custom span layer ``webanno.custom.ClaimSource`` (its ``layer`` feature says which), zones
``webanno.custom.Zone``. INCEpTION attaches a relation layer to one span layer, so links
between claims and sources are the relation layer ``webanno.custom.Attribution`` attached to
``ClaimSource`` (``Governor`` → ``Dependent``); a link with an end in another layer stays in
the sidecar. Exports before ``ClaimSource`` had ``webanno.custom.Claim`` and ``Source``: read
still.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from annotator.core.model import ArticleDraft, DocGroupMember, DocLink, DocSpan, Layer
from annotator.io.common import ImportProblem, Why
from annotator.io.records import (
    article_meta,
    draft_from_meta,
    group_record,
    list_of,
    object_of,
    parse_groups,
    parse_link,
    parse_provenance,
    parse_suggestions,
    provenance_record,
    suggestion_record,
)

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
CUSTOM = "webanno.custom."
CLAIM_SOURCE = CUSTOM + "ClaimSource"
ZONE = CUSTOM + "Zone"
RELATION = CUSTOM + "Attribution"  # attached to CLAIM_SOURCE
GOVERNOR, DEPENDENT = "Governor", "Dependent"
META_SUFFIX = ".meta"

# span type → its features in column order; the label is the first feature
SPAN_TYPES: dict[str, tuple[str, ...]] = {
    NAMED_ENTITY: ("value", "identifier"),
    CLAIM_SOURCE: ("label", "layer", "kind", "checkworthy", "verdict", "source", "sourceKind",
                   "attrs"),
    ZONE: ("label", "attrs"),
}
TYPE_OF = {Layer.ENTITY: NAMED_ENTITY, Layer.CLAIM: CLAIM_SOURCE, Layer.SOURCE: CLAIM_SOURCE,
           Layer.STRUCTURE: ZONE}
OLD_TYPES = {CUSTOM + "Claim": Layer.CLAIM, CUSTOM + "Source": Layer.SOURCE}  # read only
RELATION_FEATURES = ("label", "attrs")
NATIVE = ("kind", "checkworthy", "verdict")  # claim attributes with a feature of their own

_SLUG = re.compile(r"[^\w]+")


def slug(title: str) -> str:
    """A safe file name part: letters, digits and ``-`` only."""
    return _SLUG.sub("-", title).strip("-_")[:60].strip("-_") or "article"


def stems(drafts: list[ArticleDraft], folder: Path) -> list[Path]:
    """``NNNN-title`` in the folder, one per article."""
    width = max(4, len(str(len(drafts))))
    return [folder / f"{n:0{width}d}-{slug(d.title)}" for n, d in enumerate(drafts, start=1)]


def order_key(span: DocSpan) -> tuple[Any, ...]:
    """Where a span stands in a file: by offsets, layer, label, attributes (readers sort
    alike, so keys T1, T2 … come back the same)."""
    return (span.start, span.end, list(Layer).index(span.layer), span.label,
            json.dumps(span.attrs, sort_keys=True, ensure_ascii=False))


def renumbered(draft: ArticleDraft) -> ArticleDraft:
    """The draft with its spans in file order keyed T1, T2 …, links and groups following."""
    spans = sorted(draft.annotations, key=order_key)
    keys = {s.key: f"T{n}" for n, s in enumerate(spans, start=1)}
    return replace(
        draft, annotations=[replace(s, key=keys[s.key]) for s in spans],
        links=[replace(x, from_key=keys[x.from_key], to_key=keys[x.to_key])
               for x in draft.links if x.from_key in keys and x.to_key in keys],
        groups=[replace(m, span_key=keys[m.span_key]) for m in draft.groups
                if m.span_key in keys])


def exported(drafts: Iterable[ArticleDraft]) -> list[ArticleDraft]:
    """The drafts ``renumbered``, claim groups keyed G1, G2 … by first use, so that a
    re-import writes the same files."""
    found = [renumbered(d) for d in drafts]
    numbers: dict[str, str] = {}
    for draft in found:
        order = {s.key: i for i, s in enumerate(draft.annotations)}
        for m in sorted(draft.groups, key=lambda m: (order[m.span_key], m.group, m.value,
                                                     m.stance, m.holds, m.group_key)):
            numbers.setdefault(m.group_key, f"G{len(numbers) + 1}")
        draft.groups = [replace(m, group_key=numbers[m.group_key]) for m in draft.groups]
    return found


def span_features(span: DocSpan) -> dict[str, Any]:
    """A span's feature values (None: not set)."""
    rest = dict(span.attrs)
    if span.layer is Layer.ENTITY:
        return {"value": span.label}
    values: dict[str, Any] = {"label": span.label}
    if span.layer is Layer.CLAIM:
        values |= {"layer": span.layer.value}
        values |= {name: _text(rest.pop(name, None)) for name in NATIVE}
    elif span.layer is Layer.SOURCE:
        values |= {"layer": span.layer.value, "source": span.source,
                   "sourceKind": span.source_kind}
    values["attrs"] = json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else None
    return values


def _text(value: Any) -> str | None:
    return value if value is None or isinstance(value, str) else json.dumps(value)


def layer_of(name: str, values: dict[str, Any]) -> Layer | None:
    """The layer a span of the type ``name`` is ours in (None: not one of our types)."""
    if name == CLAIM_SOURCE:
        return Layer.SOURCE if values.get("layer") == Layer.SOURCE.value else Layer.CLAIM
    return {NAMED_ENTITY: Layer.ENTITY, ZONE: Layer.STRUCTURE}.get(name, OLD_TYPES.get(name))


def span_of(layer: Layer, key: str, begin: int, end: int, values: dict[str, Any],
            where: str) -> DocSpan:
    """A span from its feature values (``span_features`` read back)."""
    label = values.get("value" if layer is Layer.ENTITY else "label") or (
        "ENTITY" if layer is Layer.ENTITY else layer.name)
    attrs = _attrs(values, where)
    if layer is Layer.CLAIM:
        attrs |= {name: values[name] for name in NATIVE if values.get(name)}
    source = values.get("source") if layer is Layer.SOURCE else None
    kind = values.get("sourceKind") if layer is Layer.SOURCE else None
    return DocSpan(key, layer, begin, end, str(label), attrs, source=source or None,
                   source_kind=kind or None)


def relation_links(draft: ArticleDraft) -> list[DocLink]:
    """The links the relation layer carries: both ends claims or sources."""
    layers = {s.key: TYPE_OF[s.layer] for s in draft.annotations}
    return [x for x in draft.links
            if layers.get(x.from_key) == layers.get(x.to_key) == CLAIM_SOURCE]


def link_features(link: DocLink) -> dict[str, Any]:
    """A link's feature values."""
    return {"label": link.kind,
            "attrs": json.dumps(link.attrs, ensure_ascii=False, sort_keys=True)
            if link.attrs else None}


def link_record(link: DocLink) -> dict[str, Any]:
    """A link in the sidecar, by its ends' keys."""
    return {"from": link.from_key, "to": link.to_key, "kind": link.kind, "attrs": link.attrs}


def parse_links(items: Any, spans: dict[str, DocSpan], where: str) -> list[DocLink]:
    """The sidecar's links."""
    found = []
    for n, raw in enumerate(list_of(items, where)):
        item = object_of(raw, f"{where}[{n}]")
        found.append(parse_link(item.get("from"), item.get("to"), item.get("kind"),
                                item.get("attrs", {}), spans, f"{where}[{n}]"))
    return found


def link_of(from_key: str, to_key: str, values: dict[str, Any], where: str) -> DocLink:
    """A link from its feature values."""
    return DocLink(from_key, to_key, str(values.get("label") or "related"), _attrs(values, where))


def _attrs(values: dict[str, Any], where: str) -> dict[str, Any]:
    """The ``attrs`` feature: a JSON object, or nothing."""
    if not values.get("attrs"):
        return {}
    try:
        return dict(object_of(json.loads(values["attrs"]), f"{where}: attrs"))
    except ValueError as exc:
        raise ImportProblem(f"{where}: attrs is not JSON ({exc})", kind=Why.ATTRS_NOT_JSON,
                            detail=where, values=(str(exc),)) from exc


# --- the sidecar -----------------------------------------------------------------------------


def write_meta(draft: ArticleDraft, path: Path) -> Path:
    """What the format has no place for: the article's fields, who made each span (by key),
    links with an end outside claims and sources, claim groups and open suggestions."""
    record = article_meta(draft)
    carried = relation_links(draft)
    if others := [x for x in draft.links if x not in carried]:
        record["links"] = [link_record(x) for x in others]
    made = {s.key: provenance_record(s.made) for s in draft.annotations}
    if any(made.values()):
        record["provenance"] = {key: found for key, found in made.items() if found}
    if draft.groups:
        record["groups"] = [group_record(m) for m in draft.groups]
    if draft.suggestions is not None:
        record["suggestions"] = [suggestion_record(s) for s in draft.suggestions]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return path


def with_meta(draft: ArticleDraft, path: Path) -> ArticleDraft:
    """The draft with our sidecar's fields, provenance, groups and suggestions, if it has one
    (spans keyed as ``renumbered`` keys them)."""
    if not path.is_file():
        return draft
    try:
        record = object_of(json.loads(path.read_text(encoding="utf-8")), path.name)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ImportProblem(f"not a JSON object ({exc})", kind=Why.NOT_A_JSON_OBJECT,
                            detail=str(exc)).within(path.name) from exc
    made = object_of(record.pop("provenance", {}), f"{path.name}: provenance")
    spans = [replace(s, made=parse_provenance(object_of(made[s.key], s.key), s.key))
             if s.key in made else s for s in draft.annotations]
    by_key = {s.key: s for s in spans}
    links = draft.links + parse_links(record.pop("links", []), by_key, f"{path.name}: links")
    groups: list[DocGroupMember] = parse_groups(record.pop("groups", []), by_key,
                                                f"{path.name}: groups")
    suggestions = record.pop("suggestions", None)
    found = draft_from_meta(draft.text, record, draft.source_path or str(path), spans,
                            links, groups)
    if suggestions is not None:
        found.suggestions = parse_suggestions(suggestions, draft.text,
                                              f"{path.name}: suggestions")
    found.annotator = draft.annotator
    return found
