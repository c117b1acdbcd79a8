"""The crash harness's parent side: build a project, record a reference session, kill sessions
of the real window with SIGKILL, and check what the project file holds afterwards.

The session is seeded and the app deterministic, so a reference run (never killed) gives the
state after every action: ``reference[k]``. A killed run acknowledged actions 1..n (complete,
fsynced lines of its log); its file must hold ``reference[n]`` or, when action n+1 committed
before its acknowledgement was written, ``reference[n+1]``. Anything else is a loss (an earlier
state) or half an action (a state no whole action produces). Every killed file must also pass
``PRAGMA integrity_check``, ``foreign_key_check`` and FTS5's integrity check, open with
``Project.open`` and show its first article in the main window.
"""

from __future__ import annotations

import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.crash_state import digest, project_state, read_connection

ROOT = Path(__file__).resolve().parents[1]
WAIT_S = 180  # how long a driver may take to say its next line (busy machines are slow)


class HarnessError(Exception):
    """The harness itself failed (a driver died on its own, or hung); not a finding."""


class Child:
    """A driver process whose stdout lines arrive in a queue, so that every wait times out."""

    def __init__(self, args: list[str], workdir: Path, name: str) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
               "ANNOTATOR_DATA_DIR": str(workdir / "data")}
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[var] = str(workdir / var.lower())  # QSettings of the window stay in here
        self.stderr_path = workdir / f"{name}.stderr"
        with open(self.stderr_path, "w") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.crash_driver", *args], cwd=ROOT, env=env,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        with self.proc.stdout:
            for line in self.proc.stdout:
                self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def expect(self, prefix: str) -> str:
        """Wait for the next line starting with ``prefix`` (other lines pass by)."""
        while True:
            try:
                line = self.lines.get(timeout=WAIT_S)
            except queue.Empty:
                self.kill()
                raise HarnessError(f"no '{prefix}' from the driver in {WAIT_S} s") from None
            if line is None:
                code = self.wait()
                raise HarnessError(f"the driver ended (exit {code}) before '{prefix}':\n"
                                   + self.stderr_path.read_text()[-3000:])
            if line.startswith(prefix):
                return line

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.wait()

    def wait(self, timeout: float | None = None) -> int:
        """The exit code, once the driver has ended; its stdin is closed then."""
        code = self.proc.wait(timeout)
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        return code


def read_log(path: Path) -> list[dict]:
    """The acknowledgements: complete lines only (a torn last line was never acknowledged)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.split("\n")[:-1]]


def build_base(workdir: Path, vectors: str = "placeholder") -> Path:
    """The project every session starts from (the sample corpus with suggestions)."""
    base = workdir / "base.db"
    child = Child(["build", str(base), "--vectors", vectors], workdir, "build")
    if child.wait() != 0:
        raise HarnessError("building the project failed:\n" + child.stderr_path.read_text())
    return base


@dataclass
class Session:
    """What to type: the same seed gives the same actions and the same states."""

    seed: int
    actions: int
    multistep: bool = False
    import_at: int | None = None
    import_dir: Path | None = None
    export_at: int | None = None
    export_format: str = "jsonl"

    def args(self, project: Path, log: Path, out: Path | None = None) -> list[str]:
        args = ["session", str(project), str(log), "--seed", str(self.seed),
                "--actions", str(self.actions)]
        if self.multistep:
            args.append("--multistep")
        if self.import_at is not None:
            args += ["--import-at", str(self.import_at), "--import-dir", str(self.import_dir)]
        if self.export_at is not None and out is not None:
            args += ["--export-at", str(self.export_at), "--export-out", str(out),
                     "--export-format", self.export_format]
        return args


@dataclass
class Reference:
    """The never-killed run: every acknowledgement with its whole state."""

    base: Path
    session: Session
    acks: list[dict]
    final: Path  # the project at the end of the run
    task_ms: float | None = None  # how long the import or export took
    export_files: list[str] = field(default_factory=list)

    @property
    def upto(self) -> int:
        """The last article of the project the session started from."""
        return max(a[0] for a in self.acks[0]["full"]["articles"])

    def imported(self) -> int:
        """The articles the reference run's import added."""
        conn = read_connection(self.final)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0] - self.upto
        finally:
            conn.close()

    def explain(self, state: dict, near: int) -> str:
        """What differs between a state and the reference state ``near``."""
        ref = self.acks[near]["full"]
        parts = []
        for name in ref:
            have = {json.dumps(r, ensure_ascii=False) for r in state[name]}
            want = {json.dumps(r, ensure_ascii=False) for r in ref[name]}
            if have - want:
                parts.append(f"{name} +{sorted(have - want)[:3]}")
            if want - have:
                parts.append(f"{name} -{sorted(want - have)[:3]}")
        return "; ".join(parts)


