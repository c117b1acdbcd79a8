"""The main window's menu bar in the usual order: File, Edit, View, Article, Tools, Help. Each
entry is an action bound to its key (``ui/keymap.py``); the window's methods do the work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from annotator.core.model import Status
from annotator.ui.keys import bind
from annotator.ui.menu_windows import (
    show_adjudication,
    show_agreement,
    show_label_layers,
    show_overview,
    show_review_queue,
)
from annotator.ui.project_menu import add_desktop_menus


def add_menus(window) -> list[QAction]:
    """Fill the window's menu bar; the Article menu's actions, which act on the list (the
    disputes page disables them)."""
    translate = QCoreApplication.translate
    bar = window.menuBar()
    file, edit, view, article, tools, helpm = (bar.addMenu(title) for title in (
        translate("MainWindow", "&File"), translate("MainWindow", "&Edit"),
        translate("MainWindow", "&View"), translate("MainWindow", "&Article"),
        translate("MainWindow", "&Tools"), translate("MainWindow", "&Help")))

    def add(menu, name: str, slot) -> None:
        menu.addAction(bind(window, name, slot))

    add(file, "project.import", window.import_files)
    add(file, "project.import_folder", window.import_folder)
    add(file, "project.label_layers", lambda: show_label_layers(window))
    add(file, "project.suggest", lambda: window.suggest(None))
    add(file, "project.suggest_again", lambda: window.suggest(
        [window.current_article] if window.current_article else []))
    add(file, "project.export", window.export_dataset)
    file.addSeparator()
    add(file, "project.quit", window.close)
    window.review.undo_redo(edit)
    add(edit, "edit.find", window.filter_bar.search.setFocus)
    add(article, "article.next", lambda: window.step_article(1))
    add(article, "article.previous", lambda: window.step_article(-1))
    add(article, "article.done", window.review.mark_done)
    add(article, "article.adjudicate", lambda: show_adjudication(window))
    on_list = article.actions()
    add(view, "view.disputes", window.toggle_disputes)
    add(view, "view.sources", window.show_sources)
    add(tools, "view.agreement", lambda: show_agreement(window))
    add(tools, "view.review_queue", lambda: show_review_queue(window))
    add(tools, "view.overview", lambda: show_overview(window))
    window.annotators.add_to(file, view)
    add(article, "article.in_progress", lambda: window.set_status(Status.IN_PROGRESS))
    add(helpm, "help.keys", window.show_shortcuts)
    add_desktop_menus(window, file, edit, helpm)  # New, Open, Recent, Preferences, About
    return on_list
