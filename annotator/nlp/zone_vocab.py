"""The vocabulary of German news pages' furniture: section words, buttons and menus, outlets,
photo agencies and the words of plugs. ``zone_words`` builds its patterns from these lists.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """Keys as ``zone_forms.key`` makes them: ``_`` for a space, case folded (ß is ss)."""
    return frozenset(w.replace("_", " ").casefold() for w in text.split())


# Section and genre words of menus, breadcrumbs and Dachzeilen ("Politik", "Ausland").
SECTIONS = words("""
    nachrichten news politik ausland inland deutschland welt europa international wirtschaft
    finanzen geld börse unternehmen sport fußball fussball bundesliga kultur feuilleton wissen
    wissenschaft gesundheit panorama vermischtes gesellschaft leben lifestyle stil reise auto
    mobilität digital netzwelt technik meinung kommentar kommentare debatte regional lokales
    region unterhaltung promis stars karriere campus bildung familie klima umwelt medien video
    videos audio podcast podcasts live liveblog newsblog ticker liveticker newsticker home
    startseite service ratgeber verbraucher immobilien wetter investigativ hintergrund analyse
    exklusiv plus interview reportage essay kolumne porträt eilmeldung breaking topthemen themen
    innenpolitik außenpolitik lokal chronik bildergalerie bildergalerien fotostrecke galerie
    gastbeitrag glosse leitartikel menschen pressemitteilung pressemitteilungen pressemeldung
    faktencheck faktenchecks polizeibericht polizeimeldungen blaulicht security tests hardware
    software games apps netzpolitik live-ticker live-blog news-ticker
""")
# Sections that are also ordinary word starts ("HomeOffice", "AutoBild") never count as glued.
GLUED = SECTIONS - words(
    "home live auto stil plus welt geld leben region service audio video tests games apps"
)
# Whole lines that are buttons, menus, share bars and plugs (after ``key``).
NAV_PHRASES = words("""
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
    alle_artikel_des_autors zur_autorenseite folgen merkliste zur_merkliste
    zur_merkliste_hinzufügen auf_die_merkliste antworten melden gefällt_mir
    teilen_sie_ihre_meinung_mit diskutieren_sie_mit vorheriges_bild nächstes_bild x.com
    mastodon reddit sms artikel_hören audio_hören jetzt_anhören player_schließen audio_schließen
    vorlesen_lassen aktualisieren seite_aktualisieren liveblog_aktualisieren ticker_aktualisieren
    neu_laden impressum datenschutz datenschutzerklärung agb kontakt cookie-einstellungen
    cookies barrierefreiheit nutzungsbedingungen mediadaten abo_kündigen hilfe faq karriere
    postings_anzeigen zum_forum forum alle_kommentare_anzeigen kommentare_anzeigen jetzt_teilen
    teilen_sie_diesen_artikel diesen_artikel_teilen neueste_zuerst älteste_zuerst chronologisch
    mehr_erfahren ok akzeptieren alle_akzeptieren ablehnen alle_ablehnen einstellungen
    zustimmen zur_desktop-version zur_desktopversion zur_mobilen_ansicht zur_klassischen_ansicht
    auf_facebook_teilen per_e-mail_teilen per_mail_teilen per_whatsapp_teilen link_kopiert
    versenden artikel_versenden schriftgröße jetzt_kommentieren artikel_kommentieren
    kommentar_verfassen kommentieren_sie_den_artikel beitrag_melden kommentar_melden
    push-benachrichtigungen_aktivieren benachrichtigungen_aktivieren autor_folgen thema_folgen
    kostenlos_anmelden hier_anmelden hier_kostenlos_anmelden jetzt_anmelden hier_einloggen
    kostenlos_registrieren jetzt_registrieren e-mail-adresse ihre_e-mail-adresse zum_angebot
    zur_bildergalerie bildergalerie_ansehen galerie_ansehen abo-artikel plus-artikel
    jetzt_weiterlesen jetzt_registrieren_und_weiterlesen jetzt_abonnieren_und_weiterlesen
    zum_abo abo_abschließen jetzt_testen mit_werbung_lesen mit_werbung_weiterlesen
    werbefrei_lesen nur_notwendige_cookies notwendige_cookies einstellungen_verwalten
    datenschutz-einstellungen privatsphäre-einstellungen akzeptieren_und_weiter
    zustimmen_und_weiter alle_cookies_akzeptieren zum_seitenanfang weniger_anzeigen
    hinweis_an_die_redaktion e-paper epaper mein_konto geschenkter_artikel zur_übersicht
    zurück_zur_übersicht playlist inhalt inhaltsverzeichnis hören alle_rechte_vorbehalten
    jetzt_unterstützen spenden jetzt_spenden artikel_bewerten feedback_geben lesermeinungen
    whatsapp-kanal google_news x_(ehemals_twitter) podcast_hören zum_podcast audio_herunterladen
    video_herunterladen embed-code video_teilen bild_teilen galerie_teilen
    vergrößern_des_bildes foto_vergrößern bild_öffnen zum_bild rss rss-feed inhalt_anzeigen
    inhalte_anzeigen externe_inhalte_anzeigen inhalt_entsperren beitrag_anzeigen post_anzeigen
    externen_inhalt_laden externe_inhalte_laden externe_inhalte_zulassen inhalt_nachladen
    empfohlener_redaktioneller_inhalt externer_inhalt_von_drittanbietern
