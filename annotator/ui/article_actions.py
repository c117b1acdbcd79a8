"""Keys on the open article itself: its zones (a picker) and its details (a small form)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu

from annotator.app.zones import line_around
from annotator.core.spans import snap_to_tokens
from annotator.core.zones import ZONE_LABELS
from annotator.ui.keymap import BODY_KEY, zone_keys
from annotator.ui.review_actions import when_closed
from annotator.ui.workbench import NO_ARTICLE

if TYPE_CHECKING:
    from annotator.ui.meta_form import MetaForm


class ArticleActions(QObject):
    """``zone.set`` and ``article.meta`` of the keymap, on the workbench's article."""

    def __init__(self, workbench) -> None:
        super().__init__(workbench)
        self.wb, self.session, self.editor = workbench, workbench.session, workbench.editor
        self.form: MetaForm | None = None
        workbench.bind("zone.set", self.pick_zone)
        workbench.bind("article.meta", self.edit_meta)

    def zone_target(self) -> tuple[int, int] | None:
        """The selection, snapped to whole words, or the line at the cursor."""
        text = self.wb.state.text
        start, end = self.editor.selection_cp()
        if start < end:
            return snap_to_tokens(text, start, end)
        return line_around(text, self.editor.cursor_cp())

    def pick_zone(self) -> None:
        """Open the zone picker for the line at the cursor or the selection."""
        if self.wb.state is None:
            self.wb.say(self.wb.tr(NO_ARTICLE))
            return
        target = self.zone_target()
        if target is None:
            self.session.failed.emit(self.tr("Zone: put the cursor on a line with text, or select "
                                             "text"))
            return
        menu = self.zone_menu(target)
        when_closed(menu, lambda label: self.set_zone(target, label),
                    lambda: self.wb.say(self.tr("Zone: nothing chosen, nothing changed")))
        self.wb.set_keys_enabled(False)  # the picker's letters are no article keys meanwhile
        menu.aboutToHide.connect(lambda: self.wb.set_keys_enabled(True))
        rect = self.editor.cursorRect()
        menu.popup(self.editor.viewport().mapToGlobal(rect.bottomLeft()))

    def zone_menu(self, target: tuple[int, int]) -> QMenu:
        """One entry per zone label with its letter, then body; the zone there now checked."""
        zones = self._zones_over(target)
        now = zones[0].label if zones else None
        menu = QMenu(self.editor.window())
        menu.setObjectName("zonePicker")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for label, key in zone_keys().items():
            action = menu.addAction(f"&{key}  {label}")
            action.setData(label)
            action.setToolTip(ZONE_LABELS[label])
            action.setCheckable(True)
            action.setChecked(label == now)
        menu.addSeparator()
        body = menu.addAction(f"&{BODY_KEY}  " + self.tr("body (no zone)"))
        body.setData(None)
        body.setCheckable(True)
        body.setChecked(now is None)
        return menu

    def set_zone(self, target: tuple[int, int], label: str | None) -> None:
        """Set the zone (one undo step) and put the cursor at its start."""
        state = self.wb.state
        if state is None:
            return
        if label is None and not self._zones_over(target):
            self.session.failed.emit(self.tr("Zone: no zone there, it is body already"))
            return
        self.session.set_zone(state.article.id, *target, label)
        self.editor.select_cp(target[0], target[0])

    def _zones_over(self, target: tuple[int, int]) -> list:
        return [z for z in self.wb.state.zones if z.start < target[1] and target[0] < z.end]

    def edit_meta(self) -> None:
        """Open the form of the article's details; on close the text has the focus again."""
        if self.wb.state is None:
            self.wb.say(self.wb.tr(NO_ARTICLE))
            return
        from annotator.ui.meta_form import MetaForm  # made when first opened

        self.form = MetaForm(self.session, self.wb.state.article, self.editor.window())
        self.form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form.finished.connect(self._form_closed)
        self.form.open()
        self.form.fields["title"].setFocus()

    def _form_closed(self, _result: int) -> None:
        self.form = None
        self.editor.window().activateWindow()
        self.editor.setFocus()
