"""The word lists and patterns of the attribution rules (``attribution``): verbs and other cues
of reported speech, the function words that delimit a speaker's noun phrase, Konjunktiv forms,
quotation marks and the full stops that end no sentence."""

from __future__ import annotations

import re


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
    "auf": ("fordert forderte forderten ruft rief riefen", "aufgefordert aufgerufen"),
    "zu": ("sagt sagte sagten", "zugesagt"),
}
FINITE_SEP: dict[str, set[str]] = {}
for _particle, (_finite, _) in _SEPARABLE.items():
    for _form in _finite.split():
        FINITE_SEP.setdefault(_form, set()).add(_particle)
VERBS = (
    _weak(
        "sag erklär beton bericht bestätig forder verlang warn kritisier versicher erläuter "
        "bekräftig behaupt dementier meld äußer ergänz mahn beklag argumentier zitier begrüß lob "
        "antwort erwider präzisier twitter verlaut jubel verteidig begründ"
    )
    | _words(
        "schrieb schrieben schreibt schreiben geschrieben sprach sprachen spricht sprechen nannte "
        "nannten nennt unterstrich unterstreicht bestritt bestreitet verwies verweist lautet "
        "lautete erfuhr versprach versprachen verspricht mitteilen ausrichten"
    )
    # joined forms of particle verbs: "wie das Ministerium mitteilte", "hat ... angekündigt"
    | {p + f for p, (fs, _) in _SEPARABLE.items() for f in fs.split()}
    | {f for _, ps in _SEPARABLE.values() for f in ps.split()}
)
IMPERSONAL = _words("hieß heißt geheißen verlautete verlautet")
SPRECHEN = _words("sprach sprachen spricht sprechen gesprochen")  # a cue only with "von"
# particles that make a verb of saying something else ("sagte ab", "rief an") unless
# _SEPARABLE has the pair
PARTICLES = _words("ab an auf aus bei ein fest fort her hin los mit nach vor weg zu zurück")
# with a participle cue: passive ("wurde mitgeteilt", "sind aufgerufen")
PASSIVE_AUX = _words("wird werden wurde wurden worden ist sind war waren")
NEGATION = _words("nicht nie niemals keineswegs")
# "laut Plan", "laut Gesetz": a rule or a timetable, nobody who speaks
NOT_SPEAKERS = (
    "plan", "gesetz", "vertrag", "satzung", "verfassung", "vorschrift", "ordnung", "statut",
    "tarif", "programm",
)  # fmt: skip
NACH_NOUNS = tuple(
    _words(
        "angaben informationen darstellung auskunft ansicht einschätzung auffassung worten "
        "aussage aussagen schätzungen berichten erkenntnissen recherchen meinung mitteilung"
    )
)
NACH_ADJ = _words("eigenen offiziellen ersten bisherigen übereinstimmenden unbestätigten")

REPORTING_CUES: dict[str, tuple[str, ...]] = {
    "verb": tuple(sorted(VERBS)),
    "particle_verb": tuple(sorted(f"{v} ... {p}" for v, ps in FINITE_SEP.items() for p in ps)),
    "impersonal": ("hieß es", "heißt es", "geheißen", "verlautete", "verlautet"),
    "preposition": ("laut", "zufolge", "so", *(f"nach {n.capitalize()}" for n in NACH_NOUNS)),
    "clause": ("wie ... berichtet", "wie ... mitteilte", "wie ... sagte", "wie ... meldete"),
}

DETS = _words("der die das des dem den ein eine einer eines einem einen seine ihr ihre ihren")
NOM_DETS = _words("der die das ein eine einer er sie")
GEN_DETS = _words("des der eines einer von")
PREPS = _words(
    "am im in an auf aus bei beim mit nach vor vom von zu zum zur für gegenüber während seit über "
    "unter ins ans durch ohne gegen trotz wegen laut seitens"
)
ADVERBS = _words(
    "auch zudem außerdem dazu dann später gestern heute jetzt nun damals inzwischen allerdings "
    "daher deshalb doch dennoch trotzdem zugleich hier dort darin bereits noch erst zunächst "
    "schließlich zuvor danach darauf dagegen hingegen ebenfalls anders ebenso genauso ähnlich"
)
NO_HEAD = PREPS | ADVERBS | _words("er sie es man wer wie was wo woher warum wann ob dass")
OBLIQUE = _words("den dem einen einem")  # never the subject
SKIP_PHRASE = _words("als wie")  # "Anders als die Opposition": a comparison, no subject
PRONOUNS = _words("er sie")
RELATIVE = _words("der die das dem den deren dessen welche welcher welches")
MODALS = _words(
    "kann konnte können konnten will wollte wollen wollten muss musste müssen soll sollte sollen "
    "darf durfte dürfen wird werden würde würden möchte nicht zu"
)
NOT_ADJ = _words("unter über hinter oder aber wieder immer sehr gegen jedoch eben ohne wer")
DOC_NOUNS = _words(
    "bericht berichten berichte angaben informationen mitteilung erklärung studie meldung "
    "meldungen umfrage schätzung schätzungen darstellung recherchen aussagen worten einschätzung "
    "ansicht auffassung auskunft dokument papier schreiben begründung urteil stellungnahme "
    "entscheidung antrag protokoll"
)
CIRCLES = _words("umfeld kreis kreisen")  # "dem Umfeld des Trainers": the whole phrase speaks
TITLES = _words("dr prof")
NEWS_NOUNS = _words("zeitung blatt magazin sender agentur nachrichtenagentur portal")
KONJ = _words(
    "sei seien seist seiest habe hätte hätten werde würde würden könne könnte könnten müsse "
    "müsste müssten solle dürfe dürfte wolle möge gebe gäbe wäre wären stehe liege gehe komme "
    "bleibe lasse brauche fehle gelte zeige reiche wisse trage führe umfasse stamme ändere "
    "erfolge beruhe hänge leide"
)
NOT_KONJ = _words("gerne bitte ohne alle keine diese jede beide lange gerade heute eine")
OPEN_CLOSE = {"„": "“”", "“": "”", "«": "»", "»": "«", '"': '"', "‚": "‘"}
QUOTE_CHARS = frozenset('„“”«»"‚‘')
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
MONTHS = tuple(
    _words("Januar Februar März April Mai Juni Juli August September Oktober November Dezember")
)
ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|bzw|ca|Abs|Art|vgl|Hr|Fr|z\.B|u\.a|v\.a|d\.h)|(?<!\w)[A-ZÄÖÜ])\.$"
)
ORDINAL = re.compile(r"\b\d{1,2}\.$")
APPOSITION_GLUE = DETS | _words("und von vom im in bei für am")  # may join names and roles
