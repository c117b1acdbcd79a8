"""An annotated file that also carries suggestions: a suggestion that is an annotation already
(same layer, start, end and label) is not offered again as an open suggestion over it; it is
recorded as accepted by the annotation's annotator, as accepting it in the window would."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.app.importing import import_files
from annotator.core.model import Layer
from annotator.store import Project

TEXT = "Hafen erweitert\n\nIn Rostock sagte Anna Berg am Montag, der Hafen wachse."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def span(word: str, label: str, **more) -> dict:
    start, end = at(word)
    return {"start": start, "end": end, "label": label, "layer": "entity", **more}


def open_spans(project: Project, article_id: int, annotator: str | None = None) -> list[tuple]:
    return sorted((TEXT[s.start:s.end], s.label) for s in project.suggestions(
        article_id, open_only=True, annotator=annotator) if s.layer is Layer.ENTITY)


def test_our_jsonl_with_suggestions_over_its_spans(tmp_path: Path) -> None:
    task = {"text": TEXT, "meta": {"title": "Hafen erweitert", "status": "in_progress"},
            "spans": [span("Rostock", "LOC", key="T1", _annotator_id="maria"),
                      span("Anna Berg", "PER", key="T2", _annotator_id="maria")],
            "suggestions": [span("Rostock", "LOC", model="de_ner", model_version="1"),
                            span("Anna Berg", "ORG", model="de_ner", model_version="1"),
                            span("Montag", "DATE", model="de_ner", model_version="1")]}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(task, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [path])
        assert report.failed == []
        (article,) = report.imported
        # Rostock LOC is maria's annotation: not open again; another label there stays open
        for who in (None, "maria"):
            assert open_spans(project, article, who) == [("Anna Berg", "ORG"),
                                                         ("Montag", "DATE")]
        decided = project.decisions(article, "maria")
        accepted = [s for s in project.suggestions(article) if decided.get(s.id) == "accepted"]
        assert [(TEXT[s.start:s.end], s.label) for s in accepted] == [("Rostock", "LOC")]
        assert project.open_suggestion_counts([article]) == {article: 2}


def test_label_studio_predictions_over_annotations(tmp_path: Path) -> None:
    def result(word: str, label: str, rid: str) -> dict:
        start, end = at(word)
        return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text",
                "value": {"start": start, "end": end, "text": word, "labels": [label]}}

    task = {"data": {"text": TEXT},
            "annotations": [{"completed_by": 1, "result": [result("Rostock", "LOC", "a"),
                                                           result("Anna Berg", "PER", "b")]}],
            "predictions": [{"model_version": "v3", "result": [
                result("Rostock", "LOC", "p1"), result("Anna Berg", "PER", "p2"),
                result("Montag", "DATE", "p3")]}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, [path])
        assert report.failed == []
        (article,) = report.imported
        assert open_spans(project, article) == [("Montag", "DATE")]
        assert project.open_suggestion_counts([article]) == {article: 1}


def test_a_model_run_over_annotations_leaves_them_closed_for_their_annotator(
        tmp_path: Path) -> None:
    from annotator.core.model import ArticleDraft, ModelInfo, Span

    with Project.open(tmp_path / "p.db") as project:
        article = project.add_article(ArticleDraft(text=TEXT, title="Hafen erweitert"))
        project.add_annotation(article, Layer.ENTITY, Span(*at("Rostock"), "LOC"), "maria")
        found = [Span(*at("Rostock"), "LOC", 0.9), Span(*at("Montag"), "DATE", 0.8)]
        project.replace_suggestions_batch(ModelInfo("de_ner", "2"), [(article, found)])
        assert open_spans(project, article, "maria") == [("Montag", "DATE")]
        assert open_spans(project, article, "tom") == [("Montag", "DATE"), ("Rostock", "LOC")]
