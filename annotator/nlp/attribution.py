"""Suggest who makes a claim in German news: reporting cue, speaker span and quote type, by rules.

Rule-based on purpose: it needs no model, only the entity spans the annotator or the NER model
already produced, and it answers while the annotator marks a claim. Offsets are code points.

The claim's sentence is searched first, then (for quotations and Konjunktiv, which carry their
speaker along) the sentence before and after. "unattributed" means no cue was found at all; a
direct or reported claim whose speaker cannot be found keeps its type with ``source`` None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.model import Span
from annotator.core.spans import sentence_around
from annotator.nlp.sources import ROLE_SUFFIXES

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "reported", "unattributed")


@dataclass(frozen=True)
class Attribution:
    """A suggested attribution; ``source`` is None when nobody is cited (or none was found)."""

    source: tuple[int, int] | None
    cue: str | None
    cue_span: tuple[int, int] | None
    quote_type: str
    confidence: float


def _words(text: str) -> frozenset[str]:
    """A word set from a space-separated literal: keeps the lexicons compact."""
    return frozenset(text.split())


def _weak(stems: str) -> frozenset[str]:
    """Present, past and participle forms of weak verbs ("sag" → sagt, sagte, gesagt ...)."""
    out: set[str] = set()
    for stem in stems.split():
        e = "e" if stem[-1] in "td" else ""
        plural = stem + ("n" if stem.endswith(("er", "el")) else "en")
        prefix = "" if stem.startswith(("be", "er", "ver", "zer", "ent")) or "ier" in stem else "ge"
        out |= {stem + e + "t", stem + e + "te", stem + e + "ten", plural, prefix + stem + e + "t"}
    return frozenset(out)


# particle: (finite forms that leave it at the clause end, participles)
_SEPARABLE: dict[str, tuple[str, str]] = {
    "mit": ("teilt teilte teilten", "mitgeteilt"),
    "an": ("kündigt kündigte kündigten gibt gab gaben", "angekündigt angegeben"),
    "zurück": ("weist wies wiesen", "zurückgewiesen"),
    "hin": ("weist wies wiesen", "hingewiesen"),
    "ein": ("räumt räumte räumten", "eingeräumt"),
    "hinzu": ("fügt fügte fügten", "hinzugefügt"),
    "bekannt": ("gibt gab gaben", "bekanntgegeben"),
    "klar": ("stellt stellte stellten", "klargestellt"),
    "fest": ("stellt stellte", "festgestellt"),
    "hervor": ("hebt hob hoben", "hervorgehoben"),
    "vor": ("wirft warf warfen", "vorgeworfen"),
}
_FINITE_SEP: dict[str, set[str]] = {}
for _particle, (_finite, _) in _SEPARABLE.items():
    for _form in _finite.split():
        _FINITE_SEP.setdefault(_form, set()).add(_particle)
_VERBS = (
    _weak(
        "sag erklär beton bericht bestätig forder verlang warn kritisier versicher erläuter "
        "bekräftig behaupt dementier meld äußer ergänz mahn beklag argumentier zitier begrüß lob "
        "antwort erwider präzisier twitter verlaut"
    )
    | _words(
        "schrieb schrieben schreibt schreiben geschrieben sprach sprachen spricht sprechen nannte "
        "nannten nennt unterstrich unterstreicht bestritt bestreitet verwies verweist lautet "
        "lautete erfuhr"
    )
    # joined forms of particle verbs: "wie das Ministerium mitteilte", "hat ... angekündigt"
    | {p + f for p, (fs, _) in _SEPARABLE.items() for f in fs.split()}
    | {f for _, ps in _SEPARABLE.values() for f in ps.split()}
)
_IMPERSONAL = _words("hieß heißt geheißen verlautete verlautet")
_NACH_NOUNS = tuple(
    _words(
        "angaben informationen darstellung auskunft ansicht einschätzung auffassung worten "
        "aussage aussagen schätzungen berichten erkenntnissen recherchen meinung mitteilung"
    )
)
_NACH_ADJ = _words("eigenen offiziellen ersten bisherigen übereinstimmenden unbestätigten")

REPORTING_CUES: dict[str, tuple[str, ...]] = {
    "verb": tuple(sorted(_VERBS)),
    "particle_verb": tuple(sorted(f"{v} ... {p}" for v, ps in _FINITE_SEP.items() for p in ps)),
    "impersonal": ("hieß es", "heißt es", "geheißen", "verlautete", "verlautet"),
    "preposition": ("laut", "zufolge", "so", *(f"nach {n.capitalize()}" for n in _NACH_NOUNS)),
    "clause": ("wie ... berichtet", "wie ... mitteilte", "wie ... sagte", "wie ... meldete"),
}

_DETS = _words("der die das des dem den ein eine einer eines einem einen seine ihr ihre ihren")
_NOM_DETS = _words("der die das ein eine einer er sie")
_GEN_DETS = _words("des der eines einer von")
_PREPS = _words(
    "am im in an auf aus bei beim mit nach vor vom von zu zum zur für gegenüber während seit über "
    "unter ins ans durch ohne gegen trotz wegen"
)
_ADVERBS = _words(
    "auch zudem außerdem dazu dann später gestern heute jetzt nun damals inzwischen allerdings "
    "daher deshalb doch dennoch trotzdem zugleich hier dort darin bereits noch erst zunächst "
    "schließlich zuvor danach darauf dagegen hingegen ebenfalls"
)
_NO_HEAD = _PREPS | _ADVERBS | _words("er sie es man wer wie was wo woher warum wann ob dass")
_OBLIQUE = _words("den dem einen einem")  # never the subject
_MODALS = _words(
    "kann konnte können konnten will wollte wollen wollten muss musste müssen soll sollte sollen "
    "darf durfte dürfen wird werden würde würden möchte nicht zu"
)
_NOT_ADJ = _words("unter über hinter oder aber wieder immer sehr gegen jedoch eben ohne wer")
_DOC_NOUNS = _words(
    "bericht berichten berichte angaben informationen mitteilung erklärung studie meldung "
    "meldungen umfrage schätzung schätzungen darstellung recherchen aussagen worten einschätzung "
    "ansicht auffassung auskunft dokument papier schreiben"
)
_NEWS_NOUNS = _words("zeitung blatt magazin sender agentur nachrichtenagentur portal")
_KONJ = _words(
    "sei seien seist seiest habe hätte hätten werde würde würden könne könnte könnten müsse "
    "müsste müssten solle dürfe dürfte wolle möge gebe gäbe wäre wären stehe liege gehe komme "
    "bleibe lasse brauche fehle gelte zeige reiche wisse trage führe umfasse stamme ändere "
    "erfolge beruhe hänge leide"
)
_NOT_KONJ = _words("gerne bitte ohne alle keine diese jede beide lange gerade heute eine")
_OPEN_CLOSE = {"„": "“”", "“": "”", "«": "»", "»": "«", '"': '"', "‚": "‘"}
_QUOTE_CHARS = frozenset('„“”«»"‚‘')
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_MONTHS = tuple(
    _words("Januar Februar März April Mai Juni Juli August September Oktober November Dezember")
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|bzw|ca|Abs|Art|vgl|Hr|Fr|z\.B|u\.a|v\.a|d\.h)|(?<!\w)[A-ZÄÖÜ])\.$"
)
_ORDINAL = re.compile(r"\b\d{1,2}\.$")
_BASE = {"verb": 0.85, "after": 0.85, "zufolge": 0.85, "wie": 0.8, "impersonal": 0.6}
_HOW = {"source": 1.1, "entity": 1.0, "np": 0.85, "pronoun": 0.7}

_Found = tuple[tuple[int, int], str] | None  # speaker span and how it was found


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    cap: bool


class _Cue(NamedTuple):
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
        elif opened < 0 and ch in _OPEN_CLOSE:
            opened, closers = k, _OPEN_CLOSE[ch]
    return out


def _is_adj(t: _Tok) -> bool:
    """A lowercase word that may stand before a noun (crude: inflected endings only)."""
    inflected = t.low.endswith(("e", "en", "er", "es", "em")) and t.low not in _NOT_ADJ | _KONJ
    return t.text.isalpha() and t.text.islower() and len(t.text) > 2 and inflected


def _is_role(low: str) -> bool:
    """Role nouns (Sprecherin, Staatssekretär, Beamter): a person known by function."""
    return low.endswith(ROLE_SUFFIXES)


def _not_end(head: str) -> bool:
    """A full stop after an abbreviation or an ordinal ("Dr.", "23."), not a sentence end."""
    return bool(_ABBREVIATION.search(head) or _ORDINAL.search(head))


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """sentence_around, rejoined where it split after "Dr." or in "am 23. Oktober"."""
    start, end = sentence_around(text, pos)
    for _ in range(3):
        head = text[:start].rstrip()
        if head and (
            _ABBREVIATION.search(head[-12:])
            or (_ORDINAL.search(head[-12:]) and text.startswith(_MONTHS, start))
        ):
            start = sentence_around(text, len(head) - 1)[0]
        rest = text[end:].lstrip()
        if rest and (
            _ABBREVIATION.search(text[max(0, end - 12) : end])
            or (_ORDINAL.search(text[max(0, end - 12) : end]) and rest.startswith(_MONTHS))
        ):
            end = sentence_around(text, len(text) - len(rest))[1]
    return start, end


class _Finder:
    """Cue and speaker search over the tokens around one claim."""

    def __init__(
        self, text: str, lo: int, hi: int, ents: Sequence[Span], sources: Sequence[tuple[int, int]]
    ) -> None:
        self.text, self.sources = text, list(sources)
        self.toks = [
            _Tok(m.start(), m.end(), m.group(), m.group().lower(), m.group()[:1].isupper())
            for m in _TOKEN.finditer(text, lo, hi)
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

    def cues(self, lo: int, hi: int) -> list[_Cue]:
        """Reporting cues whose word lies in text[lo:hi] and outside quotations."""
        out: list[_Cue] = []
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

    def _cue_at(self, k: int, hi: int) -> _Cue | None:
        """The cue starting at token k, if any."""
        toks, t = self.toks, self.toks[k]
        nxt = toks[k + 1] if k + 1 < hi else _Tok(t.end, t.end, "", "", False)
        one = (t.start, t.end)
        if (t.low == "laut" and (nxt.cap or nxt.low in _DETS)) or t.low == "zufolge":
            return _Cue("zufolge" if t.low == "zufolge" else "after", k, k, t.text, one)
        if t.low == "so" and k > 0 and toks[k - 1].text == "," and nxt.cap:
            return _Cue("after", k, k, t.text, one)
        n = k + 1 + (nxt.low in _NACH_ADJ)
        if t.low == "nach" and n < hi and toks[n].cap and toks[n].low.endswith(tuple(_NACH_NOUNS)):
            return _Cue("after", k, n, self.text[t.start : toks[n].end], (t.start, toks[n].end))
        if t.low == "wie":  # "wie das Ministerium mitteilte": the verb ends the clause
            stop = self._clause_end(k + 1, hi)
            for v in range(stop - 1, max(k + 1, stop - 4), -1):
                if toks[v].low in _VERBS | _IMPERSONAL and toks[v].text.islower():
                    verb = toks[v]
                    return _Cue("wie", k, v, f"{t.text} ... {verb.text}", (verb.start, verb.end))
            return None
        if not t.text.islower():
            return None
        if t.low in ("hieß", "heißt"):
            e = k + 1 if nxt.low == "es" else k - 1
            if e < 0 or toks[e].low != "es":
                return None
            a, b = min(t.start, toks[e].start), max(t.end, toks[e].end)
            return _Cue("impersonal", k, max(k, e), self.text[a:b], (a, b))
        if t.low in _IMPERSONAL:
            return _Cue("impersonal", k, k, t.text, one)
        last = self._clause_end(k + 1, hi) - 1
        if last > k and toks[last].low in _FINITE_SEP.get(t.low, ()):
            gap = " " if last == k + 1 else " ... "
            return _Cue("verb", k, last, t.text + gap + toks[last].text, one)
        if t.low.endswith("n") and _MODALS & {toks[n].low for n in range(max(0, k - 3), k)}:
            return None  # "wollte sich nicht äußern", "konnte ... nicht erklären": no report
        return _Cue("verb", k, k, t.text, one) if t.low in _VERBS else None

    def speaker(self, cue: _Cue, sent: tuple[int, int]) -> _Found:
        """The speaker span of a cue within its sentence, and how it was found."""
        lo, hi = self.index(sent[0]), self.index(sent[1] - 1) + 1
        if cue.kind == "after" and "eigene" in cue.surface.lower():
            found = self._subject(lo, cue.i) or self._subject(cue.j + 1, hi)
        elif cue.kind == "after":
            k = cue.j + 1 + (cue.j + 1 < hi and self.toks[cue.j + 1].low in ("von", "aus"))
            noun = self.toks[cue.j]  # "nach Polizeiangaben": the compound names the source
            own = ((noun.start, noun.end), "np") if noun.low not in _NACH_NOUNS else None
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
        toks, j = self.toks, k + (k < hi and self.toks[k].low in _DETS)
        while j < hi and (_is_adj(toks[j]) or toks[j].low in ("zwei", "drei", "mehrere")):
            j += 1
        head = j
        j = self._past_quote(j, hi) if j > k else j  # des «Spiegel»
        while j < hi and (
            toks[j].cap and toks[j].text[0].isalpha() or j > head and toks[j].low.isdigit()
        ):
            j += 1
        if j == head or toks[head].low in _NO_HEAD:
            return None
        last = toks[j - 1].low
        j = self._past_quote(j, hi) if last in _NEWS_NOUNS else j  # die Zeitung «X»
        comp = -1
        if (_is_role(last) or last in _DOC_NOUNS) and j < hi and toks[j].low in _GEN_DETS:
            sub = self._np(j + (toks[j].low == "von"), hi)
            comp, j = (j, sub[0]) if sub else (comp, j)
        return j, comp

    def _past_quote(self, j: int, hi: int) -> int:
        """The token after a short quoted name opening at token j, else j."""
        if j >= hi or self.toks[j].text not in _OPEN_CLOSE:
            return j
        closers = _OPEN_CLOSE[self.toks[j].text]
        ends = (q + 1 for q in range(j + 1, min(hi, j + 12)) if self.toks[q].text in closers)
        return next(ends, j)

    def _np_speaker(self, k: int, hi: int) -> _Found:
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
            if t.low in _DETS:
                start = k
                if not (k > lo and toks[k - 1].cap and toks[k - 1].low not in _ADVERBS):
                    break
            elif (t.cap and t.low not in _NO_HEAD) or t.text in _QUOTE_CHARS:
                start = k
            elif not _is_adj(t):
                break
            k -= 1
        return start

    def _subject(self, lo: int, hi: int) -> _Found:
        """Speaker in a Vorfeld: the PER nearest the cue, else the first phrase outside a PP."""
        toks = self.toks
        if lo >= hi:
            return None
        per = [
            e
            for e in self.ents
            if e[2] == "PER" and toks[lo].start <= e[0] and e[1] <= toks[hi - 1].end
            if (n := self.index(e[0])) == lo or toks[n - 1].low not in _PREPS
        ]
        if per:
            return max(per)[:2], "entity"
        k = lo
        while k < hi:
            if toks[k].low in _PREPS | _OBLIQUE:  # skip "Am Freitag", "Den Satz"
                np = self._np(k + (toks[k].low in _PREPS), hi)
                k = np[0] if np else k + 1
            elif toks[k].low in _ADVERBS or not toks[k].text[0].isalnum():
                k += 1
            else:
                return self._np_speaker(k, hi)
        return None

    def _antecedent(self, pos: int) -> _Found:
        """A pronoun's speaker: the nearest PER, source or role subject ("Der Beamte") before it."""
        near = [(e, s, lab) for s, e, lab in self.ents if e <= pos < e + 800]
        near += [(e, s, "PER") for s, e in self.sources if e <= pos < e + 800]
        lo = _sentence(self.text, pos)[0]
        for start in (lo, _sentence(self.text, lo - 2)[0] if lo > 1 else lo):
            k = self.index(start)  # a sentence opening with a role: "Der Beamte wies das zurück."
            np = self._np(k, len(self.toks)) if k < len(self.toks) else None
            if np and self.toks[k].low in _NOM_DETS and _is_role(self.toks[np[0] - 1].low):
                near.append((self.toks[np[0] - 1].end, self.toks[k].start, "PER"))
        near = [n for n in near if n[0] <= pos and not self.quoted(n[1])]
        for label in ("PER", "ORG"):
            hits = [(e, s) for e, s, lab in near if lab == label]
            if hits:
                end, start = max(hits)
                return (start, end), "pronoun"
        return None

    def _circles(self, cue: _Cue, lo: int, hi: int) -> _Found:
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

    def _verb_speaker(self, cue: _Cue, lo: int, hi: int) -> _Found:
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
            subject_after = after.low in _NOM_DETS or (after.cap and after.low not in _DETS)
            pre_first = not (before[0].low in _ADVERBS | _PREPS and subject_after)
        stop = cue.j if cue.j > i else self._clause_end(i + 1, hi)
        pre, post = (lambda: self._subject(clause_lo, i)), (lambda: self._np_speaker(i + 1, stop))
        return (pre() or post()) if pre_first else (post() or pre())

    def _apposition_only(self, toks: list[_Tok]) -> bool:
        """A Vorfeld of names and roles only ("Frank X, Geschäftsführer der Y,"): no verb."""
        words = [t for t in toks if t.text != ","]
        glue = _DETS | _words("und von vom im in bei für am")
        if not words or not all(
            t.cap or _is_adj(t) or t.low in glue or t.text in _QUOTE_CHARS for t in words
        ):
            return False
        a, b = words[0].start, words[-1].end
        return any(_is_role(t.low) for t in words) or any(a <= e[0] < b for e in self.ents)


