"""Word lists and patterns for article zones: the page furniture German news sites print.

Lists hold lower-case keys (see ``zone_forms.key``); patterns are compiled once and matched
against one trimmed line or piece, so every rule is data here; ``zone_forms`` asks them about
one piece of text and the passes in ``zones.py`` stay generic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.core import german, zones
from annotator.nlp import zone_vocab as v

HEADLINE, LEAD, DATELINE, BYLINE, SUBHEAD = "HEADLINE", "LEAD", "DATELINE", "BYLINE", "SUBHEAD"
CAPTION, CREDIT, TEASER, SUMMARY, NAV = "CAPTION", "CREDIT", "TEASER", "SUMMARY", "NAV"
NOTE, DUPLICATE = "NOTE", "DUPLICATE"
ZONE_LABELS = tuple(zones.ZONE_LABELS)  # the names above, in core.zones' order
SECTIONS, GLUED, NAV_PHRASES, OUTLETS = v.SECTIONS, v.GLUED, v.NAV_PHRASES, v.OUTLETS
PRESS_WORDS, PHOTO_AGENCIES = v.PRESS_WORDS, v.PHOTO_AGENCIES


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Buttons and menus glued together on copying ("Artikel teilenFacebookWhatsAppE-Mail",
# "ImpressumDatenschutzAGB© Blatt 2024"), matched against the case-folded line.
GLUED_NAV = re.compile(
    rf"(?:(?:{alternation(NAV_PHRASES | SECTIONS)})[\s|·•]*){{2,}}(?:©.*)?"
)
AGENCY = rf"(?<![\w-])(?:{alternation(german.AGENCIES)})(?![\w-])"
_OUTLET = rf"(?<![\w-])(?:{alternation(OUTLETS)})(?![\w-])"
# "dpa/AFP", "dpa/lni", "dpa, AFP, t-online": agencies, then desk codes or outlets.
AGENCY_EXPR = (
    rf"{AGENCY}(?:\s*(?:/|,|&|\bund\b)\s*(?:{AGENCY}|{_OUTLET}|(?-i:[a-z]{{2,4}})(?![\w-])))*"
)
_PHOTO = rf"(?:{alternation(PHOTO_AGENCIES)}|{AGENCY})"
OPEN = r"[\"'„“‚‘»«(\[]"  # what a headline or subhead may start with besides a capital

TEASER_HEADING = re.compile(
    r"(?:lesen sie (?:auch|mehr|hier|dazu|außerdem)(?: (?:zum thema|dazu|darüber"
    r"|zu diesem thema|(?:über|zu|zum|aus) [^:]{1,30}?))?|mehr (?:zum thema|dazu|zu diesem thema)"
    r"(?: [^:]{1,40}?)?|mehr (?:aus|zu|von|über|vom|zur|zum|im) [^:]{1,40}?"
    r"|weitere (?:artikel|nachrichten|beiträge|themen|meldungen|informationen|texte|folgen"
    r"|bildergalerien|galerien|videos|podcasts|kommentare|analysen)(?: [^:]{1,30}?)?"
    r"|das könnte sie (?:auch )?interessieren|für sie (?:ausgewählt|empfohlen)"
    r"|(?:auch|ebenfalls) interessant|(?:unsere )?empfehlung(?:en)?|(?:passend )?zum thema"
    r"|lesetipps?|leseempfehlung(?:en)?|ähnliche (?:artikel|themen)|verwandte (?:artikel|themen)"
    r"|meistgelesen(?:e artikel)?|top-?themen|mehr aus (?:dem ressort|der rubrik)"
    r"|(?:mehr|weitere) [\w-]*(?:news|nachrichten|meldungen|videos|faktenchecks|beiträge"
    r"|geschichten|reportagen|interviews|analysen|podcasts|artikel|liveticker|liveblogs|ticker)"
    r"(?: [^:]{1,30}?)?"
    r"|empfohlene artikel|(?:aktuelle|neueste) (?:nachrichten|artikel|meldungen|beiträge)"
    r"|schlagzeilen|das neueste|(?:zum )?(?:nächste[rn]?|vorherige[rn]?) (?:artikel|video|beitrag))"
    r"(?P<rest>\s*:\s*\S.*|\s*[:►▶→»›]?)"
    r"|(?:lesen sie (?:auch|mehr|dazu|außerdem)|mehr zum thema|(?:mehr|weitere) (?:nachrichten"
    r"|news|artikel|meldungen))(?-i:[A-ZÄÖÜ„\"]).*"  # glued: "Lesen Sie auchX"
    r"|(?:hier|dort) (?:finden|lesen|sehen|hören) sie\b[^.!?]{3,100}"
    r"|hier geht(?:'|’)?s (?:es )?(?:zu[mr]?|weiter)\b[^.!?]{3,100}"
    r"|(?:alle|weitere) (?:infos|informationen|entwicklungen|hintergründe|artikel|nachrichten"
    r"|ergebnisse) (?:zu[mr]?|über|aus) [^.!?]{3,80}"
    r"|(?:video|audio|podcast|bilderstrecke|fotostrecke|galerie|liveblog|mehr)(?P<item>\s*:\s*\S.*)",
    re.I,
)
# "Mehr Meinung": a section's link, or a teaser heading when items follow it.
SECTION_TEASER = re.compile(rf"(?:mehr|weitere) (?:{alternation(SECTIONS)})", re.I)
SUMMARY_HEADING = re.compile(
    r"(?:das wichtigste(?: (?:in kürze|im überblick|zusammengefasst|auf einen blick|vorab))?"
    r"|zusammenfassung|auf einen blick|kurz zusammengefasst|zusammengefasst|in kürze"
    r"|die wichtigsten (?:punkte|fakten|infos|informationen)(?: im überblick)?"
    r"|kurz (?:und|&) knapp|darum geht(?:'|’)?s|worum es geht|kurzfassung|tl;dr)"
    r"(?P<rest>\s*:\s*\S.*|\s*:?)",
    re.I,
)
# Headings whose lines up to the next blank line are one zone: sources, tags, broadcast notes.
BLOCK_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CREDIT, re.compile(r"(?:verwendete |genutzte )?quellen|quellenangaben?|pressekontakt"
                        r"|medienkontakt|rückfragen(?: bitte)?(?: an)?|kontakt für (?:rückfragen"
                        r"|medien|die presse)", re.I)),
    (NAV, re.compile(r"(?:schlagwörter|schlagworte|themen|tags|stichworte)"
                     r"(?: (?:zu|in) diesem (?:artikel|beitrag|text))?|inhaltsverzeichnis"
                     r"|inhalt|in diesem artikel", re.I)),
    (NOTE, re.compile(r"(?:dieses|das) thema im programm|sendung|sendehinweis", re.I)),
)  # fmt: skip
BULLET = re.compile(r"(?:[•·▪▫◦‣∙●○■□►▶➤✓✔*+]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
NOTE_START = re.compile(
    r"(?:\+{2,}\s*)?(?:diese (?:geschichte|meldung|nachricht|lage) entwickelt sich"
    r"|(?:dieser|diese|dieses|der|die|das) (?:artikel|text|beitrag|liveblog|newsblog|ticker"
    r"|meldung|nachricht|seite|geschichte|bericht)\b.{0,60}?\b"
    r"(?:wurde|wird|ist|erschien|gehört)\b.{0,80}?\b(?:aktualisiert|ergänzt|korrigiert|geändert"
    r"|überarbeitet|erweitert|übersetzt|erstellt|zuerst|erstmals|ursprünglich|teil|serie|reihe)"
    r"|korrektur(?:hinweis)?\s*:|in einer (?:früheren|vorherigen|ersten) (?:version|fassung)"
    r"|(?:hinweis|anmerkung|nachtrag|notiz) (?:der|aus der) redaktion|redaktioneller hinweis"
    r"|(?:dieses|das) thema im programm|transparenzhinweis|offenlegung\s*:|hinweis\s*:"
    r"|über dieses thema (?:hat |haben )?(?:\S+ ){0,5}?berichtete?"
    r"|(?:dieser|der|dieses|das) (?:beitrag|bericht|interview|gespräch|thema) (?:lief|läuft|wurde)"
    r"\b.{0,60}?\b(?:gesendet|ausgestrahlt|im programm|im radio|im fernsehen)"
    r"|(?:alle|die (?:wichtigsten|neuesten|aktuellen)) (?:entwicklungen|ereignisse|informationen"
    r"|nachrichten)\b[^.!?]{0,80}\bin (?:unserem|diesem) (?:liveblog|newsblog|ticker|liveticker)"
    r"|(?:die )?angaben (?:der|beider|von)\b[^.!?]{0,40}\b(?:lassen sich|können)[^.!?]{0,30}"
    r"\bnicht\b[^.!?]{0,30}(?:überprüf|prüf|verifizier)"
    r"|(?:dieser|der|unser) (?:liveblog|newsblog|ticker|liveticker)\b.{0,40}?\b(?:ist|wird|wurde)"
    r" (?:\w+ )?(?:beendet|geschlossen|abgeschlossen)"
    r"|(?:dieser|der|dieses|das) (?:text|beitrag|artikel)\b.{0,20}?\b(?:ist|basiert auf)"
    r" (?:eine[rm]? )?(?:pressemitteilung|pressemeldung|mitteilung)"
    r"|(?:dieser|der|dieses|das|diese|die) (?:artikel|text|beitrag|interview|gespräch|kommentar"
    r"|essay|porträt|reportage|kolumne|rezension|analyse)\b.{0,40}?\berschien\b"
    r"|(?:wir|die redaktion) (?:aktualisier|ergänz)\w* (?:diesen|den) (?:artikel|text|beitrag"
    r"|ticker|liveblog)|wir berichten (?:weiter|nach)\b.{0,60}"
    r"|(?:dieser|der) (?:artikel|text|beitrag) enthält (?:affiliate|werbe|partner)[\w-]*"
    r"|mit \* (?:gekennzeichnete|markierte) links"
    r"|(?:die )?(?:recherche|reise|reportage) wurde (?:\w+ )?(?:unterstützt|gefördert|finanziert)"
    r"|(?:weitere|mehr) (?:informationen|details|einzelheiten) (?:folgen|in kürze)"
    r"|(?:mehr|details|einzelheiten) in kürze"
    r"|anm\. d\. red\.|\*\s*name.{0,40}geändert|übersetzt aus dem \w+\s*\.?$"
    r"|(?:aus|erschienen in) (?:der |dem |des )?.{2,40}? (?:nr\. ?)?\d{1,2}/(?:19|20)\d\d\s*$)",
    re.I,
)
# Who else supplied words: contributions, translators, a Reuters closing line, source lists.
CONTRIBUTION = re.compile(
    r"\(?(?:(?:zusätzliche|weitere|ergänzende) berichterstattung|(?:unter )?mitarbeit"
    r"|übersetzung|übersetzt|aus dem \w+(?:ischen|en))\s*(?::|von)\s*\S.{0,300}"
    r"|\(?(?:reporter(?:in)?|bericht|geschrieben|recherchiert)(?:\s*:|\s+von)\s.{0,200}?"
    r"(?:redigiert|geschrieben|bearbeitet) von .{0,300}",
    re.I,
)
# … and in a short line: "Jan Roth lieferte zusätzliche Berichterstattung."
CONTRIBUTED_HINTS = ("berichterstattung", "informationen", "recherchen", "beigetragen", "trug")
CONTRIBUTED = re.compile(
    r"(?:lieferte|lieferten|steuerte|steuerten) (?:zusätzliche |weitere |ergänzende )?"
    r"(?:berichterstattung|informationen|recherchen)\b"
    r"|(?:hat|haben) zu (?:diesem|dem) (?:bericht|artikel|beitrag|text) beigetragen\.?$"
    r"|trugen? zu (?:diesem|dem) (?:bericht|artikel|beitrag|text) bei\.?$",
    re.I,
)
WRITTEN_BY = re.compile(
    r"(?:^|[(;,.]\s*)(?:(?:bericht|geschrieben) von\s+|reporter(?:in|innen)?\s*:\s*)"
    r"(?P<names>[^,;()]+)",
    re.I,
)
INTERVIEW_SPEAKER = re.compile(r"(?P<speaker>[^\W\d][\w.-]*(?: [^\W\d][\w.-]*)?):\s")
TRAILING_DATE = re.compile(  # "Marten Vollmer 08.07.2025": where the date begins
    r"\s+(?=(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s[^\W\d]+\s\d{4})\b)"
)
NAV_PATTERNS = re.compile(
    r"(?:\d+\s+)?(?:leser)?kommentare?(?:\s*\(\d+\))?|(?:lesezeit|lesedauer)\s*:?\s*(?:ca\.\s*)?"
    r"\d+\s*min\w*\.?|(?:ca\.\s*)?\d+\s*min(?:uten|\.)?(?:\s*(?:lesezeit|lesedauer))?"
    r"|(?:beitrags|video|audio)?(?:länge|dauer)\s*:?\s*\d+(?::\d\d)?\s*(?:min\w*|sek\w*)\.?"
    r"|(?:artikel|beitrag|text)\s+(?:anhören|vorlesen(?: lassen)?|teilen|merken|drucken"
    r"|verschenken|versenden|empfehlen)(?:\s*[•·|-]?\s*\(?\d+(?::\d\d)?\s*min\w*\.?\)?)?"
    r"|(?:die )?kommentarfunktion (?:ist |wurde )?(?:\w+ )?(?:geschlossen|deaktiviert|beendet)\.?"
    r"|(?:zum|zur) (?:kommentarbereich|diskussion|debatte)"
    r"|(?:bitte )?(?:melden sie sich an|anmelden),? um (?:zu kommentieren|mitzudiskutieren"
    r"|einen kommentar zu schreiben)\.?"
    r"|ein (?:beitrag|post|video|reel) (?:geteilt )?von .{1,60}\(@[\w.]+\)"
    r"|bild\s+\d+\s*(?:von|/)\s*\d+|(?:video|audio|podcast)\s*:?\s*\d+:\d\d(?::\d\d)?"
    r"(?:\s*(?:min\.?|minuten))?|\d+\s*(?:von|/)\s*\d+|\d+\s+bilder"
    r"|(?:jetzt\s+)?(?:weiter)?lesen\s+mit\s+.{1,30}|newsletter\s*:.{0,150}"
    r"|(?:weiter(?:lesen)?|der artikel geht|artikel wird|lesen sie weiter)\b.{0,30}anzeige.{0,20}"
    r"|(?:url|link)\s*:\s*https?://\S+|https?://\S+|www\.\S+\.\w{2,}\S*"
    r"|(?:\d+\s+)?postings?|(?:zurück\s+)?zur\s+(?:[\w.]+[\s-])?startseite"
    r"|(?:themen|schlagwörter|schlagworte|tags|stichworte)\s*:\s*[^.!?]{1,150}"
    r"|[^\W_][\w.-]{0,20}(?:\+|\s+plus)"  # paywall marks: "WB+", "SZ Plus"
    r"|kommentare?\s+(?:lesen|anzeigen|ansehen|öffnen)(?:\s*\(\d+(?:\s+\w+)?\))?"
    r"|(?:jetzt\s+)?(?:weiter)?lesen\s+(?:sie\s+)?(?:jetzt\s+)?(?:weiter\s+)?mit\s+.{1,30}"
    r"|(?:unbegrenzt\s+)?alle\s+(?:artikel|inhalte|texte|beiträge)\b.{0,40}\b(?:lesen|nutzen)"
    r"|(?:sie sind hier|sie befinden sich hier|du bist hier)\s*:.{1,150}"
    r"|fehler (?:gefunden|entdeckt)\??\s*(?:jetzt |hier )?melden\.?"
    r"|(?:(?:auf|per|bei|via)\s+\S+(?:\s+\S+)?\s+teilen|teilen\s+(?:auf|per|via|bei)\s+\S+)"
    r"|alle (?:artikel|beiträge|texte) (?:von|des autors|der autorin)\b.{0,50}"
    r"|vervielfältigung.{0,60}genehmigung.{0,40}"
    r"|[^.!?]{1,60}\b(?:alle rechte vorbehalten|all rights reserved)\.?"
    r"|(?:ressort|rubrik|kategorie)\s*:\s*[^.!?]{1,60}|hören sie (?:hier )?(?:den|diesen) artikel"
    r"|(?:dieser|der) artikel wurde ihnen geschenkt.{0,60}"
    r"|(?:wie (?:gefällt|gefiel) ihnen|war) (?:dieser|der) (?:artikel|beitrag|text)"
    r"(?: hilfreich)?\??"
    r"|(?:nr\.|nummer|seite|s\.)\s*\d{1,4}|artikel\s+mit\s+(?:audio|video|bilder|foto)[\w-]*",
    re.I,
)
_SOCIAL = ("facebook", "instagram", "x", "twitter", "tiktok", "youtube", "whatsapp", "threads",
           "bluesky", "linkedin", "mastodon", "telegram", "google news")  # fmt: skip
# Offers and plugs without a final full stop that may start with any words: each pattern is
# tried only when one of its hint words is in the lower-cased line.
HINTED_NAV = tuple((hints, re.compile(pattern, re.I)) for hints, pattern in (
    (("€", "euro"), r"[^.!?]{0,40}(?:€|euro)[^.!?]{0,40}(?:testen|kündbar|im monat|pro monat"
                    r"|monatlich|lesen)[^.!?]{0,30}"),
    (_SOCIAL, rf"[^\W\d_][\w .'-]{{0,40}}\s+(?:auf|bei)\s+(?:{'|'.join(_SOCIAL)})"
              r"(?:\s+(?:ansehen|anzeigen|öffnen|abspielen|laden))?"),
    ((" ist ein ",), r"[^\W\d_][^.!?]{0,60}\s+ist\s+ein\s+(?:angebot|produkt|portal|dienst"
                     r"|service)\s+(?:der|des|von)\s+.{1,100}"),
    (("gratis", "kostenlos", "unverbindlich"),
     r"[^.!?]{0,50}\b(?:gratis|kostenlos|unverbindlich)\s+(?:lesen|testen|weiterlesen)[^.!?]{0,20}"),
    (("handy", "smartphone"), r"[^.!?]{0,60}\b(?:aufs|auf ihr) (?:handy|smartphone)[^.!?]{0,40}"),
))  # fmt: skip
# Matched against the lower-cased line: any first word at all, then each plug's two.
PLUG_FIRST = tuple(word for first, _, _ in v.PLUG_WORDS for word in first)
PLUGS = tuple(
    (re.compile(alternation(first)), re.compile(alternation(second)), longest)
    for first, second, longest in v.PLUG_WORDS
)
COMMENT_HEADING = re.compile(
    r"(?:\d+\s+)?(?:leser)?kommentare?(?:\s*\(\d+\))?|diskussion(?:\s*\(\d+\))?", re.I
)
COMMENT_ACTION = re.compile(
    r"(?:antworten|melden|zitieren|gefällt mir|zustimmen|ablehnen|empfehlen|\d+\s+antworten)"
    r"(?:\s*\(?\d+\)?)?(?:\s*[|·•]\s*(?:antworten|melden|zitieren|gefällt mir|empfehlen)"
    r"(?:\s*\(?\d+\)?)?)*",
    re.I,
)
BREADCRUMB_SPLIT = re.compile(r"\s*[>›»→]\s*|\s+[/|•·]\s+|\s{2,}|\t")
SECTION_SPLIT = re.compile(r"[\s|•·/,&]+")
CAMEL_SPLIT = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")
GLUED_RE = re.compile(rf"(?:(?:{alternation(w.capitalize() for w in GLUED)})(?=[A-ZÄÖÜ]))+")
CAMEL = re.compile(  # "HeidelbergGemeinderat …", "NRWHallenbad …"
    r"(?P<first>[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)*|[A-ZÄÖÜ]{2,5})(?=[A-ZÄÖÜ][a-zäöüß])"
)
AGENCY_LINE = re.compile(
    r"(?:(?:quellen?|agenturen|material)\s*:\s*|(?:mit|unter verwendung von)\s+(?:material\s+"
    r"(?:von|der|des)\s+)?(?:(?:den\s+)?nachrichtenagenturen?\s+)?)?"
    rf"(?P<open>\(?)\s*(?:[a-z]{{2,4}}\s*/\s*)*{AGENCY_EXPR}\s*(?P<close>\)?)\s*\.?"
    rf"|{AGENCY}\s*[-–—|:]\s*[^\n]{{0,50}}(?:agentur|agency|dienst|presse)\w*"
    rf"|\(\s*{AGENCY}(?:\s*,\s*(?:[a-z]{{2,5}}|\d{{1,2}}\.\d{{1,2}}\.(?:\d\d){{1,2}}))+\s*\)",
    re.I,
)
# Agency signatures: "jm/ans", "epd lwd mey mir", "dpa kb yyzz n1", "/ab/jha/mis", "(jdö)", a
# dpa code.
SIGNATURE = re.compile(
    rf"(?-i:/?[a-z]{{2,4}}(?:\s*/\s*[a-z]{{2,4}}){{1,5}})"
    rf"|{AGENCY}(?-i:(?:\s+[a-z][a-z\d]{{1,3}}){{1,6}})|(?-i:\([a-zäöü]{{2,4}}\))"
    r"|(?:©\s*)?dpa-infocom\b.{0,60}|dpa:\d{6}-\S+"
    r"|(?:agenturen|red)(?:\s*/\s*(?:agenturen|red|[a-z]{2,4}))+",  # "Agenturen/red"
    re.I,
)
DPA_CODE = re.compile(r"dpa:(?P<y>\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)-")
# First words of the byline forms ``german.parse_author_line`` reads.
BYLINE_STARTS = v.words("""
    von ein eine autor autorin autoren autorinnen text kommentar analyse interview gastbeitrag
    bericht essay kolumne reportage glosse protokoll aufgezeichnet recherche reporter reporterin
    fotos foto bilder das die
