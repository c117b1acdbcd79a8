"""The command line and annotators: `annotator annotators` lists who has versions of how many
articles; `--annotator` reads one annotator's version (stats, disputes) or names who annotates
in the window (open)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project

runner = CliRunner()
TEXTS = ["Die Elbe steigt in Dresden.", "In Riesa wird gebaut.", "Pirna meldet Regen."]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Three articles: maria has done the first and started the second; jonas started the
    first; the third is nobody's."""
    with Project.open(tmp_path / "p.db") as project:
        ids = [project.add_article(ArticleDraft(text=t, title=t[:10])) for t in TEXTS]
        project.set_status(ids[0], Status.DONE, "maria")
        project.set_status(ids[1], Status.IN_PROGRESS, "maria")
        project.start_version(ids[0], "jonas")
        for who, value in (("maria", "Dresden"), ("jonas", "Riesa")):
            claim = project.add_annotation(ids[0], Layer.CLAIM, Span(0, 8, "CLAIM"), who)
            group = project.claims.add_group(f"Ort ({who})")
            project.claims.add_member(group, claim, who, value=value)
    return tmp_path / "p.db"


def test_annotators_lists_who_has_versions_of_how_many(path: Path) -> None:
    result = runner.invoke(app, ["annotators", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{path}: 3 articles; 2 annotators with versions",
        "maria: 2 (1 in progress, 1 done)", "jonas: 1 (1 in progress, 0 done)"]
    data = json.loads(runner.invoke(app, ["annotators", str(path), "--json"]).output)
    assert data == {"articles": 3, "annotators": [
        {"name": "maria", "articles": 2, "in_progress": 1, "done": 1},
        {"name": "jonas", "articles": 1, "in_progress": 1, "done": 0}]}


def test_annotators_of_a_project_nobody_worked_on(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        project.add_article(ArticleDraft(text=TEXTS[0], title="T"))
    result = runner.invoke(app, ["annotators", str(tmp_path / "p.db")])
    assert result.exit_code == 0 and "nobody has a version of any yet" in result.output


def test_stats_and_disputes_read_one_annotators_version(path: Path) -> None:
    def stats(*more: str) -> dict:
        return json.loads(runner.invoke(app, ["stats", str(path), "--json", *more]).output)

    assert stats("--annotator", "maria")["status"] == {"new": 1, "in_progress": 1, "done": 1}
    assert stats("--annotator", "jonas")["status"] == {"new": 2, "in_progress": 1, "done": 0}
    assert stats("--annotator", "tom")["status"] == {"new": 3, "in_progress": 0, "done": 0}
    assert stats()["status"] == {"new": 1, "in_progress": 1, "done": 1}  # the furthest

    def titles(*more: str) -> list[str]:
        out = runner.invoke(app, ["disputes", str(path), "--all", "--json", *more]).output
        return [g["title"] for g in json.loads(out)["groups"]]

    assert titles("--annotator", "jonas") == ["Ort (jonas)"]
    assert titles() == ["Ort (maria)", "Ort (jonas)"]


def test_open_names_who_annotates(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.ui import application

    seen: list = []
    monkeypatch.setattr(application, "run", lambda project, screenshot=None, annotator=None,
                        opened=None: seen.append(annotator) or 0)
    assert runner.invoke(app, ["open", str(path), "--annotator", "jonas"]).exit_code == 0
    assert runner.invoke(app, ["open", str(path)]).exit_code == 0
    assert seen == ["jonas", None]
    result = runner.invoke(app, ["open", str(path), "--annotator", " "])
    assert result.exit_code == 2 and "needs a name" in result.output
