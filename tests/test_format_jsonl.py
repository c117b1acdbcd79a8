"""The jsonl export: Prodigy-style tasks that come back into a project with nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.io import ImportFailure, iter_import
from annotator.io.export_jsonl import stable_hash, write_jsonl
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport, annotated_draft

# Astral characters (emoji, a flag of two regional indicators, mathematical letters) before,
# inside and after spans: offsets must count code points, not UTF-16 units or bytes.
FIRST = ("🎉 𝔄𝔫𝔫𝔞 Berger 🇩🇪 sagte in Dresden, der Vertrag 𝔙 sei am Mittwoch unterzeichnet "
         "worden 😀. Die Stadtwerke Dresden GmbH bestätigte das 🇩🇪.")
SECOND = "Laut 𝔗𝔞𝔤𝔢𝔟𝔩𝔞𝔱𝔱 wurde der Vertrag am Dienstag unterzeichnet 🖊️. Mehr 𝔪𝔢𝔥𝔯 🇪🇺"
THIRD = "Kurze Meldung  ohne Streit:\nder Vertrag gilt ab sofort in Sachsen."


def at(text: str, part: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``part`` (label filled in by the caller)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), "")


def mark(project: Project, aid: int, layer: Layer, text: str, part: str, label: str,
         nth: int = 0, **attrs: object) -> int:
    """Annotate the nth ``part`` of an article's text."""
    span = at(text, part, nth)
    return project.add_annotation(aid, layer, Span(span.start, span.end, label), "maria",
                                  attrs=dict(attrs) or None)


def build_project(path: Path) -> tuple[Project, list[int]]:
    """Three articles with every kind of annotation the formats must carry."""
    p = Project.open(path)
    first = p.add_article(ArticleDraft(
        text=FIRST, title="Vertrag unterzeichnet", outlet="Elbtal-Bote", author="Eva Muster",
        url="https://elbtal.example/vertrag", published="2024-05-02",
        meta={"section": "Politik", "tags": ["vertrag", "sachsen"], "words": 22},
        source_path="/news/vertrag.txt"))
    second = p.add_article(ArticleDraft(text=SECOND, title="Dienstag", outlet="Tageblatt"))
    third = p.add_article(ArticleDraft(
        text=THIRD, title="Meldung", meta={"status": "archiviert", "title": ""},
        source_path="/news/meldung.jsonl:3"))
    assert first and second and third
    mark(p, first, Layer.ENTITY, FIRST, "𝔄𝔫𝔫𝔞 Berger", "PER")
    mark(p, first, Layer.ENTITY, FIRST, "Dresden", "LOC")
    mark(p, first, Layer.ENTITY, FIRST, "Stadtwerke Dresden GmbH", "ORG")
    mark(p, first, Layer.ENTITY, FIRST, "Dresden", "LOC", nth=1)  # inside the ORG
    mark(p, first, Layer.ENTITY, FIRST, "Dresden GmbH bestätigte", "MISC")  # crosses the ORG
    mark(p, first, Layer.ENTITY, FIRST, "🇩🇪", "MISC", nth=1)
    berger = mark(p, first, Layer.SOURCE, FIRST, "𝔄𝔫𝔫𝔞 Berger", "SOURCE")
    werke = mark(p, first, Layer.SOURCE, FIRST, "Die Stadtwerke Dresden GmbH", "SOURCE")
    claim = mark(p, first, Layer.CLAIM, FIRST,
                 "in Dresden, der Vertrag 𝔙 sei am Mittwoch unterzeichnet worden 😀", "CLAIM",
                 kind="factual", checkworthy="yes", verdict="false", note="Ort ❓ unklar")
    confirm = mark(p, first, Layer.CLAIM, FIRST, "bestätigte das 🇩🇪", "CLAIM", kind="assessment")
    p.claims.set_canonical([berger], p.claims.add_source("Anna Berger", "person"))
    p.claims.set_canonical([werke], p.claims.add_source("Stadtwerke Dresden", "organisation"))
    p.add_link(claim, berger, "attributed_to", "maria", {"cue": "sagte", "quote_type": "reported"})
    p.add_link(confirm, werke, "attributed_to", "maria", {"cue": "bestätigte",
                                                          "quote_type": "direct"})
    paper = mark(p, second, Layer.SOURCE, SECOND, "𝔗𝔞𝔤𝔢𝔟𝔩𝔞𝔱𝔱", "SOURCE")
    mark(p, second, Layer.ENTITY, SECOND, "𝔗𝔞𝔤𝔢𝔟𝔩𝔞𝔱𝔱", "ORG")
    other = mark(p, second, Layer.CLAIM, SECOND, "wurde der Vertrag am Dienstag unterzeichnet 🖊️",
                 "CLAIM", kind="factual")
    p.claims.set_canonical([paper], p.claims.add_source("Tageblatt", "newspaper"))
    p.add_link(other, paper, "attributed_to", "maria", {"cue": "laut", "quote_type": "reported"})
    day = p.claims.add_group("Wochentag der Unterzeichnung")
    p.claims.add_member(day, claim, "maria", value="Mittwoch", stance="supports")
    p.claims.add_member(day, other, "maria", value="Dienstag", stance="refutes")
    p.claims.update_group(day, holding_id=claim)
    mark(p, third, Layer.ENTITY, THIRD, "Sachsen.", "LOC")  # ends after the full stop
    mark(p, third, Layer.ENTITY, THIRD, "Meldung ", "MISC")  # ends on a space
    p.set_status(first, Status.DONE)
    p.set_status(second, Status.IN_PROGRESS)
    return p, [first, second, third]


