"""Fuzzing every importer with hypothesis: arbitrary bytes and structures end as the importer's
own error (ImportProblem, or a failure line), never as another exception; valid files written by
our exporters come back with the same text and the same code point offsets.

Bounded for CI: 60 examples per test (20 for the slow HTML and spaCy ones), no example
database, no deadline (the machine may be busy). ``ANNOTATOR_FUZZ_EXAMPLES=2000`` runs more.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.core.model import ArticleDraft, DocSpan, Layer, Span
from annotator.io import (
    DecodeError,
    ImportFailure,
    ImportProblem,
    ImportWarning,
    decode_bytes,
    iter_import,
    parse_html,
    parse_task,
    parse_task_line,
)
from annotator.io.brat import write_brat
from annotator.io.brat_read import read_brat_file
from annotator.io.claims_table import write_claims
from annotator.io.conll import iter_conll_file, write_conll
from annotator.io.docbin import read_spacy, write_spacy
from annotator.io.export_jsonl import write_jsonl
from annotator.io.text import normalise_newlines, read_text_file

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(FUZZ, max_examples=max(EXAMPLES // 3, 1))  # trafilatura and spaCy are slow

# Text an article can hold: no C0/C1 controls (a file of them is binary), no lone
# surrogates, no U+FFFD or BOM (decoding treats them as damage); line breaks of every kind.
LETTERS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffd\ufeff")
CHARS = st.one_of(LETTERS, st.sampled_from(["\n", "\r\n", "\r", "\t", " ", "\u2028", "\x85",
                                            "🇩🇪", "𝔄", "é", "ß"]))
TEXT = st.lists(CHARS, min_size=1, max_size=120).map("".join).filter(str.strip)
LABELS = st.sampled_from(["PER", "LOC", "ORG", "Partei", "Person mit Leerzeichen"])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """One scratch folder for the whole module (hypothesis reruns a test many times)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        yield Path(name)


def file_with(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def only_own_outcomes(items: list) -> None:
    """Drafts, failures and warnings only; no failure is an unexpected exception."""
    for item in items:
        assert isinstance(item, ArticleDraft | ImportFailure | ImportWarning), item
        if isinstance(item, ImportFailure):
            assert not item.reason.startswith("unexpected error"), item
            assert "\n" not in str(item)


@st.composite
def spans_in(draw: st.DrawFn, text: str, max_size: int = 6) -> list[tuple[int, int, str]]:
    """Valid (start, end, label) spans of a text, maybe overlapping."""
    found = []
    for _ in range(draw(st.integers(0, max_size))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        found.append((start, end, draw(LABELS)))
    return found


# --- arbitrary input: the importer's own error or a result ---------------------------------


@FUZZ
@given(st.binary(max_size=400))
def test_decode_bytes(data: bytes) -> None:
    try:
        text = decode_bytes(data, warn=lambda reason: None)
    except DecodeError:
        return
    assert isinstance(text, str)
    text.encode("utf-8")  # storable


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from(
    [".txt", ".jsonl", ".json", ".conll", ".ann", ".html", ".spacy"]))
def test_any_bytes_under_any_importer_name(folder: Path, data: bytes, suffix: str) -> None:
    only_own_outcomes(list(iter_import([file_with(folder, f"any{suffix}", data)])))


@FUZZ
@given(st.binary(max_size=300))
def test_text_importer(folder: Path, data: bytes) -> None:
    try:
        draft = read_text_file(file_with(folder, "a.txt", data))
    except ImportProblem:
        return
    assert draft.text.strip() and "\r" not in draft.text


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "spans", "label", "labels", "entities", "meta", "start", "end",
                         "start_offset", "end_offset", "key", "layer", "groups", "relations",
                         "title", "published", "author", "tokens", "x"]), inner, max_size=5),
    max_leaves=20)


@FUZZ
@given(JSON)
def test_jsonl_task_structures(task: object) -> None:
    with suppress(ImportProblem):
        parse_task(task, "fuzz")


@FUZZ
@given(st.text(max_size=200))
def test_jsonl_lines(line: str) -> None:
    with suppress(ImportProblem):
        parse_task_line(line, "fuzz:1")


