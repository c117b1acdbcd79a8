"""Entity-replacement augmentation: copies of training sentences with other names swapped in.

With only ~5,000 training sentences the model memorises names; swapping in names from the
gazetteer and from other training sentences makes it lean on context ("nach X", "sagte X").
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from annotator.nlp.gazetteer import genitive

if TYPE_CHECKING:
    from spacy.tokens import Doc

Pools = dict[str, list[list[str]]]


def build_pools(
    docs: Iterable[Doc], entries: Iterable[tuple[str, str]] = (), labels: Sequence[str] = ()
) -> Pools:
    """Replacement names per label: entity texts from docs plus gazetteer entries."""
    pools: dict[str, set[tuple[str, ...]]] = {}
    for doc in docs:
        for ent in doc.ents:
            if not labels or ent.label_ in labels:
                pools.setdefault(ent.label_, set()).add(tuple(t.text for t in ent))
    for name, label in entries:
        if not labels or label in labels:
            pools.setdefault(label, set()).add(tuple(name.split()))
    return {label: sorted(list(n) for n in names) for label, names in pools.items()}


def _pick(rng: random.Random, pool: list[list[str]], old: list[str], label: str) -> list[str]:
    """A replacement name; a LOC that looked genitive ("Frankreichs") gets a genitive one."""
    new = list(rng.choice(pool))
    if label == "LOC" and len(old) == 1 and old[0].endswith("s") and len(new) == 1:
        gen = genitive(new[0])
        if gen:
            new = [gen]
    return new


def replace_entities(
    docs: Iterable[Doc], pools: Pools, rate: float = 0.5, seed: int = 0
) -> list[Doc]:
    """New Docs: a `rate` share of sentences holding entities, each entity swapped for another."""
    from spacy.tokens import Doc as SpacyDoc

    rng = random.Random(seed)
    out: list[Doc] = []
    for doc in docs:
        if not any(e.label_ in pools for e in doc.ents) or rng.random() >= rate:
            continue
        words: list[str] = []
        tags: list[str] = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            ent = next((e for e in doc.ents if e.start == i), None)
            if ent is not None and ent.label_ in pools:
                old = [t.text for t in ent]
                new = _pick(rng, pools[ent.label_], old, ent.label_)
                words += new
                tags += [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(new) - 1)
                i = ent.end
                continue
            words.append(tok.text)
            tags.append(f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_type_ else tok.ent_iob_)
            i += 1
        out.append(SpacyDoc(doc.vocab, words=words, ents=tags))
    return out
