"""Reading brat standoff: an ``.ann`` with its ``.txt`` (and our ``.meta``) is one article."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from annotator.core.model import ArticleDraft, DocGroupMember, DocLink, DocSpan, Layer, Status
from annotator.core.spans import Utf16Index
from annotator.io.brat import IMPLIED, LAYER_ATTR, META_SUFFIX, NATIVE, NOTE_SEP, SPAN_FIELDS
from annotator.io.common import (
    ARTICLE_BYTES,
    ImportProblem,
    Warn,
    Why,
    first_line,
    json_type,
    read_limited,
    short_title,
)
from annotator.io.decode import decode_bytes
from annotator.io.records import object_of, parse_provenance, parse_suggestions

_NOTE = re.compile(r"([A-Za-z_][\w.-]*)(: |= )(.*)", re.S)
_NOTE_HEAD = re.compile(r"([A-Za-z_][\w.-]*)(: |= )")
_JSON = json.JSONDecoder()


def brat_text_of(path: Path) -> Path | None:
    """For a ``.txt`` with an ``.ann`` next to it: that ``.ann`` (the pair is one article)."""
    if path.suffix.lower() != ".txt":
        return None
    ann = path.with_suffix(".ann")
    return ann if ann.is_file() else None


def read_brat_file(path: Path, warn: Warn | None = None) -> ArticleDraft:
    """An ``.ann`` (or its ``.txt``) with its text and, from our exports, the ``.meta``."""
    ann = brat_text_of(path) or path
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise ImportProblem(f"no {txt.name} next to the annotations", kind=Why.BRAT_NO_TEXT,
                            detail=txt.name)
    text = _read(txt, warn)
    if not text.strip():
        raise ImportProblem(f"{txt.name} is empty", kind=Why.BRAT_EMPTY_TEXT, detail=txt.name)
    meta_path = ann.with_suffix(META_SUFFIX)
    record = _read_meta(meta_path, warn) if meta_path.is_file() else {}
    draft = _draft(text, record, str(ann))
    _Reader(draft).read(_read(ann, warn).split("\n"))
    _provenance(draft, record, meta_path.name)
    return draft


def _provenance(draft: ArticleDraft, record: dict[str, Any], where: str) -> None:
    """Who made the spans and the open suggestions, from our sidecar."""
    made = object_of(record.get("provenance", {}), f"{where}: provenance")
    draft.annotations = [
        replace(s, made=parse_provenance(object_of(made[s.key], f"{where}: {s.key}"), s.key))
        if s.key in made else s for s in draft.annotations]
    if "suggestions" in record:
        draft.suggestions = parse_suggestions(record["suggestions"], draft.text,
                                              f"{where}: suggestions")


def _read(path: Path, warn: Warn | None) -> str:
    """One file of the pair (or the sidecar) as text; problems name the file. The pair is
    text by its format (the offsets count its characters): control characters stay, only NUL
    bytes mean binary (io/decode.py)."""
    def named(note: ImportProblem) -> None:
        if warn is not None:
            warn(note.within(path.name))

    try:
        return decode_bytes(read_limited(path, ARTICLE_BYTES, "a brat file"), path, warn=named,
                            controls=False)
    except ImportProblem as exc:
        raise exc.within(path.name) from exc


def _read_meta(path: Path, warn: Warn | None) -> dict[str, Any]:
    """Our sidecar's fields; a broken one is an error rather than silently lost metadata."""
    try:
        record = json.loads(_read(path, warn))
    except ValueError as exc:
        raise ImportProblem(f"invalid JSON ({exc})", kind=Why.INVALID_JSON_FILE,
                            detail=str(exc)).within(path.name) from exc
    except RecursionError as exc:
        raise ImportProblem("invalid JSON: nested too deeply",
                            kind=Why.JSON_TOO_DEEP).within(path.name) from exc
    if not isinstance(record, dict):
        raise ImportProblem(f"expected a JSON object, got {json_type(record)}",
                            kind=Why.NOT_AN_OBJECT, detail=json_type(record)).within(path.name)
    return record


def _draft(text: str, record: dict[str, Any], where: str) -> ArticleDraft:
    """A draft from the text and the sidecar's fields (or defaults for foreign files)."""
    def get(name: str) -> str | None:
        value = record.get(name)
        return value if isinstance(value, str) else None

    meta, status = record.get("meta"), get("status")
    title = (get("title") or "") if "title" in record else short_title(first_line(text))
    return ArticleDraft(
        text=text, title=title, outlet=get("outlet"),
        author=get("author"), url=get("url"), published=get("published"),
        language=get("language") or "de", meta=meta if isinstance(meta, dict) else {},
        source_path=get("source_path") if "source_path" in record else where,
        status=Status(status) if status in set(Status) else None,
    )


