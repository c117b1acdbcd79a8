"""Two annotators through the session: each edit goes to its annotator's own version, started
on the first edit as a copy of the imported layer and taken back whole by its undo; another
annotator's version can be shown but not written."""

from __future__ import annotations

import pytest

from annotator.app import claim_ops, review
from annotator.app.article_state import ArticleState
from annotator.app.changes import Part
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, DocLink, Layer, ModelInfo, Status
from annotator.store import Project
from tests.test_versions import TEXT, at, doc


@pytest.fixture
def article(project: Project) -> int:
    aid = project.add_article(ArticleDraft(
        text=TEXT, title="Abkommen",
        annotations=[doc("T1", Layer.ENTITY, "Dresden", "LOC"),
                     doc("T2", Layer.CLAIM, "„Ein Durchbruch“", "CLAIM"),
                     doc("T3", Layer.SOURCE, "Anna Berger", "SOURCE")],
        links=[DocLink("T2", "T3")]))
    assert aid is not None
    project.replace_suggestions(aid, ModelInfo("de_test", "1"), [at("Anna Berger", "PER")])
    return aid


@pytest.fixture
def two(project: Project, qapp) -> tuple[Session, Session]:
    return Session(project, "maria"), Session(project, "jonas")


def labels(project: Project, aid: int, who: str | None) -> list[tuple[str, str, str]]:
    return [(a.label, TEXT[a.start:a.end], a.annotator)
            for a in project.annotations(aid, Layer.ENTITY, annotator=who)]


def test_the_same_word_keeps_each_annotators_label(project, article, two) -> None:
    maria, jonas = two
    word = at("Dresden", "ORG")
    assert jonas.add_span(article, Layer.ENTITY, word)  # replaces his copy of the LOC
    assert labels(project, article, "jonas") == [("ORG", "Dresden", "jonas")]
    assert labels(project, article, "maria") == [("LOC", "Dresden", "import")]  # untouched
    assert maria.set_status(article, Status.DONE)
    assert labels(project, article, "maria") == [("LOC", "Dresden", "maria")]
    assert project.article_status(article, "maria") is Status.DONE
    assert project.article_status(article, "jonas") is Status.IN_PROGRESS
    assert labels(project, article, "import") == [("LOC", "Dresden", "import")]


def test_the_first_edit_and_its_undo_start_and_drop_the_version(project, article,
                                                                two) -> None:
    maria, _ = two
    state = ArticleState.load(project, article, "maria")
    [loc] = state.layer(Layer.ENTITY)
    assert loc.annotator == "import"  # what she sees before she touches it
    heard: list = []
    maria.changed.connect(heard.append)
    assert maria.relabel(loc, "ORG")  # an imported span: her copy of it is relabelled
    assert labels(project, article, "maria") == [("ORG", "Dresden", "maria")]
    assert maria.undo_stack.count() == 1 and maria.undo_stack.undoText() == "Relabel as ORG"
    assert heard[-1].parts & Part.STATUS
    assert maria.undo()
    assert not project.has_version(article, "maria")
    assert project.article_status(article, "maria") is Status.NEW
    assert labels(project, article, "maria") == [("LOC", "Dresden", "import")]
    assert maria.redo()
    assert labels(project, article, "maria") == [("ORG", "Dresden", "maria")]


def test_a_claim_linked_in_the_imported_layer_is_linked_in_the_copy(project, article,
                                                                    two) -> None:
    maria, _ = two
    state = ArticleState.load(project, article, "maria")
    [claim] = state.layer(Layer.CLAIM)
    assert maria.set_attrs(claim, {"verdict": "true"})
    [mine] = project.annotations(article, Layer.CLAIM, annotator="maria")
    assert mine.attrs == {"verdict": "true"} and mine.copy_of == claim.id
    assert project.annotation(claim.id).attrs == {}  # the imported claim stays as it was
    [link] = project.links(article, annotator="maria")
    assert link.from_id == mine.id and link.annotator == "maria"


def test_a_multi_step_action_on_the_imported_layer(project, article, two) -> None:
    """S on an untouched article: the version starts, the mention and its canonical source
    come in one undo step."""
    maria, _ = two
    state = ArticleState.load(project, article, "maria")
    mention = claim_ops.mark_source(maria, state, at("Dresden", "SOURCE"))
    assert mention is not None and mention.annotator == "maria"
    assert maria.undo_stack.count() == 1
    assert project.annotation(mention.id).source_id is not None
    assert maria.undo()
    assert not project.has_version(article, "maria")


def test_decisions_and_done_are_each_annotators(project, article, two) -> None:
    maria, jonas = two
    [sug] = project.suggestions(article)
    assert review.mark_done(maria, article, review.Rest.REJECT)
    assert review.open_count(project, article, "maria") == 0
    assert review.open_count(project, article, "jonas") == 1
    assert project.article_status(article, "jonas") is Status.NEW
    assert jonas.accept(article, [sug])
    assert project.decisions(article, "jonas") == {sug.id: "accepted"}
    assert project.decisions(article, "maria") == {sug.id: "rejected"}


def test_another_annotators_version_is_read_only(project, article, two) -> None:
    maria, jonas = two
    assert jonas.add_span(article, Layer.ENTITY, at("Anna Berger", "PER"))
    failed: list[str] = []
    maria.failed.connect(failed.append)
    maria.view("jonas")
    assert maria.read_only and maria.shown == "jonas"
    state = ArticleState.load(project, article, maria.shown)
    assert [a.annotator for a in state.layer(Layer.ENTITY)] == ["jonas", "jonas"]
    before = project.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    assert not maria.add_span(article, Layer.ENTITY, at("Abkommen", "MISC"))
    assert not maria.relabel(state.layer(Layer.ENTITY)[0], "ORG")
    assert not maria.set_status(article, Status.DONE)
    with maria.action("Mark source") as action:
        maria.add_span(article, Layer.SOURCE, at("Anna Berger", "SOURCE"))
    assert action.error is not None
    assert len(failed) == 4 and all("Read only" in m and "jonas" in m for m in failed)
    assert project.db.execute("SELECT count(*) FROM annotations").fetchone()[0] == before
    assert maria.undo_stack.count() == 0 and not project.has_version(article, "maria")
    maria.view(None)
    assert not maria.read_only
    assert maria.add_span(article, Layer.ENTITY, at("Abkommen", "MISC"))


def test_switching_annotator_starts_a_fresh_undo_stack(project, article, two) -> None:
    maria, _ = two
    switched: list[bool] = []
    maria.switched.connect(lambda: switched.append(True))
    assert maria.add_span(article, Layer.ENTITY, at("Abkommen", "MISC"))
    maria.switch("jonas")
    assert maria.annotator == maria.shown == "jonas" and switched == [True]
    assert maria.undo_stack.count() == 0
    assert maria.add_span(article, Layer.ENTITY, at("Abkommen", "ORG"))
    assert labels(project, article, "jonas")[0][2] == "jonas"
    assert ("MISC", "Abkommen", "maria") in labels(project, article, "maria")
