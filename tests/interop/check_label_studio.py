"""Feed a label-studio export to Label Studio's own validation (``label-studio-sdk``).

Not part of the test suite (the SDK is large): a developer runs it, with the SDK installed in
any Python 3.10+ environment, on a folder written by ``annotator export -f label-studio``::

    pip install label-studio-sdk
    python tests/interop/check_label_studio.py EXPORT_FOLDER

For every split it reads ``SPLIT.label_config.xml`` into the SDK's ``LabelInterface`` (the
class Label Studio's server validates imported predictions with), checks that each task has
the data its ``Text`` needs, and validates every annotation and prediction region by region
(control and object names, region type, label values declared in the config, relation ends),
and that each annotation of a task with several names its annotator.
It prints one line per split and exits 1 on the first error list. The result of the last run
is in docs/formats.md ("label-studio").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def check(folder: Path) -> int:
    from label_studio_sdk.label_interface import LabelInterface

    configs = sorted(folder.glob("*.label_config.xml"))
    if not configs:
        print(f"{folder}: no *.label_config.xml: not a label-studio export")
        return 1
    for config in configs:
        split = config.name.removesuffix(".label_config.xml")
        interface = LabelInterface(config.read_text(encoding="utf-8"))
        tasks = json.loads((folder / f"{split}.json").read_text(encoding="utf-8"))
        regions = 0
        for n, task in enumerate(tasks):
            if not interface.validate_task({"data": task["data"]}):
                print(f"{split}.json task {n}: data lacks what the config's objects need")
                return 1
            for kind in ("annotations", "predictions"):
                for m, part in enumerate(task.get(kind, [])):
                    errors = interface._validate_object_logic(part)
                    if kind == "annotations" and len(task[kind]) > 1 and not part.get(
                            "annotator"):  # several versions: each says whose it is
                        errors = errors or ["an annotation of several names no annotator"]
                    if errors:
                        print(f"{split}.json task {n} {kind}[{m}]: {errors}")
                        return 1
                    regions += len(part["result"])
        print(f"{split}: {len(tasks)} tasks, {regions} regions and relations: valid")
    return 0


if __name__ == "__main__":
    sys.exit(check(Path(sys.argv[1])))
