"""Benchmark: a bulk import of pre-annotated articles against a bare SQLite insert of the same.

Writes ``--articles`` (10,000) generated articles (``_bulk.py``: ~400 words, ~25 entity spans
each) as one JSONL file, then in fresh child processes (``run_measured``), one after the other:

  - the bare baseline: the same JSONL parsed line by line with ``json.loads``, the articles and
    their spans inserted with ``sqlite3`` ``executemany`` into a minimal schema (articles, spans
    with an index on their article) with the project's FTS5 index over title and text (same
    tokenizer, filled by the same trigger), WAL and ``synchronous = NORMAL`` as a project,
    one transaction per 1,000 lines;
  - ``annotator import --no-suggest`` of that file into a new project: the real command, the
    budget's row. It stores the articles (searchable, with their content hashes and
    metadata) and leaves their zones, the metadata those give and the sentence index to be
    found later, as a derived index (app/zone_pass.py: at once for an article opened,
    exported or suggested, by the window's background pass);
  - for information, that pass after it: ``annotator zones --pending``.

While the import runs, another connection to the project (made beforehand, as the window has
one) takes the write lock every 20 ms and lets it go at once: its longest and median wait is
how long a batch held the lock (SQLite's busy handler sleeps 1, 2, 5, 10 … 100 ms between
tries, so a wait can be longer than the hold by that much).

Then, in one more child, where an article's CPU goes: reading and the content hash of the
first ``SPLIT_ARTICLES`` articles each timed alone, then their import (storing is what is
left); the zone rules, the metadata and the sentence index each timed alone, then the zone
pass over them in one process (its storing is what is left).

Budgets: the import at most ``BUDGET`` times the bare baseline; the importing process's peak
memory at most ``MEMORY_MB`` whatever the size (the file is streamed, never held whole).
Printed beside: each process's peak memory (the preparing workers' too), articles per second.
Figures: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path

from _bulk import write_jsonl
from _common import Row, report, run_measured

BUDGET = 3.0
MEMORY_MB = 300
PROBE_MS = 20

BARE = r'''
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = NORMAL")
conn.executescript("""
CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE spans (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles (id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL);
CREATE INDEX idx_spans_article ON spans (article_id);
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles',
    content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
""")
articles, spans = [], []
def flush():
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO articles (id, title, text) VALUES (?, ?, ?)", articles)
    conn.executemany('INSERT INTO spans (article_id, start, "end", label) VALUES (?, ?, ?, ?)',
                     spans)
    conn.execute("COMMIT")
    articles.clear()
    spans.clear()
with open(sys.argv[1], encoding="utf-8") as lines:
    for number, line in enumerate(lines, start=1):
        task = json.loads(line)
        articles.append((number, task["meta"]["title"], task["text"]))
        spans.extend((number, s["start"], s["end"], s["label"]) for s in task["spans"])
        if len(articles) == 1000:
            flush()
if articles:
    flush()
print(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
'''

CPU = r'''
import atexit, resource
def _cpu():
    own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                       resource.RUSAGE_CHILDREN))
    print("cpu s", own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime,
          "workers peak kB", workers.ru_maxrss)
atexit.register(_cpu)
'''
COMMAND = CPU + r'''
from annotator.cli import main
main()
'''
SPLIT_ARTICLES = 1000  # articles of the file the CPU split reads
# Where an article's CPU goes, in one process: each step alone on the first SPLIT_ARTICLES
# articles, then the import of them (zones left pending) and the zone pass after it, without
# workers; storing is what each leaves besides its steps.
SPLIT = r'''
import sys, time
from itertools import islice
from pathlib import Path
from annotator.app.importing import run_import
from annotator.app.zone_pass import find_zones
from annotator.app.zones import kept_sentences, with_derived_meta, zones_for
from annotator.core.hashing import content_hash
from annotator.io.jsonl import parse_task_line
from annotator.store import Project
with open(sys.argv[1], encoding="utf-8") as lines:
    head = list(islice(lines, int(sys.argv[2])))
part = Path(sys.argv[3]) / "part.jsonl"
part.write_text("".join(head), encoding="utf-8")
cpu, times = time.process_time, {}
def timed(name, fn, items):
    start = cpu()
    out = [fn(*item) for item in items]
    times[name] = cpu() - start
    return out
drafts = timed("reading", parse_task_line, [(line, "x") for line in head])
timed("content hash", content_hash, [(d.text,) for d in drafts])
project = Project.open(part.with_suffix(".db"))
start = cpu()
run_import(project, [part], suggest=False)
times["storing"] = cpu() - start - times["reading"] - times["content hash"]
zones = timed("zone rules", zones_for, [(d,) for d in drafts])
timed("metadata", with_derived_meta, list(zip(drafts, zones)))
timed("sentence index", kept_sentences, [(d.text, z) for d, z in zip(drafts, zones)])
start = cpu()
find_zones(project, workers=0)
found = cpu() - start
times["pass storing"] = found - sum(times[k] for k in ("zone rules", "metadata",
                                                       "sentence index"))
times["import"] = sum(times[k] for k in ("reading", "content hash", "storing"))
times["pass"] = found
n = len(head)
print("split", n, " ".join(f"{name.replace(' ', '_')}={t / n * 1e3:.3f}"
                           for name, t in times.items()))
'''


class LockProbe:
    """Another connection taking the write lock every PROBE_MS while the import runs: the
    waits it sees."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.waits: list[float] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        conn = sqlite3.connect(self.db, timeout=60, isolation_level=None)
        try:
            while not self.done.wait(PROBE_MS / 1e3):
                t0 = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                self.waits.append((time.perf_counter() - t0) * 1e3)
                conn.execute("ROLLBACK")
        finally:
            conn.close()

    def __enter__(self) -> LockProbe:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


def _cpu(out: str) -> tuple[float, float, int]:
    """(own CPU s, its children's CPU s, children's peak kB) as the child printed them."""
    own, children, _, _, _, peak = out.rsplit("cpu s", 1)[1].split()[:6]
    return float(own), float(children), int(peak)


def _split_line(out: str, bare_ms: float) -> str:
    """The SPLIT child's figures as one line, with the bare baseline's CPU an article."""
    n, *parts = out.rsplit("split ", 1)[1].split()
    named = ", ".join(f"{p.split('=')[0].replace('_', ' ')} {p.split('=')[1]}" for p in parts)
    return (f"CPU an article, one process, first {n} articles (ms): {named}; "
            f"bare {bare_ms * 1e3:.3f} (with its start)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report-only", action="store_true", help="always exit 0")
    args = parser.parse_args()
    from annotator.store import Project

    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        jsonl = write_jsonl(tmp / "bulk.jsonl", args.articles, args.seed)
        size_mb = jsonl.stat().st_size / 1e6
        bare_ms, bare_peak, bare_out = run_measured(CPU + BARE, str(jsonl), str(tmp / "bare.db"))
        db = tmp / "p.db"
        Project.open(db).close()  # made before: the probe waits on the import, not on making it
        with LockProbe(db) as probe:
            ms, peak, out = run_measured(COMMAND, "import", str(db), str(jsonl), "--no-suggest")
        pass_ms, _, pass_out = run_measured(COMMAND, "zones", str(db), "--pending")
        split = run_measured(SPLIT, str(jsonl), str(min(args.articles, SPLIT_ARTICLES)),
                             str(tmp))[2]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    summary = next(line for line in out.splitlines() if " imported, " in line)
    found = int(pass_out.split()[3])  # "zones found for N articles"
    own_cpu, workers_cpu, workers_kb = _cpu(out)
    pass_cpu = sum(_cpu(pass_out)[:2])
    bare_cpu, _, _ = _cpu(bare_out)
    workers_mb = workers_kb / 1024
    waits = probe.waits or [0.0]
    workers = (f"preparing workers {workers_mb:.0f} MB each at most" if workers_mb
               else "no preparing workers")
    n = args.articles
    rows = [
        Row(f"bare: json.loads + sqlite3 executemany + FTS5, {n} articles", bare_ms),
        Row(f"annotator import --no-suggest, {n} articles", ms, "bare", bare_ms, BUDGET),
        Row(f"  later: annotator zones --pending ({found} articles)", pass_ms, "bare", bare_ms),
        Row("another connection: longest wait for the write lock", max(waits)),
        Row("another connection: median wait for the write lock", statistics.median(waits)),
    ]
    extra = [
        f"import: {summary.strip()} ({n / (ms / 1e3):.0f} articles/s, bare "
        f"{n / (bare_ms / 1e3):.0f}/s; bare stored {bare_out.split()[0]})",
        f"CPU: import {own_cpu:.1f} s + preparing workers {workers_cpu:.1f} s "
        f"({(own_cpu + workers_cpu) / max(bare_cpu, 1e-3):.1f}x), bare {bare_cpu:.1f} s; "
        f"zones --pending {pass_cpu:.1f} s with its workers; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        f"peak memory: import {peak:.0f} MB ({workers}), bare {bare_peak:.0f} MB; JSONL "
        f"{size_mb:.1f} MB",
        f"write lock taken {len(probe.waits)} times by another connection during the import",
        _split_line(split, bare_cpu / n),
    ]
    exceeded = [f"import peak memory {peak:.0f} MB > {MEMORY_MB} MB"] if peak > MEMORY_MB else []
    code = report(f"bench_import: {n} pre-annotated articles, one JSONL file", rows, extra,
                  exceeded)
    return 0 if args.report_only else code


if __name__ == "__main__":
    raise SystemExit(main())
