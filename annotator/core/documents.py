"""Spans, links and claim group places as datasets carry them (core.model's ``ArticleDraft``
holds them): the importers, exporters and the store's writers use them; the window's start
does not, so they are made when first named (``annotator.core.model`` gives them too)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from annotator.core.names import ATTRIBUTED_TO

if TYPE_CHECKING:
    from annotator.core.layers import Layer


class Provenance(Struct, frozen=True):
    """Where a span in a dataset comes from: who made it and when, and the model it was
    accepted from (a suggestion: the model that suggests it, with its score)."""

    annotator: str | None = None
    at: str | None = None  # ISO 8601 UTC, whole seconds, as the store writes it
    model: str | None = None
    model_version: str | None = None
    score: float | None = None
    agreed: tuple[str, ...] = ()  # an export's consensus span: the annotators who all have it


class DocSpan(Struct, frozen=True):
    """A span as a dataset carries it: any layer, with attributes and a key links refer to."""

    key: str  # unique within its document ("T1", or the annotation id as text)
    layer: Layer
    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # a source mention: the canonical source's name
    source_kind: str | None = None
    made: Provenance | None = None

    def __hash__(self) -> int:  # the attributes, a dict, are compared but not hashed
        return hash((self.key, self.layer, self.start, self.end, self.label, self.source,
                     self.source_kind, self.made))


class DocLink(Struct, frozen=True):
    """A link between two spans of one document, by their keys."""

    from_key: str
    to_key: str
    kind: str = ATTRIBUTED_TO
    attrs: dict[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # the attributes, a dict, are compared but not hashed
        return hash((self.from_key, self.to_key, self.kind))


class DocGroupMember(Struct, frozen=True):
    """A claim's place in a claim group, as datasets carry it (groups span documents)."""

    group: str  # the group's title
    group_key: str  # stable across documents, e.g. "G3"
    span_key: str
    value: str = ""
    stance: str = ""
    holds: bool = False
