"""The mark test of ``zone_lines.line_zones``: a line without a mark skips the rules that need
one, and gets the zones every rule asked would give it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import german
from annotator.nlp import zone_forms as f
from annotator.nlp import zone_lines as zl
from annotator.nlp import zone_words as w
from annotator.nlp.zone_page import lines_of

DATA = Path(__file__).parent / "data"
CORPORA = sorted([*DATA.glob("news/*/*.txt"), *DATA.glob("zones_dev/*.txt")])


def every_rule(text: str) -> list[zl.Part]:
    """``line_zones`` as it was before the mark test: every rule asked, in the same order."""
    if len(text) <= zl._LONG:
        label = f.label_of_line(text)
        if label:
            return [(0, len(text), label)]
        parts = (
            (len(text) <= zl._PIECES_MAX and zl._header_pieces(text))
            or zl._caption_with_credit(text)
            or zl._live_entry(text)
            or zl._glued_button(text)
        )
        if parts:
            return parts
    return zl._dateline_parts(text)


def corpus_lines() -> list[str]:
    lines = [line.text for path in CORPORA for line in lines_of(path.read_text("utf-8"))]
    plain = [w.MARK_CHARS.sub("", line) for line in lines]  # the same words, marks taken out
    return lines + plain + [line.lower() for line in plain] + [f"{x} sagte sie." for x in plain]


def test_the_corpora_lines_get_the_zones_every_rule_gives() -> None:
    lines = corpus_lines()
    assert len(lines) > 5000
    unmarked = [line for line in lines if not w.marked(line)]
    assert len(unmarked) > len(lines) // 3  # the fast path is taken, and often
    assert [zl.line_zones(line) for line in lines] == [every_rule(line) for line in lines]


def test_a_line_without_marks_has_none_of_the_marked_rules() -> None:
    for line in corpus_lines():
        if w.marked(line):
            continue
        assert not zl._header_pieces(line)
        assert zl._caption_with_credit(line) is None
        assert zl._live_entry(line) is None
        assert zl._glued_button(line) is None
        assert zl._dateline_parts(line) == []


def test_marks() -> None:
    assert not w.marked("Die Stadt will das Freibad im Sommer wieder öffnen.")
    for text in ("Berlin (dpa) – Die Stadt", "Foto: Anna Berger", "am 3. Mai", "Politik | Ausland",
                 "Köln - Die Stadt", "Mehr  Platz", "Regeln.Vergrößern des Bildes",
                 "Politik\u00a0> Ausland", "© Blatt"):
        assert w.marked(text), text


# Lines made of the words and marks the rules look for, so that a rule's match is likely.
WORDS = st.sampled_from(sorted(
    {*w.NAV_PHRASES, *w.SECTIONS, *w.PLUG_FIRST, *w.CREDIT_HINTS, *w.CONTRIBUTED_HINTS,
     *german.AGENCIES, "Foto", "Berlin", "Hannover", "Von", "Anna Berger", "Uhr", "Stand",
     "Quelle", "Mehr zum Thema", "Lesen Sie auch", "Aktualisiert", "Kommentare", "die", "ist"}
))
PIECES = st.one_of(WORDS, WORDS.map(str.upper), WORDS.map(str.title),
                   st.sampled_from(list("|/©:()–—-·•.,!?+€ \t\u00a0\"„“»«0123456789")),
                   st.from_regex(r"[0-3]?\d\.[01]?\d\.20\d\d|[0-2]\d:[0-5]\d", fullmatch=True))
LINES = st.lists(PIECES, min_size=1, max_size=30).map(lambda parts: " ".join(parts).strip())


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_made_up_lines_get_the_zones_every_rule_gives(line: str) -> None:
    assert zl.line_zones(line) == every_rule(line)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.integers(min_value=200, max_value=900))
def test_long_lines_get_the_zones_every_rule_gives(line: str, length: int) -> None:
    """Past 200 characters the rules look only at a line's start and end."""
    body = ("Die Stadt will das Freibad im Sommer wieder öffnen, sagte sie am Abend " * 15)
    for text in (line + " " + body[:length], body[:length] + " " + line):
        assert zl.line_zones(text) == every_rule(text)
