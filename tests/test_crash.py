"""SIGKILL the real window in the middle of a typed annotation session, again and again: every
acknowledged action is in the file, the file is sound, and the project opens again.

The short variant of bench/crash_probe.py; tests/crash_harness.py describes the method. The
session is typed as key events into the main window in a child process (tests/crash_driver.py).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crash_harness import (
    ROOT,
    Reference,
    Session,
    boundaries,
    build_base,
    check,
    kill_trial,
    read_log,
    record_reference,
    reopen_in_window,
    summary,
)

SEED = 14
ACTIONS = 30
RANDOM_KILLS = 20
COMMIT_KILLS = 4
EXPORT_ACTIONS, EXPORT_KILLS = 8, 4
# S (a source mention and its canonical source) and Shift+L (source, link, cue) are one
# transaction each; with them in the session, a half action would show as "half an action".
MULTISTEP_ACTIONS = True


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Reference:
    work = tmp_path_factory.mktemp("crash")
    base = build_base(work)
    return record_reference(base, work / "reference",
                            Session(SEED, ACTIONS, multistep=MULTISTEP_ACTIONS))


def test_the_session_types_real_actions(reference: Reference) -> None:
    """The reference run acknowledged every action, and they changed the project."""
    acks = reference.acks
    assert [a["k"] for a in acks] == list(range(ACTIONS + 1))
    assert sum(a["commits"] for a in acks) >= ACTIONS // 2
    assert len({a["state"] for a in acks}) >= ACTIONS // 2
    keys = {a["what"].split()[0] for a in acks}
    assert keys >= {"A", "C", "Delete", "Ctrl+Z"} and keys & {"1", "2", "3", "4"}


def test_sigkill_loses_no_acknowledged_action(qapp, tmp_path: Path,
                                             reference: Reference) -> None:
    rng = random.Random(SEED)
    trials = [kill_trial(reference, tmp_path, f"random-{i}", rng, reopen=reopen_in_window)
              for i in range(RANDOM_KILLS)]
    # Between two commits of one action, if there are such actions; else before or after one.
    points = boundaries(reference, rng, COMMIT_KILLS // 2, multistep_only=True)
    points += boundaries(reference, rng, COMMIT_KILLS - len(points))
    for i, point in enumerate(points):
        trials.append(kill_trial(reference, tmp_path, f"commit-{i}", rng, boundary=point,
                                 reopen=reopen_in_window))
    report = "\n".join(summary(trials))
    print(report)
    assert len(trials) >= RANDOM_KILLS + 1
    assert not [t for t in trials if t.failed], report
    assert sum(t.acked for t in trials) >= RANDOM_KILLS * ACTIONS // 4  # kills came late too


def test_sigkill_during_a_background_export_leaves_no_part_of_it(qapp, tmp_path: Path,
                                                                 reference: Reference) -> None:
    """File ▸ Export runs in the background while the session goes on; killed meanwhile, the
    project keeps every acknowledged action and the folder holds nothing or the whole export."""
    session = Session(SEED, EXPORT_ACTIONS, multistep=MULTISTEP_ACTIONS, export_at=2)
    ref = record_reference(reference.base, tmp_path / "reference", session)
    assert ".annotator-export.json" in ref.export_files and len(ref.export_files) >= 2
    rng = random.Random(SEED)
    trials = [kill_trial(ref, tmp_path, f"export-{i}", rng, reopen=reopen_in_window)
              for i in range(EXPORT_KILLS)]
    report = "\n".join(summary(trials))
    print(report)
    assert not [t for t in trials if t.failed], report
    assert all(t.export in ("absent", "complete") for t in trials)


def test_the_check_finds_lost_and_half_actions(qapp, tmp_path: Path,
                                               reference: Reference) -> None:
    """The harness fails when it should: a file behind its acknowledgements, one holding a
    state no whole action produced, one that is no project; a torn last log line is no
    acknowledgement."""
    acks = reference.acks
    final = tmp_path / "final.db"
    shutil.copy(reference.final, final)
    assert check(reference, final, acks, "final").outcome == "at-ack"
    last_change = max(k for k, a in enumerate(acks) if a["state"] != acks[-1]["state"])
    assert check(reference, final, acks[:last_change + 1], "one ahead").outcome == "ahead"
    first = acks[0]["state"]
    behind = next(k for k in range(1, len(acks) - 1)
                  if first not in (acks[k]["state"], acks[k + 1]["state"]))
    start = tmp_path / "start.db"
    shutil.copy(reference.base, start)
    lost = check(reference, start, acks[:behind + 1], "behind")
    assert lost.outcome == "lost" and lost.failed
    with sqlite3.connect(final) as conn:
        conn.execute("UPDATE annotations SET label = 'XYZ' WHERE id = "
                     "(SELECT max(id) FROM annotations)")
    half = check(reference, final, acks, "half")
    assert half.outcome == "half-action" and half.failed and "XYZ" in half.detail
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database " * 300)
    assert check(reference, garbage, acks, "garbage").failed
    log = tmp_path / "acks.jsonl"
    log.write_text('{"k": 0}\n{"k": 1}\n{"k": 2, "sta', encoding="utf-8")
    assert [a["k"] for a in read_log(log)] == [0, 1]


def test_the_full_probe_starts() -> None:
    """bench/crash_probe.py (the full variant) imports against the current code."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "crash_probe.py"), "--help"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--kills" in done.stdout and "--no-multistep" in done.stdout
