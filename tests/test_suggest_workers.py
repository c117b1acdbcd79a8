"""Suggestions on every core: worker processes give what one process gives, in input order;
a cancel ends them at once, and so does the end of the process that started them; a model
that will not load there, or a worker that dies, is reported and the import goes on; and
they start from the window's task thread."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.app.importing import run_import
from annotator.app.jobs import ImportJobReport, import_job
from annotator.app.tasks import TaskRunner, project_task
from annotator.core.model import Layer
from annotator.core.names import CLAIMS_MODEL_SETTING
from annotator.nlp import suggester as suggester_module
from annotator.nlp.resolve import bundled_model_path
from annotator.nlp.suggester import ENTITIES, Pipeline, Suggester
from annotator.store import Project

TEXTS = [
    "😀🇩🇪 Bundeskanzlerin Anna Berger 👍🏽 reiste am Montag nach Dresden und traf dort 𝔘 "
    "Jürgen Maaß vom Landtag.",
    "Die Europäische Kommission 🇪🇺 prüft das Elbtal-Abkommen; in Prag 🏰 sagte Ondřej "
    "Kratochvíl, man sei „zuversichtlich“.",
    "𝕳𝖆𝖒𝖇𝖚𝖗𝖌 – Der Naturschutzbund kritisierte die Pläne für die Staustufe bei Riesa. 🐟 "
    "Katharina Seidel forderte Nachbesserungen.",
    "Im Bundesumweltministerium in Berlin 🌧️ hieß es, die Wasserrahmenrichtlinie gelte auch "
    "für Sachsen und Tschechien.",
    "Die BASF AG 🧪 baut in Ludwigshafen ab; Betriebsratschefin Hanna Öztürk 👩🏾‍🔧 spricht von "
    "„einem schwarzen Tag“.",
    "Peter Groß 🚣 paddelte von Pirna nach Magdeburg, 𝟒𝟐𝟎 Kilometer auf der Elbe.",
    "In Brüssel 🇧🇪 trafen sich Zofia Wiśniewska und Lukas Lindholm zum Elbe-Tag.",
    "Das Wasserstraßen- und Schifffahrtsamt in Hamburg 🚢 meldete Niedrigwasser.",
]


def small_batches(suggester: Suggester, batch: int = 2, pool_from: int = 4) -> Suggester:
    """Workers for a handful of texts (they normally start from 128)."""
    suggester.batch_size, suggester.pool_from = batch, pool_from
    return suggester


def bundled(workers: int) -> Suggester:
    return small_batches(Suggester(Pipeline(ENTITIES, str(bundled_model_path())),
                                   workers=workers))


def no_children_left() -> bool:
    return not multiprocessing.active_children()


def test_workers_find_what_one_process_finds_in_input_order() -> None:
    keys = [f"a{n}" for n in range(len(TEXTS))]
    items = list(zip(keys, TEXTS, strict=True))
    alone = [found for batch in bundled(1).batches(items) for found in batch]
    pooled = bundled(2)
    spread = [found for batch in pooled.batches(items) for found in batch]
    assert [key for key, _ in spread] == [key for key, _ in alone] == keys
    for (key, mine), (_, theirs) in zip(spread, alone, strict=True):
        assert [(s.start, s.end, s.label) for s in mine] == [
            (s.start, s.end, s.label) for s in theirs], key
        assert [s.score for s in mine] == pytest.approx([s.score for s in theirs], abs=2e-4)
    named = {(TEXTS[keys.index(key)][s.start:s.end], s.label) for key, spans in spread
             for s in spans}
    assert {("Dresden", "LOC"), ("Prag", "LOC"), ("Katharina Seidel", "PER")} <= named
    assert pooled.info is not None and pooled.info.name == "de_annotator_ner"
    assert no_children_left()


def test_cancel_ends_busy_workers_at_once() -> None:
    long_texts = [" ".join([TEXTS[n % len(TEXTS)]] * 60) for n in range(16)]
    pooled = bundled(2)
    seen: list[multiprocessing.Process] = []
    batches = pooled.batches(enumerate(long_texts), cancelled=lambda: bool(seen))
    first = next(batches)
    seen += multiprocessing.active_children()
    assert list(batches) == []  # cancelled: nothing more comes
    assert [key for key, _ in first] == [0, 1]
    assert len(seen) == 2 and no_children_left()
    assert any(process.exitcode == -signal.SIGTERM for process in seen)  # not waited out


def test_a_worker_that_dies_is_reported_and_the_import_goes_on(
        project: Project, tmp_path: Path, tiny_model: Path, monkeypatch, deadline) -> None:
    monkeypatch.setattr(suggester_module, "POOL_FROM", 4)
    monkeypatch.setattr(suggester_module, "BATCH", 2)
    jsonl = write_jsonl(tmp_path / "many.jsonl", 40)
    killed: list[int] = []

    def progress(done: int, total: int, message: str) -> None:
        if message.startswith("article") and not killed:
            child = multiprocessing.active_children()[0]
            os.kill(child.pid, signal.SIGKILL)
            killed.append(child.pid)

    report = run_import(project, [jsonl], model=str(tiny_model), progress=progress, workers=2)
    assert killed and len(report.imported) == 40 and not report.failed
    assert report.model_error and "stopped unexpectedly" in report.model_error
    entities = {i: [s for s in project.suggestions(i) if s.layer is Layer.ENTITY]
                for i in report.imported}
    stored = [i for i in report.imported if entities[i]]
    assert 1 <= len(stored) < 40  # those stored before the crash stay, each whole
    assert all(len(entities[i]) == 2 for i in stored)
    assert no_children_left()


def test_a_model_that_only_loads_here_is_reported_and_the_import_goes_on(
        project: Project, tmp_path: Path, monkeypatch, deadline) -> None:
    import spacy
    from spacy.language import Language

    @Language.component("annotator_test_only_here")
    def only_here(doc):  # registered in this process only, never in a worker
        return doc

    nlp = spacy.blank("de")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "LOC",
                                                            "pattern": "Dresden"}])
    nlp.add_pipe("annotator_test_only_here")
    nlp.to_disk(tmp_path / "only_here")
    monkeypatch.setattr(suggester_module, "POOL_FROM", 4)
    monkeypatch.setattr(suggester_module, "BATCH", 2)
    report = run_import(project, [write_jsonl(tmp_path / "many.jsonl", 12)],
                        model=str(tmp_path / "only_here"), workers=2)
    assert len(report.imported) == 12 and not report.failed
    assert report.model is None and report.suggested == 0
    assert report.model_error and "cannot be used" in report.model_error
    assert "annotator_test_only_here" in report.model_error
    assert no_children_left()


def test_import_task_runs_workers_from_the_task_thread(
        qtbot: QtBot, runner: TaskRunner, project: Project, tmp_path: Path,
        tiny_model: Path, monkeypatch) -> None:
    monkeypatch.setattr(suggester_module, "POOL_FROM", 4)
    monkeypatch.setattr(suggester_module, "BATCH", 2)
    jsonl = write_jsonl(tmp_path / "many.jsonl", 20)
    task = project_task(project.path, import_job([jsonl], str(tiny_model), workers=2),
                        "Import")
    progress: list[tuple[int, int]] = []
    task.progressed.connect(lambda done, total, message: progress.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=60_000) as finished:
        runner.start(task)
    report = finished.args[0]
    assert isinstance(report, ImportJobReport) and not report.problems()
    assert len(report.imported) == 20 and report.suggested == 40
    assert report.model is not None and report.model.name == "de_tiny_ruler"
    assert progress[-1] == (20, 20) and all(total == 20 for _, total in progress[1:])
    assert {s.label for i in report.imported for s in project.suggestions(i)
            if s.layer is Layer.ENTITY} == {"PER", "LOC"}
    assert no_children_left()


def test_claims_come_from_workers_as_from_one_process(
        project: Project, tmp_path: Path, tiny_model: Path, claims_model: Path,
        monkeypatch) -> None:
    monkeypatch.setattr(suggester_module, "POOL_FROM", 4)
    monkeypatch.setattr(suggester_module, "BATCH", 2)
    jsonl = write_jsonl(tmp_path / "many.jsonl", 10)
    found = []
    for workers, target in ((2, project), (1, Project.open(tmp_path / "alone.db"))):
        target.set_setting(CLAIMS_MODEL_SETTING, str(claims_model))
        report = run_import(target, [jsonl], model=str(tiny_model), workers=workers)
        assert not report.failed and not report.model_error and not report.claims_error
        assert report.claims_model is not None and report.claims_suggested > 0
        found.append([[(s.start, s.end, s.label, s.score) for s in target.suggestions(i)
                       if s.layer is Layer.CLAIM] for i in report.imported])
    target.close()
    spread, alone = found
    assert [[c[:3] for c in claims] for claims in spread] == [
        [c[:3] for c in claims] for claims in alone]
    assert [c[3] for claims in spread for c in claims] == pytest.approx(
        [c[3] for claims in alone for c in claims], abs=2e-4)
    assert no_children_left()


ORPHAN = """
import multiprocessing, sys
from annotator.nlp.suggester import ENTITIES, Pipeline, Suggester
if __name__ == "__main__":
    suggester = Suggester(Pipeline(ENTITIES, sys.argv[1]), workers=2)
    suggester.batch_size, suggester.pool_from = 1, 2
    batches = suggester.batches((n, "Anna Berger in Dresden.") for n in range(50))
    next(batches)
    print(*[p.pid for p in multiprocessing.active_children() if "Spawn" in p.name], flush=True)
    sys.stdin.read()  # until killed
