"""The session's actions on claims across articles: attributes, attributions, canonical sources,
claim groups, match decisions. A claim's attributes, links, canonical source and group
membership are the annotator's (their version); the source registry, the groups themselves
(title, note, the claim that holds) and match decisions are shared by everyone."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from annotator.app import claim_commands as claim_cmd
from annotator.app import source_commands as source_cmd
from annotator.core.model import Annotation, CanonicalSource, Link

if TYPE_CHECKING:
    from annotator.app.commands import StoreCommand
    from annotator.store import Project
    from annotator.store.matching_store import MatchSpan

C = TypeVar("C", bound="StoreCommand")


class ClaimEdits:
    """A part of Session (which gives ``push``, ``_in_version`` and ``_own``)."""

    project: Project
    annotator: str

    if TYPE_CHECKING:
        def push(self, command: StoreCommand) -> bool: ...
        def _in_version(self, articles: Iterable[int], build: Callable[[], C]) -> C | None: ...
        def _own(self, ann: Annotation) -> Annotation: ...
        def _own_id(self, annotation_id: int) -> int: ...
        def _own_link(self, link: Link) -> Link: ...

    def set_attrs(self, ann: Annotation, attrs: dict) -> bool:
        """Set a claim's attributes (kind, check-worthiness, verdict, evidence, comment)."""
        return attrs != ann.attrs and self._in_version([ann.article_id], lambda: (
            claim_cmd.SetAttrs(self.project, self._own(ann), attrs))) is not None

    def set_link_attrs(self, article_id: int, link: Link, attrs: dict) -> bool:
        """Set an attribution's cue and quotation type."""
        return self._in_version([article_id], lambda: claim_cmd.SetLinkAttrs(
            self.project, article_id, self._own_link(link), attrs)) is not None

    def assign_source(self, article_id: int, mention_ids: list[int], source_id: int | None,
                      new: tuple[str, str, list[str]] | None = None) -> bool:
        """Point source mentions at a canonical source, or at a new one (name, kind, aliases)."""
        return self._in_version([article_id], lambda: source_cmd.AssignSource(
            self.project, article_id, [self._own_id(m) for m in mention_ids], source_id,
            new)) is not None

    def merge_sources(self, keep: CanonicalSource, merged: list[CanonicalSource]) -> bool:
        """Fold sources into ``keep``: it keeps its name, theirs become its aliases, their
        mentions (everyone's: the registry is shared) point at it."""
        merged = [s for s in {s.id: s for s in merged}.values() if s.id != keep.id]
        return bool(merged) and self.push(source_cmd.MergeSources(self.project, keep, merged))

    def rename_source(self, source: CanonicalSource, name: str) -> bool:
        """Rename a canonical source; refused (``failed`` says why) when the name is empty or
        another source's. False when nothing changed."""
        return " ".join(name.split()) != source.name and self.push(
            source_cmd.RenameSource(self.project, source, name))

    def set_source_kind(self, source: CanonicalSource, kind: str) -> bool:
        """Say what kind of source a canonical source is."""
        return kind != source.kind and self.push(
            source_cmd.SetSourceKind(self.project, source, kind))

    def group_claims(self, article_id: int, group_id: int | None, title: str,
                     members: list[tuple[int, str]]) -> int | None:
        """Add claims (with the values they state) to a group, or to a new one; the group's
        id, or None when it could not be stored."""
        articles = [article_id, *(self.project.annotation(a).article_id for a, _ in members)]
        command = self._in_version(articles, lambda: claim_cmd.GroupClaims(
            self.project, article_id, group_id, title,
            [(self._own_id(a), value) for a, value in members], self.annotator))
        return command.target if command is not None else None

    def merge_groups(self, keep: int, merged: int) -> bool:
        """Fold claim group ``merged`` into ``keep`` (undo brings it back as it was)."""
        return keep != merged and self.push(claim_cmd.MergeGroups(self.project, keep, merged))

    def ungroup(self, article_id: int, group_id: int, annotation_id: int) -> bool:
        """Take a claim out of a group."""
        return self._in_version([article_id], lambda: claim_cmd.UngroupClaim(
            self.project, article_id, group_id, self._own_id(annotation_id),
            self.annotator)) is not None

    def set_member(self, article_id: int, group_id: int, annotation_id: int, *,
                   value: str | None = None, stance: str | None = None) -> bool:
        """Record what a grouped claim states, or its stance."""
        return self._in_version([article_id], lambda: claim_cmd.SetMember(
            self.project, article_id, group_id, self._own_id(annotation_id), value,
            stance)) is not None

    def decide_match(self, query: MatchSpan, candidate: MatchSpan, decision: str,
                     method: str = "") -> bool:
        """Confirm or reject a claim-matching candidate (undoable)."""
        return self.push(claim_cmd.DecideMatch(self.project, query, candidate, decision,
                                               self.annotator, method))

    def resolve_group(self, group_id: int, *, holding_id: int | None | bool = False,
                      note: str | None = None, title: str | None = None) -> bool:
        """Record which claim holds and why, or retitle the group."""
        return self.push(claim_cmd.ResolveGroup(self.project, group_id, holding_id=holding_id,
                                                note=note, title=title))
