"""Tokens and noun phrases around one claim, for the attribution rules: who a phrase names.

``Phrases`` holds the tokens, quotations and entity spans near a claim and finds a speaker's
noun phrase: after a preposition, before "zufolge", in a clause's Vorfeld, behind a pronoun,
in "aus Regierungskreisen".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from annotator.core.german import parse_dateline
from annotator.core.model import Span
from annotator.core.spans import sentence_around
from annotator.nlp.attribution_words import (
    ABBREVIATION,
    ADVERBS,
    CIRCLES,
    DETS,
    DOC_NOUNS,
    GEN_DETS,
    KONJ,
    MONTHS,
    NEWS_NOUNS,
    NO_HEAD,
    NOM_DETS,
    NOT_ADJ,
    OBLIQUE,
    OPEN_CLOSE,
    ORDINAL,
    PREPS,
    PRONOUNS,
    QUOTE_CHARS,
    SKIP_PHRASE,
    TITLES,
    TOKEN,
)
from annotator.nlp.sources import ROLE_SUFFIXES

Found = tuple[tuple[int, int], str] | None  # speaker span and how it was found

class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    cap: bool


def _quote_regions(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Quoted stretches (marks included) in text[lo:hi]; a blank line ends an unclosed quote."""
    out: list[tuple[int, int]] = []
    opened, closers = -1, ""
    for k in range(lo, hi):
        ch = text[k]
        if opened >= 0 and ch in closers:
            out.append((opened, k + 1))
            opened = -1
        elif opened >= 0 and ch == "\n" and text.startswith("\n", k + 1):
            opened = -1
        elif opened < 0 and ch in OPEN_CLOSE:
            opened, closers = k, OPEN_CLOSE[ch]
    return out


def _is_adj(t: _Tok) -> bool:
    """A lowercase word that may stand before a noun (crude: inflected endings only)."""
    inflected = t.low.endswith(("e", "en", "er", "es", "em")) and t.low not in NOT_ADJ | KONJ
    return t.text.isalpha() and t.text.islower() and len(t.text) > 2 and inflected


def _is_role(low: str) -> bool:
    """Role nouns (Sprecherin, Staatssekretär, Beamter): a person known by function."""
    return low.endswith(ROLE_SUFFIXES)


def _not_end(head: str) -> bool:
    """A full stop after an abbreviation or an ordinal ("Dr.", "23."), not a sentence end."""
    return bool(ABBREVIATION.search(head) or ORDINAL.search(head))


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """sentence_around, rejoined where it split after "Dr." or in "am 23. Oktober"."""
    start, end = sentence_around(text, pos)
    for _ in range(3):
        head = text[:start].rstrip()
        if head and (
            ABBREVIATION.search(head[-12:])
            or (ORDINAL.search(head[-12:]) and text.startswith(MONTHS, start))
        ):
            start = sentence_around(text, len(head) - 1)[0]
        rest = text[end:].lstrip()
        if rest and (
            ABBREVIATION.search(text[max(0, end - 12) : end])
            or (ORDINAL.search(text[max(0, end - 12) : end]) and rest.startswith(MONTHS))
        ):
            end = sentence_around(text, len(text) - len(rest))[1]
    return start, end

