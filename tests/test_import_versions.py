"""Importing another annotator's export of articles the project has: their version is added
beside the others', never skipped, never over anybody's; a dataset's named annotator keeps
their spans (docs/annotators.md, "Importing another annotator's work")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.agreement import measure
from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_files
from annotator.core.hashing import content_hash
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import Project

FIRST = "Anna Berger sagte in Dresden, der Vertrag sei am Mittwoch unterzeichnet worden."
SECOND = "Der Senat von Hamburg beschloss am Montag den Ausbau des Hafens an der Elbe."


def _at(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label)


def _version(project: Project, aid: int, who: str, spans: list[Span]) -> None:
    project.start_version(aid, who)
    for span in spans:
        project.add_annotation(aid, Layer.ENTITY, span, who)
    project.set_version_status(aid, who, Status.DONE)


def _project(path: Path, who: str, labels: dict[str, str]) -> tuple[Project, list[int]]:
    """Both articles; ``who``'s done version of each: Anna Berger PER, and the places with
    ``labels``' label (Dresden, Hamburg)."""
    project = Project.open(path)
    ids = []
    for text, place in ((FIRST, "Dresden"), (SECOND, "Hamburg")):
        aid = project.add_article(ArticleDraft(text=text, title=text[:20]))
        assert aid is not None
        spans = [_at(text, place, labels[place])]
        if text == FIRST:
            spans.insert(0, _at(text, "Anna Berger", "PER"))
        _version(project, aid, who, spans)
        ids.append(aid)
    return project, ids


def _spans(project: Project, aid: int, who: str) -> list[tuple[int, int, str]]:
    return sorted(project.db.execute(
        'SELECT n.start, n."end", n.label FROM annotations n JOIN annotators a '
        "ON a.id = n.annotator_id WHERE n.article_id = ? AND a.name = ?", [aid, who]).fetchall())


def _rows(project: Project) -> tuple[int, int, int]:
    return tuple(project.db.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM annotations), "
        "(SELECT count(*) FROM versions)").fetchone())


def _export(project: Project, out: Path, who: str, fmt: str = "jsonl") -> Path:
    export_project(project, ExportOptions(fmt, out, annotator=who))
    (found,) = out.rglob("*.jsonl" if fmt == "jsonl" else "*.spacy")
    return found


@pytest.mark.parametrize("fmt", ["jsonl", "spacy"])
def test_an_export_of_marias_project_adds_her_version_beside_jonass(tmp_path: Path,
                                                                     fmt: str) -> None:
    maria, _ = _project(tmp_path / "a.db", "maria", {"Dresden": "LOC", "Hamburg": "LOC"})
    exported = _export(maria, tmp_path / "out", "maria", fmt)
    target, ids = _project(tmp_path / "b.db", "jonas", {"Dresden": "ORG", "Hamburg": "LOC"})
    jonas_before = {aid: _spans(target, aid, "jonas") for aid in ids}

    report = import_files(target, [exported])

    assert report.imported == [] and report.skipped == [] and report.failed == []
    assert [line.split(": ", 1)[1] for line in report.versions] == [
        f"maria's version of article {aid} added" for aid in ids]
    for aid in ids:
        assert target.versions_of(aid) == {"jonas": Status.DONE, "maria": Status.DONE}
        assert _spans(target, aid, "jonas") == jonas_before[aid]
        assert _spans(target, aid, "maria") == _spans(maria, aid, "maria")
    (pair,) = measure(target).as_dict()["layers"]["entity"]["pairs"]
    # jonas PER, ORG, LOC; maria PER, LOC, LOC: 2 of 3 spans the same, by hand
    assert pair["annotators"] == ["jonas", "maria"] and pair["spans"] == [3, 3]
    assert pair["exact_matches"] == 2 and pair["exact_f1"] == 2 / 3

    again = import_files(target, [exported])
    assert again.versions == [] and len(again.skipped) == 2
    assert all(line.endswith("skipped (maria's version already there)")
               for line in again.skipped)
    counts = _rows(target)
    import_files(target, [exported])
    assert _rows(target) == counts


def _task(text: str, who: str, answer: str, spans: list[Span]) -> str:
    return json.dumps({"text": text, "_annotator_id": who, "answer": answer, "spans": [
        {"start": s.start, "end": s.end, "label": s.label} for s in spans]},
        ensure_ascii=False)


def test_prodigy_tasks_name_their_annotator_and_a_reject_is_never_done(tmp_path: Path) -> None:
    target, (first, second) = _project(tmp_path / "b.db", "jonas",
                                       {"Dresden": "LOC", "Hamburg": "LOC"})
    third = "Am Dienstag eröffnete Lena Vogt in Leipzig eine Ausstellung über Brücken."
    person = _at(third, "Lena Vogt", "PER")
    path = tmp_path / "prodigy.jsonl"
    path.write_text("\n".join([
        _task(FIRST, "news_ner-maria", "accept", [_at(FIRST, "Dresden", "GPE")]),
        _task(SECOND, "news_ner-maria", "reject", [_at(SECOND, "Hamburg", "PER")]),
        _task(third, "news_ner-maria", "accept", [person]),
    ]) + "\n", encoding="utf-8")

    report = import_files(target, [path])

    assert len(report.versions) == 2 and len(report.imported) == 1
    # the id is kept whole: Prodigy documents no rule that splits a session's name off
    assert target.versions_of(first) == {"jonas": Status.DONE, "news_ner-maria": Status.DONE}
    assert _spans(target, first, "news_ner-maria") == [(21, 28, "GPE")]
    # a rejected task: her spans, a version in progress, not done
    assert target.versions_of(second)["news_ner-maria"] is Status.IN_PROGRESS
    assert _spans(target, second, "news_ner-maria") == [(14, 21, "PER")]
    (new,) = report.imported
    assert _spans(target, new, "news_ner-maria") == [(person.start, person.end, "PER")]
    assert _spans(target, new, "import") == []  # not the imported layer: her version
    assert target.versions_of(new) == {"news_ner-maria": Status.DONE}


