"""A claim's typed values in use: found in its text (with its article's date and entity spans),
stored in its attributes, edited by a person (undoable); what two claims state on their point;
a candidate's text around the value in which it differs from the claim."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.app.article_state import ArticleState
from annotator.app.session import Session
from annotator.core.model import Annotation, ClaimGroup, Layer, Span, Suggestion
from annotator.core.values import (
    ClaimValue,
    article_day,
    conflicts,
    family,
    from_attrs,
    point,
    with_values,
)
from annotator.store import Project

if TYPE_CHECKING:
    from annotator.nlp.values import Found

SNIPPET = 110  # characters of a candidate the ranked list shows
TOLD = 60  # characters of the value text a group member states
translate = QCoreApplication.translate  # lupdate collects translate("Claims", …)


def entity_spans(marked: Iterable[Annotation], suggested: Iterable[Suggestion], start: int,
                 end: int) -> list[Span]:
    """The entity spans inside [start, end), relative to ``start``: marked ones, and the
    model's open suggestions where none is marked."""
    inside = [a for a in marked if a.layer is Layer.ENTITY and start <= a.start and a.end <= end]
    spans = [(a.start, a.end, a.label) for a in inside] + [
        (s.start, s.end, s.label) for s in suggested
        if s.layer is Layer.ENTITY and start <= s.start and s.end <= end
        and not any(a.start < s.end and s.start < a.end for a in inside)]
    return sorted(Span(a - start, b - start, label) for a, b, label in spans)


def found_in(project: Project, article_id: int, start: int, end: int,
             state: ArticleState | None = None) -> list[Found]:
    """The values the text [start, end) of an article states (``state``: the article as
    loaded already)."""
    from annotator.nlp.values import extract

    if state is None:
        state = ArticleState(project.article(article_id),
                             project.overlapping(article_id, Layer.ENTITY, start, end),
                             project.suggestions(article_id, open_only=True), [])
    entities = entity_spans(state.annotations, state.suggestions, start, end)
    return extract(state.text[start:end], state.article.published, entities)


def values_of(project: Project, claim: Annotation,
              state: ArticleState | None = None) -> tuple[list[ClaimValue], bool]:
    """A claim's values and whether they are stored (else they are the ones its text states)."""
    stored = from_attrs(claim.attrs)
    if stored is not None:
        return list(stored), True
    found = found_in(project, claim.article_id, claim.start, claim.end, state)
    return [f.value for f in found], False


def ensure_stored(session: Session, claim_id: int) -> list[ClaimValue]:
    """Store the values a claim's text states when it has none stored yet; its values."""
    claim = session.project.annotation(claim_id)
    values, stored = values_of(session.project, claim)
    if not stored:
        session.set_attrs(claim, with_values(claim.attrs, values))
    return values


def set_values(session: Session, claim: Annotation, values: list[ClaimValue]) -> bool:
    """Store a claim's values as a person set them (one undo step)."""
    stored = from_attrs(claim.attrs)
    if stored is not None and list(stored) == values:
        return False
    with session.action(translate("UndoStep", "Edit the claim's values")) as action:
        session.set_attrs(claim, with_values(claim.attrs, values))
    return action.error is None


def edit_value(session: Session, claim: Annotation, index: int | None, typed: str) -> bool:
    """Replace value ``index`` by what a person typed ("slot: text" or the text), or add it
    (``index`` None); an empty text deletes the value. False, with the reason told through
    ``session.failed``, when the text states no value."""
    from annotator.nlp.values import parse_value

    values, _stored = values_of(session.project, claim)
    old = values[index] if index is not None and 0 <= index < len(values) else None
    if old is not None and not typed.strip():
        return delete_value(session, claim, values.index(old))
    published = session.project.article(claim.article_id).published
    new = parse_value(typed, published, slot=old.slot if old else None)
    if new is None:
        said = (translate("Claims", "“{typed}”: no {slot} found (type slot: text, e.g. "
                          "“place: Prag”)") if old else
                translate("Claims", "“{typed}”: no value found (type slot: text, e.g. "
                          "“place: Prag”)"))
        session.failed.emit(said.format(typed=typed.strip(), slot=old.slot if old else ""))
        return False
    values = [new if v is old else v for v in values] if old else [*values, new]
    return set_values(session, claim, values)


