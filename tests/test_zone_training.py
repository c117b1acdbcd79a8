"""Zones learned in a project: which articles count as reviewed, training and its refusal, the
model file beside the project and its setting, the zones a new article gets, and the
``train-zones`` command."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app.importing import import_files
from annotator.app.zone_training import (
    ZoneTrainingError,
    format_training,
    is_reviewed,
    project_zone_model,
    reviewed_examples,
    train_zones,
    with_learned_zones,
)
from annotator.app.zones import LEARNED, RULES, rederive
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.core.names import ZONES_MODEL_SETTING
from annotator.nlp.zones import suggest_zones
from annotator.store import Project

FOOTER = "Nordheider Bote – Ihr Blatt zwischen Moor und Marsch"
PLACES = ["Stade", "Buxtehude", "Jork", "Harsefeld", "Horneburg", "Fredenbeck", "Himmelpforten",
          "Drochtersen"]
WORK = ["eine neue Kita", "einen Radweg", "ein Feuerwehrhaus", "eine Sporthalle",
        "einen Spielplatz", "ein Ärztehaus", "eine Brücke", "ein Freibad"]


def page(n: int) -> str:
    """An invented page: headline, two paragraphs, the outlet's recurring footer."""
    place, work = PLACES[n], WORK[n]
    return (f"{place} plant {work}\n\n"
            f"Der Rat von {place} hat am Dienstag beschlossen, {work} zu bauen. Die Kosten "
            f"liegen nach Angaben der Verwaltung bei rund drei Millionen Euro.\n\n"
            f"Baubeginn soll im kommenden Jahr sein, sagte der Bürgermeister. Anwohner "
            f"hatten sich seit Langem dafür eingesetzt.\n\n{FOOTER}\n")


def add(project: Project, n: int, *, reviewed: bool) -> int:
    """An imported article with the rules' zones; reviewed: a person marked the footer NAV."""
    text = page(n)
    article_id = project.add_article(ArticleDraft(text=text))
    assert article_id is not None
    project.replace_suggestions(article_id, RULES, suggest_zones(text), layer=Layer.STRUCTURE)
    if reviewed:
        foot = text.index(FOOTER)
        project.add_annotation(article_id, Layer.STRUCTURE,
                               Span(foot, foot + len(FOOTER), "NAV"), "anna")
    return article_id


def test_reviewed_means_done_or_zones_set_or_decided_by_a_person(project: Project) -> None:
    fresh, marked, done, rejected = (add(project, n, reviewed=n == 1) for n in range(4))
    project.set_status(done, Status.DONE)
    headline = project.suggestions(rejected)[0]
    project.decide([headline.id], "rejected", "anna")
    status = project.article_status
    assert [is_reviewed(project, a, status(a)) for a in (fresh, marked, done, rejected)] == [
        False, True, True, True]
    examples = dict(reviewed_examples(project))
    assert set(examples) == {page(1), page(2), page(3)}
    foot = page(1).index(FOOTER)
    assert Span(foot, foot + len(FOOTER), "NAV") in examples[page(1)]
    assert not any(z.label == "HEADLINE" for z in examples[page(3)])  # rejected: body now


def test_too_few_reviewed_articles_are_refused(project: Project) -> None:
    for n in range(3):
        add(project, n, reviewed=True)
    add(project, 3, reviewed=False)
    with pytest.raises(ZoneTrainingError, match="3 articles with reviewed zones, 5 needed"):
        train_zones(project, min_articles=5)
    assert project.setting(ZONES_MODEL_SETTING) is None


def test_a_trained_model_adds_the_footer_to_a_new_article(project: Project) -> None:
    for n in range(6):
        add(project, n, reviewed=True)
    text = page(7)
    rules = suggest_zones(text)
    assert with_learned_zones(project, text, rules) == rules  # no model yet
    result = train_zones(project, min_articles=5)
    assert result.path == project.path.with_name("project.db.zones-model")
    assert result.path.exists() and result.articles == 6 and result.folds == 5
    assert result.combined.labels["NAV"].recall > result.rules.labels["NAV"].recall
    assert result.active and project.setting(ZONES_MODEL_SETTING) == "project.db.zones-model"
    zones = with_learned_zones(project, text, rules)
    foot = text.index(FOOTER)
    assert set(rules) < set(zones)
    assert [(z.start, z.end, z.label) for z in zones if z not in rules] == [
        (foot, foot + len(FOOTER), "NAV")]
    assert "| NAV |" in format_training(result) and "in use at import" in format_training(result)


