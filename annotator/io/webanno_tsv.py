"""WebAnno TSV 3.3, INCEpTION's tab-separated format: a folder with one ``.tsv`` per article
and our ``.meta`` sidecars (io/inception.py).

Every sentence is a ``#Text=`` line (a sentence here runs to the next one, so together they
are the whole text; line breaks and other controls escaped as ``\\n`` …) and one row per
token: ``1-3``,
its offsets in UTF-16 units (as Java counts them), the token, then one column per feature of
each layer (``_``: no annotation there; ``*``: a feature without a value). Each span carries
its number (``PER[3]``) on every token it covers; a link stands on the first token of the
span it points to, the last column naming the first token of the other and both numbers
(``1-2[1_3]``); the relation layer's ``BT_`` names the span layer it is attached to
(``ClaimSource``), where INCEpTION looks its ends up. Reading is in ``webanno_tsv_read``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import ArticleDraft, DocSpan
from annotator.core.sentences import split_sentences
from annotator.core.spans import Utf16Index
from annotator.io.inception import (
    CLAIM_SOURCE,
    META_SUFFIX,
    RELATION,
    RELATION_FEATURES,
    SPAN_TYPES,
    TYPE_OF,
    exported,
    link_features,
    relation_links,
    span_features,
    stems,
    write_meta,
)
from annotator.io.tokens import Token, tokenize

FORMAT = "#FORMAT=WebAnno TSV 3.3"
_RESERVED = re.compile(r"->|[\\\[\]|_;*\t\n]")  # in a value
_CONTROLS = re.compile(r"[\x00-\x0a\x0c-\x1f\\]")  # in a #Text line
_LETTERS = {"\t": "t", "\n": "n", "\x0c": "f", "\r": "r", "\b": "b"}


def write_webanno_tsv(drafts: Iterable[ArticleDraft], folder: Path) -> list[Path]:
    """``NNNN-title.tsv`` and ``.meta`` per article."""
    drafts = exported(drafts)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for draft, stem in zip(drafts, stems(drafts, folder), strict=True):
        target = stem.with_name(stem.name + ".tsv")
        with target.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(tsv_text(draft))
        written += [target, write_meta(draft, stem.with_name(stem.name + META_SUFFIX))]
    return written


def header() -> list[str]:
    """The format line and one line per layer with its features, in column order."""
    lines = [FORMAT]
    lines += [f"#T_SP={name}|{'|'.join(features)}" for name, features in SPAN_TYPES.items()]
    return [*lines, f"#T_RL={RELATION}|{'|'.join(RELATION_FEATURES)}|BT_{CLAIM_SOURCE}"]


def escape(value: str) -> str:
    """A value with the format's reserved characters escaped by a backslash."""
    return _RESERVED.sub(lambda m: "\\" + _LETTERS.get(m.group(), m.group()), value)


def escape_text(text: str) -> str:
    """A sentence for its ``#Text=`` line, as INCEpTION escapes it (3.2 and later)."""
    return _CONTROLS.sub(lambda m: "\\" + _LETTERS.get(m.group(), m.group()), text)


def tsv_text(draft: ArticleDraft) -> str:
    """One article (keyed T1, T2 … as io/inception.renumbered keys it) as TSV."""
    text = draft.text
    bounds = tuple(sorted({x for s in draft.annotations for x in (s.start, s.end)}))
    tokens = _rows(draft, tokenize(text, bounds))
    units = Utf16Index(text)
    starts = [t.start for t in tokens]
    cuts = sorted({starts[i] for s, _e in split_sentences(text)
                   if (i := bisect_left(starts, s)) < len(starts)} | set(starts[:1]))
    number = {s.key: int(s.key[1:]) for s in draft.annotations}
    address = {}
    lines = [*header(), ""]
    for n, (a, b) in enumerate(zip(cuts, [*cuts[1:], len(text)], strict=True), start=1):
        lines += ["", f"#Text={escape_text(text[a:b])}"]
        first = bisect_left(starts, a)
        for k, token in enumerate(tokens[first:bisect_left(starts, b)], start=1):
            address[first + k - 1] = f"{n}-{k}"
            lines.append(f"{n}-{k}\t{units.to_utf16(token.start)}-{units.to_utf16(token.end)}"
                         f"\t{_token(token.text)}")
    columns = _span_columns(draft.annotations, tokens, number)
    for i, cells in _link_columns(draft, tokens, address, number).items():
        columns[i] += cells
    rows = iter(columns)
    return "\n".join(line + "\t" + "\t".join(next(rows)) if line[:1].isdigit() else line
                     for line in lines) + "\n"


