"""An article's metadata read from its zones: title, outlet, agency, author, date and address.

The fields follow tests/data/news/GUIDELINES.md: the outlet is the publication whose page it
is, as the text writes it, and the agency only for bare agency copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from annotator.core import german
from annotator.core.model import Span
from annotator.nlp import zone_forms as f
from annotator.nlp import zone_words as w
from annotator.nlp.zone_words import BYLINE, CAPTION, CREDIT, DATELINE, HEADLINE, NAV

_NOT_A_NAME = re.compile(r"studio|korrespondent|redaktion|büro|reporter|ressort|zentrale", re.I)
_JOINED = re.compile(r"\s(?:und|sowie)\s|&", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\bund\b|&|\bsowie\b)\s*", re.I)
_NAMES_LINE = re.compile(rf"{w.NAMES}(?:,\s*{w.PLACE.pattern})?")  # "Anna Berger, Rom"
_PIECE_SPLIT = re.compile(  # "Veröffentlicht am …, aktualisiert am …" holds two dates
    r"\s*[|·•]\s*|,\s*(?=(?:zuletzt\s+)?(?:aktualisiert|geändert|update|stand)\b)", re.I
)
_MASTHEAD_LINES = 3  # the masthead is among a page's first menu lines
_HYPHENATED = re.compile(r"(?<=[a-zäöüß])-\n(?=[a-zäöüß])")
_CREDIT_HEAD = re.compile(
    r"\s*\(?\s*(?:(?:quellen?|erschienen\s+in|medium)\s*:|©|\(c\)|copyright\b)\s*"
    r"(?:(?:19|20)\d\d\b\s*)?",
    re.I,
)


def derive_meta(text: str, zones: Iterable[Span]) -> dict[str, str | None]:
    """``title``, ``outlet``, ``author``, ``published`` (YYYY-MM-DD), ``url`` and the credited
    ``agency``; None where the text does not say.

    The title is the headline below a kicker that stands on its own line; the outlet the
    masthead (spelled as the page spells it elsewhere), else the outlet's © footer, a
    ``| outlet`` after the headline, a ``Quelle:`` credit, else the agency.
    """
    ordered = sorted(zones)
    pieces: dict[str, list[str]] = {}
    for zone in ordered:
        pieces.setdefault(zone.label, []).append(zone.text_in(text))
    title, suffix = _title(text, [z for z in ordered if z.label == HEADLINE])
    agency = _agency(pieces)
    return {
        "title": title,
        "outlet": _outlet(text, ordered, pieces, suffix) or agency,
        "author": _author(pieces),
        "published": _published(text, ordered, pieces.get(BYLINE, [])),
        "url": next(filter(None, map(f.url_in, text.splitlines())), None)
        if "://" in text else None,  # a line that is a link has one
        "agency": agency,
    }


def _title(text: str, headlines: list[Span]) -> tuple[str | None, str | None]:
    """The headline (the last of the first lines of headline zones, below its kicker), its
    whitespace collapsed, and an outlet named after `` | ``."""
    if not headlines:
        return None, None
    last = headlines[0]
    for zone in headlines[1:]:
        between = text[last.end : zone.start]
        if between.strip() or between.count("\n") != 1:
            break
        last = zone
    raw = last.text_in(text)
    title, outlet = f.outlet_suffix(" ".join(raw[f.glued_nav_end(raw) :].split()).strip("+ "))
    return title or None, outlet


def _agency(pieces: dict[str, list[str]]) -> str | None:
    credits = [c for c in pieces.get(CREDIT, []) if f.is_agency_line(c) or not f.is_photo_credit(c)]
    for piece in pieces.get(DATELINE, []) + pieces.get(BYLINE, []) + credits:
        if agency := f.agencies_in(piece):
            return agency
    return None


def _outlet(text: str, ordered: list[Span], pieces: dict[str, list[str]],
            suffix: str | None) -> str | None:  # fmt: skip
    """The first of: a masthead the page names again, the outlet's © footer, the masthead,
    a ``| outlet`` title ending, a ``Quelle:`` credit, a known outlet's name on a line."""
    brand, at = _masthead(text, ordered)
    spelled, named_again = _spelled(brand, text, at) if brand else (None, False)
    nav, credit = _footers(text, ordered)
    sources = [_source(z.text_in(text)) for i, z in enumerate(ordered) if z.label == CREDIT
               and not f.is_photo_credit(z.text_in(text)) and not _under_caption(ordered, i)]
    known = [n for n in pieces.get(NAV, []) if f.key(n) in w.OUTLETS]
    return next(filter(None, (spelled if named_again else None, nav, spelled, credit, suffix,
                              *sources, *known)), None)  # fmt: skip


