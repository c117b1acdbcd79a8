"""Edit ▸ Preferences: the label scheme, the suggestion model, the appearance (one page each,
ui/preferences_*.py). Every change applies at once; Close only closes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout

from annotator.ui.preferences_appearance import AppearancePage
from annotator.ui.preferences_labels import LabelsPage
from annotator.ui.preferences_model import ModelPage
from annotator.ui.window_protocol import WindowHost, qt


class PreferencesDialog(QDialog):
    """Three pages in tabs."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(qt(window))
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.tabs = QTabWidget(self)
        self.labels = LabelsPage(window, self)
        self.model = ModelPage(window, self)
        self.appearance = AppearancePage(window, self)
        self.tabs.addTab(self.labels, self.tr("&Labels"))
        self.tabs.addTab(self.model, self.tr("&Suggestions"))
        self.tabs.addTab(self.appearance, self.tr("&Appearance"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(buttons)
        self.resize(560, 460)
