"""What an import says about a file it could not read, skipped or read despite something, in
the interface's language (English without a translator: the command line, where each line is
``str`` of the note).

io gives its notes (annotator/io/common.py: ImportFailure, ImportSkip, ImportWarning) a
``kind`` (``Why``) and the facts (a file name, a column, a byte offset, a library's or the
system's words); these compose the sentence. A library's or the system's words (a JSON
decoder's message, "Permission denied") stay as they are inside it; a reason without words of
its own (``Why.OTHER``) is shown as io wrote it, in English.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annotator.io.common import ImportNote, Why, one_line, printable

translate = QCoreApplication.translate  # lupdate collects translate("Import", …)


def line(note: ImportNote) -> str:
    """``path:line: reason`` or ``path: reason``, one line, the reason in the interface's
    language."""
    where = printable(note.path)
    where = where if note.line is None else f"{where}:{note.line}"
    return f"{where}: {reason(note)}"


def reason(note: ImportNote) -> str:
    """Why, worded (after the name of the file of a pair it is about); io's English reason
    for a kind without words here."""
    words = _WORDS.get(note.kind)
    if words is None:
        return note.reason
    return one_line(f"{note.part}: {words(note)}" if note.part else words(note))


def _replaced(note: ImportNote) -> str:
    if note.count == 1:
        return translate("Import", "an invalid UTF-8 byte at byte offset {offset} replaced "
                         "with U+FFFD").format(offset=note.at)
    return translate("Import", "{n} invalid UTF-8 bytes replaced with U+FFFD, the first at "
                     "byte offset {offset}").format(n=note.count, offset=note.at)


def _binary(note: ImportNote) -> str:
    binary = translate("Import", "binary file, not text")
    if not note.count:
        return binary
    if note.count == 1:
        return translate("Import", "{binary} (an invalid UTF-8 byte, the first at byte offset "
                         "{offset})").format(binary=binary, offset=note.at)
    return translate("Import", "{binary} ({n} invalid UTF-8 bytes, the first at byte offset "
                     "{offset})").format(binary=binary, n=note.count, offset=note.at)


def _unsupported(note: ImportNote) -> str:
    from annotator.io import IMPORTABLE_SUFFIXES  # its module loads every reader: not at start

    return translate("Import", "unsupported file type '{suffix}' (use {known} or no "
                     "extension)").format(suffix=note.detail, known=", ".join(IMPORTABLE_SUFFIXES))


def _json_type(name: str) -> str:
    """A JSON type as io/jsonl.py names it ("a list"), in the interface's language."""
    return {
        "an object": translate("Import", "an object"),
        "a list": translate("Import", "a list"),
        "a string": translate("Import", "a string"),
        "true/false": translate("Import", "true/false"),
        "a number": translate("Import", "a number"),
    }.get(name, name)  # null, a Python type's name: as they are


def _not_regular(kind: str) -> str:
    """What a file that is not a regular one is (io/common.py's ``not_regular``)."""
    return {
        "a named pipe (FIFO)": translate("Import", "a named pipe (FIFO)"),
        "a character device": translate("Import", "a character device"),
        "a block device": translate("Import", "a block device"),
        "a socket": translate("Import", "a socket"),
        "a folder": translate("Import", "a folder"),
        "a special file": translate("Import", "a special file"),
    }.get(kind, kind)


def _limited(what: str) -> str:
    """What a byte limit is the limit of (the ``what`` of io's ``read_limited``)."""
    return {
        "a text article": translate("Import", "a text article"),
        "one JSONL line": translate("Import", "one JSONL line"),
        "a JSON or UTF-16 JSONL file": translate("Import", "a JSON or UTF-16 JSONL file"),
        "an HTML page": translate("Import", "an HTML page"),
        "a brat file": translate("Import", "a brat file"),
        "a CoNLL file": translate("Import", "a CoNLL file"),
        "a spaCy DocBin file": translate("Import", "a spaCy DocBin file"),
        "an XMI file": translate("Import", "an XMI file"),
        "a TSV file": translate("Import", "a TSV file"),
    }.get(what, what)


