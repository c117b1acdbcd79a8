"""An import's articles in batches, each prepared before its transaction: the zones (stored as
suggestions) and the metadata they give, the sentence index in what readers keep; or, for an
import that finds zones after its commit (app/zone_pass.py), the mark that they are pending.

Preparing is most of an import's work, and it needs nothing from the project but the learned
zone model: once an import is large (POOL_AFTER articles, or a file of POOL_BYTES), it runs in
worker processes beside the writer (every core but its own), batches ahead of it, while the
project has no zone model in use. Smaller imports prepare here, without starting a process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from annotator.app.zones import (
    META_FIELDS,
    draft_has_zones,
    kept_sentences,
    with_derived_meta,
    zones_for,
)
from annotator.app.zones import RULES as ZONE_RULES
from annotator.core.model import ArticleDraft, ModelInfo, Span
from annotator.io import ImportItem
from annotator.store import Project
from annotator.store.batches import NewArticle
from annotator.store.zones_pending import guessed

BATCH = 200  # articles per transaction at most (fewer when a file has fewer)
FIRST_BATCH = 20  # articles in a file's first batch, before the writer's speed is known
BATCH_CHARS = 1_000_000  # text per transaction at most: long articles make smaller batches
HOLD_MS = 20  # how long a batch should hold the write lock (a window's write waits as long)
BULK_HOLD_MS = 50  # the same, in CPU, for a bulk import: fewer commits, checkpoints, segments
POOL_AFTER = 2000  # articles an import prepares here before it starts worker processes,
POOL_BYTES = 10_000_000  # or a file this large (about as many articles) starts them at once
AHEAD = 150  # articles per worker read and prepared before the writer takes them


class Prepared(Struct):
    """What is stored beside a new article: metadata its zones give (fields of the draft),
    its zones as suggestions per model, its sentence bounds; or why it cannot be; or, with
    ``pending``, that all of these are found after the import (store/zones_pending.py)."""

    changes: dict[str, Any]
    zones: list[tuple[ModelInfo, list[Span]]]
    sentences: list[tuple[int, int]]
    error: str | None = None
    pending: str | None = None

    def article(self, draft: ArticleDraft, digest: str) -> NewArticle:
        """The new article to store."""
        return NewArticle(replace(draft, **self.changes) if self.changes else draft, digest,
                          self.zones, self.sentences, self.pending)


class BatchSize:
    """How many articles the next batch takes: as many as the writer stored in HOLD_MS at
    the pace of the last batch, at most ``most`` and twice the last size, so that a window's
    write waits about as long for the lock however long the articles or busy the machine."""

    def __init__(self, most: int, hold_ms: float | None = None) -> None:
        self.most = most
        self.hold_ms = hold_ms  # None: HOLD_MS
        self.articles = min(FIRST_BATCH, most)

    def stored(self, articles: int, seconds: float) -> None:
        """The last batch stored ``articles`` in ``seconds``."""
        if articles:
            hold = HOLD_MS if self.hold_ms is None else self.hold_ms
            fit = int(hold / 1e3 * articles / max(seconds, 1e-6))
            self.articles = max(1, min(self.most, 2 * self.articles, fit))


def batches(items: Iterable[ImportItem], size: Callable[[], int],
            chars: int) -> Iterator[list[ImportItem]]:
    """A file's items as they come, in lists of up to ``size()`` drafts and ``chars`` of text
    (a longer draft alone); failures and warnings go with the drafts around them."""
    batch: list[ImportItem] = []
    drafts = length = 0
    for item in items:
        if isinstance(item, ArticleDraft):
            if drafts and (drafts >= size() or length + len(item.text) > chars):
                yield batch
                batch, drafts, length = [], 0, 0
            drafts += 1
            length += len(item.text)
        batch.append(item)
    if batch:
        yield batch


def new_zones(project: Project | None, draft: ArticleDraft
              ) -> tuple[list[Span], list[tuple[ModelInfo, list[Span]]]]:
    """A new article's zones, and those stored as suggestions, per model: none when its file
    brought its own; else the rules', and the project's learned ones where it has a model
    (``project`` None: the rules' alone)."""
    zones = zones_for(draft)
    if draft_has_zones(draft):
        return zones, []
    suggested = [(ZONE_RULES, zones)] if zones else []
    from annotator.app.zone_training import learned_zones  # with numpy: only when zones are

    found = learned_zones(project, draft.text, zones) if project is not None else None
    if found and found[1]:
        suggested.append(found)
        zones = sorted([*zones, *found[1]])
    return zones, suggested


def prepare(draft: ArticleDraft, project: Project | None = None) -> Prepared:
    """A new article's zones, the metadata they give and its sentence index."""
    try:
        zones, suggested = new_zones(project, draft)
        derived = with_derived_meta(draft, zones)
    except ValueError as exc:  # a span of the file outside the text, SpanError among them
        return Prepared({}, [], [], str(exc))
    changes = {name: getattr(derived, name) for name in (*META_FIELDS, "meta")
               if getattr(derived, name) != getattr(draft, name)}
    return Prepared(changes, suggested, kept_sentences(draft.text, zones))


def prepare_rules(drafts: list[ArticleDraft]) -> list[Prepared]:
    """In a worker process: ``prepare`` with the rules' zones."""
    return [prepare(draft) for draft in drafts]


Pending = Callable[[], list[Prepared]]  # waits for a batch's preparation


class Preparer:
    """Prepares batches of drafts, here or in worker processes; ``ahead`` is how many articles
    may be read and prepared before the writer takes them (enough that a worker the machine
    holds back a moment still has work, and the writer has batches ready)."""

    def __init__(self, project: Project, workers: int | None = None, *,
                 later: bool = False) -> None:
        self.project = project
        self.later = later  # zones found after the import: only drafts with their own here
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
        self.workers = cores - 1 if workers is None else workers
        self.pool: ProcessPoolExecutor | None = None
        self.ahead = 0
        self.seen = 0  # drafts submitted so far
        self.helping = False  # the writer waited for the workers: it prepares a batch itself

    def submit(self, drafts: list[ArticleDraft], file_bytes: int = 0) -> Pending:
        """Start preparing a batch (of a file of ``file_bytes``); in the workers once the
        import is large (POOL_AFTER, POOL_BYTES)."""
        self.seen += len(drafts)
        if self.later:
            done = [Prepared({}, [], [], pending=guessed(d)) if not draft_has_zones(d)
                    else prepare(d, self.project) for d in drafts]
            return lambda: done
        large = self.seen > POOL_AFTER or file_bytes > POOL_BYTES
        if self.pool is None and large and self.workers > 0 and \
                zone_model_in_use(self.project) is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
            self.ahead = AHEAD * self.workers
        if self.pool is None or not drafts:
            done = [prepare(draft, self.project) for draft in drafts]
            return lambda: done
        if self.helping:  # as the workers would (the project has no zone model in use)
            self.helping, done = False, prepare_rules(drafts)
            return lambda: done
        part = self.pool.submit(prepare_rules, [replace(d, spans=[]) for d in drafts])
        return lambda: self._results(part, drafts)

    def _results(self, part: Future[list[Prepared]], drafts: list[ArticleDraft]
                 ) -> list[Prepared]:
        """A batch's preparation from the workers; should they fail to start or die (a
        script that starts an import without ``if __name__ == "__main__"``), here. Should
        the writer have to wait for it, it prepares the next batch it reads itself."""
        self.helping = not part.done()
        try:
            return part.result()
        except BrokenProcessPool:
            self.close()
            self.workers = 0
            return [prepare(draft, self.project) for draft in drafts]

    def close(self) -> None:
        """Stop the workers (batches not taken are dropped)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def zone_model_in_use(project: Project) -> object | None:
    """The project's learned zone model in use (loaded when first asked)."""
    from annotator.app.zone_training import project_zone_model

    return project_zone_model(project)