def _masthead(text: str, ordered: list[Span]) -> tuple[str | None, int]:
    """The outlet a page's masthead names, and where it stands: of the first lines of the NAV
    zones above the headline, the first that looks like a masthead (``Hansepost`` below a
    topical ``Bürgergeld``), else the first line of a NAV zone opening the page."""
    if not ordered or ordered[0].label != NAV:
        return None, 0
    head = next((z.start for z in ordered if z.label == HEADLINE), len(text))
    found = [(z.start + m.start(), m.group()) for z in ordered if z.label == NAV and z.end <= head
             for m in re.finditer(r"[^\n]+", z.text_in(text))][:_MASTHEAD_LINES]  # fmt: skip
    brand_like = [(a, x) for a, x in found if f.is_brand_like(x.strip())]
    at, line = brand_like[0] if brand_like else (ordered[0].start, found[0][1] if found else "")
    return f.brand_of(line) or f.brand_of(found[0][1] if found else ""), at


def _spelled(name: str, text: str, at: int) -> tuple[str, bool]:
    """How the page writes a masthead elsewhere, and whether it does: ``DAS QUARTAL`` …
    ``© 2024 Das Quartal`` gives ``Das Quartal``; ``weltecho.de`` … ``Weltecho auf`` gives
    ``Weltecho``."""
    domain = w.DOMAIN.fullmatch(name)
    core = domain["core"] if domain else name
    pattern = rf"(?<![\w.-]){re.escape(core)}(?![\w-]|\.[a-z]{{2,4}}\b)"
    skip = (at, at + len(name) + 40)
    mentions = [m.group() for m in re.finditer(pattern, text, re.I)
                if not skip[0] <= m.start() < skip[1]]  # fmt: skip
    if not mentions and "-\n" in text:  # "Soester Kreis-\nblatt" in print copy
        joined = _HYPHENATED.sub("", text)
        mentions = [m.group() for m in re.finditer(pattern, joined, re.I)
                    if not skip[0] <= m.start() < skip[1]]  # fmt: skip
    if domain or name.isupper():
        plain = [m for m in mentions if not m.isupper()]
        return (plain[0] if plain else name), bool(mentions)
    return name, bool(mentions)


def _under_caption(ordered: list[Span], index: int) -> bool:
    return index > 0 and ordered[index - 1].label == CAPTION


def _footers(text: str, ordered: list[Span]) -> tuple[str | None, str | None]:
    """The names © lines give: of a NAV footer, and of a credit on a line of its own after no
    caption (a supplier's, or the outlet's own when the page has no masthead)."""
    nav = [z for z in ordered if z.label == NAV and w.COPYRIGHT.match(z.text_in(text))]
    own = [z for i, z in enumerate(ordered) if z.label == CREDIT
           and w.COPYRIGHT.match(z.text_in(text)) and _own_line(text, z)
           and not _under_caption(ordered, i)
           and not f.agencies_in(z.text_in(text)) and not f.is_photo_credit(z.text_in(text))]
    names = [next(filter(None, (f.copyright_name(z.text_in(text)) for z in zones)), None)
             for zones in (nav, own)]  # fmt: skip
    return names[0], names[1]


def _own_line(text: str, zone: Span) -> bool:
    before = text[text.rfind("\n", 0, zone.start) + 1 : zone.start]
    after_end = text.find("\n", zone.end)
    return not before.strip() and not text[zone.end : None if after_end < 0 else after_end].strip()


