"""Zones at work: the rules' zones and derived metadata for a new article, the zones an
article has now (a person's over the rules'), what setting a zone changes, running the rules
again on a stored article, and the parts of a text readers keep.

Plain Python, no Qt: the import (app/importing.py), the matching index, the session's zone
action and the command line call it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from annotator.core.model import (
    Annotation,
    Article,
    ArticleDraft,
    Layer,
    ModelInfo,
    Span,
    Suggestion,
)
from annotator.core.sentences import sentence_around
from annotator.core.spans import overlaps
from annotator.core.zones import ZONE_LABELS, Ranged, kept_ranges, segments
from annotator.nlp.sentences import split_sentences
from annotator.store import Project
from annotator.store.articles import IMPORT_ANNOTATOR, META_COLUMNS

# The zone rules (nlp.zones, nlp.zone_meta: large word lists and patterns) load when first
# used, so that a window showing stored zones starts without them.

META_FIELDS = META_COLUMNS  # title, outlet, author, published, url
RULES = ModelInfo("zone-rules", "1")  # the suggester of zones at import (nlp/zones.py)
LEARNED = "zone-model"  # the project's learned zones (app/zone_training.py), one version each
Zone = Annotation | Suggestion  # a person's zone, or one the rules suggest


def draft_has_zones(draft: ArticleDraft) -> bool:
    """The file carried the article's zones (an export of ours: zones a person set, and its
    open suggestions, the rules' zones among them): the rules stay out."""
    return draft.suggestions is not None or any(
        a.layer is Layer.STRUCTURE for a in draft.annotations)


def zones_for(draft: ArticleDraft) -> list[Span]:
    """The zones a new article comes in with: its file's own (a person's, and the suggested
    ones where no person's lies), else the rules'."""
    if not draft_has_zones(draft):
        from annotator.nlp.zones import suggest_zones

        return suggest_zones(draft.text)
    mine = [Span(a.start, a.end, a.label) for a in draft.annotations
            if a.layer is Layer.STRUCTURE]
    suggested = [Span(s.start, s.end, s.label) for s in draft.suggestions or []
                 if s.layer is Layer.STRUCTURE
                 and not any(overlaps(s.start, s.end, m.start, m.end) for m in mine)]
    return sorted(mine + suggested)


def meta_of(text: str, zones: list[Span]) -> dict[str, str | None]:
    """The metadata the zones give (``nlp.zones.derive_meta``). A text with no headline whose
    first line is furniture (a breadcrumb, a credit) is titled by the first line of its body,
    as a plain text without one is titled by its first line."""
    from annotator.nlp.zones import derive_meta

    found = derive_meta(text, zones)
    if not found["title"]:
        found["title"] = _body_title(text, zones)
    return found


def _body_title(text: str, zones: list[Span]) -> str | None:
    """The first line of the text that no zone holds, as an importer would title it."""
    from annotator.io.common import first_line, short_title

    for piece in segments(len(text), zones):
        if piece.label is None and (line := first_line(text[piece.start:piece.end])):
            return short_title(line.lstrip("-–—:·| ")) or None
    return None


def with_derived_meta(draft: ArticleDraft, zones: list[Span]) -> ArticleDraft:
    """The draft with metadata read off its zones where the file gave none or the importer
    only guessed (a plain text's first line as title); what the file's fields say stays. The
    one place a plain text or a page gets its metadata from its text: with ``meta`` among
    the guessed, also the details (date line, dateline, agency) its free metadata lacks."""
    from annotator.nlp.zone_meta import derive_details

    derived = meta_of(draft.text, zones)
    changes: dict[str, Any] = {name: derived[name] for name in META_FIELDS
               if derived.get(name) and (not getattr(draft, name) or name in draft.guessed)}
    if "meta" in draft.guessed:
        details = derive_details(draft.text, zones, derived)
        changes["meta"] = {**details, **draft.meta}
    return replace(draft, **changes) if changes else draft


