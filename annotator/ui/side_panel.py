"""The article's claims (with their source) and sources, and what lies under the cursor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.app.article_state import ArticleState
from annotator.core.model import Annotation, Layer
from annotator.ui.claim_panel import ClaimPanel
from annotator.ui.i18n import layer_text
from annotator.ui.keys import bind
from annotator.ui.plain import escape, heading_label, tooltip

SpanRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def shorten(text: str, n: int = 90) -> str:
    """One line of at most ``n`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class SpanListModel(QAbstractListModel):
    """The claims or the sources of the open article, in text order."""

    def __init__(self, layer: Layer, parent=None) -> None:
        super().__init__(parent)
        self.layer = layer
        self._rows: list[tuple[Annotation, str]] = []

    def set_state(self, state: ArticleState | None) -> None:
        """Rebuild from the article (a few dozen rows: a reset is the simple, right thing)."""
        self.beginResetModel()
        self._rows = [] if state is None else [
            (a, self._describe(state, a)) for a in state.layer(self.layer)]
        self.endResetModel()

    def _describe(self, state: ArticleState, a: Annotation) -> str:
        text = state.text[a.start:a.end]
        if self.layer is Layer.CLAIM:
            chain = state.source_chain(a.id)  # "Laut X sagte Y": Y via X
            who = self.tr(" via ").join(state.text[s.start:s.end] for s in chain) or self.tr(
                "no source yet")
            return f"„{shorten(text)}“ — {who}"
        return shorten(text, 60) + self.tr(" (%n claim(s))", "", len(state.claims_of(a.id)))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ann, text = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SpanRole:
            return ann
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{ann.label} · {ann.annotator} · {ann.updated_at}")
        return None


class SidePanel(QWidget):
    """Claims, sources, and the spans under the cursor; activating a row selects its span."""

    span_activated = Signal(int, int)  # start, end in code points
    escaped = Signal()  # Esc in any of its lists or fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple | None = None
        self.claims = SpanListModel(Layer.CLAIM, self)
        self.sources = SpanListModel(Layer.SOURCE, self)
        # Short windows scroll the panel, never its lists: what has the keys is scrolled to.
        self.area = QScrollArea(self)
        self.area.setObjectName("sidePanelScroll")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        self.inner = inner = QWidget(self.area)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 8, 8, 8)
        self.views: dict[Layer, QListView] = {}
        for title, model in ((self.tr("Claims"), self.claims), (self.tr("Sources"), self.sources)):
            layout.addWidget(heading_label(self, title))
            view = QListView(self)
            view.setObjectName(f"{model.layer.value}List")
            view.setModel(model)
            view.setWordWrap(True)
            view.setUniformItemSizes(False)
            view.setAlternatingRowColors(True)
            view.setSpacing(2)
            view.setSizeAdjustPolicy(QListView.SizeAdjustPolicy.AdjustToContents)  # as its rows
            view.activated.connect(self._activated)
            view.clicked.connect(self._activated)
            layout.addWidget(view, 1)
            self.views[model.layer] = view
        layout.addWidget(QLabel(self.tr("<b>Claim</b> <small>(E edits, Esc returns)</small>"),
                                self))
        self.claim_panel = ClaimPanel(self)
        layout.addWidget(self.claim_panel)
        layout.addWidget(heading_label(self, self.tr("At the cursor")))
        self.details = QLabel(self)
        self.details.setObjectName("spanDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setMinimumHeight(50)
        layout.addWidget(self.details)
        self.area.setWidget(inner)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._show_focus)
        self.area.verticalScrollBar().rangeChanged.connect(self._show_focus)  # grown, shrunk
        bind(self, "claim.back", self._back)

    def _show_focus(self, *_args) -> None:
        """Scroll to the widget with the keys; to the whole ranked list and its heading."""
        focus = self.window().focusWidget()
        inner = self.inner
        if focus is None or not inner.isAncestorOf(focus):
            return
        if not self.claim_panel.made or focus is not self.claim_panel.candidate_view:
            self.area.ensureWidgetVisible(focus, 0, 0)  # its cursor, its current row
            return
        for widget, y in ((focus, focus.height()), (self.claim_panel.heading, 0)):
            self.area.ensureVisible(0, widget.mapTo(inner, QPoint(0, y)).y(), 0, 0)

    def _back(self) -> None:
        """Esc: out of a value's edit to the values, else back to the text."""
        if not self.claim_panel.cancel_value_edit():
            self.escaped.emit()

    def set_state(self, state: ArticleState | None) -> None:
        """Follow the open article (an entity edit leaves the lists alone)."""
        key = state.panel_key() if state else None
        if key == self._shown:
            return
        self._shown = key
        self.claims.set_state(state)
        self.sources.set_state(state)

    def show_details(self, rows: list[tuple[str, str, str]]) -> None:
        """Label, layer and origin of each span at the cursor."""
        self.details.setText("<br>".join(
            f"<b>{escape(label)}</b> · {escape(layer_text(layer))}<br>"
            f"<small>{escape(origin)}</small>" for label, layer, origin in rows)
            or "<i>" + self.tr("nothing here") + "</i>")

    def _activated(self, index: QModelIndex) -> None:
        ann = index.data(SpanRole)
        if ann is not None:
            self.span_activated.emit(ann.start, ann.end)