def _neighbour(text: str, lo: int, hi: int, step: int) -> tuple[int, int] | None:
    """The sentence before (step -1) or after (+1) text[lo:hi] in the same paragraph."""
    if step < 0:
        gap = text[:lo].rstrip()
        return _sentence(text, len(gap) - 1) if gap and "\n\n" not in text[len(gap) : lo] else None
    rest = text[hi:].lstrip()
    if not rest or "\n\n" in text[hi : len(text) - len(rest)]:
        return None
    return _sentence(text, len(text) - len(rest))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best(
    f: _Finder, win: tuple[int, int], claim: tuple[int, int], need: bool
) -> tuple[_Cue, _Found, float] | None:
    """The most plausible cue in win: one with a speaker, then the surest, then the nearest."""
    best: tuple[tuple[bool, float, int], _Cue, _Found, float] | None = None
    for cue in f.cues(*win):
        sp = f.speaker(cue, _sentence(f.text, cue.span[0]))
        if need and sp is None:
            continue
        conf = _BASE[cue.kind] * (_HOW[sp[1]] if sp else 0.45)
        gap = min(abs(cue.span[0] - claim[1]), abs(claim[0] - cue.span[1]))
        key = (sp is not None, round(conf, 1), 0 if _overlap(cue.span, claim) else -gap)
        if best is None or key > best[0]:
            best = (key, cue, sp, conf)
    return best[1:] if best else None


