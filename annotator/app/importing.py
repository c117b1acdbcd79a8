"""The import use case: files → articles in the project → entity suggestions.

Plain Python (no Qt), so the command line runs it directly and the GUI runs it in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.hashing import content_hash
from annotator.core.model import ArticleDraft, Layer, ModelInfo
from annotator.core.spans import SpanError
from annotator.io import ImportFailure, iter_import
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport

Progress = Callable[[int, str], None]  # (items done so far, what was just done)


@dataclass
class ImportReport:
    """What an import did: counted for the summary, named for the messages."""

    imported: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    suggested: int = 0
    model: ModelInfo | None = None

    def summary(self) -> str:
        """One line for the end of a run."""
        line = (
            f"{len(self.imported)} imported, {len(self.skipped)} skipped (already in the "
            f"project), {len(self.failed)} failed"
        )
        if self.model is not None:
            line += f"; {self.suggested} entity suggestions from {self.model.name} "
            line += f"{self.model.version}"
        return line


def import_files(
    project: Project,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Store every article the importers produce; one bad file never stops the rest."""
    report = ImportReport()
    store = AnnotatedImport(project)  # one per run: claim groups span the files it reads
    for n, item in enumerate(iter_import(paths), start=1):
        if cancelled():
            break
        if isinstance(item, ImportFailure):
            report.failed.append(str(item))
            message = f"failed: {item}"
        else:
            message = _store(store, item, report)
        if progress:
            progress(n, message)
    if report.imported:  # the sentence index that claim matching ranks (cheap, no model)
        from annotator.app.matching import ensure_sentences

        ensure_sentences(project, report.imported)
    return report


def _store(store: AnnotatedImport, draft: ArticleDraft, report: ImportReport) -> str:
    """One article with whatever annotations, links and groups its file carried."""
    project = store.project
    where = draft.source_path or draft.title
    try:
        article_id = store.add(draft)
    except (SpanError, ValueError) as exc:
        report.failed.append(f"{where}: {exc}")
        return f"failed: {where}: {exc}"
    if article_id is None:
        digest_id = project.article_id_by_hash(content_hash(draft.text))
        message = f"{where}: same text as article {digest_id}, skipped"
        report.skipped.append(message)
        return message
    report.imported.append(article_id)
    return f"imported {where}"


def suggest_entities_for(
    project: Project,
    article_ids: list[int],
    nlp: Any,
    info: ModelInfo,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch_size: int = 16,
) -> int:
    """Run the pipeline over articles and store its entities; each article commits on its own."""
    from annotator.nlp.suggest import suggest_entities

    total = 0
    labels: set[str] = set()
    texts = _texts(project, article_ids, cancelled)
    for n, (article_id, spans) in enumerate(
        suggest_entities(nlp, texts, batch_size=batch_size), start=1
    ):
        total += project.replace_suggestions(article_id, info, spans)
        for label in {s.label for s in spans} - labels:
            project.ensure_label(Layer.ENTITY, label)
            labels.add(label)
        if progress:
            progress(n, f"article {article_id}: {len(spans)} entities")
    return total


def _texts(
    project: Project, article_ids: list[int], cancelled: Callable[[], bool]
) -> Iterator[tuple[int, str]]:
    for article_id in article_ids:
        if cancelled():
            return
        yield article_id, project.article(article_id).text


def suggest_claims_for(project: Project, article_ids: list[int], nlp: Any, info: ModelInfo,
                       *, progress: Progress | None = None) -> int:
    """Run a claim finder over articles and store its spans as claim-layer suggestions."""
    from annotator.nlp.claim_spans import suggest_claims

    total = 0
    texts = _texts(project, article_ids, lambda: False)
    for n, (article_id, spans) in enumerate(suggest_claims(nlp, texts), start=1):
        total += project.replace_suggestions(article_id, info, spans, layer=Layer.CLAIM)
        if progress:
            progress(n, f"article {article_id}: {len(spans)} claims")
    return total
