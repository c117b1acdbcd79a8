"""A claim is in one claim group at most (issue 17): schema m009 repairs projects where a claim
sits in two groups by merging them; grouping joins the claim's or the candidate's group, and
merges the two when both have one, in one undo step; disputes are decided on typed values."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from annotator.app import claim_ops, claim_values
from annotator.app.changes import Part
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project
from annotator.store.matching_store import MatchSpan

FIXTURES = Path(__file__).parent / "data" / "schemas"
STAMP = "2024-05-02T09:30:00+00:00"


def v8_with_a_claim_in_two_groups(tmp_path: Path) -> Path:
    """The v8 fixture, with claim 2 (of group 1) also in group 2, whose claim 6 is in group 4
    too; group 3 shares nothing."""
    path = tmp_path / "project.db"
    shutil.copyfile(FIXTURES / "v8.db", path)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA foreign_keys = ON")
        text = conn.execute("SELECT text FROM articles WHERE id = 2").fetchone()[0]
        for aid, words in ((6, "in Prag"), (7, "Die Ministerin")):
            start = text.index(words)
            conn.execute("""INSERT INTO annotations (id, article_id, layer, label, start, "end",
                            annotator_id, attrs, created_at, updated_at)
                            VALUES (?, 2, 'claim', 'CLAIM', ?, ?, 2, '{}', ?, ?)""",
                         [aid, start, start + len(words), STAMP, STAMP])
        conn.executemany("""INSERT INTO claim_groups (id, title, note, holding_id, created_at,
                            updated_at) VALUES (?, ?, ?, ?, ?, ?)""",
                         [(2, "Ort", "Prag oder Dresden", 6, STAMP, STAMP),
                          (3, "Unterzeichnerin", "", None, STAMP, STAMP),
                          (4, "Ort, doppelt", "", None, STAMP, STAMP)])
        conn.executemany("INSERT INTO claim_group_members VALUES (?, ?, ?, ?, 2, ?)",
                         [(2, 2, "Dresden", "", STAMP), (2, 6, "Prag", "refutes", STAMP),
                          (3, 7, "die Ministerin", "", STAMP), (4, 6, "in Prag", "", STAMP)])
    return path


def test_m009_merges_the_groups_a_claim_shares_and_keeps_one_group_per_claim(
        tmp_path: Path) -> None:
    path = v8_with_a_claim_in_two_groups(tmp_path)
    with Project.open(path, create=False) as project:
        assert project.upgrade is not None and project.upgrade.from_version == 8
        claims = project.claims
        assert [g.id for g in claims.groups()] == [1, 3]
        merged = claims.group(1)
        assert merged.title == "Wochentag der Unterzeichnung"
        assert merged.note == "Zwei Zeitungen\nPrag oder Dresden"
        assert merged.holding_id == 2  # group 1's decision stands
        by_claim = {m.annotation_id: (m.value, m.stance) for m in merged.members}
        assert by_claim == {2: ("Mittwoch", "supports"), 5: ("Donnerstag", "refutes"),
                            6: ("Prag", "refutes")}  # group 1's row of claim 2 wins
        assert [m.annotation_id for m in claims.group(3).members] == [7]
        assert all(len(claims.groups_of(c)) == 1 for c in (2, 5, 6, 7))
        with pytest.raises(ValueError, match="another group"):
            claims.add_member(3, 2, "maria")
        with pytest.raises(sqlite3.IntegrityError):
            project.db.execute("INSERT INTO claim_group_members VALUES (3, 6, '', '', 1, ?)",
                               [STAMP])


def test_m009_leaves_projects_without_shared_claims_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    shutil.copyfile(FIXTURES / "v7.db", path)
    with Project.open(path, create=False) as project:
        (group,) = project.claims.groups()
        assert (group.id, group.note, group.holding_id) == (1, "Zwei Zeitungen", 2)
        assert {m.annotation_id for m in group.members} == {2, 5}


# -- grouping in a session -----------------------------------------------------------------------

TEXTS = [  # (text, published); the claim of each is its second sentence
    ("Elbe-Abkommen\n\nDas Abkommen wurde am Mittwoch in Dresden unterzeichnet.", "2024-10-24"),
    ("Vertrag\n\nDas Abkommen wurde am 23. Oktober in Dresden unterzeichnet.", "2024-10-25"),
    ("Die Ministerin\n\nDie Ministerin unterschrieb den Vertrag am Mittwoch.", "2024-10-24"),
    ("Bericht\n\nUnterzeichnet wurde am Donnerstag, berichtet die Zeitung.", "2024-10-25"),
]


@pytest.fixture
def session(project: Project, qapp) -> Session:
    for text, published in TEXTS:
        project.add_article(ArticleDraft(text=text, title=text.split("\n")[0],
                                         published=published))
    return Session(project, "maria")


def claim_span(article_id: int) -> MatchSpan:
    text = TEXTS[article_id - 1][0]
    start = text.index("\n\n") + 2
    return MatchSpan(article_id, start, len(text))


def mark(session: Session, article_id: int) -> int:
    span = claim_span(article_id)
    made = session.add_span(article_id, Layer.CLAIM, Span(span.start, span.end, "CLAIM"))
    assert made is not None
    return made.id


def snapshot(project: Project) -> list[tuple]:
    return [(g.id, g.title, g.note, g.holding_id,
             sorted((m.annotation_id, m.value, m.stance) for m in g.members))
            for g in project.claims.groups()]


def test_merging_groups_is_one_step_that_undo_takes_back_whole(session: Session) -> None:
    project = session.project
    c1, c2, c3, c4 = (mark(session, a) for a in (1, 2, 3, 4))
    mine = session.group_claims(1, None, "Wochentag", [(c1, "Mittwoch"), (c3, "Mittwoch")])
    theirs = session.group_claims(2, None, "Tag", [(c2, "23. Oktober"), (c4, "Donnerstag")])
    assert mine is not None and theirs is not None
    assert session.resolve_group(mine, note="Zwei Quellen")
    assert session.resolve_group(theirs, holding_id=c4, note="Agentur")
    assert session.set_member(2, theirs, c4, stance="refutes")
    before = snapshot(project)
    assert session.merge_groups(mine, theirs)
    (merged,) = project.claims.groups()
    assert merged.id == mine and merged.holding_id == c4
    assert merged.note == "Zwei Quellen\nAgentur"
    assert {m.annotation_id for m in merged.members} == {c1, c2, c3, c4}
    assert session.undo() and snapshot(project) == before
    assert session.redo() and [g.id for g in project.claims.groups()] == [mine]
    assert session.undo() and snapshot(project) == before


def test_deleting_a_grouped_claim_is_undone_with_its_membership(session: Session) -> None:
    """The claim comes back in its group, with its value and stance, holding it again; the
    delete and its undo say that groups changed (the disputes view and queue read again)."""
    project = session.project
    c1, c3 = mark(session, 1), mark(session, 3)
    group = session.group_claims(1, None, "Wochentag", [(c1, "Mittwoch"), (c3, "Dienstag")])
    assert group is not None and session.resolve_group(group, holding_id=c3, note="Agentur")
    assert session.set_member(3, group, c3, stance="refutes")
    before = snapshot(project)
    heard: list = []
    session.changed.connect(heard.append)
    assert session.delete_spans(project.annotations(3, Layer.CLAIM, annotator="maria"))
    assert [([m.annotation_id for m in g.members], g.holding_id)
            for g in project.claims.groups()] == [([c1], None)]
    assert session.undo() and snapshot(project) == before
    assert session.redo() and session.undo() and snapshot(project) == before
    assert all(changes.parts & Part.GROUPS for changes in heard) and len(heard) == 4


def test_a_claim_holding_a_group_it_is_not_in_holds_it_again_after_undo(session: Session
                                                                         ) -> None:
    """Projects of earlier versions can have a group held by a claim taken out of it: the
    claim's deletion and its undo leave that as it was."""
    project = session.project
    c1, c3 = mark(session, 1), mark(session, 3)
    group = session.group_claims(1, None, "Wochentag", [(c1, "Mittwoch")])
    assert group is not None
    project.claims.update_group(group, holding_id=c3)  # as an earlier version left it
    before = snapshot(project)
    assert session.delete_spans([project.annotation(c3)])
    assert project.claims.group(group).holding_id is None
    assert session.undo() and snapshot(project) == before
    assert session.redo() and session.undo() and snapshot(project) == before


