"""Zones found after an import (app/zone_pass.py, store/zones_pending.py, migration 011): an
import without suggestions stores its articles with their zones pending; the pass finds them
later and stores what finding them in the import stored; an article still pending gets its
zones at once when it is opened, exported, suggested or split for matching, and the window
finds the rest in the background."""

from __future__ import annotations

import concurrent.futures
import json
import shutil
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from annotator.app import import_batches
from annotator.app.article_state import ArticleState
from annotator.app.exporting import ExportOptions, export_project
from annotator.app.import_batches import prepare
from annotator.app.importing import import_files, run_import
from annotator.app.zone_pass import ensure_zones, find_zones, zones_pending
from annotator.app.zones import zones_of
from annotator.core.model import Layer
from annotator.store import Project
from annotator.store.zones_pending import Found, pending_drafts, pending_ids, store_found
from tests.import_corpus import DATA, dump, plain_report, write_corpus

FIXTURES = Path(__file__).parent / "data" / "schemas"
GOLDEN = DATA / "import_golden.json"

TEXTS = [
    "Dresden (dpa) - Der Landtag hat am Mittwoch über den Hochwasserschutz an der Elbe beraten. "
    "Die Sprecherin sagte, das Maßnahmenpaket komme.\n\nMehr zum Thema\n\nFoto: Anna Berger",
    "Neuer Vertrag für die Schifffahrt\n\nPrag (AFP) - Tschechien und Sachsen einigten sich am "
    "Donnerstag. Der Vertrag gilt ab Mai.\n\nAnzeige",
    "Pirna\n\nDie Staustufe bleibt umstritten. Umweltverbände kritisierten die Pläne scharf.",
]


def _write(path: Path, texts: list[str] = TEXTS) -> Path:
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n"
                            for t in texts), encoding="utf-8")
    return path


def _stored_later(project: Project, path: Path) -> list[int]:
    """Import as the command line does: the zones left pending."""
    report = run_import(project, [path], suggest=False)
    assert report.zones_pending == len(report.imported)
    return report.imported


def _content(project: Project) -> dict:
    """What the import stored, without ids and times (the pass writes later)."""
    db = project.db
    return {
        "articles": db.execute("SELECT id, title, outlet, author, url, published, meta "
                               "FROM articles ORDER BY id").fetchall(),
        "zones": db.execute('SELECT s.article_id, m.name, s.label, s.start, s."end", s.score '
                            "FROM suggestions s JOIN models m ON m.id = s.model_id "
                            "ORDER BY 1, 4, 5, 3").fetchall(),
        "sentences": db.execute('SELECT article_id, start, "end" FROM sentences '
                                "ORDER BY 1, 2").fetchall(),
        "search": db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Elbe OR "
                             "Vertrag OR Staustufe' ORDER BY rowid").fetchall(),
    }


def _normalised(dumped: dict) -> dict:
    """An import's dump with the suggestions', models' and sentences' ids replaced by what
    they stand for (a pass after the import hands them out later)."""
    out = json.loads(json.dumps(dumped, ensure_ascii=False))
    models = {row[0]: tuple(row[1:]) for row in out.pop("models")}
    keys = {row[0]: [row[1], models[row[2]], *row[3:8]] for row in out["suggestions"]}
    out["suggestions"] = sorted(keys.values(), key=repr)
    out["models"] = sorted(models.values())
    out["suggestion_decisions"] = sorted(([keys[r[0]], *r[1:]] for r in
                                          out["suggestion_decisions"]), key=repr)
    out["annotations"] = [[*r[:7], keys.get(r[7]), *r[8:]] for r in out["annotations"]]
    out["sentences"] = sorted(r[1:] for r in out["sentences"])
    out.pop("sqlite_sequence")
    return out


