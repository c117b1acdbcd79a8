"""Readers for GermEval 2014 / CoNLL token-tag files, mapped to the bundled model's labels.

Label policy (applied identically to training and evaluation data):

* PER, LOC, ORG keep their names; OTH becomes MISC.
* ``-deriv`` (e.g. "deutsche" LOCderiv) and ``-part`` (e.g. "EU-Staaten" ORGpart) become O:
  the token as a whole is not a name, and an annotator marking entities in news would not
  mark it. Only the outer GermEval layer is used; the nested column is ignored.
* Foreign schemes (LER legal classes, Europeana) go through a mapping table; a class that has
  no counterpart is *missing* (unknown), not O, so the model is not taught that it is "no name".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported lazily: the GUI imports this package at start-up
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")

Sentence = list[tuple[str, str]]  # (token, IOB2 tag)

GERMEVAL_MAP: dict[str, str | None] = {
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "OTH": "MISC",
}

# LER (legal) fine classes -> our labels; None = missing (no counterpart, not "outside").
LER_MAP: dict[str, str | None] = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "LDS": "LOC",
    "STR": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "MISC",
}

EUROPEANA_MAP: dict[str, str | None] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def map_tag(tag: str, mapping: Mapping[str, str | None] = GERMEVAL_MAP) -> str | None:
    """Map one IOB2 tag to our label scheme; None means missing, 'O' means outside."""
    if tag in ("O", ""):
        return "O"
    prefix, _, label = tag.partition("-")
    if prefix not in ("B", "I") or not label:
        return None
    if label.endswith("deriv") or label.endswith("part"):
        return "O"
    new = mapping.get(label)
    return None if new is None else f"{prefix}-{new}"


def read_germeval(path: str | Path) -> Iterator[Sentence]:
    """Yield sentences of (token, outer tag) from a GermEval 2014 TSV file."""
    sent: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue  # source comment: "#<TAB>url<TAB>[date]"; token lines start with a number
            if not line.strip():
                if sent:
                    yield sent
                    sent = []
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            sent.append((cols[1], cols[2]))
    if sent:
        yield sent


def read_conll(
    path: str | Path, chunk: int = 60, split_on: Iterable[str] = (".", "!", "?")
) -> Iterator[Sentence]:
    """Yield sentences from a 'token tag' file; unbroken files are split at sentence ends."""
    enders = set(split_on)
    sent: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts or line.startswith("-DOCSTART-"):
                if sent:
                    yield sent
                    sent = []
                continue
            token, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
            sent.append((token, tag))
            if len(sent) >= chunk and token in enders and not tag.startswith("I-"):
                yield sent
                sent = []
    if sent:
        yield sent


def _repair_iob(tags: list[str | None]) -> list[str | None]:
    """Turn orphan I- tags (after O, missing or another label) into B- tags."""
    out: list[str | None] = []
    prev: str | None = "O"
    for tag in tags:
        if tag and tag.startswith("I-") and (not prev or prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def sentence_to_doc(
    vocab: Vocab, sent: Sentence, mapping: Mapping[str, str | None] = GERMEVAL_MAP
) -> Doc:
    """Build a spaCy Doc with gold entities (missing tags stay unannotated)."""
    from spacy.tokens import Doc

    words = [tok for tok, _ in sent]
    tags = _repair_iob([map_tag(tag, mapping) for _, tag in sent])
    ents = [t if t is not None else "" for t in tags]
    return Doc(vocab, words=words, ents=ents)


def to_docs(
    vocab: Vocab, sents: Iterable[Sentence], mapping: Mapping[str, str | None] = GERMEVAL_MAP
) -> list[Doc]:
    """Convert many sentences to Docs."""
    return [sentence_to_doc(vocab, s, mapping) for s in sents if s]


def germeval_docs(vocab: Vocab, path: str | Path) -> list[Doc]:
    """Read a GermEval TSV straight into gold Docs."""
    return to_docs(vocab, read_germeval(path), GERMEVAL_MAP)


def save_docbin(docs: Iterable[Doc], path: str | Path) -> Path:
    """Write Docs to a .spacy DocBin file."""
    from spacy.tokens import DocBin

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    return out
