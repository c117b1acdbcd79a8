"""Train and evaluate the bundled German NER pipeline (spaCy tok2vec + ner + entity_ruler).

``--data DIR`` is a folder of openly licensed corpora laid out as docs/ner-model.md ("Training
data") describes: ``germeval2014/NER-de-test.tsv`` and ``NER-de-dev.tsv``, optionally
``ler/ler_dev.conll`` and ``ler_test.conll``, and ``europeana-newspapers/enp_DE.lft.bio``.
Reproduce the bundled model (about 10-15 minutes on one core)::

    python -m annotator.nlp.train --data DIR --out annotator/resources/models/de_annotator_ner
    python -m annotator.nlp.train evaluate annotator/resources/models/de_annotator_ner \\
        DIR/germeval2014/NER-de-dev.tsv

GermEval 2014 "test" is the training set (the recipe was built without the official train
split); GermEval "dev" is used only to pick the best checkpoint (early stopping) and to report
scores.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.nlp import germeval
from annotator.nlp.augment import build_pools, replace_entities
from annotator.nlp.gazetteer import add_ruler, load_tsv

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "de_annotator_ner"
MODEL_VERSION = "0.1.0"

# Chosen by the experiments in docs/ner-model.md; every key is a dotted spaCy config path.
DEFAULT_OVERRIDES: dict[str, Any] = {
    "training.dropout": 0.2,
    "training.optimizer.use_averages": True,
}

NOTICE = """# de_annotator_ner: data credits

This pipeline (spaCy tok2vec + ner, with an entity_ruler gazetteer before ner) was trained by
the annotator project on:

* **GermEval 2014 NER** (the "test" split as training data, "dev" for model selection),
  CC BY 4.0. Darina Benikova, Chris Biemann, Marc Reznicek: "NoSta-D Named Entity Annotation
  for German: Guidelines and Dataset", LREC 2014. Labels mapped: OTH -> MISC; -deriv and -part
  -> O.
{extra}
The gazetteer (entity_ruler patterns) is derived from the Unicode CLDR data shipped with Babel
(Unicode License v3) plus lists curated by the project.
"""


def blank_config(overrides: dict[str, Any] | None = None) -> Any:
    """spaCy's CPU 'efficiency' config for German ner, with our overrides applied."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="de", pipeline=["ner"], optimize="efficiency", gpu=False)
    if (overrides or {}).get("paths.init_tok2vec"):
        # init_tok2vec is only applied when a [pretraining] section says which layer it fits
        from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH
        from spacy.util import load_config

        config = load_config(DEFAULT_CONFIG_PRETRAIN_PATH).merge(config)
    for key, value in {**DEFAULT_OVERRIDES, **(overrides or {})}.items():
        node = config
        *parents, leaf = key.split(".")
        for part in parents:
            node = node[part]
        node[leaf] = value
    return config


def _docs_to_examples(nlp: Language, docs: Iterable[Doc]) -> list[Any]:
    """Pair each gold Doc with an unannotated copy of its tokens."""
    from spacy.tokens import Doc as SpacyDoc
    from spacy.training import Example

    out = []
    for gold in docs:
        pred = SpacyDoc(
            nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold]
        )
        out.append(Example(pred, gold))
    return out


def train_ner(
    train_docs: Sequence[Doc],
    dev_docs: Sequence[Doc],
    out_dir: str | Path,
    max_steps: int = 4000,
    patience: int = 1600,
    eval_frequency: int = 200,
    overrides: dict[str, Any] | None = None,
    gazetteer: Iterable[tuple[str, str]] | None | bool = True,
    meta: dict[str, Any] | None = None,
    seed: int = 0,
    log: Any = None,
) -> dict[str, Any]:
    """Train tok2vec+ner on gold Docs, keep the best dev checkpoint, add the ruler, save to out_dir.

    ``gazetteer``: True = the list in the package, False/None = no ruler, or explicit
    (name, label) rows.
    Returns the dev scores of the saved pipeline (with the ruler when there is one).
    """
    from spacy.util import fix_random_seed

    out = Path(out_dir)
    fix_random_seed(seed)
    best, seconds = _best_checkpoint(train_docs, dev_docs, log, {
        "training.max_steps": max_steps,
        "training.patience": patience,
        "training.eval_frequency": eval_frequency,
        "system.seed": seed,
        "training.logger.progress_bar": False,
        **(overrides or {}),
    })
    if gazetteer:
        add_ruler(best, None if gazetteer is True else gazetteer)
    scores = score(best, dev_docs)
    best.meta.update(_meta(scores, seconds, meta))
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    best.to_disk(out)
    return {**scores, "train_seconds": round(seconds)}


