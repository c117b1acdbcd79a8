"""The adjudication window (Article ▸ Adjudicate): one article, each annotator's version side
by side in read-only panes, the editable gold version above, a line per disagreement (spans,
attributes, links, claim groups) saying what each annotator and gold have; keys step through
the disagreements and decide them (``adjudication.*`` in the keymap). What it does is
``app/adjudication.py``; this only shows it and passes the keys on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QListWidget, QSplitter, QVBoxLayout, QWidget

from annotator.app.adjudication import (
    Adjudication,
    Difference,
    Item,
    adjudicator,
    next_to_adjudicate,
)
from annotator.app.changes import Changes
from annotator.core.model import Annotation, Label, Layer
from annotator.ui import theme
from annotator.ui.article_list_model import STATUS_TEXT
from annotator.ui.article_view import highlight
from annotator.ui.i18n import hint
from annotator.ui.keymap import ADJUDICATION_PAGE, DIGITS
from annotator.ui.keys import bind, bind_each, check_bound
from annotator.ui.plain import plain_label
from annotator.ui.span_editor import SpanEditor

if TYPE_CHECKING:
    from annotator.store import Project
    from annotator.ui.review_actions import ReviewActions

class VersionPane(QWidget):
    """One version of the article: a title above its text with the version's spans."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(self, title)
        self.title.setStyleSheet("font-weight: bold")
        self.text = SpanEditor(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.text, 1)
        self.article_id: int | None = None
        self._shown: tuple[list[Annotation], list[Label]] = ([], [])
        theme.notifier.changed.connect(self._retheme)

    def show_version(self, article_id: int, text: str, spans: list[Annotation],
                     labels: list[Label], *, same_text: bool = True) -> None:
        """The version's spans, in the label colours of the theme; only changed blocks
        restyled unless ``same_text`` is false."""
        same = article_id == self.article_id
        if not same:
            self.text.show_text(text)
            self.article_id = article_id
        self._shown = (spans, labels)
        self.text.highlighter.set_highlights([highlight(a) for a in spans],
                                             theme.label_colors(labels),
                                             same_text=same and same_text)

    def _retheme(self) -> None:
        if self.article_id is not None:
            spans, labels = self._shown
            self.show_version(self.article_id, "", spans, labels, same_text=False)

    def focus(self, start: int, end: int) -> None:
        """Outline ``start``–``end`` and scroll to it, the cursor at its start."""
        self.text.select_cp(start, start)
        self.text.set_current((start, end))
        self.text.ensureCursorVisible()


