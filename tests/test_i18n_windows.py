"""Every window besides the main one speaks German with German installed: each is opened as a
user opens it (its key, or its menu entry), and every text it looks up has a German entry in
resources/i18n/annotator_de.ts, and no English word of the catalogue shows in it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTableView, QTableWidget, QTabWidget, QWidget

from annotator.app.session import Session
from annotator.io.formats import FORMATS
from annotator.store import Project
from annotator.ui.adjudication_window import AdjudicationWindow
from annotator.ui.agreement_window import AgreementWindow
from annotator.ui.overview_window import OverviewWindow
from annotator.ui.preferences import PreferencesDialog
from annotator.ui.review_queue_window import ReviewQueueWindow
from annotator.ui.sources_dialog import SourcesDialog
from tests.conftest import show_window
from tests.test_agreement import two_annotators
from tests.test_disputes import fill
from tests.test_i18n import (
    Recorder,
    english_words,
    german,  # noqa: F401 (the fixture)
    visible_texts,
)

Key, Mod = Qt.Key, Qt.KeyboardModifier
CTRL_SHIFT = Mod.ControlModifier | Mod.ShiftModifier
# Data, names and what the layers below ui say (docs/translations.md: they stay English)
DATA = {"maria", "anna", "ben", "cem", "jonas", "LOC", "ORG", "PER", "CLAIM", "SOURCE", "PNG",
        "SVG", "spaCy", "Qt", "PySide6", "MIT", "README", "docs", "Wochentag", "Laufzeit", "Ort",
        "Elbtal", "Bote", "ddp", "Nordelbische", "Allgemeine", "Anna", "Berger", "Mittwoch",
        "Donnerstag", "Dresden", "Prag", "Jahre", "Wasserabkommen", "Abkommen", "Hamburg",
        "Landtag", "Treffen", "Ministerin"}

# The export formats' names (``claim-pairs``, ``label-studio``), which the dialog lists as
# they are
FORMAT_NAMES = {w for name in FORMATS for w in re.findall(r"[A-Za-z]{3,}", name)}


def items(root: QWidget) -> list[str]:
    """The headers of every table and list in ``root``, the rows of its lists and the first
    column of its tables (kinds, labels), the tabs' titles and the charts' titles."""
    texts: list[str] = []
    for view in root.findChildren(QTableView):  # the tables' headers
        model = view.model()
        headers = [(Qt.Orientation.Horizontal, view.horizontalHeader().count())]
        if not isinstance(view, QTableWidget):  # a widget's rows are numbered
            headers.append((Qt.Orientation.Vertical, view.verticalHeader().count()))
        texts += [str(model.headerData(n, side)) for side, count in headers for n in range(count)]
    for table in root.findChildren(QTableWidget):
        texts += [table.item(r, 0).text() for r in range(table.rowCount()) if table.item(r, 0)]
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(n) for n in range(tabs.count())]
    texts += [getattr(w, "title", "") for w in root.findChildren(QWidget)
              if isinstance(getattr(w, "title", None), str)]
    return [t for t in texts if t and t != "None" and not t.isdigit()]


def lists(root: QWidget) -> list[str]:
    return [lw.item(r).text() for lw in root.findChildren(QListWidget) for r in range(lw.count())]


def english_shown(texts: list[str]) -> list[str]:
    english = english_words() - {w.lower() for w in DATA | FORMAT_NAMES}
    return [w for t in texts for w in re.findall(r"[A-Za-z]{3,}", re.sub("<[^>]*>", "", t))
            if w.lower() in english]


def agreement(qtbot, win) -> QWidget:
    qtbot.keyClick(win.view.text, Key.Key_A, CTRL_SHIFT)
    window = win.findChild(AgreementWindow)
    if window.figures is None:
        with qtbot.waitSignal(window.computed, timeout=30_000):
            pass
    return window


def review_queue(qtbot, win) -> QWidget:
    qtbot.keyClick(win.view.text, Key.Key_R, CTRL_SHIFT)
    return win.findChild(ReviewQueueWindow)


def adjudication(qtbot, win) -> QWidget:
    qtbot.keyClick(win.view.text, Key.Key_J, Mod.ControlModifier)
    window = win.findChild(AdjudicationWindow)
    qtbot.waitUntil(lambda: window.gold.text.hasFocus())
    return window


def overview(qtbot, win) -> QWidget:
    qtbot.keyClick(win.view.text, Key.Key_O, CTRL_SHIFT)
    window = win.findChild(OverviewWindow)
    qtbot.waitUntil(lambda: window.heard is not None, timeout=30_000)
    return window


def preferences(qtbot, win) -> QWidget:
    qtbot.keyClick(win.view.text, Key.Key_Comma, Mod.ControlModifier)
    return win.findChild(PreferencesDialog)


def about(qtbot, win) -> QWidget:
    action = next(a for a in win.findChildren(type(win.menuBar().actions()[0]))
                  if a.objectName() == "help.about")
    action.trigger()
    return win.findChild(QWidget, "about")


def sources(qtbot, win) -> QWidget:
    qtbot.keyClick(win.view.text, Key.Key_R, Mod.ControlModifier)
    return win.findChild(SourcesDialog)


def disputes(qtbot, win) -> QWidget:
    qtbot.keyClick(win.view.text, Key.Key_G, Mod.ControlModifier)
    qtbot.waitUntil(lambda: win.disputes.isVisible())
    return win.disputes


def export(qtbot, win) -> QWidget:
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(win, annotators=win.project.annotators())
    dialog.format.setCurrentText("claimreview")
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


WINDOWS: dict[str, Callable] = {f.__name__: f for f in (
    agreement, review_queue, adjudication, overview, preferences, about, sources, disputes,
    export)}


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_speaks_german(qtbot, qapp, project: Project, name: str):
    fill(project, Session(project, "maria"))  # disputed groups, sources
    two_annotators(project)  # a disagreement: agreement, adjudication, the review queue
    recorder = Recorder(qapp)  # asked first: installed last
    qapp.installTranslator(recorder)
    try:
        win = show_window(qtbot, project)
        window = WINDOWS[name](qtbot, win)
        assert window is not None and window.isVisible()
        texts = [*visible_texts(window), *items(window), *lists(window)]
        texts = [t.replace(str(project.path), "") for t in texts]
    finally:
        qapp.removeTranslator(recorder)
    ours = {c for c, _s in recorder.table}
    untranslated = sorted(s for c, s in recorder.asked if c in ours and s
                          and not recorder.table.get((c, s), [""])[0])
    assert untranslated == []
    assert english_shown(texts) == [], [t for t in texts if english_shown([t])]
