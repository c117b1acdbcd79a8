"""Cue and speaker search over the tokens around one claim, for ``attribution``.

A cue is a reporting word (sagte, laut, zufolge, hieß es, wie ... mitteilte) outside quotations;
its speaker is searched in the cue's sentence by the grammar of the cue's kind.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from annotator.core.model import Span
from annotator.core.spans import sentence_around
from annotator.nlp.attribution_words import (
    ABBREVIATION,
    ADVERBS,
    APPOSITION_GLUE,
    DETS,
    DOC_NOUNS,
    FINITE_SEP,
    GEN_DETS,
    IMPERSONAL,
    KONJ,
    MODALS,
    MONTHS,
    NACH_ADJ,
    NACH_NOUNS,
    NEWS_NOUNS,
    NO_HEAD,
    NOM_DETS,
    NOT_ADJ,
    OBLIQUE,
    OPEN_CLOSE,
    ORDINAL,
    PREPS,
    QUOTE_CHARS,
    TOKEN,
    VERBS,
)
from annotator.nlp.sources import ROLE_SUFFIXES

Found = tuple[tuple[int, int], str] | None  # speaker span and how it was found


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    cap: bool


class Cue(NamedTuple):
    """A reporting cue found by ``Finder.cues``."""

    kind: str  # verb, impersonal, after (laut, so, nach Angaben), zufolge, wie
    i: int  # token index of the reporting word
    j: int  # token index of the cue's last word (particle, noun, verb of a wie-clause)
    surface: str
    span: tuple[int, int]


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


class Finder:
    """Cue and speaker search over the tokens around one claim."""

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

    def cues(self, lo: int, hi: int) -> list[Cue]:
        """Reporting cues whose word lies in text[lo:hi] and outside quotations."""
        out: list[Cue] = []
        k, end = self.index(lo), self.index(hi)
        while k < end:
            cue = None if self.quoted(self.toks[k].start) else self._cue_at(k, end)
            if cue:
                out.append(cue)
            k = (cue.j if cue and cue.kind == "wie" else k) + 1
        return out

    def _clause_end(self, k: int, hi: int) -> int:
        """Index of the next clause-ending punctuation token (comma included) from k on."""
        toks = self.toks
        while k < hi and (
            toks[k].text not in ",.;:!?"
            or (toks[k].text == "." and _not_end(self.text[toks[k - 1].start : toks[k].end]))
        ):
            k += 1
        return k

    def _cue_at(self, k: int, hi: int) -> Cue | None:
        """The cue starting at token k, if any."""
        toks, t = self.toks, self.toks[k]
        nxt = toks[k + 1] if k + 1 < hi else _Tok(t.end, t.end, "", "", False)
        one = (t.start, t.end)
        if (t.low == "laut" and (nxt.cap or nxt.low in DETS)) or t.low == "zufolge":
            return Cue("zufolge" if t.low == "zufolge" else "after", k, k, t.text, one)
        if t.low == "so" and k > 0 and toks[k - 1].text == "," and nxt.cap:
            return Cue("after", k, k, t.text, one)
        n = k + 1 + (nxt.low in NACH_ADJ)
        if t.low == "nach" and n < hi and toks[n].cap and toks[n].low.endswith(tuple(NACH_NOUNS)):
            return Cue("after", k, n, self.text[t.start : toks[n].end], (t.start, toks[n].end))
        if t.low == "wie":  # "wie das Ministerium mitteilte": the verb ends the clause
            stop = self._clause_end(k + 1, hi)
            for v in range(stop - 1, max(k + 1, stop - 4), -1):
                if toks[v].low in VERBS | IMPERSONAL and toks[v].text.islower():
                    verb = toks[v]
                    return Cue("wie", k, v, f"{t.text} ... {verb.text}", (verb.start, verb.end))
            return None
        if not t.text.islower():
            return None
        if t.low in ("hieß", "heißt"):
            e = k + 1 if nxt.low == "es" else k - 1
            if e < 0 or toks[e].low != "es":
                return None
            a, b = min(t.start, toks[e].start), max(t.end, toks[e].end)
            return Cue("impersonal", k, max(k, e), self.text[a:b], (a, b))
        if t.low in IMPERSONAL:
            return Cue("impersonal", k, k, t.text, one)
        last = self._clause_end(k + 1, hi) - 1
        if last > k and toks[last].low in FINITE_SEP.get(t.low, ()):
            gap = " " if last == k + 1 else " ... "
            return Cue("verb", k, last, t.text + gap + toks[last].text, one)
        if t.low.endswith("n") and MODALS & {toks[n].low for n in range(max(0, k - 3), k)}:
            return None  # "wollte sich nicht äußern", "konnte ... nicht erklären": no report
        return Cue("verb", k, k, t.text, one) if t.low in VERBS else None

    def speaker(self, cue: Cue, sent: tuple[int, int]) -> Found:
        """The speaker span of a cue within its sentence, and how it was found."""
        lo, hi = self.index(sent[0]), self.index(sent[1] - 1) + 1
        if cue.kind == "after" and "eigene" in cue.surface.lower():
            found = self._subject(lo, cue.i) or self._subject(cue.j + 1, hi)
        elif cue.kind == "after":
            k = cue.j + 1 + (cue.j + 1 < hi and self.toks[cue.j + 1].low in ("von", "aus"))
            noun = self.toks[cue.j]  # "nach Polizeiangaben": the compound names the source
            own = ((noun.start, noun.end), "np") if noun.low not in NACH_NOUNS else None
            found = self._np_speaker(k, hi) or own
        elif cue.kind == "zufolge":
            found = self._np_speaker(self._np_back(cue.i, lo), cue.i)
        elif cue.kind == "wie":
            found = self._subject(cue.i + 1, cue.j)
        elif cue.kind == "impersonal":
            found = self._circles(cue, lo, hi)
        else:
            found = self._verb_speaker(cue, lo, hi)
        if found is None:
            return None
        a, b = found[0]
        return next((((s, e), "source") for s, e in self.sources if s < b and a < e), found)

    def _np(self, k: int, hi: int) -> tuple[int, int] | None:
        """Noun phrase from token k: (end index, index of a genitive/von complement or -1)."""
        toks, j = self.toks, k + (k < hi and self.toks[k].low in DETS)
        while j < hi and (_is_adj(toks[j]) or toks[j].low in ("zwei", "drei", "mehrere")):
            j += 1
        head = j
        j = self._past_quote(j, hi) if j > k else j  # des «Spiegel»
        while j < hi and (
            toks[j].cap and toks[j].text[0].isalpha() or j > head and toks[j].low.isdigit()
        ):
            j += 1
        if j == head or toks[head].low in NO_HEAD:
            return None
        last = toks[j - 1].low
        j = self._past_quote(j, hi) if last in NEWS_NOUNS else j  # die Zeitung «X»
        comp = -1
        if (_is_role(last) or last in DOC_NOUNS) and j < hi and toks[j].low in GEN_DETS:
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
        if end + 1 < hi and toks[end].text == ",":  # apposition: "der Sprecher ..., Henning X"
            app = [e for e in self.ents if e[0] == toks[end + 1].start and e[2] == "PER"]
            if app:
                return app[0][:2], "entity"
        role = comp >= 0 and _is_role(toks[comp - 1].low)
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
        """Speaker in a Vorfeld: the PER nearest the cue, else the first phrase outside a PP."""
        toks = self.toks
        if lo >= hi:
            return None
        per = [
            e
            for e in self.ents
            if e[2] == "PER" and toks[lo].start <= e[0] and e[1] <= toks[hi - 1].end
            if (n := self.index(e[0])) == lo or toks[n - 1].low not in PREPS
        ]
        if per:
            return max(per)[:2], "entity"
        k = lo
        while k < hi:
            if toks[k].low in PREPS | OBLIQUE:  # skip "Am Freitag", "Den Satz"
                np = self._np(k + (toks[k].low in PREPS), hi)
                k = np[0] if np else k + 1
            elif toks[k].low in ADVERBS or not toks[k].text[0].isalnum():
                k += 1
            else:
                return self._np_speaker(k, hi)
        return None

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

    def _circles(self, cue: Cue, lo: int, hi: int) -> Found:
        """Who stands behind "hieß es"/"verlautete": "aus Regierungskreisen", "in Berlin"."""
        toks, stop = self.toks, self._clause_end(cue.j + 1, hi)
        found: list[tuple[int, tuple[int, int], str]] = []
        for k in range(lo, stop - 1):
            if toks[k].low not in ("aus", "in", "von"):
                continue
            np, sp = self._np(k + 1, stop), self._np_speaker(k + 1, stop)
            if np is None or sp is None:
                continue
            circles = toks[np[0] - 1].low.endswith(("kreisen", "umfeld"))
            rank = 0 if circles else 1 if toks[k].low != "in" else 2
            if rank < 2 or k == cue.j + 1:  # "in Berlin" only right after "hieß es"
                found.append((rank, *sp))
        return min(found)[1:] if found else None

    def _verb_speaker(self, cue: Cue, lo: int, hi: int) -> Found:
        """Subject of a verb of saying: before it (X sagte, ...) or after it (..., sagte X)."""
        toks, i = self.toks, cue.i
        clause_lo = lo
        for k in range(lo, i):
            if toks[k].text in ":;" or any(b - 1 == toks[k].start for _, b in self.quotes):
                clause_lo = k + 1
        before, after = toks[clause_lo:i], toks[i + 1] if i + 1 < hi else None
        if after is None or after.text in ",:" or cue.j == i + 1:
            pre_first = True  # "X sagte, ...", "X kündigte an, ..."
        elif not before or before[-1].text == ",":
            pre_first = self._apposition_only(before)  # "..., sagte X" unless "X, Chef der Y,"
        else:  # "Am Freitag nannte eine Sprecherin" has its subject after the verb
            subject_after = after.low in NOM_DETS or (after.cap and after.low not in DETS)
            pre_first = not (before[0].low in ADVERBS | PREPS and subject_after)
        stop = cue.j if cue.j > i else self._clause_end(i + 1, hi)
        pre, post = (lambda: self._subject(clause_lo, i)), (lambda: self._np_speaker(i + 1, stop))
        return (pre() or post()) if pre_first else (post() or pre())

    def _apposition_only(self, toks: list[_Tok]) -> bool:
        """A Vorfeld of names and roles only ("Frank X, Geschäftsführer der Y,"): no verb."""
        words = [t for t in toks if t.text != ","]
        if not words or not all(
            t.cap or _is_adj(t) or t.low in APPOSITION_GLUE or t.text in QUOTE_CHARS for t in words
        ):
            return False
        a, b = words[0].start, words[-1].end
        return any(_is_role(t.low) for t in words) or any(a <= e[0] < b for e in self.ents)