def _konjunktiv(f: _Finder, start: int, end: int) -> bool:
    """Konjunktiv I/II of reported speech (sei, habe, hätten, "man prüfe") outside quotations."""
    toks = f.toks[f.index(start) : f.index(end - 1) + 1]
    for k, t in enumerate(toks):
        if f.quoted(t.start) or not t.text.islower():
            continue
        near = {toks[n].low for n in (k - 1, k + 1) if 0 <= n < len(toks)}
        if t.low in _KONJ and not near & {"ich", "wir"}:
            return True
        regular = len(t.low) > 3 and t.low[-1] == "e" and not t.low.endswith(("te", "ige", "che"))
        if near & {"man", "er", "es"} and regular and t.low not in _DETS | _NOT_KONJ:
            return True  # Konjunktiv I of any regular verb: "man prüfe", "gehöre er"
    return False


def _framed(text: str, quote: tuple[int, int], cue: _Cue) -> bool:
    """A quotation introduced by its cue ("X sagte: „…“") or closed by it ("„…“, sagte X")."""
    if cue.span[0] >= quote[1]:  # and the quotation opens its sentence
        opening = text[_sentence(text, quote[0])[0] : quote[0]].strip(' „“”«»"')
        return not opening and re.fullmatch(r"\s*,\s*", text[quote[1] : cue.span[0]]) is not None
    between = text[cue.span[1] : quote[0]]
    return len(between) < 100 and between.rstrip().endswith(":") and "." not in between


