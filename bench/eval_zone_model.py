"""Evaluation: the zone rules alone against rules plus the learned line classifier, on the gold
news corpus (tests/data/news), line by line (annotator/nlp/zone_eval.py).

1. Trained on ``dev/`` gold only, scored on ``test/``.
2. 5-fold cross-validation over ``dev/`` and ``test/`` together (article i in fold i % 5).

Prints the per-label tables of both settings and the training and prediction times
(docs/measurements.md, "Learned zones").

    .venv/bin/python bench/eval_zone_model.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.nlp import zone_model  # noqa: E402
from annotator.nlp.zone_eval import format_report, load_folder, score  # noqa: E402
from annotator.nlp.zones import suggest_zones  # noqa: E402

NEWS = ROOT / "tests" / "data" / "news"


def main() -> None:
    dev, test = load_folder(NEWS / "dev"), load_folder(NEWS / "test")
    began = time.perf_counter()
    model = zone_model.train([(g.text, g.zones) for g in dev])
    trained = time.perf_counter() - began
    rules, combined = [], []
    began = time.perf_counter()
    for gold in test:
        found = suggest_zones(gold.text)
        rules.append((gold.text, gold.zones, found))
        combined.append((gold.text, gold.zones,
                         zone_model.combine(found, model.predict(gold.text, found))))
    per_article = (time.perf_counter() - began) / len(test)
    print(f"## Trained on dev ({len(dev)} articles, {trained:.1f} s), scored on test "
          f"({len(test)} articles; rules and model {per_article * 1000:.0f} ms an article)\n")
    print("### rules alone\n\n" + format_report(score(rules)))
    print("### rules + model\n\n" + format_report(score(combined)))
    both = [(g.text, g.zones) for g in dev + test]
    alone, with_model = zone_model.cross_validate(both, 5)
    print(f"## 5-fold cross-validation over dev + test ({len(both)} articles)\n")
    print("### rules alone\n\n" + format_report(alone))
    print("### rules + model\n\n" + format_report(with_model))


if __name__ == "__main__":
    main()