class _Reader:
    """Parses .ann lines into the draft: spans first, then what refers to them."""

    def __init__(self, draft: ArticleDraft) -> None:
        self.draft = draft
        self.spans: dict[str, dict[str, Any]] = {}
        self.links: dict[str, dict[str, Any]] = {}
        self.groups: list[DocGroupMember] = []

    def read(self, lines: list[str]) -> None:
        """Every line by its id prefix; lines brat would not know are skipped."""
        rows = [(n, line.rstrip("\r").split("\t")) for n, line in enumerate(lines, start=1)
                if line.strip()]
        spans = [(n, cols) for n, cols in rows if cols[0][:1] == "T" and len(cols) >= 2]
        self._spans(spans)
        for n, cols in rows:
            if cols[0][:1] == "R" and len(cols) >= 2:
                self._relation(n, cols[0], cols[1].split())
        for n, cols in rows:
            if cols[0][:1] == "A" and len(cols) >= 2:
                self._attribute(n, cols[1].split(" ", 2))
            elif cols[0][:1] == "#" and len(cols) >= 2:
                self._comment(cols[1].split(), "\t".join(cols[2:]))
        self._finish()

    def _spans(self, rows: list[tuple[int, list[str]]]) -> None:
        """T lines; offsets counting UTF-16 units are converted when code points do not fit."""
        parsed = [(n, cols, _offsets(n, cols[1])) for n, cols in rows]
        text = self.draft.text
        fits = all(_covers(text, frags, cols) for _, cols, (_, frags) in parsed)
        index = None if fits else Utf16Index(text)
        units = index.to_utf16(len(text)) if index else len(text)
        for n, cols, (label, frags) in parsed:
            start, end = frags[0][0], frags[-1][1]
            if end > units:
                raise ImportProblem(f"{cols[0]}: span {start}-{end} is outside the text "
                                    f"(length {len(text)})", n, kind=Why.SPAN_OUTSIDE,
                                    detail=cols[0], numbers=(start, end, len(text)))
            if index is not None:
                frags = [(index.to_codepoint(a), index.to_codepoint(b)) for a, b in frags]
                if not _covers(text, frags, cols):
                    raise ImportProblem(f"{cols[0]}: the text at {cols[1]} is not the quoted "
                                        "text", n, kind=Why.QUOTED_TEXT_DIFFERS,
                                        detail=cols[0], values=(cols[1],))
                start, end = frags[0][0], frags[-1][1]
            if not start < end:
                raise ImportProblem(f"{cols[0]}: span {start}-{end} is empty", n,
                                    kind=Why.SPAN_EMPTY, detail=cols[0], numbers=(start, end))
            layer = IMPLIED.get(label, Layer.ENTITY)
            self.spans[cols[0]] = {"start": start, "end": end, "label": label, "layer": layer,
                                   "attrs": {}, "source": None, "source_kind": None}

    def _relation(self, n: int, rid: str, fields: list[str]) -> None:
        """``R1<TAB>kind Arg1:T3 Arg2:T5``; arguments that are no span are an error."""
        args = [f.partition(":")[2] for f in fields[1:3]]
        if len(args) != 2 or not all(a in self.spans for a in args):
            raise ImportProblem(f"{rid}: expected 'TYPE Arg1:T… Arg2:T…' of known spans", n,
                                kind=Why.BRAT_RELATION, detail=rid)
        self.links[rid] = {"from": args[0], "to": args[1], "kind": fields[0], "attrs": {}}

    def _attribute(self, n: int, fields: list[str]) -> None:
        """``A1<TAB>Verdict T3 false``: the layer, claim attributes, foreign ones by name."""
        if len(fields) < 2 or fields[1] not in self.spans:
            return
        span, value = self.spans[fields[1]], fields[2] if len(fields) > 2 else True
        keys = {name: key for key, (name, _) in NATIVE.items()}
        if fields[0] == LAYER_ATTR and value in set(Layer):
            span["layer"] = Layer(value)
        else:
            span["attrs"][keys.get(fields[0], fields[0])] = value

    def _comment(self, head: list[str], text: str) -> None:
        """Notes in our ``field: text`` / ``field= JSON`` form; other text is a comment."""
        if len(head) != 2 or not (target := self.spans.get(head[1]) or self.links.get(head[1])):
            return
        for name, value, ours in _notes(text):
            self._note(head[1], target, name, value, ours)

    def _note(self, key: str, target: dict[str, Any], name: str, value: Any,
              found: bool) -> None:
        """One note of a span or relation: a field of ours, an attribute, or a comment."""
        if key in self.spans and name in SPAN_FIELDS - {"attrs"}:
            self._span_field(key, name, value)
        elif key in self.links and name == "relation" and isinstance(value, str):
            target["kind"] = value
        elif name == "attrs" and isinstance(value, dict):
            target["attrs"].update(value)
        elif name == "comment" and isinstance(target["attrs"].get(name), str) and not found:
            target["attrs"][name] += "\n" + value
        else:
            target["attrs"][name] = value

    def _span_field(self, tid: str, name: str, value: Any) -> None:
        """The label, canonical source or a claim group membership of a span."""
        span = self.spans[tid]
        if name == "group" and isinstance(value, dict):
            self.groups.append(DocGroupMember(
                str(value.get("title", "")), str(value.get("key", "")), tid,
                str(value.get("value", "")), str(value.get("stance", "")),
                bool(value.get("holds", False))))
        elif isinstance(value, str):
            span[name] = value

    def _finish(self) -> None:
        """Store the collected spans, links and groups in the draft."""
        self.draft.annotations = [
            DocSpan(key, s["layer"], s["start"], s["end"], s["label"], s["attrs"],
                    source=s["source"], source_kind=s["source_kind"])
            for key, s in self.spans.items()]
        self.draft.links = [DocLink(x["from"], x["to"], x["kind"], x["attrs"])
                            for x in self.links.values()]
        self.draft.groups = [m for m in self.groups
                             if self.spans[m.span_key]["layer"] is Layer.CLAIM]


