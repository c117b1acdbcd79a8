"""`annotator import --no-suggest` leaves the zones to be found (app/zone_pass.py): it says so,
and whatever reads the project right after it (an export, `meta`, `zones --pending`, a merge,
the sentence index for matching) gets the articles with their zones, as an import that found
them on the way stored them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.app.importing import import_files
from annotator.app.matching import ensure_sentences
from annotator.cli import app
from annotator.store import Project
from annotator.store.zones_pending import pending_ids

PAGES = {
    "a.txt": "Ministerin unterzeichnet Abkommen\n\nDresden (dpa) – Bundesumweltministerin Anna "
             "Berger hat am Mittwoch in Dresden das Abkommen unterzeichnet. Es gilt ab Mai.\n\n"
             "Foto: Jürgen Maaß\n",
    "b.txt": "Zweiter Artikel\n\nPrag (AFP) – Der Vertrag gilt 40 Jahre. Sachsen stimmte zu.\n\n"
             "Mehr zum Thema\n",
}


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def _found_on_the_way(tmp_path: Path, pages: list[Path]) -> Path:
    """The same pages imported with their zones found in the import's own batches."""
    db = tmp_path / "now.db"
    with Project.open(db) as project:
        import_files(project, pages)
    return db


def _export(db: Path, out: Path, fmt: str = "jsonl") -> list[dict]:
    invoke("export", str(db), "-f", fmt, "-o", str(out), "--include-unreviewed")
    if fmt != "jsonl":
        return []
    [file] = sorted(out.rglob("*.jsonl"))
    return [{k: v for k, v in json.loads(line).items() if k != "meta"} | {
        "meta": {k: v for k, v in json.loads(line)["meta"].items() if k != "source_path"}}
        for line in file.read_text(encoding="utf-8").splitlines()]


def test_the_import_says_whose_zones_are_left_and_how_to_find_them(
        tmp_path: Path, pages: list[Path]) -> None:
    db = tmp_path / "p.db"
    out = invoke("import", str(db), *map(str, pages), "--no-suggest")
    assert out.splitlines() == [
        "2 imported, 0 skipped (already in the project), 0 failed",
        "zones of 2 articles: found when they are opened or exported, by the window in the "
        f"background, or now by `annotator zones {db} --pending`"]
    with Project.open(db, create=False) as project:
        assert pending_ids(project.db) == [1, 2]
    assert json.loads(invoke("stats", str(db), "--json"))["zones_pending"] == 2
    assert f"  zones of 2 articles still to be found (annotator zones {db} --pending)" in \
        invoke("stats", str(db)).splitlines()
    assert invoke("zones", str(db), "--pending") == "zones found for 2 articles\n"
    assert json.loads(invoke("stats", str(db), "--json"))["zones_pending"] == 0
    assert "still to be found" not in invoke("stats", str(db))
    assert invoke("zones", str(db), "--pending") == "zones found for 0 articles\n"
    assert invoke("zones", str(db), "--json") == invoke(
        "zones", str(_found_on_the_way(tmp_path, pages)), "--json")


def test_an_export_right_after_the_import_has_every_zone_and_what_they_give(
        tmp_path: Path, pages: list[Path]) -> None:
    db = tmp_path / "p.db"
    invoke("import", str(db), *map(str, pages), "--no-suggest")
    got = _export(db, tmp_path / "out")
    want = _export(_found_on_the_way(tmp_path, pages), tmp_path / "want")
    assert got == want
    zones = {s["label"] for line in got for s in line["suggestions"]
             if s["layer"] == "structure"}
    assert {"HEADLINE", "DATELINE", "CREDIT"} <= zones
    assert [line["meta"]["outlet"] for line in got] == ["dpa", "AFP"]


def test_a_docbin_export_right_after_the_import_is_the_same(
        tmp_path: Path, pages: list[Path]) -> None:
    db = tmp_path / "p.db"
    invoke("import", str(db), *map(str, pages), "--no-suggest")
    _export(db, tmp_path / "out", "spacy")
    _export(_found_on_the_way(tmp_path, pages), tmp_path / "want", "spacy")

    def shards(folder: Path) -> list[bytes]:
        return [path.read_bytes() for path in sorted(folder.rglob("*.spacy"))]

    assert shards(tmp_path / "out") and shards(tmp_path / "out") == shards(tmp_path / "want")


def test_meta_right_after_the_import_shows_what_the_zones_give(
        tmp_path: Path, pages: list[Path]) -> None:
    db = tmp_path / "p.db"
    invoke("import", str(db), *map(str, pages), "--no-suggest")
    assert json.loads(invoke("meta", str(db), "2", "--json"))["outlet"] == "AFP"
    with Project.open(db, create=False) as project:
        assert pending_ids(project.db) == [1]  # that article's alone


def test_a_merge_brings_the_pending_articles_still_pending(
        tmp_path: Path, pages: list[Path]) -> None:
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    invoke("import", str(source), *map(str, pages), "--no-suggest")
    invoke("import", str(target), str(pages[1]), "--no-suggest")
    invoke("zones", str(target), "--pending")
    invoke("merge", str(target), str(source))
    with Project.open(target, create=False) as project:
        assert pending_ids(project.db) == [2]  # a.txt, new there; b.txt found already
    assert invoke("zones", str(target), "--pending") == "zones found for 1 articles\n"
    assert invoke("zones", str(target), "--article", "2", "--json") == invoke(
        "zones", str(_found_on_the_way(tmp_path, pages)), "--article", "1", "--json"
    ).replace('"id": 1', '"id": 2')


def test_the_sentence_index_for_matching_waits_for_the_zones_then_follows_them(
        tmp_path: Path, pages: list[Path]) -> None:
    db = tmp_path / "p.db"
    invoke("import", str(db), *map(str, pages), "--no-suggest")
    with Project.open(_found_on_the_way(tmp_path, pages), create=False) as now:
        want = [(s.start, s.end) for s in now.matching.sentences(article_id=1)]
    with Project.open(db, create=False) as project:
        assert project.matching.sentences(article_id=1) == []
        ensure_sentences(project)
        assert pending_ids(project.db) == []
        assert [(s.start, s.end) for s in project.matching.sentences(article_id=1)] == want
    assert want and all(PAGES["a.txt"][s:e] != "Foto: Jürgen Maaß" for s, e in want)
