"""One import use case: File ▸ Import and `annotator import` store the same thing.

A folder whose claim groups span several files comes in with its groups whole (so a point
two outlets state differently is disputed), and the project's claim suggester runs on the new
articles, whichever of the two started the import.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from typer.testing import CliRunner

from annotator.app.importing import ImportReport, run_import
from annotator.app.tasks import State, TaskRunner
from annotator.cli import app
from annotator.core.model import ArticleDraft, DocGroupMember, DocSpan, Layer
from annotator.core.names import CLAIMS_MODEL_SETTING
from annotator.io.brat import write_brat
from annotator.io.export_jsonl import task_of
from annotator.store import Project
from annotator.ui.task_actions import start_import

MITTWOCH = ("Vertrag unterzeichnet\n\nDresden (dpa) – Anna Berger sagte, der Vertrag sei am "
            "Mittwoch in Dresden unterzeichnet worden.")
DONNERSTAG = ("Unterschrift in Warschau\n\nWarschau (AFP) – Laut Regierung wurde der Vertrag am "
              "Donnerstag in Warschau unterzeichnet.")
POINT = "Wochentag der Unterzeichnung"


def _claim(text: str, part: str, value: str, holds: bool = False) -> ArticleDraft:
    """An article with one claim, member of the group POINT with this value."""
    start = text.index(part)
    return ArticleDraft(
        text=text, title=text.split("\n", 1)[0],
        annotations=[DocSpan("T1", Layer.CLAIM, start, start + len(part), "CLAIM")],
        groups=[DocGroupMember(POINT, "G1", "T1", value=value, holds=holds)])


DRAFTS = [
    _claim(MITTWOCH, "der Vertrag sei am Mittwoch in Dresden unterzeichnet worden", "Mittwoch",
           holds=True),
    _claim(DONNERSTAG, "der Vertrag am Donnerstag in Warschau unterzeichnet", "Donnerstag"),
]


@pytest.fixture(params=["brat", "jsonl"])
def spanning(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A folder of two files (brat pairs or JSONL files), one claim group across both."""
    folder = tmp_path / request.param
    if request.param == "brat":
        write_brat(DRAFTS, folder)
    else:
        folder.mkdir()
        for n, draft in enumerate(DRAFTS, start=1):
            (folder / f"{n}.jsonl").write_text(json.dumps(task_of(draft), ensure_ascii=False),
                                               encoding="utf-8")
    return folder


def gui_import(qtbot: QtBot, runner: TaskRunner, project: Project, paths: list[Path],
               model: Path) -> ImportReport:
    """File ▸ Import as the window starts it: the job in the runner's worker thread."""
    window = QMainWindow()
    qtbot.addWidget(window)
    task = start_import(window, runner, project.path, paths, model_name=str(model))
    qtbot.waitUntil(lambda: task.state is State.ENDED, timeout=20_000)
    assert isinstance(task.result, ImportReport), task.error
    return task.result


def assert_one_disputed_group(project: Project, imported: list[int]) -> None:
    (group,) = project.claims.groups()
    assert group.title == POINT and group.disputed
    assert sorted(m.value for m in group.members) == ["Donnerstag", "Mittwoch"]
    assert {m.article_id for m in group.members} == set(imported)
    held = next(m for m in group.members if m.annotation_id == group.holding_id)
    assert held.value == "Mittwoch"


def test_file_import_keeps_claim_groups_that_span_files(
        qtbot: QtBot, runner: TaskRunner, project: Project, spanning: Path,
        tiny_model: Path) -> None:
    report = gui_import(qtbot, runner, project, [spanning], tiny_model)
    assert len(report.imported) == 2 and not report.failed
    assert_one_disputed_group(project, report.imported)
    assert [g.title for g in project.claims.groups(disputed_only=True)] == [POINT]


def test_the_command_line_keeps_them_too(tmp_path: Path, spanning: Path) -> None:
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["import", str(db), str(spanning), "--no-suggest"])
    assert result.exit_code == 0, result.output
    with Project.open(db, create=False) as project:
        assert_one_disputed_group(project, [a.id for a in project.list_articles()])


def test_file_import_runs_the_projects_claim_suggester(
        qtbot: QtBot, runner: TaskRunner, project: Project, tmp_path: Path, tiny_model: Path,
        claims_model: Path) -> None:
    project.set_setting(CLAIMS_MODEL_SETTING, str(claims_model))
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in (("a.txt", MITTWOCH), ("b.txt", DONNERSTAG)):
        (folder / name).write_text(text, encoding="utf-8")
    report = gui_import(qtbot, runner, project, [folder], tiny_model)
    assert len(report.imported) == 2
    assert report.claims_model is not None and report.claims_model.name == "de_stub_claims"
    for article_id in report.imported:
        claims = [s for s in project.suggestions(article_id) if s.layer is Layer.CLAIM]
        assert claims and all(s.model == "de_stub_claims" for s in claims)
        entities = [s for s in project.suggestions(article_id) if s.layer is Layer.ENTITY]
        assert {s.label for s in entities} >= {"LOC"}
    assert report.claims_suggested == sum(
        1 for i in report.imported for s in project.suggestions(i) if s.layer is Layer.CLAIM)
    assert "claim suggestions from de_stub_claims" in report.summary()


def test_suggestions_come_from_the_imported_texts_not_from_the_store(
        project: Project, spanning: Path, tiny_model: Path, claims_model: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    project.set_setting(CLAIMS_MODEL_SETTING, str(claims_model))

    def read_back(article_id: int) -> None:
        raise AssertionError(f"article {article_id} read back from the project")

    monkeypatch.setattr(project, "article", read_back)
    steps: list[tuple[int, int]] = []
    report = run_import(project, [spanning], model=str(tiny_model),
                        progress=lambda done, total, message: steps.append((done, total)))
    assert len(report.imported) == 2 and report.suggested == 6  # Berger, Dresden ×2, Warschau ×3
    assert report.claims_suggested > 0
    assert steps[-1] == (2, 2)  # progress counts the items: here one in each file
    assert_one_disputed_group(project, report.imported)
