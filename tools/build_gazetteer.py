"""Regenerate the gazetteer shipped in the package (a development tool, not part of the app).

    pip install babel && python tools/build_gazetteer.py

Writes ``annotator/resources/gazetteer/de_places.tsv`` (name<TAB>label) from Babel's CLDR data
(German country, region and world-city names) plus the curated lists below. The output follows
the installed Babel's CLDR version: review the diff before committing it. Genitive forms
("Frankreichs") are added at run time (``annotator.nlp.gazetteer.patterns``), so the TSV holds
base forms only.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from annotator.nlp.gazetteer import load_tsv, names

OUT = Path(__file__).resolve().parents[1] / "annotator/resources/gazetteer/de_places.tsv"

# CLDR region codes kept (continents and large regions); the rest ("Welt", "Eurozone") are not
# names an annotator marks.
_REGIONS = {"002", "003", "005", "009", "019", "029", "142", "150", "419", "053", "054", "061"}
# CLDR territory codes that are not plain places.
_SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "VA"}
# Time-zone "cities" that are ambiguous in German text (person names, common nouns) or odd.
_SKIP_CITIES = set(
    names(
        """
    Darwin, Regina, Phoenix, Wake, Oral, Stanley, Nome, Thule, Chatham, Wallis, Midway,
    Cocos, Faroe, Mahe, Efate, Lindeman, Creston, Dawson, Resolute, Swift Current,
    Cambridge Bay, Rankin Inlet, Menominee, Kanton, Lower Prince’s Quarter, Vatikan, Norfolk,
    Santarem, Chagos, Merida, Marigot, Eucla, Lord Howe, Hobart, Boise, Bahia, Tortola, Kyiv,
    Sitka, Adak
    """
    )
)
# Aliases and names CLDR lacks or spells differently from German news usage.
_EXTRA_LOC = names(
    """
    USA, Großbritannien, England, Schottland, Wales, Nordirland, Holland, Weißrussland,
    Moldau, Tschechische Republik, Kongo, Elfenbeinküste, Hongkong, Macau, Palästina,
    Gazastreifen, Westjordanland, Krim, Donbass, Tibet, Kiew, Charkiw, Odessa, Lwiw,
    Mariupol, Sankt Petersburg, St. Petersburg, Peking, Neu-Delhi, Mumbai, Washington,
    New York, San Francisco, Brüssel, Straßburg, Genf, Bern, Basel, Luzern, Salzburg,
    Innsbruck, Graz, Linz, Mailand, Neapel, Venedig, Florenz, Barcelona, Marseille, Lyon,
    Nizza, Den Haag, Rotterdam, Antwerpen, Danzig, Krakau, Breslau, Stettin, Posen, Tel Aviv,
    Ankara, Kapstadt, Rio de Janeiro, Brasília, Ottawa, Canberra, Delhi, Tokio, Osaka, Hanoi,
    Manila, Islamabad, Neu-Delhi, Lampedusa, Mittelmeer, Ostsee, Nordsee, Atlantik, Pazifik,
    Alpen, Rhein, Elbe, Donau, Nahost, Balkan, Skandinavien, Sibirien, Kaschmir,
    Arktis
    """
)
_LAENDER = names(
    """
    Baden-Württemberg, Bayern, Berlin, Brandenburg, Bremen, Hamburg, Hessen,
    Mecklenburg-Vorpommern, Niedersachsen, Nordrhein-Westfalen, NRW, Rheinland-Pfalz,
    Saarland, Sachsen, Sachsen-Anhalt, Schleswig-Holstein, Thüringen
    """
)
# German cities, largest first; ambiguous ones (Essen, Halle, Hamm, Hof, Siegen) left to ner.
_DE_CITIES = names(
    """
    München, Köln, Frankfurt, Frankfurt am Main, Frankfurt (Oder), Stuttgart, Düsseldorf,
    Leipzig, Dortmund, Dresden, Hannover, Nürnberg, Duisburg, Bochum, Wuppertal, Bielefeld,
    Bonn, Münster, Mannheim, Karlsruhe, Augsburg, Wiesbaden, Mönchengladbach, Gelsenkirchen,
    Aachen, Braunschweig, Kiel, Chemnitz, Magdeburg, Freiburg, Krefeld, Mainz, Lübeck,
    Erfurt, Oberhausen, Rostock, Kassel, Potsdam, Saarbrücken, Ludwigshafen,
    Oldenburg, Mülheim, Osnabrück, Leverkusen, Darmstadt, Heidelberg, Solingen, Regensburg,
    Herne, Paderborn, Neuss, Ingolstadt, Offenbach, Würzburg, Fürth, Ulm, Heilbronn,
    Pforzheim, Wolfsburg, Göttingen, Bottrop, Reutlingen, Koblenz, Bremerhaven,
    Recklinghausen, Erlangen, Bergisch Gladbach, Remscheid, Jena, Trier, Salzgitter, Moers,
    Siegen, Hildesheim, Cottbus, Gütersloh, Kaiserslautern, Witten, Schwerin, Gera, Iserlohn,
    Zwickau, Düren, Esslingen, Ratingen, Flensburg, Lünen, Villingen-Schwenningen, Konstanz,
    Marl, Worms, Dessau, Neubrandenburg, Stralsund, Greifswald, Wismar, Frankfurt/Oder,
    Weimar, Passau, Bamberg, Bayreuth, Landshut, Rosenheim, Garmisch-Partenkirchen, Sylt,
    Rügen, Helgoland, Halle/Saale
    """
)
# Well-known organisations that German news names constantly (GermEval tags these ORG).
_EXTRA_ORG = names(
    """
    EU, Europäische Union, Europäischen Union, EU-Kommission, Europäische Kommission,
    Europäischen Kommission, Europaparlament, Europäisches Parlament, Europäischen Parlament,
    Europäischen Parlaments, EZB, Europäische Zentralbank, Europäischen Zentralbank, EuGH,
    Europäischer Gerichtshof, Europäischen Gerichtshof, UN, UNO, Vereinte Nationen,
    Vereinten Nationen, UN-Sicherheitsrat, Nato, NATO, WHO, Weltgesundheitsorganisation, IWF,
    Internationaler Währungsfonds, Internationalen Währungsfonds, Weltbank, OECD, OSZE, Opec,
    OPEC, G7, G20, Unesco, UNESCO, Unicef, UNICEF, Bundestag, Bundestags, Bundestages,
    Bundesrat, Bundesverfassungsgericht, Bundesgerichtshof, BGH, Bundeswehr, Bundesbank,
    Bundeskanzleramt, Auswärtiges Amt, Auswärtigen Amt, Auswärtigen Amts,
    Bundesamt für Migration und Flüchtlinge, BAMF, Bundesagentur für Arbeit,
    Statistisches Bundesamt, Statistischen Bundesamt, Statistischen Bundesamts, Destatis,
    Bundeskriminalamt, BKA, Bundespolizei, Bundesnetzagentur, Robert Koch-Institut,
    Robert-Koch-Institut, RKI, Ifo-Institut, CDU, CSU, SPD, FDP, AfD, BSW, dpa, AFP, Reuters,
    KNA, epd, ARD, ZDF, Deutsche Bahn, Deutschen Bahn, Deutsche Bank, Deutschen Bank,
    Deutsche Telekom, Deutschen Telekom, Lufthansa, Volkswagen, VW, Siemens, BASF, Daimler,
    Mercedes-Benz, BMW, SAP, Commerzbank, Bayern München, FC Bayern, Borussia Dortmund,
    Hertha BSC, Schalke 04, Werder Bremen, Hamburger SV, VfB Stuttgart, Eintracht Frankfurt,
    1. FC Köln, Union Berlin, RB Leipzig, Bayer Leverkusen
    """
)

def _clean(name: str) -> str:
    """Strip soft hyphens and normalise the apostrophe CLDR uses."""
    return name.replace("\xad", "").replace("’", "'").strip()


def babel_entries() -> list[tuple[str, str]]:
    """German country, region and world-city names from Babel's CLDR data."""
    import zoneinfo

    import babel
    import babel.dates

    out: list[tuple[str, str]] = []
    for code, name in babel.Locale("de").territories.items():
        is_country = len(code) == 2 and code.isalpha() and code not in _SKIP_TERRITORIES
        if is_country or code in _REGIONS:
            out.append((_clean(name), "LOC"))
    areas = ("Europe", "Asia", "Africa", "America", "Australia", "Pacific", "Atlantic", "Indian")
    for zone in sorted(zoneinfo.available_timezones()):
        if zone.count("/") != 1 or zone.split("/")[0] not in areas:
            continue
        city = babel.dates.get_timezone_location(zone, locale="de", return_city=True)
        if "/" in city or "," in city or city in _SKIP_CITIES:
            continue
        out.append((_clean(city), "LOC"))
    return out


def build_entries() -> list[tuple[str, str]]:
    """All gazetteer entries: Babel data plus curated lists, deduplicated, ORG wins ties."""
    entries: dict[str, str] = {}
    for name, label in babel_entries():
        entries.setdefault(name, label)
    for name in _EXTRA_LOC + _LAENDER + _DE_CITIES:
        entries.setdefault(_clean(name), "LOC")
    for name in _EXTRA_ORG:
        entries[_clean(name)] = "ORG"
    entries.pop("Sonderverwaltungsregion Hongkong", None)
    entries.pop("Sonderverwaltungsregion Macau", None)
    return sorted(entries.items(), key=lambda kv: (kv[1], kv[0]))


def write_tsv(entries: Iterable[tuple[str, str]], path: Path = OUT) -> Path:
    """Write name<TAB>label lines with a comment header."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# name\tlabel  (generated by tools/build_gazetteer.py; edit the code)"]
    lines += [f"{name}\t{label}" for name, label in entries]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    """Regenerate the TSV from Babel and the curated lists."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    path = write_tsv(build_entries(), args.out)
    print(f"wrote {sum(1 for _ in load_tsv(path))} entries to {path}")


if __name__ == "__main__":
    main()
