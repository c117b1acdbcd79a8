"""Undoable annotation actions: each one writes to the store in one transaction.

Every command is applied and taken back through ``Session`` (``push``, ``undo``, ``redo``),
which runs it in one transaction and puts it on (or moves) the QUndoStack only once the write
has committed; QUndoStack's own ``redo``/``undo`` calls then find the work done and do nothing.

Commands act on rows by identity: ids are never handed out again (schema m007), and before a
command deletes or rewrites a row it checks that the row is still the one it made or saw. When it
is not (another window or a background job changed it), the command raises ``Conflict``: the
transaction rolls back, the user is told, and the undo stack stays where it was.

Every command writes into one annotator's version of an article (docs/annotators.md); the
session starts the version (``version_commands.StartVersion``) in the same undo step as the
first edit.
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec.structs import replace
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.app.changes import Changes, Part
from annotator.app.conflicts import Conflict as Conflict  # the name other commands import
from annotator.app.conflicts import (
    conflicts,
    expect_annotation,
    expect_link,
    expect_suggestions,
)
from annotator.app.zones import resplit
from annotator.core.model import Annotation, Layer, Link, Span, Suggestion
from annotator.core.spans import overlaps
from annotator.store import Project

RESIZE_ID = 1001  # commands with the same id() and annotation merge into one undo step


class StoreCommand(QUndoCommand):
    """Base: ``apply``/``revert`` do the store work; the session is told which article changed.

    A command that changes zones (``layers`` has the structure layer) also makes the article's
    sentence index follow them, forth and back, in the same transaction.
    """

    parts: Part = Part.SPANS  # what a command changes, so that views reload only that
    starts_version = False  # app/version_commands.py: StartVersion
    layers: frozenset[Layer] = frozenset()  # the span layers it writes

    def __init__(self, project: Project, article_id: int | None, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.article_id = article_id
        self.applied = False
        # True until the first apply: commands that change a value take the stored value as
        # "before" then (the view may lag behind), and check it on every later undo and redo
        self.first = True
        self.notify: Callable[[StoreCommand], None] = lambda _command: None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def changes(self) -> Changes:
        """What this command changed, for the views to reload."""
        articles = frozenset() if self.article_id is None else frozenset({self.article_id})
        return Changes(articles, self.parts)

    def zoned(self) -> set[int]:
        """The articles whose zones this command changes."""
        if Layer.STRUCTURE in self.layers and self.article_id is not None:
            return {self.article_id}
        return set()

    # The writes, inside a transaction the caller holds.
    def forward(self) -> None:
        self.write()
        self.settle()

    def backward(self) -> None:
        self.unwrite()
        self.settle()

    def settle(self) -> None:
        """Make the sentence index of the articles whose zones changed follow them."""
        for article_id in sorted(self.zoned()):
            resplit(self.project, article_id)

    def write(self) -> None:
        """The step's own writes, the sentence index not yet."""
        self.apply()

    def unwrite(self) -> None:
        """``write`` taken back."""
        self.revert()

    # One transaction each; raise (Conflict or a store error) with nothing written.
    def do(self) -> None:
        with conflicts(), self.project.transaction():
            self.forward()
        self.applied = True
        self.notify(self)

    def undo_now(self) -> None:
        with conflicts(), self.project.transaction():
            self.backward()
        self.applied = False
        self.notify(self)

    # Qt's calls: the session has done the work already (see the module docstring).
    def redo(self) -> None:
        if not self.applied:
            self.do()

    def undo(self) -> None:
        if self.applied:
            self.undo_now()


class Action(StoreCommand):
    """One user action made of several commands, applied and undone in one transaction."""

    def __init__(self, project: Project, text: str) -> None:
        super().__init__(project, None, text)
        self.steps: list[StoreCommand] = []
        self.error: str | None = None  # the first step that failed, while the action runs

    def changes(self) -> Changes:
        merged = Changes()
        for step in self.steps:
            merged |= step.changes()
        return merged

    def zoned(self) -> set[int]:
        return set().union(*(step.zoned() for step in self.steps))

    def id(self) -> int:
        """A step that a version's start came before merges as the step alone would (the
        resizes of a span that started the version are one undo step)."""
        if not self.steps or not all(s.starts_version for s in self.steps[:-1]):
            return -1
        return self.steps[-1].id()

    def mergeWith(self, other: QUndoCommand) -> bool:
        return self.id() != -1 and self.steps[-1].mergeWith(other)

    def write(self) -> None:
        for step in self.steps:
            step.write()

    def unwrite(self) -> None:
        for step in reversed(self.steps):
            step.unwrite()


