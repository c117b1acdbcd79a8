"""Shared fixtures: every test gets its own project; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from annotator.store import Project  # noqa: E402


@pytest.fixture
def project(tmp_path: Path):
    """A fresh project file on disk, closed after the test."""
    p = Project.open(tmp_path / "project.db")
    yield p
    p.close()
