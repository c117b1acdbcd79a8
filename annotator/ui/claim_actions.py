"""Claim work in the workbench: attributes, suggested attribution, canonical sources, and
finding the same point in other articles: sentences and claims ranked by the project's
maintained matching index (``annotator.app.matching``) in a worker, never on the GUI thread."""

from __future__ import annotations

import sqlite3
from html import escape

from PySide6.QtCore import QEvent, QObject, QTimer

from annotator.app.article_state import ArticleState
from annotator.app.tasks import TaskRunner, project_task
from annotator.core.model import Annotation, Layer, Link, Span
from annotator.ui.claim_panel import CandidateRow, ClaimPanel

SPLIT_BATCH = 500  # articles split per worker step before this thread stores them


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
        bind("G", "Rank sentences and claims of other articles about the same point "
             "(1–5 groups, X rejects)", "Claims and sources", self.rank_candidates)
        bind("Shift+L", "Accept the suggested attribution (source, cue, quotation type)",
             "Claims and sources", self.accept_attribution)
        panel.attrs_edited.connect(self.session.set_attrs)
        panel.link_edited.connect(self._link_edited)
        panel.candidate_chosen.connect(self.group_with)
        panel.candidate_rejected.connect(self.reject)
        panel.escaped.connect(workbench.editor.setFocus)
        workbench.editor.cursor_moved.connect(self.follow_cursor)
        workbench.article_loaded.connect(lambda _s: self.follow_cursor(
            workbench.editor.cursor_cp()))
        workbench.span_added.connect(self._span_added)
        # Matching has its own worker: a query never waits behind an import or a training run.
        self.match_runner = TaskRunner(self)
        self._query = None  # the MatchSpan the candidates were ranked for
        self._window = workbench.editor.window()
        self._window.installEventFilter(self)
        self._alive = [True]
        alive = self._alive
        self.destroyed.connect(lambda *_a: alive.__setitem__(0, False))
        QTimer.singleShot(0, self.prepare_index)

    def eventFilter(self, watched, event) -> bool:
        """Stop the matching worker when the window closes (before the project does)."""
        if event.type() == QEvent.Type.Close and watched is self._window:
            self._alive[0] = False
            self.match_runner.shutdown()
        return False

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
        titles = escape(", ".join(self.project.claims.group(g).title for g in groups))
        self.panel.show_claim(claim, link, name, self._suggestion_text(state, claim, link),
                              f"<b>Groups:</b> {titles}" if titles else "")

    def _suggestion_text(self, state: ArticleState, claim: Annotation, link: Link | None) -> str:
        attribution = self.suggest(state, claim)
        if attribution is None or attribution.source is None or link is not None:
            return ""
        who = state.text[attribution.source[0]:attribution.source[1]]
        return (f"<i>Suggested:</i> <b>{escape(who)}</b> · {escape(attribution.cue or '—')} · "
                f"{escape(attribution.quote_type)} <small>(Shift+L accepts)</small>")

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
        with self.session.action("Accept suggested attribution"):
            source = next((a for a in state.layer(Layer.SOURCE)
                           if (a.start, a.end) == (start, end)), None)
            if source is None:
                label = self.project.labels(Layer.SOURCE)[0].name
                source = self.wb.add_source_span(Span(start, end, label))
            if source is not None:
                self.session.link_claim(claim.article_id, claim.id, source.id, attrs)

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

    def _in_worker(self, fn, title: str, done) -> None:
        """Run ``fn(project, progress, cancelled)`` in the matching worker (its own Project);
        an in-memory project (tests) runs here, since its connection cannot move threads."""
        path = self.project.path
        if path is None:
            done(fn(self.project, lambda *_a: None, lambda: False))
            return
        alive = self._alive  # a plain list: readable after this QObject is gone

        def deliver(result) -> None:
            if not alive[0]:  # results that arrive after the window closed are dropped
                return
            try:
                done(result)
            except sqlite3.ProgrammingError:  # the project was closed under an open window
                alive[0] = False

        task = self.match_runner.start(project_task(path, fn, title))
        task.finished.connect(deliver)
        task.failed.connect(lambda message: alive[0] and self.session.failed.emit(message))

    def prepare_index(self) -> None:
        """Catch the matching index up with the project, in steps: workers split sentences,
        load the index and embed (semantic) but never write; this thread stores what they
        found, so a background write can never make a GUI edit fail on a locked database."""
        def split(project, progress, cancelled):
            from annotator.app.matching import matcher_for, split_missing

            matcher_for(project).read_only = True
            return split_missing(project, limit=SPLIT_BATCH, progress=progress,
                                 cancelled=cancelled)

        def stored(splits) -> None:
            from annotator.app.matching import store_sentences

            if splits:
                store_sentences(self.project, splits)
                self.prepare_index()
            else:
                self._in_worker(load, "Indexing sentences for matching", loaded)

        def load(project, progress, cancelled):
            from annotator.app.matching import embed_some, matcher_for

            matcher = matcher_for(project)
            matcher.sync(project, progress, cancelled)
            return matcher.describe(project), embed_some(project, cancelled=cancelled)

        def loaded(result) -> None:
            from annotator.app.matching import store_vectors

            described, vectors = result
            self.panel.set_method(described)
            if vectors:  # the semantic layer: one batch at a time, until every sentence has one
                store_vectors(self.project, vectors)
                self._in_worker(load, "Semantic vectors for matching", loaded)

        self._in_worker(split, "Splitting sentences for matching", stored)

    def rank_candidates(self) -> None:
        """Rank the sentences and claims of other articles for the selection or the claim at
        the cursor, in the worker (the index answers a query in milliseconds)."""
        from annotator.store.matching_store import MatchSpan

        state, claim = self.wb.state, self.claim_here()
        start, end = self.wb.editor.selection_cp()
        if state is None or (start == end and claim is None):
            self.session.failed.emit("G: select a span or put the cursor in a claim (C marks "
                                     "one)")
            return
        if start == end:
            start, end = claim.start, claim.end
        exact = claim if claim is not None and (claim.start, claim.end) == (start, end) else None
        self._query = MatchSpan(state.article.id, start, end, exact.id if exact else None)
        query, article_id = state.text[start:end], state.article.id

        def rank(project, _progress, _cancelled):
            from annotator.app.matching import matcher_for

            matcher = matcher_for(project)
            found = matcher.candidates(project, query, article_id, top=5,
                                       compute_missing=False)
            return found, matcher.describe(project)

        self._in_worker(rank, "Ranking candidates", self._ranked)

    def _ranked(self, result) -> None:
        found, described = result
        self.panel.set_method(described)
        self.panel.candidates.set_rows([CandidateRow(
            c.annotation_id, c.article_id, c.text, c.outlet, c.score, c.shared, c.kind, c.start,
            c.end, c.sentence_id, tuple(c.parts.items()), c.method) for c in found])
        if found:
            self.panel.focus_candidates()
        else:
            self.session.failed.emit("No sentences or claims in other articles yet")

    def _decide(self, row: CandidateRow, decision: str) -> None:
        """Store a confirmation or rejection (undoable): the learned ranker trains on them."""
        from annotator.store.matching_store import MatchSpan

        if self._query is None:
            return
        candidate = MatchSpan(row.article_id, row.start, row.end, row.annotation_id,
                              row.sentence_id)
        if not self.session.decide_match(self._query, candidate, decision, row.method):
            return
        self._in_worker(lambda project, _p, _c: self._describe(project), "Matching method",
                        self.panel.set_method)

    @staticmethod
    def _describe(project) -> str:
        from annotator.app.matching import matcher_for

        return matcher_for(project).describe(project)

    def reject(self, row: CandidateRow) -> None:
        """X in the candidate list: not about the same point."""
        if row is not None:
            self._decide(row, "rejected")

    def _claim_for(self, article_id: int, start: int, end: int) -> int | None:
        """The claim with exactly this span, marked first when there is none (None when it
        could not be marked: the action then fails as a whole)."""
        def find() -> int | None:
            return next((a.id for a in self.project.overlapping(article_id, Layer.CLAIM, start,
                                                                 end)
                         if (a.start, a.end) == (start, end)), None)

        found = find()
        if found is None:
            label = self.project.labels(Layer.CLAIM)[0].name
            made = self.session.add_span(article_id, Layer.CLAIM, Span(start, end, label))
            found = made.id if made is not None else None
        return found

    def group_with(self, row: CandidateRow) -> None:
        """Put the query claim and a candidate into one group (the claim's, or a new one);
        a sentence or a selection becomes a claim first. This confirms the candidate."""
        state, query = self.wb.state, self._query
        if state is None or row is None or query is None:
            return
        from annotator.nlp.values import stated_values

        mine = state.text[query.start:query.end]
        value_a, value_b = stated_values(mine, row.text)
        with self.session.action("Group claims about the same point"):
            self._decide(row, "confirmed")
            claim_id = self._claim_for(query.article_id, query.start, query.end)
            other_id = self._claim_for(row.article_id, row.start, row.end)
            if claim_id is None or other_id is None:
                return  # the failed step has said why; the action leaves nothing
            groups = self.project.claims.groups_of(claim_id)
            group_id = groups[0] if groups else None
            title = self.project.claims.group(group_id).title if group_id else mine[:60]
            members = [(other_id, value_b)] + ([] if group_id else [(claim_id, value_a)])
            self.session.group_claims(query.article_id, group_id, title, members)
        self.follow_cursor(self.wb.editor.cursor_cp())
