"""Precision and recall of the attribution rules (speaker, cue, nested chain) on the gold
sentences of tests/data/attribution (annotator/nlp/attribution_eval.py; docs/attribution.md).

    .venv/bin/python bench/eval_attribution.py dev          # the tuning set
    .venv/bin/python bench/eval_attribution.py dev --wrong  # and every case not exactly right
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.nlp.attribution_eval import (  # noqa: E402
    format_report,
    format_wrong,
    load_cases,
    score,
)

GOLD = ROOT / "tests" / "data" / "attribution"


def main(args: list[str]) -> None:
    for name in [a for a in args if not a.startswith("-")] or ["dev"]:
        report = score(load_cases(GOLD / f"{name}.jsonl"))
        print(format_report(report, name))
        if "--wrong" in args:
            print(format_wrong(report))


if __name__ == "__main__":
    main(sys.argv[1:])
