"""Working apart: each annotator works in a project file of their own over the same articles
(through the session, as the app does); ``merge`` brings their versions into one project,
keeping who made what; merging again changes nothing; conflicts are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app import review
from annotator.app.merging import merge_projects
from annotator.app.session import Session
from annotator.cli import app
from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer, ModelInfo, Span, Status
from annotator.store import Project

WAHL = ("Anna Berger unterschrieb am Mittwoch in Dresden das Abkommen. "
        "„Ein Durchbruch“, sagte sie.")
BAU = "Der Bau der Brücke in Riesa beginnt im Mai, sagte Peter Groß."
REGEN = "In Pirna regnet es seit Dienstag."


def at(text: str, part: str, label: str) -> Span:
    return Span(text.index(part), text.index(part) + len(part), label)


def imported(project: Project, text: str, title: str, spans=(), links=()) -> int:
    """An article as an import brings it (its imported layer), with a model's suggestion."""
    aid = project.add_article(ArticleDraft(
        text=text, title=title,
        annotations=[DocSpan(key, layer, at(text, part, label).start,
                             at(text, part, label).end, label)
                     for key, layer, part, label in spans],
        links=[DocLink(a, b) for a, b in links]))
    assert aid is not None
    cut = text.find(". ") + 1  # the sentence index, as an import builds it
    project.matching.replace_sentences(aid, [(0, cut), (cut + 1, len(text))] if cut else
                                       [(0, len(text))])
    project.replace_suggestions(aid, ModelInfo("de_test", "1"), [at(text, "Dresden" if
                                text is WAHL else text.split()[-1][:-1], "LOC")])
    return aid


def new_file(path: Path, articles=(WAHL, BAU)) -> Project:
    """A project with the shared articles, as each annotator's copy starts."""
    project = Project.open(path)
    for text in articles:
        if text is WAHL:
            imported(project, WAHL, "Abkommen",
                     [("T1", Layer.ENTITY, "Dresden", "LOC"),
                      ("T2", Layer.CLAIM, "„Ein Durchbruch“", "CLAIM"),
                      ("T3", Layer.SOURCE, "Anna Berger", "SOURCE")], [("T2", "T3")])
        else:
            imported(project, text, text[:12])
    return project


def ids(project: Project) -> dict[str, int]:
    return {t: project.db.execute("SELECT id FROM articles WHERE text = ?", [t]).fetchone()[0]
            for t in (WAHL, BAU, REGEN) if project.db.execute(
                "SELECT 1 FROM articles WHERE text = ?", [t]).fetchone()}


def maria_works(project: Project) -> None:
    """Wahl: ORG on Dresden, the suggestion rejected, the claim's verdict, the source
    registered, a group, done. Bau: a claim, in progress."""
    s, a = Session(project, "maria"), ids(project)
    [loc] = project.annotations(a[WAHL], Layer.ENTITY, annotator="maria")
    assert s.relabel(loc, "ORG")
    assert review.mark_done(s, a[WAHL], review.Rest.REJECT)
    [claim] = project.annotations(a[WAHL], Layer.CLAIM, annotator="maria")
    assert s.set_attrs(claim, {"verdict": "true", "kind": "quotation"})
    [mention] = project.annotations(a[WAHL], Layer.SOURCE, annotator="maria")
    assert s.assign_source(a[WAHL], [mention.id], None, ("Anna Berger", "person", ["Berger"]))
    bau = s.add_span(a[BAU], Layer.CLAIM, at(BAU, "Der Bau der Brücke in Riesa beginnt im Mai",
                                             "CLAIM"))
    assert bau is not None
    assert s.group_claims(a[WAHL], None, "Beginn", [(claim.id, "Mittwoch"),
                                                     (bau.id, "Mai")]) is not None


def jonas_works(project: Project) -> None:
    """Wahl: the suggestion accepted, PER on Anna Berger, the claim linked anew, done.
    Bau: a source and its link, done."""
    s, a = Session(project, "jonas"), ids(project)
    [sug] = project.suggestions(a[WAHL])
    assert s.accept(a[WAHL], [sug])
    assert s.add_span(a[WAHL], Layer.ENTITY, at(WAHL, "Anna Berger", "PER"))
    assert s.set_status(a[WAHL], Status.DONE)
    claim = s.add_span(a[BAU], Layer.CLAIM, at(BAU, "Der Bau der Brücke", "CLAIM"))
    source = s.add_span(a[BAU], Layer.SOURCE, at(BAU, "Peter Groß", "SOURCE"))
    assert claim and source and s.link_claim(a[BAU], claim.id, source.id, {"cue": "sagte"})
    assert s.set_status(a[BAU], Status.DONE)


def cem_works(project: Project) -> None:
    """Regen (only in his file): a LOC, done."""
    s, a = Session(project, "cem"), ids(project)
    assert s.add_span(a[REGEN], Layer.ENTITY, at(REGEN, "Pirna", "LOC"))
    assert s.set_status(a[REGEN], Status.DONE)


