"""What adjudication compares besides the spans themselves (docs/adjudication.md): of each
span every version has, its attributes (a claim's kind, check-worthiness, verdict, evidence,
comment, values; a source mention's canonical source), the links of each kind that start at
it, and a claim's claim group with its value and stance. Plain data, no Qt."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace
from PySide6.QtCore import QCoreApplication

from annotator.app.adjudication_texts import SOURCE, field_name
from annotator.core.model import (
    CHECKWORTHY,
    CLAIM_KINDS,
    REVIEWED_LAYERS,
    VERDICTS,
    Annotation,
    Layer,
    Link,
)
from annotator.store import Project
from annotator.store.memberships import Member, members_of

Key = tuple[Layer, str, int, int]  # what makes two annotators' spans the same span
ATTRIBUTE, LINK, GROUP = "attribute", "link", "group"
Topic = tuple[str, str]  # (ATTRIBUTE, its name), (LINK, its kind) or (GROUP, "group")
Value = Any  # an attribute's JSON text; a tuple of (target key, attributes' JSON); a Member
CHOICES = {"kind": CLAIM_KINDS, "checkworthy": CHECKWORTHY, "verdict": VERDICTS}


def key(a: Annotation) -> Key:
    return (a.layer, a.label, a.start, a.end)


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Version(Struct):
    """One version of an article as adjudication compares it: its spans of the reviewed
    layers, the links between them, its claims' group memberships."""

    spans: list[Annotation]
    links: list[Link] = field(default_factory=list)
    members: dict[int, Member] = field(default_factory=dict)

    def by_key(self) -> dict[Key, Annotation]:
        """Its spans by key (the first of each)."""
        found: dict[Key, Annotation] = {}
        for a in self.spans:
            found.setdefault(key(a), a)
        return found

    def says(self, ann: Annotation) -> dict[Topic, Value]:
        """What this version says about one of its spans, topic by topic (nothing: absent)."""
        found: dict[Topic, Value] = {(ATTRIBUTE, name): as_json(value)
                                     for name, value in ann.attrs.items() if value is not None}
        if ann.source_id is not None:
            found[ATTRIBUTE, SOURCE] = as_json(ann.source_id)
        spans = {a.id: a for a in self.spans}
        targets: dict[str, list[tuple[Key, str]]] = {}
        for lk in self.links:
            if lk.from_id == ann.id and lk.to_id in spans:
                targets.setdefault(lk.kind, []).append((key(spans[lk.to_id]), as_json(lk.attrs)))
        found |= {(LINK, kind): tuple(sorted(ends)) for kind, ends in targets.items()}
        if ann.id in self.members:
            found[GROUP, GROUP] = self.members[ann.id]
        return found


def read_version(project: Project, article_id: int, who: str) -> Version:
    """An annotator's version of an article (``who``'s rows only: they have one)."""
    spans = [a for a in project.annotations(article_id, annotator=who)
             if a.layer in REVIEWED_LAYERS]
    ids = {a.id for a in spans}
    return Version(spans, [lk for lk in project.links(article_id, annotator=who)
                           if lk.from_id in ids and lk.to_id in ids],
                   members_of(project.db, [a.id for a in spans if a.layer is Layer.CLAIM]))


class Difference(Struct, frozen=True):
    """What the versions say differently about a span every one of them has: ``what`` (an
    attribute, the links of a kind, the claim group), ``name`` (the attribute, the link's
    kind, "group") and each annotator's value (None: none)."""

    span: Key
    what: str
    name: str
    values: Mapping[str, Value]

    @property
    def layer(self) -> Layer:
        return self.span[0]

    @property
    def start(self) -> int:
        return self.span[2]

    @property
    def end(self) -> int:
        return self.span[3]


def differences(versions: Mapping[str, Version], agreed: list[Annotation]
                ) -> tuple[dict[Key, dict[Topic, Value]], list[Difference]]:
    """Of each agreed span, what every version says alike (pre-accepted) and the differences,
    in text order."""
    alike: dict[Key, dict[Topic, Value]] = {}
    found: list[Difference] = []
    spans = {who: v.by_key() for who, v in versions.items()}
    for span in sorted({key(a) for a in agreed}, key=lambda k: (k[2], k[3], k[0].value, k[1])):
        said = {who: v.says(spans[who][span]) for who, v in versions.items()}
        topics = sorted({t for s in said.values() for t in s}, key=_topic_order)
        alike[span] = {}
        for topic in topics:
            values = {who: s.get(topic) for who, s in said.items()}
            if len(set(values.values())) == 1:
                alike[span][topic] = next(iter(values.values()))
            else:
                found.append(Difference(span, *topic, values))
    return alike, found


def _topic_order(topic: Topic) -> tuple[int, int, str]:
    what, name = topic
    named = list(CHOICES).index(name) if name in CHOICES else len(CHOICES)
    return ((ATTRIBUTE, LINK, GROUP).index(what), named, name)


def with_fields(ann: Annotation, topics: Mapping[Topic, Value]) -> Annotation:
    """The span with exactly these attributes and canonical source."""
    attrs = {name: json.loads(v) for (what, name), v in topics.items()
             if what == ATTRIBUTE and name != SOURCE}
    source = topics.get((ATTRIBUTE, SOURCE))
    return replace(ann, attrs=attrs, source_id=None if source is None else json.loads(source))


def describe(project: Project, text: str, what: str, name: str, value: Value) -> str:
    """A value as the window shows it, e.g. "kind factual", "→ SOURCE „Anna Berger“ (sagte)",
    "in „Wochentag“ (Mittwoch, supports)"; "no kind", "no link", "in no group"."""
    translate = QCoreApplication.translate
    if what == ATTRIBUTE:
        if value is None:
            return translate("AdjudicationData", "no {name}").format(name=field_name(name))
        found = json.loads(value)
        if name == SOURCE:
            return f"{field_name(name)} {project.claims.source(found).name}"
        return f"{name} {_short(found)}"
    if what == LINK:
        return " + ".join(f"→ {label} „{text[start:end]}“" + _cue(attrs)
                          for (_, label, start, end), attrs in value or ()) or translate(
            "AdjudicationData", "no link")
    if value is None:
        return translate("AdjudicationData", "in no group")
    said = ", ".join(x for x in (value.value, value.stance) if x)
    group = translate("AdjudicationData", "in „{title}“").format(
        title=project.claims.group(value.group_id).title)
    return group + (f" ({said})" if said else "")


def _short(value: Any) -> str:
    if isinstance(value, list):  # a claim's typed values: as written
        return "[" + ", ".join(str(v.get("text") or v.get("value")) if isinstance(v, dict)
                               else str(v) for v in value) + "]"
    shown = str(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _cue(attrs: str) -> str:
    cue = json.loads(attrs).get("cue")
    return f" ({cue})" if cue else ""
