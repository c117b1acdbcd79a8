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
    """``tokenize``'s tokens, and (``doc``) spaCy's Doc of them: the tokenizer's own Doc when
    no boundary falls inside a token (the usual case), else a Doc of the split words."""
    import numpy
    from spacy.attrs import IDX, LENGTH, SPACY

    made = german_tokenizer().make_doc(text)
    if not len(made):
        return Tokenized([], [], [], made if doc else None)
    table = made.to_array([IDX, LENGTH, SPACY]).astype("int64")
    firsts, lasts = table[:, 0], table[:, 0] + table[:, 1]
    cuts = numpy.unique(numpy.asarray(boundaries, dtype="int64"))
    owner = (numpy.searchsorted(firsts, cuts, side="right") - 1).clip(0)  # token at or before
    inside = cuts[(cuts > firsts[owner]) & (cuts < lasts[owner])]
    found = Tokenized(firsts.tolist(), lasts.tolist(), table[:, 2].astype(bool).tolist(),
                      made if doc else None)
    return _cut(text, found, inside.tolist(), made.vocab) if len(inside) else found


def _cut(text: str, found: Tokenized, inside: list[int], vocab: Any) -> Tokenized:
    """The tokens split at the (sorted) offsets inside them, and a Doc of those words."""
    from spacy.tokens import Doc

    starts: list[int] = []
    ends: list[int] = []
    spaces: list[bool] = []
    n = 0
    for start, end, ws in zip(found.starts, found.ends, found.spaces, strict=True):
        while n < len(inside) and inside[n] < end:
            starts.append(start)
            ends.append(inside[n])
            spaces.append(False)
            start = inside[n]
            n += 1
        starts.append(start)
        ends.append(end)
        spaces.append(ws)
    if found.doc is None:
        return Tokenized(starts, ends, spaces, None)
    words = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    return Tokenized(starts, ends, spaces, Doc(vocab, words=words, spaces=spaces))


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
