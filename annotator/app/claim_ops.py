"""Claim and source use cases, done through the session: what S, Shift+L and G then 1–5 ask
for, testable without a window. The UI keeps the keys and the wiring."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.app.article_state import ArticleState
from annotator.app.session import Session
from annotator.core.model import Annotation, Layer, Link, Span

if TYPE_CHECKING:
    from annotator.store.matching_store import MatchSpan

CANONICAL_MATCH = 0.9  # a registry name this close to a mention is the source it names
translate = QCoreApplication.translate  # lupdate collects translate("UndoStep", …)


def attribution_for(state: ArticleState, claim: Annotation):
    """The rule-based attribution of a claim: its source, cue and quotation type (or None)."""
    from annotator.nlp.attribution import suggest_attribution

    entities = [Span(a.start, a.end, a.label) for a in state.layer(Layer.ENTITY)]
    entities += [Span(s.start, s.end, s.label) for s in state.suggestions]
    sources = [(a.start, a.end) for a in state.layer(Layer.SOURCE)]
    return suggest_attribution(state.text, (claim.start, claim.end), entities, sources)


def mark_source(session: Session, state: ArticleState, span: Span) -> Annotation | None:
    """Mark a source mention and point it at the canonical source it most likely names (a
    registry entry, or a new one): one action. The mention, or None when nothing was stored."""
    with session.action(translate("UndoStep", "Mark source")) as action:
        mention = session.add_span(state.article.id, Layer.SOURCE, span)
        if mention is not None:
            assign_canonical(session, state, mention)
    return mention if action.error is None else None


def assign_canonical(session: Session, state: ArticleState, mention: Annotation) -> bool:
    """Point a source mention at the registry's source of (nearly) the same name, else at a
    new source named after it, with a kind guessed from the words and the entity label."""
    from annotator.nlp.sources import guess_kind, merge_candidates, normalise_name

    text = state.text[mention.start:mention.end]
    registry = [(s.id, s.name, list(s.aliases)) for s in session.project.claims.sources()]
    ranked = merge_candidates(text, registry, top=1)
    if ranked and ranked[0][1] >= CANONICAL_MATCH:
        return session.assign_source(mention.article_id, [mention.id], ranked[0][0])
    entity = state.annotations_at(mention.start, Layer.ENTITY)
    label = entity[0].label if entity else None
    return session.assign_source(mention.article_id, [mention.id], None,
                                 new=(normalise_name(text) or text, guess_kind(text, label),
                                      [text]))


def accept_attribution(session: Session, state: ArticleState, claim: Annotation,
                       attribution) -> Link | None:
    """Link a claim to its suggested source, with cue and quotation type, marking the source
    mention first when it is not marked yet: one action. The link, or None."""
    start, end = attribution.source
    attrs = {"quote_type": attribution.quote_type}
    if attribution.cue:
        attrs["cue"] = attribution.cue
    with session.action(translate("UndoStep", "Accept suggested attribution")) as action:
        source = next((a for a in state.layer(Layer.SOURCE) if (a.start, a.end) == (start, end)),
                       None)
        if source is None:
            label = session.project.labels(Layer.SOURCE)[0].name
            source = mark_source(session, state, Span(start, end, label))
        link = (session.link_claim(claim.article_id, claim.id, source.id, attrs)
                if source is not None else None)
    return link if action.error is None else None


def link_to_new_source(session: Session, state: ArticleState, claim: Annotation,
                       span: Span) -> Link | None:
    """Mark a source mention and link the claim to it: one action."""
    step = translate("UndoStep", "Link claim to new source {name}").format(
        name=state.text[span.start:span.end])
    with session.action(step) as action:
        source = mark_source(session, state, span)
        link = (session.link_claim(claim.article_id, claim.id, source.id)
                if source is not None else None)
    return link if action.error is None else None


def claim_at(session: Session, span: MatchSpan) -> int | None:
    """The claim with exactly this span, marked first when there is none."""
    project = session.project
    found = next((a.id for a in project.overlapping(span.article_id, Layer.CLAIM, span.start,
                                                    span.end, annotator=session.annotator)
                  if (a.start, a.end) == (span.start, span.end)), None)
    if found is not None:
        return found
    label = project.labels(Layer.CLAIM)[0].name
    made = session.add_span(span.article_id, Layer.CLAIM, Span(span.start, span.end, label))
    return made.id if made is not None else None


def group_with(session: Session, query: MatchSpan, candidate: MatchSpan,
               method: str = "") -> int | None:
    """Confirm a candidate for a claim and put both into one group: the claim's, else the
    candidate's, else a new one titled after the claim; when both are in a group, the
    candidate's is merged into the claim's (``session.said`` says so). Each claim's typed
    values are stored first, and a joining claim states the value it gives on the point. A
    sentence becomes a claim first. One action; the group's id, or None."""
    with session.action(translate("UndoStep", "Group claims about the same point")) as action:
        session.decide_match(query, candidate, "confirmed", method)
        claim_id, other_id = claim_at(session, query), claim_at(session, candidate)
        group, told = None, ""
        if claim_id is not None and other_id is not None:
            group, told = _join(session, claim_id, other_id)
    if action.error is not None:
        return None
    if told:
        session.said.emit(told)
    return group


def _join(session: Session, claim_id: int, other_id: int) -> tuple[int | None, str]:
    """Group two claims (inside an action): the group, and what to tell of a merge."""
    from annotator.app.claim_values import ensure_stored, told_on_point

    claims = session.project.claims
    values = {c: ensure_stored(session, c) for c in (claim_id, other_id)}
    mine, theirs = claims.group_of(claim_id), claims.group_of(other_id)
    if mine is not None and theirs is not None:
        if mine == theirs:
            return mine, ""
        kept, gone = claims.group(mine).title, claims.group(theirs).title
        if not session.merge_groups(mine, theirs):
            return None, ""
        return mine, translate("Claims", "Merged group {merged} “{gone}” into group "
                               "{keep} “{kept}”").format(merged=theirs, gone=gone, keep=mine,
                                                         kept=kept)
    a, b = (session.project.annotation(c) for c in (claim_id, other_id))
    said_a, said_b = told_on_point(session.project, a, values[claim_id], b, values[other_id])
    for group, joining in ((mine, (other_id, said_b)), (theirs, (claim_id, said_a))):
        if group is not None:
            title = claims.group(group).title
            return session.group_claims(a.article_id, group, title, [joining]), ""
    title = session.project.article(a.article_id).text[a.start:a.end][:60]
    return session.group_claims(a.article_id, None, title,
                                [(other_id, said_b), (claim_id, said_a)]), ""
