"""Undoable changes of an annotator's version as a whole: its start (a copy of the imported
layer, with the first edit) and its status."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.app.changes import Changes, Part
from annotator.app.commands import Conflict, StoreCommand
from annotator.core.model import Status
from annotator.store import Project
from annotator.store.versions import Started


def marked(status: Status) -> str:
    """The undo step's name: "Mark article done" (in the interface's language)."""
    translate = QCoreApplication.translate
    return {Status.NEW: translate("UndoStep", "Mark article new"),
            Status.IN_PROGRESS: translate("UndoStep", "Mark article in progress"),
            Status.DONE: translate("UndoStep", "Mark article done")}[status]


def read_only(shown: str, own: str) -> str:
    """Why a write to another annotator's version shown did nothing."""
    return QCoreApplication.translate("Session", "Read only: this is {shown}'s version, nothing "
                                      "was changed; show your own ({own}) to edit").format(
        shown=shown, own=own)


def status_word(status: Status) -> str:
    """"new", "in progress" or "done" (in the interface's language)."""
    translate = QCoreApplication.translate
    return {Status.NEW: translate("Status", "new"),
            Status.IN_PROGRESS: translate("Status", "in progress"),
            Status.DONE: translate("Status", "done")}[status]


class StartVersion(StoreCommand):
    """An annotator's first edit of an article starts their version of it: a copy of the
    imported layer, in progress (or ``status``). Undo takes it back whole, so the article is
    untouched (new) for them again."""

    article_id: int  # always one article

    starts_version = True

    def __init__(self, project: Project, article_id: int, annotator: str,
                 status: Status = Status.IN_PROGRESS) -> None:
        super().__init__(project, article_id, marked(status))
        self.annotator, self.status = annotator, status
        self.started: Started | None = None

    def apply(self) -> None:
        if self.project.has_version(self.article_id, self.annotator):
            raise Conflict(QCoreApplication.translate(
                "Conflict", "{annotator}'s version of the article was started elsewhere").format(
                annotator=self.annotator))
        self.started = self.project.start_version(self.article_id, self.annotator, self.status,
                                                  self.started)

    def revert(self) -> None:
        assert self.started is not None
        now = self.project.version_ids(self.article_id, self.annotator)
        if (not set(self.started.annotations.values()) <= now
                or self.project.version_status(self.article_id, self.annotator)
                is not self.status):
            raise Conflict(QCoreApplication.translate(
                "Conflict", "{annotator}'s version of the article was changed elsewhere").format(
                annotator=self.annotator))
        self.project.drop_version(self.article_id, self.annotator, self.started)

    def changes(self) -> Changes:
        copied = self.started or Started()
        parts = (Part.STATUS | (Part.SPANS if copied.annotations else Part.NONE)
                 | (Part.SUGGESTIONS if copied.decisions else Part.NONE)
                 | (Part.GROUPS if copied.members else Part.NONE))
        return Changes(frozenset({self.article_id}), parts)


class SetStatus(StoreCommand):
    """Mark an annotator's version of an article in progress or done."""

    article_id: int  # always one article

    parts = Part.STATUS

    def __init__(self, project: Project, article_id: int, annotator: str, before: Status,
                 after: Status) -> None:
        super().__init__(project, article_id, marked(after))
        self.annotator, self.before, self.after = annotator, before, after

    def apply(self) -> None:
        self.project.set_version_status(self.article_id, self.annotator, self.after)

    def revert(self) -> None:
        self.project.set_version_status(self.article_id, self.annotator, self.before)
