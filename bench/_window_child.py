"""What bench_window.py runs in a fresh child process: a bare window, or the app's window on a
project, until it is interactive; then, for the memory run, a session of scrolling, searching
and opening articles, with the resident memory it took.

"Interactive", the same for both windows: the window is shown, the article list's viewport has
painted (for the app: with its first page of rows read, and the first article open in the
editor, whose viewport has painted too), and then a key event posted to the focused widget
has been delivered, i.e. the event loop has come round to input. The moment is printed as
``interactive <epoch seconds>``; the parent measures from just before it spawned the child.

Only the standard library is imported at the top, so that the bare window's child loads no
more than PySide6.
"""

from __future__ import annotations

import os
import sys
import threading
import time

MARKS: list[tuple[str, float]] = []


def mark(name: str) -> None:
    MARKS.append((name, time.time()))
    print(f"{name} {MARKS[-1][1]:.6f}", flush=True)


def memory() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB (VmRSS, VmHWM)."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


def watch_memory(cap_mb: float) -> None:
    """Stop the process when it passes ``cap_mb`` (a runaway index must not take the machine)."""
    def run() -> None:
        while True:
            current, _peak = memory()
            if current > cap_mb:
                print(f"memory-cap {current:.0f}", flush=True)
                os._exit(0)  # the parent reads the line above
            time.sleep(0.25)

    threading.Thread(target=run, daemon=True).start()


