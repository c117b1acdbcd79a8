"""Edit ▸ Preferences (Ctrl+,): the label scheme (renames and deletes undoable), the
suggestion model, the article font, the theme and the language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QFileDialog, QInputDialog, QLineEdit

from annotator.app.label_commands import DeleteLabel, RenameLabel
from annotator.core.colors import MIN_CONTRAST, contrast
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.core.names import MODEL_SETTING
from annotator.store import Project
from annotator.store.schema import DEFAULT_LABELS
from annotator.ui import theme
from annotator.ui.preferences import PreferencesDialog
from annotator.ui.preferences_labels import COLOUR, KEY, LAYERS, NAME
from tests.conftest import show_window

CTRL = Qt.KeyboardModifier.ControlModifier
TEXT = "Anna Berger eröffnete in Dresden die Messe."


def _open(qtbot, project: Project):
    article = project.add_article(ArticleDraft(text=TEXT, title="Messe"))
    project.add_annotation(article, Layer.ENTITY, Span(0, 11, "PER"), "maria")
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Qt.Key.Key_Comma, CTRL)
    dialog = win.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return win, dialog


def _edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """F2 on the cell, the text typed over the old, Enter."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() == table.State.NoState)  # committed (queued)


def _back(qtbot, win, dialog) -> None:
    """Esc closes the dialog; the window is active again."""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.view.text.setFocus()


def _names(project: Project, layer: Layer = Layer.ENTITY) -> list[str]:
    return [lab.name for lab in project.labels(layer)]


def test_a_rename_follows_into_the_spans_and_ctrl_z_takes_it_back(qtbot, project: Project
                                                                   ) -> None:
    win, dialog = _open(qtbot, project)
    page = dialog.labels
    _edit_cell(qtbot, page.table, 0, NAME, "PERSON")
    assert _names(project)[0] == "PERSON"
    assert [a.label for a in win.workbench.state.annotations] == ["PERSON"]
    _back(qtbot, win, dialog)
    qtbot.keyClick(win.view.text, Qt.Key.Key_Z, CTRL)
    assert _names(project)[0] == "PER"
    article = win.current_article
    assert [a.label for a in project.annotations(article, Layer.ENTITY)] == ["PER"]
    assert [a.label for a in win.workbench.state.annotations] == ["PER"]


def test_a_taken_name_is_refused_and_nothing_changes(qtbot, project: Project) -> None:
    _win, dialog = _open(qtbot, project)
    _edit_cell(qtbot, dialog.labels.table, 0, NAME, "LOC")
    assert _names(project)[:2] == ["PER", "LOC"]
    assert "exists already" in dialog.labels.message.text()
    assert dialog.labels.table.item(0, NAME).text() == "PER"


def test_a_label_in_use_is_not_deleted_an_unused_one_is_and_comes_back(
        qtbot, project: Project) -> None:
    win, dialog = _open(qtbot, project)
    page = dialog.labels
    page.table.setCurrentCell(0, NAME)  # PER: in use
    page.delete()
    assert "in use" in page.message.text() and "PER" in _names(project)
    page.table.setCurrentCell(3, NAME)  # MISC
    page.delete()
    assert "MISC" not in _names(project) and page.table.rowCount() == 3
    _back(qtbot, win, dialog)
    qtbot.keyClick(win.view.text, Qt.Key.Key_Z, CTRL)
    assert _names(project) == ["PER", "LOC", "ORG", "MISC"]
    assert project.labels(Layer.ENTITY)[3].shortcut == "4"


def test_colour_key_and_new_label_apply_at_once(qtbot, project: Project, monkeypatch) -> None:
    win, dialog = _open(qtbot, project)
    page = dialog.labels
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("EVENT", True))
    page.add()
    assert _names(project)[-1] == "EVENT"
    row = page.table.rowCount() - 1
    _edit_cell(qtbot, page.table, row, KEY, "5")
    assert project.labels(Layer.ENTITY)[-1].shortcut == "5"
    _edit_cell(qtbot, page.table, 0, KEY, "5")  # PER takes 5; EVENT gives it up
    keys = {lab.name: lab.shortcut for lab in project.labels(Layer.ENTITY)}
    assert keys["PER"] == "5" and keys["EVENT"] is None
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#336699"))
    page.table.setCurrentCell(1, NAME)
    page.recolour()
    assert project.labels(Layer.ENTITY)[1].color == "#336699"
    assert page.table.item(1, 1).text() == "#336699"
    assert not win.session.undo_stack.canUndo()  # none of these changed data


