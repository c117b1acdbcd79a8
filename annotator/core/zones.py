"""Article structure as zones: spans in the ``structure`` layer over a text that stays intact.

Text outside every zone is body. Readers and models skip the page furniture (teasers,
navigation, credits, notes, repeated lines) and keep the rest: headline, lead, dateline, byline,
subheads, captions and summaries are part of what the article says.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from msgspec import Struct

# label → what it covers, in the order the zone picker lists them
ZONE_LABELS: dict[str, str] = {
    "HEADLINE": "The article's headline (a kicker line above it too)",
    "LEAD": "The teaser paragraph between headline and body",
    "DATELINE": "Place, agency or date line: “Berlin (dpa) –”, “Stand: 22.10.2024”",
    "BYLINE": "Who wrote it: “Von Anna Berger”",
    "SUBHEAD": "A heading between body paragraphs",
    "CAPTION": "A photo or video caption",
    "CREDIT": "Image or material credit: “Foto: …”, “Bildquelle: ©”",
    "TEASER": "Links to other articles: “Lesen Sie auch”, “Mehr zum Thema”",
    "SUMMARY": "A summary box: “Das Wichtigste in Kürze”",
    "NAV": "Page furniture: section words, “Anzeige”, “Teilen”, newsletter plugs",
    "NOTE": "Editorial notes: updates, corrections, contribution credits",
    "DUPLICATE": "A line that repeats an earlier one (headline or caption printed twice)",
}
SKIPPED_ZONES = frozenset({"TEASER", "NAV", "CREDIT", "NOTE", "DUPLICATE"})
ZONE_COLOR = "#9e9e9e"  # zones are drawn quietly, in one grey


class Segment(Struct, frozen=True):
    """A piece of the text: one zone, or body between zones (``label`` None)."""

    start: int
    end: int
    label: str | None

    @property
    def skipped(self) -> bool:
        """Page furniture that suggesters and the sentence index leave out."""
        return self.label in SKIPPED_ZONES


class Ranged(Protocol):
    """What segments() reads of a zone: core.model.Span, Annotation and Suggestion have it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


R = TypeVar("R", bound=Ranged)


def segments(length: int, zones: Iterable[Ranged]) -> list[Segment]:
    """The text cut at every zone boundary, in order, covering [0, length) without overlap.

    Overlapping zones (a human's zone over a rule's) are resolved first come first: a zone is
    cut where an earlier-starting one still runs.
    """
    out: list[Segment] = []
    at = 0
    for z in sorted(zones, key=lambda z: (z.start, -z.end)):
        start, end = max(z.start, at), min(z.end, length)
        if end <= start:
            continue
        if start > at:
            out.append(Segment(at, start, None))
        out.append(Segment(start, end, z.label))
        at = end
    if at < length:
        out.append(Segment(at, length, None))
    return out


def kept_ranges(length: int, zones: Iterable[Ranged]) -> list[tuple[int, int]]:
    """The parts of a text that suggesters and the sentence index read, each one zone or one
    stretch of body, so that nothing found in them crosses a zone boundary."""
    return [(s.start, s.end) for s in segments(length, zones) if not s.skipped]


def outside_skipped(spans: Sequence[R], length: int, zones: Iterable[Ranged]) -> list[R]:
    """The spans that share no character with a skipped zone (a suggestion in a teaser)."""
    skipped = [s for s in segments(length, zones) if s.skipped]
    return [sp for sp in spans
            if not any(sp.start < s.end and s.start < sp.end for s in skipped)]