def delete_value(session: Session, claim: Annotation, index: int) -> bool:
    """Take a value off a claim (undoable)."""
    values, _stored = values_of(session.project, claim)
    if not 0 <= index < len(values):
        return False
    return set_values(session, claim, values[:index] + values[index + 1:])


def told_on_point(project: Project, a: Annotation, values_a: list[ClaimValue], b: Annotation,
                  values_b: list[ClaimValue]) -> tuple[str, str]:
    """What each of two claims states on their point, as the group shows it: their values in
    the slot where they conflict (else one both state); the words in which they differ when
    they state no value of one slot. A claim joining the group the other is in states its
    values in the slot that group is about, or none ("") when it states no value there:
    "erst in Prag" says nothing on the weekday its group disputes."""
    from annotator.nlp.values import stated_values

    groups = [project.claims.group_of(c.id) for c in (a, b)]
    if (groups[0] is None) != (groups[1] is None):
        joining = values_a if groups[1] is not None else values_b
        slot = group_slot(project.claims.group(next(g for g in groups if g is not None)))
        if slot is not None:
            said = _told(v for v in joining if family(v) == slot)
            return (said, "") if groups[1] is not None else ("", said)
    pa, pb = (article_day(project.article(c.article_id).published) for c in (a, b))
    found = point(values_a, pa, values_b, pb)
    if found and all(found):
        return found[0][:TOLD], found[1][:TOLD]
    text_a, text_b = (project.article(c.article_id).text[c.start:c.end] for c in (a, b))
    return stated_values(text_a, text_b, TOLD)


def group_slot(group: ClaimGroup) -> tuple[str, str] | None:
    """The slot (value family) a group is about: the one most of its claims state their value
    in (the typed values the value each states was said with); None when none tells."""
    slots = Counter(family(v) for m in group.members for v in m.values or ()
                    if m.value.strip() and (v.text or v.value) in m.value)
    return slots.most_common(1)[0][0] if slots else None


def _told(values: Iterable[ClaimValue]) -> str:
    return " ".join(dict.fromkeys(v.text or v.value for v in values))[:TOLD]


def candidate_snippet(project: Project, query: tuple[int, int, int],
                      candidate: tuple[int, int, int], width: int = SNIPPET) -> str:
    """A candidate's text (article id, start, end) as the ranked list shows it: a window of
    ``width`` characters around the value in which it differs from the query (the weekday,
    the number), else around one both state; its beginning when it states none."""
    aq, ac = (project.article(x[0]) for x in (query, candidate))
    mine = [f.value for f in found_in(project, *query)]
    theirs = found_in(project, *candidate)
    pq, pc = article_day(aq.published), article_day(ac.published)
    clash = {key for key in conflicts([f.value for f in theirs], pc, mine, pq)}
    shared = {family(v) for v in mine}
    focus = next((f for f in theirs if family(f.value) in clash), None) or next(
        (f for f in theirs if family(f.value) in shared), None)
    text = ac.text[candidate[1]:candidate[2]]
    return window(text, (focus.start, focus.end) if focus else None, width)


def window(text: str, focus: tuple[int, int] | None, width: int = SNIPPET) -> str:
    """``text`` cut to about ``width`` characters around ``focus`` at word bounds, with "…"
    where it is cut."""
    text = text.replace("\n", " ")
    if len(text) <= width:
        return text
    start, end = focus or (0, 0)
    lo = max(0, min(start - (width - (end - start)) // 2, len(text) - width))
    hi = min(len(text), max(lo + width, end))
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return ("…" if lo > 0 else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")