class AdjudicationWindow(QDialog):
    """Beside the main window (non-modal); its own undo stack, the gold version's."""

    def __init__(self, project: Project, parent: QWidget | None = None,
                 in_progress: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("adjudicationWindow")
        self.setWindowTitle(self.tr("Adjudication: the gold version"))
        self.project, self.in_progress = project, in_progress
        self.session = adjudicator(project, self)
        self.adj: Adjudication | None = None
        self.current = 0
        self.status = plain_label(self)
        self.status.setObjectName("adjudicationStatus")
        self.status.setWordWrap(True)
        self.said = plain_label(self)
        self.said.setObjectName("adjudicationSaid")
        self.gold = VersionPane(self.tr("Gold"), self)
        self.panes: list[VersionPane] = []
        self.splitter = QSplitter(self)
        self.items = QListWidget(self)  # a line per disagreement; the keys stay in the text
        self.items.setObjectName("adjudicationItems")
        self.items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.items.currentRowChanged.connect(self._picked)
        self.hint = plain_label(self, hint(ADJUDICATION_PAGE))
        self.hint.setWordWrap(True)
        theme.style(self.hint, "color: $muted")
        self.box = QVBoxLayout(self)
        for widget, stretch in ((self.status, 0), (self.gold, 2), (self.splitter, 3),
                                (self.items, 1), (self.said, 0), (self.hint, 0)):
            self.box.addWidget(widget, stretch)
        self.resize(1200, 800)
        self._bind()
        self.session.changed.connect(self._changed)
        self.session.said.connect(self.said.setText)
        self.session.failed.connect(self.said.setText)
        self.session.stepped.connect(self._stepped)

    def _bind(self) -> None:
        for name, slot in (("adjudication.next", lambda: self.step(1)),
                           ("adjudication.previous", lambda: self.step(-1)),
                           ("adjudication.none", lambda: self.take(None)),
                           ("adjudication.delete", self.delete),
                           ("adjudication.undo", self.session.undo),
                           ("adjudication.redo", self.session.redo),
                           ("adjudication.done", self.finish)):
            bind(self, name, slot)
        bind_each(self, "adjudication.take", self.take)
        bind_each(self, "adjudication.relabel", self.relabel)
        check_bound(self, ADJUDICATION_PAGE)

    # -- showing -----------------------------------------------------------------------------

    def open_article(self, article_id: int, start: bool = True) -> bool:
        """Adjudicate an article (its gold version started, unless ``start`` is False);
        False when fewer than two annotators have a version to compare."""
        adj = Adjudication(self.session, article_id, self.in_progress)
        if len(adj.annotators) < 2:
            self.said.setText((self.tr("Article {id}: fewer than two annotators have a version "
                                       "of it") if self.in_progress else
                               self.tr("Article {id}: fewer than two annotators have a done "
                                       "version of it")).format(id=article_id))
            return False
        for pane in self.panes:
            pane.hide()
            pane.deleteLater()
        self.panes = [VersionPane(f"{n} {who}", self.splitter)
                      for n, who in enumerate(adj.annotators, start=1)]
        for pane in self.panes:
            self.splitter.addWidget(pane)
        self.adj, self.current = adj, 0
        if start:
            adj.start()
        self._show()
        self._go(0)
        self.gold.text.setFocus()
        return True

    def _show(self) -> None:
        adj = self.adj
        if adj is None:
            return
        labels = self.project.labels()
        status = QCoreApplication.translate("ArticleListModel", STATUS_TEXT[adj.status()])
        self.gold.title.setText(self.tr("Gold (editable) · {status}").format(status=status))
        self.gold.show_version(adj.article_id, adj.text, adj.gold(), labels)
        for pane, who in zip(self.panes, adj.annotators, strict=True):
            pane.show_version(adj.article_id, adj.text, adj.versions[who], labels)
        self.items.clear()
        self.items.addItems([self._line(n, d) for n, d in enumerate(adj.disagreements)])
        self._mark()
        self._say_status()

    def _say_status(self) -> None:
        """The status line, as high as its wrapped text needs (a layout gives a wrapped label
        one line otherwise)."""
        self.status.setText(self._describe())
        self._fit_status()

    def _fit_status(self) -> None:
        margins = self.box.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        height = self.status.heightForWidth(width)
        if height != self.status.minimumHeight():
            self.status.setMinimumHeight(height)
            self.box.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_status()

    def _line(self, index: int, d: Item) -> str:
        """One disagreement: what it is about, what each annotator has, what gold has."""
        adj = self.adj
        assert adj is not None
        says = " · ".join(f"{n} {who}: {adj.says(d, who)}"
                          for n, who in enumerate(adj.annotators, start=1))
        return self.tr("{n}. {topic} — {says} — gold: {gold}").format(
            n=index + 1, topic=adj.topic(d), says=says, gold=self._now(d))

    def _now(self, d: Item) -> str:
        assert self.adj is not None
        decided = self.adj.decided(d)
        return (self.tr("none") if decided == "none" else self.tr("edited by hand")
                if decided is None else self.tr("{name}'s").format(name=decided))

    def _mark(self) -> None:
        """Select the current disagreement's line."""
        if self.items.count():
            self.items.setCurrentRow(self.current)
            self.items.scrollToItem(self.items.currentItem())

    def _describe(self) -> str:
        adj = self.adj
        assert adj is not None
        title = self.project.article(adj.article_id).title
        n = len(adj.agreed)
        head = self.tr("Article {id} „{title}“ · %n agreed span(s) in gold", "", n).format(
            id=adj.article_id, title=title)
        if not adj.disagreements:
            return self.tr("{head} · no disagreements: Enter marks gold done").format(head=head)
        d = adj.disagreements[self.current]
        says = " · ".join(f"{n} {who}: {adj.says(d, who)}"
                          for n, who in enumerate(adj.annotators, start=1))
        return self.tr("{head} · disagreement {n} of {count} ({topic}): {says} · gold: "
                       "{gold}").format(head=head, n=self.current + 1,
                                        count=len(adj.disagreements), topic=adj.topic(d),
                                        says=says, gold=self._now(d))

    def _go(self, index: int) -> None:
        adj = self.adj
        if adj is None or not adj.disagreements:
            return
        self.current = index
        d = adj.disagreements[index]
        for pane in (self.gold, *self.panes):
            pane.focus(d.start, d.end)
        self._mark()
        self._say_status()

    def _picked(self, row: int) -> None:
        """A line chosen with the mouse becomes the current disagreement."""
        if 0 <= row != self.current:
            self._go(row)

    def _changed(self, changes: Changes) -> None:
        if self.adj is not None and self.adj.article_id in changes.articles:
            self._show()

    def _stepped(self, text: str, changes: Changes) -> None:
        """An undo or redo: say what; when it was in another article, open that one."""
        other = [a for a in changes.articles if self.adj is None or a != self.adj.article_id]
        if other:
            self.open_article(other[0], start=False)
        self.said.setText(text)

    # -- the keys ----------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        """To the next or previous disagreement (round)."""
        adj = self.adj
        if adj is None or not adj.disagreements:
            self.said.setText(self.tr("No disagreements in this article"))
            return
        self._go((self.current + direction) % len(adj.disagreements))

    def take(self, index: int | None) -> None:
        """Gold takes annotator ``index``'s spans of the disagreement (None: none)."""
        adj = self.adj
        if adj is None or not adj.disagreements:
            self.said.setText(self.tr("No disagreement to decide"))
            return
        if index is not None and index >= len(adj.annotators):
            self.said.setText(self.tr("No annotator {key}: {n} compared").format(
                key=DIGITS[index], n=len(adj.annotators)))
            return
        who = None if index is None else adj.annotators[index]
        if adj.take(self.current, who):
            self.said.setText(self.tr("Gold: {name}'s").format(name=who) if who
                              else self.tr("Gold: none of them"))
            self._go(self.current)

    def _gold_here(self) -> list[Annotation]:
        """Gold's spans at the gold pane's cursor: the current disagreement's layer first, then
        the shortest (an entity before the claim around it)."""
        if self.adj is None:
            return []
        cp = self.gold.text.cursor_cp()
        ds = self.adj.disagreements
        layer = ds[self.current].layer if ds else None
        return sorted((a for a in self.adj.gold() if a.start <= cp < a.end),
                      key=lambda a: (a.layer is not layer, a.end - a.start))

    def delete(self) -> None:
        """Delete the gold span at the gold pane's cursor."""
        found = self._gold_here()
        if found:
            self.session.delete_spans(found[:1])
        else:
            self.said.setText(self.tr("No gold span at the gold pane's cursor"))

    def relabel(self, index: int) -> None:
        """On an attribute of a closed set, give gold its value of digit ``index``; else
        relabel the gold entity at the cursor with the label of that digit."""
        adj = self.adj
        if adj is not None and adj.disagreements and isinstance(
                adj.disagreements[self.current], Difference):
            values = adj.choices(self.current)
            if not values:
                self.said.setText(self.tr("Nothing to choose by hand here: 1 … 9 take a "
                                          "version, 0 none"))
            elif index >= len(values):
                self.said.setText(self.tr("No value {key}: {values}").format(
                    key=DIGITS[index], values=", ".join(values)))
            elif adj.edit(self.current, index):
                self._go(self.current)
            return
        names = [lab.name for lab in self.project.labels(Layer.ENTITY)
                 if lab.shortcut == DIGITS[index]]
        found = [a for a in self._gold_here() if a.layer is Layer.ENTITY]
        if not names or not found:
            self.said.setText(self.tr("No entity label has the key {key}").format(
                key=DIGITS[index]) if not names
                else self.tr("No gold entity at the gold pane's cursor"))
            return
        self.session.relabel(found[0], names[0])

    def finish(self) -> None:
        """Mark gold done, then open the next article with disagreements."""
        adj = self.adj
        if adj is None or not adj.finish():
            return
        following = next_to_adjudicate(self.project, adj.article_id, self.in_progress)
        if following is None or not self.open_article(following):
            self.said.setText(self.tr("Gold of article {id} done; no article after it has "
                                      "disagreements left").format(id=adj.article_id))
            return
        self.said.setText(self.tr("Gold of article {id} done; now article {next}").format(
            id=adj.article_id, next=following))


class Host(Protocol):
    """What the window needs of the main window."""

    project: Project
    current_article: int | None
    review: ReviewActions

    def findChild(self, kind: Any, name: str = "") -> Any: ...


def show_adjudication(window: Host, article_id: int | None = None) -> AdjudicationWindow | None:
    """Article ▸ Adjudicate: ``article_id`` or the open article, or the next one with
    disagreements; the window, None when there is nothing to adjudicate."""
    found = window.findChild(AdjudicationWindow)
    if found is None:
        found = AdjudicationWindow(window.project, cast(QWidget, window))
    here = article_id or window.current_article
    if here is None or not found.open_article(here):
        target = next_to_adjudicate(window.project, here or 0) or next_to_adjudicate(
            window.project, 0)
        if target is None:
            window.review.say(QCoreApplication.translate(
                "AdjudicationWindow", "Nothing to adjudicate: no article has two annotators' "
                "done versions that disagree"))
            return None
        found.open_article(target)
    found.show()
    found.raise_()
    found.activateWindow()
    return found
