"""The disputed claims view, driven from the keyboard, and `annotator disputes`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from typer.testing import CliRunner

from annotator.app.disputes import context_of
from annotator.app.session import Session
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.ui.disputes_models import DisputeFilter, GroupListModel, GroupRole
from annotator.ui.disputes_view import DisputesView
from annotator.ui.keymap import DISPUTES, sheet
from annotator.ui.keys import check_bound

Key, Mod = Qt.Key, Qt.KeyboardModifier
ARTICLES = [  # outlet, published, text
    ("Elbtal-Bote", "2024-10-23", "Abkommen\n\nVorher ein Satz. Laut Anna Berger wurde der Vertrag "
     "am Mittwoch in Dresden unterzeichnet. Danach ein Satz."),
    ("ddp", "2024-10-23", "Wasserabkommen\n\nDer Vertrag wurde am Mittwoch in Dresden "
     "unterzeichnet. Er gilt 40 Jahre."),
    ("Nordelbische Allgemeine", "2024-10-24", "Hamburg\n\nHamburg – Der Vertrag wurde am "
     "Donnerstag in Prag unterzeichnet. Er gilt 40 Jahre."),
]


def claim(project: Project, article_id: int, words: str) -> int:
    """Mark the sentence holding ``words`` as a claim."""
    text = project.article(article_id).text
    start = text.rindex(". ", 0, text.index(words)) + 2 if ". " in text[:text.index(words)] \
        else text.index("\n\n") + 2
    end = text.index(".", text.index(words)) + 1
    return project.add_annotation(article_id, Layer.CLAIM, Span(start, end, "CLAIM"), "maria")


def place_claim(project: Project, article_id: int) -> int:
    """Mark "in <place> unterzeichnet" as a claim (a claim is in one group at most)."""
    text = project.article(article_id).text
    start, end = text.index(" in ") + 1, text.index("unterzeichnet") + len("unterzeichnet")
    return project.add_annotation(article_id, Layer.CLAIM, Span(start, end, "CLAIM"), "maria")


def fill(project: Project, session: Session) -> dict[str, int]:
    """Three articles; two disputed groups (weekday, place), one agreed (term)."""
    ids: dict[str, int] = {}
    for n, (outlet, published, text) in enumerate(ARTICLES, 1):
        aid = project.add_article(ArticleDraft(text=text, title=text.split("\n")[0],
                                               outlet=outlet, published=published))
        assert aid is not None
        ids[f"a{n}"], ids[f"c{n}"] = aid, claim(project, aid, "unterzeichnet")
        ids[f"p{n}"] = place_claim(project, aid)
        if "Jahre" in text:
            ids[f"t{n}"] = claim(project, aid, "Jahre")
    mention = ARTICLES[0][2].index("Anna Berger")
    source = project.add_annotation(ids["a1"], Layer.SOURCE,
                                    Span(mention, mention + 11, "SOURCE"), "maria")
    session.link_claim(ids["a1"], ids["c1"], source)
    for title, key, values in (("Wochentag", "c", ["Mittwoch", "Mittwoch", "Donnerstag"]),
                               ("Ort", "p", ["Dresden", "Dresden", "Prag"])):
        session.group_claims(ids["a1"], None, title,
                             [(ids[f"{key}{n}"], v) for n, v in enumerate(values, 1)])
    session.group_claims(ids["a2"], None, "Laufzeit", [(ids["t2"], "40 Jahre"),
                                                       (ids["t3"], "40 Jahre")])
    ids.update({g.title: g.id for g in project.claims.groups()})
    return ids


@pytest.fixture
def setup(qtbot: QtBot, project: Project):
    """A shown, active window holding the view, with Ctrl+Z wired as the main window does."""
    session = Session(project, "maria")
    ids = fill(project, session)
    host = QWidget()
    qtbot.addWidget(host)
    view = DisputesView(session, host)
    QVBoxLayout(host).addWidget(view)
    undo = session.undo_stack.createUndoAction(host, "Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    host.addAction(undo)
    host.resize(1200, 700)
    with qtbot.waitActive(host):
        host.show()
        host.activateWindow()
    view.list.setFocus()
    yield view, ids  # (the host stays referenced until the test ends)
    host.close()


def press(qtbot: QtBot, view: DisputesView, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(view.list, key, mod)


def marks(html: str) -> list[str]:
    """The highlighted stretches of a column's context."""
    return re.findall(r'<span style="background-color:[^"]*">([^<]*)</span>', html)


