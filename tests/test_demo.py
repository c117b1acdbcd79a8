"""The demo project: the sample corpus in file order, claims with sources and attributions in
the imported layer every annotator starts from, one disputed claim group, a colleague's done
work; a new annotator's window shows the dispute and the overview has data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.app.claim_values import found_in
from annotator.app.overview import read_overview
from annotator.app.review_queue import Kind, review_items
from annotator.app.samples import ANNOTATED, DEMO_ANNOTATOR, GROUP, build_demo, sample_corpus_dir
from annotator.core.model import Layer, Status
from annotator.core.names import ATTRIBUTED_TO
from annotator.store import Project
from annotator.ui.overview_window import OverviewWindow
from tests.conftest import show_window

NEWCOMER = "tester"  # an annotator who never opened the project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    project = Project.open(path)
    report = build_demo(project, suggest=False)
    project.close()
    assert (report.imported, report.failed) == (list(range(1, 12)), [])
    return path


@pytest.fixture
def demo(built: Path, tmp_path: Path):
    copy = tmp_path / "demo.db"
    shutil.copy(built, copy)
    project = Project.open(copy)
    yield project
    project.close()


def test_articles_in_the_order_of_their_files(demo: Project) -> None:
    files = sorted(p.name for p in sample_corpus_dir().glob("*.txt"))
    ids = [demo.article_ids_by_source(name) for name in files]
    assert ids == [[n] for n in range(1, len(files) + 1)]
    first = demo.article(1)
    assert (first.outlet, first.published) == ("Elbtal-Bote", "2024-10-23")


def test_a_newcomer_sees_one_disputed_group_about_the_weekday(demo: Project) -> None:
    (group,) = demo.claims.groups(disputed_only=True, annotator=NEWCOMER)
    assert group.title == GROUP[0]
    assert [(m.article_id, m.value) for m in group.members] == [
        (1, "Mittwoch"), (2, "Mittwoch"), (3, "Mittwoch"), (4, "Donnerstag")]
    assert group.members[2].source == "Bundesumweltministerium"
    assert [i.kind for i in review_items(demo, NEWCOMER)] == [Kind.DISPUTE]


def test_claims_sources_and_attributions(demo: Project) -> None:
    registry = {s.name: s.kind for s in demo.claims.sources()}
    assert registry == {"Anna Berger": "person", "Claudia Rehfeld": "person",
                        "Bundesumweltministerium": "government", "Bundesregierung": "government"}
    claims = [c for a in range(1, 5) for c in demo.annotations(a, Layer.CLAIM, annotator=NEWCOMER)]
    assert len(claims) == sum(len(p["claims"]) for p in ANNOTATED.values()) == 8
    cues = sorted(lk.attrs["cue"] for c in claims for lk in demo.links_of(c.id)
                  if lk.kind == ATTRIBUTED_TO)
    assert cues == ["betonte", "kündigte an", "mitteilte", "nach Angaben", "sagte"]
    # each stored value is one the app finds in the claim's text; a place is found only where
    # an entity marks it (no model ran here), so a place is its words, folded
    for c in claims:
        found = [f.value.to_json() for f in found_in(demo, c.article_id, c.start, c.end)]
        said = demo.article(c.article_id).text[c.start:c.end]
        for v in c.attrs.get("values", []):
            assert v in found if v["slot"] != "place" else (
                v["text"] in said and v["value"] == v["text"].casefold()), (c, v)
    assert sum(len(c.attrs.get("values", [])) for c in claims) == 7


def test_the_colleague_is_done_with_two_articles(demo: Project) -> None:
    done = [a for a in range(1, 12) if demo.version_status(a, DEMO_ANNOTATOR) is Status.DONE]
    assert done == [10, 11]
    assert len(demo.annotations(10, Layer.ENTITY, annotator=DEMO_ANNOTATOR)) == 3
    assert demo.version_status(1, NEWCOMER) is Status.NEW  # nothing of theirs yet


def test_a_second_colleague_disagrees_and_the_gold_version_decided(demo: Project) -> None:
    """kai also marked the derby's two clubs: the agreement has a pair to compare, and the
    gold version (done) took kai's side, so nothing waits for adjudication."""
    from annotator.app.adjudication import next_to_adjudicate
    from annotator.app.agreement import measure
    from annotator.app.samples import SECOND_COLLEAGUE
    from annotator.core.names import GOLD_ANNOTATOR

    assert [a for a in range(1, 12) if demo.version_status(a, SECOND_COLLEAGUE) is
            Status.DONE] == [10]
    agreement = measure(demo, layers=["entity"])
    assert agreement.annotators == [DEMO_ANNOTATOR, SECOND_COLLEAGUE]
    assert 0 < agreement.by_article("entity")["exact_f1"][0] < 1  # they differ on the clubs
    text = demo.article(10).text
    gold = sorted((text[a.start:a.end], a.label)
                  for a in demo.annotations(10, Layer.ENTITY, annotator=GOLD_ANNOTATOR))
    assert gold == sorted([("Tom Reichelt", "PER"), ("Rainer Pohl", "PER"),
                           ("Radebeul", "LOC"), ("FSV Lößnitztal 08", "ORG"),
                           ("Eintracht Meißen-Süd", "ORG")])
    assert demo.version_status(10, GOLD_ANNOTATOR) is Status.DONE
    assert next_to_adjudicate(demo, 0) is None


def test_every_chart_of_the_overview_has_data(demo: Project) -> None:
    view = read_overview(demo, NEWCOMER)
    assert sorted((who, n) for _day, who, n in view.done) == [
        (DEMO_ANNOTATOR, 2), ("gold", 1), ("kai", 1)]
    assert {layer for layer, _label, _n in view.annotations} == {"claim", "entity", "source"}
    assert view.outlets[0] == ("Elbtal-Bote", 3) and view.sources[0][1] >= 1
    assert view.open_items[Kind.DISPUTE] == 1
    assert view.disputed_on == {"day": 1, "place": 1}


def test_a_newcomers_window_shows_the_dispute_and_the_overview(qtbot, demo: Project) -> None:
    win = show_window(qtbot, demo)
    win.session.switch(NEWCOMER)
    qtbot.keyClick(win.view.text, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert win.disputes.isVisible() and win.disputes.current_group().title == GROUP[0]
    qtbot.keyClick(win.disputes.list, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    overview = win.findChild(OverviewWindow)
    qtbot.waitUntil(lambda: overview.heard is not None and overview.task is None)
    assert overview.status.text().startswith("4 versions done by 3 annotators · 8 claims · "
                                             "1 waiting for a decision")
