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
from annotator.io import ImportFailure, ImportWarning, iter_import, printable
from annotator.nlp.sentences import split_sentences
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport
from annotator.store.matching_store import MatchingStore

Progress = Callable[[int, str], None]  # (items done so far, what was just done)


@dataclass
class ImportReport:
    """What an import did: counted for the summary, named for the messages."""

    imported: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # imported, but e.g. with bytes replaced
    suggested: int = 0
    model: ModelInfo | None = None

    def summary(self) -> str:
        """One line for the end of a run."""
        line = (
            f"{len(self.imported)} imported, {len(self.skipped)} skipped (already in the "
            f"project), {len(self.failed)} failed"
        )
        if self.warnings:
            line += f", {len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}"
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
    """Store every article the importers produce; one bad file never stops the rest.

    Each article is one short transaction together with its sentence index (what claim
    matching ranks), so a kill leaves whole articles only and a window working on the same
    project never waits long for the write lock.
    """
    report = ImportReport()
    store = AnnotatedImport(project)  # one per run: claim groups span the files it reads
    for n, item in enumerate(iter_import(paths), start=1):
        if cancelled():
            break
        if isinstance(item, ImportFailure):
            report.failed.append(str(item))
            message = f"failed: {item}"
        elif isinstance(item, ImportWarning):
            report.warnings.append(str(item))
            message = f"warning: {item}"
        else:
            message = _store(store, item, report)
        if progress:
            progress(n, message)
    return report


def _store(store: AnnotatedImport, draft: ArticleDraft, report: ImportReport) -> str:
    """One article with whatever annotations, links and groups its file carried, and its
    sentence index, in one transaction."""
    project = store.project
    where = printable(draft.source_path or draft.title)
    article_id = project.article_id_by_hash(content_hash(draft.text))
    if article_id is None:
        sentences = split_sentences(draft.text)  # outside the transaction: it holds the lock
        try:
            with project.transaction():
                article_id = store.add(draft)
                if article_id is not None:
                    MatchingStore(project).replace_sentences(article_id, sentences)
        except (SpanError, ValueError) as exc:
            message = f"{where}: {printable(str(exc))}"
            report.failed.append(message)
            return f"failed: {message}"
        if article_id is not None:
            report.imported.append(article_id)
            return f"imported {where}"
        article_id = project.article_id_by_hash(content_hash(draft.text))
    message = f"{where}: same text as article {article_id}, skipped"
    report.skipped.append(message)
    return message


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