def _best_checkpoint(train_docs: Sequence[Doc], dev_docs: Sequence[Doc], log: Any,
                     settings: dict[str, Any]) -> tuple[Language, float]:
    """spaCy's training loop over the Docs (written to a temporary folder) with ``settings``
    on the config: the best dev checkpoint, and the seconds the loop took."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    with tempfile.TemporaryDirectory(prefix="annotator-ner-") as tmp:
        work = Path(tmp)
        germeval.save_docbin(train_docs, work / "train.spacy")
        germeval.save_docbin(dev_docs, work / "dev.spacy")
        paths = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        nlp = init_nlp(blank_config({**paths, **settings}))
        (work / "run").mkdir()
        t0 = time.perf_counter()
        train_loop(nlp, work / "run", stdout=log or sys.stderr, stderr=log or sys.stderr)
        seconds = time.perf_counter() - t0
        best = _load(work / "run" / "model-best")
    best.config["paths"].update(train=None, dev=None)  # the temporary files are gone
    return best, seconds


def _meta(scores: dict[str, Any], seconds: float, meta: dict[str, Any] | None) -> dict[str, Any]:
    """The saved pipeline's meta: name, licence, dev scores and training time, then ``meta``."""
    return {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "lang": "de",
        "description": "German news NER (PER, LOC, ORG, MISC) bundled with annotator",
        "license": "CC BY 4.0",
        "performance": {k: v for k, v in scores.items() if k != "words_per_second"},
        "train_seconds": round(seconds),
        "spacy_version": _minor_range(),
        **(meta or {}),
    }


def _minor_range() -> str:
    """Compatible spaCy range for the saved pipeline: the running minor version, any patch."""
    import spacy

    major, minor = spacy.__version__.split(".")[:2]
    return f">={major}.{minor}.0,<{major}.{int(minor) + 1}.0"


def _load(path: str | Path) -> Language:
    """Load a pipeline folder."""
    import spacy

    return spacy.load(path)


def score(nlp: Language, gold_docs: Sequence[Doc]) -> dict[str, Any]:
    """Entity P/R/F (overall and per label) and words/s of nlp on gold Docs."""
    examples = _docs_to_examples(nlp, gold_docs)
    t0 = time.perf_counter()
    raw = nlp.evaluate(examples, batch_size=256)
    seconds = time.perf_counter() - t0
    words = sum(len(d) for d in gold_docs)
    per = {
        label: {k: round(v, 4) for k, v in vals.items()}
        for label, vals in sorted((raw.get("ents_per_type") or {}).items())
    }
    return {
        "p": round(raw["ents_p"] or 0.0, 4),
        "r": round(raw["ents_r"] or 0.0, 4),
        "f": round(raw["ents_f"] or 0.0, 4),
        "per_label": per,
        "words_per_second": round(words / seconds) if seconds else None,
    }


def evaluate(model_dir: str | Path, germeval_dev_path: str | Path) -> dict[str, Any]:
    """Score a saved pipeline on a GermEval TSV (labels mapped as in germeval.py)."""
    nlp = _load(model_dir)
    return score(nlp, germeval.germeval_docs(nlp.vocab, germeval_dev_path))


# Files under --data, by the corpus names recorded in the model's meta ("sources"), and the
# option that leaves each optional corpus out. docs/ner-model.md, "Training data", says where
# to get them.
CORPUS_FILES: dict[str, tuple[str, ...]] = {
    "germeval2014": ("germeval2014/NER-de-test.tsv", "germeval2014/NER-de-dev.tsv"),
    "ler": ("ler/ler_dev.conll", "ler/ler_test.conll"),
    "europeana": ("europeana-newspapers/enp_DE.lft.bio",),
}
_LEAVE_OUT = {"ler": "--ler-sentences 0", "europeana": "--no-europeana"}


class CorpusError(Exception):
    """A corpus file the recipe reads is missing under the data folder."""


def corpus_paths(data: str | Path, name: str) -> list[Path]:
    """The files of one corpus under data; CorpusError names the first one missing."""
    paths = [Path(data, rel) for rel in CORPUS_FILES[name]]
    for path in paths:
        if not path.is_file():
            hint = f"; leave {name} out with {_LEAVE_OUT[name]}" if name in _LEAVE_OUT else ""
            raise CorpusError(f"{path}: no such file (layout of --data: docs/ner-model.md, "
                              f"'Training data'){hint}")
    return paths


