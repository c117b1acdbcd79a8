"""Each annotator's own version of an article, in the store: started as a copy of the imported
layer, never touching another annotator's rows; status, decisions, counts and the list per
annotator; an annotator without a version sees the imported layer and counts as "new"."""

from __future__ import annotations

import pytest

from annotator.core.model import (
    ArticleDraft,
    ArticleFilter,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    ModelInfo,
    Span,
    Status,
)
from annotator.store import Project

TEXT = ("Anna Berger unterschrieb am Mittwoch in Dresden das Abkommen. "
        "„Ein Durchbruch“, sagte sie.")
MODEL = ModelInfo("de_test", "1")


def at(text: str, label: str) -> Span:
    return Span(TEXT.index(text), TEXT.index(text) + len(text), label)


def doc(key: str, layer: Layer, text: str, label: str) -> DocSpan:
    span = at(text, label)
    return DocSpan(key, layer, span.start, span.end, label)


@pytest.fixture
def article(project: Project) -> int:
    """An imported article: a LOC, a claim linked to its source, in a group; a suggestion."""
    aid = project.add_article(ArticleDraft(
        text=TEXT, title="Abkommen",
        annotations=[doc("T1", Layer.ENTITY, "Dresden", "LOC"),
                     doc("T2", Layer.CLAIM, "„Ein Durchbruch“", "CLAIM"),
                     doc("T3", Layer.SOURCE, "Anna Berger", "SOURCE")],
        links=[DocLink("T2", "T3")],
        groups=[DocGroupMember("Durchbruch?", "G1", "T2", value="ja")]))
    assert aid is not None
    project.replace_suggestions(aid, MODEL, [at("Anna Berger", "PER")])
    return aid


def spans(project: Project, aid: int, annotator: str | None) -> set[tuple[str, str, str]]:
    return {(a.label, TEXT[a.start:a.end], a.annotator)
            for a in project.annotations(aid, annotator=annotator)}


IMPORTED = {("LOC", "Dresden", "import"), ("CLAIM", "„Ein Durchbruch“", "import"),
            ("SOURCE", "Anna Berger", "import")}


def test_without_a_version_an_annotator_sees_the_imported_layer(project, article) -> None:
    assert spans(project, article, "maria") == IMPORTED
    assert spans(project, article, None) == IMPORTED
    assert project.article_status(article, "maria") is Status.NEW
    assert not project.has_version(article, "maria")
    assert project.version_counts() == {}


def test_a_version_starts_as_a_copy_of_the_imported_layer(project, article) -> None:
    started = project.start_version(article, "maria")
    mine = project.annotations(article, annotator="maria")
    assert {(a.label, TEXT[a.start:a.end], a.annotator) for a in mine} == {
        (label, text, "maria") for label, text, _who in IMPORTED}
    assert {a.copy_of for a in mine} == set(started.annotations)
    assert set(started.annotations.values()) == {a.id for a in mine}
    [link] = project.links(article, annotator="maria")
    assert {link.from_id, link.to_id} <= {a.id for a in mine} and link.annotator == "maria"
    [group] = project.claims.groups(annotator="maria")
    assert [m.annotation_id for m in group.members] == [
        started.annotations[project.annotations(article, Layer.CLAIM, annotator="import")[0].id]]
    assert project.article_status(article, "maria") is Status.IN_PROGRESS
    # the imported layer stays as it was; the project's view shows the version, not both
    assert spans(project, article, "import") == IMPORTED
    assert spans(project, article, None) == {(lab, t, "maria") for lab, t, _w in IMPORTED}
    assert project.version_counts() == {"maria": {Status.IN_PROGRESS: 1, Status.DONE: 0}}
    with pytest.raises(ValueError, match="already"):
        project.start_version(article, "maria")


def test_two_annotators_never_touch_each_others_rows(project, article) -> None:
    project.start_version(article, "maria")
    project.start_version(article, "jonas")
    [m_loc] = project.annotations(article, Layer.ENTITY, annotator="maria")
    [j_loc] = project.annotations(article, Layer.ENTITY, annotator="jonas")
    project.update_annotation(m_loc.id, label="ORG")
    project.delete_annotation(j_loc.id)
    project.add_annotation(article, Layer.ENTITY, at("Anna Berger", "PER"), "jonas")
    assert [(a.label, a.annotator) for a in
            project.annotations(article, Layer.ENTITY, annotator="maria")] == [("ORG", "maria")]
    assert [(a.label, TEXT[a.start:a.end]) for a in
            project.annotations(article, Layer.ENTITY, annotator="jonas")] == [
        ("PER", "Anna Berger")]
    assert [a.label for a in project.annotations(article, Layer.ENTITY, annotator="import")] \
        == ["LOC"]
    # an annotator's own id is their span; the imported one's is their copy; another's: no
    assert project.own_annotation("maria", m_loc.id) == m_loc.id
    assert project.own_annotation("maria", m_loc.copy_of) == m_loc.id
    with pytest.raises(KeyError):  # jonas deleted his copy
        project.own_annotation("jonas", m_loc.copy_of)
    with pytest.raises(ValueError, match="another annotator"):
        project.own_annotation("jonas", m_loc.id)


