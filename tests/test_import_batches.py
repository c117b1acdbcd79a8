"""Importing in batches: one transaction for many articles, and still what importing article by
article stored, with its guarantees: a bad article fails alone, a duplicate is skipped, a
cancel or a kill leaves whole batches.

``tests/data/import_golden.json`` is the dump (tests/import_corpus.py) of the mixed corpus as
the article-by-article import stored it, before imports wrote in batches: every row of every
table an import writes (ids, who made each span and when, zones, sentences, labels and their
order), the report's lines, and what a search finds.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from annotator.app import import_batches, importing
from annotator.app.import_batches import BatchSize
from annotator.app.importing import import_files
from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer, Span
from annotator.nlp.sentences import split_sentences
from annotator.store import Project, connection
from tests.import_corpus import DATA, ROCKET, dump, plain_report, write_corpus

GOLDEN = DATA / "import_golden.json"
ROOT = Path(__file__).resolve().parents[1]


def import_corpus(tmp_path: Path) -> dict:
    folder = tmp_path / "corpus"
    paths = write_corpus(folder)
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, paths)
        got = {"report": plain_report(report, folder), "dump": dump(project, folder)}
    return json.loads(json.dumps(got, ensure_ascii=False))  # tuples → lists, as in the file


def assert_golden(got: dict) -> None:
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got["report"] == want["report"]
    for table, rows in want["dump"].items():
        assert got["dump"][table] == rows, table


def test_a_mixed_corpus_is_stored_as_article_by_article(tmp_path: Path) -> None:
    assert_golden(import_corpus(tmp_path))


@pytest.mark.parametrize("workers", [0, 1])
def test_small_batches_prepared_here_or_in_workers_store_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    monkeypatch.setattr(importing, "BATCH", 2)
    monkeypatch.setattr(import_batches, "POOL_AFTER", 0)
    monkeypatch.setattr(import_batches.Preparer.__init__, "__defaults__", (workers,))
    assert_golden(import_corpus(tmp_path))


def transactions(project: Project) -> list[str]:
    """The statements that take the write lock, as the project runs them."""
    seen: list[str] = []
    project.db.conn.set_trace_callback(seen.append)
    return seen


def fake_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, drafts: list[ArticleDraft]
              ) -> Path:
    """A file the import reads as these drafts, as if a reader had passed them."""
    path = tmp_path / "given.jsonl"
    path.write_text("{}\n", encoding="utf-8")

    def read(target: Path) -> Iterator[ArticleDraft]:
        assert target == path
        yield from drafts

    monkeypatch.setattr(importing, "iter_file", read)
    return path


def draft(n: int, **fields: object) -> ArticleDraft:
    text = f"Meldung {n}\n\nDresden (dpa) – Anna Berger sagte am Mittwoch {n} Sätze. Dann ging sie."
    return ArticleDraft(text=text, source_path=f"given.jsonl:{n}",
                        spans=[Span(text.index("Anna"), text.index("Anna") + 11, "PER")],
                        **fields)  # type: ignore[arg-type]


def test_a_bad_article_in_a_batch_fails_alone_and_the_rest_is_one_transaction(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = draft(2)
    bad.spans = [Span(3, 400, "PER")]  # a reader that let it through
    path = fake_file(monkeypatch, tmp_path, [draft(1), bad, draft(3), draft(4)])
    with Project.open(tmp_path / "p.db") as project:
        statements = transactions(project)
        report = import_files(project, [path])
        assert report.failed == ["given.jsonl:2: span 3-400 does not fit a text of "
                                 f"{len(bad.text)} characters"]
        assert len(report.imported) == 3
        assert statements.count("BEGIN IMMEDIATE") == 1
        for article_id in report.imported:
            (ann,) = project.annotations(article_id)
            assert project.article(article_id).text[ann.start:ann.end] == "Anna Berger"
            assert project.matching.sentences(article_id=article_id)


def test_an_article_the_store_refuses_is_found_by_storing_the_batch_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def claim(n: int, links: list[DocLink]) -> ArticleDraft:
        d = draft(n)
        start = d.text.index("sagte")
        d.annotations = [DocSpan("T1", Layer.CLAIM, start, len(d.text) - 1, "CLAIM"),
                         DocSpan("T2", Layer.SOURCE, d.spans[0].start, d.spans[0].end,
                                 "SOURCE")]
        d.links = links
        return d

    twice = [DocLink("T1", "T2"), DocLink("T1", "T2")]  # the same link twice: UNIQUE refuses it
    path = fake_file(monkeypatch, tmp_path, [claim(1, twice[:1]), claim(2, twice), draft(3)])
    with Project.open(tmp_path / "p.db") as project:
        statements = transactions(project)
        report = import_files(project, [path])
        (failure,) = report.failed
        assert failure.startswith("given.jsonl:2: UNIQUE constraint failed: links.")
        assert len(report.imported) == 2
        assert statements.count("BEGIN IMMEDIATE") == 1 + 3  # the batch, then one by one
        assert statements.count("ROLLBACK") == 2  # the batch, then the bad article
        first, third = report.imported
        assert len(project.links(first)) == 1 and project.annotations(third)
        assert project.count_articles() == 2


def test_duplicates_inside_one_batch_and_with_the_project_are_skipped(tmp_path: Path) -> None:
    texts = ["Erster Text. Mit zwei Sätzen.", "Zweiter Text. Auch zwei.", "Erster Text. Mit zwei "
             "Sätzen.", "Schon da. Aus einem früheren Import.", "Zweiter Text. Auch zwei. "]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        (earlier,) = project.add_article(ArticleDraft(text=texts[3], title="Früher")),
        statements = transactions(project)
        report = import_files(project, [path])
        first, second = report.imported
        assert report.skipped == [f"{path}:3: same text as article {first}, skipped",
                                  f"{path}:4: same text as article {earlier}, skipped",
                                  f"{path}:5: same text as article {second}, skipped"]
        assert statements.count("BEGIN IMMEDIATE") == 1
        assert project.count_articles() == 3


def test_astral_characters_before_spans_keep_them_exact(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    tasks = [{"text": ROCKET, "spans": [{"start": ROCKET.index("Jana"), "label": "PER",
                                         "end": ROCKET.index("Jana") + len("Jana Lindqvist")}]},
             {"text": "🙂" * 3 + ROCKET, "spans": [{"start": 3 + ROCKET.rindex("Bremen"),
                                                    "end": 9 + ROCKET.rindex("Bremen"),
                                                    "label": "LOC"}]}]
    path.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in tasks),
                    encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [path])
        found = [(project.article(a).text[n.start:n.end], n.label)
                 for a in report.imported for n in project.annotations(a)]
        assert found == [("Jana Lindqvist", "PER"), ("Bremen", "LOC")]
        for a in report.imported:
            text = project.article(a).text
            assert all(text[s.start:s.end].strip() == text[s.start:s.end]
                       for s in project.matching.sentences(article_id=a))


def test_a_cancel_between_batches_leaves_whole_batches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 2)
    monkeypatch.setattr(import_batches, "HOLD_MS", 1e9)  # however slow the machine
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Text {n}. Mit Satz {n}.", "spans": [
        {"start": 0, "end": 4, "label": "MISC"}]}) for n in range(7)), encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        said: list[str] = []
        report = import_files(project, [path], progress=lambda n, m: said.append(m),
                              cancelled=lambda: len(said) >= 1)
        assert len(report.imported) == 2 and len(said) == 2
        assert project.count_articles() == 2
        for article_id in report.imported:
            text = project.article(article_id).text
            assert [(n.start, n.end) for n in project.annotations(article_id)] == [(0, 4)]
            assert [(s.start, s.end) for s in project.matching.sentences(
                article_id=article_id)] == split_sentences(text)


def test_a_kill_inside_a_batch_leaves_the_batches_before_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Text {n}. Mit Satz {n}.", "spans": [
        {"start": 0, "end": 4, "label": "MISC"}]}) for n in range(6)), encoding="utf-8")
    db = tmp_path / "p.db"
    script = ("import os, signal, sys\n"
              "from annotator.app import import_batches, importing\n"
              "from annotator.store import Project\n"
              "importing.BATCH = 2\n"
              "import_batches.HOLD_MS = 1e9\n"
              "project = Project.open(sys.argv[1])\n"
              "batches = []\n"
              "def trace(sql):\n"  # the third batch's sentences: its rows written, uncommitted
              "    batches.extend([sql] if sql == 'BEGIN IMMEDIATE' else [])\n"
              "    if len(batches) == 3 and sql.startswith('INSERT INTO sentences'):\n"
              "        os.kill(os.getpid(), signal.SIGKILL)\n"
              "project.db.conn.set_trace_callback(trace)\n"
              "importing.import_files(project, [sys.argv[2]])\n")
    done = subprocess.run([sys.executable, "-c", script, str(db), str(path)], timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == -signal.SIGKILL
    with Project.open(db, create=False) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert project.count_articles() == 4
        for article_id in (1, 2, 3, 4):
            assert len(project.annotations(article_id)) == 1
            assert project.matching.sentences(article_id=article_id)


def test_workers_that_cannot_start_leave_the_preparing_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        """A pool whose workers died (a script without ``if __name__ == "__main__"``)."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def submit(self, *args: object) -> Future:
            future: Future = Future()
            future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(import_batches, "ProcessPoolExecutor", Broken)
    monkeypatch.setattr(import_batches, "POOL_AFTER", 0)
    monkeypatch.setattr(import_batches.Preparer.__init__, "__defaults__", (1,))
    monkeypatch.setattr(importing, "BATCH", 2)
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Titel {n}\n\nText {n}. Mit Satz."})
                              for n in range(5)), encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [path])
        assert len(report.imported) == 5 and not report.failed
        for article_id in report.imported:
            assert project.article(article_id).title.startswith("Titel")
            assert project.suggestions(article_id)  # the rules' zones
            assert project.matching.sentences(article_id=article_id)


