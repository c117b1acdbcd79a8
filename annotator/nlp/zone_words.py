"""Word lists and patterns for article zones: the page furniture German news sites print.

Lists hold lower-case keys (see ``key``); patterns are compiled once and matched against one
trimmed line, so every rule is data here and the passes in ``zones.py`` stay generic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.core import german, zones

HEADLINE, LEAD, DATELINE, BYLINE, SUBHEAD = "HEADLINE", "LEAD", "DATELINE", "BYLINE", "SUBHEAD"
CAPTION, CREDIT, TEASER, SUMMARY, NAV = "CAPTION", "CREDIT", "TEASER", "SUMMARY", "NAV"
NOTE, DUPLICATE = "NOTE", "DUPLICATE"
ZONE_LABELS = tuple(zones.ZONE_LABELS)  # the names above, in core.zones' order


def _words(text: str) -> frozenset[str]:
    return frozenset(w.replace("_", " ") for w in text.split())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Section and genre words of menus, breadcrumbs and Dachzeilen ("Politik", "Ausland").
SECTIONS = _words("""
    nachrichten news politik ausland inland deutschland welt europa international wirtschaft
    finanzen geld börse unternehmen sport fußball fussball bundesliga kultur feuilleton wissen
    wissenschaft gesundheit panorama vermischtes gesellschaft leben lifestyle stil reise auto
    mobilität digital netzwelt technik meinung kommentar kommentare debatte regional lokales
    region unterhaltung promis stars karriere campus bildung familie klima umwelt medien video
    videos audio podcast podcasts live liveblog ticker newsticker home startseite service
    ratgeber verbraucher immobilien wetter investigativ hintergrund analyse exklusiv plus
    interview reportage essay kolumne porträt eilmeldung breaking topthemen themen
    innenpolitik außenpolitik
""")
# Sections that are also ordinary word starts ("HomeOffice", "AutoBild") never count as glued.
GLUED = SECTIONS - _words("home live auto stil plus welt geld leben region service audio video")
# Whole lines that are buttons, menus, share bars and plugs (after ``key``).
NAV_PHRASES = _words("""
    anzeige werbung sponsored advertorial teilen artikel_teilen beitrag_teilen drucken
    artikel_drucken kommentieren zu_den_kommentaren kommentar_schreiben zur_startseite
    zurück_zur_startseite menü menu suche navigation zum_inhalt zum_inhalt_springen nach_oben
    zurück weiter schließen anmelden einloggen login registrieren abonnieren jetzt_abonnieren
    abo newsletter newsletter_abonnieren artikel_anhören anhören vorlesen artikel_vorlesen
    audio_abspielen jetzt_lesen mehr mehr_lesen mehr_anzeigen weiterlesen zum_artikel
    alle_artikel merken artikel_merken gemerkt facebook twitter x whatsapp e-mail email mail
    linkedin xing pinterest telegram threads bluesky instagram messenger flipboard
    link_kopieren kopieren feedback fehler_melden vergrößern bild_vergrößern zur_galerie
    video_abspielen video_starten abspielen play externer_inhalt inhalt_laden
    inhalte_aktivieren bildbeschreibung_einblenden bildunterschrift mehr_zum_autor
    alle_artikel_des_autors zur_autorenseite folgen
