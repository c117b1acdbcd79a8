"""The installed PySide6 must not over-release None (6.12.0 on Python 3.11 aborts the app)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject
obj = QObject()
before = sys.getrefcount(None)
for _ in range(1000):
    obj.setObjectName("probe")
print(before - sys.getrefcount(None))
sys.stdout.flush()
os._exit(0)
"""


def test_qt_calls_do_not_drop_references_to_none() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=60, check=True)
    lost = int(out.stdout.strip().splitlines()[-1])
    assert lost < 100, f"PySide6 dropped {lost} references to None in 1000 calls"
