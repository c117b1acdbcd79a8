"""Issue 4's flow by keyboard: mark claims, attribute them, group the contradicting ones,
review the disputed group side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as QtNs
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.ui.claim_panel import CandidateModel, CandidateRow
from annotator.ui.main_window import MainWindow
from tests.conftest import show_window

Key, Mod = QtNs.Key, QtNs.KeyboardModifier
FIRST = ("Abkommen unterzeichnet\n\nDresden (dpa) – Bundesumweltministerin Anna Berger sagte, "
         "das Abkommen sei am Mittwoch in Dresden unterzeichnet worden. Es gilt 40 Jahre.")
SECOND = ("Vertrag in Prag\n\nPrag – Nach Angaben des Prager Tageskuriers wurde der Vertrag am "
          "Donnerstag in Prag unterzeichnet. Die Laufzeit beträgt 45 Jahre.")


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    project = Project.open(tmp_path / "p.db")
    info = ModelInfo("de_annotator_ner", "0.1.0")
    for text, names in ((FIRST, [("Anna Berger", "PER"), ("Dresden", "LOC")]),
                        (SECOND, [("Prager Tageskuriers", "ORG"), ("Prag", "LOC")])):
        aid = project.add_article(ArticleDraft(text=text, title=text.split("\n")[0]))
        project.replace_suggestions(aid, info, [Span(*at(text, w), label) for w, label in names])
    win = show_window(qtbot, project, (1400, 850))
    yield win
    win.close()
    project.close()


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def cursor_on(win: MainWindow, text: str, word: str) -> None:
    start, _ = at(text, word)
    win.view.text.select_cp(start, start)


def test_mark_attribute_group_and_review(qtbot: QtBot, window: MainWindow) -> None:
    project = window.project
    # Article 1: the claim is the sentence; Shift+L takes the suggested attribution.
    cursor_on(window, FIRST, "Mittwoch")
    press(qtbot, window, Key.Key_C)
    press(qtbot, window, Key.Key_L, Mod.ShiftModifier)
    (link,) = project.links(1)
    source = project.annotation(link.to_id)
    assert FIRST[source.start:source.end].endswith("Anna Berger")
    assert link.attrs["cue"] == "sagte" and link.attrs["quote_type"] == "reported"
    assert project.claims.source(source.source_id).kind == "person"
    # E edits the claim's kind from the keyboard.
    cursor_on(window, FIRST, "Mittwoch")
    press(qtbot, window, Key.Key_E)
    kind = window.side.claim_panel.kind
    assert kind.hasFocus()
    qtbot.keyClick(kind, Key.Key_Down)
    (claim,) = project.annotations(1, Layer.CLAIM)
    assert claim.attrs.get("kind") == "factual"
    qtbot.keyClick(kind, Key.Key_Escape)
    assert window.view.text.hasFocus()
    # Article 2, the same way.
    press(qtbot, window, Key.Key_N)
    cursor_on(window, SECOND, "Donnerstag")
    press(qtbot, window, Key.Key_C)
    press(qtbot, window, Key.Key_L, Mod.ShiftModifier)
    (link2,) = project.links(2)
    assert "Tageskurier" in SECOND[project.annotation(link2.to_id).start:
                                   project.annotation(link2.to_id).end]
    # G ranks the sentences and claims of the other article (in a worker); the claim's number
    # (1-5) adds it to a group.
    cursor_on(window, SECOND, "Donnerstag")
    press(qtbot, window, Key.Key_G)
    panel = window.side.claim_panel
    qtbot.waitUntil(lambda: panel.candidates.rowCount() >= 1, timeout=20_000)
    n = next(i for i, r in enumerate(panel.candidates.rows) if r.kind == "claim")
    qtbot.keyClick(panel.candidate_view, Key(Key.Key_1.value + n))
    (group,) = project.claims.groups()
    assert group.disputed
    assert {m.value for m in group.members} == {"Mittwoch", "Donnerstag"}
    # Ctrl+G: the side-by-side view; 2 records that the second claim holds.
    qtbot.keyClick(window.view.text, Key.Key_G, Mod.ControlModifier)
    assert window.pages.currentWidget() is window.disputes
    assert window.disputes.current_group().id == group.id
    qtbot.keyClick(window.disputes.list, Key.Key_2)
    holding = project.claims.group(group.id).holding_id
    assert holding == window.disputes.current_group().members[1].annotation_id
    qtbot.keyClick(window.disputes.list, Key.Key_Z, Mod.ControlModifier)
    assert project.claims.group(group.id).holding_id is None


# -- issue 17: one group per claim, typed values ------------------------------------------------

LONG = ("Nach wochenlangen Verhandlungen beider Regierungen, vielen Gesprächsrunden in Brüssel "
        "und einem letzten Treffen der Delegationen bis tief in die Nacht wurde das Abkommen am "
        "23. Oktober in Dresden unterzeichnet.")
GROUPED = [  # (text, published); the claim is the text after the title
    ("Abkommen\n\nDas Abkommen wurde am Mittwoch in Dresden unterzeichnet.", "2024-10-24"),
    (f"Verhandlungen\n\n{LONG}", "2024-10-25"),
    ("Ministerin\n\nDie Ministerin unterschrieb den Vertrag mittags.", "2024-10-24"),
    ("Zeitung\n\nUnterzeichnet hat sie, berichtet die Zeitung.", "2024-10-25"),
]


@pytest.fixture
def grouped(qtbot: QtBot, tmp_path: Path):
    """Four articles; the claims of 1 and 3 are one group, those of 2 and 4 another."""
    project = Project.open(tmp_path / "p.db")
    claims = []
    for text, published in GROUPED:
        aid = project.add_article(ArticleDraft(text=text, title=text.split("\n")[0],
                                               published=published))
        start = text.index("\n\n") + 2
        claims.append(project.add_annotation(aid, Layer.CLAIM, Span(start, len(text), "CLAIM"),
                                             "maria"))
    first = project.claims.add_group("Tag der Unterzeichnung")
    second = project.claims.add_group("Unterzeichnung")
    for group, members in ((first, claims[0::2]), (second, claims[1::2])):
        for claim in members:
            project.claims.add_member(group, claim, "maria")
    project.claims.update_group(second, holding_id=claims[1], note="laut Agentur")
    win = show_window(qtbot, project, (1400, 850))
    yield win, claims, (first, second)
    win.close()
    project.close()


def groups_now(project: Project) -> list[tuple]:
    return [(g.id, g.note, g.holding_id, sorted(m.annotation_id for m in g.members))
            for g in project.claims.groups()]


def test_g_then_1_on_a_grouped_claim_merges_the_groups_and_undo_restores(
        qtbot: QtBot, grouped) -> None:
    window, claims, (first, second) = grouped
    project, panel = window.project, window.side.claim_panel
    before = groups_now(project)
    cursor_on(window, GROUPED[0][0], "Mittwoch")
    press(qtbot, window, Key.Key_G)
    qtbot.waitUntil(lambda: panel.candidates.rowCount() >= 1, timeout=20_000)
    assert panel.candidates.rows[0].annotation_id == claims[1]
    shown = panel.candidates.data(panel.candidates.index(0))
    assert "23. Oktober" in shown and "…" in shown  # the window around the date, not cut
    qtbot.keyClick(panel.candidate_view, Key.Key_1)
    (group,) = project.claims.groups()  # one group, not a second one
    assert group.id == first and sorted(m.annotation_id for m in group.members) == claims
    assert group.holding_id == claims[1] and group.note == "laut Agentur"
    assert window.statusBar().currentMessage() == (
        f"Merged group {second} “Unterzeichnung” into group {first} “Tag der Unterzeichnung”")
    assert not group.disputed  # Mittwoch (article of the 24th) is the 23rd of October
    qtbot.keyClick(window.view.text, Key.Key_Z, Mod.ControlModifier)
    assert groups_now(project) == before
    assert project.matching.decisions() == []


def test_the_claims_values_are_edited_from_the_keyboard(qtbot: QtBot, grouped) -> None:
    window, claims, _groups = grouped
    project, values = window.project, window.side.claim_panel.values
    cursor_on(window, GROUPED[0][0], "Mittwoch")
    assert [values.list.item(i).text() for i in range(values.list.count())] == [
        "weekday: Mittwoch", "yes/no: unterzeichnet (ja: unterzeichnet)"]
    press(qtbot, window, Key.Key_V)
    assert values.list.hasFocus() and values.list.currentRow() == 0
    qtbot.keyClick(values.list, Key.Key_Return)
    assert values.edit.hasFocus() and values.edit.text() == "weekday: Mittwoch"
    values.edit.clear()
    qtbot.keyClicks(values.edit, "Donnerstag")
    qtbot.keyClick(values.edit, Key.Key_Return)
    stored = project.annotation(claims[0]).attrs["values"]
    assert [(v["slot"], v["value"]) for v in stored] == [("weekday", "Donnerstag"),
                                                         ("yes/no", "ja")]
    assert values.list.hasFocus() and values.list.item(0).text() == "weekday: Donnerstag"
    qtbot.keyClick(values.list, Key.Key_A)
    qtbot.keyClicks(values.edit, "Ort: Dresden")
    qtbot.keyClick(values.edit, Key.Key_Return)
    qtbot.keyClick(values.list, Key.Key_Down)
    qtbot.keyClick(values.list, Key.Key_Delete)
    assert [v["slot"] for v in project.annotation(claims[0]).attrs["values"]] == [
        "weekday", "place"]
    qtbot.keyClick(values.list, Key.Key_Return)  # an edit Esc leaves without storing
    qtbot.keyClick(values.edit, Key.Key_Escape)
    assert values.list.hasFocus() and values.edit.isHidden()
    qtbot.keyClick(values.list, Key.Key_Escape)
    assert window.view.text.hasFocus()
    for _ in range(3):
        qtbot.keyClick(window.view.text, Key.Key_Z, Mod.ControlModifier)
    assert "values" not in project.annotation(claims[0]).attrs


LONG_LIST = LONG.replace("23. Oktober", "Donnerstag")


def test_the_ranked_list_shows_the_snippet(qapp) -> None:
    model = CandidateModel()
    model.set_rows([CandidateRow(None, 2, LONG_LIST, "ddp", 0.5, (), "sentence",
                                 snippet="…am Donnerstag in Dresden…"),
                    CandidateRow(None, 3, LONG_LIST, "ddp", 0.4, ())])
    assert model.index(0).data() == "1. [0.50] ddp (sentence): …am Donnerstag in Dresden…"
    assert model.index(1).data() == f"2. [0.40] ddp: {LONG_LIST[:110]}…"
