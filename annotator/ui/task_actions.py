"""What the main window's menu actions call to run the slow use cases in the background.

Wiring (once, in the main window)::

    self.runner = TaskRunner(self)
    self.statusBar().addPermanentWidget(TaskPanel(self.runner, self))
    self.runner.busy_changed.connect(lambda busy: import_action.setDisabled(busy))
    # and in closeEvent, before the project closes: self.runner.shutdown()

Each ``start_*`` opens nothing on the GUI thread: the worker opens its own Project from the
path. When the task ends (done, failed or cancelled; any of them may have written articles)
``reload()`` is called, then the summary goes to the status bar and problems to a non-modal box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget
from shiboken6 import isValid

from annotator.app.jobs import import_job, suggest_job
from annotator.app.tasks import Task, TaskRunner, project_task

STATUS_MS = 15_000  # how long a summary stays in the status bar


def start_import(
    parent: QWidget,
    runner: TaskRunner,
    project_path: Path,
    paths: Sequence[Path],
    *,
    model_name: str | None = None,
    reload: Callable[[], None] | None = None,
) -> Task:
    """Import files and suggest entities (and, with the project's claims model, claims) in the
    new articles, in the background."""
    task = project_task(project_path, import_job(list(paths), model_name),
                        QCoreApplication.translate("TaskActions", "Import"))
    _report_to(parent, task, reload)
    return runner.start(task)


def start_suggest(
    parent: QWidget,
    runner: TaskRunner,
    project_path: Path,
    article_ids: Sequence[int] | None = None,
    *,
    model_name: str | None = None,
    reload: Callable[[], None] | None = None,
) -> Task:
    """(Re)run entity suggestions for these articles, or for all the model has not seen."""
    ids = list(article_ids) if article_ids is not None else None
    task = project_task(project_path, suggest_job(ids, model_name),
                        QCoreApplication.translate("TaskActions", "Entity suggestions"))
    _report_to(parent, task, reload)
    return runner.start(task)


def _report_to(parent: QWidget, task: Task, reload: Callable[[], None] | None) -> None:
    """On any ending: reload first (it may reset the status bar), then tell the user."""

    def after_reload(tell: Callable[..., object]) -> Callable[..., None]:
        def handler(*args: object) -> None:
            if reload is not None:
                reload()
            if isValid(parent):
                tell(*args)

        return handler

    title = task.title  # the handlers must not hold the task: it is freed once it has ended
    task.finished.connect(after_reload(lambda result: show_result(parent, title, result)))
    failed = QCoreApplication.translate("TaskActions", "{task} failed: {error}")
    cancelled = QCoreApplication.translate("TaskActions", "{task} cancelled")
    task.failed.connect(after_reload(lambda err: show_problems(
        parent, failed.format(task=title, error=err))))
    task.cancelled.connect(after_reload(lambda: show_status(parent, cancelled.format(task=title))))


def show_result(parent: QWidget, title: str, result: object) -> QMessageBox | None:
    """A report's summary in the status bar; its problems, if it has any, in a non-modal box."""
    summary = getattr(result, "summary", None)
    if summary is None:
        return None
    problems: list[str] = getattr(result, "problems", list)()
    if problems:
        return show_problems(parent, f"{title}: {summary()}", "\n".join(problems))
    show_status(parent, f"{title}: {summary()}")
    return None


def show_problems(parent: QWidget, text: str, details: str = "") -> QMessageBox:
    """A non-modal warning: the user reads it while working on, and closes it when done."""
    return _box(parent, QMessageBox.Icon.Warning, text, details)


def show_status(parent: QWidget, text: str) -> None:
    """A passing message in the window's status bar (or a box when there is none)."""
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)
    else:
        _box(parent, QMessageBox.Icon.Information, text)


def _box(parent: QWidget, icon: QMessageBox.Icon, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, parent.window().windowTitle(), text,
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("taskMessageBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages name files
    box.setDetailedText(details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def start_export(parent: QWidget, runner: TaskRunner, project_path: Path, options) -> Task:
    """Write a dataset in the background (the GUI thread never exports); its refusals and
    warnings name the options as the export dialog shows them."""
    from annotator.app.exporting import export_project
    from annotator.ui.export_dialog import DialogNames

    def job(project, progress, cancelled):
        total = project.count_articles()
        return export_project(project, options, cancelled=cancelled, names=DialogNames(),
                              progress=lambda n, message: progress(n, total, message))

    task = project_task(project_path, job, QCoreApplication.translate("TaskActions", "Export"))
    _report_to(parent, task, None)
    return runner.start(task)
