"""CoNLL IOB2: spaCy's converter reads our export; it round-trips byte for byte; foreign files
(CoNLL-2003, GermEval, plain 2-column IOB) import."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.io import ImportFailure, iter_import
from annotator.io.conll import conll_sentences, write_conll
from annotator.io.export_notes import Kind, WriterNote
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport, annotated_draft
from tests.test_export_notes import notes

TEXT_A = ("🎉 Anna Berger 🇩🇪 sagte in 𝔄𝔫𝔫𝔞berg, die Bundesregierung in Berlin 😀 habe "
          "zugestimmt.\n\n„Wir sind froh“, sagte  SPD-Chef Max\u00a0Roth. Dr. Ute Kern  schwieg.")
TEXT_B = "Laut 𝔄-Zeitung\twurde der Vertrag am Donnerstag unterzeichnet 🇩🇪 .\n"
ENTITIES_A = [("Anna Berger", "PER"), ("🇩🇪", "MISC"), ("𝔄𝔫𝔫𝔞berg", "LOC"),
              ("Bundesregierung in Berlin 😀", "ORG"), ("Berlin", "LOC"),  # overlaps: dropped
              ("SPD", "ORG"),  # inside the token "SPD-Chef"
              ("Max\u00a0Roth", "PER"), ("Ute Kern", "PER")]


def _span(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label)


def build_project(path: Path) -> tuple[Project, list[int]]:
    """Two articles with entities (overlapping, around emoji, flags and math letters) and
    claims and sources over them, which CoNLL leaves out."""
    p = Project.open(path)
    a = p.add_article(ArticleDraft(text=TEXT_A, title="Zustimmung", outlet="Elbtal-Bote",
                                   published="2024-05-02", meta={"rubrik": "Politik"},
                                   source_path="/news/a.txt"))
    b = p.add_article(ArticleDraft(text=TEXT_B, title="Vertrag"))
    assert a and b
    for part, label in ENTITIES_A:
        p.add_annotation(a, Layer.ENTITY, _span(TEXT_A, part, label), "maria")
    p.add_annotation(a, Layer.SOURCE, _span(TEXT_A, "Anna Berger", "SOURCE"), "maria")
    p.add_annotation(a, Layer.CLAIM, _span(TEXT_A, "die Bundesregierung in Berlin 😀 habe "
                                                   "zugestimmt", "CLAIM"), "maria")
    p.add_annotation(b, Layer.ENTITY, _span(TEXT_B, "𝔄-Zeitung", "ORG"), "maria")
    p.add_annotation(b, Layer.CLAIM, _span(TEXT_B, "der Vertrag", "CLAIM"), "maria")
    p.set_status(a, Status.DONE)
    return p, [a, b]


def _entities(draft: ArticleDraft) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in draft.annotations if s.layer is Layer.ENTITY]


def test_conll_round_trip_is_byte_identical(tmp_path: Path, caplog) -> None:
    src, ids = build_project(tmp_path / "src.db")
    drafts = [annotated_draft(src, i) for i in ids]
    with caplog.at_level(logging.WARNING, logger="annotator.io.conll"):
        files = write_conll(drafts, tmp_path / "one" / "train.conll")
    assert [f.name for f in files] == ["train.conll", ".train.conll.meta"]
    assert notes(caplog) == [WriterNote(Kind.NESTED_ENTITIES, "train.conll", 1)]  # "Berlin" in ORG
    items = list(iter_import([tmp_path / "one"]))  # the .meta sidecar is not an article
    assert all(isinstance(i, ArticleDraft) for i in items) and len(items) == 2
    expected = [e for e in _entities(drafts[0]) if e[2] != "LOC" or e[0] != TEXT_A.index("Berlin")]
    assert _entities(items[0]) == expected and _entities(items[1]) == _entities(drafts[1])
    assert items[0].text == TEXT_A and items[1].text == TEXT_B
    assert (items[0].title, items[0].outlet, items[0].published, items[0].meta,
            items[0].source_path, items[0].status) == ("Zustimmung", "Elbtal-Bote", "2024-05-02",
                                                       {"rubrik": "Politik"}, "/news/a.txt",
                                                       Status.DONE)
    dst = Project.open(tmp_path / "dst.db")
    importer = AnnotatedImport(dst)
    new_ids = [importer.add(d) for d in items if isinstance(d, ArticleDraft)]
    again = [annotated_draft(dst, i) for i in new_ids if i]
    write_conll(again, tmp_path / "two" / "train.conll")
    for name in ("train.conll", ".train.conll.meta"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_conll_as_written(tmp_path: Path) -> None:
    src, ids = build_project(tmp_path / "src.db")
    path = write_conll([annotated_draft(src, i) for i in ids], tmp_path / "train.conll")[0]
    text = path.read_text(encoding="utf-8")
    # the shared tokenizer splits a flag into its two regional indicator letters
    assert text.startswith("-DOCSTART- -X- O O\n\n🎉\tO\nAnna\tB-PER\nBerger\tI-PER\n"
                           "🇩\tB-MISC\n🇪\tI-MISC\nsagte\tO\n")
    assert "\nBundesregierung\tB-ORG\nin\tI-ORG\nBerlin\tI-ORG\n😀\tI-ORG\nhabe\tO\n" in text
    assert "zugestimmt\tO\n.\tO\n\n„\tO\n" in text  # a sentence ends at a paragraph break
    assert "SPD\tB-ORG\n-Chef\tO\nMax\tB-PER\nRoth\tI-PER\n.\tO\n\nDr.\tO\n" in text
    assert "\n\n-DOCSTART- -X- O O\n\nLaut\tO\n𝔄-Zeitung\tB-ORG\n" in text
    assert text.endswith("🇩\tO\n🇪\tO\n.\tO\n")
    lines = [line for line in text.split("\n") if line and not line.startswith("-DOCSTART-")]
    assert all(len(line.split("\t")) == 2 and len(line.split()) == 2 for line in lines)


def test_spacy_convert_reads_our_export(tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    from annotator.io.tokens import german_tokenizer

    src, ids = build_project(tmp_path / "src.db")
    drafts = [annotated_draft(src, i) for i in ids]
    path = write_conll(drafts, tmp_path / "train.conll")[0]
    out = tmp_path / "corpus"
    out.mkdir()
    subprocess.run([sys.executable, "-m", "spacy", "convert", str(path), str(out), "-c", "ner",
                    "--file-type", "spacy"], check=True, capture_output=True, timeout=120)
    docs = list(DocBin().from_disk(out / "train.spacy").get_docs(german_tokenizer().vocab))
    assert len(docs) == len(drafts)
    for doc, draft in zip(docs, drafts, strict=True):
        kept = conll_sentences(draft.text, _entities(draft))[0]
        assert len(doc) == sum(len(s) for s in kept)
        theirs = [(ent.label_, "".join(ent.text.split())) for ent in doc.ents]
        ours = [(label, "".join(draft.text[start:end].split()))
                for start, end, label in _entities(draft)
                if not (label == "LOC" and draft.text[start:end] == "Berlin")]
        assert theirs == ours
        assert sum(1 for t in doc if t.is_sent_start) == len(kept)


def test_spacy_convert_reads_the_export_folder(tmp_path: Path) -> None:
    """``spacy convert FOLDER`` (file type guessed from the folder) reads an export: the hidden
    sidecar and manifest are skipped; an older export's visible sidecar still imports."""
    from spacy.tokens import DocBin

    from annotator.app.exporting import ExportOptions, export_project
    from annotator.io.tokens import german_tokenizer

    src, _ids = build_project(tmp_path / "src.db")
    out = tmp_path / "export"
    report = export_project(src, ExportOptions("conll", out, split=(("train", 1.0),)))
    assert sorted(p.name for p in out.iterdir()) == [".annotator-export.json",
                                                     ".train.conll.meta", "train.conll"]
    assert {f.name for f in report.files} == {"train.conll", ".train.conll.meta"}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    subprocess.run([sys.executable, "-m", "spacy", "convert", str(out), str(corpus)],
                   check=True, capture_output=True, timeout=120)
    [doc] = DocBin().from_disk(corpus / "train.spacy").get_docs(german_tokenizer().vocab)
    assert [e.text for e in doc.ents][:2] == ["Anna Berger", "🇩 🇪"]
    [new] = list(iter_import([out]))
    (out / ".train.conll.meta").rename(out / "train.conll.meta")  # as versions before wrote it
    [old] = list(iter_import([out / "train.conll"]))
    assert new.text == old.text == TEXT_A and new.title == old.title == "Zustimmung"
    assert _entities(new) == _entities(old) and new.annotations[0].made is not None


