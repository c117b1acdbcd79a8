"""Plain-text articles: decode and unify line endings. The metadata (title, date, byline,
dateline, agency) is read off the article's zones at import (``app/zones.with_derived_meta``);
here the first line is only a guess at the title."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import ArticleDraft
from annotator.io.common import (
    ARTICLE_BYTES,
    ImportProblem,
    Warn,
    Why,
    read_limited,
    short_title,
)
from annotator.io.decode import decode_bytes

# what the zones may give better: the title over the first line, the free metadata's details
GUESSED = frozenset({"title", "meta"})


def read_text_file(path: Path, warn: Warn | None = None) -> ArticleDraft:
    """Import one plain-text file; raises ImportProblem for binary or empty files."""
    data = read_limited(path, ARTICLE_BYTES, "a text article")
    text = normalise_newlines(decode_bytes(data, path, warn=warn))
    if not text.strip():
        raise ImportProblem("empty file", kind=Why.EMPTY_FILE)
    return parse_text(text, str(path))


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str, source_path: str | None = None) -> ArticleDraft:
    """An ArticleDraft holding the whole text, its first line as the title (a guess)."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return ArticleDraft(text=text, title=short_title(first),
                        source_path=source_path, guessed=GUESSED)