def record_reference(base: Path, workdir: Path, session: Session) -> Reference:
    """Run the session to its end, unkilled, with whole states in its log."""
    workdir.mkdir(parents=True, exist_ok=True)
    project, log, out = workdir / "reference.db", workdir / "reference.jsonl", workdir / "out"
    shutil.copy(base, project)
    child = Child([*session.args(project, log, out), "--full"], workdir, "reference")
    task_ms = None
    if session.import_at is not None or session.export_at is not None:
        task_ms = float(child.expect("import-finished" if session.import_at is not None
                                     else "export-finished").split()[1])
    child.expect("done")
    if child.wait(timeout=WAIT_S) != 0:
        raise HarnessError("the reference run failed:\n" + child.stderr_path.read_text())
    acks = read_log(log)
    if len(acks) != session.actions + 1:
        raise HarnessError(f"the reference run acknowledged {len(acks)} of {session.actions}")
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) \
        if out.exists() else []
    return Reference(base, session, acks, project, task_ms, files)


@dataclass
class Trial:
    """One killed session and what its file held."""

    name: str
    acked: int  # actions acknowledged before the kill
    outcome: str  # at-ack | ahead | lost | half-action
    integrity: str
    reopened: str  # "ok" or why not
    detail: str = ""
    export: str = ""  # absent | complete | PARTIAL: ... (export trials)
    imported: int | None = None  # articles the killed import had stored (import trials) ...
    import_total: int = 0  # ... of this many
    unindexed: int = 0  # of them, articles without a sentence index (the window adds it)
    action: str = ""  # the action that was running when the kill came

    @property
    def failed(self) -> bool:
        return (self.outcome not in ("at-ack", "ahead") or self.integrity != "ok"
                or self.reopened != "ok" or self.export.startswith("PARTIAL"))


def kill_trial(ref: Reference, workdir: Path, name: str, rng: random.Random, *,
               boundary: tuple[int, int, str] | None = None, reopen=None) -> Trial:
    """Run the session and SIGKILL it: at a random moment (seeded: after a random
    acknowledgement, a random part of the time the reference took to the next one), at a
    chosen commit (``boundary`` = action, commit, "before"/"after"), or during the import or
    export (a random part of the time the reference's took). Then check the file."""
    session = ref.session
    trial_dir = workdir / name
    project, log, out = trial_dir / "project.db", trial_dir / "acks.jsonl", trial_dir / "out"
    trial_dir.mkdir(parents=True)
    shutil.copy(ref.base, project)
    args = session.args(project, log, out)
    if boundary is not None:
        action, commit, when = boundary
        args += ["--stop-action", str(action), "--stop-commit", str(commit),
                 "--stop-when", when]
    child = Child(args, trial_dir, "driver")
    if boundary is not None:
        child.expect("stopped")
    elif ref.task_ms is not None:
        child.expect("import-started" if session.import_at is not None else "export-started")
        # the random kill moment: half of them in the job's first eighth (an import stores its
        # files there, before the model's suggestions), the others up to 1.5 times its length
        time.sleep(rng.uniform(0, ref.task_ms * rng.choice((0.125, 1.5))) / 1e3)  # ok: kill moment
    else:
        after = rng.randrange(session.actions)
        child.expect(f"ack {after}")
        gap = ref.acks[after + 1]["at"] - ref.acks[after]["at"]
        time.sleep(rng.uniform(0, gap * 1.1) / 1e3)  # ok: the random kill moment
    child.kill()
    trial = check(ref, project, read_log(log), name, reopen)
    if session.export_at is not None:
        trial.export = export_outcome(ref, out)
    if session.import_at is not None:
        trial.import_total = ref.imported()
    else:
        trial.imported = None
    return trial


def check(ref: Reference, path: Path, acks: list[dict], name: str, reopen=None) -> Trial:
    """Compare the killed file with the reference; check its integrity and reopen it."""
    from annotator.store import Project

    n = acks[-1]["k"] if acks else 0
    drift = [a["k"] for a in acks if a["state"] != ref.acks[a["k"]]["state"]]
    if drift:
        raise HarnessError(f"{name}: the session differs from the reference at action "
                           f"{drift[0]}: it is not deterministic")
    try:
        project = Project.open(path, create=False)
    except Exception as exc:  # noqa: BLE001 (any failure to open is the finding)
        return Trial(name, n, "unknown", "not checked", f"Project.open failed: {exc}")
    try:
        integrity = _integrity(project)
        imported = project.count_articles() - ref.upto
        unindexed = project.db.execute(
            "SELECT count(*) FROM articles a WHERE a.id > ? AND NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)", [ref.upto]).fetchone()[0]
    finally:
        project.close()
    conn = read_connection(path)
    try:
        state = project_state(conn, ref.upto)
    finally:
        conn.close()
    found = digest(state)
    nxt = ref.acks[n + 1] if n + 1 < len(ref.acks) else None
    action = nxt["what"] if nxt else ""
    if found == ref.acks[n]["state"]:
        outcome, detail = "at-ack", ""
    elif nxt is not None and found == nxt["state"]:
        outcome, detail = "ahead", ""
    elif any(found == a["state"] for a in ref.acks[:n]):
        outcome, detail = "lost", ref.explain(state, n)
    else:
        outcome, detail = "half-action", ref.explain(state, n)
    reopened = reopen(path) if reopen is not None else "ok"
    return Trial(name, n, outcome, integrity, reopened, detail, imported=max(0, imported),
                 unindexed=unindexed, action=action)


