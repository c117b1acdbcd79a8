"""Zones found after an import: the pass over the articles an import stored with their zones
still pending (store/zones_pending.py).

A bulk import (``annotator import --no-suggest``) stores its articles and leaves their zones,
the metadata the zones give and the sentence index to be found later, as a derived index: by
the window's background pass once it opens, or by ``annotator zones PROJECT --pending``. The
result is what finding them during the import gave (``prepare``). An article whose zones are
still pending gets them at once whenever it is read: opened, exported, suggested, split for
matching, shown by ``annotator zones`` or ``meta`` (``ensure_zones``, ``ensure_all_zones``).

Plain Python, no Qt.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from annotator.core.model import ArticleDraft
from annotator.store import Project
from annotator.store.zones_pending import (
    Found,
    pending_count,
    pending_drafts,
    pending_ids,
    store_found,
)

PASS_BATCH = 200  # articles found and stored per transaction

Progress = Callable[[int, int, str], None]  # (done, in all, what)
if TYPE_CHECKING:  # the import's machinery (and process pools) load when zones are found,
    # not with the window: an article opened only asks whether its zones are pending
    from concurrent.futures import Future, ProcessPoolExecutor

    from annotator.app.import_batches import Prepared

    Batch = Future[list[Prepared]] | list[Prepared]  # a preparation, under way or done


def _never() -> bool:
    return False


def find_zones(project: Project, among: Sequence[int] | None = None, *,
               progress: Progress | None = None, cancelled: Callable[[], bool] = _never,
               batch: int = PASS_BATCH, workers: int | None = None) -> int:
    """Find the zones of the pending articles (those ``among`` the ids given, else all), a
    batch per transaction, until none is left or ``cancelled``; returns how many were
    stored here (another connection may store some first: those are left as they are).
    Many articles are prepared in worker processes (``workers``, default one per core)
    while this one reads and stores, as long as the project has no learned zone model."""
    from annotator.app.import_batches import prepare, prepare_rules

    total = len(pending_ids(project.db, among)) if among is not None else \
        pending_count(project.db)
    pool, most = _pool(project, total, workers)
    ahead: deque[tuple[list[int], list[ArticleDraft], Batch]] = deque()
    stored = done = 0

    def take() -> None:
        nonlocal stored, done
        ids, drafts, prepared = ahead.popleft()
        stored, done = stored + _store(project, ids, drafts, prepared), done + len(ids)
        if progress:
            progress(done, max(done, total), "finding zones")

    try:
        for ids, drafts in _drafts(project, among, batch, cancelled):
            ahead.append((ids, drafts, pool.submit(prepare_rules, drafts) if pool else
                          [prepare(draft, project) for draft in drafts]))
            while len(ahead) > most:
                take()
        while ahead and not cancelled():
            take()
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return stored


def _pool(project: Project, total: int, workers: int | None
          ) -> tuple[ProcessPoolExecutor | None, int]:
    """Worker processes for a pass over many articles (the rules' zones alone), and how many
    batches may be under way."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from annotator.app.import_batches import POOL_AFTER, zone_model_in_use

    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    if workers < 1 or total < POOL_AFTER or zone_model_in_use(project) is not None:
        return None, 0
    return ProcessPoolExecutor(workers, mp_context=get_context("spawn")), workers + 1


def _drafts(project: Project, among: Sequence[int] | None, batch: int,
            cancelled: Callable[[], bool]) -> Iterator[tuple[list[int], list[ArticleDraft]]]:
    """The pending articles a batch at a time, as drafts, in id order."""
    after = 0
    while not cancelled():
        ids = pending_ids(project.db, among, after, batch) if among is None else \
            pending_ids(project.db, [i for i in among if i > after], limit=batch)
        if not ids:
            return
        found = pending_drafts(project.db, ids)
        yield [aid for aid, _ in found], [draft for _, draft in found]
        after = ids[-1]


def _store(project: Project, ids: list[int], drafts: list[ArticleDraft],
           prepared: Batch) -> int:
    """Store a batch's zones, metadata and sentences as the import would have (prepared
    here should the workers have died)."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from annotator.app.import_batches import prepare

    try:
        ready = prepared.result() if isinstance(prepared, Future) else prepared
    except BrokenProcessPool:
        ready = [prepare(draft, project) for draft in drafts]
    return store_found(project.db, [Found(aid, p.changes, p.zones, p.sentences)
                                    for aid, p in zip(ids, ready, strict=True)])


def zones_pending(project: Project) -> bool:
    """Whether some article's zones are still to be found."""
    return bool(pending_ids(project.db, limit=1))


def ensure_zones(project: Project, article_ids: Sequence[int]) -> None:
    """Before articles are opened or suggested: find at once the zones of those among
    ``article_ids`` that are still pending."""
    if pending_ids(project.db, article_ids, limit=1):
        with _writable(project) as writable:
            find_zones(writable, article_ids)


def ensure_all_zones(project: Project) -> None:
    """Before the whole project is read (an export): find every pending article's zones."""
    if zones_pending(project):
        with _writable(project) as writable:
            find_zones(writable)


@contextmanager
def _writable(project: Project) -> Iterator[Project]:
    """The project, or for one opened read-only (an export's) a writing connection to its
    file for as long as the zones take."""
    if not project.read_only or project.path is None:
        yield project
        return
    with Project.open(project.path, create=False) as writable:
        yield writable
