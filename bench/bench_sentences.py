"""Benchmark: splitting one long German article into sentences, new splitter against the old.

Builds an article (default 20,000 words) from the paragraphs of the sample corpus drawn with a
fixed seed, half of them separated by a blank line and half by a single line break (as HTML
imports give them), with subheads and list items between. Then measures, against the baseline
of the splitter the project had before (one regular expression with 16 abbreviations, bounds
snapped to tokens: kept below as ``old_split_sentences``) on the same text in the same run:

  - ``split_sentences`` over the article: what import and the matching index run;
  - ``sentence_around`` at 200 positions spread over the article (the editor's ``C`` key, the
    disputes view, the claims export), informative;
  - the same 200 positions in the article joined into one line, the worst case (the sentence
    is found from the line's start), informative;
  - pysbd 0.3.4 (``language="de"``) over the article when it is installed, informative.

Budget: ``split_sentences`` at most 3x the old splitter (it was 0.07-0.14x when written: the
old one snapped every sentence to tokens with a regular expression; docs/measurements.md).

Exit status: 0 when every budget is met, 1 when one is exceeded; ``--report-only`` prints the
same verdict but exits 0 (used by tests/test_bench_smoke.py).

    .venv/bin/python bench/bench_sentences.py [--words 20000]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Row, median_ms, report  # noqa: E402

BUDGET = 3.0
SAMPLE = ROOT / "annotator" / "resources" / "sample"
EXTRAS = ["Drei Jahre am Verhandlungstisch", "Was der Vertrag regelt:\n- Hochwasserschutz\n"
          "- Niedrigwasser\n- die Renaturierung der Auen", "Kurz gesagt\n• Laufzeit 40 Jahre\n"
          "• Kosten 1,2 Mrd. Euro, d. h. ca. 30 Mio. Euro im Jahr"]

_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_NOT_ABBREVIATION = "".join(
    rf"(?<!\b{a})" for a in ("Dr", "Nr", "St", "ca", "Prof", "bzw", "vgl", "Mio", "Mrd", "Abs",
                             "Art", "Hr", "Fr", "Jh", "Bd", "Str"))
_OLD_END = re.compile(
    rf"""(?:(?<=\d)\.(?!\s+(?:{_MONTHS})\b)|(?<!\d){_NOT_ABBREVIATION}[.!?]|(?<=\d)[!?])"""
    r"""["“”«»'’)]*\s+(?=["„“«»'‚(]*[A-ZÄÖÜ0-9])|\n\s*\n""")


def old_split_sentences(text: str) -> list[tuple[int, int]]:
    """The splitter before the German rules (the baseline): regex ends, snapped to tokens."""
    from annotator.core.spans import snap_to_tokens

    out: list[tuple[int, int]] = []
    start = 0
    for m in [*_OLD_END.finditer(text), None]:
        end = len(text) if m is None else m.start() + (text[m.start()] in ".!?")
        while end < len(text) and text[end] in "\"“”«»'’)":
            end += 1
        a, b = snap_to_tokens(text, start, end)
        a = max(a, out[-1][1]) if out else a
        if b > a:
            out.append((a, b))
        start = max(m.end(), end) if m else start
    return out


def article(words: int, seed: int) -> str:
    """Sample paragraphs and a few headings and lists until ``words`` words."""
    paragraphs = [p.strip() for path in sorted(SAMPLE.glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    out, count = [], 0
    while count < words:
        piece = rng.choice(EXTRAS) if rng.random() < 0.05 else rng.choice(paragraphs)
        out.append(piece + rng.choice(["\n", "\n\n"]))
        count += len(piece.split())
    return "".join(out).strip()


def measure(text: str, repeat: int) -> tuple[list[Row], list[str]]:
    from annotator.core.sentences import sentence_around, split_sentences

    base = median_ms(lambda: old_split_sentences(text), repeat)
    new = median_ms(lambda: split_sentences(text), repeat)
    step = max(1, len(text) // 200)
    positions = range(0, len(text), step)
    around = median_ms(lambda: [sentence_around(text, p) for p in positions], repeat)
    flat = " ".join(text.split())
    one_line = median_ms(lambda: [sentence_around(flat, p) for p in positions], repeat)
    old = "old splitter"
    rows = [
        Row("baseline: old splitter, whole article", base),
        Row("split_sentences, whole article", new, old, base, BUDGET),
        Row(f"sentence_around at {len(positions)} positions", around, old, base, None,
            "informative"),
        Row("  the same, article as one line", one_line, old, base, None, "informative"),
    ]
    try:
        import pysbd
    except ImportError:
        pass
    else:
        segmenter = pysbd.Segmenter(language="de", clean=False)
        rows.append(Row("pysbd 0.3.4 (de), whole article", median_ms(
            lambda: segmenter.segment(text), 1), old, base, None, "informative"))
    extra = [f"{len(text.split())} words, {len(text)} characters: "
             f"{len(split_sentences(text))} sentences (old splitter: "
             f"{len(old_split_sentences(text))})"]
    return rows, extra


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--report-only", action="store_true",
                        help="print the verdict but exit 0")
    args = parser.parse_args()
    rows, extra = measure(article(args.words, args.seed), args.repeat)
    code = report(f"bench_sentences: {args.words} words", rows, extra)
    return 0 if args.report_only else code


if __name__ == "__main__":
    sys.exit(main())
