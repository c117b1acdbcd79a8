"""Keymap actions onto widgets: one QAction per action, named after it (``ui/keymap.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.ui import keymap
from annotator.ui.i18n import keymap_text

CONTEXTS = {"window": Qt.ShortcutContext.WindowShortcut,
            "widget": Qt.ShortcutContext.WidgetShortcut,
            "children": Qt.ShortcutContext.WidgetWithChildrenShortcut}


def _action(widget: QWidget, entry: keymap.Action, keys: Iterable[str],
            action: QAction | None = None) -> QAction:
    if action is None:
        action = QAction(keymap_text(entry.menu or entry.help), widget)
    action.setObjectName(entry.name)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(CONTEXTS[keymap.CONTEXT[entry.scope]])
    widget.addAction(action)
    return action


def bind(widget: QWidget, name: str, slot: Callable[..., Any], *,
         action: QAction | None = None) -> QAction:
    """Put the keymap action ``name`` on ``widget`` (or on an existing ``action``), calling
    ``slot``; an unknown name is an error."""
    entry = keymap.action(name)
    if entry.each or not entry.keys:
        raise ValueError(f"{name}: {'bind_each' if entry.each else 'a note, nothing to bind'}")
    action = _action(widget, entry, entry.keys, action)
    action.triggered.connect(slot)
    return action


def bind_each(widget: QWidget, name: str, slot: Callable[[int], Any]) -> list[QAction]:
    """One action per key of ``name``; ``slot`` gets the key's index (0 for "1")."""
    entry = keymap.action(name)
    if not entry.each:
        raise ValueError(f"{name}: one action for its keys, use bind")
    actions = []
    for i, key in enumerate(entry.keys):
        action = _action(widget, entry, [key])
        action.triggered.connect(lambda _=False, i=i: slot(i))
        actions.append(action)
    return actions


def check_bound(root: QWidget, scopes: Iterable[str]) -> None:
    """Raise if an action of ``scopes`` has no handler under ``root`` (checked at startup)."""
    bound = {a.objectName() for a in root.findChildren(QAction)
             if a.receivers(SIGNAL("triggered(bool)")) > 0}
    scopes = set(scopes)
    missing = [a.name for a in keymap.ACTIONS if a.scope in scopes and a.keys
               and a.name not in bound]
    if missing:
        raise RuntimeError(f"key actions without a handler: {', '.join(missing)}")