def load_corpora(
    data: str | Path,
    vocab: Any,
    ler_sentences: int = 0,
    europeana: bool = False,
    seed: int = 0,
    augment: float = 0.0,
) -> tuple[list[Doc], list[Doc], list[str]]:
    """Training and dev Docs from the data folder; also the names of corpora used.

    Every file is checked before any is read, so a missing one fails at once (CorpusError)."""
    used = ["germeval2014"] + ["ler"] * bool(ler_sentences) + ["europeana"] * europeana
    files = {name: corpus_paths(data, name) for name in used}
    train_path, dev_path = files["germeval2014"]
    train = germeval.germeval_docs(vocab, train_path)
    dev = germeval.germeval_docs(vocab, dev_path)
    rng = random.Random(seed)
    if augment:
        pools = build_pools(train, load_tsv(), labels=("PER", "LOC", "ORG"))
        train += replace_entities(train, pools, augment, seed)
    if "ler" in files:
        sents = [s for path in files["ler"] for s in germeval.read_conll(path) if _has_mapped(s)]
        rng.shuffle(sents)
        train += germeval.to_docs(vocab, sents[:ler_sentences], germeval.LER_MAP)
    if "europeana" in files:
        (path,) = files["europeana"]
        train += germeval.to_docs(vocab, germeval.read_conll(path), germeval.EUROPEANA_MAP)
    return train, dev, used


def _has_mapped(sent: germeval.Sentence) -> bool:
    """True when a LER sentence holds an entity class we keep."""
    return any(germeval.map_tag(tag, germeval.LER_MAP) not in (None, "O") for _, tag in sent)


_EXTRA_NOTICE = {
    "ler": "* **LER, German legal entity recognition** (CC BY 4.0). Elena Leitner, Georg Rehm,\n"
    '  Julián Moreno-Schneider: "A Dataset of German Legal Documents for Named Entity\n'
    '  Recognition", LREC 2020. Fine classes mapped to PER/LOC/ORG; others left unannotated.\n',
    "europeana": "* **Europeana Newspapers NER** (CC0). Clemens Neudecker, LREC 2016.\n",
}


def write_notice(out_dir: str | Path, used: Iterable[str]) -> None:
    """Write NOTICE.md crediting every corpus the model was trained on."""
    extra = "".join(_EXTRA_NOTICE.get(u, "") for u in used)
    Path(out_dir, "NOTICE.md").write_text(NOTICE.format(extra=extra), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """CLI: train (default) or evaluate."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        return _evaluate_command(argv[1:])
    ap = _train_parser()
    args = ap.parse_args(argv[1:] if argv[:1] == ["train"] else argv)
    import spacy

    vocab = spacy.blank("de").vocab
    try:
        train, dev, used = load_corpora(
            args.data, vocab, args.ler_sentences, args.europeana, args.seed, args.augment
        )
    except CorpusError as exc:
        ap.error(str(exc))
    overrides = {k: json.loads(v) for k, _, v in (o.partition("=") for o in args.override)}
    gaz = False if args.gazetteer == "none" else load_tsv(args.gazetteer)
    scores = train_ner(
        train,
        dev,
        args.out,
        args.max_steps,
        args.patience,
        overrides=overrides,
        gazetteer=gaz,
        seed=args.seed,
        meta={"sources": used, "overrides": overrides},
    )
    write_notice(args.out, used)
    print(json.dumps(scores, indent=2))
    return 0


def _evaluate_command(argv: list[str]) -> int:
    """``evaluate MODEL_DIR GERMEVAL_DEV``: print the scores as JSON."""
    ap = argparse.ArgumentParser(prog="annotator.nlp.train evaluate")
    ap.add_argument("model_dir")
    ap.add_argument("germeval_dev")
    args = ap.parse_args(argv)
    if not Path(args.germeval_dev).is_file():
        ap.error(f"{args.germeval_dev}: no such file")
    print(json.dumps(evaluate(args.model_dir, args.germeval_dev), indent=2))
    return 0


def _train_parser() -> argparse.ArgumentParser:
    """The options of training (the default command)."""
    ap = argparse.ArgumentParser(
        prog="annotator.nlp.train",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--data",
        required=True,
        help="corpus folder: germeval2014/, ler/, europeana-newspapers/ (docs/ner-model.md)",
    )
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-steps", type=int, default=4000)
    ap.add_argument("--patience", type=int, default=1600)
    ap.add_argument("--ler-sentences", type=int, default=2000, help="LER sentences to mix in")
    ap.add_argument("--europeana", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--augment", type=float, default=0.0, help="entity-swap share, e.g. 0.5")
    ap.add_argument(
        "--gazetteer", help="name<TAB>label file, or 'none' (default: the list in the package)"
    )
    ap.add_argument(
        "--override", action="append", default=[], help="key=json, e.g. training.dropout=0.3"
    )
    ap.add_argument("--seed", type=int, default=0)
    return ap


if __name__ == "__main__":
    raise SystemExit(main())
