"""The sentence index: built at import and lazily, kept up to date, cached beside the project."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from annotator.app.importing import import_files
from annotator.app.matching import Matcher, ensure_sentences, matcher_for
from annotator.app.zones import kept_sentences, zones_of
from annotator.core.model import ArticleDraft, Layer, Span
from annotator.core.spans import sentence_around
from annotator.nlp.lexical import LexicalIndex, vectorize
from annotator.nlp.match_features import fold
from annotator.nlp.sentences import split_sentences
from annotator.store import Project

SAMPLE = Path(__file__).parents[1] / "annotator" / "resources" / "sample"
FIRST = ("Vertrag unterzeichnet\n\nDeutschland und Tschechien haben am Mittwoch in Dresden den "
         "Vertrag unterzeichnet. Er gilt 40 Jahre. 🇩🇪🤝🇨🇿 Die Elbe kennt keine Grenzen.")
SECOND = ("Andere Sicht\n\nDer Vertrag wurde am Donnerstag in Prag unterzeichnet. Die Laufzeit "
          "beträgt 45 Jahre.")
THIRD = "Fußball\n\nIm Derby gewann Radebeul mit 2:1 gegen Coswig."


def test_split_sentences_code_points_and_german_rules() -> None:
    text = "Am 24. Oktober kam Dr. Müller 🇩🇪. Er sagte: „Ja!“ Dann ging er.\n\nNeu"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Am 24. Oktober kam Dr. Müller 🇩🇪.", "Er sagte: „Ja!“", "Dann ging er.", "Neu"]
    assert split_sentences("") == [] and split_sentences("  \n ") == []


def split_sentences_slow(text: str) -> list[tuple[int, int]]:
    """The same bounds by calling ``sentence_around`` left to right: the reference."""
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        start, end = sentence_around(text, pos)
        start, end = max(start, pos), max(end, pos + 1)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        pos = max(end, pos + 1)
    return out


def test_one_pass_splitter_agrees_with_sentence_around() -> None:
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert split_sentences(text) == split_sentences_slow(text), path.name


def test_import_builds_the_sentence_index(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, sorted(SAMPLE.glob("*.txt")))
        store = project.matching
        assert store.articles_without_sentences() == []
        for article_id in report.imported:
            text = project.article(article_id).text
            sentences = store.sentences(article_id=article_id)
            # sentences of the parts readers keep: none in a teaser or a credit, none across
            # a zone's edge
            assert [(s.start, s.end) for s in sentences] == kept_sentences(
                text, zones_of(project, article_id))
            assert all(s.text == text[s.start:s.end] for s in sentences)  # substr = code points
        emoji = [s for s in store.sentences() if "🇩🇪" in s.text]
        assert emoji, "article 06 quotes an X post with non-BMP emoji"


def test_older_projects_get_sentences_lazily(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        ids = [project.add_article(ArticleDraft(text=t)) for t in (FIRST, SECOND)]
        store = project.matching
        assert store.articles_without_sentences() == ids
        found = matcher_for(project).candidates(project, "Vertrag am Mittwoch", ids[0])
        assert store.articles_without_sentences() == []
        assert found and all(c.article_id == ids[1] for c in found)
        assert ensure_sentences(project) == 0


def test_lexical_index_is_sklearn_tfidf_and_the_budget_keeps_the_best_exact() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [s for p in sorted(SAMPLE.glob("*.txt"))
             for s in (p.read_text(encoding="utf-8")[a:b] for a, b in split_sentences(
                 p.read_text(encoding="utf-8")))]
    index = LexicalIndex()
    index.add(range(len(texts)), [0] * len(texts), vectorize(texts))
    query = "Die Laufzeit des Abkommens beträgt 40 Jahre."
    reference = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), preprocessor=fold,
                                binary=True)
    matrix = reference.fit_transform(texts)
    expected = (matrix @ reference.transform([query]).T).toarray().ravel()
    exact = index.scores(query)
    assert np.abs(exact - expected).max() < 0.005  # hashing collisions only
    best = np.argsort(-exact)[:10]
    budgeted = index.scores(query, pool=50, budget=2000)  # most n-grams skipped, then added back
    assert np.allclose(budgeted[best], exact[best])
    restored = LexicalIndex.from_arrays(index.arrays())
    assert np.allclose(restored.scores(query), exact)
    restored.keep(np.arange(len(texts)) % 2 == 0)
    assert len(restored) == (len(texts) + 1) // 2


def test_index_follows_new_and_deleted_articles_and_uses_its_cache(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        first = project.add_article(ArticleDraft(text=FIRST))
        project.add_article(ArticleDraft(text=THIRD))
        matcher = matcher_for(project)
        assert not [c for c in matcher.candidates(project, "Vertrag in Prag", first)
                    if "Prag" in c.text]
        second = import_files(project, [_write(tmp_path / "b.txt", SECOND)]).imported[0]
        found = matcher.candidates(project, "Der Vertrag wurde in Prag unterzeichnet", first)
        assert found[0].article_id == second and "Prag" in found[0].text
        assert matcher.cache is not None and matcher.cache.exists()
        # A new process (a fresh Matcher) starts from the cache and ranks the same.
        fresh = Matcher(path)
        again = fresh.candidates(project, "Der Vertrag wurde in Prag unterzeichnet", first)
        assert [(c.article_id, c.start) for c in again] == [(c.article_id, c.start)
                                                              for c in found]
        with project.transaction():
            project.db.execute("DELETE FROM articles WHERE id = ?", [second])
        gone = matcher.candidates(project, "Der Vertrag wurde in Prag unterzeichnet", first)
        assert all(c.article_id != second for c in gone)


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        first = project.add_article(ArticleDraft(text=FIRST))
        project.add_article(ArticleDraft(text=SECOND))
        Path(f"{path}.match-index.npz").write_bytes(b"not an npz file")
        found = Matcher(path).candidates(project, "Vertrag unterzeichnet", first)
        assert found and found[0].article_id == 2


def test_a_sentence_under_a_claim_is_shown_as_the_claim(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        first = project.add_article(ArticleDraft(text=FIRST))
        second = project.add_article(ArticleDraft(text=SECOND))
        start = SECOND.index("Der Vertrag wurde")
        claim = project.add_annotation(second, Layer.CLAIM, Span(start, start + 30, "CLAIM"),
                                       "maria")
        found = matcher_for(project).candidates(project, "Vertrag am Donnerstag in Prag",
                                                first, top=5)
        kinds = {(c.kind, c.annotation_id) for c in found}
        assert ("claim", claim) in kinds
        assert not [c for c in found if c.kind == "sentence" and c.start <= start < c.end]


@pytest.mark.parametrize("method", ["tfidf", "rapidfuzz"])
def test_candidates_have_parts_shared_words_and_offsets(tmp_path: Path, method: str) -> None:
    with Project.open(tmp_path / "p.db") as project:
        first = project.add_article(ArticleDraft(text=FIRST))
        project.add_article(ArticleDraft(text=SECOND))
        found = matcher_for(project).candidates(project, "Der Vertrag gilt 40 Jahre.", first,
                                                method=method)
        assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
        for c in found:
            assert c.text == project.article(c.article_id).text[c.start:c.end]
            assert c.parts and c.method == method
        assert "Vertrag" in found[0].shared


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
