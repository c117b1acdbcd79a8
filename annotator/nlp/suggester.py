"""A suggesting pipeline (entities or claims), run in this process or across worker processes.

Workers are started with "spawn", never "fork": forking a process whose other threads (Qt's,
a task's, a progress bar's) may hold a lock is unsafe. Each worker loads the pipeline once, by
the name it was asked for, and gets batches of texts; only the spans come back, in input
order. A few texts run in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice, repeat
from typing import Any, TypeVar

from msgspec import Struct

from annotator.core.model import ModelInfo, Span

K = TypeVar("K")
ENTITIES, CLAIMS = "entities", "claims"
BATCH = 32  # texts per batch (a worker's task): a fraction of a second of work
POOL_FROM = 4 * BATCH  # fewer texts than this run here: a worker takes 1-2 s to start
WORKER_MB = 350  # a worker with a German pipeline: 200-290 MB measured, and some room


class SuggestError(Exception):
    """Suggestions stopped: a worker could not load the pipeline, failed, or died."""


class Pipeline(Struct, frozen=True):
    """A suggester as another process loads it again: what it finds and the name asked for
    (None: the best installed or the bundled entity pipeline)."""

    kind: str = ENTITIES
    name: str | None = None

    def load(self) -> tuple[Any, ModelInfo]:
        """Load it here; raises ModelError."""
        from annotator.nlp.resolve import load_claims_pipeline, resolve_pipeline

        if self.kind == CLAIMS:
            return load_claims_pipeline(self.name or "")
        return resolve_pipeline(self.name)

    def spans(self, nlp: Any, texts: list[str]) -> list[list[Span]]:
        """What it finds in each text, run as one batch."""
        if self.kind == CLAIMS:
            from annotator.nlp.claim_spans import suggest_claims

            found = dict(suggest_claims(nlp, enumerate(texts), batch_size=len(texts)))
            return [found[i] for i in range(len(texts))]
        from annotator.nlp.suggest import entities_in

        return entities_in(nlp, texts)


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def available_mb() -> int | None:
    """Memory the system can give without swapping (Linux's MemAvailable); None elsewhere."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_workers() -> int:
    """One worker per core, but no more than the free memory holds (``WORKER_MB`` each): on a
    laptop with many cores and little memory free, more workers would swap, not speed up."""
    free = available_mb()
    return cores() if free is None else max(1, min(cores(), free // WORKER_MB))


def _never() -> bool:
    return False


class Suggester:
    """Runs a Pipeline over (key, text) pairs; ``info`` names the model once it is known."""

    def __init__(self, pipeline: Pipeline, *, workers: int | None = None) -> None:
        self.pipeline = pipeline
        self.workers = default_workers() if workers is None else max(1, workers)
        self.nlp: Any = None
        self.info: ModelInfo | None = None
        self.batch_size, self.pool_from = BATCH, POOL_FROM

    def load(self) -> ModelInfo:
        """Load the pipeline in this process (once); raises ModelError."""
        if self.nlp is None or self.info is None:
            self.nlp, self.info = self.pipeline.load()
        return self.info

    def batches(self, items: Iterable[tuple[K, str]], cancelled: Callable[[], bool] = _never,
                ) -> Iterator[list[tuple[K, list[Span]]]]:
        """(key, spans) per text, in input order, a batch at a time; ``info`` is set before
        the first. Stops early when ``cancelled``; raises ModelError or SuggestError."""
        items = iter(items)
        head = list(islice(items, self.pool_from))
        if not head:
            return
        if self.workers > 1 and len(head) == self.pool_from:
            yield from self._pooled(chain(head, items), cancelled)
            return
        self.load()
        sizes = chain((1, 2, 4, 8), repeat(self.batch_size))  # the first results come at once
        for batch in _batches(chain(head, items), sizes):
            yield list(zip(_keys(batch), self.pipeline.spans(self.nlp, _texts(batch)),
                           strict=True))
            if cancelled():
                return

    def _pooled(self, items: Iterator[tuple[K, str]], cancelled: Callable[[], bool],
                ) -> Iterator[list[tuple[K, list[Span]]]]:
        """The same from worker processes, at most two batches per worker in flight."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_follow_parent)
        pending: deque[tuple[list[K], Any]] = deque()
        done = False
        try:
            for batch in _batches(items, repeat(self.batch_size)):
                pending.append((_keys(batch), pool.submit(_work, self.pipeline, _texts(batch))))
                while pending and (len(pending) > 2 * self.workers or pending[0][1].done()):
                    yield self._result(*pending.popleft(), cancelled)
                if cancelled():
                    return
            while pending:
                yield self._result(*pending.popleft(), cancelled)
            done = True
        except _Stop:
            return
        except BrokenProcessPool as exc:
            raise SuggestError(f"a worker process running the {self.pipeline.kind} model "
                               f"stopped unexpectedly ({exc})") from exc
        finally:
            _stop(pool, now=not done)

    def _result(self, keys: list[K], future: Any, cancelled: Callable[[], bool]
                ) -> list[tuple[K, list[Span]]]:
        """A batch's spans once its worker is done (raises _Stop when cancelled first)."""
        from concurrent.futures import wait

        while not cancelled():
            if wait([future], timeout=0.05).done:
                break
        else:
            raise _Stop
        self.info, found = future.result()
        return list(zip(keys, found, strict=True))


class _Stop(Exception):
    """Cancelled while waiting for a worker."""


_loaded: dict[Pipeline, tuple[Any, ModelInfo]] = {}  # in a worker: its pipeline, loaded once


def _follow_parent() -> None:
    """In a worker: end when the process that started it ends, however it ended (a killed
    parent leaves its workers waiting for work forever otherwise)."""
    import threading
    from multiprocessing import parent_process
    from multiprocessing.connection import wait

    parent = parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (wait([parent.sentinel]), os._exit(1)),
                         daemon=True).start()


def _work(pipeline: Pipeline, texts: list[str]) -> tuple[ModelInfo, list[list[Span]]]:
    """In a worker: the pipeline's spans in each text. Any failure comes back as one
    SuggestError with its message (a ModelError does not survive pickling)."""
    try:
        if pipeline not in _loaded:
            _loaded[pipeline] = pipeline.load()
        nlp, info = _loaded[pipeline]
        return info, pipeline.spans(nlp, texts)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, whatever it was
        raise SuggestError(str(exc) or type(exc).__name__) from None


def _stop(pool: Any, now: bool) -> None:
    """Shut the pool down; ``now`` (after a cancel or an error) ends busy workers at once (the
    pool then sees them gone and cleans up)."""
    if now:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _batches(items: Iterator[tuple[K, str]], sizes: Iterator[int]
             ) -> Iterator[list[tuple[K, str]]]:
    for size in sizes:
        batch = list(islice(items, size))
        if not batch:
            return
        yield batch


def _keys(batch: list[tuple[K, str]]) -> list[K]:
    return [key for key, _text in batch]


def _texts(batch: list[tuple[K, str]]) -> list[str]:
    return [text for _key, text in batch]