def listed(view: DisputesView) -> list[str]:
    return [view.proxy.index(r, 0).data(GroupRole).title for r in range(view.proxy.rowCount())]


def test_keys_step_through_disputed_groups_and_filter_shows_all(qtbot, setup) -> None:
    view, ids = setup
    assert listed(view) == ["Wochentag", "Ort"]  # "Laufzeit" agrees: not disputed
    assert view.current_group().id == ids["Wochentag"]
    press(qtbot, view, Key.Key_J)
    assert view.current_group().title == "Ort"
    press(qtbot, view, Key.Key_J)  # the end of the list: stays
    assert view.current_group().title == "Ort"
    press(qtbot, view, Key.Key_K)
    assert view.current_group().title == "Wochentag"
    press(qtbot, view, Key.Key_Down)
    assert view.current_group().title == "Ort"
    press(qtbot, view, Key.Key_A)
    assert view.scope.currentText() == "All groups"
    assert listed(view) == ["Wochentag", "Ort", "Laufzeit"]
    view.scope.setCurrentIndex(0)
    assert view.select_group(ids["Laufzeit"]) and listed(view)[-1] == "Laufzeit"
    assert len(view.columns) == 2 and not view.select_group(999)


def test_digit_marks_holding_stored_and_undone_by_ctrl_z(qtbot, setup) -> None:
    view, ids = setup
    store = view.project.claims
    press(qtbot, view, Key.Key_3)
    assert store.group(ids["Wochentag"]).holding_id == ids["c3"]
    assert view.columns[2].holds and "holds" in view.columns[2].header.text()
    assert "holds: Nordelbische Allgemeine" in view.summary.text()
    press(qtbot, view, Key.Key_3)  # again: undecided
    assert store.group(ids["Wochentag"]).holding_id is None
    press(qtbot, view, Key.Key_1)
    assert store.group(ids["Wochentag"]).holding_id == ids["c1"]
    press(qtbot, view, Key.Key_Z, Mod.ControlModifier)
    assert store.group(ids["Wochentag"]).holding_id is None
    assert not any(c.holds for c in view.columns)
    press(qtbot, view, Key.Key_9)  # no ninth claim: nothing happens
    assert store.group(ids["Wochentag"]).holding_id is None


def test_value_edited_inline_and_escape_cancels(qtbot, setup) -> None:
    view, ids = setup
    press(qtbot, view, Key.Key_L)
    press(qtbot, view, Key.Key_Right)
    assert view.current_member().annotation_id == ids["c3"]
    press(qtbot, view, Key.Key_H)
    assert view.current_member().annotation_id == ids["c2"]
    press(qtbot, view, Key.Key_V)
    assert view.editor.hasFocus() and view.editor.text() == "Mittwoch"
    qtbot.keyClicks(view.editor, "Freitag 1")  # digits and letters go into the editor
    qtbot.keyClick(view.editor, Key.Key_Return)
    members = view.project.claims.group(ids["Wochentag"]).members
    assert [m.value for m in members] == ["Mittwoch", "Freitag 1", "Donnerstag"]
    assert members[0].annotation_id == ids["c1"] and view.list.hasFocus()
    assert "Freitag 1" in view.columns[1].value.text()
    press(qtbot, view, Key.Key_V)
    qtbot.keyClicks(view.editor, "Samstag")
    qtbot.keyClick(view.editor, Key.Key_Escape)
    assert view.project.claims.group(ids["Wochentag"]).members[1].value == "Freitag 1"
    assert view.edit_bar.isHidden()


def test_note_and_title_are_edited_through_the_session(qtbot, setup) -> None:
    view, ids = setup
    press(qtbot, view, Key.Key_R)
    assert view.note.hasFocus()
    qtbot.keyClicks(view.note, "Prager Protokoll")
    qtbot.keyClick(view.note, Key.Key_Return)
    assert view.project.claims.group(ids["Wochentag"]).note == "Prager Protokoll"
    press(qtbot, view, Key.Key_T)
    view.editor.clear()
    qtbot.keyClicks(view.editor, "Tag der Unterzeichnung")
    qtbot.keyClick(view.editor, Key.Key_Enter)
    assert view.current_group().title == "Tag der Unterzeichnung"
    assert "Tag der Unterzeichnung" in view.title.text()
    view.session.undo_stack.undo()
    view.session.undo_stack.undo()
    assert view.current_group().title == "Wochentag" and view.note.text() == ""


