"""CoNLL recognised by its content, whatever the file is called (``train.txt``,
``eng.train``, no extension): a cheap look at the first lines."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.io.common import ImportProblem, open_regular

HEAD_BYTES = 8192
_ROWS = 3  # token rows needed: a one-line text ending in "O" is no corpus
_MAX_FIELDS = 6  # CoNLL-2003 has four columns, GermEval four, CoNLL-U ten (not IOB)
_TAG = re.compile(r"O|[BIESLU]-\S+")


def looks_like_conll(path: Path) -> bool:
    """Whether a file starts like CoNLL: a ``-DOCSTART-`` line, or token rows (2 to 6
    columns split at white space, the last an IOB, IOB2, BIOES or BILOU tag) and nothing
    else but blank lines and ``#`` comments; unreadable files are not."""
    try:
        with open_regular(path) as handle:
            head = handle.read(HEAD_BYTES)
    except (OSError, ImportProblem):  # not a regular file: its reader says so
        return False
    if b"\x00" in head:  # UTF-16 or binary
        return False
    return conll_head(head.decode("utf-8", "replace").removeprefix("\ufeff"),
                      whole=len(head) < HEAD_BYTES)


def conll_head(text: str, whole: bool = True) -> bool:
    """``looks_like_conll`` on a file's first characters (``whole``: all of it, else its
    last line may be cut)."""
    lines = text.split("\n")
    if not whole and len(lines) > 1:
        lines.pop()
    rows = 0
    for line in lines:
        fields = line.split()
        if not fields or fields[0].startswith("#") and not _TAG.fullmatch(fields[-1]):
            continue
        if fields[0] == "-DOCSTART-":
            return True
        if not 2 <= len(fields) <= _MAX_FIELDS or not _TAG.fullmatch(fields[-1]):
            return False
        rows += 1
    return rows >= _ROWS