def _source(credit: str) -> str | None:
    """The first source a ``Quelle:`` or ``©`` credit names: ``Quelle: ZEIT ONLINE, dpa``."""
    head = _CREDIT_HEAD.match(credit)
    if head is None or not head.group().strip() or "://" in credit:
        return None
    if agency := german.credited_agency(credit):
        return german.agency_credit(agency)
    name = credit[head.end() :]
    first = re.split(r"\s*[,/|;]\s*|\s+(?:und|&)\s+", name, maxsplit=1)[0].strip(" ()")
    if not any(c.isalpha() for c in first) or len(first) > 60:
        return None
    return german.agency_credit(first) or (first if first.count(".") > 1 else first.rstrip("."))


def byline_names(piece: str) -> list[str]:
    """The writers a byline names: ``Von Anna Berger und Jan Roth, Berlin`` → both; a bare
    ``Anna Berger, Jan Roth`` too; capitals in normal case; no desks, roles or agencies."""
    found = german.parse_author_line(piece)
    labelled = w.LABELLED_BYLINE.fullmatch(piece) or w.VON_BYLINE.fullmatch(piece)
    if found:
        names = found[0]
    elif labelled:
        names = _NAME_SPLIT.split(labelled["names"])
    elif (bare := _NAMES_LINE.fullmatch(piece)) and not f.agencies_in(piece):
        names = _NAME_SPLIT.split(bare["names"])  # "Kerstin Lüdenscheidt, Westfunk-Studio …"
        return [_normal_case(n) for n in names if n and not _NOT_A_NAME.search(n)
                and not _outlet_word(n.split()[0])]  # fmt: skip
    else:
        return []
    if piece.lstrip().lower().startswith(("von", "ein")) and not _JOINED.search(piece):
        names = names[:1]  # "Von Jonas Keller, Nordfunk Hannover": a desk after the comma
    names = [w.ROLE_PREFIX.sub("", n, count=1) for n in names]  # "Meteorologe Sven Lorch"
    return [_normal_case(n) for n in names if n and not _NOT_A_NAME.search(n)]


def _outlet_word(word: str) -> bool:
    """``Elbfunk``, ``Westfalen-Post``: a compound ending in a press word names an outlet."""
    low = word.casefold().split("-")[-1]
    return any(low.endswith(press) and len(low) > len(press) + 2 for press in w.PRESS_WORDS) \
        or (word.casefold() != low and low in w.PRESS_WORDS)  # fmt: skip


def _normal_case(name: str) -> str:
    """``DENNIS KROLL`` → ``Dennis Kroll``; other names as written, whitespace collapsed; a
    closing full stop goes unless it ends an initial (``Sven M.``)."""
    words = name.split()
    if words and len(words[-1]) > 2 and words[-1].endswith("."):
        words[-1] = words[-1][:-1]
    return " ".join("-".join(p.capitalize() for p in word.split("-")) if word.isupper()
                    and len(word) > 1 else word for word in words)  # fmt: skip


def _author(pieces: dict[str, list[str]]) -> str | None:
    """Names of the first byline naming people, else of a closing ``Bericht von …`` credit."""
    for piece in pieces.get(BYLINE, []):
        if names := byline_names(piece):
            return ", ".join(names)
    for piece in pieces.get(CREDIT, []):
        names = [" ".join(n.split()) for m in w.WRITTEN_BY.finditer(piece)
                 for n in _NAME_SPLIT.split(m["names"])]  # fmt: skip
        names = [n.rstrip(".") for n in names if _NAMES_LINE.fullmatch(n.rstrip("."))]
        if names:
            return ", ".join(names)
    return None


