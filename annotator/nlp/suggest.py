"""Run a pipeline over many texts and turn its entities into core Spans (code-point offsets)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any, TypeVar

from annotator.core.model import Span

if TYPE_CHECKING:
    from spacy.language import Language

K = TypeVar("K")
Scores = dict[tuple[int, int, str], float]  # (token start, token end, label) -> probability


def suggest_entities(
    nlp: Language,
    items: Iterable[tuple[K, str]],
    batch_size: int = 16,
    labels: Collection[str] | None = None,
) -> Iterator[tuple[K, list[Span]]]:
    """Yield (key, entity spans) per text, in input order; offsets index the Python str.

    Small first batches: the first results (and a cancel) come at once, later ones in bulk.
    """
    from spacy.util import minibatch

    sizes = chain((n for n in (1, 2, 4, 8) if n < batch_size), repeat(batch_size))
    for batch in minibatch(items, size=sizes):
        found = entities_in(nlp, [text for _key, text in batch], labels)
        yield from zip((key for key, _text in batch), found, strict=True)


def entities_in(nlp: Language, texts: list[str], labels: Collection[str] | None = None
                ) -> list[list[Span]]:
    """The entity spans of each text, run as one batch.

    Each span's ``score`` is the probability the ``ner`` model gave its own moves for it (per
    token, a softmax among the moves open there; multiplied over the span's tokens), taken
    from the one greedy pass that also sets the entities; 1.0 for spans set by rules before
    ``ner``, None when ``ner`` is not a transition-based parser. Low scores mark the
    suggestions worth a human look first. A span without a letter or digit (an emoji, a dash)
    names nothing and is dropped.
    """
    longest = max(map(len, texts), default=0)
    if longest >= nlp.max_length:  # ner needs little RAM; lift the limit for long articles
        nlp.max_length = longest + 1
    docs, scores = _run(nlp, texts)
    found = []
    for doc, scored in zip(docs, scores, strict=True):
        spans = []
        for ent in doc.ents:
            if labels is not None and ent.label_ not in labels:
                continue
            start, end = _trim(ent)
            if any(ch.isalnum() for ch in doc[start:end].text):
                score = None if scored is None else scored.get(
                    (ent.start, ent.end, ent.label_), 1.0)
                spans.append(Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                                  ent.label_, None if score is None else round(score, 4)))
        found.append(spans)
    return found


def _run(nlp: Language, texts: list[str]) -> tuple[list[Any], list[Scores | None]]:
    """The pipeline by hand, so that ``ner`` can be stepped through and keep its scores."""
    docs = [nlp.make_doc(text) for text in texts]
    scores: list[Scores | None] = [None] * len(docs)
    proc: Any
    for name, proc in nlp.pipeline:
        if name == "ner" and _steppable(proc) and any(len(doc) for doc in docs):
            scores = _greedy_scored(proc, docs)
        else:
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs, scores


def _steppable(proc: Any) -> bool:
    """A greedy transition-based parser (spaCy's ``ner``), whose steps we can take."""
    return hasattr(proc, "transition_states") and proc.cfg.get("beam_width", 1) == 1


def _greedy_scored(proc: Any, docs: list[Any]) -> list[Scores | None]:
    """Set the entities as ``proc.pipe`` does (the best valid move at each token), taking the
    steps here to keep each step's scores; the probabilities of the entities found."""
    import numpy as np

    states = proc.moves.init_batch(docs)
    preset = [doc.to_array("ENT_IOB") for doc in docs]  # before ner: 1 I, 3 B set by rules
    model = proc.model.predict(docs)
    steps: list[list[Any]] = [[] for _ in docs]
    todo = [(i, state) for i, state in enumerate(states) if not state.is_final()]
    while todo:
        going = [state for _i, state in todo]
        scores = model.predict(going)
        for (i, _state), row in zip(todo, scores, strict=True):
            steps[i].append(row)
        proc.transition_states(going, scores)
        todo = [(i, state) for i, state in todo if not state.is_final()]
    model.clear_memory()
    proc.set_annotations(docs, states)
    moves = _Moves(proc.moves)
    return [moves.probabilities(doc, np.asarray(rows), iob) if len(rows) == len(doc) else None
            for doc, rows, iob in zip(docs, steps, preset, strict=True)]


class _Moves:
    """The BILUO moves of a ``ner`` and which of them are open at a token."""

    def __init__(self, moves: Any) -> None:
        import numpy as np

        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.index = {name: i for i, name in enumerate(names)}
        self.start_unit = np.array([n == "O" or (n.startswith("U-") and n != "U-")
                                    for n in names])  # open outside an entity, always
        self.start_begin = np.array([n.startswith("B-") for n in names])  # unless at the end

    def probabilities(self, doc: Any, rows: Any, iob: Any) -> Scores:
        """Each entity's probability: per token not set by rules, the softmax of the move
        taken among the moves open there; multiplied over the entity's tokens."""
        n, out = len(doc), {}
        for ent in doc.ents:
            p = 1.0
            for t in range(ent.start, ent.end):
                if iob[t] not in (1, 3):  # else set by rules before ner: the only move open
                    p *= self._probability(rows[t], ent, t, t + 1 < n and iob[t + 1] != 3)
            out[(ent.start, ent.end, ent.label_)] = p
        return out

    def _probability(self, row: Any, ent: Any, t: int, more: bool) -> float:
        """The softmax of the move ent took at token t among the moves open there (``more``:
        whether an entity may go on past t)."""
        import numpy as np

        label, first, last = ent.label_, t == ent.start, t == ent.end - 1
        move = ("U" if last else "B") if first else ("L" if last else "I")
        if f"{move}-{label}" not in self.index:
            return 1.0
        if first:
            allowed = self.start_unit | (self.start_begin & more)
        else:
            allowed = np.zeros(len(self.start_unit), dtype=bool)
            allowed[self.index[f"L-{label}"]] = True
            allowed[self.index[f"I-{label}"]] = more
        top = row[allowed].max()
        return float(np.exp(row[self.index[f"{move}-{label}"]] - top)
                     / np.exp(row[allowed] - top).sum())


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
