"""Benchmark: merging two annotators' project files of 10,000 articles each.

Builds two project files over the same ``--articles`` (10,000) articles of the bulk corpus
(``_bulk.py``: ~400 words, ~25 entities each), written straight with ``executemany``: in the
first, anna's version of every article (the corpus's entities, done), in the second, ben's
(every tenth entity relabelled, done). Then merges the second into a fresh copy of the first,
median of ``--repeat`` runs (wall time, and the process's CPU time beside it):

  - the baseline: a plain sqlite3 ``ATTACH`` and ``INSERT … SELECT`` of the same rows (the
    annotator, the versions, the annotations, article ids mapped by content hash), in one
    transaction;
  - ``app.merging.merge_projects``, the use case of ``annotator merge``, on the target
    opened before (not timed, like the baseline's connection): the source file recognised
    (its header and ``quick_check``), every table mapped (articles, annotators,
    sources, models, suggestions, annotations, links, decisions, groups), the versions both
    files have compared.

Budget: the use case at most ``BUDGET`` times the baseline (the issue's). Both must leave the
same annotations of ben's in the target.

    .venv/bin/python bench/bench_merge.py [--articles 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bulk import LABELS, articles  # noqa: E402
from _common import Row, report, timed  # noqa: E402

BUDGET = 2.0


def build(folder: Path, n: int, seed: int) -> tuple[Path, Path]:
    """The two files: the same articles, anna's versions in one, ben's in the other."""
    from annotator.store import Project
    from annotator.store.sql import now

    stamp = now()
    corpus = list(articles(n, seed))
    base = folder / "base.db"
    with Project.open(base) as project, project.transaction():
        project.db.conn.executemany(
            "INSERT INTO articles (id, hash, title, outlet, published, imported_at, char_count,"
            " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(i, f"bench-{i:08d}", a.title, a.outlet, a.published, stamp, len(a.text), a.text)
             for i, a in enumerate(corpus, start=1)])
    paths = []
    for who, name in ((1, "anna"), (2, "ben")):
        path = folder / f"{name}.db"
        shutil.copy(base, path)
        rows = [(i, label if name == "anna" or k % 10 else LABELS[(LABELS.index(label) + 1)
                                                              % len(LABELS)], s, e)
                for i, a in enumerate(corpus, start=1) for k, (s, e, label) in enumerate(a.spans)]
        with Project.open(path) as project, project.transaction():
            conn = project.db.conn
            conn.execute("INSERT INTO annotators (id, name, created_at) VALUES (?, ?, ?)",
                         [10 + who, name, stamp])
            conn.executemany("INSERT INTO versions (article_id, annotator_id, status, "
                             "started_at, status_changed_at) VALUES (?, ?, 'done', ?, ?)",
                             [(i, 10 + who, stamp, stamp) for i in range(1, n + 1)])
            conn.executemany(
                'INSERT INTO annotations (article_id, layer, label, start, "end", annotator_id, '
                f"created_at, updated_at) VALUES (?, 'entity', ?, ?, ?, {10 + who}, "
                f"'{stamp}', '{stamp}')", rows)
        paths.append(path)
    return paths[0], paths[1]


def baseline(target: Path, source: Path) -> None:
    """The same rows with plain SQL: attach, insert … select, commit."""
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS src", [f"{source.resolve().as_uri()}?mode=ro"])
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("""INSERT INTO main.annotators (name, created_at) SELECT name, created_at
            FROM src.annotators WHERE name NOT IN (SELECT name FROM main.annotators)""")
        conn.execute("""CREATE TEMP TABLE art AS SELECT s.id AS src, t.id AS dst
            FROM src.articles s JOIN main.articles t ON t.hash = s.hash""")
        conn.execute("""CREATE TEMP TABLE who AS SELECT s.id AS src, t.id AS dst
            FROM src.annotators s JOIN main.annotators t ON t.name = s.name""")
        conn.execute("""INSERT INTO main.versions SELECT a.dst, w.dst, v.status, v.started_at,
            v.status_changed_at FROM src.versions v JOIN art a ON a.src = v.article_id
            JOIN who w ON w.src = v.annotator_id""")
        conn.execute("""INSERT INTO main.annotations (article_id, layer, label, start, "end",
            annotator_id, attrs, created_at, updated_at) SELECT a.dst, n.layer, n.label,
            n.start, n."end", w.dst, n.attrs, n.created_at, n.updated_at FROM src.annotations n
            JOIN art a ON a.src = n.article_id JOIN who w ON w.src = n.annotator_id
            ORDER BY n.id""")
        conn.execute("COMMIT")
    finally:
        conn.close()


def plain(target: Path, source: Path):
    return lambda: baseline(target, source)


def use_case(target: Path, source: Path):
    """The target opened (recognised, as the command opens it: not timed), then the merge
    and the close."""
    from annotator.app.merging import merge_projects
    from annotator.store import Project

    project = Project.open(target, create=False)

    def run() -> None:
        with project:
            [result] = merge_projects(project, [source])
        assert result.merged is not None, result.error

    return run


def measured(prepare, anna: Path, ben: Path, folder: Path, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``repeat`` merges, each into a fresh copy of
    anna's file (the copy and ``prepare`` are not timed)."""
    walls, cpus = [], []
    for _ in range(max(1, repeat)):
        target = folder / "target.db"
        for old in folder.glob("target.db*"):
            old.unlink()
        shutil.copy(anna, target)
        run = prepare(target, ben)
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1e3, statistics.median(cpus) * 1e3


def bens_rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("""SELECT article_id, label, start, "end" FROM annotations n
            JOIN annotators w ON w.id = n.annotator_id AND w.name = 'ben'
            ORDER BY article_id, start, label""").fetchall()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report-only", action="store_true", help="always exit 0")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    try:
        build_ms, (anna, ben) = timed(build, tmp, args.articles, args.seed)
        use_case(shutil.copy(anna, tmp / "warm.db"), ben)()  # the imports, once
        base_ms, base_cpu = measured(plain, anna, ben, tmp, args.repeat)
        expected = bens_rows(tmp / "target.db")
        ms, cpu = measured(use_case, anna, ben, tmp, args.repeat)
        got = bens_rows(tmp / "target.db")
        sizes = [p.stat().st_size / 1e6 for p in (anna, ben)]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    n = args.articles
    same = got == expected and len(got) > 0
    rows = [Row(f"baseline: ATTACH + INSERT ... SELECT, {n} articles", base_ms),
            Row(f"merge: {n} articles, one annotator's versions", ms, "baseline", base_ms,
                BUDGET),
            Row("  CPU time of the baseline", base_cpu),
            Row("  CPU time of merge", cpu, "baseline CPU", base_cpu)]
    extra = [f"files: {n} articles each, {sizes[0]:.0f} and {sizes[1]:.0f} MB, built in "
             f"{build_ms / 1e3:.1f} s; {len(got)} annotations of ben's merged",
             f"same annotations as the baseline: {'yes' if same else 'NO'}",
             f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"]
    code = report(f"bench_merge: two files of {n} articles", rows, extra,
                  [] if same else ["the merged annotations differ from the baseline's"])
    return 0 if args.report_only else code


if __name__ == "__main__":
    raise SystemExit(main())
