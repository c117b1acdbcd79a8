"""Articles with their human annotations, in and out: what exports write and imports read."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.hashing import content_hash
from annotator.core.model import (
    ArticleDraft,
    Layer,
)
from annotator.store.batches import IMPORT_ANNOTATOR, ArticleWriter, NewArticle, Outcome, check
from annotator.store.drafts import annotated_drafts
from annotator.store.import_versions import Versions, add_versions
from annotator.store.project import Project
from annotator.store.suggestions import accept_annotated


def annotated_draft(project: Project, article_id: int,
                    layers: Iterable[Layer] | None = None) -> ArticleDraft:
    """An article with its annotations (of some layers: who made each, when, from which
    model's suggestion), links, claim groups and open suggestions; exports read many at a
    time with ``annotator.store.drafts.annotated_drafts``."""
    return next(annotated_drafts(project.db, [article_id], layers))


BULK_CHECKPOINT = 4000  # WAL pages (4 KB) between a bulk import's checkpoints (SQLite: 1000)


class AnnotatedImport(ArticleWriter):
    """Stores annotated drafts, alone or in batches (store/batches.py); claim groups that span
    documents are matched by their key."""

    def __init__(self, project: Project, annotator: str = IMPORT_ANNOTATOR, *,
                 bulk: bool = False) -> None:
        super().__init__(project.db, project.claims, annotator)
        self.project = project
        # a batch's multi-row INSERTs keep their statement journals in memory, not in a
        # temp file (at 10,000 articles 0.6 of the 0.95 GB an import wrote)
        project.db.execute("PRAGMA temp_store = MEMORY")
        if bulk:  # a checkpoint (two fsyncs) every 16 MB of WAL, not every 4 MB
            project.db.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT}")

    def write(self, batch: Iterable[NewArticle]) -> list[Outcome]:
        """ArticleWriter's; then a suggestion that is an annotation already (in a new article,
        or one that got an annotator's spans) is accepted by that annotation's annotator, not
        open over it."""
        outcomes = super().write(batch)
        accept_annotated(self.db, [o.article_id for o in outcomes if o.article_id is not None
                                   and (o.new or o.versions and (o.versions.added
                                                                 or o.versions.merged))])
        return outcomes

    def same_text(self, article_id: int, draft: ArticleDraft) -> Versions:
        """Another annotator's work on a stored text: their version (import_versions.py)."""
        return add_versions(self, article_id, draft)

    def add(self, draft: ArticleDraft) -> int | None:
        """One article with everything on it, in one transaction; None for a duplicate."""
        new = NewArticle(draft, content_hash(draft.text))
        check(new)
        with self.project.transaction():
            (outcome,) = self.write([new])
        return outcome.article_id if outcome.new else None
