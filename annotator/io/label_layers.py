"""Which layer a foreign tool's label belongs to: other tools have one label set, so their
claims and sources come as labels (``CLAIM``, ``QUELLE``) beside the entities. A mapping,
settable by the user, moves those spans out of the entity layer; a link between a claim and a
source then becomes the claim's ``attributed_to`` link to that source."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from msgspec.structs import replace

from annotator.core.model import (
    REVIEWED_LAYERS,
    ArticleDraft,
    DocLink,
    DocSpan,
    Layer,
    Provenance,
)
from annotator.core.names import ATTRIBUTED_TO
from annotator.io.common import ImportItem

LabelLayers = Mapping[str, Layer]  # label, case-folded → layer
RELATED = "related"  # the kind the readers give a foreign relation without a type

DEFAULT_LAYERS: LabelLayers = {
    "claim": Layer.CLAIM, "behauptung": Layer.CLAIM, "aussage": Layer.CLAIM,
    "source": Layer.SOURCE, "quelle": Layer.SOURCE, "sprecher": Layer.SOURCE,
    "speaker": Layer.SOURCE,
}
_CHOICES = ", ".join(layer.value for layer in REVIEWED_LAYERS)


def parse_label_layers(items: Iterable[str], base: LabelLayers = DEFAULT_LAYERS
                       ) -> dict[str, Layer]:
    """``base`` with each ``LABEL=layer`` pair, or the lines of a file named instead, over
    it; raises ValueError naming a bad pair (OSError: an unreadable file)."""
    found = dict(base)
    for item in items:
        path = Path(item)
        text = path.read_text("utf-8") if "=" not in item and path.is_file() else item
        found.update(mapping_lines(text, item))
    return found


def mapping_lines(text: str, where: str) -> dict[str, Layer]:
    """The ``LABEL=layer`` lines of a text (``#`` starts a comment); raises ValueError naming
    ``where`` and the bad line."""
    found: dict[str, Layer] = {}
    for line in text.splitlines():
        pair = line.split("#", 1)[0].strip()
        if pair:
            label, layer = _pair(pair, where)
            found[label] = layer
    return found


def _pair(pair: str, where: str) -> tuple[str, Layer]:
    label, sep, layer = (part.strip() for part in pair.partition("="))
    if not sep or not label or layer.lower() not in set(REVIEWED_LAYERS):
        raise ValueError(f"{where}: expected LABEL=layer with layer one of {_CHOICES}, "
                         f"got {pair!r}")
    return label.casefold(), Layer(layer.lower())


def relayered(items: Iterable[ImportItem], layers: LabelLayers) -> Iterator[ImportItem]:
    """A reader's items with ``relayer`` applied to each draft."""
    for item in items:
        yield relayer(item, layers) if isinstance(item, ArticleDraft) else item


def relayer(draft: ArticleDraft, layers: LabelLayers) -> ArticleDraft:
    """The draft with its entity spans (plain ones too) and suggestions whose label the
    mapping names moved to that layer; unchanged (the same object) when none is named."""
    def moves(label: str, layer: Layer = Layer.ENTITY) -> bool:
        return layer is Layer.ENTITY and layers.get(label.casefold(), layer) is not layer

    if not (any(moves(label) for label in {s.label for s in draft.spans})  # a few labels
            or any(moves(s.label, s.layer) for s in draft.annotations)
            or any(moves(s.label, s.layer) for s in draft.suggestions or ())):
        return draft
    keys = {s.key for s in draft.annotations}
    plain = [s for s in draft.spans if moves(s.label)]
    made = Provenance(draft.annotator) if draft.annotator else None
    fresh = (f"L{n}" for n in range(1, len(keys) + len(plain) + 2))
    added = [DocSpan(next(k for k in fresh if k not in keys), Layer.ENTITY, s.start, s.end,
                     s.label, made=made) for s in plain]
    draft.spans = [s for s in draft.spans if not moves(s.label)]
    draft.annotations = [_moved(s, layers) for s in [*draft.annotations, *added]]
    if draft.suggestions is not None:
        draft.suggestions = [_moved(s, layers) for s in draft.suggestions]
    by_key = {s.key: s.layer for s in draft.annotations}
    draft.links = [_oriented(link, by_key) for link in draft.links]
    return draft


def _moved(span: DocSpan, layers: LabelLayers) -> DocSpan:
    if span.layer is not Layer.ENTITY:
        return span
    layer = layers.get(span.label.casefold(), Layer.ENTITY)
    return span if layer is Layer.ENTITY else replace(span, layer=layer)


def _oriented(link: DocLink, layers: Mapping[str, Layer]) -> DocLink:
    """A link between a claim and a source, either way round, as the claim's
    ``attributed_to`` link; the foreign kind is kept in ``attrs["relation"]``. (A link to no
    span stays: the store refuses it, naming the key.)"""
    ends = layers.get(link.from_key), layers.get(link.to_key)
    if set(ends) != {Layer.CLAIM, Layer.SOURCE} or (
            ends[0] is Layer.CLAIM and link.kind == ATTRIBUTED_TO):
        return link
    claim, source = (link.from_key, link.to_key) if ends[0] is Layer.CLAIM else (
        link.to_key, link.from_key)
    attrs = link.attrs if link.kind in (ATTRIBUTED_TO, RELATED) else {
        **link.attrs, "relation": link.kind}
    return DocLink(claim, source, ATTRIBUTED_TO, attrs)