def test_delete_removes_the_current_member_undoably(qtbot, setup) -> None:
    view, ids = setup
    press(qtbot, view, Key.Key_L)
    press(qtbot, view, Key.Key_L)
    press(qtbot, view, Key.Key_Delete)
    group = view.project.claims.group(ids["Wochentag"])
    assert [m.annotation_id for m in group.members] == [ids["c1"], ids["c2"]]
    assert not group.disputed and view.current_group().id == group.id  # stays on screen
    assert len(view.columns) == 2 and "Wochentag" in listed(view)
    press(qtbot, view, Key.Key_J)  # moving on: the agreed group leaves the list
    assert listed(view) == ["Ort"]
    view.session.undo_stack.undo()
    assert listed(view) == ["Wochentag", "Ort"]
    assert len(view.project.claims.group(ids["Wochentag"]).members) == 3


def test_the_holding_claim_taken_out_and_deleted_comes_back_holding(qtbot, setup) -> None:
    """A claim out of its group holds it no more; undo of its removal, and of its deletion
    after that, restores exactly what was there: membership, value, holding, links."""
    view, ids = setup
    project, group_id = view.project, ids["Wochentag"]
    press(qtbot, view, Key.Key_1)  # c1 holds (c1 has a source linked)
    before = (project.claims.group(group_id), project.links_of(ids["c1"]),
              project.annotation(ids["c1"]))
    press(qtbot, view, Key.Key_Delete)  # the current claim (c1) out of the group
    assert [m.annotation_id for m in project.claims.group(group_id).members] == [
        ids["c2"], ids["c3"]]
    assert project.claims.group(group_id).holding_id is None  # no claim outside holds it
    assert not any(c.holds for c in view.columns)
    assert view.session.delete_spans([project.annotation(ids["c1"])])
    press(qtbot, view, Key.Key_Z, Mod.ControlModifier)  # the deletion undone
    press(qtbot, view, Key.Key_Z, Mod.ControlModifier)  # the removal undone
    assert (project.claims.group(group_id), project.links_of(ids["c1"]),
            project.annotation(ids["c1"])) == before
    assert view.columns[0].holds


def test_s_cycles_the_current_claims_stance(qtbot, setup) -> None:
    view, ids = setup
    press(qtbot, view, Key.Key_S)
    member = view.project.claims.group(ids["Wochentag"]).members[0]
    assert member.stance == "supports"
    press(qtbot, view, Key.Key_S)
    assert view.project.claims.group(ids["Wochentag"]).members[0].stance == "refutes"
    view.session.undo_stack.undo()
    assert view.project.claims.group(ids["Wochentag"]).members[0].stance == "supports"


def test_columns_show_context_and_highlight_the_differing_words(qtbot, setup) -> None:
    view, _ids = setup
    first, third = view.columns[0], view.columns[2]
    html = first.context.text()
    assert "Vorher ein Satz." in html and "Danach ein Satz." in html
    assert any("Mittwoch" in m for m in marks(html))  # compared with the Donnerstag claim
    assert any("Donnerstag" in m for m in marks(third.context.text()))
    assert not any("unterzeichnet" in m for m in marks(html) + marks(third.context.text()))
    assert "<b>" in html and "Elbtal-Bote" in first.header.text()
    assert "Anna Berger" in first.source.text() and "no source" in third.source.text()
    assert "Mittwoch" in first.value.text() and "2024-10-24" in third.header.text()


def test_enter_and_double_click_open_the_claim(qtbot, setup) -> None:
    view, ids = setup
    claim3 = view.project.annotation(ids["c3"])
    press(qtbot, view, Key.Key_L)
    press(qtbot, view, Key.Key_L)
    with qtbot.waitSignal(view.claim_opened) as opened:
        press(qtbot, view, Key.Key_Return)
    assert opened.args == [ids["a3"], claim3.start, claim3.end]
    with qtbot.waitSignal(view.claim_opened) as opened:
        qtbot.mouseDClick(view.columns[0], Qt.MouseButton.LeftButton)
    assert opened.args[0] == ids["a1"] and view.current_member().annotation_id == ids["c1"]


