"""Edit ▸ Preferences ▸ Appearance ▸ Language applies at once: the main window is rebuilt in the
new language over the same project and session (the undo stack, the background tasks and the
matching worker go on), with the article, its cursor, the list's filter and the tool windows
that were open (ui/window_rebuild.py)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.app import zone_pass
from annotator.app.importing import run_import
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project
from annotator.store.zones_pending import pending_ids
from annotator.ui import i18n, matching_worker, task_actions, theme
from annotator.ui.adjudication_window import AdjudicationWindow
from annotator.ui.main_window import MainWindow
from annotator.ui.preferences import PreferencesDialog
from annotator.ui.review_queue_window import ReviewQueueWindow
from tests.conftest import show_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
TEXT = ("Die Ministerin sagte, der Vertrag werde am Mittwoch in Dresden unterzeichnet. "
        "Laut Elbtal-Bote stimmten beide Kammern zu.")


def sample(project: Project) -> Project:
    for n in range(3):
        article = project.add_article(ArticleDraft(title=f"Vertrag {n}", text=f"{TEXT} {n}",
                                                   outlet="Elbtal-Bote"))
        project.add_annotation(article, Layer.CLAIM, Span(0, 78, "CLAIM"), "maria")
        project.add_annotation(article, Layer.ENTITY, Span(51, 58, "LOC"), "maria")
    return project


def the_window() -> MainWindow:
    """The one main window shown."""
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, MainWindow) and w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def switch(qtbot: QtBot, win: MainWindow, key: Qt.Key) -> MainWindow:
    """Ctrl+, Ctrl+Tab to the Appearance page, Alt+ the language's mnemonic (English: L,
    German: P), ``key`` in its box: the new window."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Comma, CTRL)
    dialog = win.findChild(PreferencesDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    for _ in range(dialog.tabs.count()):
        if dialog.tabs.currentWidget() is not dialog.appearance:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL)
    combo = dialog.appearance.language
    mnemonic = Qt.Key.Key_P if i18n.current() == "de" else Qt.Key.Key_L
    qtbot.keyClick(QApplication.focusWidget(), mnemonic, Qt.KeyboardModifier.AltModifier)
    assert combo.hasFocus()
    qtbot.keyClick(combo, key)
    qtbot.waitUntil(lambda: the_window() is not win)
    return the_window()


@pytest.fixture
def opened(qtbot: QtBot):
    """Shows a window as tests/conftest.py's ``show_window`` does, but not through qtbot, which
    would close it after the test: a switch deletes it. The window shown last closes then."""

    yield lambda project: show_window(qtbot, project, owned=False)
    left = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    for win in left:
        win.close()
        win.deleteLater()  # its tool windows with it, before the project closes
    deleted(qtbot, *left)


def deleted(qtbot: QtBot, *replaced: MainWindow) -> None:
    """The replaced windows are deleted."""
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(w) for w in replaced))


