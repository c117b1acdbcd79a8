"""Exports: splits stable under a seed, output written whole or not at all, never outside OUT."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app import exporting
from annotator.app.exporting import ExportError, ExportOptions, export_project, parse_split
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project


@pytest.fixture
def filled(project: Project) -> Project:
    for i in range(40):
        aid = project.add_article(ArticleDraft(text=f"Artikel {i}: Berger in Dresden.",
                                               title=f"A{i}"))
        project.add_annotation(aid, Layer.ENTITY, Span(len(f"Artikel {i}: "),
                                                       len(f"Artikel {i}: Berger"), "PER"), "m")
        if i % 4 == 0:
            project.set_status(aid, Status.DONE)
    return project


def fake_writer(drafts, path: Path) -> list[Path]:
    path.write_text("".join(json.dumps(d.title) + "\n" for d in drafts), encoding="utf-8")
    return [path]


@pytest.fixture(autouse=True)
def _fake_format(monkeypatch):
    monkeypatch.setitem(exporting.FORMATS, "test", ("x", "y", ".txt"))
    monkeypatch.setattr(exporting, "writer", lambda name: fake_writer)


def titles(path: Path) -> list[str]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_split_by_article_is_stable_under_a_seed(filled: Project, tmp_path: Path) -> None:
    split = parse_split("train=0.8,dev=0.1,test=0.1")

    def options(out: str, seed: int) -> ExportOptions:
        return ExportOptions("test", tmp_path / out, split=split, seed=seed,
                             include_unreviewed=True)

    first = export_project(filled, options("a", 7))
    export_project(filled, options("b", 7))
    export_project(filled, options("c", 8))
    assert sum(first.articles.values()) == 40 and first.articles["train"] > 20
    assert titles(tmp_path / "a" / "dev.txt") == titles(tmp_path / "b" / "dev.txt")
    assert titles(tmp_path / "a" / "train.txt") != titles(tmp_path / "c" / "train.txt")
    # adding an article leaves the others where they were
    filled.add_article(ArticleDraft(text="Ein neuer Artikel.", title="new"))
    more = export_project(filled, options("d", 7))
    assert sum(more.articles.values()) == 41
    for name in ("train", "dev", "test"):
        assert set(titles(tmp_path / "a" / f"{name}.txt")) <= set(
            titles(tmp_path / "d" / f"{name}.txt"))


def test_only_done_and_reviewed_only(filled: Project, tmp_path: Path) -> None:
    done = export_project(filled, ExportOptions("test", tmp_path / "a"))  # done only: the default
    assert done.articles == {"all": 10}
    from annotator.core.model import ModelInfo

    filled.replace_suggestions(1, ModelInfo("m", "1"), [Span(0, 7, "MISC")])
    reviewed = export_project(filled, ExportOptions("test", tmp_path / "b", reviewed_only=True))
    assert reviewed.articles == {"all": 9} and "open model suggestions" in reviewed.skipped[0]


def test_refuses_to_overwrite_and_writes_whole_or_nothing(filled: Project, tmp_path: Path,
                                                          monkeypatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not empty"):
        export_project(filled, ExportOptions("test", out))

    def broken(drafts, path):
        path.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(exporting, "writer", lambda name: broken)
    with pytest.raises(ExportError, match="disk full"):
        export_project(filled, ExportOptions("test", out, overwrite=True))
    assert [p.name for p in out.iterdir()] == ["keep.txt"]  # untouched
    monkeypatch.setattr(exporting, "writer", lambda name: fake_writer)
    export_project(filled, ExportOptions("test", out, overwrite=True))
    assert sorted(p.name for p in out.iterdir()) == [".annotator-export.json", "all.txt",
                                                     "keep.txt"]
    assert not list(tmp_path.glob(".*"))  # nothing written next to OUT


def test_bad_split_and_format(filled: Project, tmp_path: Path) -> None:
    for bad in ("train=0.8,dev=0.1", "train=x", "a=0.5,a=0.5", "../x=1"):
        with pytest.raises(ExportError):
            parse_split(bad)
    with pytest.raises(ExportError, match="unknown format"):
        export_project(filled, ExportOptions("docx", tmp_path / "o"))


def test_cli_export_usage_errors(filled: Project, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(filled.path)
    result = runner.invoke(app, ["export", db, "-f", "test", "-o", str(tmp_path / "o"),
                                 "--split", "train=0.5,dev=0.5", "--seed", "3",
                                 "--include-unreviewed"])
    assert result.exit_code == 0, result.output
    assert "40 articles" in result.output
    result = runner.invoke(app, ["export", db, "-f", "test", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not empty" in result.output
    result = runner.invoke(app, ["export", db, "-f", "test", "-o", str(tmp_path / "p"),
                                 "--layer", "topic"])
    assert result.exit_code == 2


def test_gui_export_runs_in_a_worker(qtbot, filled: Project, tmp_path: Path) -> None:
    from annotator.ui.export_dialog import ExportDialog
    from annotator.ui.main_window import MainWindow
    from annotator.ui.task_actions import start_export

    window = MainWindow(filled, "maria")
    qtbot.addWidget(window)
    dialog = ExportDialog(window, out=tmp_path / "gui")
    dialog.format.addItem("test")
    dialog.format.setCurrentText("test")
    dialog.split.setText("train=0.5,test=0.5")
    dialog.layers[Layer.CLAIM].setChecked(False)
    dialog.unreviewed.setChecked(True)
    options = dialog.options()
    assert options.layers == frozenset({Layer.ENTITY, Layer.SOURCE, Layer.STRUCTURE})
    start_export(window, window.runner, filled.path, options)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    assert sorted(p.name for p in (tmp_path / "gui").iterdir()) == [
        ".annotator-export.json", "test.txt", "train.txt"]
    assert "Export: 40 articles" in window.statusBar().currentMessage()
    window.close()
