"""No widget reads user or file text as HTML: tags and an <img> in every place such text comes
from (article text, title, outlet, file name, source names, group titles and notes, label and
annotator names) are shown literally, and the image is never opened."""

from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolTip

from annotator.app.tasks import Task
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.article_list_model import TITLE
from annotator.ui.claim_panel import CandidateRow
from annotator.ui.main_window import MainWindow
from annotator.ui.task_actions import show_problems
from tests.conftest import show_window

# No "/" in it: it is also a file name. The image is relative: it resolves in the test's folder.
P = 'ZQX<u>u<img src="p.png">&amp;'
MARK = "ZQX"
IN_OPEN, IN_ACCESS = 0x20, 0x01


class OpenWatch:
    """Counts every open or read of one file by this process or any other (Linux inotify)."""

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        assert self.fd >= 0 and libc.inotify_add_watch(
            self.fd, os.fsencode(path), IN_OPEN | IN_ACCESS) >= 0, os.strerror(ctypes.get_errno())

    def events(self) -> int:
        data = b""
        while True:
            try:
                data += os.read(self.fd, 4096)
            except BlockingIOError:
                return len(data) // 16  # struct inotify_event without a name: 16 bytes

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def image(tmp_path: Path, monkeypatch):
    """p.png (300 x 300) in the current folder, watched for opens."""
    monkeypatch.chdir(tmp_path)
    picture = QImage(300, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(tmp_path / "p.png"))
    watch = OpenWatch(tmp_path / "p.png")
    yield watch
    watch.close()


def shown(label: QLabel) -> str:
    """The text a label puts on screen: its text, or what its HTML renders as."""
    text, fmt = label.text(), label.textFormat()
    if fmt == Qt.TextFormat.PlainText or (fmt == Qt.TextFormat.AutoText
                                           and not QtGui.Qt.mightBeRichText(text)):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def test_the_watch_sees_a_label_load_the_image(qapp, image) -> None:
    # The detector the test below relies on: a label that reads P as HTML opens p.png.
    label = QLabel(P)
    label.grab()
    assert image.events() > 0 and MARK + "u" in shown(label) and P not in shown(label)


TEXT1 = (f"Streit um die Brücke\n\nDresden (dpa) – Die Brücke kostet 40 Millionen Euro, sagte {P} "
         f"am Mittwoch. Die Brücke ist sicher, sagte {P} am Donnerstag.")
TEXT2 = "Brücke teurer\n\nPrag (AFP) – Die Brücke kostet 50 Millionen Euro, sagte Olaf Kern."


