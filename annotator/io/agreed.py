"""A span that several agreeing versions have, exported once naming them all
(``_annotators``), read back as each one's own span, so that every annotator it names gets
their version again, with the links and group memberships between their spans."""

from __future__ import annotations

from msgspec.structs import replace

from annotator.core.model import ArticleDraft


def own_spans(draft: ArticleDraft) -> ArticleDraft:
    """The draft with each agreed span copied to every annotator it names (the one who made
    it keeps its key; the others' copies are keyed ``KEY/NAME``)."""
    if not any(s.made is not None and len(s.made.agreed) > 1 for s in draft.annotations):
        return draft
    copies: dict[str, dict[str | None, str]] = {}  # span key → whose copy → its key
    spans = []
    for s in draft.annotations:
        if s.made is None or len(s.made.agreed) < 2:
            copies[s.key] = {s.made.annotator if s.made else None: s.key}
            spans.append(s)
            continue
        copies[s.key] = {}
        for name in s.made.agreed:
            key = s.key if name == s.made.annotator else f"{s.key}/{name}"
            copies[s.key][name] = key
            spans.append(replace(s, key=key, made=replace(s.made, annotator=name, agreed=())))
    links = [replace(x, from_key=key, to_key=to) for x in draft.links
             for who, key in copies.get(x.from_key, {}).items()
             if (to := copies.get(x.to_key, {}).get(who)) is not None]
    groups = [replace(m, span_key=key) for m in draft.groups
              for key in copies.get(m.span_key, {}).values()]
    return replace(draft, annotations=spans, links=links, groups=groups)
