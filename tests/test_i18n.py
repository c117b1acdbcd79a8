"""English and German: the main window speaks German with German installed, every text it shows
has a German translation in resources/i18n/annotator_de.ts, and the language setting is read."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from annotator.app.adjudication_texts import nothing
from annotator.app.importing import ImportReport
from annotator.app.overview import read_overview, top
from annotator.app.review_queue import open_suggestions
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.store import Project
from annotator.ui import i18n
from tests.conftest import show_window

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "annotator_de.ts"


def catalogue() -> dict[tuple[str, str], list[str]]:
    """(context, source) → its German forms, as the .ts has them ("" when unfinished)."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            if tr.get("type") in ("unfinished", "obsolete", "vanished"):
                forms = [""]
            out[name, message.findtext("source") or ""] = forms
    return out


class Recorder(QTranslator):
    """Every lookup the app makes, answered from the .ts (what the compiled file holds)."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.table = catalogue()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802
        self.asked.add((context, source))
        forms = self.table.get((context, source))
        if not forms or not forms[0]:
            return None  # not ours, or untranslated: the next translator (Qt's own) answers
        return forms[0 if n == 1 or len(forms) == 1 else 1]

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.fixture
def german(qapp):
    """German installed (and English again afterwards)."""
    QSettings().setValue(i18n.SETTING, "de")
    assert i18n.start(qapp) == "de"
    yield
    i18n.install("en")


def sample(project: Project) -> Project:
    text = ("Die Ministerin sagte, der Vertrag werde am Mittwoch in Dresden unterzeichnet. "
            "Laut Elbtal-Bote stimmten beide Kammern zu.")
    article = project.add_article(ArticleDraft(title="Vertrag unterzeichnet", text=text,
                                               outlet="Elbtal-Bote"))
    claim = project.add_annotation(article, Layer.CLAIM, Span(0, 78, "CLAIM"), "maria")
    source = project.add_annotation(article, Layer.SOURCE, Span(4, 14, "SOURCE"), "maria")
    assert claim and source
    return project


def visible_texts(root: QWidget) -> list[str]:
    """What the user reads in a window: titles, labels, buttons, fields' hints, combo entries,
    tooltips, the menu bar and every menu entry."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
    texts += [a.text() for a in root.findChildren(QAction)]
    return [t for t in texts if t and t != "None"]


def list_headers(win) -> list[str]:
    """The article list's column headers and their tooltips."""
    model = win.list.model()
    texts = [model.headerData(c, Qt.Orientation.Horizontal, role)
             for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
             for c in range(model.columnCount())]
    return [str(t) for t in texts if t]


def english_words() -> set[str]:
    """Words of the English texts that no German translation uses."""
    table = catalogue()
    english = {w.lower() for _c, s in table for w in re.findall(r"[A-Za-z]{3,}", s)}
    german = {w.lower() for forms in table.values() for f in forms
              for w in re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", f)}
    return english - german - {"small", "links"}  # markup; "Links": the key Left in German


def test_the_german_catalogue_is_complete():
    table = catalogue()
    assert len(table) > 300
    missing = [source for key, forms in table.items() for source in [key[1]] if not all(forms)]
    assert missing == []
    for (_context, source), forms in table.items():  # the placeholders survive translation
        for form in forms:
            assert sorted(re.findall(r"\{\w*\}|%n", form)) == \
                sorted(re.findall(r"\{\w*\}|%n", source)), (source, form)


def test_the_main_window_speaks_german(qtbot, project, german):
    win = show_window(qtbot, sample(project))
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles[:6] == ["&Datei", "&Bearbeiten", "&Ansicht", "A&rtikel", "&Werkzeuge",
                          "&Hilfe"]
    assert win.findChild(QAction, "project.quit").text() == "&Beenden"
    assert win.filter_bar.search.placeholderText() == "Artikel durchsuchen (Strg+F)"
    assert "fertig" in win.status_label.text()
    assert win.list.model().headerData(2, Qt.Orientation.Horizontal) == "Datum"
    qtbot.keyClick(win.view.text, Qt.Key.Key_Question)
    assert win.overlay.isVisible()
    assert "Tastenkürzel" in win.overlay.label.text()
    assert "Umschalt+Tab oder K" in win.overlay.label.text()
    assert "Vorherige Textstelle" in win.overlay.label.text()


def test_every_text_of_the_main_window_has_a_german_translation(qtbot, qapp, project, german):
    """Every lookup the window makes (menus, labels, the `?` sheet, the status bar) finds a
    German text, and no English word of the catalogue shows in the German window."""
    recorder = Recorder(qapp)  # asked first: installed last
    qapp.installTranslator(recorder)
    try:
        win = show_window(qtbot, sample(project))
        qtbot.keyClick(win.view.text, Qt.Key.Key_Question)  # the `?` sheet
        sheet = win.overlay.label.text()
        qtbot.keyClick(win.overlay, Qt.Key.Key_Escape)
        win.step_article(1)  # a message in the status bar: no next article
        said = win.statusBar().currentMessage()
        texts = [*visible_texts(win), *list_headers(win), sheet, said, win.status_label.text()]
    finally:
        qapp.removeTranslator(recorder)
    ours = {c for c, _s in recorder.table}
    untranslated = sorted(s for c, s in recorder.asked if c in ours and s
                          and not recorder.table.get((c, s), [""])[0])
    assert untranslated == []
    assert said == "Kein nächster Artikel in der Liste"
    data = {"maria", "project", "Vertrag", "unterzeichnet", "Elbtal", "Bote", "Ministerin",
            *(lab.name for lab in project.labels())}
    english = english_words() - {w.lower() for w in data}
    shown = [(t, w) for t in texts for w in re.findall(r"[A-Za-z]{3,}", re.sub("<[^>]*>", "", t))
             if w.lower() in english]
    assert [w for _t, w in shown] == []


def test_an_english_window_is_unchanged(qtbot, project):
    win = show_window(qtbot, sample(project))
    assert [a.text() for a in win.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert win.filter_bar.search.placeholderText() == "Search articles (Ctrl+F)"


@pytest.mark.parametrize(("choice", "system", "expected"), [
    ("de", "en_US", "de"), ("en", "de_DE", "en"), ("system", "de_AT", "de"),
    ("system", "de_CH", "de"), ("system", "fr_FR", "en"), (None, "de_DE", "de")])
def test_the_language_follows_the_setting_then_the_system(monkeypatch, choice, system,
                                                          expected):
    if choice is not None:
        QSettings().setValue(i18n.SETTING, choice)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(system)))
    assert i18n.language() == expected


