"""The window on a project whose import left zones to find: the background catch-up finds them
(its own connection, a batch per transaction, shown as a task) before it splits sentences; an
article opened meanwhile gets its zones at once; then the worker idles."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.app import zone_pass
from annotator.app.importing import run_import
from annotator.app.zones import zones_of
from annotator.core.model import Layer
from annotator.store import Project
from annotator.store.zones_pending import pending_ids
from annotator.ui import matching_worker
from annotator.ui.main_window import MainWindow

TEXT = ("Riesa (dpa) - Der Stadtrat beschloss am Dienstag den Bau einer neuen Fähre über die "
        "Elbe. Die Bürger hatten das lange gefordert.\n\nMehr zum Thema\n\nFoto: Jürgen Maaß")


def test_the_window_finds_pending_zones_in_the_background_and_at_once_when_opened(
        qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"text": f"Meldung {n}\n\n{TEXT}"},
                                         ensure_ascii=False) + "\n" for n in range(6)),
                      encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        run_import(project, [source], suggest=False)
        assert pending_ids(project.db) == [1, 2, 3, 4, 5, 6]

    hold, drafts, titles = threading.Event(), zone_pass._drafts, []

    def held(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            assert hold.wait(30), "never released"
        return drafts(*args, **kwargs)

    monkeypatch.setattr(zone_pass, "_drafts", held)
    monkeypatch.setattr(zone_pass, "PASS_BATCH", 2)
    monkeypatch.setattr(matching_worker, "START_AFTER_MS", 0)
    project = Project.open(tmp_path / "p.db", create=False)
    window = MainWindow(project, "maria")
    qtbot.addWidget(window)
    runner = window.matching.runner
    runner.submitted.connect(lambda task: titles.append(task.title))
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000):
        window.show()
    window.open_first()
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)  # article 2, while the worker is held
    assert window.workbench.state.article.id == 2
    assert [s.label for s in window.workbench.state.suggestions
            if s.layer is Layer.STRUCTURE]  # its zones, found at once
    assert pending_ids(project.db) == [3, 4, 5, 6] and runner.is_busy()
    with qtbot.waitSignal(runner.busy_changed, timeout=60_000,
                          check_params_cb=lambda busy: not busy):
        hold.set()
    assert pending_ids(project.db) == [] and runner.tasks() == []
    assert all(zones_of(project, n) for n in range(1, 7)) and project.unsplit_articles() == []
    assert titles[0] == "Finding zones after an import"
    window.close()
    project.close()
