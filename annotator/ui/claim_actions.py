"""Claim work in the workbench: attributes, suggested attribution, canonical sources, and
finding the same point in other articles (ranked in a worker, never on the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.app.article_state import ArticleState
from annotator.app.tasks import TaskRunner
from annotator.core.model import Annotation, Layer, Link, Span
from annotator.ui.claim_panel import CandidateRow, ClaimPanel


class ClaimActions(QObject):
    """Keys E (edit claim), G (same point elsewhere), Shift+L (accept suggested attribution)."""

    def __init__(self, workbench, panel: ClaimPanel, runner: TaskRunner) -> None:
        super().__init__(workbench)
        self.wb, self.panel, self.runner = workbench, panel, runner
        self.session, self.project = workbench.session, workbench.project
        self._suggested: dict[int, object] = {}  # claim id → Attribution
        bind = workbench.bind
        bind("E", "Edit the claim's attributes (Esc returns)", "Claims and sources",
             self.edit_claim)
        bind("G", "Rank claims of other articles about the same point (1–5 adds)",
             "Claims and sources", self.rank_candidates)
        bind("Shift+L", "Accept the suggested attribution (source, cue, quotation type)",
             "Claims and sources", self.accept_attribution)
        panel.attrs_edited.connect(self.session.set_attrs)
        panel.link_edited.connect(self._link_edited)
        panel.candidate_chosen.connect(self.group_with)
        panel.escaped.connect(workbench.editor.setFocus)
        workbench.editor.cursor_moved.connect(self.follow_cursor)
        workbench.article_loaded.connect(lambda _s: self.follow_cursor(
            workbench.editor.cursor_cp()))
        workbench.span_added.connect(self._span_added)

    # -- the claim at the cursor ---------------------------------------------------------------

    def claim_here(self) -> Annotation | None:
        state: ArticleState | None = self.wb.state
        if state is None:
            return None
        found = state.annotations_at(self.wb.editor.cursor_cp(), Layer.CLAIM)
        return found[0] if found else None

    def follow_cursor(self, _cp: int) -> None:
        """Show the claim under the cursor in the panel."""
        state, claim = self.wb.state, self.claim_here()
        if claim is None or state is None:
            self.panel.show_claim(None, None, "", "")
            return
        link = next((lk for lk in state.links
                     if lk.from_id == claim.id and lk.kind == "attributed_to"), None)
        source = state.source_of(claim.id)
        name = state.text[source.start:source.end] if source else ""
        if source is not None and source.source_id is not None:
            canonical = self.project.claims.source(source.source_id).name
            name = name if canonical == name else f"{name} → {canonical}"
        groups = self.project.claims.groups_of(claim.id)
        titles = ", ".join(self.project.claims.group(g).title for g in groups)
        self.panel.show_claim(claim, link, name, self._suggestion_text(state, claim, link),
                              f"<b>Groups:</b> {titles}" if titles else "")

    def _suggestion_text(self, state: ArticleState, claim: Annotation, link: Link | None) -> str:
        attribution = self.suggest(state, claim)
        if attribution is None or attribution.source is None or link is not None:
            return ""
        who = state.text[attribution.source[0]:attribution.source[1]]
        return (f"<i>Suggested:</i> <b>{who}</b> · {attribution.cue or '—'} · "
                f"{attribution.quote_type} <small>(Shift+L accepts)</small>")

    def suggest(self, state: ArticleState, claim: Annotation):
        """The rule-based attribution for a claim (cached per claim and its article state)."""
        from annotator.nlp.attribution import suggest_attribution

        key = (claim.id, claim.start, claim.end, len(state.annotations))
        if key not in self._suggested:
            entities = [Span(a.start, a.end, a.label) for a in state.layer(Layer.ENTITY)]
            entities += [Span(s.start, s.end, s.label) for s in state.suggestions]
            sources = [(a.start, a.end) for a in state.layer(Layer.SOURCE)]
            self._suggested[key] = suggest_attribution(state.text, (claim.start, claim.end),
                                                       entities, sources)
        return self._suggested[key]

    def edit_claim(self) -> None:
        if self.claim_here() is not None:
            self.panel.focus_form()

    def _link_edited(self, link: Link, attrs: dict) -> None:
        if self.wb.state is not None:
            self.session.set_link_attrs(self.wb.state.article.id, link, attrs)

    # -- attribution -----------------------------------------------------------------------------

    def accept_attribution(self) -> None:
        """Create (or reuse) the suggested source span and link the claim with cue and type."""
        state, claim = self.wb.state, self.claim_here()
        if state is None or claim is None:
            return
        attribution = self.suggest(state, claim)
        if attribution is None or attribution.source is None:
            self.session.failed.emit("No attribution found for this claim: L links by hand")
            return
        start, end = attribution.source
        attrs = {"quote_type": attribution.quote_type}
        if attribution.cue:
            attrs["cue"] = attribution.cue
        stack = self.session.undo_stack
        stack.beginMacro("Accept suggested attribution")
        try:
            source = next((a for a in state.layer(Layer.SOURCE)
                           if (a.start, a.end) == (start, end)), None)
            if source is None:
                label = self.project.labels(Layer.SOURCE)[0].name
                self.wb.add_source_span(Span(start, end, label))
                source = next(a for a in self.project.annotations(claim.article_id, Layer.SOURCE)
                              if (a.start, a.end) == (start, end))
            self.session.link_claim(claim.article_id, claim.id, source.id)
            link = next(lk for lk in self.project.links_of(claim.id)
                        if lk.from_id == claim.id and lk.kind == "attributed_to")
            self.session.set_link_attrs(claim.article_id, link, attrs)
        finally:
            stack.endMacro()

    # -- canonical sources -----------------------------------------------------------------------

    def _span_added(self, ann: Annotation) -> None:
        """A new source mention points at the canonical source it most likely names."""
        if ann.layer is not Layer.SOURCE or self.wb.state is None:
            return
        from annotator.nlp.sources import guess_kind, merge_candidates, normalise_name

        mention = self.wb.state.text[ann.start:ann.end]
        registry = [(s.id, s.name, list(s.aliases)) for s in self.project.claims.sources()]
        ranked = merge_candidates(mention, registry, top=1)
        if ranked and ranked[0][1] >= 0.9:
            self.session.assign_source(ann.article_id, [ann.id], ranked[0][0])
            return
        entity = self.wb.state.annotations_at(ann.start, Layer.ENTITY)
        label = entity[0].label if entity else None
        name = normalise_name(mention) or mention
        self.session.assign_source(ann.article_id, [ann.id], None,
                                   new=(name, guess_kind(mention, label), [mention]))

    # -- the same point in other articles --------------------------------------------------------

    def rank_candidates(self) -> None:
        """Rank the claims of other articles for the claim at the cursor, in a worker."""
        claim, state = self.claim_here(), self.wb.state
        if claim is None or state is None:
            self.session.failed.emit("G: put the cursor in a claim first (C marks one)")
            return
        query = state.text[claim.start:claim.end]
        items = [c for c in self.project.claims.claims() if c[1] != claim.article_id]
        outlets = {a: self.project.article(a).outlet or self.project.article(a).title[:30]
                   for a in {c[1] for c in items}}
        texts = {key: text for key, _article, text in items}

        def rank(_progress, _cancelled) -> list[CandidateRow]:
            from annotator.nlp.matching import ClaimIndex

            if not items:
                return []
            index = ClaimIndex(items)
            return [CandidateRow(c.key, c.article_id, texts[c.key], outlets[c.article_id],
                                 c.score, tuple(c.shared))
                    for c in index.rank(query, exclude_article=claim.article_id, top=5)]

        task = self.runner.run(rank, "Ranking claims")
        task.finished.connect(self._ranked)

    def _ranked(self, rows: list[CandidateRow]) -> None:
        self.panel.candidates.set_rows(rows)
        if rows:
            self.panel.focus_candidates()
        else:
            self.session.failed.emit("No claims in other articles yet")

    def group_with(self, row: CandidateRow) -> None:
        """Put the claim at the cursor and a candidate into one group (the claim's, or new)."""
        claim, state = self.claim_here(), self.wb.state
        if claim is None or state is None or row is None:
            return
        from annotator.nlp.values import stated_values

        mine = state.text[claim.start:claim.end]
        value_a, value_b = stated_values(mine, row.text)
        groups = self.project.claims.groups_of(claim.id)
        group_id = groups[0] if groups else None
        title = self.project.claims.group(group_id).title if group_id else mine[:60]
        members = [(row.annotation_id, value_b)] + ([] if group_id else [(claim.id, value_a)])
        self.session.group_claims(claim.article_id, group_id, title, members)
        self.follow_cursor(self.wb.editor.cursor_cp())