def round_trip(tmp_path: Path, write, suffix: str) -> tuple[bytes, bytes, list, list]:
    """Export a project, import the file into a new one, export that: both files' bytes and
    both projects' drafts."""
    src, ids = build_project(tmp_path / "src.db")
    drafts = [annotated_draft(src, aid) for aid in ids]
    first = tmp_path / "one" / f"train{suffix}"
    assert write(drafts, first) == [first]
    items = list(iter_import([first]))
    assert all(isinstance(item, ArticleDraft) for item in items), items
    dst = Project.open(tmp_path / "dst.db")
    importer = AnnotatedImport(dst)
    new_ids = [importer.add(item) for item in items]
    again = [annotated_draft(dst, aid) for aid in new_ids if aid is not None]
    second = tmp_path / "two" / f"train{suffix}"
    write(again, second)
    src.close()
    dst.close()
    return first.read_bytes(), second.read_bytes(), drafts, again


def assert_same_drafts(drafts: list[ArticleDraft], again: list[ArticleDraft]) -> None:
    """Everything on the articles came back, offsets exact."""
    assert again == drafts
    for old, new in zip(drafts, again, strict=True):
        assert [(s.start, s.end, s.text_in(new.text)) for s in map(_plain, new.annotations)] == [
            (s.start, s.end, s.text_in(old.text)) for s in map(_plain, old.annotations)]
    texts = {_plain(s).text_in(again[0].text) for s in again[0].annotations}
    assert {"𝔄𝔫𝔫𝔞 Berger", "🇩🇪", "Dresden GmbH bestätigte"} <= texts
    assert again[0].status is Status.DONE and again[2].status is Status.NEW
    assert again[0].source_path == "/news/vertrag.txt"
    assert again[2].meta == {"status": "archiviert", "title": ""}
    holding = [m for d in again for m in d.groups if m.holds]
    assert [m.value for m in holding] == ["Mittwoch"]


def _plain(span) -> Span:
    return Span(span.start, span.end, span.label)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_round_trip_is_byte_identical(tmp_path: Path) -> None:
    first, second, drafts, again = round_trip(tmp_path, write_jsonl, ".jsonl")
    assert first == second
    assert_same_drafts(drafts, again)
    assert first.endswith(b"\n") and first.count(b"\n") == 3 and b"\r" not in first
    assert "𝔄𝔫𝔫𝔞".encode() in first  # ensure_ascii=False


