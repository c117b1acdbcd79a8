"""Reading UIMA CAS XMI (with the ``TypeSystem.xml`` beside it) and INCEpTION's project
export zip, with ``dkpro-cassis``.

DKPro Core's ``NamedEntity`` becomes an entity (``value`` is its label), our custom
``ClaimSource`` and zone types (and the ``Claim`` and ``Source`` of older exports) their
layers, any other ``webanno.custom`` span type an entity named by
its first feature's value, any type with ``Governor`` and ``Dependent`` a link. In a project
zip each annotator's version (``annotation/DOC/USER.*``) is a draft of its own;
``INITIAL_CAS`` (the document before anybody annotated it) is left out, the curated version
(``curation/``) becomes the gold version.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from msgspec.structs import replace

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer, Provenance
from annotator.core.names import GOLD_ANNOTATOR
from annotator.io.common import (
    DATASET_BYTES,
    ImportItem,
    ImportProblem,
    Why,
    first_line,
    read_limited,
    short_title,
)
from annotator.io.inception import (
    CUSTOM,
    DEPENDENT,
    GOVERNOR,
    META_SUFFIX,
    layer_of,
    link_of,
    order_key,
    span_of,
    with_meta,
)

TYPESYSTEMS = ("TypeSystem.xml", "typesystem.xml")
INITIAL = "INITIAL_CAS"
CURATION = "CURATION_USER"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
_SKIP_FEATURES = frozenset({"sofa", "begin", "end"})
NER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type."  # NamedEntity and its subtypes


def read_xmi_file(path: Path) -> ArticleDraft:
    """An ``.xmi`` with its ``TypeSystem.xml`` (and our ``.meta``) beside it."""
    types = next((path.with_name(n) for n in TYPESYSTEMS if path.with_name(n).is_file()), None)
    if types is None:
        raise ImportProblem("no TypeSystem.xml beside the .xmi (UIMA needs it to read one)",
                            kind=Why.NO_TYPE_SYSTEM)
    draft = draft_of(read_limited(path, DATASET_BYTES, "an XMI file"),
                     read_limited(types, DATASET_BYTES, "a type system"), str(path))
    return with_meta(draft, path.with_suffix(META_SUFFIX))


def draft_of(xmi: bytes, types: bytes, source: str) -> ArticleDraft:
    """One CAS as a draft: its text, spans and links."""
    import cassis

    try:
        system = cassis.load_typesystem(io.BytesIO(types))
        cas = cassis.load_cas_from_xmi(io.BytesIO(xmi), typesystem=system, lenient=True)
    except Exception as exc:  # lxml's and cassis's errors: any of them means a broken file
        raise ImportProblem(f"not a UIMA CAS XMI its type system reads: {exc}",
                            kind=Why.XMI_UNREADABLE, detail=str(exc)) from exc
    text = cas.sofa_string or ""
    if not text.strip():
        raise ImportProblem("the document has no text", kind=Why.NO_DOCUMENT_TEXT)
    spans: list[tuple[DocSpan, Any]] = []
    relations = []
    for kind in system.get_types():
        names = [f.name for f in kind.all_features]
        if {GOVERNOR, DEPENDENT} <= set(names):
            relations += list(cas.select(kind.name))
        elif kind.name.startswith((NER, CUSTOM)):
            spans += [(_span(kind.name, names, a, len(spans) + i), a)
                      for i, a in enumerate(cas.select(kind.name))
                      if 0 <= a.begin < a.end <= len(text) and a.type.name == kind.name]
    spans.sort(key=lambda pair: order_key(pair[0]))
    keys = {id(a): f"T{n}" for n, (_s, a) in enumerate(spans, start=1)}
    links = [_link(r, keys, n) for n, r in enumerate(relations, start=1)]
    title = _title(cas, system)
    return ArticleDraft(
        text=text, title=title or short_title(first_line(text)), source_path=source,
        annotations=[replace(s, key=keys[id(a)]) for s, a in spans],
        links=[x for x in links if x is not None],
        guessed=frozenset() if title else frozenset({"title"}))


def _title(cas: Any, system: Any) -> str | None:
    """DKPro's document title, which INCEpTION sets to the document's name."""
    if not system.contains_type(METADATA):
        return None
    found = next(iter(cas.select(METADATA)), None)
    title = found.get("documentTitle") if found is not None else None
    return title.strip() or None if isinstance(title, str) else None


def _span(name: str, features: list[str], annotation: Any, n: int) -> DocSpan:
    values = {f: annotation.get(f) for f in features if f not in _SKIP_FEATURES}
    layer = layer_of(name, values)
    if layer is not None:
        return span_of(layer, str(n), annotation.begin, annotation.end, values, name)
    if name.startswith(NER):  # DKPro's subtypes of NamedEntity (Person …)
        label = annotation.get("value") or name.rsplit(".")[-1]
    else:
        label = _first(annotation, features, name)
    return span_of(Layer.ENTITY, str(n), annotation.begin, annotation.end, {"value": label},
                   name)


def _first(annotation: Any, features: list[str], name: str) -> str:
    """The first feature's value (in the type's order), else the type's short name."""
    return next((str(annotation.get(f)) for f in features if f not in _SKIP_FEATURES
                 and isinstance(annotation.get(f), (str, int, float))
                 and str(annotation.get(f)).strip()), name.rsplit(".")[-1])


