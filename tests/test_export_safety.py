"""Exports stay inside OUT, are readable by their owner only, and carry no path of the machine."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app.exporting import ExportError, ExportOptions, export_project, parse_split
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.core.names import MODEL_SETTING
from annotator.io.formats import FORMATS
from annotator.store import Project

WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt")
                                                  for n in range(10))}
NASTY = ["../../../outside", "/etc/passwd", "..", ".", "CON", "con", "NUL.txt", "aux",
         "COM1", "a\x00b", "Berger", "BERGER", "x" * 300, "Ä" * 200, "𝔄" * 100,
         "C:\\Windows\\System32", "line\nbreak", "tab\there ", "trailing dot.", "<>:\"|?*"]


def nasty_project(project: Project) -> Project:
    for n, title in enumerate(NASTY):
        text = f"{title} — Anna Berger sagte, es regne in Dresden. Nr. {n}"
        aid = project.add_article(ArticleDraft(
            text=text, title=title, outlet=title, meta={"rubrik": title, "../x": "/etc"},
            source_path=f"../../{title}/{n}.txt" if n % 2 else f"C:\\Users\\{title}\\{n}.txt"))
        start = text.index("Anna")
        label = ["../LABEL", "/abs", "CON", "a\x00b"][n % 4]
        project.ensure_label(Layer.ENTITY, label)
        project.add_annotation(aid, Layer.ENTITY, Span(start, start + 11, label), "maria")
        claim = project.add_annotation(aid, Layer.CLAIM, Span(start, len(text), "CLAIM"),
                                       "maria", attrs={"kind": "factual"})
        source = project.add_annotation(aid, Layer.SOURCE, Span(start, start + 11, "SOURCE"),
                                        "maria")
        project.add_link(claim, source, "attributed_to", "maria", {"cue": title})
        project.set_status(aid, Status.DONE)
    return project


def bad_name(name: str) -> bool:
    """A name some file system refuses or reads as something else."""
    stem = name.split(".")[0].casefold()
    return (len(name.encode()) > 255 or stem in WINDOWS_RESERVED or name in (".", "..")
            or bool(re.search(r'[\x00-\x1f<>:"|?*\\]', name)) or name.endswith((" ", ".")))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_stay_inside_out(project: Project, tmp_path: Path, fmt: str) -> None:
    nasty_project(project)
    work = tmp_path / "work"
    (work / "neighbour").mkdir(parents=True)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    out = work / "out"
    split = parse_split("train=0.4,Dev-2=0.3,test_3=0.3")
    report = export_project(project, ExportOptions(fmt, out, split=split))
    assert sum(report.articles.values()) == len(NASTY)
    after = sorted(str(p) for p in tmp_path.rglob("*"))
    added = sorted(set(after) - set(before))
    assert set(before) <= set(after) and all(Path(p).is_relative_to(out) for p in added)
    for folder, dirs, files in os.walk(out):
        names = dirs + files
        assert len({n.casefold() for n in names}) == len(names), folder  # case-insensitive FS
        assert not [n for n in names if bad_name(n) and n != ".annotator-export.json"], folder


@pytest.mark.parametrize("split", ["CON=1", "nul=1", "Lpt1=1", "a/b=1", "../x=1", "x\x00=1",
                                   "train=0.5,TRAIN=0.5", f"{'x' * 41}=1", "Ärger=1", "_x=1"])
def test_split_names_that_are_no_safe_file_names_are_refused(split: str) -> None:
    with pytest.raises(ExportError, match="split names"):
        parse_split(split)


def test_split_names_are_checked_without_the_parser(project: Project, tmp_path: Path) -> None:
    nasty_project(project)
    before = sorted(tmp_path.iterdir())
    for split in ((("../../escape", 1.0),), (("/tmp/abs", 1.0),), (("CON", 1.0),)):
        with pytest.raises(ExportError, match="split names"):
            export_project(project, ExportOptions("jsonl", tmp_path / "out", split=split))
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_exports_are_readable_by_their_owner_only(project: Project, tmp_path: Path,
                                                  umask: int) -> None:
    nasty_project(project)
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    old = os.umask(umask)
    try:
        out = tmp_path / "new" / "out"
        export_project(project, ExportOptions("brat", out, split=parse_split("a=0.5,b=0.5")))
        export_project(project, ExportOptions("conll", mine, overwrite=True))
    finally:
        os.umask(old)
    made = [tmp_path / "new", *(p for p in (tmp_path / "new").rglob("*"))]
    modes = {stat.S_IMODE(p.stat().st_mode) for p in made if p.is_dir()}
    assert modes == {0o700}
    files = [p for p in [*made, *mine.rglob("*")] if p.is_file()]
    assert len(files) > 10 and {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755  # the user's own folder keeps its mode


def test_exports_carry_no_path_of_the_machine(tmp_path: Path) -> None:
    news = tmp_path / "Nachrichten von maria"
    news.mkdir()
    (news / "vertrag.txt").write_text("Vertrag\n\nAnna Berger sagte, es regne.", "utf-8")
    (news / "tasks.jsonl").write_text(json.dumps({"text": "Prag meldet Regen."}) + "\n",
                                      "utf-8")
    db = tmp_path / "p.db"
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(db), str(news), "--no-suggest"])
    assert result.exit_code == 0, result.output
    model = ModelInfo("de_test_ner", "0.1", path=str(tmp_path / "Modelle" / "de_test_ner"))
    with Project.open(db, create=False) as project:
        project.set_setting(MODEL_SETTING, model.path)
        for article in project.list_articles(0, 9):
            assert str(news) in (article.source_path or "")  # the importer keeps the path
            project.add_annotation(article.id, Layer.CLAIM, Span(0, 4, "CLAIM"), "maria")
            accepted = project.add_accepted(article.id, model, Span(5, 9, "LOC"), Layer.ENTITY,
                                            "maria")
            project.add_annotation(article.id, Layer.ENTITY, Span(5, 9, "LOC"), "maria",
                                   suggestion_id=accepted)
            project.set_status(article.id, Status.DONE)  # brat and CoNLL write reviewed ones
    machine = [str(tmp_path), str(Path.home()), os.getcwd(), str(news.name), "Modelle"]
    for fmt in FORMATS:
        out = tmp_path / "exports" / fmt
        result = runner.invoke(app, ["export", str(db), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        texts = [exported_text(p) for p in out.rglob("*") if p.is_file()]
        if fmt not in ("claim-pairs", "claimreview", "nli"):  # no source; the others name it
            assert any("vertrag.txt" in text for text in texts), fmt
        if fmt not in ("claims", "claim-pairs"):  # the model, never its folder
            assert any("de_test_ner" in text for text in texts), fmt
        for text in texts:
            assert not [m for m in machine if m in text], fmt


def exported_text(path: Path) -> str:
    """A file's text; a spaCy DocBin (compressed msgpack) through spaCy itself."""
    if path.suffix != ".spacy":
        return path.read_text(encoding="utf-8-sig")
    import spacy
    from spacy.tokens import DocBin

    docs = DocBin(store_user_data=True).from_disk(path).get_docs(spacy.blank("de").vocab)
    return json.dumps([doc.user_data for doc in docs], ensure_ascii=False, default=str)
