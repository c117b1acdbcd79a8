"""Quitting with the window still open (never closed first): the window goes with its undo
stack, and nothing watching that stack runs into it half deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.preferences import PreferencesDialog
from annotator.ui.preferences_labels import NAME
from tests.conftest import show_window

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_window_deleted_with_a_label_rename_on_its_undo_stack_says_nothing(
        qtbot, project: Project) -> None:
    """Preferences ▸ Labels, a rename by keys (a command on the undo stack), Esc; then the
    window is deleted as a quit deletes it: no exception reaches Qt's event loop (pytest-qt
    fails the test on one)."""
    text = "Anna Berger eröffnete in Dresden die Messe."
    article = project.add_article(ArticleDraft(text=text, title="Messe"))
    project.add_annotation(article, Layer.ENTITY, Span(0, 11, "PER"), "maria")
    win = show_window(qtbot, project, owned=False)  # not qtbot's to close: deleted open below
    qtbot.keyClick(win.view.text, Qt.Key.Key_Comma, CTRL)
    dialog = win.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.labels.table
    table.setFocus()
    table.setCurrentCell(0, NAME)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "PERSON")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.session.undo_stack.count() == 1)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    with qtbot.waitSignal(win.destroyed):
        win.deleteLater()
