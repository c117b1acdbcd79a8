"""The bundled sample corpus, and the demo project made from it: every view has something to
show. Its first four articles come with claims, sources, attributions and one disputed claim
group (the weekday of the signing: Mittwoch in three articles, Donnerstag in the fourth), in the
imported layer that every annotator starts from; a colleague, ``demo``, has marked persons and
places in the two unrelated articles and is done with them; a second, ``kai``, is done with one
of them too and disagrees (the clubs), and its gold version, done, took her side: the agreement
and the adjudication have something to show. All of it goes through the app's
use cases: the import (an annotated JSONL file of ours, then the folder) and a session."""

from __future__ import annotations

import json
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.model import Layer, Span, Status

if TYPE_CHECKING:  # both loaded when a demo is built: the corpus's folder needs neither
    from annotator.app.importing import ImportReport, RunProgress
    from annotator.store import Project

DEMO_ANNOTATOR = "demo"
GROUP = ("Wochentag der Unterzeichnung", "G1")


def sample_corpus_dir() -> Path:
    """The folder of sample articles shipped with the package."""
    return Path(str(files("annotator") / "resources" / "sample"))


# What the first four articles come with: per file, its claims (sentence, kind, values, the
# value it states in the group or None), its sources (mention, canonical name, kind) and the
# attributions (claim number, source number, cue, quotation type).
Claim = tuple[str, str, list[dict[str, str]], str | None]
ANNOTATED: dict[str, dict[str, list[Any]]] = {
    "01-elbtal-bote-unterzeichnung.txt": {
        "claims": [
            ("Deutschland und Tschechien haben am Mittwoch in Dresden das sogenannte "
             "Elbtal-Abkommen unterzeichnet.", "factual",
             [{"slot": "weekday", "value": "Mittwoch", "text": "Mittwoch"},
              {"slot": "place", "value": "dresden", "text": "Dresden"}], "Mittwoch"),
            ("Das Abkommen sei ein Durchbruch für die gesamte Region, betonte die Ministerin.",
             "assessment", [], None),
            ("Der vollständige Vertragstext soll in der kommenden Woche veröffentlicht werden, "
             "kündigte Ministeriumssprecherin Claudia Rehfeld an.", "prediction", [], None)],
        "sources": [("Anna Berger", "Anna Berger", "person"),
                    ("Claudia Rehfeld", "Claudia Rehfeld", "person")],
        "links": [(1, 0, "betonte", "indirect"), (2, 1, "kündigte an", "indirect")]},
    "02-ddp-wasserabkommen-elbe.txt": {
        "claims": [
            ("Deutschland und Tschechien haben am Mittwoch ein Abkommen über die gemeinsame "
             "Bewirtschaftung der Elbe unterzeichnet.", "factual",
             [{"slot": "weekday", "value": "Mittwoch", "text": "Mittwoch"}], "Mittwoch"),
            ("„Das Wasser der Elbe kennt keine Grenzen“, sagte die Ministerin bei der "
             "Unterzeichnung.", "quotation", [], None)],
        "sources": [("Anna Berger", "Anna Berger", "person")],
        "links": [(1, 0, "sagte", "direct")]},
    "03-rheinische-rundschau-elbe-vertrag.txt": {
        "claims": [
            ("Das sogenannte Elbtal-Abkommen wurde am Mittwoch in Dresden unterzeichnet, wie das "
             "Bundesumweltministerium mitteilte.", "factual",
             [{"slot": "weekday", "value": "Mittwoch", "text": "Mittwoch"},
              {"slot": "place", "value": "dresden", "text": "Dresden"}], "Mittwoch")],
        "sources": [("Bundesumweltministerium", "Bundesumweltministerium", "government")],
        "links": [(0, 0, "mitteilte", "indirect")]},
    "04-nordelbische-allgemeine-hamburg.txt": {
        "claims": [
            ("Deutschland und Tschechien haben den Vertrag am Donnerstag in Prag unterzeichnet.",
             "factual", [{"slot": "weekday", "value": "Donnerstag", "text": "Donnerstag"},
                         {"slot": "place", "value": "prag", "text": "Prag"}], "Donnerstag"),
            ("Der Vertrag sieht nach Angaben der Bundesregierung ein Investitionsprogramm von "
             "1,2 Milliarden Euro vor und läuft 40 Jahre.", "factual", [], None)],
        "sources": [("Bundesregierung", "Bundesregierung", "government")],
        "links": [(1, 0, "nach Angaben", "reported")]},
}
# What the colleague marked in the two unrelated articles before marking them done.
COLLEAGUE = {
    "10-sportecho-derby-loessnitztal.txt": [("Tom Reichelt", "PER"), ("Rainer Pohl", "PER"),
                                             ("Radebeul", "LOC")],
    "11-rheinische-rundschau-museum-koblenz.txt": [("Konrad Elsässer", "PER"),
                                                   ("Matthias Ebersbach", "PER"),
                                                   ("Koblenz", "LOC")],
}
# A second colleague did the derby too and also marked its two clubs: their versions disagree,
# so the agreement has something to show; the gold version took hers (the adjudication shows
# both beside it), so that an export has nothing left undecided.
SECOND_COLLEAGUE = "kai"
SECOND = {
    "10-sportecho-derby-loessnitztal.txt": [("Tom Reichelt", "PER"), ("Rainer Pohl", "PER"),
                                             ("Radebeul", "LOC"), ("FSV Lößnitztal 08", "ORG"),
                                             ("Eintracht Meißen-Süd", "ORG")],
}


