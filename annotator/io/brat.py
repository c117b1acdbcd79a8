"""brat standoff: a ``.txt`` and ``.ann`` per article, plus a ``.meta`` sidecar for losslessness."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.model import (
    CHECKWORTHY,
    CLAIM_KINDS,
    VERDICTS,
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Status,
)
from annotator.core.spans import Utf16Index
from annotator.io.common import (
    ARTICLE_BYTES,
    ImportProblem,
    Warn,
    first_line,
    read_limited,
    short_title,
)
from annotator.io.conll import META_FIELDS, json_line
from annotator.io.decode import decode_bytes

CONF = "annotation.conf"
META_SUFFIX = ".meta"
NOTE = "AnnotatorNotes"
LAYER_ATTR = "Layer"
NATIVE = {"kind": ("Kind", CLAIM_KINDS), "checkworthy": ("Checkworthy", CHECKWORTHY),
          "verdict": ("Verdict", VERDICTS)}  # claim attributes written as brat A lines
IMPLIED = {"CLAIM": Layer.CLAIM, "SOURCE": Layer.SOURCE}  # other types: entity
SPAN_FIELDS = frozenset({"label", "source", "source_kind", "group", "attrs"})
LINK_FIELDS = frozenset({"relation", "attrs"})

_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_TYPE = re.compile(r"\w[\w.-]*")
_FIELD = re.compile(r"[A-Za-z_][\w.-]*")
_NOTE = re.compile(r"([A-Za-z_][\w.-]*)(: |= )(.*)", re.S)
_SLUG = re.compile(r"[^\w]+")


# -- writing -------------------------------------------------------------------------------


def write_brat(drafts: Iterable[ArticleDraft], folder: Path) -> list[Path]:
    """``NNNN-title.txt/.ann/.meta`` per article and an ``annotation.conf`` for the folder."""
    drafts = list(drafts)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = _number_groups(drafts)
    conf = _Conf()
    width = max(4, len(str(len(drafts))))
    written: list[Path] = []
    for n, draft in enumerate(drafts, start=1):
        stem = folder / f"{n:0{width}d}-{_slug(draft.title)}"
        files = {".txt": draft.text, ".ann": "".join(ann_lines(draft, numbers, conf)),
                 META_SUFFIX: json.dumps(_meta(draft), ensure_ascii=False, indent=2) + "\n"}
        for suffix, content in files.items():
            target = stem.with_name(stem.name + suffix)
            with target.open("w", encoding="utf-8", newline="") as handle:
                handle.write(content)
            written.append(target)
    written.append(folder / CONF)
    (folder / CONF).write_text(conf.render(), encoding="utf-8", newline="\n")
    return written


def _slug(title: str) -> str:
    """A safe file name part: letters, digits and ``-`` only (no separators, dots or ``..``)."""
    return _SLUG.sub("-", title).strip("-_")[:60].strip("-_") or "article"


def _number_groups(drafts: list[ArticleDraft]) -> dict[str, str]:
    """Group keys renumbered G1, G2 … by first use, so a re-import writes the same keys."""
    numbers: dict[str, str] = {}
    for draft in drafts:
        order = {s.key: i for i, s in enumerate(draft.annotations)}
        for m in sorted(draft.groups, key=lambda m: (order.get(m.span_key, len(order)), m.group,
                                                     m.value, m.stance, m.holds, m.group_key)):
            numbers.setdefault(m.group_key, f"G{len(numbers) + 1}")
    return numbers


def _meta(draft: ArticleDraft) -> dict[str, Any]:
    """The article fields brat has no place for."""
    record = {name: getattr(draft, name) for name in META_FIELDS}
    record["status"] = draft.status.value if draft.status is not None else None
    return record


class _Conf:
    """Collects the types, relations and attributes used, for ``annotation.conf``."""

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.relations: dict[str, tuple[set[str], set[str]]] = {}
        self.attributes: dict[str, set[str]] = {}

    def render(self) -> str:
        """The configuration brat needs to show and edit these files."""
        lines = ["# Written by annotator: the types its .ann files in this folder use.",
                 "[entities]", *sorted(self.types), "", "[relations]"]
        for kind, (args1, args2) in sorted(self.relations.items()):
            lines.append(f"{kind}\tArg1:{'|'.join(sorted(args1))}, Arg2:{'|'.join(sorted(args2))}")
        lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]",
                  "", "[attributes]"]
        values = {name: vocab for name, vocab in NATIVE.values()}
        values[LAYER_ATTR] = tuple(layer.value for layer in Layer)
        for name, types in sorted(self.attributes.items()):
            lines.append(f"{name}\tArg:{'|'.join(sorted(types))}, Value:{'|'.join(values[name])}")
        return "\n".join(lines) + "\n"


def ann_lines(draft: ArticleDraft, numbers: dict[str, str], conf: _Conf) -> list[str]:
    """T, A, R and # lines of one article, in that order; ids count from 1 in each kind."""
    tids = {s.key: f"T{i}" for i, s in enumerate(draft.annotations, start=1)}
    types = {s.key: _brat_type(s.label) for s in draft.annotations}
    spans, attrs, notes = [], [], []
    for s in draft.annotations:
        tid, kind = tids[s.key], types[s.key]
        conf.types.add(kind)
        spans.append(f"{tid}\t{kind} {_fragments(draft.text, s.start, s.end)}\n")
        for name, value in _attributes(s, kind):
            conf.attributes.setdefault(name, set()).add(kind)
            attrs.append(f"A{len(attrs) + 1}\t{name} {tid} {value}\n")
        notes += [(tid, line) for line in _span_notes(s, kind, draft.groups, numbers)]
    relations = []
    for link in (x for x in draft.links if x.from_key in tids and x.to_key in tids):
        r, kind = len(relations) + 1, _brat_type(link.kind)
        ends = conf.relations.setdefault(kind, (set(), set()))
        ends[0].add(types[link.from_key])
        ends[1].add(types[link.to_key])
        relations.append(f"R{r}\t{kind} Arg1:{tids[link.from_key]} Arg2:{tids[link.to_key]}\n")
        extra = [("relation", link.kind)] if kind != link.kind else []
        notes += [(f"R{r}", line) for line in _notes(extra, link.attrs, LINK_FIELDS)]
    comments = [f"#{n}\t{NOTE} {target}\t{text}\n" for n, (target, text)
                in enumerate(notes, start=1)]
    return spans + attrs + relations + comments