"""


def test_workers_end_with_a_killed_parent(tmp_path: Path, tiny_model: Path) -> None:
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN, encoding="utf-8")
    with subprocess.Popen([sys.executable, str(script), str(tiny_model)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
                          ) as parent:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2
        parent.kill()
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)  # ok: other processes' ends give this process no signal to await
    assert not any(alive(pid) for pid in workers)


def alive(pid: int) -> bool:
    """Whether a process runs (not a zombie waiting for its parent to read its end)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def write_jsonl(path: Path, n: int) -> Path:
    """n different short articles, each naming Anna Berger and Dresden."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = f"Meldung {i} 🗞️\n\nAnna Berger sprach am Montag in Dresden über Punkt {i}."
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return path


def test_the_default_workers_are_one_per_core_as_far_as_free_memory_holds(monkeypatch) -> None:
    suggester = suggester_module

    monkeypatch.setattr(suggester, "cores", lambda: 8)
    monkeypatch.setattr(suggester, "available_mb", lambda: 64_000)
    assert Suggester(Pipeline(ENTITIES, None)).workers == 8
    monkeypatch.setattr(suggester, "available_mb", lambda: 3 * suggester.WORKER_MB + 10)
    assert Suggester(Pipeline(ENTITIES, None)).workers == 3
    monkeypatch.setattr(suggester, "available_mb", lambda: 100)  # never none at all
    assert Suggester(Pipeline(ENTITIES, None)).workers == 1
    monkeypatch.setattr(suggester, "available_mb", lambda: None)  # unknown: one per core
    assert Suggester(Pipeline(ENTITIES, None)).workers == 8
    assert Suggester(Pipeline(ENTITIES, None), workers=5).workers == 5  # asked for: as asked


@pytest.mark.skipif(not Path("/proc/meminfo").exists(), reason="Linux's /proc/meminfo")
def test_free_memory_is_read_from_the_system() -> None:
    from annotator.nlp.suggester import available_mb

    total_mb = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    free = available_mb()
    assert free is not None and 0 < free <= total_mb
