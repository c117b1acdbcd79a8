"""Benchmark: the window on a project of 100,000 articles: time to interactive, and memory.

Builds a project of N articles (default 100,000; ``bench/_bulk.py``'s ~400-word pre-annotated
articles: ~26 entity annotations, 3 open suggestions and ~32 sentence rows each, and the FTS
index) straight through ``executemany``, and keeps it in a cache folder keyed by N and seed, so
that a rerun reuses it (``--cache``; the 100k file is 1 GB and takes ~3 minutes to build).
One article in a hundred has no sentence rows, as after an import from before the sentence
index: the window splits those in the background.

Every measurement runs in a fresh child process (``run_measured``; ``_window_child.py`` says
what "interactive" means), with Python's bytecode cached as in an installed app (a warm-up child
of each kind fills the cache first):

  (a) bare baseline: QApplication + a QMainWindow with an empty QTableView, shown, painted,
      and a posted key event delivered;
  (b) ``annotator open PATH`` on the N-article project, through the command's entry point
      (``annotator.cli.main``, as the installed command and the desktop entry start it):
      shown, the first page of the list painted, the first article open and painted, a
      posted key event delivered. Budget: (b) <= 1.5x (a), both measured from the spawn of
      the child to the key's delivery, medians of ``--repeat`` alternating runs; the CPU
      (user + system) each took until then beside. For information: (b0), the same
      on a project without articles, the parts of (b), (b) started from Python
      (``Project.open`` + ``MainWindow``, without the command) and then the parts the window
      makes after its first paint (ui/later.py: the claim form, ...) made at once, and one
      first open after
      another program touched the file (``PRAGMA quick_check`` reads it whole; the file is
      as annotator left it otherwise);
  (c) memory: the window as in (b), then the list scrolled to its end and back three times, a
      search for a common and for a rare word (typed, hits scrolled), five articles opened
      with the arrow key; resident memory then (the matching index not started yet: current
      and peak), then the matching worker started and awaited until its runner is idle
      (sentences split, index built and cached), and resident memory again. At N and at
      ``--small`` (10,000) in the same invocation. Budget: at N the current RSS after the
      index <= 400 MB and within 10 % of the same at ``--small``. A run passing ``--cap`` MB
      is stopped and counts as over budget.

The matching index's cache beside the project is deleted before each memory run, so the index
is built from nothing. The sentence rows the window stores for the unsplit articles are
deleted again before each run.

Exit status: 0 when every budget is met, 1 when one is exceeded; ``--report-only`` exits 0
(tests/test_bench_smoke.py runs it at a tiny size).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_window.py [--articles 100000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bulk import articles  # noqa: E402
from _common import Row, offscreen, report, run_measured  # noqa: E402

offscreen()

BUILD = 1  # the generator's version: a change builds new files
TIME_BUDGET = 1.5
MEMORY_MB, MEMORY_GROWTH = 400.0, 1.10
UNSPLIT = 100  # every hundredth article has no sentence rows
COMMON, RARE = "die", "Zwergseeschwalbe"
RARE_IN = 12  # articles with the rare word
CHILD = ("import os, sys; sys.path.insert(0, os.path.join(os.environ['BENCH_ROOT'], 'bench'));"
         " import _window_child; _window_child.main()")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentences as the generator writes them: runs ending in a full stop or a line break."""
    import re

    return [m.span() for m in re.finditer(r"[^.\n\s][^.\n]*\.?", text)]


def build(path: Path, n: int, seed: int) -> None:
    """N articles, their entity annotations, open suggestions and sentences, in one
    transaction (the FTS5 triggers index every row, as in a real import)."""
    import random

    from annotator.core.model import Layer, ModelInfo
    from annotator.store import Project
    from annotator.store.sql import now

    rng = random.Random(seed)
    rare = set(rng.sample(range(n), min(RARE_IN, n)))
    project = Project.open(path)
    stamp = now()
    for label in ("PER", "LOC", "ORG", "MISC"):
        project.ensure_label(Layer.ENTITY, label)
    model = project.model_id(ModelInfo("de_core_news_lg", "3.8.0"))
    who = project.annotator_id("import")
    conn = project.db.conn
    spans: list[tuple] = []
    sentences: list[tuple] = []
    suggestions: list[tuple] = []

    def rows():
        for i, art in enumerate(articles(n, seed)):
            text = art.text + (f"{RARE} gesichtet.\n" if i in rare else "")
            spans.extend((i + 1, label, s, e, who, stamp, stamp) for s, e, label in art.spans)
            suggestions.extend((i + 1, model, label, s, e, stamp)
                               for s, e, label in art.spans[1:4])
            if (i + 1) % UNSPLIT:
                sentences.extend((i + 1, s, e) for s, e in sentence_bounds(text))
            yield (f"bench-{i:08d}", art.title, art.outlet, art.published, stamp, len(text), text)

    def flush() -> None:
        conn.executemany(
            'INSERT INTO annotations (article_id, layer, label, start, "end", annotator_id, '
            "created_at, updated_at) VALUES (?, 'entity', ?, ?, ?, ?, ?, ?)", spans)
        conn.executemany(
            'INSERT INTO suggestions (article_id, model_id, layer, label, start, "end", score, '
            "created_at) VALUES (?, ?, 'entity', ?, ?, ?, 0.6, ?)", suggestions)
        conn.executemany('INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?)',
                         sentences)
        spans.clear(), suggestions.clear(), sentences.clear()

    generated = rows()
    with project.transaction():
        while True:  # in blocks, so that the side tables never hold the whole corpus
            block = [row for _, row in zip(range(5000), generated, strict=False)]
            if not block:
                break
            conn.executemany(
                "INSERT INTO articles (hash, title, outlet, published, imported_at, char_count,"
                " text) VALUES (?, ?, ?, ?, ?, ?, ?)", block)
            flush()
    project.db.execute("ANALYZE")
    project.close()