def test_other_layers_are_listed(qtbot, project: Project) -> None:
    _win, dialog = _open(qtbot, project)
    page = dialog.labels
    page.layer.setCurrentIndex(page.layer.findText("claim"))
    assert [page.table.item(r, NAME).text() for r in range(page.table.rowCount())] == \
        _names(project, Layer.CLAIM)


def test_the_colour_cell_is_readable_in_each_theme(qtbot, project: Project) -> None:
    """The Colour column shows each label's code on a swatch of its colour (as the page draws
    it) in a text colour with a contrast of at least 4.5 against the swatch, light and dark."""
    _win, dialog = _open(qtbot, project)
    labels, appearance = dialog.labels, dialog.appearance
    table = labels.table
    try:
        for name in ("light", "dark"):
            appearance.theme.setCurrentIndex(appearance.theme.findData(name))
            assert theme.current().name == name
            seen = set()
            for layer in LAYERS:
                labels.layer.setCurrentIndex(labels.layer.findData(layer.value))
                for row, lab in enumerate(project.labels(layer)):
                    cell = table.item(row, COLOUR)
                    text, swatch = cell.foreground().color(), cell.background().color()
                    assert cell.text() == lab.color
                    assert contrast(text.name(), swatch.name()) >= MIN_CONTRAST, (name, lab)
                    shown = (theme.background(lab.color) if layer is Layer.ENTITY
                             else theme.ink(lab.color))
                    assert swatch.name() == shown, (name, lab)  # as the page draws the label
                    seen.add(lab.color)
            assert {color for _layer, _name, color, *_ in DEFAULT_LABELS} <= seen
    finally:
        appearance.theme.setCurrentIndex(appearance.theme.findData("light"))


def test_rename_and_delete_commands_refuse_before_writing(project: Project) -> None:
    with pytest.raises(ValueError, match="exists already"):
        RenameLabel(project, Layer.ENTITY, "PER", "LOC")
    article = project.add_article(ArticleDraft(text=TEXT, title="Messe"))
    project.add_annotation(article, Layer.ENTITY, Span(0, 11, "PER"), "maria")
    with pytest.raises(ValueError, match="in use"):
        DeleteLabel(project, Layer.ENTITY, "PER")


# -- suggestions ---------------------------------------------------------------------------

def test_a_model_folder_becomes_the_projects_model(qtbot, project: Project, tiny_model: Path,
                                                   monkeypatch) -> None:
    win, dialog = _open(qtbot, project)
    dialog.tabs.setCurrentWidget(dialog.model)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tiny_model))
    dialog.model.choose_folder()
    assert project.setting(MODEL_SETTING) == str(tiny_model)
    assert "model: tiny_ruler 0.0.1" in win.status_label.text()
    dialog.model.choices.setCurrentRow(0)  # automatic
    dialog.model.use(dialog.model.choices.item(0).data(Qt.ItemDataRole.UserRole))
    assert project.setting(MODEL_SETTING) is None


# -- appearance ----------------------------------------------------------------------------

def test_font_size_applies_at_once_and_is_kept(qtbot, project: Project) -> None:
    win, dialog = _open(qtbot, project)
    page = dialog.appearance
    dialog.tabs.setCurrentWidget(page)
    page.font_size.setFocus()
    page.font_size.selectAll()
    qtbot.keyClicks(page.font_size, "17")
    assert win.view.text.font().pointSize() == 17
    assert int(QSettings().value("appearance/font_size")) == 17
    again = show_window(qtbot, project)
    assert again.view.text.font().pointSize() == 17


