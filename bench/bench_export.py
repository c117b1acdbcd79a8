"""Benchmark: exporting a project of many pre-annotated articles (default 10,000) to a spaCy
DocBin folder and to JSONL, against the bare libraries doing the same in the same run.

Builds a project of N articles of the bulk corpus (``_bulk.py``: ~400 words, ~25 entity spans
each, the spans stored as an import stores them, plus the two zones the rules suggest on
import: a headline and a dateline), all marked done. Rows go straight in with ``executemany``
in one transaction (the FTS5 triggers index every article), so that a 100,000-article project
takes minutes, not the import's time. ``--project FILE`` keeps it and reuses it on the next run.

Then, each in a fresh child process (``run_measured``: wall time and the child's own peak
memory; and its CPU time, which the budgets judge: on a shared machine wall time also counts
the time a child waits for a core, and other jobs come and go over minutes):

  - ``annotator export P -f spacy -o OUT`` against a bare script that reads the same entity
    spans with one query and builds the DocBins with spaCy itself: a blank German pipeline's
    tokenizer, ``doc.set_ents``, one ``DocBin`` per 1,000 documents or 200,000 tokens written
    as it fills (the export's own shards), into one folder;
  - ``annotator export P -f jsonl -o OUT`` against a bare script that reads the same rows with
    one query and writes ``json.dumps`` of each article's task: text, meta, the spans with
    their token positions and the tokens, from the same blank German tokenizer (the export's
    lines carry tokens, so the baseline makes them too). ``json.dumps`` of the rows without
    tokens is printed for information.

Budgets: DocBin export ≤ 1.3× its baseline and ≤ 400 MB peak memory (at every size: the export
streams shard by shard); JSONL export ≤ 2× its baseline. Figures: docs/performance.md.

Exit status: 0 when every budget is met, 1 when one is exceeded; ``--report-only`` prints the
same verdict but exits 0 (tests/test_bench_smoke.py).

    .venv/bin/python bench/bench_export.py [--articles 10000] [--project /tmp/p10k.db]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bulk import articles  # noqa: E402
from _common import Row, report, run_measured  # noqa: E402

from annotator.io.docbin import SHARD_DOCS, SHARD_TOKENS  # noqa: E402

DOCBIN_BUDGET, JSONL_BUDGET, PEAK_MB = 1.3, 2.0, 400.0
ZONE_MODEL = ("zone-rules", "1")

_ROWS = """
import sqlite3, sys
from itertools import groupby
db = sqlite3.connect(sys.argv[1])
rows = db.execute('''SELECT a.id, a.text, a.title, a.outlet, a.published, n.start, n."end",
    n.label FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
    AND n.layer = 'entity' WHERE a.status = 'done' ORDER BY a.id, n.start, n."end", n.id''')
def articles():
    for _, group in groupby(rows, key=lambda r: r[0]):
        group = list(group)
        yield group[0][1:5], [r[5:] for r in group if r[5] is not None]
"""

DOCBIN_BASELINE = _ROWS + """
import os, spacy
from spacy.tokens import DocBin
nlp = spacy.blank("de")
out = os.path.join(sys.argv[2], "all")
os.makedirs(out)
docbin, shard, tokens = DocBin(), 0, 0
def flush():
    global docbin, shard, tokens
    shard += 1
    docbin.to_disk(os.path.join(out, f"{shard:06d}.spacy"))
    docbin, tokens = DocBin(), 0
for (text, *_), spans in articles():
    doc = nlp.make_doc(text)
    ents = [doc.char_span(s, e, label, alignment_mode="contract") for s, e, label in spans]
    doc.set_ents([e for e in ents if e is not None], default="outside")
    docbin.add(doc)
    tokens += len(doc)
    if len(docbin) == int(sys.argv[3]) or tokens >= int(sys.argv[4]):
        flush()
if len(docbin):
    flush()