def version_of(project: Project, who: str) -> dict:
    """An annotator's versions by article text, without ids or times: status, spans (with
    attributes, canonical source, the imported span copied), links, decisions, groups."""
    out = {}
    for text, aid, status in project.db.execute(
            """SELECT a.text, a.id, v.status FROM versions v JOIN articles a ON a.id = v.article_id
            JOIN annotators w ON w.id = v.annotator_id WHERE w.name = ?""", [who]):
        def rows(sql: str, aid: int = aid) -> list:
            return sorted(project.db.execute(sql, [aid, who]).fetchall())

        out[text] = {
            "status": status,
            "spans": rows("""SELECT n.layer, n.label, n.start, n."end", n.attrs, s.name,
                c.label, c.start FROM annotations n JOIN annotators w ON w.id = n.annotator_id
                LEFT JOIN sources s ON s.id = n.canonical_source_id
                LEFT JOIN annotations c ON c.id = n.copy_of
                WHERE n.article_id = ? AND w.name = ?"""),
            "links": rows("""SELECT l.kind, f.start, t.start, l.attrs FROM links l
                JOIN annotations f ON f.id = l.from_id JOIN annotations t ON t.id = l.to_id
                JOIN annotators w ON w.id = l.annotator_id WHERE f.article_id = ?
                AND w.name = ?"""),
            "decisions": rows("""SELECT g.label, g.start, d.decision FROM suggestion_decisions d
                JOIN suggestions g ON g.id = d.suggestion_id JOIN annotators w
                ON w.id = d.annotator_id WHERE g.article_id = ? AND w.name = ?"""),
            "groups": rows("""SELECT g.title, n.start, m.value, m.stance,
                (SELECT count(*) FROM claim_group_members o WHERE o.group_id = g.id)
                FROM claim_group_members m JOIN claim_groups g ON g.id = m.group_id
                JOIN annotations n ON n.id = m.annotation_id
                JOIN annotators w ON w.id = m.annotator_id WHERE n.article_id = ?
                AND w.name = ?""")}
    return out


def dump(project: Project) -> list[str]:
    return list(project.db.conn.iterdump())


@pytest.fixture
def apart(tmp_path: Path, qapp) -> dict[str, Path]:
    """maria and jonas, each in a file of their own over Wahl and Bau; cem over Regen."""
    paths = {who: tmp_path / f"{who}.db" for who in ("maria", "jonas", "cem")}
    for who, work in (("maria", maria_works), ("jonas", jonas_works), ("cem", cem_works)):
        with new_file(paths[who], (REGEN,) if who == "cem" else (WAHL, BAU)) as project:
            work(project)
    return paths


def expected(paths: dict[str, Path]) -> dict[str, dict]:
    out = {}
    for who, path in paths.items():
        with Project.open(path, read_only=True) as project:
            out[who] = version_of(project, who)
    return out


def test_two_annotators_apart_merged(apart) -> None:
    before = expected(apart)
    assert before["maria"][WAHL]["status"] == "done" and before["maria"][BAU]["status"] == \
        "in_progress"
    with Project.open(apart["maria"]) as target:
        [result] = merge_projects(target, [apart["jonas"]])
        assert result.error is None and result.merged is not None
        assert (result.merged.versions, result.merged.articles, result.merged.conflicts) == \
            (2, 0, [])
        for who in ("maria", "jonas"):
            assert version_of(target, who) == before[who]
        # one canonical source, one group holding maria's two claims
        assert target.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
        assert target.db.execute("SELECT count(*) FROM claim_groups").fetchone()[0] == 1
        # the shared suggestion: decided by each in their own version
        [sug] = target.suggestions(ids(target)[WAHL])
        assert target.decisions(ids(target)[WAHL], "maria") == {sug.id: "rejected"}
        assert target.decisions(ids(target)[WAHL], "jonas") == {sug.id: "accepted"}


def test_three_annotators_into_a_new_project_then_again(apart, tmp_path: Path) -> None:
    before = expected(apart)
    with Project.open(tmp_path / "all.db") as target:
        results = merge_projects(target, [apart["maria"], apart["jonas"], apart["cem"]])
        assert [r.merged.articles for r in results] == [2, 0, 1]  # type: ignore[union-attr]
        assert [r.merged.versions for r in results] == [2, 2, 1]  # type: ignore[union-attr]
        for who in ("maria", "jonas", "cem"):
            assert version_of(target, who) == before[who]
        # the articles added whole: text, imported layer, suggestions, sentences, search
        a = ids(target)
        assert [x.label for x in target.annotations(a[WAHL], Layer.ENTITY, annotator="import")
                ] == ["LOC"]
        assert target.db.execute("SELECT count(*) FROM sentences WHERE article_id = ?",
                                 [a[WAHL]]).fetchone()[0] == 2
        assert target.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH "
                                 "'Pirna'").fetchall() == [(a[REGEN],)]
        first = dump(target)
        again = merge_projects(target, [apart["maria"], apart["jonas"], apart["cem"]])
        assert [(r.merged.versions, r.merged.same, r.merged.articles) for r in again] == \
            [(0, 2, 0), (0, 2, 0), (0, 1, 0)]  # type: ignore[union-attr]
        assert dump(target) == first