def _link(relation: Any, keys: dict[int, str], n: int) -> DocLink | None:
    governor, dependent = (keys.get(id(relation.get(f))) for f in (GOVERNOR, DEPENDENT))
    if governor is None or dependent is None:
        return None  # an end that is not a span we read (a token's dependency …)
    names = [f.name for f in relation.type.all_features]
    values = {f: relation.get(f) for f in ("label", "attrs") if f in names}
    if not values.get("label"):
        values["label"] = _first(relation, [f for f in names if f not in (GOVERNOR, DEPENDENT)],
                                 relation.type.name)
    return link_of(governor, dependent, values, f"relation {n}")


# --- INCEpTION's project zip -----------------------------------------------------------------


def inception_zip(data: BinaryIO) -> bool:
    """Whether a file is a zip that ``iter_inception_zip`` reads: a project export (or a zip
    of ``.xmi`` files)."""
    try:
        with zipfile.ZipFile(data) as archive:
            return any(_version(n) is not None for n in archive.namelist()
                       if not n.endswith("/"))
    except zipfile.BadZipFile:
        return False


def iter_inception_zip(path: Path) -> Iterator[ImportItem]:
    """Each annotator's version of each document of a project export (or the ``.xmi`` files
    of any zip with a type system); a broken entry is a failure, the rest goes on."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ImportProblem(f"not a zip file ({exc})", kind=Why.NOT_A_ZIP,
                            detail=str(exc)) from exc
    with archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        entries = [n for n in names if _version(n) is not None]
        if not entries:
            raise ImportProblem("no annotation/DOCUMENT/USER.xmi or .zip inside (not an "
                                "INCEpTION project export or a zip of XMI files)",
                                kind=Why.NO_INCEPTION_ENTRY)
        for name in entries:
            where = f"{path}!{name}"
            try:
                yield from _entry(archive, name, names, where)
            except ImportProblem as exc:
                yield exc.failure(where)


def _version(name: str) -> str | None:
    """Whose version an entry is (``""``: nobody's, a loose ``.xmi``); None: not a version."""
    parts = PurePosixPath(name).parts
    suffix = PurePosixPath(name).suffix.lower()
    if len(parts) == 3 and parts[0] in ("annotation", "curation") and suffix in (
            ".xmi", ".zip", ".tsv"):
        user = PurePosixPath(name).stem
        return None if user == INITIAL else (GOLD_ANNOTATOR if user == CURATION else user)
    return "" if suffix == ".xmi" and parts[0] not in ("annotation", "curation", "source") \
        else None


def _entry(archive: zipfile.ZipFile, name: str, names: list[str], where: str
           ) -> Iterator[ImportItem]:
    user = _version(name) or None
    data = _bounded(archive, name)
    if name.lower().endswith(".zip"):
        inner = zipfile.ZipFile(io.BytesIO(data))
        inside = inner.namelist()
        found = next((n for n in inside if n.lower().endswith((".xmi", ".tsv"))), None)
        if found is None:
            raise ImportProblem("no .xmi or .tsv inside", kind=Why.NO_XMI_INSIDE)
        data, name, names, archive = _bounded(inner, found), found, inside, inner
    if name.lower().endswith(".tsv"):
        from annotator.io.webanno_tsv_read import parse_webanno_tsv

        draft = parse_webanno_tsv(data.decode("utf-8-sig"), where)
    else:
        types = _typesystem(name, names)
        if types is None:
            raise ImportProblem("no TypeSystem.xml in the zip", kind=Why.NO_TYPE_SYSTEM_ZIP)
        draft = draft_of(data, _bounded(archive, types), where)
    yield _of(draft, user, PurePosixPath(where.split("!", 1)[1]).parts)


def _typesystem(name: str, names: list[str]) -> str | None:
    """The type system beside an entry, else the zip's first one."""
    folder = str(PurePosixPath(name).parent)
    near = [n for n in names if PurePosixPath(n).name in TYPESYSTEMS]
    return next((n for n in near if str(PurePosixPath(n).parent) == folder),
                near[0] if near else None)


def _of(draft: ArticleDraft, user: str | None, parts: tuple[str, ...]) -> ArticleDraft:
    """A version named after its document and made by its annotator."""
    if len(parts) == 3:
        draft.title, draft.guessed = parts[1], frozenset()
    if user:
        made = Provenance(user)
        draft.annotations = [replace(s, made=made) for s in draft.annotations]
        draft.annotator = user
    return draft


def _bounded(archive: zipfile.ZipFile, name: str) -> bytes:
    too_large = ImportProblem(f"{name} is over {DATASET_BYTES // 2**20} MB",
                              kind=Why.ENTRY_TOO_LARGE, detail=name, count=DATASET_BYTES // 2**20)
    if archive.getinfo(name).file_size > DATASET_BYTES:
        raise too_large
    with archive.open(name) as handle:
        data = handle.read(DATASET_BYTES + 1)
    if len(data) > DATASET_BYTES:
        raise too_large
    return data


INCEPTION_SUFFIXES = frozenset({".xmi", ".tsv", ".zip"})  # with WebAnno TSV's reader


def iter_inception_file(path: Path) -> Iterator[ImportItem]:
    """An ``.xmi``, a WebAnno ``.tsv`` or an INCEpTION project zip."""
    suffix = path.suffix.lower()
    if suffix == ".zip":
        yield from iter_inception_zip(path)
    elif suffix == ".tsv":
        from annotator.io.webanno_tsv_read import read_webanno_tsv_file

        yield read_webanno_tsv_file(path)
    else:
        yield read_xmi_file(path)
