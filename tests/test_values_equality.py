"""The value objects compare as the data they hold says, and no further: what the model's
classes (msgspec Structs) were told to leave out of equality, hashing and order stays out."""

from __future__ import annotations

import pickle

import pytest

from annotator.core.documents import DocLink, DocSpan, Provenance
from annotator.core.model import ArticleDraft, Layer, Span


def test_a_span_is_its_range_and_label_whatever_its_score() -> None:
    a, b = Span(0, 5, "PER", 0.3), Span(0, 5, "PER", 0.9)
    assert a == b and (a != b) is False and hash(a) == hash(b) and len({a, b}) == 1
    assert Span(0, 5, "PER") != Span(0, 5, "LOC") and Span(0, 5, "PER") != Span(0, 6, "PER")
    assert sorted([Span(3, 4, "A"), Span(0, 9, "Z", 0.1), Span(0, 2, "B")]) == [
        Span(0, 2, "B"), Span(0, 9, "Z"), Span(3, 4, "A")]
    assert Span(0, 2, "B") < Span(0, 9, "A") <= Span(0, 9, "A", 0.5) < Span(1, 1, "A")
    assert Span(0, 5, "PER") != (0, 5, "PER")  # a span is not a tuple
    with pytest.raises(AttributeError):
        a.start = 1  # type: ignore[misc]


def test_a_draft_is_equal_whatever_versions_an_export_held() -> None:
    one = ArticleDraft(text="Ein Text 😀.", title="T", versions=("maria",))
    assert one == ArticleDraft(text="Ein Text 😀.", title="T") and (one != one) is False
    assert one != ArticleDraft(text="Ein Text 😀.", title="U", versions=("maria",))
    with pytest.raises(TypeError):
        hash(one)  # a draft changes: not hashable


def test_dataset_spans_compare_their_attributes_and_hash_without_them() -> None:
    made = Provenance("maria", "2024-10-23T10:00:00Z")
    a = DocSpan("T1", Layer.CLAIM, 0, 5, "CLAIM", {"kind": "factual"}, made=made)
    b = DocSpan("T1", Layer.CLAIM, 0, 5, "CLAIM", {"kind": "quotation"}, made=made)
    assert a != b and hash(a) == hash(b)  # a dict in it, and still hashable
    assert DocLink("T1", "T2", attrs={"cue": "sagte"}) != DocLink("T1", "T2")
    assert len({DocLink("T1", "T2", attrs={"cue": "sagte"}), DocLink("T1", "T2")}) == 2
    assert pickle.loads(pickle.dumps(a)) == a  # as the import workers hand them over
