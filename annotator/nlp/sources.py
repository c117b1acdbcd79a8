"""One canonical source for many mentions: kind guessing, name normalising, merge suggestions.

"Berger", "Anna Berger", "Bundesumweltministerin Anna Berger" and "die Ministerin" are one
source; annotators confirm merges, these functions only propose them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence

from annotator.core.unionfind import UnionFind
from annotator.nlp.match_features import fold

SOURCE_KINDS: tuple[str, ...] = (
    "person", "government", "agency", "newspaper", "intelligence", "anonymous", "organisation",
    "other",
)  # fmt: skip


def _split(words: str) -> tuple[str, ...]:
    """A tuple from a space-separated literal: keeps the word lists short and diffable."""
    return tuple(words.split())


# Nouns naming a person by function; matched as word endings ("Bundesumweltministerin").
ROLE_SUFFIXES = _split(
    "sprecher sprecherin sprecherinnen minister ministerin sekretär sekretärin beamter beamte "
    "beamtin chef chefin präsident präsidentin vorsitzende vorsitzender abgeordnete abgeordneter "
    "experte expertin analyst analystin leiter leiterin direktor direktorin kanzler kanzlerin "
    "insider mitarbeiter mitarbeiterin vertreter vertreterin diplomat diplomatin meister meisterin "
    "führer führerin rechtler rechtlerin trainer trainerin geschäftsführer geschäftsführerin "
    "politiker politikerin"
)
# Nouns naming an institution generically ("das Ministerium", "das Blatt"): resolved like roles.
GENERIC_NOUNS = _split(
    "ministerium regierung zeitung blatt verband bündnis behörde agentur sender partei fraktion "
    "opposition polizei gericht unternehmen konzern"
)

_DETS = frozenset(_split("der die das des dem den ein eine einer eines einem einen"))
_TITLES = frozenset(_split("dr dr. prof prof. herr frau hr. fr. mag. dipl.-ing. med. h.c. sir"))
_QUOTES = str.maketrans("", "", '«»„“”"‚‘›‹')
_ACRONYM = re.compile(r"\(([A-ZÄÖÜ][A-ZÄÖÜa-z0-9-]{1,9})\)")

# "aus Regierungskreisen", "Koalitionskreise", "informierte Kreise" (not "Landkreise")
_CIRCLES = re.compile(r"(?<!land)(?<!stadt)(?<!wahl)kreise")
_ANONYMOUS = _split("insider namentlich anonym ungenannt informant umfeld vertraute")
_INTELLIGENCE = _split("geheimdienst nachrichtendienst verfassungsschutz spionageabwehr")
_INTELLIGENCE_TOKENS = frozenset(_split("bnd mad cia nsa fsb svr gru mossad mi5 mi6 dgse gchq"))
_AGENCY_TOKENS = frozenset(
    _split("dpa afp reuters ddp ap kna epd apa sda ansa efe mep sid dts bloomberg xinhua tass")
)
_AGENCY = _split("nachrichtenagentur presseagentur presse-agentur pressedienst ddp-nachrichten")
_NEWS_ENDS = _split(
    "zeitung kurier kuriers bote boten allgemeine rundschau depesche warte anzeiger blatt "
    "tageblatt tagblatt spiegel magazin sender rundfunk fernsehen echo journal express morgenpost "
    "tagesschau"
)
_NEWS_TOKENS = frozenset(
    _split("bild focus stern taz faz sz nzz ard zdf rtl mdr ndr wdr swr br rbb deutschlandfunk")
)
_GOVERNMENT = _split(
    "ministeri regierung minister staatssekretär kanzler senat behörde bundesamt landesamt "
    "botschaft polizei bürgermeister rathaus kommission präsidialamt kreml"
) + ("auswärtiges amt", "weißes haus")
_ORGANISATION = _split(
    "verband verbands bündnis initiative partei fraktion gewerkschaft verein institut universität "
    "gemeinschaft stiftung konzern gmbh bank opposition gruppe organisation unternehmen reederei "
    "kammer"
)
_ORGANISATION_TOKENS = frozenset(_split("ag se kg e.v. ev"))


def _tokens(name: str) -> list[str]:
    """Lowercased words of a name, quotes removed."""
    return name.translate(_QUOTES).lower().replace(",", " ").split()


def _is_role(token: str) -> bool:
    """A role or generic institution noun ("Bundesumweltministerin", "Ministerium")."""
    low = token.lower()
    return low.endswith(ROLE_SUFFIXES) or low.endswith(GENERIC_NOUNS)


def guess_kind(name: str, label: str | None = None) -> str:
    """One of SOURCE_KINDS for a mention, from its NER label and its words, to prefill the kind."""
    low = " ".join(_tokens(name))
    words = set(low.split())
    if label and label.upper().startswith("PER"):
        return "person"
    if _CIRCLES.search(low) or any(w in low for w in _ANONYMOUS):
        return "anonymous"
    if any(w in low for w in _INTELLIGENCE) or words & _INTELLIGENCE_TOKENS:
        return "intelligence"
    if words & _AGENCY_TOKENS or any(w in low for w in _AGENCY):
        return "agency"
    if any(w.endswith(_NEWS_ENDS) for w in words) or words & _NEWS_TOKENS:
        return "newspaper"
    if any(w in low for w in _GOVERNMENT):
        return "government"
    tokens = low.split()
    if tokens and any(t.endswith(ROLE_SUFFIXES) for t in tokens):
        # "ein hochrangiger Beamter" names nobody; "der Abgeordnete" is someone known
        return "anonymous" if tokens[0] in ("ein", "eine", "einer") else "person"
    org_words = any(w.endswith(_ORGANISATION) for w in words) or words & _ORGANISATION_TOKENS
    if (label and label.upper().startswith("ORG")) or org_words:
        return "organisation"
    caps = name.translate(_QUOTES).split()
    if 2 <= len(caps) <= 4 and all(w[:1].isupper() for w in caps) and not any(map(_is_role, caps)):
        return "person"
    return "other"


def _pick_part(name: str) -> str:
    """Of "Die Sprecherin des X, Jana Y" keep the part that is only a name, else the first."""
    parts = [p.strip() for p in name.split(",") if p.strip()]
    for part in parts:
        words = part.split()
        if all(w[:1].isupper() for w in words) and not all(map(_is_role, words)):
            return part
    return parts[0] if parts else ""


def _genitive_base(tokens: list[str], known: Collection[str]) -> list[str]:
    """Drop a genitive or dative ending where the base form is known ("Bergers" → "Berger")."""
    if not tokens:
        return tokens
    last = tokens[-1]
    for suffix in ("s", "es", "n", "en"):
        base = [*tokens[:-1], last[: -len(suffix)]]
        if last.endswith(suffix) and len(base[-1]) > 2 and fold(" ".join(base)) in known:
            return base
    if last.endswith(("ums", "amts")):  # "des Ministeriums", "des Auswärtigen Amts"
        return [*tokens[:-1], last[:-1]]
    return tokens


def _known(names: Iterable[str]) -> frozenset[str]:
    """Folded names and their last words: the base forms a genitive may be cut back to."""
    folded = {fold(n) for n in names}
    return frozenset(folded | {n.split()[-1] for n in folded if n.split()})


def normalise_name(name: str, known: Collection[str] = ()) -> str:
    """The name without titles, roles, articles, quotes and genitive -s, for comparing mentions.

    ``known`` (other names) lets "Bergers" become "Berger" only where "Berger" exists.
    """
    return _normalise(name, _known(known))


def _normalise(name: str, known: frozenset[str]) -> str:
    """normalise_name with the known base forms already folded (callers loop over many names)."""
    text = unicodedata.normalize("NFC", name).translate(_QUOTES)
    text = re.sub(r"\([^)]*\)", " ", text)
    tokens = _pick_part(text).split()
    while tokens and (tokens[0].lower() in _DETS or tokens[0].lower() in _TITLES):
        tokens.pop(0)
    tokens = [t for t in tokens if t.lower() not in _TITLES]
    k = 0
    while k < len(tokens) and (_is_role(tokens[k]) or tokens[k][:1].islower()):
        k += 1
    if 0 < k < len(tokens) and tokens[k][:1].isupper():
        tokens = tokens[k:]  # "Bundesumweltministerin Anna Berger" → "Anna Berger"
    return " ".join(_genitive_base(tokens, known))


def _role_word(name: str) -> str | None:
    """The role noun of a role-only mention ("die Ministerin" → "ministerin"), else None."""
    tokens = _normalise(name, frozenset()).split()
    if not tokens or not all(_is_role(t) or t[:1].islower() for t in tokens):
        return None
    roles = [t for t in tokens if _is_role(t)]
    return fold(roles[-1]) if roles else None


def _score(
    mention: str, m_norm: str, m_role: str | None, form: str, f_norm: str, alias: bool
) -> tuple[float, str]:
    """How well one form of a canonical source fits a mention, and why."""
    from rapidfuzz import fuzz

    if fold(mention.translate(_QUOTES)).strip() == fold(form.translate(_QUOTES)).strip():
        return (1.0, f"alias match: {form}") if alias else (1.0, "exact match")
    if m_norm and m_norm == f_norm:
        return 0.95, f"title-stripped match: {form}"
    m_tok, f_tok = m_norm.split(), f_norm.split()
    if (
        m_role is None
        and m_tok
        and f_tok
        and min(len(m_tok), len(f_tok)) == 1
        and (m_tok[-1] == f_tok[-1] and len(m_tok[-1]) > 2)
    ):
        return 0.85, f"last name match: {form}"
    if m_role is not None:
        hit = any(t.endswith(m_role) for t in fold(form).split())
        return (0.7, f"role match: {form}") if hit else (0.0, "")
    ratio = fuzz.token_set_ratio(m_norm, f_norm) if min(len(m_norm), len(f_norm)) > 3 else 0
    return (0.8 * ratio / 100, f"fuzzy match {ratio:.0f}: {form}") if ratio >= 85 else (0.0, "")


def merge_candidates(
    mention: str, canonical: Sequence[tuple[int, str, Sequence[str]]], top: int = 3
) -> list[tuple[int, float, str]]:
    """Existing canonical sources (id, name, aliases) a new mention may belong to, best first."""
    known = _known(n for _, name, aliases in canonical for n in (name, *aliases))
    m_norm, m_role = fold(_normalise(mention, known)), _role_word(mention)
    out: list[tuple[int, float, str]] = []
    for cid, name, aliases in canonical:
        best = (0.0, "")
        for form, alias in ((name, False), *((a, True) for a in aliases)):
            f_norm = fold(_normalise(form, known))
            best = max(best, _score(mention, m_norm, m_role, form, f_norm, alias))
        if best[0] > 0:
            out.append((cid, round(best[0], 3), best[1]))
    out.sort(key=lambda r: -r[1])
    return out[:top]


def _link_unique(groups: UnionFind, i: int, targets: list[int]) -> None:
    """Join mention i to the one group its candidates fall in; leave it alone when ambiguous."""
    roots = {groups.find(t) for t in targets}
    if len(roots) == 1:
        groups.union(i, roots.pop())


def group_mentions(mentions: Sequence[str]) -> list[list[int]]:
    """Proposed canonical groups of mention indices (singletons included), for "suggest merges"."""
    from rapidfuzz import fuzz, process

    known = _known(mentions)
    norms = [fold(_normalise(m, known)) for m in mentions]
    roles = [_role_word(m) for m in mentions]
    groups = UnionFind(range(len(mentions)))
    by_key: dict[str, int] = {}
    for i, mention in enumerate(mentions):  # same name once titles are gone, or its acronym
        for key in filter(None, [norms[i]] + [fold(a) for a in _ACRONYM.findall(mention)]):
            groups.union(i, by_key.setdefault(key, i))
    named = [i for i in range(len(mentions)) if roles[i] is None and norms[i]]
    spellings = sorted({norms[i] for i in named if len(norms[i]) > 4})
    scores = process.cdist(spellings, spellings, scorer=fuzz.ratio, score_cutoff=92)
    for a, b in zip(*scores.nonzero(), strict=True):  # "Kratochvil" / "Kratochvíl"
        groups.union(by_key[spellings[a]], by_key[spellings[b]])
    by_last: dict[str, list[int]] = {}
    for i in named:
        if len(norms[i].split()) > 1:
            by_last.setdefault(norms[i].split()[-1], []).append(i)
    for i in named:  # "Berger" joins "Anna Berger" if there is only one Berger
        if len(norms[i].split()) == 1:
            _link_unique(groups, i, by_last.get(norms[i], []))
    words = {i: fold(mentions[i]).split() for i in named}
    for i, role in enumerate(roles):  # "die Ministerin" joins the only group with a Ministerin
        if role is not None:
            _link_unique(groups, i, [j for j in named if any(w.endswith(role) for w in words[j])])
    clusters: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        clusters.setdefault(groups.find(i), []).append(i)
    return sorted(clusters.values(), key=lambda g: g[0])
