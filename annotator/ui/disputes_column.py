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
from annotator.ui import theme
from annotator.ui.i18n import value_text
from annotator.ui.plain import rich_label
from annotator.ui.wrapped_label import WrappedLabel

CAPTION = '<span style="color:$muted; font-size:8pt; letter-spacing:1px">{}</span><br>'
CONTEXT = 280  # characters of context shown at most on either side of a claim


def rich(html: str, parent: QWidget, links: bool = False) -> QLabel:
    """A wrapping rich-text label, aligned to the top left (user text in ``html`` escaped); a
    word too long for the column breaks where it must (its links' label: between words)."""
    label = rich_label(parent, html) if links else WrappedLabel(html, parent)
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
            out.append(f'<span style="background-color:{theme.role("mark")}">'
                       f"{escape(text[max(start, pos):end])}</span>")
            pos = end
    return "".join(out) + escape(text[pos:])


def context_html(side: Side) -> str:
    """The claim in bold, its differing words marked, between the sentences around it."""
    grey = theme.role("muted")
    return (f'<span style="color:{grey}">{plain(side.before, CONTEXT, True)}</span>'
            f"<b>{marked(side.claim, side.differs)}</b>"
            f'<span style="color:{grey}">{plain(side.after, CONTEXT, False)}</span>')


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
        m, holds, t = side.member, side.holds, theme.current()
        badge = f' &nbsp;<b style="color:{t.holding}">✓ ' + self.tr("holds") + "</b>" \
            if holds else ""
        stance = f' <span style="color:{t.muted}">· {escape(value_text(m.stance))}</span>' \
            if m.stance else ""
        published = escape(m.published) if m.published else self.tr("no date")
        outlet = f"<b>{escape(m.outlet)}</b>" if m.outlet else f'<i style="color:{t.muted}">' \
            + self.tr("no outlet") + "</i>"
        caption = theme.fill(CAPTION)
        self.header = rich(
            f'<span style="background:{t.chip}; color:{t.chip_text}">&nbsp;{self.n + 1}&nbsp;'
            f'</span> {outlet}<br><span style="color:{t.muted}">'
            f'{published}</span>{badge}<br>'
            f'<span style="color:{t.secondary}">{escape(m.article_title)}</span>', self)
        self.source = rich(caption.format(self.tr("SOURCE")) + (
            escape(m.source) if m.source else
            f'<i style="color:{t.muted}">' + self.tr("no source linked") + "</i>"), self)
        value = f'<span style="font-size:15pt; font-weight:600">{escape(m.value)}</span>' \
            if m.value.strip() else f'<i style="color:{t.muted}">' + self.tr(
                "— none on this point") + "</i>"  # the claim states no value in its slot
        self.value = rich(caption.format(self.tr("VALUE")) + value + stance, self)
        self.context = rich(context_html(side), self)
        self.links = rich(" · ".join(
            f'<a href="{k}" style="color:{t.link}; text-decoration:none">{w}</a>' for k, w in (
                ("holds", self.tr("clear") if holds else self.tr("holds")),
                ("value", self.tr("value")), ("open", self.tr("open")),
                ("remove", self.tr("remove")))), self, links=True)

    def set_current(self, current: bool) -> None:
        """A green frame when the claim holds; a blue top edge on the column the keys act on."""
        edge, fill = ("$holding", "$card_holding") if self.holds else ("$line", "$card")
        theme.style(self, f"#memberColumn {{ background: {fill}; "
                    f"border: {2 if self.holds else 1}px solid {edge}; "
                    f"border-top: 4px solid {'$link' if current else edge}; border-radius: 6px; }}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.picked.emit(self.n)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.opened.emit(self.n)
