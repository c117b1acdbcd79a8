"""The window's review keys: D asks what becomes of the open suggestions before it marks an
article done, undo and redo show the article they changed, and the status bar says what every
action did (a message stays until the next key action)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.app import review
from annotator.app.changes import Changes
from annotator.app.review import Rest
from annotator.ui.keys import bind
from annotator.ui.status_bar import install as install_status_bar


def when_closed(menu: QMenu, chose: Callable[[Any], None], nothing: Callable[[], None]) -> None:
    """Call ``chose`` with the data of the entry picked in a popup menu, or ``nothing`` when
    it closed without one (Esc, a click elsewhere)."""
    picked: list[QAction] = []

    def trigger(action: QAction) -> None:
        picked.append(action)
        chose(action.data())

    def check() -> None:
        if not picked:
            nothing()

    menu.triggered.connect(trigger)
    # the picked entry's signal comes after aboutToHide: look once it has been handled
    menu.aboutToHide.connect(lambda: QTimer.singleShot(0, check))


class ReviewActions(QObject):
    """``article.done``, ``edit.undo`` and ``edit.redo`` of the keymap, and the status bar's
    messages, for a main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        install_status_bar(window)  # the bar its messages read apart in, before anything is in it
        self.win, self.session = window, window.session
        self.prompt: QMenu | None = None
        self.session.said.connect(self.say)
        self.session.failed.connect(self.say)
        self.session.stepped.connect(self._stepped)

    def say(self, message: str) -> None:
        """Show a message in the status bar until the next key action (or message)."""
        self.win.statusBar().showMessage(message)

    def watch(self) -> None:
        """Clear the status bar as any key action of the window starts, so that a message
        always belongs to the last action (call once every action is made)."""
        for action in self.win.findChildren(QAction):
            action.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            self.win.statusBar().clearMessage()
        return False

    # -- undo and redo -----------------------------------------------------------------------

    def undo_redo(self, menu) -> None:
        """Undo and redo through the session, which checks each row before it acts; the
        actions name what they would undo or redo, and say so when there is nothing."""
        stack = self.session.undo_stack
        for name, slot, verb, signal in (
                ("edit.undo", self.session.undo, self.tr("&Undo"), stack.undoTextChanged),
                ("edit.redo", self.session.redo, self.tr("&Redo"), stack.redoTextChanged)):
            action = bind(self.win, name, slot)
            action.setText(verb)
            named = self.tr("{verb} {step}")  # German: "&Rückgängig: 1 Textstelle löschen"
            signal.connect(lambda text, a=action, v=verb, n=named: a.setText(
                n.format(verb=v, step=text) if text else v))
            menu.addAction(action)

    def _stepped(self, message: str, changes: Changes) -> None:
        """An undo or redo in another article shows that article."""
        current = self.win.current_article
        if not changes.articles or current in changes.articles:
            self.say(message)
            return
        target = min(changes.articles)
        if self.win.select_article(target):
            self.say(self.tr("{message} in article {id} — showing it").format(
                message=message, id=target))
        else:
            self.say(self.tr("{message} in article {id} (the list's filter hides it)").format(
                message=message, id=target))

    # -- marking done ------------------------------------------------------------------------

    def mark_done(self) -> None:
        """D: mark the open article done and go on; with open suggestions, ask first."""
        article_id = self.win.current_article
        if article_id is None:
            self.say(self.tr("No article open"))
            return
        if self.session.refused():  # another's version is shown: no prompt for nothing
            return
        n = review.open_count(self.session.project, article_id, self.session.annotator)
        if n:
            self._ask(article_id, n)
        else:
            self._finish(article_id, None, 0)

    def _ask(self, article_id: int, n: int) -> None:
        """A keyboard prompt: A accepts the rest, X rejects it, Esc leaves the article open."""
        menu = QMenu(self.win)
        menu.setObjectName("donePrompt")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSection(self.tr("Article {id}: %n open suggestion(s)", "", n).format(
            id=article_id))
        for text, rest in ((self.tr("&A  Accept the rest and mark done"), Rest.ACCEPT),
                           (self.tr("&X  Reject the rest and mark done"), Rest.REJECT),
                           (self.tr("Esc  Leave the article open"), None)):
            menu.addAction(text).setData(rest)
        keys = self.win.workbench
        keys.set_keys_enabled(False)  # A and X are the prompt's, not the article's, meanwhile
        stays = self.tr("Article {id} stays open: %n open suggestion(s)", "", n).format(
            id=article_id)

        def chose(rest: Rest | None) -> None:
            if rest is None:  # the entry that says Esc
                self.say(stays)
            else:
                self._finish(article_id, rest, n)

        def hidden() -> None:
            keys.set_keys_enabled(True)
            self.prompt = None

        menu.aboutToHide.connect(hidden)
        when_closed(menu, chose, lambda: self.say(stays))
        self.prompt = menu
        self.say(self.tr("Article {id} has %n open suggestion(s): A accepts, X rejects the rest "
                         "and marks it done; Esc leaves it open", "", n).format(id=article_id))
        editor = self.win.view.text
        menu.popup(editor.viewport().mapToGlobal(editor.cursorRect().bottomLeft()))

    def _finish(self, article_id: int, rest: Rest | None, n: int) -> None:
        if not review.mark_done(self.session, article_id, rest):
            return  # the session said why
        what = "" if rest is None else (
            self.tr(" (%n suggestion(s) accepted)", "", n) if rest is Rest.ACCEPT else
            self.tr(" (%n suggestion(s) rejected)", "", n))
        moved = self.win.step_article(1)
        self.say((self.tr("Article {id} done{what} — now article {now}") if moved else
                  self.tr("Article {id} done{what} — it was the last in the list")).format(
            id=article_id, what=what, now=self.win.current_article))
