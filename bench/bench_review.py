"""Benchmark: the review queue's reads (Tools ▸ Review queue) at 100,000 articles.

Builds a project of ``--articles`` (100,000) short articles, written straight with
``executemany``: anna's and ben's done versions of every article, cem's of every third (ten
spans each: eight entities, a claim with a verdict, a source); ben labels one entity otherwise
in every ``--disagree-every``-th (200th) article, and the claim another verdict in every
400th counting from the 100th (750 articles to adjudicate, fewer than the queue's limit of
1,000, so that the read goes through every article); five model suggestions per article, all
decided by anna and ben but in every 250th article, which anna marked done with two of them
still open; 1,000 claim groups of two claims each (each version's claims of those articles in
the same group with the same value, so that they agree), every tenth stating conflicting values.

Then measures, median of ``--repeat`` runs (wall time, and the process's CPU time beside it):

  - the baseline: a plain SQL count of the rows the disagreement read compares (the spans of
    the entity, claim and source layers in done versions), one query;
  - ``disagreeing_done`` (store/review_reads.py): the articles to adjudicate;
  - ``done_with_open``: anna's articles done with open suggestions;
  - ``review_items`` (app/review_queue.py): the whole queue as the window reads it when it
    opens, with the disputed claim groups;
  - ``updated``: the queue after a change of one article's spans (what the window reads while
    the queue is open, after every key that writes): that article's kinds and the disputes.

Budgets: the whole queue at most ``BUDGET`` times the baseline; the queue after a change at
most ``CHANGE_BUDGET`` of the whole queue. The reads must find the articles built to be found,
and the queue after the change must be the whole queue's.

    .venv/bin/python bench/bench_review.py [--articles 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Row, report, timed  # noqa: E402

BUDGET = 3.0
CHANGE_BUDGET = 0.05
ANNOTATORS = ("anna", "ben", "cem")
GROUPS = 1000
OPEN_EVERY = 250
CHUNK = 5000  # articles per executemany round
TEXT = ("{n}. Meldung: Anna Berger traf in Dresden den Bürgermeister von Görlitz, sagte "
        "Jonas Weber von der Stadtwerke Dresden GmbH am Mittwoch in Meißen. Die Stadt "
        "Leipzig prüft den Plan.")
WORDS = ("Anna Berger", "Dresden", "Görlitz", "Jonas Weber", "Stadtwerke Dresden GmbH",
         "Meißen", "Leipzig", "Mittwoch")
LABELS = ("PER", "LOC", "LOC", "PER", "ORG", "LOC", "LOC", "MISC")
SUGGESTED = ("Anna Berger", "Dresden", "Görlitz", "Meißen", "Leipzig")


def spans(text: str) -> list[tuple[str, str, int, int]]:
    """(layer, label, start, end) of a version: the entities, the claim, the source."""
    out = []
    for word, label in zip(WORDS, LABELS, strict=True):
        start = text.index(word)
        out.append(("entity", label, start, start + len(word)))
    claim = text.index("Anna")
    out.append(("claim", "CLAIM", claim, text.index(".", claim + 30) + 1))
    source = text.index("Jonas Weber")
    out.append(("source", "SOURCE", source, source + len("Jonas Weber")))
    return out


def build(path: Path, n: int, disagree_every: int) -> dict[str, int]:
    """The project; what the reads must find (articles to adjudicate, anna's done with open
    suggestions, disputed groups)."""
    from annotator.store import Project
    from annotator.store.sql import now

    stamp = now()
    project = Project.open(path)
    conn = project.db.conn
    ann = sug = 0
    claims: dict[int, list[tuple[int, int]]] = {}  # article → (annotator, claim) to group
    with project.transaction():
        conn.executemany("INSERT INTO annotators (id, name, created_at) VALUES (?, ?, ?)",
                         [(i, name, stamp) for i, name in enumerate(ANNOTATORS, start=1)])
        conn.execute("INSERT INTO models (id, name, version, added_at) "
                     "VALUES (1, 'de_bench', '1', ?)", [stamp])
        for first in range(1, n + 1, CHUNK):
            articles, versions, annotations, suggestions, decisions = [], [], [], [], []
            for i in range(first, min(first + CHUNK, n + 1)):
                text = TEXT.format(n=i)
                articles.append((i, f"bench-{i:08d}", f"Meldung {i}", stamp, len(text), text))
                mine = spans(text)
                for who in (1, 2, 3):
                    if who == 3 and i % 3:
                        continue
                    versions.append((i, who))
                    for k, (layer, label, start, end) in enumerate(mine):
                        if who == 2 and k == 2 and i % disagree_every == 0:
                            label = "ORG"
                        ann += 1
                        annotations.append((ann, i, layer, label, start, end, who,
                                            verdict(i, who, disagree_every, layer)))
                        if layer == "claim" and i <= 2 * GROUPS:
                            claims.setdefault(i, []).append((who, ann))
                for word in SUGGESTED:
                    sug += 1
                    start = text.index(word)
                    suggestions.append((sug, i, "entity", "LOC", start, start + len(word)))
                    decisions += [(sug, who) for who in (1, 2)
                                  if who == 2 or i % OPEN_EVERY or word not in SUGGESTED[:2]]
            conn.executemany("INSERT INTO articles (id, hash, title, imported_at, char_count, "
                             "text) VALUES (?, ?, ?, ?, ?, ?)", articles)
            conn.executemany("INSERT INTO versions (article_id, annotator_id, status, "
                             f"started_at, status_changed_at) VALUES (?, ?, 'done', '{stamp}', "
                             f"'{stamp}')", versions)
            conn.executemany('INSERT INTO annotations (id, article_id, layer, label, start, "end",'
                             f" annotator_id, attrs, created_at, updated_at) VALUES (?, ?, ?, ?,"
                             f" ?, ?, ?, ?, '{stamp}', '{stamp}')", annotations)
            conn.executemany('INSERT INTO suggestions (id, article_id, model_id, layer, label, '
                             f'start, "end", created_at) VALUES (?, ?, 1, ?, ?, ?, ?, '
                             f"'{stamp}')", suggestions)
            conn.executemany("INSERT INTO suggestion_decisions (suggestion_id, decision, "
                             f"annotator_id, decided_at) VALUES (?, 'accepted', ?, '{stamp}')",
                             decisions)
        conn.executemany("INSERT INTO claim_groups (id, title, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?)",
                         [(g, f"Punkt {g}", stamp, stamp) for g in range(1, GROUPS + 1)])
        conn.executemany(
            "INSERT INTO claim_group_members (group_id, annotation_id, value, annotator_id, "
            f"added_at) VALUES (?, ?, ?, ?, '{stamp}')",
            [(k // 2 + 1, claim, "Dienstag" if k % 2 and k // 2 % 10 == 0 else "Mittwoch", who)
             for k, i in enumerate(sorted(claims)) for who, claim in claims[i]])
    project.close()
    return expected(n, disagree_every)


def verdict(article: int, who: int, every: int, layer: str) -> str:
    """A claim's attributes: every version's verdict "false", but ben's "unverified" in every
    ``2 * every``-th article (half-way between two with a span differing)."""
    if layer != "claim":
        return "{}"
    return ('{"verdict": "unverified"}' if who == 2 and article % (2 * every) == every // 2
            else '{"verdict": "false"}')


def expected(n: int, every: int) -> dict[str, int]:
    """What the reads must find: articles to adjudicate (differing in a span, or only in a
    verdict), anna's done with open suggestions, disputed groups."""
    verdicts = sum(1 for i in range(1, n + 1) if i % (2 * every) == every // 2)
    return {"disagreements": n // every + verdicts, "open": n // OPEN_EVERY,
            "disputes": len(range(0, min(GROUPS, n // 2), 10))}


def measured(fn, repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of ``repeat`` runs, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(max(1, repeat)):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1e3, statistics.median(cpus) * 1e3, result


def baseline(db) -> int:
    """The rows the disagreement read compares, counted by plain SQL."""
    return db.execute(
        "SELECT count(*) FROM versions v JOIN annotations a ON a.article_id = v.article_id "
        "AND a.annotator_id = v.annotator_id WHERE v.status = 'done' "
        "AND a.layer IN ('entity', 'claim', 'source')").fetchone()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--disagree-every", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the project here (or reuse it)")
    parser.add_argument("--report-only", action="store_true", help="always exit 0")
    args = parser.parse_args()
    from annotator.app.changes import Changes, Part
    from annotator.app.review_queue import Kind, review_items, updated
    from annotator.store import Project
    from annotator.store.review_reads import disagreeing_done, done_with_open

    tmp = Path(tempfile.mkdtemp(prefix="bench-review-"))
    try:
        path = args.keep or tmp / "p.db"
        build_ms = 0.0
        n, every = args.articles, args.disagree_every
        want = expected(n, every)
        if not path.exists():
            build_ms, want = timed(build, path, n, every)
        with Project.open(path, read_only=True) as project:
            db = project.db
            rows = baseline(db)  # warm the cache alike for all
            base_ms, base_cpu, _ = measured(lambda: baseline(db), args.repeat)
            dis_ms, dis_cpu, found = measured(lambda: disagreeing_done(db, 1000), args.repeat)
            open_ms, _c, opened = measured(lambda: done_with_open(db, "anna", 1000),
                                           args.repeat)
            all_ms, all_cpu, items = measured(lambda: review_items(project, "anna"),
                                              args.repeat)
            change = Changes(frozenset({n // 2}), Part.SPANS)
            one_ms, one_cpu, after = measured(
                lambda: updated(items, project, "anna", change), args.repeat)
        size_mb = path.stat().st_size / 1e6
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    kinds = {kind: sum(item.kind is kind for item in items) for kind in Kind}
    got = {"disagreements": len(found), "open": len(opened),
           "disputes": kinds[Kind.DISPUTE]}
    table = [Row(f"baseline: count of the {rows} compared spans, plain SQL", base_ms),
             Row("disagreeing_done: articles to adjudicate", dis_ms, "baseline", base_ms),
             Row("done_with_open: anna's done with open suggestions", open_ms, "baseline",
                 base_ms),
             Row("review_items: the whole queue", all_ms, "baseline", base_ms, BUDGET),
             Row("updated: after a change of one article", one_ms, "whole queue", all_ms,
                 CHANGE_BUDGET),
             Row("  CPU time of the baseline", base_cpu),
             Row("  CPU time of disagreeing_done", dis_cpu, "baseline CPU", base_cpu),
             Row("  CPU time of the whole queue", all_cpu, "baseline CPU", base_cpu),
             Row("  CPU time after a change", one_cpu, "whole queue CPU", all_cpu)]
    extra = [f"project: {n} articles, {size_mb:.0f} MB"
             + (f", built in {build_ms / 1e3:.1f} s" if build_ms else " (kept)"),
             f"found: {got}; built to be found: {want}",
             f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"]
    wrong = ([] if got == want else ["the reads did not find what was built"]) + (
        [] if after == items else ["the queue after the change is not the whole queue"])
    code = report(f"bench_review: the review queue at {n} articles", table, extra, wrong)
    return 0 if args.report_only else code


if __name__ == "__main__":
    raise SystemExit(main())