def test_jsonl_line_shape(tmp_path: Path) -> None:
    src, ids = build_project(tmp_path / "p.db")
    path = write_jsonl([annotated_draft(src, aid) for aid in ids], tmp_path / "x.jsonl")[0]
    task = lines(path)[0]
    assert list(task) == sorted(task)
    assert set(task) == {"text", "meta", "tokens", "spans", "relations", "groups",
                         "_input_hash", "_task_hash", "answer", "suggestions",
                         "_annotator_id", "_timestamp"}
    assert task["answer"] == "accept" and task["suggestions"] == []
    assert task["_annotator_id"] == "maria" and isinstance(task["_timestamp"], int)
    assert all(s["_annotator_id"] == "maria" and s["_timestamp"] <= task["_timestamp"]
               for s in task["spans"])
    assert task["meta"] == {"title": "Vertrag unterzeichnet", "outlet": "Elbtal-Bote",
                            "author": "Eva Muster", "url": "https://elbtal.example/vertrag",
                            "published": "2024-05-02", "language": "de",
                            "source_path": "/news/vertrag.txt", "status": "done",
                            "section": "Politik", "tags": ["vertrag", "sachsen"], "words": 22}
    text, tokens = task["text"], task["tokens"]
    assert "".join(t["text"] + " " * t["ws"] for t in tokens) == text
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    assert all(text[t["start"]:t["end"]] == t["text"] for t in tokens)
    for span in task["spans"]:  # spans are whole tokens, token_end inclusive
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]
    claim = next(s for s in task["spans"] if s["layer"] == "claim")
    assert claim["attrs"]["verdict"] == "false" and "source" not in claim
    source = next(s for s in task["spans"] if s["layer"] == "source")
    assert (source["source"], source["source_kind"]) == ("Anna Berger", "person")
    relation = task["relations"][0]
    assert relation["label"] == "attributed_to"
    assert relation["attrs"] == {"cue": "sagte", "quote_type": "reported"}
    assert relation["head_span"]["key"] == claim["key"]
    assert relation["head"] == claim["token_end"]
    assert relation["child"] == relation["child_span"]["token_end"]
    assert task["groups"] == [{"group": "Wochentag der Unterzeichnung", "group_key": "G1",
                               "span_key": claim["key"], "value": "Mittwoch",
                               "stance": "supports", "holds": True}]
    assert lines(path)[2]["meta"]["meta"] == {"status": "archiviert", "title": ""}  # a clash
    src.close()


def test_hashes_are_stable_32_bit_ints(tmp_path: Path) -> None:
    draft = ArticleDraft(text="Olaf Scholz in Paris", spans=[Span(0, 11, "PER")])
    task = lines(write_jsonl([draft], tmp_path / "a.jsonl")[0])[0]
    assert task["_input_hash"] == stable_hash('{"text":"Olaf Scholz in Paris"}')
    assert stable_hash("x") == stable_hash("x") == -452478287  # pinned: Prodigy dedupes by it
    moved = ArticleDraft(text=draft.text, spans=[Span(15, 20, "LOC")])
    other = lines(write_jsonl([moved], tmp_path / "b.jsonl")[0])[0]
    assert other["_input_hash"] == task["_input_hash"]
    assert other["_task_hash"] != task["_task_hash"]
    for value in (task["_input_hash"], task["_task_hash"]):
        assert -(2**31) <= value < 2**31
    assert task["spans"][0]["key"] == "S1"  # plain spans of a draft are not dropped
    back = next(iter_import([tmp_path / "a.jsonl"]))
    assert [(s.layer, s.start, s.end) for s in back.annotations] == [(Layer.ENTITY, 0, 11)]
    assert back.spans == []


def test_spans_on_white_space_keep_exact_offsets(tmp_path: Path) -> None:
    text = "Die Stadt  Dresden\nwächst."
    draft = ArticleDraft(text=text, title="t", spans=[
        Span(4, 10, "LOC"),  # "Stadt " ends on the space after a token
        Span(9, 10, "X"),  # white space only
        Span(11, 19, "LOC"),  # "Dresden\n" ends after a newline token
    ])
    task = lines(write_jsonl([draft], tmp_path / "w.jsonl")[0])[0]
    assert [(s["token_start"], s["token_end"]) for s in task["spans"]] == [(1, 1), (1, 1),
                                                                           (3, 4)]
    back = next(iter_import([tmp_path / "w.jsonl"]))
    assert [(s.start, s.end) for s in back.annotations] == [(4, 10), (9, 10), (11, 19)]