@FUZZ
@given(text=TEXT, ann=st.lists(st.one_of(
    st.builds("T{}\t{} {} {}\t{}".format, st.integers(0, 3), LABELS, st.integers(-2, 140),
              st.integers(-2, 140), st.text(max_size=8)),
    st.builds("T{}\t{} {} {};{} {}".format, st.integers(0, 3), LABELS, st.integers(0, 50),
              st.integers(0, 50), st.integers(0, 50), st.integers(0, 50)),
    st.builds("R{}\t{} Arg1:T{} Arg2:T{}".format, st.integers(0, 3), LABELS,
              st.integers(0, 3), st.integers(0, 3)),
    st.builds("A{}\t{} T{} {}".format, st.integers(0, 3),
              st.sampled_from(["Layer", "Verdict", "Kind", "X"]), st.integers(0, 3),
              st.sampled_from(["claim", "source", "entity", "false", "x"])),
    st.builds("#{}\tAnnotatorNotes T{}\t{}".format, st.integers(0, 3), st.integers(0, 3),
              st.sampled_from(["label: X", "group= {", "group= {\"key\": 1}", "attrs= []",
                               "source: Anna", "x= 1", "Freitext"])),
    st.text(max_size=30)), max_size=8).map("\n".join))
def test_brat_files(folder: Path, text: str, ann: str) -> None:
    file_with(folder, "b.txt", text.encode("utf-8"))
    path = file_with(folder, "b.ann", ann.encode("utf-8"))
    try:
        draft = read_brat_file(path)
    except ImportProblem:
        return
    for span in draft.annotations:
        assert 0 <= span.start < span.end <= len(draft.text)


@FUZZ
@given(st.lists(st.one_of(
    st.just(""), st.just("-DOCSTART- -X- O O"), st.builds("# {}".format, st.text(max_size=10)),
    st.builds("{} {}".format, st.text(LETTERS, min_size=1, max_size=6).filter(
        lambda t: t.split() == [t]), st.sampled_from(["O", "B-PER", "I-PER", "E-LOC", "S-ORG",
                                                       "L-X", "U-Y", "B-", "FOO", "I-LOC"])),
    st.builds("{}\t{}\t{}".format, st.integers(0, 4), st.sampled_from(["Olaf", "in", "."]),
              st.sampled_from(["O", "B-PER", "I-PER"])),
    st.text(max_size=12)), max_size=25).map("\n".join))
def test_conll_files(folder: Path, text: str) -> None:
    try:
        items = list(iter_conll_file(file_with(folder, "c.conll", text.encode("utf-8"))))
    except ImportProblem:
        return
    only_own_outcomes(items)
    for draft in (i for i in items if isinstance(i, ArticleDraft)):
        for span in draft.annotations:
            assert 0 <= span.start < span.end <= len(draft.text)


@SLOW
@given(data=st.data())
def test_docbin_with_flipped_bytes(folder: Path, data: st.DataObject) -> None:
    path = folder / "d.spacy"
    write_spacy([ArticleDraft(text="Olaf Scholz besucht Paris.", annotations=[
        DocSpan("T1", Layer.ENTITY, 0, 11, "PER")])], path)
    raw = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(raw)))
    path.write_bytes(bytes(raw[:cut]))
    only_own_outcomes(list(read_spacy(path)))


PAGE = "<html><body><{0}>{1}</{0}><p>{2}</p></body></html>"


@SLOW
@given(st.text(max_size=300) | st.builds(PAGE.format, st.sampled_from(["div", "article", "script",
                                                                      "table"]),
                                         st.text(max_size=60), st.text(max_size=120)))
def test_html_pages(html: str) -> None:
    try:
        draft = parse_html(html)
    except ImportProblem:
        return
    assert draft.text.strip()


# --- valid input: offsets survive the round trip -------------------------------------------


@FUZZ
@given(data=st.data(), text=TEXT)
def test_jsonl_task_keeps_text_and_offsets(data: st.DataObject, text: str) -> None:
    spans = data.draw(spans_in(text))
    task = {"text": text, "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e]}
                                    for s, e, lab in spans]}
    for ascii_only in (True, False):
        draft = parse_task_line(json.dumps(task, ensure_ascii=ascii_only), "t:1")
        assert draft.text == text
        assert draft.spans == sorted({Span(s, e, lab) for s, e, lab in spans})


