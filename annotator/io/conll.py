"""CoNLL-2003-style IOB2 for the entity layer; a hidden sidecar makes our own files lossless.

The sidecar of ``train.conll`` is ``.train.conll.meta`` beside it: a dot file, which
``spacy convert`` skips when it reads the folder (it refuses a folder of mixed file types);
older versions' ``train.conll.meta`` is still read. It has one JSON line per document: its
text and fields, and ``provenance``, who made each entity span and when (records of
``annotator.io.records`` with the span's ``start``, ``end`` and ``label``). IOB has no "nobody
reviewed this": the export refuses articles with parts nobody reviewed (app/exporting.py).

A token column cannot carry control characters (a reader takes a file full of them for binary
data, and some split at them): the tokens have each as its Unicode picture, one character for
one (``PICTURES``), the export warns naming the articles, and the sidecar keeps the text as it
is, so that our reader gives it back exactly.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from annotator.core.model import ArticleDraft, DocSpan, Layer, Status
from annotator.io.common import (
    DATASET_BYTES,
    ImportFailure,
    ImportItem,
    ImportProblem,
    Why,
    read_limited,
    short_title,
)
from annotator.io.decode import decode_bytes
from annotator.io.export_notes import Kind, tell
from annotator.io.records import parse_provenance, provenance_record
from annotator.io.tokens import Token, tokenize

logger = logging.getLogger(__name__)

CONLL_SUFFIXES = frozenset({".conll", ".iob", ".bio"})
SIDECAR_SUFFIX = ".meta"  # not an importable extension: a folder walk never reads it as data
DOCSTART = "-DOCSTART- -X- O O"  # the document line spaCy's `convert -c ner` splits on
META_FIELDS = ("title", "outlet", "author", "url", "published", "language", "status",
               "source_path", "meta")

_TAG = re.compile(r"O|[BIESLU]-\S+")
_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset("\"“”«»'’)]")
_OPENERS = frozenset("\"„“«»'‚‘([")
_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffd]")
_URL_DATE = re.compile(r"#\s+(https?://\S+)(?:\s+\[(\d{4}-\d{2}-\d{2})\])?")

Entity = tuple[int, int, str]  # start, end (code points), label
# U+0000–U+001F as ␀–␟, DEL as ␡; C1 controls and U+FFFD (which io/decode.py counts as
# signs of binary data too) as ␦, the symbol for a substitute.
PICTURES = ({c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421}
            | dict.fromkeys([*range(0x80, 0xA0), 0xFFFD], 0x2426))


def sidecar_path(path: Path) -> Path:
    """Where the texts and metadata of a CoNLL file go: ``train.conll`` → ``.train.conll.meta``."""
    return path.with_name("." + path.name + SIDECAR_SUFFIX)


def _sidecar_found(path: Path) -> Path | None:
    """The sidecar of a CoNLL file, or an older version's ``train.conll.meta``, if there is one."""
    return next((p for p in (sidecar_path(path), path.with_name(path.name + SIDECAR_SUFFIX))
                 if p.is_file()), None)


