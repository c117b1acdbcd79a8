"""The benchmarks in bench/ run and print their tables (tiny sizes; nothing here is timed).

Speed targets live in the benchmarks as ratios against a baseline of the same run; this test only
proves the scripts still work against the current code. ``--report-only`` makes them exit 0
whatever the ratios are, so that a slow or busy machine cannot fail the test suite.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def run_bench(script: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args, "--report-only"],
        capture_output=True, text=True, env=env, timeout=120, cwd=BENCH.parent,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def assert_rows(out: str, rows: list[str]) -> None:
    for row in rows:
        assert any(line.startswith(row) for line in out.splitlines()), (
            f"row {row!r} missing from the table:\n{out}")


def table(out: str) -> list[tuple[str, str]]:
    """The rows of the printed table: (measurement, status), status "ok", "OVER" or "-"."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("measurement"))
    head = lines[at]
    name_w = head.index("ms  baseline") + 2 - 9 - 2  # then "  " and "ms" right-aligned in 9
    status_at = head.index("status")
    rows = []
    for line in lines[at + 2:]:
        if not re.fullmatch(r" {2} *\d+\.\d\d", line[name_w:name_w + 11]):
            break  # the lines after the table
        rows.append((line[:name_w].rstrip(), line[status_at:].split("  ")[0]))
    return rows


def assert_verdict(out: str) -> None:
    """One verdict, and the one the table calls for: every row over its budget is named as
    exceeded; "all budgets met" exactly when nothing is."""
    rows = table(out)
    assert rows and {status for _, status in rows} <= {"ok", "OVER", "-"}, out
    assert any(status != "-" for _, status in rows), f"no row has a budget:\n{out}"
    lines = out.splitlines()
    exceeded = [line.removeprefix("BUDGET EXCEEDED: ") for line in lines
                if line.startswith("BUDGET EXCEEDED: ")]
    for name, status in rows:
        if status == "OVER":
            assert any(m.startswith(f"{name}: ") for m in exceeded), f"{name} not named:\n{out}"
    if exceeded:
        assert "all budgets met" not in lines, out
    else:
        assert lines[-1] == "all budgets met" and lines.count(lines[-1]) == 1, out


@pytest.mark.parametrize("script", ["bench_article.py", "bench_project.py",
                                    "bench_import_stall.py", "bench_sentences.py",
                                    "bench_suggest.py", "bench_text.py", "bench_index.py",
                                    "bench_window.py", "bench_import.py",
                                    "bench_agreement.py", "bench_merge.py",
                                    "bench_review.py"])
def test_bench_help(script: str) -> None:
    out = run_bench(script, "--help")
    assert "--report-only" in out


def test_bench_article_runs_and_prints_its_table() -> None:
    out = run_bench("bench_article.py", "--words", "2000", "--spans", "200", "--repeat", "1")
    assert "bench_article:" in out and "measurement" in out
    assert_rows(out, [
        "(a) baseline: bare setPlainText + first paint",
        "(b) open article in MainWindow + first paint",
        "(c) scroll, worst frame",
        "(c) scroll, median frame",
        "(d) edit: add span via Session + repaint",
        "(d) edit: undo + repaint",
        "(e) ArticleState.load",
    ])
    assert_verdict(out)


def test_bench_project_runs_and_prints_its_table() -> None:
    out = run_bench("bench_project.py", "--articles", "2000", "--repeat", "1")
    assert "bench_project: 2000 articles" in out
    assert_rows(out, [
        "baseline: SELECT id FROM articles LIMIT 200",
        "model first page",
        "list_articles page 10",
        "count_articles, status filter",
        "FTS rare word: count",
        "FTS common word: count",
        "position() of article",
        "select_article(",
    ])
    # The lazy model holds pages, never the whole project (a count, not a time).
    (held,) = [line for line in out.splitlines() if line.startswith("model rows held")]
    assert "of 2000" in held and held.endswith(" ok"), held
    assert_verdict(out)


def test_bench_import_stall_runs_and_prints_its_table() -> None:
    out = run_bench("bench_import_stall.py", "--files", "5", "--tasks", "20", "--pages", "1",
                    "--articles", "5", "--words", "100")
    assert "bench_import_stall: 5 text files, 20 JSONL tasks" in out
    assert_rows(out, ["idle: longest heartbeat gap", "import: longest heartbeat gap",
                      "import: longest GUI write (add + delete)"])
    assert "26 imported, 0 skipped (already in the project), 0 failed" in out
    assert_verdict(out)


def test_bench_suggest_runs_and_prints_its_table() -> None:
    out = run_bench("bench_suggest.py", "--articles", "6", "--repeat", "1")
    assert "bench_suggest: 6 articles" in out
    assert_rows(out, ["import 6 with suggestions", "raw nlp.pipe n_process=",
                      "raw nlp.pipe, one process"])
    assert "import: 6 imported, 0 skipped (already in the project), 0 failed; " in out
    assert_verdict(out)


def test_bench_sentences_runs_and_prints_its_table() -> None:
    out = run_bench("bench_sentences.py", "--words", "2000", "--repeat", "1")
    assert "bench_sentences: 2000 words" in out
    assert_rows(out, ["baseline: old splitter, whole article", "split_sentences, whole article",
                      "sentence_around at 20", "  the same, article as one line"])
    assert_verdict(out)


