"""The source registry: every canonical source, its kind, aliases and mentions; merging,
renaming, kinds, undo, by keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.app.changes import Changes, Part
from annotator.app.session import Session
from annotator.core.model import CanonicalSource
from annotator.ui import theme
from annotator.ui.i18n import QT_TRANSLATE_NOOP, hint, keys_text
from annotator.ui.keymap import SOURCES_PAGE
from annotator.ui.keys import bind, bind_each, check_bound
from annotator.ui.plain import plain_label

Index = QModelIndex | QPersistentModelIndex
HEADERS = [QT_TRANSLATE_NOOP("SourceTableModel", "Source"),
           QT_TRANSLATE_NOOP("SourceTableModel", "Kind"),
           QT_TRANSLATE_NOOP("SourceTableModel", "Aliases"),
           QT_TRANSLATE_NOOP("SourceTableModel", "Mentions")]


class SourceTableModel(QAbstractTableModel):
    """The registry as a table (a few hundred rows: reset on change is the simple thing)."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[CanonicalSource] = []
        self.reload()

    def reload(self, *_changed: object) -> None:
        """Read the registry again."""
        self.beginResetModel()
        self.rows = self.session.project.claims.sources()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        src = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [src.name, src.kind, ", ".join(src.aliases), src.mentions][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return src
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None


class SourcesDialog(QDialog):
    """The registry by keyboard (``sources.*`` in the keymap): select a suggested merge, merge
    into the source the user picks, rename, change the kind, undo and redo (the session's
    stack). The status line says what each key did; the table follows every change."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source registry"))
        self.session = session
        self.model = SourceTableModel(session, self)
        self.table = QTableView(self)
        self.table.setObjectName("sourceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.name_label, self.name_edit = plain_label(self), QLineEdit(self)
        self.name_edit.setObjectName("sourceName")
        self.name_edit.returnPressed.connect(self._commit_rename)
        self.rename_bar = QWidget(self)
        bar = QHBoxLayout(self.rename_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.name_label)
        bar.addWidget(self.name_edit, 1)
        self.rename_bar.hide()
        self.status = plain_label(self)
        self.status.setObjectName("sourceStatus")
        self.hint = plain_label(self, hint(SOURCES_PAGE))
        layout = QVBoxLayout(self)
        for widget in (self.table, self.rename_bar, self.status, self.hint):
            layout.addWidget(widget)
        self.status.setWordWrap(True)
        self.hint.setWordWrap(True)
        theme.style(self.hint, "color: $muted")
        self.resize(760, 460)
        self._proposals: list[list[int]] = []  # source ids that look like one source
        self._merging: list[CanonicalSource] = []  # M chose these; a digit picks the keeper
        self._renaming: CanonicalSource | None = None
        self._install_keys()
        # bound methods, so Qt drops the connections when the dialog goes
        session.changed.connect(self._changed)
        session.failed.connect(self.status.setText)
        self.table.selectionModel().selectionChanged.connect(self._selection_moved)

    def _install_keys(self) -> None:
        for name, slot in (("sources.merge", self.merge_selected),
                           ("sources.rename", self.rename_current),
                           ("sources.kind", self.cycle_kind),
                           ("sources.suggest", self.suggest_merge),
                           ("sources.undo", self.undo),
                           ("sources.redo", self.redo)):
            bind(self, name, slot)
        bind_each(self, "sources.keep", self.keep)
        check_bound(self, SOURCES_PAGE)

    # -- the table ---------------------------------------------------------------------------

    def selected(self) -> list[CanonicalSource]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r] for r in rows]

    def current(self) -> CanonicalSource | None:
        """The source at the table's cursor, else the first selected one."""
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            return self.model.rows[row]
        chosen = self.selected()
        return chosen[0] if chosen else None

    def select(self, ids: set[int] | list[int], current: int | None = None) -> None:
        """Select the rows of these sources; the cursor on ``current`` (else the first)."""
        rows = [i for i, s in enumerate(self.model.rows) if s.id in ids]
        last = self.model.columnCount() - 1
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        model = self.table.selectionModel()
        model.select(selection, flags.ClearAndSelect | flags.Rows)
        at = next((i for i, s in enumerate(self.model.rows) if s.id == current),
                  rows[0] if rows else -1)
        if at >= 0:
            model.setCurrentIndex(self.model.index(at, 0), flags.NoUpdate)
            self.table.scrollTo(self.model.index(at, 0))

    def _changed(self, changes: Changes) -> None:
        """Read the registry again after any change to sources or mentions (here, in the
        article, undo and redo), keeping the selection where its sources still are."""
        if changes.parts & (Part.SOURCES | Part.SPANS):
            merging, self._merging = self._merging, []  # not cancelled by the reselection
            ids, current = [s.id for s in self.selected()], self.current()
            self.model.reload()
            self.select(ids, current.id if current else None)
            self._merging = merging

    def _selection_moved(self, *_args: object) -> None:
        if self._merging:
            self._merging = []
            self.status.setText(self.tr("Merge cancelled: the selection changed."))

    def reject(self) -> None:
        """Esc: cancel a rename or a merge first, else close."""
        if self._renaming is not None:
            self._close_rename()
            self.status.setText(self.tr("Rename cancelled."))
        elif self._merging:
            self._merging = []
            self.status.setText(self.tr("Merge cancelled."))
        else:
            super().reject()

    # -- the keys ----------------------------------------------------------------------------

    def merge_selected(self) -> None:
        """Start a merge of the selected sources: the status line asks which one stays."""
        chosen = self.selected()
        if len(chosen) < 2:
            self.status.setText(self.tr("Select two or more sources to merge (Shift+arrows "
                                        "select rows; {keys} a suggested merge).").format(
                keys=keys_text("sources.suggest")))
            return
        self._merging = chosen
        options = " · ".join(f"{n} {s.name}" for n, s in enumerate(chosen[:9], 1))
        self.status.setText(self.tr("Merge {n} sources: which name stays? {options} (Esc "
                                    "cancels)").format(n=len(chosen), options=options))

    def keep(self, n: int) -> None:
        """Finish the merge: the n-th source keeps its name, the others fold into it."""
        chosen, self._merging = self._merging, []
        if not chosen:
            self.status.setText(self.tr("Nothing to merge: select sources, then {keys}.").format(
                keys=keys_text("sources.merge")))
            return
        if n >= min(len(chosen), 9):
            self._merging = chosen
            self.status.setText(self.tr("There is no source {n} in this merge: 1 to {last} pick "
                                        "the one that stays.").format(
                n=n + 1, last=min(len(chosen), 9)))
            return
        keep, others = chosen[n], chosen[:n] + chosen[n + 1:]
        if self.session.merge_sources(keep, others):
            self.select({keep.id})
            merged = self.session.project.claims.source(keep.id)
            self.status.setText(
                self.tr("Merged {others} into {keep}: {mentions} mentions; aliases {aliases}. "
                        "{keys} undoes.").format(
                    others=", ".join(s.name for s in others), keep=keep.name,
                    mentions=merged.mentions,
                    aliases=", ".join(merged.aliases) or self.tr("none"),
                    keys=keys_text("sources.undo")))

    def rename_current(self) -> None:
        """Open the name of the source at the cursor for editing, under the table."""
        src = self.current()
        if self._renaming is not None:  # F2 again while typing: keep what was typed
            self.name_edit.setFocus()
            return
        if src is None:
            self.status.setText(self.tr("Select a source to rename."))
            return
        self._renaming = src
        self.name_label.setText(self.tr("Rename {name} to:").format(name=src.name))
        self.name_edit.setText(src.name)
        self.name_edit.selectAll()
        self.rename_bar.show()
        self.name_edit.setFocus()
        self.status.setText(self.tr("Type the new name: Enter saves, Esc cancels."))

    def _commit_rename(self) -> None:
        src, name = self._renaming, " ".join(self.name_edit.text().split())
        if src is None:
            return
        if name == src.name:
            self._close_rename()
            self.status.setText(self.tr("The name is unchanged."))
        elif self.session.rename_source(src, name):  # else the status says why; keep typing
            self._close_rename()
            self.select({src.id})
            self.status.setText(self.tr("Renamed {old} to {new}. {keys} undoes.").format(
                old=src.name, new=name, keys=keys_text("sources.undo")))

    def _close_rename(self) -> None:
        self._renaming = None
        self.rename_bar.hide()
        self.table.setFocus()

    def cycle_kind(self) -> None:
        """Give the current source the next kind (person, government, agency, …)."""
        from annotator.nlp.sources import SOURCE_KINDS

        src = self.current()
        if src is None:
            self.status.setText(self.tr("Select a source to change its kind."))
            return
        kind = SOURCE_KINDS[(SOURCE_KINDS.index(src.kind) + 1) % len(SOURCE_KINDS)] \
            if src.kind in SOURCE_KINDS else SOURCE_KINDS[0]
        if self.session.set_source_kind(src, kind):
            self.select({src.id})
            self.status.setText(self.tr("{name} is now of kind {kind}.").format(
                name=src.name, kind=kind))

    def suggest_merge(self) -> None:
        """Select the next group of sources that look like one (names, aliases, roles)."""
        from annotator.nlp.sources import group_mentions

        rows = self.model.rows
        if not self._proposals:
            self._proposals = [[rows[r].id for r in g]
                               for g in group_mentions([s.name for s in rows]) if len(g) > 1]
        by_id = {s.id: s for s in rows}
        group: list[CanonicalSource] = []
        while self._proposals and len(group) < 2:  # sources merged meanwhile drop out
            group = [by_id[i] for i in self._proposals.pop(0) if i in by_id]
        if len(group) < 2:
            self.status.setText(self.tr("No merges to suggest."))
            return
        self.select({s.id for s in group})
        self.status.setText(self.tr("Suggested: {names} — {keys} merges them.").format(
            names=", ".join(s.name for s in group), keys=keys_text("sources.merge")))

    def undo(self) -> None:
        """Take back the last action (here or in the window), as the window's undo does."""
        self._step(self.session.undo_stack.canUndo(), self.session.undo_stack.undoText(),
                   self.session.undo, self.tr("Nothing to undo."), self.tr("Undone: {step}."))

    def redo(self) -> None:
        """Do the last undone action again."""
        self._step(self.session.undo_stack.canRedo(), self.session.undo_stack.redoText(),
                   self.session.redo, self.tr("Nothing to redo."), self.tr("Redone: {step}."))

    def _step(self, possible: bool, text: str, step, nothing: str, done: str) -> None:
        if not possible:
            self.status.setText(nothing)
        elif step():  # else the status says why not
            self.status.setText(done.format(step=text))