"""

JSONL_BASELINE = _ROWS + """
import json, os
tokens = sys.argv[3] == "tokens"
if tokens:
    import spacy
    nlp = spacy.blank("de")
with open(os.path.join(sys.argv[2], "all.jsonl"), "w", encoding="utf-8") as out:
    for (text, title, outlet, published), spans in articles():
        task = {"text": text, "meta": {"title": title, "outlet": outlet,
                                       "published": published},
                "spans": [{"start": s, "end": e, "label": label} for s, e, label in spans]}
        if tokens:
            doc = nlp.make_doc(text)
            task["tokens"] = [{"text": t.text, "start": t.idx, "end": t.idx + len(t),
                               "id": t.i, "ws": bool(t.whitespace_)} for t in doc]
            for span, record in zip(spans, task["spans"]):
                found = doc.char_span(span[0], span[1], alignment_mode="contract")
                if found is not None:
                    record["token_start"], record["token_end"] = found.start, found.end - 1
        out.write(json.dumps(task, ensure_ascii=False, sort_keys=True) + "\\n")
"""

EXPORT = "from annotator.cli import main; main()"


def build_project(path: Path, n: int, seed: int) -> None:
    """N done articles of the bulk corpus with their entity spans and two zone suggestions,
    written with ``executemany`` in one transaction."""
    from annotator.core.hashing import content_hash
    from annotator.core.model import ModelInfo
    from annotator.store import Project
    from annotator.store.sql import now

    stamp = now()
    with Project.open(path) as project:
        who = project.annotator_id("import")
        model = project.model_id(ModelInfo(*ZONE_MODEL))
        conn = project.db.conn
        with project.transaction():
            first = (conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
                     + 1)
            spans, zones = [], []
            for number, art in enumerate(articles(n, seed)):
                article_id = first + number
                conn.execute(
                    "INSERT INTO articles (id, hash, title, outlet, published, language, meta, "
                    "source_path, status, status_changed_at, imported_at, char_count, text) "
                    "VALUES (?, ?, ?, ?, ?, 'de', '{}', ?, 'done', ?, ?, ?, ?)",
                    (article_id, content_hash(art.text), art.title, art.outlet, art.published,
                     f"bulk.jsonl:{number + 1}", stamp, stamp, len(art.text), art.text))
                spans += [(article_id, label, start, end, who, stamp, stamp)
                          for start, end, label in art.spans]
                dateline = art.text.index(" – ", len(art.title)) + 2
                zones += [(article_id, model, "HEADLINE", 0, len(art.title), stamp),
                          (article_id, model, "DATELINE", len(art.title) + 2, dateline, stamp)]
                if len(spans) > 50_000:
                    _spans_and_zones(conn, spans, zones)
            _spans_and_zones(conn, spans, zones)
        project.db.execute("ANALYZE")


def _spans_and_zones(conn, spans: list, zones: list) -> None:
    conn.executemany(
        'INSERT INTO annotations (article_id, layer, label, start, "end", annotator_id, '
        "attrs, created_at, updated_at) VALUES (?, 'entity', ?, ?, ?, ?, '{}', ?, ?)", spans)
    conn.executemany(
        'INSERT INTO suggestions (article_id, model_id, layer, label, start, "end", '
        "created_at) VALUES (?, ?, 'structure', ?, ?, ?, ?)", zones)
    spans.clear()
    zones.clear()


def measured(code: str, *args: str) -> tuple[float, float, float]:
    """``run_measured`` plus the child's CPU time: (wall ms, CPU ms, peak MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, peak, _ = run_measured(code, *args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1e3
    return wall, cpu, peak


