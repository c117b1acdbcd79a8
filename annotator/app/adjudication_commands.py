"""The undo commands adjudication writes the gold version with (docs/adjudication.md): its
start, spans copied from an annotator's version, a span's attribute, the links of a kind from
a span, a claim's group membership. Each checks that what it changes is still what it saw."""

from __future__ import annotations

from typing import Any

from annotator.app import adjudication_texts as texts
from annotator.app.adjudication_texts import SOURCE
from annotator.app.changes import Part
from annotator.app.claim_commands import expect
from annotator.app.commands import StoreCommand
from annotator.app.conflicts import QT_TRANSLATE_NOOP, Conflict, expect_annotation, expect_link
from annotator.app.version_commands import StartVersion
from annotator.core.model import Annotation, Layer, Link, Span
from annotator.store import Project
from annotator.store.memberships import Member, members_of

NewLink = tuple[int, int, str, dict[str, Any]]  # from, to, kind, attributes


def field(ann: Annotation, name: str) -> Any:
    """A span's attribute (its canonical source for ``SOURCE``); None when it has none."""
    return ann.source_id if name == SOURCE else ann.attrs.get(name)


class StartGold(StartVersion):
    """Start the gold version of an article: empty, in progress (undo: none again)."""

    def apply(self) -> None:
        if self.project.has_version(self.article_id, self.annotator):
            raise Conflict(texts.translate("Conflict", "the article's gold version was started "
                                           "elsewhere"))
        self.started = self.project.start_version(self.article_id, self.annotator, self.status,
                                                  self.started, copy=False)


class CopySpans(StoreCommand):
    """Copy annotators' spans (label, bounds, attributes, canonical source, the suggestion
    it was accepted from) into a version."""

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
                attrs=a.attrs, source_id=a.source_id, suggestion_id=a.suggestion_id,
                annotation_id=self.ids[n])

    @property
    def made(self) -> list[int]:
        """The copies' ids, in the spans' order (once applied)."""
        return [i for i in self.ids if i is not None]

    def revert(self) -> None:
        for ident, a in zip(self.ids, self.spans, strict=True):
            assert ident is not None
            expect_annotation(self.project, (ident, self.article_id,
                                             Span(a.start, a.end, a.label), a.layer))
            self.project.delete_annotation(ident)


class SetField(StoreCommand):
    """Set one attribute of a span (or its canonical source); None takes it away."""

    def __init__(self, project: Project, ann: Annotation, name: str, value: Any) -> None:
        super().__init__(project, ann.article_id, texts.set_field(texts.field_name(name)))
        self.annotation_id, self.name = ann.id, name
        self.before, self.after = field(ann, name), value
        self.parts = Part.SPANS | (Part.SOURCES if name == SOURCE else Part.NONE)

    def _write(self, was: Any, value: Any) -> None:
        try:
            ann = self.project.annotation(self.annotation_id)
        except KeyError:
            raise Conflict(texts.translate("Conflict", "the span was removed elsewhere")) from None
        expect(field(ann, self.name), was, texts.translate("Conflict", "the span's {name}").format(
            name=texts.field_name(self.name)))
        if self.name == SOURCE:
            self.project.claims.set_canonical([ann.id], value)
            return
        attrs = {k: v for k, v in ann.attrs.items() if k != self.name}
        if value is not None:
            attrs[self.name] = value
        self.project.update_annotation(ann.id, attrs=attrs)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


class ReplaceLinks(StoreCommand):
    """Remove some links of a version and add others (ids kept through undo and redo)."""

    def __init__(self, project: Project, article_id: int, annotator: str,
                 remove: list[Link], add: list[NewLink], text: str | None = None) -> None:
        super().__init__(project, article_id, text or texts.take_links())
        self.annotator, self.remove, self.add = annotator, remove, add
        self.ids: list[int | None] = [None] * len(add)

    def apply(self) -> None:
        for lk in self.remove:
            expect_link(self.project, lk.id, lk.from_id, lk.to_id, lk.kind)
            self.project.delete_link(lk.id)
        for n, (start, end, kind, attrs) in enumerate(self.add):
            self.ids[n] = self.project.add_link(start, end, kind, self.annotator, attrs,
                                                link_id=self.ids[n])

    def revert(self) -> None:
        for ident, (start, end, kind, _) in zip(self.ids, self.add, strict=True):
            assert ident is not None
            expect_link(self.project, ident, start, end, kind)
            self.project.delete_link(ident)
        for lk in self.remove:
            self.project.add_link(lk.from_id, lk.to_id, lk.kind, lk.annotator, lk.attrs,
                                  link_id=lk.id)


class SetMembership(StoreCommand):
    """Put a claim into a claim group with a value and stance, or out of its group."""

    parts = Part.SPANS | Part.GROUPS

    def __init__(self, project: Project, ann: Annotation, annotator: str,
                 before: Member | None, after: Member | None) -> None:
        super().__init__(project, ann.article_id, texts.set_group())
        if ann.layer is not Layer.CLAIM:
            raise ValueError("only claims are in claim groups")
        self.annotation_id, self.annotator = ann.id, annotator
        self.before, self.after = before, after

    def _write(self, was: Member | None, now: Member | None) -> None:
        claims, ident = self.project.claims, self.annotation_id
        expect(members_of(self.project.db, [ident]).get(ident), was,
               QT_TRANSLATE_NOOP("Conflict", "the claim's group"))
        if was is not None:
            claims.remove_member(was.group_id, ident)
        if now is not None:
            claims.add_member(now.group_id, ident, self.annotator, value=now.value,
                              stance=now.stance)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)
