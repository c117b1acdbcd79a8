"""PySide6's import hook, answered from the module files.

PySide6 replaces ``__import__`` (``shibokensupport.feature``, embedded in shiboken6) to support
``from __feature__ import snake_case``. For every module imported after it, the hook asks
``_mod_uses_pyside(module)`` whether the module names "PySide6": ``inspect.getsource``, which
tokenizes the source and keeps its lines in ``linecache``. On the way to the first paint that is
~130 modules, ~20 ms, and their sources stay in memory. For a module with a ``.py`` file,
:func:`install` answers from a search of the file's bytes; it gives the original's answer (the
name is ASCII, and Python's source encodings are ASCII-compatible), and hands every other module
(built-in, extension, from a zip, an undecodable file) to the original. Without the private
name (another PySide6 version) it does nothing.
"""

from __future__ import annotations

import io
import sys
import tokenize
from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401  # installs the hook: its support module is in sys.modules then

NAME = "_mod_uses_pyside"


def from_file(original: Callable[[object], bool]) -> Callable[[object], bool]:
    """``original``'s answer, from the module file's bytes when it has a ``.py`` file."""

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None) if isinstance(module, ModuleType) else None
        if not (isinstance(path, str) and path.endswith(".py")):
            return original(module)
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError:
            return original(module)
        if b"PySide6" not in data:
            return False
        try:  # the original reads it as text: a file it cannot decode is "no"
            encoding, _lines = tokenize.detect_encoding(io.BytesIO(data).readline)
            return "PySide6" in data.decode(encoding)
        except (SyntaxError, UnicodeDecodeError, LookupError):
            return original(module)

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Answer PySide6's hook from the module files; False when this PySide6 has no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, NAME, None)
    if not callable(original):
        return False
    if not hasattr(original, "__wrapped__"):
        setattr(feature, NAME, from_file(original))
    return True
