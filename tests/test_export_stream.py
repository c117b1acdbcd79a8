"""Exports stream: articles read in batches with a few queries, DocBins written shard by shard
into a folder per split that spaCy and our import read as one corpus, and still nothing
half-written when an export fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Corpus

# The project with every kind of annotation (astral characters in and around spans, claims
# in a group across articles) and spaCy's own training config.
from test_format_jsonl import FIRST, SECOND, build_project
from test_format_spacy import NAMES as MORE_NAMES
from test_format_spacy import PLACES, config, sentence_drafts, spacy_cli  # noqa: F401

from annotator.app.exporting import ExportError, ExportOptions, export_project, parse_split
from annotator.core.model import ArticleDraft, DocSpan, Layer, Status
from annotator.io import docbin, iter_import
from annotator.io.docbin import write_spacy_shards
from annotator.io.export_folder import MANIFEST
from annotator.store import Project, drafts
from annotator.store.datasets import AnnotatedImport, annotated_draft
from annotator.store.drafts import annotated_drafts

NAMES = ["𝔄𝔫𝔫𝔞 Berger", "Olaf Scholz", "Jürgen Maaß", "Zofia Wiśniewska", "Hanna Öztürk"]


def entity_draft(n: int) -> ArticleDraft:
    """An article with one person, an emoji before it and a flag after it."""
    name = NAMES[n % len(NAMES)]
    text = f"🎉 Meldung {n}: {name} 🇩🇪 sagte in Dresden, es gehe voran 😀."
    start = text.index(name)
    return ArticleDraft(text=text, title=f"Meldung {n}", status=Status.DONE, annotations=[
        DocSpan("T1", Layer.ENTITY, start, start + len(name), "PER"),
        DocSpan("T2", Layer.ENTITY, text.index("Dresden"), text.index("Dresden") + 7, "LOC")])


def docs_of(path: Path) -> list:
    return list(DocBin(store_user_data=True).from_disk(path).get_docs(spacy.blank("de").vocab))


def test_shards_hold_n_documents_and_the_rest_goes_to_the_next(tmp_path: Path) -> None:
    written: list[Path] = []

    def drafts_checking() -> Iterator[ArticleDraft]:
        for n in range(7):
            if n == 4:  # the first shard is on disk before the fifth article is read
                written.extend(sorted((tmp_path / "train").glob("*.spacy")))
            yield entity_draft(n)

    files = write_spacy_shards(drafts_checking(), tmp_path / "train", shard=3)
    assert [p.name for p in files] == ["000001.spacy", "000002.spacy", "000003.spacy"]
    assert [p.name for p in written] == ["000001.spacy"]
    assert [len(docs_of(p)) for p in files] == [3, 3, 1]
    titles = [d.user_data["annotator"]["meta"]["title"] for p in files for d in docs_of(p)]
    assert titles == [f"Meldung {n}" for n in range(7)]  # article order across shards
    exact = write_spacy_shards((entity_draft(n) for n in range(4)), tmp_path / "dev", shard=4)
    assert [len(docs_of(p)) for p in exact] == [4]  # N documents: one shard, no empty one
    more = write_spacy_shards((entity_draft(n) for n in range(5)), tmp_path / "test", shard=4)
    assert [len(docs_of(p)) for p in more] == [4, 1]  # N + 1: the one left over goes on
    nlp = spacy.blank("de")
    examples = list(Corpus(tmp_path / "train")(nlp))  # spaCy reads the folder as one corpus
    assert [ex.reference.text for ex in examples] == [entity_draft(n).text for n in range(7)]


def test_long_articles_fill_a_shard_before_n_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory holds one shard whatever the articles' length: a shard also ends at a number of
    tokens."""
    tokens = len(spacy.blank("de").make_doc(entity_draft(0).text))
    monkeypatch.setattr(docbin, "SHARD_TOKENS", 2 * tokens)  # two of these articles
    files = write_spacy_shards((entity_draft(n) for n in range(5)), tmp_path / "all", shard=4)
    assert [len(docs_of(p)) for p in files] == [2, 2, 1]


