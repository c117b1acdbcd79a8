"""Adjudication to a gold version: the agreed spans pre-accepted, the disagreements in text
order, taking one annotator's spans or none, undo and redo, done; two and three annotators."""

from __future__ import annotations

import pytest

from annotator.app import adjudication
from annotator.app.adjudication import (
    Adjudication,
    adjudicator,
    compare,
    next_to_adjudicate,
)
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project

TEXT = ("Anna Berger traf am Mittwoch in Dresden den Bürgermeister von Görlitz. "
        "Die Stadtwerke Dresden bestätigten das Treffen.")


def at(text: str, label: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), label)


def version(project: Project, aid: int, who: str, spans: list[Span],
            status: Status = Status.DONE, layer: Layer = Layer.ENTITY) -> None:
    project.start_version(aid, who, status)
    for span in spans:
        project.add_annotation(aid, layer, span, who)


@pytest.fixture
def article(project: Project) -> int:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Treffen"))
    assert aid is not None
    return aid


@pytest.fixture
def two(project: Project, article: int) -> int:
    """maria and jonas agree on Anna Berger and Görlitz; differ on Dresden (LOC vs ORG) and
    on "Stadtwerke Dresden" (ORG for maria, nothing for jonas)."""
    version(project, article, "maria", [at("Anna Berger", "PER"), at("Dresden", "LOC"),
                                        at("Görlitz", "LOC"), at("Stadtwerke Dresden", "ORG")])
    version(project, article, "jonas", [at("Anna Berger", "PER"), at("Dresden", "ORG"),
                                        at("Görlitz", "LOC")])
    return article


def gold(adj: Adjudication) -> list[tuple[str, str]]:
    return [(a.label, TEXT[a.start:a.end]) for a in adj.gold()]


def test_two_annotators_agreed_spans_are_pre_accepted(qapp, project, two) -> None:
    adj = Adjudication(adjudicator(project), two)
    assert adj.annotators == ["maria", "jonas"]
    assert adj.gold() == [] and not project.has_version(two, "gold")
    assert adj.start()
    assert gold(adj) == [("PER", "Anna Berger"), ("LOC", "Görlitz")]
    assert project.version_status(two, "gold") is Status.IN_PROGRESS
    assert [(d.says("maria", TEXT), d.says("jonas", TEXT)) for d in adj.disagreements] == [
        ("LOC „Dresden“", "ORG „Dresden“"), ("ORG „Stadtwerke Dresden“", "nothing")]
    assert [adj.decided(d) for d in adj.disagreements] == ["none", "jonas"]  # gold: nothing
    assert adj.session.undo_stack.count() == 1  # one step; undo: no gold version again
    assert adj.session.undo()
    assert not project.has_version(two, "gold") and adj.gold() == []
    assert adj.session.redo() and gold(adj) == [("PER", "Anna Berger"), ("LOC", "Görlitz")]
    assert adj.start() and adj.session.undo_stack.count() == 1  # started: nothing again


def test_after_its_start_is_undone_a_decision_starts_gold_again(qapp, project, two) -> None:
    project.add_annotation(two, Layer.ENTITY, at("Mittwoch", "MISC"), "import")  # nobody's
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    assert adj.session.undo() and not project.has_version(two, "gold")
    assert adj.take(0, "maria")  # one step: the start (agreed spans, no imported copy) and it
    assert gold(adj) == [("PER", "Anna Berger"), ("LOC", "Dresden"), ("LOC", "Görlitz")]
    assert adj.session.undo() and not project.has_version(two, "gold")
    assert adj.finish() and project.version_status(two, "gold") is Status.DONE
    assert gold(adj) == [("PER", "Anna Berger"), ("LOC", "Görlitz")]
    assert adj.session.undo() and not project.has_version(two, "gold")


def test_taking_a_version_none_undo_and_done(qapp, project, two) -> None:
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    assert adj.take(0, "jonas")
    assert gold(adj) == [("PER", "Anna Berger"), ("ORG", "Dresden"), ("LOC", "Görlitz")]
    assert adj.take(0, "maria")  # the other one instead: jonas's ORG goes
    assert gold(adj) == [("PER", "Anna Berger"), ("LOC", "Dresden"), ("LOC", "Görlitz")]
    assert not adj.take(0, "maria")  # nothing to change
    assert adj.take(1, "maria")
    assert ("ORG", "Stadtwerke Dresden") in gold(adj)
    assert adj.decided(adj.disagreements[1]) == "maria"
    assert adj.take(1, None)
    assert ("ORG", "Stadtwerke Dresden") not in gold(adj)
    assert adj.session.undo() and ("ORG", "Stadtwerke Dresden") in gold(adj)
    assert adj.session.undo() and ("ORG", "Stadtwerke Dresden") not in gold(adj)
    assert adj.session.undo() and ("ORG", "Dresden") in gold(adj)
    assert adj.session.redo() and ("LOC", "Dresden") in gold(adj)
    assert adj.finish() and project.version_status(two, "gold") is Status.DONE
    assert project.version_status(two, "maria") is Status.DONE  # nobody else's changed
    assert [a.label for a in project.annotations(two, annotator="jonas")] == [
        "PER", "ORG", "LOC"]


