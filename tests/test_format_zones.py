"""Zones (the structure layer) and article metadata through the dataset formats: JSONL, spaCy
DocBin and brat bring them back whole; the NER training views (``doc.ents``, CoNLL) never
make a zone an entity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.core.zones import ZONE_LABELS
from annotator.io import iter_import
from annotator.io.brat import write_brat
from annotator.io.conll import write_conll
from annotator.io.docbin import write_spacy
from annotator.io.export_jsonl import write_jsonl
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport, annotated_draft

# An emoji before the first zone and astral letters and a flag inside them: offsets count
# code points. The lead runs over a line break; a repeated headline overlaps nothing else.
TEXT = ("📰 Politik\n"
        "Vertrag in 𝔇resden unterzeichnet\n"
        "Dresden (dpa) – Von Anna Berger\n"
        "Der Vertrag gilt ab Juni.\nEr betrifft 🇩🇪 alle Gemeinden.\n"
        "Anna Berger sagte, der Vertrag sei am Mittwoch unterzeichnet worden 😀.\n"
        "Foto: 🇩🇪 Stadt Dresden\n"
        "Lesen Sie auch: Streit um 𝔙erträge\n"
        "Vertrag in 𝔇resden unterzeichnet")
ZONES = [("Politik", "NAV", 0), ("Vertrag in 𝔇resden unterzeichnet", "HEADLINE", 0),
         ("Dresden (dpa) –", "DATELINE", 0), ("Von Anna Berger", "BYLINE", 0),
         ("Der Vertrag gilt ab Juni.\nEr betrifft 🇩🇪 alle Gemeinden.", "LEAD", 0),
         ("Foto: 🇩🇪 Stadt Dresden", "CREDIT", 0),
         ("Lesen Sie auch: Streit um 𝔙erträge", "TEASER", 0),
         ("Vertrag in 𝔇resden unterzeichnet", "DUPLICATE", 1)]
META = {"title": "Vertrag in 𝔇resden unterzeichnet", "outlet": "Elbtal-Bote",
        "author": "Anna Berger", "published": "2024-05-02",
        "url": "https://elbtal.example/vertrag-😀"}
WRITERS = {"jsonl": (write_jsonl, "train.jsonl"), "spacy": (write_spacy, "train.spacy"),
           "brat": (write_brat, "train")}


def at(part: str, label: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    return Span(start, start + len(part), label)


def build(path: Path) -> tuple[Project, int]:
    """One article with zones, entities, a claim with its source, and all five fields."""
    p = Project.open(path)
    aid = p.add_article(ArticleDraft(text=TEXT, meta={"section": "Politik"}, **META))
    assert aid is not None
    for part, label, nth in ZONES:
        p.add_annotation(aid, Layer.STRUCTURE, at(part, label, nth), "maria")
    for part, label, nth in (("Dresden", "LOC", 0), ("Anna Berger", "PER", 1),
                             ("Dresden", "LOC", 1), ("Anna Berger", "PER", 0)):
        p.add_annotation(aid, Layer.ENTITY, at(part, label, nth), "maria")
    claim = p.add_annotation(aid, Layer.CLAIM,
                             at("der Vertrag sei am Mittwoch unterzeichnet worden 😀", "CLAIM"),
                             "maria", attrs={"kind": "factual"})
    source = p.add_annotation(aid, Layer.SOURCE, at("Anna Berger", "SOURCE", 1), "maria")
    p.add_link(claim, source, "attributed_to", "maria", {"cue": "sagte"})
    p.set_status(aid, Status.DONE)
    return p, aid


def files(out: Path) -> dict[str, bytes]:
    if out.is_file():
        return {out.name: out.read_bytes()}
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_zones_and_metadata_come_back(fmt: str, tmp_path: Path) -> None:
    write, name = WRITERS[fmt]
    src, aid = build(tmp_path / "src.db")
    draft = annotated_draft(src, aid)
    write([draft], tmp_path / "one" / name)
    (item,) = iter_import([tmp_path / "one" / name])
    assert isinstance(item, ArticleDraft), item
    zones = [(s.layer, item.text[s.start:s.end], s.label) for s in item.annotations
             if s.label in ZONE_LABELS]
    assert zones == [(Layer.STRUCTURE, TEXT[z.start:z.end], z.label)
                     for z in sorted((at(*zone) for zone in ZONES), key=lambda z: z.start)]
    dst = Project.open(tmp_path / "dst.db")
    new = AnnotatedImport(dst).add(item)
    assert new is not None
    assert [(a.start, a.end, a.label) for a in dst.annotations(new, Layer.STRUCTURE)] == [
        (a.start, a.end, a.label) for a in src.annotations(aid, Layer.STRUCTURE)]
    assert not any(a.label in ZONE_LABELS for a in dst.annotations(new, Layer.ENTITY))
    article = dst.article(new)
    assert {name: getattr(article, name) for name in META} == META
    assert article.meta == {"section": "Politik"} and article.status is Status.DONE
    again = annotated_draft(dst, new)
    assert again == draft
    write([again], tmp_path / "two" / name)
    assert files(tmp_path / "two" / name) == files(tmp_path / "one" / name)
    src.close()
    dst.close()


def test_docbin_zones_are_a_span_group_never_entities(tmp_path: Path) -> None:
    src, aid = build(tmp_path / "src.db")
    path = write_spacy([annotated_draft(src, aid)], tmp_path / "a.spacy")[0]
    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("de").vocab)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Dresden", "LOC"), ("Anna Berger", "PER"), ("Anna Berger", "PER"), ("Dresden", "LOC")]
    assert "entities_overlapping" not in doc.spans  # empty groups are left out
    assert [(s.text, s.label_) for s in doc.spans["structure"]] == [
        (TEXT[z.start:z.end], z.label)
        for z in sorted((at(*zone) for zone in ZONES), key=lambda z: z.start)]
    meta = doc.user_data["annotator"]["meta"]
    assert {name: meta[name] for name in META} == META
    src.close()


def test_docbin_without_user_data_reads_the_structure_group_as_zones(tmp_path: Path) -> None:
    src, aid = build(tmp_path / "src.db")
    path = write_spacy([annotated_draft(src, aid)], tmp_path / "a.spacy")[0]
    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("de").vocab)
    doc.user_data.clear()  # as if another tool had written the DocBin
    doc.spans["structure"] = [*doc.spans["structure"], doc[0:1]]  # an unlabelled zone: dropped
    DocBin(docs=[doc]).to_disk(tmp_path / "b.spacy")
    (item,) = iter_import([tmp_path / "b.spacy"])
    assert isinstance(item, ArticleDraft)
    layers = {(s.label, s.layer) for s in item.annotations}
    assert {label for label, layer in layers if layer is Layer.STRUCTURE} == {
        z[1] for z in ZONES}
    assert {label for label, layer in layers if layer is Layer.ENTITY} == {"LOC", "PER"}
    src.close()


def test_conll_never_writes_zones(tmp_path: Path) -> None:
    src, aid = build(tmp_path / "src.db")
    path = write_conll([annotated_draft(src, aid)], tmp_path / "a.conll")[0]
    tags = {line.split("\t")[1] for line in path.read_text(encoding="utf-8").splitlines()
            if "\t" in line}
    assert tags == {"O", "B-LOC", "B-PER", "I-PER"}
    src.close()


def test_export_command_layer_structure(tmp_path: Path) -> None:
    build(tmp_path / "src.db")[0].close()
    runner = CliRunner()
    assert "structure" in runner.invoke(app, ["export", "--help"]).output
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", str(tmp_path / "src.db"), "-f", "jsonl", "-o",
                                 str(out), "--layer", "structure"])
    assert result.exit_code == 0, result.output
    (task,) = [json.loads(line) for line in
               (out / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(s["layer"], s["label"]) for s in task["spans"]] == [
        ("structure", z.label) for z in sorted((at(*zone) for zone in ZONES),
                                               key=lambda z: z.start)]
    assert {name: task["meta"][name] for name in META} == META
    (item,) = iter_import([out / "all.jsonl"])
    assert isinstance(item, ArticleDraft)
    assert {s.layer for s in item.annotations} == {Layer.STRUCTURE}
    assert len(item.annotations) == len(ZONES)


def test_brat_marks_zones_with_the_layer_attribute(tmp_path: Path) -> None:
    src, aid = build(tmp_path / "src.db")
    write_brat([annotated_draft(src, aid)], tmp_path / "out")
    (ann,) = (tmp_path / "out").glob("*.ann")
    lines = ann.read_text(encoding="utf-8").splitlines()
    nav, lead = at("Politik", "NAV"), at(*ZONES[4])
    brk = TEXT.index("\n", lead.start)
    assert "T1\tNAV 2 9\tPolitik" in lines and (nav.start, nav.end) == (2, 9)  # code points
    assert (f"T7\tLEAD {lead.start} {brk};{brk + 1} {lead.end}\tDer Vertrag gilt ab Juni. "
            "Er betrifft 🇩🇪 alle Gemeinden.") in lines
    layered = {line.split(" ")[1] for line in lines if line.startswith("A")
               and line.endswith(" structure")}
    assert len(layered) == len(ZONES)
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    assert ("Layer\tArg:BYLINE|CREDIT|DATELINE|DUPLICATE|HEADLINE|LEAD|NAV|TEASER, "
            "Value:entity|claim|source|structure") in conf
    meta = json.loads(next((tmp_path / "out").glob("*.meta")).read_text(encoding="utf-8"))
    assert {name: meta[name] for name in META} == META
    src.close()
