"""File ▸ Export: format, layers, articles and split; the export itself runs in a worker.

Articles marked done are exported; "also articles not marked done" adds the others, with what
nobody reviewed marked missing (CoNLL and brat refuse them). "Keep linked articles together"
splits by group: articles sharing a claim group or an event stay in one split. "Version":
the gold version where an article has one, or one annotator's; "also articles whose
annotators disagree" exports their every version instead of refusing them.

The export's refusals and warnings (app/export_texts.py) name its options by these fields' and
boxes' own texts (``DialogNames``), never by the command line's flags.

OK looks into the chosen folder first: a folder where the export would replace files no
export wrote is refused (the reason shows in the dialog); a folder holding an earlier export
or other files gets a question naming what is replaced and what is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from msgspec.structs import replace
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.app.export_layouts import layout_text
from annotator.app.export_texts import entries, listed
from annotator.app.exporting import (
    ExportError,
    ExportOptions,
    check_output,
    parse_split,
    survey_output,
)
from annotator.core.model import Layer
from annotator.core.names import GOLD_ANNOTATOR, IMPORT_ANNOTATOR
from annotator.io.export_folder import Survey
from annotator.io.formats import FORMATS
from annotator.ui.i18n import QT_TRANSLATE_NOOP, layer_text
from annotator.ui.plain import plain_label

GOLD_CHOICE = QT_TRANSLATE_NOOP("ExportDialog",
                                "gold where there is one, else every annotator's")
TEXTS = {  # the ExportOptions field each of the dialog's fields and boxes sets, and its text
    "fmt": QT_TRANSLATE_NOOP("ExportDialog", "Format"),
    "out": QT_TRANSLATE_NOOP("ExportDialog", "Folder"),
    "layers": QT_TRANSLATE_NOOP("ExportDialog", "Layers"),
    "include_unreviewed": QT_TRANSLATE_NOOP(
        "ExportDialog", "also articles not marked done (what nobody reviewed is marked missing)"),
    "reviewed_only": QT_TRANSLATE_NOOP(
        "ExportDialog", "only reviewed: done, and no open model suggestions"),
    "annotator": QT_TRANSLATE_NOOP("ExportDialog", "Version"),
    "allow_disagreements": QT_TRANSLATE_NOOP(
        "ExportDialog",
        "also articles whose annotators disagree and that have no gold version (every version)"),
    "split": QT_TRANSLATE_NOOP("ExportDialog", "Split"),
    "split_by": QT_TRANSLATE_NOOP(
        "ExportDialog", "keep linked articles together (a claim group, one event)"),
    "seed": QT_TRANSLATE_NOOP("ExportDialog", "Seed"),
    "publisher": QT_TRANSLATE_NOOP("ExportDialog", "Publisher"),
    "overwrite": QT_TRANSLATE_NOOP("ExportDialog", "&Replace"),  # the question's button
}
BOXES = {"include_unreviewed", "reviewed_only", "allow_disagreements", "split_by"}


def option_text(key: str) -> str:
    """The text of the dialog's field or box for option ``key``, translated."""
    return QCoreApplication.translate("ExportDialog", TEXTS[key])


class DialogNames:
    """The export's options named as the dialog shows them (app/export_texts.py's
    OptionNames): “Split”, tick “also articles whose annotators disagree …”."""

    def name(self, key: str) -> str:
        plain = re.sub("&(.)", r"\1", option_text(key))  # no mnemonic
        return QCoreApplication.translate("ExportDialog", "“{option}”").format(option=plain)

    def turn(self, key: str, on: bool = True) -> str:
        translate, option = QCoreApplication.translate, self.name(key)
        if key == "annotator":
            return translate("ExportDialog", "choose it under {option}").format(option=option)
        if key not in BOXES:
            return option
        return (translate("ExportDialog", "tick {option}") if on
                else translate("ExportDialog", "untick {option}")).format(option=option)