def test_an_unusable_model_file_leaves_the_rules_alone(project: Project) -> None:
    for n in range(6):
        add(project, n, reviewed=True)
    result = train_zones(project, min_articles=5)
    assert project_zone_model(project) is not None
    result.path.write_text('{"version": "zone-lines-0"}', encoding="utf-8")
    text = page(7)
    assert project_zone_model(project) is None
    assert with_learned_zones(project, text, suggest_zones(text)) == suggest_zones(text)
    result.path.unlink()
    assert project_zone_model(project) is None


def test_train_zones_command(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with Project.open(db) as project:
        for n in range(6):
            add(project, n, reviewed=n != 5)
    runner = CliRunner()
    refused = runner.invoke(app, ["train-zones", str(db)])
    assert refused.exit_code == 2
    assert "5 articles with reviewed zones, 10 needed" in refused.output
    result = runner.invoke(app, ["train-zones", str(db), "--min-articles", "5"])
    assert result.exit_code == 0, result.output
    assert "| NAV | 5 |" in result.output
    assert "5 articles, 5-fold cross-validation; model p.db.zones-model" in result.output
    assert (tmp_path / "p.db.zones-model").exists()
    with Project.open(db) as project:
        assert project.setting(ZONES_MODEL_SETTING) == "p.db.zones-model"


def _import(tmp_path: Path, project: Project, n: int) -> int:
    path = tmp_path / f"seite{n}.txt"
    path.write_text(page(n), encoding="utf-8")
    [article_id] = import_files(project, [path]).imported  # with its zones
    return article_id


def _models(project: Project, article_id: int) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for s in project.suggestions(article_id):
        out.setdefault((s.model, s.model_version), []).append(s.label)
    return out


def test_learned_zones_are_stored_under_a_model_record_of_their_own(
        tmp_path: Path, project: Project) -> None:
    for n in range(6):
        add(project, n, reviewed=True)
    first = train_zones(project, min_articles=5)
    first_version = hashlib.sha256(first.path.read_bytes()).hexdigest()[:12]
    sixth = _import(tmp_path, project, 6)
    rules = [z.label for z in suggest_zones(page(6))]
    assert _models(project, sixth) == {(RULES.name, RULES.version): rules,
                                       (LEARNED, first_version): ["NAV"]}
    (learned,) = project.suggestions(sixth, ModelInfo(LEARNED, first_version))
    assert page(6)[learned.start:learned.end] == FOOTER and learned.score is not None
    # trained again on one more article: another model, another record
    project.add_annotation(sixth, Layer.STRUCTURE, Span(learned.start, learned.end, "NAV"),
                           "anna")
    second = train_zones(project, min_articles=5)
    second_version = hashlib.sha256(second.path.read_bytes()).hexdigest()[:12]
    assert second_version != first_version
    seventh = _import(tmp_path, project, 7)
    assert set(_models(project, seventh)) == {(RULES.name, RULES.version),
                                              (LEARNED, second_version)}
    assert (LEARNED, first_version) in _models(project, sixth)  # what it came in with
    shown = CliRunner().invoke(app, ["zones", str(tmp_path / "project.db"), "--article",
                                     str(seventh), "--json"])
    assert shown.exit_code == 0, shown.output
    by = {z["text"]: z["by"] for z in json.loads(shown.output)["articles"][0]["zones"]}
    assert by[FOOTER] == f"{LEARNED} {second_version}"
    assert set(by.values()) == {"rules", f"{LEARNED} {second_version}"}


def test_running_the_rules_again_keeps_the_learned_zones_where_no_rule_zone_lies(
        project: Project) -> None:
    article_id = add(project, 0, reviewed=False)
    text = page(0)
    headline = next(z for z in suggest_zones(text) if z.label == "HEADLINE")
    foot = text.index(FOOTER)
    learned = ModelInfo(LEARNED, "0123456789ab")
    project.replace_suggestions(article_id, learned, [
        Span(headline.start, headline.end, "NAV", 0.9), Span(foot, foot + len(FOOTER), "NAV", 0.8)],
        layer=Layer.STRUCTURE)
    rederive(project, article_id)
    assert [(text[s.start:s.end], s.score) for s in project.suggestions(article_id, learned)] \
        == [(FOOTER, 0.8)]
    assert [s.label for s in project.suggestions(article_id, RULES)] == [
        z.label for z in suggest_zones(text)]
