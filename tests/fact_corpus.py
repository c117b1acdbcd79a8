"""A small invented German corpus for the fact-checking exports: claims, sources, links, two
claim groups with agreeing and contradicting values, verdicts, and one article nobody marked
done."""

from __future__ import annotations

from annotator.core.model import ArticleDraft, DocGroupMember, DocLink, DocSpan, Layer, Provenance
from annotator.io.fact_claims import page_id

MARIA = Provenance("maria", "2026-11-30T09:00:00Z")

A = ("Anna Berger sagte, der Vertrag sei am Mittwoch unterzeichnet worden. "
     "Die Feier fand in Dresden statt.")
B = ("Laut Elbtal-Bote wurde der Vertrag am Donnerstag unterzeichnet. "
     "Die Feier fand in Leipzig statt.")
C = "Das Amt erklärte, der Vertrag wurde am Mittwoch unterzeichnet. Angeblich waren 300 Gäste da."
D = "Der Vertrag wurde am Donnerstag unterzeichnet, hieß es."


def _span(text: str, key: str, part: str, layer: Layer, attrs: dict | None = None,
          source: str | None = None, kind: str | None = None) -> DocSpan:
    start = text.index(part)
    label = "CLAIM" if layer is Layer.CLAIM else "SOURCE"
    return DocSpan(key, layer, start, start + len(part), label, attrs or {}, source, kind, MARIA)


def _member(key: str, group: str, value: str, holds: bool = False) -> DocGroupMember:
    title = {"G1": "Wochentag der Unterzeichnung", "G2": "Ort der Feier"}[group]
    return DocGroupMember(title, group, key, value=value, holds=holds)


def drafts() -> list[ArticleDraft]:
    """Articles A, B, C (done) and D (not done)."""
    a = ArticleDraft(A, title="Vertrag unterzeichnet", outlet="Elbtal-Bote",
                     url="https://elbtal-bote.example/vertrag", published="2024-05-02",
                     annotations=[
                         _span(A, "T1", "der Vertrag sei am Mittwoch unterzeichnet worden",
                               Layer.CLAIM, {"kind": "factual", "verdict": "true",
                                             "evidence": "Protokoll der Sitzung"}),
                         _span(A, "T2", "Die Feier fand in Dresden statt", Layer.CLAIM,
                               {"verdict": "misleading"}),
                         _span(A, "T3", "Anna Berger", Layer.SOURCE, source="Anna Berger",
                               kind="person")],
                     links=[DocLink("T1", "T3")],
                     groups=[_member("T1", "G1", "Mittwoch", holds=True),
                             _member("T2", "G2", "Dresden", holds=True)])
    b = ArticleDraft(B, title="Streit um den Termin", outlet="Sachsenblick",
                     published="2024-05-03",
                     annotations=[
                         _span(B, "T1", "der Vertrag am Donnerstag unterzeichnet", Layer.CLAIM,
                               {"verdict": "false"}),
                         _span(B, "T2", "Die Feier fand in Leipzig statt", Layer.CLAIM,
                               {"verdict": "true"}),
                         _span(B, "T3", "Elbtal-Bote", Layer.SOURCE, source="Elbtal-Bote",
                               kind="newspaper")],
                     links=[DocLink("T1", "T3")],
                     groups=[_member("T1", "G1", "Donnerstag"), _member("T2", "G2", "Leipzig")])
    c = ArticleDraft(C, title="Amt bestätigt",
                     annotations=[
                         _span(C, "T1", "der Vertrag wurde am Mittwoch unterzeichnet",
                               Layer.CLAIM, {"verdict": "unverified"}),
                         _span(C, "T2", "Angeblich waren 300 Gäste da", Layer.CLAIM,
                               {"verdict": "unprovable"}),
                         _span(C, "T3", "Das Amt", Layer.SOURCE)],
                     links=[DocLink("T2", "T3")],
                     groups=[_member("T1", "G1", "mittwoch ")])
    d = ArticleDraft(D, title="Ungeprüft", reviewed=False,
                     annotations=[_span(D, "T1", "Der Vertrag wurde am Donnerstag unterzeichnet",
                                        Layer.CLAIM, {"verdict": "true"})],
                     groups=[_member("T1", "G1", "Donnerstag")])
    return [a, b, c, d]


PAGE = {name: page_id(ArticleDraft(text)) for name, text in zip("ABCD", (A, B, C, D),
                                                                  strict=True)}
