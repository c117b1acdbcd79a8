"""The lexical index at scale: hashing as scikit-learn, a streamed build that equals the index
built in memory, the cache on disk, and catching up that touches only what changed."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp import lexical_build, lexical_file, lexical_hash
from annotator.nlp.lexical import N_FEATURES, LexicalIndex, vectorize
from annotator.nlp.match_features import fold
from annotator.nlp.sentences import split_sentences

SAMPLE = Path(__file__).parents[1] / "annotator" / "resources" / "sample"
TEXTS = [t[a:b] for p in sorted(SAMPLE.glob("*.txt"))
         for t in [p.read_text(encoding="utf-8")] for a, b in split_sentences(t)]
QUERIES = ["Die Laufzeit des Abkommens beträgt 40 Jahre.",
           "Deutschland und Tschechien haben in Dresden unterzeichnet",
           "„Das Wasser der Elbe kennt keine Grenzen“, sagte Berger."]


def sklearn_rows(texts: list[str]):
    """The rows as scikit-learn's HashingVectorizer makes them: the definition."""
    from sklearn.feature_extraction.text import HashingVectorizer

    rows = HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), preprocessor=fold, alternate_sign=False,
        norm=None, binary=True, n_features=N_FEATURES, dtype=np.float32).transform(texts)
    rows.sort_indices()
    return rows


def same_rows(a, b) -> bool:
    return (a.shape == b.shape and np.array_equal(a.indptr, b.indptr)
            and np.array_equal(a.indices, b.indices) and np.all(a.data == 1)
            and np.all(b.data == 1))


def test_vectorize_is_scikit_learns_hashing_on_the_sample_corpus() -> None:
    assert same_rows(vectorize(TEXTS), sklearn_rows(TEXTS))
    assert same_rows(vectorize(TEXTS[:5]), sklearn_rows(TEXTS[:5]))  # from the word cache
    assert vectorize([]).shape == (0, N_FEATURES)
    assert same_rows(vectorize(["", "  \n", "ab"]), sklearn_rows(["", "  \n", "ab"]))


# Letters that fold changes (umlauts, ß, ẞ, accents, final sigma), marks that vanish, spaces of
# several kinds, and characters whose compatibility form contains a space (¨, ´, ¸).
ALPHABET = st.sampled_from(list("aBäÖüßẞéČçΣσς.,-:;1 \t\n\u00a0\u2003\u3000\u0301\u0308¨´¸ﬁ½"))


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=6))
def test_vectorize_is_scikit_learns_hashing_for_any_text(texts: list[str]) -> None:
    assert same_rows(vectorize(texts), sklearn_rows(texts))


def test_the_word_cache_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical_hash, "WORDS", 10)
    lexical_hash._WORDS.clear()
    for i in range(0, 200, 20):
        batch = TEXTS[i:i + 20]
        assert same_rows(vectorize(batch), sklearn_rows(batch))
        assert len(lexical_hash._WORDS) <= 10 + len({w for t in batch for w in t.split()})


# -- the streamed build -------------------------------------------------------------------------