def test_no_article_gives_one_empty_shard(tmp_path: Path) -> None:
    (only,) = write_spacy_shards([], tmp_path / "test")
    assert only.name == "000001.spacy" and docs_of(only) == []


def test_spans_are_exact_and_empty_groups_are_left_out(tmp_path: Path) -> None:
    src, ids = build_project(tmp_path / "p.db")
    files = write_spacy_shards(annotated_drafts(src.db, ids), tmp_path / "all", shard=2)
    src.close()
    first, second, third = [d for p in files for d in docs_of(p)]
    assert [(e.text, e.start_char, e.end_char) for e in first.ents][0] == (
        "𝔄𝔫𝔫𝔞 Berger", FIRST.index("𝔄"), FIRST.index("𝔄") + 11)
    assert [e.text for e in first.ents][-1] == "🇩🇪"
    for doc in (first, second, third):
        records = doc.user_data["annotator"]["spans"].values()
        assert all(doc.text[r["start"]:r["end"]] for r in records)
        assert all(len(group) for group in doc.spans.values())  # no empty group written
    assert set(first.spans) == {"entities_overlapping", "claims", "sources"}
    assert set(second.spans) == {"claims", "sources"}
    assert set(third.spans) == set()  # entities only: no span group at all
    tag = second.spans["sources"][0]
    assert (tag.text, tag.start_char) == ("𝔗𝔞𝔤𝔢𝔟𝔩𝔞𝔱𝔱", SECOND.index("𝔗"))


def test_batched_reader_reads_in_order_with_a_few_queries_per_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, ids = build_project(tmp_path / "p.db")
    more = [src.add_article(entity_draft(n)) for n in range(5)]
    order = [more[3], ids[2], ids[0], *more[:3], ids[1], more[4]]
    one_by_one = [annotated_draft(src, i) for i in order]
    statements: list[str] = []
    src.db.conn.set_trace_callback(statements.append)
    monkeypatch.setattr(drafts, "BATCH", 3)
    batched = list(annotated_drafts(src.db, order))
    src.db.conn.set_trace_callback(None)
    assert batched == one_by_one  # the same drafts, in the order asked for
    assert batched[2].groups and batched[2].links and batched[6].groups
    assert len(statements) == 5 * 3  # five queries a batch, whatever the spans and sources
    with pytest.raises(KeyError, match="no article 999"):
        list(annotated_drafts(src.db, [ids[0], 999]))
    src.close()


def export(project: Project, out: Path, fmt: str = "spacy", **options) -> object:
    return export_project(project, ExportOptions(fmt, out, **options))


def test_export_reads_in_batches_not_per_article(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drafts, "BATCH", 4)
    counts = []
    for n in (8, 16):
        with Project.open(tmp_path / f"p{n}.db") as project:
            for k in range(n):
                project.set_status(project.add_article(entity_draft(k)), Status.DONE)
            statements: list[str] = []
            project.db.conn.set_trace_callback(statements.append)
            export(project, tmp_path / f"out{n}", "jsonl")
            project.db.conn.set_trace_callback(None)
            counts.append(len([s for s in statements if s.lstrip().upper().startswith("SELECT")]))
    assert counts[1] - counts[0] == 5 * 2  # 8 more articles: two more batches of five queries


