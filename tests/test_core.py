"""Span maths and hashing, with text outside the Basic Multilingual Plane."""

from __future__ import annotations

import pytest

from annotator.core.hashing import content_hash
from annotator.core.spans import SpanError, Utf16Index, check_span, overlaps

ASTRAL = "Start 😀 Mitte 🇩🇪 und 𝔄𝔟𝔨𝔬𝔪𝔪𝔢𝔫 Ende"


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_utf16_index_matches_python_encoding_at_every_offset() -> None:
    ix = Utf16Index(ASTRAL)
    for cp in range(len(ASTRAL) + 1):
        u16 = ix.to_utf16(cp)
        assert u16 == utf16_len(ASTRAL[:cp])
        assert ix.to_codepoint(u16) == cp


def test_utf16_offset_inside_a_surrogate_pair_snaps_to_its_start() -> None:
    ix = Utf16Index("a😀b")
    assert [ix.to_codepoint(u) for u in range(5)] == [0, 1, 1, 2, 3]


def test_check_span_rejects_bad_offsets() -> None:
    check_span(0, 3, 3)
    for start, end in [(2, 2), (3, 1), (-1, 2), (0, 4), (0.0, 2), (True, 2)]:
        with pytest.raises(SpanError):
            check_span(start, end, 3)  # type: ignore[arg-type]


def test_overlaps_is_half_open() -> None:
    assert overlaps(0, 5, 4, 8)
    assert not overlaps(0, 5, 5, 8)


def test_content_hash_ignores_line_endings_and_outer_space_only() -> None:
    assert content_hash("Titel\r\nText ") == content_hash("  Titel\nText\n")
    assert content_hash("Titel\nText") != content_hash("Titel\nText.")


def test_sentence_around_keeps_dates_and_abbreviations_inside() -> None:
    from annotator.core.spans import sentence_around

    text = ("Prag – Der Vertrag wurde am 24. Oktober im Palais Czernin unterzeichnet. "
            "Dr. Berger kam später. Es gilt 40 Jahre. Danach ging es los.")
    def around(word: str) -> str:
        return text[slice(*sentence_around(text, text.index(word)))]
    assert around("Palais") == ("Prag – Der Vertrag wurde am 24. Oktober im Palais Czernin "
                                "unterzeichnet.")
    assert around("später") == "Dr. Berger kam später."
    assert around("gilt") == "Es gilt 40 Jahre."
    assert around("Danach") == "Danach ging es los."


def test_union_find_joins_what_is_linked_and_ignores_the_unknown() -> None:
    from annotator.core.unionfind import UnionFind

    links = UnionFind([1, 2, 3, 4, 5, 6])
    links.join([5, 1, 99])  # 99 is no item: ignored
    links.union(3, 4)
    links.union(4, 5)
    assert links.groups() == [[1, 3, 4, 5]]
    assert links.find(1) == links.find(3) and links.find(2) != links.find(1)
    words = UnionFind(["b", "a", "c"])
    words.union("c", "a")
    assert words.groups() == [["a", "c"]]
