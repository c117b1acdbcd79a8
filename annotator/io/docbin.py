"""spaCy DocBin export and import: entities as ``doc.ents``, claims, sources and zones as span
groups, and everything spaCy has no place for in ``doc.user_data["annotator"]``.

Each article is one ``Doc`` of the shared tokenizer (``spacy.blank("de")``'s, one vocab for
all), its tokens split where a span boundary falls inside one, so tokens end at every span
boundary; the DocBin keeps user data.
An export writes a folder of DocBins of 1,000 documents each, fewer when they reach 200,000
tokens (``write_spacy_shards``), which spaCy's corpus reader and our import read as one
corpus.

- ``doc.ents``: the entity layer. Entities may overlap in a project but not in ``doc.ents``:
  sorted by start (longer first, then article order) each is kept unless its tokens overlap
  one kept already; the others go to ``doc.spans["entities_overlapping"]``. In an article
  reviewed whole (done) a token outside every entity is "O", except under an open entity
  suggestion: there it is missing (``token.ent_iob_ == ""``), as is every token outside the
  entities of an article nobody reviewed whole; spaCy's training leaves missing tokens out.
- ``doc.spans["claims"]``, ``doc.spans["sources"]``, ``doc.spans["structure"]``: the claim,
  source and structure (zone) layers; zones never become entities. These span groups and
  ``entities_overlapping`` are there when they hold spans (an empty one is left out).
- A Doc span covers the tokens inside the character span, less white-space tokens at its
  ends (a span of white space only keeps the token it follows). Token boundaries match span
  boundaries except where a span starts or ends on the single space after a token or on
  white space; the exact offsets are always in the user data.
- ``doc.user_data["annotator"]``, version 1 (offsets are code points, end exclusive)::

    {"version": 1,
     "meta": {"title": ..., "outlet": ..., "author": ..., "url": ..., "published": ...,
              "language": ..., "source_path": ..., "status": "done", ...free meta...},
     "spans": {"T1": {"layer": "entity", "start": 0, "end": 11, "label": "PER"},
               "T2": {"layer": "source", "start": 0, "end": 11, "label": "SOURCE",
                      "source": "Anna Berger", "source_kind": "person"},
               "T3": {"layer": "claim", "start": 22, "end": 60, "label": "CLAIM",
                      "attrs": {"kind": "factual", "verdict": "false"}},
               "T4": {"layer": "structure", "start": 62, "end": 80, "label": "CAPTION"}},
     "links": [{"from": "T3", "to": "T2", "kind": "attributed_to",
                "attrs": {"cue": "sagte", "quote_type": "reported"}}],
     "groups": [{"group": "Wochentag", "group_key": "G1", "span_key": "T3",
                 "value": "Mittwoch", "stance": "", "holds": true}],
     "suggestions": [{"layer": "entity", "start": 0, "end": 11, "label": "PER",
                      "model": "de_annotator_ner", "model_version": "1.0.0", "score": 0.6}]}

  ``meta`` is the JSONL export's ``meta`` (free meta nested under ``meta.meta`` if a name
  clashes); ``spans`` is in article order (the order keys are given in); span and suggestion
  records are ``annotator.io.records``'s (who made a span and when, from which model's
  suggestion); ``suggestions`` are the open ones (zones the rules suggested among them).

Reading: a Doc with that user data comes back whole (ents and span groups are ignored then).
A Doc from another tool gives its ``doc.ents`` as entity spans and its span groups as spans
of a layer: ``claims``/``claim`` → claim, ``sources``/``source`` → source, ``structure`` →
structure, any other group → entity (unlabelled spans get CLAIM, SOURCE or ENTITY; an
unlabelled zone is dropped); duplicates are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft, DocSpan, Layer
from annotator.io.common import (
    DATASET_BYTES,
    ImportFailure,
    ImportItem,
    ImportProblem,
    Why,
    first_line,
    read_limited,
    short_title,
)
from annotator.io.export_jsonl import all_spans, boundaries
from annotator.io.records import (
    article_meta,
    draft_from_meta,
    group_record,
    parse_groups,
    parse_link,
    parse_spans,
    parse_suggestions,
    span_record,
    suggestion_record,
)
from annotator.io.tokens import german_tokenizer, token_spans, tokenized

VERSION = 1
USER_DATA_KEY = "annotator"
OVERLAPPING = "entities_overlapping"
SPAN_GROUPS = {"claims": Layer.CLAIM, "sources": Layer.SOURCE, "structure": Layer.STRUCTURE}
GROUP_LAYERS = {**SPAN_GROUPS, "claim": Layer.CLAIM, "source": Layer.SOURCE}
_UNLABELLED = {Layer.ENTITY: "ENTITY", Layer.CLAIM: "CLAIM", Layer.SOURCE: "SOURCE"}  # no zone
_LAYER_ORDER = {layer: n for n, layer in enumerate(Layer)}


# --- writing ---------------------------------------------------------------------------------


SHARD_DOCS = 1000  # documents per DocBin file of an export, at most
SHARD_TOKENS = 200_000  # tokens per DocBin file, at most (a few long articles fill one)


def write_spacy_shards(drafts: Iterable[ArticleDraft], folder: Path,
                       shard: int | None = None) -> list[Path]:
    """Write one Doc per article into ``folder`` as DocBins of ``shard`` (``SHARD_DOCS``)
    documents each, fewer when they reach ``SHARD_TOKENS`` tokens (``000001.spacy``,
    ``000002.spacy``, … in article order; one empty DocBin when there is no article), each
    written as soon as it is full: memory holds one shard, whatever the number and length of
    the articles. spaCy reads the folder as one corpus (``--paths.train folder``), and so
    does our import."""
    size = shard or SHARD_DOCS
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    out = Shard()
    for draft in drafts:
        out.add(draft)
        if len(out) == size or out.tokens >= SHARD_TOKENS:
            written.append(out.write(folder / f"{len(written) + 1:06d}.spacy"))
            out = Shard()
    if len(out) or not written:
        written.append(out.write(folder / f"{len(written) + 1:06d}.spacy"))
    return written


def write_spacy(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """Write one Doc per article into one DocBin file; the same drafts always give the same
    bytes."""
    out = Shard()
    for draft in drafts:
        out.add(draft)
    path.parent.mkdir(parents=True, exist_ok=True)
    return [out.write(path)]


class Shard:
    """One DocBin being filled. Our user data is packed here with one msgpack packer for the
    whole shard, rather than by ``DocBin.add`` (whose every msgpack call looks up srsly's
    encoders among the installed packages' entry points, 0.2–0.4 ms each)."""

    def __init__(self) -> None:
        from spacy.tokens import DocBin
        from srsly.msgpack import Packer

        self.docbin = DocBin(store_user_data=False)
        self.packer = Packer(use_bin_type=True)
        self.tokens = 0

    def __len__(self) -> int:
        return len(self.docbin)

    def add(self, draft: ArticleDraft) -> None:
        doc, data = doc_and_data(draft)
        self.docbin.add(doc)
        self.tokens += len(doc)
        self.docbin.user_data.append(self.packer.pack({USER_DATA_KEY: data}))

    def write(self, path: Path) -> Path:
        self.docbin.store_user_data = True  # the user data added above goes in the file
        self.docbin.to_disk(path)
        return path


def doc_and_data(draft: ArticleDraft) -> tuple[Any, dict[str, Any]]:
    """The Doc of one article (the shared tokens on the shared vocab, ents, the span groups
    that have spans) and our user data for it."""
    from spacy.tokens import Span

    spans = all_spans(draft)
    starts, ends, _, doc = tokenized(draft.text, boundaries([*spans, *(draft.suggestions or [])]),
                                     doc=True)
    ranges = token_ranges_trimmed(draft.text, starts, ends, spans)

    def make(span: DocSpan) -> Any:
        first, last = ranges[span.key]
        return Span(doc, first, last + 1, label=span.label)

    entities = [s for s in spans if s.layer is Layer.ENTITY]
    kept, rest = split_overlapping(entities, ranges)
    ents = [make(s) for s in kept]
    if not draft.reviewed:  # nobody reviewed the rest: missing, not "no entity"
        doc.set_ents(ents, default="missing")
    else:
        undecided = [s for s in draft.open_suggestions() if s.layer is Layer.ENTITY]
        missing = _under(undecided, starts, ends, [ranges[s.key] for s in kept])
        doc.set_ents(ents, missing=[Span(doc, i, i + 1) for i in missing], default="outside")
    if rest or len(entities) < len(spans):
        groups = {OVERLAPPING: rest, **{name: [s for s in spans if s.layer is layer]
                                        for name, layer in SPAN_GROUPS.items()}}
        for name, members in groups.items():
            if members:  # an empty group would cost a serialisation and say nothing
                doc.spans[name] = [make(s) for s in members]
    return doc, user_data(draft, spans)


def token_ranges_trimmed(text: str, starts: list[int], ends: list[int], spans: list[DocSpan]
                         ) -> dict[str, tuple[int, int]]:
    """Each span's first and last token (by key), less white-space tokens at its ends (spaCy
    rejects entities that start or end with white space); a span of white space only keeps
    the token it follows."""
    ranges = {}
    for span, (first, last) in zip(spans, token_spans(starts, ends, spans), strict=True):
        while first < last and text[starts[first]:ends[first]].isspace():
            first += 1
        while last > first and text[starts[last]:ends[last]].isspace():
            last -= 1
        ranges[span.key] = (first, last)
    return ranges


def _under(undecided: list[DocSpan], starts: list[int], ends: list[int],
           taken: list[tuple[int, int]]) -> list[int]:
    """The tokens under open entity suggestions that no entity kept covers: missing."""
    if not undecided:
        return []
    covered = {i for first, last in taken for i in range(first, last + 1)}
    return sorted({i for first, last in token_spans(starts, ends, undecided)
                   for i in range(first, last + 1)} - covered)


def split_overlapping(entities: list[DocSpan], ranges: dict[str, tuple[int, int]]
                      ) -> tuple[list[DocSpan], list[DocSpan]]:
    """Entities ``doc.ents`` can hold (first by start, longer first) and the ones left over;
    overlap is judged on their tokens, which is what ``doc.ents`` refuses."""
    def order(n: int) -> tuple[int, int, int]:
        first, last = ranges[entities[n].key]
        return first, first - last, n

    kept: list[DocSpan] = []
    rest: list[DocSpan] = []
    for n in sorted(range(len(entities)), key=order):
        span = entities[n]
        clash = bool(kept) and ranges[kept[-1].key][1] >= ranges[span.key][0]
        (rest if clash else kept).append(span)
    return kept, rest


def user_data(draft: ArticleDraft, spans: list[DocSpan]) -> dict[str, Any]:
    """Our user data: meta, keyed spans, links and groups (the module docstring's form)."""
    records = {}
    for span in spans:
        record = span_record(span)
        records[record.pop("key")] = record
    return {
        "version": VERSION,
        "meta": article_meta(draft),
        "spans": records,
        "links": [{"from": link.from_key, "to": link.to_key, "kind": link.kind,
                   "attrs": link.attrs} for link in draft.links],
        "groups": [group_record(member) for member in draft.groups],
        **({"suggestions": [suggestion_record(s) for s in draft.suggestions]}
           if draft.suggestions is not None else {}),
    }


# --- reading ---------------------------------------------------------------------------------


def read_spacy(path: Path) -> Iterator[ImportItem]:
    """One draft (or failure, named ``file[index]``) per Doc of a DocBin file."""
    from spacy.tokens import DocBin

    data = read_limited(path, DATASET_BYTES, "a spaCy DocBin file")
    try:
        docbin = DocBin(store_user_data=True).from_bytes(data)
    except Exception:  # zlib, msgpack and spaCy raise many types on foreign bytes
        yield ImportFailure(str(path), None, "not a spaCy DocBin file", Why.NOT_DOCBIN)
        return
    if len(docbin) == 0:
        yield ImportFailure(str(path), None, "no documents in the DocBin", Why.EMPTY_DOCBIN)
        return
    for index, doc in enumerate(docbin.get_docs(german_tokenizer().vocab)):
        name = f"{path}[{index}]"
        try:
            yield doc_draft(doc, name)
        except ImportProblem as exc:
            yield exc.failure(name)


def doc_draft(doc: Any, source: str) -> ArticleDraft:
    """A Doc → draft: from our user data when present, else from its ents and span groups."""
    if not doc.text.strip():
        raise ImportProblem("the document has no text", kind=Why.NO_DOCUMENT_TEXT)
    data = doc.user_data.get(USER_DATA_KEY)
    if data is None:
        return _foreign_draft(doc, source)
    data = plain(data)
    if not isinstance(data, dict) or data.get("version") != VERSION:
        version = data.get("version") if isinstance(data, dict) else None
        raise ImportProblem(f'user_data["{USER_DATA_KEY}"] has unknown version {version!r} '
                            f"(this annotator reads version {VERSION})",
                            kind=Why.USER_DATA_VERSION, detail=USER_DATA_KEY,
                            values=(repr(version),), numbers=(VERSION,))
    return _our_draft(doc.text, data, source)


def _our_draft(text: str, data: dict[str, Any], source: str) -> ArticleDraft:
    """Everything back from our user data, validated against the text."""
    records = data.get("spans", {})
    links = data.get("links", [])
    groups = data.get("groups", [])
    meta = data.get("meta", {})
    if not isinstance(records, dict) or not isinstance(links, list) or not (
            isinstance(groups, list) and isinstance(meta, dict)):
        raise ImportProblem("user data: spans must be an object, links and groups lists, "
                            "meta an object", kind=Why.USER_DATA_SHAPE)
    items = [{**value, "key": key} if isinstance(value, dict) else value
             for key, value in records.items()]
    spans = parse_spans(items, text, "spans")
    by_key = {s.key: s for s in spans}
    parsed = []
    for n, link in enumerate(links):
        if not isinstance(link, dict):
            raise ImportProblem(f"links[{n}] must be an object", kind=Why.MUST_BE_OBJECT,
                                detail=f"links[{n}]")
        parsed.append(parse_link(link.get("from"), link.get("to"), link.get("kind"),
                                 link.get("attrs", {}), by_key, f"links[{n}]"))
    members = parse_groups(groups, by_key, "groups")
    draft = draft_from_meta(text, meta, source, spans, parsed, members)
    if "suggestions" in data:
        draft.suggestions = parse_suggestions(data["suggestions"], text, "suggestions")
    return draft


def _foreign_draft(doc: Any, source: str) -> ArticleDraft:
    """A Doc another tool wrote: entities and span-group spans, in text order."""
    found: set[tuple[int, int, Layer, str]] = set()
    groups = [(Layer.ENTITY, doc.ents)]
    groups += [(GROUP_LAYERS.get(key, Layer.ENTITY), group) for key, group in doc.spans.items()]
    for layer, group in groups:
        for span in group:
            label = span.label_ or _UNLABELLED.get(layer)
            if span.end_char > span.start_char and label:
                found.add((span.start_char, span.end_char, layer, label))
    ordered = sorted(found, key=lambda f: (f[0], f[1], _LAYER_ORDER[f[2]], f[3]))
    annotations = [DocSpan(f"T{n}", layer, start, end, label)
                   for n, (start, end, layer, label) in enumerate(ordered, start=1)]
    return ArticleDraft(text=doc.text, title=short_title(first_line(doc.text)),
                        source_path=source, annotations=annotations)


def plain(value: Any) -> Any:
    """User data as JSON would give it: msgpack in a DocBin hands lists back as tuples."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value
