"""The overview (Tools ▸ Overview, docs/overview.md): the project at a glance in six charts,
read by ``app/overview.py`` in a worker (a large project's counts take seconds), read again
when it comes to the front after somebody wrote. Each chart saves itself as PNG or SVG."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QGridLayout, QVBoxLayout, QWidget

from annotator.app.overview import STANCE, VALUE, Overview, done_series, read_overview
from annotator.app.review_queue import Kind, written
from annotator.app.tasks import Task, TaskRunner
from annotator.core.model import Layer
from annotator.ui.i18n import QT_TRANSLATE_NOOP, layer_text
from annotator.ui.overview_charts import Chart, Role, bars, series_colors, stacked_days
from annotator.ui.plain import plain_label
from annotator.ui.worker_read import read_project

if TYPE_CHECKING:
    from annotator.app.session import Session
    from annotator.store import Project

KIND_NAMES = {Kind.DISPUTE: QT_TRANSLATE_NOOP("OverviewWindow", "Disputed claim groups"),
              Kind.DISAGREEMENT: QT_TRANSLATE_NOOP("OverviewWindow", "Annotators disagree"),
              Kind.OPEN_SUGGESTIONS: QT_TRANSLATE_NOOP("OverviewWindow", "Done, suggestions open")}
POINTS = {"day": QT_TRANSLATE_NOOP("OverviewWindow", "the day (weekday, date)"),
          "number": QT_TRANSLATE_NOOP("OverviewWindow", "a number"),
          "place": QT_TRANSLATE_NOOP("OverviewWindow", "the place"),
          "person": QT_TRANSLATE_NOOP("OverviewWindow", "the person"),
          "yes/no": QT_TRANSLATE_NOOP("OverviewWindow", "yes or no"),
          STANCE: QT_TRANSLATE_NOOP("OverviewWindow", "supports or refutes"),
          VALUE: QT_TRANSLATE_NOOP("OverviewWindow", "the value stated")}
CHARTS = (  # object name, title
    ("overviewDone", QT_TRANSLATE_NOOP("OverviewWindow", "Articles done per day, by annotator")),
    ("overviewLabels", QT_TRANSLATE_NOOP("OverviewWindow", "Annotations per layer and label")),
    ("overviewOutlets", QT_TRANSLATE_NOOP("OverviewWindow", "Claims per outlet")),
    ("overviewSources", QT_TRANSLATE_NOOP("OverviewWindow", "Claims per source")),
    ("overviewOpen", QT_TRANSLATE_NOOP("OverviewWindow", "Waiting for a decision (review queue)")),
    ("overviewPoints", QT_TRANSLATE_NOOP("OverviewWindow",
                                         "Disputed groups: what they disagree on")))


def tr(text: str) -> str:
    """A text marked above, translated now."""
    return QCoreApplication.translate("OverviewWindow", text)


class Host(Protocol):
    """What the window needs of the main window."""

    project: Project
    session: Session
    runner: TaskRunner

    def findChild(self, kind: Any, name: str = "") -> Any: ...


class OverviewWindow(QDialog):
    """Beside the main window (non-modal)."""

    read = Signal()  # the charts show a fresh read

    def __init__(self, window: Host) -> None:
        super().__init__(cast(QWidget, window))
        self.setObjectName("overviewWindow")
        self.setWindowTitle(self.tr("Overview"))
        self.window_ = window
        self.view = Overview()
        self.status = plain_label(self, self.tr("Reading the overview…"))
        self.status.setObjectName("overviewStatus")
        grid = QGridLayout()
        self.charts = {name: Chart(tr(title), name, self) for name, title in CHARTS}
        for n, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(grid, 1)
        self.resize(1100, 900)
        self.heard: tuple[int, int] | None = None  # ``written`` when last read
        self.task: Task | None = None

    def refresh(self) -> None:
        """Read the overview again: in a worker on its own connection, or at once for a
        project without a file."""
        if self.task is not None and self.task.is_active():
            return
        self.task = read_project(self.window_, read_overview, self._arrived, self.status, (
            self.tr("Reading the overview…"), self.tr("The overview could not be read: {error}")),
            "Overview")

    def _arrived(self, view: Overview, heard: tuple[int, int]) -> None:
        self.task, self.view, self.heard = None, view, heard
        self.draw()
        self.read.emit()

    def draw(self) -> None:
        """Every chart from the last read, in the palette's colours."""
        view, palette, c = self.view, self.palette(), self.charts
        days, series = done_series(view)
        labels = self.window_.project.labels()
        stacked_days(c["overviewDone"], days, series, series_colors(
            palette, len(series), [lb.color for lb in labels if lb.layer is Layer.ENTITY]))
        colors = {(lb.layer.value, lb.name): lb.color for lb in labels}
        bars(c["overviewLabels"], [(f"{layer_text(layer)} · {label}", n)
                                   for layer, label, n in view.annotations],
             [QColor(colors.get((layer, label), palette.color(Role.Highlight)))
              for layer, label, _n in view.annotations])
        bars(c["overviewOutlets"], view.outlets)
        bars(c["overviewSources"], view.sources)
        bars(c["overviewOpen"], [(tr(KIND_NAMES[k]), n) for k, n in view.open_items.items()])
        bars(c["overviewPoints"], [(tr(POINTS[p]) if p in POINTS else p, n)
                                   for p, n in view.disputed_on.items()])
        done = sum(n for _day, _who, n in view.done)
        claims = sum(n for _name, n in view.outlets)
        waiting = sum(view.open_items.values())
        self.status.setText(self.tr(
            "{versions} done by {annotators} · {claims} · {waiting} waiting for a decision · "
            "right-click a chart to save it as PNG or SVG").format(
            versions=self.tr("%n version(s)", "", done),
            annotators=self.tr("%n annotator(s)", "", len(series)),
            claims=self.tr("%n claim(s)", "", claims), waiting=waiting))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for chart in self.charts.values():
                chart.setPalette(self.palette())
            self.draw()
        elif (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
              and self.heard is not None and self.heard != written(self.window_.project)):
            self.refresh()  # somebody wrote since it was read


def show_overview(window: Host) -> OverviewWindow:
    """Tools ▸ Overview: the window beside the main one, read afresh."""
    found = window.findChild(OverviewWindow)
    if found is None:
        found = OverviewWindow(window)
    found.refresh()
    found.show()
    found.raise_()
    found.activateWindow()
    return found
