"""Keyboard actions and the list the `?` overlay shows: one way to make both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Shortcut:
    """One keyboard action, as the ? overlay lists it."""

    keys: str
    help: str
    group: str


def bind(widget: QWidget, keys: str, text: str, slot: Callable[..., Any], *,
         context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
         ) -> tuple[QAction, Shortcut]:
    """An action on ``widget`` for keys like "Tab|J" (alternatives), and its overlay entry."""
    action = QAction(text, widget)
    action.setShortcuts([QKeySequence(k) for k in keys.split("|")])
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action, Shortcut(keys.replace("|", " or "), text.replace("&", ""), "")
