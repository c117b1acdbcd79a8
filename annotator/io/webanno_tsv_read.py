"""Reading WebAnno TSV 3 (3.0 to 3.3): the text from the ``#Text=`` blocks placed at their
tokens' offsets (UTF-16 units), span layers and relation layers as io/xmi_read.py reads the
same types from XMI; sub-token rows (``1-2.1``) are tokens like any other."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, BinaryIO

from msgspec import Struct
from msgspec.structs import replace

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer
from annotator.core.spans import Utf16Index
from annotator.io.common import (
    DATASET_BYTES,
    ImportProblem,
    Why,
    first_line,
    open_regular,
    read_limited,
    short_title,
)
from annotator.io.inception import (
    META_SUFFIX,
    layer_of,
    link_of,
    order_key,
    span_of,
    with_meta,
)

_ROW = re.compile(r"(\d+-\d+(?:\.\d+)?)\t(\d+)-(\d+)\t")
_GOVERNOR = re.compile(r"(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?")
_FORMAT = b"#FORMAT=WebAnno TSV 3"
_UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", "f": "\x0c", "b": "\b"}
_VALUE_ESCAPES = frozenset("\\[]|_;*tn-")  # ``\->`` is read as ``-`` then ``>``
_TEXT_ESCAPE = re.compile(r"\\([tnrfb\\\x00-\x07\x0e-\x1f])")


def read_webanno_tsv_file(path: Path) -> ArticleDraft:
    """A ``.tsv`` (and our ``.meta`` beside it)."""
    data = read_limited(path, DATASET_BYTES, "a TSV file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"not UTF-8 ({exc})", kind=Why.NOT_UTF8, detail=str(exc)) from exc
    return with_meta(parse_webanno_tsv(text, str(path)), path.with_suffix(META_SUFFIX))


def is_webanno(path: Path) -> bool:
    """Whether a file starts with WebAnno TSV 3's format line (a pipe or device is refused
    unread: ImportProblem)."""
    with open_regular(path) as handle:
        return webanno_head(handle)


def webanno_head(data: BinaryIO) -> bool:
    """Whether what is read next starts with WebAnno TSV 3's format line."""
    return data.read(len(_FORMAT) + 3).lstrip(b"\xef\xbb\xbf").startswith(_FORMAT)


class _Layer(Struct):
    name: str
    features: list[str]
    relation: bool = False
    base: str | None = None
    chain: bool = False  # coreference chains: read past, not kept


class _Found(Struct):
    layer: _Layer
    begin: int
    end: int
    values: dict[str, Any]


def parse_webanno_tsv(content: str, source: str) -> ArticleDraft:
    """One TSV document as a draft; raises ImportProblem naming the line."""
    lines = [line.removesuffix("\r") for line in content.split("\n")]
    if not lines[0].startswith("#FORMAT=WebAnno TSV 3"):
        raise ImportProblem("not WebAnno TSV 3 (the first line is not #FORMAT=WebAnno TSV 3.x)",
                            1, kind=Why.NOT_WEBANNO)
    layers = _layers(lines)
    blocks: list[tuple[str, list[tuple[int, list[str]]]]] = []
    texts: list[str] = []
    for n, line in enumerate(lines, start=1):
        if line.startswith("#Text="):
            if not (blocks and not blocks[-1][1] and texts):
                texts = []
                blocks.append(("", []))
            texts.append(unescape_text(line[6:]) + "\n")
            blocks[-1] = ("".join(texts), blocks[-1][1])
        elif _ROW.match(line):
            if not blocks:
                raise ImportProblem("a token row before any #Text= line", n,
                                    kind=Why.TOKEN_BEFORE_TEXT)
            blocks[-1][1].append((n, line.split("\t")))
    text = _text(blocks)
    if not text.strip():
        raise ImportProblem("the document has no text", kind=Why.NO_DOCUMENT_TEXT)
    reader = _Reader(layers, Utf16Index(text), len(text))
    for _block, rows in blocks:
        for n, cells in rows:
            reader.row(n, cells)
    return reader.draft(text, source)


