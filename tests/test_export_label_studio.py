"""Label Studio tasks: the shape its import takes (tasks/serializers.py: a list of tasks,
``data``, ``annotations[].result[]``, no ``completed_by`` it cannot resolve), regions and
relations that the labeling config written beside them declares, code point offsets (Label
Studio's own editor test counts code points), an annotation per annotator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from annotator.app.exporting import ExportOptions, export_project
from annotator.io.export_label_studio import labeling_config
from tests.neighbour_corpus import TEXT_A, TEXT_B, build

REGION = {"id", "from_name", "to_name", "type", "value"}
RELATION = {"type", "from_id", "to_id", "direction", "labels"}


def _config(path: Path) -> tuple[dict[str, set[str]], set[str], str]:
    """Labels controls (name → label values, all pointing at the Text), relation labels, and
    the Text's name, as Label Studio reads the config."""
    view = ElementTree.parse(path).getroot()
    assert view.tag == "View"
    [text] = view.findall("Text")
    assert text.get("value") == "$text"
    controls = {c.get("name"): {x.get("value") for x in c.findall("Label")}
                for c in view.findall("Labels")}
    assert all(c.get("toName") == text.get("name") for c in view.findall("Labels"))
    kinds = {x.get("value") for x in view.findall("Relations/Relation")}
    return controls, kinds, text.get("name")


def _check(task: dict[str, Any], controls: dict[str, set[str]], kinds: set[str],
           to_name: str) -> None:
    text = task["data"]["text"]
    for part in (*task["annotations"], *task.get("predictions", [])):
        assert isinstance(part["result"], list) and "completed_by" not in part
        ids = {r["id"] for r in part["result"] if r["type"] == "labels"}
        for item in part["result"]:
            if item["type"] == "labels":
                assert set(item) >= REGION and item["to_name"] == to_name
                value = item["value"]
                assert set(value) == {"start", "end", "text", "labels"}
                assert text[value["start"]:value["end"]] == value["text"]
                assert set(value["labels"]) <= controls[item["from_name"]]
            else:
                assert set(item) == RELATION and item["type"] == "relation"
                assert {item["from_id"], item["to_id"]} <= ids
                assert set(item["labels"]) <= kinds


def test_label_studio_tasks_and_config(tmp_path: Path) -> None:
    project, _a, _b = build(tmp_path / "p.db")
    out = tmp_path / "ls"
    report = export_project(project, ExportOptions("label-studio", out,
                                                   allow_disagreements=True))
    assert {f.name for f in report.files} == {"all.json", "all.label_config.xml"}
    tasks = json.loads((out / "all.json").read_text(encoding="utf-8"))
    controls, kinds, to_name = _config(out / "all.label_config.xml")
    assert controls == {"entity": {"PER", "MISC", "LOC", "ORG", "TIME"},
                        "claim": {"CLAIM"}, "source": {"SOURCE"}}
    assert kinds == {"attributed_to"}
    for task in tasks:
        _check(task, controls, kinds, to_name)
    a, b = tasks
    assert a["data"]["text"] == TEXT_A and b["data"]["text"] == TEXT_B
    assert (a["data"]["title"], a["data"]["outlet"], a["data"]["meta"]) == (
        "Vertrag unterzeichnet", "Elbtal-Bote", {"rubrik": "Politik"})
    [only] = a["annotations"]
    assert only["annotator"] == "maria" and only["ground_truth"] is True
    regions = {r["id"]: r for r in only["result"] if r["type"] == "labels"}
    assert len(regions) == 9
    first = next(r["value"] for r in regions.values() if r["value"]["labels"] == ["PER"])
    assert (first["start"], first["end"]) == (2, 13)  # code points: "🎉 " is two
    pairs = sorted((regions[r["from_id"]]["value"]["text"], regions[r["to_id"]]["value"]["text"])
                   for r in only["result"] if r["type"] == "relation")
    assert pairs == [("bestätigte das", "Die Bundesregierung"),
                     ("der Vertrag sei am Mittwoch unterzeichnet worden", "Anna Berger")]
    [prediction] = a["predictions"]
    assert prediction["model_version"] == "de_annotator_ner 1.0.0"
    assert [(r["value"]["text"], r["score"]) for r in prediction["result"]] == [("Abend", 0.61)]
    # B: two versions that disagree, one annotation each, neither ground truth
    versions = {x["annotator"]: x for x in b["annotations"]}
    assert set(versions) == {"maria", "jonas"}
    assert not any(x["ground_truth"] for x in versions.values())
    assert [r["value"]["labels"] for r in versions["maria"]["result"]] == [["ORG"]]
    assert sorted(r["from_name"] for r in versions["jonas"]["result"]) == ["claim", "entity"]
    assert "predictions" not in b