def test_sharded_export_imports_back_whole(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder of shards, split in two, with a claim group across articles: imported and
    exported again it gives the same files, byte for byte."""
    monkeypatch.setattr(docbin, "SHARD_DOCS", 2)
    src, ids = build_project(tmp_path / "src.db")
    for n in range(4):
        src.set_status(src.add_article(entity_draft(n)), Status.DONE)
    for aid in ids:
        src.set_status(aid, Status.DONE)
    split = parse_split("train=0.5,dev=0.5")
    report = export(src, tmp_path / "one", split=split, seed=3)
    src.close()
    assert report.articles == {"train": 4, "dev": 3}
    one = sorted(p.relative_to(tmp_path / "one").as_posix()
                 for p in (tmp_path / "one").rglob("*.spacy"))
    assert one == ["dev/000001.spacy", "dev/000002.spacy", "train/000001.spacy",
                   "train/000002.spacy"]
    dst = Project.open(tmp_path / "dst.db")
    importer = AnnotatedImport(dst)
    items = list(iter_import([tmp_path / "one"]))
    assert all(isinstance(item, ArticleDraft) for item in items), items
    assert [importer.add(item) for item in items].count(None) == 0
    (group,) = dst.claims.groups()
    assert len(group.members) == 2
    where = {d.user_data["annotator"]["meta"]["title"]: name
             for name in one for d in docs_of(tmp_path / "one" / name)}
    assert where["Vertrag unterzeichnet"] != where["Dienstag"]  # the group spans shards
    export(dst, tmp_path / "two", split=split, seed=3)
    dst.close()
    for name in one:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_a_failure_mid_export_leaves_the_earlier_export_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docbin, "SHARD_DOCS", 2)
    out = tmp_path / "out"
    with Project.open(tmp_path / "p.db") as project:
        for n in range(5):
            project.set_status(project.add_article(entity_draft(n)), Status.DONE)
        export(project, out)
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
        assert len(before) == 4  # three shards and the manifest
        made = docbin.doc_and_data
        seen: list[str] = []

        def failing(draft: ArticleDraft):
            seen.append(draft.title)
            if len(seen) == 4:  # two shards are on disk in the staging folder by now
                raise OSError("disk full")
            return made(draft)

        monkeypatch.setattr(docbin, "doc_and_data", failing)
        with pytest.raises(ExportError, match="nothing was replaced"):
            export(project, out, overwrite=True)
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
        assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "all"]
        seen.clear()
        with pytest.raises(ExportError, match="nothing was replaced"):
            export(project, tmp_path / "fresh")
        assert not (tmp_path / "fresh").exists()  # made for nothing: gone again


def test_cancelling_mid_stream_writes_nothing(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        for n in range(5):
            project.set_status(project.add_article(entity_draft(n)), Status.DONE)
        done: list[int] = []
        with pytest.raises(ExportError, match="cancelled"):
            export_project(project, ExportOptions("jsonl", tmp_path / "out"),
                           progress=lambda n, _: done.append(n),
                           cancelled=lambda: len(done) >= 3)
        assert done == [1, 2, 3] and not (tmp_path / "out").exists()


def test_spacy_debug_data_and_train_take_the_exported_folders(
        tmp_path: Path, config: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(docbin, "SHARD_DOCS", 32)
    with Project.open(tmp_path / "p.db") as project:
        importer = AnnotatedImport(project)
        for draft in sentence_drafts(MORE_NAMES + NAMES, PLACES):  # debug data wants >= 100
            importer.add(draft)
        report = export(project, tmp_path / "out", split=parse_split("train=0.8,dev=0.2"))
    assert report.articles["train"] >= 100 and report.articles["dev"]
    train, dev = tmp_path / "out" / "train", tmp_path / "out" / "dev"
    assert len(list(train.glob("*.spacy"))) > 1
    done = spacy_cli("debug", "data", config, "--paths.train", train, "--paths.dev", dev,
                     cwd=tmp_path)
    out = done.stdout + done.stderr
    assert done.returncode == 0 and "Corpus is loadable" in out and "✘" not in out, out
    assert f"{report.articles['train']} training docs" in out, out
    done = spacy_cli("train", config, "--output", "model", "--paths.train", train,
                     "--paths.dev", dev, "--training.max_steps", "5",
                     "--training.eval_frequency", "5", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "model" / "model-best" / "meta.json").is_file()


def test_a_shard_is_what_spacy_writes_for_the_same_docs(tmp_path: Path) -> None:
    """The user data packed beside ``DocBin.add`` gives the very bytes of spaCy's own way."""
    src, ids = build_project(tmp_path / "p.db")
    ours = write_spacy_shards(annotated_drafts(src.db, ids), tmp_path / "ours")[0]
    theirs = DocBin(store_user_data=True)
    for draft in annotated_drafts(src.db, ids):
        doc, data = docbin.doc_and_data(draft)
        doc.user_data["annotator"] = data
        theirs.add(doc)
    src.close()
    assert ours.read_bytes() == theirs.to_bytes()
