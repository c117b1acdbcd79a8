"""A mixed import corpus and a dump of what a project stores from it.

``write_corpus(folder)`` writes files of every kind an import meets at once: plain JSONL tasks
with spans (astral characters before them, a duplicate inside the file, a span outside its
text, a broken line), our own rich JSONL in two files (every layer, who made each span and
when, accepted and open suggestions, links, sources, a claim group across both files, a
status), a brat pair, and plain texts and a page from tests/data. ``dump(project)`` is every
row an import writes, with the timestamps the import made itself (now) as ``<now>`` and the
paths as ``<corpus>``/``<data>``, so that two runs compare equal when they stored the same.
"""

from __future__ import annotations

import json
from hashlib import sha256
from pathlib import Path
from typing import Any

from annotator.core.model import (
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Provenance,
    Status,
)
from annotator.io.brat import write_brat
from annotator.io.export_jsonl import task_of
from annotator.store import Project

DATA = Path(__file__).parent / "data"
FILE_TIME = "2025-03-04T05:06:07+00:00"  # a timestamp the files carry (older than any run)
SEARCHES = ["Dresden", "Vertrag", "Elbe", "Rakete", "Polizei", "Brücke", "Warschau", "dpa",
            "Sprecher"]

ROCKET = ("🚀 Start in Bremen 🙂\n\nBremen (dpa) – Die 🚀 Rakete von Jana Lindqvist hob in "
          "Bremen ab.")
PLAIN = [
    {"text": ROCKET, "spans": [
        {"start": ROCKET.index("Jana"), "end": ROCKET.index("Jana") + len("Jana Lindqvist"),
         "label": "PER"},
        {"start": ROCKET.rindex("Bremen"), "end": ROCKET.rindex("Bremen") + 6, "label": "LOC"}],
     "meta": {"title": "Raketenstart", "outlet": "Weser-Kurier", "published": "2025-01-02"}},
    {"text": "Hafen\n\nHamburg – Der Senat von Hamburg beschloss den Ausbau der Elbe.",
     "spans": [{"start": 17, "end": 24, "label": "ORG"}, {"start": 29, "end": 36, "label": "LOC"},
               {"start": 17, "end": 24, "label": "NEU"}]},
    {"text": "Kaputt\n\nDer Satz ist kurz.", "spans": [{"start": 3, "end": 400, "label": "PER"}]},
    {"text": ROCKET},  # the same text again: skipped
    {"text": "Zweiter Tag\n\nDresden (AFP) – Am Donnerstag sagte Ondřej Novák in Dresden, der "
             "Vertrag gelte.", "spans": [{"start": 49, "end": 61, "label": "PER"}],
     "label": "politik"},
]

CLAIM = ("Vertrag unterzeichnet\n\nDresden (dpa) – Anna Berger sagte, der Vertrag sei am Mittwoch "
         "in Dresden unterzeichnet worden.")
OTHER = ("Unterschrift in Warschau\n\nWarschau (AFP) – Laut Regierung wurde der Vertrag am "
         "Donnerstag in Warschau unterzeichnet.")


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def rich_drafts() -> list[ArticleDraft]:
    """Two articles of ours: every layer, links, a source, accepted and open suggestions, and
    one claim group across both."""
    maria = Provenance("maria", FILE_TIME)
    accepted = Provenance("jonas", FILE_TIME, "de_annotator_ner", "1.0.0")
    claim = _at(CLAIM, "der Vertrag sei am Mittwoch in Dresden unterzeichnet worden")
    first = ArticleDraft(
        text=CLAIM, title="Vertrag unterzeichnet", outlet="Elbtal-Bote", published="2025-03-01",
        meta={"ressort": "Politik"}, status=Status.DONE,
        annotations=[
            DocSpan("T1", Layer.ENTITY, *_at(CLAIM, "Anna Berger"), "PER", made=accepted),
            DocSpan("T2", Layer.SOURCE, *_at(CLAIM, "Anna Berger"), "SOURCE",
                    source="Anna Berger", source_kind="person", made=maria),
            DocSpan("T3", Layer.CLAIM, *claim, "CLAIM", attrs={"note": "prüfen"}, made=maria),
            DocSpan("T4", Layer.STRUCTURE, 0, len("Vertrag unterzeichnet"), "HEADLINE"),
        ],
        links=[DocLink("T3", "T2", attrs={"cue": "sagte", "quote_type": "reported"})],
        groups=[DocGroupMember("Wochentag", "G1", "T3", value="Mittwoch", holds=True)],
        suggestions=[DocSpan("S1", Layer.ENTITY, *_at(CLAIM, "Dresden"), "LOC", made=Provenance(
            model="de_annotator_ner", model_version="1.0.0", score=0.61))],
    )
    other = _at(OTHER, "der Vertrag am Donnerstag in Warschau unterzeichnet")
    second = ArticleDraft(
        text=OTHER, title="Unterschrift in Warschau",
        annotations=[DocSpan("T1", Layer.CLAIM, *other, "CLAIM"),
                     DocSpan("T2", Layer.ENTITY, *_at(OTHER, "Warschau"), "LOC")],
        groups=[DocGroupMember("Wochentag", "G1", "T1", value="Donnerstag")],
        suggestions=[DocSpan("S1", Layer.STRUCTURE, 0, len("Unterschrift in Warschau"),
                             "HEADLINE", made=Provenance(model="zone-rules", model_version="1"))],
    )
    return [first, second]