class _LateFuture(Future):
    """A batch of the workers that is never ready when the writer first looks."""

    def __init__(self, work: object, drafts: list[ArticleDraft]) -> None:
        super().__init__()
        self.work, self.drafts = work, drafts

    def done(self) -> bool:
        return False

    def result(self, timeout: float | None = None) -> object:
        return self.work(self.drafts)  # type: ignore[operator]


def test_a_writer_that_waits_for_the_workers_prepares_the_next_batch_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[int] = []

    class Behind:
        """Workers slower than the writer."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def submit(self, work: object, drafts: list[ArticleDraft]) -> Future:
            sent.append(len(drafts))
            return _LateFuture(work, drafts)

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(import_batches, "ProcessPoolExecutor", Behind)
    monkeypatch.setattr(import_batches, "POOL_AFTER", 0)
    monkeypatch.setattr(import_batches, "AHEAD", 1)
    monkeypatch.setattr(import_batches, "HOLD_MS", 1e9)
    monkeypatch.setattr(import_batches.Preparer.__init__, "__defaults__", (1,))
    monkeypatch.setattr(importing, "BATCH", 2)
    got = import_corpus(tmp_path)
    assert_golden(got)  # the same, whoever prepared which batch
    assert len(sent) >= 2 and sum(sent) < len(got["report"]["imported"]) - 2


def test_a_batch_takes_as_many_articles_as_fit_the_time_it_may_hold_the_lock(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_batches, "HOLD_MS", 40)
    size = BatchSize(200)
    assert size.articles == import_batches.FIRST_BATCH
    size.stored(20, 0.080)  # 4 ms an article: 10 fit
    assert size.articles == 10
    size.stored(10, 0.001)  # fast: it grows, twice the size at most
    assert size.articles == 20
    for _ in range(10):
        size.stored(size.articles, 0.001)
    assert size.articles == 200
    size.stored(200, 10.0)  # one article alone takes longer: one at a time
    assert size.articles == 1


def test_between_its_batches_an_import_lets_the_window_write_first(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with Project.open(db) as bulk:
        holding, release = threading.Event(), threading.Event()

        def window_writes() -> None:
            with Project.open(db) as window, window.transaction():
                holding.set()
                release.wait(30)

        thread = threading.Thread(target=window_writes)
        with bulk.transaction():  # a batch holds the lock; the window's write comes and waits
            thread.start()  # (a window's connection of its own, in its thread)
            with connection._queue:  # notified when the window's write queues for the lock
                assert connection._queue.wait_for(lambda: bool(connection._queued), 30)
        bulk.db.let_waiting_write(timeout=30)  # what the import does before its next batch
        try:
            assert holding.is_set()  # the window got the lock before the next batch
            bulk.db.execute("PRAGMA busy_timeout = 0")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                bulk.db.execute("BEGIN IMMEDIATE")
        finally:
            release.set()
            thread.join()


def test_a_bulk_import_holds_the_lock_for_its_own_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_batches, "HOLD_MS", 10)
    bulk, window = BatchSize(200, import_batches.BULK_HOLD_MS), BatchSize(200)
    for size in (bulk, window):
        size.stored(20, 0.020)  # 1 ms an article
    assert import_batches.BULK_HOLD_MS >= 40
    assert (bulk.articles, window.articles) == (40, 10)  # 40: twice the last batch at most