def test_status_is_each_annotators_and_the_project_takes_the_furthest(project, article) -> None:
    other = project.add_article(ArticleDraft(text="Zweiter Text über Riesa.", title="Riesa"))
    started = project.start_version(article, "maria", Status.DONE)
    project.set_status(other, Status.IN_PROGRESS, "jonas")
    assert project.article_status(article, "maria") is Status.DONE
    assert project.article_status(article, "jonas") is Status.NEW
    assert project.article_status(article) is Status.DONE
    for who, status, ids in (("maria", Status.DONE, [article]), ("maria", Status.NEW, [other]),
                             ("jonas", Status.IN_PROGRESS, [other]),
                             ("jonas", Status.NEW, [article]), (None, Status.DONE, [article]),
                             (None, Status.IN_PROGRESS, [other]), (None, Status.NEW, [])):
        where = ArticleFilter(status=status, annotator=who)
        assert [s.id for s in project.list_articles(0, 10, where)] == ids, (who, status)
        assert project.count_articles(where) == len(ids)
        assert [project.position(i, where) for i in ids] == list(range(len(ids)))
    assert [s.status for s in project.summaries([article, other], "jonas")] == [
        Status.NEW, Status.IN_PROGRESS]
    assert project.article(article, "jonas").status is Status.NEW
    assert project.article(article).status is Status.DONE
    with pytest.raises(ValueError):
        project.set_status(article, Status.NEW, "maria")
    project.drop_version(article, "maria", started)
    assert project.article_status(article) is Status.NEW and project.annotations(article) != []
    assert spans(project, article, None) == IMPORTED


def test_decisions_and_open_suggestions_are_each_annotators(project, article) -> None:
    [sug] = project.suggestions(article)
    project.start_version(article, "maria")
    project.decide([sug.id], "rejected", "maria")
    assert project.suggestions(article, open_only=True, annotator="maria") == []
    assert project.suggestions(article, open_only=True, annotator="jonas") == [sug]
    assert project.open_suggestion_counts([article], "maria") == {}
    assert project.open_suggestion_counts([article], "jonas") == {article: 1}
    assert project.decisions(article, "maria") == {sug.id: "rejected"}
    assert project.decisions(article, "jonas") == {}
    project.start_version(article, "jonas")
    project.decide([sug.id], "accepted", "jonas")
    project.decide([sug.id], None, "maria")  # takes back her decision only
    assert project.decisions(article, "jonas") == {sug.id: "accepted"}
    assert project.decisions(article, "maria") == {}
    assert [s.id for s in project.suggestions(article)] == [sug.id]  # once, however decided
    counts = ArticleFilter(annotator="maria")
    assert project.list_articles(0, 5, counts)[0].suggestion_count == 1
    assert project.list_articles(0, 5, counts)[0].annotation_count == 3


def test_the_imported_layers_decisions_are_copied_into_a_version(project) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="T"))
    project.add_accepted(aid, MODEL, at("Dresden", "LOC"), Layer.ENTITY, "import")
    [sug] = project.suggestions(aid)
    assert project.decisions(aid, "maria") == {sug.id: "accepted"}  # the imported layer's
    started = project.start_version(aid, "maria")
    assert project.decisions(aid, "maria") == {sug.id: "accepted"}
    project.drop_version(aid, "maria", started)
    assert project.decisions(aid, None) == {sug.id: "accepted"}
    assert not project.has_version(aid, "maria")


def test_starting_again_gives_the_copies_the_same_ids(project, article) -> None:
    first = project.start_version(article, "maria")
    project.drop_version(article, "maria", first)
    assert project.annotations(article, annotator="maria") == \
        project.annotations(article, annotator="import")
    again = project.start_version(article, "maria", again=first)
    assert again == first


def test_the_imported_layer_is_nobodys_version(project, article) -> None:
    with pytest.raises(ValueError, match="nobody"):
        project.start_version(article, "import")


def test_marking_an_untouched_article_starts_the_version(project, article) -> None:
    project.set_status(article, Status.DONE, "maria")
    assert project.article_status(article, "maria") is Status.DONE
    assert {a.annotator for a in project.annotations(article, annotator="maria")} == {"maria"}
    project.set_status(article, Status.IN_PROGRESS, "maria")
    assert project.version_counts() == {"maria": {Status.IN_PROGRESS: 1, Status.DONE: 0}}


def test_rows_written_without_a_version_are_seen_beside_the_imported_layer(project,
                                                                         article) -> None:
    """A script or a dataset writes an annotator's rows without the app: they see them with
    the imported layer (as the one shared layer showed both) until their first edit."""
    mine = project.add_annotation(article, Layer.ENTITY, at("Anna Berger", "PER"), "maria")
    assert spans(project, article, "maria") == IMPORTED | {("PER", "Anna Berger", "maria")}
    assert spans(project, article, "jonas") == IMPORTED
    assert project.article_status(article, "maria") is Status.NEW
    started = project.start_version(article, "maria")
    assert spans(project, article, "maria") == {(lab, t, "maria") for lab, t, _w in IMPORTED} | {
        ("PER", "Anna Berger", "maria")}
    project.drop_version(article, "maria", started)
    assert [a.id for a in project.annotations(article, annotator="maria")
            if a.annotator == "maria"] == [mine]