def chunked(texts: list[str], size: int, first_key: int = 100):
    """A chunk source as the store gives it: keys, articles, spans, texts; and the sizes asked."""
    asked: list[int] = []

    def chunks() -> Iterator[tuple]:
        for i in range(0, len(texts), size):
            part = texts[i:i + size]
            asked.append(len(part))
            keys = list(range(first_key + i, first_key + i + len(part)))
            yield keys, [k // 10 for k in keys], [(0, len(t)) for t in part], part
    return chunks, asked


def in_memory(texts: list[str], first_key: int = 100) -> LexicalIndex:
    index = LexicalIndex()
    keys = list(range(first_key, first_key + len(texts)))
    index.add(keys, [k // 10 for k in keys], vectorize(texts), [(0, len(t)) for t in texts])
    index.refit()
    return index


def postings(index: LexicalIndex) -> dict[int, list[int]]:
    """Every feature's list, as the keys of its live rows (the build's and the delta's)."""
    index.refit()
    out: dict[int, list[int]] = {}
    features = set(index._features.tolist())
    if index.main is not None:
        features |= set(np.flatnonzero(np.diff(index.main.indptr)).tolist())
    for f in sorted(features):
        rows = np.concatenate([r.astype(np.int64) + base for r, base in index._lists(f)])
        keys = sorted(int(index.keys[r]) for r in rows if index.alive[r])
        if keys:
            out[f] = keys
    return out


def built(tmp_path: Path, texts: list[str], size: int = 50, first_key: int = 100,
          name: str = "index.postings", total: int | None = None) -> LexicalIndex:
    chunks, _ = chunked(texts, size, first_key)
    index = lexical_build.build(chunks, tmp_path / name, len(texts) if total is None else total)
    assert index is not None
    index.refit()
    return index


def test_a_streamed_build_equals_the_index_built_in_memory(tmp_path: Path) -> None:
    memory, disk = in_memory(TEXTS), built(tmp_path, TEXTS)
    assert np.array_equal(disk.keys, memory.keys) and np.array_equal(disk.spans, memory.spans)
    assert np.array_equal(disk.articles, memory.articles)
    assert postings(disk) == postings(memory)
    assert np.allclose(disk.idf, memory.idf) and np.allclose(disk.norms, memory.norms)
    for query in QUERIES:
        assert np.allclose(disk.scores(query), memory.scores(query))
        assert np.allclose(disk.scores(query, texts=lambda keys: [TEXTS[k - 100] for k in keys]),
                           memory.scores(query))


@pytest.mark.parametrize("size", [1, 7, 333, 5000])
def test_chunk_and_run_boundaries_do_not_change_the_build(tmp_path: Path, size: int,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    reference = built(tmp_path, TEXTS, name="reference.postings")
    monkeypatch.setattr(lexical_build, "RUN", 997)  # many runs, cut inside chunks' features
    index = built(tmp_path, TEXTS, size=size, total=size // 2)  # a count that was too low
    ref_bytes = (tmp_path / "reference.postings").read_bytes()[16:]
    assert (tmp_path / "index.postings").read_bytes()[16:] == ref_bytes  # 8-16: the build id
    assert np.array_equal(index.main.column("norms"), reference.main.column("norms"))
    assert np.array_equal(index.main.df, reference.main.df)


def test_the_build_reads_one_chunk_at_a_time_and_holds_no_list_over_cap(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical_file, "CAP", 20)
    monkeypatch.setattr(lexical_build, "CAP", 20)
    chunks, asked = chunked(TEXTS, 64)
    index = lexical_build.build(chunks, tmp_path / "i.postings", len(TEXTS))
    assert index is not None and max(asked) == 64 and sum(asked) == 2 * len(TEXTS)
    assert int(np.diff(index.main.indptr).max()) <= 20  # the common n-grams keep no list
    assert (index.main.df > 20).sum() > 100
    # Their weight comes back exactly for the pool, from the rows' texts.
    memory = in_memory(TEXTS)
    texts = lambda keys: [TEXTS[k - 100] for k in keys]  # noqa: E731
    for query in QUERIES:
        exact = memory.scores(query)
        best = np.argsort(-exact)[:5]
        found = index.scores(query, pool=50, texts=texts)
        assert np.allclose(found[best], exact[best])
        assert set(np.argsort(-found)[:5]) == set(best)


def test_a_cancelled_build_leaves_nothing_behind(tmp_path: Path) -> None:
    chunks, asked = chunked(TEXTS, 10)
    calls = iter(range(1000))
    assert lexical_build.build(chunks, tmp_path / "i.postings", len(TEXTS),
                               cancelled=lambda: next(calls) > 30) is None
    assert list(tmp_path.iterdir()) == []


def test_a_build_over_changing_sentences_is_refused(tmp_path: Path) -> None:
    passes = iter([0, 1])

    def chunks() -> Iterator[tuple]:
        first = 100 + next(passes)  # the second pass sees other sentences
        yield list(range(first, first + 3)), [1, 1, 1], [(0, 1)] * 3, TEXTS[:3]
    with pytest.raises(RuntimeError, match="changed"):
        lexical_build.build(chunks, tmp_path / "i.postings", 3)


# -- the build's rows read from its file ---------------------------------------------------------


def test_rows_read_from_the_build_file_give_what_rows_in_memory_give(tmp_path: Path) -> None:
    disk = built(tmp_path, TEXTS)
    gone = np.arange(len(TEXTS)) % 7 == 3
    disk.keep(~gone)
    memory = in_memory(TEXTS)  # every row in memory, the deleted ones too: they count in the IDF
    assert np.array_equal(disk.dead, np.flatnonzero(gone)) and len(disk) == (~gone).sum()
    assert np.array_equal(disk.alive, ~gone)
    texts = lambda keys: [TEXTS[(k - 100) % len(TEXTS)] for k in keys]  # noqa: E731
    for query in [*QUERIES, "Elbvertrag", "qxz"]:
        expected = memory.scores(query)
        expected[gone] = 0.0
        assert np.allclose(disk.scores(query), expected)
        assert np.allclose(disk.scores(query, texts=texts), expected)
        few = memory.scores(query, budget=40, pool=len(TEXTS))  # few rows scored: their norms
        few[gone] = 0.0
        assert np.allclose(disk.scores(query, budget=40, pool=len(TEXTS)), few)
    # Rows added since (the delta, in memory) follow the build's, read from its file.
    keys = list(range(100 + len(TEXTS), 150 + len(TEXTS)))
    disk.add(keys, [k // 10 for k in keys], vectorize(TEXTS[:50]), [(1, 2)] * 50)
    disk.refit()
    n = len(TEXTS) + 50
    expected = {"keys": np.arange(100, 100 + n), "articles": np.arange(100, 100 + n) // 10,
                "spans": np.array([(0, len(t)) for t in TEXTS] + [(1, 2)] * 50),
                "norms": np.concatenate([memory.norms, disk._norms])}  # the delta's: in memory
    for name, whole in expected.items():
        column = getattr(disk, name)
        assert len(column) == n and np.allclose(np.asarray(column), whole)
        for which in (0, -1, len(TEXTS) - 1, len(TEXTS), [5, n - 3, 2], np.arange(n) % 3 == 0,
                      slice(3, n - 9, 4), np.arange(n)):
            assert np.allclose(column[which], whole[which])
    with pytest.raises(IndexError):
        disk.keys[n]
    # A new session opens the same file and the saved delta: the same scores, to the bit.
    again = LexicalIndex.from_arrays(disk.arrays(), tmp_path / "index.postings")
    for query in QUERIES:
        assert np.array_equal(again.scores(query, texts=texts), disk.scores(query, texts=texts))


def test_the_build_file_is_closed_when_its_index_is_dropped(tmp_path: Path) -> None:
    index = built(tmp_path, TEXTS)
    file = index.main._file
    again = LexicalIndex.from_arrays(index.arrays(), tmp_path / "index.postings")
    second = again.main._file
    assert not file.closed and not second.closed
    del index, again
    gc.collect()
    assert file.closed and second.closed
    (tmp_path / "index.postings").unlink()  # nothing holds it (Windows refuses an open file)


def test_without_pread_the_file_is_read_by_seeking(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no os.pread: a build and its rows read from the file give the same."""
    expected = built(tmp_path, TEXTS, name="with.postings")
    monkeypatch.delattr(os, "pread")
    index = built(tmp_path, TEXTS, name="without.postings")
    assert postings(index) == postings(expected)
    for name in ("keys", "articles", "spans", "norms"):
        assert np.array_equal(np.asarray(getattr(index, name)),
                              np.asarray(getattr(expected, name)))
        assert np.array_equal(getattr(index, name)[[3, 1, 7]], getattr(expected, name)[[3, 1, 7]])
    for query in QUERIES:
        assert np.array_equal(index.scores(query), expected.scores(query))
