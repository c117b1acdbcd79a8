"""One tokenizer for every token-based format (JSONL tokens, CoNLL, spaCy), so they agree."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple


class Token(NamedTuple):
    """A token's code point offsets and text; ``ws`` tells whether white space follows."""

    start: int
    end: int
    text: str
    ws: bool


@lru_cache(maxsize=1)
def german_tokenizer() -> Any:
    """spaCy's rule-based German tokenizer (no model: it ships with spaCy itself)."""
    import spacy

    nlp = spacy.blank("de")
    nlp.max_length = 10_000_000
    return nlp


class Tokenized(NamedTuple):
    """Tokens as parallel lists of code point offsets and white-space flags, and spaCy's Doc
    of them."""

    starts: list[int]
    ends: list[int]
    spaces: list[bool]
    doc: Any  # None unless asked for


def tokenize(text: str, boundaries: tuple[int, ...] = ()) -> list[Token]:
    """Tokens of a text; tokens are split further at ``boundaries`` (span starts and ends),
    so that every span is a whole number of tokens and token-based formats lose nothing."""
    found = tokenized(text, boundaries)
    return [Token(a, b, text[a:b], w) for a, b, w in zip(found.starts, found.ends, found.spaces,
                                                         strict=True)]


def tokenized(text: str, boundaries: tuple[int, ...] = (), *, doc: bool = False) -> Tokenized:
    """``tokenize``'s tokens, and (``doc``) spaCy's Doc of them: the tokenizer's own Doc,
    the few tokens a boundary falls inside split in place."""
    from spacy.attrs import IDX, LENGTH, SPACY

    made = german_tokenizer().make_doc(text)
    if not len(made):
        return Tokenized([], [], [], made if doc else None)
    table = made.to_array([IDX, LENGTH, SPACY])
    starts = table[:, 0].tolist()
    ends = (table[:, 0] + table[:, 1]).tolist()
    found = Tokenized(starts, ends, table[:, 2].astype(bool).tolist(), made if doc else None)
    inside: dict[int, list[int]] = {}  # token → the boundaries inside it
    for cut in sorted(set(boundaries)):
        i = bisect_right(starts, cut) - 1
        if i >= 0 and starts[i] < cut < ends[i]:
            inside.setdefault(i, []).append(cut)
    return _cut(text, found, inside) if inside else found


def _cut(text: str, found: Tokenized, inside: dict[int, list[int]]) -> Tokenized:
    """The tokens split at the offsets inside them; the Doc's tokens split too (each piece
    its own head, as in a Doc nobody parsed)."""
    starts, ends, spaces = list(found.starts), list(found.ends), list(found.spaces)
    pieces = {}
    for i in sorted(inside, reverse=True):  # from the end: earlier indices stay valid
        points = [starts[i], *inside[i], ends[i]]
        pieces[i] = [text[a:b] for a, b in zip(points, points[1:], strict=False)]
        starts[i:i + 1] = points[:-1]
        ends[i:i + 1] = points[1:]
        spaces[i:i + 1] = [False] * len(inside[i]) + [spaces[i]]
    if found.doc is not None:
        doc = found.doc
        with doc.retokenize() as retokenizer:
            for i, orths in pieces.items():
                retokenizer.split(doc[i], orths, heads=[(doc[i], k) for k in range(len(orths))])
    return Tokenized(starts, ends, spaces, found.doc)


def token_spans(starts: list[int], ends: list[int], spans: Iterable[Any]
                ) -> list[tuple[int, int]]:
    """First and last (inclusive) token of each span (anything with ``start`` and ``end``):
    the tokens inside it; a span of white space only gets the token the space follows."""
    ranges = []
    for span in spans:
        first = bisect_right(ends, span.start)
        last = max(bisect_left(starts, span.end) - 1, 0)
        ranges.append((min(first, last), last))
    return ranges