def project_file(cache: Path, n: int, seed: int) -> Path:
    """The cached project of N articles, built first when there is none."""
    path = cache / f"window-{BUILD}-{n}-{seed}.db"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        for leftover in cache.glob(partial.name + "*"):
            leftover.unlink()
        t0 = time.perf_counter()
        build(partial, n, seed)
        partial.rename(path)
        print(f"built {path.name} ({path.stat().st_size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - t0:.0f} s")
    return path


def reset(path: Path) -> None:
    """As built: the unsplit articles without sentences again, no matching index cache."""
    import sqlite3

    for suffix in (".match-index.npz", ".match-index.npz.tmp.npz"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute(f"DELETE FROM sentences WHERE article_id % {UNSPLIT} = 0")
    conn.close()


def child(mode: str, *args: str, config: Path) -> tuple[float, float, dict[str, list[float]]]:
    """Run one child: (ms from spawn to interactive, peak MB, its printed marks).

    Python's bytecode is cached (beside the settings), as in an installed app: without it
    (``PYTHONDONTWRITEBYTECODE``) every child would compile annotator's modules again."""
    env = {"XDG_CONFIG_HOME": str(config), "XDG_CACHE_HOME": str(config / "cache"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "",
           "PYTHONPYCACHEPREFIX": str(config / "pycache")}
    for old in config.glob("**/*.conf"):
        old.unlink()  # no last article, no window size from an earlier run
    start = time.time()
    _wall, peak, out = run_measured(CHILD, mode, *args, env=env)
    marks: dict[str, list[float]] = {}
    for line in out.splitlines():
        name, *values = line.split()
        marks[name] = [float(v) for v in values]
    if "memory-cap" in marks:
        return float("nan"), marks["memory-cap"][0], marks
    return (marks["interactive"][0] - start) * 1e3, peak, marks


def time_rows(path: Path, empty: Path, n: int, repeat: int, config: Path) -> list[Row]:
    """(a), (b0) and (b), alternating, medians; the parts of (b) and (b) started from Python
    without the command, for information."""
    samples: dict[str, list[float]] = {k: [] for k in ("a", "b0", "b", "made", "python",
                                                         "bare imported", "later", "a cpu",
                                                         "b cpu")}
    for warm_up in (("bare",), ("command", str(empty), "0"), ("open", str(empty), "0")):
        child(*warm_up, config=config)  # the bytecode cache filled
    touched = time.time_ns()
    os.utime(path, ns=(touched, touched))  # as if another program wrote: the check runs once
    checked, _peak, marks = child("open", str(path), "0", config=config)
    check = (marks["project-open"][0] - marks["imported"][0]) * 1e3
    for _ in range(repeat):
        ms, _peak, marks = child("bare", config=config)
        samples["a"].append(ms)
        samples["a cpu"].append(sum(marks["cpu"]))
        samples["bare imported"].append(ms - (marks["interactive"][0] - marks["imported"][0])
                                        * 1e3)
        samples["b0"].append(child("command", str(empty), "0", config=config)[0])
        ms, _peak, marks = child("command", str(path), "0", config=config)
        samples["b"].append(ms)
        samples["b cpu"].append(sum(marks["cpu"]))
        samples["made"].append(ms - (marks["interactive"][0] - marks["window-made"][0]) * 1e3)
        ms, _peak, marks = child("open", str(path), "0", config=config)
        samples["python"].append(ms)
        samples["later"].append((marks["later-made"][0] - marks["interactive"][0]) * 1e3)
    m = {k: statistics.median(v) for k, v in samples.items()}
    base = "(a) bare window"
    return [
        Row("(a) bare QMainWindow + empty QTableView: spawn to interactive", m["a"]),
        Row("  part: (a) until PySide6 is imported", m["bare imported"]),
        Row("(b0) annotator open, project without articles", m["b0"], base, m["a"]),
        Row(f"(b) annotator open on {n:,} articles: spawn to interactive", m["b"],
            base, m["a"], TIME_BUDGET),
        Row("  CPU of (a) until interactive, user + system", m["a cpu"]),
        Row("  CPU of (b) until interactive, user + system", m["b cpu"], "(a)'s CPU",
            m["a cpu"]),
        Row("  part: (b) until MainWindow is made (imports, Project.open, the window built)",
            m["made"]),
        Row("  part: (b) shown until interactive", m["b"] - m["made"]),
        Row("(b) started from Python, not by the command (Project.open + MainWindow)",
            m["python"], base, m["a"]),
        Row("  then what it makes after the first paint (claim form, disputes page, ...), "
            "at once", m["later"]),
        Row("(b) the first open after another program wrote to the file", checked, base,
            m["a"], note=f"Project.open {check:.0f} ms: PRAGMA quick_check reads it whole"),
    ]


def memory_run(path: Path, cap: float, config: Path, index: bool) -> dict[str, float]:
    """(c): resident memory after the session (the matching index not started yet: current
    and peak), then after the matching worker's catch-up (current, and the peak of the run)."""
    reset(path)
    mode = "memory" if index else "memory-no-index"
    _ms, peak, marks = child(mode, str(path), str(cap), COMMON, RARE, config=config)
    if "memory-cap" in marks:
        return {"capped": marks["memory-cap"][0]}
    before, before_peak = marks["memory-before-index"]
    found = {"before": before, "before_peak": before_peak, "peak": peak}
    if index:
        found["after"] = marks["memory-after-index"][0]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the project")
    parser.add_argument("--small", type=int, default=10_000,
                        help="the smaller project the memory figure is compared with "
                             "(0: none, memory at N only)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of (a) and (b); medians")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "annotator-bench-window",
                        help="where the built projects are kept between runs")
    parser.add_argument("--cap", type=float, default=3000,
                        help="MB at which a memory run is stopped (and over budget)")
    parser.add_argument("--no-index", dest="index", action="store_false",
                        help="memory without starting the matching index (quicker)")
    parser.add_argument("--report-only", action="store_true",
                        help="print the verdict but exit 0 when a budget is exceeded")
    args = parser.parse_args(argv)
    n, small = args.articles, min(args.small, args.articles)
    big_path = project_file(args.cache, n, args.seed)
    small_path = project_file(args.cache, small, args.seed) if small else None
    empty_path = project_file(args.cache, 0, args.seed)
    with tempfile.TemporaryDirectory(prefix="annotator-bench-window-") as tmp:
        config = Path(tmp)
        rows = time_rows(big_path, empty_path, n, args.repeat, config)
        big = memory_run(big_path, args.cap, config, args.index)
        little = memory_run(small_path, args.cap, config, args.index) if small else {}
    lines, exceeded = [], []
    for name, found in ((f"{n:,}", big), (f"{small:,}", little)):
        if "capped" in found:
            lines.append(f"(c) memory at {name} articles: stopped at {found['capped']:.0f} MB "
                         f"(cap {args.cap:.0f} MB) OVER")
            exceeded.append(f"memory at {name} articles passed {args.cap:.0f} MB")
        elif found:
            after = (f", {found['after']:.0f} MB after the index (peak {found['peak']:.0f} MB)"
                     if "after" in found else ", the index not started")
            lines.append(f"(c) memory at {name} articles, current RSS: {found['before']:.0f} MB "
                         f"after the session (peak {found['before_peak']:.0f} MB){after}")
    if "after" in big and "after" in little:
        ok = big["after"] <= MEMORY_MB and big["after"] <= MEMORY_GROWTH * little["after"]
        lines.append(f"(c) budget: RSS at {n:,} after the index {big['after']:.0f} MB <= "
                     f"{MEMORY_MB:.0f} MB and <= {MEMORY_GROWTH:.2f} x {little['after']:.0f} MB "
                     f"({big['after'] / little['after']:.2f} x) {'ok' if ok else 'OVER'}")
        if not ok:
            exceeded.append(f"memory at {n:,} after the index: {big['after']:.0f} MB")
    title = f"bench_window: {n:,} articles ({args.repeat} runs), memory at {n:,} and {small:,}"
    code = report(title, rows, lines, exceeded)
    return 0 if args.report_only else code


if __name__ == "__main__":
    sys.exit(main())