def test_a_claim_deleted_as_shown_before_an_edit_comes_back_as_stored(session: Session) -> None:
    """Undo restores what the store had, not the (older) span the caller showed: its values,
    its source, when it was made and changed, its link's time."""
    project = session.project
    c1 = mark(session, 1)
    text = TEXTS[0][0]
    mention = session.add_span(1, Layer.SOURCE, Span(0, text.index("\n"), "SOURCE"))
    assert mention is not None and session.link_claim(1, c1, mention.id)
    shown = project.annotation(c1)
    assert session.set_attrs(shown, {"values": [{"type": "weekday", "text": "Mittwoch"}]})
    before = (project.annotation(c1), project.links_of(c1))
    assert session.delete_spans([shown])
    assert session.undo() and (project.annotation(c1), project.links_of(c1)) == before


def test_a_claim_in_a_group_joins_the_candidates_group(session: Session) -> None:
    project = session.project
    c2, c4 = mark(session, 2), mark(session, 4)
    theirs = session.group_claims(2, None, "Tag", [(c2, ""), (c4, "")])
    group = claim_ops.group_with(session, claim_span(1), claim_span(2), "tfidf")
    assert group == theirs and [g.id for g in project.claims.groups()] == [theirs]
    (c1,) = project.annotations(1, Layer.CLAIM)
    assert project.claims.groups_of(c1.id) == [theirs]
    member = next(m for m in project.claims.group(theirs).members if m.annotation_id == c1.id)
    assert member.value == "Mittwoch"


