"""brat standoff: a ``.txt`` and ``.ann`` per article, plus a ``.meta`` sidecar for losslessness.

The ``.meta`` sidecar holds the article's fields, ``provenance`` (who made each span and when,
the model it was accepted from: ``{"T1": {"_annotator_id": …, "_timestamp": …}}``, records of
``annotator.io.records``) and ``suggestions``, the open model suggestions (zones the rules
suggested among them), which are never T lines. What brat has no field for (a label it cannot
spell, the canonical source, attributes, claim groups) goes into one AnnotatorNotes line per
span or relation, notes joined by `` | ``: brat's editor shows and saves one. brat cannot say
"nobody reviewed this", so the export refuses articles with parts nobody reviewed
(app/exporting.py).

Writing is here, with what reading shares; reading is in ``brat_read``.
"""

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
    DocSpan,
    Layer,
)
from annotator.io.conll import META_FIELDS, json_line
from annotator.io.records import provenance_record, suggestion_record

CONF = "annotation.conf"
META_SUFFIX = ".meta"
NOTE = "AnnotatorNotes"
NOTE_SEP = " | "  # joins the notes of one span into its one AnnotatorNotes line
LAYER_ATTR = "Layer"
NATIVE = {"kind": ("Kind", CLAIM_KINDS), "checkworthy": ("Checkworthy", CHECKWORTHY),
          "verdict": ("Verdict", VERDICTS)}  # claim attributes written as brat A lines
IMPLIED = {"CLAIM": Layer.CLAIM, "SOURCE": Layer.SOURCE}  # other types: entity
SPAN_FIELDS = frozenset({"label", "source", "source_kind", "group", "attrs"})
LINK_FIELDS = frozenset({"relation", "attrs"})

_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_TYPE = re.compile(r"\w[\w.-]*")
_FIELD = re.compile(r"[A-Za-z_][\w.-]*")
_SLUG = re.compile(r"[^\w]+")


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
    """The article fields brat has no place for: metadata, provenance, open suggestions."""
    record = {name: getattr(draft, name) for name in META_FIELDS}
    record["status"] = draft.status.value if draft.status is not None else None
    made = {f"T{i}": provenance_record(s.made) for i, s in enumerate(draft.annotations, 1)}
    if any(made.values()):
        record["provenance"] = {tid: found for tid, found in made.items() if found}
    if draft.suggestions is not None:
        record["suggestions"] = [suggestion_record(s) for s in draft.suggestions]
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
    spans: list[str] = []
    attrs: list[str] = []
    notes: list[tuple[str, str]] = []
    for s in draft.annotations:
        tid, kind = tids[s.key], types[s.key]
        conf.types.add(kind)
        spans.append(f"{tid}\t{kind} {_fragments(draft.text, s.start, s.end)}\n")
        for name, value in _attributes(s, kind):
            conf.attributes.setdefault(name, set()).add(kind)
            attrs.append(f"A{len(attrs) + 1}\t{name} {tid} {value}\n")
        notes += [(tid, line) for line in _span_notes(s, kind, draft.groups, numbers)]
    relations: list[str] = []
    for link in (x for x in draft.links if x.from_key in tids and x.to_key in tids):
        r, kind = len(relations) + 1, _brat_type(link.kind)
        ends = conf.relations.setdefault(kind, (set(), set()))
        ends[0].add(types[link.from_key])
        ends[1].add(types[link.to_key])
        relations.append(f"R{r}\t{kind} Arg1:{tids[link.from_key]} Arg2:{tids[link.to_key]}\n")
        extra = [("relation", link.kind)] if kind != link.kind else []
        notes += [(f"R{r}", line) for line in _notes(extra, link.attrs, LINK_FIELDS)]
    joined: dict[str, list[str]] = {}
    for target, text in notes:
        joined.setdefault(target, []).append(text)
    comments = [f"#{n}\t{NOTE} {target}\t{NOTE_SEP.join(texts)}\n" for n, (target, texts)
                in enumerate(joined.items(), start=1)]
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
    """``name: text`` for plain one-line text without ``|``, else ``name= JSON``."""
    if (isinstance(value, str) and value and value == value.strip() and value.isprintable()
            and "|" not in value):
        return f"{name}: {value}"
    return f"{name}= {json_line(value)}"
