"""Run a pipeline over many texts and turn its entities into core Spans (code-point offsets)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

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
        spans = []
        for ent in doc.ents:
            if labels is not None and ent.label_ not in labels:
                continue
            start, end = _trim(ent)
            if start < end:
                spans.append(Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), ent.label_))
        yield key, spans


def _trim(ent: Any) -> tuple[int, int]:
    """Token range of ent without edge quotes/brackets/spaces ("„Lichtspiel“" -> "Lichtspiel").

    The training data has only straight quotes, so the model sometimes swallows „ “ « ».
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_quote or doc[start].is_bracket or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_quote or doc[end - 1].is_bracket or doc[end - 1].is_space
    ):
        end -= 1
    return start, end
