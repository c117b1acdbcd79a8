"""One user action, one transaction and one undo step: S (source + its canonical source) and
Shift+L (source, link, cue) never leave half an action in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt as QtNs
from pytestqt.qtbot import QtBot

from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from tests.conftest import show_window

Key, Mod = QtNs.Key, QtNs.KeyboardModifier
TEXT = ("Abkommen unterzeichnet\n\nDresden (dpa) – Bundesumweltministerin Anna Berger sagte, "
        "das Abkommen sei am Mittwoch in Dresden unterzeichnet worden. Es gilt 40 Jahre.")


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    project = Project.open(tmp_path / "p.db")
    project.add_article(ArticleDraft(text=TEXT, title="Abkommen unterzeichnet"))
    win = show_window(qtbot, project)
    yield win
    win.close()
    project.close()


class Commits:
    """Counts the transactions that reach the file (COMMIT statements on the connection)."""

    def __init__(self, project: Project) -> None:
        self.conn, self.n = project.db.conn, 0
        self.conn.set_trace_callback(self._seen)

    def _seen(self, statement: str) -> None:
        self.n += statement.strip().upper() == "COMMIT"

    def stop(self) -> int:
        self.conn.set_trace_callback(None)
        return self.n


def key(qtbot: QtBot, win, k, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, k, mod)


def test_s_marks_source_and_canonical_source_in_one_commit_and_one_undo(qtbot, window) -> None:
    project = window.project
    window.view.text.select_cp(*at("Anna Berger"))
    commits = Commits(project)
    key(qtbot, window, Key.Key_S)
    assert commits.stop() == 1
    (source,) = project.annotations(1, Layer.SOURCE)
    assert source.source_id is not None
    assert [s.name for s in project.claims.sources()] == ["Anna Berger"]
    key(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert project.annotations(1, Layer.SOURCE) == [] and project.claims.sources() == []
    key(qtbot, window, Key.Key_Y, Mod.ControlModifier)
    (again,) = project.annotations(1, Layer.SOURCE)
    assert again.id == source.id and again.source_id == source.source_id


def test_shift_l_links_claim_source_and_cue_in_one_commit_and_one_undo(qtbot, window) -> None:
    project = window.project
    window.view.text.select_cp(at("Mittwoch")[0], at("Mittwoch")[0])
    key(qtbot, window, Key.Key_C)
    (claim,) = project.annotations(1, Layer.CLAIM)
    commits = Commits(project)
    key(qtbot, window, Key.Key_L, Mod.ShiftModifier)
    assert commits.stop() == 1
    (link,) = project.links(1)
    assert link.attrs["cue"] == "sagte" and project.annotation(link.to_id).source_id
    depth = window.session.undo_stack.index()
    key(qtbot, window, Key.Key_Z, Mod.ControlModifier)
    assert window.session.undo_stack.index() == depth - 1
    assert project.links(1) == [] and project.annotations(1, Layer.SOURCE) == []
    assert project.claims.sources() == [] and project.annotations(1, Layer.CLAIM) == [claim]


def test_a_failing_step_leaves_nothing_of_the_action(project: Project, qapp) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT))
    session = Session(project, "maria")
    messages: list[str] = []
    session.failed.connect(messages.append)
    changed: list[int] = []
    session.changed.connect(lambda changes: changed.append(changes))
    with session.action("Link to a source"):
        assert session.add_span(aid, Layer.SOURCE, Span(*at("Anna Berger"), "SOURCE"))
        (source,) = project.annotations(aid, Layer.SOURCE)
        assert not session.link_claim(aid, 10_000, source.id)  # no such claim
        assert not session.add_span(aid, Layer.CLAIM, Span(*at("Abkommen"), "CLAIM"))
    assert project.annotations(aid) == [] and session.undo_stack.count() == 0
    assert len(messages) == 1 and messages[0].startswith("Link to a source: Link")
    assert changed == []  # nothing was announced: nothing happened


def test_views_hear_of_an_action_only_after_its_commit(project: Project, qapp) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT))
    session = Session(project, "maria")
    seen: list[bool] = []
    session.changed.connect(lambda _c: seen.append(project.db.conn.in_transaction))
    with session.action("Two spans"):
        session.add_span(aid, Layer.ENTITY, Span(*at("Anna Berger"), "PER"))
        session.add_span(aid, Layer.ENTITY, Span(*at("Dresden"), "LOC"))
        assert seen == []
    assert seen == [False]
    assert session.undo() and project.annotations(aid) == []
