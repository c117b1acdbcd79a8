"""Reading Label Studio's exports: JSON (a list of tasks with their annotations and
predictions) and JSON-MIN (one flat record per annotation).

A task's annotations are its annotators' versions (``completed_by`` names them, else the
``annotator`` our export writes; a cancelled one is left out); its predictions are open
suggestions, never annotations. Offsets count code points (Label Studio's exports since 2022)
or UTF-16 units (older ones); each span's ``text`` says which.
"""

from __future__ import annotations

from typing import Any

from annotator.core.model import ArticleDraft, DocLink, DocSpan, Layer, Provenance, Status
from annotator.io.common import ImportProblem, Why
from annotator.io.foreign_spans import Offsets, Plain, article, label_list, person, stamp
from annotator.io.label_layers import RELATED
from annotator.io.records import list_of, object_of

MODEL = "label-studio"  # the model name of predictions (Label Studio names only a version)
_MIN_KEYS = ("annotator", "annotation_id", "created_at", "updated_at", "lead_time",
             "agreement")  # what JSON-MIN adds to a task's data


def parse_label_studio(task: dict[str, Any], source: str, plain: Plain) -> ArticleDraft:
    """One task of the JSON export → a draft with every annotator's spans and relations."""
    data = object_of(task.get("data"), '"data"')
    draft = article(data, source, plain)
    if "id" in task:
        draft.meta["label_studio_id"] = task["id"]
    reader = _Regions(Offsets(draft.text))
    kept = [(n, object_of(a, f"annotations[{n}]"))
            for n, a in enumerate(list_of(task.get("annotations", task.get("completions", [])),
                                          '"annotations"'))]  # "completions" before 1.0
    kept = [(n, a) for n, a in kept if not (a.get("was_cancelled") or a.get("skipped"))]
    names = []
    for n, found in kept:
        name = person(_who(found),  # unnamed: the imported layer, if alone
                      None if len(kept) == 1 else f"ls-annotation-{found.get('id', n + 1)}")
        made = Provenance(name, stamp(found.get("updated_at") or found.get("created_at")))
        reader.results(found.get("result", []), f"annotations[{n}].result", made)
        names += [name] if name else []
    for n, found in enumerate(list_of(task.get("predictions", []), '"predictions"')):
        found = object_of(found, f"predictions[{n}]")
        version = str(found.get("model_version") or "") or "unknown"
        reader.results(found.get("result", []), f"predictions[{n}].result",
                       Provenance(model=MODEL, model_version=version, score=found.get("score")))
    draft.annotations, draft.links = reader.spans, reader.links
    draft.suggestions = reader.suggestions or None
    if len(kept) == 1:  # one annotator: their version, even with nothing found
        draft.annotator = person(_who(kept[0][1]))
    draft.versions = tuple(dict.fromkeys(names))  # each one's, an empty one too
    if draft.versions or any(s.made and s.made.annotator for s in draft.annotations):
        draft.status = Status.DONE  # an exported annotation was submitted
    return draft


def parse_json_min(record: dict[str, Any], source: str, plain: Plain) -> ArticleDraft:
    """One JSON-MIN record (a task's data, its regions by control name, who annotated) → a
    draft with that annotator's spans (relations are not in JSON-MIN)."""
    regions = {key: value for key, value in record.items() if _regions(value)}
    fields = {key: value for key, value in record.items()
              if key not in regions and key not in _MIN_KEYS}
    if "id" in fields:
        fields["label_studio_id"] = fields.pop("id")
    draft = article(fields, source, plain)
    name = person(record.get("annotator"))
    made = Provenance(name, stamp(record.get("updated_at") or record.get("created_at")))
    reader = _Regions(Offsets(draft.text))
    for key, items in regions.items():
        reader.results([{"type": "labels", "value": value} for value in items], key, made)
    draft.annotations, draft.annotator = reader.spans, name
    draft.status = Status.DONE if name else None
    return draft


def _who(annotation: dict[str, Any]) -> Any:
    """Label Studio's ``completed_by``, else the ``annotator`` our export names it by."""
    return annotation.get("completed_by", annotation.get("annotator"))


def _regions(value: Any) -> bool:
    """A JSON-MIN field of text regions: a list of ``{start, end, labels}``."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, dict) and "labels" in item and "start" in item for item in value)


class _Regions:
    """Collects the spans, relations and suggestions of a task's results."""

    def __init__(self, offsets: Offsets) -> None:
        self.offsets = offsets
        self.spans: list[DocSpan] = []
        self.links: list[DocLink] = []
        self.suggestions: list[DocSpan] = []

    def results(self, items: Any, where: str, made: Provenance) -> None:
        """The labelled regions and relations of one annotation (or prediction)."""
        ids: dict[str, str] = {}
        relations = []
        for n, raw in enumerate(list_of(items, where)):
            here = f"{where}[{n}]"
            item = object_of(raw, here)
            if item.get("type") == "relation":
                relations.append((here, item))
            elif isinstance(item.get("value"), dict) and "labels" in item["value"]:
                self._region(item, here, made, ids)
        for here, item in relations:
            self._relation(item, here, ids, made)

    def _region(self, item: dict[str, Any], where: str, made: Provenance,
                ids: dict[str, str]) -> None:
        value = item["value"]
        start, end = self.offsets.place(value.get("start"), value.get("end"),
                                        value.get("text"), where)
        for label in label_list(value.get("labels"), where):
            if made.model:
                score = item.get("score", made.score)
                self.suggestions.append(DocSpan(
                    f"S{len(self.suggestions) + 1}", Layer.ENTITY, start, end, label,
                    made=Provenance(model=made.model, model_version=made.model_version,
                                    score=score if isinstance(score, (int, float)) else None)))
                continue
            key = f"T{len(self.spans) + 1}"
            ids.setdefault(str(item.get("id", key)), key)
            self.spans.append(DocSpan(key, Layer.ENTITY, start, end, label,
                                      made=made if made.annotator else None))

    def _relation(self, item: dict[str, Any], where: str, ids: dict[str, str],
                  made: Provenance) -> None:
        """A relation between two regions of the same annotation (a prediction's: dropped)."""
        if made.model:
            return
        ends = [ids.get(str(item.get(name))) for name in ("from_id", "to_id")]
        if None in ends:
            raise ImportProblem(f"{where}: from_id and to_id must name regions of the same "
                                "annotation", kind=Why.RELATION_NOT_REGIONS, detail=where)
        labels = item.get("labels")
        kind = labels[0] if isinstance(labels, list) and labels and isinstance(
            labels[0], str) and labels[0].strip() else RELATED
        source, target = ends if item.get("direction") != "left" else ends[::-1]
        attrs = {"direction": "both"} if item.get("direction") == "bi" else {}
        self.links.append(DocLink(str(source), str(target), kind.strip(), attrs))
