"""The matching index's own worker: it catches the index up with the project in the background,
after the window has opened, and runs the ranking queries (``annotator.app.matching``).

The window opens without waiting for it: the catch-up starts ``START_AFTER_MS`` after the
window first shows, or at once when matching is needed first (G). Semantic vectors, hours of
one core for a large project, are computed only once matching has been used. Workers split
sentences, load the index and embed, but never write: this thread stores what they found, a
small batch at a time, so that a background write can never make a GUI edit fail on a locked
database and no store holds the GUI thread for long. The one step that writes from the worker
comes first: the zones an import left to find (app/zone_pass.py), a batch per short
transaction on the worker's own connection, as an import does. Once the catch-up is done,
nothing runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from annotator.app.tasks import TaskRunner, project_task
from annotator.store import Project

START_AFTER_MS: int | None = 1000  # after the window first shows; None: only when needed
SPLIT_BATCH = 50  # articles split per worker step, then stored here in one short transaction


class MatchingWorker(QObject):
    """One thread for matching: a query never waits behind an import or a training run."""

    described = Signal(str)  # what the panel says about the method in use
    failed = Signal(str)

    def __init__(self, project: Project, window: QWidget) -> None:
        super().__init__(window)
        self.project = project
        self.runner = TaskRunner(self)
        self._running = False  # a catch-up is under way
        self._started = False  # one has been started in this window
        self._semantic = False  # matching was used: semantic vectors are wanted
        self._alive = [True]
        alive = self._alive
        self.destroyed.connect(lambda *_a: alive.__setitem__(0, False))
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """Start the catch-up some time after the window first shows; stop the worker when
        the window closes (before the project does)."""
        if watched is self._window and event.type() == QEvent.Type.Show:
            if START_AFTER_MS is not None and not self._started:
                QTimer.singleShot(START_AFTER_MS, self, self._start_once)
        elif watched is self._window and event.type() == QEvent.Type.Close:
            self._alive[0] = False
            self.runner.shutdown()
        return False

    def serve(self, window: QWidget) -> None:
        """Go on in ``window``, which takes the place of the one it served (a language switch,
        ui/window_rebuild.py): from now on that one's closing stops the worker."""
        self._window.removeEventFilter(self)
        self.setParent(window)
        self._window = window
        window.installEventFilter(self)

    def _start_once(self) -> None:
        if not self._started:
            self.prepare()

    def need(self) -> None:
        """Matching is used now: catch up if that never started, and compute semantic
        vectors from now on."""
        first, self._semantic = not self._semantic, True
        if not self._started:
            self.prepare()
        elif first and not self._running:
            self._running = True
            self._chain(self._load, self.tr("Semantic vectors for matching"), self._loaded)

    def query(self, fn: Callable, title: str, done: Callable) -> None:
        """Run a ranking query (as ``run``), and use matching from now on (``need``). Once the
        catch-up has started, the query goes ahead of the first semantic vectors: the first G
        answers by the index as it is, at once, not after the semantic model has loaded."""
        if not self._started:
            self.need()  # the index catches up before the query runs
            self.run(fn, title, done)
        else:
            self.run(fn, title, done)
            self.need()

    def run(self, fn: Callable, title: str, done: Callable,
            failed: Callable[[], None] = lambda: None) -> None:
        """Run ``fn(project, progress, cancelled)`` in the worker (its own Project, whose
        matcher only reads); ``done(result)`` here. An in-memory project (tests) runs here,
        since its connection cannot move threads."""
        path = self.project.path
        if not self._alive[0]:
            return  # the window has closed
        if path is None:
            done(fn(self.project, lambda *_a: None, lambda: False))
            return
        alive = self._alive  # a plain list: readable after this QObject is gone

        def reading(project, progress, cancelled):
            from annotator.app.matching import matcher_for

            matcher_for(project).read_only = True
            return fn(project, progress, cancelled)

        def deliver(result) -> None:
            if not alive[0]:  # results that arrive after the window closed are dropped
                return
            try:
                done(result)
            except sqlite3.ProgrammingError:  # the project was closed under an open window
                alive[0] = False

        def fail(message: str) -> None:
            if alive[0]:
                failed()
                self.failed.emit(message)

        task = self.runner.start(project_task(path, reading, title))
        task.finished.connect(deliver)
        task.failed.connect(fail)

    # -- the catch-up ------------------------------------------------------------------------

    def prepare(self) -> None:
        """Catch the index up with the project, unless that is under way: first find the zones
        an import left pending (app/zone_pass.py; the sentences follow them), split the articles
        that have no sentences yet, a batch at a time (each once: one whose zones keep no
        sentence stays without any; a split is stored only while its article still has no
        sentences, since a zone edit meanwhile made them from the zones as they are now),
        then bring the index up to date (and embed, once matching was used)."""
        if self._running:
            return
        self._started = self._running = True
        from annotator.app.zone_pass import zones_pending

        try:
            pending = zones_pending(self.project)
        except sqlite3.ProgrammingError:  # the project was closed under an open window
            self._running = False
            return
        if pending:
            self._chain(_find_zones, self.tr("Finding zones after an import"),
                        lambda _n: self._split(0))
        else:
            self._split(0)

    def _chain(self, fn: Callable, title: str, done: Callable) -> None:
        """A step of the catch-up; when one fails, the catch-up ends (the next one retries)."""
        self.run(fn, title, done, failed=lambda: setattr(self, "_running", False))

    def _split(self, after: int) -> None:
        def split(project, progress, cancelled):
            from annotator.app.matching import split_missing

            todo = project.unsplit_articles(after, SPLIT_BATCH)
            return todo, split_missing(project, todo, progress=progress, cancelled=cancelled)

        self._chain(split, self.tr("Splitting sentences for matching"), self._stored)

    def _stored(self, result) -> None:
        from annotator.app.matching import store_sentences

        todo, splits = result
        if not todo:
            self._chain(self._load, self.tr("Indexing sentences for matching"), self._loaded)
            return
        missing = set(self.project.unsplit_articles(among=list(splits)))
        store_sentences(self.project, {a: s for a, s in splits.items() if a in missing})
        self._split(max(todo))

    def _load(self, project, progress, cancelled):
        from annotator.app.matching import embed_some, matcher_for

        matcher = matcher_for(project)
        matcher.sync(project, progress, cancelled)
        described, wanted = matcher.describe(project), self._semantic
        return described, embed_some(project, cancelled=cancelled) if wanted else [], wanted

    def _loaded(self, result) -> None:
        from annotator.app.matching import store_vectors

        described, vectors, embedded = result
        self.described.emit(described)
        if vectors:  # the semantic layer: one batch at a time, until every sentence has one
            store_vectors(self.project, vectors)
        if vectors or (self._semantic and not embedded):  # wanted since this step began
            self._chain(self._load, self.tr("Semantic vectors for matching"), self._loaded)
        else:
            self._running = False


def _find_zones(project: Project, progress, cancelled) -> int:
    """In the worker, with its own connection: the zones an import left to find, a batch per
    transaction (an article opened meanwhile gets its own at once, and is left as it is)."""
    from annotator.app.zone_pass import find_zones

    return find_zones(project, progress=progress, cancelled=cancelled)
