"""Crash probe: the full variant of the crash harness (tests/test_crash.py runs a short one).

Builds a project from the bundled sample corpus with the bundled model's suggestions, records a
seeded annotation session typed into the real main window (offscreen) as key events, and then
kills that session with SIGKILL, each time on a fresh copy of the project:

  - at random moments (seeded: after a random acknowledgement, a random part of the time the
    reference run took to the next one);
  - at chosen commits of the app's connection, just before or just after them, and, when the
    session has actions of several transactions, between two commits of one action;
  - during a background import of a folder (started as File ▸ Import a folder does, while the
    session goes on) and during a background export.

After each kill: every acknowledged action must be in the file (its state is the last
acknowledged one, or the next one when that action committed before its acknowledgement was
written), ``PRAGMA integrity_check``, ``foreign_key_check`` and the FTS5 index check pass,
``Project.open`` opens it and the main window shows its first article; an export folder holds
nothing or the whole export. tests/crash_harness.py describes the method.

Last, the cost of ``synchronous=FULL`` against the project's ``NORMAL`` per committed action
(an entity marked, then deleted, through the app's Session) on this machine's disk.

Exit status: 1 when a kill lost an acknowledged action, left half an action, a damaged file, a
project that does not reopen or a partial export; 0 otherwise, and with ``--report-only``.
``--no-multistep`` leaves out S and Shift+L, which are several transactions each until issue 14
defect 9 is fixed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/crash_probe.py [--kills 120]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import offscreen, sandbox_settings  # noqa: E402  (puts the repository on sys.path)

from tests.crash_harness import (  # noqa: E402
    Session,
    Trial,
    boundaries,
    build_base,
    kill_trial,
    record_reference,
    reopen_in_window,
    summary,
)

CITIES = ["Dresden", "Pirna", "Meißen", "Riesa", "Torgau", "Wittenberg", "Dessau", "Magdeburg",
          "Tangermünde", "Lauenburg", "Bad Schandau", "Coswig"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
PEOPLE = ["Jana Hofmann", "Peter Krause", "Miriam Vogt", "Tomáš Novák", "Sabine Lehmann"]
IMPORT_FILES = 150  # a fraction of a second of storing them, then the model's suggestions


def write_import_corpus(folder: Path, count: int, seed: int) -> None:
    """Short German reports about river levels, written for this probe (each one unique)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(count):
        city, day, who = rng.choice(CITIES), rng.choice(DAYS), rng.choice(PEOPLE)
        level, rise = rng.randrange(90, 640), rng.choice(["gestiegen", "gesunken"])
        text = (f"Elbpegel in {city} {rise}\n\n{day}, {rng.randrange(1, 29)}.10.2024\n\n"
                f"{city} (dpa) – Der Pegel der Elbe ist am {day} an der Messstelle Nr. {i + 1} "
                f"auf {level} Zentimeter {rise}, teilte das Landesamt für Umwelt mit. "
                f"„Wir beobachten die Lage genau“, sagte {who}, Sprecherin der Stadt {city}. "
                f"Die Schifffahrt sei bis auf Weiteres {rng.choice(['frei', 'eingeschränkt'])}."
                f" Nach Angaben des Wasserstraßenamts werden am {rng.choice(DAYS)} "
                f"{rng.randrange(100, 700)} Zentimeter erwartet.\n")
        (folder / f"pegel-{i + 1:03d}.txt").write_text(text, encoding="utf-8")


def commit_cost(base: Path, workdir: Path, rounds: int,
                per_round: int) -> tuple[dict[str, list[float]], float]:
    """Milliseconds per committed action with synchronous=NORMAL and FULL, interleaved; and
    the WAL frames (pages) one action writes."""
    from annotator.app.session import Session as AppSession
    from annotator.core.model import Layer, Span
    from annotator.store import Project

    path = workdir / "sync.db"
    shutil.copy(base, path)
    times: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    with Project.open(path) as project:
        session = AppSession(project, "bench")
        words = list(re.finditer(r"\w{4,}", project.article(1).text))

        def action(n: int, mode: str | None = None) -> None:
            w = words[n % len(words)]
            t0 = time.perf_counter()
            session.add_span(1, Layer.ENTITY, Span(w.start(), w.end(), "MISC"))
            t1 = time.perf_counter()
            mine = [a for a in project.annotations(1, Layer.ENTITY)
                    if (a.start, a.end) == (w.start(), w.end())]
            t2 = time.perf_counter()
            session.delete_spans(mine)
            t3 = time.perf_counter()
            if mode:
                times[mode] += [(t1 - t0) * 1e3, (t3 - t2) * 1e3]

        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for n in range(10):
            action(n)
        page = project.db.execute("PRAGMA page_size").fetchone()[0]
        frames = Path(f"{path}-wal").stat().st_size / (page + 24) / 20
        for r in range(rounds):
            for mode in ("NORMAL", "FULL") if r % 2 == 0 else ("FULL", "NORMAL"):
                project.db.execute(f"PRAGMA synchronous = {mode}")
                for i in range(per_round):
                    action(r * per_round + i, mode)
    return times, frames


