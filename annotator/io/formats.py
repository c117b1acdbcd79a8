"""The dataset formats annotator writes and reads back, by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path

from annotator.core.model import REVIEWED_LAYERS, ArticleDraft, Layer

# A writer gets the articles of one split and the path to write them to (a file named after
# the split with the format's extension, or a folder for brat and spaCy's DocBin shards); it
# streams them (an iterator, read once) and returns the files written.
Writer = Callable[[Iterable[ArticleDraft], Path], list[Path]]

FORMATS: dict[str, tuple[str, str, str]] = {
    # name: (module, writer function, file extension or "" for a folder)
    "jsonl": ("annotator.io.export_jsonl", "write_jsonl", ".jsonl"),
    "spacy": ("annotator.io.docbin", "write_spacy_shards", ""),
    "conll": ("annotator.io.conll", "write_conll", ".conll"),
    "brat": ("annotator.io.brat", "write_brat", ""),
    "claims": ("annotator.io.claims_table", "write_claims", ".csv"),
    "claim-pairs": ("annotator.io.claims_table", "write_claim_pairs", ".jsonl"),
    "doccano": ("annotator.io.export_doccano", "write_doccano", ".jsonl"),
    "doccano-relations": ("annotator.io.export_doccano", "write_doccano_relations", ".jsonl"),
    "label-studio": ("annotator.io.export_label_studio", "write_label_studio", ".json"),
    "prodigy": ("annotator.io.export_prodigy", "write_prodigy", ".entities.jsonl"),
    "claimreview": ("annotator.io.export_claimreview", "write_claimreview", ".jsonld"),
    "fever": ("annotator.io.export_fever", "write_fever", ".jsonl"),
    "nli": ("annotator.io.export_nli", "write_nli", ".jsonl"),
    "uima-xmi": ("annotator.io.xmi", "write_xmi", ""),
    "webanno-tsv": ("annotator.io.webanno_tsv", "write_webanno_tsv", ""),
}


# Files a writer puts beside its split file, ``{}`` standing for the split's name:
# ``.train.conll.meta``, ``train.jsonl`` beside the CSV.
SIDECARS: dict[str, tuple[str, ...]] = {"conll": (".{}.conll.meta",), "claims": ("{}.jsonl",),
                                        "label-studio": ("{}.label_config.xml",),
                                        "prodigy": ("{}.claims.jsonl", "{}.sources.jsonl"),
                                        "fever": ("{}.pages.jsonl",)}


# Formats that cannot say "nobody reviewed this" (IOB and brat have only "no entity"), and
# the layers they write: an export refuses articles with such parts in these layers.
CANNOT_MARK_MISSING: dict[str, frozenset[Layer]] = {
    "conll": frozenset({Layer.ENTITY}), "brat": frozenset(REVIEWED_LAYERS),
    "uima-xmi": frozenset(REVIEWED_LAYERS), "webanno-tsv": frozenset(REVIEWED_LAYERS)}


def writer(name: str) -> Writer:
    """The writer of a format (imported on first use: some need spaCy)."""
    module, function, _ext = FORMATS[name]
    return getattr(import_module(module), function)


def target(name: str, out: Path, split: str) -> Path:
    """Where one split of a format goes inside the output folder."""
    return out / f"{split}{FORMATS[name][2]}"


def outputs(name: str, split: str) -> tuple[list[str], list[str]]:
    """The files and folders one split of a format makes at the top of the output folder."""
    ext = FORMATS[name][2]
    if not ext:
        return [], [split]
    return [split + ext, *(extra.format(split) for extra in SIDECARS.get(name, ()))], []
