"""The source registry dialog: suggested merges, merging and kinds, by keyboard, undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.sources_dialog import SourcesDialog

TEXT = "Anna Berger sagte das. Berger wiederholte es. Die Zeitung Prager Tageskurier schrieb."


def test_suggest_and_merge_sources(qtbot, project: Project) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="T"))
    store = project.claims
    for name, start, kind in (("Anna Berger", 0, "person"), ("Berger", 23, "person"),
                              ("Prager Tageskurier", 58, "newspaper")):
        mention = project.add_annotation(aid, Layer.SOURCE, Span(start, start + len(name),
                                                                 "SOURCE"), "maria")
        store.set_canonical([mention], store.add_source(name, kind))
    session = Session(project, "maria")
    dialog = SourcesDialog(session)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert [s.name for s in dialog.selected()] == ["Anna Berger", "Berger"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_M)
    assert [(s.name, s.mentions) for s in store.sources()] == [("Anna Berger", 2),
                                                               ("Prager Tageskurier", 1)]
    assert store.sources()[0].aliases == ("Berger",)
    dialog.table.selectRow(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_K)
    assert store.sources()[1].kind != "newspaper"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [s.name for s in store.sources()] == ["Anna Berger", "Berger", "Prager Tageskurier"]
    assert dialog.model.rowCount() == 3


def test_registry_model(qtmodeltester, project: Project) -> None:
    project.claims.add_source("dpa", "agency")
    dialog = SourcesDialog(Session(project, "maria"))
    qtmodeltester.check(dialog.model)
    assert dialog.model.index(0, 1).data() == "agency"
