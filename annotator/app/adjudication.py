"""Adjudication (docs/adjudication.md): the annotators' versions of one article compared, what
all of them agree on pre-accepted into its gold version (spans; of the spans all have, their
attributes, links and claim groups), the disagreements decided one by one. Gold is the version
of the reserved annotator ``gold``; every write is an undoable command of a session that works
as ``gold`` (one transaction each, committed before a view hears of it)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from msgspec import Struct
from msgspec.structs import replace
from PySide6.QtCore import QCoreApplication, QObject

from annotator.app import adjudication_texts as texts
from annotator.app.adjudication_commands import (
    CopySpans,
    ReplaceLinks,
    SetField,
    SetMembership,
    StartGold,
)
from annotator.app.adjudication_items import (
    ATTRIBUTE,
    CHOICES,
    GROUP,
    LINK,
    Difference,
    Key,
    Version,
    as_json,
    describe,
    differences,
    key,
    read_version,
    with_fields,
)
from annotator.app.commands import DeleteSpans, StoreCommand
from annotator.app.session import Session
from annotator.core.model import REVIEWED_LAYERS, Annotation, Layer, Status
from annotator.core.names import GOLD_ANNOTATOR, IMPORT_ANNOTATOR
from annotator.core.spans import overlaps
from annotator.store import Project
from annotator.store.review_reads import disagreeing_done

__all__ = ["Adjudication", "CopySpans", "Difference", "Disagreement", "Key", "StartGold",
           "adjudicator", "compare", "key", "next_to_adjudicate", "read_versions"]

STEP = 500  # candidate articles compared at once when looking for the next to adjudicate
_ORDER = {layer: n for n, layer in enumerate(REVIEWED_LAYERS)}


class Disagreement(Struct, frozen=True):
    """Overlapping spans of one layer on which the versions differ: each annotator's spans
    there (none: an empty tuple), ``start``–``end`` all of them together."""

    layer: Layer
    start: int
    end: int
    spans: Mapping[str, tuple[Annotation, ...]]

    def says(self, annotator: str, text: str) -> str:
        """What an annotator has here, e.g. "LOC „Dresden“", or "nothing"."""
        return " + ".join(f"{a.label} „{text[a.start:a.end]}“"
                          for a in self.spans[annotator]) or texts.nothing()


Item = Disagreement | Difference  # what the keys step through


def compare(versions: Mapping[str, list[Annotation]]
            ) -> tuple[list[Annotation], list[Disagreement]]:
    """The spans every version has (one each, as the first version has it) and the
    disagreements: the other spans, grouped where they overlap in a layer, in text order."""
    sets = [{key(a) for a in spans} for spans in versions.values()]
    agreed_keys = set.intersection(*sets) if sets else set()
    agreed = {key(a): a for spans in versions.values() for a in reversed(spans)
              if key(a) in agreed_keys}
    rest = sorted(((a, who) for who, spans in versions.items() for a in spans
                   if key(a) not in agreed_keys),
                  key=lambda p: (_ORDER.get(p[0].layer, 9), p[0].start, p[0].end))
    groups: list[list[tuple[Annotation, str]]] = []
    for a, who in rest:
        last = groups[-1] if groups else None
        if last and last[0][0].layer is a.layer and a.start < max(b.end for b, _ in last):
            last.append((a, who))
        else:
            groups.append([(a, who)])
    found = [Disagreement(g[0][0].layer, g[0][0].start, max(a.end for a, _ in g),
                          {who: tuple(a for a, w in g if w == who) for who in versions})
             for g in groups]
    found.sort(key=lambda d: (d.start, _ORDER.get(d.layer, 9), d.end))
    return sorted(agreed.values(), key=lambda a: (a.start, a.end)), found


def adjudicator(project: Project, parent: QObject | None = None) -> Session:
    """The session that writes the gold versions (an undo stack of its own)."""
    return Session(project, GOLD_ANNOTATOR, parent)


class Adjudication:
    """One article's adjudication: its annotators' versions (done ones; with ``in_progress``
    those in progress too), what they agree on, the disagreements, and the gold version.
    ``disagreements`` are the items the keys step through: the span disagreements in text
    order, then the differences about spans all versions have (attributes, links, groups)."""

    def __init__(self, session: Session, article_id: int, in_progress: bool = False) -> None:
        if session.annotator != GOLD_ANNOTATOR:
            raise ValueError("adjudication writes the gold version: a session as gold")
        self.session, self.project, self.article_id = session, session.project, article_id
        self.text = self.project.article(article_id).text
        self.versions = read_versions(self.project, article_id, in_progress)
        self.annotators = list(self.versions)
        self.full = {who: read_version(self.project, article_id, who) for who in self.versions}
        agreed, spans = compare(self.versions)
        self.alike, found = differences(self.full, agreed)
        self.agreed = [with_fields(a, self.alike[key(a)]) for a in agreed]
        self.disagreements: list[Item] = [*spans, *found]
        self._agreed_keys = {key(a) for a in self.agreed}

    def start(self) -> bool:
        """Start the gold version with what all agree on (one undo step), unless it exists;
        False when the store refused."""
        if self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return True
        with self.session.action(texts.gold_started(len(self.agreed))) as action:
            self._started()
        return action.error is None

    def _started(self) -> None:
        """Inside an action: start the gold version with the agreed spans, their agreed links
        and groups, unless it exists (it does not after its start was undone)."""
        if self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return
        self.session.push(StartGold(self.project, self.article_id, GOLD_ANNOTATOR))
        if not self.agreed:
            return
        copy = CopySpans(self.project, self.article_id, GOLD_ANNOTATOR, self.agreed,
                         texts.pre_accept_spans())
        if not self.session.push(copy):
            return
        ids = {key(a): i for a, i in zip(self.agreed, copy.made, strict=True)}
        links = [(ids[span], ids[end], name, json.loads(attrs))
                 for span, topics in self.alike.items() for (what, name), ends in topics.items()
                 if what == LINK for end, attrs in ends]
        if links:
            self.session.push(ReplaceLinks(self.project, self.article_id, GOLD_ANNOTATOR, [],
                                           links, texts.pre_accept_links()))
        for a in self.agreed:
            member = self.alike[key(a)].get((GROUP, GROUP))
            if member is not None:
                self.session.push(SetMembership(self.project, replace(a, id=ids[key(a)]),
                                                GOLD_ANNOTATOR, None, member))

    def gold(self) -> list[Annotation]:
        """The gold version's spans (none before it starts)."""
        if not self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return []
        return [a for a in self.project.annotations(self.article_id, annotator=GOLD_ANNOTATOR)
                if a.layer in REVIEWED_LAYERS]

    def gold_version(self) -> Version:
        """The gold version with its links and claim groups (empty before it starts)."""
        if not self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return Version([])
        return read_version(self.project, self.article_id, GOLD_ANNOTATOR)

    def status(self) -> Status:
        return self.project.version_status(self.article_id, GOLD_ANNOTATOR)

    def in_gold(self, d: Disagreement) -> list[Annotation]:
        """Gold's spans that a decision on ``d`` replaces: those of its layer overlapping it
        that are not agreed spans."""
        return [g for g in self.gold() if g.layer is d.layer and key(g) not in self._agreed_keys
                and overlaps(g.start, g.end, d.start, d.end)]

    def gold_has(self, d: Difference) -> tuple[Annotation | None, Any]:
        """Gold's span a difference is about (None when it was deleted) and its value there."""
        gold = self.gold_version()
        span = gold.by_key().get(d.span)
        return span, None if span is None else gold.says(span).get((d.what, d.name))

    def decided(self, d: Item) -> str | None:
        """Whose version of ``d`` gold has now (the first whose it is), "none" when it has
        none of it, None for something of its own (edited by hand; a difference about a span
        gold no longer has)."""
        if isinstance(d, Difference):
            span, now = self.gold_has(d)
            if span is None:
                return None
            theirs: Mapping[str, Any] = d.values
        else:
            now = frozenset(key(g) for g in self.in_gold(d))
            theirs = {who: frozenset(key(a) for a in d.spans[who]) for who in self.annotators}
        found = next((who for who in self.annotators if now == theirs[who]), None)
        return found or ("none" if not now else None)

    def says(self, d: Item, who: str | None) -> str:
        """What an annotator (None: gold) has at ``d``, e.g. "LOC „Dresden“", "kind factual"."""
        if isinstance(d, Disagreement):
            return d.says(who, self.text) if who else " + ".join(
                f"{a.label} „{self.text[a.start:a.end]}“"
                for a in self.in_gold(d)) or texts.nothing()
        value = d.values[who] if who else self.gold_has(d)[1]
        return describe(self.project, self.text, d.what, d.name, value)

    def topic(self, d: Item) -> str:
        """What ``d`` is about: its layer for spans, e.g. "verdict of the claim „Der …“"."""
        if isinstance(d, Disagreement):
            return texts.layer_name(d.layer)
        _, label, start, end = d.span
        said = self.text[start:end]
        said = said if len(said) <= 30 else said[:29].rstrip() + "…"
        translate = QCoreApplication.translate
        topic = {ATTRIBUTE: translate("AdjudicationData", "{name} of {label} „{said}“"),
                 LINK: translate("AdjudicationData", "{name} link of {label} „{said}“"),
                 GROUP: translate("AdjudicationData", "claim group of {label} „{said}“")}
        return topic[d.what].format(name=texts.field_name(d.name), label=label, said=said)

    def take(self, index: int, annotator: str | None) -> bool:
        """Gold takes ``annotator``'s version of item ``index`` (None: none of it), in place of
        what it had there: one undo step. False when nothing changed."""
        d = self.disagreements[index]
        if isinstance(d, Difference):
            value = d.values[annotator] if annotator is not None else None
            return self._set(d, value, texts.value_taken(texts.field_name(d.name), span_name(d),
                                                         annotator=annotator))
        chosen = list(d.spans[annotator]) if annotator is not None else []
        now = self.in_gold(d)
        wanted = {key(a) for a in chosen}
        remove = [g for g in now if key(g) not in wanted]
        had = {key(g) for g in now}
        add = [a for a in chosen if key(a) not in had]
        already, step = texts.spans_taken(annotator, d.layer, d.start, d.end)
        if not remove and not add:
            self.session.said.emit(already)
            return False
        with self.session.action(step) as act:
            self._started()
            if remove:
                self.session.push(DeleteSpans(self.project, self.article_id, remove))
            if add and annotator is not None:
                copy = CopySpans(self.project, self.article_id, GOLD_ANNOTATOR, add,
                                 texts.take_spans())
                if self.session.push(copy):
                    self._bring(annotator, add, copy.made)
        return act.error is None

    def _bring(self, annotator: str, spans: list[Annotation], ids: list[int]) -> None:
        """Inside a take: the annotator's claim groups of the spans copied, and their links
        that touch a copied span and whose other end is in gold too, unless gold's span has a
        link of that kind already."""
        version, copies = self.full[annotator], dict(zip((a.id for a in spans), ids,
                                                         strict=True))
        for a in spans:
            member = version.members.get(a.id)
            if member is not None:
                self.session.push(SetMembership(self.project, replace(a, id=copies[a.id]),
                                                GOLD_ANNOTATOR, None, member))
        theirs = {a.id: a for a in version.spans}
        gold = {key(g): g.id for g in reversed(self.gold())}
        taken = {(lk.from_id, lk.kind) for lk in self.project.links(
            self.article_id, annotator=GOLD_ANNOTATOR)}
        add = []
        for lk in version.links:
            start, end = (gold.get(key(theirs[i])) for i in (lk.from_id, lk.to_id))
            if ((lk.from_id in copies or lk.to_id in copies) and start and end
                    and (start, lk.kind) not in taken):
                taken.add((start, lk.kind))
                add.append((start, end, lk.kind, lk.attrs))
        if add:
            self.session.push(ReplaceLinks(self.project, self.article_id, GOLD_ANNOTATOR, [],
                                           add, texts.bring_links()))

    def choices(self, index: int) -> tuple[str, ...]:
        """The values item ``index`` can be given by hand: those of a kind, check-worthiness
        or verdict; none for anything else."""
        d = self.disagreements[index]
        if isinstance(d, Difference) and d.what == ATTRIBUTE:
            return CHOICES.get(d.name, ())
        return ()

    def edit(self, index: int, choice: int) -> bool:
        """Give gold's attribute of item ``index`` its ``choice``-th value by hand (one undo
        step); False when it has no such value or nothing changed."""
        values = self.choices(index)
        if choice >= len(values):
            return False
        d = self.disagreements[index]
        assert isinstance(d, Difference)
        return self._set(d, as_json(values[choice]), texts.value_taken(
            texts.field_name(d.name), span_name(d), value=values[choice]))

    def _set(self, d: Difference, value: Any, said: tuple[str, str]) -> bool:
        """Gold's value of a difference becomes ``value`` (one undo step; gold is started
        first, a step of its own, when its start was undone); ``said``: what to say when gold
        has it already, the step's name."""
        if not self.start():
            return False
        span, now = self.gold_has(d)
        if span is None:
            self.session.said.emit(texts.span_gone(span_name(d)))
            return False
        already, step = said
        if now == value:
            self.session.said.emit(already)
            return False
        command = self._command(d, span, now, value)
        if command is None:
            return False
        with self.session.action(step) as act:
            self.session.push(command)
        return act.error is None

    def _command(self, d: Difference, span: Annotation, now: Any, value: Any
                 ) -> StoreCommand | None:
        """The command that gives gold's span ``value``; None (and why) when a link's target
        is not in gold."""
        if d.what == ATTRIBUTE:
            return SetField(self.project, span, d.name, None if value is None
                            else json.loads(value))
        if d.what == GROUP:
            return SetMembership(self.project, span, GOLD_ANNOTATOR, now, value)
        gold = {key(g): g.id for g in reversed(self.gold())}
        missing = [end for end, _ in value or () if end not in gold]
        if missing:
            _, label, start, end = missing[0]
            self.session.failed.emit(texts.link_end_missing(label, self.text[start:end]))
            return None
        remove = [lk for lk in self.project.links_of(span.id)
                  if lk.from_id == span.id and lk.kind == d.name]
        return ReplaceLinks(self.project, self.article_id, GOLD_ANNOTATOR, remove,
                            [(span.id, gold[end], d.name, json.loads(attrs))
                             for end, attrs in value or ()])

    def finish(self) -> bool:
        """Mark the gold version done (undoable; started first when it was undone)."""
        if self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return self.session.set_status(self.article_id, Status.DONE)
        with self.session.action(texts.gold_done()) as action:
            self._started()
            self.session.set_status(self.article_id, Status.DONE)
        return action.error is None


