"""Render the docs' screenshots offscreen from the demo corpus: python docs/screenshots.py

It annotates as a user would (through the Session, so everything is saved and undoable) and
saves PNGs next to this file, in the light theme and in the dark one (``…-dark.png``), every
window in German too (``…-de.png``, ``…-dark-de.png``).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from annotator.app.importing import import_files  # noqa: E402
from annotator.app.samples import sample_corpus_dir  # noqa: E402
from annotator.app.session import Session  # noqa: E402
from annotator.app.suggesting import suggest_entities_for  # noqa: E402
from annotator.core.model import Layer, Span, Status  # noqa: E402
from annotator.nlp.suggester import Pipeline, Suggester  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.ui import i18n, theme  # noqa: E402
from annotator.ui.adjudication_window import show_adjudication  # noqa: E402
from annotator.ui.agreement_window import AgreementWindow, show_agreement  # noqa: E402
from annotator.ui.application import make_app  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.overview_window import OverviewWindow, show_overview  # noqa: E402
from annotator.ui.review_queue_window import show_review_queue  # noqa: E402

HERE = Path(__file__).parent


def build(path: Path) -> Project:
    project = Project.open(path)
    report = import_files(project, [sample_corpus_dir()])
    suggest_entities_for(project, report.imported, Suggester(Pipeline()))
    return project


def span_of(text: str, pattern: str, label: str) -> Span:
    m = re.search(pattern, text)
    assert m, pattern
    return Span(m.start(), m.end(), label)


def annotate(window: MainWindow, article_id: int) -> None:
    """A few minutes of work on the first article: accept entities, claims with sources."""
    session, project = window.session, window.project
    text = project.article(article_id).text
    entities = [s for s in project.suggestions(article_id, open_only=True)
                if s.layer is Layer.ENTITY]
    session.accept(article_id, entities[:6])
    claims = [r"Deutschland und Tschechien haben am Mittwoch in Dresden[^.]*\.",
              r"Das Abkommen sei ein Durchbruch[^.]*\.",
              r"Kern des Vertrags ist ein gemeinsames Investitionsprogramm[^.]*\."]
    for pattern in claims:
        session.add_span(article_id, Layer.CLAIM, span_of(text, pattern, "CLAIM"))
    session.add_span(article_id, Layer.SOURCE, span_of(text, r"Bundesumweltministerin Anna Berger",
                                                        "SOURCE"))
    source = project.annotations(article_id, Layer.SOURCE)[0]
    for claim in project.annotations(article_id, Layer.CLAIM)[:2]:
        session.link_claim(article_id, claim.id, source.id)


def group_weekday(window: MainWindow) -> None:
    """The weekday of the signing, as three articles state it, grouped and compared."""
    session, project = window.session, window.project
    found = []
    for article_id, pattern in ((2, r"Deutschland und Tschechien haben am Mittwoch[^.]*\."),
                                (3, r"Das sogenannte Elbtal-Abkommen wurde am Mittwoch[^.]*\."),
                                (4, r"Deutschland und Tschechien haben den Vertrag am Donnerstag"
                                    r"[^.]*\.")):
        text = project.article(article_id).text
        session.add_span(article_id, Layer.CLAIM, span_of(text, pattern, "CLAIM"))
        found.append(project.annotations(article_id, Layer.CLAIM)[-1].id)
    first = project.annotations(1, Layer.CLAIM)[0].id
    members = [(first, "Mittwoch"), (found[0], "Mittwoch"), (found[1], "Mittwoch"),
               (found[2], "Donnerstag")]
    session.group_claims(1, None, "Wochentag der Unterzeichnung", members)


def overview(window: MainWindow) -> OverviewWindow:
    """The overview after three articles are done, read (in a worker) and drawn."""
    for article_id in (1, 2, 3):
        window.session.set_status(article_id, Status.DONE)
    found = show_overview(window)
    while found.heard is None or found.task is not None:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    for _ in range(3):  # the charts' axes take their new widths
        QCoreApplication.processEvents()
    return found


def second_annotator(project: Project, article_id: int) -> None:
    """jonas marks the same entities, one of them with another label; both are done."""
    jonas = Session(project, "jonas")
    for n, ann in enumerate(project.annotations(article_id, Layer.ENTITY, annotator="maria")):
        label = "ORG" if n == 1 and ann.label != "ORG" else ann.label
        jonas.add_span(article_id, Layer.ENTITY, Span(ann.start, ann.end, label))
    jonas.set_status(article_id, Status.DONE)


def save(widget: QWidget, name: str, suffix: str) -> Path:
    path = HERE / f"{name}{suffix}.png"
    widget.grab().save(str(path))
    return path


def desktop_dialogs(app, window: MainWindow, suffix: str) -> list[Path]:
    """Edit ▸ Preferences (the label scheme, the appearance) and Help ▸ About."""
    from annotator.ui.project_menu import show_about, show_preferences

    dialog = show_preferences(window)
    app.processEvents()
    saved = [save(dialog, "preferences", suffix)]
    dialog.tabs.setCurrentWidget(dialog.appearance)
    app.processEvents()
    saved.append(save(dialog, "preferences-appearance", suffix))
    dialog.close()
    about = show_about(window)
    app.processEvents()
    saved.append(save(about, "about", suffix))
    about.close()
    return saved


def registry_and_export(app, window: MainWindow, suffix: str) -> list[Path]:
    """The source registry (Tools ▸ Source registry) and File ▸ Export dataset's dialog."""
    from annotator.ui.export_dialog import ExportDialog

    window.show_sources()
    registry = window._sources_dialog
    assert registry is not None
    registry.resize(900, 520)
    app.processEvents()
    saved = [save(registry, "sources", suffix)]
    registry.close()
    dialog = ExportDialog(window, annotators=window.project.annotators())
    dialog.format.setCurrentText("claimreview")
    dialog.show()
    app.processEvents()
    saved.append(save(dialog, "export", suffix))
    dialog.close()
    dialog.deleteLater()
    return saved