def test_the_mixed_corpus_with_zones_found_after_the_import_is_the_golden_one(
        tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    paths = write_corpus(folder)
    with Project.open(tmp_path / "p.db") as project:
        report = run_import(project, paths, suggest=False)
        assert zones_pending(project) and report.zones_pending
        assert find_zones(project) == report.zones_pending
        assert not zones_pending(project)
        got = json.loads(json.dumps({"report": plain_report(report, folder),
                                     "dump": dump(project, folder)}, ensure_ascii=False))
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got["report"] == want["report"]
    assert _normalised(got["dump"]) == _normalised(want["dump"])
    assert got["dump"]["suggestions"] != []


def test_the_pass_stores_what_the_import_would_have(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "now.db") as now, Project.open(tmp_path / "later.db") as later:
        import_files(now, [path])  # zones found in the import's own batches
        ids = _stored_later(later, path)
        assert later.article(2).outlet is None
        assert pending_ids(later.db) == ids == [1, 2, 3]
        assert _content(later)["zones"] == [] and _content(later)["sentences"] == []
        assert later.unsplit_articles() == []  # the matching index waits for the zones
        assert find_zones(later, batch=2) == 3
        assert not zones_pending(later)
        assert _content(later) == _content(now)
        assert _content(now)["zones"] and _content(now)["sentences"]
        assert find_zones(later) == 0  # nothing left: nothing written twice


def test_worker_processes_find_what_this_one_does_with_progress(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_batches, "POOL_AFTER", 0)  # read by the pass when it runs
    path = _write(tmp_path / "a.jsonl", TEXTS * 2)  # the same texts twice: 3 articles
    _write(tmp_path / "b.jsonl", [f"{text}\n\nNachtrag {n}." for n, text in enumerate(TEXTS)])
    with Project.open(tmp_path / "here.db") as here, Project.open(tmp_path / "w.db") as there:
        for project in (here, there):
            _stored_later(project, path)
            _stored_later(project, tmp_path / "b.jsonl")
        assert find_zones(here, workers=0) == 6
        seen: list[tuple[int, int]] = []
        assert find_zones(there, workers=1, batch=2,
                          progress=lambda done, total, _what: seen.append((done, total))) == 6
        assert seen == [(2, 6), (4, 6), (6, 6)]
        assert _content(there) == _content(here)


def test_workers_that_die_leave_the_pass_here(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        """A pool whose workers died."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def submit(self, *args: object) -> Future:
            future: Future = Future()
            future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(import_batches, "POOL_AFTER", 0)  # read by the pass when it runs
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Broken)  # the pass's pool
    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "here.db") as here, Project.open(tmp_path / "p.db") as project:
        for each in (here, project):
            _stored_later(each, path)
        find_zones(here, workers=0)
        assert find_zones(project, workers=1, batch=1) == 3
        assert _content(project) == _content(here) and not zones_pending(project)


def test_a_cancelled_pass_leaves_whole_batches_and_the_rest_pending(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "p.db") as project:
        _stored_later(project, path)
        batches = iter([False, True])
        assert find_zones(project, batch=2, cancelled=lambda: next(batches)) == 2
        assert pending_ids(project.db) == [3]
        assert project.suggestions(1) and not project.suggestions(3)


def test_opening_a_pending_article_finds_its_zones_at_once_and_only_its(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "p.db") as project:
        _stored_later(project, path)
        state = ArticleState.load(project, 2)
        assert [s.label for s in state.suggestions if s.layer is Layer.STRUCTURE]
        assert state.article.outlet == "AFP"  # from its dateline, found by the zones
        assert pending_ids(project.db) == [1, 3]
        ensure_zones(project, [2])  # found already: nothing more
        assert pending_ids(project.db) == [1, 3]


def test_an_article_found_by_another_connection_first_is_left_as_it_is(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "p.db") as project:
        _stored_later(project, path)
        drafts = pending_drafts(project.db, [1, 2])
        ready = [(aid, prepare(draft, project)) for aid, draft in drafts]
        found = [Found(aid, p.changes, p.zones, p.sentences) for aid, p in ready]
        ensure_zones(project, [1])  # the window, while the background pass worked
        before = _content(project)
        assert store_found(project.db, found) == 1  # article 2 only
        after = _content(project)
        assert [z for z in after["zones"] if z[0] == 1] == [z for z in before["zones"]
                                                            if z[0] == 1]
        assert pending_ids(project.db) == [3]


def test_an_export_of_a_read_only_project_finds_the_pending_zones_first(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "now.db") as now:
        import_files(now, [path])
        export_project(now, ExportOptions("jsonl", tmp_path / "now-out"))
    with Project.open(tmp_path / "p.db") as project:
        _stored_later(project, path)
    with Project.open(tmp_path / "p.db", create=False, read_only=True) as project:
        export_project(project, ExportOptions("jsonl", tmp_path / "out"))
        assert not zones_pending(project)

    def lines(folder: Path) -> list[dict]:
        [file] = sorted(folder.rglob("*.jsonl"))
        return [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]

    assert lines(tmp_path / "out") == lines(tmp_path / "now-out")


def test_the_zones_command_finds_pending_zones_first_also_to_rerun_them(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from annotator.cli import app

    def zones(db: Path, *args: str) -> list[dict]:
        result = CliRunner().invoke(app, ["zones", str(db), "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["articles"]

    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "now.db") as now:
        import_files(now, [path])
    with Project.open(tmp_path / "p.db") as project:
        _stored_later(project, path)
    assert zones(tmp_path / "p.db", "--article", "1") == zones(tmp_path / "now.db", "--article",
                                                              "1")  # opened read-only
    with Project.open(tmp_path / "p.db", create=False) as project:
        assert pending_ids(project.db) == [2, 3]
    rerun = zones(tmp_path / "now.db", "--rerun")
    assert rerun[1]["zones"] and zones(tmp_path / "p.db", "--rerun") == rerun
    with Project.open(tmp_path / "p.db", create=False) as project:
        assert not zones_pending(project)


def test_suggesting_finds_the_pending_zones_of_its_articles_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.app import suggesting

    seen: list[bool] = []

    class Stop(Exception):
        pass

    class Stage:
        def __init__(self, _suggester: object) -> None:
            seen.append(bool(pending_ids(project.db, [1, 2])))
            raise Stop

    monkeypatch.setattr(suggesting, "Stage", Stage)
    path = _write(tmp_path / "a.jsonl")
    with Project.open(tmp_path / "p.db") as project:
        _stored_later(project, path)
        with pytest.raises(Stop):
            suggesting.suggest_entities_for(project, [1, 2], object())  # type: ignore[arg-type]
        assert seen == [False] and pending_ids(project.db) == [3]


def test_migration_011_adds_an_empty_pending_table_to_a_v10_project(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    shutil.copyfile(FIXTURES / "v10.db", path)
    with Project.open(path) as project:
        assert project.upgrade is not None and project.upgrade.from_version == 10
        assert project.count_articles() == 2
        assert not zones_pending(project)
        assert project.unsplit_articles() == []  # the fixture's sentences stay
        assert [a.title for a in project.list_articles(limit=10)]
        _write(tmp_path / "a.jsonl", TEXTS[:1])
        [new] = _stored_later(project, tmp_path / "a.jsonl")
        assert pending_ids(project.db) == [new]
        assert find_zones(project) == 1 and zones_of(project, new)
