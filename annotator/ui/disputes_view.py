"""Disputed claims side by side: the groups on the left, one column per claim on the right."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.app import disputes
from annotator.app.changes import Changes, Part
from annotator.app.session import Session
from annotator.core.model import ClaimGroup, GroupMember
from annotator.ui import theme
from annotator.ui.disputes_column import MemberColumn, rich
from annotator.ui.disputes_models import DisputeFilter, GroupListModel, GroupRole
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.keys import bind, bind_each
from annotator.ui.plain import rich_label

STYLE = """
#disputesView { background: $panel; }
#groupList { background: $card; border: 1px solid $line; border-radius: 6px; padding: 4px; }
#groupList::item { padding: 6px 4px; border-bottom: 1px solid $line; color: $text; }
#groupList::item:selected { background: $card_selected; color: $card_selected_text; }
#columns { background: transparent; }
QLabel { color: $text; }
"""
KEYS_HINT = QT_TRANSLATE_NOOP("DisputesView", '<span style="color:$muted">J/K group · H/L claim · '
                              "1–9 holds<br>V value · R why · T title · Del remove<br>Enter "
                              "opens the claim · A all groups</span>")
TEXTS_KEPT = 256  # article texts kept for the claims' context, read again beyond that


class InlineField(QLineEdit):
    """A one-line editor inside the view; Esc cancels it."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class DisputesView(QWidget):
    """Compare the claims of a point in dispute and record which one holds, from the keyboard."""

    claim_opened = Signal(int, int, int)  # article id, start, end: show this claim in its article

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.project = session, session.project
        self.columns: list[MemberColumn] = []
        self._group: ClaimGroup | None = None
        self._current = 0
        self._editing = ""  # what the edit bar edits: "value" or "title"
        self._texts: dict[int, str] = {}  # article texts never change: read each once
        self.model = GroupListModel(self)
        self.proxy = DisputeFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._install_keys()
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        session.changed.connect(self._changed)  # the groups are read once it shows
        theme.notifier.changed.connect(self._retheme)

    def _build(self) -> None:
        self.setObjectName("disputesView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        theme.style(self, STYLE)
        self.scope = QComboBox(self)
        self.scope.addItems([self.tr("Disputed only"), self.tr("All groups")])
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.list = QListView(self)
        self.list.setObjectName("groupList")
        self.list.setModel(self.proxy)
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(10, 10))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.activated.connect(lambda _i: self.open_current())
        self.title, self.summary = rich("", self), rich("", self)
        holder = QWidget(self)
        holder.setObjectName("columns")
        holder.installEventFilter(self)
        self.row = QHBoxLayout(holder)
        self.row.setContentsMargins(0, 4, 0, 4)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(holder)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_label = rich_label(self)
        self.editor, self.note = InlineField(self), InlineField(self)
        self.editor.returnPressed.connect(self._commit_edit)
        self.editor.cancelled.connect(self._close_editor)
        self.note.setPlaceholderText(self.tr("Why the claim holds (R edits, Enter saves, Esc "
                                             "restores)"))
        self.note.editingFinished.connect(self._commit_note)
        self.note.cancelled.connect(self._cancel_note)
        self._lay_out()

    def _lay_out(self) -> None:
        left, right, self.edit_bar = QWidget(self), QWidget(self), QWidget(self)
        side = QVBoxLayout(left)
        side.setContentsMargins(8, 8, 4, 8)
        side.addWidget(self.scope)
        side.addWidget(self.list, 1)
        self.keys_hint = rich(theme.fill(self.tr(KEYS_HINT)), self)
        side.addWidget(self.keys_hint)
        bar = QHBoxLayout(self.edit_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.edit_label)
        bar.addWidget(self.editor, 1)
        self.edit_bar.hide()
        note = QHBoxLayout()
        note.addWidget(QLabel("<b>" + self.tr("Why it holds") + "</b>", self))
        note.addWidget(self.note, 1)
        main = QVBoxLayout(right)
        main.setContentsMargins(8, 8, 8, 8)
        for widget in (self.title, self.summary, self.scroller, self.edit_bar):
            main.addWidget(widget, 1 if widget is self.scroller else 0)
        main.addLayout(note)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([250, 1150])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split)

    def _install_keys(self) -> None:
        for name, slot in (("disputes.next_group", lambda: self.step_group(1)),
                           ("disputes.previous_group", lambda: self.step_group(-1)),
                           ("disputes.next_claim", lambda: self.step_member(1)),
                           ("disputes.previous_claim", lambda: self.step_member(-1)),
                           ("disputes.value", self.edit_value),
                           ("disputes.stance", self.cycle_stance),
                           ("disputes.note", self.edit_note),
                           ("disputes.title", self.edit_title),
                           ("disputes.remove", self.remove_current),
                           ("disputes.scope", self.toggle_scope)):
            bind(self, name, slot)
        bind_each(self, "disputes.holds", self.toggle_holding)

    # -- reading -----------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        """Read the groups as they are now (a hidden view reads none); the first one listed is
        shown when none is."""
        super().showEvent(event)
        self.refresh()
        if not self.list.currentIndex().isValid():
            self.step_group(1)

    def refresh(self) -> None:
        """Reload after any change, also undo and redo; the shown group stays shown."""
        if len(self._texts) > TEXTS_KEPT:
            self._texts.clear()
        self.model.set_groups(self.project.claims.groups(annotator=self.session.shown))
        if self._group is not None and self.model.row_of(self._group.id) is not None:
            self.proxy.pin(self._group.id)
        self._show_current()

    def current_group(self) -> ClaimGroup | None:
        """The group on the right, as the store last had it."""
        return self._group

    def current_member(self) -> GroupMember | None:
        """The claim the keys act on (the column with the blue edge)."""
        members = self._group.members if self._group else ()
        return members[self._current] if 0 <= self._current < len(members) else None

    def select_group(self, group_id: int) -> bool:
        """Show a group (listed even when the filter would hide it); False when there is none."""
        row = self.model.row_of(group_id)
        if row is None:
            return False
        self.proxy.pin(group_id)
        self.list.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row)))
        return True

    def _scope_changed(self, index: int) -> None:
        self.proxy.set_filter(index == 0, self.proxy.pinned)
        if not self.list.currentIndex().isValid() and self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))  # so the group keys act on one
        self._show_current()

    def _show_current(self) -> None:
        group = self.list.currentIndex().data(GroupRole)
        if group is not None and (self._group is None or group.id != self._group.id):
            self._current = 0
            self.proxy.pin(group.id)
            self._close_editor()
        self._group = group
        self._render()

    def _retheme(self) -> None:
        """Another theme: the columns and texts coloured here are made again."""
        self.keys_hint.setText(theme.fill(self.tr(KEYS_HINT)))
        self._render()

    def _changed(self, changes: Changes) -> None:
        if changes.parts & (Part.GROUPS | Part.SOURCES) and self.isVisible():
            self.refresh()

    def _open_column(self, n: int) -> None:
        self._pick(n)
        self.open_current()

    def _render(self) -> None:
        while (item := self.row.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.columns, g = [], self._group
        if g is None:
            self.title.setText(f'<span style="font-size:15pt; color:{theme.role("muted")}">'
                               + self.tr("No disputed claims") + "</span>")
            self.summary.setText(self.tr("Group claims in the article view; A lists all groups."))
            self.note.clear()
            return
        self._current = max(0, min(self._current, len(g.members) - 1))
        self.title.setText(f'<span style="font-size:16pt; font-weight:600">{escape(g.title)}'
                           "</span>")
        self.summary.setText(self._summary(g))
        for n, side in enumerate(disputes.sides(g, self._text)):
            column = MemberColumn(n, side, self)
            column.picked.connect(self._pick)
            column.opened.connect(self._open_column)
            column.acted.connect(self._column_link)
            self.row.addWidget(column, 1)
            self.columns.append(column)
        self.row.addStretch(0)
        self.set_current_member(self._current)
        if not self.note.hasFocus():
            self.note.setText(g.note)
        QTimer.singleShot(0, self, self._align)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._align)  # once the columns have their new widths
        return False

    def _align(self) -> None:
        """Give each part the same height in every column, so that the values line up."""
        for part in ("header", "source", "value"):
            labels = [getattr(c, part) for c in self.columns]
            height = max((lb.heightForWidth(lb.width()) for lb in labels), default=0)
            for label in labels:
                label.setMinimumHeight(height)

    def _summary(self, g: ClaimGroup) -> str:
        told = self.tr(" vs ").join(f"<b>{escape(v)}</b> ({n})"
                                    for v, n in disputes.stated_values(g))
        held = disputes.holding_member(g)
        t = theme.current()
        word = self.tr("disputed") if g.disputed else self.tr("agreed")
        state = f'<span style="color:{t.dispute if g.disputed else t.muted}">' \
            f"{word}</span>{': ' + told if told else ''}"
        verdict = (f' · <span style="color:{t.holding}">' + self.tr("holds: {outlet}, {value}")
                   .format(outlet=escape(held.outlet or "—"), value=escape(held.value or "—"))
                   + "</span>") if held else self.tr(" · undecided")
        return self.tr("%n claim(s) · ", "", len(g.members)) + state + verdict

    def _text(self, article_id: int) -> str:
        if article_id not in self._texts:
            self._texts[article_id] = self.project.article(article_id).text
        return self._texts[article_id]

    # -- acting: every change goes through the session ---------------------------------------

    def step_group(self, step: int) -> None:
        """Show the next or previous listed group."""
        row = self.list.currentIndex().row() + step
        if 0 <= row < self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(row, 0))

    def step_member(self, step: int) -> None:
        """Move the keys to the next or previous column."""
        self.set_current_member(self._current + step)

    def set_current_member(self, n: int) -> None:
        """Make column ``n`` the one the keys act on."""
        if 0 <= n < len(self.columns):
            self._current = n
            for column in self.columns:
                column.set_current(column.n == n)
            self.scroller.ensureWidgetVisible(self.columns[n], 10, 0)

    def _pick(self, n: int) -> None:
        """A click on a column: it becomes current, and the keyboard goes back to the list."""
        self.set_current_member(n)
        self.list.setFocus()

    def toggle_holding(self, n: int) -> None:
        """Record that claim ``n`` holds; on the claim already holding, clear the decision."""
        g = self._group
        if g is not None and 0 <= n < len(g.members):
            self.set_current_member(n)
            self.session.resolve_group(g.id, holding_id=disputes.holding_after(g, n))

    def edit_value(self) -> None:
        """Edit what the current claim states, in the bar under the columns."""
        m = self.current_member()
        if m is not None:
            self._open_editor("value", self.tr("Value in <b>{outlet}</b>:").format(
                outlet=escape(m.outlet or "—")), m.value)

    def cycle_stance(self) -> None:
        """Give the current claim the next stance on the group's point."""
        m = self.current_member()
        if m is not None and self._group is not None:
            self.session.set_member(m.article_id, self._group.id, m.annotation_id,
                                    stance=disputes.next_stance(m.stance))

    def edit_title(self) -> None:
        """Retitle the group, in the bar under the columns."""
        if self._group is not None:
            self._open_editor("title", "<b>" + self.tr("Group title:") + "</b>",
                              self._group.title)

    def edit_note(self) -> None:
        """Put the keyboard in the note; Enter saves it, Esc restores it."""
        if self._group is not None:
            self.note.setFocus()
            self.note.end(False)

    def remove_current(self) -> None:
        """Take the current claim out of the group (the claim itself stays)."""
        m = self.current_member()
        if m is not None and self._group is not None:
            self.session.ungroup(m.article_id, self._group.id, m.annotation_id)

    def toggle_scope(self) -> None:
        """Switch between disputed groups and all groups."""
        self.scope.setCurrentIndex(1 - self.scope.currentIndex())

    def open_current(self) -> None:
        """Ask the window to show the current claim in its article."""
        m = self.current_member()
        if m is not None:
            self.claim_opened.emit(m.article_id, m.start, m.end)

    def _column_link(self, n: int, key: str) -> None:
        self._pick(n)
        {"holds": lambda: self.toggle_holding(n), "value": self.edit_value,
         "open": self.open_current, "remove": self.remove_current}[key]()

    def _open_editor(self, what: str, prompt: str, text: str) -> None:
        self._editing = what
        self.edit_label.setText(prompt)
        self.editor.setText(text)
        self.editor.selectAll()
        self.edit_bar.show()
        self.editor.setFocus()

    def _close_editor(self) -> None:
        self._editing = ""
        if not self.edit_bar.isHidden():
            self.edit_bar.hide()
            self.list.setFocus()

    def _commit_edit(self) -> None:
        what, typed, g, m = self._editing, self.editor.text(), self._group, self.current_member()
        self._close_editor()
        if what == "value" and g is not None and m is not None:
            if (value := disputes.new_value(m, typed)) is not None:
                self.session.set_member(m.article_id, g.id, m.annotation_id, value=value)
        elif what == "title" and g is not None and (title := disputes.new_title(g, typed)):
            self.session.resolve_group(g.id, title=title)

    def _commit_note(self) -> None:
        g, typed = self._group, self.note.text()
        if self.note.hasFocus():
            self.list.setFocus()
        if g is not None and (note := disputes.new_note(g, typed)) is not None:
            self.session.resolve_group(g.id, note=note)

    def _cancel_note(self) -> None:
        self.note.setText(self._group.note if self._group else "")
        self.list.setFocus()
