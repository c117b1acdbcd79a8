"""Cue and speaker search over the tokens around one claim, for ``attribution``.

A cue is a reporting word (sagte, laut, zufolge, hieß es, wie ... mitteilte) outside quotations;
its speaker is searched in the cue's sentence by the grammar of the cue's kind.
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.nlp.attribution_phrases import (
    Found,
    Phrases,
    _is_adj,
    _is_role,
    _Tok,
    sentence_at,
)
from annotator.nlp.attribution_words import (
    ADVERBS,
    APPOSITION_GLUE,
    DETS,
    FINITE_SEP,
    IMPERSONAL,
    MODALS,
    NACH_ADJ,
    NACH_NOUNS,
    NEGATION,
    NOM_DETS,
    NOT_SPEAKERS,
    OBLIQUE,
    OPEN_CLOSE,
    PARTICLES,
    PASSIVE_AUX,
    PREPS,
    QUOTE_CHARS,
    RELATIVE,
    SPRECHEN,
    VERBS,
)

__all__ = ["Cue", "Finder", "Found", "sentence_at"]


class Cue(NamedTuple):
    """A reporting cue found by ``Finder.cues``."""

    kind: str  # verb, impersonal, after (laut, so, nach Angaben), zufolge, wie
    i: int  # token index of the reporting word
    j: int  # token index of the cue's last word (particle, noun, verb of a wie-clause)
    surface: str
    span: tuple[int, int]


class Finder(Phrases):
    """Cue and speaker search over the tokens around one claim."""

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

    def _cue_at(self, k: int, hi: int) -> Cue | None:
        """The cue starting at token k, if any."""
        toks, t = self.toks, self.toks[k]
        nxt = toks[k + 1] if k + 1 < hi else _Tok(t.end, t.end, "", "", False)
        one = (t.start, t.end)
        if t.low == "laut" and nxt.text in OPEN_CLOSE:  # "laut «Spiegel»"
            nxt = toks[k + 2] if k + 2 < hi else nxt
        if t.low == "laut" and (nxt.cap or nxt.low in DETS):
            speaks = not (nxt.cap and nxt.low.endswith(NOT_SPEAKERS))  # not "Laut Plan"
            return Cue("after", k, k, t.text, one) if speaks else None
        if t.low == "zufolge":
            return Cue("zufolge", k, k, t.text, one)
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
        return self._verb_cue(k, hi)

    def _verb_cue(self, k: int, hi: int) -> Cue | None:
        """A verb of saying at token k, with its separated particle; None for one negated
        ("wurde nicht bestätigt"), one whose particle makes it another verb ("sagte ... ab"),
        "sprach" without "von", and an infinitive after a modal ("wollte sich nicht äußern")."""
        toks, t = self.toks, self.toks[k]
        one, last = (t.start, t.end), self._clause_end(k + 1, hi) - 1
        if t.low in SPRECHEN:  # "sprach von einem Durchbruch", not "sprach mit X über Y"
            von = next((n for n in range(k + 1, last + 1) if toks[n].low == "von"), None)
            return Cue("verb", k, von, t.text, one) if von else None
        if any(toks[n].low in NEGATION for n in range(*self._clause(k, hi))):
            return None
        if last > k and toks[last].low in FINITE_SEP.get(t.low, ()):
            gap = " " if last == k + 1 else " ... "
            return Cue("verb", k, last, t.text + gap + toks[last].text, one)
        if last > k and toks[last].low in PARTICLES:
            return None
        if t.low.endswith("n") and MODALS & {toks[n].low for n in range(max(0, k - 3), k)}:
            return None
        return Cue("verb", k, k, t.text, one) if t.low in VERBS else None

    def _clause(self, k: int, hi: int) -> tuple[int, int]:
        """Token range of the clause around token k: between punctuation, in its sentence."""
        lo = self.index(sentence_at(self.text, self.toks[k].start)[0])
        a = k
        while a > lo and self.toks[a - 1].text not in ",.;:!?" + "".join(QUOTE_CHARS):
            a -= 1
        return a, self._clause_end(k + 1, hi)

    def _passive(self, cue: Cue, hi: int) -> bool:
        """A participle of saying with werden: "Es wurde mitgeteilt", "wie ... bestätigt wurde"."""
        low = self.toks[cue.i if cue.kind == "verb" else cue.j].low
        participle = (low.endswith("t") and not low.endswith("te")) or (
            low.endswith("en") and "ge" in low[:-2])  # "gesprochen", "aufgerufen"
        lo, stop = self._clause(cue.i, hi) if cue.kind == "verb" else (cue.i + 1, cue.j + 2)
        return participle and any(t.low in PASSIVE_AUX for t in self.toks[lo : min(stop, hi)])

    def _agent(self, lo: int, stop: int) -> Found:
        """The one who said it in a passive clause: "von der Polizei", "vom Verein", "seitens
        der Bahn" (the last before the clause end); None for an agentless passive."""
        by = [n for n in range(lo, stop) if self.toks[n].low in ("von", "vom", "seitens")]
        return self._np_speaker(by[-1] + 1, stop) if by else None

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
        elif self._passive(cue, hi):
            found = self._agent(*(self._clause(cue.i, hi) if cue.kind == "verb" else
                                  (cue.i + 1, cue.j)))
        elif cue.kind == "wie" and self.toks[cue.j].low in IMPERSONAL | {"hieß", "heißt"}:
            found = self._circles(cue.i + 1, cue.j + 1, -1)  # "wie es aus X hieß"
        elif cue.kind == "wie":
            found = self._subject(cue.i + 1, cue.j)
        elif cue.kind == "impersonal":
            found = self._circles(lo, self._clause_end(cue.j + 1, hi), cue.j + 1)
        else:
            found = self._verb_speaker(cue, lo, hi)
        if found is None:
            return None
        a, b = found[0]
        return next((((s, e), "source") for s, e in self.sources if s < b and a < e), found)

    def _verb_speaker(self, cue: Cue, lo: int, hi: int) -> Found:
        """Subject of a verb of saying: before it (X sagte, ...) or after it (..., sagte X)."""
        toks, i = self.toks, cue.i
        clause_lo = lo
        ends = {b - 1 for a, b in self.quotes if len(self.text[a:b].split()) > 2}  # not «Blatt»
        for k in range(lo, i):
            if toks[k].text in ":;" or toks[k].start in ends:
                clause_lo = k + 1
        before, after = toks[clause_lo:i], toks[i + 1] if i + 1 < hi else None
        stop = cue.j if cue.j > i else self._clause_end(i + 1, hi)
        after_lo = i + 1 + (i + 1 < hi and toks[i + 1].low in OBLIQUE)  # not "sagte dem X"

        def post() -> Found:
            return self._np_speaker(i + 1, stop) if after_lo == i + 1 else None

        if len(before) > 1 and before[-2].text == "," and before[-1].low in RELATIVE:
            return None  # "Rückblenden, die erklären": the relative pronoun's noun
        if after is None or after.text in ",:" or cue.j == i + 1:
            pre_first = True  # "X sagte, ...", "X kündigte an, ..."
        elif not before or before[-1].text == ",":  # "..., sagte X": before it stands the claim
            if self._relative_before(before):  # "X, der ... war, nannte es", "…, der …, sagte Y"
                return post() or self._subject(clause_lo, i)
            if not self._apposition_only(before):
                return post()  # unless "X, Chef der Y, sagte"
            pre_first = True
        else:  # "Am Freitag nannte eine Sprecherin" has its subject after the verb
            subject_after = after.low in NOM_DETS or (after.cap and after.low not in DETS)
            pre_first = not (before[0].low in ADVERBS | PREPS and subject_after)
        commas = [k for k in range(clause_lo, i) if toks[k].text == ","]
        seg = commas[-1] + 1 if commas and commas[-1] < i - 1 else clause_lo  # "…, die Y jubeln"

        if seg > clause_lo and toks[seg].low in RELATIVE:
            return None  # "..., das Preise verlangt": a relative clause or a subject, unsure

        def pre() -> Found:
            return (seg > clause_lo and self._subject(seg, i)) or self._subject(clause_lo, i)

        return (pre() or post()) if pre_first else (post() or pre())

    def _relative_before(self, toks: list[_Tok]) -> bool:
        """A Vorfeld closed by a relative clause ("Ein Diplomat, der anonym bleiben wollte,")."""
        commas = [n for n, t in enumerate(toks[:-1]) if t.text == ","]
        return bool(commas) and toks[commas[-1] + 1].low in RELATIVE

    def _apposition_only(self, toks: list[_Tok]) -> bool:
        """A Vorfeld of names and roles only ("Frank X, Geschäftsführer der Y,"): no verb."""
        words = [t for t in toks if t.text != ","]
        if not words or not all(
            t.cap or _is_adj(t) or t.low in APPOSITION_GLUE or t.text in QUOTE_CHARS for t in words
        ):
            return False
        a, b = words[0].start, words[-1].end
        return any(_is_role(t.low) for t in words) or any(a <= e[0] < b for e in self.ents)