def _published(text: str, ordered: list[Span], bylines: list[str]) -> str | None:
    """The first publication date; an update date only when nothing else is dated."""
    first, plain, updated = None, None, None
    for zone in (z for z in ordered if z.label == DATELINE):
        piece, opening = zone.text_in(text), text[zone.start : zone.end + 200]
        for sub in _PIECE_SPLIT.split(piece):
            date = f.date_piece(sub)
            if date and date.date.iso:
                if w.FIRST_PUBLISHED.match(sub.strip("-–— ")):
                    first = first or date.date.iso
                elif date.updated:
                    updated = updated or date.date.iso
                else:
                    plain = plain or date.date.iso
        if plain is None and not any(f.date_piece(s) for s in _PIECE_SPLIT.split(piece)):
            plain = _dateline_date(opening, text) or _any_date(piece)
    byline = next((d.iso for b in bylines if (d := german.find_date(b)) and d.iso), None)
    return first or plain or byline or _dpa_code(text) or updated


def _dateline_date(opening: str, text: str) -> str | None:
    found = german.parse_dateline(opening)
    if not found or not found.date:
        return None
    year = found.date.year or german.year_hint(found.date, text)
    return german.iso_date(year, found.date.month, found.date.day) if year else None


def _any_date(piece: str) -> str | None:
    """A full date in a short dateline piece: ``Berlin, 03.10.2024``."""
    found = german.find_date(piece) if len(piece) <= 80 else None
    return found.iso if found else None


def _dpa_code(text: str) -> str | None:
    """The date in a dpa story code: ``dpa:250312-930-401177/1`` → 2025-03-12."""
    match = w.DPA_CODE.search(text)
    if not match:
        return None
    return german.iso_date(2000 + int(match["y"]), int(match["m"]), int(match["d"]))


def derive_details(text: str, zones: Iterable[Span],
                   fields: dict[str, str | None]) -> dict[str, Any]:
    """The free metadata an import keeps beside the fields, read off the same zones
    (``fields``: what ``derive_meta`` gave them): ``date_text`` and ``time`` of the publication
    date line, ``updated`` and ``updated_text``, ``authors`` when the author is several people,
    the ``dateline`` place and its ``dateline_date_text``, the ``agency`` and, when written
    otherwise (``dpa/lno``), ``agency_text``."""
    ordered = sorted(zones)
    out: dict[str, Any] = {}
    for zone in (z for z in ordered if z.label == DATELINE):
        _add_date_details(out, zone.text_in(text), fields.get("published"))
        line_end = text.find("\n", zone.start)
        dateline = (None if f.date_piece(zone.text_in(text)) else
                    german.parse_dateline(text[zone.start : None if line_end < 0 else line_end]))
        if dateline and "dateline" not in out:
            out["dateline"] = dateline.place
            if dateline.date_text and dateline.date:
                out["dateline_date_text"] = dateline.date_text
    if (author := fields.get("author")) and len(names := author.split(", ")) > 1:
        out["authors"] = names
    if agency := fields.get("agency"):
        out["agency"] = agency
        written = _agency_as_written(text, ordered, agency)
        if written and written != agency:
            out["agency_text"] = written
    return out


def _add_date_details(out: dict[str, Any], piece_text: str, published: str | None) -> None:
    """The first date line that gives the publication date, the first update line, and a
    clock time standing beside the date."""
    for piece in _PIECE_SPLIT.split(piece_text):
        date = f.date_piece(piece)
        if date is None:
            if (time := german.parse_time(piece)) and "date_text" in out:
                out.setdefault("time", time)
            continue
        if date.updated:
            if "updated" not in out and date.date.iso:
                out["updated"], out["updated_text"] = date.date.iso, date.text
        elif "date_text" not in out and date.date.iso == published:
            out["date_text"] = date.text
            if date.time:
                out["time"] = date.time


def _agency_as_written(text: str, ordered: list[Span], agency: str) -> str | None:
    """The agency as the first zone naming it writes it: ``Berlin (dpa/lni) –`` → dpa/lni."""
    for label in (DATELINE, BYLINE, CREDIT):
        for zone in (z for z in ordered if z.label == label):
            piece = zone.text_in(text)
            dateline = german.parse_dateline(piece) if label == DATELINE else None
            byline = german.parse_author_line(piece) if label == BYLINE else None
            line = german.parse_agency_line(piece)
            written = ((dateline and dateline.agency_text) or (byline and byline[1])
                       or (line and line[1]) or german.credited_agency(piece))
            if written and german.agency_credit(written) == agency:
                return written
    return None