def measure(db: Path, work: Path, n: int, repeat: int = 1
            ) -> tuple[list[Row], list[str], list[str]]:
    """The four children (and the informative one), each pair run one after the other,
    ``repeat`` times (the fastest run of each counts); rows, extra lines, exceeded budgets."""
    runs: dict[str, tuple[float, float, float]] = {}
    for attempt in range(repeat):
        for name, code, args in [
            ("spacy", EXPORT, ["export", str(db), "-f", "spacy", "-o"]),
            ("spacy baseline", DOCBIN_BASELINE, [str(db)]),
            ("jsonl", EXPORT, ["export", str(db), "-f", "jsonl", "-o"]),
            ("jsonl baseline", JSONL_BASELINE, [str(db)]),
            ("jsonl dumps only", JSONL_BASELINE, [str(db)]),
        ]:
            out = work / f"{name.replace(' ', '-')}-{attempt}"
            if code is not EXPORT:
                out.mkdir()
            extra = {"spacy baseline": [str(SHARD_DOCS), str(SHARD_TOKENS)],
                 "jsonl baseline": ["tokens"],
                     "jsonl dumps only": ["none"]}.get(name, [])
            run = measured(code, *args, str(out), *extra)
            runs[name] = min(runs.get(name, run), run, key=lambda r: r[1])
    work = work / "spacy-0"
    size = sum(p.stat().st_size for p in work.rglob("*.spacy"))
    shards = len(list(work.rglob("*.spacy")))
    spacy, spacy_base = runs["spacy"], runs["spacy baseline"]
    jsonl, jsonl_base = runs["jsonl"], runs["jsonl baseline"]
    rows = [
        Row("DocBin export, CPU (annotator export -f spacy)", spacy[1],
            "spaCy DocBins from one query", spacy_base[1], DOCBIN_BUDGET,
            f"peak {spacy[2]:.0f} MB (baseline {spacy_base[2]:.0f} MB)"),
        Row("  wall time, DocBin", spacy[0], "the same, wall", spacy_base[0]),
        Row("JSONL export, CPU (annotator export -f jsonl)", jsonl[1],
            "json.dumps + tokens, one query", jsonl_base[1], JSONL_BUDGET,
            f"peak {jsonl[2]:.0f} MB (baseline {jsonl_base[2]:.0f} MB)"),
        Row("  wall time, JSONL", jsonl[0], "the same, wall", jsonl_base[0]),
        Row("  json.dumps of the rows alone (no tokens), CPU", runs["jsonl dumps only"][1],
            note=f"peak {runs['jsonl dumps only'][2]:.0f} MB"),
    ]
    lines = [f"DocBin export: {shards} shards, {size / 2**20:.1f} MB; CPU per article "
             f"{spacy[1] / max(n, 1):.2f} ms (baseline {spacy_base[1] / max(n, 1):.2f} ms)",
             f"peak memory: DocBin export {spacy[2]:.0f} MB, JSONL export {jsonl[2]:.0f} MB "
             f"(budget {PEAK_MB:.0f} MB for the DocBin export)"]
    exceeded = ([f"DocBin export peak memory {spacy[2]:.0f} MB > {PEAK_MB:.0f} MB"]
                if spacy[2] > PEAK_MB else [])
    return rows, lines, exceeded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each pair this many times; the fastest run counts")
    parser.add_argument("--project", type=Path,
                        help="keep the generated project here and reuse it when it exists")
    parser.add_argument("--report-only", action="store_true",
                        help="exit 0 whatever the ratios (the smoke test)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        db = args.project or Path(tmp) / "project.db"
        t0 = time.perf_counter()
        if not db.exists():
            build_project(db, args.articles, args.seed)
        built = time.perf_counter() - t0
        rows, lines, exceeded = measure(db, Path(tmp), args.articles, args.repeat)
    title = (f"bench_export: {args.articles} articles, shards of {SHARD_DOCS} documents or "
             f"{SHARD_TOKENS:,} tokens "
             f"(project built or found in {built:.1f} s)")
    code = report(title, rows, lines, exceeded)
    return 0 if args.report_only else code


if __name__ == "__main__":
    sys.exit(main())