def test_choose_saves_the_choice_and_installs_it(qapp):
    try:
        assert i18n.choose("de") is True  # changed: the open windows are rebuilt in German
        assert QSettings().value(i18n.SETTING) == "de"
        assert QCoreApplication.translate("MainWindow", "&Help") == "&Hilfe"
        i18n.choose("en")
        assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"
        with pytest.raises(ValueError, match="one of system, en, de"):
            i18n.choose("fr")
    finally:
        i18n.install("en")


def test_a_checkout_compiles_its_translation_into_the_cache(monkeypatch, tmp_path):
    """Without a built .qm in the package the .ts is compiled once into the user's cache."""
    monkeypatch.setattr(i18n, "PACKAGED", tmp_path / "package")
    folder = i18n.compiled("de")
    assert folder is not None and (folder / "annotator_de.qm").stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(folder / "annotator_de.qm"))
    assert translator.translate("MainWindow", "&File") == "&Datei"


def test_two_checkouts_do_not_share_a_compiled_translation(monkeypatch, tmp_path):
    """Another checkout's .ts, compiled later (a newer file in the cache), is not this one's."""
    monkeypatch.setattr(i18n, "PACKAGED", tmp_path / "package")
    ours = i18n.compiled("de")
    other = tmp_path / "other"
    other.mkdir()
    text = (i18n.SOURCES / "annotator_de.ts").read_text(encoding="utf-8")
    (other / "annotator_de.ts").write_text(text.replace(">&amp;Datei<", ">&amp;Ablage<"),
                                           encoding="utf-8")
    monkeypatch.setattr(i18n, "SOURCES", other)
    theirs = i18n.compiled("de")
    assert ours is not None and theirs is not None and ours != theirs
    for folder, said in ((ours, "&Datei"), (theirs, "&Ablage")):
        translator = QTranslator()
        assert translator.load(str(folder / "annotator_de.qm"))
        assert translator.translate("MainWindow", "&File") == said


def test_the_app_layer_speaks_german_in_a_german_window(qtbot, project, german):
    """What the session says and the undo step's name (from annotator/app) read German."""
    win = show_window(qtbot, sample(project))
    cursor = win.view.text.textCursor()
    cursor.setPosition(30)  # inside the claim only
    win.view.text.setTextCursor(cursor)
    qtbot.keyClick(win.view.text, Qt.Key.Key_Delete)
    assert win.statusBar().currentMessage() == "1 Textstelle löschen"
    undo = win.findChild(QAction, "edit.undo")
    assert undo.text() == "&Rückgängig: 1 Textstelle löschen"
    qtbot.keyClick(win.view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.statusBar().currentMessage() == "Rückgängig gemacht: 1 Textstelle löschen"
    qtbot.keyClick(win.view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.statusBar().currentMessage() == "Nichts rückgängig zu machen"


def test_the_app_layers_descriptions_speak_german(project, german):
    """The overview's bars, the review queue's "What", an adjudication's "nothing" and an
    import's summary."""
    sample(project)
    assert read_overview(project, "maria").sources == [("(keine Quelle)", 1)]
    assert top([("a", 2), ("b", 1)], 1) == [("a", 2), ("übrige", 1)]
    article = project.add_article(ArticleDraft(title="Brücke", text="Die Brücke in Prag."))
    project.replace_suggestions(article, ModelInfo("de_test", "1"), [Span(14, 18, "LOC")])
    Session(project, "maria").set_status(article, Status.DONE)
    assert [i.what for i in open_suggestions(project, "maria")] == ["fertig, 1 offener Vorschlag"]
    assert nothing() == "nichts"
    assert ImportReport(imported=[1, 2]).summary() == \
        "2 importiert, 0 übersprungen (schon im Projekt), 0 fehlgeschlagen"
