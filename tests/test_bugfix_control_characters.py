"""A CoNLL export of texts with control characters reads back whole: the tokens carry each
control character as its Unicode picture (one character for one), the sidecar the text as it
is, and the export warns naming the articles."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from annotator.app import export_texts as say
from annotator.core.model import ArticleDraft, DocSpan, Layer
from annotator.io.common import ImportFailure
from annotator.io.conll import sidecar_path, write_conll
from annotator.io.export_notes import Kind, WriterNote
from annotator.io.importer import iter_file
from tests.test_export_notes import notes

CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]
                   if not chr(c).isspace()) + "\ufffd" * 30


def article(title: str, text: str, *names: str) -> ArticleDraft:
    spans = [DocSpan(f"T{n}", Layer.ENTITY, text.index(name), text.index(name) + len(name),
                     "PER") for n, name in enumerate(names, start=1)]
    return ArticleDraft(text=text, title=title, annotations=spans)


def content(draft: ArticleDraft) -> tuple[str, list[tuple[int, int, str]]]:
    """The text and the entities (annotations, or a pre-annotated file's plain spans)."""
    return draft.text, [(a.start, a.end, a.label) for a in [*draft.annotations, *draft.spans]]


@pytest.mark.parametrize("where", ["inside", "between"])
def test_control_characters_round_trip_through_our_conll(tmp_path: Path, where: str,
                                                         caplog) -> None:
    glue = CONTROLS if where == "inside" else f" {CONTROLS} "
    drafts = [article("Steuerzeichen", f"Hafen\n\nIn Ros{glue}tock sagte Anna{glue}Berg am "
                                       f"Montag, Jörg Kühn schwieg.{glue}Ende", "Jörg Kühn"),
              article("Sauber", "Kai\n\nIn Wismar sagte Jana Wolff nichts.", "Jana Wolff"),
              article("Auch \x07hier", "Ein\x1b[2J Text über Olaf Scholz.", "Olaf Scholz")]
    path = tmp_path / "train.conll"
    with caplog.at_level(logging.WARNING, logger="annotator.io.conll"):
        write_conll(drafts, path)
    items = list(iter_file(path))
    assert [str(i) for i in items if isinstance(i, ImportFailure)] == []
    back = [i for i in items if isinstance(i, ArticleDraft)]
    assert [content(d) for d in back] == [content(d) for d in drafts]
    assert [d.title for d in back] == [d.title for d in drafts]
    (note,) = notes(caplog)
    assert note == WriterNote(Kind.CONTROL_CHARACTERS, "train.conll", 2,
                              ("Steuerzeichen", "Auch \x07hier"))
    assert say.written(note) == (
        "train.conll: control characters in 2 articles written as their pictures in the tokens "
        "(␁ for U+0001, ␦ for C1 controls and U+FFFD; the sidecar keeps the text): "
        "'Steuerzeichen', 'Auch \\x07hier'")  # a control character in a title shown escaped


def test_without_the_sidecar_the_tokens_show_the_pictures(tmp_path: Path) -> None:
    """What spaCy or another tool reads: text with pictures, nothing taken for white space."""
    text = "Anna\x01Berg und\x7f Jörg Kühn\x9f."
    path = tmp_path / "train.conll"
    write_conll([article("t", text, "Jörg Kühn")], path)
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()[2:] if line]
    assert all(len(row) == 2 for row in rows)
    assert [row[0] for row in rows][:2] == ["Anna\u2401Berg", "und\u2421"]
    sidecar_path(path).unlink()
    (back,) = list(iter_file(path))
    assert isinstance(back, ArticleDraft)
    assert back.text == "Anna\u2401Berg und\u2421 Jörg Kühn \u2426."
    assert [back.text[a.start:a.end] for a in back.annotations] == ["Jörg Kühn"]


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "train.jsonl"), ("doccano", "train.jsonl"),
                                           ("doccano-relations", "train.jsonl")])
def test_json_lines_with_control_characters_read_back(tmp_path: Path, fmt: str,
                                                      name: str) -> None:
    """JSON leaves C1 controls and U+FFFD raw, which our reader counted as binary data: they
    are escaped like the line ends (``\\u0085``)."""
    from annotator.io.formats import writer

    text = f"Kai\n\nIn Wismar\x9f sagte Jana Wolff {CONTROLS} nichts."
    draft = article("Kai", text, "Jana Wolff")
    (path,) = writer(fmt)([draft], tmp_path / name)
    items = list(iter_file(path))
    assert [str(i) for i in items if isinstance(i, ImportFailure)] == []
    (back,) = [i for i in items if isinstance(i, ArticleDraft)]
    assert content(back) == content(draft)
    assert not {"\ufffd", "\x9f"} & set(path.read_text("utf-8"))

