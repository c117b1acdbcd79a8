"""Recognise German news conventions: dates, bylines, agency credits and datelines."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from msgspec import Struct

MAX_PIECE = 200  # characters: bylines and date lines are short; longer text is a paragraph
MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jaenner": 1, "jan": 1,
    "februar": 2, "feber": 2, "febr": 2, "feb": 2,
    "märz": 3, "maerz": 3, "marz": 3, "mär": 3, "mrz": 3,
    "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
WEEKDAYS = (
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so",
)  # fmt: skip
# Canonical spelling of the agencies German outlets credit, keyed by lower case.
AGENCIES: dict[str, str] = {
    name.lower(): name
    for name in (
        "dpa", "AFP", "Reuters", "AP", "KNA", "epd", "ddp", "dapd", "SID", "dts", "APA", "SDA",
        "Keystone-SDA", "dpa-AFX", "AFX", "Bloomberg", "EFE", "ANSA", "ots", "idea", "KAP",
        "Xinhua", "TASS", "Interfax", "AA", "ANP", "Belga", "PAP",
    )
}  # fmt: skip
AGENCIES["rtr"] = "Reuters"
_LOWER_CASE_CREDITS = frozenset(
    ("dpa", "afp", "ap", "kna", "epd", "ddp", "dapd", "sid", "dts", "rtr", "apa", "sda")
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<mon>{_alternation(MONTHS)})(?![^\W\d_])\.?"
_WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})(?![^\W\d_])\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_FULL_DATES = (
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)(?:\.\s*|\s+){_MONTH}\s*,?\s*{_YEAR}", re.I),
    re.compile(
        r"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)?\d\d)(?![\d]|\.\d)"
    ),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
)
_PARTIAL_DATES = (
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)\.\s*{_MONTH}", re.I),
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?!\s?\d)"),
)
_TIME = r"(?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d)(?!\d)(?:\s*Uhr)?(?:\s*(?:MEZ|MESZ|CET|CEST))?"
_DATE_PREFIX = re.compile(
    r"\s*(?:(?P<kw>zuletzt\s+aktualisiert|aktualisiert|ver(?:ö|oe)ffentlicht|erschienen|erstellt"
    r"|publiziert|ge(?:ä|ae)ndert|update|stand|datum)(?:\s+(?:am|vom))?\s*:?\s*)?"
    rf"(?:{_WEEKDAY}\s*,?\s*(?:den\s+)?)?",
    re.I,
)
_ISO_TAIL = r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][01]\d:?[0-5]\d)?"  # 2024-10-23T14:05:00+02:00
_DATE_SUFFIX = re.compile(rf"\s*(?:(?:[,|/·•–-]|\s+um|T)?\s*{_TIME}{_ISO_TAIL})?\s*\.?\s*", re.I)
_TIME_ONLY = re.compile(rf"\s*(?:um\s+)?{_TIME}\s*", re.I)
_UPDATE_WORDS = ("aktualisiert", "geändert", "geaendert", "update", "stand")

_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]*(?:[-'’.][^\W\d_]+)*\.?"
_PARTICLE = r"(?:von|van|de|der|den|zu|vom|di|da|del|la|le|al|el|ten|ter|bin)"
_NAME = rf"(?:(?:Dr|Prof)\.\s+)*{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP}){{1,4}}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*(?:,|und|&|sowie)\s*{_NAME}){{0,7}})"
_AGENCY_NAME = rf"(?:{_alternation(AGENCIES)})(?![^\W\d_])"
_AGENCY_EXPR = rf"{_AGENCY_NAME}(?:\s*[/,]\s*(?:{_AGENCY_NAME}|(?-i:[a-z]{{2,4}})))*"
_CONNECT = r"(?:am|an der|im|in|bei|ob der|vor der|de|la|le|sur)"
_QUALIFIER = r"(?:[ \t]*\((?-i:[A-ZÄÖÜ])[^\W\d_]+\))?"  # Halle (Saale), Frankfurt (Oder)
_PLACE = rf"{_CAP}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_CAP}){{0,3}}{_QUALIFIER}"
_PLACES = rf"(?P<place>{_PLACE}(?:\s*/\s*{_PLACE})*)"

_AUTHOR_VON = re.compile(
    r"\s*(?:(?:ein|eine)\s+)?(?:(?:Kommentar|Analyse|Interview|Gastbeitrag|Bericht|Essay|Kolumne"
    r"|Reportage|Glosse)\s+)?von\s+" + _NAMES
    + rf"(?:\s*,\s*(?:(?P<agency>{_AGENCY_EXPR})|(?:in\s+)?{_PLACE}))?\s*",
    re.I,
)  # fmt: skip
_AUTHOR_LABEL = re.compile(r"\s*(?:Autor(?:in|innen|en)?|Text|Von)\s*:\s*" + _NAMES + r"\s*", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\bund\b|&|\bsowie\b)\s*", re.I)
_AGENCY_LINE = re.compile(
    r"\s*(?:©|\(c\)|Quelle\s*:|Mit\s+Material\s+(?:von|der|des)|Material\s*:)?\s*"
    rf"(?P<open>\(?)\s*(?P<agency>{_AGENCY_EXPR})\s*(?P<close>\)?)\s*\.?\s*",
    re.I,
)
_DATELINE_AGENCY = re.compile(
    rf"{_PLACES}(?:\s*,\s*(?P<date>[^()\n]{{3,40}}?))?\s*\(\s*(?P<agency>{_AGENCY_EXPR})\s*\)"
    r"\s*(?:[-–—:]\s*|(?=[„\"»\w]))",
    re.I,
)
_DATELINE_DATE = re.compile(rf"{_PLACES},\s*(?P<date>[^()\n]{{3,40}}?)\s+[-–—]\s+", re.I)
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:[^\W\d_][^\n\d]{0,60}?[\s,]+)?(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
_CREDIT = r"\s*(?:(?:Quelle|Medium|Erschienen\s+in)\s*:|©|\(c\)|Copyright)\s*(?:(?:19|20)\d\d\s+)?"
_SOURCE_LINE = re.compile(
    _CREDIT + r"(?P<name>[^\W\d_](?:[^\W\d_]|[ .&'’-]){1,60}?)\s*(?:,?\s*(?:19|20)\d\d)?\s*",
    re.I,
)
# "© dpa-infocom, dpa:241023-99-123456/2" ends every dpa story
_AGENCY_CREDIT = re.compile(_CREDIT + rf"(?P<agency>{_AGENCY_NAME})", re.I)


class DateMatch(Struct, frozen=True):
    """A date found in a string; ``year`` is None for "23. Oktober" or "23.10."."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    @property
    def iso(self) -> str | None:
        """YYYY-MM-DD, or None when the year is unknown."""
        if self.year is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class DatePiece(Struct, frozen=True):
    """A line (or byline piece) that is a date, with optional time and update marker."""

    date: DateMatch
    text: str
    time: str | None
    updated: bool


