"""Confirming a candidate (G, then 1–5) and rejecting one (X) are undoable with the grouping:
Ctrl+Z takes the decision back too, so it no longer trains the learned ranker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.app.importing import import_files
from annotator.core.model import Layer, Span
from annotator.store import Project
from tests.conftest import show_window

SAMPLE = Path(__file__).parents[1] / "annotator" / "resources" / "sample"
CLAIM = "Das Abkommen hat eine Laufzeit von 40 Jahren."


def test_undo_of_grouping_takes_the_confirmation_back_too(qtbot, tmp_path: Path) -> None:
    project = Project.open(tmp_path / "p.db")
    import_files(project, [SAMPLE / "01-elbtal-bote-unterzeichnung.txt",
                           SAMPLE / "04-nordelbische-allgemeine-hamburg.txt"])
    start = project.article(1).text.index(CLAIM)
    project.add_annotation(1, Layer.CLAIM, Span(start, start + len(CLAIM), "CLAIM"), "maria")
    win = show_window(qtbot, project)
    try:
        panel, store = win.side.claim_panel, project.matching
        qtbot.waitUntil(lambda: "Method:" in panel.method.text(), timeout=60_000)
        win.view.text.select_cp(start + 3, start + 3)
        qtbot.keyClick(win.view.text, Qt.Key.Key_G)
        qtbot.waitUntil(lambda: panel.candidates.rowCount() == 5, timeout=60_000)
        qtbot.keyClick(panel.candidate_view, Qt.Key.Key_X)
        qtbot.keyClick(panel.candidate_view, Qt.Key.Key_1)
        assert [d.decision for d in store.decisions()] == ["rejected", "confirmed"]
        assert len(project.claims.groups()) == 1
        qtbot.keyClick(panel.candidate_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert project.claims.groups() == []
        assert [d.decision for d in store.decisions()] == ["rejected"]
        qtbot.keyClick(panel.candidate_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert store.decisions() == []
        qtbot.keyClick(panel.candidate_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(panel.candidate_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        assert [d.decision for d in store.decisions()] == ["rejected", "confirmed"]
        assert len(project.claims.groups()) == 1
    finally:
        win.close()
        project.close()


def test_undo_of_a_decision_restores_the_one_it_replaced(project: Project, qapp) -> None:
    from annotator.app.session import Session
    from annotator.core.model import ArticleDraft
    from annotator.store.matching_store import MatchSpan

    a = project.add_article(ArticleDraft(text="Der Vertrag gilt 40 Jahre."))
    b = project.add_article(ArticleDraft(text="Der Vertrag gilt 45 Jahre."))
    query, candidate = MatchSpan(a, 0, 26), MatchSpan(b, 0, 26)
    session = Session(project, "maria")
    assert session.decide_match(query, candidate, "rejected")
    assert session.decide_match(query, candidate, "confirmed")
    store = project.matching
    assert [d.decision for d in store.decisions()] == ["confirmed"]
    assert session.undo()
    assert [d.decision for d in store.decisions()] == ["rejected"]
    assert session.undo() and store.decisions() == []
