"""Shared fixtures: every test gets its own project; Qt runs offscreen; no test reaches the
network."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import shiboken6  # noqa: E402

from annotator.app.tasks import Task, TaskRunner  # noqa: E402
from annotator.store import Project  # noqa: E402
from tests.netguard import take_network_attempts  # noqa: E402


@pytest.fixture(autouse=True)
def _no_network():
    """Fails a test during which anything (even inside a worker that swallowed the error)
    tried to reach another machine (tests/netguard.py)."""
    take_network_attempts()
    yield
    tried = take_network_attempts()
    if tried:
        pytest.fail("network use: " + "; ".join(tried), pytrace=False)


@pytest.fixture(autouse=True)
def _no_task_left_running(monkeypatch: pytest.MonkeyPatch):
    """Fails a test that leaves a background task queued or running once its widgets and
    fixtures are gone: it must wait for the task's end, or shut its runner down. Yields the
    (runner, task) pairs started so far."""
    started: list[tuple[TaskRunner, Task]] = []
    start = TaskRunner.start

    def recording_start(runner: TaskRunner, task: Task) -> Task:
        started.append((runner, task))
        return start(runner, task)

    monkeypatch.setattr(TaskRunner, "start", recording_start)
    yield started
    left = stop_left_running(started)
    if left:
        pytest.fail(left, pytrace=False)


def stop_left_running(started: list[tuple[TaskRunner, Task]]) -> str:
    """Stop the tasks that have not ended, so that the next test starts clean, and forget all;
    what the test fails with ("" when every task had ended)."""
    left = [(runner, task) for runner, task in started if task.is_active()]
    started.clear()
    if not left:
        return ""
    names = ", ".join(f"{task.title!r} ({task.state.value})" for _, task in left)
    stuck: list[str] = []
    for runner in {runner for runner, _ in left}:
        if shiboken6.isValid(runner) and not runner.shutdown(10_000):
            stuck += [repr(task.title) for task in runner.tasks()]
    return f"background task left running: {names}" + (
        f"; still running after a cancel: {', '.join(stuck)}" if stuck else "")


@pytest.fixture
def project(tmp_path: Path):
    """A fresh project file on disk, closed after the test."""
    p = Project.open(tmp_path / "project.db")
    yield p
    p.close()


@pytest.fixture(autouse=True, scope="session")
def _qt_settings_sandbox(tmp_path_factory):
    """QSettings of the tests go to a throw-away folder, never the user's configuration."""
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    folder = str(tmp_path_factory.mktemp("settings"))
    for form in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(form, QSettings.Scope.UserScope, folder)
        QSettings.setPath(form, QSettings.Scope.SystemScope, folder)
    QCoreApplication.setOrganizationName("annotator-tests")
    QCoreApplication.setApplicationName("annotator-tests")
    yield Path(folder)


@pytest.fixture(autouse=True)
def _english(request):
    """A test with a QApplication has the app's English catalogue installed (its plural
    forms), as ui/application.make_app installs it; test_i18n installs German where it needs."""
    if "qapp" in request.fixturenames or "qtbot" in request.fixturenames:
        request.getfixturevalue("qapp")
        from annotator.ui import i18n

        i18n.install("en")
    yield


@pytest.fixture(autouse=True)
def _clean_qt_settings(_qt_settings_sandbox):
    """Each test starts with empty settings (last article, window state) but the annotator's
    name, as given at a first start (no test waits on the dialog that asks for it)."""
    from PySide6.QtCore import QSettings

    from annotator.ui.annotator_name import SETTING

    QSettings().clear()
    QSettings().setValue(SETTING, "tester")
    yield


class Blocked(BaseException):
    """Raised by the deadline; a BaseException, so that no importer can catch it."""


@pytest.fixture
def deadline():
    """Fail (instead of hanging the suite) when an import blocks for 30 s."""
    import signal

    def expire(signum: int, frame: object) -> None:
        raise Blocked("the import blocked")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def runner(qtbot):
    """A task runner that must be idle again when the test ends."""
    from annotator.app.tasks import TaskRunner

    r = TaskRunner()
    yield r
    assert r.shutdown(5000) and not r.is_busy()


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """An entity 'model' that is a rule list (a blank German pipeline whose 'ner' is an entity
    ruler): loads in a blink, finds the same every time."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([
        {"label": "PER", "pattern": "Anna Berger"},
        {"label": "LOC", "pattern": "Dresden"},
        {"label": "LOC", "pattern": "Warschau"},
    ])
    nlp.meta.update(name="tiny_ruler", version="0.0.1")
    folder = tmp_path_factory.mktemp("models") / "tiny_ruler"
    nlp.to_disk(folder)
    return folder


def show_window(qtbot, project: Project, size: tuple[int, int] = (1300, 800), *,
                owned: bool = True):
    """A main window as a user meets it: shown, active, the focus in the article text.
    ``owned=False``: not handed to qtbot, which would close it after the test (for a test
    in which it is deleted while open: a language switch, a quit)."""
    from annotator.ui.main_window import MainWindow

    win = MainWindow(project, "maria")
    if owned:
        qtbot.addWidget(win)
    win.resize(*size)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.open_first()
    win.view.text.setFocus()
    return win


@pytest.fixture(scope="session")
def claims_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An untrained claim span categorizer with threshold 0: it proposes every candidate."""
    import spacy

    from annotator.nlp.claim_spans import SPANS_KEY, register

    register()
    nlp = spacy.blank("de")
    spancat = nlp.add_pipe("spancat", config={
        "suggester": {"@misc": "annotator.sentence_suggester.v1"}, "spans_key": SPANS_KEY,
        "threshold": 0.0})
    spancat.add_label("CLAIM")
    nlp.initialize()
    nlp.meta.update(name="stub_claims", version="0.0.1")
    folder = tmp_path_factory.mktemp("models") / "stub_claims"
    nlp.to_disk(folder)
    return folder
