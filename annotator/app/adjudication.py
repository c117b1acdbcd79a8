"""Adjudication (docs/adjudication.md): the annotators' versions of one article compared, the
spans all of them agree on pre-accepted into its gold version, the disagreements decided one
by one. Gold is the version of the reserved annotator ``gold``; every write is an undoable
command of a session that works as ``gold`` (one transaction each, committed before a view
hears of it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject

from annotator.app.changes import Part
from annotator.app.commands import DeleteSpans, StoreCommand
from annotator.app.conflicts import Conflict, expect_annotation
from annotator.app.session import Session
from annotator.app.version_commands import StartVersion
from annotator.core.model import REVIEWED_LAYERS, Annotation, Layer, Span, Status
from annotator.core.names import GOLD_ANNOTATOR, IMPORT_ANNOTATOR
from annotator.core.spans import overlaps
from annotator.store import Project

Key = tuple[Layer, str, int, int]  # what makes two annotators' spans the same span
_ORDER = {layer: n for n, layer in enumerate(REVIEWED_LAYERS)}


def key(a: Annotation) -> Key:
    return (a.layer, a.label, a.start, a.end)


@dataclass(frozen=True)
class Disagreement:
    """Overlapping spans of one layer on which the versions differ: each annotator's spans
    there (none: an empty tuple), ``start``–``end`` all of them together."""

    layer: Layer
    start: int
    end: int
    spans: Mapping[str, tuple[Annotation, ...]]

    def says(self, annotator: str, text: str) -> str:
        """What an annotator has here, e.g. "LOC „Dresden“", or "nothing"."""
        return " + ".join(f"{a.label} „{text[a.start:a.end]}“"
                          for a in self.spans[annotator]) or "nothing"


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


class StartGold(StartVersion):
    """Start the gold version of an article: empty, in progress (undo: none again)."""

    def apply(self) -> None:
        if self.project.has_version(self.article_id, self.annotator):
            raise Conflict("the article's gold version was started elsewhere")
        self.started = self.project.start_version(self.article_id, self.annotator, self.status,
                                                  self.started, copy=False)


class CopySpans(StoreCommand):
    """Copy annotators' spans (label, bounds, attributes, canonical source) into a version."""

    article_id: int
    parts = Part.SPANS

    def __init__(self, project: Project, article_id: int, annotator: str,
                 spans: list[Annotation], text: str) -> None:
        super().__init__(project, article_id, text)
        self.annotator, self.spans = annotator, spans
        self.layers = frozenset(a.layer for a in spans)
        self.ids: list[int | None] = [None] * len(spans)

    def apply(self) -> None:
        for n, a in enumerate(self.spans):
            self.ids[n] = self.project.add_annotation(
                self.article_id, a.layer, Span(a.start, a.end, a.label), self.annotator,
                attrs=a.attrs, source_id=a.source_id, annotation_id=self.ids[n])

    def revert(self) -> None:
        for ident, a in zip(self.ids, self.spans, strict=True):
            assert ident is not None
            expect_annotation(self.project, (ident, self.article_id,
                                             Span(a.start, a.end, a.label), a.layer))
            self.project.delete_annotation(ident)


def adjudicator(project: Project, parent: QObject | None = None) -> Session:
    """The session that writes the gold versions (an undo stack of its own)."""
    return Session(project, GOLD_ANNOTATOR, parent)


class Adjudication:
    """One article's adjudication: its annotators' versions (done ones; with ``in_progress``
    those in progress too), what they agree on, the disagreements, and the gold version."""

    def __init__(self, session: Session, article_id: int, in_progress: bool = False) -> None:
        if session.annotator != GOLD_ANNOTATOR:
            raise ValueError("adjudication writes the gold version: a session as gold")
        self.session, self.project, self.article_id = session, session.project, article_id
        self.text = self.project.article(article_id).text
        self.versions = read_versions(self.project, article_id, in_progress)
        self.annotators = list(self.versions)
        self.agreed, self.disagreements = compare(self.versions)
        self._agreed_keys = {key(a) for a in self.agreed}

    def start(self) -> bool:
        """Start the gold version with the agreed spans (one undo step), unless it exists;
        False when the store refused."""
        if self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return True
        n = len(self.agreed)
        with self.session.action(f"Start gold: {n} agreed span{'s' * (n != 1)}") as action:
            self._started()
        return action.error is None

    def _started(self) -> None:
        """Inside an action: start the gold version with the agreed spans unless it exists
        (it does not after its start was undone)."""
        if self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return
        self.session.push(StartGold(self.project, self.article_id, GOLD_ANNOTATOR))
        if self.agreed:
            self.session.push(CopySpans(self.project, self.article_id, GOLD_ANNOTATOR,
                                        self.agreed, "Pre-accept the agreed spans"))

    def gold(self) -> list[Annotation]:
        """The gold version's spans (none before it starts)."""
        if not self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return []
        return [a for a in self.project.annotations(self.article_id, annotator=GOLD_ANNOTATOR)
                if a.layer in REVIEWED_LAYERS]

    def status(self) -> Status:
        return self.project.version_status(self.article_id, GOLD_ANNOTATOR)

    def in_gold(self, d: Disagreement) -> list[Annotation]:
        """Gold's spans that a decision on ``d`` replaces: those of its layer overlapping it
        that are not agreed spans."""
        return [g for g in self.gold() if g.layer is d.layer and key(g) not in self._agreed_keys
                and overlaps(g.start, g.end, d.start, d.end)]

    def decided(self, d: Disagreement) -> str | None:
        """Whose version of ``d`` gold has now (the first whose it is), "none" when it has
        none of the spans, None for spans of its own (edited by hand)."""
        now = {key(g) for g in self.in_gold(d)}
        for who in self.annotators:
            if now == {key(a) for a in d.spans[who]}:
                return who
        return "none" if not now else None

    def take(self, index: int, annotator: str | None) -> bool:
        """Gold takes ``annotator``'s spans of disagreement ``index`` (None: none of them),
        in place of what it had there: one undo step. False when nothing changed."""
        d = self.disagreements[index]
        chosen = list(d.spans[annotator]) if annotator is not None else []
        now = self.in_gold(d)
        wanted = {key(a) for a in chosen}
        remove = [g for g in now if key(g) not in wanted]
        had = {key(g) for g in now}
        add = [a for a in chosen if key(a) not in had]
        who = f"{annotator}'s" if annotator else "no"
        if not remove and not add:
            self.session.said.emit(f"Gold has {who} spans there already")
            return False
        with self.session.action(f"Gold: {who} {d.layer.value} at {d.start}–{d.end}") as act:
            self._started()
            if remove:
                self.session.push(DeleteSpans(self.project, self.article_id, remove))
            if add:
                self.session.push(CopySpans(self.project, self.article_id, GOLD_ANNOTATOR,
                                            add, "Take spans"))
        return act.error is None

    def finish(self) -> bool:
        """Mark the gold version done (undoable; started first when it was undone)."""
        if self.project.has_version(self.article_id, GOLD_ANNOTATOR):
            return self.session.set_status(self.article_id, Status.DONE)
        with self.session.action("Mark gold done") as action:
            self._started()
            self.session.set_status(self.article_id, Status.DONE)
        return action.error is None


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
    """The next article (by id) with disagreements between versions whose gold is not done."""
    for article_id in project.to_adjudicate(after, in_progress):
        if compare(read_versions(project, article_id, in_progress))[1]:
            return article_id
    return None
