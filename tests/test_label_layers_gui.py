"""File ▸ Label layers for imports (Ctrl+Shift+L): the project's mapping of other tools'
labels to the claim and source layers, typed as LABEL=layer lines; imports then use it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.app.import_labels import mapping_text, project_layers, set_mapping_text
from annotator.app.importing import import_files
from annotator.core.model import ArticleDraft, Layer
from annotator.store import Project
from annotator.ui.label_layers_dialog import LabelLayersDialog
from tests.conftest import show_window

DATA = Path(__file__).parent / "data" / "foreign"
CHEMNITZ = ("Ein Sprecher der Bahn 🚆 sagte, die Strecke nach Chemnitz werde ab Mai "
            "elektrifiziert.")


def _ok(qtbot, dialog: LabelLayersDialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_shortcut_opens_the_mapping_and_ok_keeps_typed_lines(qtbot, project: Project
                                                                   ) -> None:
    project.add_article(ArticleDraft(text="Der Rat in Bautzen tagt.", title="Rat"))
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = win.findChild(LabelLayersDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit)
    qtbot.keyClicks(dialog.edit, "SPRECHERIN=source")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.edit, "ZITAT = Claim  # aus doccano")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert mapping_text(project) == "SPRECHERIN=source\nZITAT = Claim  # aus doccano"
    layers = project_layers(project)
    assert layers["sprecherin"] is Layer.SOURCE and layers["zitat"] is Layer.CLAIM
    assert layers["quelle"] is Layer.SOURCE  # the defaults stay


def test_a_wrong_line_keeps_the_dialog_open_and_changes_nothing(qtbot, project: Project
                                                                 ) -> None:
    set_mapping_text(project, "ZITAT=claim")
    dialog = LabelLayersDialog(project)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.edit.toPlainText() == "ZITAT=claim"
    dialog.edit.moveCursor(dialog.edit.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.edit, "SPRECHERIN")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == ("label layers: expected LABEL=layer with layer one of "
                                   "entity, claim, source, got 'SPRECHERIN'")
    assert mapping_text(project) == "ZITAT=claim"
    qtbot.keyClicks(dialog.edit, "<b>")  # the line typed is quoted as it is, never as markup
    _ok(qtbot, dialog)
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert "'SPRECHERIN<b>'" in dialog.error.text()


def test_an_import_uses_the_projects_mapping(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        set_mapping_text(project, "sprecherin=source\nzitat=claim\n")
        report = import_files(project, [DATA / "doccano_relations.jsonl"])
        assert report.failed == [] and len(report.imported) == 2
        rows = project.db.execute(
            "SELECT n.layer, n.label FROM annotations n JOIN articles a ON a.id = n.article_id "
            "WHERE a.text = ? ORDER BY n.start, n.label", [CHEMNITZ]).fetchall()
        assert rows == [("source", "SPRECHERIN"), ("entity", "ORG"), ("claim", "ZITAT"),
                        ("entity", "LOC")]
        kinds = project.db.execute("SELECT kind, attrs FROM links").fetchall()
        assert ("attributed_to", '{"relation": "quelle"}') in kinds