def in_force(annotations: Iterable[Annotation],
             suggestions: Iterable[Suggestion]) -> list[Zone]:
    """The zones that hold, in text order: a person's (structure annotations), and the rules'
    open suggestions where no person's zone lies."""
    mine = [a for a in annotations if a.layer is Layer.STRUCTURE]
    rules = [s for s in suggestions if s.layer is Layer.STRUCTURE
             and not any(overlaps(s.start, s.end, m.start, m.end) for m in mine)]
    return sorted([*mine, *rules], key=lambda z: (z.start, z.end))


def zones_in_force(project: Project, article_id: int) -> list[Zone]:
    """An article's zones now: a person's (structure annotations), and the rules' open
    suggestions where no person's zone lies; rejected ones are gone."""
    return in_force(project.annotations(article_id, Layer.STRUCTURE),
                    project.suggestions(article_id, open_only=True))


def zones_of(project: Project, article_id: int) -> list[Span]:
    """``zones_in_force`` as plain spans."""
    return [Span(z.start, z.end, z.label) for z in zones_in_force(project, article_id)]


def kept_sentences(text: str, zones: list[Span]) -> list[tuple[int, int]]:
    """Sentence bounds in the parts of a text readers keep: none in a teaser, credit or
    other page furniture, none across a zone's edge (a headline and the sentence after it)."""
    out: list[tuple[int, int]] = []
    for start, end in kept_ranges(len(text), zones):
        out += [(start + a, start + b) for a, b in split_sentences(text[start:end])]
    return out


def sentence_at(text: str, zones: Iterable[Ranged], cp: int) -> tuple[int, int]:
    """The sentence at a position inside the zone or stretch of body holding it: a headline's
    line alone, the sentence after a dateline without the dateline (as the sentence index
    splits them). In white space between two, the one before, as ``sentence_around``."""
    for seg in segments(len(text), zones):
        if seg.start <= cp < seg.end:
            start, end = sentence_around(text[seg.start:seg.end], cp - seg.start)
            if start < end:
                return seg.start + start, seg.start + end
            break
    return sentence_around(text, cp)


def resplit(project: Project, article_id: int) -> None:
    """Make an article's sentence index follow the zones it has now (in the caller's
    transaction): the sentences in what readers keep, and only those."""
    project.matching.replace_sentences(article_id, kept_sentences(
        project.article(article_id).text, zones_of(project, article_id)))


# -- a person sets a zone ----------------------------------------------------------------------


class ZoneEdit(Struct, frozen=True):
    """What setting a zone over a range changes: the person's zones there are deleted and the
    rules' rejected (or the one it confirms accepted); added are the new zone and what is left
    of the zones it cut, outside the range."""

    delete: tuple[Annotation, ...] = ()
    reject: tuple[Suggestion, ...] = ()
    accept: Suggestion | None = None
    add: tuple[Span, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.delete or self.reject or self.accept or self.add)


def plan_zone(text: str, start: int, end: int, label: str | None,
              mine: list[Annotation], rules: list[Suggestion]) -> ZoneEdit:
    """Make [start, end) one zone of ``label`` (None: body, no zone), given the person's zones
    (``mine``) and the rules' open zone suggestions; an empty edit when nothing changes."""
    if label is not None and label not in ZONE_LABELS:
        raise ValueError(f"no zone label {label!r}")
    held = in_force(mine, rules)
    hit_mine = tuple(a for a in mine if overlaps(a.start, a.end, start, end))
    hit_rules = tuple(s for s in rules if overlaps(s.start, s.end, start, end))
    shown = [z for z in held if overlaps(z.start, z.end, start, end)]
    if [(z.start, z.end, z.label) for z in shown] == [(start, end, label)]:
        if isinstance(shown[0], Annotation):
            return ZoneEdit()  # already so
        if hit_rules == (shown[0],):
            return ZoneEdit(accept=shown[0])  # the rules' zone, confirmed
    add = [Span(*piece, z.label) for z in shown
           for piece in (_trimmed(text, z.start, start), _trimmed(text, end, z.end)) if piece]
    if label is not None:
        add.append(Span(start, end, label))
    return ZoneEdit(hit_mine, hit_rules, None, tuple(sorted(add)))


