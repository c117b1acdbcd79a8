"""Render the docs' screenshots offscreen from the demo corpus: python docs/screenshots.py

It annotates as a user would (through the Session, so everything is saved and undoable) and
saves PNGs next to this file.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings  # noqa: E402

from annotator.app.importing import import_files  # noqa: E402
from annotator.app.samples import sample_corpus_dir  # noqa: E402
from annotator.app.suggesting import suggest_entities_for  # noqa: E402
from annotator.core.model import Layer, Span, Status  # noqa: E402
from annotator.nlp.suggester import Pipeline, Suggester  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.ui.application import make_app  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.overview_window import OverviewWindow, show_overview  # noqa: E402

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


def main() -> int:
    app = make_app()
    QSettings().clear()
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
        window.grab().save(str(HERE / "workbench.png"))
        window.show_shortcuts()
        app.processEvents()
        window.grab().save(str(HERE / "shortcuts.png"))
        window.overlay.hide()
        group_weekday(window)
        window.toggle_disputes()
        app.processEvents()
        window.grab().save(str(HERE / "disputes.png"))
        overview(window).grab().save(str(HERE / "overview.png"))
        window.close()
        project.close()
    print("saved", *(HERE / f"{n}.png" for n in ("workbench", "shortcuts", "disputes",
                                                 "overview")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
