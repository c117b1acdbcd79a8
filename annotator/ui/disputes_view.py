"""Disputed claims side by side: the groups on the left, one column per claim on the right."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
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

from annotator.app.changes import Part
from annotator.app.session import Session
from annotator.core.model import STANCES, ClaimGroup, GroupMember
from annotator.core.spans import sentence_around
from annotator.ui.keys import bind, bind_each
from annotator.ui.plain import rich_label, tooltip

GroupRole = Qt.ItemDataRole.UserRole + 1  # the ClaimGroup of a row
Index = QModelIndex | QPersistentModelIndex
GREEN, BLUE, AMBER, GREY, LINE = "#2e7d32", "#1565c0", "#c77700", "#6b7280", "#d5dae1"
MARK = "#ffe38a"  # background of the words that differ from the compared claim
CAPTION = f'<span style="color:{GREY}; font-size:8pt; letter-spacing:1px">{{}}</span><br>'
STYLE = """
#disputesView { background: #f6f7f9; }
#groupList { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px; padding: 4px; }
#groupList::item { padding: 6px 4px; border-bottom: 1px solid #eef0f3; color: #1f2933; }
#groupList::item:selected { background: #e3edfb; color: #0d2a4f; }
#columns { background: transparent; }
QLabel { color: #1f2933; }
"""


class GroupListModel(QAbstractListModel):
    """Every claim group of the project, following the store with precise row changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[ClaimGroup] = []

    def set_groups(self, groups: list[ClaimGroup]) -> None:
        """Follow the store (groups come ordered by id) without resetting the selection."""
        keep = {g.id for g in groups}
        for row in reversed(range(len(self._groups))):
            if self._groups[row].id not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._groups[row]
                self.endRemoveRows()
        present = {g.id for g in self._groups}
        for row, group in enumerate(groups):
            if group.id not in present:
                self.beginInsertRows(QModelIndex(), row, row)
                self._groups.insert(row, group)
                self.endInsertRows()
        self._groups = list(groups)
        if groups:
            self.dataChanged.emit(self.index(0), self.index(len(groups) - 1))

    def row_of(self, group_id: int) -> int | None:
        """The row of a group, None when the project has no such group."""
        return next((r for r, g in enumerate(self._groups) if g.id == group_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        g = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            n = len(g.members)
            return f"{g.title}\n{n} claim{'s' if n != 1 else ''} · " + \
                ("disputed" if g.disputed else "agreed") + (" · decided" if g.holding_id else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(GREEN if g.holding_id else AMBER if g.disputed else "#b8bec7")
        return {Qt.ItemDataRole.ToolTipRole: tooltip(g.note or g.title), GroupRole: g}.get(role)


class DisputeFilter(QSortFilterProxyModel):
    """Disputed groups only, or all; the group on screen stays listed while it is worked on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.disputed_only: bool = True
        self.pinned: int | None = None

    def set_filter(self, disputed_only: bool, pinned: int | None) -> None:
        """Change what passes, re-filtering only when something changed."""
        if (disputed_only, pinned) != (self.disputed_only, self.pinned):
            self.beginFilterChange()
            self.disputed_only, self.pinned = disputed_only, pinned
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pin(self, group_id: int | None) -> None:
        """Keep this group listed whatever the filter says (the one on screen)."""
        self.set_filter(self.disputed_only, group_id)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        group = self.sourceModel().index(row, 0, parent).data(GroupRole)
        return not self.disputed_only or group.disputed or group.id == self.pinned


def context_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The text from the sentence before a claim to the sentence after it, in three parts."""
    head = sentence_around(text, start)[0]
    prev = len(text[:head].rstrip()) - 1
    lo = sentence_around(text, prev)[0] if prev >= 0 else head
    tail = max(end, sentence_around(text, max(start, end - 1))[1])
    nxt = len(text) - len(text[tail:].lstrip())
    hi = sentence_around(text, nxt)[1] if nxt < len(text) else tail
    return text[min(lo, start):start], text[start:end], text[end:max(hi, end)]


def plain(text: str, limit: int, keep_end: bool) -> str:
    """Escaped context of at most ``limit`` characters; paragraph breaks stay line breaks."""
    if len(text) > limit:
        text = "…" + text[-limit:] if keep_end else text[:limit] + "…"
    body = "<br>".join(escape(" ".join(p.split())) for p in re.split(r"\n\s*\n", text))
    if keep_end and text[-1:].isspace():
        return body + " "
    return " " + body if not keep_end and text[:1].isspace() else body


def marked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escaped text with the given character spans highlighted."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if max(start, pos) < end:
            out.append(escape(text[pos:max(start, pos)]))
            out.append(f'<span style="background-color:{MARK}">'
                       f"{escape(text[max(start, pos):end])}</span>")
            pos = end
    return "".join(out) + escape(text[pos:])


def differing(a: str, b: str) -> list[tuple[int, int]]:
    """Where claim ``a`` says something claim ``b`` does not (nlp is imported when needed)."""
    from annotator.nlp.match_features import differing_words

    return list(differing_words(a, b)[0])


def counterpart(members: tuple[GroupMember, ...], i: int) -> GroupMember | None:
    """What a claim is compared with: the first one stating another value, else the next."""
    mine = members[i].value.strip().casefold()
    contra = [m for m in members if m.value.strip().casefold() != mine]
    if contra:
        return contra[0]
    return members[(i + 1) % len(members)] if len(members) > 1 else None


def rich(html: str, parent: QWidget) -> QLabel:
    """A wrapping rich-text label, aligned to the top left (user text in ``html`` escaped)."""
    label = rich_label(parent, html)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class InlineField(QLineEdit):
    """A one-line editor inside the view; Esc cancels it."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class MemberColumn(QFrame):
    """One claim of the group: where it appeared, who says it, what it states, in context."""

    picked = Signal(int)  # column number: the column was clicked
    opened = Signal(int)  # double-clicked: show the claim in its article
    acted = Signal(int, str)  # a link in the column: "holds", "value", "open", "remove"

    def __init__(self, n: int, m: GroupMember, context: str, holds: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.n, self.member, self.holds = n, m, holds
        self.setObjectName("memberColumn")
        self.setMinimumWidth(190)
        self.setMaximumWidth(560)
        badge = f' &nbsp;<b style="color:{GREEN}">✓ holds</b>' if holds else ""
        stance = f' <span style="color:{GREY}">· {escape(m.stance)}</span>' if m.stance else ""
        outlet = f"<b>{escape(m.outlet)}</b>" if m.outlet else f'<i style="color:{GREY}">' \
            "no outlet</i>"
        self.header = rich(
            f'<span style="background:#e6eaf0; color:#374151">&nbsp;{n + 1}&nbsp;</span> {outlet}'
            f'<br><span style="color:{GREY}">{escape(m.published or "no date")}</span>{badge}'
            f'<br><span style="color:#4b5563">{escape(m.article_title)}</span>', self)
        self.source = rich(CAPTION.format("SOURCE") + (escape(m.source) if m.source else
                           f'<i style="color:{GREY}">no source linked</i>'), self)
        self.value = rich(CAPTION.format("VALUE") + '<span style="font-size:15pt; font-weight:'
                          f'600">{escape(m.value) or "—"}</span>{stance}', self)
        self.context = rich(context, self)
        self.links = rich(" · ".join(
            f'<a href="{k}" style="color:{BLUE}; text-decoration:none">{t}</a>' for k, t in (
                ("holds", "clear" if holds else "holds"), ("value", "value"), ("open", "open"),
                ("remove", "remove"))), self)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.links.linkActivated.connect(lambda key: self.acted.emit(self.n, key))
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 10, 12, 10)
        box.setSpacing(8)
        for widget in (self.header, self.source, self.value, self.context):
            box.addWidget(widget)
        box.addStretch(1)
        box.addWidget(self.links)
        self.set_current(False)

    def set_current(self, current: bool) -> None:
        """A green frame when the claim holds; a blue top edge on the column the keys act on."""
        edge = GREEN if self.holds else LINE
        self.setStyleSheet(
            f"#memberColumn {{ background: {'#f2f9f2' if self.holds else '#ffffff'}; "
            f"border: {2 if self.holds else 1}px solid {edge}; "
            f"border-top: 4px solid {BLUE if current else edge}; border-radius: 6px; }}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.picked.emit(self.n)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.opened.emit(self.n)


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
        session.changed.connect(
            lambda changes: changes.parts & (Part.GROUPS | Part.SOURCES) and self.refresh())
        self.refresh()
        self.step_group(1)

    def _build(self) -> None:
        self.setObjectName("disputesView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        self.scope = QComboBox(self)
        self.scope.addItems(["Disputed only", "All groups"])
        self.scope.currentIndexChanged.connect(
            lambda i: self.proxy.set_filter(i == 0, self.proxy.pinned))
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
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(holder)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_label = rich_label(self)
        self.editor, self.note = InlineField(self), InlineField(self)
        self.editor.returnPressed.connect(self._commit_edit)
        self.editor.cancelled.connect(self._close_editor)
        self.note.setPlaceholderText("Why the claim holds (R edits, Enter saves, Esc restores)")
        self.note.editingFinished.connect(self._commit_note)
        self.note.cancelled.connect(self._cancel_note)
        self._lay_out()

    def _lay_out(self) -> None:
        left, right, self.edit_bar = QWidget(self), QWidget(self), QWidget(self)
        side = QVBoxLayout(left)
        side.setContentsMargins(8, 8, 4, 8)
        side.addWidget(self.scope)
        side.addWidget(self.list, 1)
        side.addWidget(rich(f'<span style="color:{GREY}">J/K group · H/L claim · 1–9 holds<br>'
                            "V value · R why · T title · Del remove<br>Enter opens the claim · "
                            "A all groups</span>", self))
        bar = QHBoxLayout(self.edit_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.edit_label)
        bar.addWidget(self.editor, 1)
        self.edit_bar.hide()
        note = QHBoxLayout()
        note.addWidget(QLabel("<b>Why it holds</b>", self))
        note.addWidget(self.note, 1)
        main = QVBoxLayout(right)
        main.setContentsMargins(8, 8, 8, 8)
        for widget in (self.title, self.summary, self.scroll, self.edit_bar):
            main.addWidget(widget, 1 if widget is self.scroll else 0)
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

    def refresh(self) -> None:
        """Reload after any change, also undo and redo; the shown group stays shown."""
        self.model.set_groups(self.project.claims.groups())
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

    def _show_current(self) -> None:
        group = self.list.currentIndex().data(GroupRole)
        if group is not None and (self._group is None or group.id != self._group.id):
            self._current = 0
            self.proxy.pin(group.id)
            self._close_editor()
        self._group = group
        self._render()

    def _render(self) -> None:
        while (item := self.row.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        self.columns, g = [], self._group
        if g is None:
            self.title.setText(f'<span style="font-size:15pt; color:{GREY}">No disputed claims'
                               "</span>")
            self.summary.setText("Group claims in the article view; A lists all groups.")
            self.note.clear()
            return
        self._current = max(0, min(self._current, len(g.members) - 1))
        self.title.setText(f'<span style="font-size:16pt; font-weight:600">{escape(g.title)}'
                           "</span>")
        self.summary.setText(self._summary(g))
        for n, member in enumerate(g.members):
            column = MemberColumn(n, member, self._context(g, n),
                                  member.annotation_id == g.holding_id, self)
            column.picked.connect(self._pick)
            column.opened.connect(lambda n: (self._pick(n), self.open_current()))
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
        values = Counter(m.value.strip() for m in g.members if m.value.strip())
        told = " vs ".join(f"<b>{escape(v)}</b> ({n})" for v, n in values.most_common())
        held = next((m for m in g.members if m.annotation_id == g.holding_id), None)
        state = f'<span style="color:{AMBER if g.disputed else GREY}">' \
            f"{'disputed' if g.disputed else 'agreed'}</span>{': ' + told if told else ''}"
        verdict = (f' · <span style="color:{GREEN}">holds: {escape(held.outlet or "—")}, '
                   f"{escape(held.value or '—')}</span>") if held else " · undecided"
        return f"{len(g.members)} claims · {state}{verdict}"

    def _context(self, g: ClaimGroup, n: int) -> str:
        m, other = g.members[n], counterpart(g.members, n)
        if m.article_id not in self._texts:
            self._texts[m.article_id] = self.project.article(m.article_id).text
        before, claim, after = context_of(self._texts[m.article_id], m.start, m.end)
        spans = differing(m.text, other.text) if other is not None else []
        return (f'<span style="color:{GREY}">{plain(before, 280, True)}</span>'
                f"<b>{marked(claim, spans)}</b>"
                f'<span style="color:{GREY}">{plain(after, 280, False)}</span>')

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
            self.scroll.ensureWidgetVisible(self.columns[n], 10, 0)

    def _pick(self, n: int) -> None:
        """A click on a column: it becomes current, and the keyboard goes back to the list."""
        self.set_current_member(n)
        self.list.setFocus()

    def toggle_holding(self, n: int) -> None:
        """Record that claim ``n`` holds; on the claim already holding, clear the decision."""
        g = self._group
        if g is not None and 0 <= n < len(g.members):
            m = g.members[n]
            self.set_current_member(n)
            holding = None if g.holding_id == m.annotation_id else m.annotation_id
            self.session.resolve_group(g.id, holding_id=holding)

    def edit_value(self) -> None:
        """Edit what the current claim states, in the bar under the columns."""
        m = self.current_member()
        if m is not None:
            self._open_editor("value", f"Value in <b>{escape(m.outlet or '—')}</b>:", m.value)

    def cycle_stance(self) -> None:
        """Give the current claim the next stance on the group's point."""
        m = self.current_member()
        if m is not None and self._group is not None:
            stance = STANCES[(STANCES.index(m.stance) + 1) % len(STANCES)] \
                if m.stance in STANCES else STANCES[0]
            self.session.set_member(m.article_id, self._group.id, m.annotation_id, stance=stance)

    def edit_title(self) -> None:
        """Retitle the group, in the bar under the columns."""
        if self._group is not None:
            self._open_editor("title", "<b>Group title:</b>", self._group.title)

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
        what, text, g, m = self._editing, self.editor.text().strip(), self._group, \
            self.current_member()
        self._close_editor()
        if what == "value" and g is not None and m is not None and text != m.value:
            self.session.set_member(m.article_id, g.id, m.annotation_id, value=text)
        elif what == "title" and g is not None and g.members and text not in ("", g.title):
            self.session.resolve_group(g.id, title=text)

    def _commit_note(self) -> None:
        g, text = self._group, self.note.text().strip()
        if self.note.hasFocus():
            self.list.setFocus()
        if g is not None and g.members and text != g.note:
            self.session.resolve_group(g.id, note=text)

    def _cancel_note(self) -> None:
        self.note.setText(self._group.note if self._group else "")
        self.list.setFocus()