class _Snapshot:
    """Deleted annotations with their links and claim-group memberships (the groups they
    hold), so that undo restores them as they were: ids, times, values."""

    def __init__(self) -> None:
        self.annotations: list[Annotation] = []
        self.links: list[Link] = []
        self.members: list[tuple] = []  # ClaimStore.memberships

    def delete(self, project: Project, annotations: list[Annotation]) -> None:
        claims = [a.id for a in annotations if a.layer is Layer.CLAIM]
        self.members += project.claims.memberships(claims) if claims else []
        seen = {lk.id for lk in self.links}
        for ann in annotations:
            self.annotations.append(expect_annotation(project, ann))  # as stored, not as shown
            self.links += [lk for lk in project.links_of(ann.id) if lk.id not in seen]
            seen = {lk.id for lk in self.links}
            project.delete_annotation(ann.id)

    def restore(self, project: Project) -> None:
        for ann in self.annotations:
            project.add_annotation(
                ann.article_id, ann.layer, Span(ann.start, ann.end, ann.label), ann.annotator,
                attrs=ann.attrs, suggestion_id=ann.suggestion_id, annotation_id=ann.id,
                source_id=ann.source_id, copy_of=ann.copy_of, made_at=ann.created_at,
                changed_at=ann.updated_at,
            )
        for lk in self.links:
            project.add_link(lk.from_id, lk.to_id, lk.kind, lk.annotator, lk.attrs, link_id=lk.id,
                             made_at=lk.created_at)
        if self.members:
            project.claims.restore_memberships(self.members)
        self.annotations, self.links, self.members = [], [], []


def entity_overlaps(project: Project, article_id: int, span: Span,
                    annotator: str) -> list[Annotation]:
    """Entity annotations of an annotator's version that a new entity span replaces."""
    return project.overlapping(article_id, Layer.ENTITY, span.start, span.end,
                               annotator=annotator)


class AddSpan(StoreCommand):
    """Add one span; in the entity layer it replaces the entity spans it overlaps."""

    article_id: int  # always one article

    def __init__(self, project: Project, article_id: int, layer: Layer, span: Span,
                 annotator: str, suggestion: Suggestion | None = None) -> None:
        super().__init__(project, article_id, QCoreApplication.translate(
            "UndoStep", "Add {label} ({layer})").format(
            label=span.label, layer=QCoreApplication.translate("Layer", layer.value)))
        self.layer, self.span, self.annotator, self.suggestion = layer, span, annotator, suggestion
        self.layers = frozenset({layer})
        if suggestion is not None:
            self.parts = Part.SPANS | Part.SUGGESTIONS
        self.annotation_id: int | None = None
        self.replaced = _Snapshot()

    def apply(self) -> None:
        if self.suggestion is not None:
            expect_suggestions(self.project, [self.suggestion])
        if self.layer is Layer.ENTITY:
            self.replaced.delete(self.project, entity_overlaps(
                self.project, self.article_id, self.span, self.annotator))
        self.annotation_id = self.project.add_annotation(
            self.article_id, self.layer, self.span, self.annotator,
            suggestion_id=self.suggestion.id if self.suggestion else None,
            annotation_id=self.annotation_id,
        )
        if self.suggestion is not None:
            self.project.decide([self.suggestion.id], "accepted", self.annotator)

    def revert(self) -> None:
        assert self.annotation_id is not None
        expect_annotation(self.project,
                          (self.annotation_id, self.article_id, self.span, self.layer))
        self.project.delete_annotation(self.annotation_id)
        if self.suggestion is not None:
            self.project.decide([self.suggestion.id], None, self.annotator)
        self.replaced.restore(self.project)


class DeleteSpans(StoreCommand):
    """Delete annotations (and their links)."""

    def __init__(self, project: Project, article_id: int, annotations: list[Annotation]) -> None:
        n = len(annotations)
        super().__init__(project, article_id, (
            QCoreApplication.translate("UndoStep", "Delete 1 span") if n == 1 else
            QCoreApplication.translate("UndoStep", "Delete {n} spans").format(n=n)))
        self.targets = annotations
        self.layers = frozenset(a.layer for a in annotations)
        self.snapshot = _Snapshot()

    def apply(self) -> None:
        self.snapshot.delete(self.project, self.targets)
        self.parts = Part.SPANS | (Part.GROUPS if self.snapshot.members else Part.NONE)

    def revert(self) -> None:
        self.snapshot.restore(self.project)


class UpdateSpan(StoreCommand):
    """Relabel or resize a span; successive resizes of one span merge into one undo step."""

    def __init__(self, project: Project, before: Annotation, after: Annotation,
                 text: str) -> None:
        super().__init__(project, before.article_id, text)
        self.before, self.after = before, after
        self.layers = frozenset({before.layer})

    def id(self) -> int:
        resized = (self.before.start, self.before.end) != (self.after.start, self.after.end)
        return RESIZE_ID if resized and self.before.label == self.after.label else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateSpan) or other.before.id != self.after.id:
            return False
        self.after = other.after
        return True

    def _write(self, was: Annotation, ann: Annotation) -> None:
        expect_annotation(self.project, was)
        self.project.update_annotation(ann.id, start=ann.start, end=ann.end, label=ann.label)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


