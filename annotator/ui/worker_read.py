"""A window's read of the project as its shown annotator sees it: on the task runner's worker
with a connection of its own (a large project's read takes seconds, the window stays usable),
or at once for a project without a file or when the caller says it is quick. The result
arrives with what ``written`` was when the read began, so that the window can tell whether
somebody wrote meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from annotator.app.review_queue import written
from annotator.app.tasks import Task, TaskRunner, project_task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from annotator.app.session import Session
    from annotator.store import Project

T = TypeVar("T")


class Host(Protocol):
    """What the read needs of the main window."""

    project: Project
    session: Session
    runner: TaskRunner


def read_project(window: Host, read: Callable[[Project, str], T],
                 arrived: Callable[[T, tuple[int, int]], None], status: QLabel,
                 texts: tuple[str, str], title: str, at_once: bool = False) -> Task | None:
    """``read(project, annotator)``, its result handed to ``arrived`` with ``written`` as it
    was before; the worker's task (None when read at once). ``texts``: what ``status`` says
    while the worker reads, and when it failed (``{error}``)."""
    project, annotator = window.project, window.session.shown
    heard = written(project)
    if project.path is None or at_once:
        arrived(read(project, annotator), heard)
        return None
    reading, failed = texts
    status.setText(reading)
    task = project_task(project.path, lambda p, _progress, _cancelled: read(p, annotator), title)
    task.finished.connect(lambda result: arrived(result, heard))
    task.failed.connect(lambda message: status.setText(failed.format(error=message)))
    window.runner.start(task)
    return task
