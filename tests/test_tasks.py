"""Background tasks: signals on the GUI thread, cancel, per-thread projects, the jobs, the panel."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.app.importing import find_files
from annotator.app.jobs import ImportJobReport, import_job, suggest_job
from annotator.app.tasks import State, Task, TaskCancelled, TaskRunner, project_task
from annotator.core.model import ArticleDraft, Layer
from annotator.io import iter_import
from annotator.store import Project
from annotator.ui.task_actions import start_import, start_suggest
from annotator.ui.task_panel import TaskPanel

ARTICLES = {
    "a.txt": "Besuch in Dresden\n\nAnna Berger sprach am Montag in Dresden.",
    "b.txt": "Vertrag unterzeichnet\n\nIn Warschau unterschrieb Anna Berger den Vertrag.",
    "c.txt": "Kommentar\n\nDresden und Warschau streiten über die Elbe.",
}


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / ".hidden.txt").write_text("Versteckt\n\nNicht importieren.", encoding="utf-8")
    return folder


def on_gui_thread() -> bool:
    return QThread.currentThread() == QCoreApplication.instance().thread()


def wait_ended(qtbot: QtBot, task: Task, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: task.state is State.ENDED, timeout=timeout)


def test_task_reports_progress_and_result_on_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    worker_threads: list[int] = []
    seen: list[tuple[int, int, str, bool]] = []

    def work(progress, cancelled) -> int:
        worker_threads.append(threading.get_ident())
        for i in range(1, 4):
            progress(i, 3, f"item {i}")
        return 42

    task = Task(work, "Count", progress_interval=0)
    task.progressed.connect(lambda d, t, m: seen.append((d, t, m, on_gui_thread())))
    results: list[tuple[object, bool]] = []
    task.finished.connect(lambda r: results.append((r, on_gui_thread())))
    with qtbot.waitSignal(task.ended, timeout=5000):
        runner.start(task)
        assert runner.is_busy()
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert seen == [(i, 3, f"item {i}", True) for i in range(1, 4)]
    assert results == [(42, True)] and task.result == 42
    assert not runner.is_busy() and runner.tasks() == []


def test_failing_function_emits_failed_with_its_message(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(progress, cancelled):
        raise ValueError("kaputte Datei: a.txt")

    task = Task(work, "Broken")
    finished: list[object] = []
    task.finished.connect(finished.append)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        runner.start(task)
    assert blocker.args == ["kaputte Datei: a.txt"]
    assert task.error == "kaputte Datei: a.txt" and finished == []
    qtbot.waitUntil(lambda: not runner.is_busy())


def test_cancel_stops_between_items_and_the_result_says_so(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    def work(progress, cancelled) -> dict:
        for i in range(10):
            if cancelled():
                return {"done": i, "cancelled": True}
            progress(i + 1, 10, f"item {i + 1}")
            deadline = time.monotonic() + 3
            while i == 2 and not cancelled() and time.monotonic() < deadline:
                time.sleep(0.005)  # ok: item 3 lasts until the GUI has pressed cancel
        return {"done": 10, "cancelled": False}

    task = Task(work, "Slow", progress_interval=0)
    task.progressed.connect(lambda done, total, message: done == 3 and task.cancel())
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        runner.start(task)
    assert blocker.args == [{"done": 3, "cancelled": True}]
    assert task.is_cancelled()


def test_a_queued_task_cancelled_before_it_starts_ends_at_once(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    gate = threading.Event()
    first = runner.run(lambda progress, cancelled: gate.wait(5), "First")
    calls: list[str] = []
    second = runner.run(lambda progress, cancelled: calls.append("ran"), "Second")
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    assert second.state is State.QUEUED
    with qtbot.waitSignal(second.cancelled, timeout=1000):
        second.cancel()
    assert runner.tasks() == [first]
    gate.set()
    wait_ended(qtbot, first)
    assert calls == [] and first.result is True and busy == [False]


def test_task_cancelled_raised_by_the_function_emits_cancelled(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    def work(progress, cancelled):
        raise TaskCancelled

    task = Task(work)
    with qtbot.waitSignals([task.cancelled, task.ended], timeout=5000, order="strict"):
        runner.start(task)


def test_project_task_opens_its_own_project_in_the_worker(
    qtbot: QtBot, runner: TaskRunner, project: Project
) -> None:
    def work(project_in_worker: Project, progress, cancelled) -> tuple[int | None, bool]:
        draft = ArticleDraft(text="Aus dem Hintergrund\n\nEin Text.", title="Hintergrund")
        return project_in_worker.add_article(draft), project_in_worker is project

    task = runner.start(project_task(project.path, work, "Write"))
    wait_ended(qtbot, task)
    article_id, same = task.result
    assert not same
    assert project.article(article_id).title == "Hintergrund"


def test_find_files_counts_what_the_importer_reads(news: Path) -> None:
    (news / "sub").mkdir()
    (news / "sub" / "d.txt").write_text("Noch einer\n\nText.", encoding="utf-8")
    (news / "bild.png").write_bytes(b"\x89PNG")
    items = list(iter_import([news]))
    read = [d.source_path for d in items if isinstance(d, ArticleDraft)]
    assert [str(p) for p in find_files([news]) if isinstance(p, Path)] == read
    assert len(read) == 4
    assert [str(item) for item in items if not isinstance(item, ArticleDraft)] == [
        f"{news / 'bild.png'}: not recognised"]


def test_import_job_writes_articles_and_suggestions_a_separate_connection_sees(
    qtbot: QtBot, runner: TaskRunner, project: Project, news: Path, tiny_model: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    reloads: list[bool] = []
    progress: list[tuple[int, int]] = []
    task = start_import(window, runner, project.path, [news], model_name=str(tiny_model),
                        reload=lambda: reloads.append(True))
    task.progressed.connect(lambda done, total, message: progress.append((done, total)))
    wait_ended(qtbot, task, timeout=10_000)
    report = task.result
    assert isinstance(report, ImportJobReport), task.error
    assert len(report.imported) == 3 and not report.failed and not report.cancelled
    assert report.model is not None and report.model.name == "de_tiny_ruler"
    assert report.suggested == 7
    assert progress[-1] == (3, 3)  # the last phase counts the articles
    assert reloads == [True]
    assert "3 imported" in window.statusBar().currentMessage()
    with Project.open(project.path) as other:
        assert other.count_articles() == 3
        labels = {s.label for i in report.imported for s in other.suggestions(i)
                  if s.layer is Layer.ENTITY}
        assert labels == {"PER", "LOC"}
    quiet = (project, lambda *a: None, lambda: False)
    again = suggest_job(None, str(tiny_model))(*quiet)
    assert again.articles == 0 and again.suggested == 0  # every article has them already
    redo = suggest_job(report.imported[:1], str(tiny_model))(*quiet)
    assert redo.articles == 1 and redo.suggested == 3
    assert len([s for s in project.suggestions(report.imported[0])
                if s.layer is Layer.ENTITY]) == 3  # replaced, not doubled


def test_cancelled_import_leaves_complete_articles_only(project: Project, news: Path) -> None:
    reads: list[str] = []

    def progress(done: int, total: int = 0, message: str = "") -> None:
        if message.startswith("read"):
            reads.append(message)

    report = import_job([news], "no-such-model")(project, progress, lambda: len(reads) >= 1)
    assert report.cancelled and len(report.imported) == 1 and report.model is None
    assert project.count_articles() == 1
    assert project.article(report.imported[0]).text == ARTICLES["a.txt"]
    assert report.summary().endswith("cancelled")


def test_cancelled_suggest_job_stops_between_articles(project: Project, tiny_model: Path) -> None:
    ids = [project.add_article(ArticleDraft(text=f"Nachricht {i} aus Dresden.")) for i in range(8)]
    steps: list[int] = []

    def progress(done: int, total: int = 0, message: str = "") -> None:
        if total:
            steps.append(done)

    job = suggest_job(None, str(tiny_model))
    report = job(project, progress, lambda: max(steps, default=0) >= 1)
    assert report.cancelled and 1 <= report.articles < len(ids)
    with_suggestions = [i for i in ids if project.suggestions(i)]
    assert len(with_suggestions) == report.articles == report.suggested


def test_failed_model_shows_a_non_modal_box(
    qtbot: QtBot, runner: TaskRunner, project: Project, tmp_path: Path
) -> None:
    project.add_article(ArticleDraft(text="Ein Text\n\nüber Dresden.", title="Ein Text"))
    window = QMainWindow()
    qtbot.addWidget(window)
    task = start_suggest(window, runner, project.path, model_name=str(tmp_path / "missing"))
    wait_ended(qtbot, task, timeout=10_000)
    assert task.state is State.ENDED and "cannot be used" in (task.error or "")
    boxes = window.findChildren(QMessageBox, "taskMessageBox")
    assert len(boxes) == 1 and not boxes[0].isModal() and "missing" in boxes[0].text()
    boxes[0].close()


def test_panel_follows_the_task_and_its_cancel_button_cancels(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = TaskPanel(runner, window)
    window.statusBar().addPermanentWidget(panel)
    window.show()
    assert panel.isHidden()

    def work(progress, cancelled) -> str:
        progress(1, 4, "first of four")
        while not cancelled():
            time.sleep(0.005)  # ok: stands in for work inside the worker, polling cancelled()
        return "stopped"

    task = runner.start(Task(work, "Import", progress_interval=0))
    qtbot.waitUntil(lambda: panel.bar.value() == 1)
    assert panel.isVisible() and panel.bar.maximum() == 4
    assert "Import: first of four" in panel.message.toolTip()  # whole, escaped (ui/plain.py)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not panel.cancel_button.isEnabled() and "cancelling" in panel.message.text()
    wait_ended(qtbot, task)
    assert task.result == "stopped" and task.is_cancelled()
    assert panel.isHidden() and panel.task is None and not runner.is_busy()


def test_gui_side_modules_do_not_import_spacy() -> None:
    code = (
        "import sys; import annotator.ui.task_actions, annotator.ui.task_panel, "
        "annotator.app.jobs; print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "False"


def test_shutdown_cancels_running_and_queued_tasks_and_ends_them(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    def forever(progress, cancelled) -> str:
        while not cancelled():
            time.sleep(0.005)  # ok: stands in for work inside the worker, polling cancelled()
        return "stopped"

    running, queued = runner.run(forever, "Running"), runner.run(forever, "Queued")
    ended: list[str] = []
    for task in (running, queued):
        task.ended.connect(lambda t=task: ended.append(t.title))
    qtbot.waitUntil(lambda: running.state is State.RUNNING, timeout=5000)  # its started signal
    assert queued.state is State.QUEUED
    assert runner.shutdown(5000)
    assert not runner.is_busy() and sorted(ended) == ["Queued", "Running"]
    assert running.result == "stopped" and queued.result is None