def render(app, suffix: str) -> list[Path]:
    """Every screenshot of one theme and language."""
    saved = []
    with tempfile.TemporaryDirectory() as tmp:
        project = build(Path(tmp) / "demo.db")
        window = MainWindow(project, "maria")
        window.resize(1480, 900)
        window.show()
        window.open_first()
        annotate(window, 1)
        text = project.article(1).text
        window.view.text.select_cp(text.index("Kern des"), text.index("Kern des"))
        window.view.text.setFocus()
        app.processEvents()
        saved.append(save(window, "workbench", suffix))
        window.show_shortcuts()
        app.processEvents()
        saved.append(save(window, "shortcuts", suffix))
        window.overlay.hide()
        saved += more_windows(app, window, suffix)
        window.close()
        window.deleteLater()  # gone before the next theme: no palette change reaches it
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        project.close()
    return saved


def more_windows(app, window: MainWindow, suffix: str) -> list[Path]:
    """The disputes page, the agreement window, the review queue and adjudication."""
    saved, project = [], window.project
    group_weekday(window)
    window.toggle_disputes()
    app.processEvents()
    saved.append(save(window, "disputes", suffix))
    window.session.set_status(1, Status.DONE)
    second_annotator(project, 1)
    show_agreement(window)
    agreement = window.findChild(AgreementWindow)
    while agreement.figures is None:
        app.processEvents()
    agreement.resize(1100, 640)
    app.processEvents()
    saved.append(save(agreement, "agreement", suffix))
    queue = show_review_queue(window)
    queue.resize(1000, 480)
    app.processEvents()
    saved.append(save(queue, "review", suffix))
    adjudication = show_adjudication(window, 1)
    assert adjudication is not None
    adjudication.resize(1300, 760)
    app.processEvents()
    saved.append(save(adjudication, "adjudication", suffix))
    saved.append(save(overview(window), "overview", suffix))
    saved += desktop_dialogs(app, window, suffix)
    saved += registry_and_export(app, window, suffix)
    return saved


def main() -> int:
    app = make_app()
    QSettings().clear()
    saved = []
    i18n.install("en")
    for name, suffix in (("light", ""), ("dark", "-dark")):
        theme.apply(name)
        saved += render(app, suffix)
    i18n.install("de")  # every window in German (docs/translations.md)
    for name, suffix in (("light", "-de"), ("dark", "-dark-de")):
        theme.apply(name)
        saved += render(app, suffix)
    i18n.install("en")
    print("saved", *saved)
    return 0


if __name__ == "__main__":
    sys.exit(main())
