"""Keyboard actions on the open article: read the ArticleState, write through the Session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.app import claim_ops
from annotator.app.article_state import ArticleState, SpanItem
from annotator.app.changes import Changes, Part
from annotator.app.session import Session
from annotator.app.zones import sentence_at
from annotator.core.model import Annotation, Layer, Span, Suggestion
from annotator.core.spans import snap_to_tokens, token_bounds
from annotator.ui.i18n import QT_TRANSLATE_NOOP, keys_text, layer_text
from annotator.ui.keymap import DIGITS
from annotator.ui.keys import bind, bind_each
from annotator.ui.review_actions import when_closed

NO_ARTICLE = QT_TRANSLATE_NOOP("Workbench", "No article open")


class Workbench(QObject):
    """Turns key presses in the article pane into session commands on the open article."""

    article_loaded = Signal(object)  # the ArticleState now shown

    def __init__(self, session: Session, view, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.project = session.project
        self.view = view
        self.editor = view.text
        self.state: ArticleState | None = None
        self._labels = self.project.labels()
        self._actions: list[QAction] = []
        self.editor.boundary_dragged.connect(self._dragged)
        self.editor.cursor_moved.connect(self._cursor_moved)
        session.changed.connect(self._changed)
        self._install_keys()

    def bind(self, name: str, slot) -> None:
        """Put a keymap action on the article pane (for other parts of the workbench)."""
        self._actions.append(bind(self.view, name, slot))

    def say(self, message: str) -> None:
        """Tell the status bar what a key did, or why it did nothing."""
        self.session.said.emit(message)

    def quote(self, item: SpanItem) -> str:
        """A span as a message names it: its label and (the start of) its text."""
        assert self.state is not None
        text = self.state.text[item.start:item.end]
        return f"{item.label} „{text if len(text) <= 40 else text[:39] + '…'}“"

    def add_source_span(self, span: Span) -> Annotation | None:
        """Mark a source mention pointing at its canonical source (one action)."""
        assert self.state is not None
        return claim_ops.mark_source(self.session, self.state, span)

    # -- opening and refreshing --------------------------------------------------------------

    def open(self, article_id: int) -> None:
        """Load an article and its spans from the store and show them."""
        self.state = ArticleState.load(self.project, article_id, self.session.shown)
        self._labels = self.project.labels()
        self.view.show_state(self.state, self._labels)
        self.article_loaded.emit(self.state)

    def _changed(self, changes: Changes) -> None:
        shown = Part.SPANS | Part.SUGGESTIONS | Part.META
        if self.state is None or not changes.touches(self.state.article.id, shown):
            return  # an undo in another article: it reloads when opened
        self.state = self.state.refreshed(self.project, changes.parts)
        self.view.show_state(self.state, self._labels)
        self.article_loaded.emit(self.state)
        self._cursor_moved(self.editor.cursor_cp())

    def _cursor_moved(self, cp: int) -> None:
        item = self.state.item_at(cp) if self.state else None
        self.editor.set_current((item.start, item.end) if item else None,
                                zone=item is not None and item.layer is Layer.STRUCTURE)

    # -- key bindings ------------------------------------------------------------------------

    def _install_keys(self) -> None:
        self._actions += bind_each(self.view, "entity.label", self.label_key)
        self._actions += bind_each(self.view, "entity.label_exact",
                                   lambda i: self.label_key(i, exact=True))
        for name, slot in (
            ("claim.mark", lambda: self.mark(Layer.CLAIM)),
            ("claim.mark_exact", lambda: self.mark(Layer.CLAIM, exact=True)),
            ("source.mark", lambda: self.mark(Layer.SOURCE)),
            ("source.mark_exact", lambda: self.mark(Layer.SOURCE, exact=True)),
            ("claim.link", self.link_claim),
            ("suggestion.accept", self.accept_here),
            ("suggestion.accept_all", self.accept_all),
            ("suggestion.reject", self.reject_here),
            ("suggestion.reject_all", self.reject_all),
            ("span.next", lambda: self.step_span(1)),
            ("span.previous", lambda: self.step_span(-1)),
            ("span.delete", self.delete_here),
        ):
            self.bind(name, slot)
        for name, edge, step in (("span.grow_end", "end", 1), ("span.shrink_end", "end", -1),
                                 ("span.grow_start", "start", -1),
                                 ("span.shrink_start", "start", 1)):
            self.bind(name, lambda _=False, e=edge, s=step: self.resize_current(e, s))
            self.bind(name + "_exact", lambda _=False, e=edge, s=step:
                      self.resize_current(e, s, exact=True))

    # -- actions -----------------------------------------------------------------------------

    def _target(self, exact: bool) -> tuple[int, int]:
        """The selection (snapped to tokens unless exact), or the word at the cursor."""
        assert self.state is not None
        start, end = self.editor.selection_cp()
        if start == end:
            cp = self.editor.cursor_cp()
            return snap_to_tokens(self.state.text, cp, min(cp + 1, len(self.state.text)))
        return (start, end) if exact else snap_to_tokens(self.state.text, start, end)

    def _focus(self, start: int, end: int, layer: Layer | None = None) -> None:
        self.editor.select_cp(start, start)
        self.editor.set_current((start, end), zone=layer is Layer.STRUCTURE)

    def label_key(self, i: int, *, exact: bool = False) -> None:
        """A digit key: label with the entity label that has it as its shortcut, if one has."""
        names = [lab.name for lab in self._labels
                 if lab.layer is Layer.ENTITY and lab.shortcut == DIGITS[i]]
        if names:
            self.label_entity(names[0], exact=exact)
        else:
            self.say(self.tr("No entity label has the key {key}").format(key=DIGITS[i]))

    def label_entity(self, label: str, *, exact: bool = False) -> None:
        """Digit keys: relabel the entity at the cursor, accept a suggestion, or mark a span."""
        if self.state is None:
            self.say(self.tr(NO_ARTICLE))
            return
        start, end = self.editor.selection_cp()
        cp = self.editor.cursor_cp()
        if start == end:
            existing = self.state.annotations_at(cp, Layer.ENTITY)
            if existing:
                self.session.relabel(existing[0], label)
                return
            suggested = self.state.suggestions_at(cp)
            if suggested:
                s = suggested[0]  # accepted, with the label the annotator chose
                self.session.add_span(s.article_id, Layer.ENTITY, Span(s.start, s.end, label),
                                      suggestion=s)
                return
        start, end = self._target(exact)
        if start < end:
            self.session.add_span(self.state.article.id, Layer.ENTITY, Span(start, end, label))
            self._focus(start, end)
        else:
            self.say(self.tr("Nothing to label at the cursor: put it on a word or select text"))

    def mark(self, layer: Layer, *, exact: bool = False) -> None:
        """Mark a claim (default: the sentence) or a source (default: the entity or word)."""
        if self.state is None:
            self.say(self.tr(NO_ARTICLE))
            return
        sel = self.editor.selection_cp()
        cp = self.editor.cursor_cp()
        if sel[0] == sel[1] and layer is Layer.CLAIM:
            start, end = sentence_at(self.state.text, self.state.zones, cp)
        elif sel[0] == sel[1] and (found := self.state.annotations_at(cp, Layer.ENTITY)
                                   or self.state.suggestions_at(cp)):
            start, end = found[0].start, found[0].end
        else:
            start, end = self._target(exact)
        if start < end:
            label = self.project.labels(layer)[0].name
            if layer is Layer.SOURCE:
                self.add_source_span(Span(start, end, label))
            else:
                self.session.add_span(self.state.article.id, layer, Span(start, end, label))
            self._focus(start, end)
        else:
            self.say(self.tr("Nothing to mark as a {layer} at the cursor: put it on a word or "
                             "select text").format(layer=layer_text(layer.value)))

    def _suggestions_here(self) -> list[Suggestion]:
        assert self.state is not None
        start, end = self.editor.selection_cp()
        if start < end:
            return self.state.suggestions_in(start, end)
        return self.state.suggestions_at(self.editor.cursor_cp())[:1]

    def accept_here(self) -> None:
        """Accept the suggestion under the cursor or the ones inside the selection, then go
        on to the next open one."""
        self._decide(self.session.accept, self.tr("Accepted {what} — {next}"))

    def reject_here(self) -> None:
        """Reject the suggestion under the cursor or the ones inside the selection, then go
        on to the next open one."""
        self._decide(self.session.reject, self.tr("Rejected {what} — {next}"))

    def _decide(self, decide, said: str) -> None:
        if self.state is None:
            self.say(self.tr(NO_ARTICLE))
            return
        found = self._suggestions_here()
        if not found:
            zone = any(isinstance(z, Suggestion) for z in
                       self.state.zones_at(self.editor.cursor_cp()))
            self.say(self.tr("Only a zone suggestion here: {keys} confirms or changes it").format(
                keys=keys_text("zone.set")) if zone else self.tr(
                "No suggestion at the cursor ({keys} goes to the next span)").format(
                keys=keys_text("span.next")))
            return
        what = self.quote(found[0]) if len(found) == 1 else self.tr("%n suggestion(s)", "",
                                                                     len(found))
        if decide(self.state.article.id, found):
            self.say(said.format(what=what, next=self._go_on(found[0].start)))

    def _go_on(self, cp: int) -> str:
        """Put the cursor on the next open suggestion from ``cp``; say which, or that none
        is left."""
        assert self.state is not None
        after = self.state.next_suggestion(cp)
        if after is None:
            return self.tr("no more open suggestions in this article")
        self._focus(after.start, after.end)
        left = len(self.state.suggestions_in(0, len(self.state.text)))
        text = self.tr("next (from the top): {span} ({left} open)") if after.start < cp else \
            self.tr("next: {span} ({left} open)")
        return text.format(span=self.quote(after), left=left)

    def accept_all(self) -> None:
        """Accept every open suggestion of the article but the zones, as one undo step."""
        self._decide_all(self.session.accept)

    def reject_all(self) -> None:
        """Reject every open suggestion of the article but the zones, as one undo step."""
        self._decide_all(self.session.reject)

    def _decide_all(self, decide) -> None:
        if self.state is None:
            self.say(self.tr(NO_ARTICLE))
        elif not decide(self.state.article.id, self.state.suggestions_in(0, len(self.state.text))):
            self.say(self.tr("No open suggestions in this article (zones apart)"))

    def current_item(self) -> SpanItem | None:
        """The span the keyboard acts on."""
        return self.state.item_at(self.editor.cursor_cp()) if self.state else None

    def delete_here(self) -> None:
        """Delete the annotation at the cursor; on a suggestion, reject it."""
        item = self.current_item()
        if isinstance(item, Annotation):
            self.session.delete_spans([item])
        elif isinstance(item, Suggestion):
            self.session.reject(item.article_id, [item])
        else:
            self.say(self.tr("Nothing to delete at the cursor"))

    def step_span(self, direction: int) -> None:
        """Move the cursor to the next or previous span and make it current."""
        if self.state is None:
            self.say(self.tr(NO_ARTICLE))
            return
        item = self.state.neighbour(self.editor.cursor_cp(), direction)
        if item is None:
            self.say(self.tr("No span after the cursor") if direction > 0 else
                     self.tr("No span before the cursor"))
            return
        self._focus(item.start, item.end, item.layer)
        kind = "suggestion" if isinstance(item, Suggestion) else item.layer.value
        self.say(f"{self.quote(item)} ({layer_text(kind)})")

    def resize_current(self, edge: str, step: int, *, exact: bool = False) -> None:
        """Move one boundary of the annotation at the cursor by a word (or a character)."""
        item = self.current_item()
        if not isinstance(item, Annotation) or self.state is None:
            self.say(self.tr("No span at the cursor to resize (accept the suggestion first)")
                     if isinstance(item, Suggestion) else
                     self.tr("No span at the cursor to resize"))
            return
        text, pos = self.state.text, item.start if edge == "start" else item.end
        new = pos + step if exact else token_bounds(text, pos, step)
        start, end = (new, item.end) if edge == "start" else (item.start, new)
        if 0 <= start < end <= len(text):
            self.session.resize(item, start, end)
            self._focus(start, end, item.layer)
        else:
            grow = (edge == "end") == (step > 0)
            self.say((self.tr("{span} cannot grow further") if grow else
                      self.tr("{span} cannot shrink further")).format(span=self.quote(item)))

    def _dragged(self, start: int, end: int) -> None:
        item = self.current_item() or (self.state.item_at(start) if self.state else None)
        if isinstance(item, Annotation):
            self.session.resize(item, start, end)
            self._focus(start, end, item.layer)

    def link_claim(self) -> None:
        """Pick a source for the claim at the cursor: the article's sources, then known ones."""
        if self.state is None:
            self.say(self.tr(NO_ARTICLE))
            return
        claims = self.state.annotations_at(self.editor.cursor_cp(), Layer.CLAIM)
        if not claims:
            self.session.failed.emit(
                self.tr("Link: put the cursor in a claim first ({keys} marks one)").format(
                    keys=keys_text("claim.mark")))
            return
        menu = self.source_menu()
        if menu.isEmpty():
            self.session.failed.emit(
                self.tr("Link: no sources yet ({keys} marks one)").format(
                    keys=keys_text("source.mark")))
            return
        claim = claims[0]
        when_closed(menu, lambda choice: self._link_to(claim, choice),
                    lambda: self.say(self.tr("Link: no source chosen, nothing changed")))
        # While the picker is open its digit keys choose a source, not an entity label.
        self.set_keys_enabled(False)
        menu.aboutToHide.connect(lambda: self.set_keys_enabled(True))
        rect = self.editor.cursorRect()
        menu.popup(self.editor.viewport().mapToGlobal(rect.bottomLeft()))

    def set_keys_enabled(self, enabled: bool) -> None:
        for action in self._actions:
            action.setEnabled(enabled)

    def _link_to(self, claim: Annotation, choice: Annotation | str) -> None:
        if isinstance(choice, Annotation):
            if self.session.link_claim(claim.article_id, claim.id, choice.id) is not None:
                self.say(self.tr("Linked the claim to {source}").format(
                    source=self.quote(choice)))
            return
        assert self.state is not None
        start = self.state.text.find(choice)
        span = Span(start, start + len(choice), self.project.labels(Layer.SOURCE)[0].name)
        claim_ops.link_to_new_source(self.session, self.state, claim, span)

    def source_menu(self) -> QMenu:
        """A keyboard menu: this article's sources (keys 1–9), then the project's known ones."""
        assert self.state is not None
        menu = QMenu(self.editor.window())
        menu.setObjectName("sourcePicker")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        seen = set()
        for n, src in enumerate(self.state.layer(Layer.SOURCE), start=1):
            name = self.state.text[src.start:src.end]
            seen.add(name)
            shown = name.replace("&", "&&")  # a "&" in a name is no keyboard accelerator
            menu.addAction(f"&{n} {shown}" if n < 10 else shown).setData(src)
        known = [k for k in self.project.known_sources() if k not in seen]
        if known:
            menu.addSection(self.tr("Known sources"))
            for name in known:
                action = menu.addAction(name.replace("&", "&&"))
                action.setData(name)
                action.setEnabled(name in self.state.text)
        return menu
