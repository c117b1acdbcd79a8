"""The review queue without a window: one item of each kind, read as the disputes view, the
adjudication and the status bar read them; a done gold version, a decision, a limit."""

from __future__ import annotations

from annotator.app import review_queue
from annotator.app.adjudication import Adjudication, adjudicator, next_to_adjudicate
from annotator.app.changes import Changes
from annotator.app.review_queue import Kind, disagreements, review_items, updated
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.store import Project

MEETING = "Anna Berger traf am Mittwoch in Dresden den Bürgermeister von Görlitz."
SIGNED = ("Der Vertrag wurde am Mittwoch in Dresden unterzeichnet.",
          "Der Vertrag wurde am Donnerstag in Prag unterzeichnet.")
BRIDGE = "Jonas Weber eröffnete in Meißen die neue Brücke über die Elbe."


def at(text: str, part: str, label: str) -> Span:
    return Span(text.index(part), text.index(part) + len(part), label)


def fill(project: Project) -> dict[str, int]:
    """Four articles, through the sessions as the window writes: maria and jonas done with
    "Treffen" and disagreeing on it; maria's claims in "Vertrag 1" and "Vertrag 2" grouped
    with contradicting weekdays; maria done with "Brücke" while a suggestion is open."""
    ids = {title: project.add_article(ArticleDraft(text=text, title=title)) for title, text in
           (("Treffen", MEETING), ("Vertrag 1", SIGNED[0]), ("Vertrag 2", SIGNED[1]),
            ("Brücke", BRIDGE))}
    maria, jonas = Session(project, "maria"), Session(project, "jonas")
    for who, label in ((maria, "LOC"), (jonas, "ORG")):
        who.add_span(ids["Treffen"], Layer.ENTITY, at(MEETING, "Anna Berger", "PER"))
        who.add_span(ids["Treffen"], Layer.ENTITY, at(MEETING, "Dresden", label))
        who.set_status(ids["Treffen"], Status.DONE)
    claims = [maria.add_span(ids[f"Vertrag {n}"], Layer.CLAIM, Span(0, len(text) - 1, "CLAIM"))
              for n, text in enumerate(SIGNED, 1)]
    group = maria.group_claims(ids["Vertrag 1"], None, "Wochentag der Unterzeichnung",
                               [(c.id, day) for c, day in zip(claims, ("Mittwoch", "Donnerstag"),
                                                              strict=True) if c])
    assert group is not None
    ids["group"] = group
    project.replace_suggestions(ids["Brücke"], ModelInfo("de_test", "1"),
                                [at(BRIDGE, "Jonas Weber", "PER"), at(BRIDGE, "Meißen", "LOC")])
    maria.add_span(ids["Brücke"], Layer.ENTITY, at(BRIDGE, "Elbe", "LOC"))
    maria.set_status(ids["Brücke"], Status.DONE)
    return ids


def test_one_item_of_each_kind(project: Project) -> None:
    ids = fill(project)
    items = review_items(project, "maria")
    assert [(i.kind, i.article_id, i.title) for i in items] == [
        (Kind.DISPUTE, ids["Vertrag 1"], "Vertrag 1"),
        (Kind.DISAGREEMENT, ids["Treffen"], "Treffen"),
        (Kind.OPEN_SUGGESTIONS, ids["Brücke"], "Brücke")]
    dispute, disagreement, suggestions = items
    assert dispute.group_id == ids["group"]
    assert dispute.what == ("Wochentag der Unterzeichnung: 2 claims in 2 articles, "
                            "„Mittwoch“ vs „Donnerstag“")
    assert disagreement.what == "versions of maria, jonas disagree"
    assert suggestions.what == "done, 2 open suggestions"