""")
# Mastheads: a known outlet's name alone on a line, or after " | " at a headline's end.
OUTLETS = frozenset(name.casefold() for name in (
    "Der Spiegel", "Spiegel", "spiegel.de", "Spiegel Online", "Zeit Online", "zeit.de",
    "Die Zeit", "Zeit", "FAZ", "F.A.Z.", "FAZ.NET", "Frankfurter Allgemeine",
    "Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "SZ", "sueddeutsche.de",
    "tagesschau", "tagesschau.de", "ZDF", "ZDFheute", "zdf.de", "n-tv", "ntv", "n-tv.de", "Welt",
    "Die Welt", "welt.de", "Bild", "bild.de", "Focus", "Focus Online", "Stern", "t-online",
    "t-online.de", "Handelsblatt", "taz", "Tagesspiegel", "Der Tagesspiegel", "RND",
    "Deutschlandfunk", "BR24", "MDR", "NDR", "WDR", "SWR", "rbb24", "RBB", "hessenschau",
    "Deutsche Welle", "DW", "Der Standard", "Standard", "NZZ", "Neue Zürcher Zeitung", "ORF",
    "Merkur", "Frankfurter Rundschau", "FR", "Berliner Zeitung", "Rheinische Post", "RP", "WAZ",
    "Stuttgarter Zeitung", "Hamburger Abendblatt", "Kölner Stadt-Anzeiger", "Tagesanzeiger",
))  # fmt: skip
# Last words of German mastheads ("Neckar-Tagblatt", "Frankfurter Abendpost", "Seebote").
PRESS_WORDS = (
    "zeitung", "tagblatt", "tageblatt", "blatt", "anzeiger", "kurier", "post", "rundschau",
    "echo", "bote", "presse", "allgemeine", "journal", "express", "spiegel", "stimme",
    "magazin", "welle", "funk", "nachrichten", "volksfreund", "merkur", "report", "depesche",
    "portal",
)  # fmt: skip
PHOTO_AGENCIES = (
    "picture alliance", "picture-alliance", "imago", "imago images", "Getty Images", "AP Photo",
    "dpa-Bildfunk", "Shutterstock", "iStock", "iStockphoto", "Keystone", "EPA", "epa-efe",
    "Sipa", "Photothek", "Unsplash", "Pixabay", "Adobe Stock", "ddp images",
)  # fmt: skip

# Plugs found by two words anywhere in a short line: (first words, second words, longest line).
PLUG_WORDS = (
    (("newsletter",), ("abonnier", "anmelde", "bestell", "registrier", "postfach",
                       "zum newsletter", "hier geht", "kostenlos", "unseren newsletter"), 160),
    (("abopflichtig", "abonnent", "plus-artikel", "abo-artikel", "bereits registriert",
      "schon registriert", "bereits ein abo", "schon ein abo", "noch kein abo", "bereits kunde",
      "diesen artikel zu lesen", "um weiterzulesen", "artikel weiterzulesen"), ("",), 160),
    (("postfach", "posteingang"), ("direkt", "täglich", "jeden", "kostenlos", "wöchentlich"), 120),
    (("anmeldung", "registrierung"), ("datenschutz", "einwillig", "widerruf", "abmelden"), 200),
    (("unterstützen sie",), ("journalismus", "unsere arbeit", "redaktion"), 120),
    (("externe inhalt", "externen inhalt", "externer inhalt", "drittanbieter", "cookie",
      "an dieser stelle", "inhalt von", "inhalte von"),
     ("aktivier", "einverstanden", "zustimm", "akzeptier", "einwillig", "datenschutz",
      "stimmen sie", "nutzererlebnis", "nutzung unserer"), 250),
    (("whatsapp", "telegram", "instagram", "google news", "kanal", " app", "-app"),
     ("folgen", "abonnier", "laden", "installier", "auf unserem", "auf unserer"), 120),
    (("schreiben sie uns", "schicken sie uns", "senden sie uns"),
     ("hinweis", "foto", "video", "whatsapp", "mail", "tipp", "leserreporter"), 160),
    (("rechte an diesem", "nutzungsrechte"), ("",), 120),
)  # fmt: skip
