"""A small project for the exports to other tools (doccano, Label Studio, Prodigy): entities
(overlapping, after emoji, flags and math letters), claims, sources, links, two annotators."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span, Status
from annotator.store import Project

TEXT_A = ("🎉 Anna Berger 🇩🇪 sagte in 𝔄𝔫𝔫𝔞berg, der Vertrag sei am Mittwoch unterzeichnet "
          "worden.\nDie Bundesregierung in Berlin 😀 bestätigte das am Abend.")
TEXT_B = "Laut 𝔄-Zeitung wurde der Vertrag am Donnerstag unterzeichnet."


def span(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label)


def build(path: Path) -> tuple[Project, int, int]:
    """Article A: maria's spans of every layer and two links, an open model suggestion, marked
    done. Article B: maria
    and jonas each annotated it, differently (no gold version), marked done by both."""
    p = Project.open(path)
    a = p.add_article(_draft(TEXT_A, "Vertrag unterzeichnet", "Elbtal-Bote", {"rubrik": "Politik"}))
    b = p.add_article(_draft(TEXT_B, "Vertrag", None, {}))
    assert a and b
    ann = p.add_annotation
    ann(a, Layer.ENTITY, span(TEXT_A, "Anna Berger", "PER"), "maria")
    ann(a, Layer.ENTITY, span(TEXT_A, "🇩🇪", "MISC"), "maria")
    ann(a, Layer.ENTITY, span(TEXT_A, "𝔄𝔫𝔫𝔞berg", "LOC"), "maria")
    ann(a, Layer.ENTITY, span(TEXT_A, "Bundesregierung in Berlin 😀", "ORG"), "maria")
    ann(a, Layer.ENTITY, span(TEXT_A, "Berlin", "LOC"), "maria")  # inside the ORG
    source = ann(a, Layer.SOURCE, span(TEXT_A, "Anna Berger", "SOURCE"), "maria")
    claim = ann(a, Layer.CLAIM, span(TEXT_A, "der Vertrag sei am Mittwoch unterzeichnet worden",
                                     "CLAIM"), "maria", attrs={"verdict": "false"})
    government = ann(a, Layer.SOURCE, span(TEXT_A, "Die Bundesregierung", "SOURCE"), "maria")
    confirmed = ann(a, Layer.CLAIM, span(TEXT_A, "bestätigte das", "CLAIM"), "maria")
    p.add_link(claim, source, "attributed_to", "maria", {"cue": "sagte"})
    p.add_link(confirmed, government, "attributed_to", "maria")
    suggested = span(TEXT_A, "Abend", "TIME")
    p.replace_suggestions(a, ModelInfo("de_annotator_ner", "1.0.0"), [
        Span(suggested.start, suggested.end, "TIME", 0.61)])
    p.set_status(a, Status.DONE)
    ann(b, Layer.ENTITY, span(TEXT_B, "𝔄-Zeitung", "ORG"), "maria")
    ann(b, Layer.ENTITY, span(TEXT_B, "𝔄-Zeitung", "MISC"), "jonas")
    ann(b, Layer.CLAIM, span(TEXT_B, "der Vertrag am Donnerstag unterzeichnet", "CLAIM"), "jonas")
    for who in ("maria", "jonas"):
        p.set_status(b, Status.DONE, who)
    return p, a, b


def _draft(text: str, title: str, outlet: str | None, meta: dict) -> ArticleDraft:
    return ArticleDraft(text=text, title=title, outlet=outlet, published="2024-05-02",
                        meta=meta, source_path="/news/a.txt")
