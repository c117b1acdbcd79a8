"""Articles with their human annotations, in and out: what exports write and imports read."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import (
    ArticleDraft,
    DocGroupMember,
    DocSpan,
    Layer,
    ModelInfo,
    Provenance,
    Span,
    Status,
)
from annotator.store.articles import IMPORT_ANNOTATOR
from annotator.store.drafts import annotated_drafts
from annotator.store.project import Project


def annotated_draft(project: Project, article_id: int,
                    layers: Iterable[Layer] | None = None) -> ArticleDraft:
    """An article with its annotations (of some layers: who made each, when, from which
    model's suggestion), links, claim groups and open suggestions; exports read many at a
    time with ``annotator.store.drafts.annotated_drafts``."""
    return next(annotated_drafts(project.db, [article_id], layers))


class AnnotatedImport:
    """Stores annotated drafts; claim groups that span documents are matched by their key.
    A span keeps who made it and when, and the model it was accepted from, when its file says
    so (else it is the importer's, now); the file's open suggestions stay open suggestions."""

    def __init__(self, project: Project, annotator: str = IMPORT_ANNOTATOR) -> None:
        self.project = project
        self.annotator = annotator
        self.groups: dict[str, int] = {}

    def add(self, draft: ArticleDraft) -> int | None:
        """One article with everything on it, in one transaction; None for a duplicate."""
        with self.project.transaction():
            article_id = self.project.add_article(draft, annotator=self.annotator)
            if article_id is None:
                return None
            ids = {s.key: self._span(article_id, s) for s in draft.annotations}
            self._suggestions(article_id, draft.suggestions or [])
            for link in draft.links:
                self.project.add_link(ids[link.from_key], ids[link.to_key], link.kind,
                                      self.annotator, link.attrs)
            for member in draft.groups:
                self._member(member, ids[member.span_key])
            if draft.status is not None and draft.status is not Status.NEW:
                self.project.set_status(article_id, draft.status)
        return article_id

    def _span(self, article_id: int, s: DocSpan) -> int:
        """One annotation, kept as the file says who made it, when, from which model."""
        self.project.ensure_label(s.layer, s.label)
        source_id = None
        if s.source:
            found = self.project.claims.source_by_name(s.source)
            source_id = found.id if found else self.project.claims.add_source(
                s.source, s.source_kind or "other")
        made = s.made or Provenance()
        who = made.annotator or self.annotator
        span = Span(s.start, s.end, s.label)
        suggestion_id = None
        if made.model and made.model_version:
            suggestion_id = self.project.add_accepted(
                article_id, ModelInfo(made.model, made.model_version), span, s.layer, who,
                made.at)
        return self.project.add_annotation(article_id, s.layer, span, who, attrs=s.attrs,
                                           source_id=source_id, made_at=made.at,
                                           suggestion_id=suggestion_id)

    def _suggestions(self, article_id: int, spans: list[DocSpan]) -> None:
        """The file's open suggestions, stored as its models' suggestions."""
        by_model: dict[tuple[str, str, Layer], list[Span]] = {}
        for s in spans:
            made = s.made or Provenance()
            key = (made.model or "unknown", made.model_version or "", s.layer)
            by_model.setdefault(key, []).append(Span(s.start, s.end, s.label, made.score))
        for (name, version, layer), found in by_model.items():
            self.project.replace_suggestions(article_id, ModelInfo(name, version), found, layer,
                                             keep_decided=True)

    def _member(self, member: DocGroupMember, annotation_id: int) -> None:
        """Put a claim into its group; a claim is in one group at most, so the groups of a
        claim listed in two (files of older versions) become one, the older of them."""
        claims = self.project.claims
        present = claims.group_of(annotation_id)
        group_id = self.groups.get(member.group_key)
        if group_id is None:
            group_id = present if present is not None else claims.add_group(member.group)
        elif present is not None and present != group_id:
            keep, merged = sorted((present, group_id))
            claims.merge_groups(keep, merged)
            self.groups = {k: keep if g == merged else g for k, g in self.groups.items()}
            group_id = keep
        self.groups[member.group_key] = group_id
        if present is None:
            claims.add_member(group_id, annotation_id, self.annotator, value=member.value,
                              stance=member.stance)
        if member.holds:
            claims.update_group(group_id, holding_id=annotation_id)
