"""The article's details as a small form, by keyboard: Tab between fields, Enter saves, Esc
cancels. Saving goes through ``Session.set_meta`` (one undo step); a value the article cannot
take (a date not written YYYY-MM-DD) is named under the fields and the form stays open."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.app.metadata import FIELDS, MetaError
from annotator.app.session import Session
from annotator.core.model import Article
from annotator.ui import theme
from annotator.ui.i18n import QT_TRANSLATE_NOOP

CAPTIONS = {"title": QT_TRANSLATE_NOOP("MetaForm", "&Title"),
            "outlet": QT_TRANSLATE_NOOP("MetaForm", "&Outlet"),
            "author": QT_TRANSLATE_NOOP("MetaForm", "&Author"),
            "published": QT_TRANSLATE_NOOP("MetaForm", "&Date"),
            "url": QT_TRANSLATE_NOOP("MetaForm", "&URL")}


class MetaForm(QDialog):
    """Title, outlet, author, date and URL of one article."""

    def __init__(self, session: Session, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metaForm")
        self.setWindowTitle(self.tr("Article details"))
        self.session, self.article = session, article
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name in FIELDS:
            edit = QLineEdit(getattr(article, name) or "", self)
            edit.setObjectName(f"meta_{name}")
            form.addRow(self.tr(CAPTIONS[name]), edit)
            self.fields[name] = edit
        self.fields["published"].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.fields["url"].setPlaceholderText("https://…")
        self.message = QLabel(self)
        self.message.setObjectName("metaMessage")
        self.message.setWordWrap(True)
        theme.style(self.message, "color: $error")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.setMinimumWidth(460)

    def edited(self) -> dict[str, str]:
        """The fields whose text differs from the article's."""
        return {name: edit.text() for name, edit in self.fields.items()
                if edit.text().strip() != (getattr(self.article, name) or "")}

    def save(self) -> None:
        """Store the changed fields and close; a value refused keeps the form open."""
        try:
            if edited := self.edited():
                self.session.set_meta(self.article.id, edited)
        except MetaError as exc:
            self.message.setText(self._refusal(exc))
            self.message.show()
            field = exc.field
            if field in self.fields:
                self.fields[field].setFocus()
                self.fields[field].selectAll()
            return
        self.accept()

    def _refusal(self, exc: MetaError) -> str:
        """Why a value was refused, in the interface's language."""
        if exc.field == "title":
            return self.tr("Title: an article needs a title")
        if exc.field == "published":
            return self.tr("Date: “{value}” is not a date; write it as YYYY-MM-DD, e.g. "
                           "2024-10-22").format(value=exc.value)
        return str(exc)
