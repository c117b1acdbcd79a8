"""One tokenizer for every token-based format (JSONL tokens, CoNLL, spaCy), so they agree."""

from __future__ import annotations

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


def tokenize(text: str, boundaries: tuple[int, ...] = ()) -> list[Token]:
    """Tokens of a text; tokens are split further at ``boundaries`` (span starts and ends),
    so that every span is a whole number of tokens and token-based formats lose nothing."""
    doc = german_tokenizer().make_doc(text)
    cuts = sorted(set(boundaries))
    tokens: list[Token] = []
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        inner = [c for c in cuts if start < c < end]
        points = [start, *inner, end]
        for a, b in zip(points, points[1:], strict=False):
            last = b == end
            tokens.append(Token(a, b, text[a:b], bool(tok.whitespace_) if last else False))
    return tokens