""")
# Mastheads: an outlet's name alone on a line, or after " | " at a headline's end; each entry is
# the canonical name, then other spellings.
_OUTLET_NAMES = (
    "Der Spiegel|Spiegel|spiegel.de|Spiegel Online", "Zeit Online|zeit.de", "Die Zeit|Zeit",
    "FAZ|F.A.Z.|FAZ.NET|Frankfurter Allgemeine|Frankfurter Allgemeine Zeitung",
    "Süddeutsche Zeitung|SZ|sueddeutsche.de", "tagesschau|tagesschau.de", "ZDF|ZDFheute|zdf.de",
    "n-tv|ntv|n-tv.de", "Welt|Die Welt|welt.de", "Bild|bild.de", "Focus|Focus Online", "Stern",
    "t-online|t-online.de", "Handelsblatt", "taz", "Tagesspiegel|Der Tagesspiegel", "RND",
    "Deutschlandfunk", "BR24", "MDR", "NDR", "WDR", "SWR", "rbb24|RBB", "hessenschau",
    "Deutsche Welle|DW", "Der Standard|Standard", "NZZ|Neue Zürcher Zeitung", "ORF", "Merkur",
    "Frankfurter Rundschau|FR", "Berliner Zeitung", "Rheinische Post|RP", "WAZ",
    "Stuttgarter Zeitung", "Hamburger Abendblatt", "Kölner Stadt-Anzeiger", "Tagesanzeiger",
)
OUTLETS: dict[str, str] = {
    variant.lower(): names.split("|")[0] for names in _OUTLET_NAMES for variant in names.split("|")
}
PHOTO_AGENCIES = (
    "picture alliance", "picture-alliance", "imago", "imago images", "Getty Images", "AP Photo",
    "dpa-Bildfunk", "Shutterstock", "iStock", "iStockphoto", "Keystone", "EPA", "epa-efe",
    "Sipa", "Photothek", "Unsplash", "Pixabay", "Adobe Stock", "ddp images",
)  # fmt: skip

AGENCY = rf"(?<![\w-])(?:{alternation(german.AGENCIES)})(?![\w-])"
_OUTLET = rf"(?<![\w-])(?:{alternation(OUTLETS)})(?![\w-])"
# "dpa/AFP", "dpa/lni", "dpa, AFP, t-online": agencies, then desk codes or outlets.
AGENCY_EXPR = (
    rf"{AGENCY}(?:\s*(?:/|,|&|\bund\b)\s*(?:{AGENCY}|{_OUTLET}|(?-i:[a-z]{{2,4}})(?![\w-])))*"
)
_PHOTO = rf"(?:{alternation(PHOTO_AGENCIES)}|{AGENCY})"
_OPEN = r"[\"'„“‚‘»«(\[]"  # what a headline or subhead may start with besides a capital

TEASER_HEADING = re.compile(
    r"(?:lesen sie (?:auch|mehr|hier|dazu|außerdem)|mehr (?:zum thema|dazu|zu diesem thema)"
    r"|weitere (?:artikel|nachrichten|beiträge|themen|meldungen|informationen|texte)"
    r"|das könnte sie (?:auch )?interessieren|für sie (?:ausgewählt|empfohlen)"
    r"|(?:auch|ebenfalls) interessant|(?:unsere )?empfehlung(?:en)?|(?:passend )?zum thema"
    r"|lesetipps?|leseempfehlung(?:en)?|ähnliche (?:artikel|themen)|verwandte (?:artikel|themen)"
    r"|meistgelesen(?:e artikel)?|top-?themen|mehr aus (?:dem ressort|der rubrik))"
    r"(?P<rest>\s*:\s*\S.*|\s*:?)"
    r"|(?:video|audio|podcast|bilderstrecke|fotostrecke|galerie|liveblog)(?P<item>\s*:\s*\S.*)",
    re.I,
)
SUMMARY_HEADING = re.compile(
    r"(?:das wichtigste(?: (?:in kürze|im überblick|zusammengefasst|auf einen blick|vorab))?"
    r"|zusammenfassung|auf einen blick|kurz zusammengefasst|zusammengefasst|in kürze"
    r"|die wichtigsten (?:punkte|fakten|infos|informationen)(?: im überblick)?"
    r"|kurz und knapp|darum geht(?:'|’)?s|worum es geht|kurzfassung|tl;dr)"
    r"(?P<rest>\s*:\s*\S.*|\s*:?)",
    re.I,
)
BULLET = re.compile(r"(?:[•·▪▫◦‣∙●○■□►▶➤✓✔*+]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
_NOTE_START = re.compile(
    r"(?:diese (?:geschichte|meldung|nachricht|lage) entwickelt sich"
    r"|dieser (?:artikel|text|beitrag|liveblog|ticker)\b.{0,60}?\b(?:wurde|wird|ist|erschien)\b"
    r".{0,80}?\b(?:aktualisiert|ergänzt|korrigiert|geändert|überarbeitet|erweitert|übersetzt"
    r"|erstellt|zuerst|erstmals|ursprünglich)"
    r"|korrektur(?:hinweis)?\s*:|in einer (?:früheren|vorherigen|ersten) (?:version|fassung)"
    r"|(?:hinweis|anmerkung|nachtrag|notiz) (?:der|aus der) redaktion|redaktioneller hinweis"
    r"|(?:dieses|das) thema im programm|transparenzhinweis|offenlegung\s*:|hinweis\s*:"
    r"|anm\. d\. red\.|\*\s*name.{0,40}geändert"
    r"|(?:unter |mit )?mitarbeit(?:\s*:|\s+von))",
    re.I,
)
_NOTE_HINTS = ("berichterstattung", "informationen", "recherchen", "beigetragen", " bei")
_NOTE_ANYWHERE = re.compile(
    r"(?:lieferte|lieferten|steuerte|steuerten) (?:zusätzliche |weitere |ergänzende )?"
    r"(?:berichterstattung|informationen|recherchen)"
    r"|(?:hat|haben) zu (?:diesem|dem) (?:bericht|artikel|beitrag|text) beigetragen"
    r"|trugen? zu (?:diesem|dem) (?:bericht|artikel|beitrag|text) bei",
    re.I,
)
_NAV_PATTERNS = re.compile(
    r"(?:\d+\s+)?kommentare?|(?:lesezeit|lesedauer)\s*:?\s*(?:ca\.\s*)?\d+\s*min\w*\.?"
    r"|(?:ca\.\s*)?\d+\s*min(?:uten|\.)?(?:\s*(?:lesezeit|lesedauer))?"
    r"|(?:artikel|beitrag|text)\s+(?:anhören|vorlesen(?: lassen)?|teilen|merken|drucken"
    r"|verschenken|versenden|empfehlen)(?:\s*[•·|-]?\s*\d+\s*min\w*\.?)?"
    r"|bild\s+\d+\s+(?:von|/)\s+\d+|\d+\s*(?:von|/)\s*\d+|\d+\s+bilder"
    r"|(?:jetzt\s+)?(?:weiter)?lesen\s+mit\s+.{1,30}"
    r"|(?:weiter(?:lesen)?|der artikel geht|artikel wird|lesen sie weiter)\b.{0,30}anzeige.{0,20}"
    r"|(?:url|link)\s*:\s*https?://\S+|https?://\S+|www\.\S+\.\w{2,}\S*",
    re.I,
)
# Plugs found by two words anywhere in a short line (lower case): (first, second, longest line).
_PLUGS = (
    (("newsletter",), ("abonnier", "anmelde", "bestell", "registrier"), 120),
    (("abopflichtig", "abonnent"), ("",), 160),
    (("externe inhalt", "externen inhalt", "externer inhalt", "drittanbieter", "cookie"),
     ("aktivier", "einverstanden", "zustimm", "akzeptier", "einwillig", "datenschutz"), 250),
)  # fmt: skip
BREADCRUMB_SPLIT = re.compile(r"\s*[>›»→]\s*|\s+[/|•·]\s+")
_SECTION_SPLIT = re.compile(r"[\s|•·/,]+|(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")
_GLUED = re.compile(rf"(?:(?:{alternation(w.capitalize() for w in GLUED)})(?=[A-ZÄÖÜ]))+")
_AGENCY_LINE = re.compile(
    r"(?:(?:quellen?|agenturen|material)\s*:\s*|(?:mit|unter verwendung von)\s+material\s+"
    r"(?:von|der|des)\s+(?:(?:den\s+)?nachrichtenagenturen?\s+)?)?"
    rf"(?P<open>\(?)\s*(?:[a-z]{{2,4}}\s*/\s*)*{AGENCY_EXPR}\s*(?P<close>\)?)\s*\.?",
    re.I,
)
# First words of the byline forms ``german.parse_author_line`` reads.
_BYLINE_STARTS = _words("""
    von ein eine autor autorin autoren autorinnen text kommentar analyse interview gastbeitrag
    bericht essay kolumne reportage glosse protokoll aufgezeichnet recherche reporter reporterin
