"""The command line: import, stats, demo; exit codes 0 / 1 / 2 and the --json shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app

runner = CliRunner()

ARTICLE = """Ministerin unterzeichnet Abkommen in Dresden

23. Oktober 2024

Dresden (dpa) – Bundesumweltministerin Anna Berger hat am Mittwoch in Dresden das
Elbtal-Abkommen mit Tschechien unterzeichnet. „Das ist ein Durchbruch“, sagte Berger.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text("Zweiter Artikel\n\nPrag (AFP) – Der Vertrag gilt 40 Jahre.\n",
                                  encoding="utf-8")
    return folder


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_import_then_stats_json(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "p.db"
    result = invoke("import", str(db), str(corpus))
    assert result.exit_code == 0, result.output
    assert "2 imported, 0 skipped" in result.output
    stats = json.loads(invoke("stats", str(db), "--json").output)
    assert stats["articles"] == 2
    assert stats["suggestions"].get("LOC", 0) >= 1  # Dresden, Prag, Tschechien
    assert stats["suggestions"].get("PER", 0) >= 1  # Anna Berger
    assert stats["annotations"] == {}
    assert set(stats) >= {"articles", "suggestions", "annotations", "status", "annotators"}


def test_import_again_skips_duplicates(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "p.db"
    invoke("import", str(db), str(corpus), "--no-suggest")
    result = invoke("import", str(db), str(corpus / "a.txt"), "--no-suggest")
    assert result.exit_code == 0
    assert "0 imported, 1 skipped" in result.output
    assert "same text as article 1" in result.output


def test_a_bad_file_fails_alone_with_exit_code_1(tmp_path: Path, corpus: Path) -> None:
    (corpus / "broken.jsonl").write_text('{"text": "Gut."}\n{"text": \n', encoding="utf-8")
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    result = invoke("import", str(tmp_path / "p.db"), str(corpus), "--no-suggest")
    assert result.exit_code == 1
    assert "broken.jsonl:2" in result.output
    assert "empty.txt" in result.output
    assert "3 imported" in result.output  # a.txt, b.txt and the good JSONL line


def test_usage_errors_exit_2(tmp_path: Path, corpus: Path) -> None:
    assert invoke("stats", str(tmp_path / "missing.db")).exit_code == 2
    assert invoke("import").exit_code == 2
    not_german = tmp_path / "en_model"
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    nlp.initialize()
    nlp.to_disk(not_german)
    result = invoke("import", str(tmp_path / "p.db"), str(corpus), "--model", str(not_german))
    assert result.exit_code == 2
    assert "en_model" in result.output


def test_stats_text_names_layers(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "p.db"
    invoke("import", str(db), str(corpus), "--no-suggest")
    out = invoke("stats", str(db)).output
    assert "2 articles (2 new, 0 in progress, 0 done)" in out


def test_demo_builds_the_sample_project(tmp_path: Path) -> None:
    env = {"ANNOTATOR_DATA_DIR": str(tmp_path)}
    result = runner.invoke(app, ["demo", "--no-gui"], env=env)
    assert result.exit_code == 0, result.output
    db = Path(result.output.strip().splitlines()[-1])
    assert db == tmp_path / "demo.db" and db.exists()
    stats = json.loads(invoke("stats", str(db), "--json").output)
    assert stats["articles"] >= 10
    assert sum(stats["suggestions"].values()) > 50
    assert not list(tmp_path.glob("*.building.db*"))


def test_console_script_help_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "annotator", "--help"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0
    for command in ("open", "import", "stats", "demo"):
        assert command in out.stdout


def test_start_up_does_not_import_spacy() -> None:
    code = ("import sys, annotator.cli, annotator.ui.application, annotator.app.importing; "
            "print('spacy' in sys.modules, 'thinc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_the_sample_folder_imports_without_failures(tmp_path: Path) -> None:
    from annotator.app.samples import sample_corpus_dir

    result = invoke("import", str(tmp_path / "p.db"), str(sample_corpus_dir()), "--no-suggest")
    assert result.exit_code == 0, result.output
    assert "11 imported, 0 skipped (already in the project), 0 failed" in result.output