def brat_drafts() -> list[ArticleDraft]:
    text = ("Brücke gesperrt\n\nPirna – Die Brücke in Pirna bleibt bis Mai gesperrt, sagte "
            "Peter Groß.")
    return [ArticleDraft(text=text, title="Brücke gesperrt", annotations=[
        DocSpan("T1", Layer.ENTITY, *_at(text, "Peter Groß"), "PER"),
        DocSpan("T2", Layer.ENTITY, *_at(text, "Pirna"), "LOC")])]


def write_corpus(folder: Path) -> list[Path]:
    """The corpus's files and the tests/data files it takes as they are, in import order."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(task, ensure_ascii=False) for task in PLAIN]
    lines.insert(3, '{"text": "kaputt"')  # invalid JSON
    (folder / "plain.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for n, draft in enumerate(rich_drafts(), start=1):
        (folder / f"rich{n}.jsonl").write_text(
            json.dumps(task_of(draft), ensure_ascii=False) + "\n", encoding="utf-8")
    write_brat(brat_drafts(), folder / "brat")
    # the dpa text of zones_dev twice: once as a file, once as a line of a JSONL file
    dpa = (DATA / "zones_dev" / "01_agentur_dpa.txt").read_text(encoding="utf-8")
    (folder / "again.jsonl").write_text(json.dumps({"text": dpa}) + "\n", encoding="utf-8")
    texts = sorted((DATA / "zones_dev").glob("*.txt")) + sorted(
        (DATA / "news" / "dev").glob("*.txt"))[:12]
    return [folder / "plain.jsonl", folder / "rich1.jsonl", folder / "rich2.jsonl",
            folder / "brat", *texts, DATA / "io" / "news_article.html", folder / "again.jsonl"]


_TABLES = {  # table → its columns as dumped (an import's own timestamps become <now>)
    "articles": "id, hash, title, outlet, author, url, published, language, meta, source_path, "
                "status, char_count, edited",
    "annotators": "id, name",
    "labels": "layer, name, color, shortcut, description, position",
    "models": "id, name, version, path",
    "sources": "id, name, kind, aliases",
    "annotations": 'id, article_id, layer, label, start, "end", annotator_id, suggestion_id, '
                   "attrs, created_at, updated_at, canonical_source_id",
    "suggestions": 'id, article_id, model_id, layer, label, start, "end", score, created_at',
    "suggestion_decisions": "suggestion_id, decision, annotator_id, decided_at",
    "links": "id, from_id, to_id, kind, annotator_id, attrs, created_at",
    "claim_groups": "id, title, note, holding_id",
    "claim_group_members": "group_id, annotation_id, value, stance, annotator_id",
    "sentences": 'id, article_id, start, "end"',
    "sqlite_sequence": "name, seq",
}


def dump(project: Project, folder: Path) -> dict[str, Any]:
    """Every row the import wrote, comparable across runs, and what a search finds."""
    out: dict[str, Any] = {}
    for table, columns in _TABLES.items():
        rows = project.db.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
        out[table] = [[_plain(v, folder) for v in row] for row in rows]
    out["texts"] = project.db.execute(  # the texts as stored, hashed as they are
        "SELECT count(*), sum(length(text)) FROM articles").fetchone()
    out["texts"] = [*out["texts"], sha256("\x00".join(
        r[0] for r in project.db.execute("SELECT text FROM articles ORDER BY id")).encode()
    ).hexdigest()]
    out["status_changed"] = project.db.execute(
        "SELECT count(*) FROM articles WHERE status_changed_at IS NOT NULL").fetchone()[0]
    out["search"] = {word: [s.id for s in project.list_articles(
        limit=1000, where=_search(word))] for word in SEARCHES}
    return out


def _search(word: str) -> Any:
    from annotator.core.model import ArticleFilter

    return ArticleFilter(query=word)


def _plain(value: Any, folder: Path) -> Any:
    if not isinstance(value, str):
        return value
    if len(value) == len(FILE_TIME) and value[:2] == "20" and value[10:11] == "T" \
            and value != FILE_TIME:
        return "<now>"
    return value.replace(str(folder), "<corpus>").replace(str(DATA), "<data>")


def plain_report(report: Any, folder: Path) -> dict[str, list[Any]]:
    """An ImportReport's lists, paths as in ``dump``."""
    return {name: [_plain(v, folder) for v in getattr(report, name)]
            for name in ("imported", "skipped", "failed", "warnings")}
