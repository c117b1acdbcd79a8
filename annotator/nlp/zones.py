"""Suggest an article's zones (headline, lead, dateline, captions, page furniture …) by rule.

The text is never changed: zones are spans over it, offsets in code points, never starting or
ending on whitespace. Text outside every zone is body (tests/data/news/GUIDELINES.md says what
each label covers). ``suggest_zones`` reads the text line by line (any line break counts):

1. each line on its own (``zone_lines.line_zones``): navigation, box headings, notes, bylines,
   dates, agency lines and signatures, credits, ``Von … | 22.10.2024`` header lines, a caption
   ending in a credit, live-blog time stamps, a ``Berlin (dpa) –`` opening, a closing ``(dpa)``;
2. blocks (``zone_page``): the items of a teaser or summary box, the lines under a source, tag
   or broadcast heading, readers' comments; then lines repeating an earlier one, and the
   caption above (or below) a photo credit;
3. the header: the headline is the first heading-like line of three words or more before the
   body that is no masthead, one with a small word (a verb, article …) first; a kicker stands
   directly above it (or a short line directly above a headline-like line); short lines above
   them are the brand and its menus (NAV);
4. the lead: the first paragraph after the headline, past bylines, dates, credits, captions
   and notes, when it is a paragraph of 40 to 450 characters, body follows and it stands apart
   (no byline or date between it and the headline, furniture or a dateline after it, or at
   most 200 characters); none when a dateline opens it; a ``Hannover.`` opening there (or in
   the next paragraph) is a dateline;
5. bylines made of bare names beside a date, an author's bio line, a short line in the body
   printed again later (a caption), subheads between body paragraphs (no question lines in an
   interview), and © footers of the outlet itself (NAV).

No headline means no lead: a text without structure gets no zones.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from annotator.core import german
from annotator.core.model import Span
from annotator.nlp import zone_forms as f
from annotator.nlp import zone_page as p
from annotator.nlp import zone_words as w
from annotator.nlp.zone_lines import line_zones, place_end
from annotator.nlp.zone_meta import byline_names, derive_meta
from annotator.nlp.zone_page import Line, is_body, is_free
from annotator.nlp.zone_words import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    DUPLICATE,
    HEADLINE,
    LEAD,
    NAV,
    NOTE,
    SUBHEAD,
    SUMMARY,
    ZONE_LABELS,
)  # fmt: skip

__all__ = ["ZONE_LABELS", "derive_meta", "suggest_zones"]

_HEADLINE_MAX, _KICKER_WORDS, _SUBHEAD_MAX = 180, 5, 100
_LEAD_CHARS, _LEAD_SHORT, _LEAD_MAX, _BRAND_WORDS, _INTERVIEW_LINES = 40, 200, 450, 8, 3
_EXCLAIM_WORDS, _WRAPPED_LINES, _BOX_HEADING, _BOX_LINES = 8, 4, 50, 12
_FINAL = re.compile(r"[.:;,!?…]['\"“”»«’)]*$")
_SENTENCE = re.compile(r"[^\W\d_]{2}[.!?…]['\"“”»«’)]*$")  # not "(55.)" of a match report
_NOT_A_HEADLINE_END = re.compile(r"[.:;,]['\"“”»«’)]*$")
_HEADER = frozenset((NAV, DATELINE, BYLINE, CREDIT, CAPTION, DUPLICATE, NOTE))
_SMALL_WORD = re.compile(r"\s[„\"»«‚(]?[a-zäöüß]")  # a verb, article or preposition
_NAMES_LINE = re.compile(rf"{w.NAMES}(?:,\s*{w.PLACE.pattern})?")
_NAME_DESK = re.compile(rf"{w.NAME},\s*(?P<desk>[A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+){{0,3}})")


def suggest_zones(text: str) -> list[Span]:
    """Zones suggested for an article's text by the rules above, in text order."""
    lines = p.lines_of(text)
    for line in lines:
        line.parts = line_zones(line.text)
    p.boxes(lines)
    p.comments(lines)
    p.duplicates(lines)
    p.captions(lines, _undecided(lines))
    head = _headline(lines)
    if head is not None:
        _name_bylines(lines, head)
    _bios(lines)  # before the lead: "Anna Berger ist Professorin …" below her byline
    if head is not None:
        _lead(lines, head)
    p.repeated_captions(lines)
    _subheads(lines)
    _footers(lines)
    return p.spans(text, lines)


def _header_end(lines: list[Line]) -> int:
    """The first body paragraph that no headline could be."""
    return next((i for i, line in enumerate(lines)
                 if is_body(line) and not _headline_like(line.text)), len(lines))  # fmt: skip


