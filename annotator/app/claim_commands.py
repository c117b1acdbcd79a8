"""Undoable actions on claims across articles: attributes, claim groups, match decisions
(the source registry's are in ``app/source_commands.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from annotator.app.changes import Changes, Part
from annotator.app.commands import Conflict, StoreCommand
from annotator.app.conflicts import QT_TRANSLATE_NOOP
from annotator.core.model import Annotation, Link
from annotator.store import Project

if TYPE_CHECKING:
    from annotator.store.matching_store import MatchSpan

translate = QCoreApplication.translate  # lupdate collects translate("UndoStep", …)
# What a conflict names (translated when it is raised)
GROUP = QT_TRANSLATE_NOOP("Conflict", "the claim group")
MERGED_GROUP = QT_TRANSLATE_NOOP("Conflict", "the merged claim group")
DECISION = QT_TRANSLATE_NOOP("Conflict", "the match decision")
VALUE_STANCE = QT_TRANSLATE_NOOP("Conflict", "the claim's value or stance")


def expect(now: Any, was: Any, what: str) -> None:
    """Raise Conflict when a value is not what this command left or found there (``what``:
    marked with QT_TRANSLATE_NOOP under ``Conflict``, or translated)."""
    if now != was:
        raise Conflict(translate("Conflict", "{what} was changed elsewhere").format(
            what=translate("Conflict", what)))


def _annotation_attrs(project: Project, annotation_id: int) -> dict[str, Any] | None:
    try:
        return project.annotation(annotation_id).attrs
    except KeyError:
        return None


def _link_attrs(project: Project, link_id: int, from_id: int) -> dict[str, Any] | None:
    return next((lk.attrs for lk in project.links_of(from_id) if lk.id == link_id), None)


def _group(project: Project, group_id: int, what: str):
    try:
        return project.claims.group(group_id)
    except KeyError:
        raise Conflict(translate("Conflict", "{what} was removed elsewhere").format(
            what=translate("Conflict", what))) from None


def _member(project: Project, group_id: int, annotation_id: int):
    group = _group(project, group_id, GROUP)
    found = next((m for m in group.members if m.annotation_id == annotation_id), None)
    if found is None:
        raise Conflict(translate("Conflict", "the claim was taken out of the group elsewhere"))
    return found


class SetAttrs(StoreCommand):
    """Change a span's attributes (a claim's kind, check-worthiness, verdict, notes)."""

    def __init__(self, project: Project, ann: Annotation, attrs: dict[str, Any]) -> None:
        super().__init__(project, ann.article_id, translate("UndoStep", "Edit claim attributes"))
        # (not "self.id": that would hide QUndoCommand.id(), which Qt calls when merging)
        self.annotation_id, self.before, self.after = ann.id, dict(ann.attrs), dict(attrs)

    def _write(self, was: dict[str, Any], attrs: dict[str, Any]) -> None:
        now = _annotation_attrs(self.project, self.annotation_id)
        if self.first and now is not None:  # the first time, what is stored is what it changes
            self.before, was, self.first = dict(now), now, False
        expect(now, was, QT_TRANSLATE_NOOP("Conflict", "the claim's attributes"))
        self.project.update_annotation(self.annotation_id, attrs=attrs)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


class SetLinkAttrs(StoreCommand):
    """Change an attribution's cue or quotation type."""

    def __init__(self, project: Project, article_id: int, link: Link,
                 attrs: dict[str, Any]) -> None:
        super().__init__(project, article_id, translate("UndoStep", "Edit attribution"))
        self.link_id, self.before, self.after = link.id, dict(link.attrs), dict(attrs)
        self.from_id = link.from_id

    def _write(self, was: dict[str, Any], attrs: dict[str, Any]) -> None:
        now = _link_attrs(self.project, self.link_id, self.from_id)
        if self.first and now is not None:
            self.before, was, self.first = dict(now), now, False
        expect(now, was, QT_TRANSLATE_NOOP("Conflict", "the attribution"))
        self.project.update_link(self.link_id, attrs)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


class GroupClaims(StoreCommand):
    """Put claims into a group (a new one when ``group_id`` is None)."""

    parts = Part.SPANS | Part.GROUPS

    def __init__(self, project: Project, article_id: int, group_id: int | None, title: str,
                 members: list[tuple[int, str]], annotator: str) -> None:
        super().__init__(project, article_id, translate("UndoStep", "Group claims: {title}").format(
            title=title))
        self.group_id, self.title, self.members = group_id, title, members
        self.annotator = annotator
        self.created: int | None = None

    def apply(self) -> None:
        claims = self.project.claims
        if self.group_id is None or self.created is not None:
            self.created = claims.add_group(self.title, group_id=self.created)
        target = self.created if self.created is not None else self.group_id
        assert target is not None
        present = {m.annotation_id for m in claims.group(target).members}
        self.added = [(a, v) for a, v in self.members if a not in present]
        for annotation_id, value in self.added:
            claims.add_member(target, annotation_id, self.annotator, value=value)
        self.target = target

    def revert(self) -> None:
        for annotation_id, _value in self.added:
            _member(self.project, self.target, annotation_id)
            self.project.claims.remove_member(self.target, annotation_id)
        if self.created is not None:
            others = _group(self.project, self.created, GROUP).members
            if others:  # another window put claims into the new group meanwhile
                raise Conflict(translate("Conflict", "the claim group has other members now"))
            self.project.claims.delete_group(self.created)


