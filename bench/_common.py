"""Shared helpers of the benchmarks: timing, medians, the result table and budget checks.

Budgets are ratios against a baseline measured in the same run, never absolute times: a slow or
busy machine slows the baseline and the measured operation alike.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as ``python bench/x.py`` from anywhere
    sys.path.insert(0, str(ROOT))


def offscreen() -> None:
    """Qt without a display, unless the caller chose a platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def sandbox_settings() -> None:
    """QSettings (the window remembers the last article) go to a throw-away place."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("annotator-bench")
    QCoreApplication.setApplicationName("annotator-bench")


def words(text: str) -> list[str]:
    """A word list written as one string."""
    return text.split()


def ms(seconds: float) -> float:
    return seconds * 1e3


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    """Run once; (milliseconds, result)."""
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return ms(time.perf_counter() - t0), result


def median_ms(fn, repeat: int) -> float:
    """Median of ``repeat`` runs, in milliseconds."""
    return statistics.median(timed(fn)[0] for _ in range(max(1, repeat)))


def median(values) -> float:
    return statistics.median(list(values))


@dataclass
class Row:
    """One line of the table; ``budget`` is the largest allowed ratio (None: informative)."""

    name: str
    value_ms: float
    baseline: str = ""
    baseline_ms: float | None = None
    budget: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline_ms is None:
            return None
        return self.value_ms / max(self.baseline_ms, 1e-6)

    @property
    def over(self) -> bool:
        return self.budget is not None and self.ratio is not None and self.ratio > self.budget


def print_table(title: str, rows: list[Row], out=sys.stdout) -> list[Row]:
    """Print the table (plain text, one row per line); return the rows over budget."""
    name_w = max([len("measurement")] + [len(r.name) for r in rows])
    base_w = max([len("baseline")] + [len(r.baseline) for r in rows])
    cells = [(f"{r.baseline_ms:.2f}" if r.baseline_ms is not None else "",
              f"{r.ratio:.2f}x" if r.ratio is not None else "",
              f"{r.budget:.3g}x" if r.budget is not None else "") for r in rows]
    # columns as wide as their widest value, so a large one never shifts the status column
    bms_w, ratio_w, budget_w = (
        max([least] + [len(c[i]) for c in cells]) for i, least in ((0, 8), (1, 8), (2, 7)))
    ms_w = 9  # tests/test_bench_smoke.py reads the name column's width from it
    print(f"\n{title}", file=out)
    head = (f"{'measurement':<{name_w}}  {'ms':>{ms_w}}  {'baseline':<{base_w}}  "
            f"{'base ms':>{bms_w}}  {'ratio':>{ratio_w}}  {'budget':>{budget_w}}  status")
    print(head, file=out)
    print("-" * len(head), file=out)
    for r, (base_ms, ratio, budget) in zip(rows, cells, strict=True):
        status = "OVER" if r.over else ("ok" if r.budget is not None else "-")
        note = f"  {r.note}" if r.note else ""
        print(f"{r.name:<{name_w}}  {r.value_ms:{ms_w}.2f}  {r.baseline:<{base_w}}  "
              f"{base_ms:>{bms_w}}  {ratio:>{ratio_w}}  {budget:>{budget_w}}  {status}{note}",
              file=out)
    return [r for r in rows if r.over]


def report(title: str, rows: list[Row], extra: list[str] | None = None,
           exceeded: list[str] | None = None) -> int:
    """Print the table, ``extra`` lines and the verdict; the exit code (1 when a budget is
    exceeded: a row's ratio, or one of the ``exceeded`` messages of budgets that are not
    ratios)."""
    over = print_table(title, rows)
    for line in extra or []:
        print(line)
    messages = [f"{r.name}: {r.ratio:.2f}x > {r.budget:.3g}x {r.baseline}" for r in over]
    messages += exceeded or []
    if messages:
        for message in messages:
            print(f"BUDGET EXCEEDED: {message}")
        return 1
    print("all budgets met")
    return 0



_PEAK = """
import atexit, os, resource, sys
def _peak():
    with open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
atexit.register(_peak)
sys.path.insert(0, os.environ["BENCH_ROOT"])
"""


def run_measured(code: str, *args: str, env: dict[str, str] | None = None,
                 cwd: Path | None = None) -> tuple[float, float, str]:
    """Run Python ``code`` in a fresh child process (``sys.argv[1:]`` = ``args``): its wall
    milliseconds, its own peak resident memory in MB (``ru_maxrss`` of that process alone) and
    its stdout. A failing child raises with the end of its stderr.

    ``run_measured("from annotator.cli import main; main()", "import", "p.db", "x.jsonl")``
    measures a whole ``annotator import``.
    """
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak_file:
        child_env = {**os.environ, **(env or {}), "BENCH_PEAK_FILE": peak_file.name,
                     "BENCH_ROOT": str(ROOT)}
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _PEAK + code, *args], env=child_env,
                              cwd=cwd, capture_output=True, text=True)
        wall = ms(time.perf_counter() - t0)
        if done.returncode != 0:
            raise RuntimeError(f"child failed ({done.returncode}): {done.stderr[-2000:]}")
        peak_kb = int(peak_file.read() or 0)
    return wall, peak_kb / 1024, done.stdout
