"""doccano's offsets (UTF-16 code units) read as code points, and round trips in → out → in
through every neighbour's format that we both write and read (docs/formats.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_files
from annotator.io.common import ImportProblem
from annotator.io.jsonl import parse_task
from annotator.store import Project
from tests.neighbour_corpus import TEXT_A, TEXT_B, build

# 🎉 and 😀 (emoji), 𝔄 (a math letter) and 🇩🇪 (two regional indicators) are beyond U+FFFF:
# two UTF-16 units each, one code point
TEXT = "🎉 Anna Berger sagte in 𝔄berg, die Bundesregierung 😀 in Berlin 🇩🇪 habe zugestimmt."


def utf16(text: str, part: str) -> tuple[int, int]:
    """doccano's offsets of ``part``: UTF-16 code units."""
    start = text.index(part)
    before = len(text[:start].encode("utf-16-le")) // 2
    return before, before + len(part.encode("utf-16-le")) // 2


def cp(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


PARTS = {"Anna Berger": "PER", "𝔄berg": "LOC", "Bundesregierung 😀 in Berlin": "ORG",
         "🇩🇪": "MISC", "zugestimmt": "X"}  # after, over and inside astral characters


def _placed(draft) -> set[tuple[str, str]]:
    spans = [(s.start, s.end, s.label) for s in draft.spans] + [
        (s.start, s.end, s.label) for s in draft.annotations]
    return {(draft.text[a:b], label) for a, b, label in spans}


@pytest.mark.parametrize("form", ["label", "labels", "entities"])
def test_doccano_sequence_labeling_offsets_are_utf16_units(form: str) -> None:
    if form == "entities":  # objects with start_offset/end_offset, no relations
        items = [{"label": label, "start_offset": a, "end_offset": b}
                 for part, label in PARTS.items() for a, b in [utf16(TEXT, part)]]
    else:
        items = [[*utf16(TEXT, part), label] for part, label in PARTS.items()]
    draft = parse_task({"text": TEXT, form: items}, "d.jsonl:1")
    assert _placed(draft) == set(PARTS.items())
    assert {(s.start, s.end) for s in draft.spans} == {cp(TEXT, part) for part in PARTS}


def test_doccano_relation_form_offsets_are_utf16_units() -> None:
    entities = [{"id": n, "label": label, "start_offset": a, "end_offset": b}
                for n, (part, label) in enumerate(PARTS.items(), start=1)
                for a, b in [utf16(TEXT, part)]]
    task = {"text": TEXT, "entities": entities,
            "relations": [{"id": 9, "from_id": 5, "to_id": 1, "type": "sagt"}]}
    draft = parse_task(task, "d.jsonl:1")
    assert _placed(draft) == set(PARTS.items())
    (link,) = draft.links
    by_key = {s.key: s.label for s in draft.annotations}
    assert (by_key[link.from_key], by_key[link.to_key], link.kind) == ("X", "PER", "sagt")


def test_an_offset_past_the_code_point_length_is_a_utf16_one() -> None:
    text = "Ein Gruß 👋👋👋 aus Dresden"
    a, b = utf16(text, "Dresden")
    assert b > len(text)  # only UTF-16 units reach that far
    draft = parse_task({"text": text, "label": [[a, b, "LOC"]]}, "d.jsonl:1")
    assert _placed(draft) == {("Dresden", "LOC")}


def test_a_line_splitting_an_astral_character_counts_code_points() -> None:
    """A tool counting code points (Python) wrote it: "Anna" at code point 1 would start
    between the two units of 🎉 in UTF-16 units (doccano never writes that): read as is."""
    text = "🎉Anna Berger sagte in 𝔄berg 😀 zu."
    parts = {"Anna Berger": "PER", "𝔄berg": "LOC", "😀": "X"}
    items = [[*cp(text, part), label] for part, label in parts.items()]
    assert items[0][0] == 1
    draft = parse_task({"text": text, "label": items}, "d.jsonl:1")
    assert _placed(draft) == set(parts.items())
    entities = [{"id": n, "label": label, "start_offset": a, "end_offset": b}
                for n, (a, b, label) in enumerate(items)]
    draft = parse_task({"text": text, "entities": entities, "relations": []}, "d.jsonl:1")
    assert _placed(draft) == set(parts.items())


def test_an_offset_past_the_utf16_length_fails_the_line() -> None:
    end = len(TEXT.encode("utf-16-le")) // 2
    with pytest.raises(ImportProblem, match=r"label\[0\]: span .* outside the text"):
        parse_task({"text": TEXT, "label": [[end - 3, end + 1, "X"]]}, "d.jsonl:1")
    task = {"text": TEXT, "entities": [{"id": 1, "label": "X", "start_offset": 2,
                                        "end_offset": end + 1}], "relations": []}
    with pytest.raises(ImportProblem, match=r"entities\[0\]: span .* does not fit the text"):
        parse_task(task, "d.jsonl:1")


def test_prodigy_spans_and_spacy_entity_lists_stay_code_points() -> None:
    spans = [{"start": a, "end": b, "label": label}
             for part, label in PARTS.items() for a, b in [cp(TEXT, part)]]
    lists = [[*cp(TEXT, part), label] for part, label in PARTS.items()]
    for task in ({"text": TEXT, "spans": spans}, {"text": TEXT, "entities": lists}):
        assert _placed(parse_task(json.loads(json.dumps(task)), "p.jsonl:1")) == set(
            PARTS.items())


# --- round trips: the neighbour corpus → FORMAT → a fresh project → FORMAT → a fresh project

Snapshot = dict[str, dict[str, Any]]


def snapshot(project: Project) -> Snapshot:
    """Per article text: its fields, meta, status, versions, spans (annotator, layer, offsets,
    label, text), links between them and open suggestions."""
    found: Snapshot = {}
    db = project.db
    for aid, text, *fields, meta, status in db.execute(
            "SELECT id, text, title, outlet, author, url, published, language, meta, status "
            "FROM articles"):
        spans = {row[0]: (*row[1:], text[row[3]:row[4]]) for row in db.execute(
            'SELECT n.id, a.name, n.layer, n.start, n."end", n.label FROM annotations n '
            "JOIN annotators a ON a.id = n.annotator_id WHERE n.article_id = ?", [aid])}
        links = {(who, spans[a], spans[b], kind, attrs) for a, b, kind, who, attrs in db.execute(
            "SELECT k.from_id, k.to_id, k.kind, a.name, k.attrs FROM links k JOIN annotators a "
            "ON a.id = k.annotator_id JOIN annotations f ON f.id = k.from_id "
            "WHERE f.article_id = ?", [aid])}
        found[text] = {
            "fields": tuple(fields), "meta": json.loads(meta), "status": status,
            "versions": dict(db.execute(
                "SELECT a.name, v.status FROM versions v JOIN annotators a "
                "ON a.id = v.annotator_id WHERE v.article_id = ?", [aid])),
            "spans": set(spans.values()), "links": links,
            "suggestions": set(db.execute(
                'SELECT m.name, m.version, s.layer, s.label, s.start, s."end", s.score '
                "FROM suggestions s JOIN models m ON m.id = s.model_id "
                "WHERE s.article_id = ?", [aid]))}
    return found


def _through(project: Project, case: str, out: Path, into: Path, *, unreviewed: bool
             ) -> Project:
    """Export ``project`` in the case's format and import the case's files into a new
    project."""
    fmt, files = CASES[case]
    export_project(project, ExportOptions(fmt, out, allow_disagreements=True,
                                          include_unreviewed=unreviewed))
    fresh = Project.open(into)
    report = import_files(fresh, sorted(out.glob(files)))
    assert report.failed == [], report
    # prodigy: a file's pass that brings nothing new (the sources a claim's relation brought
    # already, a layer an annotator has no span of) is the same text, skipped
    assert [line for line in report.skipped if fmt != "prodigy"
            or not line.endswith("'s version already there)")] == [], report
    return fresh


def _spans(article: dict[str, Any], layers: set[str], who: bool) -> set[tuple]:
    return {s if who else s[1:] for s in article["spans"] if s[1] in layers}


def _links(article: dict[str, Any], who: bool) -> set[tuple]:
    """Links without their attributes (no format here carries ``cue``)."""
    return {(w, a, b, kind) if who else (a[1:], b[1:], kind)
            for w, a, b, kind, _ in article["links"]}


def _done(article: dict[str, Any]) -> set[str]:
    """Who finished it: the done versions; an article marked done without versions (as the
    corpus marks article A): whoever made its spans."""
    done = {who for who, status in article["versions"].items() if status == "done"}
    if not done and article["status"] == "done":
        done = {s[0] for s in article["spans"]}
    return done


def _flat(spans: set[tuple]) -> set[tuple]:
    """Without the spans inside a longer one of the same annotator and layer (Prodigy)."""
    return {s for s in spans if not any(
        o[:2] == s[:2] and o[2] <= s[2] and s[3] <= o[3] and o != s for o in spans)}


def _suggested(article: dict[str, Any]) -> set[tuple]:
    """Label Studio names a prediction's model version only: ours comes back as the version
    "NAME VERSION" of the model ``label-studio``."""
    return {(model if model == "label-studio" else "label-studio",
             version if model == "label-studio" else f"{model} {version}", *rest)
            for model, version, *rest in article["suggestions"]}


REVIEWED = {"entity", "claim", "source"}
CARRIED = {  # what each format carries, as seen in a project
    "doccano": lambda a: (_spans(a, {"entity"}, who=False),),
    "doccano-relations": lambda a: (_spans(a, REVIEWED, who=False), _links(a, who=False)),
    "label-studio": lambda a: (_spans(a, REVIEWED, who=True), _links(a, who=True), _done(a),
                               _suggested(a)),
    "prodigy": lambda a: (_flat(_spans(a, REVIEWED, who=True)), _links(a, who=True)),
}
CASES = {  # the format and the files of its export that the trip imports
    "doccano": ("doccano", "*.jsonl"), "doccano-relations": ("doccano-relations", "*.jsonl"),
    "label-studio": ("label-studio", "all.json"),
    "prodigy": ("prodigy", "*.jsonl")}  # the entities, claims and sources files
CANNOT = {  # what a trip loses: named in the format's "Cannot carry" in docs/formats.md
    "doccano": ("claims", "sources", "links", "zones", "who made a span", "claim attributes",
                "open suggestions", "statuses"),
    "doccano-relations": ("zones", "who made a span", "claim attributes", "link attributes",
                          "open suggestions", "statuses"),
    "label-studio": ("zones", "claim attributes", "link attributes", "the model's name"),
    "prodigy": ("zones", "claim attributes", "link attributes", "open suggestions",
                "overlapping spans", "metadata named like a field"),
}


@pytest.mark.parametrize("fmt", list(CARRIED))
def test_round_trip(tmp_path: Path, fmt: str) -> None:
    """in → out → in gives the same project again; the first trip keeps what ``fmt``
    carries of the corpus (and its metadata, among the keys the export adds)."""
    corpus, _a, _b = build(tmp_path / "corpus.db")
    once = _through(corpus, fmt, tmp_path / "out1", tmp_path / "once.db", unreviewed=False)
    twice = _through(once, fmt, tmp_path / "out2", tmp_path / "twice.db", unreviewed=True)
    first, again, source = snapshot(once), snapshot(twice), snapshot(corpus)
    assert first.keys() == source.keys()
    for text, article in source.items():
        assert first[text]["fields"] == article["fields"]
        assert article["meta"].items() <= first[text]["meta"].items()
        assert CARRIED[fmt](first[text]) == CARRIED[fmt](article), text
    if fmt == "prodigy":  # "accept": done; A had an open suggestion in the layer: "ignore"
        assert [first[t]["versions"] for t in (TEXT_A, TEXT_B)] == [
            {"maria": "in_progress"}, {"maria": "done", "jonas": "done"}]
    assert again == first


@pytest.mark.parametrize("fmt", list(CANNOT))
def test_what_a_trip_loses_is_what_the_docs_say(fmt: str) -> None:
    docs = (Path(__file__).parent.parent / "docs" / "formats.md").read_text("utf-8")
    section = docs.split(f"\n## {fmt}\n", 1)[1].split("\n## ", 1)[0]
    cannot = " ".join(section.split("**Cannot carry**", 1)[1].split("\n- ", 1)[0].split())
    assert [x for x in CANNOT[fmt] if x not in cannot] == []
    assert "Round trip" in section


def test_label_studio_names_the_annotator_by_completed_by_else_ours() -> None:
    region = {"id": "a", "from_name": "entity", "to_name": "text", "type": "labels",
              "value": {"start": 2, "end": 13, "text": "Anna Berger", "labels": ["PER"]}}
    for named, who in (({"annotator": "maria"}, "maria"),
                       ({"annotator": "maria", "completed_by": 7}, "ls-user-7")):
        task = {"data": {"text": TEXT}, "annotations": [{"result": [region], **named}]}
        draft = parse_task(task, "ls.json:1")
        assert draft.annotator == who
        assert [(s.made.annotator, s.label) for s in draft.annotations] == [(who, "PER")]