def test_theme_switches_at_once(qtbot, project: Project) -> None:
    _win, dialog = _open(qtbot, project)
    page = dialog.appearance
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert theme.current() is theme.DARK
    assert QSettings().value(theme.SETTING) == "dark"
    page.theme.setCurrentIndex(page.theme.findData("light"))
    assert theme.current() is theme.LIGHT


# the language: tests/test_i18n_switch.py (it applies at once, and is kept)


def _pipeline_wheel(folder: Path, model: Path) -> Path:
    """A spaCy-style pipeline package as a wheel: package/package-version/ holds the pipeline."""
    import shutil
    import zipfile

    wheel = folder / "de_tiny_ruler-0.0.1-py3-none-any.whl"
    info = "de_tiny_ruler-0.0.1.dist-info"
    files = {"de_tiny_ruler/__init__.py": "",
             f"{info}/METADATA": "Metadata-Version: 2.1\nName: de-tiny-ruler\nVersion: 0.0.1\n",
             f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                              "Tag: py3-none-any\n"}
    inner = folder / "inner"
    shutil.copytree(model, inner)
    for path in inner.rglob("*"):
        if path.is_file():
            files[f"de_tiny_ruler/de_tiny_ruler-0.0.1/{path.relative_to(inner)}"] = \
                path.read_bytes()
    files[f"{info}/RECORD"] = "".join(f"{name},,\n" for name in files) + f"{info}/RECORD,,\n"
    with zipfile.ZipFile(wheel, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return wheel


def test_a_pipeline_wheel_is_installed_into_the_data_folder_and_used(
        qtbot, project: Project, tiny_model: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    wheel = _pipeline_wheel(tmp_path, tiny_model)
    win, dialog = _open(qtbot, project)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(wheel), ""))
    dialog.model.choose_wheel()  # pip runs in the background, offline
    qtbot.waitUntil(lambda: project.setting(MODEL_SETTING) is not None
                    or "could not" in dialog.model.current.text(), timeout=60_000)
    chosen = Path(project.setting(MODEL_SETTING) or "")
    assert chosen == tmp_path / "data" / "models" / "de_tiny_ruler" / "de_tiny_ruler" \
        / "de_tiny_ruler-0.0.1"
    assert (chosen / "meta.json").is_file()
    assert "model: tiny_ruler 0.0.1" in win.status_label.text()


def test_a_broken_wheel_is_reported_and_the_model_stays(
        qtbot, project: Project, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    broken = tmp_path / "kaputt-0.1-py3-none-any.whl"
    broken.write_bytes(b"kein Zip")
    _win, dialog = _open(qtbot, project)
    dialog.model.install(broken)
    qtbot.waitUntil(lambda: "could not" in dialog.model.current.text(), timeout=60_000)
    assert project.setting(MODEL_SETTING) is None


def test_a_wheel_is_unpacked_without_pip_and_a_bad_one_leaves_the_earlier_install(
        tiny_model: Path, tmp_path: Path) -> None:
    import zipfile

    from annotator.app.model_wheels import WheelError, unpack_wheel

    target = tmp_path / "models" / "de_tiny_ruler"
    found = unpack_wheel(_pipeline_wheel(tmp_path, tiny_model), target)
    assert found == target / "de_tiny_ruler" / "de_tiny_ruler-0.0.1"
    assert (found / "config.cfg").is_file()
    evil = tmp_path / "evil-0.1-py3-none-any.whl"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("../../outside.txt", "nein")
    with pytest.raises(WheelError, match="evil-0.1-py3-none-any.whl: a path outside"):
        unpack_wheel(evil, target)
    empty = tmp_path / "leer-0.1-py3-none-any.whl"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("leer/__init__.py", "")
    with pytest.raises(WheelError, match="leer-0.1-py3-none-any.whl: no spaCy pipeline"):
        unpack_wheel(empty, target)
    assert not (tmp_path / "outside.txt").exists()
    assert (found / "config.cfg").is_file()  # the earlier install is still there
    assert [p.name for p in target.parent.iterdir()] == ["de_tiny_ruler"]  # no staging left