_WORDS: dict[Why, Callable[[ImportNote], str]] = {
    Why.NO_SUCH_PATH: lambda n: translate("Import", "no such file or folder"),
    Why.OS_ERROR: lambda n: translate(
        "Import", "{error}", "a file the system would not let us read: its words, e.g. "
        "Permission denied").format(error=n.detail),
    Why.NOT_REGULAR: lambda n: translate("Import", "{kind}, not a regular file: skipped").format(
        kind=_not_regular(n.detail)),
    Why.UNSUPPORTED: _unsupported,
    Why.NOT_RECOGNISED: lambda n: translate("Import", "not recognised"),
    Why.BINARY: lambda n: _binary(n),
    Why.UNKNOWN_ENCODING: lambda n: translate("Import", "cannot detect the encoding"),
    Why.EMPTY_FILE: lambda n: translate("Import", "empty file"),
    Why.TOO_LARGE: lambda n: translate("Import", "larger than {n} MB, the limit for {what}").format(
        n=n.count, what=_limited(n.detail)),
    Why.INVALID_JSON: lambda n: translate("Import", "invalid JSON: {message} (column {column})"
                                          ).format(message=n.detail, column=n.at),
    Why.JSON_TOO_DEEP: lambda n: translate("Import", "invalid JSON: nested too deeply"),
    Why.NOT_AN_OBJECT: lambda n: translate("Import", "expected a JSON object, got {type}").format(
        type=_json_type(n.detail)),
    Why.MISSING_TEXT: lambda n: translate("Import", "missing \"text\""),
    Why.TEXT_NOT_STRING: lambda n: translate("Import", "\"text\" must be a string, got {type}"
                                             ).format(type=_json_type(n.detail)),
    Why.EMPTY_TEXT: lambda n: translate("Import", "empty \"text\""),
    Why.BRAT_NO_TEXT: lambda n: translate("Import", "no {name} next to the annotations").format(
        name=n.detail),
    Why.BRAT_EMPTY_TEXT: lambda n: translate("Import", "{name} is empty").format(name=n.detail),
    Why.NO_LABEL: lambda n: translate("Import", "{where}: missing or empty \"label\"").format(
        where=n.detail),
    Why.SPAN_OUTSIDE: lambda n: translate(
        "Import", "{where}: span {start}-{end} is outside the text (length {length})").format(
        where=n.detail, start=n.numbers[0], end=n.numbers[1], length=n.numbers[2]),
    Why.SPAN_MISFIT: lambda n: translate(
        "Import", "{where}: span {start}-{end} does not fit the text (length {length})").format(
        where=n.detail, start=n.numbers[0], end=n.numbers[1], length=n.numbers[2]),
    Why.SPAN_BACKWARDS: lambda n: translate(
        "Import", "{where}: start {start} is not before end {end}").format(
        where=n.detail, start=n.numbers[0], end=n.numbers[1]),
    Why.NO_HTML_TEXT: lambda n: translate("Import", "no article text found in the HTML"),
    Why.NO_TOKENS: lambda n: translate("Import", "no tokens in the file"),
    Why.NOT_DOCBIN: lambda n: translate("Import", "not a spaCy DocBin file"),
    Why.EMPTY_DOCBIN: lambda n: translate("Import", "no documents in the DocBin"),
    Why.NO_TYPE_SYSTEM: lambda n: translate("Import", "no TypeSystem.xml beside the .xmi (UIMA "
                                            "needs it to read one)"),
    Why.NO_DOCUMENT_TEXT: lambda n: translate("Import", "the document has no text"),
    Why.BYTES_REPLACED: _replaced,
    Why.UNEXPECTED: lambda n: translate("Import", "unexpected error: {error}").format(
        error=n.detail),
    Why.BROKEN_ESCAPE: lambda n: translate(
        "Import", "\"text\" has a broken \\u escape at offset {offset}").format(offset=n.at),
    Why.SPANS_NOT_A_LIST: lambda n: translate(
        "Import", "\"{field}\" must be a list of spans, got {type}").format(
        field=n.detail, type=_json_type(n.values[0])),
    Why.SPAN_SHAPE: lambda n: translate(
        "Import", "{where}: expected {{\"start\", \"end\", \"label\"}} or [start, end, label]"
        ).format(where=n.detail),
    Why.OFFSETS_NOT_INTEGERS: lambda n: translate(
        "Import", "{where}: offsets must be integers, got {start} and {end}").format(
        where=n.detail, start=n.values[0], end=n.values[1]),
    Why.LABEL_NOT_STRING: lambda n: translate(
        "Import", "{where}: \"label\" must be a string, got {type}").format(
        where=n.detail, type=_json_type(n.values[0])),
    Why.SPAN_TEXT_DIFFERS: lambda n: translate(
        "Import", "{where}: span {start}-{end} covers {covered} but its text is {given} (offsets "
        "must count Unicode code points)").format(
        where=n.detail, start=n.numbers[0], end=n.numbers[1], covered=n.values[0],
        given=n.values[1]),
    Why.SPAN_NOT_ITS_TEXT: lambda n: translate(
        "Import", "{where}: span {start}-{end} is not its text {given} (counted in code points or "
        "in UTF-16 units)").format(where=n.detail, start=n.numbers[0], end=n.numbers[1],
                                   given=n.values[0]),
    Why.LABELS_NOT_LIST: lambda n: translate(
        "Import", "{where}: \"labels\" must be a non-empty list of labels").format(where=n.detail),
    Why.NO_TEXT_FIELD: lambda n: translate("Import", "missing \"text\" (no field holds a text)"),
    Why.BAD_AFTER_BOM: lambda n: translate(
        "Import", "invalid {encoding} text after the byte-order mark").format(encoding=n.detail),
    Why.INVALID_JSON_FILE: lambda n: translate("Import", "invalid JSON ({error})").format(
        error=n.detail),
    Why.SPAN_EMPTY: lambda n: translate("Import", "{where}: span {start}-{end} is empty").format(
        where=n.detail, start=n.numbers[0], end=n.numbers[1]),
    Why.QUOTED_TEXT_DIFFERS: lambda n: translate(
        "Import", "{where}: the text at {offsets} is not the quoted text").format(
        where=n.detail, offsets=n.values[0]),
    Why.BRAT_RELATION: lambda n: translate(
        "Import", "{relation}: expected 'TYPE Arg1:T… Arg2:T…' of known spans").format(
        relation=n.detail),
    Why.BRAT_SPAN_LINE: lambda n: translate("Import", "expected 'TYPE START END' in {data}"
                                            ).format(data=n.values[0]),
    Why.BRAT_OFFSETS: lambda n: translate(
        "Import", "offsets {start} {end} in {data}: start must not be after end and neither "
        "negative").format(start=n.numbers[0], end=n.numbers[1], data=n.values[0]),
    Why.CONLL_COLUMNS: lambda n: translate("Import", "expected TOKEN and TAG columns"),
    Why.CONLL_TAG: lambda n: translate(
        "Import", "'{tag}' is not an IOB tag (O, B-LABEL, I-LABEL)").format(tag=n.detail),
    Why.MUST_BE_OBJECT: lambda n: translate("Import", "{where} must be an object").format(
        where=n.detail),
    Why.MUST_BE_LIST: lambda n: translate("Import", "{where} must be a list").format(
        where=n.detail),
    Why.STRING_OR_NULL: lambda n: translate("Import", "{where} must be a string or null").format(
        where=n.detail),
    Why.RELATION_NOT_ENTITIES: lambda n: translate(
        "Import", "{where}: from_id and to_id must be ids of entities").format(where=n.detail),
    Why.RELATION_NOT_REGIONS: lambda n: translate(
        "Import", "{where}: from_id and to_id must name regions of the same annotation").format(
        where=n.detail),
    Why.END_SPAN_MISFIT: lambda n: translate(
        "Import", "{where}: span {start}-{end} does not fit the text (length {length})").format(
        where=n.detail, start=n.values[0], end=n.values[1], length=n.numbers[0]),
    Why.ATTRS_NOT_JSON: lambda n: translate("Import", "{where}: attrs is not JSON ({error})"
                                            ).format(where=n.detail, error=n.values[0]),
    Why.NOT_A_JSON_OBJECT: lambda n: translate("Import", "not a JSON object ({error})").format(
        error=n.detail),
    Why.USER_DATA_VERSION: lambda n: translate(
        "Import", "user_data[\"{key}\"] has unknown version {version} (this annotator reads "
        "version {known})").format(key=n.detail, version=n.values[0], known=n.numbers[0]),
    Why.USER_DATA_SHAPE: lambda n: translate(
        "Import", "user data: spans must be an object, links and groups lists, meta an object"),
    Why.LINK_OFFSETS_DIFFER: lambda n: translate(
        "Import", "{where}: offsets {given} differ from span {key} ({start}-{end})").format(
        where=n.detail, given=n.values[0], key=n.values[1], start=n.numbers[0],
        end=n.numbers[1]),
    Why.TOKEN_OFFSETS: lambda n: translate(
        "Import", "{where}: offsets {start}-{end} are out of order or outside the text").format(
        where=n.detail, start=n.values[0], end=n.values[1]),
    Why.TOKEN_TEXT: lambda n: translate(
        "Import", "{where}: {start}-{end} covers {covered}, not {given} (or id is not {id})"
        ).format(where=n.detail, start=n.numbers[0], end=n.numbers[1], covered=n.values[0],
                 given=n.values[1], id=n.numbers[2]),
    Why.TOKEN_FIELDS: lambda n: translate(
        "Import", "{where}: token_start/token_end {start}-{end} do not match the tokens "
        "({first}-{last})").format(where=n.detail, start=n.values[0], end=n.values[1],
                                   first=n.values[2], last=n.values[3]),
    Why.NOT_UTF8: lambda n: translate("Import", "not UTF-8 ({error})").format(error=n.detail),
    Why.NOT_WEBANNO: lambda n: translate("Import", "not WebAnno TSV 3 (the first line is not "
                                         "#FORMAT=WebAnno TSV 3.x)"),
    Why.TOKEN_BEFORE_TEXT: lambda n: translate("Import", "a token row before any #Text= line"),
    Why.TSV_COLUMNS: lambda n: translate(
        "Import", "token {address}: {n} columns, the header names {needed}").format(
        address=n.detail, n=n.numbers[0], needed=n.numbers[1]),
    Why.TSV_TOKEN_OUTSIDE: lambda n: translate(
        "Import", "token {address}: offsets {start}-{end} outside the text").format(
        address=n.detail, start=n.numbers[0], end=n.numbers[1]),
    Why.TSV_RELATION_SOURCE: lambda n: translate(
        "Import", "token {address}: relation source {cell} is not a token").format(
        address=n.detail, cell=n.values[0]),
    Why.TSV_RELATION_END: lambda n: translate(
        "Import", "token {address}: relation end not found").format(address=n.detail),
    Why.XMI_UNREADABLE: lambda n: translate(
        "Import", "not a UIMA CAS XMI its type system reads: {error}").format(error=n.detail),
    Why.NOT_A_ZIP: lambda n: translate("Import", "not a zip file ({error})").format(
        error=n.detail),
    Why.NO_INCEPTION_ENTRY: lambda n: translate(
        "Import", "no annotation/DOCUMENT/USER.xmi or .zip inside (not an INCEpTION project "
        "export or a zip of XMI files)"),
    Why.NO_XMI_INSIDE: lambda n: translate("Import", "no .xmi or .tsv inside"),
    Why.NO_TYPE_SYSTEM_ZIP: lambda n: translate("Import", "no TypeSystem.xml in the zip"),
    Why.ENTRY_TOO_LARGE: lambda n: translate("Import", "{name} is over {n} MB").format(
        name=n.detail, n=n.count),
    Why.DUPLICATE_KEY: lambda n: translate("Import", "{where}: duplicate key \"{key}\"").format(
        where=n.detail, key=n.values[0]),
    Why.KEY_MISSING: lambda n: translate("Import", "{where}: missing or empty \"key\"").format(
        where=n.detail),
    Why.SUGGESTION_MODEL: lambda n: translate(
        "Import", "{where}: a suggestion needs its model and model_version (and a number or "
        "nothing as score)").format(where=n.detail),
    Why.TIMESTAMP: lambda n: translate(
        "Import", "{where}._timestamp must be Unix seconds, got {value}").format(
        where=n.detail, value=n.values[0]),
    Why.ANNOTATORS_LIST: lambda n: translate(
        "Import", "{where}._annotators must be a list of names").format(where=n.detail),
    Why.NO_SPAN_WITH_KEY: lambda n: translate("Import", "{where}: no span with key {key}").format(
        where=n.detail, key=n.values[0]),
    Why.LINK_KIND_MISSING: lambda n: translate("Import", "{where}: missing or empty link kind"
                                               ).format(where=n.detail),
    Why.GROUP_FIELDS: lambda n: translate(
        "Import", "{where}: group, group_key, value and stance must be strings (group_key not "
        "empty)").format(where=n.detail),
    Why.HOLDS_NOT_BOOL: lambda n: translate(
        "Import", "{where}: \"holds\" must be true or false").format(where=n.detail),
    Why.UNKNOWN_STATUS: lambda n: translate("Import", "meta.status: unknown status {status}"
                                            ).format(status=n.values[0]),
    Why.UNKNOWN_LAYER: lambda n: translate(
        "Import", "{where}: unknown layer {layer} (use {layers})").format(
        where=n.detail, layer=n.values[0], layers=n.values[1]),
    Why.HTML_UNREADABLE: lambda n: translate("Import", "cannot read the HTML: {error}").format(
        error=n.detail),
}
