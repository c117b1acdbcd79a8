"""What one line or piece of a news page is by its own form: a menu, a date, a byline, a credit.

Every function reads one trimmed piece of text and asks the patterns of ``zone_words``.
"""

from __future__ import annotations

import re

from annotator.core import german
from annotator.nlp import zone_words as w
from annotator.nlp.zone_words import BYLINE, CREDIT, DATELINE, NAV, NOTE, SUMMARY, TEASER


def key(text: str) -> str:
    """A line as a list key: lower case, single spaces, no closing colon or dots."""
    return " ".join(text.split()).casefold().rstrip(":.… ")


def is_section_line(text: str) -> bool:
    """Only section names: ``Politik``, ``Nachrichten Politik Ausland``, ``PolitikAusland``."""
    if len(text) > 80 or (w.BULLET.match(text) and not text.startswith("++")):
        return False  # "- Geld" is a list's item, "+++ Eilmeldung +++" a section
    first = next((t for t in w.SECTION_SPLIT.split(text[:40]) if any(c.isalpha() for c in t)), "")
    if not _section_token(first):
        return False  # most lines fail on their first word
    if any(c in ".:" for token in w.SECTION_SPLIT.split(text) if w.DIGIT.search(token)
           for c in token):  # fmt: skip
        return False  # "Politik | 12.03.2025" is a section beside a date
    tokens = [t for t in w.SECTION_SPLIT.split(text) if any(c.isalpha() for c in t)]
    return 0 < len(tokens) <= 8 and all(_section_token(t) for t in tokens)


def _section_token(token: str) -> bool:
    """``Politik``; glued ``PolitikAusland`` only of words that are no ordinary word starts."""
    if token.casefold().strip(":.") in w.SECTIONS:
        return True
    parts = w.CAMEL_SPLIT.split(token.strip(":."))
    return len(parts) > 1 and all(part.casefold() in w.GLUED for part in parts)


def is_nav(text: str) -> bool:
    """Menus, buttons, share bars, plugs, mastheads, breadcrumbs and links."""
    if len(text) > 300:
        return False
    k = key(text)
    if k in w.NAV_PHRASES or k in w.OUTLETS or is_section_line(text):
        return True
    if w.NAV_PATTERNS.fullmatch(text):
        return True
    if len(text) <= 150 and w.GLUED_NAV.fullmatch(k) and not w.TEASER_HEADING.fullmatch(text):
        return True
    low = text.lower()
    if any(pattern.fullmatch(text) for hints, pattern in w.HINTED_NAV
           if any(hint in low for hint in hints)):  # fmt: skip
        return True
    if len(text) <= 250 and any(word in low for word in w.PLUG_FIRST) and any(
        len(text) <= longest and first.search(low) and second.search(low)
        for first, second, longest in w.PLUGS
    ):
        return True
    return _is_breadcrumb(text) or _is_glued_menu(text) or _is_section_trail(text)


def _is_section_trail(text: str) -> bool:
    """``Startseite Politik Sachsen Panorama``: a breadcrumb without separators, opened by a
    section, with places and topics among its words."""
    tokens = text.split() if len(text) <= 80 and not w.DIGIT.search(text) else []
    known = [key(token) in w.SECTIONS for token in tokens]
    return 2 <= len(tokens) <= 7 and known[0] and sum(known) >= 2 \
        and all(token[0].isupper() for token in tokens)  # fmt: skip


def _is_glued_menu(text: str) -> bool:
    """``NachrichtenNRWRuhrgebietSportWetter``: menu words glued together, places among them."""
    parts = w.CAMEL_SPLIT.split(text) if " " not in text and len(text) <= 120 else []
    known = sum(1 for part in parts if key(part) in w.SECTIONS or key(part) in w.NAV_PHRASES)
    return len(parts) >= 4 and known >= 3


def _is_breadcrumb(text: str) -> bool:
    """``Politik > Ausland > Europa``: short parts, one of them a section or a ``>`` separator."""
    if len(text) > 120:
        return False
    parts = w.BREADCRUMB_SPLIT.split(text)
    if len(parts) < 2 or not all(0 < len(p) <= 40 and len(p.split()) <= 4 for p in parts):
        return False
    if any(p[-1] in ".!?,;:" for p in parts) or any(is_date_line(p) for p in parts):
        return False
    return bool(re.search(r"[>›»→]", text)) or any(key(p) in w.SECTIONS for p in parts)


def glued_nav_end(text: str) -> int:
    """Length of section words glued to a capitalised word: ``NachrichtenRussland`` → 11."""
    match = w.GLUED_RE.match(text)
    return match.end() if match and match.end() < len(text) else 0


