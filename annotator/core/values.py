"""The typed values a claim states (weekday, date, number with unit, place, person, yes/no) and
when two claims' values agree: compared as values, not as words. ``nlp/values.py`` finds them.

A claim keeps its values in its attributes (``attrs["values"]``, a list of slot dicts); a claim
without that key was never looked at. The article's date resolves a weekday to a day: news
report what happened, so "Mittwoch" is the last Wednesday up to the day the article appeared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from msgspec import Struct

SLOTS = ("weekday", "date", "number", "place", "person", "yes/no")
WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                 "Sonntag")
DAY_SLOTS = ("weekday", "date")
_HALF_YEAR = dt.timedelta(days=183)


class ClaimValue(Struct, frozen=True):
    """One value a claim states. ``value`` is what compares: a weekday's German name, an ISO
    date (``--10-23`` without a year), a number ("3", "1200000000", "40.5"), a folded name, or
    "ja"/"nein"; ``about`` is a number's unit or what yes/no is said of ("tot", "euro",
    "veröffentlicht"); ``text`` is how the claim says it."""

    slot: str
    value: str
    text: str = ""
    about: str = ""

    def shown(self) -> str:
        """One line for the claim panel, e.g. "number: drei Tote (3 tot)"."""
        norm = {"number": f"{self.value} {self.about}".strip(),
                "yes/no": f"{self.value}: {self.about}" if self.about else self.value}.get(
            self.slot, self.value)
        said = self.text or norm
        return f"{self.slot}: {said}" + ("" if said == norm else f" ({norm})")

    def to_json(self) -> dict[str, str]:
        found = {"slot": self.slot, "value": self.value, "text": self.text}
        return found | ({"about": self.about} if self.about else {})


def from_attrs(attrs: dict[str, Any]) -> tuple[ClaimValue, ...] | None:
    """A claim's stored values; None when none were ever stored (malformed entries dropped)."""
    items = attrs.get("values")
    if not isinstance(items, list):
        return None
    return tuple(
        ClaimValue(d["slot"], d["value"], str(d.get("text", "")), str(d.get("about", "")))
        for d in items
        if isinstance(d, dict) and d.get("slot") in SLOTS and isinstance(d.get("value"), str)
        and d["value"])


def with_values(attrs: dict[str, Any], values: Iterable[ClaimValue]) -> dict[str, Any]:
    """A claim's attributes with these values stored."""
    return {**attrs, "values": [v.to_json() for v in values]}


def article_day(published: str | None) -> dt.date | None:
    """The day an article appeared, from its ISO date (None when unknown or unreadable)."""
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def family(v: ClaimValue) -> tuple[str, str]:
    """What a value is compared with: weekdays and dates both name a day; numbers of one unit;
    yes/no said of one thing; places; persons."""
    if v.slot in DAY_SLOTS:
        return ("day", "")
    return (v.slot, v.about if v.slot in ("number", "yes/no") else "")


def _order(key: tuple[str, str]) -> int:
    return SLOTS.index("weekday" if key[0] == "day" else key[0])


class _Day(Struct, frozen=True):
    date: dt.date | None = None
    month_day: tuple[int, int] | None = None
    weekday: int | None = None


def _day(v: ClaimValue, published: dt.date | None) -> _Day:
    """What is known of the day a weekday or date names, with the article's date."""
    if v.slot == "weekday":
        wd = WEEKDAY_NAMES.index(v.value) if v.value in WEEKDAY_NAMES else None
        if wd is None or published is None:
            return _Day(weekday=wd)
        date: dt.date | None = published - dt.timedelta(days=(published.weekday() - wd) % 7)
    else:
        date = _date(v.value, published)
    if date is None:
        return _Day(month_day=_month_day(v.value))
    return _Day(date, (date.month, date.day), date.weekday())


def _month_day(value: str) -> tuple[int, int] | None:
    try:
        return int(value[-5:-3]), int(value[-2:])
    except ValueError:
        return None


def _date(value: str, published: dt.date | None) -> dt.date | None:
    """An ISO date; a date without its year takes the year that puts it nearest the article."""
    if not value.startswith("--"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    md = _month_day(value)
    if md is None or published is None:
        return None
    try:
        date = dt.date(published.year, *md)
    except ValueError:
        return None
    shift = -1 if date - published > _HALF_YEAR else 1 if published - date > _HALF_YEAR else 0
    try:
        return date.replace(year=date.year + shift)
    except ValueError:  # 29 February
        return None


def _same_day(a: ClaimValue, pa: dt.date | None, b: ClaimValue, pb: dt.date | None) -> bool:
    if a.slot == b.slot == "weekday":
        return a.value == b.value
    da, db = _day(a, pa), _day(b, pb)
    if da.date and db.date:
        return da.date == db.date
    if da.month_day and db.month_day:
        return da.month_day == db.month_day
    if da.weekday is not None and db.weekday is not None:
        return da.weekday == db.weekday
    return True  # nothing to compare: no contradiction either


def agree(a: ClaimValue, pa: dt.date | None, b: ClaimValue, pb: dt.date | None) -> bool:
    """Whether two values of one family say the same (``pa``, ``pb``: their articles' days)."""
    if a.slot in DAY_SLOTS:
        return _same_day(a, pa, b, pb)
    if a.slot in ("place", "person"):  # "Berger" is "Anna Berger"
        wa, wb = set(a.value.split()), set(b.value.split())
        return bool(wa and wb) and (wa <= wb or wb <= wa)
    return a.value == b.value


def _families(values: Sequence[ClaimValue]) -> dict[tuple[str, str], list[ClaimValue]]:
    found: dict[tuple[str, str], list[ClaimValue]] = {}
    for v in values:
        found.setdefault(family(v), []).append(v)
    return dict(sorted(found.items(), key=lambda kv: _order(kv[0])))


def conflicts(a: Sequence[ClaimValue], pa: dt.date | None, b: Sequence[ClaimValue],
              pb: dt.date | None) -> list[tuple[str, str]]:
    """The families in which two claims state values of which no two agree."""
    fa, fb = _families(a), _families(b)
    return [key for key, xs in fa.items()
            if key in fb and not any(agree(x, pa, y, pb) for x in xs for y in fb[key])]


def point(a: Sequence[ClaimValue], pa: dt.date | None, b: Sequence[ClaimValue],
          pb: dt.date | None) -> tuple[str, str] | None:
    """What each of two claims states on their common point, as written: the values of the
    first family in which they conflict, else of the first both state; None if none."""
    fa, fb = _families(a), _families(b)
    shared = [key for key in fa if key in fb]
    if not shared:
        return None
    key = (conflicts(a, pa, b, pb) or shared)[0]
    return _texts(fa[key]), _texts(fb[key])


def _texts(values: list[ClaimValue]) -> str:
    return " ".join(dict.fromkeys(v.text or v.value for v in values))


def any_conflict(claims: Iterable[tuple[Sequence[ClaimValue], dt.date | None]]) -> bool:
    """Whether two of these claims (values and their article's day) conflict."""
    return any(conflicts(a, pa, b, pb) for (a, pa), (b, pb) in combinations(list(claims), 2))