class Dateline(Struct, frozen=True):
    """The place and agency opening the first paragraph, e.g. ``Hamburg (dpa) –``."""

    place: str
    agency: str | None
    agency_text: str | None
    date: DateMatch | None
    date_text: str | None
    end: int = 0  # where the paragraph's own text begins


def find_date(text: str, *, partial: bool = False) -> DateMatch | None:
    """The earliest valid calendar date in ``text``; ``partial`` also allows a missing year."""
    found = iter_dates(text, partial=partial)
    return min(found, key=lambda date: (date.start, -date.end), default=None)


def iter_dates(text: str, *, partial: bool = False) -> Iterator[DateMatch]:
    """Every valid date in ``text``, pattern by pattern (not in text order)."""
    for pattern in _FULL_DATES + (_PARTIAL_DATES if partial else ()):
        for match in pattern.finditer(text):
            found = _to_date(match)
            if found is not None:
                yield found


def _to_date(match: re.Match[str]) -> DateMatch | None:
    """Build a DateMatch, rejecting impossible dates such as 31.02."""
    groups = match.groupdict()
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    year = int(groups["y"]) if groups.get("y") else None
    if year is not None and year < 100:
        year += 2000
    day = int(groups["d"])
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year, so 29.02. without a year passes
    except ValueError:
        return None
    return DateMatch(match.start(), match.end(), day, month, year)


def _clock(raw: str | None) -> str | None:
    """``9.05`` / ``14:05 Uhr`` → ``09:05``."""
    if not raw:
        return None
    hours, minutes = re.split(r"[:.]", raw)[:2]
    return f"{int(hours):02d}:{minutes}"


def parse_date_line(text: str) -> DatePiece | None:
    """A piece of text that is only a date, e.g. ``Mittwoch, 23.10.2024, 14:05 Uhr``."""
    found = find_date(text) if len(text) <= MAX_PIECE else None
    if found is None:
        return None
    prefix = _DATE_PREFIX.fullmatch(text[: found.start])
    suffix = _DATE_SUFFIX.fullmatch(text[found.end :])
    if prefix is None or suffix is None:
        return None
    keyword = (prefix.group("kw") or "").lower()
    updated = any(word in keyword for word in _UPDATE_WORDS)
    return DatePiece(found, text.strip(), _clock(suffix.group("time")), updated)


