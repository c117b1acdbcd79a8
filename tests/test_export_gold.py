"""Exports and several annotators: the gold version where an article has one, one annotator's
version when asked, and a refusal (or with leave, a warning) where versions disagree and no
gold version decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app.adjudication import Adjudication, adjudicator
from annotator.app.exporting import ExportError, ExportOptions, ExportRefused, export_project
from annotator.cli import app
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project

runner = CliRunner()
TEXT = "Anna Berger eröffnete in Dresden die neue Brücke über die Elbe."
SAME = "Der Stadtrat von Meißen beschloss den Haushalt einstimmig."


def at(text: str, part: str, label: str) -> Span:
    return Span(text.index(part), text.index(part) + len(part), label)


def version(project: Project, aid: int, who: str, spans: list[Span],
            status: Status = Status.DONE) -> None:
    project.start_version(aid, who, status)
    for span in spans:
        project.add_annotation(aid, Layer.ENTITY, span, who)


@pytest.fixture
def two(project: Project) -> dict[str, int]:
    """"Brücke": maria LOC, jonas ORG on Dresden; "Haushalt": both the same."""
    ids = {"Brücke": project.add_article(ArticleDraft(text=TEXT, title="Brücke")),
           "Haushalt": project.add_article(ArticleDraft(text=SAME, title="Haushalt"))}
    version(project, ids["Brücke"], "maria", [at(TEXT, "Anna Berger", "PER"),
                                              at(TEXT, "Dresden", "LOC")])
    version(project, ids["Brücke"], "jonas", [at(TEXT, "Anna Berger", "PER"),
                                              at(TEXT, "Dresden", "ORG")])
    for who in ("maria", "jonas"):
        version(project, ids["Haushalt"], who, [at(SAME, "Meißen", "LOC")])
    return ids


def export(project: Project, out: Path, **options) -> object:
    return export_project(project, ExportOptions("jsonl", out, **options))


def spans(out: Path) -> dict[str, list[tuple[str, str, str]]]:
    found = {}
    for line in (out / "all.jsonl").read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        found[task["meta"]["title"]] = sorted(
            (s["label"], task["text"][s["start"]:s["end"]], s["_annotator_id"])
            for s in task["spans"])
    return found


def test_disagreeing_versions_without_gold_are_refused(project, two, tmp_path) -> None:
    with pytest.raises(ExportRefused, match=r"1 article has .*disagree.*'Brücke'") as refused:
        export(project, tmp_path / "a")
    assert "Haushalt" not in str(refused.value) and not (tmp_path / "a").exists()
    # the Python API's names for the ways out: ExportOptions' fields
    assert "(annotator=NAME)" in str(refused.value)
    assert "(allow_disagreements=True)" in str(refused.value)
    report = export(project, tmp_path / "b", allow_disagreements=True)
    assert any("Brücke" in w and "disagree" in w for w in report.warnings)
    found = spans(tmp_path / "b")
    assert ("LOC", "Dresden", "maria") in found["Brücke"]
    assert ("ORG", "Dresden", "jonas") in found["Brücke"]


def test_one_annotators_version(project, two, tmp_path) -> None:
    export(project, tmp_path / "m", annotator="maria")
    assert spans(tmp_path / "m") == {
        "Brücke": [("LOC", "Dresden", "maria"), ("PER", "Anna Berger", "maria")],
        "Haushalt": [("LOC", "Meißen", "maria")]}
    with pytest.raises(ExportError, match="nobody called 'lea'"):
        export(project, tmp_path / "l", annotator="lea")


def test_gold_is_exported_where_there_is_one(qapp, project, two, tmp_path) -> None:
    adj = Adjudication(adjudicator(project), two["Brücke"])
    adj.start()
    adj.take(0, "jonas")
    # gold in progress: the article is not done yet, whatever maria and jonas marked; and
    # not refused ("Haushalt" has no gold, but its versions agree)
    export(project, tmp_path / "x")
    assert set(spans(tmp_path / "x")) == {"Haushalt"}
    assert adj.finish()
    report = export(project, tmp_path / "g")
    assert not report.warnings
    found = spans(tmp_path / "g")
    assert found["Brücke"] == [("ORG", "Dresden", "gold"), ("PER", "Anna Berger", "gold")]
    # no gold, the versions agree: their span once, from the first name's version, naming both
    assert found["Haushalt"] == [("LOC", "Meißen", "jonas")]
    task = [json.loads(line) for line in (tmp_path / "g" / "all.jsonl").read_text(
        encoding="utf-8").splitlines() if "Haushalt" in line][0]
    assert [s["_annotators"] for s in task["spans"]] == [["jonas", "maria"]]


def test_an_unfinished_gold_version_leaves_the_article_out(qapp, project, tmp_path) -> None:
    aid = project.add_article(ArticleDraft(text=TEXT, title="Brücke"))
    version(project, aid, "maria", [at(TEXT, "Dresden", "LOC")])
    version(project, aid, "jonas", [at(TEXT, "Dresden", "ORG")])
    Adjudication(adjudicator(project), aid).start()
    report = export(project, tmp_path / "o")
    assert report.articles == {"all": 0}
    export(project, tmp_path / "u", include_unreviewed=True)
    assert spans(tmp_path / "u") == {"Brücke": []}  # gold so far: nothing agreed


def test_cli_annotator_and_allow_disagreements(project, two, tmp_path) -> None:
    db = str(project.path)
    project.close()
    result = runner.invoke(app, ["export", db, "-f", "jsonl", "-o", str(tmp_path / "r")])
    assert result.exit_code == 1 and "Brücke" in result.output and "--annotator" in result.output
    result = runner.invoke(app, ["export", db, "-f", "jsonl", "-o", str(tmp_path / "j"),
                                 "--annotator", "jonas"])
    assert result.exit_code == 0, result.output
    assert ("ORG", "Dresden", "jonas") in spans(tmp_path / "j")["Brücke"]
    result = runner.invoke(app, ["export", db, "-f", "jsonl", "-o", str(tmp_path / "w"),
                                 "--allow-disagreements"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "Brücke" in result.output


def test_the_dialog_offers_each_annotators_version(qtbot, project, two, tmp_path) -> None:
    from annotator.ui.export_dialog import GOLD_CHOICE, ExportDialog

    dialog = ExportDialog(None, out=tmp_path / "d", annotators=project.annotators())
    qtbot.addWidget(dialog)
    items = [dialog.version.itemText(i) for i in range(dialog.version.count())]
    assert items == [GOLD_CHOICE, "maria's version", "jonas's version"]
    assert dialog.options().annotator is None and not dialog.options().allow_disagreements
    dialog.version.setCurrentIndex(2)
    dialog.disagreements.setChecked(True)
    assert dialog.options().annotator == "jonas" and dialog.options().allow_disagreements
