"""Background tasks: a plain function runs in a worker thread; the GUI thread only hears signals.

Design (after napari's superqt workers and Anki's task manager): each ``Task`` wraps a plain
Python function ``fn(progress, cancelled) -> result`` and runs it as a ``QRunnable`` on a
``QThreadPool`` that a ``TaskRunner`` owns. A pool rather than one ``QThread`` per task because

- the pool owns its threads: there is no QThread object that Python could collect while it
  runs ("QThread: Destroyed while thread is still running"), and ``waitForDone`` joins them all;
- one thread (the default) serialises the jobs that write to the project, as Anki serialises
  collection work on one worker, and keeps only one spaCy pipeline in memory at a time.

The worker never touches widgets and never emits the public signals itself: it posts to a
private relay object with queued connections, and the ``Task`` (living on the GUI thread)
re-emits ``started``, ``progressed``, ``finished``/``failed``/``cancelled`` and then ``ended``
there, so every listener, lambdas included, runs on the GUI thread.

Functions that need the database use ``project_task(path, fn)``: ``fn(project, progress,
cancelled)`` gets a ``Project`` opened inside the worker thread and closed after it, because
SQLite connections belong to the thread that opened them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)

from annotator.store import Project

log = logging.getLogger(__name__)

T = TypeVar("T")


class Progress(Protocol):
    """How a task function reports: ``done`` of ``total`` items (total 0: unknown), and what."""

    def __call__(self, done: int, total: int = 0, message: str = "") -> None: ...


Cancelled = Callable[[], bool]
TaskFn = Callable[[Progress, Cancelled], Any]
ProjectFn = Callable[[Project, Progress, Cancelled], Any]


class TaskCancelled(Exception):
    """Raised by a task function that has no partial result worth returning when cancelled."""


class State(Enum):
    """Where a task is in its life; only ever moves forward."""

    CREATED = "created"
    QUEUED = "queued"
    RUNNING = "running"
    ENDED = "ended"


class _Control:
    """What the GUI thread and the worker share: the cancel flag and who may start the work."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self._lock = threading.Lock()
        self._claimable = True

    def claim(self) -> bool:
        """Take the one right to decide the outcome: the worker's to run, or cancel's to drop."""
        with self._lock:
            claimed, self._claimable = self._claimable, False
            return claimed


class _Relay(QObject):
    """Signals the worker thread emits; queued to the Task, which lives on the GUI thread."""

    began = Signal()
    reported = Signal(int, int, str)
    stopped = Signal(str, object)  # outcome ("finished", "failed", "cancelled"), payload