def parse_time(text: str) -> str | None:
    """A piece that is only a clock time, e.g. ``14:05 Uhr``."""
    match = _TIME_ONLY.fullmatch(text) if len(text) <= MAX_PIECE else None
    return _clock(match.group("time")) if match else None


def parse_author_line(text: str) -> tuple[list[str], str | None] | None:
    """Names and the agency as written from ``Von Anna Beispiel und Max Muster, dpa``."""
    if len(text) > MAX_PIECE:
        return None
    match = _AUTHOR_VON.fullmatch(text) or _AUTHOR_LABEL.fullmatch(text)
    if match is None:
        return None
    names = [name for name in _NAME_SPLIT.split(match.group("names")) if name]
    return names, match.groupdict().get("agency")


def parse_agency_line(text: str) -> tuple[str, str] | None:
    """``(dpa)``, ``AFP``, ``© dpa/lni`` → (canonical credit, text as written)."""
    match = _AGENCY_LINE.fullmatch(text) if len(text) <= MAX_PIECE else None
    if match is None or bool(match.group("open")) != bool(match.group("close")):
        return None
    return agency_credit(match.group("agency")), match.group("agency")


def agency_credit(expr: str) -> str:
    """Canonical agencies of a credit: ``dpa/lni`` → ``dpa``, ``afp/DPA`` → ``AFP/dpa``."""
    names: list[str] = []
    for index, part in enumerate(re.split(r"\s*[/,]\s*", expr.strip())):
        name = AGENCIES.get(part.lower())
        # After the first credit, short lower-case codes are usually desks or editor initials.
        if name is None or (index and part.islower() and part not in _LOWER_CASE_CREDITS):
            continue
        if name not in names:
            names.append(name)
    return "/".join(names)


def parse_dateline(paragraph: str) -> Dateline | None:
    """The ``Hamburg (dpa) –`` or ``BERLIN, 23. Oktober (Reuters) -`` opening a paragraph."""
    opening = paragraph[:MAX_PIECE]
    match = _DATELINE_AGENCY.match(opening) or _DATELINE_DATE.match(opening)
    if match is None:
        return None
    place, agency = match.group("place"), match.groupdict().get("agency")
    if place.lower().rstrip(".") in (*WEEKDAYS, *MONTHS):
        return None  # "Mittwoch (dpa) –" is not a place
    date_text = (match.group("date") or "").strip() or None
    date = _dateline_date(date_text) if date_text else None
    if date_text and date is None:
        if agency is None or not re.fullmatch(_PLACE, date_text, re.I):
            return None
        place, date_text = f"{place}, {date_text}", None  # "Berlin, Brandenburg (dpa)"
    credit = agency_credit(agency) if agency else None
    return Dateline(place.strip(), credit, agency, date, date_text, match.end())


def _dateline_date(text: str) -> DateMatch | None:
    """A dateline's date must be the whole text between comma and agency."""
    found = find_date(text, partial=True)
    if found is None or _DATE_PREFIX.fullmatch(text[: found.start]) is None:
        return None
    return found if not text[found.end :].strip(" .,") else None


def copyright_year(text: str) -> int | None:
    """The year of a ``© 2024`` notice, used when a dateline lacks a year."""
    match = _COPYRIGHT_YEAR.search(text)
    return int(match.group("y")) if match else None


def parse_source_line(text: str) -> str | None:
    """An outlet named by ``Quelle: Süddeutsche Zeitung`` or ``© 2024 Hamburger Morgenblatt``."""
    match = _SOURCE_LINE.fullmatch(text) if len(text) <= MAX_PIECE else None
    if match is None or credited_agency(text):
        return None
    return match.group("name").strip(" .")


def credited_agency(text: str) -> str | None:
    """The agency a credit line starts with: ``© dpa-infocom, dpa:241023-99-1234/2`` → dpa."""
    match = _AGENCY_CREDIT.match(text) if len(text) <= MAX_PIECE else None
    return match.group("agency") if match else None


def year_hint(date: DateMatch, text: str) -> int | None:
    """A year for ``23. Oktober``: the same day written out in full, else a © notice."""
    for other in iter_dates(text):
        if (other.day, other.month) == (date.day, date.month) and other.year:
            return other.year
    return copyright_year(text)


def iso_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None for a borrowed year that makes 29.02. impossible."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