def run_section(title: str, trials_of, count: int) -> list[Trial]:
    print(f"\n{title}: ", end="", flush=True)
    trials = []
    for i in range(count):
        trial = trials_of(i)
        trials.append(trial)
        print("x" if trial.failed else ".", end="", flush=True)
    print()
    for line in summary(trials):
        print("  " + line)
    return trials


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=120, help="random kills of the session")
    parser.add_argument("--boundaries", type=int, default=40, help="kills at chosen commits")
    parser.add_argument("--import-kills", type=int, default=20)
    parser.add_argument("--export-kills", type=int, default=20)
    parser.add_argument("--actions", type=int, default=60, help="actions in the session")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--no-multistep", dest="multistep", action="store_false",
                        help="leave out S and Shift+L (several transactions each)")
    parser.add_argument("--vectors", choices=("placeholder", "computed", "none"),
                        default="placeholder", help="matching vectors of the project "
                        "(none: the window computes them in the background meanwhile)")
    parser.add_argument("--commits", type=int, default=400,
                        help="commits measured per synchronous mode")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--report-only", action="store_true", help="always exit 0")
    args = parser.parse_args(argv)
    offscreen()
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    sandbox_settings()
    qInstallMessageHandler(lambda _mode, _context, message: "propagateSizeHints" in message
                           or print(message, file=sys.stderr))  # the offscreen plugin's noise
    app = QApplication.instance() or QApplication([])  # noqa: F841 (reopen checks need it)
    work = Path(tempfile.mkdtemp(prefix="crash-probe-"))
    trials: list[Trial] = []
    rng = random.Random(args.seed)
    t_start = time.perf_counter()
    try:
        base = build_base(work, args.vectors)
        session = Session(args.seed, args.actions, args.multistep)
        ref = record_reference(base, work / "reference", session)
        per_action = statistics.median(a["ms"] for a in ref.acks[1:])
        multi = sum(a["commits"] > 1 for a in ref.acks)
        print(f"crash_probe: session of {args.actions} actions (seed {args.seed}, S and Shift+L "
              f"{'included' if args.multistep else 'left out'}), {multi} of them with more than "
              f"one commit; median action {per_action:.1f} ms from key event to handled")
        trials += run_section("random kills", lambda i: kill_trial(
            ref, work, f"random-{i}", rng, reopen=reopen_in_window), args.kills)
        points = boundaries(ref, rng, args.boundaries // 2, multistep_only=True)
        points += boundaries(ref, rng, args.boundaries - len(points))
        trials += run_section("kills at chosen commits", lambda i: kill_trial(
            ref, work, f"commit-{i}", rng, boundary=points[i], reopen=reopen_in_window),
            len(points))
        corpus = work / "import-corpus"
        write_import_corpus(corpus, IMPORT_FILES, args.seed)
        task = Session(args.seed, args.actions, args.multistep, import_at=3, import_dir=corpus)
        ref_import = record_reference(base, work / "reference-import", task)
        print(f"\nimport of {IMPORT_FILES} files: {ref_import.task_ms:.0f} ms in the reference run")
        trials += run_section("kills during a background import", lambda i: kill_trial(
            ref_import, work, f"import-{i}", rng, reopen=reopen_in_window), args.import_kills)
        task = Session(args.seed, args.actions, args.multistep, export_at=3)
        ref_export = record_reference(base, work / "reference-export", task)
        print(f"\nexport: {ref_export.task_ms:.0f} ms in the reference run, "
              f"{len(ref_export.export_files)} files")
        trials += run_section("kills during a background export", lambda i: kill_trial(
            ref_export, work, f"export-{i}", rng, reopen=reopen_in_window), args.export_kills)
        print("\nall kills:")
        for line in summary(trials):
            print("  " + line)
        cost, frames = commit_cost(base, work, rounds=4, per_round=max(1, args.commits // 8))
        normal, full = (statistics.median(cost[m]) for m in ("NORMAL", "FULL"))
        p90 = {m: statistics.quantiles(cost[m], n=10)[-1] for m in cost}
        print(f"\ncost per committed action ({len(cost['FULL'])} commits per mode, {work}):")
        print(f"  synchronous=NORMAL: median {normal:.2f} ms, p90 {p90['NORMAL']:.2f} ms")
        print(f"  synchronous=FULL:   median {full:.2f} ms, p90 {p90['FULL']:.2f} ms "
              f"(+{full - normal:.2f} ms, {full / normal:.1f}x)")
        print(f"  WAL pages written per committed action: {frames:.1f} (SQLite checkpoints "
              f"every 1000 pages: every ~{1000 / frames:.0f} actions)")
        print(f"\nwall time {time.perf_counter() - t_start:.0f} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    failed = [t for t in trials if t.failed]
    print(f"{len(failed)} of {len(trials)} kills failed" if failed else "no kill failed")
    return 0 if args.report_only or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
