"""What the window's start loads and keeps: a fresh interpreter starts the window as ``annotator
open`` does, up to the first article painted. The modules of the writers, dialogs, secondary
windows, exporters and matching load when first used, not on the way to the first paint; the
objects the start made are frozen, out of the collections that follow it; PySide6's import hook
keeps no source lines (ui/import_hook.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from annotator.core.model import ArticleDraft, Layer, Span
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[1]
LATER = (
    "annotator.store.batches", "annotator.core.hashing",  # writers: on the first import
    "annotator.io", "annotator.app.import_labels", "annotator.app.importing",
    "annotator.app.exporting", "annotator.app.matching", "annotator.app.suggesting",
    "annotator.app.disputes", "annotator.nlp.lexical", "annotator.nlp.attribution",
    "annotator.ui.label_layers_dialog", "annotator.ui.meta_form", "annotator.ui.export_dialog",
    "annotator.ui.sources_dialog", "annotator.ui.task_actions", "annotator.ui.adjudication_window",
    "annotator.ui.agreement_window", "annotator.ui.review_queue_window",
    "importlib.resources", "sqlite_utils", "spacy", "numpy",
    "concurrent.futures", "multiprocessing",  # the zone pass's worker processes
    "subprocess", "getpass",  # compiling translations, the login name without a name kept
    "html", "hashlib",  # ui/plain.py escapes, Qt hashes the last article's key
    "annotator.ui.preferences_labels", "annotator.ui.preferences_appearance",  # the dialog's
    "annotator.app.label_commands", "annotator.ui.annotator_name",  # pages, the name dialog
    "annotator.core.documents",  # spans as datasets carry them: imports and exports
    "annotator.store.matching_store",  # the project's matching tables: on first use
    "annotator.ui.outside_watch", "annotator.app.outside_changes",  # after the first paint
)
START = """
import gc, json, linecache, os, sys
from annotator.store import Project
from annotator.ui import application
project = Project.open(sys.argv[1], create=False)
counted = []  # statements that count every article (a pass over an index of N entries)
project.db.conn.set_trace_callback(
    lambda sql: counted.append(sql) if " ".join(sql.split()) == "SELECT count(*) FROM articles a"
    else None)
app = application.make_app()
window = application.main_window(project, "maria")
young, frozen = gc.get_count()[0], gc.get_freeze_count()
window.show()
window.open_first()
app.processEvents()
print(json.dumps({"loaded": sorted(m for m in sys.argv[2:] if m in sys.modules),
                  "article": window.workbench.state.article.id, "young": young,
                  "frozen": frozen, "counted": len(counted),
                  "threads": len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task")
                  else None,
                  "sources": [f for f in linecache.cache if "annotator" in f]}))
"""


def test_the_window_starts_without_what_it_loads_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        # long enough for the text's scroll bar, whose groove Qt would fill on threads
        aid = project.add_article(ArticleDraft(text="Anna Berger sagte das in Dresden.\n" * 300))
        project.add_annotation(aid, Layer.ENTITY, Span(0, 11, "PER"), "maria")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("QT_NO_GUI_THREADPOOL", None)
    done = subprocess.run([sys.executable, "-c", START, str(path), *LATER], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["loaded"] == [] and found["article"] == aid
    assert found["sources"] == []  # PySide6's import hook read the files, kept no lines
    assert found["counted"] == 1  # the list's count; the status bar's total is the same one
    # the window's objects (modules, classes, widgets' wrappers) are out of later collections
    assert found["frozen"] > 20_000 and found["young"] < 1_000, found
    # painted on its own thread: Qt's painting started no pool of threads for its fills
    assert found["threads"] in (1, None), found