def test_the_kinds_are_read_as_their_views_read_them(project: Project) -> None:
    ids = fill(project)
    disputed = [g.id for g in project.claims.groups(disputed_only=True, annotator="maria")]
    items = review_items(project, "maria")
    assert [i.group_id for i in items if i.kind is Kind.DISPUTE] == disputed
    assert [i.article_id for i in items if i.kind is Kind.DISAGREEMENT] == [
        next_to_adjudicate(project, 0)]
    done = {aid for aid in ids.values()
            if aid != ids["group"] and project.article_status(aid, "maria") is Status.DONE}
    counts = project.open_suggestion_counts(sorted(done), "maria")
    assert {i.article_id: i.what for i in items if i.kind is Kind.OPEN_SUGGESTIONS} == {
        aid: f"done, {n} open suggestions" for aid, n in counts.items()}
    assert review_items(project, "jonas")[-1].kind is Kind.DISAGREEMENT  # not jonas's: none


def test_decided_items_leave_the_queue(project: Project) -> None:
    ids = fill(project)
    maria = Session(project, "maria")
    assert maria.reject(ids["Brücke"], project.suggestions(ids["Brücke"]))
    assert [i.kind for i in review_items(project, "maria")] == [Kind.DISPUTE, Kind.DISAGREEMENT]
    gold = Session(project, "gold")
    assert gold.set_status(ids["Treffen"], Status.IN_PROGRESS)  # gold in progress: still listed
    assert [i.kind for i in review_items(project, "maria")] == [Kind.DISPUTE, Kind.DISAGREEMENT]
    assert gold.set_status(ids["Treffen"], Status.DONE)
    assert [i.kind for i in review_items(project, "maria")] == [Kind.DISPUTE]


def test_agreeing_versions_and_in_progress_ones_are_no_disagreement(project: Project) -> None:
    first = project.add_article(ArticleDraft(text=MEETING, title="Gleich"))
    second = project.add_article(ArticleDraft(text=BRIDGE, title="Halb"))
    for who in ("maria", "jonas"):
        session = Session(project, who)
        session.add_span(first, Layer.ENTITY, at(MEETING, "Dresden", "LOC"))
        session.set_status(first, Status.DONE)
        session.add_span(second, Layer.ENTITY, at(BRIDGE, "Elbe", "LOC" if who == "maria"
                                                  else "ORG"))
    Session(project, "maria").set_status(second, Status.DONE)
    assert disagreements(project) == []


def test_versions_differing_only_in_a_verdict_wait_until_adjudicated(qapp, project: Project
                                                                     ) -> None:
    aid = project.add_article(ArticleDraft(text=BRIDGE, title="Urteil"))
    for who, verdict in (("maria", "false"), ("jonas", "unverified")):
        session = Session(project, who)
        claim = session.add_span(aid, Layer.CLAIM, at(BRIDGE, "die neue Brücke", "CLAIM"))
        assert claim is not None and session.set_attrs(claim, {"verdict": verdict})
        session.set_status(aid, Status.DONE)
    assert [(i.article_id, i.what) for i in disagreements(project)] == [
        (aid, "versions of maria, jonas disagree in attributes")]
    assert next_to_adjudicate(project, 0) == aid  # what the adjudication steps through
    assert updated([], project, "maria", Changes(frozenset({aid}))) == disagreements(project)
    adj = Adjudication(adjudicator(project), aid)
    assert adj.start() and [d.name for d in adj.disagreements] == ["verdict"]
    assert adj.take(0, "jonas") and adj.finish()
    assert disagreements(project) == [] and next_to_adjudicate(project, 0) is None


