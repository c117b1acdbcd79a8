"""The agreement window: opened by its key, computed in the background, the heatmap and the
articles worst first, layers and figures by key, Enter opens the article in the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from annotator.core.model import Layer, Span, Status
from annotator.store import Project
from annotator.ui.agreement_models import ArticleIdRole, ValueRole
from annotator.ui.agreement_window import AgreementWindow
from tests.conftest import show_window
from tests.test_agreement import (
    LANDTAG,
    article,
    entity,
    three_annotators,
    two_annotators,
    version,
)

Key, Mod = Qt.Key, Qt.KeyboardModifier


def open_agreement(qtbot, project: Project):
    """The main window, then Ctrl+Shift+A; returns both once the figures are in."""
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    window = win.findChild(AgreementWindow)
    assert window is not None and window.isVisible()
    if window.figures is None:
        with qtbot.waitSignal(window.computed, timeout=30_000):
            pass
    return win, window


def cell(window: AgreementWindow, row: str, column: str) -> float:
    model = window.heatmap
    return model.index(model.rows.index(row), model.columns.index(column)).data(ValueRole)


def test_the_window_shows_the_heatmap_and_the_worst_article_first(qtbot,
                                                                   project: Project) -> None:
    meeting = two_annotators(project)  # alpha 8/13 ≈ 0.615, cem has no version
    minister = three_annotators(project)  # alpha 9/13 ≈ 0.692
    win, window = open_agreement(qtbot, project)
    assert "anna, ben, cem · 2 articles compared · layer entity" in window.status.text()
    assert window.heatmap.rows == ["all labels", "LOC", "ORG", "PER"]
    assert window.heatmap.columns == ["anna & ben", "anna & cem", "ben & cem", "all (alpha)"]
    # exact F1 of anna & cem: only the minister article, no span the same (test_agreement)
    assert cell(window, "all labels", "anna & cem") == 0.0
    # alpha over both articles: 85/127 (worked out in test_agreement)
    assert cell(window, "all labels", "all (alpha)") == pytest.approx(85 / 127)
    articles = window.articles
    assert [articles.index(r, 0).data(ArticleIdRole) for r in range(2)] == [meeting, minister]
    assert articles.index(0, 6).data(ValueRole) == pytest.approx(8 / 13)
    assert articles.index(0, 2).data() == "anna, ben"

    qtbot.keyClick(window.article_view, Key.Key_F)  # the heatmap shows relaxed F1
    assert cell(window, "all labels", "anna & cem") == pytest.approx(0.5)
    assert "heatmap: relaxed F1" in window.status.text()
    qtbot.keyClick(window.article_view, Key.Key_F)  # then kappa
    assert cell(window, "PER", "anna & ben") == pytest.approx(
        window.figures.layers["entity"].kappa_all[0, 3])
    qtbot.keyClick(window.article_view, Key.Key_S)  # sorted by exact F1 next
    # pooled over the pairs: meeting 2·1/(3+3) = 1/3; minister 2·(2+0+0)/(4+4+4) = 1/3 too:
    # a tie keeps the article order
    assert articles.sorted_by == 3 and "articles by exact F1" in window.status.text()
    assert [(articles.index(r, 3).data(ValueRole), articles.index(r, 0).data(ArticleIdRole))
            for r in range(2)] == [(pytest.approx(1 / 3), meeting), (pytest.approx(1 / 3),
                                                                      minister)]
    for _ in range(2):  # relaxed F1, then the mean kappa: minister (1 + 2·19/37)/3
        qtbot.keyClick(window.article_view, Key.Key_S)
    assert articles.index(1, 5).data(ValueRole) == pytest.approx((1 + 2 * 19 / 37) / 3)

    assert win.current_article == meeting  # the main window opened the first article
    window.article_view.setCurrentIndex(articles.index(1, 0))
    qtbot.keyClick(window.article_view, Key.Key_Return)
    assert win.current_article == minister


def test_layers_by_key(qtbot, project: Project) -> None:
    minister = three_annotators(project)
    for who in ("anna", "ben"):  # a claim each (in their versions, done): the claim layer too
        project.add_annotation(minister, Layer.CLAIM, Span(0, 52, "CLAIM"), who)
    _win, window = open_agreement(qtbot, project)
    assert window.layer == "entity"
    qtbot.keyClick(window.article_view, Key.Key_L)
    assert window.layer == "claim" and window.heatmap.rows == ["all labels", "CLAIM"]
    assert cell(window, "CLAIM", "anna & ben") == 1.0
    # cem has a version of the article (entities) and marked no claim: F1 2·0/(1+0) = 0
    assert cell(window, "CLAIM", "anna & cem") == 0.0
    qtbot.keyClick(window.article_view, Key.Key_L)
    assert window.layer == "entity"  # only the layers somebody annotated


def test_too_few_annotators_is_said(qtbot, project: Project) -> None:
    _win, window = open_agreement(qtbot, project)
    assert window.status.text().startswith("No agreement: agreement needs two annotators")


def test_the_window_picture(qtbot, project: Project, tmp_path) -> None:
    two_annotators(project)
    three_annotators(project)
    _win, window = open_agreement(qtbot, project)
    window.resize(900, 560)
    qtbot.wait(10)
    picture = window.grab()
    assert picture.save(str(tmp_path / "agreement.png"))
    heat = window.heat_view
    rect = heat.visualRect(window.heatmap.index(0, 1))  # anna & cem: 0, painted red
    at = heat.viewport().mapTo(window, QPoint(rect.left() + 3, rect.center().y()))
    color = picture.toImage().pixelColor(at)
    assert color.red() > color.green()


def test_versions_in_progress_by_key(qtbot, project: Project) -> None:
    minister = three_annotators(project)  # everyone's version done
    landtag = article(project, LANDTAG)
    for who in ("anna", "ben"):
        version(project, landtag, who, status=Status.IN_PROGRESS)
        entity(project, landtag, 4, 11, "ORG", who)
    _win, window = open_agreement(qtbot, project)
    assert window.articles.rowCount() == 1 and "versions done" in window.status.text()
    with qtbot.waitSignal(window.computed, timeout=30_000):
        qtbot.keyClick(window.article_view, Key.Key_I)
    assert "versions done or in progress" in window.status.text()
    assert sorted(window.articles.index(r, 0).data(ArticleIdRole) for r in range(2)) == \
        [minister, landtag]
    with qtbot.waitSignal(window.computed, timeout=30_000):
        qtbot.keyClick(window.article_view, Key.Key_I)
    assert window.articles.rowCount() == 1