def test_labeling_config_escapes_labels() -> None:
    config = labeling_config({"entity": {'A&B "C"'}, "claim": set()}, {"laut <Quelle>"})
    controls = {c.get("name"): {x.get("value") for x in c.findall("Label")}
                for c in ElementTree.fromstring(config).findall("Labels")}
    assert controls == {"entity": {'A&B "C"'}}  # a layer without labels has no control
    assert 'value="laut &lt;Quelle&gt;"' in config


def test_work_not_done_is_offered_not_labelled() -> None:
    """Label Studio counts a task with an annotation as labelled: an article nobody marked done
    brings its spans as a prediction; a done article without spans is labelled empty."""
    from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer, Provenance
    from annotator.io.export_label_studio import task_of

    text = "Anna Berger sagte, alles sei gut."
    made = Provenance("maria", "2024-05-02T10:00:00+00:00")
    spans = [DocSpan("T1", Layer.SOURCE, 0, 11, "SOURCE", made=made),
             DocSpan("T2", Layer.CLAIM, 19, 32, "CLAIM", made=made)]
    draft = ArticleDraft(text=text, annotations=spans, links=[DocLink("T2", "T1")],
                         reviewed=False)
    task = task_of(draft)
    assert task["annotations"] == []
    [prediction] = task["predictions"]
    assert (prediction["model_version"], prediction["annotator"]) == ("maria, not done", "maria")
    assert [r["type"] for r in prediction["result"]] == ["labels", "labels", "relation"]
    assert task_of(ArticleDraft(text=text, reviewed=False)) == {
        "data": {"text": text, "title": "", "outlet": None, "author": None, "url": None,
                 "published": None, "language": "de", "source_path": None, "status": None,
                 "meta": {}},
        "annotations": []}
    assert task_of(ArticleDraft(text=text))["annotations"] == [
        {"id": 1, "ground_truth": True, "result": []}]


def test_each_version_is_an_annotation_named_by_its_annotator(tmp_path: Path) -> None:
    """Several annotators: one annotation per version, each named, one without spans too
    (empty, not left out or unnamed); importing the tasks gives every version back."""
    from annotator.app.importing import import_files
    from annotator.core.model import Layer, Status
    from annotator.store import Project
    from tests.neighbour_corpus import _draft, span

    project, _a, _b = build(tmp_path / "p.db")
    nothing, cologne = "Heute nichts Neues.", "Bernd fuhr nach Köln."
    empty = project.add_article(_draft(nothing, "Nichts", None, {}))
    half = project.add_article(_draft(cologne, "Köln", None, {}))
    project.add_annotation(half, Layer.ENTITY, span(cologne, "Köln", "LOC"), "maria")
    for article in (empty, half):
        for who in ("maria", "jonas"):
            project.set_status(article, Status.DONE, who)
    export_project(project, ExportOptions("label-studio", tmp_path / "ls",
                                          allow_disagreements=True))
    tasks = {t["data"]["text"]: t for t in json.loads((tmp_path / "ls" / "all.json").read_text(
        encoding="utf-8"))}
    made = {text: sorted((x["annotator"], len(x["result"]), x["ground_truth"])
                         for x in tasks[text]["annotations"]) for text in (nothing, cologne)}
    assert made == {nothing: [("jonas", 0, False), ("maria", 0, False)],
                    cologne: [("jonas", 0, False), ("maria", 1, False)]}
    assert all("annotator" in x for t in tasks.values() for x in t["annotations"])
    again = Project.open(tmp_path / "again.db")
    report = import_files(again, [tmp_path / "ls" / "all.json"])
    assert report.failed == [] and report.skipped == []
    versions = {a.title: again.versions_of(a.id) for a in again.list_articles(0, 9)}
    done = {"maria": Status.DONE, "jonas": Status.DONE}
    assert (versions["Nichts"], versions["Köln"], versions["Vertrag"]) == (done, done, done)
    project.close()
    again.close()
