"""One claim of a disputed group as a column: where it appeared, who says it, what it states,
in context with the words that differ from the compared claim marked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from annotator.app.disputes import Side
from annotator.ui.plain import rich_label

GREEN, BLUE, AMBER, GREY, LINE = "#2e7d32", "#1565c0", "#c77700", "#6b7280", "#d5dae1"
MARK = "#ffe38a"  # background of the words that differ from the compared claim
CAPTION = f'<span style="color:{GREY}; font-size:8pt; letter-spacing:1px">{{}}</span><br>'
CONTEXT = 280  # characters of context shown at most on either side of a claim


def rich(html: str, parent: QWidget) -> QLabel:
    """A wrapping rich-text label, aligned to the top left (user text in ``html`` escaped)."""
    label = rich_label(parent, html)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


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


def context_html(side: Side) -> str:
    """The claim in bold, its differing words marked, between the sentences around it."""
    return (f'<span style="color:{GREY}">{plain(side.before, CONTEXT, True)}</span>'
            f"<b>{marked(side.claim, side.differs)}</b>"
            f'<span style="color:{GREY}">{plain(side.after, CONTEXT, False)}</span>')


class MemberColumn(QFrame):
    """One claim of the group: where it appeared, who says it, what it states, in context."""

    picked = Signal(int)  # column number: the column was clicked
    opened = Signal(int)  # double-clicked: show the claim in its article
    acted = Signal(int, str)  # a link in the column: "holds", "value", "open", "remove"

    def __init__(self, n: int, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.n, self.member, self.holds = n, side.member, side.holds
        self.setObjectName("memberColumn")
        self.setMinimumWidth(190)
        self.setMaximumWidth(560)
        self._labels(side)
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

    def _labels(self, side: Side) -> None:
        m, holds = side.member, side.holds
        badge = f' &nbsp;<b style="color:{GREEN}">✓ holds</b>' if holds else ""
        stance = f' <span style="color:{GREY}">· {escape(m.stance)}</span>' if m.stance else ""
        outlet = f"<b>{escape(m.outlet)}</b>" if m.outlet else f'<i style="color:{GREY}">' \
            "no outlet</i>"
        self.header = rich(
            f'<span style="background:#e6eaf0; color:#374151">&nbsp;{self.n + 1}&nbsp;</span> '
            f'{outlet}<br><span style="color:{GREY}">{escape(m.published or "no date")}</span>'
            f'{badge}<br><span style="color:#4b5563">{escape(m.article_title)}</span>', self)
        self.source = rich(CAPTION.format("SOURCE") + (escape(m.source) if m.source else
                           f'<i style="color:{GREY}">no source linked</i>'), self)
        self.value = rich(CAPTION.format("VALUE") + '<span style="font-size:15pt; font-weight:'
                          f'600">{escape(m.value) or "—"}</span>{stance}', self)
        self.context = rich(context_html(side), self)
        self.links = rich(" · ".join(
            f'<a href="{k}" style="color:{BLUE}; text-decoration:none">{t}</a>' for k, t in (
                ("holds", "clear" if holds else "holds"), ("value", "value"), ("open", "open"),
                ("remove", "remove"))), self)

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