def zone_edit(project: Project, article_id: int, start: int, end: int,
              label: str | None, annotator: str | None = None) -> ZoneEdit:
    """``plan_zone`` over what the store holds for an article now, as ``annotator`` sees it
    (None: the project's view)."""
    return plan_zone(project.article(article_id).text, start, end, label,
                     project.annotations(article_id, Layer.STRUCTURE, annotator=annotator),
                     [s for s in project.suggestions(article_id, open_only=True,
                                                     annotator=annotator)
                      if s.layer is Layer.STRUCTURE])


def line_around(text: str, cp: int) -> tuple[int, int] | None:
    """The line (between line breaks) at a position without its outer blanks; None if blank."""
    start = text.rfind("\n", 0, cp) + 1
    end = text.find("\n", cp)
    return _trimmed(text, start, len(text) if end < 0 else end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# -- running the rules again -------------------------------------------------------------------


def rederive(project: Project, article_id: int) -> dict[str, str | None]:
    """Run the zone rules and the metadata derivation again on a stored article, in one
    transaction; the metadata fields that changed.

    What a person set stays: their zones, their rejections (no new rule zone where they
    rejected one), and every field in ``edited``. The learned zones stay where no new rule
    zone lies. A field takes the new reading where it was empty, or still what the rules (or
    the first line) had given. An article whose file carried its zones keeps them, as at
    import."""
    from annotator.nlp.zones import suggest_zones

    with project.transaction():
        article = project.article(article_id)
        text = article.text
        old_zones = zones_of(project, article_id)
        before = meta_of(text, old_zones)
        if not any(a.annotator == IMPORT_ANNOTATOR
                   for a in project.annotations(article_id, Layer.STRUCTURE)):
            decided = project.decisions(article_id)
            rejected = [s for s in project.suggestions(article_id)
                        if s.layer is Layer.STRUCTURE and decided.get(s.id) == "rejected"]
            fresh = [z for z in suggest_zones(text)
                     if not any(overlaps(z.start, z.end, r.start, r.end) for r in rejected)]
            project.replace_suggestions(article_id, RULES, fresh, layer=Layer.STRUCTURE,
                                        keep_decided=True)
            _learned_give_way(project, article_id, fresh)
        zones = zones_of(project, article_id)
        if zones != old_zones:
            resplit(project, article_id)
        after = meta_of(text, zones)
        changes = {name: after[name] for name in META_FIELDS
                   if name not in article.edited and after.get(name)
                   and after[name] != getattr(article, name)
                   and _derived(article, name, before.get(name))}
        if changes:
            project.set_meta(article_id, edited=article.edited, **changes)
    return changes


def _learned_give_way(project: Project, article_id: int, rules: list[Span]) -> None:
    """Drop the open learned zones a rule zone now overlaps: the model fills only what the
    rules leave body, as at import."""
    decided = project.decisions(article_id)
    learned: dict[ModelInfo, list[Suggestion]] = {}
    for s in project.suggestions(article_id):
        if s.layer is Layer.STRUCTURE and s.model == LEARNED and s.id not in decided:
            learned.setdefault(ModelInfo(s.model, s.model_version), []).append(s)
    for info, found in learned.items():
        left = [Span(s.start, s.end, s.label, s.score) for s in found
                if not any(overlaps(s.start, s.end, r.start, r.end) for r in rules)]
        if len(left) < len(found):
            project.replace_suggestions(article_id, info, left, layer=Layer.STRUCTURE,
                                        keep_decided=True)


def _derived(article: Article, name: str, derived_before: str | None) -> bool:
    """Whether a field still holds what no person or file gave: nothing, the rules' earlier
    reading, or (the title) the text's first line."""
    value = getattr(article, name)
    first = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
    return not value or value == derived_before or (name == "title" and value == first[:200])
