"""The source registry through the session, without a window: merging into the source the
user keeps, renaming, and aliases that follow their mention when it is resized."""

from __future__ import annotations

import pytest

from annotator.app.changes import Part
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project

A = "Die Ministerin Anna Berger sagte am Mittwoch, der Vertrag sei unterzeichnet."
B = "Laut Berger wurde der Vertrag erst am Donnerstag unterzeichnet."
C = "A. Berger bestätigte das am Abend. Anna Berger schwieg danach."


def mention(project: Project, article: int, text: str, words: str, nth: int = 0) -> int:
    start = text.index(words) if nth == 0 else text.index(words, text.index(words) + 1)
    return project.add_annotation(article, Layer.SOURCE, Span(start, start + len(words),
                                                              "SOURCE"), "maria")


@pytest.fixture
def session(project: Project, qapp) -> Session:
    return Session(project, "maria")


@pytest.fixture
def registry(project: Project) -> dict[str, int]:
    """Three sources for one person, each with a mention; a claim linked to B's mention."""
    ids: dict[str, int] = {}
    for key, text in (("a", A), ("b", B), ("c", C)):
        ids[key] = project.add_article(ArticleDraft(text=text, title=key.upper()))
    claims = project.claims
    for key, text, words, name, aliases in (
            ("a", A, "Anna Berger", "Anna Berger", ["Anna Berger", "die Ministerin"]),
            ("b", B, "Berger", "Berger", ["Berger"]),
            ("c", C, "A. Berger", "A. Berger", ["A. Berger"])):
        ids[f"{key}_mention"] = mention(project, ids[key], text, words)
        ids[f"{key}_source"] = claims.add_source(name, "person", aliases)
        claims.set_canonical([ids[f"{key}_mention"]], ids[f"{key}_source"])
    ids["claim"] = project.add_annotation(ids["b"], Layer.CLAIM, Span(0, len(B), "CLAIM"),
                                          "maria")
    project.add_link(ids["claim"], ids["b_mention"], "attributed_to", "maria")
    return ids


def test_merge_keeps_the_chosen_source(session, project, registry) -> None:
    store = project.claims
    before = store.sources()
    keep = store.source(registry["b_source"])
    others = [store.source(registry["a_source"]), store.source(registry["c_source"])]
    assert session.merge_sources(keep, others)
    (merged,) = store.sources()
    assert (merged.id, merged.name, merged.mentions) == (registry["b_source"], "Berger", 3)
    assert merged.aliases == ("A. Berger", "Anna Berger", "die Ministerin")  # without "Berger"
    for key in ("a", "b", "c"):
        assert project.annotation(registry[f"{key}_mention"]).source_id == merged.id
    (link,) = project.links_of(registry["claim"])  # the claim still names its mention
    assert link.to_id == registry["b_mention"]
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Merge 3 sources into Berger"
    assert session.undo()
    assert store.sources() == before
    assert project.annotation(registry["a_mention"]).source_id == registry["a_source"]
    assert session.redo()
    assert [s.name for s in store.sources()] == ["Berger"]


def test_merge_reads_the_sources_as_stored_and_ignores_the_kept_one(session, project,
                                                                   registry) -> None:
    store = project.claims
    keep = store.source(registry["a_source"])  # as a view showed it …
    store.update_source(keep.id, aliases=["Anna Berger", "die Ministerin", "Frau Berger"])
    other = store.source(registry["c_source"])
    assert session.merge_sources(keep, [keep, other])  # … not merged into itself
    (kept, _b) = store.sources()
    assert kept.aliases == ("A. Berger", "Frau Berger", "die Ministerin")
    assert not session.merge_sources(keep, [keep])
    assert session.undo_stack.count() == 1


def test_undoing_a_merge_whose_source_changed_elsewhere_is_refused(session, project,
                                                                   registry) -> None:
    store = project.claims
    keep, other = store.source(registry["a_source"]), store.source(registry["c_source"])
    session.merge_sources(keep, [other])
    store.update_source(keep.id, aliases=["Anna Berger"])  # another window
    failures: list[str] = []
    session.failed.connect(failures.append)
    assert not session.undo()
    assert failures and "the kept source's aliases was changed elsewhere" in failures[0]
    assert [s.name for s in store.sources()] == ["Anna Berger", "Berger"]
    assert session.undo_stack.index() == 1


