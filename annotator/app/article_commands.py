"""Undoable edits of an article itself: its metadata (``app/metadata.py`` checks and writes)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.app import metadata
from annotator.app.changes import Part
from annotator.app.commands import Conflict, StoreCommand
from annotator.store import Project

translate = QCoreApplication.translate  # lupdate collects translate("UndoStep", …)
# The fields as an undo step names them (metadata.FIELDS), translated when shown
FIELD_NAMES = {"title": QT_TRANSLATE_NOOP("Field", "title"),
               "outlet": QT_TRANSLATE_NOOP("Field", "outlet"),
               "author": QT_TRANSLATE_NOOP("Field", "author"),
               "published": QT_TRANSLATE_NOOP("Field", "date"),
               "url": QT_TRANSLATE_NOOP("Field", "URL")}


def field_names(fields: Iterable[str]) -> str:
    """Fields named for the interface, e.g. "title, date" ("Titel, Datum")."""
    return ", ".join(translate("Field", str(FIELD_NAMES[name])) for name in fields)


class SetMeta(StoreCommand):
    """Set an article's title, outlet, author, date or URL, marked as set by a person."""

    article_id: int  # always one article

    parts = Part.META

    def __init__(self, project: Project, article_id: int,
                 fields: Mapping[str, str | None]) -> None:
        super().__init__(project, article_id, translate("UndoStep", "Edit {fields}").format(
            fields=field_names(fields)))
        self.fields = dict(fields)
        self.change = metadata.MetaChange(article_id)

    def apply(self) -> None:
        if self.first:  # the stored values are "before", whatever the form showed
            self.change = metadata.meta_change(self.project.article(self.article_id),
                                               self.fields)
            self.first = False
        elif not metadata.expect(self.project, self.change, undone=True):
            raise Conflict(translate("Conflict", "the article's details were changed elsewhere"))
        metadata.write(self.project, self.change)

    def revert(self) -> None:
        if not metadata.expect(self.project, self.change):
            raise Conflict(translate("Conflict", "the article's details were changed elsewhere"))
        metadata.write(self.project, self.change, undo=True)
