"""Undo and redo act on the rows they made, never on rows another window or a job made since."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as QtNs

from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.store.schema import NEVER_REUSED, migrations
from tests.conftest import show_window

TEXT = "Anna Berger sagte am Mittwoch in Dresden, das Abkommen sei ein Durchbruch 😀."
OTHER = "Ein zweiter Bericht aus Prag über das Abkommen."
Key, Mod = QtNs.Key, QtNs.KeyboardModifier


def at(word: str, label: str, text: str = TEXT) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), label)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Project.open(tmp_path / "p.db") as project:
        first = project.add_article(ArticleDraft(text=TEXT, title="T"))
        project.add_article(ArticleDraft(text=OTHER, title="O"))
        project.replace_suggestions(first, ModelInfo("m", "1"), [at("Dresden", "LOC")])
    return tmp_path / "p.db"


@pytest.fixture
def two(path: Path, qapp):
    """This window's session, and a second connection (another window, a background job)."""
    mine, theirs = Project.open(path), Project.open(path)
    yield Session(mine, "maria"), theirs
    mine.close()
    theirs.close()


def entities(project: Project, aid: int) -> list[tuple[int, str]]:
    return [(a.start, a.label) for a in project.annotations(aid, Layer.ENTITY)]


def test_a_deleted_highest_id_is_never_handed_out_again(project: Project) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT))
    gone = project.add_annotation(aid, Layer.ENTITY, at("Dresden", "LOC"), "maria")
    project.delete_annotation(gone)
    assert project.add_annotation(aid, Layer.ENTITY, at("Dresden", "LOC"), "maria") > gone


def test_undo_after_another_connection_added_spans_removes_only_its_own(two) -> None:
    session, theirs = two
    assert session.add_span(1, Layer.ENTITY, at("Mittwoch", "MISC"))
    assert session.undo()
    # a background import (another connection) adds a span while this one is undone
    their_id = theirs.add_annotation(2, Layer.ENTITY, at("Prag", "LOC", OTHER), "import")
    assert session.redo()
    assert session.undo()
    assert [a.id for a in theirs.annotations(2)] == [their_id]
    assert entities(theirs, 1) == []


def test_undo_of_a_span_changed_elsewhere_is_refused_and_the_stack_stays(two) -> None:
    session, theirs = two
    assert session.add_span(1, Layer.ENTITY, at("Anna Berger", "PER"))
    (mine,) = theirs.annotations(1)
    theirs.update_annotation(mine.id, label="ORG")  # the other window relabels it
    messages: list[str] = []
    session.failed.connect(messages.append)
    assert not session.undo()
    assert session.undo_stack.index() == 1 and session.undo_stack.canUndo()
    assert entities(theirs, 1) == [(0, "ORG")]
    assert len(messages) == 1 and "Cannot undo" in messages[0] and "changed" in messages[0]


def test_undo_of_a_span_deleted_elsewhere_is_refused(two) -> None:
    session, theirs = two
    assert session.add_span(1, Layer.ENTITY, at("Mittwoch", "MISC"))
    theirs.delete_annotation(theirs.annotations(1)[0].id)
    assert not session.undo()
    assert session.undo_stack.index() == 1


def test_redo_of_an_accept_after_suggestions_were_made_again_is_refused(two) -> None:
    session, theirs = two
    (suggestion,) = theirs.suggestions(1)
    assert session.accept(1, [suggestion])
    assert session.undo()
    # the suggester runs again: new suggestion rows, the old one is gone
    theirs.replace_suggestions(1, ModelInfo("m", "1"), [at("Dresden", "LOC")])
    messages: list[str] = []
    session.failed.connect(messages.append)
    assert not session.redo()
    assert session.undo_stack.index() == 0 and session.undo_stack.canRedo()
    assert theirs.decisions(1) == {} and entities(theirs, 1) == []
    assert "gone" in messages[0]


def test_restoring_a_deleted_span_whose_link_target_vanished_is_refused(two) -> None:
    session, theirs = two
    assert session.add_span(1, Layer.CLAIM, at("das Abkommen sei ein Durchbruch", "CLAIM"))
    assert session.add_span(1, Layer.SOURCE, at("Anna Berger", "SOURCE"))
    claim = theirs.annotations(1, Layer.CLAIM)[0]
    source = theirs.annotations(1, Layer.SOURCE)[0]
    assert session.link_claim(1, claim.id, source.id)
    assert session.delete_spans([claim])
    theirs.delete_annotation(source.id)  # the other window deletes the source
    assert not session.undo()
    assert theirs.annotations(1, Layer.CLAIM) == [] and session.undo_stack.index() == 4


