"""The source registry dialog: suggested merges, merging and kinds, by keyboard, undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.sources_dialog import SourcesDialog
from tests.conftest import show_window

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
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)  # the first keeps its name
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


def open_registry(qtbot, project: Project) -> tuple[Session, SourcesDialog]:
    """Three sources, each with one mention in one article; the dialog shown and active."""
    aid = project.add_article(ArticleDraft(text=TEXT, title="T"))
    store = project.claims
    for name, start, kind in (("Anna Berger", 0, "person"), ("Berger", 23, "person"),
                              ("Prager Tageskurier", 58, "newspaper")):
        mention = project.add_annotation(aid, Layer.SOURCE, Span(start, start + len(name),
                                                                 "SOURCE"), "maria")
        store.set_canonical([mention], store.add_source(name, kind, [name]))
    session = Session(project, "maria")
    dialog = SourcesDialog(session)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.table.setFocus()
    return session, dialog


def names(dialog: SourcesDialog) -> list[str]:
    """The names the table shows, top to bottom."""
    return [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]


def key(qtbot, dialog: SourcesDialog, k, mod=Qt.KeyboardModifier.NoModifier) -> str:
    """Press a key in the registry; what the status line says then."""
    qtbot.keyClick(dialog.focusWidget(), k, mod)
    return dialog.status.text()


def test_the_user_picks_the_source_a_merge_keeps(qtbot, project: Project) -> None:
    session, dialog = open_registry(qtbot, project)
    store = project.claims
    dialog.table.selectRow(1)
    assert key(qtbot, dialog, Qt.Key.Key_M).startswith("Select two or more sources")
    assert key(qtbot, dialog, Qt.Key.Key_2).startswith("Nothing to merge")
    assert key(qtbot, dialog, Qt.Key.Key_S).startswith("Suggested: Anna Berger, Berger")
    assert key(qtbot, dialog, Qt.Key.Key_M) == (
        "Merge 2 sources: which name stays? 1 Anna Berger · 2 Berger (Esc cancels)")
    assert key(qtbot, dialog, Qt.Key.Key_Escape) == "Merge cancelled."
    assert dialog.isVisible() and len(store.sources()) == 3
    key(qtbot, dialog, Qt.Key.Key_M)
    assert key(qtbot, dialog, Qt.Key.Key_Down) == "Merge cancelled: the selection changed."
    assert key(qtbot, dialog, Qt.Key.Key_1).startswith("Nothing to merge")
    key(qtbot, dialog, Qt.Key.Key_S)
    key(qtbot, dialog, Qt.Key.Key_M)
    assert key(qtbot, dialog, Qt.Key.Key_2) == (
        "Merged Anna Berger into Berger: 2 mentions; aliases Anna Berger. Ctrl+Z undoes.")
    (kept, _paper) = store.sources()
    assert (kept.name, kept.aliases, kept.mentions) == ("Berger", ("Anna Berger",), 2)
    assert names(dialog) == ["Berger", "Prager Tageskurier"]
    assert [s.name for s in dialog.selected()] == ["Berger"]
    assert session.undo_stack.count() == 1


def test_ctrl_z_in_the_registry_undoes_and_the_table_follows(qtbot, project: Project) -> None:
    session, dialog = open_registry(qtbot, project)
    assert key(qtbot, dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier) == (
        "Nothing to undo.")
    key(qtbot, dialog, Qt.Key.Key_S)
    key(qtbot, dialog, Qt.Key.Key_M)
    key(qtbot, dialog, Qt.Key.Key_1)
    assert names(dialog) == ["Anna Berger", "Prager Tageskurier"]
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    assert key(qtbot, dialog, Qt.Key.Key_Z, ctrl) == "Undone: Merge 2 sources into Anna Berger."
    assert names(dialog) == ["Anna Berger", "Berger", "Prager Tageskurier"]
    assert dialog.model.index(0, 2).data() == "Anna Berger"  # its aliases as they were
    assert key(qtbot, dialog, Qt.Key.Key_Z, ctrl | shift) == (
        "Redone: Merge 2 sources into Anna Berger.")
    assert names(dialog) == ["Anna Berger", "Prager Tageskurier"]
    assert dialog.model.index(0, 2).data() == "Berger"
    assert key(qtbot, dialog, Qt.Key.Key_Z, ctrl | shift) == "Nothing to redo."
    key(qtbot, dialog, Qt.Key.Key_Z, ctrl)
    assert key(qtbot, dialog, Qt.Key.Key_Y, ctrl).startswith("Redone: Merge")
    assert session.undo_stack.index() == 1


def test_f2_renames_a_source_and_names_stay_unique(qtbot, project: Project) -> None:
    session, dialog = open_registry(qtbot, project)
    dialog.table.selectRow(1)
    assert key(qtbot, dialog, Qt.Key.Key_F2) == "Type the new name: Enter saves, Esc cancels."
    assert dialog.rename_bar.isVisible() and dialog.name_edit.hasFocus()
    assert dialog.name_edit.selectedText() == "Berger"
    qtbot.keyClicks(dialog.name_edit, "Markus Berger")  # M, K and S are letters here
    assert dialog.name_edit.text() == "Markus Berger" and session.undo_stack.count() == 0
    assert key(qtbot, dialog, Qt.Key.Key_Return) == (
        "Renamed Berger to Markus Berger. Ctrl+Z undoes.")
    assert not dialog.rename_bar.isVisible() and dialog.table.hasFocus()
    assert names(dialog) == ["Anna Berger", "Markus Berger", "Prager Tageskurier"]
    assert [s.name for s in dialog.selected()] == ["Markus Berger"]
    key(qtbot, dialog, Qt.Key.Key_F2)
    qtbot.keyClicks(dialog.name_edit, "anna berger")
    assert key(qtbot, dialog, Qt.Key.Key_Return) == (
        "Rename Markus Berger to anna berger: another source is called \u201cAnna Berger\u201d; "
        "merge the two instead")
    assert dialog.rename_bar.isVisible()  # still open: the user can fix the name
    assert key(qtbot, dialog, Qt.Key.Key_Escape) == "Rename cancelled."
    assert dialog.isVisible() and not dialog.rename_bar.isVisible()
    assert key(qtbot, dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier) == (
        "Undone: Rename Berger to Markus Berger.")
    assert names(dialog) == ["Anna Berger", "Berger", "Prager Tageskurier"]
    key(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_kind_and_suggestion_say_what_they_did(qtbot, project: Project) -> None:
    _session, dialog = open_registry(qtbot, project)
    dialog.table.selectRow(2)
    assert key(qtbot, dialog, Qt.Key.Key_K).startswith("Prager Tageskurier is now of kind ")
    key(qtbot, dialog, Qt.Key.Key_S)
    key(qtbot, dialog, Qt.Key.Key_M)
    key(qtbot, dialog, Qt.Key.Key_1)
    assert key(qtbot, dialog, Qt.Key.Key_S) == "No merges to suggest."


ARTICLE = "Dresden – Die Ministerin Anna Berger sagte am Mittwoch, der Vertrag sei unterzeichnet."


def test_an_alias_follows_its_mention_resized_in_the_article(qtbot, project: Project) -> None:
    project.add_article(ArticleDraft(text=ARTICLE, title="Vertrag"))
    win = show_window(qtbot, project)
    start = ARTICLE.index("Anna")
    win.view.text.select_cp(start, start + len("Anna Berger"))
    qtbot.keyClick(win.view.text, Qt.Key.Key_S)
    (source,) = project.claims.sources()
    assert (source.name, source.aliases) == ("Anna Berger", ("Anna Berger",))
    qtbot.keyClick(win.view.text, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = win._sources_dialog
    assert dialog is not None and dialog.model.index(0, 2).data() == "Anna Berger"
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.text.setFocus()
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win.view.text, Qt.Key.Key_Left, alt_shift)  # grow the start by a word
    (mention,) = project.annotations(1, Layer.SOURCE)
    assert ARTICLE[mention.start:mention.end] == "Ministerin Anna Berger"
    assert project.claims.source(source.id).aliases == ("Ministerin Anna Berger",)
    assert dialog.model.index(0, 2).data() == "Ministerin Anna Berger"  # the registry follows
    qtbot.keyClick(win.view.text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert project.claims.source(source.id).aliases == ("Ministerin Anna Berger sagte",)
    assert dialog.model.index(0, 2).data() == "Ministerin Anna Berger sagte"
    qtbot.keyClick(win.view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.claims.source(source.id).aliases == ("Anna Berger",)  # both resizes
    assert dialog.model.index(0, 2).data() == "Anna Berger"
    assert project.claims.source(source.id).name == "Anna Berger"
