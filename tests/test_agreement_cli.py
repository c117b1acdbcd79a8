"""`annotator agreement`: the tables, the JSON with every figure, the options, the errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.model import Status
from annotator.store import Project
from tests.test_agreement import LANDTAG, MEETING, article, entity, three_annotators, version


def test_the_command_prints_the_figures_and_json(project: Project) -> None:
    three_annotators(project)
    path = str(project.path)
    runner = CliRunner()
    done = runner.invoke(app, ["agreement", path, "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert data["layers"]["entity"]["alpha"] == pytest.approx(9 / 13)
    text = runner.invoke(app, ["agreement", path, "--layer", "entity"])
    assert text.exit_code == 0, text.output
    assert "anna & cem" in text.output and "0.692" in text.output  # alpha 9/13
    two = json.loads(runner.invoke(app, ["agreement", path, "--json", "--annotators",
                                         "anna,cem"]).output)
    assert two["pairs"] == [["anna", "cem"]]
    assert two["layers"]["entity"]["alpha"] is not None
    bad = runner.invoke(app, ["agreement", path, "--annotators", "anna,zoe"])
    assert bad.exit_code == 2 and "zoe" in bad.output
    assert runner.invoke(app, ["agreement", path, "--layer", "people"]).exit_code == 2


def test_in_progress_counts_versions_in_progress_too(project: Project) -> None:
    three_annotators(project)
    landtag = article(project, LANDTAG)
    for who in ("anna", "ben"):
        version(project, landtag, who, status=Status.IN_PROGRESS)
    path, runner = str(project.path), CliRunner()
    done = json.loads(runner.invoke(app, ["agreement", path, "--json"]).output)
    assert done["articles_compared"] == 1 and done["versions"]["anna"] == 1
    both = json.loads(runner.invoke(app, ["agreement", path, "--json", "--in-progress"]).output)
    assert both["articles_compared"] == 2 and both["versions"]["anna"] == 2


def test_the_command_needs_two_annotators(tmp_path: Path) -> None:
    project = Project.open(tmp_path / "p.db")
    a = article(project, MEETING)
    version(project, a, "anna")
    entity(project, a, 0, 11, "PER", "anna")
    project.close()
    done = CliRunner().invoke(app, ["agreement", str(tmp_path / "p.db")])
    assert done.exit_code == 2 and "two annotators" in done.output