class Phrases:
    """The tokens around one claim and the noun phrases that may name a speaker."""

    def __init__(
        self, text: str, lo: int, hi: int, ents: Sequence[Span], sources: Sequence[tuple[int, int]]
    ) -> None:
        self.text, self.sources = text, list(sources)
        self.toks = [
            _Tok(m.start(), m.end(), m.group(), m.group().lower(), m.group()[:1].isupper())
            for m in TOKEN.finditer(text, lo, hi)
        ]
        self.ends = [t.end for t in self.toks]
        self.quotes = _quote_regions(text, lo, hi)
        labels = [(e, e.label.upper()) for e in ents]
        self.ents = [
            (e.start, e.end, lab[:3])
            for e, lab in labels
            if lab[:3] in ("PER", "ORG") and not lab.endswith(("DERIV", "PART"))
        ]

    def quoted(self, pos: int) -> bool:
        """True inside a quotation (marks excluded)."""
        return any(a < pos < b - 1 for a, b in self.quotes)

    def index(self, pos: int) -> int:
        """Index of the first token ending after ``pos``."""
        return bisect_right(self.ends, pos)

    def _clause_end(self, k: int, hi: int) -> int:
        """Index of the next clause-ending punctuation token (comma included) from k on."""
        toks = self.toks
        while k < hi and (
            toks[k].text not in ",.;:!?"
            or (toks[k].text == "." and _not_end(self.text[toks[k - 1].start : toks[k].end]))
        ):
            k += 1
        return k

    def _np(self, k: int, hi: int) -> tuple[int, int] | None:
        """Noun phrase from token k: (end index, index of a genitive/von complement or -1)."""
        if k < hi and self.toks[k].text in OPEN_CLOSE:  # a quoted name: «Hauptstadtbote»
            end = self._past_quote(k, hi)
            return (end, -1) if end > k else None
        toks, j = self.toks, k + (k < hi and self.toks[k].low in DETS)
        if j > k and j < hi and toks[j].low in PREPS:  # "eine mit den Plänen vertraute Person"
            j = next((m for m in range(j + 1, min(hi - 1, j + 6)) if not toks[m].text.isalnum()
                      or _is_adj(toks[m]) and toks[m].low not in DETS and toks[m + 1].cap), j)
            j = j if _is_adj(toks[j]) else k + 1
        while j < hi and (_is_adj(toks[j]) or toks[j].low in ("zwei", "drei", "mehrere")):
            j += 1
        head = j
        j = self._past_quote(j, hi) if j > k else j  # des «Spiegel»
        while j < hi and (
            toks[j].cap and toks[j].text[0].isalpha()
            or j > head and toks[j].low.isdigit()
            or toks[j].text == "." and toks[j - 1].low in TITLES  # "Dr. Miriam Wolf"
        ):
            j += 1
        if j == head or toks[head].low in NO_HEAD:
            return None
        last = toks[j - 1].low
        j = self._past_quote(j, hi) if last in NEWS_NOUNS else j  # die Zeitung «X»
        comp = -1
        if (_is_role(last) or last in DOC_NOUNS | CIRCLES) and j < hi and toks[j].low in GEN_DETS:
            sub = self._np(j + (toks[j].low == "von"), hi)
            comp, j = (j, sub[0]) if sub else (comp, j)
        return j, comp

    def _past_quote(self, j: int, hi: int) -> int:
        """The token after a short quoted name opening at token j, else j."""
        if j >= hi or self.toks[j].text not in OPEN_CLOSE:
            return j
        closers = OPEN_CLOSE[self.toks[j].text]
        ends = (q + 1 for q in range(j + 1, min(hi, j + 12)) if self.toks[q].text in closers)
        return next(ends, j)

    def _np_speaker(self, k: int, hi: int) -> Found:
        """The speaker named by the noun phrase at token k: a PER/ORG inside it, else the phrase."""
        toks = self.toks
        if k < hi and toks[k].low in ("er", "sie"):
            return self._antecedent(toks[k].start)
        np = self._np(k, hi) if k < hi else None
        if np is None:
            return None
        end, comp = np
        a, b = toks[k].start, toks[end - 1].end
        if end < hi and toks[end - 1].low in NEWS_NOUNS:  # "die Agentur dpa"
            app = [e for e in self.ents if e[0] == toks[end].start]
            if app:
                return app[0][:2], "entity"
        if end + 1 < hi and toks[end].text == ",":  # apposition: "der Sprecher ..., Henning X"
            app = [e for e in self.ents if e[0] == toks[end + 1].start and e[2] == "PER"]
            if app:
                return app[0][:2], "entity"
        role = comp >= 0 and (_is_role(toks[comp - 1].low) or toks[comp - 1].low in CIRCLES)
        if comp >= 0 and not role:  # "Angaben des Ministeriums": the complement speaks
            a = toks[comp + (toks[comp].low == "von")].start
        inside = [e for e in self.ents if e[0] < b and a < e[1] and (e[2] == "PER" or not role)]
        inside.sort(key=lambda e: (e[2] != "PER", e[0]))
        return (inside[0][:2], "entity") if inside else ((a, b), "np")

    def _np_back(self, i: int, lo: int) -> int:
        """Start token of the noun phrase that ends right before token i ("Dem Bericht zufolge")."""
        toks, k, start = self.toks, i - 1, i
        while k >= lo:
            t = toks[k]
            if t.low in DETS:
                start = k
                if not (k > lo and toks[k - 1].cap and toks[k - 1].low not in ADVERBS):
                    break
            elif (t.cap and t.low not in NO_HEAD) or t.text in QUOTE_CHARS:
                start = k
            elif not _is_adj(t):
                break
            k -= 1
        return start

    def _subject(self, lo: int, hi: int) -> Found:
        """The speaker in a Vorfeld: its first noun phrase outside a prepositional, comparing or
        oblique phrase ("Am Freitag", "Anders als", "Den Vorwurf"); past a finite verb
        ("Durch einen Sprecher ließ der Sänger"), the one after it. A name further on is an
        object ("X traf Y und sagte") and never the speaker."""
        toks, k = self.toks, self._past_dateline(lo)
        while k < hi:
            t = toks[k]
            if t.low in PREPS | OBLIQUE | SKIP_PHRASE:  # skip "Am Freitag", "Den Satz"
                np = self._np(k + (t.low not in OBLIQUE), hi)
                k = np[0] if np else k + 1
                k += k < hi and toks[k].low == "zufolge"
            elif t.low in ADVERBS or not t.text[0].isalnum():
                k += 1
            elif t.text.islower() and t.low not in DETS | PRONOUNS and not _is_adj(t):
                if k == lo:
                    return None  # "sprach über X und sagte": no subject of its own
                k += 1  # a finite verb after a fronted phrase: the subject follows it
            else:
                return self._np_speaker(k, hi)
        return None

    def _past_dateline(self, k: int) -> int:
        """The token after a dateline ("Dresden (dpa) –") opening a paragraph at token k."""
        start = self.toks[k].start if k < len(self.toks) else len(self.text)
        if start and self.text[start - 1] != "\n":
            return k
        line = parse_dateline(self.text[start : start + 200])
        return self.index(start + line.end) if line and line.end else k

    def _antecedent(self, pos: int) -> Found:
        """A pronoun's speaker: the nearest PER, source or role subject ("Der Beamte") before it."""
        near = [(e, s, lab) for s, e, lab in self.ents if e <= pos < e + 800]
        near += [(e, s, "PER") for s, e in self.sources if e <= pos < e + 800]
        lo = sentence_at(self.text, pos)[0]
        for start in (lo, sentence_at(self.text, lo - 2)[0] if lo > 1 else lo):
            k = self.index(start)  # a sentence opening with a role: "Der Beamte wies das zurück."
            np = self._np(k, len(self.toks)) if k < len(self.toks) else None
            if np and self.toks[k].low in NOM_DETS and _is_role(self.toks[np[0] - 1].low):
                near.append((self.toks[np[0] - 1].end, self.toks[k].start, "PER"))
        near = [n for n in near if n[0] <= pos and not self.quoted(n[1])]
        for label in ("PER", "ORG"):
            hits = [(e, s) for e, s, lab in near if lab == label]
            if hits:
                end, start = max(hits)
                return (start, end), "pronoun"
        return None

    def _circles(self, lo: int, stop: int, right_after: int) -> Found:
        """Who stands behind "hieß es"/"verlautete" in tokens lo..stop: "aus
        Regierungskreisen", "von X", and "in NP" only when it starts at ``right_after``."""
        toks = self.toks
        found: list[tuple[int, tuple[int, int], str]] = []
        for k in range(lo, stop - 1):
            if toks[k].low not in ("aus", "in", "von"):
                continue
            np, sp = self._np(k + 1, stop), self._np_speaker(k + 1, stop)
            if np is None or sp is None:
                continue
            circles = toks[np[0] - 1].low.endswith(("kreisen", "umfeld"))
            rank = 0 if circles else 1 if toks[k].low != "in" else 2
            if rank < 2 or k == right_after:  # "in Berlin" only right after "hieß es"
                found.append((rank, *sp))
        return min(found)[1:] if found else None
