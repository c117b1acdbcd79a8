"""Finishing an article (D): what is still open on it, and marking it done with the rest of
its suggestions accepted or rejected in the same undo step."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from annotator.app.session import Session
from annotator.core.model import Status, Suggestion
from annotator.store import Project
from annotator.store.suggestions import REVIEWED


class Rest(enum.Enum):
    """What becomes of an article's open suggestions when it is marked done."""

    ACCEPT = "accept"
    REJECT = "reject"


def open_count(project: Project, article_id: int, annotator: str | None = None) -> int:
    """The article's open entity, claim and source suggestions (zones apart), for an
    annotator (None: those nobody decided)."""
    return project.open_suggestion_counts([article_id], annotator).get(article_id, 0)


def open_suggestions(project: Project, article_id: int, annotator: str | None = None
                     ) -> list[Suggestion]:
    """Those open suggestions, in text order."""
    return [s for s in project.suggestions(article_id, open_only=True, annotator=annotator)
            if s.layer.value in REVIEWED]


def mark_done(session: Session, article_id: int, rest: Rest | None = None) -> bool:
    """Mark an article done, accepting or rejecting its open suggestions first (``rest``), all
    in one undo step. Without ``rest`` an article with open suggestions is left as it is: the
    caller asks first. False when nothing changed."""
    found = open_suggestions(session.project, article_id, session.annotator)
    if not found:
        return session.set_status(article_id, Status.DONE)
    if rest is None:
        return False
    with session.action(_done_step(rest, len(found))) as action:
        (session.accept if rest is Rest.ACCEPT else session.reject)(article_id, found)
        session.set_status(article_id, Status.DONE)
    return action.error is None


def _done_step(rest: Rest, n: int) -> str:
    """The undo step's name of ``mark_done`` with open suggestions."""
    translate = QCoreApplication.translate
    if rest is Rest.ACCEPT:
        text = (translate("UndoStep", "Accept 1 open suggestion and mark done") if n == 1 else
                translate("UndoStep", "Accept {n} open suggestions and mark done"))
    else:
        text = (translate("UndoStep", "Reject 1 open suggestion and mark done") if n == 1 else
                translate("UndoStep", "Reject {n} open suggestions and mark done"))
    return text.format(n=n)