def _integrity(project) -> str:
    db = project.db
    problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    problems += [f"foreign key: {r}" for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    try:
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    except Exception as exc:  # noqa: BLE001 (sqlite3 reports a broken index as an error)
        problems.append(f"articles_fts: {exc}")
    return "; ".join(problems[:3]) or "ok"


def export_outcome(ref: Reference, out: Path) -> str:
    """An export folder after a kill: nothing in it, or the whole export as its manifest lists
    it, never a part. A kill after the swap's commit point leaves the swap for the next export
    to finish (``recover``): finished here the same way, then checked."""
    from annotator.io.export_folder import STAGING, read_manifest, recover, verify

    recover(out)
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*")
                   if p.is_file() and STAGING not in p.relative_to(out).parts) \
        if out.exists() else []
    if not files:
        return "absent"
    manifest = read_manifest(out)
    if files == ref.export_files and manifest is not None and not verify(out, manifest):
        return "complete"
    return f"PARTIAL: {files} of {ref.export_files}"


def reopen_in_window(path: Path) -> str:
    """Open the project as ``annotator open`` does and show its first article ("ok" or why
    not); needs a QApplication."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from annotator.store import Project
    from annotator.ui.main_window import MainWindow

    project = Project.open(path, create=False)
    window = MainWindow(project, "check")
    try:
        window.show()
        window.open_first()
        QApplication.processEvents()
        state = window.workbench.state
        if state is None or window.current_article is None:
            return "the window shows no article"
        if not window.view.text.toPlainText():
            return "the article text is not shown"
        return "ok"
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        project.close()


def summary(trials: list[Trial]) -> list[str]:
    """The figures, one per line."""
    outcomes = Counter(t.outcome for t in trials)
    lines = [
        f"kills: {len(trials)}",
        f"actions acknowledged before the kills: {sum(t.acked for t in trials)}",
        "file at the last acknowledged state: "
        f"{outcomes['at-ack']}; one action further (committed, not yet acknowledged): "
        f"{outcomes['ahead']}",
        f"acknowledged actions lost: {outcomes['lost']}",
        f"half actions left in the file: {outcomes['half-action']}",
        f"integrity ok: {sum(t.integrity == 'ok' for t in trials)} of {len(trials)}",
        f"reopened in the window: {sum(t.reopened == 'ok' for t in trials)} of {len(trials)}",
    ]
    exports = Counter(t.export.split(":")[0] for t in trials if t.export)
    if exports:
        lines.append("export folders after the kill: " + ", ".join(
            f"{k} {v}" for k, v in sorted(exports.items())))
    imports = [t for t in trials if t.imported is not None]
    if imports:
        lines.append(f"kills before the import had stored all {imports[0].import_total} "
                     f"articles: {sum(t.imported < t.import_total for t in imports)} of "
                     f"{len(imports)}; articles "
                     "without a sentence index then (the window adds it when it opens): "
                     f"{sum(t.unindexed for t in imports)} in "
                     f"{sum(t.unindexed > 0 for t in imports)} kills")
    for t in trials:
        if t.failed:
            lines.append(f"FAILED {t.name}: {t.outcome} after {t.acked} acks (next action: "
                         f"{t.action}); integrity {t.integrity}; reopen {t.reopened}; "
                         f"{t.detail} {t.export}".rstrip())
    return lines


def boundaries(ref: Reference, rng: random.Random, count: int,
               multistep_only: bool = False) -> list[tuple[int, int, str]]:
    """Seeded commit boundaries of the reference session: before or after a commit; with
    ``multistep_only`` only the points between two commits of one user action."""
    points = []
    for a in ref.acks[1:]:
        c = a["commits"]
        if multistep_only:
            points += [(a["k"], j, "after") for j in range(1, c)]
        else:
            points += [(a["k"], j, w) for j in range(1, c + 1) for w in ("before", "after")]
    return sorted(rng.sample(points, min(count, len(points))))