def json_line(value: Any) -> str:
    """JSON on one line even for readers that split at U+2028 or NEL (they are escaped), and
    that io/decode.py never takes for binary data (C1 controls and U+FFFD escaped too)."""
    text = json.dumps(value, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# -- writing -------------------------------------------------------------------------------


def write_conll(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """The entity layer as IOB2 (what ``spacy convert -c ner`` reads) plus the lossless sidecar."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sidecar = sidecar_path(path)
    dropped = 0
    pictured: list[str] = []  # the titles of the articles with control characters
    with path.open("w", encoding="utf-8", newline="\n") as out, \
            sidecar.open("w", encoding="utf-8", newline="\n") as meta:
        for n, draft in enumerate(drafts):
            sentences, lost = conll_sentences(draft.text, draft_entities(draft))
            dropped += lost
            written = [[(token.translate(PICTURES), tag) for token, tag in sentence]
                       for sentence in sentences]
            if written != sentences:
                pictured.append(draft.title)
            out.write(("\n" if n else "") + DOCSTART + "\n")
            for sentence in written:
                out.write("\n" + "".join(f"{token}\t{tag}\n" for token, tag in sentence))
            meta.write(json_line(_meta_record(draft)) + "\n")
    if dropped:
        tell(logger, Kind.NESTED_ENTITIES, path, dropped)
    if pictured:
        tell(logger, Kind.CONTROL_CHARACTERS, path, len(pictured), pictured)
    return [path, sidecar]


def draft_entities(draft: ArticleDraft) -> list[Entity]:
    """The draft's entity spans in article order: entity-layer annotations, pre-annotated spans."""
    found = [(a.start, a.end, a.label) for a in draft.annotations if a.layer is Layer.ENTITY]
    found += [(s.start, s.end, s.label) for s in draft.spans]
    return list(dict.fromkeys(found))


def flatten(entities: Iterable[Entity]) -> tuple[list[Entity], int]:
    """Entities that do not overlap: by start, longer first, then in the order given; an entity
    overlapping one kept already is dropped (as in the spaCy export's ``doc.ents``)."""
    kept: list[Entity] = []
    dropped = 0
    for start, end, label in sorted(entities, key=lambda e: (e[0], -e[1])):
        if kept and start < kept[-1][1]:
            dropped += 1
        else:
            kept.append((start, end, label))
    return kept, dropped


def conll_sentences(text: str, entities: Iterable[Entity]
                    ) -> tuple[list[list[tuple[str, str]]], int]:
    """Sentences of (token, IOB2 tag), and how many entities could not be written."""
    kept, dropped = flatten(entities)
    bounds = tuple(x for start, end, _ in kept for x in (start, end))
    tokens = [t for t in tokenize(text, bounds) if not t.text.isspace()]
    tags = ["O"] * len(tokens)
    index = 0
    for start, end, label in kept:
        while index < len(tokens) and tokens[index].end <= start:
            index += 1
        inside = index
        while inside < len(tokens) and tokens[inside].end <= end:
            tags[inside] = ("I-" if inside > index else "B-") + "_".join(label.split())
            inside += 1
        dropped += inside == index  # only white space under it
    sentences: list[list[tuple[str, str]]] = []
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        if i == 0 or _sentence_break(text, tokens, i, tag):
            sentences.append([])
        sentences[-1].append((token.text, tag))
    return sentences, dropped


def _sentence_break(text: str, tokens: list[Token], i: int, tag: str) -> bool:
    """A new sentence at token i: after a line break or final punctuation, never in an entity."""
    if tag.startswith("I-"):
        return False
    if _BREAK.search(text, tokens[i - 1].end, tokens[i].start):
        return True
    prev = tokens[i - 1].text
    if prev in _CLOSERS and i > 1:
        prev = tokens[i - 2].text
    first = tokens[i].text[0]
    return prev in _FINAL and (first.isupper() or first.isdigit() or first in _OPENERS)


def _meta_record(draft: ArticleDraft) -> dict[str, Any]:
    """What the sidecar keeps of a draft: every field but the annotations, who made the
    entity spans, the text last."""
    record = {name: getattr(draft, name) for name in META_FIELDS}
    record["status"] = draft.status.value if draft.status is not None else None
    written = set(flatten(draft_entities(draft))[0])
    made = [{"start": a.start, "end": a.end, "label": a.label, **provenance_record(a.made)}
            for a in draft.annotations if a.layer is Layer.ENTITY and a.made
            and (a.start, a.end, a.label) in written]
    if made:
        record["provenance"] = made
    record["text"] = draft.text
    return record


# -- reading -------------------------------------------------------------------------------


class _Doc(Struct):
    """One document of a CoNLL file as parsed: sentences of (token, tag), its first line."""

    line: int
    sentences: list[list[tuple[str, str]]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    problem: ImportProblem | None = None


def iter_conll_file(path: Path) -> Iterator[ImportItem]:
    """Drafts with entity annotations, one per document; a bad document fails alone."""
    notes: list[ImportProblem] = []
    data = read_limited(path, DATASET_BYTES, "a CoNLL file")
    docs = parse_conll(decode_bytes(data, path, warn=notes.append))
    yield from (note.warning(str(path)) for note in notes)
    if not docs:
        if _sidecar_found(path) is None:  # with one: our export of an empty split
            yield ImportFailure(str(path), None, "no tokens in the file", Why.NO_TOKENS)
        return
    records = _read_sidecar(path, len(docs))
    for n, doc in enumerate(docs):
        try:
            if doc.problem is not None:
                raise doc.problem
            yield _draft(path, doc, records[n] if records else None)
        except ImportProblem as exc:
            yield exc.failure(str(path), exc.line or doc.line)


def parse_conll(text: str) -> list[_Doc]:
    """Documents split at ``-DOCSTART-`` lines, or one per sentence when a file has none."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    has_docstart = any(line.lstrip().startswith("-DOCSTART-") for line in lines)
    docs: list[_Doc] = []
    rows: list[tuple[int, list[str]]] = []
    comments: list[str] = []

    def close_sentence() -> None:
        if rows:
            if not docs or not has_docstart:
                docs.append(_Doc(rows[0][0]))
            _add_sentence(docs[-1], rows)
            docs[-1].comments += comments
            rows.clear()
            comments.clear()

    for number, line in enumerate(lines, start=1):
        fields = line.split()
        if not fields:
            close_sentence()
        elif fields[0] == "-DOCSTART-":
            close_sentence()
            docs.append(_Doc(number))
        elif fields[0].startswith("#") and (len(fields) == 1 or not _TAG.fullmatch(fields[-1])):
            comments.append(line.strip())
        else:
            rows.append((number, fields))
    close_sentence()
    return [doc for doc in docs if doc.sentences or doc.problem]


def _add_sentence(doc: _Doc, rows: list[tuple[int, list[str]]]) -> None:
    """Token and tag columns: first and last, or 2nd and 3rd in GermEval's numbered form."""
    numbered = all(len(f) >= 3 and f[0] == str(i) for i, (_, f) in enumerate(rows, start=1))
    sentence = []
    for number, fields in rows:
        token, tag = (fields[1], fields[2]) if numbered else (fields[0], fields[-1])
        if len(fields) < 2:
            doc.problem = doc.problem or ImportProblem("expected TOKEN and TAG columns", number,
                                                       kind=Why.CONLL_COLUMNS)
        elif not _TAG.fullmatch(tag):
            doc.problem = doc.problem or ImportProblem(
                f"'{tag}' is not an IOB tag (O, B-LABEL, I-LABEL)", number, kind=Why.CONLL_TAG,
                detail=tag)
        sentence.append((token, tag))
    doc.sentences.append(sentence)


def _read_sidecar(path: Path, count: int) -> list[dict[str, Any]] | None:
    """The sidecar's records when there is one for exactly these documents."""
    sidecar = _sidecar_found(path)
    if sidecar is None:
        return None
    try:
        data = read_limited(sidecar, DATASET_BYTES, "a CoNLL sidecar")
        lines = decode_bytes(data, sidecar).split("\n")
        records = [json.loads(line) for line in lines if line.strip()]
    except (ImportProblem, ValueError, OSError, RecursionError) as exc:
        logger.warning("%s: ignoring unreadable sidecar (%s)", sidecar, exc)
        return None
    if len(records) != count or not all(isinstance(r, dict) for r in records):
        logger.warning("%s: %d records for %d documents, ignored", sidecar, len(records), count)
        return None
    return records


def _draft(path: Path, doc: _Doc, record: dict[str, Any] | None) -> ArticleDraft:
    """A document → draft: the sidecar's text when the tokens fit it, else tokens joined."""
    tokens = [token for sentence in doc.sentences for token, _ in sentence]
    offsets = _align(record.get("text"), tokens) if record else None
    if record and offsets is None:
        logger.warning("%s:%d: tokens differ from the sidecar text; joined them", path, doc.line)
    if offsets is None or record is None:
        text, offsets = _joined(doc.sentences)
        draft = ArticleDraft(text=text, title=short_title(text.split("\n", 1)[0]),
                             source_path=f"{path}:{doc.line}")
        _comment_meta(draft, doc.comments)
    else:
        draft = _from_record(record, f"{path}:{doc.line}")
    starts = [i == 0 for sentence in doc.sentences for i in range(len(sentence))]
    tags = [tag for sentence in doc.sentences for _, tag in sentence]
    made = _provenance(record)
    draft.annotations = [
        DocSpan(f"T{n}", Layer.ENTITY, start, end, label, made=made.get((start, end, label)))
        for n, (start, end, label) in enumerate(
            ((offsets[first][0], offsets[last - 1][1], label)
             for first, last, label in iob_entities(tags, starts)), start=1)
    ]
    return draft


def _provenance(record: dict[str, Any] | None) -> dict[Entity, Any]:
    """Who made each entity span, by its offsets and label, from our sidecar."""
    found = record.get("provenance") if record else None
    if not isinstance(found, list):
        return {}
    return {(r["start"], r["end"], r["label"]): parse_provenance(r, "provenance")
            for r in found if isinstance(r, dict) and {"start", "end", "label"} <= set(r)}


def iob_entities(tags: list[str], starts: list[bool]) -> list[tuple[int, int, str]]:
    """Token ranges of entities from IOB1, IOB2 or BIOES/BILOU tags; sentences end them."""
    found: list[tuple[int, int, str]] = []
    current: tuple[int, str] | None = None
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if current and (tag == "O" or prefix in "BSU" or label != current[1] or starts[i]):
            found.append((current[0], i, current[1]))
            current = None
        if tag != "O" and current is None:
            current = (i, label)
        if current and prefix in "ELSU":
            found.append((current[0], i + 1, current[1]))
            current = None
    if current:
        found.append((current[0], len(tags), current[1]))
    return found


def _align(text: Any, tokens: list[str]) -> list[tuple[int, int]] | None:
    """Token offsets in the original text, or None when the tokens are not that text (their
    control characters written as pictures: ``PICTURES``)."""
    if not isinstance(text, str):
        return None
    written = text.translate(PICTURES)  # one character for one: the offsets stay
    offsets, pos = [], 0
    for token in tokens:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not written.startswith(token, pos):
            return None
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    return offsets if not text[pos:].strip() else None


def _joined(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]]]:
    """A text for foreign files: tokens joined by spaces, sentences by line breaks."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for s, sentence in enumerate(sentences):
        for i, (token, _) in enumerate(sentence):
            sep = ("\n" if s else "") if i == 0 else " "
            parts.append(sep + token)
            pos += len(sep)
            offsets.append((pos, pos + len(token)))
            pos += len(token)
    return "".join(parts), offsets


def _from_record(record: dict[str, Any], where: str) -> ArticleDraft:
    """A draft with the text and metadata our own export kept in the sidecar."""
    def text_field(name: str) -> str | None:
        value = record.get(name)
        return value if isinstance(value, str) else None

    meta = record.get("meta")
    status = text_field("status")
    return ArticleDraft(
        text=record["text"], title=text_field("title") or "", outlet=text_field("outlet"),
        author=text_field("author"), url=text_field("url"), published=text_field("published"),
        language=text_field("language") or "de", meta=meta if isinstance(meta, dict) else {},
        source_path=text_field("source_path") if "source_path" in record else where,
        status=Status(status) if status in set(Status) else None,
    )


def _comment_meta(draft: ArticleDraft, comments: list[str]) -> None:
    """GermEval-style ``# URL [date]`` comments become the url and date; all are kept in meta."""
    if not comments:
        return
    draft.meta["comments"] = comments
    found = _URL_DATE.match(comments[0])
    if found:
        draft.url, draft.published = found.group(1), found.group(2)
