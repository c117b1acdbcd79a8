"""Who annotates, in the main window: ``annotator.switch`` (work as another annotator, in their
own version) and ``annotator.view`` (show another annotator's version, read only). The name is
typed into a field in the status bar, the known names completing it: Enter takes it, Esc
cancels."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit

from annotator.core.names import IMPORT_ANNOTATOR
from annotator.ui.keys import bind

SWITCH, VIEW = "switch", "view"


class NameField(QLineEdit):
    """A line for a name; Esc says ``cancelled``."""

    cancelled = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class AnnotatorActions(QObject):
    """The two keys, their menu entries and the name field, for a main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.win, self.session = window, window.session
        self.field = NameField(window)
        self.field.setObjectName("annotatorField")
        self.field.hide()
        # permanent: a message in the status bar (the known names) would hide a normal widget
        self.field.setMinimumWidth(self.field.fontMetrics().horizontalAdvance("x" * 40))
        window.statusBar().insertPermanentWidget(0, self.field)
        self.field.returnPressed.connect(self._take)
        self.field.cancelled.connect(lambda: self._close(self.tr("Annotator: cancelled")))
        self.mode = SWITCH

    def add_to(self, file_menu, view_menu) -> None:
        """The menu entries (and with them the keys)."""
        file_menu.addAction(bind(self.win, "annotator.switch", lambda: self.ask(SWITCH)))
        view_menu.addAction(bind(self.win, "annotator.view", lambda: self.ask(VIEW)))

    def ask(self, mode: str) -> None:
        """Open the name field: whom to annotate as (SWITCH), or whose version to show (VIEW)."""
        from PySide6.QtWidgets import QCompleter

        from annotator.ui.annotator_name import refusal  # its dialog loads when first needed

        self.mode = mode
        names = [n for n in self.session.project.annotators() if n != self.session.annotator
                 and (mode == VIEW or refusal(n) is None)]
        completer = QCompleter(names, self.field)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.field.setCompleter(completer)
        self.field.clear()
        self.field.setPlaceholderText(
            self.tr("Annotate as: a name (Enter), Esc cancels") if mode == SWITCH else
            self.tr("Show whose version, read only: a name, none for your own (Enter); Esc "
                    "cancels"))
        self.field.show()
        self.field.setFocus()
        imported = self.tr("the imported layer")
        known = ", ".join(f"{n} ({imported if n == IMPORT_ANNOTATOR else 'gold'})"
                          if refusal(n) else n
                          for n in names) or self.tr("none yet")
        self.win.review.say((self.tr("Annotate as whom? Known: {names}") if mode == SWITCH else
                             self.tr("Whose version? Known: {names}")).format(names=known))

    def _take(self) -> None:
        from annotator.ui.annotator_name import refusal

        name = self.field.text().strip()
        if self.mode == VIEW:
            self._close(self.show_version(name or None))
            return
        why = refusal(name)
        if why is not None:
            self.win.review.say(why)
            return
        self._close(self.switch(name))

    def switch(self, name: str) -> str:
        """Work as ``name`` from now on (kept for the next start); what the status bar says."""
        if name == self.session.annotator and not self.session.read_only:
            return self.tr("You annotate as {name} already").format(name=name)
        from annotator.ui.annotator_name import remember

        remember(name)
        self.session.switch(name)
        return self.tr("Now annotating as {name}, in your own version").format(name=name)

    def show_version(self, name: str | None) -> str:
        """Show ``name``'s version read only (None or one's own name: one's own again)."""
        if name is None or name == self.session.annotator:
            self.session.view(None)
            return self.tr("Showing your own version ({name})").format(
                name=self.session.annotator)
        if name not in self.session.project.annotators():
            return self.tr("Nobody called {name} has annotated in this project").format(
                name=name)
        self.session.view(name)
        return self.tr("Showing {name}'s version, read only").format(name=name)

    def _close(self, message: str) -> None:
        self.field.hide()
        self.win.view.text.setFocus()
        self.win.review.say(message)
