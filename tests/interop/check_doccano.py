"""Feed doccano exports to doccano's own import pipeline (doccano 1.8, installed from PyPI).

Not part of the test suite (doccano is a whole Django server): a developer runs it, with doccano
installed in its own environment, on folders written by ``annotator export -f doccano`` and
``-f doccano-relations``::

    pip install doccano==1.8.4 "marshmallow<4" "numpy<2"
    python tests/interop/check_doccano.py SPANS_FOLDER RELATIONS_FOLDER

(doccano 1.8.4 from PyPI today needs the two pins: its ``environs`` fails with marshmallow 4,
its pandas 1.5 with numpy 2.)

It makes a throwaway doccano home (SQLite) in a temporary folder, migrates it, creates a user
and a sequence labeling project (overlapping spans allowed; with relation labeling for the
second folder), and imports every ``*.jsonl`` through doccano's ``load_dataset(...).save()``,
the code its upload task runs, with the import form's defaults (encoding UTF-8; "Auto" lets
chardet guess, and it took our UTF-8 for cp1254). Then it compares what doccano stored with
the files: every example, every span at the same offsets with the same label, every relation
between the same spans. doccano drops spans it cannot take without an error, so only this
count proves them kept. One line per file; exit 1 on the first difference. The last run is
in docs/formats.md.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def _setup(home: Path) -> None:
    """Django for doccano's backend, as ``doccano init`` sets it up, in ``home``."""
    import backend

    os.environ.update({"STANDALONE": "True", "DJANGO_SETTINGS_MODULE":
                       "config.settings.production", "DATABASE_URL": f"sqlite:///{home}/db.sqlite3",
                       "MEDIA_ROOT": str(home / "media")})
    sys.path.append(str(Path(backend.__file__).parent))
    import django
    from django.core import management

    django.setup()
    management.call_command("migrate", verbosity=0)


def _check(path: Path, relations: bool, user, n: int) -> str | None:
    from data_import.datasets import load_dataset
    from data_import.pipeline.catalog import RELATION_EXTRACTION, create_file_format
    from data_import.pipeline.readers import FileName
    from examples.models import Example
    from labels.models import Relation, Span
    from projects.models import ProjectType, SequenceLabelingProject

    project = SequenceLabelingProject.objects.create(
        name=f"check {n}", project_type=ProjectType.SEQUENCE_LABELING, allow_overlapping=True,
        use_relation=relations)
    name = FileName(full_path=str(path), generated_name=path.name, upload_name=path.name)
    task = RELATION_EXTRACTION if relations else ProjectType.SEQUENCE_LABELING
    dataset = load_dataset(task, create_file_format("JSONL"), [name], project,
                           column_data="text", column_label="label", encoding="utf_8")
    dataset.save(user)
    if dataset.errors:
        return f"doccano reports {[e.dict() for e in dataset.errors]}"
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    examples = list(Example.objects.filter(project=project).order_by("id"))
    if [e.text for e in examples] != [x["text"] for x in lines]:
        return f"{len(examples)} examples stored for {len(lines)} lines"
    for example, line in zip(examples, lines, strict=True):
        stored = Span.objects.filter(example=example)
        spans = sorted((s.start_offset, s.end_offset, s.label.text) for s in stored)
        if relations:
            ids = {e["id"]: (e["start_offset"], e["end_offset"], e["label"])
                   for e in line["entities"]}
            wanted = sorted(ids.values())
            kept = sorted(((r.from_id.start_offset, r.from_id.end_offset, r.from_id.label.text),
                           (r.to_id.start_offset, r.to_id.end_offset, r.to_id.label.text),
                           r.type.text) for r in Relation.objects.filter(example=example))
            links = sorted((ids[r["from_id"]], ids[r["to_id"]], r["type"])
                           for r in line["relations"])
            if kept != links:
                return f"line {lines.index(line) + 1}: relations {kept} stored for {links}"
        else:
            wanted = sorted(tuple(x) for x in line["label"])
        if spans != wanted:
            return f"line {lines.index(line) + 1}: spans {spans} stored for {wanted}"
        if example.meta.get("title") != line.get("title"):
            return f"line {lines.index(line) + 1}: meta {example.meta} lost the title"
    total = sum(len(x.get("label", x.get("entities", []))) for x in lines)
    return f"{len(lines)} examples, {total} spans, all stored as written"


def main(spans: Path, related: Path) -> int:
    with tempfile.TemporaryDirectory() as home:
        _setup(Path(home))
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("check", "", "check-password")
        files = [(p, False) for p in sorted(spans.glob("*.jsonl"))]
        files += [(p, True) for p in sorted(related.glob("*.jsonl"))]
        for n, (path, relations) in enumerate(files):
            found = _check(path, relations, user, n)
            print(f"{path}: {found}")
            if not found or not found.endswith("as written"):
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
