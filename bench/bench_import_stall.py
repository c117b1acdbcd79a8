"""Benchmark: how long the GUI thread stalls while a background import writes to the project.

Builds a corpus in a temporary folder (``--files`` plain-text articles of ~``--words`` words, one
JSONL file with ``--tasks`` tasks, ``--pages`` copies of the test HTML page; defaults 100, 2,000,
5 and 600) and a project that already holds ``--articles`` (200) articles. Then, offscreen,
with a real ``QApplication``:

  - a heartbeat ``QTimer`` fires every 5 ms on the GUI thread and records the gaps between its
    ticks;
  - every 50 ms the GUI thread does what the window does while a user labels: read a page of
    the article list and the open article, then write one annotation and delete it again
    (each in its own transaction on the GUI's own connection, as the session does);
  - the import job (``import_job``, as Ctrl+I starts it, without entity suggestions unless
    ``--suggest``) runs on the ``TaskRunner``'s worker thread.

The baseline is the same GUI work for the same time with no import running. Printed: the
longest gap, the 99th percentile gap and the longest GUI write (wait for the write lock
included), idle and during the import. Budget: the longest gap during the import may be at most
``STALL_BUDGET`` times the idle 99th percentile gap (9-13 ms here; the idle longest gap follows
the machine's other load too closely to be a baseline). Figures: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, Row, offscreen, report

STALL_BUDGET = 20.0
TICK_MS = 5
USER_MS = 50
WORDS = [
    "Bürgermeisterin", "Stadtrat", "Vertrag", "Dresden", "Prag", "Abkommen", "Elbe",
    "Hochwasser", "sagte", "erklärte", "Mittwoch", "Donnerstag", "Regierung", "Minister",
    "Sprecher", "Polizei", "Gericht", "Zeugen", "Bericht", "Zahlen", "Millionen", "Euro",
    "Jahre", "Prozent", "Bahn", "Streik", "Schule", "Kinder", "Eltern", "Klinik", "Ärzte"
]


def article(rng: random.Random, n: int, words: int) -> str:
    """A German-like article: title, date line, dateline, sentences of 8-20 words."""
    body, count = [], 0
    while count < words:
        size = rng.randint(8, 20)
        body.append(" ".join(rng.choice(WORDS) for _ in range(size)).capitalize() + ".")
        count += size
    paragraphs = [" ".join(body[i:i + 4]) for i in range(0, len(body), 4)]
    return (f"Meldung {n}: {rng.choice(WORDS)} und {rng.choice(WORDS)}\n\n23. Oktober 2024\n\n"
            f"Dresden (dpa) – " + "\n\n".join(paragraphs) + "\n")


def build_corpus(folder: Path, files: int, tasks: int, pages: int, words: int) -> list[Path]:
    """Text files, one JSONL file and HTML pages, all different."""
    rng = random.Random(1)
    folder.mkdir(parents=True)
    for n in range(files):
        (folder / f"{n:05d}.txt").write_text(article(rng, n, words), encoding="utf-8")
    with (folder / "tasks.jsonl").open("w", encoding="utf-8") as out:
        for n in range(tasks):
            out.write(json.dumps({"text": article(rng, files + n, words)}, ensure_ascii=False)
                      + "\n")
    page = (ROOT / "tests" / "data" / "io" / "news_article.html").read_text(encoding="utf-8")
    for n in range(pages):
        marker = f"Hamburg (dpa) – Meldung {n}: Wegen"
        (folder / f"page{n:03d}.html").write_text(page.replace("Hamburg (dpa) – Wegen", marker),
                                                  encoding="utf-8")
    return [folder]


class GuiProbe:
    """Heartbeat and simulated user work on the GUI thread."""

    def __init__(self, project) -> None:
        from PySide6.QtCore import QTimer

        self.project = project
        self.gaps: list[float] = []
        self.writes: list[float] = []
        self.last = time.perf_counter()
        self.heart = QTimer()
        self.heart.setInterval(TICK_MS)
        self.heart.timeout.connect(self.beat)
        self.user = QTimer()
        self.user.setInterval(USER_MS)
        self.user.timeout.connect(self.work)

    def start(self) -> None:
        self.gaps.clear()
        self.writes.clear()
        self.last = time.perf_counter()
        self.heart.start()
        self.user.start()

    def stop(self) -> None:
        self.heart.stop()
        self.user.stop()

    def beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1e3)
        self.last = now

    def work(self) -> None:
        from annotator.core.model import Layer, Span

        project = self.project
        project.list_articles(limit=200)
        first = project.list_articles(limit=1)[0]
        project.article(first.id)
        t0 = time.perf_counter()
        with project.transaction():
            ann = project.add_annotation(first.id, Layer.ENTITY, Span(0, 1, "PER"), "bench")
        with project.transaction():
            project.delete_annotation(ann)
        self.writes.append((time.perf_counter() - t0) * 1e3)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--suggest", action="store_true", help="also run entity suggestions")
    parser.add_argument("--report-only", action="store_true", help="always exit 0")
    args = parser.parse_args()
    offscreen()
    from _common import sandbox_settings
    from PySide6.QtWidgets import QApplication

    from annotator.app.importing import ImportReport, import_files
    from annotator.app.jobs import import_job
    from annotator.app.tasks import TaskRunner, project_task
    from annotator.store import Project

    app = QApplication.instance() or QApplication(sys.argv)
    sandbox_settings()
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-stall-"))
    try:
        rng = random.Random(2)
        seed = tmp / "seed"
        seed.mkdir()
        for n in range(args.articles):
            (seed / f"{n:05d}.txt").write_text(article(rng, -n - 1, 200), encoding="utf-8")
        db = tmp / "p.db"
        with Project.open(db) as project:
            import_files(project, [seed])
        paths = build_corpus(tmp / "in", args.files, args.tasks, args.pages, args.words)
        gui = Project.open(db, create=False)
        probe = GuiProbe(gui)
        runner = TaskRunner()

        t0 = time.perf_counter()
        probe.start()
        # A model that cannot load skips the suggestions (the job notes it and goes on).
        model = None if args.suggest else str(tmp / "no-model")
        task = runner.start(project_task(db, import_job(paths, model), "Import"))
        while task.is_active():
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        probe.stop()
        busy_s = time.perf_counter() - t0
        busy_gaps, busy_writes = list(probe.gaps), list(probe.writes)
        result = task.result
        summary = (ImportReport.summary(result) if result else task.error) + (
            "" if args.suggest else " (no entity suggestions)")

        probe.start()
        end = time.perf_counter() + min(busy_s, 10.0)
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
        probe.stop()
        idle_gaps, idle_writes = list(probe.gaps), list(probe.writes)
        gui.close()
        runner.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    idle_p99 = percentile(idle_gaps, 0.99)
    rows = [
        Row("idle: longest heartbeat gap", max(idle_gaps)),
        Row("idle: 99th percentile gap", idle_p99),
        Row("idle: longest GUI write (add + delete)", max(idle_writes)),
        Row("import: longest heartbeat gap", max(busy_gaps), "idle 99th pct gap", idle_p99,
            STALL_BUDGET),
        Row("import: 99th percentile gap", percentile(busy_gaps, 0.99)),
        Row("import: longest GUI write (add + delete)", max(busy_writes)),
    ]
    extra = [f"import ran {busy_s:.1f} s: {summary}",
             f"heartbeats {len(busy_gaps)} (every {TICK_MS} ms), GUI writes {len(busy_writes)}"]
    code = report(f"bench_import_stall: {args.files} text files, {args.tasks} JSONL tasks, "
                  f"{args.pages} pages of ~{args.words} words", rows, extra)
    return 0 if args.report_only else code


if __name__ == "__main__":
    raise SystemExit(main())
