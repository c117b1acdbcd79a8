"""Sentence bounds for the matching index: the same rule-based German splitter the editor uses.

``annotator.core.spans.sentence_around`` (no ending at "Dr.", "Nr." or the ordinal in "am 24.
Oktober", a blank line always ends one) is applied left to right. It needs no spaCy model, so
import stays fast and a project built from the sample corpus has its index without one; spaCy's
rule-based ``sentencizer`` on a blank German pipeline ends sentences at every "24." and would
split dates.
"""

from __future__ import annotations

from annotator.core.spans import _SENTENCE_END, sentence_around, snap_to_tokens

_CLOSING = "\"“”«»'’)"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence of a text as (start, end) in code points, in order, never overlapping:
    ``sentence_around``'s bounds, found in one pass over the text (it looks back up to 2,000
    characters per call, too slow for a whole corpus)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + (1 if text[m.start()] in ".!?" else 0)
        while end < len(text) and text[end] in _CLOSING:
            end += 1
        _add(text, start, end, out)
        start = max(m.end(), end)
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append one sentence, snapped to tokens and trimmed like ``sentence_around``'s."""
    start, end = snap_to_tokens(text, start, end)
    if out:
        start = max(start, out[-1][1])
    if end > start:
        out.append((start, end))


def split_sentences_slow(text: str) -> list[tuple[int, int]]:
    """The same bounds by calling ``sentence_around`` left to right: the reference in tests."""
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        start, end = sentence_around(text, pos)
        start, end = max(start, pos), max(end, pos + 1)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        pos = max(end, pos + 1)
    return out