def test_bench_text_runs_and_prints_its_table() -> None:
    out = run_bench("bench_text.py", "--words", "2000", "--repeat", "1")
    assert "bench_text:" in out and "zones" in out
    assert_rows(out, [
        'findall(r"\\w+")',
        "suggest_zones + derive_meta",
        "suggest_zones alone",
        "derive_meta alone",
        "live ticker: suggest_zones + derive_meta",
    ])
    assert_verdict(out)


def test_bench_index_runs_and_prints_its_table() -> None:
    out = run_bench("bench_index.py", "--articles", "60", "--repeat", "1")
    assert "bench_index: 60 articles" in out
    assert_rows(out, ["baseline: numpy dot", "build the index from nothing (child)",
                      "start from the cache (child)", "tfidf query: Matcher.candidates top 5",
                      "catch up: one article added, one deleted"])
    (sizes,) = [line for line in out.splitlines() if "sentences indexed" in line]
    assert "cache beside the project" in sizes and "build peak" in sizes
    assert_verdict(out)


def test_bench_window_runs_and_prints_its_table(tmp_path: Path) -> None:
    out = run_bench("bench_window.py", "--articles", "300", "--small", "0", "--repeat", "1",
                    "--no-index", "--cache", str(tmp_path))
    assert "bench_window: 300 articles" in out
    assert_rows(out, [
        "(a) bare QMainWindow + empty QTableView",
        "(b0) annotator open, project without articles",
        "(b) annotator open on 300 articles",
        "  part: (b) until MainWindow is made",
        "(b) started from Python, not by the command",
    ])
    (memory,) = [line for line in out.splitlines() if line.startswith("(c) memory at")]
    assert memory.startswith("(c) memory at 300 articles") and "not started" in memory, out
    assert_verdict(out)


def test_bench_export_runs_and_prints_its_table() -> None:
    assert "--report-only" in run_bench("bench_export.py", "--help")
    out = run_bench("bench_export.py", "--articles", "12")
    assert "bench_export: 12 articles, shards of 1000" in out
    assert_rows(out, ["DocBin export, CPU (annotator export -f spacy)", "  wall time, DocBin",
                      "JSONL export, CPU (annotator export -f jsonl)", "  wall time, JSONL",
                      "  json.dumps of the rows alone (no tokens), CPU"])
    # One shard holds all 12 documents; peak memory is printed (a figure, not a time).
    assert any(line.startswith("DocBin export: 1 shards, ") for line in out.splitlines()), out
    assert any(line.startswith("peak memory: DocBin export ") for line in out.splitlines()), out
    assert_verdict(out)


def test_bench_import_runs_and_prints_its_table() -> None:
    out = run_bench("bench_import.py", "--articles", "50")
    assert "bench_import: 50 pre-annotated articles" in out
    assert_rows(out, ["bare: json.loads + sqlite3 executemany + FTS5, 50 articles",
                      "annotator import --no-suggest, 50 articles",
                      "  later: annotator zones --pending (50 articles)",
                      "another connection: longest wait for the write lock"])
    assert "import: 50 imported, 0 skipped (already in the project), 0 failed" in out
    assert "bare stored 50)" in out and "peak memory: import " in out
    assert "CPU an article, one process, first 50 articles (ms): reading " in out
    assert "zone rules " in out and " storing " in out and "pass storing " in out
    assert_verdict(out)


def test_bench_agreement_runs_and_prints_its_table() -> None:
    out = run_bench("bench_agreement.py", "--articles", "40", "--repeat", "1")
    assert "bench_agreement: 40 articles, 3 annotators" in out
    assert_rows(out, ["baseline: exact-span F1, numpy, 40 articles",
                      "measure: every figure, 40 articles x 3 annotators",
                      "  CPU time of measure"])
    # the use case's exact F1 is the plain baseline's, pair by pair and layer by layer
    assert "same exact F1 as the baseline: yes" in out
    assert_verdict(out)


def test_bench_merge_runs_and_prints_its_table() -> None:
    out = run_bench("bench_merge.py", "--articles", "30", "--repeat", "1")
    assert "bench_merge: two files of 30 articles" in out
    assert_rows(out, ["baseline: ATTACH + INSERT ... SELECT, 30 articles",
                      "merge: 30 articles, one annotator's versions",
                      "  CPU time of merge"])
    # the use case leaves ben's annotations in the target exactly as the plain SQL does
    assert "same annotations as the baseline: yes" in out
    assert_verdict(out)


def test_bench_review_runs_and_prints_its_table() -> None:
    out = run_bench("bench_review.py", "--articles", "600", "--repeat", "1")
    assert "bench_review: the review queue at 600 articles" in out
    assert_rows(out, ["baseline: count of the 14000 compared spans, plain SQL",
                      "review_items: the whole queue", "updated: after a change of one article",
                      "  CPU time of the whole queue"])
    # the reads find what was built (3 articles differing in a span, 2 only in a verdict); the
    # queue after a change is the whole queue
    assert ("found: {'disagreements': 5, 'open': 2, 'disputes': 30}; built to be found: "
            "{'disagreements': 5, 'open': 2, 'disputes': 30}") in out
    assert "the queue after the change is not the whole queue" not in out
    assert_verdict(out)