class Interactive:
    """Waits for the paints the window owes and then for a posted key event's delivery."""

    def __init__(self, app, window, views: list, ready) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.app, self.window, self.ready = app, window, ready
        self.painted = {id(v): False for v in views}
        self.key_seen = False
        self.posted = False
        self.QEvent = QEvent
        outer = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: N802
                kind = event.type()
                if kind == QEvent.Type.Paint and id(watched) in outer.painted and outer.ready():
                    outer.painted[id(watched)] = True
                elif kind == QEvent.Type.KeyPress and outer.posted and event.text() == "":
                    outer.key_seen = True
                return False

        self.filter = Filter()  # on the views and on the key's target, not on the application:
        for view in views:      # there it would hand every event of every object to Python
            view.installEventFilter(self.filter)  # (and make PySide wrap each object's type)
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._poll)

    def _poll(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent

        if self.key_seen:
            self.timer.stop()
            mark("interactive")  # the moment: what the program does after it is not timed
            import resource  # the CPU it took until then, in ms: user, system

            used = resource.getrusage(resource.RUSAGE_SELF)
            print(f"cpu {used.ru_utime * 1e3:.1f} {used.ru_stime * 1e3:.1f}", flush=True)
            self.app.exit(0)
        elif not self.posted and all(self.painted.values()):
            target = self.app.focusWidget() or self.window
            target.installEventFilter(self.filter)
            self.posted = True  # Shift alone: input that no action of either window takes
            self.app.postEvent(target, QKeyEvent(self.QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                                 Qt.KeyboardModifier.ShiftModifier))

    def wait(self) -> None:
        self.timer.start()
        self.app.exec()


def make_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    return app


def bare() -> None:
    """(a): a QMainWindow with an empty six-column QTableView."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    mark("imported")
    app = make_app()
    window = QMainWindow()
    view = QTableView(window)
    model = QStandardItemModel(0, 6, window)
    model.setHorizontalHeaderLabels(["Title", "Outlet", "Date", "Status", "Sugg.", "Ann."])
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 800)
    window.show()
    view.setFocus()
    Interactive(app, window, [view.viewport()], lambda: True).wait()


def open_window(path: str):
    """(b): the app's window on the project, as ``annotator open`` starts it
    (``annotator.ui.application.run`` up to its event loop)."""
    from annotator.store import Project
    from annotator.ui import application

    mark("imported")
    project = Project.open(path, create=False)
    mark("project-open")
    app = application.make_app()
    window = application.main_window(project, "bench")
    mark("window-made")
    window.resize(1280, 800)
    window.show()
    window.open_first()
    editor = window.view.text
    empty = window.model.rowCount() == 0  # a project without articles: nothing to open
    Interactive(app, window, [window.list.viewport(), editor.viewport()],
                lambda: empty or (window.model.loaded_rows() > 0
                                  and window.workbench.state is not None)).wait()
    window.later.complete()  # what the window makes after its first paint, made now
    mark("later-made")
    return app, project, window


def command(path: str) -> None:
    """(b) as a person starts it: ``annotator open PATH``, through the command's entry point
    (``annotator.cli.main``), whose event loop is left once the window is interactive. The
    window's maker is watched from the moment its module loads, as the command loads it:
    importing it here first would change what the command loads before Qt."""
    watching = []

    def watch(application) -> None:
        made = application.main_window

        def watched(project, annotator):
            from PySide6.QtWidgets import QApplication

            window = made(project, annotator)
            mark("window-made")
            empty = window.model.rowCount() == 0
            watching.append(Interactive(
                QApplication.instance(), window,
                [window.list.viewport(), window.view.text.viewport()],
                lambda: empty or (window.model.loaded_rows() > 0
                                  and window.workbench.state is not None)))
            watching[0].timer.start()  # it leaves the command's event loop once interactive
            return window

        application.main_window = watched

    sys.meta_path.insert(0, AfterLoad("annotator.ui.application", watch))
    sys.argv = ["annotator", "open", path, "--annotator", "bench"]
    from annotator.cli import main

    try:
        main()
    except SystemExit as stop:
        assert stop.code == 0, stop.code


class AfterLoad:
    """A finder that runs ``then(module)`` right after the module ``name`` is loaded, wherever
    the program first imports it."""

    def __init__(self, name: str, then) -> None:
        self.name, self.then = name, then

    def find_spec(self, name: str, path=None, target=None):
        if name != self.name:
            return None
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module
        then = self.then

        def exec_module(module) -> None:
            load(module)
            then(module)

        spec.loader.exec_module = exec_module
        return spec


def session(app, window, common: str, rare: str, scrolls: int, opens: int) -> None:
    """Scroll the list to its end and back, search a common and a rare word (typed, as the
    filter bar gets them), scroll the hits, open articles with the arrow keys."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    def settle() -> None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)

    def scroll() -> None:
        for _ in range(scrolls):
            window.list.scrollToBottom()
            settle()
            window.list.scrollToTop()
            settle()

    def search(word: str) -> None:
        field = window.filter_bar.search
        field.setFocus()
        field.clear()
        loop = QEventLoop()
        window.filter_bar.filter_changed.connect(loop.quit)
        QTest.keyClicks(field, word)
        loop.exec()  # the debounced filter, once
        window.filter_bar.filter_changed.disconnect(loop.quit)
        settle()
        scroll()

    scroll()
    for word in (common, rare, ""):
        search(word)
    window.list.setFocus()
    for _ in range(opens):
        QTest.keyClick(window.list, Qt.Key.Key_Down)
        settle()
    mark("session-done")


def wait_for_index(app, window) -> None:
    """Start the matching worker's background work now and wait until its runner is idle."""
    from PySide6.QtCore import QEventLoop

    runner = window.matching.runner
    loop = QEventLoop()
    runner.busy_changed.connect(lambda busy: busy or loop.quit())
    window.matching.prepare()
    if runner.is_busy():
        loop.exec()
    mark("index-done")


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        bare()
        os._exit(0)  # the exit is not part of the start
    path, cap = sys.argv[2], float(sys.argv[3])
    if mode == "command":
        command(path)
        os._exit(0)
    if mode == "open":
        _app, project, window = open_window(path)
        window.close()
        project.close()  # as the app leaves it: no -wal file for the next run
        os._exit(0)
    watch_memory(cap)
    from annotator.ui import matching_worker

    matching_worker.START_AFTER_MS = None  # started below, when this run wants it
    app, project, window = open_window(path)
    session(app, window, *sys.argv[4:6], scrolls=3, opens=5)
    print("memory-before-index {:.1f} {:.1f}".format(*memory()), flush=True)
    if mode == "memory":
        wait_for_index(app, window)
        print("memory-after-index {:.1f} {:.1f}".format(*memory()), flush=True)
    window.close()
    project.close()


if __name__ == "__main__":
    main()
