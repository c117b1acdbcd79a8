"""``zone_page.duplicates`` makes the key only of lines whose key could be another line's (the
same first and last character): the same duplicates as every line's key."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp import zone_page as zp
from annotator.nlp.zone_page import lines_of
from annotator.nlp.zones import suggest_zones

DATA = Path(__file__).parent / "data"
CORPORA = sorted([*DATA.glob("news/*/*.txt"), *DATA.glob("zones_dev/*.txt")])


def test_case_folding_keeps_white_space_and_punctuation_apart() -> None:
    """What ``zone_page._key_ends`` rests on."""
    edges = set(zp._EDGES)
    assert edges >= {c for c in map(chr, range(0x110000)) if c.isspace()}
    assert all(c.casefold() == c for c in edges)
    folded = (chr(i).casefold() for i in range(0x110000) if chr(i) not in edges)
    assert not any(f[0] in edges or f[-1] in edges for f in folded)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAßSsẞİi ÉéＡ\u00a0\t.„“-–()|Politik: Welt")))
def test_a_duplicate_key_opens_and_ends_as_its_ends_say(text: str) -> None:
    key = zp._dup_key(text)
    assert zp._key_ends(text) == ((key[0], key[-1]) if key else None)


def test_a_line_repeated_with_other_case_and_spacing_is_a_duplicate() -> None:
    text = ("Straße gesperrt: Die Stadt sperrt die Brücke\n\nDer Rat hat am Abend entschieden, die "
            "Brücke für ein Jahr zu sperren. Die Arbeiten beginnen im Mai.\n\n"
            "STRASSE   gesperrt: die Stadt sperrt die Brücke.\n\nDer Rat will bis dahin eine "
            "Fähre einrichten, sagte die Bürgermeisterin am Abend.")
    lines = lines_of(text)
    zp.duplicates(lines)
    assert [line.copy_of for line in lines] == [-1, -1, 0, -1]


def every_key(lines: list[zp.Line]) -> None:
    """``duplicates`` as it was: every line's key made and looked up."""
    seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        key = zp._dup_key(zp._dup_text(line.text))
        if len(key) < 10 or " " not in key:
            continue
        if key in seen and line.label not in zp._FURNITURE:
            line.set(zp.DUPLICATE)
            line.box, line.copy_of = -1, seen[key]
            zp._credit_copy(lines, index)
        elif not line.parts or any(p[2] == zp.CAPTION for p in line.parts):
            seen.setdefault(key, index)


def test_the_corpora_get_the_duplicates_of_every_key(monkeypatch) -> None:
    texts = [path.read_text("utf-8") for path in CORPORA]
    found = [suggest_zones(text) for text in texts]
    assert sum(z.label == zp.DUPLICATE for zones in found for z in zones) >= 5
    monkeypatch.setattr(zp, "duplicates", every_key)
    assert [suggest_zones(text) for text in texts] == found
