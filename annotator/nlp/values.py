"""What two claims about one point state differently: the value each claim gives."""

from __future__ import annotations

from annotator.nlp.match_features import (
    differing_words,
    extract_dates,
    extract_entities,
    extract_numbers,
)


def stated_values(a: str, b: str, limit: int = 60) -> tuple[str, str]:
    """The dates and numbers (else names, else differing words) only one of two claims states.

    "am Mittwoch in Dresden" vs "am Donnerstag in Prag" → ("Mittwoch", "Donnerstag").
    """
    for extract in (lambda t: extract_dates(t) + extract_numbers(t), extract_entities):
        slots_a, slots_b = extract(a), extract(b)
        keys_a, keys_b = {s.key for s in slots_a}, {s.key for s in slots_b}
        only_a = _join([s.text for s in slots_a if s.key not in keys_b])
        only_b = _join([s.text for s in slots_b if s.key not in keys_a])
        if only_a and only_b:
            return only_a[:limit], only_b[:limit]
    spans_a, spans_b = differing_words(a, b)
    return (
        _join([a[s:e] for s, e in spans_a])[:limit],
        _join([b[s:e] for s, e in spans_b])[:limit],
    )


def _join(texts: list[str]) -> str:
    seen: list[str] = []
    for text in texts:
        if text not in seen:
            seen.append(text)
    return " ".join(seen)