def test_into_an_empty_project_her_spans_are_her_version(tmp_path: Path) -> None:
    maria, ids = _project(tmp_path / "a.db", "maria", {"Dresden": "LOC", "Hamburg": "LOC"})
    claim = maria.add_annotation(ids[0], Layer.CLAIM, _at(FIRST, "der Vertrag sei am Mittwoch "
                                                          "unterzeichnet worden", "CLAIM"), "maria")
    source = maria.add_annotation(ids[0], Layer.SOURCE, _at(FIRST, "Anna Berger", "SOURCE"),
                                  "maria")
    maria.add_link(claim, source, "attributed_to", "maria")
    exported = _export(maria, tmp_path / "out", "maria")
    target = Project.open(tmp_path / "b.db")

    report = import_files(target, [exported])

    assert len(report.imported) == 2 and report.versions == []
    for aid in report.imported:
        assert target.versions_of(aid) == {"maria": Status.DONE}
        assert _spans(target, aid, "import") == []
    first = report.imported[0]
    assert target.db.execute(
        "SELECT a.name FROM links k JOIN annotators a ON a.id = k.annotator_id").fetchall() == [
        ("maria",)]
    assert _spans(target, first, "maria") == _spans(maria, ids[0], "maria")
    assert import_files(target, [exported]).versions == []


def test_a_plain_dataset_without_annotator_is_skipped_as_before(tmp_path: Path) -> None:
    target, (first, _) = _project(tmp_path / "b.db", "jonas", {"Dresden": "LOC", "Hamburg": "LOC"})
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"text": FIRST, "spans": [
        {"start": 0, "end": 11, "label": "PER"}]}) + "\n", encoding="utf-8")
    counts = _rows(target)

    report = import_files(target, [path])

    assert report.versions == []
    assert report.skipped == [f"{path}:1: same text as article {first}, skipped"]
    assert _rows(target) == counts


def test_one_file_with_the_same_text_by_two_annotators_adds_both(tmp_path: Path) -> None:
    """A Prodigy dataset of two annotators (`db-out` of a multi-user session) has each text
    once per annotator: each line becomes its annotator's version, in the same batch or a
    later one (25 other articles between: the next batch, read before this one is stored)."""
    others = [f"In Pirna regnet es seit {n} Tagen, teilte das Wetteramt mit." for n in range(25)]
    path = tmp_path / "prodigy.jsonl"
    path.write_text("\n".join([
        _task(FIRST, "maria", "accept", [_at(FIRST, "Dresden", "LOC")]),
        _task(FIRST, "jonas", "accept", [_at(FIRST, "Dresden", "ORG")]),
        _task(FIRST, "jonas", "accept", [_at(FIRST, "Anna Berger", "PER")]),  # his, again
        *(json.dumps({"text": text}) for text in others),
        _task(SECOND, "maria", "accept", [_at(SECOND, "Hamburg", "LOC")]),
        *(json.dumps({"text": text.replace("Pirna", "Riesa")}) for text in others),
        _task(SECOND, "jonas", "reject", [_at(SECOND, "Elbe", "LOC")]),
    ]) + "\n", encoding="utf-8")
    target = Project.open(tmp_path / "p.db")

    report = import_files(target, [path])

    assert report.failed == [] and len(report.imported) == 2 + 2 * len(others)
    first, second = (target.article_id_by_hash(content_hash(t)) for t in (FIRST, SECOND))
    assert target.versions_of(first) == {"maria": Status.DONE, "jonas": Status.DONE}
    assert _spans(target, first, "maria") == [(21, 28, "LOC")]
    assert _spans(target, first, "jonas") == [(21, 28, "ORG")]
    assert target.versions_of(second) == {"maria": Status.DONE, "jonas": Status.IN_PROGRESS}
    elbe = _at(SECOND, "Elbe", "LOC")
    assert _spans(target, second, "jonas") == [(elbe.start, elbe.end, "LOC")]
    assert [line.split(": ", 1)[1] for line in report.versions] == [
        f"jonas's version of article {first} added", f"jonas's version of article {second} added"]
    assert report.skipped == [f"{path}:3: same text as article {first}, skipped "
                              "(jonas's version already there)"]
    counts = _rows(target)
    again = import_files(target, [path])  # once
    assert again.versions == [] and again.imported == [] and _rows(target) == counts


def test_two_exports_in_one_file_are_both_versions(tmp_path: Path) -> None:
    maria, _ = _project(tmp_path / "a.db", "maria", {"Dresden": "LOC", "Hamburg": "LOC"})
    jonas, _ = _project(tmp_path / "b.db", "jonas", {"Dresden": "ORG", "Hamburg": "LOC"})
    both = tmp_path / "beide.jsonl"
    both.write_text("".join(_export(p, tmp_path / who, who).read_text(encoding="utf-8")
                            for p, who in ((maria, "maria"), (jonas, "jonas"))),
                    encoding="utf-8")
    target = Project.open(tmp_path / "c.db")

    report = import_files(target, [both])

    assert len(report.imported) == 2 and len(report.versions) == 2 and report.skipped == []
    for aid in report.imported:
        assert target.versions_of(aid) == {"maria": Status.DONE, "jonas": Status.DONE}
    first = report.imported[0]
    assert _spans(target, first, "jonas") == [(0, 11, "PER"), (21, 28, "ORG")]
    assert _spans(target, first, "maria") == [(0, 11, "PER"), (21, 28, "LOC")]
