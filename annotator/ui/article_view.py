"""The article text with its entities highlighted, a legend, and span tooltips."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QHelpEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QToolTip, QVBoxLayout, QWidget

from annotator.core.model import Label, Layer
from annotator.ui.highlighter import Highlight, SpanHighlighter


class ArticleView(QWidget):
    """Shows one article; the text is read-only, highlights come from the store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setObjectName("articleHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel(self)
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        self.highlighter = SpanHighlighter(self.text.document())
        self.text.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.text, 1)

    def show_article(
        self, title: str, byline: str, text: str, highlights: list[Highlight], labels: list[Label]
    ) -> None:
        """Display a text and its highlights, replacing what was shown."""
        self.header.setText(f"<b style='font-size:13pt'>{escape(title)}</b><br>"
                            f"<span style='color:#555'>{escape(byline)}</span>")
        self.text.setPlainText(text)
        colors = {(lab.layer, lab.name): lab.color for lab in labels}
        self.highlighter.set_highlights(text, highlights, colors)
        used = {(h.layer, h.label) for h in highlights}
        self.legend.setText(legend_html([lab for lab in labels if (lab.layer, lab.name) in used
                                         or lab.layer is Layer.ENTITY]))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cursor = self.text.cursorForPosition(event.pos())
            found = self.highlighter.highlights_at(
                self.highlighter.to_codepoint(cursor.position()))
            if found:
                QToolTip.showText(event.globalPos(), tooltip_html(found), self.text)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)


def legend_html(labels: list[Label]) -> str:
    """Coloured chips, one per label, with its shortcut."""
    chips = []
    for lab in labels:
        key = f" <small>[{escape(lab.shortcut)}]</small>" if lab.shortcut else ""
        chips.append(
            f"<span style='background:{lab.color}'>&nbsp;{escape(lab.name)}&nbsp;</span>{key}"
        )
    return "&nbsp;&nbsp;".join(chips)


def tooltip_html(highlights: list[Highlight]) -> str:
    """Label, layer and origin of every span under the mouse."""
    rows = [
        f"<b>{escape(h.label)}</b> · {h.layer.value}"
        f"{' (suggestion)' if h.suggested else ''}<br><small>{escape(h.origin)}</small>"
        for h in highlights
    ]
    return "<hr>".join(rows)