def _candidates(lines: list[Line]) -> list[int]:
    """Free lines before the body that could be the headline: no mastheads, no menus; a
    headline in capitals only when nothing else is one."""
    found = [i for i in range(_header_end(lines)) if is_free(lines[i])
             and _headline_like(lines[i].text[f.glued_nav_end(lines[i].text) :])]  # fmt: skip
    plain = [i for i in found if not f.is_brand_like(lines[i].text)]
    worded = [i for i in plain if _SMALL_WORD.search(lines[i].text)]  # not "Home Politik Sachsen"
    shouted = [i for i in found if i and lines[i].text.isupper() and lines[i].words >= 3]
    return worded or plain or shouted


def _undecided(lines: list[Line]) -> frozenset[int]:
    """Lines the headline pass may still take: a caption above a credit must prove itself."""
    found = _candidates(lines)[:1]
    return frozenset(found + [i + 1 for i in found])


def _headline(lines: list[Line]) -> int | None:
    """Mark the headline, a kicker above it and the masthead lines above both; its index."""
    found = _candidates(lines)
    if not found:
        return None
    index = next((i for i in found if _word_count(lines[i].text) >= 3), found[0])
    after = lines[index + 1] if index + 1 < len(lines) else None
    kicker = None
    if _kicker_like(lines[index].text) and after and not after.gap and is_free(after) \
            and _headline_like(after.text) and _has_body_after(lines, index + 1):  # fmt: skip
        kicker, index = index, index + 1
    elif index and not lines[index].gap and _is_kicker(lines[index - 1]):
        kicker = index - 1
    if not _has_body_after(lines, index):
        return None
    line = lines[index]
    glued = f.glued_nav_end(line.text) or _glued_word(lines, line.text)
    line.parts = [(0, glued, NAV), (glued, len(line.text), HEADLINE)] if glued else []
    if not glued:
        line.set(HEADLINE)
    top = index if kicker is None else kicker
    if kicker is not None:
        lines[kicker].set(HEADLINE)
    for i, above in enumerate(lines[:top]):
        if is_free(above) and above.words <= _BRAND_WORDS and not p.PERIOD_END.search(above.text) \
                and not _name_beside_date(lines, i):  # fmt: skip
            above.set(NAV)
    return index


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(c.isalpha() for c in word))


def _is_kicker(line: Line) -> bool:
    text = line.text
    shouted = text.isupper() and len(text.split()) >= 3 and not f.is_brand_like(text.title())
    return is_free(line) and _kicker_like(text) and (shouted or not f.is_brand_like(text)) \
        and not f.is_section_line(text) and f.starts_like_heading(text)  # fmt: skip


def _glued_word(lines: list[Line], text: str) -> int:
    """``HeidelbergGemeinderat …``: a word glued to the headline that the page also prints on
    its own, while the glued pair is printed nowhere else."""
    match = w.CAMEL.match(text)
    if match is None:
        return 0
    first, pair = match["first"], text.split()[0]
    pattern = re.compile(rf"(?<![\w-]){re.escape(first)}(?![\w-])")
    others = [line.text for line in lines if line.text != text]
    seen_alone = any(pattern.search(other) for other in others)
    return match.end() if seen_alone and not any(pair in other for other in others) else 0


def _headline_like(text: str) -> bool:
    """Short, starts like a heading, no final period, colon or comma."""
    quoted = text[:1] in "„\"»«‚" and text[-1:] in "“\"«»‘’"  # „Wir schaffen das.“
    return (
        0 < len(text) <= _HEADLINE_MAX
        and len(text.split()) <= 20
        and f.starts_like_heading(text)
        and not _NOT_A_HEADLINE_END.search(text[:-1].rstrip(".") if quoted else text)
        and any(c.isalpha() for c in text)
    )


def _kicker_like(text: str) -> bool:
    """A Dachzeile: a few words above the headline, or words ending in a colon."""
    words = len(text.split())
    return (words <= _KICKER_WORDS and len(text) <= 50) or (text.endswith(":") and words <= 8)


def _has_body_after(lines: list[Line], index: int) -> bool:
    return any(is_free(line) or is_body(line) for line in lines[index + 1 :])


def _lead(lines: list[Line], head: int) -> None:
    """The first paragraph after the headline is the LEAD, unless a dateline opens it."""
    index = _next_paragraph(lines, head)
    if index is None:  # "Hannover. …" below a summary box still opens with a dateline
        if (later := _next_paragraph(lines, head, past=_HEADER | {SUMMARY})) is not None:
            _place_dot_dateline(lines, later)
        return
    if _place_dot_dateline(lines, index):
        return
    line, wrapped = lines[index], _wrapped(lines, index)
    size = len(line.text) + sum(len(x.text) + 1 for x in wrapped)
    if _LEAD_CHARS <= size <= _LEAD_MAX and line.words >= 5 and not w.BULLET.match(line.text) \
            and _has_body_after(lines, index + len(wrapped)) \
            and _set_apart(lines, head, index):  # fmt: skip
        for part in (line, *wrapped):
            part.set(LEAD)
            part.box = index if wrapped else -1  # one zone over the wrapped lines
        following = _next_paragraph(lines, index + len(wrapped))
        if following is not None:
            _place_dot_dateline(lines, following)