class ExportDialog(QDialog):
    """Collects ExportOptions; ``options()`` raises ExportError with a readable reason."""

    def __init__(self, parent: QWidget | None = None, out: Path | None = None,
                 annotators: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export dataset"))
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.format.addItems(list(FORMATS))
        self.layout_hint = plain_label(self)
        self.layout_hint.setObjectName("exportLayout")
        self.layout_hint.setWordWrap(True)
        self.format.currentTextChanged.connect(self._show_layout)
        self._show_layout(self.format.currentText())
        self.out = QLineEdit(str(out or Path.home() / "annotator-export"), self)
        self.out.setObjectName("exportFolder")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.out, 1)
        folder.addWidget(browse)
        self.layers = {layer: QCheckBox(layer_text(layer.value), self) for layer in Layer}
        layer_row = QHBoxLayout()
        for box in self.layers.values():
            box.setChecked(True)
            layer_row.addWidget(box)
        self.unreviewed = QCheckBox(option_text("include_unreviewed"), self)
        self.unreviewed.setObjectName("exportUnreviewed")
        self.reviewed_only = QCheckBox(option_text("reviewed_only"), self)
        self.version, self.disagreements = self._versions(annotators)
        self.split = QLineEdit("train=0.8,dev=0.1,test=0.1", self)
        self.split.setObjectName("exportSplit")
        self.by_group = QCheckBox(option_text("split_by"), self)
        self.by_group.setObjectName("exportSplitByGroup")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.publisher = self._publisher()
        self.error = self._error_label()
        self.question: QMessageBox | None = None  # open while it asks before replacing
        self._replace = False
        form = QFormLayout(self)
        form.addRow(option_text("fmt"), self.format)
        form.addRow("", self.layout_hint)
        form.addRow(option_text("out"), folder)
        form.addRow(option_text("layers"), layer_row)
        form.addRow("", self.unreviewed)
        form.addRow("", self.reviewed_only)
        self._add_versions(form)
        form.addRow(option_text("split"), self.split)
        form.addRow("", self.by_group)
        form.addRow(option_text("seed"), self.seed)
        form.addRow(option_text("publisher"), self.publisher)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _versions(self, annotators: Sequence[str]) -> tuple[QComboBox, QCheckBox]:
        """Whose version: gold where there is one, or an annotator's; and whether articles
        whose annotators disagree without gold go out (each version) or are refused."""
        version = QComboBox(self)
        version.setObjectName("exportVersion")
        version.addItem(self.tr(GOLD_CHOICE), None)
        for name in annotators:
            if name not in (GOLD_ANNOTATOR, IMPORT_ANNOTATOR):
                version.addItem(self.tr("{name}'s version").format(name=name), name)
        disagreements = QCheckBox(option_text("allow_disagreements"), self)
        disagreements.setObjectName("exportDisagreements")
        return version, disagreements

    def _add_versions(self, form: QFormLayout) -> None:
        form.addRow(option_text("annotator"), self.version)
        form.addRow("", self.disagreements)

    def _show_layout(self, fmt: str) -> None:
        self.layout_hint.setText(self.tr("Writes per split: {layout}").format(
            layout=layout_text(fmt)))

    def _error_label(self) -> QLabel:
        error = plain_label(self)
        error.setObjectName("exportError")
        error.setWordWrap(True)
        error.hide()
        return error

    def _publisher(self) -> QLineEdit:
        """claimreview's publisher: the organisation whose fact-checks these are."""
        publisher = QLineEdit(self)
        publisher.setObjectName("exportPublisher")
        publisher.setPlaceholderText(self.tr("the organisation publishing the reviews (optional)"))
        publisher.setEnabled(self.format.currentText() == "claimreview")
        self.format.currentTextChanged.connect(self._show_publisher)
        return publisher

    def _show_publisher(self, fmt: str) -> None:
        self.publisher.setEnabled(fmt == "claimreview")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into"),
                                                  self.out.text())
        if folder:
            self.out.setText(folder)

    def accept(self) -> None:
        """Check the options and the folder; ask before replacing anything, then close."""
        self._replace = False
        try:
            options = self.options()
            found = survey_output(options, DialogNames())
            check_output(found, replace(options, overwrite=True), DialogNames())
        except ExportError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        if found.empty:
            super().accept()
        else:
            self._ask(options.out, found)

    def _ask(self, out: Path, found: Survey) -> None:
        """A window-modal question (not a nested event loop); Replace closes the dialog."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export into this folder?"),
                          question_text(out, found),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("exportReplaceQuestion")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText(
            option_text("overwrite") if found.previous else self.tr("&Export"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._answered)
        self.question = box
        box.open()

    def _answered(self, answer: int) -> None:
        self.question = None
        if answer == QMessageBox.StandardButton.Yes:
            self._replace = True
            super().accept()

    def options(self) -> ExportOptions:
        """The chosen options, checked (``overwrite`` once the user agreed to replace)."""
        layers = frozenset(layer for layer, box in self.layers.items() if box.isChecked())
        if not layers:
            raise ExportError(self.tr("choose at least one layer"))
        split = self.split.text().strip()
        return ExportOptions(
            fmt=self.format.currentText(), out=Path(self.out.text()).expanduser(),
            layers=None if layers == frozenset(Layer) else layers,
            include_unreviewed=self.unreviewed.isChecked(),
            reviewed_only=self.reviewed_only.isChecked(),
            split=parse_split(split, DialogNames()) if split else (("all", 1.0),),
            seed=self.seed.value(),
            overwrite=self._replace,
            split_by="group" if self.by_group.isChecked() else "article",
            annotator=self.version.currentData(),
            allow_disagreements=self.disagreements.isChecked(),
            publisher=(self.publisher.text().strip() or None) if self.publisher.isEnabled()
            else None)


def question_text(out: Path, found: Survey) -> str:
    """What an export into ``out`` replaces, what it keeps, and what changed by hand."""
    translate = QCoreApplication.translate
    if found.previous is None:
        return translate("ExportDialog", "{folder} holds other files: {names}.\n\nThey are "
                         "kept and nothing is replaced. Export into this folder?").format(
            folder=out, names=listed(found.others))
    record = found.previous.record
    text = translate("ExportDialog", "{folder} holds an earlier export ({format}, {created})."
                     "\n\nReplace it? These are replaced or deleted: {names}.").format(
        folder=out, format=record.get("format"), created=record.get("created"),
        names=entries(found.previous.entries()))
    if found.changed:
        text += "\n\n" + translate("ExportDialog", "Changed or gone since that export wrote "
                                   "them: {names}.").format(names=listed(found.changed))
    if found.others:
        text += "\n\n" + translate("ExportDialog", "Kept as they are: {names}.").format(
            names=listed(found.others))
    return text
