"""German sentence bounds by rule: the editor's claim sentence and the matching index share them.

One pass from a line where a sentence surely starts gives the same bounds as one pass over the
whole text, so the sentence around a position is found from the last such line before it. Rules:

- a blank line always ends a sentence;
- ``.``, ``!`` or ``?`` (then closing quotes or brackets) ends a sentence when white space and a
  word that starts upper-case or with a digit (after opening quotes) follow;
- a weak stop, the ``.`` after a single letter (``z. B.``, ``S. 3``), an abbreviation (``Dr.``,
  ``bzw.``, ``Jan.``: pysbd's German list and more) or a number of at most three digits
  (``3. Liga``, ``am 24. Oktober``, ``am 3. 10.``), ends one only when the next word is one that
  opens sentences and never follows an ordinal (``Der``, ``Danach``, ``Es``: ``_STARTERS``);
  a number opening a line is a list marker and ends nothing;
- at a line break without such an end, the next line starts a new sentence when it is a list
  item (``- ``, ``• ``, ``* ``, ``1. ``), or when it starts upper-case, with a digit or a quote
  after a heading: a line that is a whole unit, ends in no punctuation, dash or word like
  ``und``, ``der``, ``in`` and was not wrapped (it is under 40 characters, or the next line's
  first word would still have fitted in the longer of the two lines). Other lines join.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _words(listed: str) -> frozenset[str]:
    return frozenset(listed.split())


# pysbd 0.3.4's German list (MIT, the last part of each dotted one; not "Ass", "Gen", "mag"),
# then months, weekdays and news abbreviations.
_ABBREVIATIONS = _words("""
    adj adm adv art asst bart bldg brig bros bse buchst bzgl bzw ca capt chr cmdr co col comdr
    con corp cpl dergl dgl dkr dr ens etc ev evtl ff gov hon hosp ii iii insp iv ix jun kath lfd
    lt ltd maj med messrs mio mlle mme mr mrd mrs ms msgr mwst no nos nr op ord pfc ph pp prof
    pvt rep reps res rev rt sa sen sens sfc sgt sog sogen spp sr st std str supt surg usf usw vgl
    vi vii viii vs xi xii xiii xiv xix xv xvi xvii xviii xx zt zzt univ ing doz projektass di
    jan feb mär apr jun jul aug sep sept okt nov dez mo mi do fr
    abs abt allg bd bde bsp bspw dipl dt ehem einschl engl exkl fa frz geb gebr gegr gem ggf ggü
    hl hr hrsg inkl jh jhd jr kap max min mind mill nachm od orig rd stellv tel tsd urspr verh
    vorm zit zzgl
""")
# Capitalised words that open sentences but never follow an ordinal or an abbreviation.
_STARTERS = _words("""
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Kein Keine Dies Diese Dieser Dieses
    Diesen Jeder Jede Jedes Alle Viele Einige Er Sie Es Wir Ihr Ich Du Man Und Aber Oder Doch
    Denn Dann Danach Davor Dabei Damit Dafür Dagegen Daher Darum Deshalb Deswegen Dort Da Hier
    Heute Gestern Jetzt Nun Noch Schon Nur So Sonst Trotzdem Zudem Außerdem Allerdings Bereits
    Später Zuvor Zuletzt Zunächst Zuerst Erst Seit Seitdem Als Wenn Wie Was Wer Wo Warum Weshalb
    Weil Ob Obwohl Während Nachdem Bevor Im Am Zum Zur Vom Beim In An Auf Aus Bei Mit Nach Von
    Vor Zu Für Über Unter Gegen Ohne Um Durch Trotz Wegen Laut Bis Insgesamt Immerhin Vielleicht
    Inzwischen Mittlerweile Gleichzeitig Schließlich Somit Also Dennoch Jedoch Sogar Ebenfalls
    Stattdessen Anschließend Bisher Bislang Damals Ist Sind War Waren Hat Haben Wird Werden Nicht
    Darin Darauf Daraus Darüber Darunter Dazu Davon Dadurch Daneben Dahinter Daraufhin Hinzu Zwar
    Ja Nein Beide Niemand Nichts Alles Andere Mehrere Solche Welche Deren Dessen Denen Selbst Ebenso
    Zugleich Hingegen Vorher Sobald Falls Demnach Folglich Übrigens Derzeit Aktuell Künftig Bald
    Wieder Weitere Erneut Kaum Etwa Rund Mein Sein Seine Ihre Unser Unsere Zwei Drei Vier Fünf
""")
# Lower-case words no heading ends with: a line ending in one was wrapped.
_FUNCTION_WORDS = _words("""
    der die das den dem des ein eine einen einem einer eines und oder aber sondern sowie in im am
    an auf aus bei beim mit nach von vom vor zu zum zur für über unter um durch gegen ohne bis
    seit als wie dass ob wenn weil
""")
_CLOSERS = "\"“”«»'’)]"
_OPENERS = "\"„“«»'‚‘(["
_CONTINUED = ",;:-–—/(&+"  # a line ending in one goes on in the next
_WRAP_WIDTH = 40  # shorter lines were not wrapped at a fixed width
_LOOK_BACK = 2000  # characters before a position searched for a sentence end in its line
_NOT_SPACE = re.compile(r"\S")
_STOP = re.compile(rf"([.!?]+)[{re.escape(_CLOSERS)}]*(?=\s)")
# The same, and where the next word starts (``_next``), when it starts before the search's end.
_STOP_NEXT = re.compile(rf"([.!?]+)[{re.escape(_CLOSERS)}]*(?=\s+(\S))")
_LIST_ITEM = re.compile(r"(?:[-–•*·]|\d{1,3}[.)])\s")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence of a text as (start, end) in code points, in order: trimmed, never
    overlapping, together covering every character that is not white space."""
    return list(_sentences(text, 0))


def sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The sentence of ``split_sentences`` holding ``pos``; in white space between two, the one
    before (else the one after); (pos, pos) in a text of white space only."""
    pos = at = min(max(pos, 0), len(text))
    while at > 0 and (at == len(text) or text[at].isspace()):
        at -= 1
    if at == len(text) or text[at].isspace():  # nothing before pos: the first sentence after
        found = _NOT_SPACE.search(text, pos)
        if found is None:
            return pos, pos
        at = found.start()
    return next(span for span in _sentences(text, *_restart(text, at)) if span[1] > at)


def _next(text: str, at: int) -> int:
    """Where the next non-space character from ``at`` is; the text's end when there is none."""
    m = _NOT_SPACE.search(text, at)
    return m.start() if m else len(text)


def _restart(text: str, at: int) -> tuple[int, int | None]:
    """Where a sentence starts before ``at`` whatever came before: (the start of its line, the
    start itself when it is inside the line). After a stop that ends a sentence within the last
    ``_LOOK_BACK`` characters of the line, else after a blank line or a line break that ends a
    sentence by the next line alone."""
    line = text.rfind("\n", 0, at) + 1
    floor = _next(text, line)
    for m in reversed(list(_STOP.finditer(text, max(floor, at - _LOOK_BACK), at))):
        nxt = _next(text, m.end())  # a run cut short ends as the whole one
        if _ends(text, m.start(), m.end(1), nxt, floor):
            return line, nxt
    while line > 0:
        before = text.rfind("\n", 0, line - 1) + 1
        prev, nxt = _strip(text, before, line - 1), _next(text, line)
        if prev is None or _line_ends(text, False, *prev, nxt, nxt):
            break
        line = before
    return line, None


def _sentences(text: str, pos: int, start: int | None = None) -> Iterator[tuple[int, int]]:
    """The sentences from ``pos``, the start of a line where a sentence starts (or, inside that
    line, at ``start``)."""
    prev = None  # the line before, when not blank; ``start``: of the sentence going on
    while pos <= len(text):
        newline = text.find("\n", pos)
        newline = len(text) if newline < 0 else newline
        line, pos = _strip(text, pos, newline), newline + 1
        if prev is not None and (line is None or _line_ends(text, start == prev[0], *prev,
                                                            *line)):
            assert start is not None  # set with the first line of the sentence
            yield start, prev[1]
            start = None
        if line is None:
            prev = None
            continue
        start = line[0] if start is None else start
        for m in _STOP_NEXT.finditer(text, max(start, line[0]), line[1]):
            nxt = m.start(2)  # a line ends in no white space: its next word is in it
            if _ends(text, m.start(), m.end(1), nxt, line[0]):
                yield start, m.end()
                start = nxt
        prev = line
    if prev is not None:
        assert start is not None
        yield start, prev[1]


def _strip(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The bounds of ``text[lo:hi]`` without the white space around it; None if nothing is left."""
    found = _NOT_SPACE.search(text, lo, hi)
    if found is None:
        return None
    end = hi
    while text[end - 1].isspace():
        end -= 1
    return found.start(), end


def _line_ends(text: str, whole: bool, start: int, end: int, nxt: int, next_end: int) -> bool:
    """Whether a sentence ends at the break after the line ``text[start:end]`` (``whole``: the
    line is one unit) before the line ``text[nxt:next_end]``."""
    if _LIST_ITEM.match(text, nxt):
        return True
    stop = end
    while stop > start and text[stop - 1] in _CLOSERS:
        stop -= 1
    run = stop
    while run > start and text[run - 1] in ".!?":
        run -= 1
    if run < stop:
        return _ends(text, run, stop, nxt, start)
    first = text[nxt]
    if not whole or stop == start or not (first.isupper() or first.isdecimal()
                                          or first in _OPENERS):
        return False
    length = end - start
    wrapped = (length >= _WRAP_WIDTH
               and length + 1 + len(_word(text, nxt)) > max(length, next_end - nxt))
    last_word = text[start:stop].rsplit(None, 1)[-1]
    return not (wrapped or text[stop - 1] in _CONTINUED or last_word in _FUNCTION_WORDS)


def _ends(text: str, stop: int, stop_end: int, nxt: int, floor: int) -> bool:
    """Whether the punctuation ``text[stop:stop_end]`` ends a sentence before the word at
    ``nxt``; ``floor``: the start of its line."""
    at = nxt
    while at < len(text) and text[at] in _OPENERS:
        at += 1
    if at == len(text) or not (text[at].isupper() or text[at].isdecimal()):
        return False
    if stop_end - stop > 1 or text[stop] != ".":
        return True
    word_start = stop
    while word_start > floor and text[word_start - 1].isalnum():
        word_start -= 1
    word = text[word_start:stop]
    number = (word.isdecimal() and len(word) <= 3
              and (word_start == 0 or text[word_start - 1] not in ":,"))  # not "2:1.", "3,5."
    if number and word_start == floor:
        return False  # "1. Der Vertrag": a list marker
    lower = word.lower()
    weak = (number or (len(word) == 1 and word.isalpha()) or lower in _ABBREVIATIONS
            or lower.endswith("str"))  # "Hauptstr."
    return not weak or _word(text, nxt) in _STARTERS


def _word(text: str, at: int) -> str:
    """The word (letters and digits) at ``at``, after opening quotes."""
    while at < len(text) and text[at] in _OPENERS:
        at += 1
    end = at
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[at:end]