def span_name(d: Difference) -> str:
    _, label, start, end = d.span
    return texts.span_name(label, start, end)


def read_versions(project: Project, article_id: int, in_progress: bool = False
                  ) -> dict[str, list[Annotation]]:
    """Each annotator's version of an article (done ones; with ``in_progress`` those in
    progress too; nobody's gold or imported layer): its spans of the reviewed layers."""
    return {who: [a for a in project.annotations(article_id, annotator=who)
                  if a.layer in REVIEWED_LAYERS]
            for who, status in project.versions_of(article_id).items()
            if who not in (GOLD_ANNOTATOR, IMPORT_ANNOTATOR)
            and (in_progress or status is Status.DONE)}


def next_to_adjudicate(project: Project, after: int, in_progress: bool = False) -> int | None:
    """The next article (by id) with disagreements between versions whose gold is not done.
    The versions (done ones; with ``in_progress`` any) are compared in SQL a few hundred
    candidates at a time (the review queue's read, store/version_diffs.py), so that Enter does
    not walk article by article through thousands that agree."""
    candidates = project.to_adjudicate(after, in_progress)
    for at in range(0, len(candidates), STEP):
        found = disagreeing_done(project.db, 1, candidates[at:at + STEP],
                                 in_progress=in_progress)
        if found:
            return found[0][0]
    return None
