"""PySide6's import hook answered from module files (annotator/ui/import_hook.py): the same
answer as PySide6's own ``_mod_uses_pyside`` for every module, nothing done without it."""

from __future__ import annotations

import importlib.util
import linecache
import sys
import types
from pathlib import Path

import pytest

from annotator.ui import import_hook

ROOT = Path(__file__).resolve().parents[1]
FEATURE = sys.modules["shibokensupport.feature"]


def _original():
    return getattr(FEATURE._mod_uses_pyside, "__wrapped__", FEATURE._mod_uses_pyside)


def _unexecuted(path: Path, name: str) -> types.ModuleType:
    """The module object of a file, not run (its ``__file__`` and ``__name__`` only)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    return importlib.util.module_from_spec(spec)


def test_the_hook_is_answered_from_files_once_the_ui_is_imported() -> None:
    assert FEATURE._mod_uses_pyside.__wrapped__ is _original()
    assert import_hook.install()  # a second time: still one wrapper
    assert not hasattr(FEATURE._mod_uses_pyside.__wrapped__, "__wrapped__")


def test_every_annotator_module_gets_the_original_answer() -> None:
    shim, original = import_hook.from_file(_original()), _original()
    answers = {}
    for path in sorted((ROOT / "annotator").rglob("*.py")):
        module = _unexecuted(path, ".".join(path.relative_to(ROOT).with_suffix("").parts))
        answers[module.__name__] = shim(module)
        assert answers[module.__name__] == original(module), path
    # the layers below app never name PySide6; the window's modules do
    assert not any(answers[name] for name in answers if name.split(".")[1] in (
        "core", "store", "io", "nlp"))
    assert answers["annotator.ui.main_window"] and answers["annotator.app.commands"]


def test_loaded_modules_get_the_original_answer() -> None:
    """Every module of this process: the standard library's, PySide6's (extensions, its
    embedded support modules), built-in ones, packages without a file."""
    shim, original = import_hook.from_file(_original()), _original()
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    assert len(modules) > 300
    mismatched = [m.__name__ for m in modules if shim(m) != original(m)]
    assert mismatched == []
    assert shim(sys) is False and shim(sys.modules["PySide6"]) is True


@pytest.mark.parametrize(("source", "uses"), [
    ("# -*- coding: latin-1 -*-\n# Grüße\nimport PySide6\n".encode("latin-1"), True),
    ("# Grüße\nx = 'PySide6'\n".encode(), True),
    (b"x = '\xff\xfe PySide6'\n", False),  # not UTF-8: the original cannot read it
    (b"import PySide2\n", False),
    (b"", False),
])
def test_files_in_other_encodings_and_unreadable_ones(tmp_path: Path, source: bytes,
                                                        uses: bool) -> None:
    path = tmp_path / "some_module.py"
    path.write_bytes(source)
    module = _unexecuted(path, "some_module")
    assert import_hook.from_file(_original())(module) is uses
    assert _original()(module) is uses
    linecache.checkcache(str(path))


def test_the_answer_does_not_keep_the_source(tmp_path: Path) -> None:
    path = tmp_path / "uses_qt.py"
    path.write_text("from PySide6 import QtCore\n", encoding="utf-8")
    assert import_hook.from_file(_original())(_unexecuted(path, "uses_qt")) is True
    assert str(path) not in linecache.cache


def test_nothing_is_done_without_the_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    other = types.ModuleType("shibokensupport.feature")  # another PySide6: no such name
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", other)
    assert import_hook.install() is False
    assert vars(other).keys() == {"__name__", "__doc__", "__package__", "__loader__",
                                  "__spec__"}
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    assert import_hook.install() is False