def test_mouse_links_in_a_column(qtbot, setup) -> None:
    view, ids = setup
    view.columns[1].links.linkActivated.emit("holds")
    assert view.project.claims.group(ids["Wochentag"]).holding_id == ids["c2"]
    view.columns[0].links.linkActivated.emit("value")
    assert view.editor.hasFocus() and view.current_member().annotation_id == ids["c1"]


def test_shortcuts_are_listed_for_the_overlay(setup) -> None:
    view, _ids = setup
    check_bound(view, [DISPUTES])  # every key of the page has its handler on the view
    groups = sheet([DISPUTES])
    keys = {" or ".join(k) for _group, rows in groups for k, _text in rows}
    assert {"J", "K", "1 … 9", "V", "R", "T", "Delete", "L or Right", "H or Left"} <= keys
    assert {group for group, _rows in groups} == {"Disputed claims"}


def test_group_model_follows_the_store(qtbot, project: Project, qtmodeltester) -> None:
    session = Session(project, "maria")
    ids = fill(project, session)
    model = GroupListModel()
    proxy = DisputeFilter()
    proxy.setSourceModel(model)
    model.set_groups(project.claims.groups())
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert model.rowCount() == 3 and proxy.rowCount() == 2
    assert "3 claims · disputed" in model.index(0).data()
    session.ungroup(ids["a1"], ids["Ort"], ids["p1"])
    session.group_claims(ids["a1"], None, "Neu", [(ids["p1"], "x")])
    model.set_groups(project.claims.groups())
    assert [model.index(r).data(GroupRole).title for r in range(4)] == [
        "Wochentag", "Ort", "Laufzeit", "Neu"]
    project.claims.delete_group(ids["Ort"])
    model.set_groups(project.claims.groups())
    assert model.rowCount() == 3 and proxy.rowCount() == 1
    proxy.set_filter(False, None)
    assert proxy.rowCount() == 3


def test_context_reaches_one_sentence_either_side() -> None:
    text = "Titel\n\nEins ist da. Zwei folgt hier. Drei kommt. Vier nicht."
    start = text.index("Zwei")
    end = text.index(" Drei")
    assert context_of(text, start, end) == ("Eins ist da. ", "Zwei folgt hier.", " Drei kommt.")
    assert context_of(text, 7, 19)[0] == "Titel\n\n"


# -- the command line -------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture
def project_file(tmp_path: Path, qapp) -> Path:
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        session = Session(project, "maria")
        ids = fill(project, session)
        session.resolve_group(ids["Wochentag"], holding_id=ids["c3"], note="Prager Protokoll")
    return path


def test_cli_lists_disputed_groups_as_text(project_file: Path) -> None:
    result = runner.invoke(app, ["disputes", str(project_file)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Wochentag" in out and "Ort" in out and "Laufzeit" not in out
    assert "Prager Protokoll" in out and "Nordelbische Allgemeine" in out
    assert "Donnerstag" in out and "Anna Berger" in out
    every = runner.invoke(app, ["disputes", str(project_file), "--all"])
    assert "Laufzeit" in every.output and every.exit_code == 0


def test_cli_json_shape(project_file: Path) -> None:
    result = runner.invoke(app, ["disputes", str(project_file), "--json", "--all"])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)["groups"]
    assert [g["title"] for g in groups] == ["Wochentag", "Ort", "Laufzeit"]
    first = groups[0]
    assert set(first) == {"id", "title", "disputed", "holding", "note", "members"}
    assert first["disputed"] is True and first["note"] == "Prager Protokoll"
    assert set(first["members"][0]) == {"annotation", "article", "outlet", "published",
                                        "source", "value", "stance", "text"}
    assert first["holding"] == first["members"][2]["annotation"]
    assert first["members"][0]["source"] == "Anna Berger"
    assert first["members"][2]["text"] == "Hamburg – Der Vertrag wurde am Donnerstag in Prag " \
        "unterzeichnet."
    assert groups[2]["disputed"] is False


def test_cli_missing_project_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    result = runner.invoke(app, ["disputes", str(missing)])
    assert result.exit_code == 2 and "nope.db" in result.output
    assert not missing.exists()