def _notes(text: str) -> list[tuple[str, Any, bool]]:
    """The notes of one AnnotatorNotes line as (name, value, in our form): ours joined by
    `` | ``, an older file's single ``name: text`` / ``name= JSON``, or a plain comment."""
    joined = _joined(text)
    if joined is not None:
        return [(name, value, True) for name, value in joined]
    found = _NOTE.fullmatch(text)
    if found and found.group(2) == ": ":
        return [(found.group(1), found.group(3), True)]
    return [("comment", text, False)]


def _joined(text: str) -> list[tuple[str, Any]] | None:
    """``name: text | name= JSON | …`` (plain texts hold no ``|``), or None for other text."""
    notes: list[tuple[str, Any]] = []
    pos = 0
    while head := _NOTE_HEAD.match(text, pos):
        pos = head.end()
        if head.group(2) == "= ":
            try:
                value, pos = _JSON.raw_decode(text, pos)
            except (ValueError, RecursionError):
                return None
        else:
            end = text.find(NOTE_SEP, pos)
            end = len(text) if end < 0 else end
            value, pos = text[pos:end], end
        notes.append((head.group(1), value))
        if pos == len(text):
            return notes
        if not text.startswith(NOTE_SEP, pos):
            return None
        pos += len(NOTE_SEP)
    return None


def _span_line(n: int, data: str) -> ImportProblem:
    return ImportProblem(f"expected 'TYPE START END' in {data!r}", n, kind=Why.BRAT_SPAN_LINE,
                         values=(repr(data),))


def _offsets(n: int, data: str) -> tuple[str, list[tuple[int, int]]]:
    """``TYPE START END[;START END…]`` → type and fragments."""
    label, _, rest = data.partition(" ")
    try:
        frags = [(int(a), int(b)) for a, b in (part.split() for part in rest.split(";"))]
    except ValueError as exc:
        raise _span_line(n, data) from exc
    if not label or not frags:
        raise _span_line(n, data)
    for a, b in frags:
        if not 0 <= a <= b:
            raise ImportProblem(f"offsets {a} {b} in {data!r}: start must not be after end "
                                "and neither negative", n, kind=Why.BRAT_OFFSETS, numbers=(a, b),
                                values=(repr(data),))
    return label, frags


def _covers(text: str, frags: list[tuple[int, int]], cols: list[str]) -> bool:
    """Whether the fragments' text is what the T line quotes (brat's rule: a tail may follow)."""
    if not all(0 <= a <= b <= len(text) for a, b in frags):
        return False
    if len(cols) < 3:
        return True
    quoted, covered = "\t".join(cols[2:]), " ".join(text[a:b] for a, b in frags)
    rest = quoted[len(covered):]
    return quoted.startswith(covered) and (not rest or rest[0].isspace())