GOOD = {"text": "Anna sagt ja.", "meta": {"status": "done"}, "groups": [],
        "spans": [{"key": "T1", "layer": "source", "start": 0, "end": 4, "label": "SOURCE"},
                  {"key": "T2", "layer": "claim", "start": 5, "end": 12, "label": "CLAIM"}],
        "relations": [{"head_span": {"key": "T2", "start": 5, "end": 12},
                       "child_span": {"key": "T1", "start": 0, "end": 4},
                       "label": "attributed_to"}]}


def changed(**changes: object) -> dict:
    task = json.loads(json.dumps(GOOD))
    for dotted, value in changes.items():
        *path, last = dotted.split("__")
        target = task
        for part in path:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return task


@pytest.mark.parametrize(
    ("task", "reason"),
    [
        (changed(spans__1__end=99), "spans[1]: span 5-99 does not fit the text (length 13)"),
        (changed(spans__1__key="T1"), 'spans[1]: duplicate key "T1"'),
        (changed(spans__1__layer="claims"), 'spans[1]: unknown layer "claims"'),
        (changed(spans__0__start="0"), 'spans[0]: offsets must be integers, got "0" and 4'),
        (changed(relations__0__child_span={"key": "T9"}), 'relations[0]: no span with key "T9"'),
        (changed(relations__0__head_span={"key": "T2", "start": 4, "end": 12}),
         "relations[0].head_span: offsets 4-12 differ from span T2 (5-12)"),
        (changed(groups=[{"group": "G", "group_key": "G1", "span_key": "T7"}]),
         'groups[0]: no span with key "T7"'),
        (changed(meta={"status": "fertig"}), 'meta.status: unknown status "fertig"'),
        (changed(tokens=[{"text": "Anna", "start": 0, "end": 5, "id": 0}]),
         'tokens[0]: 0-5 covers "Anna "'),
        (changed(tokens=[{"text": "sagt", "start": 5, "end": 9}, {"text": "Anna", "start": 0,
                                                                 "end": 4}]),
         "tokens[1]: offsets 0-4 are out of order"),
        (changed(tokens=[{"text": "Anna", "start": 0, "end": 4}], spans__0__token_start=0,
                 spans__0__token_end=1),
         "spans[0]: token_start/token_end 0-1 do not match the tokens (0-0)"),
    ],
)  # fmt: skip
def test_bad_lines_of_our_form_fail_with_file_and_line(tmp_path: Path, task: dict,
                                                       reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(task) + "\n", encoding="utf-8")
    good, bad = iter_import([path])
    assert isinstance(good, ArticleDraft) and good.status is Status.DONE
    assert [(lk.from_key, lk.to_key) for lk in good.links] == [("T2", "T1")]
    assert isinstance(bad, ImportFailure) and (bad.path, bad.line) == (str(path), 2)
    assert bad.reason.startswith(reason), bad.reason


def test_foreign_prodigy_relations_stay_foreign(tmp_path: Path) -> None:
    """A rel.manual task (spans without our keys) imports its spans as before."""
    task = {"text": "Anna sagt ja.", "spans": [{"start": 0, "end": 4, "label": "PER",
                                               "token_start": 0, "token_end": 0}],
            "relations": [{"head": 0, "child": 1, "label": "X"}], "answer": "accept"}
    path = tmp_path / "rel.jsonl"
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    draft = next(iter_import([path]))
    assert draft.spans == [Span(0, 4, "PER")] and draft.annotations == []
    assert draft.meta["relations"] == task["relations"]
    assert draft.source_path == f"{path}:1"


def test_unicode_line_separators_stay_inside_their_task(tmp_path: Path) -> None:
    """U+2028, U+2029 and NEL are escaped: every reader, str.splitlines too, sees one task a
    line, and the text comes back exact."""
    text = "Erste Zeile\u2028zweite\u2029dritte\x85vierte 😀 Berlin."
    path = write_jsonl([ArticleDraft(text=text, title="Trenner"), ArticleDraft(text="Zweiter.")],
                       tmp_path / "x.jsonl")[0]
    raw = path.read_text(encoding="utf-8")
    assert len(raw.splitlines()) == 2 and "\\u2028" in raw
    (task, _second) = lines(path)
    assert task["text"] == text
    (again, _other) = list(iter_import([path]))
    assert again.text == text