GERMEVAL = """# http://de.wikipedia.org/wiki/Manfred_Korfmann [2009-10-17]
1\tAufgrund\tO\tO
2\tseiner\tO\tO
3\tInitiative\tO\tO
4\tfand\tO\tO
5\tin\tO\tO
6\tStuttgart\tB-LOC\tO
7\tdas\tO\tO
8\tTreffen\tO\tO
9\tder\tO\tO
10\tDeutschen\tB-ORGpart\tB-LOC
11\tGesellschaft\tI-ORGpart\tO
12\tstatt\tO\tO
13\t.\tO\tO

# welt.de [2009-10-20]
1\tMerkel\tB-PER\tO
2\tschweigt\tO\tO
"""

CONLL_2003 = """-DOCSTART- -X- -X- O

EU NNP B-NP I-ORG
rejects VBZ B-VP O
German JJ B-NP I-MISC
call NN I-NP O
. . O O

Peter NNP B-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP I-LOC
1996-08-22 CD I-NP O
"""

PLAIN = "Angela\tB-PER\nMerkel\tI-PER\nbesuchte\tO\nParis\tS-LOC\n.\tO\n\nDie\tO\nSPD\tB-ORG\n"


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("germeval.conll", GERMEVAL, [
        ("Aufgrund seiner Initiative fand in Stuttgart das Treffen der Deutschen Gesellschaft "
         "statt .", [("Stuttgart", "LOC"), ("Deutschen Gesellschaft", "ORGpart")]),
        ("Merkel schweigt", [("Merkel", "PER")])]),
    ("conll2003.conll", CONLL_2003, [
        ("EU rejects German call .\nPeter Blackburn", [("EU", "ORG"), ("German", "MISC"),
                                                       ("Peter Blackburn", "PER")]),
        ("BRUSSELS 1996-08-22", [("BRUSSELS", "LOC")])]),
    ("plain.bio", PLAIN, [
        ("Angela Merkel besuchte Paris .", [("Angela Merkel", "PER"), ("Paris", "LOC")]),
        ("Die SPD", [("SPD", "ORG")])]),
])
def test_foreign_conll_imports(tmp_path: Path, name: str, content: str,
                               expected: list[tuple[str, list[tuple[str, str]]]]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    items = list(iter_import([path]))
    assert all(isinstance(i, ArticleDraft) for i in items)
    got = [(d.text, [(d.text[s.start:s.end], s.label) for s in d.annotations]) for d in items]
    assert got == expected
    if name.startswith("germeval"):
        assert items[0].url == "http://de.wikipedia.org/wiki/Manfred_Korfmann"
        assert items[0].published == "2009-10-17"
    dst = Project.open(tmp_path / "dst.db")
    importer = AnnotatedImport(dst)
    assert all(importer.add(d) for d in items if isinstance(d, ArticleDraft))


def test_bad_conll_document_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "bad.iob"
    path.write_text("Anna\tB-PER\nBerger\tPERSON\n\nOlaf\tB-PER\n", encoding="utf-8")
    items = list(iter_import([path]))
    assert isinstance(items[0], ImportFailure) and items[0].line == 2
    assert "'PERSON' is not an IOB tag" in items[0].reason
    assert isinstance(items[1], ArticleDraft) and items[1].text == "Olaf"
    empty = tmp_path / "empty.conll"
    empty.write_text("\n", encoding="utf-8")
    assert [i.reason for i in iter_import([empty])] == ["no tokens in the file"]
    write_conll([], tmp_path / "split" / "dev.conll")  # our export of an empty split
    assert list(iter_import([tmp_path / "split"])) == []
