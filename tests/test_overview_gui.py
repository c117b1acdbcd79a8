"""The overview window: opened with its key, read in a worker, six charts of the project's
figures, each saved as a valid PNG and SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette

from annotator.app.session import Session
from annotator.core.model import ArticleDraft, Status
from annotator.store import Project
from annotator.ui.overview_charts import export
from annotator.ui.overview_window import OverviewWindow
from tests.conftest import show_window
from tests.test_overview import fill

Key, Mod = Qt.Key, Qt.KeyboardModifier


def open_overview(qtbot, project: Project) -> tuple[object, OverviewWindow]:
    win = show_window(qtbot, project)
    qtbot.keyClick(win.view.text, Key.Key_O, Mod.ControlModifier | Mod.ShiftModifier)
    found = win.findChild(OverviewWindow)
    assert found is not None and found.isVisible()
    qtbot.waitUntil(lambda: found.heard is not None and found.task is None, timeout=10_000)
    return win, found


def ticks(window: OverviewWindow, name: str, side: str = "left") -> list[str]:
    major = window.charts[name].plotItem.getAxis(side)._tickLevels[0]
    return [text for _at, text in major]


def bar_items(window: OverviewWindow, name: str) -> list[pg.BarGraphItem]:
    return [i for i in window.charts[name].plotItem.items if isinstance(i, pg.BarGraphItem)]


def test_key_opens_the_overview_with_the_projects_figures(qtbot, project: Project) -> None:
    fill(project)
    _win, view = open_overview(qtbot, project)
    assert view.status.text().startswith("4 versions done by 2 annotators · 3 claims · "
                                         "2 waiting for a decision")
    assert ticks(view, "overviewOutlets") == ["ddp  2", "Elbtal-Bote  1"]
    assert ticks(view, "overviewSources") == ["Anna Berger  2", "(no source)  1"]
    assert ticks(view, "overviewLabels") == ["claim · CLAIM  3", "entity · PER  1",
                                             "source · SOURCE  2"]
    assert ticks(view, "overviewOpen") == ["Disputed claim groups  1", "Annotators disagree  1",
                                           "Done, suggestions open  0"]
    assert ticks(view, "overviewPoints") == ["the value stated  1"]
    done = bar_items(view, "overviewDone")  # one series per annotator, stacked
    assert [list(b.opts["height"]) for b in done] == [[3], [1]]
    assert list(done[1].opts["y0"]) == [3]
    assert ticks(view, "overviewDone", "bottom") == [view.view.done[0][0][5:]]  # "12-03"
    labels = {lb.name: lb.color for lb in project.labels()}
    brushes = bar_items(view, "overviewLabels")[0].opts["brushes"]
    assert brushes[0].color().name() == labels["CLAIM"].lower()
    qtbot.waitUntil(lambda: view.charts["overviewOutlets"].plotItem.getAxis("left").width()
                    > view.fontMetrics().horizontalAdvance("Elbtal-Bote  1"))
    view.grab().save(str(project.path.parent / "overview.png"))  # to look at


def test_every_chart_saves_as_png_and_svg(qtbot, project: Project, tmp_path) -> None:
    fill(project)
    _win, view = open_overview(qtbot, project)
    for name, chart in view.charts.items():
        png = export(chart, tmp_path / f"{name}.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 400
        svg = export(chart, tmp_path / f"{name}.svg")
        root = ET.parse(svg).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert any(e.tag.endswith("path") or e.tag.endswith("rect") for e in root.iter())
        written = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
        assert chart.title in written
        if name != "overviewDone":  # the bars' names, beside them
            assert all(tick in written for tick in ticks(view, name)), (name, written)


def test_an_empty_project_says_none_yet(qtbot, project: Project) -> None:
    _win, view = open_overview(qtbot, project)
    assert view.status.text().startswith("0 versions done by 0 annotators · 0 claims")
    assert "none done yet" in view.charts["overviewDone"].plotItem.titleLabel.text
    assert not bar_items(view, "overviewOutlets")


def test_names_are_shown_as_written_not_as_markup(qtbot, project: Project) -> None:
    aid = project.add_article(ArticleDraft(text="Ein Satz.", title="Eins"))
    Session(project, "<i>kim</i>").set_status(aid, Status.DONE)
    _win, view = open_overview(qtbot, project)
    legend = view.charts["overviewDone"].legend
    assert [label.text for _sample, label in legend.items] == ["&lt;i&gt;kim&lt;/i&gt;"]


def test_read_again_when_it_comes_to_the_front_after_a_write(qtbot, project: Project) -> None:
    ids = fill(project)
    win, view = open_overview(qtbot, project)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert win.session.set_status(ids["a4"], Status.DONE)  # maria, in the main window
    with qtbot.waitSignal(view.read, timeout=10_000):
        view.activateWindow()
    assert view.status.text().startswith("5 versions done by 2 annotators")


def test_a_new_palette_redraws_in_its_colours(qtbot, project: Project) -> None:
    fill(project)
    _win, view = open_overview(qtbot, project)
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#8ab4f8"))
    view.setPalette(dark)
    chart = view.charts["overviewOutlets"]
    assert chart.backgroundBrush().color().name() == "#202124"
    assert bar_items(view, "overviewOutlets")[0].opts["brushes"][0].color().name() == "#8ab4f8"