def test_the_queue_says_how_versions_differ(project: Project) -> None:
    aid = project.add_article(ArticleDraft(text=BRIDGE, title="Gruppe"))
    claims = {}
    for who in ("maria", "jonas", "lea"):
        session = Session(project, who)
        claims[who] = session.add_span(aid, Layer.CLAIM, at(BRIDGE, "die neue Brücke", "CLAIM"))
        session.add_span(aid, Layer.SOURCE, at(BRIDGE, "Jonas Weber", "SOURCE"))
        session.set_status(aid, Status.DONE)
    maria = Session(project, "maria")
    assert maria.group_claims(aid, None, "Brücke", [(claims["maria"].id, "neu")])
    assert [i.what for i in disagreements(project)] == [
        "versions of maria, jonas, lea disagree in groups"]
    assert next_to_adjudicate(project, 0) == aid  # the adjudication finds it too
    assert maria.set_attrs(claims["maria"], {"verdict": "false"})
    assert [i.what for i in disagreements(project)] == [
        "versions of maria, jonas, lea disagree in attributes, groups"]
    assert Session(project, "lea").add_span(aid, Layer.ENTITY, at(BRIDGE, "Elbe", "LOC"))
    assert [i.what for i in disagreements(project)] == ["versions of maria, jonas, lea disagree"]


def test_each_kind_is_read_with_a_limit(project: Project) -> None:
    for n in range(3):
        article = project.add_article(ArticleDraft(text=MEETING + f" {n}", title=f"T{n}"))
        for who, label in (("maria", "LOC"), ("jonas", "ORG")):
            session = Session(project, who)
            session.add_span(article, Layer.ENTITY, at(MEETING, "Dresden", label))
            session.set_status(article, Status.DONE)
    assert [i.title for i in disagreements(project, limit=2)] == ["T0", "T1"]
    assert len(disagreements(project)) == 3


def test_a_change_reads_only_its_articles_and_gives_the_whole_queue(project: Project,
                                                                     monkeypatch) -> None:
    """``updated`` after each change the sessions make (maria's, jonas's, gold's, an undo)
    equals the queue read afresh, and reads the article kinds of the touched articles only."""
    ids = fill(project)
    maria, jonas, gold = (Session(project, who) for who in ("maria", "jonas", "gold"))
    heard: list[Changes] = []
    for session in (maria, jonas, gold):
        session.changed.connect(heard.append)
    items = first = review_items(project, "maria")
    read: list[object] = []
    real = review_queue.disagreeing_done
    monkeypatch.setattr(review_queue, "disagreeing_done",
                        lambda db, limit, articles=None: read.append(articles) or real(
                            db, limit, articles))
    regrouped: list[int] = []
    reread = review_queue.disputes
    monkeypatch.setattr(review_queue, "disputes",
                        lambda *a: regrouped.append(1) or reread(*a))
    steps = [  # (the change, whether the disputes are read again)
        (lambda: maria.reject(ids["Brücke"], project.suggestions(ids["Brücke"])), False),
        (lambda: jonas.add_span(ids["Brücke"], Layer.ENTITY, at(BRIDGE, "Elbe", "ORG")), False),
        (lambda: jonas.set_status(ids["Brücke"], Status.DONE), False),  # a second disagreement
        (lambda: maria.set_status(ids["Treffen"], Status.IN_PROGRESS), False),  # none there
        (maria.undo, False),  # and it comes back
        (lambda: gold.set_status(ids["Treffen"], Status.DONE), False),  # adjudicated
        (lambda: jonas.set_status(ids["Brücke"], Status.IN_PROGRESS), False),
        (lambda: maria.add_span(ids["Vertrag 1"], Layer.ENTITY, at(SIGNED[0], "Dresden", "LOC")),
         True),  # an article with a grouped claim
        (lambda: maria.delete_spans(project.annotations(ids["Vertrag 2"], Layer.CLAIM,
                                                        annotator="maria")), True),  # no dispute
    ]
    for n, (step, regroups) in enumerate(steps):
        assert step(), n
        changes = heard.pop()
        assert changes.articles
        read.clear()
        regrouped.clear()
        items = updated(items, project, "maria", changes)
        assert read == [changes.articles] and bool(regrouped) is regroups, n
        assert items == review_items(project, "maria"), n
    assert items == []
    read.clear()  # a change of the whole project (no articles, e.g. a source merge): all again
    assert updated(first, project, "maria", Changes()) == [] and read == [None]