def _rows(draft: ArticleDraft, tokens: list[Token]) -> list[Token]:
    """The tokens that get a row: the words, and white space only where a span starts or
    ends in it (cut there)."""
    text = draft.text
    firsts, lasts = {s.start for s in draft.annotations}, {s.end for s in draft.annotations}
    rows: list[Token] = []
    at = 0
    for word in [*(t for t in tokens if not t.text.isspace()), None]:
        stop = word.start if word else len(text)
        cuts = sorted({at, stop, *(x for x in firsts | lasts if at < x < stop)})
        rows += [Token(a, b, text[a:b], False) for a, b in zip(cuts, cuts[1:], strict=False)
                 if a in firsts or b in lasts]
        if word:
            rows.append(word)
            at = word.end
    return rows


def _span_columns(spans: list[DocSpan], tokens: list[Token], number: dict[str, int]
                  ) -> list[list[str]]:
    """Each token's cells of the span layers."""
    ends = [t.end for t in tokens]
    starts = [t.start for t in tokens]
    found: list[dict[int, list[DocSpan]]] = [{} for _ in tokens]
    order = list(SPAN_TYPES)
    for span in spans:
        for i in range(bisect_right(ends, span.start), bisect_left(starts, span.end)):
            found[i].setdefault(order.index(TYPE_OF[span.layer]), []).append(span)
    rows = []
    for here in found:
        cells = []
        for n, features in enumerate(SPAN_TYPES.values()):
            values = [(span_features(s), number[s.key]) for s in here.get(n, [])]
            cells += [_cell([(v.get(f), k) for v, k in values]) for f in features]
        rows.append(cells)
    return rows


def _link_columns(draft: ArticleDraft, tokens: list[Token], address: dict[int, str],
                  number: dict[str, int]) -> dict[int, list[str]]:
    """Each token's cells of the relation layer: a link on its target's first token."""
    ends = [t.end for t in tokens]
    spans = {s.key: s for s in draft.annotations}
    placed: dict[int, list[tuple[dict[str, str | None], str]]] = {}
    for link in relation_links(draft):
        target, origin = spans[link.to_key], spans[link.from_key]
        at, of = bisect_right(ends, target.start), bisect_right(ends, origin.start)
        bt = f"{address[of]}[{number[origin.key]}_{number[target.key]}]"
        placed.setdefault(at, []).append((link_features(link), bt))
    empty = ["_"] * (len(RELATION_FEATURES) + 1)
    cells = {i: empty for i in range(len(tokens))}
    for i, items in placed.items():
        cells[i] = ["|".join(_value(v[f]) for v, _bt in items)
                    for f in RELATION_FEATURES] + ["|".join(bt for _v, bt in items)]
    return cells


def _cell(values: list[tuple[str | None, int]]) -> str:
    """``_`` for no annotation, else each one's value (``*``: none) and number."""
    if not values:
        return "_"
    return "|".join(f"{_value(v)}[{k}]" for v, k in values)


def _token(text: str) -> str:
    """A token's text (white space too) on one line."""
    return escape(text).replace("\r", "\\r")


def _value(value: str | None) -> str:
    """A feature's value escaped, ``*`` for none."""
    return escape(value) if value else "*"
