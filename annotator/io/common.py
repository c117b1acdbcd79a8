"""Types every importer shares (failures, warnings, the parsers' exception) and bounded reading."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias, TypeGuard

from msgspec import Struct
from msgspec.structs import force_setattr

from annotator.core.model import ArticleDraft

TITLE_LIMIT = 120  # characters; longer first lines are cut so lists stay readable
MB = 2**20
# Byte limits, checked while reading (a size the file system reports is never trusted).
ARTICLE_BYTES = 10 * MB  # a plain-text article, a brat .txt/.ann/.meta: a news story is ~50 KB
PAGE_BYTES = 20 * MB  # a saved HTML page: inline scripts, styles and images make it large
LINE_BYTES = 10 * MB  # one JSONL line (one task); a JSONL file itself is streamed, any size
DATASET_BYTES = 50 * MB  # files read whole: .json, CoNLL, spaCy DocBin, UTF-16/32 JSONL

_SPACE = re.compile(r"\s+")
# What must not reach a terminal or log line raw: C0/C1 controls, line and paragraph
# separators, bidi and other format controls, lone surrogates (undecodable file-name bytes).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                          "\ufeff\ud800-\udfff]")
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"))
_NONBLOCK = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class Why(StrEnum):
    """Which reason an import note gives, as data: each has its words (in the interface's
    language) in app/import_texts.py, which the note's parameters fill in; io holds no
    wording but the English ``reason`` (``str`` of the note: the command line, the logs).
    OTHER has no words of its own: the English reason is shown as it is."""

    OTHER = "other"
    NO_SUCH_PATH = "no such path"
    OS_ERROR = "os error"  # detail: the operating system's words ("Permission denied")
    NOT_REGULAR = "not regular"  # detail: what it is ("a named pipe (FIFO)", _KINDS)
    UNSUPPORTED = "unsupported"  # detail: the extension
    NOT_RECOGNISED = "not recognised"  # a folder walk's ImportSkip
    BINARY = "binary"  # with count: invalid UTF-8 bytes too many for a text; at: the first's
    UNKNOWN_ENCODING = "unknown encoding"
    EMPTY_FILE = "empty file"
    TOO_LARGE = "too large"  # count: the limit in MB; detail: what it is the limit of
    INVALID_JSON = "invalid json"  # detail: the decoder's message; at: its column
    JSON_TOO_DEEP = "json too deep"
    NOT_AN_OBJECT = "not an object"  # detail: the JSON type found (``json_type``)
    MISSING_TEXT = "missing text"
    TEXT_NOT_STRING = "text not a string"  # detail: the JSON type found
    EMPTY_TEXT = "empty text"
    BRAT_NO_TEXT = "brat without text"  # detail: the .txt's name
    BRAT_EMPTY_TEXT = "brat text empty"  # detail: the .txt's name
    NO_LABEL = "no label"  # detail: where in the record (``spans[3]``)
    SPAN_OUTSIDE = "span outside"  # detail: where; numbers: start, end, the text's length
    SPAN_MISFIT = "span misfit"  # the same, worded "does not fit the text" (other formats)
    SPAN_BACKWARDS = "span backwards"  # detail: where; numbers: start, end
    NO_HTML_TEXT = "no html text"  # a saved page without an article (menus, links only)
    NO_TOKENS = "no tokens"  # a CoNLL file without a token
    NOT_DOCBIN = "not docbin"  # a .spacy file spaCy cannot read
    EMPTY_DOCBIN = "empty docbin"  # a DocBin without documents
    NO_TYPE_SYSTEM = "no type system"  # an .xmi without the TypeSystem.xml beside it
    NO_DOCUMENT_TEXT = "no document text"  # an XMI or WebAnno TSV document without text
    BYTES_REPLACED = "bytes replaced"  # a warning; count: invalid bytes; at: the first's offset
    BROKEN_ESCAPE = "broken escape"  # "text" with a broken \u escape; at: its offset
    SPANS_NOT_A_LIST = "spans not a list"  # detail: the field; values: the JSON type found
    SPAN_SHAPE = "span shape"  # detail: where; a span neither an object nor [start, end, label]
    OFFSETS_NOT_INTEGERS = "offsets not integers"  # detail: where; values: start, end as JSON
    LABEL_NOT_STRING = "label not a string"  # detail: where; values: the JSON type found
    SPAN_TEXT_DIFFERS = "span text differs"  # detail: where; numbers: start, end; values: the
    # text at the offsets and the span's own, quoted
    SPAN_NOT_ITS_TEXT = "span not its text"  # the same when UTF-16 offsets were tried too;
    # values: the span's own text, quoted
    LABELS_NOT_LIST = "labels not a list"  # detail: where
    NO_TEXT_FIELD = "no text field"  # a foreign task without "text" and without any string
    HTML_UNREADABLE = "html unreadable"  # detail: the parser's words
    BAD_AFTER_BOM = "bad after bom"  # detail: the encoding its byte-order mark names (UTF-16)
    INVALID_JSON_FILE = "invalid json file"  # a whole JSON file; detail: the decoder's words
    SPAN_EMPTY = "span empty"  # detail: where; numbers: start, end
    QUOTED_TEXT_DIFFERS = "quoted text differs"  # brat: detail: the span; values: its offsets
    BRAT_RELATION = "brat relation"  # detail: the relation's id
    BRAT_SPAN_LINE = "brat span line"  # values: the line's data, quoted
    BRAT_OFFSETS = "brat offsets"  # numbers: start, end; values: the line's data, quoted
    CONLL_COLUMNS = "conll columns"  # a token row of one column
    CONLL_TAG = "conll tag"  # detail: the tag
    MUST_BE_OBJECT = "must be an object"  # detail: where in the record
    MUST_BE_LIST = "must be a list"  # detail: where
    STRING_OR_NULL = "string or null"  # detail: where (the field's path)
    RELATION_NOT_ENTITIES = "relation not entities"  # doccano; detail: where
    RELATION_NOT_REGIONS = "relation not regions"  # Label Studio; detail: where
    END_SPAN_MISFIT = "end span misfit"  # detail: where; values: start, end as JSON;
    # numbers: the text's length
    ATTRS_NOT_JSON = "attrs not json"  # detail: where; values: the decoder's words
    NOT_A_JSON_OBJECT = "not a json object"  # a whole sidecar; detail: the decoder's words
    USER_DATA_VERSION = "user data version"  # a DocBin's; detail: the key; values: the version
    # found (repr); numbers: the version read
    USER_DATA_SHAPE = "user data shape"  # a DocBin's user data of the wrong JSON types
    LINK_OFFSETS_DIFFER = "link offsets differ"  # detail: where; values: the offsets given,
    # the span's key; numbers: the span's start, end
    TOKEN_OFFSETS = "token offsets"  # detail: where; values: start, end as JSON
    TOKEN_TEXT = "token text"  # detail: where; numbers: start, end, id; values: covered, given
    NOT_UTF8 = "not utf-8"  # a file its format says is UTF-8; detail: the decoder's words
    NOT_WEBANNO = "not webanno"  # no WebAnno TSV 3 header
    TOKEN_BEFORE_TEXT = "token before text"  # a WebAnno token row before any #Text= line
    TSV_COLUMNS = "tsv columns"  # detail: the token's address; numbers: columns found, needed
    TSV_TOKEN_OUTSIDE = "tsv token outside"  # detail: the address; numbers: its UTF-16 offsets
    TSV_RELATION_SOURCE = "tsv relation source"  # detail: the address; values: the cell (repr)
    TSV_RELATION_END = "tsv relation end"  # detail: the token's address
    XMI_UNREADABLE = "xmi unreadable"  # detail: the parser's words
    NOT_A_ZIP = "not a zip"  # detail: the zip module's words
    NO_INCEPTION_ENTRY = "no inception entry"  # a zip without annotation/DOCUMENT/USER.xmi
    NO_XMI_INSIDE = "no xmi inside"  # an inner zip without .xmi or .tsv
    NO_TYPE_SYSTEM_ZIP = "no type system in zip"
    ENTRY_TOO_LARGE = "entry too large"  # detail: the entry's name; count: the limit in MB
    DUPLICATE_KEY = "duplicate key"  # detail: where; values: the key
    KEY_MISSING = "key missing"  # detail: where
    SUGGESTION_MODEL = "suggestion model"  # detail: where
    TIMESTAMP = "timestamp"  # detail: where; values: the value found, as JSON
    ANNOTATORS_LIST = "annotators list"  # detail: where
    NO_SPAN_WITH_KEY = "no span with key"  # detail: where; values: the key, as JSON
    LINK_KIND_MISSING = "link kind missing"  # detail: where
    GROUP_FIELDS = "group fields"  # detail: where
    HOLDS_NOT_BOOL = "holds not bool"  # detail: where
    UNKNOWN_STATUS = "unknown status"  # values: the status, as JSON
    UNKNOWN_LAYER = "unknown layer"  # detail: where; values: the layer as JSON, the known ones
    TOKEN_FIELDS = "token fields"  # detail: where; values: the given token_start, token_end,
    # the expected ones
    UNEXPECTED = "unexpected"  # detail: the exception's type and words


Warn: TypeAlias = Callable[["ImportProblem"], None]  # hears a warning; the caller names the file


def printable(name: str) -> str:
    """A file name (or any text) safe for one line: controls and undecodable bytes escaped."""
    return _UNPRINTABLE.sub(_escape, name)


def one_line(text: str) -> str:
    """A reason on one line: runs of white space one space, controls escaped."""
    return printable(_SPACE.sub(" ", text).strip())


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class ImportNote(Struct, frozen=True):
    """A file (or JSONL line) and what there is to say about it, printed on one line."""

    path: str
    line: int | None
    reason: str  # in English, as ``str`` prints it
    kind: Why = Why.OTHER  # the reason as data, worded by app/import_texts.py
    detail: str = ""  # a library's or the system's words, a name, a type (see Why)
    at: int | None = None  # a column or byte offset
    count: int = 0  # a number of bytes, megabytes …
    part: str = ""  # the file of a pair (brat's .txt) the reason is about; the reason names it
    numbers: tuple[int, ...] = ()  # more numbers the reason names, in order (see Why)
    values: tuple[str, ...] = ()  # more words the reason names, as the file gives them (see Why)

    def __post_init__(self) -> None:
        """Keep the reason on one line so logs and list views never break."""
        force_setattr(self, "reason", one_line(self.reason))

    def __str__(self) -> str:
        """``path:line: reason`` or ``path: reason``, always one line."""
        where = printable(self.path)
        where = where if self.line is None else f"{where}:{self.line}"
        return f"{where}: {self.reason}"


class ImportFailure(ImportNote, frozen=True):
    """A file (or JSONL line) that could not be imported, and why."""


class ImportSkip(ImportFailure, frozen=True):
    """A file a folder walk found and does not recognise (another program's zip or table):
    not read, and counted as skipped, never as failed (a failure to the walk's types)."""


class ImportWarning(ImportNote, frozen=True):
    """Something a file was imported despite, e.g. invalid bytes that were replaced."""


ImportItem: TypeAlias = ArticleDraft | ImportFailure | ImportWarning


class ImportProblem(Exception):
    """Raised by a parser for bad input; the walker turns it into an ImportFailure. Not
    raised, a warning's reason (``Warn``). ``kind`` and its parameters: as ImportNote's."""

    def __init__(self, reason: str, line: int | None = None, *, kind: Why = Why.OTHER,
                 detail: str = "", at: int | None = None, count: int = 0,
                 part: str = "", numbers: tuple[int, ...] = (),
                 values: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.kind, self.detail, self.at, self.count, self.part = kind, detail, at, count, part
        self.numbers, self.values = numbers, values

    def within(self, part: str) -> ImportProblem:
        """The same problem of ``part``, a file read with the one named (``part: reason``)."""
        return ImportProblem(f"{part}: {self.reason}", self.line, kind=self.kind,
                             detail=self.detail, at=self.at, count=self.count, part=part,
                             numbers=self.numbers, values=self.values)

    def failure(self, path: str, line: int | None = None) -> ImportFailure:
        """The failure of the file (or line: ``line``, else the problem's own) at ``path``."""
        return ImportFailure(path, self.line if line is None else line, self.reason,
                             self.kind, self.detail, self.at, self.count, self.part,
                             self.numbers, self.values)

    def warning(self, path: str, line: int | None = None) -> ImportWarning:
        """The same as a warning on a file that was imported."""
        return ImportWarning(path, self.line if line is None else line, self.reason,
                             self.kind, self.detail, self.at, self.count, self.part,
                             self.numbers, self.values)


def no_label(where: str) -> ImportProblem:
    """The problem of a span (at ``where`` in its record) without a label."""
    return ImportProblem(f'{where}: missing or empty "label"', kind=Why.NO_LABEL, detail=where)


def span_misfit(where: str, start: int, end: int, length: int) -> ImportProblem:
    """The problem of a span (at ``where``) whose offsets do not fit a text of ``length``."""
    return ImportProblem(f"{where}: span {start}-{end} does not fit the text (length {length})",
                         kind=Why.SPAN_MISFIT, detail=where, numbers=(start, end, length))


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for error messages ("an object", "null")."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def offsets_not_integers(where: str, start: Any, end: Any) -> ImportProblem:
    """The problem of a span (at ``where``) whose offsets are not integers."""
    got = (json.dumps(start), json.dumps(end))
    return ImportProblem(f"{where}: offsets must be integers, got {got[0]} and {got[1]}",
                         kind=Why.OFFSETS_NOT_INTEGERS, detail=where, values=got)


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


def not_regular(mode: int) -> str | None:
    """Why a file of this mode cannot be read as data ("a named pipe (FIFO)"), or None."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "a special file")


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; a pipe, device or socket is refused without blocking
    (a FIFO would wait for a writer forever, ``/dev/zero`` never ends)."""
    kind = not_regular(os.stat(path).st_mode)  # follows symlinks: a link to a FIFO is one
    if kind is None:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
        kind = not_regular(os.fstat(fd).st_mode)  # it may have been swapped since the stat
        if kind is None:
            if _NONBLOCK and hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            return os.fdopen(fd, "rb")
        os.close(fd)
    raise not_regular_problem(kind)


def not_regular_problem(kind: str) -> ImportProblem:
    """The problem of a file that is ``kind`` (``not_regular``), not a regular file."""
    return ImportProblem(f"{kind}, not a regular file: skipped", kind=Why.NOT_REGULAR,
                         detail=kind)


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """A whole regular file of at most ``limit`` bytes; ``what`` names the limit in the error."""
    with open_regular(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ImportProblem(too_large(limit, what), kind=Why.TOO_LARGE, detail=what,
                            count=limit // MB)
    return data


def too_large(limit: int, what: str) -> str:
    """The error for input over a byte limit, e.g. "larger than 10 MB, the limit for …"."""
    return f"larger than {limit // MB} MB, the limit for {what}"


def is_int(value: Any) -> TypeGuard[int]:
    """True for JSON integers; ``true`` and ``3.0`` are not offsets."""
    return isinstance(value, int) and not isinstance(value, bool)
