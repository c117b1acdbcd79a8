"""Zones over an intact text: segments, the parts readers keep, suggestions in furniture, and the
structure layer in the project file."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import ArticleDraft, Layer, Span
from annotator.core.zones import SKIPPED_ZONES, ZONE_LABELS, kept_ranges, outside_skipped, segments
from annotator.store import Project

TEXT = "Elbe-Abkommen 🇩🇪 unterzeichnet\nLesen Sie auch: Neuer Streit\nBerlin (dpa) – Der Text."
HEAD = Span(0, TEXT.index("\n"), "HEADLINE")
TEASER = Span(TEXT.index("Lesen"), TEXT.index("Streit") + 6, "TEASER")
DATELINE = Span(TEXT.index("Berlin"), TEXT.index("–") + 1, "DATELINE")


def test_segments_cover_the_text_in_order_and_cut_at_every_zone() -> None:
    parts = segments(len(TEXT), [TEASER, DATELINE, HEAD])
    assert [(s.label, TEXT[s.start:s.end]) for s in parts] == [
        ("HEADLINE", "Elbe-Abkommen 🇩🇪 unterzeichnet"), (None, "\n"),
        ("TEASER", "Lesen Sie auch: Neuer Streit"), (None, "\n"),
        ("DATELINE", "Berlin (dpa) –"), (None, " Der Text.")]
    assert parts[0].start == 0 and parts[-1].end == len(TEXT)


def test_overlapping_zones_are_cut_first_come_first() -> None:
    wide, inner = Span(0, 20, "SUMMARY"), Span(10, 30, "NOTE")
    assert [(s.start, s.end, s.label) for s in segments(40, [inner, wide])] == [
        (0, 20, "SUMMARY"), (20, 30, "NOTE"), (30, 40, None)]


def test_kept_ranges_leave_out_page_furniture_only() -> None:
    kept = [TEXT[a:b] for a, b in kept_ranges(len(TEXT), [HEAD, TEASER, DATELINE])]
    assert kept == ["Elbe-Abkommen 🇩🇪 unterzeichnet", "\n", "\n", "Berlin (dpa) –", " Der Text."]
    assert {"TEASER", "NAV", "CREDIT", "NOTE", "DUPLICATE"} == SKIPPED_ZONES
    assert set(ZONE_LABELS) > SKIPPED_ZONES


def test_a_suggestion_touching_a_skipped_zone_is_dropped() -> None:
    streit = Span(TEXT.index("Streit"), TEXT.index("Streit") + 6, "MISC")
    berlin = Span(TEXT.index("Berlin"), TEXT.index("Berlin") + 6, "LOC")
    assert outside_skipped([streit, berlin], len(TEXT), [HEAD, TEASER, DATELINE]) == [berlin]


def test_the_structure_layer_is_stored_with_its_labels(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        article = project.add_article(ArticleDraft(text=TEXT))
        assert article is not None
        project.add_annotation(article, Layer.STRUCTURE, TEASER, "maria")
        [zone] = project.annotations(article, Layer.STRUCTURE)
        assert (zone.label, TEXT[zone.start:zone.end]) == ("TEASER", "Lesen Sie auch: Neuer Streit")
        assert [lab.name for lab in project.labels(Layer.STRUCTURE)] == list(ZONE_LABELS)
        assert project.db.execute("SELECT edited FROM articles").fetchone()[0] == "[]"
