"""Canonical sources: kind guessing, name normalising, merge candidates and mention groups."""

from __future__ import annotations

import pytest

from annotator.nlp.sources import (
    SOURCE_KINDS,
    group_mentions,
    guess_kind,
    merge_candidates,
    normalise_name,
)

KINDS = [
    ("Berger", "PER", "person"),
    ("Anna Berger", None, "person"),
    ("dpa", None, "agency"),
    ("AFP", "ORG", "agency"),
    ("Reuters", "ORG", "agency"),
    ("ddp-Nachrichten", None, "agency"),
    ("Mitteleuropäischer Pressedienst", "ORG", "agency"),
    ("Prager Tageskurier", "ORG", "newspaper"),
    ("die Zeitung «Prager Tageskurier»", None, "newspaper"),
    ("Elbtal-Bote", "ORG", "newspaper"),
    ("Nordelbische Allgemeine", "ORG", "newspaper"),
    ("Rheinische Rundschau", None, "newspaper"),
    ("Hauptstadt-Depesche", None, "newspaper"),
    ("Die Wochenwarte", None, "newspaper"),
    ("aus Regierungskreisen", None, "anonymous"),
    ("Regierungskreise", None, "anonymous"),
    ("ein hochrangiger Beamter, der nicht namentlich genannt werden wollte", None, "anonymous"),
    ("ein Insider", None, "anonymous"),
    ("BND", "ORG", "intelligence"),
    ("Bundesamt für Verfassungsschutz", "ORG", "intelligence"),
    ("der Geheimdienst", None, "intelligence"),
    ("Bundesumweltministerium", "ORG", "government"),
    ("Bundesregierung", "ORG", "government"),
    ("die Ministerin", None, "government"),
    ("Ein Sprecher des tschechischen Agrarministeriums", None, "government"),
    ("Bündnis Lebendige Elbe", "ORG", "organisation"),
    ("Arbeitsgemeinschaft Elbanrainer", None, "organisation"),
    ("Greenpeace", "ORG", "organisation"),
    ("Der Abgeordnete", None, "person"),
    ("Artikel 15", None, "other"),
]


@pytest.mark.parametrize(("name", "label", "kind"), KINDS)
def test_guess_kind(name: str, label: str | None, kind: str) -> None:
    assert guess_kind(name, label) == kind
    assert kind in SOURCE_KINDS


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("Bundesumweltministerin Anna Berger", "Anna Berger"),
        ("Staatssekretär Markus Lenhardt", "Markus Lenhardt"),
        ("Ministeriumssprecherin Claudia Rehfeld", "Claudia Rehfeld"),
        ("Dr. Anna Berger", "Anna Berger"),
        ("Prof. Dr. Friederike Hain", "Friederike Hain"),
        ("der tschechische Umweltminister Ondřej Kratochvíl", "Ondřej Kratochvíl"),
        (
            "Die Sprecherin des tschechischen Umweltministeriums, Jana Procházková",
            "Jana Procházková",
        ),
        ("Innenministerin Petra Hoffmann (SPD)", "Petra Hoffmann"),
        ("des Bundesumweltministeriums", "Bundesumweltministerium"),
        ("die Zeitung «Prager Tageskurier»", "Prager Tageskurier"),
        ("die Ministerin", "Ministerin"),
    ],
)
def test_normalise_name(name: str, normal: str) -> None:
    assert normalise_name(name) == normal


def test_genitive_s_is_dropped_only_where_the_base_exists() -> None:
    assert normalise_name("Bergers", ["Anna Berger"]) == "Berger"
    assert normalise_name("Prager Tageskuriers", ["Prager Tageskurier"]) == "Prager Tageskurier"
    assert normalise_name("Reuters") == "Reuters"
    assert normalise_name("Reuters", ["Anna Berger"]) == "Reuters"


CANONICAL = [
    (1, "Anna Berger", ["Bundesumweltministerin"]),
    (2, "Markus Lenhardt", ["Staatssekretär Lenhardt"]),
    (3, "Claudia Rehfeld", []),
    (4, "Prager Tageskurier", ["Tageskurier"]),
    (5, "dpa", ["Deutsche Presse-Agentur"]),
]


@pytest.mark.parametrize(
    ("mention", "best", "reason"),
    [
        ("Anna Berger", 1, "exact"),
        ("Deutsche Presse-Agentur", 5, "alias"),
        ("Berger", 1, "last name"),
        ("Bundesumweltministerin Anna Berger", 1, "title-stripped"),
        ("die Ministerin", 1, "role"),
        ("der Staatssekretär", 2, "role"),
        ("des Prager Tageskuriers", 4, "title-stripped"),
        ("Claudia Rehfeldt", 3, "fuzzy"),
    ],
)
def test_merge_candidates(mention: str, best: int, reason: str) -> None:
    ranked = merge_candidates(mention, CANONICAL)
    assert ranked, mention
    cid, score, why = ranked[0]
    assert (cid, reason in why) == (best, True), ranked
    assert 0 < score <= 1
    assert [r[1] for r in ranked] == sorted((r[1] for r in ranked), reverse=True)


def test_merge_candidates_ranks_and_limits() -> None:
    canonical = [(1, "Anna Berger", []), (2, "Thomas Berger", []), (3, "Kratochvíl", [])]
    ranked = merge_candidates("Berger", canonical, top=3)
    assert {r[0] for r in ranked} == {1, 2}
    assert len(merge_candidates("Berger", canonical, top=1)) == 1
    assert merge_candidates("Greenpeace", canonical) == []
    assert merge_candidates("Kratochvil", canonical)[0][0] == 3  # accents folded


def test_group_mentions_of_one_and_many_articles() -> None:
    mentions = [
        "Berger",
        "Anna Berger",
        "Bundesumweltministerin Anna Berger",
        "die Ministerin",
        "dpa",
        "Ondřej Kratochvíl",
        "Umweltminister Ondrej Kratochvil",
        "Kratochvíl",
        "Prager Tageskurier",
        "des Prager Tageskuriers",
        "aus Regierungskreisen",
        "Regierungskreisen",
        "Bundesministerium für Umwelt (BMUV)",
        "BMUV",
    ]
    groups = [[mentions[i] for i in g] for g in group_mentions(mentions)]
    assert [
        "Berger",
        "Anna Berger",
        "Bundesumweltministerin Anna Berger",
        "die Ministerin",
    ] in groups
    assert ["dpa"] in groups
    assert ["Ondřej Kratochvíl", "Umweltminister Ondrej Kratochvil", "Kratochvíl"] in groups
    assert ["Prager Tageskurier", "des Prager Tageskuriers"] in groups
    assert ["aus Regierungskreisen", "Regierungskreisen"] in groups
    assert ["Bundesministerium für Umwelt (BMUV)", "BMUV"] in groups
    assert sorted(i for g in group_mentions(mentions) for i in g) == list(range(len(mentions)))


def test_ambiguous_last_names_and_roles_stay_apart() -> None:
    mentions = [
        "Anna Berger",
        "Thomas Berger",
        "Berger",
        "Ministerin Eva Roth",
        "Ministerin Anna Berger",
        "die Ministerin",
    ]
    groups = [[mentions[i] for i in g] for g in group_mentions(mentions)]
    assert ["Berger"] in groups and ["die Ministerin"] in groups
    assert ["Anna Berger", "Ministerin Anna Berger"] in groups
    assert group_mentions([]) == []