def test_grouping_two_claims_in_two_groups_merges_them_and_says_so(session: Session) -> None:
    project = session.project
    c1, c2, c3, c4 = (mark(session, a) for a in (1, 2, 3, 4))
    mine = session.group_claims(1, None, "Wochentag", [(c1, ""), (c3, "")])
    theirs = session.group_claims(2, None, "Tag", [(c2, ""), (c4, "")])
    before = snapshot(project)
    told: list[str] = []
    session.said.connect(told.append)
    assert claim_ops.group_with(session, claim_span(1), claim_span(2), "tfidf") == mine
    merged = f"Merged group {theirs} “Tag” into group {mine} “Wochentag”"
    assert told[-1] == merged and told.count(merged) == 1  # the last word, shown in the status bar
    (group,) = project.claims.groups()
    assert {m.annotation_id for m in group.members} == {c1, c2, c3, c4}
    assert all(len(project.claims.groups_of(c)) == 1 for c in (c1, c2, c3, c4))
    assert session.undo()  # one step: the decision, the values, the merge
    assert snapshot(project) == before and project.matching.decisions() == []
    assert "values" not in project.annotation(c1).attrs


def test_the_same_day_as_weekday_and_as_date_is_not_disputed(session: Session) -> None:
    project = session.project
    group = claim_ops.group_with(session, claim_span(1), claim_span(2), "tfidf")
    assert group is not None
    g = project.claims.group(group)
    assert not g.disputed  # Mittwoch in an article of Thursday 24 October is the 23rd
    assert {m.value for m in g.members} == {"Mittwoch", "23. Oktober"}
    said = {m.annotation_id: [(v.slot, v.value) for v in m.values or ()] for m in g.members}
    assert ("weekday", "Mittwoch") in said[project.annotations(1, Layer.CLAIM)[0].id]
    assert ("date", "--10-23") in said[project.annotations(2, Layer.CLAIM)[0].id]
    later = claim_ops.group_with(session, claim_span(1), claim_span(4), "tfidf")
    assert later == group and project.claims.group(group).disputed  # Donnerstag


