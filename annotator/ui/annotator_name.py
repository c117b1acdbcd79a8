"""Who annotates: asked once, at the first start, and kept in the settings."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.names import GOLD_ANNOTATOR, IMPORT_ANNOTATOR

SETTING = "annotator/name"


def login_name() -> str:
    """The user's login name, or "annotator" where there is none."""
    import getpass  # only without a name given or kept

    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):  # no name for the user id
        return "annotator"


def refusal(name: str) -> str | None:
    """Why a name cannot be an annotator's, or None when it can."""
    if not name.strip():
        return QCoreApplication.translate("NameDialog", "An annotator needs a name")
    if name.strip() == IMPORT_ANNOTATOR:
        return QCoreApplication.translate(
            "NameDialog", "“{name}” is the imported layer's name, nobody's").format(
            name=IMPORT_ANNOTATOR)
    if name.strip() == GOLD_ANNOTATOR:
        return QCoreApplication.translate(
            "NameDialog", "“{name}” is the adjudicated version's name, nobody's").format(
            name=GOLD_ANNOTATOR)
    return None


def annotator_name(ask: bool = False, parent: QWidget | None = None) -> str:
    """Who annotates: $ANNOTATOR_NAME, else the name kept since the first start; at the first
    start, with ``ask``, a small dialog asks for it (the login name given) and keeps the answer;
    without, the login name (nothing kept: the next start asks)."""
    given = os.environ.get("ANNOTATOR_NAME", "").strip()
    if given:
        return given
    kept = str(QSettings().value(SETTING) or "").strip()
    if kept:
        return kept
    name = login_name()
    if ask:
        dialog = NameDialog(name, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name = dialog.name()
        remember(name)
    return name


def remember(name: str) -> None:
    """Keep the name for the next start."""
    QSettings().setValue(SETTING, name)


class NameDialog(QDialog):
    """Your name, once: it marks your annotations, and each annotator has a version of their
    own of every article."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who annotates?"))
        self.field = QLineEdit(name, self)
        self.field.setObjectName("annotatorName")
        self.field.selectAll()
        self.hint = QLabel(self.tr("Your name marks your annotations; every annotator works in "
                                   "a version of their own. Switch later with the File menu."),
                           self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        box = QVBoxLayout(self)
        for widget in (self.hint, self.field, self.buttons):
            box.addWidget(widget)
        self.field.textChanged.connect(self._check)

    def _check(self, text: str) -> None:
        why = refusal(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(why is None)
        self.field.setToolTip(why or "")

    def accept(self) -> None:
        if refusal(self.field.text()) is None:
            super().accept()

    def name(self) -> str:
        return self.field.text().strip()
