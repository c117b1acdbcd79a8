"""Code points ↔ Qt document positions: the rules of annotator.core.positions checked against a
brute-force count and against what QTextDocument really keeps, character by character."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from annotator.core.positions import DocumentPositions, document_text

# Characters the document turns into paragraph separators (one position each).
SEPARATED = {"\n", "\r", "\u2029", "\ufdd0", "\ufdd1"}
# What document_text shows instead of a leading byte order mark.
BOMS = {"\ufeff": "\u2060", "\ufffe": "\ufffd"}
TRICKY = ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\ufeff", "\ufffe",
          "\ufdd0", "\u0301", "\u200f", "\u05e9", "\u0627", "😀", "🇩🇪", "𝔄", "a", " "]


def brute_force(text: str) -> list[int]:
    """The document position of every code point offset 0..len(text), counted one by one."""
    out, pos = [], 0
    for i, ch in enumerate(text):
        out.append(pos)
        if ch == "\n" and text[i - 1:i] == "\r":
            continue
        pos += 2 if ord(ch) > 0xFFFF else 1
    return out + [pos]


def document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(document_text(text))
    return doc


def assert_keeps(text: str, doc: QTextDocument) -> None:
    """Every character of ``text`` the document keeps sits where DocumentPositions says."""
    positions = DocumentPositions(text)
    assert positions.document_length == doc.characterCount() - 1  # minus the final separator
    for i, ch in enumerate(text):
        if ch == "\n" and text[i - 1:i] == "\r":
            continue
        at = doc.characterAt(positions.to_document(i))
        if i == 0 and ch in BOMS:
            assert at == BOMS[ch]
        elif ch in SEPARATED:
            assert at == "\u2029", (i, ch)
        elif ord(ch) > 0xFFFF:  # the first half of its surrogate pair
            assert at == ch.encode("utf-16-le")[:2].decode("utf-16-le", "surrogatepass"), (i, ch)
        else:
            assert at == ch, (i, ch)


def test_every_bmp_character_keeps_its_position_in_the_document(qapp) -> None:
    chars = [chr(c) for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    text = "x" + "x".join(chars) + "x\r\nx\r\r\nx\n\rx\U0001F600x\U0010FFFDx\U00010000"
    assert_keeps(text, document(text))


@pytest.mark.parametrize("start", ["\ufeff", "\ufffe", "\ufeff\ufeff", "\r\n", "\ufeff\r\n",
                                   "😀", "\u0301", "\u2028", "\r"])
@pytest.mark.parametrize("rest", ["Text", "Tëxt", "Tёxt", "T😀xt"])  # each kind of Python str
def test_what_the_document_does_at_the_very_start(qapp, start: str, rest: str) -> None:
    text = start + rest
    assert_keeps(text, document(text))


@pytest.mark.parametrize("bom", ["\ufeff", "\ufffe"])
def test_a_leading_bom_would_be_lost_or_swap_the_text(qapp, bom: str) -> None:
    # Why document_text exists: PySide hands "\ufeffText" to Qt as "Text", "\ufffeText" as
    # byte-swapped garbage.
    doc = QTextDocument()
    doc.setPlainText(bom + "Text")
    assert doc.toPlainText() != bom + "Text"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRICKY) | st.characters(exclude_categories=["Cs"],
                                                         exclude_characters="\x00"),
                max_size=40).map("".join))
def test_arbitrary_text_maps_as_the_document_counts(qapp, text: str) -> None:
    assert_keeps(text, document(text))
    positions = DocumentPositions(text)
    expected = brute_force(text)
    assert [positions.to_document(cp) for cp in range(len(text) + 1)] == expected
    for pos in range(expected[-1] + 1):
        # The largest code point offset at this position or before: never inside a pair,
        # never between the \r and \n of a line break, after a leading BOM.
        assert positions.to_codepoint(pos) == max(cp for cp, p in enumerate(expected) if p <= pos)


def test_out_of_range_clamps() -> None:
    positions = DocumentPositions("a\r\nb😀")
    assert positions.to_document(-3) == 0 and positions.to_document(99) == 5
    assert positions.to_codepoint(-1) == 0 and positions.to_codepoint(99) == 5