def test_ctrl_z_that_cannot_apply_tells_the_user_and_keeps_the_stack(qtbot, path: Path) -> None:
    project = Project.open(path)
    win = show_window(qtbot, project)
    try:
        start = TEXT.index("Mittwoch")
        win.view.text.select_cp(start, start + len("Mittwoch"))
        qtbot.keyClick(win.view.text, Key.Key_4)
        with Project.open(path) as theirs:
            theirs.delete_annotation(theirs.annotations(1)[0].id)
        qtbot.keyClick(win.view.text, Key.Key_Z, Mod.ControlModifier)
        assert "Cannot undo" in win.statusBar().currentMessage()
        assert win.session.undo_stack.index() == 1
    finally:
        win.close()
        project.close()


def test_migration_keeps_rows_and_references_and_stops_id_reuse(tmp_path: Path) -> None:
    """A project made before m007 keeps every row; afterwards ids are never handed out again."""
    from sqlite_utils import Database

    db = Database(tmp_path / "old.db")
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before="m007_ids_never_reused")
    old = Project(db)
    aid = old.add_article(ArticleDraft(text=TEXT))
    claim = old.add_annotation(aid, Layer.CLAIM, at("das Abkommen", "CLAIM"), "maria")
    source = old.add_annotation(aid, Layer.SOURCE, at("Anna Berger", "SOURCE"), "maria")
    link = old.add_link(claim, source, "attributed_to", "maria", {"cue": "sagte"})
    group = old.claims.add_group("Abkommen")
    old.claims.add_member(group, claim, "maria", value="Durchbruch")
    top = old.add_annotation(aid, Layer.ENTITY, at("Dresden", "LOC"), "maria")
    old.delete_annotation(top)
    db.close()

    with Project.open(tmp_path / "old.db") as project:
        for table in NEVER_REUSED:
            sql = project.db.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                     [table]).fetchone()[0]
            assert "AUTOINCREMENT" in sql, table
        assert [lk.id for lk in project.links_of(claim)] == [link]
        assert project.claims.group(group).members[0].annotation_id == claim
        assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # the id deleted before the migration may come back once (SQLite did not remember it);
        # from now on none does
        again = project.add_annotation(aid, Layer.ENTITY, at("Dresden", "LOC"), "maria")
        project.delete_annotation(again)
        assert project.add_annotation(aid, Layer.ENTITY, at("Dresden", "LOC"), "maria") > again
        project.delete_annotation(source)  # links still cascade through the rebuilt tables
        assert project.links_of(claim) == []


def test_undo_of_claim_edits_changed_elsewhere_is_refused(two) -> None:
    session, theirs = two
    assert session.add_span(1, Layer.CLAIM, at("das Abkommen sei ein Durchbruch", "CLAIM"))
    assert session.add_span(2, Layer.CLAIM, at("das Abkommen", "CLAIM", OTHER))
    mine, other = theirs.annotations(1, Layer.CLAIM)[0], theirs.annotations(2, Layer.CLAIM)[0]
    assert session.set_attrs(mine, {"kind": "factual"})
    theirs.update_annotation(mine.id, attrs={"kind": "assessment"})
    assert not session.undo()
    assert theirs.annotation(mine.id).attrs == {"kind": "assessment"}
    # a new group, into which the other window puts a claim of its own: undo must not drop it
    theirs.update_annotation(mine.id, attrs={"kind": "factual"})
    assert session.group_claims(1, None, "Abkommen", [(mine.id, "")])
    (group,) = theirs.claims.groups()
    theirs.claims.add_member(group.id, other.id, "jonas")
    assert not session.undo()
    assert {m.annotation_id for m in theirs.claims.group(group.id).members} == {mine.id, other.id}
    theirs.claims.remove_member(group.id, other.id)
    assert session.undo() and theirs.claims.groups() == []
    assert session.undo() and theirs.annotation(mine.id).attrs == {}
