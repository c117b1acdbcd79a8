"""File ▸ Label layers for imports: the project's mapping of other tools' labels to the claim
and source layers (app/import_labels.py), edited as ``LABEL=layer`` lines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.app.import_labels import mapping_text, set_mapping_text
from annotator.core.model import REVIEWED_LAYERS
from annotator.io.label_layers import DEFAULT_LAYERS
from annotator.store import Project
from annotator.ui import theme
from annotator.ui.plain import plain_label


def _defaults() -> str:
    """The default mapping in words: "CLAIM, BEHAUPTUNG → claim; …"."""
    return "; ".join(
        ", ".join(label.upper() for label, to in DEFAULT_LAYERS.items() if to is layer)
        + f" → {layer.value}" for layer in REVIEWED_LAYERS
        if layer in DEFAULT_LAYERS.values())


class LabelLayersDialog(QDialog):
    """The project's ``LABEL=layer`` lines; OK keeps them when every line reads, else the
    dialog stays open and says which line is wrong."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Label layers for imports"))
        intro = QLabel(self.tr(
            "Labels of other tools' files (Label Studio, doccano, CoNLL, …) that are claims or "
            "sources: one LABEL=layer per line, layer entity, claim or source; # starts a "
            "comment. Known without a line: {known}. A line changes or adds to these; "
            "QUELLE=entity keeps QUELLE an entity.").format(known=_defaults()), self)
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit(mapping_text(project), self)
        self.edit.setPlaceholderText("SPRECHERIN=source\nZITAT=claim")
        self.error = plain_label(self)  # it quotes the line typed
        self.error.setWordWrap(True)
        theme.style(self.error, "color: $error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.edit, self.error, buttons):
            layout.addWidget(widget)
        self.resize(520, 320)

    def accept(self) -> None:
        """Keep the lines in the project, or say what is wrong and stay open."""
        try:
            set_mapping_text(self.project, self.edit.toPlainText())
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def edit_label_layers(window: QWidget) -> LabelLayersDialog:
    """Open the dialog (not modal to the app) for the window's project."""
    dialog = LabelLayersDialog(window.project, window)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
