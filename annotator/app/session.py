"""Session state: the open project, who annotates, the one undo stack, and change signals."""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.app import claim_commands as claim_cmd
from annotator.app import commands as cmd
from annotator.app import metadata, zones
from annotator.app import source_commands as source_cmd
from annotator.app.article_commands import SetMeta
from annotator.core.model import (
    Annotation,
    CanonicalSource,
    Layer,
    Link,
    Span,
    Status,
    Suggestion,
)
from annotator.core.names import ATTRIBUTED_TO
from annotator.core.spans import check_span
from annotator.store import Project
from annotator.store.matching_store import MatchSpan


class Session(QObject):
    """Every change goes through here: written to the store first, then announced."""

    changed = Signal(object)  # Changes: one committed action, undo or redo
    failed = Signal(str)  # a write did not happen; the message says why
    said = Signal(str)  # what an action did, or why it did nothing: for the status bar
    stepped = Signal(str, object)  # an undo or redo: what it says, and its Changes

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        self._action: cmd.Action | None = None

    def push(self, command: cmd.StoreCommand) -> bool:
        """Apply a command (one transaction), then put it on the undo stack; False if it failed.

        Inside ``action()`` the command joins that action's transaction instead, and a failure
        undoes the whole action when it ends.
        """
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
    def action(self, text: str) -> Iterator[cmd.Action]:
        """Run several commands as one user action: one transaction, one undo step.

        The views hear of it after the commit; when a step fails, nothing of the action stays,
        ``failed`` says why and the action's ``error`` is set. Nested actions join the outer one
        (and yield it).
        """
        if self._action is not None:
            yield self._action
            return
        self._action = cmd.Action(self.project, text)
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
            self.failed.emit(f"{text}: {action.error}")
            return
        finally:
            self._action = None
        if not action.steps:
            return
        action.applied = True
        self._listen(action)
        self.undo_stack.push(action)
        action.notify(action)
        self.said.emit(text)

    def undo(self) -> bool:
        """Take back the last action; when its rows changed elsewhere, say so and stay put."""
        stack = self.undo_stack
        if not stack.canUndo():
            self.said.emit("Nothing to undo")
            return False
        return self._move(_store_command(stack.command(stack.index() - 1)), "undo", stack.undo)

    def redo(self) -> bool:
        """Do the next undone action again, checked as undo is."""
        stack = self.undo_stack
        if not stack.canRedo():
            self.said.emit("Nothing to redo")
            return False
        return self._move(_store_command(stack.command(stack.index())), "redo", stack.redo)

    def _move(self, command: cmd.StoreCommand, verb: str, step) -> bool:
        try:
            command.undo_now() if verb == "undo" else command.do()
        except Exception as exc:
            self.failed.emit(f"Cannot {verb} \u201c{command.text()}\u201d: {_reason(exc)}. "
                             "Nothing was changed.")
            return False
        step()  # the command finds its work done and only the stack moves
        self.stepped.emit(f"{'Undid' if verb == 'undo' else 'Redid'}: {command.text()}",
                          command.changes())
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
        command = cmd.AddSpan(self.project, article_id, layer, span, self.annotator, suggestion)
        if not self.push(command):
            return None
        assert command.annotation_id is not None
        return self.project.annotation(command.annotation_id)

    def delete_spans(self, annotations: list[Annotation]) -> bool:
        """Delete spans with their links."""
        if not annotations:
            return False
        return self.push(cmd.DeleteSpans(self.project, annotations[0].article_id, annotations))

    def relabel(self, ann: Annotation, label: str) -> bool:
        """Give a span another label of its layer."""
        if label == ann.label:
            self.said.emit(f"The span is {label} already")
            return False
        after = Annotation(**{**ann.__dict__, "label": label})
        return self.push(cmd.UpdateSpan(self.project, ann, after, f"Relabel as {label}"))

    def resize(self, ann: Annotation, start: int, end: int) -> bool:
        """Move a span's bounds; repeated resizes undo as one step. A source mention's alias
        follows it (``source_commands.following_alias``)."""
        check_span(start, end, self.project.article_text_length(ann.article_id))
        after = cmd.resized(ann, start, end)
        return self.push(source_cmd.ResizeMention(self.project, ann, after)
                         if ann.layer is Layer.SOURCE
                         else cmd.UpdateSpan(self.project, ann, after, "Resize span"))

    def accept(self, article_id: int, suggestions: list[Suggestion]) -> bool:
        """Accept model suggestions as entity annotations."""
        if not suggestions:
            return False
        return self.push(cmd.AcceptSuggestions(self.project, article_id, suggestions,
                                               self.annotator))

    def reject(self, article_id: int, suggestions: list[Suggestion]) -> bool:
        """Reject model suggestions."""
        if not suggestions:
            return False
        return self.push(cmd.RejectSuggestions(self.project, article_id, suggestions,
                                               self.annotator))

    def link_claim(self, article_id: int, claim_id: int, source_id: int,
                   attrs: dict | None = None, kind: str = ATTRIBUTED_TO) -> Link | None:
        """Attribute a claim to its source (replacing an earlier attribution), or with
        ``REPORTED_BY`` a source to the source that reports it; the new link, or None when it
        could not be stored."""
        command = cmd.AddLink(self.project, article_id, claim_id, source_id, kind,
                              self.annotator, attrs)
        if not self.push(command):
            return None
        return next(lk for lk in self.project.links_of(claim_id) if lk.id == command.link_id)

    def set_status(self, article_id: int, status: Status) -> bool:
        """Mark an article new, in progress or done (undoable)."""
        before = self.project.article_status(article_id)
        if before is status:
            self.said.emit(f"Article {article_id} is {status.value.replace('_', ' ')} already")
            return False
        return self.push(cmd.SetStatus(self.project, article_id, before, status))

    # -- zones and metadata -------------------------------------------------------------------

    def set_zone(self, article_id: int, start: int, end: int, label: str | None) -> bool:
        """Make [start, end) one zone of ``label`` (None: body, no zone): the person's zones
        there give way, the rules' are rejected, what lies outside the range keeps its zone.
        One undo step; False when nothing changes or the store refused."""
        check_span(start, end, self.project.article_text_length(article_id))
        edit = zones.zone_edit(self.project, article_id, start, end, label)
        if not edit:
            self.said.emit(f"Zone: it is {label or 'body'} there already")
            return False
        with self.action(f"Zone: {label or 'body'}") as action:
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
            self.said.emit("Details: nothing changed")
            return False
        return self.push(SetMeta(self.project, article_id, fields))

    # -- claims across articles --------------------------------------------------------------

    def set_attrs(self, ann: Annotation, attrs: dict) -> bool:
        """Set a claim's attributes (kind, check-worthiness, verdict, evidence, comment)."""
        return attrs != ann.attrs and self.push(claim_cmd.SetAttrs(self.project, ann, attrs))

    def set_link_attrs(self, article_id: int, link: Link, attrs: dict) -> bool:
        """Set an attribution's cue and quotation type."""
        return self.push(claim_cmd.SetLinkAttrs(self.project, article_id, link, attrs))

    def assign_source(self, article_id: int, mention_ids: list[int], source_id: int | None,
                      new: tuple[str, str, list[str]] | None = None) -> bool:
        """Point source mentions at a canonical source, or at a new one (name, kind, aliases)."""
        return self.push(source_cmd.AssignSource(self.project, article_id, mention_ids,
                                                 source_id, new))

    def merge_sources(self, keep: CanonicalSource, merged: list[CanonicalSource]) -> bool:
        """Fold sources into ``keep``: it keeps its name, theirs become its aliases, their
        mentions point at it."""
        merged = [s for s in {s.id: s for s in merged}.values() if s.id != keep.id]
        return bool(merged) and self.push(source_cmd.MergeSources(self.project, keep, merged))

    def rename_source(self, source: CanonicalSource, name: str) -> bool:
        """Rename a canonical source; refused (``failed`` says why) when the name is empty or
        another source's. False when nothing changed."""
        return " ".join(name.split()) != source.name and self.push(
            source_cmd.RenameSource(self.project, source, name))

    def set_source_kind(self, source: CanonicalSource, kind: str) -> bool:
        """Say what kind of source a canonical source is."""
        return kind != source.kind and self.push(
            source_cmd.SetSourceKind(self.project, source, kind))

    def group_claims(self, article_id: int, group_id: int | None, title: str,
                     members: list[tuple[int, str]]) -> int | None:
        """Add claims (with the values they state) to a group, or to a new one; the group's
        id, or None when it could not be stored."""
        command = claim_cmd.GroupClaims(self.project, article_id, group_id, title, members,
                                        self.annotator)
        return command.target if self.push(command) else None

    def merge_groups(self, keep: int, merged: int) -> bool:
        """Fold claim group ``merged`` into ``keep`` (undo brings it back as it was)."""
        return keep != merged and self.push(claim_cmd.MergeGroups(self.project, keep, merged))

    def ungroup(self, article_id: int, group_id: int, annotation_id: int) -> bool:
        """Take a claim out of a group."""
        return self.push(claim_cmd.UngroupClaim(self.project, article_id, group_id,
                                                annotation_id, self.annotator))

    def set_member(self, article_id: int, group_id: int, annotation_id: int, *,
                   value: str | None = None, stance: str | None = None) -> bool:
        """Record what a grouped claim states, or its stance."""
        return self.push(claim_cmd.SetMember(self.project, article_id, group_id, annotation_id,
                                             value, stance))

    def decide_match(self, query: MatchSpan, candidate: MatchSpan, decision: str,
                     method: str = "") -> bool:
        """Confirm or reject a claim-matching candidate (undoable)."""
        return self.push(claim_cmd.DecideMatch(self.project, query, candidate, decision,
                                               self.annotator, method))

    def resolve_group(self, group_id: int, *, holding_id: int | None | bool = False,
                      note: str | None = None, title: str | None = None) -> bool:
        """Record which claim holds and why, or retitle the group."""
        return self.push(claim_cmd.ResolveGroup(self.project, group_id, holding_id=holding_id,
                                                note=note, title=title))


class _ActionFailed(Exception):
    """A step of an action failed; the action's transaction rolls back."""


def _store_command(command: QUndoCommand) -> cmd.StoreCommand:
    """A command on the stack: every one the session pushes is a StoreCommand."""
    assert isinstance(command, cmd.StoreCommand)
    return command


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
