"""The minimal main window: lazy article list, article view with highlighted entities."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import ArticleDraft, Layer, ModelInfo, Span
from annotator.store import Project
from annotator.ui.article_list_model import ArticleIdRole, ArticleListModel
from annotator.ui.main_window import MainWindow

TEXT = "Titel 😀\n\nDresden (dpa) – Anna Berger 🇩🇪 reiste nach Warschau."


def span(word: str, label: str) -> Span:
    start = TEXT.index(word)
    return Span(start, start + len(word), label)


def fill(project: Project, n: int = 3) -> int:
    first = project.add_article(ArticleDraft(text=TEXT, title="Titel 😀", outlet="Elbtal-Bote"))
    for i in range(1, n):
        project.add_article(ArticleDraft(text=f"Artikel {i}\n\nText {i}.", title=f"Artikel {i}"))
    info = ModelInfo("de_annotator_ner", "0.1.0")
    project.replace_suggestions(first, info, [span("Anna Berger", "PER"), span("Warschau", "LOC")])
    return first


def test_article_list_model_reads_pages_on_demand(project: Project, qtmodeltester) -> None:
    for i in range(45):
        project.add_article(ArticleDraft(text=f"Artikel {i}.", title=f"Artikel {i}"))
    model = ArticleListModel(project, page_size=10, max_pages=2)
    assert model.rowCount() == 45 and model.loaded_rows() == 0
    assert model.index(44, 0).data() == "Artikel 44"
    assert model.index(44, 0).data(ArticleIdRole) == 45
    assert model.loaded_rows() == 5  # only the last page
    assert model.index(3, 0).data() == "Artikel 3"
    assert model.index(25, 0).data() == "Artikel 25"
    assert model.loaded_rows() == 20  # the cache keeps two pages, not all rows
    assert model.row_of(45) == 44 and model.row_of(2) == 1
    qtmodeltester.check(model)


def test_window_shows_article_with_entities_at_exact_positions(
    qtbot: QtBot, project: Project
) -> None:
    first = fill(project)
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.open_first()
    assert window.current_article == first
    doc = window.view.text.document()
    assert doc.toPlainText() == TEXT
    hl = window.view.highlighter
    # Warschau comes after two astral characters: Qt's position is 3 UTF-16 units further on.
    cp = TEXT.index("Warschau")
    qt_pos = window.view.text.to_document(cp)
    assert qt_pos == cp + 3
    block = doc.findBlock(qt_pos)
    formats = {(r.start + block.position(), r.length) for r in block.layout().formats()}
    assert (qt_pos, len("Warschau")) in formats
    (found,) = hl.highlights_at(cp)
    assert (found.label, found.layer, found.suggested) == ("LOC", Layer.ENTITY, True)
    assert "PER" in window.view.legend.text()


def test_keyboard_moves_between_articles(qtbot: QtBot, project: Project) -> None:
    fill(project)
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.open_first()
    qtbot.keyClick(window.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.view.text.toPlainText() == "Artikel 1\n\nText 1."
    qtbot.keyClick(window.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.view.text.toPlainText() == TEXT


def test_main_window_reads_only_the_pages_it_shows(qtbot, project: Project) -> None:
    with project.transaction():
        for i in range(1500):
            project.add_article(ArticleDraft(text=f"Artikel {i} über Dresden.", title=f"A{i}"))
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    window.open_first()
    assert window.model.rowCount() == 1500
    assert window.model.loaded_rows() <= 400  # column sizing must not read every row


def test_home_and_end_in_the_list_go_to_the_first_and_last_article(
    qtbot: QtBot, project: Project
) -> None:
    for i in range(120):  # more than two pages of the list
        project.add_article(ArticleDraft(text=f"Artikel {i}.", title=f"Artikel {i}"))
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.open_first()
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_End)
    assert window.list.currentIndex().row() == 119 and window.current_article == 120
    qtbot.keyClick(window.list, Qt.Key.Key_Up)
    assert window.current_article == 119
    qtbot.keyClick(window.list, Qt.Key.Key_Home)
    assert window.list.currentIndex().row() == 0 and window.current_article == 1
