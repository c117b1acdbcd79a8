"""Claims as spans: a span categorizer whose candidates are sentences and their clauses.

spaCy's default n-gram suggester proposes spans of 1–3 tokens; claims are clauses and whole
sentences, so the candidates here are each sentence, the sentence without a leading dateline
or attribution ("Berger sagte, …"), and the comma-separated clauses of longer sentences.
The suggester is registered as ``annotator.sentence_suggester.v1``: import this module before
loading a pipeline trained with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from annotator.core.model import Span
from annotator.core.sentences import split_sentences

K = TypeVar("K")
SPANS_KEY = "sc"
_registered = False


def register() -> None:
    """Register the suggester with spaCy (once; needs spaCy, so it is not done at import)."""
    global _registered
    if _registered:
        return
    from spacy.util import registry

    registry.misc("annotator.sentence_suggester.v1", func=make_sentence_suggester)
    _registered = True


def candidate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges worth scoring as claims: sentences, their tails after a comma, and
    their comma-separated parts (deduplicated, in text order)."""
    out: set[tuple[int, int]] = set()
    for start, end in split_sentences(text):
        if end - start > 2:
            out.add((start, end))
            cuts = [i for i in range(start, end) if text[i] == ","]
            for cut in cuts:
                tail = cut + 1
                while tail < end and text[tail].isspace():
                    tail += 1
                if end - tail > 10:
                    out.add((tail, end))
                if cut - start > 10:
                    out.add((start, cut))
    return sorted(out)


def make_sentence_suggester() -> Any:
    """The spaCy suggester: token ranges of candidate_ranges for every doc."""
    from thinc.api import get_current_ops
    from thinc.types import Ragged

    def suggest(docs: Iterable[Any], *, ops: Any = None) -> Ragged:
        ops = ops or get_current_ops()
        spans, lengths = [], []
        for doc in docs:
            found = []
            for start, end in candidate_ranges(doc.text):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    found.append((span.start, span.end))
            found = sorted(set(found))
            if not found and len(doc):
                found = [(0, len(doc))]  # spancat needs a candidate in every doc
            spans.extend(found)
            lengths.append(len(found))
        data = ops.asarray2i(spans) if spans else ops.xp.zeros((0, 2), dtype="i")
        return Ragged(data, ops.asarray1i(lengths))

    return suggest


def claims_config(overrides: dict[str, Any] | None = None) -> Any:
    """spaCy's efficiency config for a German span categorizer with our suggester."""
    from spacy.cli.init_config import init_config

    register()
    config = init_config(lang="de", pipeline=["spancat"], optimize="efficiency", gpu=False)
    config["components"]["spancat"]["suggester"] = {"@misc": "annotator.sentence_suggester.v1"}
    config["components"]["spancat"]["spans_key"] = SPANS_KEY
    for key, value in (overrides or {}).items():
        node = config
        *parents, leaf = key.split(".")
        for part in parents:
            node = node[part]
        node[leaf] = value
    return config


def train_claims(train_docs: Sequence[Any], dev_docs: Sequence[Any], out_dir: Path, *,
                 max_steps: int = 1000, seed: int = 0, meta: dict[str, Any] | None = None,
                 log: Any = None) -> dict[str, Any]:
    """Train a claim span categorizer on Docs whose ``doc.spans["sc"]`` hold the claims."""
    import shutil
    import sys
    import tempfile

    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import fix_random_seed, load_model

    fix_random_seed(seed)
    with tempfile.TemporaryDirectory(prefix="annotator-claims-") as tmp:
        work = Path(tmp)
        DocBin(docs=train_docs).to_disk(work / "train.spacy")
        DocBin(docs=dev_docs).to_disk(work / "dev.spacy")
        config = claims_config({
            "paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
            "training.max_steps": max_steps, "training.patience": max(100, max_steps // 2),
            "training.eval_frequency": max(10, min(200, max_steps // 5)),
            "system.seed": seed, "training.logger.progress_bar": False,
        })
        nlp = init_nlp(config)
        (work / "run").mkdir()
        train_loop(nlp, work / "run", stdout=log or sys.stderr, stderr=log or sys.stderr)
        best = load_model(work / "run" / "model-best")
    scores = best.evaluate(_examples(best, dev_docs))
    best.meta.update({"performance": {"f": scores.get("spans_sc_f") or 0.0,
                                      "p": scores.get("spans_sc_p") or 0.0,
                                      "r": scores.get("spans_sc_r") or 0.0}, **(meta or {})})
    best.config["paths"].update(train=None, dev=None)  # the temporary files are gone
    if out_dir.exists():
        shutil.rmtree(out_dir)
    best.to_disk(out_dir)
    return best.meta["performance"]


def _examples(nlp: Any, docs: Sequence[Any]) -> list[Any]:
    from spacy.tokens import Doc
    from spacy.training import Example

    return [Example(Doc(nlp.vocab, words=[t.text for t in d],
                        spaces=[bool(t.whitespace_) for t in d]), d) for d in docs]


def suggest_claims(nlp: Any, items: Iterable[tuple[K, str]], batch_size: int = 16
                   ) -> Iterator[tuple[K, list[Span]]]:
    """Yield (key, claim spans with the categorizer's score) per text."""
    key_of = nlp.get_pipe("spancat").cfg.get("spans_key", SPANS_KEY)
    for doc, key in nlp.pipe(((text, key) for key, text in items), as_tuples=True,
                             batch_size=batch_size):
        group = doc.spans[key_of]
        scores = getattr(group, "attrs", {}).get("scores")
        yield key, [Span(s.start_char, s.end_char, s.label_,
                         None if scores is None else round(_score(scores[i]), 4))
                    for i, s in enumerate(group)]


def _score(value: Any) -> float:
    """A span's score: spaCy stores one per span (or one per label in older versions)."""
    try:
        return float(value)
    except TypeError:
        return float(max(value))
