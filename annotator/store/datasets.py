"""Articles with their human annotations, in and out: what exports write and imports read."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import (
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Span,
    Status,
)
from annotator.store.articles import IMPORT_ANNOTATOR
from annotator.store.project import Project


def annotated_draft(project: Project, article_id: int,
                    layers: Iterable[Layer] | None = None) -> ArticleDraft:
    """An article with its annotations (of some layers), links and claim groups."""
    wanted = set(layers) if layers is not None else set(Layer)
    art = project.article(article_id)
    anns = [a for a in project.annotations(article_id) if a.layer in wanted]
    keys = {a.id: f"T{n}" for n, a in enumerate(anns, start=1)}
    sources = {s.id: s for s in project.claims.sources()}
    spans = [
        DocSpan(keys[a.id], a.layer, a.start, a.end, a.label, dict(a.attrs),
                source=sources[a.source_id].name if a.source_id in sources else None,
                source_kind=sources[a.source_id].kind if a.source_id in sources else None)
        for a in anns
    ]
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
        status=art.status,
    )


class AnnotatedImport:
    """Stores annotated drafts; claim groups that span documents are matched by their key."""

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
            for link in draft.links:
                self.project.add_link(ids[link.from_key], ids[link.to_key], link.kind,
                                      self.annotator, link.attrs)
            for member in draft.groups:
                self._member(member, ids[member.span_key])
            if draft.status is not None and draft.status is not Status.NEW:
                self.project.set_status(article_id, draft.status)
        return article_id

    def _span(self, article_id: int, s: DocSpan) -> int:
        self.project.ensure_label(s.layer, s.label)
        source_id = None
        if s.source:
            found = self.project.claims.source_by_name(s.source)
            source_id = found.id if found else self.project.claims.add_source(
                s.source, s.source_kind or "other")
        return self.project.add_annotation(article_id, s.layer, Span(s.start, s.end, s.label),
                                           self.annotator, attrs=s.attrs, source_id=source_id)

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
