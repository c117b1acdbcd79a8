"""The model in the loop: train on the project's gold articles, use the result as suggester."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from annotator.app.zones import RULES
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
    # the new article's entities came from the trained model; its zones from the zone rules
    assert [m["name"] for m in stats["models"]] == [RULES.name, f"de_{meta['name']}"]


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


def test_train_claims_and_suggest_them_on_import(tmp_path: Path, qapp) -> None:
    db = tmp_path / "c.db"
    with Project.open(db) as project:
        for i in range(10):
            claim = f"Der Vertrag wurde am Mittwoch in {PLACES[i % 5]} unterzeichnet."
            text = f"Bericht {i}\n\nEs regnete. {NAMES[i % 4]} sagte, {claim} Danach war Ruhe."
            aid = project.add_article(ArticleDraft(text=text, title=f"Bericht {i}"))
            start = text.index(claim)
            project.add_annotation(aid, Layer.CLAIM, Span(start, start + len(claim), "CLAIM"),
                                   "m")
            project.set_status(aid, Status.DONE)
    runner = CliRunner()
    out = tmp_path / "claims-model"
    result = runner.invoke(app, ["train", str(db), "--layer", "claims", "-o", str(out),
                                 "--steps", "30", "--use"])
    assert result.exit_code == 0, result.output
    assert "claim F" in result.output
    (tmp_path / "n.txt").write_text("Neu\n\nBerger sagte, der Vertrag wurde am Donnerstag in "
                                    "Prag unterzeichnet. Es regnete.", encoding="utf-8")
    result = runner.invoke(app, ["import", str(db), str(tmp_path / "n.txt")])
    assert result.exit_code == 0, result.output
    assert "claim suggestions from de_project_c_claims" in result.output
    with Project.open(db) as project:
        new = project.article_ids_by_source("n.txt")[0]
        claims = [s for s in project.suggestions(new) if s.layer is Layer.CLAIM]
        assert claims and all(s.score is not None for s in claims)
        from annotator.app.session import Session

        Session(project, "maria").accept(new, claims[:1])  # into the claim layer
        (ann,) = project.annotations(new, Layer.CLAIM)
        assert ann.suggestion_id == claims[0].id and ann.label == "CLAIM"
