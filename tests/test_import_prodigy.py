"""Prodigy tasks read back: a rejected or ignored task is never done, a second pass over a
known text (a relations task after an NER task, our prodigy export's three files) merges into
that annotator's version, and ``relations`` become links (docs/formats.md, "Reading Prodigy")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_files
from annotator.store import Project

TEXT = "Anna Berger sagte in Dresden, der Vertrag sei am Mittwoch unterzeichnet worden."


def _at(part: str, label: str) -> dict:
    start = TEXT.index(part)
    return {"start": start, "end": start + len(part), "label": label}


def _write(path: Path, *tasks: dict) -> Path:
    path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks), "utf-8")
    return path


def _exported(project: Project, out: Path, *, unreviewed: bool) -> list[dict]:
    export_project(project, ExportOptions("jsonl", out, include_unreviewed=unreviewed,
                                          allow_disagreements=True))
    return [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text("utf-8").splitlines()]


def _state(project: Project) -> tuple[str, dict[str, str]]:
    status, = project.db.execute("SELECT status FROM articles").fetchone()
    return status, dict(project.db.execute(
        "SELECT a.name, v.status FROM versions v JOIN annotators a ON a.id = v.annotator_id"))


@pytest.mark.parametrize("answer", ["reject", "ignore"])
@pytest.mark.parametrize("who", [None, "maria"])
def test_a_rejected_or_ignored_task_is_never_done_nor_training_data(
        tmp_path: Path, answer: str, who: str | None) -> None:
    """Named: the annotator's version in progress; nobody named: the imported layer of an
    article that stays new. Either way no export of done work takes it."""
    task = {"text": TEXT, "answer": answer, "spans": [_at("Anna Berger", "PER")],
            "meta": {"status": "done"}, **({"_annotator_id": who} if who else {})}
    project = Project.open(tmp_path / "p.db")

    report = import_files(project, [_write(tmp_path / "t.jsonl", task)])

    assert report.failed == [] and len(report.imported) == 1
    assert _state(project) == ("new", {"maria": "in_progress"} if who else {})
    spans = project.db.execute("SELECT a.name FROM annotations n JOIN annotators a "
                               "ON a.id = n.annotator_id").fetchall()
    assert spans == [(who or "import",)]
    assert _exported(project, tmp_path / "done", unreviewed=False) == []
    assert [t["answer"] for t in _exported(project, tmp_path / "all", unreviewed=True)] == [
        "ignore"]


def test_our_jsonl_line_rejected_in_prodigy_is_no_longer_done(tmp_path: Path) -> None:
    """A line of our jsonl export (its meta says done) that a person rejected: in progress."""
    line = {"text": TEXT, "answer": "reject", "meta": {"status": "done"}, "groups": [],
            "spans": [{**_at("Anna Berger", "PER"), "key": "T1", "layer": "entity",
                       "_annotator_id": "maria"}]}
    project = Project.open(tmp_path / "p.db")

    report = import_files(project, [_write(tmp_path / "t.jsonl", line)])

    assert report.failed == []
    assert _state(project) == ("in_progress", {"maria": "in_progress"})
    assert _exported(project, tmp_path / "done", unreviewed=False) == []
    accepted = _write(tmp_path / "a.jsonl", {**line, "answer": "accept"})
    again = Project.open(tmp_path / "q.db")
    import_files(again, [accepted])
    assert _state(again) == ("done", {"maria": "done"})
