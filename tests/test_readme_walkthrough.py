"""The README's "A first session in six steps", key by key, on the demo project in the real
window (offscreen): each step's keys pressed where the focus is, and what the README promises
checked after it. The keys each step names in the README are the keys this walk presses, so
that the text and the walk cannot drift apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from annotator.app.projects import open_project
from annotator.app.review import open_count
from annotator.app.samples import GROUP
from annotator.cli.projects import demo_project
from annotator.core.model import Layer, Status
from annotator.core.names import ATTRIBUTED_TO
from annotator.store import Project
from annotator.ui.application import default_annotator
from annotator.ui.main_window import MainWindow
from annotator.ui.overview_window import OverviewWindow

README = Path(__file__).resolve().parents[1] / "README.md"
# Each step: its heading and the keys and words it names, in order; the walk presses these.
STEPS = [
    ("Label", ["Ctrl+F", "Verwirrung", "Enter", "A"]),
    ("Claim", ["C"]),
    ("Source and link", ["S", "L", "1"]),
    ("Group", ["G", "3"]),
    ("Dispute", ["Ctrl+G", "Ctrl+G"]),
    ("Export", ["D", "X", "Ctrl+Shift+S", "doccano", "Tab", "Enter", "Esc", "Ctrl+Shift+O"]),
]
ARTICLE = "06-mep-widersprueche-unterzeichnung.txt"  # the Mitteleuropäischer Pressedienst's
PERSON = "Jana Procházková"
SENTENCE = "Rechtsgültig unterzeichnet habe man ihn erst in Prag."
OTHER = ("Nordelbische Allgemeine", "am Donnerstag in Prag unterzeichnet.")  # outlet, claim
NAME = "tester"  # the name given at the first start (tests/conftest.py)


def readme_steps() -> list[tuple[str, list[str]]]:
    """The README's steps: each heading, and what its text puts in backticks, in order."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("**A first session in six steps**"):]
    section = section[:section.index("\n\n", section.index("\n1. "))]
    items = re.findall(r"^\d\. \*\*(.+?)\.\*\* (.*?)(?=^\d\. |\Z)", section, re.M | re.S)
    return [(heading, re.findall(r"`([^`]+)`", body)) for heading, body in items]


def test_the_readme_names_the_keys_this_walk_presses() -> None:
    assert readme_steps() == STEPS


class Walk:
    """Presses keys where the focus is (an open popup menu first), as a user's keyboard would,
    and notes each key of a step to compare with the README."""

    def __init__(self, qtbot, win: MainWindow) -> None:
        self.qtbot, self.win, self.used = qtbot, win, []

    @staticmethod
    def target():
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, keys: str) -> None:
        self.used.append(keys)
        # the big key a README's Enter means is Return to Qt (Enter is the keypad's)
        combo = QKeySequence(Qt.Key.Key_Return if keys == "Enter" else keys)[0]
        self.qtbot.keyClick(self.target(), combo.key(), combo.keyboardModifiers())

    def type(self, words: str, *, named: bool = True) -> None:
        if named:
            self.used.append(words)
        self.qtbot.keyClicks(self.target(), words)

    def step_done(self, n: int) -> None:
        assert self.used == STEPS[n][1], f"step {n + 1} pressed {self.used}"
        self.used = []

    def put_cursor(self, words: str, into: int = 2) -> None:
        """A user clicks or arrows there: the test moves the editor's cursor directly."""
        cp = self.win.workbench.state.text.index(words) + into
        self.win.view.text.select_cp(cp, cp)

    def back_in_window(self, kind: type, name: str) -> None:
        """A popup menu or a message box has closed (and is gone): the window has the keys
        again. Offscreen, no window is active after it: the test activates the window, as a
        desktop does."""
        self.qtbot.waitUntil(lambda: self.win.findChild(kind, name) is None)
        self.win.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.win)


