"""doccano's offsets (UTF-16 code units) read as code points, and round trips in → out → in
through every neighbour's format that we both write and read (docs/formats.md)."""

from __future__ import annotations

import json

import pytest

from annotator.io.common import ImportProblem
from annotator.io.jsonl import parse_task

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
