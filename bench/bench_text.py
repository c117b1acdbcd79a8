"""Benchmark: the article zones by rule (``suggest_zones`` + ``derive_meta``) on a long page.

Generates a German news page as a reader copies it (default 20,000 words): masthead, menu,
kicker, headline, lead, byline and date, then paragraphs of 20-60 words with subheads,
captions with photo credits, ``Lesen Sie auch`` lines and ads between them, a teaser box, a
credit line, readers' comments and a footer. It measures, against the baseline of
``re.findall(r"\\w+", text)`` over the same text (one pass of the regex engine over every
word):

  - suggest_zones + derive_meta on that page (what the import runs per article);
  - informative: suggest_zones alone, derive_meta alone, and a live ticker of the same length
    (a time stamp, a headline and a short paragraph per entry: many short lines, the rules'
    slowest kind of page).

Budget: zones and metadata at most 30x the baseline (measured 8-23x on a 2-core machine, busy
or not: 40-67 ms against 3-7 ms for 20,000 words; the ticker 85-230 ms).

Exit status: 0 when every budget is met, 1 when one is exceeded; ``--report-only`` prints the
same verdict but exits 0 (used by tests/test_bench_smoke.py, which never asserts on time).

    .venv/bin/python bench/bench_text.py [--words 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Row, median_ms, report, words  # noqa: E402

ZONES_BUDGET = 30.0

FILLER = words(
    "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an "
    "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
    "war haben nur oder aber vor zur bis mehr durch man sein wurde sei wenn seit heute jedoch"
)
NOUNS = words(
    "Vertrag Bundesregierung Ministerium Hochwasserschutz Schifffahrt Grenzübergang Landtag "
    "Bürgerinitiative Stellungnahme Pressekonferenz Sprecherin Ausschuss Haushaltsmittel "
    "Gemeinderat Öffentlichkeit Maßnahmenpaket Vereinbarung Kläranlage Straßenbahn Anna Berger"
)
VERBS = words("sagte erklärte betonte kritisierte forderte bestätigte kündigte warnte")
HEADER = """Elbtal-Bote
Startseite > Sachsen > Dresden

Streit um die Elbe
Langer Streit um den Fluss: Land und Bund einigen sich auf Hochwasserschutz

Nach Jahren der Verhandlungen steht der Vertrag. Umweltverbände sind zufrieden, die Schiffer \
nicht.

Von Anna Berger und Jan Roth
Veröffentlicht am 22.10.2024, 14:05 Uhr | Lesezeit: 90 Min.

Teilen
Kommentare

"""
FOOTER = """

Mehr zum Thema
Hochwasser 2002: Was aus den Deichen wurde
Video: Die Elbe von oben

Mit Material von dpa

Kommentare (2)
Leser_1 · vor 2 Stunden
Endlich eine Einigung.
Antworten
Leser_2 · vor 3 Stunden
Das hat viel zu lange gedauert.
Antworten

© Elbtal-Bote 2024
"""


def sentence(rng: random.Random) -> str:
    length = rng.randint(8, 20)
    out = [rng.choice(NOUNS)]
    for _ in range(length - 1):
        roll = rng.random()
        out.append(rng.choice(NOUNS if roll < 0.2 else VERBS if roll < 0.27 else FILLER))
    return " ".join(out) + rng.choice(".....!?")


def make_page(n_words: int, rng: random.Random) -> str:
    """A page of about ``n_words`` words: header, paragraphs with furniture between, footer."""
    parts, count = [HEADER, "Dresden (dpa) – "], 0
    while count < n_words:
        para = []
        while len(para) < rng.randint(20, 60):
            para += sentence(rng).split()
        parts.append(" ".join(para) + "\n\n")
        count += len(para)
        roll = rng.random()
        if roll < 0.12:
            parts.append(f"{rng.choice(NOUNS)} {rng.choice(FILLER)} {rng.choice(NOUNS)}\n\n")
        elif roll < 0.18:
            parts.append(f"{sentence(rng)}\nFoto: Anna Berger/dpa\n\n")
        elif roll < 0.21:
            parts.append(f"Lesen Sie auch: {rng.choice(NOUNS)} im {rng.choice(NOUNS)}\n\n")
        elif roll < 0.23:
            parts.append("Anzeige\n\n")
    return "".join(parts) + FOOTER


def make_ticker(n_words: int, rng: random.Random) -> str:
    """A live ticker of about ``n_words`` words: time stamp, headline, short paragraph."""
    parts, count, minute = [HEADER], 0, 24 * 60 - 1
    while count < n_words:
        para = sentence(rng) + " " + sentence(rng)
        parts.append(f"{minute // 60:02d}:{minute % 60:02d} Uhr\n{rng.choice(NOUNS)} "
                     f"{rng.choice(VERBS)} {rng.choice(NOUNS)}\n{para}\n\n")
        count += len(para.split()) + 5
        minute = max(minute - rng.randint(1, 3), 0)
    return "".join(parts) + FOOTER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report-only", action="store_true",
                        help="print the verdict but exit 0 (for the smoke test)")
    args = parser.parse_args(argv)

    from annotator.nlp.zones import derive_meta, suggest_zones

    rng = random.Random(args.seed)
    page, ticker = make_page(args.words, rng), make_ticker(args.words, rng)
    zones = suggest_zones(page)  # warm: patterns compiled, caches filled

    def both(text: str) -> None:
        derive_meta(text, suggest_zones(text))

    base = median_ms(lambda: re.findall(r"\w+", page), args.repeat * 4)
    base_ticker = median_ms(lambda: re.findall(r"\w+", ticker), args.repeat * 4)
    label = 'findall(r"\\w+")'
    rows = [
        Row(label, base),
        Row("suggest_zones + derive_meta", median_ms(lambda: both(page), args.repeat),
            label, base, ZONES_BUDGET),
        Row("suggest_zones alone", median_ms(lambda: suggest_zones(page), args.repeat),
            label, base),
        Row("derive_meta alone", median_ms(lambda: derive_meta(page, zones), args.repeat),
            label, base),
        Row("live ticker: suggest_zones + derive_meta",
            median_ms(lambda: both(ticker), args.repeat), label, base_ticker),
    ]
    lines = page.count("\n") + 1
    title = (f"bench_text: {len(page.split())} words on {lines} lines, {len(zones)} zones; "
             f"ticker {len(ticker.split())} words on {ticker.count(chr(10)) + 1} lines")
    code = report(title, rows)
    return 0 if args.report_only else code


if __name__ == "__main__":
    sys.exit(main())