def is_note(text: str) -> bool:
    """Editorial notes: updates, corrections, series, ``Hinweis der Redaktion``."""
    return len(text) <= 600 and bool(w.NOTE_START.match(text))


def is_contribution(text: str) -> bool:
    """``Jan Roth lieferte zusätzliche Berichterstattung``, ``Aus dem Englischen von …``."""
    if len(text) > 400:
        return False
    if w.CONTRIBUTION.fullmatch(text):
        return True
    low = text.lower()
    return len(text) <= 300 and any(hint in low for hint in w.CONTRIBUTED_HINTS) and bool(
        w.CONTRIBUTED.search(text)
    )


def is_agency_line(text: str) -> bool:
    """``(AFP)``, ``dpa/AFP``, ``afp/rtr``, ``Quelle: Reuters``, ``Mit Material von dpa``."""
    match = w.AGENCY_LINE.fullmatch(text) if len(text) <= 120 else None
    return match is not None and bool(match.group("open")) == bool(match.group("close"))


def date_piece(text: str) -> german.DatePiece | None:
    """A line that is a calendar date: ``Stand: 22.10.2024, 14:05 Uhr``, ``Mi 23.10.24``."""
    text = text.strip("-–— ")  # FAZ: "-Aktualisiert am 30.09.2024-16:22"
    text = text[lead.end() :] if (lead := w.DATE_LEAD.match(text)) else text  # "Artikel vom …"
    first = w.FIRST_PUBLISHED.match(text)
    return german.parse_date_line(text[first.end() :] if first else text)


def is_date_line(text: str) -> bool:
    """A calendar date, a clock time, ``vor 2 Stunden`` or an issue (``Ausgabe 3/2024``)."""
    if len(text) > 120:
        return False
    text = text.strip("+ ") if text.startswith("+++") else text  # "+++ 14:32 Uhr +++"
    if not w.DIGIT.search(text):
        return bool(w.RELATIVE_DATE.fullmatch(text))
    return bool(date_piece(text) or w.RELATIVE_DATE.fullmatch(text) or german.parse_time(text)
                or w.ISSUE.fullmatch(text) or w.MINUTE_LINE.fullmatch(text))  # fmt: skip


def is_byline(text: str) -> bool:
    """``Von Anna Berger``, ``Ein Kommentar von …``, ``Autor: …``, ``Von … und …, Berlin``."""
    first = text[:12].split(maxsplit=1)[0].rstrip(":").lower() if text.strip() else ""
    if first not in w.BYLINE_STARTS or len(text) > 200:
        return False
    return german.parse_author_line(text) is not None or any(
        pattern.fullmatch(text) for pattern in (w.AGENCY_BYLINE, w.LABELLED_BYLINE, w.VON_BYLINE)
    )


def is_credit(text: str) -> bool:
    """``Foto: picture alliance / dpa``, ``© …``, ``(Symbolbild)``, ``| dpa``, ``REUTERS/Name``."""
    if len(text) > 160:
        return False
    short = len(text) <= 100
    return bool(w.CREDIT_LINE.fullmatch(text) or (short and w.PHOTO_CREDIT.fullmatch(text)))


def is_photo_credit(text: str) -> bool:
    """A credit under a picture, not a ``Quelle:`` or ``©`` line naming a text's source."""
    if w.SOURCE_CREDIT.match(text):  # "© Julian Stratenschulte/dpa" is a photographer's
        return bool(w.PHOTO_SOURCE.search(text))
    return is_credit(text)


def header_label(text: str) -> str | None:
    """The label of a header piece (date, agency, byline, credit), else None."""
    if is_date_line(text):
        return DATELINE
    if is_agency_line(text) or w.SIGNATURE.fullmatch(text) or is_contribution(text):
        return CREDIT
    if is_byline(text) or w.AUTHOR_BOX.fullmatch(text):
        return BYLINE
    return CREDIT if is_credit(text) else None


def heading_kind(text: str) -> tuple[str, bool] | None:
    """(TEASER or SUMMARY, whether items follow) for a box heading, else None."""
    if len(text) > 200:
        return None
    for label, pattern in ((TEASER, w.TEASER_HEADING), (SUMMARY, w.SUMMARY_HEADING)):
        match = pattern.fullmatch(text)
        if match:
            rest = match.group("rest") if match.group("rest") is not None else "item"
            return label, not rest.strip(" :►▶→»›")
    return None


def block_kind(text: str) -> str | None:
    """The label of a heading whose lines up to a blank line are one zone: ``Quellen:``."""
    if len(text) > 60:
        return None
    bare = text.rstrip(": ")
    return next((label for label, pattern in w.BLOCK_HEADINGS if pattern.fullmatch(bare)), None)