""")
_CAPWORD = r"(?-i:[A-ZÄÖÜ])[\w'’.-]+"
_NAME = rf"{_CAPWORD}(?:\s+(?:(?:von|van|de|der|den|zu)\s+)?{_CAPWORD}){{1,3}}"
# Bylines ``german.parse_author_line`` leaves out: ``Interview: Jan Roth``, ``Protokoll: …``.
LABELLED_BYLINE = re.compile(
    r"(?:interview|protokoll|aufgezeichnet von|recherche|text und fotos?|reporter(?:in)?)\s*:?\s*"
    rf"(?P<names>{_NAME}(?:\s*(?:,|\bund\b|&)\s*{_NAME})*)",
    re.I,
)
_AGENCY_BYLINE = re.compile(rf"von\s+{AGENCY_EXPR}", re.I)
_RELATIVE_DATE = re.compile(
    r"(?:(?:aktualisiert|veröffentlicht|erstellt|stand|update)(?:\s+am)?\s*:?\s*)?"
    r"(?:vor\s+(?:\d+|einer|einem|wenigen|zwei|drei|vier|fünf|zehn)\s+(?:sekunden?|minuten?"
    r"|min\.?|stunden?|std\.?|tagen?|wochen?|monaten?)|(?:heute|gestern|vorgestern)"
    r"(?:\s*,?\s*(?:um\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*uhr)?)?)",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"\(?(?:(?:fotos?|bild(?:er)?|bildquelle|bildnachweis|bildrechte|quelle(?:\s+bild)?|titelbild"
    r"|titelfoto|aufmacherbild|grafik|illustration|karte|fotograf(?:in)?|credit|photo)"
    r"\s*:\s*\S.*|(?:©|\(c\)|copyright\b).*|\|\s*\S.{0,80}"
    r"|\(?(?:symbolbild|symbolfoto|archivbild|archivfoto|illustration)\)?\.?)",
    re.I,
)
_PHOTO_CREDIT = re.compile(
    rf"{_PHOTO}(?:\s*(?:/|\||via|,)\s*[^\W\d_][\w.'’ -]{{0,40}})*"
    rf"|[^\W\d_][\w.'’ -]{{1,40}}\s*/\s*{_PHOTO}(?:\s*/\s*[^\W\d_][\w.'’ -]{{0,40}})*",
    re.I,
)
CREDIT_HINTS = ("foto", "bild", "grafik", "illustration", "credit", "©", "|", "quelle", "archiv")
CREDIT_TAIL = re.compile(
    r"(?<![\w-])(?:\|\s*)?(?:(?:fotos?|bild|bildquelle|bildnachweis|grafik|illustration"
    r"|credit)\s*:|©|\((?:symbolbild|symbolfoto|archivbild|archivfoto|archiv)\))"
    r"|\((?=(?:quelle|fotos?|bild)\s*:[^()]{1,80}\)\W*$)"
    rf"|\|\s*(?={_PHOTO})",
    re.I,
)
DATELINE_OPEN = re.compile(
    rf"\(\s*{AGENCY_EXPR}\s*\)\s*(?:[-–—:]\s*)?(?=\S)"
    r"|(?-i:[A-ZÄÖÜ]{3,}(?:[ /-][A-ZÄÖÜ]{2,}){0,2})(?:\s*,\s*[^–—\n-]{3,30}?)?\s+[-–—]\s+(?=\S)",
    re.I,
)
_PLACE_WORD = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
_PLACE = (
    rf"(?:(?:Bad|Sankt|St\.)\s+)?{_PLACE_WORD}"
    rf"(?:\s+(?:am|an der|im|in der|ob der|bei)\s+{_PLACE_WORD})?(?:\s*/\s*{_PLACE_WORD})*"
    r"(?:\s\([A-ZÄÖÜ][a-zäöü]+\))?"
)
PLACE = re.compile(_PLACE)
# "Köln – Ein Mann …", "Hannover. Die Stadt …": a place without agency opening a paragraph.
PLACE_DASH = re.compile(rf"(?P<place>{_PLACE})\s+[-–—]\s+(?=[A-ZÄÖÜ„\"»])")
PLACE_DOT = re.compile(rf"(?P<place>{_PLACE})\.\s+(?=[A-ZÄÖÜ„\"»])")  # first paragraphs only
NOT_PLACES = _words("""
    doch aber und nun jetzt so da dann also heute gestern morgen immerhin trotzdem dennoch zudem
    außerdem hier dort ja nein klar endlich genau richtig falsch danke stopp achtung schluss
    fazit bitte gut schade vorbei eben kurz zuerst später