class _Throttle:
    """A progress callback that posts at most every ``interval`` seconds, keeping phase ends."""

    def __init__(self, relay: _Relay, interval: float) -> None:
        self._relay = relay
        self._interval = interval
        self._last = float("-inf")
        self._total = -1

    def __call__(self, done: int, total: int = 0, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last < self._interval and total == self._total and done != total:
            return
        self._last, self._total = now, total
        self._relay.reported.emit(int(done), int(total), str(message))


class _Runnable(QRunnable):
    """The pool's unit of work: runs the function and posts exactly one outcome."""

    def __init__(self, fn: TaskFn, relay: _Relay, control: _Control, interval: float) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._control = control
        self._interval = interval

    def run(self) -> None:
        if not self._control.claim():
            return  # cancelled while queued; the Task has already ended
        self._relay.began.emit()
        outcome: tuple[str, Any] = ("failed", "the task stopped without a result")
        try:
            result = self._fn(_Throttle(self._relay, self._interval), self._control.cancel.is_set)
            outcome = ("finished", result)
        except TaskCancelled:
            outcome = ("cancelled", None)
        except Exception as exc:  # reported to the GUI as `failed`, with the traceback logged
            log.exception("background task failed")
            outcome = ("failed", str(exc) or type(exc).__name__)
        finally:
            self._relay.stopped.emit(*outcome)


class Task(QObject):
    """One background function; every signal arrives on the GUI thread, ``ended`` comes last."""

    started = Signal()  # the worker began (a task may wait in the runner's queue first)
    progressed = Signal(int, int, str)  # done, total (0: unknown), message
    finished = Signal(object)  # the function returned this (maybe early, after a cancel)
    failed = Signal(str)  # the function raised; the exception's message
    cancelled = Signal()  # cancelled before it started, or the function raised TaskCancelled
    ended = Signal()  # after any of the three above: the task holds no thread any more

    def __init__(
        self,
        fn: TaskFn,
        title: str = "",
        parent: QObject | None = None,
        *,
        progress_interval: float = 0.05,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.state = State.CREATED
        self.result: Any = None
        self.error: str | None = None
        self.last_progress: tuple[int, int, str] = (0, 0, "")
        self._fn = fn
        self._interval = progress_interval
        self._control = _Control()
        self._relay = _Relay(self)  # a child: deleted on this thread, never by the worker
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.began.connect(self._on_began, queued)
        self._relay.reported.connect(self._on_reported, queued)
        self._relay.stopped.connect(self._on_stopped, queued)

    def cancel(self) -> None:
        """Ask the function to stop at its next check; a task still waiting ends at once."""
        self._control.cancel.set()
        if self.state is State.QUEUED and self._control.claim():
            self._on_stopped("cancelled", None)

    def is_cancelled(self) -> bool:
        """Whether cancel() was called: what the function's ``cancelled`` argument returns."""
        return self._control.cancel.is_set()

    def is_active(self) -> bool:
        """Queued or running: it still holds (or waits for) a worker thread."""
        return self.state in (State.QUEUED, State.RUNNING)

    def _runnable(self) -> _Runnable:
        """The work for the pool; called once by TaskRunner.start."""
        if self.state is not State.CREATED:
            raise RuntimeError(f"task {self.title!r} was started already")
        self.state = State.QUEUED
        return _Runnable(self._fn, self._relay, self._control, self._interval)

    @Slot()
    def _on_began(self) -> None:
        self.state = State.RUNNING
        self.started.emit()

    @Slot(int, int, str)
    def _on_reported(self, done: int, total: int, message: str) -> None:
        self.last_progress = (done, total, message)
        self.progressed.emit(done, total, message)

    @Slot(str, object)
    def _on_stopped(self, outcome: str, payload: object) -> None:
        self.state = State.ENDED
        if outcome == "finished":
            self.result = payload
            self.finished.emit(payload)
        elif outcome == "failed":
            self.error = str(payload)
            self.failed.emit(self.error)
        else:
            self.cancelled.emit()
        self.ended.emit()


class TaskRunner(QObject):
    """Starts tasks on its own pool, keeps them alive until they end, and can stop them all.

    Call ``shutdown()`` before the project closes (e.g. in the main window's closeEvent).
    """

    submitted = Signal(object)  # a Task was started (it may wait in the queue first)
    busy_changed = Signal(bool)  # True when the first task starts, False when the last ends

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: list[Task] = []

    def start(self, task: Task) -> Task:
        """Queue a task; the runner holds it until it has ended."""
        runnable = task._runnable()
        was_busy = self.is_busy()
        self._tasks.append(task)
        task.ended.connect(self._on_ended)
        self._pool.start(runnable)
        self.submitted.emit(task)
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def run(self, fn: TaskFn, title: str = "") -> Task:
        """Shorthand: wrap a plain function in a Task and start it."""
        return self.start(Task(fn, title))

    def tasks(self) -> list[Task]:
        """Tasks that have not ended, oldest first."""
        return list(self._tasks)

    def is_busy(self) -> bool:
        """Whether any task is queued or running."""
        return bool(self._tasks)

    def cancel_all(self) -> None:
        """Ask every task to stop; queued ones end at once."""
        for task in self.tasks():
            task.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel everything, wait for the workers and end their tasks; False on a timeout."""
        self.cancel_all()
        if not self._pool.waitForDone(timeout_ms):
            return False
        for task in self.tasks():  # deliver the outcomes the workers have posted
            QCoreApplication.sendPostedEvents(task, QEvent.Type.MetaCall)
        return not self.is_busy()

    @Slot()
    def _on_ended(self) -> None:
        task = self.sender()
        self._tasks = [t for t in self._tasks if t is not task]
        if not self._tasks:
            self.busy_changed.emit(False)


def project_task(path: str | Path, fn: ProjectFn, title: str = "", **options: Any) -> Task:
    """A Task whose function gets its own Project, opened and closed in the worker thread."""

    def run(progress: Progress, cancelled: Cancelled) -> Any:
        project = Project.open(path, create=False)
        try:
            return fn(project, progress, cancelled)
        finally:
            project.close()

    return Task(run, title, **options)
