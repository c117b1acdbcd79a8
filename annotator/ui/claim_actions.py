"""Claim work in the workbench: attributes, suggested attribution, canonical sources, and
finding the same point in other articles: sentences and claims ranked by the project's
maintained matching index (``annotator.app.matching``) in a worker, never on the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from annotator.app import attribution_chain, claim_ops, claim_values
from annotator.app.article_state import ArticleState
from annotator.app.changes import Changes, Part
from annotator.core.model import Annotation, Layer, Link
from annotator.core.names import ATTRIBUTED_TO
from annotator.ui.claim_panel import CandidateRow, ClaimPanel
from annotator.ui.i18n import keys_text, value_text
from annotator.ui.matching_worker import MatchingWorker
from annotator.ui.plain import escape

if TYPE_CHECKING:
    from annotator.store.matching_store import MatchSpan

SUGGESTIONS_KEPT = 256  # attributions kept for the claims visited, found again beyond that


class ClaimActions(QObject):
    """The claim keys: edit the claim, the same point elsewhere, accept the suggested
    attribution (``claim.*`` in the keymap)."""

    def __init__(self, workbench, panel: ClaimPanel, matching: MatchingWorker) -> None:
        super().__init__(workbench)
        self.wb, self.panel = workbench, panel
        self.session, self.project = workbench.session, workbench.project
        # (claim id, start, end, annotations in the article) → Attribution
        self._suggested: dict[tuple[int, int, int, int], object] = {}
        workbench.bind("claim.edit", self.edit_claim)
        workbench.bind("claim.rank", self.rank_candidates)
        workbench.bind("claim.accept_attribution", self.accept_attribution)
        workbench.bind("claim.values", self.edit_values)
        panel.attrs_edited.connect(self.session.set_attrs)
        panel.link_edited.connect(self._link_edited)
        panel.candidate_chosen.connect(self.group_with)
        panel.candidate_rejected.connect(self.reject)
        panel.value_edited.connect(self._value_edited)
        panel.value_deleted.connect(self._value_deleted)
        workbench.editor.cursor_moved.connect(self.follow_cursor)
        workbench.article_loaded.connect(self._follow_article)
        self.session.changed.connect(self._follow_groups)
        self.matching = matching
        matching.described.connect(panel.set_method)
        matching.failed.connect(self.session.failed.emit)
        self._query: MatchSpan | None = None  # what the candidates were ranked for

    # -- the claim at the cursor ---------------------------------------------------------------

    def claim_here(self) -> Annotation | None:
        state: ArticleState | None = self.wb.state
        if state is None:
            return None
        found = state.annotations_at(self.wb.editor.cursor_cp(), Layer.CLAIM)
        return found[0] if found else None

    def _follow_article(self, state: ArticleState) -> None:
        """After a change or on another article: the form anew, and no candidates ranked for
        another article's span."""
        if self._query is not None and self._query.article_id != state.article.id:
            self._query = None
            self.panel.candidates.set_rows([])
        self.follow_cursor(self.wb.editor.cursor_cp())

    def _follow_groups(self, changes: Changes) -> None:
        """Groups and canonical sources change on other pages too (no article named)."""
        if changes.parts & (Part.GROUPS | Part.SOURCES):
            self.follow_cursor(self.wb.editor.cursor_cp())

    def follow_cursor(self, _cp: int) -> None:
        """Show the claim under the cursor in the panel."""
        state, claim = self.wb.state, self.claim_here()
        if claim is None or state is None:
            self.panel.show_claim(None, None, "", "")
            return
        link = next((lk for lk in state.links
                     if lk.from_id == claim.id and lk.kind == ATTRIBUTED_TO), None)
        source = state.source_of(claim.id)
        name = state.text[source.start:source.end] if source else ""
        if source is not None and source.source_id is not None:
            canonical = self.project.claims.source(source.source_id).name
            name = name if canonical == name else f"{name} → {canonical}"
        via = self.tr(" via ")
        name += "".join(f" ·{via}{state.text[r.start:r.end]}"
                        for r in state.source_chain(claim.id)[1:])  # "Laut X sagte Y": Y via X
        group = self.project.claims.group_of(claim.id)
        told = "" if group is None else (
            "<b>" + self.tr("Group:") + f"</b> {escape(self.project.claims.group(group).title)}")
        values, stored = claim_values.values_of(self.project, claim, state)
        self.panel.show_claim(claim, link, name, self._suggestion_text(state, claim, link),
                              told, values, stored)

    def _suggestion_text(self, state: ArticleState, claim: Annotation, link: Link | None) -> str:
        attribution = self.suggest(state, claim)
        if attribution is None or attribution.source is None or link is not None:
            return ""
        who = state.text[attribution.source[0]:attribution.source[1]]
        via = self.tr(" via ")
        who += "".join(f"{via}{state.text[a:b]}" for (a, b), _ in attribution.via)
        return self.tr("<i>Suggested:</i> <b>{who}</b> · {cue} · {type} <small>({keys} "
                       "accepts)</small>").format(
            who=escape(who), cue=escape(attribution.cue or "—"),
            type=escape(value_text(attribution.quote_type)),
            keys=keys_text("claim.accept_attribution"))

    def suggest(self, state: ArticleState, claim: Annotation):
        """The rule-based attribution for a claim (cached per claim and its article state)."""
        key = (claim.id, claim.start, claim.end, len(state.annotations))
        if key not in self._suggested:
            if len(self._suggested) >= SUGGESTIONS_KEPT:
                self._suggested.clear()
            self._suggested[key] = claim_ops.attribution_for(state, claim)
        return self._suggested[key]

    def edit_claim(self) -> None:
        if self.claim_here() is not None:
            self.panel.focus_form()
        else:
            self.wb.say(self.tr("No claim at the cursor to edit ({keys} marks one)").format(
                keys=keys_text("claim.mark")))

    def edit_values(self) -> None:
        """V: into the claim's values."""
        if self.claim_here() is not None:
            self.panel.values.focus()

    def _value_edited(self, row: int | None, typed: str) -> None:
        claim = self.claim_here()
        if claim is not None:
            claim_values.edit_value(self.session, claim, row, typed)

    def _value_deleted(self, row: int) -> None:
        claim = self.claim_here()
        if claim is not None:
            claim_values.delete_value(self.session, claim, row)

    def _link_edited(self, link: Link, attrs: dict) -> None:
        if self.wb.state is not None:
            self.session.set_link_attrs(self.wb.state.article.id, link, attrs)

    # -- attribution -----------------------------------------------------------------------------

    def accept_attribution(self) -> None:
        """Create (or reuse) the suggested source span and link the claim with cue and type."""
        state, claim = self.wb.state, self.claim_here()
        if state is None or claim is None:
            self.wb.say(self.tr("No claim at the cursor to attribute ({keys} marks one)").format(
                keys=keys_text("claim.mark")))
            return
        attribution = self.suggest(state, claim)
        if attribution is None or attribution.source is None:
            self.session.failed.emit(
                self.tr("No attribution found for this claim: {keys} links by hand").format(
                    keys=keys_text("claim.link")))
            return
        attribution_chain.accept_suggested(self.session, state, claim, attribution)

    # -- the same point in other articles --------------------------------------------------------

    def rank_candidates(self) -> None:
        """Rank the sentences and claims of other articles for the selection or the claim at
        the cursor, in the worker (the index answers a query in milliseconds)."""
        state, claim = self.wb.state, self.claim_here()
        start, end = self.wb.editor.selection_cp()
        if state is None or (start == end and claim is None):
            self.session.failed.emit(self.tr(
                "{rank}: select a span or put the cursor in a claim ({mark} marks one)").format(
                rank=keys_text("claim.rank"), mark=keys_text("claim.mark")))
            return
        if start == end and claim is not None:
            start, end = claim.start, claim.end
        exact = claim if claim is not None and (claim.start, claim.end) == (start, end) else None
        from annotator.store.matching_store import MatchSpan  # with the first ranking

        self._query = MatchSpan(state.article.id, start, end, exact.id if exact else None)
        query, article_id = state.text[start:end], state.article.id

        def rank(project, _progress, _cancelled):
            from annotator.app.matching import matcher_for

            matcher = matcher_for(project)
            found = matcher.candidates(project, query, article_id, top=5,
                                       compute_missing=False)
            snippets = [claim_values.candidate_snippet(project, (article_id, start, end),
                                                       (c.article_id, c.start, c.end))
                        for c in found]
            return found, matcher.describe(project), snippets

        asked = self._query
        self.matching.query(rank, self.tr("Ranking candidates"),
                            lambda found: self._ranked(asked, found))

    def _ranked(self, asked: MatchSpan, result) -> None:
        if asked is not self._query or not isValid(self.panel):
            return  # ranked for a span the annotator has left, or for a replaced window
        found, described, snippets = result
        self.panel.set_method(described)
        self.panel.candidates.set_rows([CandidateRow(
            c.annotation_id, c.article_id, c.text, c.outlet, c.score, c.shared, c.kind, c.start,
            c.end, c.sentence_id, tuple(c.parts.items()), c.method, snippet)
            for c, snippet in zip(found, snippets, strict=True)])
        if found:
            self.panel.focus_candidates()
        else:
            self.session.failed.emit(self.tr("No sentences or claims in other articles yet"))

    def describe_method(self) -> None:
        """Describe the method again (in the worker): after a decision (what the learned ranker
        knows changed) and in a new language."""
        panel = self.panel  # gone when a language switch replaced the window meanwhile

        def said(text: str) -> None:
            if isValid(panel):
                panel.set_method(text)

        self.matching.run(lambda project, _p, _c: self._describe(project),
                          self.tr("Matching method"), said)

    @staticmethod
    def _describe(project) -> str:
        from annotator.app.matching import matcher_for

        return matcher_for(project).describe(project)

    def reject(self, row: CandidateRow) -> None:
        """X in the candidate list: not about the same point (undoable)."""
        if row is not None and self._query is not None and self.session.decide_match(
                self._query, _span_of(row), "rejected", row.method):
            self.describe_method()

    def group_with(self, row: CandidateRow) -> None:
        """Put the query claim and a candidate into one group (the claim's, or a new one);
        a sentence or a selection becomes a claim first. This confirms the candidate."""
        state, query = self.wb.state, self._query
        if state is None or row is None or query is None:
            return
        if claim_ops.group_with(self.session, query, _span_of(row), row.method) is not None:
            self.describe_method()
        self.follow_cursor(self.wb.editor.cursor_cp())


def _span_of(row: CandidateRow) -> MatchSpan:
    from annotator.store.matching_store import MatchSpan

    return MatchSpan(row.article_id, row.start, row.end, row.annotation_id, row.sentence_id)
