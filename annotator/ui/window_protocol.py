"""The main window (ui/main_window.py) as the modules it composes see it: File ▸ New, Open and
Recent, Preferences, About and drops (ui/project_menu.py and the modules it uses). They may not
import the window (it imports them), so ``WindowHost`` names the parts of it they use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from annotator.app.session import Session
    from annotator.store import Project
    from annotator.ui.article_view import ArticleView
    from annotator.ui.review_actions import ReviewActions
    from annotator.ui.workbench import Workbench


class WindowHost(Protocol):
    """What of the main window these modules use, besides its being a QMainWindow."""

    project: Project
    session: Session
    review: ReviewActions
    view: ArticleView
    workbench: Workbench
    current_article: int | None

    def __init__(self, project: Project, annotator: str = ...) -> None: ...

    def open_first(self) -> None: ...

    def start_import(self, paths: list[Path]) -> None: ...

    def update_status(self, recount: bool = False) -> None: ...


def qt(window: WindowHost) -> QMainWindow:
    """The window as the QMainWindow it is (a Protocol cannot name its Qt base too)."""
    return cast(QMainWindow, window)