def suggest_attribution(
    text: str,
    claim: tuple[int, int],
    entities: Sequence[Span],
    sources: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """Who the claim text[claim] is attributed to, to prefill its source; None if no claim."""
    start, end = claim
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        return None
    lo = max(0, start - 3000)  # start scanning quotes at a paragraph start
    lo = min(text.find("\n\n", lo) + 2, start) if lo and "\n\n" in text[lo:start] else lo
    f = _Finder(text, lo, min(len(text), end + 3000), entities, sources)
    quotes = [q for q in f.quotes if _overlap(q, claim)]
    share = sum(_overlap(q, claim) for q in quotes) / (end - start)
    win = (_sentence(text, start)[0], _sentence(text, end - 1)[1])
    direct = share >= 0.5
    if direct:  # the quotation may run over several sentences: its frame is around all of them
        win = (
            min([win[0]] + [_sentence(text, a)[0] for a, _ in quotes]),
            max([win[1]] + [_sentence(text, b - 1)[1] for _, b in quotes]),
        )
    konj = not direct and _konjunktiv(f, start, end)
    hit, near = _best(f, win, claim, need=False), 1.0
    for step in (-1, 1) if hit is None and (direct or konj) else ():
        nb = _neighbour(text, *win, step)  # „…“ with its speaker in the sentence before or after
        hit, near = (_best(f, nb, claim, need=True) if nb and nb[0] >= lo else None), 0.75
        if hit:
            break
    if hit and not direct and share >= 0.2:  # "„…“, sagte X." marked with its frame
        direct = any(_framed(text, q, hit[0]) for q in quotes if len(text[q[0] : q[1]].split()) > 2)
    kind = "direct" if direct else "reported" if konj else "indirect" if hit else "unattributed"
    if hit is None:
        return Attribution(None, None, None, kind, 0.6 if kind == "unattributed" else 0.35)
    cue, speaker, conf = hit
    source = speaker[0] if speaker else None
    return Attribution(source, cue.surface, cue.span, kind, min(0.97, round(conf * near, 2)))
