"""Articles with their human annotations, in and out: what exports write and imports read."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import (
    Annotation,
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    ModelInfo,
    Provenance,
    Span,
    Status,
    Suggestion,
)
from annotator.store.articles import IMPORT_ANNOTATOR
from annotator.store.project import Project


def annotated_draft(project: Project, article_id: int,
                    layers: Iterable[Layer] | None = None) -> ArticleDraft:
    """An article with its annotations (of some layers: who made each, when, from which
    model's suggestion), links, claim groups and open suggestions."""
    wanted = set(layers) if layers is not None else set(Layer)
    art = project.article(article_id)
    anns = [a for a in project.annotations(article_id) if a.layer in wanted]
    keys = {a.id: f"T{n}" for n, a in enumerate(anns, start=1)}
    sources = {s.id: s for s in project.claims.sources()}
    suggested = {s.id: s for s in project.suggestions(article_id)}
    decided = project.decisions(article_id)
    spans = [
        DocSpan(keys[a.id], a.layer, a.start, a.end, a.label, dict(a.attrs),
                source=sources[a.source_id].name if a.source_id in sources else None,
                source_kind=sources[a.source_id].kind if a.source_id in sources else None,
                made=_made(a, suggested.get(a.suggestion_id) if a.suggestion_id else None))
        for a in anns
    ]
    open_ = [s for s in suggested.values() if s.id not in decided and s.layer in wanted]
    suggestions = [DocSpan(f"S{n}", s.layer, s.start, s.end, s.label, made=Provenance(
        model=s.model, model_version=s.model_version, score=s.score))
        for n, s in enumerate(open_, start=1)]
    links = [DocLink(keys[lk.from_id], keys[lk.to_id], lk.kind, dict(lk.attrs))
             for lk in project.links(article_id) if lk.from_id in keys and lk.to_id in keys]
    groups = []
    for a in anns:
        for group_id in project.claims.groups_of(a.id) if a.layer is Layer.CLAIM else []:
            group = project.claims.group(group_id)
            member = next(m for m in group.members if m.annotation_id == a.id)
            groups.append(DocGroupMember(group.title, f"G{group_id}", keys[a.id], member.value,
                                         member.stance, group.holding_id == a.id))
    return ArticleDraft(
        text=art.text, title=art.title, outlet=art.outlet, author=art.author, url=art.url,
        published=art.published, language=art.language, meta=dict(art.meta),
        source_path=art.source_path, annotations=spans, links=links, groups=groups,
        status=art.status, suggestions=suggestions,
    )


def _made(annotation: Annotation, suggestion: Suggestion | None) -> Provenance:
    """Who made an annotation and when; the model, when it was accepted from a suggestion."""
    if suggestion is None:
        return Provenance(annotation.annotator, annotation.created_at)
    return Provenance(annotation.annotator, annotation.created_at, suggestion.model,
                      suggestion.model_version)


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
