"""Export → import into a new project → export: identical files, through the command line."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.io.export_folder import MANIFEST
from annotator.store import Project

runner = CliRunner()
TEXTS = [
    "Elbtal 🇩🇪\n\nAnna Berger sagte, das Abkommen 𝔄 sei am Mittwoch in Dresden 😀 unterzeichnet "
    "worden.",
    "Prag\n\nLaut Prager Tageskurier wurde der Vertrag am Donnerstag in Prag unterzeichnet 📄.",
]


def word(text: str, w: str) -> Span:
    start = text.index(w)
    return Span(start, start + len(w), "X")


def build(path: Path) -> None:
    with Project.open(path) as p:
        claims = []
        for n, text in enumerate(TEXTS):
            aid = p.add_article(ArticleDraft(text=text, title=text.split("\n")[0],
                                             outlet=["Elbtal-Bote", "Prager Tageskurier"][n]))
            who = "Anna Berger" if n == 0 else "Prager Tageskurier"
            day = "Mittwoch" if n == 0 else "Donnerstag"
            for w, label in ((who, "PER" if n == 0 else "ORG"), (day, "MISC"),
                             ("Dresden" if n == 0 else "Prag", "LOC")):
                s = word(text, w)
                p.add_annotation(aid, Layer.ENTITY, Span(s.start, s.end, label), "maria")
            sentence = text.split("\n\n")[1]
            start = text.index(sentence)
            claim = p.add_annotation(aid, Layer.CLAIM, Span(start, len(text), "CLAIM"), "maria",
                                     attrs={"kind": "factual"})
            s = word(text, who)
            source = p.add_annotation(aid, Layer.SOURCE, Span(s.start, s.end, "SOURCE"), "maria")
            p.claims.set_canonical([source], p.claims.add_source(who, "person"))
            p.add_link(claim, source, "attributed_to", "maria", {"cue": "sagte"})
            claims.append((claim, day))
            p.set_status(aid, Status.DONE)
        group = p.claims.add_group("Wochentag")
        for claim, day in claims:
            p.claims.add_member(group, claim, "maria", value=day)


@pytest.mark.parametrize("fmt", ["jsonl", "spacy", "brat", "conll"])
def test_export_import_export_is_identical(fmt: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    build(first)
    out1, out2 = tmp_path / "out1", tmp_path / "out2"
    result = runner.invoke(app, ["export", str(first), "-f", fmt, "-o", str(out1)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["import", str(second), str(out1), "--no-suggest"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", str(second), "-f", fmt, "-o", str(out2)])
    assert result.exit_code == 0, result.output
    files = sorted(str(p.relative_to(out1)) for p in out1.rglob("*") if p.is_file())
    assert files and files == sorted(str(p.relative_to(out2)) for p in out2.rglob("*")
                                     if p.is_file())
    files.remove(MANIFEST)  # the manifests differ in their time only
    match, mismatch, errors = filecmp.cmpfiles(out1, out2, files, shallow=False)
    assert not mismatch and not errors
    manifests = [json.loads((out / MANIFEST).read_text(encoding="utf-8")) for out in (out1, out2)]
    assert manifests[0]["files"] == manifests[1]["files"]
    if fmt != "conll":  # CoNLL carries the entity layer only
        with Project.open(second) as p:
            (group,) = p.claims.groups()
            assert group.disputed and len(group.members) == 2