def _brat_type(label: str) -> str:
    """A label as a brat type: no white space or punctuation the configuration would misread."""
    return label if _TYPE.fullmatch(label) else re.sub(r"[^\w.-]", "_", label).lstrip(".-") or "_"


def _fragments(text: str, start: int, end: int) -> str:
    """``START END`` and the covered text; spans over line breaks are split into fragments."""
    pieces, pos = [], start
    for m in _BREAKS.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    offsets = ";".join(f"{a} {b}" for a, b in pieces)
    return offsets + "\t" + " ".join(text[a:b] for a, b in pieces)


def _attributes(s: DocSpan, kind: str) -> list[tuple[str, str]]:
    """brat attributes of a span: its layer when the type does not tell, claim attributes."""
    found = [(LAYER_ATTR, s.layer.value)] if IMPLIED.get(kind, Layer.ENTITY) is not s.layer else []
    if s.layer is Layer.CLAIM:
        found += [(name, s.attrs[key]) for key, (name, vocab) in NATIVE.items()
                  if s.attrs.get(key) in vocab]
    return found


def _span_notes(s: DocSpan, kind: str, groups: list[DocGroupMember],
                numbers: dict[str, str]) -> list[str]:
    """Notes of a span: its label if the type had to change, source, attributes, groups."""
    native = {k for k, (_, vocab) in NATIVE.items()
              if s.layer is Layer.CLAIM and s.attrs.get(k) in vocab}
    fields: list[tuple[str, Any]] = [("label", s.label)] if kind != s.label else []
    fields += [(name, value) for name, value in (("source", s.source),
                                                 ("source_kind", s.source_kind)) if value]
    lines = _notes(fields, {k: v for k, v in s.attrs.items() if k not in native}, SPAN_FIELDS)
    members = sorted((m for m in groups if m.span_key == s.key),
                     key=lambda m: int(numbers[m.group_key][1:]))
    lines += [_note("group", {"key": numbers[m.group_key], "title": m.group, "value": m.value,
                              "stance": m.stance, "holds": m.holds}) for m in members]
    return lines


