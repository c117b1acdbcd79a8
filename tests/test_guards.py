"""The suite's own guards: a background task left running fails the test, and so does a warning
raised from annotator's code."""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.app.tasks import State, Task, TaskRunner
from tests.conftest import stop_left_running


def test_a_task_left_running_is_named_and_stopped(
    qtbot: QtBot, _no_task_left_running: list[tuple[TaskRunner, Task]]
) -> None:
    def until_cancelled(progress, cancelled) -> str:
        while not cancelled():
            time.sleep(0.005)  # ok: stands in for work inside the worker, polling cancelled()
        return "stopped"

    runner = TaskRunner()
    running, queued = runner.run(until_cancelled, "Import"), runner.run(until_cancelled, "Suggest")
    qtbot.waitUntil(lambda: running.state is State.RUNNING, timeout=5000)
    assert _no_task_left_running == [(runner, running), (runner, queued)]  # what start recorded
    assert stop_left_running(_no_task_left_running) == (
        "background task left running: 'Import' (running), 'Suggest' (queued)")
    assert running.result == "stopped" and queued.state is State.ENDED and not runner.is_busy()
    assert _no_task_left_running == []
    assert stop_left_running([(runner, running), (runner, queued)]) == ""  # ended: not named


def warn_from(module: str, category: type[Warning]) -> None:
    """Warn as code in ``module`` does."""
    code = compile("import warnings\nwarnings.warn('an old call', category)", module, "exec")
    exec(code, {"__name__": module, "category": category})


@pytest.mark.parametrize("category", [DeprecationWarning, ResourceWarning, FutureWarning,
                                      UserWarning, RuntimeWarning])
def test_a_warning_from_annotator_is_an_error(category: type[Warning]) -> None:
    with pytest.raises(category, match="an old call"):
        warn_from("annotator.store.project", category)


def test_a_file_annotator_leaves_open_is_an_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Raised in the file's destructor, where pytest finds it (and fails the test with
    PytestUnraisableExceptionWarning, an error too)."""
    path = tmp_path / "a.txt"
    path.write_text("Text", encoding="utf-8")
    ignored: list[sys.UnraisableHookArgs] = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    code = compile("f = open(path)\ndel f", "annotator/io/files.py", "exec")
    exec(code, {"__name__": "annotator.io.files", "path": path})
    assert [type(u.exc_value) for u in ignored] == [ResourceWarning]


@pytest.mark.parametrize("module", ["annotatorish", "tests.test_guards"])
def test_a_warning_from_another_module_is_only_reported(module: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warn_from(module, DeprecationWarning)
    assert [str(w.message) for w in caught] == ["an old call"]