def test_three_annotators_only_what_all_three_have_is_agreed(qapp, project,
                                                            article) -> None:
    version(project, article, "maria", [at("Anna Berger", "PER"), at("Dresden", "LOC")])
    version(project, article, "jonas", [at("Anna Berger", "PER"), at("Dresden", "LOC")])
    version(project, article, "lea", [at("Anna", "PER"), at("Dresden", "LOC")])
    adj = Adjudication(adjudicator(project), article)
    adj.start()
    assert gold(adj) == [("LOC", "Dresden")]
    [d] = adj.disagreements
    assert (d.start, d.end) == (0, len("Anna Berger"))
    assert d.says("lea", TEXT) == "PER „Anna“" and d.says("jonas", TEXT) == "PER „Anna Berger“"
    assert adj.take(0, "lea") and gold(adj) == [("PER", "Anna"), ("LOC", "Dresden")]
    assert adj.decided(d) == "lea"
    assert adj.take(0, "jonas") and gold(adj) == [("PER", "Anna Berger"), ("LOC", "Dresden")]
    assert adj.decided(d) == "maria"  # maria's and jonas's are the same


def test_versions_in_progress_only_when_asked(qapp, project, article) -> None:
    version(project, article, "maria", [at("Dresden", "LOC")])
    version(project, article, "jonas", [at("Dresden", "ORG")], Status.IN_PROGRESS)
    assert Adjudication(adjudicator(project), article).annotators == ["maria"]
    assert next_to_adjudicate(project, 0) is None
    assert next_to_adjudicate(project, 0, in_progress=True) == article
    adj = Adjudication(adjudicator(project), article, in_progress=True)
    assert adj.annotators == ["maria", "jonas"] and len(adj.disagreements) == 1


@pytest.mark.parametrize("step", [1, 2, 500])
def test_next_article_skips_agreement_and_done_gold(qapp, project, two, step, monkeypatch
                                                    ) -> None:
    """Whatever number of candidates is compared at once."""
    monkeypatch.setattr(adjudication, "STEP", step)
    same = project.add_article(ArticleDraft(text=TEXT + " Gleich.", title="Gleich"))
    after = project.add_article(ArticleDraft(text=TEXT + " Noch einer.", title="Danach"))
    for who in ("maria", "jonas"):
        version(project, same, who, [at("Dresden", "LOC")])
        version(project, after, who, [at("Dresden", "LOC" if who == "maria" else "PER")])
    assert next_to_adjudicate(project, 0) == two
    assert next_to_adjudicate(project, two) == after  # "same" has no disagreement
    adj = Adjudication(adjudicator(project), two)
    adj.start()
    assert next_to_adjudicate(project, 0) == two  # gold in progress
    adj.finish()
    assert next_to_adjudicate(project, 0) == after


def test_gold_is_a_version_no_person_can_use(qapp, project, article) -> None:
    from annotator.app.session import Session
    from annotator.ui.annotator_name import refusal

    assert refusal("gold") and refusal(" gold ") and refusal("Goldi") is None
    with pytest.raises(ValueError, match="gold"):
        Adjudication(Session(project, "maria"), article)


def test_compare_groups_overlaps_per_layer_in_text_order() -> None:
    from annotator.core.model import Annotation

    def ann(who: str, layer: Layer, start: int, end: int, label: str) -> Annotation:
        return Annotation(0, 1, layer, start, end, label, who, "", "")

    agreed, found = compare({
        "a": [ann("a", Layer.ENTITY, 0, 5, "PER"), ann("a", Layer.CLAIM, 0, 30, "CLAIM"),
              ann("a", Layer.ENTITY, 20, 25, "LOC")],
        "b": [ann("b", Layer.ENTITY, 0, 5, "PER"), ann("b", Layer.ENTITY, 3, 8, "ORG"),
              ann("b", Layer.ENTITY, 6, 10, "ORG"), ann("b", Layer.CLAIM, 0, 30, "CLAIM")]})
    assert [(a.layer, a.start, a.end) for a in agreed] == [(Layer.ENTITY, 0, 5),
                                                          (Layer.CLAIM, 0, 30)]
    assert [(d.layer, d.start, d.end, len(d.spans["a"]), len(d.spans["b"])) for d in found] == [
        (Layer.ENTITY, 3, 10, 0, 2), (Layer.ENTITY, 20, 25, 1, 0)]


def test_agreement_leaves_gold_out_unless_named(qapp, project, two) -> None:
    from annotator.app.agreement import measure

    Adjudication(adjudicator(project), two).start()
    assert measure(project).annotators == ["maria", "jonas"]
    assert measure(project, ["maria", "gold"]).annotators == ["maria", "gold"]
