"""Shift+L with nested attribution: the claim's link to its speaker, and the speaker's link to
the source that reports it ("Laut X sagte Y, …": claim → Y → X), in one action."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.app import claim_ops
from annotator.app.article_state import ArticleState
from annotator.app.session import Session
from annotator.core.model import Annotation, Layer, Link, Span
from annotator.core.names import REPORTED_BY


def accept_suggested(session: Session, state: ArticleState, claim: Annotation,
                     attribution) -> Link | None:
    """Link the claim to its suggested source (``claim_ops.accept_attribution``), then each
    source of ``attribution.via`` from the one it reports, marking mentions not marked yet.
    One action; the claim's link, or None."""
    step = QCoreApplication.translate("UndoStep", "Accept suggested attribution")
    with session.action(step) as action:
        link = claim_ops.accept_attribution(session, state, claim, attribution)
        speaker = link.to_id if link is not None else None
        for hop in attribution.via:
            reporter = _mention(session, state, hop.source) if speaker is not None else None
            if speaker is None or reporter is None:
                break
            session.link_claim(claim.article_id, speaker, reporter.id, {"cue": hop.cue},
                               kind=REPORTED_BY)
            speaker = reporter.id
    return link if action.error is None else None


def _mention(session: Session, state: ArticleState, span: tuple[int, int]) -> Annotation | None:
    """The source mention with exactly this span, marked (with its canonical source) when the
    article has none."""
    found = next((a for a in state.layer(Layer.SOURCE) if (a.start, a.end) == span), None)
    if found is not None:
        return found
    label = session.project.labels(Layer.SOURCE)[0].name
    return claim_ops.mark_source(session, state, Span(*span, label))