def _wrapped(lines: list[Line], index: int) -> list[Line]:
    """Lines that continue a short paragraph without a blank line (print copy), when blank
    lines part the page's paragraphs and the whole stays a lead's length."""
    out, size = [], len(lines[index].text)
    for line in lines[index + 1 :]:
        if line.gap or not is_free(line):
            break
        out.append(line)
        size += len(line.text)
    ends = index + len(out) + 1
    closed = ends < len(lines) and lines[ends].gap
    return out if closed and size <= _LEAD_MAX and len(out) <= _WRAPPED_LINES else []


def _set_apart(lines: list[Line], head: int, index: int) -> bool:
    """A standfirst stands apart from the body: right below the headline (no byline or date
    between), or furniture or a dateline comes after it, or it is short."""
    if not any(_labels(x) & {BYLINE, DATELINE} for x in lines[head + 1 : index]):
        return True
    after = lines[index + 1] if index + 1 < len(lines) else None
    if after is not None and after.parts and (not is_body(after) or after.parts[0][:1] == (0,)):
        return True  # a byline, a caption, a teaser; "Berlin (dpa) – …"
    if after is not None and place_end(after.text, w.PLACE_DOT):
        return True
    return len(lines[index].text) <= _LEAD_SHORT


def _next_paragraph(lines: list[Line], index: int, past: frozenset[str] = _HEADER) -> int | None:
    """The next unzoned line past bylines, dates and captions; None once the body has begun."""
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if is_free(line):
            return following
        if is_body(line) or not {label for *_, label in line.parts} <= past:
            return None  # "Berlin (dpa) – …", a summary box, a teaser: the body has begun
    return None


def _place_dot_dateline(lines: list[Line], index: int) -> bool:
    """``Hannover. Die Stadt …`` opening the first paragraphs (wrapped in print copy too): a
    dateline."""
    line = lines[index]
    paragraph = itertools.takewhile(lambda x: not x.gap, lines[index + 1 :])
    end = place_end(" ".join([line.text, *(x.text for x in paragraph)]), w.PLACE_DOT)
    if end:
        line.parts = [(0, min(end, len(line.text)), DATELINE)]
    return bool(end)


def _name_bylines(lines: list[Line], head: int) -> None:
    """Names beside a date line in the header: a byline; after it, names over a role
    (``Redakteur Mannheim``) or beside the outlet's name (``Kai Rosenthal, Elbfunk``)."""
    brands = _brands(lines)
    for index, line in enumerate(lines):
        if not is_free(line):
            continue
        header = index < head + 8 and _name_beside_date(lines, index)
        if header or (index > head and (_role_below(lines, index)
                                        or _names_of_outlet(line.text, brands))):  # fmt: skip
            line.set(BYLINE)


def _role_below(lines: list[Line], index: int) -> bool:
    after = lines[index + 1] if index + 1 < len(lines) else None
    return bool(lines[index].words <= 6 and _NAMES_LINE.fullmatch(lines[index].text) and after
                and not after.gap and is_free(after) and w.ROLE.fullmatch(after.text))  # fmt: skip


def _names_of_outlet(text: str, brands: set[str]) -> bool:
    match = _NAME_DESK.fullmatch(text) if len(text) <= 100 else None
    return match is not None and match["desk"].split()[0].casefold() in brands


def _brands(lines: list[Line]) -> set[str]:
    """The outlet names of the masthead lines (past a cookie banner)."""
    top = itertools.takewhile(lambda line: line.label == NAV, lines)
    return {(f.brand_of(line.text) or line.text).casefold() for line in top}


def _name_beside_date(lines: list[Line], index: int) -> bool:
    """Bare names with a date or byline line right above or below, or a role below."""
    line = lines[index]
    if line.words > 12 or not _NAMES_LINE.fullmatch(line.text) or f.is_brand_like(line.text):
        return False
    before = lines[index - 1] if index and not line.gap else None
    after = lines[index + 1] if index + 1 < len(lines) and not lines[index + 1].gap else None
    role = after is not None and is_free(after) and w.ROLE.fullmatch(after.text)
    return bool(role) or any(x and _labels(x) & {DATELINE, BYLINE} for x in (before, after))


def _labels(line: Line) -> set[str]:
    return {label for *_, label in line.parts}