def annotated(text: str, spans: list[tuple[int, int, str]]) -> ArticleDraft:
    return ArticleDraft(text=text, title="T", annotations=[
        DocSpan(f"T{n}", Layer.ENTITY, s, e, lab) for n, (s, e, lab) in enumerate(spans, 1)])


def offsets(draft: ArticleDraft) -> list[tuple[int, int, str]]:
    return sorted((a.start, a.end, a.label) for a in draft.annotations)


@FUZZ
@given(data=st.data(), text=TEXT)
def test_our_jsonl_export_round_trips(folder: Path, data: st.DataObject, text: str) -> None:
    spans = data.draw(spans_in(text))
    path = folder / "rt.jsonl"
    write_jsonl([annotated(text, spans)], path)
    (draft,) = iter_import([path])
    assert draft.text == text and offsets(draft) == sorted(spans)


@FUZZ
@given(data=st.data(), text=TEXT)
def test_brat_round_trips(folder: Path, data: st.DataObject, text: str) -> None:
    spans = data.draw(spans_in(text))
    out = folder / "brat"
    for old in out.glob("*"):
        old.unlink()
    (ann,) = [p for p in write_brat([annotated(text, spans)], out) if p.suffix == ".ann"]
    draft = read_brat_file(ann)
    assert draft.text == text and offsets(draft) == sorted(spans)


@st.composite
def entities(draw: st.DrawFn, text: str) -> list[tuple[int, int, str]]:
    """Entities CoNLL can hold: not overlapping, no white space at either end."""
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    found = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            found.append((start, end, draw(st.sampled_from(["PER", "LOC"]))))
    return found


@SLOW
@given(data=st.data(), text=TEXT)
def test_conll_with_its_sidecar_round_trips(folder: Path, data: st.DataObject,
                                            text: str) -> None:
    spans = data.draw(entities(text))
    path = folder / "rt.conll"
    write_conll([annotated(text, spans)], path)
    (draft,) = iter_conll_file(path)
    assert draft.text == text and offsets(draft) == sorted(spans)


@SLOW
@given(data=st.data(), text=TEXT)
def test_docbin_round_trips(folder: Path, data: st.DataObject, text: str) -> None:
    spans = data.draw(spans_in(text))
    path = folder / "rt.spacy"
    write_spacy([annotated(text, spans)], path)
    (draft,) = read_spacy(path)
    assert draft.text == text and offsets(draft) == sorted(spans)


@FUZZ
@given(data=st.data(), text=TEXT)
def test_claims_table_quotes_each_claim_at_its_offsets(folder: Path, data: st.DataObject,
                                                       text: str) -> None:
    spans = data.draw(spans_in(text))
    draft = ArticleDraft(text=text, title="T", annotations=[
        DocSpan(f"T{n}", Layer.CLAIM, s, e, "CLAIM") for n, (s, e, _) in enumerate(spans, 1)])
    path = folder / "claims.csv"
    write_claims([draft], path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(int(r["start"]), int(r["end"])) for r in rows] == [(s, e) for s, e, _ in spans]
    assert all(r["claim"] == text[int(r["start"]):int(r["end"])] for r in rows)
    lines = path.with_suffix(".jsonl").read_text(encoding="utf-8").split("\n")
    assert [json.loads(line)["claim"] for line in lines if line] == [text[s:e] for s, e, _ in
                                                                     spans]


@FUZZ
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_files_keep_their_text(folder: Path, text: str, encoding: str) -> None:
    draft = read_text_file(file_with(folder, "t.txt", text.encode(encoding)))
    assert draft.text == normalise_newlines(text)


GERMAN_WORDS = st.sampled_from(["Grüße", "aus", "Köln", "Straße", "über", "Ärger", "Öl", "„Ja“",
                                "sagte", "sie", "–", "…", "€", "Müller", "daß", "Maß", "10 °C",
                                "Spaß“", "§ 3", "Bürgermeisterin", "»Nein«"])


@FUZZ
@given(st.lists(GERMAN_WORDS, min_size=1, max_size=30).map(" ".join))
def test_german_in_cp1252_is_read_as_cp1252(folder: Path, text: str) -> None:
    data = text.encode("cp1252")
    assume(not is_utf8(data))  # "Spaß“" alone is valid UTF-8 (U+07D3): read as UTF-8
    draft = read_text_file(file_with(folder, "w.txt", data))
    assert draft.text == text


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