@pytest.fixture
def walk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`annotator demo`: the demo project built (with the bundled model's suggestions) and
    opened in the window, as its first start does."""
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no export lands in the real one
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    project = open_project(demo_project(fresh=True))
    win = MainWindow(project, default_annotator())
    qtbot.addWidget(win)
    win.resize(1300, 800)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.open_first()
    yield Walk(qtbot, win)
    win.close()
    project.close()


def test_a_first_session_in_six_steps(walk: Walk, tmp_path: Path) -> None:
    project = walk.win.project
    assert walk.win.session.annotator == NAME
    (article,) = project.article_ids_by_source(ARTICLE)
    label(walk, article)
    claim = mark_claim(walk, article)
    source_and_link(walk, article, claim)
    group(walk, claim)
    dispute(walk, article)
    export(walk, article, tmp_path / "export")


def label(w: Walk, article: int) -> None:
    win, project = w.win, w.win.project
    assert w.target() is win.view.text  # the keys are in the text from the start
    w.press("Ctrl+F")
    assert w.target() is win.filter_bar.search
    # The list follows the search a moment after the last letter; a user's Enter comes later.
    with w.qtbot.waitSignal(win.filter_bar.filter_changed):
        w.type("Verwirrung")
    w.press("Enter")
    assert win.current_article == article and w.target() is win.view.text
    cp = win.view.text.cursor_cp()
    assert win.workbench.state.text[cp:cp + len("Verwirrung")] == "Verwirrung"  # on a hit
    suggested = [(s.label, s.model) for s in project.suggestions(article, open_only=True)
                 if project.article(article).text[s.start:s.end] == PERSON]
    assert suggested == [("PER", "de_annotator_ner")]  # the bundled model's suggestion
    w.put_cursor(PERSON)
    w.press("A")
    (entity,) = project.annotations(article, Layer.ENTITY, annotator=NAME)
    assert (entity.label, entity.suggestion_id is not None) == ("PER", True)
    assert win.workbench.state.text[entity.start:entity.end] == PERSON
    w.step_done(0)


def mark_claim(w: Walk, article: int):
    w.put_cursor(SENTENCE, into=5)
    w.press("C")
    (claim,) = w.win.project.annotations(article, Layer.CLAIM, annotator=NAME)
    assert w.win.workbench.state.text[claim.start:claim.end] == SENTENCE
    w.step_done(1)
    return claim


def source_and_link(w: Walk, article: int, claim) -> None:
    win, project = w.win, w.win.project
    w.put_cursor(PERSON)
    w.press("S")
    (source,) = project.annotations(article, Layer.SOURCE, annotator=NAME)
    assert win.workbench.state.text[source.start:source.end] == PERSON
    assert project.claims.source(source.source_id).name == PERSON
    w.put_cursor(SENTENCE, into=5)
    w.press("L")
    picker = w.target()
    assert isinstance(picker, QMenu) and picker.objectName() == "sourcePicker"
    assert picker.actions()[0].text() == f"&1 {PERSON}"
    w.press("1")
    w.back_in_window(QMenu, "sourcePicker")
    (link,) = project.links(article)
    assert (link.from_id, link.to_id, link.kind) == (claim.id, source.id, ATTRIBUTED_TO)
    assert win.statusBar().currentMessage() == f"Linked the claim to SOURCE „{PERSON}“"
    w.step_done(2)


def group(w: Walk, claim) -> None:
    win, project, panel = w.win, w.win.project, w.win.side.claim_panel
    assert w.target() is win.view.text and win.claim_actions.claim_here().id == claim.id
    w.press("G")
    w.qtbot.waitUntil(lambda: panel.candidates.rowCount() > 0, timeout=60_000)  # a worker ranks
    assert w.target() is panel.candidate_view
    third = panel.candidates.rows[2]
    assert (third.outlet, third.kind) == (OTHER[0], "claim") and third.text.endswith(OTHER[1])
    w.press("3")
    group_id = project.claims.group_of(claim.id)
    assert group_id is not None and project.claims.group(group_id).title == GROUP[0]
    assert project.claims.group_of(third.annotation_id) == group_id
    w.step_done(3)


def dispute(w: Walk, article: int) -> None:
    win = w.win
    w.press("Ctrl+G")
    shown = win.disputes.current_group()
    assert win.disputes.isVisible() and shown.title == GROUP[0]
    columns = [(c.member.outlet, c.member.value, c.member.source, c.member.text)
               for c in win.disputes.columns]
    values = [value for _outlet, value, _source, _text in columns]
    assert values.count("Mittwoch") == 3 and values.count("Donnerstag") == 1
    # her claim names the place, not the weekday the group disputes: no third value "Prag"
    (hers,) = [c for c in win.disputes.columns if c.member.text == SENTENCE]
    assert hers.member.value == "" and "none on this point" in hers.value.text()
    assert "Prag" not in win.disputes.summary.text()
    assert any("am Mittwoch in Dresden" in text for *_rest, text in columns)
    assert any("am Donnerstag in Prag" in text for *_rest, text in columns)
    assert ("Mitteleuropäischer Pressedienst", PERSON, SENTENCE) in [
        (outlet, source, text) for outlet, _value, source, text in columns]
    w.press("Ctrl+G")
    assert not win.disputes.isVisible() and w.target() is win.view.text
    assert win.current_article == article
    w.step_done(4)


def export(w: Walk, article: int, out: Path) -> None:
    win, project = w.win, w.win.project
    w.press("D")
    prompt = w.target()
    assert isinstance(prompt, QMenu) and prompt.objectName() == "donePrompt"
    w.press("X")
    w.back_in_window(QMenu, "donePrompt")
    assert project.version_status(article, NAME) is Status.DONE
    assert open_count(project, article, NAME) == 0
    fill_export_dialog(w, out)
    w.press("Ctrl+Shift+S")  # the dialog runs its own loop: fill_export_dialog drives it
    box = wait_for_box(w)
    assert box.text().startswith("Export: 3 articles (train 3, dev 0, test 0)")
    w.press("Esc")
    w.back_in_window(QMessageBox, "taskMessageBox")
    check_export(project, article, out)
    w.press("Ctrl+Shift+O")
    overview = win.findChild(OverviewWindow)
    w.qtbot.waitUntil(lambda: overview.heard is not None and overview.task is None)
    assert overview.isVisible()
    assert overview.status.text().startswith("5 versions done by 4 annotators")
    w.step_done(5)


def fill_export_dialog(w: Walk, out: Path) -> None:
    """Once the export dialog has the focus: a format typed, Tab to the folder, one typed,
    Enter."""

    def drive() -> None:
        dialog = None
        try:
            w.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                              and QApplication.activeModalWidget().isAncestorOf(
                                  QApplication.focusWidget()))
            dialog = QApplication.activeModalWidget()
            assert w.target() is dialog.format
            w.type("doccano")
            assert dialog.format.currentText() == "doccano"
            w.press("Tab")
            assert w.target() is dialog.out and dialog.out.selectedText() == dialog.out.text()
            w.type(str(out), named=False)
            w.press("Enter")
        finally:  # a failed check must not leave the dialog's loop running
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)


def wait_for_box(w: Walk) -> QMessageBox:
    def shown() -> QMessageBox | None:
        boxes = [b for b in w.win.findChildren(QMessageBox, "taskMessageBox") if b.isVisible()]
        return boxes[0] if boxes else None

    w.qtbot.waitUntil(lambda: shown() is not None, timeout=60_000)
    box = shown()
    assert box is not None
    w.qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def check_export(project: Project, article: int, out: Path) -> None:
    """doccano's file holds the three articles marked done (this one and the colleague's two);
    this one's only entity is the person labelled in step 1 (UTF-16 offsets, as doccano's)."""
    records = [json.loads(line) for path in sorted(out.glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    text = project.article(article).text
    (mine,) = [r for r in records if r["text"] == text]
    start = text.index(PERSON)
    units = len(text[:start].encode("utf-16-le")) // 2
    assert mine["label"] == [[units, units + len(PERSON), "PER"]]
