"""The agreement window's tables: a label × annotator-pair heatmap, and the compared articles
with a bar per figure, sorted so that the worst come first."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from annotator.ui import theme
from annotator.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from annotator.app.agreement import Agreement

Index = QModelIndex | QPersistentModelIndex
ValueRole = Qt.ItemDataRole.UserRole  # a cell's figure (float, NaN: undefined)
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
FIGURE_NAMES = {"exact_f1": QT_TRANSLATE_NOOP("Agreement", "exact F1"),
                "relaxed_f1": QT_TRANSLATE_NOOP("Agreement", "relaxed F1"),
                "kappa": QT_TRANSLATE_NOOP("Agreement", "kappa"),
                "alpha": QT_TRANSLATE_NOOP("Agreement", "alpha")}
RED_AT, GREEN_AT = 0.4, 1.0  # the colour scale: red up to 0.4, yellow at 0.7, green at 1


def tr(text: str) -> str:
    """A text of this module's tables (context ``Agreement``), translated now."""
    return QCoreApplication.translate("Agreement", text)


def shade(value: float) -> QColor:
    """Red (0.4 and below: poor agreement) through yellow (0.7) to green (1); grey when
    undefined. Dark in a dark theme: the theme's text is readable on every shade."""
    if math.isnan(value):
        return theme.qcolor("heat_none")
    return QColor(theme.scale((value - RED_AT) / (GREEN_AT - RED_AT)))


def shown(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}"


class HeatmapModel(QAbstractTableModel):
    """Rows: all labels of a layer together, then each label; columns: the annotator pairs'
    figure, then alpha over all annotators."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[str] = []
        self.columns: list[str] = []
        self.values: list[list[float]] = []

    def show(self, result: Agreement, layer: str, figure: str) -> None:
        """The figure of every label and pair of ``layer``."""
        self.beginResetModel()
        fig = result.layers[layer]
        by_pair = result.pair_figure(layer, figure)  # [pair, label]
        self.rows = [QCoreApplication.translate("Agreement", "all labels"), *fig.labels]
        self.columns = [*result.pair_names(), QCoreApplication.translate("Agreement",
                                                                         "all (alpha)")]
        self.values = [[*by_pair[:, i].tolist(), float(fig.alpha_all[i])]
                       for i in range(len(self.rows))]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.values[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return shade(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            return theme.qcolor("text")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == ValueRole:
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        names = self.columns if orientation == Qt.Orientation.Horizontal else self.rows
        return names[section] if 0 <= section < len(names) else None


ARTICLE_COLUMNS = [QT_TRANSLATE_NOOP("Agreement", "Article"),
                   QT_TRANSLATE_NOOP("Agreement", "Title"),
                   QT_TRANSLATE_NOOP("Agreement", "Annotators"), *FIGURE_NAMES.values()]
FIGURE_COLUMNS = {3: "exact_f1", 4: "relaxed_f1", 5: "kappa", 6: "alpha"}


class ArticleFiguresModel(QAbstractTableModel):
    """One row per compared article: its figures for one layer, all labels together (F1
    pooled over the pairs, kappa their mean, alpha over everyone); sorted by a figure,
    lowest first, undefined last."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ids: list[int] = []
        self.titles: list[str] = []
        self.who: list[str] = []
        self.figures: dict[str, list[float]] = {}
        self.order: list[int] = []
        self.sorted_by = 6

    def show(self, result: Agreement, layer: str) -> None:
        self.beginResetModel()
        rows = result.rows
        self.ids, self.titles = rows.articles.tolist(), rows.titles
        self.who = [", ".join(n for n, has in zip(rows.annotators, row, strict=True) if has)
                    for row in rows.present.tolist()]
        self.figures = {k: v.tolist() for k, v in result.by_article(layer).items()}
        self.order = self._sorted(self.sorted_by)
        self.endResetModel()

    def _sorted(self, column: int) -> list[int]:
        values = self.figures.get(FIGURE_COLUMNS.get(column, ""), [])
        if not values:
            return list(range(len(self.ids)))
        return sorted(range(len(self.ids)),
                      key=lambda i: (math.isnan(values[i]), values[i] if values[i] == values[i]
                                     else 0.0, self.ids[i]))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a figure, worst first (the order asked is ignored: undefined stay last)."""
        if column not in FIGURE_COLUMNS:
            return
        self.layoutAboutToBeChanged.emit()
        self.sorted_by, self.order = column, self._sorted(column)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ARTICLE_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, column = self.order[index.row()], index.column()
        if role == ArticleIdRole:
            return self.ids[i]
        if column in FIGURE_COLUMNS:
            value = self.figures[FIGURE_COLUMNS[column]][i]
            if role == ValueRole:
                return value
            if role == Qt.ItemDataRole.DisplayRole:
                return shown(value)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.ids[i], self.titles[i], self.who[i]][column]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(ARTICLE_COLUMNS[section])
        return None


class BarDelegate(QStyledItemDelegate):
    """A figure as a bar as long as its value (0 to 1) in its colour, the number over it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(ValueRole)
        if value is None:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight())
        bar = rect.adjusted(2, 3, -2, -3)
        if not math.isnan(value):
            bar.setWidth(max(1, round(bar.width() * min(max(value, 0.0), 1.0))))
            painter.fillRect(bar, shade(value))
        painter.setPen(option.palette.text().color())
        painter.drawText(rect.adjusted(4, 0, -4, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         shown(value))
        painter.restore()