""") | frozenset(german.WEEKDAYS) | frozenset(german.MONTHS)
TRAILING_AGENCY = re.compile(
    rf"(?<=[.!?\"“”»])\s*(?P<credit>\(\s*(?:[a-z]{{2,4}}\s*/\s*)*{AGENCY_EXPR}\s*\))\s*$", re.I
)
_PHOTO_SOURCE = re.compile(rf"{alternation(PHOTO_AGENCIES)}|[^\W\d_]\s*/\s*{AGENCY}", re.I)
_SOURCE_CREDIT = re.compile(r"\(?(?:quellen?\s*:|©|\(c\)|copyright\b|erschienen\s+in)", re.I)
DIGIT = re.compile(r"\d")
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<outlet>[^|–—]{2,40})$")
_URL = re.compile(r"(?:(?:quelle|url|link|source)\s*:\s*)?(?P<url>https?://\S+)", re.I)


def key(text: str) -> str:
    """A line as a list key: lower case, single spaces, no closing colon or dots."""
    return " ".join(text.split()).casefold().rstrip(":.… ")


def is_section_line(text: str) -> bool:
    """Only section names: ``Politik``, ``Nachrichten Politik Ausland``, ``PolitikAusland``."""
    if len(text) > 80:
        return False
    tokens = [t for t in _SECTION_SPLIT.split(text) if any(c.isalpha() for c in t)]
    return 0 < len(tokens) <= 8 and all(t.casefold().strip(":.") in SECTIONS for t in tokens)


def is_nav(text: str) -> bool:
    """Menus, buttons, share bars, plugs, mastheads, breadcrumbs and links."""
    if len(text) > 300:
        return False
    k = key(text)
    if k in NAV_PHRASES or k in OUTLETS or is_section_line(text):
        return True
    low = text.lower()
    if _NAV_PATTERNS.fullmatch(text) or any(
        len(text) <= longest and any(a in low for a in first) and any(b in low for b in second)
        for first, second, longest in _PLUGS
    ):
        return True
    return _is_breadcrumb(text)


def _is_breadcrumb(text: str) -> bool:
    """``Politik > Ausland > Europa``: short parts, one of them a section or a ``>`` separator."""
    if len(text) > 120:
        return False
    parts = BREADCRUMB_SPLIT.split(text)
    if len(parts) < 2 or not all(0 < len(p) <= 40 and len(p.split()) <= 4 for p in parts):
        return False
    if any(p[-1] in ".!?,;:" for p in parts):
        return False
    return bool(re.search(r"[>›»→]", text)) or any(key(p) in SECTIONS for p in parts)


def glued_nav_end(text: str) -> int:
    """Length of section words glued to a capitalised word: ``NachrichtenRussland`` → 11."""
    match = _GLUED.match(text)
    return match.end() if match and match.end() < len(text) else 0


def is_note(text: str) -> bool:
    """Editorial notes: updates, corrections, contributions, ``Hinweis der Redaktion``."""
    if len(text) > 600:
        return False
    if _NOTE_START.match(text):
        return True
    low = text.lower()
    return len(text) <= 300 and any(h in low for h in _NOTE_HINTS) \
        and bool(_NOTE_ANYWHERE.search(text))  # fmt: skip


def is_agency_line(text: str) -> bool:
    """``(AFP)``, ``dpa/AFP``, ``afp/rtr``, ``Quelle: Reuters``, ``Mit Material von dpa``."""
    match = _AGENCY_LINE.fullmatch(text) if len(text) <= 120 else None
    return match is not None and bool(match.group("open")) == bool(match.group("close"))


def date_piece(text: str) -> german.DatePiece | None:
    """A line that is a calendar date: ``Stand: 22.10.2024, 14:05 Uhr``, ``Mi 23.10.24``."""
    return german.parse_date_line(text.strip("-–— "))  # FAZ: "-Aktualisiert am 30.09.2024-16:22"


def is_date_line(text: str) -> bool:
    """A calendar date, a clock time or ``vor 2 Stunden``."""
    if len(text) > 120:
        return False
    if not DIGIT.search(text):
        return bool(_RELATIVE_DATE.fullmatch(text))
    return bool(date_piece(text) or _RELATIVE_DATE.fullmatch(text) or german.parse_time(text))


def is_byline(text: str) -> bool:
    """``Von Anna Berger``, ``Ein Kommentar von …``, ``Autor: …``, ``Von … und …, Berlin``."""
    first = text[:12].split(maxsplit=1)[0].rstrip(":").lower() if text.strip() else ""
    if first not in _BYLINE_STARTS or len(text) > 200:
        return False
    return german.parse_author_line(text) is not None or bool(
        _AGENCY_BYLINE.fullmatch(text) or LABELLED_BYLINE.fullmatch(text)
    )


def is_credit(text: str) -> bool:
    """``Foto: picture alliance / dpa``, ``© …``, ``(Symbolbild)``, ``| dpa``, ``REUTERS/Name``."""
    if len(text) > 160:
        return False
    short = len(text) <= 100
    return bool(_CREDIT_LINE.fullmatch(text) or (short and _PHOTO_CREDIT.fullmatch(text)))


def is_photo_credit(text: str) -> bool:
    """A credit under a picture, not a ``Quelle:`` or ``©`` line naming a text's source."""
    if _SOURCE_CREDIT.match(text):  # "© Julian Stratenschulte/dpa" is a photographer's
        return bool(_PHOTO_SOURCE.search(text))
    return is_credit(text)


