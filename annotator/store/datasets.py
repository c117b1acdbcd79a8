"""Articles with their human annotations, in and out: what exports write and imports read."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.hashing import content_hash
from annotator.core.model import (
    Annotation,
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Provenance,
    Suggestion,
)
from annotator.store.batches import IMPORT_ANNOTATOR, ArticleWriter, NewArticle, check
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


class AnnotatedImport(ArticleWriter):
    """Stores annotated drafts, alone or in batches (store/batches.py); claim groups that span
    documents are matched by their key."""

    def __init__(self, project: Project, annotator: str = IMPORT_ANNOTATOR) -> None:
        super().__init__(project.db, project.claims, annotator)
        self.project = project

    def add(self, draft: ArticleDraft) -> int | None:
        """One article with everything on it, in one transaction; None for a duplicate."""
        new = NewArticle(draft, content_hash(draft.text))
        check(new)
        with self.project.transaction():
            (outcome,) = self.write([new])
        return outcome.article_id if outcome.new else None
