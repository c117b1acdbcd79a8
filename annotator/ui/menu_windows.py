"""The windows the menus open (adjudication, agreement, review queue, overview): their modules
load when one is first opened, not with the main window, whose start does not need them."""

from __future__ import annotations

from typing import Any


def show_adjudication(window: Any) -> None:
    from annotator.ui.adjudication_window import show_adjudication as show

    show(window)


def show_agreement(window: Any) -> None:
    from annotator.ui.agreement_window import show_agreement as show

    show(window)


def show_review_queue(window: Any) -> None:
    from annotator.ui.review_queue_window import show_review_queue as show

    show(window)


def show_overview(window: Any) -> None:
    from annotator.ui.overview_window import show_overview as show

    show(window)


def show_label_layers(window: Any) -> None:
    from annotator.ui.label_layers_dialog import edit_label_layers

    edit_label_layers(window)
