"""Run a pipeline over many texts and turn its entities into core Spans (code-point offsets)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from itertools import chain, repeat
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
    beam_width: int = 8,
) -> Iterator[tuple[K, list[Span]]]:
    """Yield (key, entity spans) per text, in input order; offsets index the Python str.

    Each span's ``score`` is the probability the ``ner`` beam gives it (1.0 for spans set by
    rules before ``ner``): low scores mark the suggestions worth a human look first.
    """
    from spacy.util import minibatch

    # Small first batches: the first results (and a cancel) come at once, later ones in bulk.
    sizes = chain((n for n in (1, 2, 4, 8) if n < batch_size), repeat(batch_size))
    for batch in minibatch(_raise_max_length(nlp, items), size=sizes):
        docs, scores = _run(nlp, [text for _key, text in batch], beam_width)
        for (key, _text), doc, scored in zip(batch, docs, scores, strict=True):
            spans = []
            for ent in doc.ents:
                if labels is not None and ent.label_ not in labels:
                    continue
                start, end = _trim(ent)
                if start < end:
                    score = scored.get((ent.start, ent.end, ent.label_), 1.0 if scored else None)
                    spans.append(Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                                      ent.label_, None if score is None else round(score, 4)))
            yield key, spans


def _run(nlp: Language, texts: list[str], beam_width: int) -> tuple[list[Any], list[dict]]:
    """The pipeline by hand, so that ``ner``'s beam sees the same inputs as its greedy pass
    (after it, the entities it set would pin the beam)."""
    docs = [nlp.make_doc(text) for text in texts]
    scores: list[dict] = [{} for _ in docs]
    proc: Any
    for name, proc in nlp.pipeline:
        if name == "ner" and beam_width > 1 and hasattr(proc, "beam_parse"):
            scores = [dict(s) for s in proc.scored_ents(proc.beam_parse(docs, beam_width))]
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs, scores


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
