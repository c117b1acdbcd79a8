"""The crash harness's driver: the real main window on a project, an annotation session typed
as key events, and one acknowledgement per finished user action.

Run by tests/crash_harness.py as a child process that it kills with SIGKILL::

    python -m tests.crash_driver build BASE.db
    python -m tests.crash_driver session PROJECT.db LOG.jsonl --seed 7 --actions 40

An action is chosen (seeded) from what the window shows, then typed on the article text with
``QTest.keyClick``: digits 1-4 label or relabel, C marks a claim, A/X accept/reject the
suggestion at the cursor, Delete, D marks done (answering its prompt when suggestions are
open), N/P, Ctrl+Z/Ctrl+Shift+Z; with ``--multistep`` also S (source mention and its canonical
source) and Shift+L (suggested attribution). When the key event has been handled completely,
the driver reads the project's committed state through its own connection and appends it to
LOG as one JSON line, flushed and fsynced: the acknowledgement. Then it prints ``ack K`` for
the parent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path

from tests.crash_state import build, digest, project_state, read_connection

WEIGHTS = {"label": 6, "claim": 3, "accept": 4, "reject": 2, "delete": 3, "relabel": 2,
           "undo": 4, "redo": 2, "done": 2, "next": 2, "prev": 1}
MULTISTEP_WEIGHTS = {"source": 4, "attribute": 3}  # actions of several transactions today
DIGITS = {"PER": "1", "LOC": "2", "ORG": "3", "MISC": "4"}
WORD = re.compile(r"\w+")
CUE = re.compile(r"\b(?:sagte|erklärte|betonte|laut|zufolge|nach Angaben)\b")


class Driver:
    """Types one chosen action at a time into the window; acknowledges each one."""

    def __init__(self, window, args: argparse.Namespace) -> None:
        from PySide6.QtCore import Qt

        self.window, self.args = window, args
        self.editor = window.view.text
        self.rng = random.Random(args.seed)
        self.weights = dict(WEIGHTS, **(MULTISTEP_WEIGHTS if args.multistep else {}))
        self.reader = read_connection(args.project)
        self.log = open(args.log, "a", encoding="utf-8")  # noqa: SIM115 (open for the session)
        self.upto = int(self.reader.execute("SELECT max(id) FROM articles").fetchone()[0])
        self.k = 0
        self.commits = 0  # COMMITs of the app's connection during the current action
        self.in_action = False
        self.Key, self.Mod = Qt.Key, Qt.KeyboardModifier
        window.project.db.conn.set_trace_callback(self._traced)
        self.task_started: float | None = None
        self.t_start = time.perf_counter()

    # -- acknowledging ---------------------------------------------------------------------

    def ack(self, what: str, t0: float) -> None:
        self._maybe_stop(at_ack=True)
        state = project_state(self.reader, self.upto)
        record = {"k": self.k, "what": what, "article": self.window.current_article,
                  "commits": self.commits, "ms": round((time.perf_counter() - t0) * 1e3, 2),
                  "at": round((time.perf_counter() - self.t_start) * 1e3, 2),
                  "state": digest(state)}
        if self.args.full:
            record["full"] = state
        self.log.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.log.flush()
        os.fsync(self.log.fileno())
        say(f"ack {self.k}")

    # -- stopping at a chosen commit (the parent kills the process there) ------------------

    def _traced(self, statement: str) -> None:
        if not self.in_action:
            return
        self._maybe_stop(at_ack=False)
        if statement.lstrip().upper().startswith("COMMIT"):
            if self._stop_here("before", self.commits + 1):
                self._wait_for_kill(f"before commit {self.commits + 1}")
            self.commits += 1

    def _stop_here(self, when: str, commit: int) -> bool:
        a = self.args
        return a.stop_action == self.k and a.stop_when == when and a.stop_commit == commit

    def _maybe_stop(self, at_ack: bool) -> None:
        # "after commit N": at the first statement after it, or at the ack if none comes.
        if self.in_action and self._stop_here("after", self.commits):
            self._wait_for_kill(f"after commit {self.commits}" + (" (at ack)" if at_ack else ""))

    @staticmethod
    def _wait_for_kill(where: str) -> None:
        say(f"stopped {where}")
        sys.stdin.readline()  # the parent answers with SIGKILL
        os._exit(3)  # never reached unless the parent went away

    # -- the session loop ------------------------------------------------------------------

    def start(self) -> None:
        self.ack("start", time.perf_counter())
        self.next_step()

    def next_step(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.step)  # let queued events (workers' results) run in between

    def step(self) -> None:
        if self.k >= self.args.actions:
            self.finish()
            return
        self.k += 1
        if self.k == self.args.import_at:
            self.start_import()
        if self.k == self.args.export_at:
            self.start_export()
        t0 = time.perf_counter()
        self.commits, self.in_action = 0, True
        try:
            what = self.act()
        finally:
            self.in_action = False
        self.ack(what, t0)
        self.next_step()

    def finish(self) -> None:
        """End the session once a running import or export has ended too."""
        from PySide6.QtWidgets import QApplication

        if self.window.runner.is_busy():
            self.window.runner.busy_changed.connect(lambda busy: busy or self.finish())
            return
        if not self.log.closed:
            say("done")
            self.log.close()
            QApplication.quit()

    def act(self) -> str:
        names = list(self.weights)
        order = self.rng.sample(names, k=len(names), counts=[self.weights[n] for n in names])
        for name in [*dict.fromkeys(order), "label"]:
            done = getattr(self, "do_" + name)()
            if done is not None:
                return done
        raise RuntimeError("no action applies")  # "label" always applies

    # -- keys --------------------------------------------------------------------------------

    def key(self, key, mod=None) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClick(self.editor, key, mod or self.Mod.NoModifier)

    def digit(self, label: str) -> None:
        self.key(getattr(self.Key, "Key_" + DIGITS[label]))

    def cursor(self, cp: int) -> None:
        self.editor.select_cp(cp, cp)

    @property
    def state(self):
        return self.window.workbench.state

    def pick(self, items):
        return self.rng.choice(items) if items else None

    # -- actions: each returns what it typed, or None when it does not apply here -------------

    def do_label(self) -> str:
        words = list(WORD.finditer(self.state.text))
        word = self.pick(words)
        self.cursor(word.start())
        extra = self.rng.choice([0, 0, 1, 2])
        for _ in range(extra):  # select more words with the keyboard
            self.key(self.Key.Key_Right, self.Mod.ShiftModifier | self.Mod.ControlModifier)
        label = self.pick(list(DIGITS))
        self.digit(label)
        return f"{DIGITS[label]} at {word.start()} (+{extra} words)"

    def do_claim(self) -> str:
        cues = [m.start() for m in CUE.finditer(self.state.text)]
        if cues and self.rng.random() < 0.7:  # a reported sentence: Shift+L finds its source
            cp = self.rng.choice(cues)
        else:
            cp = self.rng.randrange(len(self.state.text))
        self.cursor(cp)
        self.key(self.Key.Key_C)
        return f"C at {cp}"

    def _on_suggestion(self, key, name: str) -> str | None:
        s = self.pick(list(self.state.suggestions))
        if s is None:
            return None
        self.cursor(s.start)
        self.key(key)
        return f"{name} {s.label} at {s.start}"

    def do_accept(self) -> str | None:
        return self._on_suggestion(self.Key.Key_A, "A")

    def do_reject(self) -> str | None:
        return self._on_suggestion(self.Key.Key_X, "X")

    def do_delete(self) -> str | None:
        ann = self.pick(list(self.state.annotations))
        if ann is None:
            return None
        self.cursor(ann.start)
        self.key(self.Key.Key_Delete)
        return f"Delete at {ann.start}"

    def do_relabel(self) -> str | None:
        from annotator.core.model import Layer

        ann = self.pick(self.state.layer(Layer.ENTITY))
        if ann is None:
            return None
        self.cursor(ann.start)
        label = self.pick([n for n in DIGITS if n != ann.label])
        self.digit(label)
        return f"relabel {ann.label}->{label} at {ann.start}"

    def do_undo(self) -> str:
        self.key(self.Key.Key_Z, self.Mod.ControlModifier)
        return "Ctrl+Z"

    def do_redo(self) -> str:
        self.key(self.Key.Key_Z, self.Mod.ControlModifier | self.Mod.ShiftModifier)
        return "Ctrl+Shift+Z"

    def _row(self) -> int:
        rows = self.window.list.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def do_done(self) -> str | None:
        if self._row() + 1 >= self.upto:  # D goes on to the next article: stay in ours
            return None
        self.key(self.Key.Key_D)
        prompt = self.window.review.prompt  # open suggestions: accept, reject or stay open
        if prompt is None:
            return "D"
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        answer = self.rng.choice(["A", "X", "Escape"])
        QTest.keyClick(prompt, getattr(self.Key, "Key_" + answer))
        self.window.activateWindow()  # offscreen, a closed popup leaves no window active
        for _ in range(100):
            if QApplication.activeWindow() is self.window:
                break
            QApplication.processEvents()
        return f"D then {answer}"

    def do_next(self) -> str | None:
        if self._row() + 1 >= self.upto:  # imported articles come after ours
            return None
        self.key(self.Key.Key_N)
        return "N"

    def do_prev(self) -> str | None:
        if self._row() <= 0:
            return None
        self.key(self.Key.Key_P)
        return "P"

    def do_source(self) -> str | None:
        from annotator.core.model import Layer

        items = self.state.layer(Layer.ENTITY) + list(self.state.suggestions)
        target = self.pick(items)
        if target is None:
            return None
        self.cursor(target.start)
        self.key(self.Key.Key_S)
        return f"S at {target.start}"

    def do_attribute(self) -> str | None:
        from annotator.core.model import Layer

        claim = self.pick(self.state.layer(Layer.CLAIM))
        if claim is None:
            return None
        self.cursor(claim.start)
        self.key(self.Key.Key_L, self.Mod.ShiftModifier)
        return f"Shift+L at {claim.start}"

    # -- background jobs started from the window ------------------------------------------

    def _watch(self, name: str) -> None:
        runner = self.window.runner
        self.task_started = time.perf_counter()

        def idle(busy: bool) -> None:
            if not busy and self.task_started is not None:
                say(f"{name}-finished {(time.perf_counter() - self.task_started) * 1e3:.0f}")
                self.task_started = None

        runner.busy_changed.connect(idle)
        say(f"{name}-started")

    def start_import(self) -> None:
        """What File ▸ Import a folder does once the folder is chosen."""
        self.window.start_import([Path(self.args.import_dir)])
        self._watch("import")

    def start_export(self) -> None:
        """What File ▸ Export does once the dialog is accepted."""
        from annotator.app.exporting import ExportOptions
        from annotator.ui.task_actions import start_export

        options = ExportOptions(fmt=self.args.export_format, out=Path(self.args.export_out),
                                split=(("train", 0.5), ("dev", 0.5)), seed=1,
                                include_unreviewed=True)
        start_export(self.window, self.window.runner, self.window.project.path, options)
        self._watch("export")


def say(line: str) -> None:
    """A line for the parent (it reads them to time its kills)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def session(args: argparse.Namespace) -> int:
    """Start the window as ``annotator open`` does, then type the session into it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from annotator.store import Project
    from annotator.ui.application import make_app
    from annotator.ui.main_window import MainWindow

    app = make_app()
    project = Project.open(args.project)
    window = MainWindow(project, "maria")
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    window.open_first()
    if not QTest.qWaitForWindowActive(window):
        raise SystemExit("the window did not become active")
    window.view.text.setFocus()
    driver = Driver(window, args)
    QTimer.singleShot(0, driver.start)
    app.exec()
    window.close()
    project.close()
    return 0


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.crash_driver")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the project sessions start from")
    b.add_argument("project", type=Path)
    b.add_argument("--vectors", choices=("placeholder", "computed", "none"),
                   default="placeholder")
    s = sub.add_parser("session", help="type a seeded session into the window")
    s.add_argument("project", type=Path)
    s.add_argument("log", type=Path)
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--actions", type=int, default=40)
    s.add_argument("--multistep", action="store_true",
                   help="also S and Shift+L (several transactions each, issue 14 defect 9)")
    s.add_argument("--full", action="store_true", help="write whole states, not just digests")
    s.add_argument("--stop-action", type=int, help="wait to be killed in this action ...")
    s.add_argument("--stop-commit", type=int, help="... at its N-th commit ...")
    s.add_argument("--stop-when", choices=("before", "after"), help="... before or after it")
    s.add_argument("--import-at", type=int, help="start importing IMPORT_DIR before action K")
    s.add_argument("--import-dir", type=Path)
    s.add_argument("--export-at", type=int, help="start exporting to EXPORT_OUT before action K")
    s.add_argument("--export-out", type=Path)
    s.add_argument("--export-format", default="jsonl")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.command == "build":
        build(args.project, args.vectors)
        return 0
    return session(args)


if __name__ == "__main__":
    sys.exit(main())
