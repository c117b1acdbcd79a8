"""The adjudication window on what annotators say about the spans they share: a claim's kind
and a claim's link, decided with the real keys (digits, 0, Alt+digit, J, Ctrl+Z,
Ctrl+Shift+Z), a line per disagreement saying what each annotator and gold have."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.core.names import ATTRIBUTED_TO
from annotator.store import Project
from annotator.ui.adjudication_window import AdjudicationWindow
from tests.conftest import show_window

Key, Mod = Qt.Key, Qt.KeyboardModifier
TEXT = ("Anna Berger sagte, die Brücke werde am Mittwoch eröffnet. "
        "Laut Stadtwerke Dresden kostet sie drei Millionen Euro.")
C1, S1 = "die Brücke werde am Mittwoch eröffnet", "Anna Berger"
C2, S2 = "kostet sie drei Millionen Euro", "Stadtwerke Dresden"


def at(part: str, label: str) -> Span:
    return Span(TEXT.index(part), TEXT.index(part) + len(part), label)


def version(project: Project, aid: int, who: str, kind: str, link_c2: bool) -> None:
    """Both spans of both claims and sources; C1 of ``kind``; C2 linked to S2 or not."""
    project.start_version(aid, who, Status.DONE)
    ids = {part: project.add_annotation(aid, layer, at(part, label), who,
                                        attrs={"kind": kind} if part == C1 else None)
           for part, layer, label in ((S1, Layer.SOURCE, "SOURCE"), (C1, Layer.CLAIM, "CLAIM"),
                                      (S2, Layer.SOURCE, "SOURCE"), (C2, Layer.CLAIM, "CLAIM"))}
    if link_c2:
        project.add_link(ids[C2], ids[S2], ATTRIBUTED_TO, who, {"cue": "Laut"})


def gold_kind(window: AdjudicationWindow) -> str | None:
    assert window.adj is not None
    claim = next(a for a in window.adj.gold() if TEXT[a.start:a.end] == C1)
    return claim.attrs.get("kind")


def gold_links(project: Project, aid: int) -> int:
    return len(project.links(aid, annotator="gold"))


def test_an_attribute_and_a_link_from_the_keyboard(qtbot, project: Project) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Brücke"))
    version(project, aid, "maria", "factual", link_c2=True)
    version(project, aid, "jonas", "prediction", link_c2=False)
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_J, Mod.ControlModifier)
    window = win.findChild(AdjudicationWindow)
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.gold.text.hasFocus())
    keys = window.gold.text
    assert [window.items.item(n).text() for n in range(window.items.count())] == [
        "1. kind of CLAIM „die Brücke werde am Mittwoch…“ — 1 maria: kind factual · "
        "2 jonas: kind prediction — gold: none",
        "2. attributed_to link of CLAIM „kostet sie drei Millionen Euro“ — 1 maria: → SOURCE "
        "„Stadtwerke Dresden“ (Laut) · 2 jonas: no link — gold: jonas's"]
    assert "disagreement 1 of 2 (kind of CLAIM" in window.status.text()
    assert gold_kind(window) is None  # not agreed: not pre-accepted
    qtbot.keyClick(keys, Key.Key_2)
    assert gold_kind(window) == "prediction" and "gold: jonas's" in window.status.text()
    assert window.items.item(0).text().endswith("gold: jonas's")
    qtbot.keyClick(keys, Key.Key_7, Mod.AltModifier)  # there are four kinds
    assert gold_kind(window) == "prediction" and "No value 7: factual" in window.said.text()
    qtbot.keyClick(keys, Key.Key_3, Mod.AltModifier)  # by hand: the third kind
    assert gold_kind(window) == "assessment" and "gold: edited by hand" in window.status.text()
    qtbot.keyClick(keys, Key.Key_0)
    assert gold_kind(window) is None and "gold: none" in window.status.text()
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)
    assert gold_kind(window) == "assessment"
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)
    assert gold_kind(window) == "prediction"
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert gold_kind(window) == "assessment"
    qtbot.keyClick(keys, Key.Key_J)
    assert "disagreement 2 of 2 (attributed_to link" in window.status.text()
    assert window.items.currentRow() == 1 and keys.cursor_cp() == TEXT.index(C2)
    qtbot.keyClick(keys, Key.Key_1)
    assert gold_links(project, aid) == 1 and "gold: maria's" in window.status.text()
    qtbot.keyClick(keys, Key.Key_2)
    assert gold_links(project, aid) == 0 and "gold: jonas's" in window.status.text()
    qtbot.keyClick(keys, Key.Key_Z, Mod.ControlModifier)
    assert gold_links(project, aid) == 1 and window.items.item(1).text().endswith(
        "gold: maria's")
    qtbot.keyClick(keys, Key.Key_4, Mod.AltModifier)  # a link has no values to choose
    assert gold_links(project, aid) == 1 and "Nothing to choose" in window.said.text()
    window.grab().save(str(project.path.with_name("adjudication-claims.png")))
    first = window.items.visualItemRect(window.items.item(0)).center()
    qtbot.mouseClick(window.items.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert "disagreement 1 of 2 (kind of CLAIM" in window.status.text() and keys.hasFocus()
    qtbot.keyClick(keys, Key.Key_Return)
    assert project.version_status(aid, "gold") is Status.DONE


def test_a_link_whose_source_gold_lacks_is_refused_and_said(qtbot, project: Project) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Brücke"))
    project.start_version(aid, "maria", Status.DONE)
    claim = project.add_annotation(aid, Layer.CLAIM, at(C1, "CLAIM"), "maria")
    source = project.add_annotation(aid, Layer.SOURCE, at(S1, "SOURCE"), "maria")
    project.add_link(claim, source, ATTRIBUTED_TO, "maria", {"cue": "sagte"})
    project.start_version(aid, "jonas", Status.DONE)
    project.add_annotation(aid, Layer.CLAIM, at(C1, "CLAIM"), "jonas")
    window = AdjudicationWindow(project)
    qtbot.addWidget(window)
    assert window.open_article(aid)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    keys = window.gold.text
    keys.setFocus()
    qtbot.keyClick(keys, Key.Key_J)  # the link, after the source span
    qtbot.keyClick(keys, Key.Key_1)
    assert "Gold has no SOURCE „Anna Berger“" in window.said.text()
    assert gold_links(project, aid) == 0
    qtbot.keyClick(keys, Key.Key_K)
    qtbot.keyClick(keys, Key.Key_1)  # maria's source span, and her link with it
    assert gold_links(project, aid) == 1
    assert window.items.item(1).text().endswith("gold: maria's")
