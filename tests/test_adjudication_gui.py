"""The adjudication window from the keyboard: opened with its key on the open article, the
agreed spans already in gold, J/K through the disagreements, digits take a version, 0 none,
Ctrl+Z/Ctrl+Shift+Z, Enter marks gold done and opens the next article; two and three
annotators."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project
from annotator.ui.adjudication_window import AdjudicationWindow
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier
TEXT = ("Anna Berger traf am Mittwoch in Dresden den Bürgermeister von Görlitz. "
        "Die Stadtwerke Dresden bestätigten das Treffen.")
LATER = "Jonas Weber eröffnete in Meißen die neue Brücke über die Elbe."


def at(text: str, part: str, label: str) -> Span:
    return Span(text.index(part), text.index(part) + len(part), label)


def version(project: Project, aid: int, who: str, spans: list[Span]) -> None:
    project.start_version(aid, who, Status.DONE)
    for span in spans:
        project.add_annotation(aid, Layer.ENTITY, span, who)


@pytest.fixture
def articles(project: Project) -> tuple[int, int]:
    """Two articles maria and jonas disagree on (and one between them they agree on)."""
    first = project.add_article(ArticleDraft(text=TEXT, title="Treffen"))
    agreed = project.add_article(ArticleDraft(text=TEXT + " Gleich.", title="Gleich"))
    later = project.add_article(ArticleDraft(text=LATER, title="Brücke"))
    version(project, first, "maria", [at(TEXT, "Anna Berger", "PER"), at(TEXT, "Dresden", "LOC"),
                                      at(TEXT, "Stadtwerke Dresden", "ORG")])
    version(project, first, "jonas", [at(TEXT, "Anna Berger", "PER"), at(TEXT, "Dresden", "ORG")])
    for who in ("maria", "jonas"):
        version(project, agreed, who, [at(TEXT, "Görlitz", "LOC")])
    version(project, later, "maria", [at(LATER, "Meißen", "LOC")])
    version(project, later, "jonas", [at(LATER, "Jonas Weber", "PER")])
    return first, later


def gold(window: AdjudicationWindow) -> list[tuple[str, str]]:
    assert window.adj is not None
    return [(a.label, window.adj.text[a.start:a.end]) for a in window.adj.gold()]


def open_adjudication(qtbot, project: Project) -> AdjudicationWindow:
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_J, Mod.ControlModifier)
    window = win.findChild(AdjudicationWindow)
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.gold.text.hasFocus())
    return window


def test_two_annotators_from_the_keyboard(qtbot, project, articles) -> None:
    first, later = articles
    window = open_adjudication(qtbot, project)
    keys = window.gold.text
    assert window.adj is not None and window.adj.article_id == first
    assert gold(window) == [("PER", "Anna Berger")]  # agreed: pre-accepted
    assert [p.title.text() for p in window.panes] == ["1 maria", "2 jonas"]
    assert "disagreement 1 of 2" in window.status.text()
    assert "1 maria: LOC „Dresden“ · 2 jonas: ORG „Dresden“" in window.status.text()
    qtbot.keyClick(keys, Key.Key_2)
    assert gold(window) == [("PER", "Anna Berger"), ("ORG", "Dresden")]
    assert "gold: jonas's" in window.status.text()
    qtbot.keyClick(keys, Key.Key_J)
    assert "disagreement 2 of 2" in window.status.text()
    assert window.gold.text.cursor_cp() == TEXT.index("Stadtwerke")
    qtbot.keyClick(keys, Key.Key_1)
    assert ("ORG", "Stadtwerke Dresden") in gold(window)
    qtbot.keyClick(keys, Key.Key_0)
    assert ("ORG", "Stadtwerke Dresden") not in gold(window)
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)
    assert ("ORG", "Stadtwerke Dresden") in gold(window)
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert ("ORG", "Stadtwerke Dresden") not in gold(window)
    qtbot.keyClick(keys, Key.Key_K)
    assert "disagreement 1 of 2" in window.status.text()
    qtbot.keyClick(keys, Key.Key_Delete)  # the gold span at the cursor: jonas's ORG
    assert gold(window) == [("PER", "Anna Berger")]
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)
    qtbot.keyClick(keys, Key.Key_2, Mod.AltModifier)  # relabel: 2 is LOC
    assert gold(window) == [("PER", "Anna Berger"), ("LOC", "Dresden")]
    qtbot.keyClick(keys, Key.Key_Return)
    assert project.version_status(first, "gold") is Status.DONE
    assert window.adj.article_id == later  # the agreeing article between is skipped
    assert gold(window) == [] and "disagreement 1 of 2" in window.status.text()
    assert project.version_status(later, "gold") is Status.IN_PROGRESS
    window.grab().save(str(project.path.with_name("adjudication.png")))


def test_three_annotators_take_the_third(qtbot, project) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Treffen"))
    version(project, aid, "maria", [at(TEXT, "Anna Berger", "PER"), at(TEXT, "Dresden", "LOC")])
    version(project, aid, "jonas", [at(TEXT, "Anna Berger", "PER"), at(TEXT, "Dresden", "LOC")])
    version(project, aid, "lea", [at(TEXT, "Anna", "PER"), at(TEXT, "Dresden", "LOC")])
    window = open_adjudication(qtbot, project)
    keys = window.gold.text
    assert gold(window) == [("LOC", "Dresden")]
    assert [p.title.text() for p in window.panes] == ["1 maria", "2 jonas", "3 lea"]
    assert "3 lea: PER „Anna“" in window.status.text()
    qtbot.keyClick(keys, Key.Key_4)  # nobody fourth
    assert gold(window) == [("LOC", "Dresden")] and "No annotator 4" in window.said.text()
    qtbot.keyClick(keys, Key.Key_3)
    assert gold(window) == [("PER", "Anna"), ("LOC", "Dresden")]
    qtbot.keyClick(keys, Key.Key_1)
    assert gold(window) == [("PER", "Anna Berger"), ("LOC", "Dresden")]
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)  # the start: no gold version again
    assert not project.has_version(aid, "gold") and gold(window) == []
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert gold(window) == [("LOC", "Dresden")]
    qtbot.keyClick(keys, Key.Key_Return)
    assert project.version_status(aid, "gold") is Status.DONE
    assert "no article after it" in window.said.text()


def test_nothing_to_adjudicate_is_said(qtbot, project) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Treffen"))
    version(project, aid, "maria", [at(TEXT, "Dresden", "LOC")])
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_J, Mod.ControlModifier)
    window = win.findChild(AdjudicationWindow)
    assert window is None or not window.isVisible()
    assert "Nothing to adjudicate" in win.statusBar().currentMessage()
