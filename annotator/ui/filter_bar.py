"""Filter the article list by status and label, and search its full text."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import ArticleFilter, Label, Status
from annotator.ui.i18n import QT_TRANSLATE_NOOP, keys_text, layer_text

SHORT = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
STATUSES = [(QT_TRANSLATE_NOOP("FilterBar", "All statuses"), None),
            (QT_TRANSLATE_NOOP("FilterBar", "New"), Status.NEW),
            (QT_TRANSLATE_NOOP("FilterBar", "In progress"), Status.IN_PROGRESS),
            (QT_TRANSLATE_NOOP("FilterBar", "Done"), Status.DONE)]


class FilterBar(QWidget):
    """Emits the filter as the user changes it; typing is debounced."""

    filter_changed = Signal(object)  # ArticleFilter

    def __init__(self, labels: list[Label], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search articles ({keys})").format(
            keys=keys_text("edit.find")))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        for text, status in STATUSES:  # Qt would turn the StrEnum into a plain str
            self.status.addItem(self.tr(text), status.value if status else None)
        self.label = QComboBox(self)
        self.label.setObjectName("labelFilter")
        self.label.addItem(self.tr("Any label"), None)
        for lab in labels:
            self.label.addItem(f"{lab.name} ({layer_text(lab.layer.value)})", lab.name)
        self.teach = QCheckBox(self.tr("Least certain first"), self)
        self.teach.setObjectName("teachOrder")
        self.teach.setToolTip(self.tr("Teach order: articles whose model suggestions are least "
                                      "certain come first"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        row = QHBoxLayout()  # narrow: the article text gets the width
        for combo in (self.status, self.label):
            combo.setSizeAdjustPolicy(SHORT)
            combo.setMinimumContentsLength(8)
            row.addWidget(combo, 1)
        layout.addLayout(row)
        layout.addWidget(self.teach)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.status.currentIndexChanged.connect(self._emit)
        self.label.currentIndexChanged.connect(self._emit)
        self.teach.toggled.connect(self._emit)

    def current(self) -> ArticleFilter:
        """The filter as the widgets show it."""
        status = self.status.currentData()
        return ArticleFilter(status=Status(status) if status else None,
                             label=self.label.currentData(), query=self.search.text().strip(),
                             teach=self.teach.isChecked())

    def _emit(self) -> None:
        self.filter_changed.emit(self.current())
