"""Content hashes that recognise the same article imported twice, and sentence fingerprints
that recognise two near-identical reports."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from annotator.core.sentences import split_sentences


def normalise_for_hash(text: str) -> str:
    """Fold differences that do not change an article: Unicode form, line endings, outer space."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


_WORD = re.compile(r"\w+")
PRINT_WORDS = 6  # shorter sentences ("Das sagte er.") are too common to tell reports apart


def sentence_prints(text: str) -> frozenset[str]:
    """Fingerprints of a text's sentences of six words or more, folded (case, spacing,
    punctuation): two reports of one agency story share most of them."""
    prints = set()
    for start, end in split_sentences(text):
        words = _WORD.findall(normalise_for_hash(text[start:end]).casefold())
        if len(words) >= PRINT_WORDS:
            prints.add(hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16])
    return frozenset(prints)
