"""Types every importer shares: the failure record and the exception parsers raise."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from annotator.core.model import ArticleDraft

TITLE_LIMIT = 120  # characters; longer first lines are cut so lists stay readable
MAX_FILE_BYTES = 50 * 1024 * 1024  # a single text or HTML file read whole; JSONL is streamed

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ImportFailure:
    """One file (or JSONL line) that could not be imported, and why."""

    path: str
    line: int | None
    reason: str

    def __post_init__(self) -> None:
        """Keep the reason on one line so logs and list views never break."""
        object.__setattr__(self, "reason", _SPACE.sub(" ", self.reason).strip())

    def __str__(self) -> str:
        """``path:line: reason`` or ``path: reason``."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


ImportItem: TypeAlias = ArticleDraft | ImportFailure


class ImportProblem(Exception):
    """Raised by a parser for bad input; the walker turns it into an ImportFailure."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def short_title(line: str, limit: int = TITLE_LIMIT) -> str:
    """A one-line title no longer than ``limit``, cut with an ellipsis when needed."""
    line = _SPACE.sub(" ", line).strip()
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


def first_line(text: str) -> str:
    """The first non-blank line of ``text``, stripped (empty if there is none)."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole file, refusing huge ones so a stray disk image cannot eat the RAM."""
    size = path.stat().st_size
    if size > limit:
        raise ImportProblem(f"file too large ({size // 2**20} MB, limit {limit // 2**20} MB)")
    return path.read_bytes()