""")
_CAPWORD = r"(?-i:[A-ZÄÖÜ])[\w'’.-]+"
NAME = rf"{_CAPWORD}(?:\s+(?:(?:von|van|de|der|den|zu)\s+)?{_CAPWORD}){{1,3}}"
NAMES = rf"(?P<names>{NAME}(?:\s*(?:,|\bund\b|&)\s*{NAME})*)"
# Bylines ``german.parse_author_line`` leaves out: ``Interview: Jan Roth``, ``Protokoll: …``.
LABELLED_BYLINE = re.compile(
    r"(?:interview|protokoll|aufgezeichnet von|recherche|text und fotos?|(?:fotos?|bilder) und"
    r" text|reporter(?:in)?|(?:das|die) (?:interview|gespräch|fragen) (?:führten?|stellten?))"
    rf"\s*:?\s*{NAMES}\.?",
    re.I,
)
# "von Katja Reinhold, elbwelle SACHSEN-ANHALT": names, then a desk or place in any case.
VON_BYLINE = re.compile(  # "Von unserer Korrespondentin Anna Berger, Rom" too
    rf"(?:(?:ein|eine)\s+\w+\s+)?von\s+(?:unser(?:em|er|en)\s+[\w-]+\s+)?{NAMES}(?:\s*\(\s*{AGENCY_EXPR}\s*\))?"
    rf"(?:\s*,\s*[^,\d]{{2,50}})?",
    re.I,
)
# A writer's title before the name: "Von Diplom-Meteorologe Sven Lorch".
ROLE_PREFIX = re.compile(
    r"(?:[\w]+-)?(?:meteorolog|wetterexpert|redakteur|korrespondent|reporter|moderator"
    r"|chefredakteur|kolumnist)\w*\s+(?=[A-ZÄÖÜ])",
    re.I,
)
AGENCY_BYLINE = re.compile(rf"von\s+{AGENCY_EXPR}", re.I)
# A writer's role on the line below the byline: "Korrespondentin in Warschau".
ROLE = re.compile(
    r"(?:(?:freie[rn]?|leitende[rn]?|stellvertretende[rn]?)\s+)?(?:\w+-)?(?:korrespondent|redakteur"
    r"|reporter|autor|chefredakteur|ressortleiter|volontär|mitarbeiter|kolumnist|leiter)(?:in)?"
    r"\b[^.!?]{0,60}",
    re.I,
)
# A programme beside a date: "Radio Rheintal, Morgenjournal, 07.06.2025, 07:00 Uhr".
BROADCAST = re.compile(
    r".{0,40}\b(?:radio|tv|fernsehen|journal|sendung|magazin|tagesschau|tagesthemen|aktuell"
    r"|nachrichten|programm)\b.{0,40}",
    re.I,
)
AUTHOR_BOX = re.compile(  # an author box's heading
    r"(?:über (?:die|den) (?:autorin(?:nen)?|autor(?:en)?)|zur autorin|zum autor"
    r"|zu den autor(?:inn)?en)\s*:?",
    re.I,
)
BIO_VERBS = re.compile(r"\s+(?:ist|war|arbeitet|schreibt|berichtet|lebt|leitet|lehrt|forscht)\s")
# A line about the writer: "Die Autorin lebt in Rom.", "Anna Berger ist Redakteurin im …".
BIO = re.compile(
    rf"(?:(?:die|der|unsere?)\s+(?:autorin(?:nen)?|autoren|autor)(?=\s)|(?P<name>{NAME}))"
    rf"{BIO_VERBS.pattern}.{{0,250}}",
    re.I,
)
RELATIVE_DATE = re.compile(
    r"(?:(?:aktualisiert|veröffentlicht|publiziert|erschienen|erstellt|stand|update)(?:\s+am)?"
    r"\s*:?\s*)?"
    r"(?:vor\s+(?:\d+|einer|einem|wenigen|zwei|drei|vier|fünf|zehn)\s+(?:sekunden?|minuten?"
    r"|min\.?|stunden?|std\.?|tagen?|wochen?|monaten?)|(?:heute|gestern|vorgestern)"
    r"(?:\s*,?\s*(?:um\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*uhr)?)?)"
    r"|(?:aktualisiert|update|stand)(?:\s+um)?\s*:?\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*uhr)?",
    re.I,
)
DATE_LEAD = re.compile(r"(?:(?:artikel|beitrag|meldung|text|sendung) vom|den)\s+", re.I)
FIRST_PUBLISHED = re.compile(r"\s*(?:erstpublikation|erstveröffentlichung|zuerst erschienen"
                             r"|(?:erstmals|zuerst|ursprünglich) (?:veröffentlicht|erschienen))"
                             r"(?:\s+am)?\s*:?\s*", re.I)  # fmt: skip
ISSUE = re.compile(r"(?:ausgabe|heft|nr\.)\s+[\w./ -]{0,20}(?:19|20)\d\d", re.I)
CREDIT_LINE = re.compile(
    r"\(?(?:(?:(?:bildquelle|bildnachweis|bildrechte|fotos?|bild|quelle)\s+)?(?:fotos?|fotografie"
    r"|bild(?:er)?|bildquelle|bildnachweis|bildrechte|quelle(?:\s+bild)?|titelbild|titelfoto"
    r"|aufmacherbild|grafik|illustration|karte|fotograf(?:in)?|credit|photo|symbolbild|symbolfoto"
    r"|archivbild|archivfoto|original-content von)\s*:\s*\S.*"
    r"|(?:©|\(c\)|copyright\b).*"
    r"|\|\s*\S.{0,80}|\(?(?:symbolbild|symbolfoto|archivbild|archivfoto|illustration)\)?\.?)",
    re.I,
)
PHOTO_CREDIT = re.compile(
    rf"{_PHOTO}(?:\s*(?:/|\||via|,)\s*[^\W\d_][\w.'’ -]{{0,40}})*"
    rf"|[^\W\d_][\w.'’ -]{{1,40}}\s*/\s*{_PHOTO}(?:\s*/\s*[^\W\d_][\w.'’ -]{{0,40}})*",
    re.I,
)
# A credit's label alone on a line, its name on the next: "©" / "Anna Berger".
CREDIT_LABEL = re.compile(
    r"©|\(c\)|copyright|(?:fotos?|fotografie|bild(?:er)?|bildquelle|bildrechte|quelle|credit)\s*:",
    re.I,
)
CREDIT_HINTS = ("foto", "bild", "grafik", "illustration", "credit", "©", "|", "quelle", "archiv",
                "/")  # fmt: skip
_CREDIT_WORDS = (r"fotos?|fotografie|bild|bildquelle|bildnachweis|bildrechte|grafik|illustration"
                 r"|credit|symbolbild|symbolfoto")  # fmt: skip
CREDIT_TAIL = re.compile(
    rf"(?<![\w-])(?:\|\s*)?(?:(?:{_CREDIT_WORDS})\s*:|©|\((?:symbolbild|symbolfoto|archivbild"
    r"|archivfoto|archiv)\))"
    r"|\((?=(?:quelle|fotos?|bild)\s*:[^()]{1,80}\)\W*$)"
    rf"|\|\s*(?={_PHOTO})|(?<=[.!?] )(?=(?:{_PHOTO}|[^\W\d_]+(?: [^\W\d_]+)?)\s*/\s*[^\W\d_])",
    re.I,
)
_PLACE_WORD = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
_PLACE = (
    rf"(?:(?:Bad|Sankt|St\.|New|Den|Los|Las|San|Santa|Tel|Abu|Buenos|Kuala|Hong|Sri)\s+)?"
    rf"{_PLACE_WORD}"
    rf"(?:\s+(?:am|an der|im|in der|ob der|bei)\s+{_PLACE_WORD})?(?:\s*/\s*{_PLACE_WORD})*"
    r"(?:\s\([A-ZÄÖÜ][a-zäöü]+\))?"
)
PLACE = re.compile(_PLACE)
DATELINE_OPEN = re.compile(
    rf"\(\s*{AGENCY_EXPR}\s*\)\s*(?:[-–—:]\s*)?(?=\S)"
    rf"|(?-i:{_PLACE})(?:,\s*[^()\n]{{3,40}}?)?\s*\(\s*{AGENCY_EXPR}\s*\)\.(?=\s)"  # "Bonn (epd)."
    r"|(?-i:[A-ZÄÖÜ]{3,}(?:[ /-][A-ZÄÖÜ]{2,}){0,2})(?:\s*,\s*[^–—\n-]{3,30}?)?\s+[-–—]\s+(?=\S)",
    re.I,
)
# "Update vom 12. März, 14.03 Uhr: …": the time stamp of an update opening a paragraph.
UPDATE_OPEN = re.compile(
    r"(?:update|aktualisierung|erstmeldung|ursprüngliche meldung)(?:\s+vom\s+[^:]{3,40}?)?,?\s*"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d\s*uhr(?=\s*:\s*\S)",
    re.I,
)
# "Köln – Ein Mann …", "Hannover. Die Stadt …": a place without agency opening a paragraph.
PLACE_DASH = re.compile(rf"(?P<place>{_PLACE})\s+[-–—·]\s+(?=[A-ZÄÖÜ„\"»])")
PLACE_DOT = re.compile(  # first paragraphs only; "SOEST." in print copy
    rf"(?P<place>{_PLACE}|(?-i:[A-ZÄÖÜ]{{3,}}(?:[-/][A-ZÄÖÜ]{{2,}})*))\.\s+(?=[A-ZÄÖÜ„\"»])"
)
NOT_PLACES = v.words("""
    doch aber und nun jetzt so da dann also heute gestern morgen immerhin trotzdem dennoch zudem
    außerdem hier dort ja nein klar endlich genau richtig falsch danke stopp achtung schluss
    fazit bitte gut schade vorbei eben kurz zuerst später
