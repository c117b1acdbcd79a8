"""The overview's figures without a window: done per day and annotator, annotations per layer
and label, claims per outlet and source, what waits for a decision."""

from __future__ import annotations

from annotator.app.overview import (
    OTHERS,
    STANCE,
    VALUE,
    Overview,
    disputed_on,
    done_series,
    read_overview,
    top,
)
from annotator.app.review_queue import Kind
from annotator.app.session import Session
from annotator.core.model import ArticleDraft, ClaimGroup, GroupMember, Layer, Span, Status
from annotator.core.values import ClaimValue
from annotator.store import Project
from annotator.store.overview_reads import NO_OUTLET, NO_SOURCE

TEXTS = [  # outlet, text
    ("Elbtal-Bote", "Laut Anna Berger wurde der Vertrag am Mittwoch in Dresden unterzeichnet."),
    ("ddp", "Der Vertrag wurde am Donnerstag in Prag unterzeichnet, sagte Jana Novak."),
    ("ddp", "Anna Berger sagte, der Vertrag gelte 40 Jahre."),
    (None, "Ein Artikel ohne Zeitung und ohne Behauptung."),
]


def at(text: str, part: str, label: str) -> Span:
    return Span(text.index(part), text.index(part) + len(part), label)


def fill(project: Project) -> dict[str, int]:
    """Four articles; maria marks three claims, links two to sources (Anna Berger twice, once
    in each article she is named in), groups the weekdays (disputed) and is done with three
    articles; jonas is done with one and marks a person there."""
    ids = {f"a{n}": project.add_article(ArticleDraft(text=text, title=f"Artikel {n}",
                                                     outlet=outlet, published="2024-10-24"))
           for n, (outlet, text) in enumerate(TEXTS, 1)}
    maria, jonas = Session(project, "maria"), Session(project, "jonas")
    claims = {}
    for n, (_outlet, text) in enumerate(TEXTS[:3], 1):
        made = maria.add_span(ids[f"a{n}"], Layer.CLAIM, Span(0, len(text) - 1, "CLAIM"))
        assert made is not None
        claims[n] = made.id
    for n, name in ((1, "Anna Berger"), (3, "Anna Berger")):
        mention = maria.add_span(ids[f"a{n}"], Layer.SOURCE, at(TEXTS[n - 1][1], name, "SOURCE"))
        assert mention is not None
        assert maria.assign_source(ids[f"a{n}"], [mention.id],
                                   project.claims.source_by_name(name).id
                                   if project.claims.source_by_name(name) else None,
                                   None if project.claims.source_by_name(name)
                                   else (name, "person", [name]))
        assert maria.link_claim(ids[f"a{n}"], claims[n], mention.id)
    assert maria.group_claims(ids["a1"], None, "Wochentag", [(claims[1], "Mittwoch"),
                                                             (claims[2], "Donnerstag")])
    for n in (1, 2, 3):
        assert maria.set_status(ids[f"a{n}"], Status.DONE)
    jonas.add_span(ids["a2"], Layer.ENTITY, at(TEXTS[1][1], "Jana Novak", "PER"))
    assert jonas.set_status(ids["a2"], Status.DONE)
    return ids


def test_counts_of_a_small_project(project: Project) -> None:
    fill(project)
    view = read_overview(project, "maria")
    today = view.done[0][0]
    assert view.done == [(today, "maria", 3), (today, "jonas", 1)]
    assert view.annotators() == ["maria", "jonas"]
    assert view.annotations == [("claim", "CLAIM", 3), ("entity", "PER", 1),
                                ("source", "SOURCE", 2)]
    assert view.outlets == [("ddp", 2), ("Elbtal-Bote", 1)]
    assert view.sources == [("Anna Berger", 2), (NO_SOURCE, 1)]
    assert view.open_items == {Kind.DISPUTE: 1, Kind.DISAGREEMENT: 1,  # article 2
                               Kind.OPEN_SUGGESTIONS: 0}
    assert view.disputed_on == {VALUE: 1}  # the values stated as text: Mittwoch, Donnerstag


def test_done_per_day_by_the_day_a_version_was_set_done(project: Project) -> None:
    ids = fill(project)
    for aid, day in ((ids["a1"], "2024-11-02T09:00:00+00:00"),
                     (ids["a2"], "2024-11-04T17:30:00+00:00")):
        project.db.execute("UPDATE versions SET status_changed_at = ? WHERE article_id = ?",
                           [day, aid])
    view = read_overview(project, "maria")
    assert view.done[:3] == [("2024-11-02", "maria", 1), ("2024-11-04", "maria", 1),
                             ("2024-11-04", "jonas", 1)]
    days, series = done_series(view)
    assert days[:3] == ["2024-11-02", "2024-11-03", "2024-11-04"]  # a day without: a zero
    assert series["maria"][:3] == [1, 0, 1] and series["jonas"][:3] == [0, 0, 1]
    assert sum(series["maria"]) == 3 and len(days) == len(series["jonas"])


def test_a_version_set_back_is_not_done_and_the_imported_layer_is_nobody(project: Project
                                                                         ) -> None:
    ids = fill(project)
    assert Session(project, "jonas").set_status(ids["a2"], Status.IN_PROGRESS)
    view = read_overview(project, "maria")
    assert [(who, n) for _day, who, n in view.done] == [("maria", 3)]
    assert done_series(Overview()) == ([], {})


def test_claims_without_outlet_and_the_rest_as_others(project: Project) -> None:
    ids = fill(project)
    Session(project, "maria").add_span(ids["a4"], Layer.CLAIM, Span(0, 10, "CLAIM"))
    assert (NO_OUTLET, 1) in read_overview(project, "maria").outlets
    counts = [(f"Zeitung {n}", 20 - n) for n in range(15)]
    assert top(counts, 12) == [*counts[:12], (OTHERS, 8 + 7 + 6)]
    assert top(counts[:3], 12) == counts[:3]


def member(n: int, value: str = "", stance: str = "",
           values: tuple[ClaimValue, ...] | None = None) -> GroupMember:
    return GroupMember(annotation_id=n, article_id=n, start=0, end=1, text="x", value=value,
                       stance=stance, article_title="", outlet=None, published="2024-10-24",
                       source=None, values=values)


def test_what_a_disputed_group_disagrees_on() -> None:
    wed, thu = ClaimValue("weekday", "Mittwoch"), ClaimValue("weekday", "Donnerstag")
    dresden, prag = ClaimValue("place", "dresden"), ClaimValue("place", "prag")
    typed = ClaimGroup(1, "t", members=(member(1, values=(wed, dresden)),
                                        member(2, values=(thu, dresden)),
                                        member(3, values=(wed, prag))))
    assert disputed_on(typed) == ["day", "place"]
    stances = ClaimGroup(2, "t", members=(member(1, "40", "supports"),
                                          member(2, "40", "refutes")))
    assert disputed_on(stances) == [STANCE]
    agreed = ClaimGroup(3, "t", members=(member(1, "Mittwoch"), member(2, " mittwoch")))
    assert disputed_on(agreed) == [] and not agreed.disputed
