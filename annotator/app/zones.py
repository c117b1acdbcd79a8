"""Zones at work: the rules' zones and derived metadata for a new article, the zones an
article has now (a person's over the rules'), and the parts of a text readers keep.

Plain Python, no Qt: the import (app/importing.py) and the matching index call it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.core.zones import kept_ranges
from annotator.nlp.sentences import split_sentences
from annotator.nlp.zones import derive_meta, suggest_zones
from annotator.store import Project

META_FIELDS = ("title", "outlet", "author", "published", "url")
RULES = ModelInfo("zone-rules", "1")  # the suggester of zones at import (nlp/zones.py)


def draft_has_zones(draft: ArticleDraft) -> bool:
    """The file carried the article's zones (an export of ours): the rules stay out."""
    return any(a.layer is Layer.STRUCTURE for a in draft.annotations)


def zones_for(draft: ArticleDraft) -> list[Span]:
    """The zones a new article comes in with: its file's own, else the rules'."""
    if draft_has_zones(draft):
        return [Span(a.start, a.end, a.label) for a in draft.annotations
                if a.layer is Layer.STRUCTURE]
    return suggest_zones(draft.text)


def with_derived_meta(draft: ArticleDraft, zones: list[Span]) -> ArticleDraft:
    """The draft with metadata read off its zones where the file gave none or the importer
    only guessed (a plain text's first line as title); what the file's fields say stays."""
    derived = derive_meta(draft.text, zones)
    changes: dict[str, Any] = {name: derived[name] for name in META_FIELDS
               if derived.get(name) and (not getattr(draft, name) or name in draft.guessed)}
    return replace(draft, **changes) if changes else draft


def zones_of(project: Project, article_id: int) -> list[Span]:
    """An article's zones now: a person's (structure annotations), and the rules' open
    suggestions where no person's zone lies; rejected ones are gone."""
    mine = [Span(a.start, a.end, a.label)
            for a in project.annotations(article_id, Layer.STRUCTURE)]
    rules = [Span(s.start, s.end, s.label)
             for s in project.suggestions(article_id, open_only=True)
             if s.layer is Layer.STRUCTURE]
    kept = [s for s in rules if not any(s.start < m.end and m.start < s.end for m in mine)]
    return sorted(mine + kept, key=lambda s: (s.start, s.end))


def kept_sentences(text: str, zones: list[Span]) -> list[tuple[int, int]]:
    """Sentence bounds in the parts of a text readers keep: none in a teaser, credit or
    other page furniture, none across a zone's edge (a headline and the sentence after it)."""
    out: list[tuple[int, int]] = []
    for start, end in kept_ranges(len(text), zones):
        out += [(start + a, start + b) for a, b in split_sentences(text[start:end])]
    return out