""") | frozenset(german.WEEKDAYS) | frozenset(german.MONTHS)
TRAILING_CREDIT = re.compile(
    rf"(?<=[.!?\"“”»])\s*(?P<credit>\(\s*(?:[a-z]{{2,4}}\s*/\s*)*{AGENCY_EXPR}\s*\)"
    r"|(?-i:/[a-z]{2,4}(?:/[a-z]{2,4}){1,5})|(?-i:\([a-zäöü]{2,4}\)))\s*$",
    re.I,
)
# A live-blog entry: "21:40 Uhr: Sturmflut erwartet", "+++ 13:20 Uhr: … +++".
LIVE_ENTRY = re.compile(
    r"(?:\+{2,}\s*)?(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*Uhr)?|(?:[01]?\d|2[0-3])\.[0-5]\d"
    r"\s*Uhr)\s*[:|–—-]\s*(?P<rest>\S.*?)\s*(?:\+{2,})?",
    re.I,
)
# A match minute of a live ticker: "81'", "90.+3", "45'+2".
MINUTE = r"\d{1,3}(?:['’′](?:\s?\+\s?\d{1,2}['’′]?)?|\.\s?\+\s?\d{1,2}['’′]?)"
MINUTE_LINE = re.compile(MINUTE)
MINUTE_ENTRY = re.compile(rf"(?P<time>{MINUTE})\s+(?P<rest>\S.*?)")
PHOTO_SOURCE = re.compile(
    rf"{alternation(PHOTO_AGENCIES)}|[^\W\d_]\s*/\s*{AGENCY}|{AGENCY}\s*/\s*[^\W\d_]"
    rf"|[^\W\d_]\s*\(\s*{AGENCY}\s*\)\s*$",  # "© Harald Oppitz (KNA)"
    re.I,
)
SOURCE_CREDIT = re.compile(
    r"\(?(?:quellen?\s*:|©|\(c\)|copyright\b|erschienen\s+in|original-content\b)", re.I
)
COPYRIGHT = re.compile(r"\s*(?:©|\(c\)|copyright\b)\s*(?:(?:19|20)\d\d\b)?\s*", re.I)
# What follows an outlet's name in a © footer: a year, a description, the company form.
OUTLET_TAIL = re.compile(
    r"\s*(?:[,|–—·•]|\s-\s|\b(?:19|20)\d\d\b|\b(?:verlag|verlags|medien|media|mediengruppe|gmbh"
    r"|ag|kg|se|alle rechte|all rights|wochenmagazin|nachrichtenmagazin|onlinemagazin)\b).*",
    re.I,
)
LEGAL = re.compile(r"\b(?:verlag\w*|gmbh|ag|kg|alle rechte|all rights|rechte vorbehalten|impressum"
                   r"|datenschutz)\b", re.I)  # fmt: skip
BRAND_TAIL = re.compile(
    r"\s+[–—|-]\s+(?:(?:das|die|der|ihr|ihre|dein|deine|unser|unsere)\s+)?[\w-]*(?:magazin|zeitung"
    r"|portal|nachrichten|news|blatt|journal|online)(?:\s+(?:für|aus|der|des|von|am|im|in)\s.{1,60})?",
    re.I,
)
NUMBERED_BRAND = re.compile(r"[^\W\d_]{2,}\d{1,3}")  # "Heute24", "BR24"
DOMAIN = re.compile(r"(?:www\.)?(?P<core>[\w-]+)\.(?:de|at|ch|com|net|org|eu|info|news)", re.I)
DIGIT = re.compile(r"\d")
TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<outlet>[^|–—]{2,40})$")
URL = re.compile(r"(?:(?:quelle|url|link|source)\s*:\s*)?(?P<url>https?://\S+)", re.I)
