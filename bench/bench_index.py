"""Benchmark: the matching index of a large project, built from nothing, in bounded memory.

Generates N articles of the shared bulk corpus (``_bulk.articles``: ~400 words, ~14 sentences
each), writes them and their sentence index (``split_sentences``) into ``project.db`` with
``executemany``, then:

  - builds the matching index from nothing in a fresh child process (``run_measured``: wall
    time and the child's own peak RSS), as the window's worker does when a project has no cache;
  - starts a second child from the cache beside the project (a new session) and reports its
    peak RSS (informative: what the index costs an open window);
  - times one ``tfidf`` query through ``Matcher.candidates`` (top five) against the baseline of a
    plain numpy dot of one float32 row of 64 columns per sentence with a vector;
  - catches up after one more article and one deleted article (informative: it must touch
    only those sentences, so it stays far below a build).

Budgets: the build finishes with a peak RSS of at most 500 MB; a query at most 12x the dot.
The cache size beside the project is printed.

    .venv/bin/python bench/bench_index.py [--articles 100000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bulk import articles  # noqa: E402
from _common import Row, median_ms, report, run_measured, timed  # noqa: E402

PEAK_MB = 500.0
QUERY_BUDGET = 12.0
BATCH = 1000  # articles per executemany

BUILD = """
import sys
from pathlib import Path
from annotator.app.matching import Matcher
from annotator.store import Project
path = Path(sys.argv[1])
with Project.open(path, create=False) as project:
    matcher = Matcher(path)
    matcher.sync(project)
    print(len(matcher.lex))
"""


def build_project(path: Path, n: int, seed: int):
    """N bulk articles and their sentence index, written with executemany."""
    from annotator.nlp.sentences import split_sentences
    from annotator.store import Project
    from annotator.store.sql import now

    project = Project.open(path)
    stamp, conn = now(), project.db.conn
    batch: list = []

    def flush() -> None:
        first = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0] + 1
        conn.executemany(
            "INSERT INTO articles (id, hash, title, outlet, published, imported_at, char_count,"
            " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(first + i, f"bulk-{first + i:08d}", a.title, a.outlet, a.published, stamp,
              len(a.text), a.text) for i, a in enumerate(batch)])
        conn.executemany('INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?)',
                         [(first + i, s, e) for i, a in enumerate(batch)
                          for s, e in split_sentences(a.text)])
        batch.clear()

    with project.transaction():
        for article in articles(n, seed):
            batch.append(article)
            if len(batch) == BATCH:
                flush()
        if batch:
            flush()
    return project


def queries(repeat: int) -> list[str]:
    """Sentences of articles the project does not hold (another seed)."""
    from annotator.nlp.sentences import split_sentences

    out = [a.text[s:e] for a in articles(5, seed=99) for s, e in split_sentences(a.text)]
    return [q for q in out if len(q) > 40][:max(repeat, 5)]


def catch_up(project, matcher) -> float:
    """Time to follow one new article and one deleted one (through ``Matcher.sync``)."""
    from annotator.nlp.sentences import split_sentences
    from annotator.store.sql import now

    extra = next(articles(1, seed=7))
    conn = project.db.conn
    with project.transaction():
        cursor = conn.execute(
            "INSERT INTO articles (hash, title, imported_at, char_count, text) "
            "VALUES ('extra-' || (SELECT max(id) FROM articles), ?, ?, ?, ?)",
            (extra.title, now(), len(extra.text), extra.text))
        conn.executemany('INSERT INTO sentences (article_id, start, "end") VALUES (?, ?, ?)',
                         [(cursor.lastrowid, s, e) for s, e in split_sentences(extra.text)])
        conn.execute("DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)")
    ms, _ = timed(matcher.sync, project)
    return ms


def _children_cpu() -> float:
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def dot_baseline(n: int, repeat: int) -> float:
    """A plain numpy dot: one float32 row of 64 columns per sentence, times a vector."""
    import numpy as np

    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((n, 64), dtype=np.float32)
    vector = rng.standard_normal(64, dtype=np.float32)
    return median_ms(lambda: matrix @ vector, repeat)


def measure(path: Path, repeat: int) -> tuple[list[Row], list[str], list[str]]:
    from annotator.app.matching import Matcher
    from annotator.store import Project

    cpu = _children_cpu()
    build_ms, build_mb, out = run_measured(BUILD, str(path))
    cpu = _children_cpu() - cpu
    cache = sum(p.stat().st_size for p in path.parent.glob(path.name + ".match-index*"))
    load_ms, load_mb, _ = run_measured(BUILD, str(path))
    with Project.open(path, create=False) as project:
        n = project.matching.sentence_count()
        base = dot_baseline(n, max(repeat, 20))
        matcher = Matcher(path)
        matcher.sync(project)
        texts = iter(queries(repeat) * 3)
        matcher.candidates(project, next(texts), 1)  # claims read once, as in a session
        query = median_ms(lambda: matcher.candidates(project, next(texts), 1, method="tfidf"),
                          repeat)
        catch = catch_up(project, matcher)
    dot = f"numpy dot {n}x64"
    rows = [
        Row(f"baseline: {dot}", base),
        Row("build the index from nothing (child)", build_ms,
            note=f"peak {build_mb:.0f} MB, {cpu:.0f} s CPU"),
        Row("start from the cache (child)", load_ms, note=f"peak {load_mb:.0f} MB"),
        Row("tfidf query: Matcher.candidates top 5", query, dot, base, QUERY_BUDGET,
            f"{query:.1f} ms absolute"),
        Row("catch up: one article added, one deleted", catch, note="informative"),
    ]
    extra = [f"{out.strip()} sentences indexed; cache beside the project "
             f"{cache / 2**20:.1f} MiB; build peak {build_mb:.0f} MB (budget {PEAK_MB:.0f}), "
             f"session from the cache peak {load_mb:.0f} MB"]
    exceeded = ([f"build peak {build_mb:.0f} MB > {PEAK_MB:.0f} MB"]
                if build_mb > PEAK_MB else [])
    return rows, extra, exceeded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--project", type=Path,
                        help="generate the project here, or reuse it when it exists (its "
                             "index cache is deleted first; the catch-up step changes it)")
    parser.add_argument("--report-only", action="store_true",
                        help="print the verdict but exit 0")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.project or Path(tmp) / "project.db"
        ms_build = 0.0
        if not path.exists():
            ms_build, project = timed(build_project, path, args.articles, args.seed)
            project.close()
        for old in path.parent.glob(path.name + ".match-index*"):
            old.unlink()
        rows, extra, exceeded = measure(path, args.repeat)
    extra.insert(0, f"generated the project in {ms_build / 1000:.1f} s")
    code = report(f"bench_index: {args.articles} articles", rows, extra, exceeded)
    return 0 if args.report_only else code


if __name__ == "__main__":
    sys.exit(main())
