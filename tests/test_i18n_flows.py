"""The typical flows speak German with German installed, what the app layer composes included:
an adjudication step (what the window says, its undo step's name), an edit of the article's
details (the Edit menu's undo entry), an import's and the agreement's progress lines."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit

from annotator.app.agreement import measure
from annotator.app.commands import AddSpan
from annotator.app.importing import import_files, run_import
from annotator.app.label_commands import RenameLabel
from annotator.app.session import Session
from annotator.app.suggesting import found_line
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.adjudication_window import AdjudicationWindow
from tests.conftest import show_window
from tests.test_agreement import two_annotators
from tests.test_i18n import (
    german,  # noqa: F401 (the fixture)
    sample,
)
from tests.test_i18n_windows import agreement, english_shown
from tests.test_import_versions import _export, _project

Key, Mod = Qt.Key, Qt.KeyboardModifier


@pytest.mark.usefixtures("german")
def test_an_adjudication_step_speaks_german(qtbot, project: Project):
    two_annotators(project)  # anna: PER "Peter Groß", ben: PER "Peter"
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_J, Mod.ControlModifier)
    window = win.findChild(AdjudicationWindow)
    qtbot.waitUntil(lambda: window.gold.text.hasFocus())
    said = window.findChild(QLabel, "adjudicationSaid")
    assert said.text() == "Goldfassung beginnen: 1 übereinstimmende Textstelle"
    qtbot.keyClick(window.gold.text, Key.Key_1)  # gold takes anna's spans
    assert said.text() == "Gold: die Fassung von anna"
    step = "Gold: Entität von anna bei 17–27"
    assert window.session.undo_stack.undoText() == step
    qtbot.keyClick(window.gold.text, Key.Key_1)
    assert said.text() == "Gold hat dort schon die Textstellen von anna"
    qtbot.keyClick(window.gold.text, Key.Key_Z, Mod.ControlModifier)
    assert said.text() == f"Rückgängig gemacht: {step}"
    status = window.findChild(QLabel, "adjudicationStatus").text()
    assert "Abweichung 1 von" in status
    assert english_shown([said.text(), status, window.items.item(0).text()]) == []


@pytest.mark.usefixtures("german")
def test_the_edit_menu_names_a_details_edit_in_german(qtbot, project: Project):
    win = show_window(qtbot, sample(project))
    qtbot.keyClick(win.view.text, Key.Key_M)
    form = win.findChild(QDialog, "metaForm")
    title = form.findChild(QLineEdit, "meta_title")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    title.selectAll()
    qtbot.keyClicks(title, "Vertrag gebilligt")
    date = form.findChild(QLineEdit, "meta_published")
    date.setFocus()
    qtbot.keyClicks(date, "2024-10-22")
    qtbot.keyClick(date, Key.Key_Return)
    qtbot.waitUntil(lambda: win.findChild(QDialog, "metaForm") is None)
    assert win.statusBar().currentMessage() == "Titel, Datum bearbeiten"
    assert win.findChild(QAction, "edit.undo").text() == "&Rückgängig: Titel, Datum bearbeiten"


@pytest.mark.usefixtures("german")
def test_an_import_tells_its_progress_in_german(project: Project, tmp_path):
    path = tmp_path / "neu.jsonl"
    rows = [{"title": "Brücke", "text": "Die Brücke in Prag wird gebaut."}] * 2
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    said: list[str] = []
    report = run_import(project, [path], suggest=False,
                        progress=lambda _done, _total, message: said.append(message))
    assert len(report.imported) == 1
    assert said[0] == "Dateien werden gesucht …"
    assert "gelesen: neu.jsonl" in said
    assert f"importiert: {path}:1" in said
    assert f"{path}:2: gleicher Text wie Artikel {report.imported[0]}, übersprungen" in said
    assert found_line(3, 2, "entities") == "Artikel 3: 2 Entitäten"
    assert found_line(3, 1, "claims") == "Artikel 3: 1 Behauptung"


@pytest.mark.usefixtures("german")
def test_the_agreement_tells_its_progress_in_german(project: Project):
    two_annotators(project)
    said: list[str] = []
    measure(project, layers=["entity"],
            progress=lambda _done, _total, message: said.append(message))
    assert said == ["Annotationen werden gelesen …", "Tokens …", "Ebene Entität …", ""]


def test_the_agreement_window_counts_articles_in_words(qtbot, project: Project):
    """"1 article compared" in English (its plural forms in annotator_en.ts), not
    "1 articles"; German has "1 Artikel" in both."""
    two_annotators(project)
    window = agreement(qtbot, show_window(qtbot, project))
    assert window.status.text().startswith("anna, ben · 1 article compared · layer entity")


@pytest.mark.usefixtures("german")
def test_a_refused_date_is_named_in_german(qtbot, project: Project):
    win = show_window(qtbot, sample(project))
    qtbot.keyClick(win.view.text, Key.Key_M)
    form = win.findChild(QDialog, "metaForm")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    date = form.findChild(QLineEdit, "meta_published")
    date.setFocus()
    qtbot.keyClicks(date, "22.10.2024")
    qtbot.keyClick(date, Key.Key_Return)
    message = form.findChild(QLabel, "metaMessage")
    assert message.text() == ("Datum: „22.10.2024“ ist kein Datum; als JJJJ-MM-TT schreiben, "
                              "z. B. 2024-10-22")
    assert QApplication.focusWidget() is date  # the field named is the one refused
    qtbot.keyClick(date, Key.Key_Escape)


@pytest.mark.usefixtures("german")
def test_a_refused_label_name_is_german(project: Project):
    with pytest.raises(ValueError, match="^Label „PER“ \\(Entität\\) gibt es schon$"):
        RenameLabel(project, Layer.ENTITY, "LOC", "PER")


@pytest.mark.usefixtures("german")
def test_a_step_names_its_layer_in_german(project: Project):
    aid = project.add_article(ArticleDraft(title="Brücke", text="Die Brücke in Prag."))
    assert AddSpan(project, aid, Layer.ENTITY, Span(14, 18, "LOC"), "maria").text() == \
        "LOC hinzufügen (Entität)"


@pytest.mark.usefixtures("german")
def test_an_undo_refused_by_a_change_elsewhere_says_why_in_german(tmp_path):
    with Project.open(tmp_path / "p.db") as project:
        aid = project.add_article(ArticleDraft(title="Brücke", text="Anna Berger in Prag."))
    mine, theirs = Project.open(tmp_path / "p.db"), Project.open(tmp_path / "p.db")
    try:
        session = Session(mine, "maria")
        assert session.add_span(aid, Layer.ENTITY, Span(0, 11, "PER"))
        (span,) = theirs.annotations(aid)
        theirs.update_annotation(span.id, label="ORG")  # another window relabels it
        said: list[str] = []
        session.failed.connect(said.append)
        assert not session.undo()
        assert said == ["„PER hinzufügen (Entität)“ lässt sich nicht rückgängig machen: die "
                        "PER-Textstelle bei 0–11 wurde anderswo geändert. Nichts wurde "
                        "geändert."]
        source = mine.claims.add_source("Anna Berger", "person")
        assert session.set_source_kind(mine.claims.source(source), "agency")
        theirs.claims.update_source(source, kind="politician")
        assert not session.undo()
        assert said[-1].endswith(": die Art der Quelle: anderswo geändert. Nichts wurde "
                                 "geändert.")
    finally:
        mine.close()
        theirs.close()


@pytest.mark.usefixtures("german")
def test_another_annotators_version_imported_is_told_in_german(tmp_path):
    maria, _ = _project(tmp_path / "a.db", "maria", {"Dresden": "LOC", "Hamburg": "LOC"})
    exported = _export(maria, tmp_path / "out", "maria")
    target, ids = _project(tmp_path / "b.db", "jonas", {"Dresden": "ORG", "Hamburg": "LOC"})
    report = import_files(target, [exported])
    assert [line.split(": ", 1)[1] for line in report.versions] == [
        f"Fassung von maria für Artikel {aid} ergänzt" for aid in ids]
    again = import_files(target, [exported])
    assert all(line.endswith("übersprungen (die Fassung von maria ist schon da)")
               for line in again.skipped)
    maria.close()
    target.close()


@pytest.mark.usefixtures("german")
def test_the_review_queue_and_a_suggestion_run_speak_german(project: Project):
    from annotator.app.jobs import SuggestReport
    from annotator.app.review_queue import review_items
    from annotator.core.model import ModelInfo
    from tests.test_review_queue import fill

    fill(project)
    dispute = review_items(project, "maria")[0]
    assert dispute.what == ("Wochentag der Unterzeichnung: 2 Behauptungen in 2 Artikeln, "
                            "„Mittwoch“ gegen „Donnerstag“")
    report = SuggestReport(1, 5, ModelInfo("de_annotator_ner", "0.1.0"), cancelled=True)
    assert report.summary() == ("5 Entitäten-Vorschläge in 1 Artikel von de_annotator_ner "
                                "0.1.0; abgebrochen")
    assert english_shown([dispute.what, report.summary()]) == []