def url_in(text: str) -> str | None:
    """The URL of a line that is only a link, or ``Quelle:``/``URL:`` and a link."""
    match = w.URL.fullmatch(text.strip()) if len(text) <= 2000 else None
    return match.group("url").rstrip(".,;)") if match else None


def agencies_in(text: str) -> str | None:
    """Canonical agencies named in a zone: ``Berlin (dpa/lni) –`` → ``dpa``."""
    for match in re.finditer(w.AGENCY_EXPR, text[:300], re.I):
        if len(match.group()) <= 2 and not match.group().isupper():
            continue  # "ap", "aa" inside text are not the agencies
        credit = german.agency_credit(re.sub(r"\s*(?:\bund\b|&)\s*", "/", match.group()))
        if credit:
            return credit
    return None


def starts_like_heading(text: str) -> bool:
    """A capital, a digit or an opening quote: how headlines and subheads begin."""
    first = text.lstrip("+ ")[:1] if text.startswith("+++") else text[:1]  # "+++ Eilmeldung"
    return bool(first) and (first.isupper() or first.isdigit() or bool(re.match(w.OPEN, first)))


def outlet_suffix(text: str) -> tuple[str, str | None]:
    """``Gipfel in Brüssel | tagesschau.de`` → (``Gipfel in Brüssel``, ``tagesschau.de``)."""
    match = w.TITLE_SUFFIX.search(text, max(len(text) - 45, 0))
    known = match and (key(match["outlet"]) in w.OUTLETS or (  # "… | Hansepost"
        match.group().lstrip()[0] == "|" and is_brand_like(match["outlet"].strip())))
    return (text[: match.start()], match["outlet"].strip()) if match and known else (text, None)


def brand_of(text: str) -> str | None:
    """The outlet a masthead line names: ``Emsland-Echo | Lingen`` → ``Emsland-Echo``,
    ``elbwelle NACHRICHTEN`` → ``elbwelle``; None for a line of sections or buttons."""
    bare = w.BRAND_TAIL.sub("", text.strip(), count=1) if len(text) <= 120 else text.strip()
    first = w.BREADCRUMB_SPLIT.split(bare, maxsplit=1)[0]
    glued = [p for p in w.CAMEL_SPLIT.split(first) if key(p) not in w.NAV_PHRASES | w.SECTIONS]
    if " " not in first and len(glued) == 1:
        first = glued[0]  # "MenüMorgenkurierSucheAbo"
    if key(first) in w.NAV_PHRASES or is_section_line(first) or _is_section_trail(first):
        return None  # "Startseite Politik Sachsen": a trail of sections, no outlet's name
    words = [t for t in first.split() if any(c.isalpha() for c in t)]
    while words and key(words[-1]) in w.SECTIONS:
        words.pop()
    name = " ".join(words)
    if not name or len(words) > 4 or key(name) in w.NAV_PHRASES:
        return None
    agency = german.AGENCIES.get(re.split(r"[-\s]", name, maxsplit=1)[0].lower())
    return agency or name


def is_brand_like(text: str) -> bool:
    """A masthead by its form: a known outlet, a press word at the end, capitals, an address."""
    tail = w.BRAND_TAIL.search(text) if len(text) <= 120 else None
    name = text[: tail.start()].split() if tail and tail.end() == len(text) else []
    if 0 < len(name) <= 4 and all(word[:1].isupper() for word in name):
        return True  # "Das Abteil – Magazin für Reisen und Gesellschaft"
    words = text.split()
    if w.DOMAIN.fullmatch(text) or key(text) in w.OUTLETS:
        return True
    if not words or len(words) > 4 or any(c in text for c in ".!?:,"):
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = len(letters) > 2 and all(c.isupper() for c in letters)
    press = words[-1].casefold().split("-")[-1].endswith(w.PRESS_WORDS)
    return capitals or press or bool(w.NUMBERED_BRAND.fullmatch(text))


def copyright_name(text: str) -> str | None:
    """The name a © footer gives: ``© 2024 Das Quartal – Magazin für …`` → ``Das Quartal``."""
    head = w.COPYRIGHT.match(text)
    if not head or not head.group().strip():
        return None
    name = w.OUTLET_TAIL.sub("", text[head.end() :]).strip(" .")
    return name if name and any(c.isalpha() for c in name) and len(name) <= 50 else None


def label_of_line(text: str) -> str | None:
    """The label a whole line has by its own form, else None."""
    if is_nav(text):
        return NAV
    if is_note(text):
        return NOTE
    heading = heading_kind(text)
    if heading:
        return heading[0]
    return header_label(text)
