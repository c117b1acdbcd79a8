"""File ▸ Export: format, layers, articles and split; the export itself runs in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.app.exporting import ExportError, ExportOptions, parse_split
from annotator.core.model import Layer
from annotator.io.formats import FORMATS


class ExportDialog(QDialog):
    """Collects ExportOptions; ``options()`` raises ExportError with a readable reason."""

    def __init__(self, parent: QWidget | None = None, out: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export dataset")
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.format.addItems(list(FORMATS))
        self.out = QLineEdit(str(out or Path.home() / "annotator-export"), self)
        self.out.setObjectName("exportFolder")
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.out, 1)
        folder.addWidget(browse)
        self.layers = {layer: QCheckBox(layer.value, self) for layer in Layer}
        layer_row = QHBoxLayout()
        for box in self.layers.values():
            box.setChecked(True)
            layer_row.addWidget(box)
        self.only_done = QCheckBox("only articles marked done", self)
        self.gold = QCheckBox("gold: done, and no open model suggestions", self)
        self.split = QLineEdit("train=0.8,dev=0.1,test=0.1", self)
        self.split.setObjectName("exportSplit")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.overwrite = QCheckBox("replace the folder's contents", self)
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("Folder", folder)
        form.addRow("Layers", layer_row)
        form.addRow("", self.only_done)
        form.addRow("", self.gold)
        form.addRow("Split by article", self.split)
        form.addRow("Seed", self.seed)
        form.addRow("", self.overwrite)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export into", self.out.text())
        if folder:
            self.out.setText(folder)

    def options(self) -> ExportOptions:
        """The chosen options, checked."""
        layers = frozenset(layer for layer, box in self.layers.items() if box.isChecked())
        if not layers:
            raise ExportError("choose at least one layer")
        text = self.split.text().strip()
        return ExportOptions(
            fmt=self.format.currentText(), out=Path(self.out.text()).expanduser(),
            layers=None if layers == frozenset(Layer) else layers,
            only_done=self.only_done.isChecked(), gold=self.gold.isChecked(),
            split=parse_split(text) if text else (("all", 1.0),), seed=self.seed.value(),
            overwrite=self.overwrite.isChecked())