def build_demo(project: Project, progress: RunProgress | None = None, suggest: bool = True
               ) -> ImportReport:
    """Fill a new project with the demo: the sample corpus, the annotated articles first (so
    the articles keep the order of their files), with the installed model's suggestions
    (``suggest``), then the colleague's work."""
    from annotator.app.importing import run_import

    with tempfile.TemporaryDirectory() as tmp:
        annotated = Path(tmp) / "annotated.jsonl"
        annotated.write_text("".join(json.dumps(annotated_record(name), ensure_ascii=False)
                                     + "\n" for name in ANNOTATED), encoding="utf-8")
        report = run_import(project, [annotated, sample_corpus_dir()], progress=progress,
                            suggest=suggest)
    if not suggest:  # the demo comes whole: its zones now, not in the background
        from annotator.app.zone_pass import find_zones

        find_zones(project)
        report.zones_pending = 0
    colleague_work(project)
    return report


def annotated_record(name: str) -> dict[str, Any]:
    """One sample article as a line of our JSONL format, with its claims, sources, links and
    its claim's place in the group."""
    path = sample_corpus_dir() / name
    text, plan = path.read_text(encoding="utf-8"), ANNOTATED[name]
    spans, groups = [], []
    for n, (sentence, kind, values, stated) in enumerate(plan["claims"]):
        start = text.index(sentence)
        spans.append({"key": f"C{n}", "layer": "claim", "label": "CLAIM", "start": start,
                      "end": start + len(sentence),
                      "attrs": {"kind": kind, "checkworthy": "yes", "verdict": "unverified",
                                **({"values": values} if values else {})}})
        if stated is not None:
            groups.append({"group": GROUP[0], "group_key": GROUP[1], "span_key": f"C{n}",
                           "value": stated, "stance": ""})
    for n, (mention, canonical, kind) in enumerate(plan["sources"]):
        start = text.index(mention)
        spans.append({"key": f"S{n}", "layer": "source", "label": "SOURCE", "start": start,
                      "end": start + len(mention), "source": canonical, "source_kind": kind})
    keyed = {s["key"]: s for s in spans}
    relations = [{"head_span": keyed[f"C{c}"], "child_span": keyed[f"S{s}"],
                  "label": "attributed_to", "attrs": {"cue": cue, "quote_type": quote}}
                 for c, s, cue, quote in plan["links"]]
    return {"text": text, "meta": {"source_path": str(path)},
            "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
            "relations": relations, "groups": groups}


def colleague_work(project: Project) -> None:
    """The colleagues' persons, places and clubs in the unrelated articles, each article then
    done, through a session as the window would write them."""
    from annotator.app.session import Session

    for who, work in ((DEMO_ANNOTATOR, COLLEAGUE), (SECOND_COLLEAGUE, SECOND)):
        session = Session(project, who)
        for name, marks in work.items():
            (article_id,) = project.article_ids_by_source(name)
            text = project.article(article_id).text
            for words, label in marks:
                start = text.index(words)
                session.add_span(article_id, Layer.ENTITY,
                                 Span(start, start + len(words), label))
            session.set_status(article_id, Status.DONE)
    adjudicated(project, SECOND_COLLEAGUE, *SECOND)


def adjudicated(project: Project, taken: str, *names: str) -> None:
    """A gold version of these articles, done, that took ``taken``'s side of every
    disagreement, through the adjudication as its window would write it."""
    from annotator.app.adjudication import Adjudication, adjudicator

    session = adjudicator(project)
    for name in names:
        (article_id,) = project.article_ids_by_source(name)
        adjudication = Adjudication(session, article_id)
        adjudication.start()
        for index in range(len(adjudication.disagreements)):
            adjudication.take(index, taken)
        adjudication.finish()
