"""The model in the loop: train on the project's gold articles, use the result as suggester."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project

NAMES = ["Anna Berger", "Markus Lenhardt", "Jana Procházková", "Ondřej Kratochvíl"]
PLACES = ["Dresden", "Prag", "Hamburg", "Pirna", "Riesa"]


def make_project(path: Path) -> None:
    with Project.open(path) as project:
        for i in range(12):
            name, place = NAMES[i % 4], PLACES[i % 5]
            text = f"Bericht {i} 😀\n\n{name} reiste am Mittwoch nach {place} und sprach dort."
            aid = project.add_article(ArticleDraft(text=text, title=f"Bericht {i}"))
            start = text.index(name)
            project.add_annotation(aid, Layer.ENTITY, Span(start, start + len(name), "PER"), "m")
            start = text.index(place)
            project.add_annotation(aid, Layer.ENTITY, Span(start, start + len(place), "LOC"), "m")
            project.set_status(aid, Status.DONE)


def test_train_and_use_as_suggester(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    make_project(db)
    runner = CliRunner()
    out = tmp_path / "model"
    result = runner.invoke(app, ["train", str(db), "-o", str(out), "--steps", "40", "--use"])
    assert result.exit_code == 0, result.output
    assert "entity F" in result.output and "suggester" in result.output
    meta = json.loads((out / "meta.json").read_text())
    assert meta["name"].startswith("project_p") and meta["lang"] == "de"
    with Project.open(db) as project:
        assert project.setting("model") == str(out.resolve())
        from annotator.nlp.resolve import describe

        assert describe(project.setting("model")).startswith(f"{meta['name']} 0.0.1 (F ")
    (tmp_path / "new.txt").write_text("Neu\n\nAnna Berger fuhr nach Prag.", encoding="utf-8")
    result = runner.invoke(app, ["import", str(db), str(tmp_path / "new.txt")])
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(app, ["stats", str(db), "--json"]).output)
    assert [m["name"] for m in stats["models"]] == [f"de_{meta['name']}"]


def test_train_needs_gold_data(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with Project.open(db) as project:
        project.add_article(ArticleDraft(text="Nur ein Artikel.", title="x"))
    result = CliRunner().invoke(app, ["train", str(db)])
    assert result.exit_code == 2 and "too little gold data" in result.output
    result = CliRunner().invoke(app, ["train", str(db), "--layer", "claims"])
    assert result.exit_code == 2


def test_use_model_checks_the_pipeline(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    make_project(db)
    runner = CliRunner()
    result = runner.invoke(app, ["use-model", str(db), str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "nowhere" in result.output
    result = runner.invoke(app, ["use-model", str(db)])
    assert result.exit_code == 0 and "automatic" in result.output
