"""Metadata a person sets (store, checks, the undoable session action) and what a re-run of the
zone rules may and may not change."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.app import metadata
from annotator.app.changes import Changes, Part
from annotator.app.importing import import_files
from annotator.app.session import Session
from annotator.app.zones import RULES, rederive, zones_of
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project

PAGE = """AFP
Streit um Elbe-Abkommen: Prag widerspricht Anna Berger
22. Oktober, 2024
Berlin (AFP) – Die Ministerin Anna Berger hat am Mittwoch das Abkommen in Dresden unterzeichnet. \
Das sagte eine Sprecherin am Abend.

Lesen Sie auch:
Neue Brücke in Dresden eröffnet 🌉
Foto: Max Muster / dpa

Die Gespräche sollen in der kommenden Woche in Dresden weitergehen, hieß es in Prag.
"""
TITLE = "Streit um Elbe-Abkommen: Prag widerspricht Anna Berger"


@pytest.fixture
def imported(tmp_path: Path, project: Project) -> int:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [article_id] = import_files(project, [path]).imported  # with its zones
    return article_id


@pytest.fixture
def session(project: Project, qapp) -> Session:
    return Session(project, "maria")


def test_set_meta_stores_the_fields_and_marks_them_set_by_a_person(project: Project) -> None:
    aid = project.add_article(ArticleDraft(text="Text des Artikels.", title="Alt"))
    assert project.article(aid).edited == frozenset()
    project.set_meta(aid, title="Neu", published="2024-10-22")
    article = project.article(aid)
    assert (article.title, article.published) == ("Neu", "2024-10-22")
    assert article.edited == {"title", "published"}
    assert project.summary(aid).title == "Neu"  # the list row
    assert [s.id for s in project.list_articles(where=_search("Neu"))] == [aid]  # full text
    project.set_meta(aid, edited=frozenset(), outlet="dpa")  # a re-run: derived, not marked
    assert project.article(aid).edited == frozenset()
    with pytest.raises(ValueError, match="no metadata field"):
        project.set_meta(aid, text="x")
    with pytest.raises(KeyError):
        project.set_meta(aid + 7, title="x")


def _search(words: str):
    from annotator.core.model import ArticleFilter

    return ArticleFilter(query=words)


@pytest.mark.parametrize("value", ["22.10.2024", "2024-13-01", "2024-02-30", "2024-1-5",
                                   "gestern"])
def test_a_date_must_be_iso(value: str) -> None:
    with pytest.raises(metadata.MetaError, match="YYYY-MM-DD"):
        metadata.checked({"published": value})


def test_checked_trims_empties_and_refuses_an_empty_title() -> None:
    assert metadata.checked({"outlet": "  dpa ", "author": " ", "published": "2024-02-29"}) \
        == {"outlet": "dpa", "author": None, "published": "2024-02-29"}
    with pytest.raises(metadata.MetaError, match="title"):
        metadata.checked({"title": "  "})
    with pytest.raises(metadata.MetaError, match="no metadata field"):
        metadata.checked({"language": "en"})


def test_the_session_sets_fields_in_one_undo_step(session: Session, project: Project,
                                                  imported: int) -> None:
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    assert session.set_meta(imported, {"title": "Prag widerspricht", "author": "Anna Berger"})
    article = project.article(imported)
    assert (article.title, article.author, article.edited) == (
        "Prag widerspricht", "Anna Berger", {"title", "author"})
    assert seen == [Changes(frozenset({imported}), Part.META)]
    assert project.article_status(imported) is Status.NEW  # details are no annotation work
    assert not session.set_meta(imported, {"title": "Prag widerspricht"})  # nothing changes
    session.undo()
    article = project.article(imported)
    assert (article.title, article.author, article.edited) == (TITLE, None, frozenset())
    session.redo()
    assert project.article(imported).title == "Prag widerspricht"
    with pytest.raises(metadata.MetaError):
        session.set_meta(imported, {"published": "22.10.2024"})
    assert session.undo_stack.count() == 1


def test_undo_after_a_change_elsewhere_says_so_and_keeps_the_value(
        session: Session, project: Project, imported: int) -> None:
    failures: list[str] = []
    session.failed.connect(failures.append)
    session.set_meta(imported, {"outlet": "dpa"})
    metadata.set_meta(project, imported, outlet="Reuters")  # the command line, meanwhile
    assert not session.undo()
    assert project.article(imported).outlet == "Reuters" and "changed elsewhere" in failures[0]


def test_a_rerun_never_overwrites_what_a_person_set(project: Project, imported: int) -> None:
    article = project.article(imported)
    assert (article.title, article.outlet, article.published) == (TITLE, "AFP", "2024-10-22")
    metadata.set_meta(project, imported, title="Mein Titel", published=None)
    project.set_meta(imported, edited={"title", "published"}, outlet=None, author="dpa")
    assert rederive(project, imported) == {"outlet": "AFP"}  # empty: derived again
    article = project.article(imported)
    assert (article.title, article.published, article.outlet) == ("Mein Titel", None, "AFP")
    assert article.author == "dpa"  # neither empty nor what the rules gave: a file's value
    assert article.edited == {"title", "published"}


def test_a_rerun_replaces_the_rules_zones_but_keeps_a_persons(
        session: Session, project: Project, imported: int) -> None:
    before = zones_of(project, imported)
    teaser = next(z for z in before if z.label == "TEASER")
    credit = next(z for z in before if z.label == "CREDIT")
    assert session.set_zone(imported, teaser.start, teaser.end, None)  # rejected: body
    assert session.set_zone(imported, credit.start, credit.end, "CAPTION")
    project.replace_suggestions(imported, RULES, [], layer=Layer.STRUCTURE, keep_decided=True)
    assert rederive(project, imported) == {}
    after = zones_of(project, imported)
    assert after == sorted([z for z in before if z not in (teaser, credit)]
                           + [Span(credit.start, credit.end, "CAPTION")])
    assert not any(z.start < teaser.end and teaser.start < z.end for z in after)
    assert project.article(imported).title == TITLE


def test_a_rerun_leaves_the_zones_a_file_carried(project: Project) -> None:
    aid = project.add_article(ArticleDraft(text=PAGE))
    assert project.article(aid).title == "AFP"  # the first line: a guess
    project.add_annotation(aid, Layer.STRUCTURE, Span(4, 58, "HEADLINE"), "import")
    assert rederive(project, aid) == {"title": TITLE}  # the file's headline
    assert project.suggestions(aid) == []
