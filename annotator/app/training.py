"""Train a suggester from the project's own gold annotations (the model in the loop).

Plain Python (no Qt). The same training code (annotator.nlp.train) trains the bundled model.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.app.splits import split_of
from annotator.core.model import Layer, Status
from annotator.store import Project

Log = Callable[[str], None]


class TrainingError(Exception):
    """Training cannot start: too little gold data, or a layer that cannot be trained yet."""


def gold_docs(project: Project, seed: int = 0, dev_share: float = 0.2,
              layer: Layer = Layer.ENTITY):
    """spaCy Docs of the done articles with one layer's annotations (entities in ``doc.ents``,
    claims in ``doc.spans["sc"]``), split by article. Under an entity suggestion nobody decided
    the tokens are missing, not "no entity" (as in the DocBin export)."""
    from spacy.tokens import Doc, Span

    from annotator.io.tokens import german_tokenizer, tokenize

    vocab = german_tokenizer().vocab
    train: list[Doc] = []
    dev: list[Doc] = []
    split = (("train", 1 - dev_share), ("dev", dev_share))
    offset = 0
    while page := project.list_articles(offset, 500, Status.DONE):
        offset += len(page)
        for summary in page:
            art = project.article(summary.id)
            anns = project.annotations(art.id, layer)
            spans = _non_overlapping(anns) if layer is Layer.ENTITY else anns
            undecided = [s for s in project.suggestions(art.id, open_only=True)
                         if s.layer is layer] if layer is Layer.ENTITY else []
            tokens = tokenize(art.text, tuple(p for s in [*spans, *undecided]
                                              for p in (s.start, s.end)))
            doc = Doc(vocab, words=[t.text for t in tokens], spaces=[t.ws for t in tokens])
            # spaCy's character offsets are code points, like ours; tokens split at every span
            # boundary, so each span is whole tokens.
            found = [doc.char_span(s.start, s.end, label=s.label) for s in spans]
            whole = [s for s in found if s is not None]
            if layer is Layer.ENTITY:
                taken = {i for e in whole for i in range(e.start, e.end)}
                unsure = {i for s in undecided
                          if (span := doc.char_span(s.start, s.end)) is not None
                          for i in range(span.start, span.end)} - taken
                doc.set_ents(whole, missing=[Span(doc, i, i + 1) for i in sorted(unsure)],
                             default="outside")
            else:
                doc.spans["sc"] = whole
            (train if split_of(art.hash, seed, split) == "train" else dev).append(doc)
    if not dev and len(train) > 2:  # a small project: still keep one article to score on
        dev.append(train.pop())
    return train, dev


def _non_overlapping(anns):
    taken, out = -1, []
    for a in sorted(anns, key=lambda a: (a.start, -a.end)):
        if a.start >= taken:
            out.append(a)
            taken = a.end
    return out


def train_suggester(project: Project, out: Path, *, layer: str = "entities",
                    max_steps: int = 2000, seed: int = 0, log: Log | None = None
                    ) -> dict[str, Any]:
    """Train an entity recogniser (ner) or a claim finder (spancat) on the done articles;
    returns the dev scores."""
    if layer not in ("entities", "claims"):
        raise TrainingError(f"--layer must be entities or claims, not {layer!r}")
    target = Layer.ENTITY if layer == "entities" else Layer.CLAIM
    train, dev = gold_docs(project, seed, layer=target)
    if len(train) < 2 or not dev:
        raise TrainingError(f"too little gold data: {len(train)} training and {len(dev)} dev "
                            "articles marked done (mark more articles done with D)")
    if log:
        log(f"training on {len(train)} articles, evaluating on {len(dev)}")
    name = f"project_{(project.path.stem if project.path else 'memory')}"
    if target is Layer.CLAIM:
        from annotator.nlp.claim_spans import train_claims

        return train_claims(train, dev, out, max_steps=max_steps, seed=seed,
                            meta={"name": f"{name}_claims", "version": "0.0.1"})
    from annotator.nlp.train import train_ner

    return train_ner(train, dev, out, max_steps=max_steps, patience=max(200, max_steps // 2),
                     eval_frequency=max(20, min(200, max_steps // 5)), seed=seed,
                     meta={"name": name, "version": "0.0.1"})
