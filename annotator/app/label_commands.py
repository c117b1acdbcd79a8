"""The label scheme editor's use cases: renames and deletes are undoable commands (they
change data); colours, keys and new labels apply at once (they change how data is shown)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.app.changes import Changes, Part
from annotator.app.commands import StoreCommand
from annotator.core.model import Layer
from annotator.store import Project
from annotator.store import label_scheme as scheme

translate = QCoreApplication.translate  # lupdate collects translate("UndoStep", …)


class RenameLabel(StoreCommand):
    """Rename a label and every annotation and suggestion that carries it."""

    parts = Part.SPANS | Part.SUGGESTIONS

    def __init__(self, project: Project, layer: Layer, old: str, new: str) -> None:
        super().__init__(project, None, translate("UndoStep", "Rename label {old} to {new}").format(
            old=old, new=new))
        self.layer, self.old, self.new = layer, old, new.strip()
        if not self.new:
            raise ValueError(translate("Labels", "a label needs a name"))
        if scheme.label_row(project.db, layer, self.new) is not None:
            raise ValueError(translate("Labels", "{layer} label '{name}' exists already").format(
                layer=translate("Layer", layer.value), name=self.new))
        self.articles = frozenset(scheme.articles_using(project.db, layer, old))

    def apply(self) -> None:
        scheme.rename(self.project.db, self.layer, self.old, self.new)

    def revert(self) -> None:
        scheme.rename(self.project.db, self.layer, self.new, self.old)

    def changes(self) -> Changes:
        return Changes(self.articles, self.parts)


class DeleteLabel(StoreCommand):
    """Take an unused label out of the scheme (undo puts it back where it was)."""

    parts = Part.SPANS

    def __init__(self, project: Project, layer: Layer, name: str) -> None:
        super().__init__(project, None, translate("UndoStep", "Delete label {name}").format(
            name=name))
        self.layer, self.name = layer, name
        if scheme.uses(project.db, layer, name):
            raise ValueError(translate("Labels", "{name} is in use: rename it instead, or delete "
                                       "its spans first").format(name=name))
        self.row: dict[str, Any] | None = None

    def apply(self) -> None:
        self.row = scheme.delete(self.project.db, self.layer, self.name)

    def revert(self) -> None:
        if self.row is not None:
            scheme.restore(self.project.db, self.row)