def test_rename_keeps_names_unique(session, project, registry) -> None:
    store = project.claims
    failures: list[str] = []
    session.failed.connect(failures.append)
    berger = store.source(registry["b_source"])
    assert not session.rename_source(berger, "Anna Berger")
    assert not session.rename_source(berger, "anna  BERGER")  # in any case, any spacing
    assert failures == [
        "Rename Berger to Anna Berger: another source is called \u201cAnna Berger\u201d; merge "
        "the two instead",
        "Rename Berger to anna BERGER: another source is called \u201cAnna Berger\u201d; merge "
        "the two instead"]
    assert not session.rename_source(berger, "  ")
    assert failures[-1] == "Rename Berger: a source needs a name"
    assert not session.rename_source(berger, " Berger ")  # no change, no undo step
    assert session.undo_stack.count() == 0
    assert session.rename_source(berger, "Thomas  Berger")
    renamed = store.source(berger.id)
    assert (renamed.name, renamed.aliases, renamed.mentions) == ("Thomas Berger", ("Berger",), 1)
    assert session.rename_source(renamed, "THOMAS BERGER")  # its own name in another case
    assert session.undo() and session.undo()
    assert store.source(berger.id).name == "Berger"
    assert session.redo()
    assert store.source(berger.id).name == "Thomas Berger"


def test_a_mentions_alias_follows_its_resize(session, project, registry) -> None:
    store = project.claims
    ann = project.annotation(registry["a_mention"])
    heard: list = []
    session.changed.connect(heard.append)
    start = A.index("Ministerin")
    assert session.resize(ann, start, ann.end)
    assert store.source(registry["a_source"]).aliases == ("Ministerin Anna Berger",
                                                          "die Ministerin")
    assert heard[-1].parts & Part.SOURCES and heard[-1].articles == {registry["a"]}
    grown = project.annotation(ann.id)
    assert session.resize(grown, grown.start, A.index(" sagte") + len(" sagte"))
    assert store.source(registry["a_source"]).aliases == ("Ministerin Anna Berger sagte",
                                                          "die Ministerin")
    assert session.undo_stack.count() == 1  # the resizes of one mention are one step
    assert session.undo()
    assert project.annotation(ann.id).start == ann.start
    assert store.source(registry["a_source"]).aliases == ("Anna Berger", "die Ministerin")
    assert session.redo()
    assert store.source(registry["a_source"]).aliases == ("Ministerin Anna Berger sagte",
                                                          "die Ministerin")


def test_an_alias_another_mention_still_reads_stays(session, project, registry) -> None:
    store = project.claims
    second = mention(project, registry["c"], C, "Anna Berger")
    store.set_canonical([second], registry["a_source"])
    ann = project.annotation(registry["a_mention"])
    assert session.resize(ann, A.index("Ministerin"), ann.end)
    assert store.source(registry["a_source"]).aliases == (
        "Anna Berger", "Ministerin Anna Berger", "die Ministerin")


def test_no_alias_changes_where_the_text_was_none(session, project, registry) -> None:
    store = project.claims
    store.update_source(registry["b_source"], aliases=["Herr Berger"])
    ann = project.annotation(registry["b_mention"])
    assert session.resize(ann, 0, ann.end)  # "Laut Berger": "Berger" was no alias
    assert store.source(registry["b_source"]).aliases == ("Herr Berger",)
    entity = project.add_annotation(registry["b"], Layer.ENTITY, Span(5, 11, "PER"), "maria")
    assert session.resize(project.annotation(entity), 0, 11)  # not a source: no alias at all
    assert session.undo_stack.count() == 2


def test_undoing_a_resize_whose_alias_changed_elsewhere_is_refused(session, project,
                                                                   registry) -> None:
    ann = project.annotation(registry["a_mention"])
    session.resize(ann, A.index("Ministerin"), ann.end)
    project.claims.update_source(registry["a_source"], aliases=[])
    assert not session.undo()
    assert project.annotation(ann.id).start == A.index("Ministerin")  # nothing taken back