def at(text: str, part: str, n: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(n + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def fill(project: Project) -> None:
    """Every kind of user and file text carries P."""
    project.add_article(ArticleDraft(text=TEXT1, title=P, outlet=P, author=P,
                                     source_path=f"/import/{P}.txt"))
    project.add_article(ArticleDraft(text=TEXT2, title="Brücke teurer", outlet="Elbtal-Bote"))
    project.ensure_label(Layer.ENTITY, P)
    add = project.add_annotation
    add(1, Layer.ENTITY, Span(*at(TEXT1, "Dresden"), P), P)
    add(1, Layer.ENTITY, Span(*at(TEXT1, P, 1), "PER"), P)
    claim = add(1, Layer.CLAIM, Span(*at(TEXT1, "Die Brücke kostet 40 Millionen Euro"), "CLAIM"), P)
    add(1, Layer.CLAIM, Span(*at(TEXT1, "Die Brücke ist sicher"), "CLAIM"), P)
    other = add(2, Layer.CLAIM, Span(*at(TEXT2, "Die Brücke kostet 50 Millionen Euro"), "CLAIM"),
                "maria")
    registry = project.claims
    canonical = registry.add_source("Dr. " + P, "person")
    registry.add_source(P, "person")
    source = add(1, Layer.SOURCE, Span(*at(TEXT1, P), "SOURCE"), P, source_id=canonical)
    project.add_link(claim, source, "attributed_to", P, {"cue": P})
    group = registry.add_group(P, note=P)
    registry.add_member(group, claim, P, value=P, stance="supports")
    registry.add_member(group, other, "maria", value="50")


@pytest.fixture
def window(qtbot, tmp_path: Path, image):
    project = Project.open(tmp_path / "p.db")
    fill(project)
    win = MainWindow(project, P)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    win.open_first()
    yield win
    win.close()
    project.close()


def tooltip_shown(qtbot, text: str) -> str:
    """Show a tooltip for real and read what its label puts on screen."""
    QToolTip.showText(QPoint(10, 10), text)
    tip = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label")
    tip.grab()
    return shown(tip)


def test_user_and_file_text_is_shown_literally_and_loads_nothing(qtbot, window, image) -> None:
    editor = window.view.text
    # The claim panel on the linked claim (source label, groups), then on the unlinked one
    # (suggested source).
    editor.select_cp(TEXT1.index("kostet 40"), TEXT1.index("kostet 40"))
    panel = window.side.claim_panel
    seen = {"source": shown(panel.source), "groups": shown(panel.groups)}
    editor.select_cp(TEXT1.index("ist sicher"), TEXT1.index("ist sicher"))
    seen["suggestion"] = shown(panel.suggestion)
    panel.candidates.set_rows([CandidateRow(None, 2, P, P, 0.5, (P,), "sentence")])
    # An entity labelled P: the details at the cursor, and the tooltip over it.
    editor.select_cp(TEXT1.index("Dresden"), TEXT1.index("Dresden"))
    seen["span details"] = shown(window.side.details)
    c = editor.textCursor()
    c.setPosition(editor.to_document(TEXT1.index("Dresden") + 1))
    entity_tip = window.view.tooltip_at(editor.cursorRect(c).center())
    window.grab()
    # A task whose progress names a file.
    release = threading.Event()

    def job(progress, _cancelled):
        progress(1, 2, f"read {P}.txt")
        release.wait(10)

    task = window.runner.start(Task(job, "Import"))
    qtbot.waitUntil(lambda: MARK in window.task_panel.message.text())
    window.grab()
    seen["task"] = shown(window.task_panel.message)
    tips = {"task": window.task_panel.message.toolTip(),
            "article list": window.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole),
            "claims list": window.side.claims.index(0).data(Qt.ItemDataRole.ToolTipRole),
            "candidates": panel.candidates.index(0).data(Qt.ItemDataRole.ToolTipRole),
            "entity": entity_tip}
    release.set()
    with qtbot.waitSignal(task.ended, timeout=10_000):
        pass
    box = show_problems(window, f"Import: {P}", P)
    box.grab()
    seen["message box"] = next(shown(lb) for lb in box.findChildren(QLabel) if MARK in lb.text())
    # The source registry, and its suggested merge ("Dr. P" and "P").
    window.show_sources()
    dialog = window._sources_dialog
    dialog.suggest_merge()
    dialog.grab()
    seen["registry status"] = shown(dialog.status)  # the suggestion, in the status line
    dialog.merge_selected()
    seen["merge prompt"] = shown(dialog.status)
    dialog.rename_current()
    dialog.grab()
    seen["rename prompt"] = shown(dialog.name_label)
    dialog.reject()  # cancels the rename
    dialog.reject()  # and the merge
    # The disputed claims side by side, all groups listed.
    window.toggle_disputes()
    disputes = window.disputes
    if disputes.scope.currentIndex() == 0:
        disputes.toggle_scope()
    assert disputes.select_group(1)
    window.grab()
    tips["disputes list"] = disputes.list.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    column = disputes.columns[0]
    seen.update({"disputes title": shown(disputes.title),
                 "column header": shown(column.header), "column source": shown(column.source),
                 "column value": shown(column.value), "column context": shown(column.context),
                 "article header": shown(window.view.header),
                 "status": shown(window.status_label)})
    disputes.edit_value()
    seen["value prompt"] = shown(disputes.edit_label)
    disputes._close_editor()

    for where, text in seen.items():
        assert P in text, (where, text)
    for where, text in tips.items():
        assert P in tooltip_shown(qtbot, text), (where, text)
    # Every other label in the application that shows the mark shows it literally too.
    for label in QApplication.allWidgets():
        if isinstance(label, QLabel) and MARK in shown(label):
            assert P in shown(label), (label.objectName(), label.text())
    assert isinstance(box, QMessageBox)
    assert image.events() == 0  # the image was never opened


def test_a_source_menu_shows_an_ampersand_as_it_is(qtbot, tmp_path: Path) -> None:
    text = "Dresden (dpa) – Die Preise steigen, sagte AT&T am Mittwoch."
    project = Project.open(tmp_path / "p.db")
    project.add_article(ArticleDraft(text=text, title="Preise"))
    project.add_annotation(1, Layer.SOURCE, Span(*at(text, "AT&T"), "SOURCE"), "maria")
    win = show_window(qtbot, project)
    win.workbench.open(1)
    menu = win.workbench.source_menu()
    assert [a.iconText() for a in menu.actions()][0] == "1 AT&T"  # "1 ATT" if & were a mnemonic
    win.close()
    project.close()


def test_escape_is_html_escape() -> None:
    """ui/plain.py's escape (without loading ``html``) writes what ``html.escape`` writes."""
    import html

    from annotator.ui.plain import escape

    for text in (P, "", "a & b < c > d \"e\" 'f'", "&amp;&lt;", "Grüße – «Zitat»", "<<&&>>''\"\""):
        assert escape(text) == html.escape(text)