def test_values_are_edited_and_deleted_undoably(session: Session) -> None:
    project = session.project
    c1 = project.annotation(mark(session, 1))
    values, stored = claim_values.values_of(project, c1)
    assert not stored and [v.value for v in values] == ["Mittwoch", "ja"]
    assert claim_values.edit_value(session, c1, 0, "Donnerstag")
    c1 = project.annotation(c1.id)
    values, stored = claim_values.values_of(project, c1)
    assert stored and [(v.slot, v.value) for v in values] == [("weekday", "Donnerstag"),
                                                              ("yes/no", "ja")]
    assert claim_values.edit_value(session, c1, None, "Ort: Dresden")
    assert claim_values.delete_value(session, project.annotation(c1.id), 1)
    assert [v.shown() for v in claim_values.values_of(project, project.annotation(c1.id))[0]] \
        == ["weekday: Donnerstag", "place: Dresden (dresden)"]
    failed: list[str] = []
    session.failed.connect(failed.append)
    assert not claim_values.edit_value(session, project.annotation(c1.id), 0, "Prag")
    assert failed and "no weekday" in failed[0]
    for _ in range(3):
        assert session.undo()
    assert "values" not in project.annotation(c1.id).attrs


# -- the candidates list -------------------------------------------------------------------------

LONG = ("Nach wochenlangen Verhandlungen beider Regierungen, vielen Gesprächsrunden in Brüssel "
        "und einem letzten Treffen der Delegationen bis tief in die Nacht wurde das Abkommen am "
        "Donnerstag in Dresden unterzeichnet, wie beide Seiten am Abend mitteilten.")


def test_a_window_is_cut_around_its_focus_at_word_bounds() -> None:
    start = LONG.index("Donnerstag")
    shown = claim_values.window(LONG, (start, start + 10), 60)
    assert shown.startswith("…") and shown.endswith("…") and "Donnerstag" in shown
    assert len(shown) <= 62 and " " not in (shown[1], shown[-2])  # whole words
    assert shown[1:-1] in LONG
    assert claim_values.window(LONG, None, 60) == LONG[:LONG.rindex(" ", 0, 60)] + "…"
    assert claim_values.window("Kurz am Donnerstag.", (8, 18), 60) == "Kurz am Donnerstag."
    end = claim_values.window(LONG, (len(LONG) - 11, len(LONG) - 1), 60)
    assert end.startswith("…") and end.endswith("mitteilten.") and len(end) <= 61


def test_a_candidate_is_shown_around_the_value_it_differs_in(project: Project) -> None:
    query_text = "Das Abkommen wurde am Mittwoch in Dresden unterzeichnet."
    project.add_article(ArticleDraft(text=query_text, title="A", published="2024-10-24"))
    project.add_article(ArticleDraft(text=LONG, title="B", published="2024-10-25"))
    query, candidate = (1, 0, len(query_text)), (2, 0, len(LONG))
    shown = claim_values.candidate_snippet(project, query, candidate)
    assert "am Donnerstag in Dresden" in shown and shown.startswith("…")
    assert not LONG[:110].count("Donnerstag")  # the beginning alone would not show it
    # nothing to differ in: the beginning
    project.add_article(ArticleDraft(text="Es gab Streit. " * 12, title="C"))
    plain = claim_values.candidate_snippet(project, query, (3, 0, 180))
    assert plain.startswith("Es gab Streit.") and plain.endswith("…")

