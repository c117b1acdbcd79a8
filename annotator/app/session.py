"""Session state: the open project, who annotates, the one undo stack, and change signals.

Each annotator works in their own version of every article (docs/annotators.md): the session
reads what ``shown`` sees and writes into ``annotator``'s version, starting it (a copy of the
imported layer) in the same undo step as the first edit. Showing another annotator's version
is read-only: every write is refused with a message.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TypeVar

from msgspec.structs import replace
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.app import commands as cmd
from annotator.app import metadata, zones
from annotator.app import source_commands as source_cmd
from annotator.app.article_commands import SetMeta
from annotator.app.session_claims import ClaimEdits
from annotator.app.version_commands import SetStatus, StartVersion, read_only, status_word
from annotator.core.model import Annotation, Layer, Link, Span, Status, Suggestion
from annotator.core.names import ATTRIBUTED_TO
from annotator.core.spans import check_span
from annotator.store import Project

translate = QCoreApplication.translate  # lupdate collects translate("Session", …)
C = TypeVar("C", bound=cmd.StoreCommand)


class Session(QObject, ClaimEdits):
    """Every change goes through here: written to the store first, then announced."""

    changed = Signal(object)  # Changes: one committed action, undo or redo
    failed = Signal(str)  # a write did not happen; the message says why
    said = Signal(str)  # what an action did, or why it did nothing: for the status bar
    stepped = Signal(str, object)  # an undo or redo: what it says, and its Changes
    switched = Signal()  # another annotator, or another's version shown: read everything again

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator  # whose version the writes go to
        self.shown = annotator  # whose version the reads show
        self.undo_stack = QUndoStack(self)
        self._action: cmd.Action | None = None

    # -- who annotates, whose version is shown -----------------------------------------------

    @property
    def read_only(self) -> bool:
        """Another annotator's version is shown: nothing can be written."""
        return self.shown != self.annotator

    def switch(self, annotator: str) -> None:
        """Work as another annotator, in their own version; the undo stack starts afresh."""
        self.undo_stack.clear()
        self.annotator = self.shown = annotator
        self.switched.emit()

    def view(self, annotator: str | None) -> None:
        """Show another annotator's version read-only (None or one's own name: one's own)."""
        self.shown = annotator or self.annotator
        self.switched.emit()

    def refused(self) -> bool:
        """True when read only, and then say that it writes nothing (as a failed step, inside
        an action)."""
        if not self.read_only:
            return False
        message = read_only(self.shown, self.annotator)
        if self._action is not None:
            self._action.error = self._action.error or message
        else:
            self.failed.emit(message)
        return True

    def _in_version(self, articles: Iterable[int], build: Callable[[], C]) -> C | None:
        """Push the command ``build`` makes into the annotator's versions of the articles,
        starting the ones they have none of first (a copy of the imported layer), in the same
        undo step. ``build`` runs after the start, so it can find its spans there
        (``_own``). The command, or None when it was not stored."""
        if self.refused():
            return None
        missing = [a for a in dict.fromkeys(articles)
                   if not self.project.has_version(a, self.annotator)]
        if not missing:
            command = self._build(build)
            return command if command is not None and self.push(command) else None
        with self.action(None) as action:
            for article_id in missing:
                self.push(StartVersion(self.project, article_id, self.annotator))
            command = self._build(build)
            if command is not None:
                self.push(command)
        return command if action.error is None else None

    def _build(self, build: Callable[[], C]) -> C | None:
        try:
            return build()
        except (KeyError, ValueError) as exc:  # a span not in the annotator's version
            if self._action is not None:
                self._action.error = self._action.error or _reason(exc)
            else:
                self.failed.emit(_reason(exc))
            return None

    def _own(self, ann: Annotation) -> Annotation:
        """A span shown, as the annotator's version has it (their copy of an imported one)."""
        own = self._own_id(ann.id)
        return ann if own == ann.id else self.project.annotation(own)

    def _own_id(self, annotation_id: int) -> int:
        """The id of a span shown in the annotator's version (an id of no annotation stays:
        the store refuses the write that uses it)."""
        try:
            return self.project.own_annotation(self.annotator, annotation_id)
        except KeyError:
            if not self.project.has_annotation(annotation_id):
                return annotation_id
            raise

    def _own_link(self, link: Link) -> Link:
        return replace(link, id=self.project.own_link(self.annotator, link),
                       from_id=self._own_id(link.from_id), to_id=self._own_id(link.to_id))

    # -- the undo stack ----------------------------------------------------------------------

    def push(self, command: cmd.StoreCommand) -> bool:
        """Apply a command (one transaction), then put it on the undo stack; False if it failed
        (or the session is read-only).

        Inside ``action()`` the command joins that action's transaction instead, and a failure
        undoes the whole action when it ends.
        """
        if self.refused():
            return False
        action = self._action
        if action is not None:
            if action.error is not None:
                return False
            try:
                command.write()  # the action settles the sentence index once, at its end
            except Exception as exc:
                action.error = f"{command.text()}: {_reason(exc)}"
                return False
            command.applied = True
            action.steps.append(command)
            return True
        self._listen(command)
        try:
            command.do()
        except Exception as exc:  # the store refused: report, keep the stack as it was
            self.failed.emit(f"{command.text()}: {_reason(exc)}")
            return False
        text = command.text()  # a command merged into the one before is gone after the push
        self.undo_stack.push(command)
        self.said.emit(text)
        return True

    @contextmanager
    def action(self, text: str | None) -> Iterator[cmd.Action]:
        """Run several commands as one user action: one transaction, one undo step (named
        ``text``, or as its last step).

        The views hear of it after the commit; when a step fails, nothing of the action stays,
        ``failed`` says why and the action's ``error`` is set. Nested actions join the outer one
        (and yield it).
        """
        if self._action is not None:
            yield self._action
            return
        self._action = cmd.Action(self.project, text or "")
        action = self._action
        try:
            with self.project.transaction():
                yield action
                if action.error is not None:
                    raise _ActionFailed(action.error)
                action.settle()
        except Exception:
            if action.error is None:
                raise
            # what the caller did after a failed step (a lookup of the row not made) follows
            # from the failure: the user hears of the failure, not of its echo
            self.failed.emit(f"{text}: {action.error}" if text else action.error)
            return
        finally:
            self._action = None
        if not action.steps:
            return
        if not text:
            action.setText(action.steps[-1].text())
        action.applied = True
        self._listen(action)
        self.undo_stack.push(action)
        action.notify(action)
        self.said.emit(action.text())

    def undo(self) -> bool:
        """Take back the last action; when its rows changed elsewhere, say so and stay put."""
        if self.refused():
            return False
        stack = self.undo_stack
        if not stack.canUndo():
            self.said.emit(translate("Session", "Nothing to undo"))
            return False
        return self._move(_store_command(stack.command(stack.index() - 1)), "undo", stack.undo)

    def redo(self) -> bool:
        """Do the next undone action again, checked as undo is."""
        if self.refused():
            return False
        stack = self.undo_stack
        if not stack.canRedo():
            self.said.emit(translate("Session", "Nothing to redo"))
            return False
        return self._move(_store_command(stack.command(stack.index())), "redo", stack.redo)

    def _move(self, command: cmd.StoreCommand, verb: str, step) -> bool:
        try:
            command.undo_now() if verb == "undo" else command.do()
        except Exception as exc:
            text = (translate("Session", "Cannot undo “{step}”: {reason}. Nothing was changed.")
                    if verb == "undo" else
                    translate("Session", "Cannot redo “{step}”: {reason}. Nothing was changed."))
            self.failed.emit(text.format(step=command.text(), reason=_reason(exc)))
            return False
        step()  # the command finds its work done and only the stack moves
        done = (translate("Session", "Undid: {step}") if verb == "undo"
                else translate("Session", "Redid: {step}"))
        self.stepped.emit(done.format(step=command.text()), command.changes())
        return True

    def _listen(self, command: cmd.StoreCommand) -> None:
        # A weak link back: Qt owns pushed commands, and a command holding the session alive
        # makes a cycle through C++ that the garbage collector tears down in the wrong order
        # (QUndoStack::clear on half-freed commands: a crash, seen in the test suite).
        announce = weakref.WeakMethod(self._announce)

        def notify(done: cmd.StoreCommand) -> None:
            if (method := announce()) is not None:
                method(done)

        command.notify = notify

    def _announce(self, command: cmd.StoreCommand) -> None:
        self.changed.emit(command.changes())

    # -- span actions ----------------------------------------------------------------------

    def add_span(self, article_id: int, layer: Layer, span: Span,
                 suggestion: Suggestion | None = None) -> Annotation | None:
        """Mark a span (accepting ``suggestion`` with it); entities replace what they overlap.
        The new annotation, or None when it could not be stored."""
        check_span(span.start, span.end, self.project.article_text_length(article_id))
        command = self._in_version([article_id], lambda: cmd.AddSpan(
            self.project, article_id, layer, span, self.annotator, suggestion))
        if command is None:
            return None
        assert command.annotation_id is not None
        return self.project.annotation(command.annotation_id)

    def delete_spans(self, annotations: list[Annotation]) -> bool:
        """Delete spans with their links."""
        if not annotations:
            return False
        article_id = annotations[0].article_id
        return self._in_version([article_id], lambda: cmd.DeleteSpans(
            self.project, article_id, [self._own(a) for a in annotations])) is not None

    def relabel(self, ann: Annotation, label: str) -> bool:
        """Give a span another label of its layer."""
        if label == ann.label:
            self.said.emit(translate("Session", "The span is {label} already").format(label=label))
            return False

        def build() -> cmd.UpdateSpan:
            own = self._own(ann)
            return cmd.UpdateSpan(self.project, own, replace(own, label=label),
                                  translate("UndoStep", "Relabel as {label}").format(label=label))

        return self._in_version([ann.article_id], build) is not None

    def resize(self, ann: Annotation, start: int, end: int) -> bool:
        """Move a span's bounds; repeated resizes undo as one step. A source mention's alias
        follows it (``source_commands.following_alias``)."""
        check_span(start, end, self.project.article_text_length(ann.article_id))

        def build() -> cmd.UpdateSpan:
            own = self._own(ann)
            after = cmd.resized(own, start, end)
            if own.layer is Layer.SOURCE:
                return source_cmd.ResizeMention(self.project, own, after)
            return cmd.UpdateSpan(self.project, own, after, translate("UndoStep", "Resize span"))

        return self._in_version([ann.article_id], build) is not None

    def accept(self, article_id: int, suggestions: list[Suggestion]) -> bool:
        """Accept model suggestions as entity annotations."""
        return bool(suggestions) and self._in_version([article_id], lambda: (
            cmd.AcceptSuggestions(self.project, article_id, suggestions, self.annotator)
        )) is not None

    def reject(self, article_id: int, suggestions: list[Suggestion]) -> bool:
        """Reject model suggestions."""
        return bool(suggestions) and self._in_version([article_id], lambda: (
            cmd.RejectSuggestions(self.project, article_id, suggestions, self.annotator)
        )) is not None

    def link_claim(self, article_id: int, claim_id: int, source_id: int,
                   attrs: dict | None = None, kind: str = ATTRIBUTED_TO) -> Link | None:
        """Attribute a claim to its source (replacing an earlier attribution), or with
        ``REPORTED_BY`` a source to the source that reports it; the new link, or None when it
        could not be stored."""
        command = self._in_version([article_id], lambda: cmd.AddLink(
            self.project, article_id, self._own_id(claim_id), self._own_id(source_id), kind,
            self.annotator, attrs))
        if command is None:
            return None
        return next(lk for lk in self.project.links_of(command.from_id)
                    if lk.id == command.link_id)

    def set_status(self, article_id: int, status: Status) -> bool:
        """Mark the annotator's version of an article in progress or done (undoable); marking
        an article they have no version of starts one."""
        before = self.project.article_status(article_id, self.annotator)
        if before is status:
            self.said.emit(translate("Session", "Article {id} is {status} already").format(
                id=article_id, status=status_word(status)))
            return False
        if status is Status.NEW:
            self.failed.emit(translate(
                "Session", "Article {id} stays {status}: undo its first edit to make it new "
                "again").format(id=article_id, status=status_word(before)))
            return False
        if before is Status.NEW:
            return self.push(StartVersion(self.project, article_id, self.annotator, status))
        return self.push(SetStatus(self.project, article_id, self.annotator, before, status))

    # -- zones and metadata -------------------------------------------------------------------

    def set_zone(self, article_id: int, start: int, end: int, label: str | None) -> bool:
        """Make [start, end) one zone of ``label`` (None: body, no zone): the person's zones
        there give way, the rules' are rejected, what lies outside the range keeps its zone.
        One undo step; False when nothing changes or the store refused."""
        check_span(start, end, self.project.article_text_length(article_id))
        edit = zones.zone_edit(self.project, article_id, start, end, label, self.shown)
        if not edit:
            self.said.emit(translate(
                "Session", "Zone: it is {zone} there already").format(zone=label) if label
                else translate("Session", "Zone: it is body there already"))
            return False
        if self.refused():
            return False
        with self.action(translate("UndoStep", "Zone: {zone}").format(zone=label) if label
                         else translate("UndoStep", "Zone: body")) as action:
            if not self.project.has_version(article_id, self.annotator):
                self.push(StartVersion(self.project, article_id, self.annotator))
                edit = zones.zone_edit(self.project, article_id, start, end, label,
                                       self.annotator)  # the same, in the copy
            if edit.delete:
                self.push(cmd.DeleteSpans(self.project, article_id, list(edit.delete)))
            if edit.reject:
                self.push(cmd.RejectSuggestions(self.project, article_id, list(edit.reject),
                                                self.annotator))
            if (sug := edit.accept) is not None:
                self.push(cmd.AddSpan(self.project, article_id, Layer.STRUCTURE,
                                      Span(sug.start, sug.end, sug.label), self.annotator, sug))
            for span in edit.add:
                self.push(cmd.AddSpan(self.project, article_id, Layer.STRUCTURE, span,
                                      self.annotator))
        return action.error is None

    def set_meta(self, article_id: int, fields: Mapping[str, str | None]) -> bool:
        """Set an article's title, outlet, author, date (YYYY-MM-DD) or URL, marked as set by a
        person (undoable). Raises ``metadata.MetaError`` for a value it cannot take; False
        when nothing changes or the store refused."""
        if not metadata.meta_change(self.project.article(article_id), fields):
            self.said.emit(translate("Session", "Details: nothing changed"))
            return False
        return self.push(SetMeta(self.project, article_id, fields))


class _ActionFailed(Exception):
    """A step of an action failed; the action's transaction rolls back."""


def _store_command(command: QUndoCommand) -> cmd.StoreCommand:
    """A command on the stack: every one the session pushes is a StoreCommand."""
    assert isinstance(command, cmd.StoreCommand)
    return command


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