def test_a_conflict_is_reported_and_the_target_kept_unless_the_source_preferred(
        apart, tmp_path: Path) -> None:
    copy = tmp_path / "maria-laptop.db"
    shutil.copy(apart["maria"], copy)
    with Project.open(copy) as other:  # the same annotator goes on elsewhere
        s = Session(other, "maria")
        assert s.set_status(ids(other)[BAU], Status.DONE)
        theirs = version_of(other, "maria")
    with Project.open(apart["maria"]) as target:
        ours = version_of(target, "maria")
        before = dump(target)
        [result] = merge_projects(target, [copy])
        assert result.merged is not None and result.merged.same == 1
        [conflict] = result.merged.conflicts
        assert conflict.article_id == ids(target)[BAU] and conflict.annotator == "maria"
        assert version_of(target, "maria") == ours and dump(target) == before
        [result] = merge_projects(target, [copy], prefer_source=True)
        assert result.merged is not None and result.merged.replaced == 1
        assert version_of(target, "maria") == theirs
        # the claim moved with its group: the group holds the new copy
        assert target.db.execute("SELECT count(*) FROM claim_group_members").fetchone()[0] == 2


def test_a_bad_file_is_refused_by_name_and_the_others_merged(apart, tmp_path: Path) -> None:
    junk = tmp_path / "notizen.db"
    junk.write_text("Das ist kein Projekt.\n" * 20)
    older = tmp_path / "alt.db"
    shutil.copy(Path(__file__).parent / "data" / "schemas" / "v9.db", older)
    with Project.open(apart["maria"]) as target:
        results = merge_projects(target, [junk, older, target.path, apart["jonas"]])
        assert [r.merged is None for r in results] == [True, True, True, False]
        assert str(junk) in results[0].error  # type: ignore[operator]
        assert "schema version 9" in results[1].error and "upgrade" in results[1].error  # type: ignore[operator]
        assert "merged into" in results[2].error  # type: ignore[operator]
        assert version_of(target, "jonas") == expected(apart)["jonas"]
    assert older.read_bytes() == (Path(__file__).parent / "data" / "schemas" / "v9.db"
                                  ).read_bytes()


def test_a_merge_failing_midway_writes_nothing(apart, monkeypatch) -> None:
    import sqlite3

    from annotator.store import merging

    def broken(db) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(merging, "_groups", broken)  # after the articles, versions, spans
    with Project.open(apart["maria"]) as target:
        before = dump(target)
        [result] = merge_projects(target, [apart["jonas"]])
        assert result.merged is None and str(apart["jonas"]) in result.error  # type: ignore[operator]
        assert "nothing was merged" in result.error  # type: ignore[operator]
        assert dump(target) == before
        assert target.db.execute("PRAGMA database_list").fetchall()[-1][1] != "src"


def test_the_command(apart, tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["merge", str(apart["maria"]), str(apart["jonas"])])
    assert done.exit_code == 0, done.output
    assert "2 versions brought" in done.output and "0 conflicts" in done.output
    again = runner.invoke(app, ["merge", str(apart["maria"]), str(apart["jonas"])])
    assert again.exit_code == 0 and "0 versions brought" in again.output
    copy = tmp_path / "jonas-2.db"
    shutil.copy(apart["jonas"], copy)
    with Project.open(copy) as other:
        assert Session(other, "jonas").set_status(ids(other)[BAU], Status.IN_PROGRESS)
    conflict = runner.invoke(app, ["merge", str(apart["maria"]), str(copy)])
    assert conflict.exit_code == 1
    assert "conflict: article" in conflict.output and "jonas" in conflict.output
    taken = runner.invoke(app, ["merge", str(apart["maria"]), str(copy), "--prefer", "source"])
    assert taken.exit_code == 0 and "1 replacing" in taken.output
    bad = runner.invoke(app, ["merge", str(apart["maria"]), str(tmp_path / "fehlt.db")])
    assert bad.exit_code == 1 and "fehlt.db" in bad.output
    fresh = tmp_path / "alle.db"  # a target that does not exist yet is made
    made = runner.invoke(app, ["merge", str(fresh), str(apart["maria"]), str(apart["cem"])])
    assert made.exit_code == 0, made.output
    with Project.open(fresh, read_only=True) as project:
        assert version_of(project, "cem") == expected(apart)["cem"]
    assert runner.invoke(app, ["merge", str(fresh), str(apart["cem"]), "--prefer", "x"]
                         ).exit_code == 2