def menus(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_the_language_switches_at_once_and_nothing_is_lost(qtbot: QtBot, project: Project,
                                                            opened) -> None:
    win = opened(sample(project))
    assert menus(win)[:3] == ["&File", "&Edit", "&View"]
    qtbot.keyClick(win.view.text, Qt.Key.Key_N)  # to the second article
    assert win.current_article == 2
    win.view.text.setFocus()
    cursor = win.view.text.textCursor()
    cursor.setPosition(53)  # inside "Dresden" only
    win.view.text.setTextCursor(cursor)
    qtbot.keyClick(win.view.text, Qt.Key.Key_Delete)  # the undo step
    assert [a.label for a in project.annotations(2, Layer.ENTITY)] == []
    qtbot.keyClick(win.view.text, Qt.Key.Key_R, CTRL | SHIFT)  # Tools ▸ Review queue
    queue = win.findChild(ReviewQueueWindow)
    assert queue is not None and queue.isVisible()
    session = win.session
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.list.setFocus()  # the keyboard in the list, then Ctrl+, from there

    german = switch(qtbot, win, Qt.Key.Key_End)  # "Deutsch", the last entry
    assert QSettings().value(i18n.SETTING) == "de" and i18n.current() == "de"
    assert QLocale().language() == QLocale.Language.German  # dates and numbers too
    assert menus(german)[:3] == ["&Datei", "&Bearbeiten", "&Ansicht"]
    assert german.filter_bar.search.placeholderText() == "Artikel durchsuchen (Strg+F)"
    assert german.model.headerData(0, Qt.Orientation.Horizontal) == "Titel"
    assert "fertig" in german.status_label.text()
    assert german.session is session and german.current_article == 2
    assert german.view.text.textCursor().position() == 53
    dialog = german.findChild(PreferencesDialog)  # open again, on its page, the focus kept
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Einstellungen"
    assert dialog.tabs.currentWidget() is dialog.appearance
    assert QApplication.focusWidget() is dialog.appearance.language
    assert dialog.appearance.language.currentData() == "de"
    queue = german.findChild(ReviewQueueWindow)
    assert queue is not None and queue.isVisible() and queue.windowTitle() == "Prüfliste"
    assert not win.isVisible()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    german.activateWindow()
    qtbot.waitUntil(german.isActiveWindow)
    assert QApplication.focusWidget() is german.list  # where it was before the Preferences
    german.view.text.setFocus()
    qtbot.keyClick(german.view.text, Qt.Key.Key_Z, CTRL)  # the step before the switch
    assert german.statusBar().currentMessage().startswith("Rückgängig gemacht: ")
    assert [a.label for a in project.annotations(2, Layer.ENTITY)] == ["LOC"]
    assert [a.label for a in german.workbench.state.annotations
            if a.layer is Layer.ENTITY] == ["LOC"]

    theme.choose("dark")  # the replaced window's parts hear nothing more (none is left)
    theme.choose("light")
    english = switch(qtbot, german, Qt.Key.Key_Up)  # back to "English"
    assert menus(english)[:3] == ["&File", "&Edit", "&View"]
    assert english.findChild(ReviewQueueWindow).windowTitle() == "Review queue"
    assert english.findChild(PreferencesDialog).windowTitle() == "Preferences"
    assert english.session is session and english.current_article == 2
    qtbot.keyClick(english.findChild(PreferencesDialog), Qt.Key.Key_Escape)
    deleted(qtbot, win, german)


def test_the_list_the_page_and_the_tool_windows_come_back_in_the_new_language(
        qtbot: QtBot, project: Project, opened, _no_task_left_running) -> None:
    win = opened(sample(project))
    bar = win.filter_bar
    qtbot.keyClick(win.view.text, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.search, "Kammern")
    qtbot.waitUntil(lambda: win.model.filter.query == "Kammern")
    bar.teach.setFocus()
    qtbot.keyClick(bar.teach, Qt.Key.Key_Space)  # least certain first
    assert win.model.filter.teach
    win.view.text.setFocus()
    for key in (Qt.Key.Key_O, Qt.Key.Key_A):  # Tools ▸ Overview, Agreement
        qtbot.keyClick(win.view.text, key, CTRL | SHIFT)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        win.view.text.setFocus()
    qtbot.keyClick(win.view.text, Qt.Key.Key_R, CTRL)  # View ▸ Source registry
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.view.text.setFocus()
    qtbot.keyClick(win.view.text, Qt.Key.Key_G, CTRL)  # the disputed claims page
    size, sizes = win.size(), win.splitter.sizes()

    german = switch(qtbot, win, Qt.Key.Key_End)
    assert german.size() == size and german.splitter.sizes() == sizes
    assert german.filter_bar.search.text() == "Kammern" and german.filter_bar.teach.isChecked()
    assert german.model.filter.query == "Kammern" and german.model.filter.teach
    assert german.pages.currentWidget() is german.disputes
    titles = sorted(w.windowTitle() for w in german.findChildren(QWidget)
                    if w.isWindow() and w.isVisible())
    assert titles == ["Einstellungen", "Quellenverzeichnis", "Übereinstimmung der Annotatoren",
                      "Übersicht"]
    runs = [task for _runner, task in _no_task_left_running  # the agreement: computed afresh
            if task.title in ("Agreement", "Übereinstimmung")]
    assert [t.title for t in runs] == ["Agreement", "Übereinstimmung"]
    assert runs[0].is_cancelled() or not runs[0].is_active()  # the old window's, stopped
    qtbot.waitUntil(lambda: not german.runner.is_busy(), timeout=30_000)
    deleted(qtbot, win)


def test_the_list_and_the_text_are_scrolled_as_they_were(qtbot: QtBot, project: Project,
                                                          opened) -> None:
    long = "\n\n".join(f"Absatz {n}: Die Ministerin sagte, der Vertrag werde unterzeichnet."
                       for n in range(200))
    for n in range(120):
        project.add_article(ArticleDraft(title=f"Meldung {n:03}", text=f"{long} {n}"))
    win = opened(project)
    win.list.setFocus()
    qtbot.keyClick(win.list, Qt.Key.Key_End, CTRL)  # the last article
    qtbot.keyClick(win.list, Qt.Key.Key_PageUp)
    win.view.text.setFocus()
    for _ in range(3):
        qtbot.keyClick(win.view.text, Qt.Key.Key_PageDown)
    selection = win.view.text.textCursor()
    selection.movePosition(selection.MoveOperation.Down, selection.MoveMode.KeepAnchor, 2)
    win.view.text.setTextCursor(selection)
    article, listed = win.current_article, win.list.verticalScrollBar().value()
    scrolled = win.view.text.verticalScrollBar().value()
    anchor, position = selection.anchor(), selection.position()
    assert listed > 0 and scrolled > 0 and anchor != position

    german = switch(qtbot, win, Qt.Key.Key_End)
    text = german.view.text
    assert german.current_article == article
    assert german.list.verticalScrollBar().value() == listed
    assert text.verticalScrollBar().value() == scrolled
    assert (text.textCursor().anchor(), text.textCursor().position()) == (anchor, position)
    deleted(qtbot, win)


def test_the_adjudication_comes_back_on_its_disagreement(
        qtbot: QtBot, project: Project, opened) -> None:
    text = "Anna Berger traf in Dresden die Stadtwerke Dresden."
    article = project.add_article(ArticleDraft(text=text, title="Treffen"))
    for who, spans in (("maria", [Span(0, 11, "PER"), Span(19, 26, "LOC")]),
                       ("jonas", [Span(0, 11, "PER"), Span(19, 26, "ORG"),
                                  Span(31, 49, "ORG")])):
        project.start_version(article, who, Status.DONE)
        for span in spans:
            project.add_annotation(article, Layer.ENTITY, span, who)
    win = opened(project)
    qtbot.keyClick(win.view.text, Qt.Key.Key_J, CTRL)  # Article ▸ Adjudicate
    adjudication = win.findChild(AdjudicationWindow)
    qtbot.waitUntil(adjudication.gold.text.hasFocus)
    qtbot.keyClick(adjudication.gold.text, Qt.Key.Key_J)  # to the second disagreement
    assert "disagreement 2 of 2" in adjudication.status.text()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.view.text.setFocus()
    win.session.view("jonas")  # View ▸ another annotator's version, read only

    german = switch(qtbot, win, Qt.Key.Key_End)
    assert german.session.shown == "jonas" and german.model.filter.annotator == "jonas"
    assert german.status_label.text().startswith("Schreibgeschützt: Fassung von jonas · ")
    adjudication = german.findChild(AdjudicationWindow)
    assert adjudication.isVisible() and adjudication.adj.article_id == article
    assert adjudication.windowTitle() == "Adjudikation: die Goldfassung"
    assert "Abweichung 2 von 2" in adjudication.status.text()
    deleted(qtbot, win)


def test_the_matching_method_is_said_again_in_the_new_language(qtbot: QtBot, project: Project,
                                                               opened) -> None:
    win = opened(sample(project))
    qtbot.waitUntil(lambda: "Method: tfidf" in win.side.claim_panel.method.text(),
                    timeout=20_000)
    german = switch(qtbot, win, Qt.Key.Key_End)
    method = german.side.claim_panel.method
    qtbot.waitUntil(lambda: "Verfahren: tfidf · gelernt: nicht trainiert" in method.text(),
                    timeout=20_000)
    qtbot.waitUntil(lambda: not german.runner.is_busy(), timeout=30_000)
    deleted(qtbot, win)


def test_choose_says_whether_the_language_changed(qapp) -> None:
    try:
        assert i18n.choose("en") is False  # English already
        assert i18n.choose("de") is True
        assert i18n.choose("de") is False
    finally:
        i18n.install("en")


def test_an_import_running_at_the_switch_goes_on_and_reports_to_the_new_window(
        qtbot: QtBot, project: Project, tmp_path: Path, monkeypatch, opened) -> None:
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps({"title": "Fähre", "text": "Der Stadtrat beschloss die Fähre."},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    hold, job = threading.Event(), task_actions.import_job

    def held(paths, model_name=None):
        run = job(paths, model_name)

        def waiting(project, progress, cancelled):
            assert hold.wait(30), "never released"
            return run(project, progress, cancelled)

        return waiting

    monkeypatch.setattr(task_actions, "import_job", held)
    win = opened(sample(project))
    titles: list[str] = []
    win.runner.submitted.connect(lambda task: titles.append(task.title))
    win.start_import([source])
    assert win.runner.is_busy() and win.task_panel.isVisible()

    german = switch(qtbot, win, Qt.Key.Key_End)
    assert german.runner is win.runner and german.runner.is_busy()
    assert german.task_panel.isVisible() and german.task_panel.window() is german
    assert german.task_panel.cancel_button.text() == "Abbrechen"
    qtbot.keyClick(german.findChild(PreferencesDialog), Qt.Key.Key_Escape)
    with qtbot.waitSignal(german.runner.busy_changed, timeout=30_000):
        hold.set()
    assert titles == ["Import"]  # one import, not stopped, not started again
    assert german.model.rowCount() == 4  # the new window read the project again
    assert german.statusBar().currentMessage().startswith("Import: ")
    assert not german.task_panel.isVisible()
    deleted(qtbot, win)


def test_the_zone_pass_goes_on_in_the_new_window_once(qtbot: QtBot, tmp_path: Path,
                                                      monkeypatch, opened) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"text": f"Meldung {n}\n\n{TEXT}"}) + "\n"
                              for n in range(4)), encoding="utf-8")
    with Project.open(tmp_path / "p.db") as made:
        run_import(made, [source], suggest=False)
        assert pending_ids(made.db) == [1, 2, 3, 4]
    hold, drafts = threading.Event(), zone_pass._drafts

    def held(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            assert hold.wait(30), "never released"
        return drafts(*args, **kwargs)

    monkeypatch.setattr(zone_pass, "_drafts", held)
    monkeypatch.setattr(zone_pass, "PASS_BATCH", 2)
    monkeypatch.setattr(matching_worker, "START_AFTER_MS", 0)
    project = Project.open(tmp_path / "p.db", create=False)
    win = MainWindow(project, "maria")  # shown here: the worker starts as it shows
    worker, titles = win.matching, []
    worker.runner.submitted.connect(lambda task: titles.append(task.title))
    with qtbot.waitSignal(worker.runner.busy_changed, timeout=10_000):
        win.show()
    win.activateWindow()
    win.open_first()
    win.view.text.setFocus()

    german = switch(qtbot, win, Qt.Key.Key_End)
    assert german.matching is worker and worker.parent() is german and worker.runner.is_busy()
    qtbot.keyClick(german.findChild(PreferencesDialog), Qt.Key.Key_Escape)
    with qtbot.waitSignal(worker.runner.busy_changed, timeout=60_000,
                          check_params_cb=lambda busy: not busy):
        hold.set()
    assert pending_ids(project.db) == [] and project.unsplit_articles() == []
    assert titles.count("Finding zones after an import") == 1  # not stopped, not begun again
    deleted(qtbot, win)
    german.close()  # the worker stops with the window that has it now: it starts nothing more
    worker.need()
    assert worker.runner.tasks() == []
    project.close()


def test_the_keyboard_stays_in_the_claim_form_across_the_switch(qtbot: QtBot, project: Project,
                                                                 opened) -> None:
    """The claim form is made when first needed: the new window makes it at once when the old
    one had it, so that the keyboard is found again where it was (here: the ranked list, which
    has the keys without a claim at the cursor), also though the old window had made its
    disputes page and the new one has not yet."""
    win = opened(sample(project))
    win.later.complete()
    panel = win.side.claim_panel
    win.view.text.moveCursor(QTextCursor.MoveOperation.End)  # out of the article's claim
    assert panel.made and panel.claim is None
    panel.candidate_view.setFocus()
    assert panel.candidate_view.hasFocus()

    german = switch(qtbot, win, Qt.Key.Key_End)  # the keyboard in the Preferences meanwhile
    assert german.side.claim_panel.made
    assert german.focusWidget() is german.side.claim_panel.candidate_view  # back to it after
    deleted(qtbot, win)


def test_the_keyboard_comes_back_to_the_list_after_the_switch(qtbot: QtBot, project: Project,
                                                              opened) -> None:
    """The old window's disputes page (made after its first paint) came first among the pages'
    children; a widget is found again by its class's place, not by its place among all."""
    win = opened(sample(project))
    win.later.complete()
    win.list.setFocus()
    german = switch(qtbot, win, Qt.Key.Key_End)  # the keyboard in the Preferences meanwhile
    assert german.focusWidget() is german.list  # the window's own: back to it after
    deleted(qtbot, win)
