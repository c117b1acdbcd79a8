"""The values two claims about one point state differently."""

from __future__ import annotations

import pytest

from annotator.nlp.values import stated_values


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Berger sagte, das Abkommen sei am Mittwoch in Dresden unterzeichnet worden.",
     "Laut Tageskurier wurde der Vertrag am Donnerstag in Prag unterzeichnet.",
     ("Mittwoch", "Donnerstag")),
    ("Der Fonds hat 1,2 Milliarden Euro.", "Der Fonds umfasst 800 Millionen Euro.",
     ("1,2 Milliarden", "800 Millionen")),
    ("Die Laufzeit beträgt 40 Jahre.", "Das Abkommen gilt 45 Jahre lang.", ("40", "45")),
    ("Die Details sind geheim.", "Die Details werden nächste Woche veröffentlicht.",
     ("sind geheim", "werden nächste Woche veröffentlicht")),
])
def test_stated_values(a: str, b: str, expected: tuple[str, str]) -> None:
    assert stated_values(a, b) == expected
