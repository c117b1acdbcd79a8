"""UIMA CAS XMI, as INCEpTION reads and writes it, with ``dkpro-cassis`` (imported on first
use): a folder with one ``.xmi`` per article (its text is the sofa), their ``TypeSystem.xml``
and our ``.meta`` sidecars (io/inception.py).

cassis counts offsets in code points and writes them as UTF-16 units, as Java counts them.
XML 1.0 has no control characters but tab and line breaks: each other one is written as
U+FFFD (one character for one, so no offset moves).
Reading is in ``xmi_read``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft
from annotator.core.sentences import split_sentences
from annotator.io.inception import (
    CLAIM_SOURCE,
    DEPENDENT,
    GOVERNOR,
    META_SUFFIX,
    RELATION,
    RELATION_FEATURES,
    SENTENCE,
    SPAN_TYPES,
    TOKEN,
    TYPE_OF,
    exported,
    link_features,
    relation_links,
    span_features,
    stems,
    write_meta,
)
from annotator.io.tokens import tokenize

TYPESYSTEM = "TypeSystem.xml"
ANNOTATION = "uima.tcas.Annotation"
STRING = "uima.cas.String"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@lru_cache(maxsize=1)
def typesystem() -> Any:
    """DKPro Core's types with our custom span types and the relation type attached to
    ``ClaimSource`` (its ``Governor`` and ``Dependent`` are of that type, as INCEpTION makes
    a relation layer's)."""
    import cassis

    with warnings.catch_warnings():  # cassis reads its resource the deprecated way
        warnings.simplefilter("ignore", DeprecationWarning)
        found = cassis.load_dkpro_core_typesystem()
    for name, features in SPAN_TYPES.items():
        if not found.contains_type(name):
            made = found.create_type(name, supertypeName=ANNOTATION)
            for feature in features:
                found.create_feature(made, feature, STRING)
    relation = found.create_type(RELATION, supertypeName=ANNOTATION)
    found.create_feature(relation, GOVERNOR, CLAIM_SOURCE)
    found.create_feature(relation, DEPENDENT, CLAIM_SOURCE)
    for feature in RELATION_FEATURES:
        found.create_feature(relation, feature, STRING)
    return found


def write_xmi(drafts: Iterable[ArticleDraft], folder: Path) -> list[Path]:
    """``NNNN-title.xmi`` and ``.meta`` per article, and the folder's ``TypeSystem.xml``."""
    drafts = exported(drafts)
    folder.mkdir(parents=True, exist_ok=True)
    types = typesystem()
    written: list[Path] = []
    for draft, stem in zip(drafts, stems(drafts, folder), strict=True):
        target = stem.with_name(stem.name + ".xmi")
        cas_of(draft, types).to_xmi(target, pretty_print=True)
        written += [target, write_meta(draft, stem.with_name(stem.name + META_SUFFIX))]
    types.to_xml(folder / TYPESYSTEM)
    return [*written, folder / TYPESYSTEM]


def cas_of(draft: ArticleDraft, types: Any) -> Any:
    """The article as a CAS: sentences, tokens, every span and link."""
    import cassis

    cas = cassis.Cas(typesystem=types)
    cas.sofa_string = xml_safe(draft.text)
    sentence, token = types.get_type(SENTENCE), types.get_type(TOKEN)
    for start, end in split_sentences(draft.text):
        cas.add(sentence(begin=start, end=end))
    bounds = tuple(sorted({x for s in draft.annotations for x in (s.start, s.end)}))
    for found in tokenize(draft.text, bounds):
        if not found.text.isspace():
            cas.add(token(begin=found.start, end=found.end))
    made = {}
    for span in draft.annotations:
        kind = types.get_type(TYPE_OF[span.layer])
        values = {k: xml_safe(v) for k, v in span_features(span).items() if v is not None}
        made[span.key] = kind(begin=span.start, end=span.end, **values)
        cas.add(made[span.key])
    relation = types.get_type(RELATION)
    for link in relation_links(draft):
        target = made[link.to_key]
        values = {k: xml_safe(v) for k, v in link_features(link).items() if v is not None}
        cas.add(relation(begin=target.begin, end=target.end, **values,
                         **{GOVERNOR: made[link.from_key], DEPENDENT: target}))
    return cas


def xml_safe(text: str) -> str:
    """The text with what XML 1.0 cannot hold as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