def _bios(lines: list[Line]) -> None:
    """``Ulrike Thamm ist Korrespondentin …``: a line about a writer the byline names, or about
    ``Die Autorin``, or a named journalist after the body; a role right below a byline
    (``Korrespondentin in Warschau``)."""
    names = {name for line in lines for a, b, label in line.parts if label == BYLINE
             for name in byline_names(line.text[a:b])}  # fmt: skip
    bios = {i: m for i, line in enumerate(lines) if is_free(line) and len(line.text) <= 300
            and w.BIO_VERBS.search(line.text) and (m := w.BIO.fullmatch(line.text))}  # fmt: skip
    last_body = max((i for i, line in enumerate(lines) if i not in bios and is_body(line)),
                    default=-1) if bios else -1  # fmt: skip
    for index, line in enumerate(lines):
        if not is_free(line) or len(line.text) > 300:
            continue
        role = index and not line.gap and BYLINE in _labels(lines[index - 1]) \
            and w.ROLE.fullmatch(line.text)  # fmt: skip
        bio = bios.get(index)
        if bio and bio["name"] and bio["name"] not in names:  # a journalist after the body
            bio = None if index < last_body or not w.ROLE.search(line.text) else bio
        if role or bio or any(line.text.startswith(name) and w.BIO_VERBS.match(line.text, len(name))
                              for name in names):  # fmt: skip
            line.set(BYLINE)


def _subheads(lines: list[Line]) -> None:
    """A short line without final punctuation between body paragraphs is a SUBHEAD; so is one
    over an info box of list lines (``Die Statistik`` / ``Tore: …``)."""
    interview, gaps = _interview(lines), any(line.gap for line in lines)
    body_seen = False
    for index, line in enumerate(lines):
        if is_body(line) or line.label == LEAD:
            body_seen = True
            continue
        section = line.label == NAV and f.is_section_line(line.text) and line.words == 1
        if not (is_free(line) or section):
            continue
        above = lines[index - 1] if index else None
        if gaps and above and not line.gap and (is_free(above) or is_body(above)):
            continue  # a line of a paragraph wrapped in print copy
        stamped = above and above.label == DATELINE and not line.gap \
            and german.parse_time(above.text)  # a live-blog entry's time stamp
        after = lines[index + 1] if index + 1 < len(lines) else None
        if (body_seen or stamped) and after is not None \
                and _subhead_like(line.text, questions=not interview) \
                and (is_body(after) or _list_below(lines, index)):  # fmt: skip
            line.set(SUBHEAD)


def _list_below(lines: list[Line], index: int) -> bool:
    """A short heading after a body paragraph over two or more list lines: no sentences."""
    line = lines[index]
    above = lines[index - 1]
    if not line.gap or len(line.text) > _BOX_HEADING or not (is_body(above) or above.label == LEAD):
        return False
    block = lines[index + 1 : index + 2]
    block += itertools.takewhile(lambda x: not x.gap, lines[index + 2 : index + _BOX_LINES])
    return len(block) >= 2 and all(is_free(x) and not _SENTENCE.search(x.text) for x in block)


def _interview(lines: list[Line]) -> bool:
    """Question lines, one of them long or addressing someone, or lines opened by the same
    speaker (``Spreebote: …``): an interview; a guide's short question subheads are none."""
    asked = [line.text for line in lines if is_free(line) and line.text.endswith("?")]
    questions = len(asked) if any("," in q or len(q.split()) > 12 for q in asked) else 0
    speakers = Counter(m["speaker"] for line in lines if is_free(line)
                       and (m := w.INTERVIEW_SPEAKER.match(line.text)))  # fmt: skip
    return questions >= _INTERVIEW_LINES or any(n >= _INTERVIEW_LINES for n in speakers.values())


def _subhead_like(text: str, *, questions: bool) -> bool:
    words = len(text.split())
    if len(text) > _SUBHEAD_MAX or words > 12 or not f.starts_like_heading(text):
        return False
    bullet = w.BULLET.match(text)  # "1. Die Preise" heads a listicle's part, "• …" is an item
    if (bullet and not text[0].isdigit()) or not any(c.isalpha() for c in text):
        return False
    final = _FINAL.search(text)  # "Frau Sommer, wie …?" asks, not heads
    if final is None:
        return True
    mark = final.group()[0]  # a question or an exclamation, outside interviews
    return questions and "," not in text and (
        (mark == "?" and words <= 10) or (mark == "!" and 2 <= words <= _EXCLAIM_WORDS)
    )


def _footers(lines: list[Line]) -> None:
    """A © line of the outlet itself (its brand, or a company) is NAV, not a credit."""
    brands = _brands(lines)
    for line in lines:
        if line.label != CREDIT or f.agencies_in(line.text) or w.PHOTO_SOURCE.search(line.text):
            continue
        name = (f.copyright_name(line.text) or "").casefold()
        if name and (w.LEGAL.search(line.text) or name in brands):
            line.set(NAV)
