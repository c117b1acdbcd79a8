"""Checks an undo command makes before it acts: the rows it touches are still the ones it
made or saw. When one is not (another window or a background job changed it), ``Conflict``,
its reason in the interface's language (context ``Conflict``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Annotation, Layer, Span, Suggestion
from annotator.store import Project

translate = QCoreApplication.translate  # lupdate collects translate("Conflict", …)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Mark a text for translation where it is made (it is translated where it is shown);
    typed ``str``, unlike PySide6's."""
    return text


class Conflict(Exception):
    """A command cannot apply: a row it acts on is gone or no longer the one it made."""


@contextmanager
def conflicts() -> Iterator[None]:
    """An integrity error (a restored row whose id or reference is taken or gone) is a
    Conflict the user can read."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        raise Conflict(translate("Conflict", "the project changed meanwhile ({error})").format(
            error=exc)) from exc


def expect_annotation(project: Project, ann: Annotation | tuple[int, int, Span, Layer]
                      ) -> Annotation:
    """The annotation as stored (its attributes maybe newer than the caller's); Conflict unless
    it is stored with these bounds, label and layer."""
    if isinstance(ann, Annotation):
        ident, article_id, span, layer = (ann.id, ann.article_id,
                                          Span(ann.start, ann.end, ann.label), ann.layer)
    else:
        ident, article_id, span, layer = ann
    try:
        now = project.annotation(ident)
    except KeyError:
        raise Conflict(translate("Conflict", "the {label} span at {start}–{end} was removed "
                                 "elsewhere").format(label=span.label, start=span.start,
                                                     end=span.end)) from None
    if (now.article_id, now.layer, now.start, now.end, now.label) != (
            article_id, layer, span.start, span.end, span.label):
        raise Conflict(translate("Conflict", "the {label} span at {start}–{end} was changed "
                                 "elsewhere").format(label=span.label, start=span.start,
                                                     end=span.end))
    return now


def expect_suggestions(project: Project, suggestions: Iterable[Suggestion]) -> None:
    """Raise Conflict unless every suggestion is still stored as it was shown."""
    for sug in suggestions:
        try:
            now = project.suggestion(sug.id)
        except KeyError:
            raise Conflict(translate("Conflict", "the {label} suggestion at {start}–{end} is gone "
                                     "(suggestions were made again)").format(
                label=sug.label, start=sug.start, end=sug.end)) from None
        if (now.article_id, now.start, now.end, now.label) != (
                sug.article_id, sug.start, sug.end, sug.label):
            raise Conflict(translate("Conflict", "the {label} suggestion at {start}–{end} "
                                     "changed").format(label=sug.label, start=sug.start,
                                                       end=sug.end))


def expect_link(project: Project, link_id: int, from_id: int, to_id: int, kind: str) -> None:
    """Raise Conflict unless the link is stored between these annotations."""
    if not any(lk.id == link_id and (lk.from_id, lk.to_id, lk.kind) == (from_id, to_id, kind)
               for lk in project.links_of(from_id)):
        raise Conflict(translate("Conflict", "the link was changed or removed elsewhere"))
