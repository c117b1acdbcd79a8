"""Label Studio's JSON task import, with the labeling config that fits it.

``SPLIT.json`` is a list of tasks, one per article::

    {"data": {"text": "…", "title": "…", "outlet": "…", …, "meta": {…free meta…}},
     "annotations": [{"id": 1, "ground_truth": true, "annotator": "maria",
                      "result": [{"id": "T1", "from_name": "entity", "to_name": "text",
                                  "type": "labels", "value": {"start": 0, "end": 11,
                                  "text": "Anna Berger", "labels": ["PER"]}},
                                 {"type": "relation", "from_id": "T4", "to_id": "T2",
                                  "direction": "right", "labels": ["attributed_to"]}]}],
     "predictions": [{"model_version": "de_annotator_ner 1.0.0", "result": […]}]}

One annotation per annotator whose version the export carries (one, gold's, where an article
has a gold version), named by ``annotator``, a version without spans empty;
``ground_truth`` when it is the only one. An article not reviewed whole
(``--include-unreviewed``) gets its versions as predictions instead, so that Label Studio
does not count it as labelled. Label Studio takes
``completed_by`` only as the id or e-mail of a user of its own (else it refuses the whole
import), so it is left out (the importing user becomes the annotator) and the name is kept
under ``annotator``, which Label Studio ignores. A claim → source link is a relation in the
annotation of the person who made its claim. The open model suggestions are ``predictions``,
one per model. ``from_name`` is the layer (``entity``, ``claim``, ``source``), a ``Labels``
control of ``SPLIT.label_config.xml``, written beside with every label and relation the split
uses: a project made with that config imports the tasks. Offsets are code points, as Label
Studio counts them (its editor's own test: "🐱 Warning: This is a test text", "test" at 21).
Zones, claim attributes, claim groups and who made each span (beyond the annotation's
annotator) are not written (docs/formats.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from annotator.core.model import REVIEWED_LAYERS, ArticleDraft, DocLink, DocSpan
from annotator.io.export_doccano import article_fields
from annotator.io.export_jsonl import all_spans, one_line
from annotator.io.label_studio_read import MODEL
from annotator.io.records import makers

TEXT = "text"  # the name of the Text object the regions point to
CONFIG_SUFFIX = ".label_config.xml"


def config_path(path: Path) -> Path:
    """The labeling config beside a split's tasks: ``train.json`` → ``train.label_config.xml``."""
    return path.with_name(path.stem + CONFIG_SUFFIX)


def write_label_studio(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """The tasks as one JSON list (streamed: one task a line) and the labeling config."""
    path.parent.mkdir(parents=True, exist_ok=True)
    labels: dict[str, set[str]] = {layer.value: set() for layer in REVIEWED_LAYERS}
    kinds: set[str] = set()
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("[")
        for n, draft in enumerate(drafts):
            task = task_of(draft)
            for item in _results(task):
                if item["type"] == "labels":
                    labels[item["from_name"]].update(item["value"]["labels"])
                else:
                    kinds.update(item["labels"])
            out.write(("," if n else "") + "\n" + one_line(json.dumps(task, ensure_ascii=False)))
        out.write("\n]\n")
    config = config_path(path)
    config.write_text(labeling_config(labels, kinds), encoding="utf-8", newline="\n")
    return [path, config]


def _results(task: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for part in (*task["annotations"], *task.get("predictions", [])):
        yield from part["result"]


def task_of(draft: ArticleDraft) -> dict[str, Any]:
    """One article: its text and fields, an annotation per annotator (of an article not
    reviewed whole, a prediction: Label Studio counts a task with annotations as labelled),
    and its open suggestions as predictions."""
    versions = _versions(draft)
    annotations: list[dict[str, Any]] = []
    predictions: list[dict[str, Any]] = []
    for n, (who, result) in enumerate(versions, start=1):
        named = {"annotator": who} if who else {}
        if draft.reviewed:
            annotations.append({"id": n, "ground_truth": len(versions) == 1, "result": result,
                                **named})
        elif result:
            predictions.append({"model_version": f"{who or 'import'}, not done",
                                "result": result, **named})
    task: dict[str, Any] = {"data": {TEXT: draft.text, **article_fields(draft)},
                            "annotations": annotations}
    if predictions := predictions + _suggested(draft):
        task["predictions"] = predictions
    return task


def _versions(draft: ArticleDraft) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """Each annotator's regions and relations (a link goes with its claim's maker), a version
    the draft names without spans empty; one empty version when nothing names any."""
    versions: dict[str | None, list[DocSpan]] = {}
    for s in all_spans(draft):
        for who in makers(s, draft.annotator) if s.layer in REVIEWED_LAYERS else ():
            versions.setdefault(who, []).append(s)
    for who in draft.versions:
        versions.setdefault(who, [])
    whose: dict[str, set[str | None]] = {}
    for who, own in versions.items():
        for s in own:
            whose.setdefault(s.key, set()).add(who)
    return [(who, [_region(draft.text, s) for s in own]
             + [_relation(link) for link in draft.links if link.to_key in whose
                and who in whose.get(link.from_key, ())])
            for who, own in versions.items()] or [(draft.annotator, [])]


def _region(text: str, span: DocSpan) -> dict[str, Any]:
    return {"id": span.key, "from_name": span.layer.value, "to_name": TEXT,
            "type": "labels", "value": {"start": span.start, "end": span.end,
                                        "text": text[span.start:span.end],
                                        "labels": [span.label]}}


def _relation(link: DocLink) -> dict[str, Any]:
    return {"type": "relation", "from_id": link.from_key, "to_id": link.to_key,
            "direction": "right", "labels": [link.kind]}


def _suggested(draft: ArticleDraft) -> list[dict[str, Any]]:
    """The open suggestions of the reviewed layers, one prediction per model."""
    by_model: dict[str, list[dict[str, Any]]] = {}
    for s in draft.open_suggestions():
        made = s.made
        model = " ".join(x for x in (made.model, made.model_version) if x) if made else ""
        if made and made.model == MODEL:  # read from Label Studio, which names a version only
            model = made.model_version or ""
        region = _region(draft.text, s)
        if made and made.score is not None:
            region["score"] = made.score
        by_model.setdefault(model or "unknown", []).append(region)
    return [{"model_version": model, "result": result} for model, result in by_model.items()]


def labeling_config(labels: dict[str, set[str]], kinds: set[str]) -> str:
    """``<View>``: a ``Labels`` control per layer that has labels, the ``Relations`` used, and
    the ``Text`` they label."""
    view = ElementTree.Element("View")
    for layer, names in labels.items():
        if names:
            control = ElementTree.SubElement(view, "Labels", name=layer, toName=TEXT)
            for name in sorted(names):
                ElementTree.SubElement(control, "Label", value=name)
    if kinds:
        relations = ElementTree.SubElement(view, "Relations")
        for kind in sorted(kinds):
            ElementTree.SubElement(relations, "Relation", value=kind)
    ElementTree.SubElement(view, "Text", name=TEXT, value="$" + TEXT)
    ElementTree.indent(view)
    return ElementTree.tostring(view, encoding="unicode") + "\n"