def _layers(lines: list[str]) -> list[_Layer]:
    layers = []
    for line in lines:
        kind, _eq, rest = line.partition("=")
        if kind in ("#T_SP", "#T_CH", "#T_RL"):
            name, *features = rest.split("|")
            layer = _Layer(name, features or [""],  # no feature: one placeholder column
                           relation=kind == "#T_RL", chain=kind == "#T_CH")
            if layer.relation and features and features[-1].startswith("BT_"):
                layer.base = features[-1][3:]
            layers.append(layer)
        elif line.startswith("#Text="):
            break
    return layers


def _text(blocks: list[tuple[str, list[tuple[int, list[str]]]]]) -> str:
    """The document as INCEpTION puts it together: each sentence (its lines, each ending in a
    line break) at its first token's offset, a gap before it filled with spaces, the line
    break before it dropped where it starts right there (and after the last one)."""
    parts: list[str] = []
    units = 0
    for block, rows in blocks:
        if rows:
            begin = int(rows[0][1][1].split("-")[0])
            if units == begin + 1 and parts and parts[-1].endswith("\n"):
                parts[-1] = parts[-1][:-1]
                units -= 1
            elif units < begin:
                parts.append(" " * (begin - units))
                units = begin
        parts.append(block)
        units += _units(block)
    return "".join(parts).removesuffix("\n")


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def unescape(value: str) -> str:
    """A value with its backslash escapes undone."""
    return "".join(_pieces(value)[0])


def unescape_text(line: str) -> str:
    """A ``#Text=`` line's text (INCEpTION's escapes of 3.2 and later undone)."""
    return _TEXT_ESCAPE.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(1)), line)


def _pieces(value: str) -> tuple[list[str], list[bool]]:
    """Characters of a value and whether each was escaped (an unknown escape is kept)."""
    chars, escaped = [], []
    i = 0
    while i < len(value):
        pair = value[i:i + 2]
        if pair[:1] == "\\" and len(pair) == 2 and pair[1] in _VALUE_ESCAPES:
            chars.append(_UNESCAPE.get(pair[1], pair[1]))
            escaped.append(True)
            i += 2
        else:
            chars.append(value[i])
            escaped.append(False)
            i += 1
    return chars, escaped


def split_cell(cell: str) -> list[tuple[str | None, int | None]]:
    """A cell's annotations: (value, number); ``_``: none, ``*``: no value."""
    if cell in ("_", ""):
        return []
    chars, escaped = _pieces(cell)
    parts: list[list[int]] = [[]]
    for i, (c, e) in enumerate(zip(chars, escaped, strict=True)):
        if c == "|" and not e:
            parts.append([])
        else:
            parts[-1].append(i)
    found = []
    for part in parts:
        value, number = "".join(chars[i] for i in part), None
        close = part and chars[part[-1]] == "]" and not escaped[part[-1]]
        opens = [k for k, i in enumerate(part) if chars[i] == "[" and not escaped[i]]
        if close and opens and value[opens[-1] + 1:-1].isdigit():
            number, value = int(value[opens[-1] + 1:-1]), value[:opens[-1]]
        found.append((None if value in ("*", "_", "") else value, number))
    return found


