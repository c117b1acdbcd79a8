"""The export folder: a manifest of what each export wrote; --overwrite replaces only that."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app.exporting import ExportError, ExportOptions, export_project, parse_split
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.io.export_folder import MANIFEST, STAGING, read_manifest, verify
from annotator.store import Project

runner = CliRunner()


@pytest.fixture
def filled(project: Project) -> Project:
    for i in range(12):
        text = f"Artikel {i}: Anna Berger sagte in Dresden, es regne."
        aid = project.add_article(ArticleDraft(text=text, title=f"Artikel {i}",
                                               source_path=f"/home/maria/news/{i}.txt"))
        start = text.index("Anna")
        project.add_annotation(aid, Layer.ENTITY, Span(start, start + 11, "PER"), "maria")
        project.set_status(aid, Status.DONE)
    return project


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` by relative path, with its sha256."""
    return {p.relative_to(root).as_posix(): digest(p) for p in root.rglob("*") if p.is_file()}


def user_files(out: Path) -> dict[str, str]:
    """A thesis, a photo folder and a note inside what will be an export's folder."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    (out / "photos").mkdir(exist_ok=True)
    (out / "photos" / "berger.jpg").write_bytes(b"\xff\xd8\xff jpeg")
    return tree(out)


def export(project: Project, out: Path, fmt: str, split: str, overwrite: bool = False):
    return export_project(project, ExportOptions(fmt, out, split=parse_split(split),
                                                 overwrite=overwrite))


def test_overwrite_replaces_only_what_the_earlier_export_wrote(filled: Project,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(filled, out, "jsonl", "train=0.5,dev=0.5")
    mine = user_files(out)
    mine = {k: v for k, v in mine.items() if k in ("thesis.docx", "photos/berger.jpg")}
    result = runner.invoke(app, ["export", str(filled.path), "-f", "jsonl", "-o", str(out),
                                 "--split", "train=0.5,test=0.5", "--overwrite"])
    assert result.exit_code == 0, result.output
    files = tree(out)
    assert {k: files[k] for k in mine} == mine  # the user's files, byte for byte
    assert sorted(files) == [MANIFEST, "photos/berger.jpg", "test.jsonl", "thesis.docx",
                             "train.jsonl"]  # dev.jsonl (the earlier export's) is gone
    manifest = read_manifest(out)
    assert manifest is not None and verify(out, manifest) == []
    assert manifest.paths == {"test.jsonl", "train.jsonl"}
    assert manifest.record["options"]["split"] == [["train", 0.5], ["test", 0.5]]
    articles = manifest.record["articles"]
    assert set(articles) == {"train", "test"} and sum(articles.values()) == 12


def test_overwrite_keeps_user_files_inside_an_export_folder(filled: Project,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(filled, out, "brat", "train=0.5,dev=0.5")
    (out / "dev" / "notes.txt").write_text("meine Notizen", encoding="utf-8")
    export(filled, out, "jsonl", "train=1", overwrite=True)
    assert sorted(tree(out)) == [MANIFEST, "dev/notes.txt", "train.jsonl"]
    assert not (out / "train").exists()  # the earlier export's folder, left empty, is gone


def test_overwrite_refuses_to_replace_files_no_export_wrote(filled: Project,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "train.jsonl").write_text("my own data\n", encoding="utf-8")
    (out / "thesis.docx").write_bytes(b"thesis")
    before = tree(out)
    result = runner.invoke(app, ["export", str(filled.path), "-f", "jsonl", "-o", str(out),
                                 "--split", "train=0.5,dev=0.5", "--overwrite"])
    assert result.exit_code == 2
    assert "would replace train.jsonl" in result.output and "dev.jsonl" not in result.output
    assert tree(out) == before and sorted(p.name for p in out.iterdir()) == sorted(before)
    # nothing in the way: the export goes in beside the user's files
    export(filled, out, "jsonl", "dev=0.5,test=0.5", overwrite=True)
    assert {k: v for k, v in tree(out).items() if k in before} == before
    # an earlier export does not make other files fair game
    (out / "extra.jsonl").write_text("mine too\n", encoding="utf-8")
    with pytest.raises(ExportError, match="would replace extra.jsonl"):
        export(filled, out, "jsonl", "dev=0.5,extra=0.5", overwrite=True)
    assert (out / "extra.jsonl").read_text(encoding="utf-8") == "mine too\n"
    assert not (out / STAGING).exists()


def test_without_overwrite_a_folder_that_is_not_empty_is_refused(filled: Project,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(filled, out, "jsonl", "train=1")
    first = tree(out)
    with pytest.raises(ExportError, match=r"holds an earlier export \(jsonl, .*train.jsonl"):
        export(filled, out, "conll", "train=1")
    assert tree(out) == first


@pytest.mark.parametrize("path", ["../victim.txt", "/etc/victim.txt", "a/../../victim.txt",
                                  "C:\\victim.txt", ".annotator-staging/x"])
def test_a_tampered_manifest_deletes_nothing(filled: Project, tmp_path: Path,
                                             path: str) -> None:
    out = tmp_path / "out"
    export(filled, out, "jsonl", "train=1")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    record = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    record["files"].append({"path": path, "sha256": "0" * 64, "bytes": 7})
    (out / MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    before = tree(out)
    with pytest.raises(ExportError, match="not an export manifest"):
        export(filled, out, "jsonl", "train=1", overwrite=True)
    assert victim.read_text(encoding="utf-8") == "keep me" and tree(out) == before


def test_a_failed_export_leaves_no_trace(filled: Project, tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"
    with pytest.raises(ExportError, match="split names"):
        export_project(filled, ExportOptions("jsonl", out, split=(("../x", 1.0),)))
    with pytest.raises(ExportError, match="cancelled"):
        export_project(filled, ExportOptions("jsonl", out), cancelled=lambda: True)
    assert not (tmp_path / "new").exists()
    (tmp_path / "file").write_text("no folder", encoding="utf-8")
    result = runner.invoke(app, ["export", str(filled.path), "-f", "jsonl", "-o",
                                 str(tmp_path / "file")])
    assert result.exit_code == 2 and "is a file, not a folder" in result.output