def header_label(text: str) -> str | None:
    """The label of a header piece (date, agency, byline, credit), else None."""
    if is_date_line(text) or is_agency_line(text):
        return DATELINE
    if is_byline(text):
        return BYLINE
    return CREDIT if is_credit(text) else None


def heading_kind(text: str) -> tuple[str, bool] | None:
    """(TEASER or SUMMARY, whether items follow) for a box heading, else None."""
    if len(text) > 200:
        return None
    for label, pattern in ((TEASER, TEASER_HEADING), (SUMMARY, SUMMARY_HEADING)):
        match = pattern.fullmatch(text)
        if match:
            rest = match.group("rest") if match.group("rest") is not None else "item"
            return label, not rest.strip(" :")
    return None


def url_in(text: str) -> str | None:
    """The URL of a line that is only a link, or ``Quelle:``/``URL:`` and a link."""
    match = _URL.fullmatch(text.strip()) if len(text) <= 2000 else None
    return match.group("url").rstrip(".,;)") if match else None


def agencies_in(text: str) -> str | None:
    """Canonical agencies named in a zone: ``Berlin (dpa/lni) –`` → ``dpa``."""
    for match in re.finditer(AGENCY_EXPR, text[:300], re.I):
        if len(match.group()) <= 2 and not match.group().isupper():
            continue  # "ap", "aa" inside text are not the agencies
        credit = german.agency_credit(re.sub(r"\s*(?:\bund\b|&)\s*", "/", match.group()))
        if credit:
            return credit
    return None


def starts_like_heading(text: str) -> bool:
    """A capital, a digit or an opening quote: how headlines and subheads begin."""
    first = text[:1]
    return bool(first) and (first.isupper() or first.isdigit() or bool(re.match(_OPEN, first)))


def outlet_suffix(text: str) -> tuple[str, str | None]:
    """``Gipfel in Brüssel | tagesschau.de`` → (``Gipfel in Brüssel``, ``tagesschau``)."""
    match = _TITLE_SUFFIX.search(text)
    outlet = OUTLETS.get(match["outlet"].lower()) if match else None
    return (text[: match.start()], outlet) if match and outlet else (text, None)
