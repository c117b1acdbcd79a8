"""Prodigy tasks read back: a rejected or ignored task is never done, a second pass over a
known text (a relations task after an NER task, our prodigy export's three files) merges into
that annotator's version, and ``relations`` become links (docs/formats.md, "Reading Prodigy")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_files
from annotator.core.model import ArticleDraft, Layer, Span, Status
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


CLAIM = "der Vertrag sei am Mittwoch unterzeichnet worden"


def _links(project: Project) -> set[tuple[str, str, str, str]]:
    return set(project.db.execute(
        "SELECT a.name, substr(x.text, f.start + 1, f.\"end\" - f.start), "
        "substr(x.text, t.start + 1, t.\"end\" - t.start), k.kind FROM links k "
        "JOIN annotators a ON a.id = k.annotator_id JOIN annotations f ON f.id = k.from_id "
        "JOIN annotations t ON t.id = k.to_id JOIN articles x ON x.id = f.article_id"))


def _spans(project: Project) -> list[tuple[str, str, str, str]]:
    return sorted(project.db.execute(
        "SELECT a.name, n.layer, n.label, substr(x.text, n.start + 1, n.\"end\" - n.start) "
        "FROM annotations n JOIN annotators a ON a.id = n.annotator_id "
        "JOIN articles x ON x.id = n.article_id"))


def _rel(head: dict, child: dict, label: str, *, spans: bool = True) -> dict:
    ends = {"head_span": head, "child_span": child} if spans else {}
    return {"head": head["token_end"], "child": child["token_end"], "label": label, **ends}


def _tok(span: dict, first: int, last: int) -> dict:
    return {**span, "token_start": first, "token_end": last}


@pytest.mark.parametrize("spans", [True, False], ids=["head_span", "token indices"])
def test_a_relations_task_after_an_ner_task_merges_into_her_version(
        tmp_path: Path, spans: bool) -> None:
    """ner.manual, then rel.manual over the same text (its spans: the NER pass's and a new
    one): her version gets the new span and the relation; importing both again adds nothing."""
    person, place = _tok(_at("Anna Berger", "PER"), 0, 1), _tok(_at("Dresden", "LOC"), 4, 4)
    speaker = _tok(_at(CLAIM, "CLAIM"), 6, 12)
    ner = _write(tmp_path / "ner.jsonl", {"text": TEXT, "spans": [person, place],
                                          "answer": "accept", "_annotator_id": "maria"})
    rel = _write(tmp_path / "rel.jsonl", {
        "text": TEXT, "spans": [person, place, speaker], "answer": "accept",
        "_annotator_id": "maria", "relations": [_rel(speaker, person, "SPEAKER", spans=spans)]})
    project = Project.open(tmp_path / "p.db")

    first = import_files(project, [ner])
    second = import_files(project, [rel])

    (aid,) = first.imported
    assert second.failed == [] and second.skipped == []
    assert second.versions == [f"{rel}:1: maria's version of article {aid}: claim, 1 links added"]
    assert _spans(project) == [("maria", "claim", "CLAIM", CLAIM),
                               ("maria", "entity", "LOC", "Dresden"),
                               ("maria", "entity", "PER", "Anna Berger")]
    # CLAIM → claim layer (the default label mapping); the relation's label is the link's kind
    assert _links(project) == {("maria", CLAIM, "Anna Berger", "SPEAKER")}
    assert project.versions_of(aid) == {"maria": Status.DONE}
    again = import_files(project, [ner, rel])
    assert again.versions == [] and again.imported == [] and len(again.skipped) == 2
    assert len(_spans(project)) == 3 and len(_links(project)) == 1


def test_a_second_pass_in_the_same_file_merges_and_a_different_answer_does_not(
        tmp_path: Path) -> None:
    """The same layer answered again without the spans she has there is another answer: the
    first stays (docs/annotators.md); the claims file of our export in the same file merges."""
    person = _at("Anna Berger", "PER")
    project = Project.open(tmp_path / "p.db")
    path = _write(tmp_path / "all.jsonl",
                  {"text": TEXT, "spans": [person], "answer": "accept", "_annotator_id": "maria"},
                  {"text": TEXT, "spans": [_at("Dresden", "LOC")], "answer": "accept",
                   "_annotator_id": "maria"},
                  {"text": TEXT, "spans": [person, _at("Dresden", "LOC")], "answer": "ignore",
                   "_annotator_id": "maria"})

    report = import_files(project, [path])

    (aid,) = report.imported
    assert report.skipped == [f"{path}:2: same text as article {aid}, skipped (maria's "
                              "version already there)"]
    assert report.versions == [f"{path}:3: maria's version of article {aid}: entity added"]
    assert [s[3] for s in _spans(project)] == ["Dresden", "Anna Berger"]
    # the pass that added to her done version was not accepted: in progress again
    assert _state(project) == ("new", {"maria": "in_progress"})


def test_our_prodigy_export_reads_back_whole_in_any_order(tmp_path: Path) -> None:
    """The claims file (with the links to sources kept in the sources file) before or after
    the entities and sources files: one article, every layer, the links."""
    source = Project.open(tmp_path / "s.db")
    aid = source.add_article(ArticleDraft(text=TEXT, title="Vertrag"))
    assert aid is not None
    source.start_version(aid, "maria")
    at = {part: _at(part, label) for part, label in (
        ("Anna Berger", "PER"), ("Dresden", "LOC"), (CLAIM, "CLAIM"))}
    spans = {part: source.add_annotation(aid, layer, Span(at[part]["start"], at[part]["end"],
                                                          at[part]["label"]), "maria")
             for part, layer in (("Anna Berger", Layer.ENTITY), ("Dresden", Layer.ENTITY),
                                 (CLAIM, Layer.CLAIM))}
    speaker = source.add_annotation(aid, Layer.SOURCE, Span(0, 11, "SOURCE"), "maria")
    source.add_link(spans[CLAIM], speaker, "attributed_to", "maria")
    source.set_version_status(aid, "maria", Status.DONE)
    out = tmp_path / "out"
    export_project(source, ExportOptions("prodigy", out))
    files = sorted(out.glob("*.jsonl"))
    assert [f.name.split(".")[1] for f in files] == ["claims", "entities", "sources"]
    for order in (files, files[::-1]):
        target = Project.open(tmp_path / f"{order[0].name}.db")
        report = import_files(target, order)
        assert report.failed == [] and len(report.imported) == 1
        assert _spans(target) == [("maria", "claim", "CLAIM", CLAIM),
                                  ("maria", "entity", "LOC", "Dresden"),
                                  ("maria", "entity", "PER", "Anna Berger"),
                                  ("maria", "source", "SOURCE", "Anna Berger")]
        assert _links(target) == {("maria", CLAIM, "Anna Berger", "attributed_to")}
        assert _state(target)[1] == {"maria": "done"}
        assert import_files(target, order).versions == []


def test_a_plain_tasks_empty_fields_source_path_and_status_are_no_metadata(
        tmp_path: Path) -> None:
    """What our prodigy export writes of the article's own fields: a null says nothing, the
    source path and status are not free metadata (else the next export nests it)."""
    task = {"text": TEXT, "answer": "ignore", "meta": {
        "title": "Vertrag", "outlet": None, "author": None, "source_path": "/news/a.txt",
        "status": "done", "rubrik": "Politik", "seite": None}}
    project = Project.open(tmp_path / "p.db")
    import_files(project, [_write(tmp_path / "t.jsonl", task)])
    (title, meta), = project.db.execute("SELECT title, meta FROM articles")
    assert (title, json.loads(meta)) == ("Vertrag", {"rubrik": "Politik", "seite": None,
                                                     "answer": "ignore"})  # as other keys
    (line,) = _exported(project, tmp_path / "out", unreviewed=True)
    assert line["meta"]["rubrik"] == "Politik" and "meta" not in line["meta"]


def test_a_relation_outside_the_text_fails_its_line_and_one_naming_no_span_is_metadata(
        tmp_path: Path) -> None:
    person = _tok(_at("Anna Berger", "PER"), 0, 1)
    outside = {"start": 70, "end": 900, "label": "LOC"}
    path = _write(tmp_path / "rel.jsonl",
                  {"text": TEXT, "spans": [person], "answer": "accept",
                   "relations": [{"head_span": person, "child_span": outside, "label": "X"}]},
                  {"text": TEXT + " Nachtrag.", "spans": [person], "answer": "accept",
                   "relations": [{"head": 1, "child": 9, "label": "X"},
                                 {"head": 1, "child": 1, "label": "SELF"}]})
    project = Project.open(tmp_path / "p.db")

    report = import_files(project, [path])

    assert report.failed == [f"{path}:1: relations[0].child_span: span 70-900 does not fit "
                             f"the text (length {len(TEXT)})"]
    (meta,) = project.db.execute("SELECT meta FROM articles").fetchone()
    assert json.loads(meta)["relations"] == [{"head": 1, "child": 9, "label": "X"}]
    assert _links(project) == {("import", "Anna Berger", "Anna Berger", "SELF")}
