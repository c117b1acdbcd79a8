"""A generated corpus of pre-annotated German-like articles for the bulk benchmarks.

Each article has ~400 words in paragraphs, a headline, a dateline with an agency, and ~25
entity spans (PER, ORG, LOC, MISC) given by the file, the way a dataset from another tool or an
earlier model run arrives. Written as one JSONL file (one task per line, ``text`` + ``spans`` +
``meta``), streamed, so that 100,000 articles never sit in memory.

``rows(n, seed)`` yields the same articles as plain tuples, for the bare baselines.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _common import words

WORDS = words(
    "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es "
    "an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so "
    "zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei wenn seit heute "
    "jedoch bereits gegen unter sowie zwischen während allerdings zunächst demnach offenbar"
)
NOUNS = words(
    "Vertrag Abkommen Verhandlungen Bundesregierung Ministerium Wasserstraße Hochwasserschutz "
    "Schifffahrt Grenzübergang Umweltverbände Bürgerinitiative Landesregierung Stellungnahme "
    "Pressekonferenz Sprecherin Ausschuss Haushaltsmittel Genehmigungsverfahren Uferböschung "
    "Fischtreppe Staustufe Regierungserklärung Gemeinderat Öffentlichkeit Maßnahmenpaket"
)
VERBS = words("sagte erklärte betonte kritisierte forderte bestätigte kündigte warnte räumte")
ENTITIES = {
    "PER": ["Anna Berger", "Ondřej Kratochvíl", "Katharina Seidel", "Jürgen Maaß",
            "Lukas Lindholm", "Zofia Wiśniewska", "Peter Groß", "Hanna Öztürk"],
    "LOC": ["Dresden", "Hamburg", "Riesa", "Litoměřice", "Prag", "Magdeburg", "Pirna",
            "Sachsen", "Tschechien", "Brüssel"],
    "ORG": ["Bundesumweltministerium", "Elbtal-Bote", "BUND", "Europäische Kommission",
            "Landtag", "Naturschutzbund", "Wasserstraßen- und Schifffahrtsamt"],
    "MISC": ["Elbtal-Abkommen", "Wasserrahmenrichtlinie", "Elbe-Tag", "Hochwasser 2002"],
}
LABELS = list(ENTITIES)


@dataclass
class BulkArticle:
    title: str
    text: str
    spans: list[tuple[int, int, str]]
    outlet: str
    published: str


def article(number: int, rng: random.Random, words: int = 400,
            spans: int = 25) -> BulkArticle:
    """One article: headline, dateline, paragraphs of sentences, about ``spans`` entities."""
    title = f"{rng.choice(NOUNS)} in {rng.choice(ENTITIES['LOC'])}: Streit um {number}"
    parts: list[str] = [title, "\n\n"]
    found: list[tuple[int, int, str]] = []
    offset = len(title) + 2
    every = max(1, words // max(1, spans))
    written = 0
    sentence: list[str] = []
    first = True

    def put(piece: str) -> None:
        nonlocal offset
        parts.append(piece)
        offset += len(piece)

    place = rng.choice(ENTITIES["LOC"])
    found.append((offset, offset + len(place), "LOC"))
    put(f"{place} (dpa) – ")
    while written < words:
        if written % every == every - 1:
            label = rng.choice(LABELS)
            name = rng.choice(ENTITIES[label])
            if not first:
                put(" ")
            found.append((offset, offset + len(name), label))
            put(name)
            written += len(name.split())
        else:
            word = rng.choice(NOUNS) if rng.random() < 0.2 else rng.choice(WORDS)
            word = rng.choice(VERBS) if rng.random() < 0.05 else word
            put(("" if first else " ") + word)
            written += 1
        first = False
        sentence.append("x")
        if len(sentence) > rng.randint(9, 18):
            put(".")
            sentence = []
            if rng.random() < 0.2:
                put("\n\n")
                first = True
    put(".\n")
    return BulkArticle(title, "".join(parts), found, "Elbtal-Bote",
                       f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}")


def articles(n: int, seed: int = 1, words: int = 400, spans: int = 25) -> Iterator[BulkArticle]:
    """``n`` articles, the same for the same seed."""
    rng = random.Random(seed)
    for number in range(n):
        yield article(number, rng, words, spans)


def write_jsonl(path: Path, n: int, seed: int = 1, words: int = 400, spans: int = 25) -> Path:
    """The corpus as one JSONL file of Prodigy-style tasks, written line by line."""
    with path.open("w", encoding="utf-8") as out:
        for art in articles(n, seed, words, spans):
            task = {
                "text": art.text,
                "spans": [{"start": s, "end": e, "label": label} for s, e, label in art.spans],
                "meta": {"title": art.title, "outlet": art.outlet, "published": art.published},
            }
            out.write(json.dumps(task, ensure_ascii=False) + "\n")
    return path