class AcceptSuggestions(StoreCommand):
    """Turn suggestions into entity annotations in one step (one, or all of an article)."""

    article_id: int  # always one article

    parts = Part.SPANS | Part.SUGGESTIONS

    def __init__(self, project: Project, article_id: int, suggestions: list[Suggestion],
                 annotator: str) -> None:
        n = len(suggestions)
        super().__init__(project, article_id, (
            QCoreApplication.translate("UndoStep", "Accept 1 suggestion") if n == 1 else
            QCoreApplication.translate("UndoStep", "Accept {n} suggestions").format(n=n)))
        self.suggestions, self.annotator = suggestions, annotator
        self.layers = frozenset(s.layer for s in suggestions)
        self.created: list[tuple[int, Suggestion]] = []
        self.replaced = _Snapshot()

    def apply(self) -> None:
        expect_suggestions(self.project, self.suggestions)
        taken: list[Span] = []
        ids = iter([i for i, _s in self.created]) if self.created else None
        created = []
        for sug in self.suggestions:
            span = Span(sug.start, sug.end, sug.label)
            if sug.layer is Layer.ENTITY:
                if any(overlaps(t.start, t.end, span.start, span.end) for t in taken):
                    continue  # two overlapping entity suggestions: the first one wins
                self.replaced.delete(self.project, entity_overlaps(
                    self.project, self.article_id, span, self.annotator))
                taken.append(span)
            created.append((self.project.add_annotation(
                self.article_id, sug.layer, span, self.annotator, suggestion_id=sug.id,
                annotation_id=next(ids) if ids else None), sug))
        self.created = created
        self.project.decide([s.id for s in self.suggestions], "accepted", self.annotator)

    def revert(self) -> None:
        for annotation_id, sug in self.created:
            expect_annotation(self.project, (annotation_id, self.article_id,
                                             Span(sug.start, sug.end, sug.label), sug.layer))
            self.project.delete_annotation(annotation_id)
        self.project.decide([s.id for s in self.suggestions], None, self.annotator)
        self.replaced.restore(self.project)


class RejectSuggestions(StoreCommand):
    """Mark suggestions as rejected, so they are no longer offered."""

    parts = Part.SUGGESTIONS

    def __init__(self, project: Project, article_id: int, suggestions: list[Suggestion],
                 annotator: str) -> None:
        n = len(suggestions)
        super().__init__(project, article_id, (
            QCoreApplication.translate("UndoStep", "Reject 1 suggestion") if n == 1 else
            QCoreApplication.translate("UndoStep", "Reject {n} suggestions").format(n=n)))
        self.suggestions, self.annotator = suggestions, annotator
        self.layers = frozenset(s.layer for s in suggestions)
        self.ids = [s.id for s in suggestions]

    def apply(self) -> None:
        expect_suggestions(self.project, self.suggestions)
        self.project.decide(self.ids, "rejected", self.annotator)

    def revert(self) -> None:
        expect_suggestions(self.project, self.suggestions)
        self.project.decide(self.ids, None, self.annotator)


class AddLink(StoreCommand):
    """Link a claim to the source that makes it."""

    def __init__(self, project: Project, article_id: int, from_id: int, to_id: int, kind: str,
                 annotator: str, attrs: dict | None = None) -> None:
        super().__init__(project, article_id, QCoreApplication.translate(
            "UndoStep", "Link ({kind})").format(kind=kind))
        self.from_id, self.to_id, self.kind = from_id, to_id, kind
        self.annotator, self.attrs = annotator, attrs or {}
        self.link_id: int | None = None
        self.replaced: list[Link] = []

    def apply(self) -> None:
        # A claim has one source: linking it again replaces the earlier attribution.
        self.replaced = [lk for lk in self.project.links_of(self.from_id)
                         if lk.from_id == self.from_id and lk.kind == self.kind]
        for lk in self.replaced:
            self.project.delete_link(lk.id)
        self.link_id = self.project.add_link(self.from_id, self.to_id, self.kind,
                                             self.annotator, self.attrs, link_id=self.link_id)

    def revert(self) -> None:
        assert self.link_id is not None
        expect_link(self.project, self.link_id, self.from_id, self.to_id, self.kind)
        self.project.delete_link(self.link_id)
        for lk in self.replaced:
            self.project.add_link(lk.from_id, lk.to_id, lk.kind, lk.annotator, lk.attrs,
                                  link_id=lk.id)


def resized(ann: Annotation, start: int, end: int) -> Annotation:
    """The same annotation with new bounds."""
    return replace(ann, start=start, end=end)
