"""User and file text in widgets is shown as it is, never read as HTML.

QLabel, QMessageBox and tooltips guess the format: a text that looks like HTML is rendered as
HTML, so an article titled ``<img src="...">`` would hide its text and load a local image. A
label that shows such text is set to plain text; a tooltip cannot be, so its text is escaped
into HTML that shows it literally. Labels that mix markup with user text set rich text
explicitly and escape every piece of user text (``escape``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

# html.escape's replacements (quote=True), in one pass; ``html`` itself loads its table of
# 2,231 named entities, which the window's start does not need
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` as HTML that shows it literally: the same as ``html.escape(text)``."""
    return text.translate(_ESCAPES)


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A label that shows its text literally, whatever it looks like."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def rich_label(parent: QWidget | None = None, html: str = "") -> QLabel:
    """A label for markup built here, with every piece of user text escaped."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(html)
    return label


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally, line breaks and spaces included."""
    return f'<p style="white-space:pre-wrap">{escape(text)}</p>' if text else ""


def heading_label(parent: QWidget | None, text: str, bold: bool = True) -> QLabel:
    """A heading in bold (or a note in italics) as plain text: a rich-text label lays out a
    whole text document, for a word."""
    label = plain_label(parent, text)
    font = label.font()
    font.setBold(bold)
    font.setItalic(not bold)
    label.setFont(font)
    return label
