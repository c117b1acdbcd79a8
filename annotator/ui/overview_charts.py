"""The overview's charts (pyqtgraph): bars of counts by name, and the done articles per day
stacked by annotator. Colours come from the palette (text, base, highlight …) and the label
scheme, none are written here; each chart saves itself as PNG or SVG (its context menu)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

Role = QPalette.ColorRole
# colours of series that no label names: palette roles, in this order
SERIES_ROLES = (Role.Highlight, Role.Link, Role.Accent, Role.LinkVisited, Role.Dark, Role.Mid)
EXPORT_WIDTH = 1200  # pixels of a PNG


class Chart(pg.PlotWidget):
    """One chart: a title, bars, and Save as PNG / SVG in its context menu."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = title
        self.plotItem.setMenuEnabled(False)  # ours instead of pyqtgraph's
        self.plotItem.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.legend: pg.LegendItem | None = None
        self.restyle()

    def restyle(self) -> None:
        """Background, text and axes in the palette's colours (again after a theme change)."""
        palette = self.palette()
        self.setBackground(palette.color(Role.Base))
        text = palette.color(Role.Text)
        self.plotItem.setTitle(escape(self.title), color=text)
        for side in ("left", "bottom"):
            axis = self.plotItem.getAxis(side)
            axis.setPen(pg.mkPen(palette.color(Role.Mid)))
            axis.setTextPen(pg.mkPen(text))

    def _menu(self, at) -> None:
        menu = QMenu(self)
        for text, kind in ((self.tr("Save as PNG…"), "png"), (self.tr("Save as SVG…"), "svg")):
            action = QAction(text, menu)
            action.triggered.connect(lambda _checked=False, k=kind: self.save_as(k))
            menu.addAction(action)
        menu.exec(self.mapToGlobal(at))

    def save_as(self, kind: str) -> None:
        """Ask where, then save the chart there."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart as {kind}").format(kind=kind.upper()),
            f"{self.objectName()}.{kind}",
            f"{kind.upper()} (*.{kind})")
        if path:
            export(self, Path(path))

    def clear_chart(self) -> None:
        self.plotItem.clear()
        if self.legend is not None:
            self.legend.scene().removeItem(self.legend)
            self.legend = None


def export(chart: Chart, path: Path) -> Path:
    """Write the chart to ``path``: SVG for a ``.svg`` name, else PNG (pyqtgraph's image
    exporter). The SVG is Qt's own drawing of the chart: pyqtgraph's SVG exporter fails on the
    path data recent Qt versions write (pyqtgraph issue 3485)."""
    if path.suffix.lower() == ".svg":
        svg = QSvgGenerator()
        svg.setFileName(str(path))
        svg.setSize(chart.size())
        svg.setViewBox(chart.rect())
        svg.setTitle(chart.title)
        svg.setResolution(chart.logicalDpiX())
        painter = QPainter(svg)
        try:
            chart.render(painter)
        finally:
            painter.end()
    else:
        exporter = ImageExporter(chart.plotItem)
        exporter.parameters()["width"] = EXPORT_WIDTH
        exporter.export(str(path))
    return path


def series_colors(palette: QPalette, n: int, labels: Sequence[str] = ()) -> list[QColor]:
    """``n`` colours: the label scheme's (``labels``, colour names) first, then palette roles."""
    found = [QColor(c) for c in labels if QColor(c).isValid()]
    found += [palette.color(role) for role in SERIES_ROLES]
    return [found[i % len(found)] for i in range(n)] if found else []


def bars(chart: Chart, rows: Sequence[tuple[str, int]], colors: Sequence[QColor] = ()) -> None:
    """Horizontal bars, the first row on top, each name at its bar; ``colors`` per bar, else
    the palette's highlight colour."""
    chart.clear_chart()
    if not rows:
        chart.plotItem.setTitle(escape(QCoreApplication.translate(
            "OverviewCharts", "{title}: none yet").format(title=chart.title)),
                                color=chart.palette().color(Role.Text))
        return
    chart.restyle()
    n = len(rows)
    ys = [n - 1 - i for i in range(n)]
    fill = list(colors) or [chart.palette().color(Role.Highlight)] * n
    chart.addItem(pg.BarGraphItem(x0=[0] * n, y=ys, height=0.7, width=[k for _, k in rows],
                                  brushes=[pg.mkBrush(c) for c in fill],
                                  pens=[pg.mkPen(c.darker(130)) for c in fill]))
    names = [f"{name}  {k}" for name, k in rows]
    left = chart.plotItem.getAxis("left")
    left.setTicks([list(zip(ys, names, strict=True)), []])
    left.setWidth(max(chart.fontMetrics().horizontalAdvance(t) for t in names) + 16)
    chart.plotItem.layout.activate()  # the new width now, not at the next event: for export
    most = max(k for _, k in rows)
    whole_ticks(chart.plotItem.getAxis("bottom"), most)
    chart.setYRange(-0.6, n - 0.4, padding=0)
    chart.setXRange(0, most * 1.05 or 1, padding=0)


def whole_ticks(axis: pg.AxisItem, most: int) -> None:
    """Whole numbers on an axis of counts up to ``most``, about five of them."""
    step = max(1, -(-most // 5))
    axis.setTickSpacing(step, step)


def stacked_days(chart: Chart, days: Sequence[str], series: dict[str, list[int]],
                 colors: Sequence[QColor]) -> None:
    """Bars per day, one colour per annotator stacked, with a legend; every n-th day named."""
    chart.clear_chart()
    if not days:
        chart.plotItem.setTitle(escape(QCoreApplication.translate(
            "OverviewCharts", "{title}: none done yet").format(title=chart.title)),
                                color=chart.palette().color(Role.Text))
        return
    chart.restyle()
    text = chart.palette().color(Role.Text)
    chart.legend = chart.plotItem.addLegend(offset=(10, 10), labelTextColor=text)
    below = [0] * len(days)
    xs = list(range(len(days)))
    for (who, counts), color in zip(series.items(), colors, strict=False):
        item = pg.BarGraphItem(x=xs, y0=below, height=counts, width=0.8, brush=pg.mkBrush(color),
                               pen=pg.mkPen(color.darker(130)), name=escape(who))
        chart.addItem(item)
        below = [b + k for b, k in zip(below, counts, strict=True)]
    step = max(1, len(days) // 8)
    cut = 5 if days[0][:4] == days[-1][:4] else 0  # the year, when it changes
    chart.plotItem.getAxis("bottom").setTicks([[(x, days[x][cut:]) for x in xs[::step]], []])
    chart.plotItem.getAxis("left").setTicks(None)
    whole_ticks(chart.plotItem.getAxis("left"), max(below))
    chart.setXRange(-0.6, len(days) - 0.4, padding=0)
    chart.setYRange(0, max(below) * 1.1 or 1, padding=0)
    chart.plotItem.layout.activate()
