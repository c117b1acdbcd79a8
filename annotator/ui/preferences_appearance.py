"""Preferences ▸ Appearance: the article text's font and size, the theme, the language.
Each applies at once to the open windows and is kept in QSettings for the next start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFontComboBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from annotator.ui import i18n, theme
from annotator.ui.window_protocol import WindowHost

FONT_FAMILY, FONT_SIZE = theme.FONT_FAMILY, theme.FONT_SIZE


translate = QCoreApplication.translate


def text_font(window: WindowHost) -> QFont:
    """The article text's font: the settings' family and size over the widget's own."""
    font = QFont(window.view.text.font())
    settings = QSettings()
    family, size = settings.value(FONT_FAMILY), settings.value(FONT_SIZE)
    if family:
        font.setFamily(str(family))
    if size:
        font.setPointSize(int(size))
    return font


def apply_font(window: WindowHost) -> None:
    """Give the article text the font of the settings (at start and on every change)."""
    if theme.font_chosen():
        window.view.text.setFont(text_font(window))


class AppearancePage(QWidget):
    """Font, size, theme and language."""

    def __init__(self, window: WindowHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = window
        font = text_font(window)
        self.family = QFontComboBox(self)
        self.family.setCurrentFont(font)
        self.font_size = QSpinBox(self)
        self.font_size.setRange(6, 48)
        self.font_size.setValue(font.pointSize())
        self.theme = QComboBox(self)
        for code, text in zip(theme.CHOICES, (translate("AppearancePage", "Follow the system"),
                                                translate("AppearancePage", "Light"),
                                                translate("AppearancePage", "Dark")),
                              strict=True):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(theme.CHOICES.index(
            str(QSettings().value(theme.SETTING, "system"))))
        self.language = QComboBox(self)
        for code, text in zip(i18n.CHOICES, (translate("AppearancePage", "Follow the system"),
                                             "English", "Deutsch"),
                              strict=True):
            self.language.addItem(text, code)
        stored = str(QSettings().value(i18n.SETTING, "system"))
        self.language.setCurrentIndex(i18n.CHOICES.index(stored) if stored in i18n.CHOICES else 0)
        form = QFormLayout(self)
        form.addRow(translate("AppearancePage", "Article &font:"), self.family)
        form.addRow(translate("AppearancePage", "Font &size:"), self.font_size)
        form.addRow(translate("AppearancePage", "&Theme:"), self.theme)
        form.addRow(translate("AppearancePage", "&Language:"), self.language)
        self.family.currentFontChanged.connect(self.font_changed)
        self.font_size.valueChanged.connect(self.font_changed)
        self.theme.currentIndexChanged.connect(lambda _i: theme.choose(self.theme.currentData()))
        self.language.currentIndexChanged.connect(lambda _i: self.language_changed())

    def font_changed(self, *_args) -> None:
        settings = QSettings()
        settings.setValue(FONT_FAMILY, self.family.currentFont().family())
        settings.setValue(FONT_SIZE, self.font_size.value())
        apply_font(self.main)

    def language_changed(self) -> None:
        """Every open window speaks the new language at once: rebuilt in it, this dialog too,
        once this signal has returned (ui/window_rebuild.py)."""
        if i18n.choose(self.language.currentData()):
            from annotator.ui.window_rebuild import rebuild_all

            QTimer.singleShot(0, lambda window=self.main: rebuild_all(window))
