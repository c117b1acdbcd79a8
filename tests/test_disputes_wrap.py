"""The disputes page's cards break a word too long for a narrow card ("Bundesumwelt-
ministeriums") where they must, instead of cutting it at the card's edge; and a card's text is
drawn whole, every line inside its card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.disputes_view import DisputesView
from annotator.ui.wrapped_label import WrappedLabel

LONG = "Bundesumweltministeriums"
TEXTS = [  # outlet, the claim (the whole text after the title)
    ("Elbtal-Bote", f"Laut der Sprecherin des {LONG} wurde der Vertrag am Mittwoch unterzeichnet."),
    ("ddp", f"Der Vertrag des {LONG} wurde am Mittwoch unterzeichnet."),
    ("Nordelbische Allgemeine", f"Wie ein Sprecher des {LONG} sagte, wurde er am Donnerstag "
     "unterzeichnet."),
]


@pytest.fixture
def view(qtbot: QtBot, project: Project):
    session = Session(project, "maria")
    members = []
    for outlet, claim in TEXTS:
        text = f"Abkommen\n\n{claim}"
        aid = project.add_article(ArticleDraft(text=text, title=f"{LONG}: Abkommen",
                                               outlet=outlet))
        start = text.index(claim)
        members.append((project.add_annotation(aid, Layer.CLAIM,
                                               Span(start, len(text), "CLAIM"), "maria"),
                        "Donnerstag" if "Donnerstag" in claim else "Mittwoch"))
    session.group_claims(1, None, "Wochentag", members)
    host = QWidget()
    qtbot.addWidget(host)
    shown = DisputesView(session, host)
    QVBoxLayout(host).addWidget(shown)
    host.resize(760, 640)  # three cards at their least width
    with qtbot.waitActive(host):
        host.show()
        host.activateWindow()
    shown.list.setFocus()
    qtbot.keyClick(shown.list, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(shown.columns) == 3)
    yield shown
    host.close()


def lines_fit(label: WrappedLabel) -> bool:
    """Every line of the label's text as laid out at its width lies inside the label."""
    width = label.contentsRect().width()
    label.doc.setTextWidth(width)
    block, widths = label.doc.begin(), []
    while block.isValid():
        layout = block.layout()
        widths += [layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())]
        block = block.next()
    return bool(widths) and max(widths) <= width


def test_a_long_word_breaks_inside_a_narrow_card(qtbot: QtBot, view: DisputesView) -> None:
    columns = view.columns
    font = columns[0].context.fontMetrics()
    assert all(c.width() < font.horizontalAdvance(f"{LONG} {LONG}") for c in columns)  # narrow
    for column in columns:
        for part in (column.header, column.source, column.value, column.context):
            assert isinstance(part, WrappedLabel)
            qtbot.waitUntil(lambda part=part: lines_fit(part))
            # the label inside its card, its text whole: as high as the text at its width
            corner = part.mapTo(column, QPoint(part.width(), part.height()))
            assert corner.x() <= column.contentsRect().right() + 1
            assert part.height() >= part.heightForWidth(part.width())
        assert LONG in column.context.text() and LONG in column.header.text()
    narrow = min(columns, key=lambda c: c.width())
    assert font.horizontalAdvance(LONG) > narrow.context.contentsRect().width() * 0.6


def test_the_cards_still_answer_the_mouse(qtbot: QtBot, view: DisputesView) -> None:
    third = view.columns[2]
    assert view.current_member() == view.columns[0].member
    qtbot.mouseClick(third.context, Qt.MouseButton.LeftButton)  # through the label: the card
    assert view.current_member() == third.member