class _Reader:
    """Collects spans across rows by their numbers, and the relations on each row."""

    def __init__(self, layers: list[_Layer], units: Utf16Index, length: int) -> None:
        self.layers, self.units, self.length = layers, units, length
        self.spans: dict[tuple[str, int], _Found] = {}
        self.loose: list[_Found] = []
        self.at: dict[str, list[tuple[_Found, int | None]]] = {}
        self.relations: list[tuple[_Layer, dict[str, Any], str, int, int, str, int]] = []

    def row(self, n: int, cells: list[str]) -> None:
        address = cells[0]
        needed = 3 + sum(len(layer.features) for layer in self.layers)
        if len(cells) < needed:
            raise ImportProblem(f"token {address}: {len(cells)} columns, the header names "
                                f"{needed}", n, kind=Why.TSV_COLUMNS, detail=address,
                                numbers=(len(cells), needed))
        b16, e16 = (int(x) for x in cells[1].split("-"))
        begin, end = self.units.to_codepoint(b16), self.units.to_codepoint(e16)
        if not 0 <= begin <= end <= self.length:
            raise ImportProblem(f"token {address}: offsets {b16}-{e16} outside the text", n,
                                kind=Why.TSV_TOKEN_OUTSIDE, detail=address, numbers=(b16, e16))
        column = 3
        here = self.at.setdefault(address, [])
        for layer in self.layers:
            width = len(layer.features)
            values = [split_cell(c) for c in cells[column:column + width]]
            column += width
            if layer.chain:
                continue
            if layer.relation:
                self._relations(layer, values, address, n)
                continue
            for j in range(max((len(v) for v in values), default=0)):
                parts = [v[j] if j < len(v) else (None, None) for v in values]
                number = next((k for _v, k in parts if k is not None), None)
                found = dict(zip(layer.features, (v for v, _k in parts), strict=True))
                span = self.spans.get((layer.name, number)) if number is not None else None
                if span is None:
                    span = _Found(layer, begin, end, found)
                    if number is None:
                        self.loose.append(span)
                    else:
                        self.spans[(layer.name, number)] = span
                span.begin, span.end = min(span.begin, begin), max(span.end, end)
                here.append((span, number))

    def _relations(self, layer: _Layer, values: list[list[Any]], address: str, n: int
                   ) -> None:
        if not layer.base:
            return
        for j, (_v, _k) in enumerate(values[-1]):
            raw = values[-1][j][0] or ""
            match = _GOVERNOR.fullmatch(raw)
            if match is None:
                raise ImportProblem(f"token {address}: relation source {raw!r} is not a token",
                                    n, kind=Why.TSV_RELATION_SOURCE, detail=address,
                                    values=(repr(raw),))
            found = {f: v[j][0] if j < len(v) else None
                     for f, v in zip(layer.features[:-1], values, strict=False)}
            origin, gid, did = match.group(1), int(match.group(2) or 0), int(match.group(3) or 0)
            self.relations.append((layer, found, origin, gid, did, address, n))

    def _end(self, address: str, number: int, base: str | None) -> _Found | None:
        here = self.at.get(address, [])
        if number:
            return next((s for s, k in here if k == number), None)
        return next((s for s, _k in here if s.layer.name == base), here[0][0] if here else None)

    def draft(self, text: str, source: str) -> ArticleDraft:
        found = [*self.spans.values(), *self.loose]
        spans = [(_doc_span(s, i), s) for i, s in enumerate(found) if s.begin < s.end]
        spans.sort(key=lambda pair: order_key(pair[0]))
        keys = {id(s): f"T{n}" for n, (_d, s) in enumerate(spans, start=1)}
        links: list[DocLink] = []
        for layer, values, origin, gid, did, address, n in self.relations:
            ends = [self._end(origin, gid, layer.base), self._end(address, did, layer.base)]
            if None in ends or id(ends[0]) not in keys or id(ends[1]) not in keys:
                raise ImportProblem(f"token {address}: relation end not found", n,
                                    kind=Why.TSV_RELATION_END, detail=address)
            values.setdefault("label", None)
            values["label"] = values["label"] or layer.name.rsplit(".")[-1]
            link = link_of(keys[id(ends[0])], keys[id(ends[1])], values, f"line {n}")
            if link not in links:
                links.append(link)
        return ArticleDraft(
            text=text, title=short_title(first_line(text)), source_path=source,
            annotations=[replace(d, key=keys[id(s)]) for d, s in spans], links=links,
            guessed=frozenset({"title"}))


def _doc_span(found: _Found, n: int) -> DocSpan:
    layer = layer_of(found.layer.name, found.values)
    if layer is not None:
        return span_of(layer, str(n), found.begin, found.end, found.values, found.layer.name)
    label = next((v for v in found.values.values() if v), found.layer.name.rsplit(".")[-1])
    return span_of(Layer.ENTITY, str(n), found.begin, found.end, {"value": label},
                   found.layer.name)
