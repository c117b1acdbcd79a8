"""The project at a glance (docs/overview.md), as plain data for the overview window's charts:
articles done per day and annotator, annotations per layer and label, claims per outlet and per
source, and what waits for a decision, by kind (the review queue's reads) and, of the disputed
claim groups, by what their claims disagree on. The counts are aggregated in SQL
(store/overview_reads.py); a large project's overview is read in a worker."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import combinations

from msgspec import Struct, field
from PySide6.QtCore import QCoreApplication

from annotator.app.review_queue import LIMIT, Kind, disagreements, open_suggestions
from annotator.core.model import ClaimGroup
from annotator.core.values import article_day, conflicts
from annotator.store import Project, overview_reads

TOP = 12  # outlets and sources shown by name; the rest are summed up as OTHERS
OTHERS = "others"  # in English; the bar is named in the interface's language
# what a disputed group's claims disagree on: a slot family of core/values.py, or these two
STANCE, VALUE = "stance", "value"


class Overview(Struct, frozen=True):
    """What the window draws; every list in the order it is drawn."""

    done: list[tuple[str, str, int]] = field(default_factory=list)  # (day, annotator, n)
    annotations: list[tuple[str, str, int]] = field(default_factory=list)  # (layer, label, n)
    outlets: list[tuple[str, int]] = field(default_factory=list)  # claims per outlet
    sources: list[tuple[str, int]] = field(default_factory=list)  # claims per source
    open_items: dict[Kind, int] = field(default_factory=dict)  # the review queue's, by kind
    disputed_on: dict[str, int] = field(default_factory=dict)  # disputed groups, by point

    def annotators(self) -> list[str]:
        """Everyone with a done version, in the order they first finished one."""
        return list(dict.fromkeys(who for _day, who, _n in self.done))

    def days(self) -> list[str]:
        return sorted({day for day, _who, _n in self.done})


def read_overview(project: Project, annotator: str, limit: int = LIMIT) -> Overview:
    """The overview of a project; what waits for a decision is what ``annotator``'s review
    queue lists (each kind counted up to ``limit``, as the queue reads it)."""
    db = project.db
    groups = project.claims.groups(disputed_only=True, annotator=annotator)[:limit]
    items = {Kind.DISPUTE: len(groups), Kind.DISAGREEMENT: len(disagreements(project, limit)),
             Kind.OPEN_SUGGESTIONS: len(open_suggestions(project, annotator, limit))}
    return Overview(
        done=overview_reads.done_per_day(db),
        annotations=overview_reads.by_layer_and_label(db),
        outlets=top(_named(overview_reads.claims_per_outlet(db))),
        sources=top(_named(overview_reads.claims_per_source(db))),
        open_items=items,
        disputed_on=dict(Counter(p for g in groups for p in disputed_on(g)).most_common()))


def top(counts: list[tuple[str, int]], n: int = TOP) -> list[tuple[str, int]]:
    """The first ``n`` names, the rest summed up as one more bar."""
    rest = sum(k for _name, k in counts[n:])
    return counts[:n] + ([(QCoreApplication.translate("OverviewData", "others"), rest)]
                         if rest else [])


def _named(counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The bars' names, "(no outlet)" and "(no source)" in the interface's language."""
    translate = QCoreApplication.translate
    shown = {overview_reads.NO_OUTLET: translate("OverviewData", "(no outlet)"),
             overview_reads.NO_SOURCE: translate("OverviewData", "(no source)")}
    return [(shown.get(name, name), k) for name, k in counts]


def disputed_on(group: ClaimGroup) -> list[str]:
    """What the claims of a group disagree on: the slot families in which two of them state
    conflicting values ("day", "number", "place", …), ``STANCE`` when some support and some
    refute the point, ``VALUE`` when claims without typed values state different values."""
    found: dict[str, None] = {}
    typed = [(m.values, article_day(m.published)) for m in group.members if m.values is not None]
    for (a, pa), (b, pb) in combinations(typed, 2):
        found.update(dict.fromkeys(slot for slot, _about in conflicts(a, pa, b, pb)))
    if len({m.stance for m in group.members if m.stance}) > 1:
        found[STANCE] = None
    if len({m.value.strip().casefold() for m in group.members
            if m.values is None and m.value.strip()}) > 1:
        found[VALUE] = None
    return list(found)


def done_series(view: Overview) -> tuple[list[str], dict[str, list[int]]]:
    """The days from the first to the last with a done version (none left out), and per
    annotator the versions done on each: the bars of the progress chart."""
    days = _every_day(view.days())
    at = {day: n for n, day in enumerate(days)}
    series = {who: [0] * len(days) for who in view.annotators()}
    for day, who, n in view.done:
        if day in at:
            series[who][at[day]] += n
    return days, series


def _every_day(days: list[str]) -> list[str]:
    known = [d for d in map(article_day, days) if d is not None]
    if not known:
        return []
    first, last = min(known), max(known)
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
