"""The app makes no network connection. tests/netguard.py holds the guard (an audit hook on every
socket connect and name lookup, in every thread), tests/conftest.py applies it to the whole
suite; here it is proved to catch attempts, and a realistic session runs under it: the demo
project built as the CLI builds it, the window on it, an import, entity suggestions with the
bundled model, claim matching (semantic layer included) and exports from the window and from
the CLI."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from typer.testing import CliRunner

from annotator import cli
from annotator.app.exporting import ExportOptions
from annotator.cli.projects import demo_project
from annotator.core.model import Layer
from annotator.store import Project
from annotator.ui.task_actions import start_export
from tests.conftest import show_window
from tests.netguard import NetworkUsed, take_network_attempts


def test_the_guard_stops_lookups_and_connections_also_in_threads() -> None:
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80), timeout=0.5)  # TEST-NET-1: never routed
    outcome: list[BaseException] = []

    def worker() -> None:
        try:
            socket.gethostbyname("example.org")
        except BaseException as exc:  # noqa: BLE001 - a worker that swallows every error
            outcome.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert isinstance(outcome[0], NetworkUsed)
    # The attempt is recorded even where it was swallowed: the test would fail at its end.
    assert take_network_attempts() == ["socket.getaddrinfo 'example.org'",
                                       "socket.getaddrinfo '192.0.2.1'",
                                       "socket.gethostbyname 'example.org'"]


def test_local_sockets_pass_the_guard() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server, \
            socket.create_connection(server.getsockname(), timeout=2):
        pass
    left, right = socket.socketpair()
    left.close()
    right.close()


def test_a_realistic_session_makes_no_connection(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    demo = demo_project(fresh=True)  # sample corpus imported, bundled model suggests
    project = Project.open(demo)
    window = show_window(qtbot, project)
    try:
        assert window.model.total() == 11 and project.suggestions(window.current_article)
        # An import from the window: read in a worker, then suggestions from the model.
        new = tmp_path / "neu.txt"
        new.write_text("Neue Brücke\n\nHamburg (dpa) – Die Brücke kostet 40 Millionen Euro, "
                       "sagte Anna Berger am Mittwoch in Hamburg.\n", encoding="utf-8")
        window.start_import([new])
        qtbot.waitUntil(lambda: not window.runner.is_busy() and window.model.total() == 12,
                        timeout=120_000)
        assert project.suggestions(12)
        # Suggest again for the open article (Ctrl+Shift+E).
        qtbot.keyClick(window, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=120_000)
        # A claim, then the same point in other articles (G): the matching worker, semantic too.
        qtbot.keyClick(window.view.text, Qt.Key.Key_C)
        assert project.annotations(window.current_article, Layer.CLAIM)
        candidates = window.side.claim_panel.candidates
        qtbot.keyClick(window.view.text, Qt.Key.Key_G)
        qtbot.waitUntil(lambda: bool(candidates.rows), timeout=120_000)
        # Exports: from the window (in a worker) and from the command line.
        task = start_export(window, window.runner, demo,
                            ExportOptions("jsonl", tmp_path / "out-window",
                                          include_unreviewed=True))
        with qtbot.waitSignal(task.ended, timeout=120_000):
            pass
        assert task.error is None and list((tmp_path / "out-window").iterdir())
    finally:
        window.close()
        project.close()
    for fmt in ("spacy", "claims"):
        result = CliRunner().invoke(cli.app, ["export", str(demo), "--format", fmt,
                                              "--output", str(tmp_path / f"out-{fmt}"),
                                              "--include-unreviewed"])
        assert result.exit_code == 0, result.output