class UngroupClaim(StoreCommand):
    """Take a claim out of a group (holding it no more, if it did); undo puts its row back as
    it was, holding the group again."""

    parts = Part.GROUPS

    def __init__(self, project: Project, article_id: int, group_id: int, annotation_id: int,
                 annotator: str) -> None:
        super().__init__(project, article_id, translate("UndoStep", "Remove claim from group"))
        self.group_id, self.annotation_id, self.annotator = group_id, annotation_id, annotator
        self.rows: list[tuple] = []  # ClaimStore.memberships, as they were

    def apply(self) -> None:
        _member(self.project, self.group_id, self.annotation_id)
        claims = self.project.claims
        self.rows = [r for r in claims.memberships([self.annotation_id]) if r[0] == self.group_id]
        claims.remove_member(self.group_id, self.annotation_id)

    def revert(self) -> None:
        if self.project.claims.group_of(self.annotation_id) is not None:
            raise Conflict("the claim was put into a group elsewhere")
        self.project.claims.restore_memberships(self.rows)


class SetMember(StoreCommand):
    """Record the value a claim states on its group's point, or its stance."""

    parts = Part.GROUPS

    def __init__(self, project: Project, article_id: int, group_id: int, annotation_id: int,
                 value: str | None = None, stance: str | None = None) -> None:
        super().__init__(project, article_id, translate("UndoStep", "Set the claim's value"))
        self.group_id, self.annotation_id = group_id, annotation_id
        member = next(m for m in project.claims.group(group_id).members
                      if m.annotation_id == annotation_id)
        self.before = (member.value, member.stance)
        self.after = (member.value if value is None else value,
                      member.stance if stance is None else stance)

    def _write(self, was: tuple[str, str], now: tuple[str, str]) -> None:
        member = _member(self.project, self.group_id, self.annotation_id)
        if self.first:
            self.before = was = (member.value, member.stance)
            self.first = False
        expect((member.value, member.stance), was, VALUE_STANCE)
        self.project.claims.set_member(self.group_id, self.annotation_id, value=now[0],
                                       stance=now[1])

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


class ResolveGroup(StoreCommand):
    """Record which claim of a group holds, and why; or retitle the group."""

    parts = Part.GROUPS

    def __init__(self, project: Project, group_id: int, *,
                 holding_id: int | None | bool = False, note: str | None = None,
                 title: str | None = None) -> None:
        super().__init__(project, None, translate("UndoStep", "Resolve claim group"))
        group = project.claims.group(group_id)
        self.group_id = group_id
        self.before = {"holding_id": group.holding_id, "note": group.note, "title": group.title}
        self.after = {"holding_id": group.holding_id if holding_id is False else holding_id,
                      "note": group.note if note is None else note,
                      "title": group.title if title is None else title}

    def _write(self, was: dict[str, Any], now: dict[str, Any]) -> None:
        group = _group(self.project, self.group_id, GROUP)
        stored = {"holding_id": group.holding_id, "note": group.note, "title": group.title}
        if self.first:
            self.before, was, self.first = stored, stored, False
        expect(stored, was, GROUP)
        self.project.claims.update_group(self.group_id, **now)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


class MergeGroups(StoreCommand):
    """Fold one claim group into another (a claim is in one group at most): its claims move
    over with their values and stances; undo brings the group back as it was."""

    parts = Part.SPANS | Part.GROUPS

    def __init__(self, project: Project, keep: int, merged: int) -> None:
        super().__init__(project, None, translate(
            "UndoStep", "Merge group {merged} into group {keep}").format(merged=merged, keep=keep))
        self.keep, self.merged = keep, merged
        self.touched: frozenset[int] = frozenset()

    def changes(self) -> Changes:
        return Changes(self.touched, self.parts)

    def apply(self) -> None:
        kept = _group(self.project, self.keep, GROUP)
        gone = _group(self.project, self.merged, MERGED_GROUP)
        self.kept = (kept.note, kept.holding_id)
        self.gone = (gone.title, gone.note, gone.holding_id)
        self.moved = [m.annotation_id for m in gone.members]
        self.touched = frozenset(m.article_id for m in kept.members + gone.members)
        self.project.claims.merge_groups(self.keep, self.merged)

    def revert(self) -> None:
        here = {m.annotation_id for m in _group(self.project, self.keep, GROUP).members}
        if not set(self.moved) <= here:
            raise Conflict(translate("Conflict", "the merged claims were moved elsewhere"))
        title, note, holding = self.gone
        self.project.claims.unmerge(self.keep, self.merged, title, self.moved, note=note,
                                    holding_id=holding, kept=self.kept)


class DecideMatch(StoreCommand):
    """Confirm or reject a candidate for a claim (the learned ranker trains on decisions);
    undo puts back whatever decision the pair had before."""

    parts = Part.MATCHES

    def __init__(self, project: Project, query: MatchSpan, candidate: MatchSpan, decision: str,
                 annotator: str, method: str = "") -> None:
        super().__init__(project, None, translate("UndoStep", "Confirm match")
                         if decision == "confirmed" else translate("UndoStep", "Reject match"))
        self.query, self.candidate, self.decision = query, candidate, decision
        self.annotator, self.method = annotator, method
        self.before: dict[str, Any] | None = None
        self.made: int | None = None

    def apply(self) -> None:
        store = self.project.matching
        self.before = store.decision_row(self.query, self.candidate)
        self.made = store.record_decision(self.query, self.candidate, self.decision,
                                          self.annotator, self.method)

    def revert(self) -> None:
        store = self.project.matching
        now = store.decision_row(self.query, self.candidate)
        expect((now or {}).get("id"), self.made, DECISION)
        expect((now or {}).get("decision"), self.decision, DECISION)
        assert self.made is not None
        store.delete_decision(self.made)
        if self.before is not None:
            store.restore_decision(self.before)
