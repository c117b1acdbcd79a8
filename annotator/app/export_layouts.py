"""What each export format writes for a split, in words, in the interface's language (English
without a translator): the export dialog shows it beside the format. ``SPLIT`` stands for
the split's name (train, dev, test); io/formats.py has the writers and file names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.app.conflicts import QT_TRANSLATE_NOOP  # typed str

LAYOUTS: dict[str, str] = {
    "jsonl": QT_TRANSLATE_NOOP("ExportLayout", "SPLIT.jsonl: one Prodigy-style task per line"),
    "spacy": QT_TRANSLATE_NOOP("ExportLayout",
        "a folder SPLIT/ of spaCy DocBins, 000001.spacy … (up to 1,000 articles each): spacy "
        "train --paths.train SPLIT reads the folder as one corpus"),
    "conll": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.conll (IOB2 entities) and the hidden .SPLIT.conll.meta (texts, metadata)"),
    "brat": QT_TRANSLATE_NOOP("ExportLayout",
        "a folder SPLIT/ with .txt, .ann and .meta per article"),
    "claims": QT_TRANSLATE_NOOP("ExportLayout", "SPLIT.csv and SPLIT.jsonl: one row per claim"),
    "claim-pairs": QT_TRANSLATE_NOOP("ExportLayout", "SPLIT.jsonl: pairs of claims in one group"),
    "doccano": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.jsonl: doccano's sequence labeling import (entities)"),
    "doccano-relations": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.jsonl: doccano's relation import (entities, claims, sources, links)"),
    "label-studio": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.json: Label Studio tasks (an annotation per annotator, relations, suggestions as "
        "predictions) and SPLIT.label_config.xml for the project"),
    "prodigy": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.entities.jsonl, SPLIT.claims.jsonl (with the links to sources) and "
        "SPLIT.sources.jsonl: Prodigy tasks, a layer a file, a line per annotator"),
    "claimreview": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.jsonld: schema.org ClaimReview JSON-LD, one per claim with a verdict"),
    "fever": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.jsonl: FEVER claims (label, evidence sentences) and SPLIT.pages.jsonl: the "
        "articles as numbered sentences"),
    "nli": QT_TRANSLATE_NOOP("ExportLayout",
        "SPLIT.jsonl: premise, hypothesis, entailment/contradiction/neutral from claim groups, "
        "both directions"),
    "uima-xmi": QT_TRANSLATE_NOOP("ExportLayout",
        "a folder SPLIT/ with .xmi and .meta per article and TypeSystem.xml (INCEpTION)"),
    "webanno-tsv": QT_TRANSLATE_NOOP("ExportLayout",
        "a folder SPLIT/ with .tsv (WebAnno TSV 3.3) and .meta per article"),
}


def layout_text(fmt: str) -> str:
    """What ``fmt`` writes for each split, in the interface's language ("" for none)."""
    text = LAYOUTS.get(fmt)
    return QCoreApplication.translate("ExportLayout", text) if text else ""
