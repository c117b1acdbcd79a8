"""Run a pipeline over many texts and turn its entities into core Spans (code-point offsets)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from annotator.core.model import Span

if TYPE_CHECKING:
    from spacy.language import Language

K = TypeVar("K")


def _raise_max_length(nlp: Language, items: Iterable[tuple[K, str]]) -> Iterator[tuple[K, str]]:
    """Lift nlp.max_length just before a long text reaches the tokenizer (ner needs little RAM)."""
    for key, text in items:
        if len(text) >= nlp.max_length:
            nlp.max_length = len(text) + 1
        yield key, text


def suggest_entities(
    nlp: Language,
    items: Iterable[tuple[K, str]],
    batch_size: int = 16,
    labels: Collection[str] | None = None,
) -> Iterator[tuple[K, list[Span]]]:
    """Yield (key, entity spans) per text, in input order; offsets index the Python str."""
    for doc, key in nlp.pipe(
        ((text, key) for key, text in _raise_max_length(nlp, items)),
        as_tuples=True,
        batch_size=batch_size,
    ):
        spans = [
            Span(ent.start_char, ent.end_char, ent.label_)
            for ent in doc.ents
            if labels is None or ent.label_ in labels
        ]
        yield key, spans