def _notes(fields: list[tuple[str, Any]], attrs: dict[str, Any],
           reserved: frozenset[str]) -> list[str]:
    """Note texts: fixed fields, then one note per attribute (odd names go into one JSON)."""
    odd = {k: v for k, v in attrs.items() if k in reserved or not _FIELD.fullmatch(k)}
    lines = [_note(name, value) for name, value in fields]
    lines += [_note(k, v) for k, v in sorted(attrs.items()) if k not in odd]
    return lines + ([_note("attrs", odd)] if odd else [])


def _note(name: str, value: Any) -> str:
    """``name: text`` for plain one-line text, else ``name= JSON``."""
    if isinstance(value, str) and value and value == value.strip() and value.isprintable():
        return f"{name}: {value}"
    return f"{name}= {json_line(value)}"


# -- reading -------------------------------------------------------------------------------


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
        raise ImportProblem(f"no {txt.name} next to the annotations")
    text = _read(txt, warn)
    if not text.strip():
        raise ImportProblem(f"{txt.name} is empty")
    meta_path = ann.with_suffix(META_SUFFIX)
    record = _read_meta(meta_path, warn) if meta_path.is_file() else {}
    draft = _draft(text, record, str(ann))
    _Reader(draft).read(_read(ann, warn).split("\n"))
    return draft


def _read(path: Path, warn: Warn | None) -> str:
    """One file of the pair (or the sidecar) as text; problems name the file."""
    def named(reason: str) -> None:
        if warn is not None:
            warn(f"{path.name}: {reason}")

    try:
        return decode_bytes(read_limited(path, ARTICLE_BYTES, "a brat file"), path, warn=named)
    except ImportProblem as exc:
        raise ImportProblem(f"{path.name}: {exc.reason}") from exc


def _read_meta(path: Path, warn: Warn | None) -> dict[str, Any]:
    """Our sidecar's fields; a broken one is an error rather than silently lost metadata."""
    try:
        record = json.loads(_read(path, warn))
    except ValueError as exc:
        raise ImportProblem(f"{path.name}: invalid JSON ({exc})") from exc
    except RecursionError as exc:
        raise ImportProblem(f"{path.name}: invalid JSON (nested too deeply)") from exc
    if not isinstance(record, dict):
        raise ImportProblem(f"{path.name}: expected a JSON object")
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
                                    f"(length {len(text)})", n)
            if index is not None:
                frags = [(index.to_codepoint(a), index.to_codepoint(b)) for a, b in frags]
                if not _covers(text, frags, cols):
                    raise ImportProblem(f"{cols[0]}: the text at {cols[1]} is not the quoted "
                                        f"text", n)
                start, end = frags[0][0], frags[-1][1]
            if not start < end:
                raise ImportProblem(f"{cols[0]}: span {start}-{end} is empty", n)
            layer = IMPLIED.get(label, Layer.ENTITY)
            self.spans[cols[0]] = {"start": start, "end": end, "label": label, "layer": layer,
                                   "attrs": {}, "source": None, "source_kind": None}

    def _relation(self, n: int, rid: str, fields: list[str]) -> None:
        """``R1<TAB>kind Arg1:T3 Arg2:T5``; arguments that are no span are an error."""
        args = [f.partition(":")[2] for f in fields[1:3]]
        if len(args) != 2 or not all(a in self.spans for a in args):
            raise ImportProblem(f"{rid}: expected 'TYPE Arg1:T… Arg2:T…' of known spans", n)
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
        found = _NOTE.fullmatch(text)
        name, value = (found.group(1), found.group(3)) if found else ("comment", text)
        if found and found.group(2) == "= ":
            try:
                value = json.loads(value)
            except ValueError:
                name, value = "comment", text
        if head[1] in self.spans and name in SPAN_FIELDS - {"attrs"}:
            self._span_field(head[1], name, value)
        elif head[1] in self.links and name == "relation" and isinstance(value, str):
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


def _offsets(n: int, data: str) -> tuple[str, list[tuple[int, int]]]:
    """``TYPE START END[;START END…]`` → type and fragments."""
    label, _, rest = data.partition(" ")
    try:
        frags = [(int(a), int(b)) for a, b in (part.split() for part in rest.split(";"))]
    except ValueError as exc:
        raise ImportProblem(f"expected 'TYPE START END' in {data!r}", n) from exc
    if not label or not frags:
        raise ImportProblem(f"expected 'TYPE START END' in {data!r}", n)
    for a, b in frags:
        if not 0 <= a <= b:
            raise ImportProblem(f"offsets {a} {b} in {data!r}: start must not be after end "
                                "and neither negative", n)
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
