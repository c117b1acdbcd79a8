"""Claim matching you can measure: eval-matching and candidates on the sample corpus, the gold
file, the figures the README states, learning from decisions, the GUI panel, the benchmark."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from typer.testing import CliRunner

from annotator.app.importing import import_files
from annotator.app.matching import matcher_for, method_in_use
from annotator.app.matching_eval import held_out, load_gold, resolve_gold, simulate_feedback
from annotator.app.matching_text import learned_line, semantic_line
from annotator.cli import app
from annotator.core.model import Layer, Span
from annotator.nlp import semantic
from annotator.store import Project

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "annotator" / "resources" / "sample"
GOLD = ROOT / "annotator" / "resources" / "gold" / "sample-matching.json"
runner = CliRunner()


def dump(path: Path) -> list[str]:
    """The project's whole content as SQL."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Iterator[Path]:
    """The sample corpus imported (no spaCy model: matching needs none), shared by the module's
    tests: read only, so that their order cannot change their results (a test that writes
    takes its own copy, `sample_copy`)."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Project.open(path) as project:
        report = import_files(project, sorted(SAMPLE.glob("*.txt")))
        assert len(report.imported) == 11 and not report.failed
    before = dump(path)
    yield path
    assert dump(path) == before, "a test wrote into the shared sample project"


@pytest.fixture
def sample_copy(sample_db: Path, tmp_path: Path) -> Path:
    """A copy of the sample project of the test's own."""
    return Path(shutil.copy(sample_db, tmp_path / "sample.db"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def invoke(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result


def readme_figures(table: str) -> dict[str, list[float]]:
    """Rows of one figures table in the README section: method → the eight numbers."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split(
        "## Claim matching you can measure")[1].split("\n## ")[0]
    block = section.split(table)[1].split("\n\n")[1]
    rows = {}
    for line in block.splitlines():
        cells = [c.replace("`", "").strip() for c in line.strip("|").split("|")]
        if cells and re.fullmatch(r"[0-9.]+", cells[-1]):
            rows[cells[0]] = [float(c) for c in cells[1:]]
    return rows


def figures(result: dict, method: str) -> list[float]:
    f = result["methods"][method]
    keys = ("mrr", "recall@1", "recall@3", "recall@5")
    return [f[k] for k in keys] + [f["contradict"][k] for k in keys]


def test_gold_file_has_points_from_the_corpus_readme(sample_db: Path) -> None:
    points = load_gold(GOLD)
    assert len(points) >= 12
    assert {p["relation"] for p in points} == {"agree", "contradict"}
    with Project.open(sample_db, create=False) as project:
        claims, problems = resolve_gold(project, points)
    assert problems == [] and len(claims) == sum(len(p["claims"]) for p in points)


def test_eval_matching_prints_the_figures_the_readme_states(sample_db: Path) -> None:
    out = invoke("eval-matching", str(sample_db), str(GOLD), "--method", "tfidf", "--method",
                 "rapidfuzz", "--method", "learned", "--json").output
    result = json.loads(out)
    assert result["queries"] == 79 and set(result["methods"]) == {"tfidf", "rapidfuzz",
                                                                  "learned"}
    stated = readme_figures("All queries")
    for method in ("tfidf", "rapidfuzz"):
        assert figures(result, method) == stated[method], method
    assert "not trained" in result["methods"]["learned"]["error"]  # a fresh project: no clicks
    assert figures(result, "tfidf")[0] > figures(result, "rapidfuzz")[0]
    text = invoke("eval-matching", str(sample_db), str(GOLD), "--method", "tfidf").output
    assert "tfidf" in text and "MRR" in text and "contradict" in text


def test_simulated_feedback_figures_match_the_readme(sample_db: Path) -> None:
    with Project.open(sample_db, create=False) as project:  # the README's figures: no vectors
        assert not matcher_for(project).semantic_ready(project)
    result = json.loads(invoke("eval-matching", str(sample_db), str(GOLD), "--method", "tfidf",
                               "--method", "learned", "--simulate-feedback", "--json").output)
    stated = readme_figures("Learned from simulated feedback")
    assert figures(result, "tfidf") == stated["tfidf"]
    assert figures(result, "learned") == stated["learned"]
    with Project.open(sample_db, create=False) as project:  # the project itself is untouched
        assert project.matching.decisions() == []


def test_semantic_figures_match_the_readme(sample_copy: Path) -> None:
    before = sha256(sample_copy)  # no vectors yet: they are computed, but not stored
    result = json.loads(invoke("eval-matching", str(sample_copy), str(GOLD), "--method",
                               "semantic", "--json").output)
    assert figures(result, "semantic") == readme_figures("All queries")["semantic"]
    assert sha256(sample_copy) == before


def test_candidates_and_eval_matching_never_write_into_the_project(sample_db: Path,
                                                                   sample_copy: Path) -> None:
    with closing(sqlite3.connect(sample_copy)) as conn, conn:  # as if imported before the
        conn.execute("DELETE FROM sentences")  # sentence index existed
    for db in (sample_db, sample_copy):
        before = sha256(db)
        out = invoke("candidates", str(db), "--article", "1", "--text", "Das Abkommen hat "
                     "eine Laufzeit von 40 Jahren.", "--method", "tfidf", "--json").output
        ranked = [{k: v for k, v in c.items() if k != "sentence_id"}  # ids of the copy's own
                  for c in json.loads(out)["candidates"]]
        assert sha256(db) == before, db
        measured = invoke("eval-matching", str(db), str(GOLD), "--method", "tfidf",
                          "--json").output
        assert sha256(db) == before, db
        if db == sample_db:
            assert len(ranked) == 5
            expected = ranked, figures(json.loads(measured), "tfidf")
        else:  # ranked on a temporary copy with the sentences computed: the same answers
            assert (ranked, figures(json.loads(measured), "tfidf")) == expected
    with Project.open(sample_copy, create=False, read_only=True) as project:
        assert len(project.matching.articles_without_sentences()) == 11


@pytest.mark.parametrize("content, problem", [
    ("not json", "not JSON"),
    ('{"points": []}', 'expected {"points": [...]}'),
    ('{"points": [{"id": "a", "relation": "maybe", "claims": []}]}', '"relation" must be'),
    ('{"points": [{"id": "a", "relation": "agree", "claims": [{"article": 1}]}]}',
     "at least two claims"),
    ('{"points": [{"id": "a", "relation": "agree", "claims": [{"article": 1}, {"text": "x"}]}]}',
     'claims[0] needs "article"'),
])
def test_a_malformed_gold_file_is_named(sample_db: Path, tmp_path: Path, content: str,
                                        problem: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = invoke("eval-matching", str(sample_db), str(bad), code=2)
    assert "bad.json" in result.output and problem in result.output


def test_missing_and_ambiguous_gold_claims_are_reported_by_name(sample_db: Path,
                                                                tmp_path: Path) -> None:
    points = json.loads(GOLD.read_text(encoding="utf-8"))
    points["points"][0]["claims"].append({"article": "02-ddp-wasserabkommen-elbe.txt",
                                          "text": "Dieser Satz steht nirgends."})
    points["points"][0]["claims"].append({"article": "03-rheinische-rundschau-elbe-vertrag.txt",
                                          "text": "Elbe"})
    points["points"][1]["claims"].append({"article": "99-gibt-es-nicht.txt", "text": "x"})
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(points, ensure_ascii=False), encoding="utf-8")
    result = invoke("eval-matching", str(sample_db), str(gold), "--method", "tfidf", code=1)
    assert "„Dieser Satz steht nirgends.“ not found in article 2" in result.output
    assert "„Elbe“ ambiguous in article 3" in result.output
    assert "99-gibt-es-nicht.txt" in result.output and "MRR" in result.output


def test_candidates_command(sample_db: Path) -> None:
    out = invoke("candidates", str(sample_db), "--article", "04-nordelbische-allgemeine-"
                 "hamburg.txt", "--text", "Beteiligt sind auf deutscher Seite 34 Gemeinden "
                 "entlang des Flusses.", "--top", "3", "--method", "tfidf", "--json").output
    result = json.loads(out)
    assert result["method"] == "tfidf" and len(result["candidates"]) == 3
    best = result["candidates"][0]
    assert {"article_id", "outlet", "start", "end", "text", "score", "parts", "shared",
            "kind"} <= set(best)
    assert best["article_id"] != result["article"] and "Gemeinden" in best["text"]
    assert best["parts"]["tfidf"] == best["score"]
    default = json.loads(invoke("candidates", str(sample_db), "--article", "1", "--text",
                                "Das Abkommen hat eine Laufzeit von 40 Jahren.", "--json").output)
    with Project.open(sample_db, create=False) as project:
        assert default["method"] == method_in_use(project)
    text = invoke("candidates", str(sample_db), "--article", "1", "--text",
                  "Das Abkommen hat eine Laufzeit von 40 Jahren.", "--method", "rapidfuzz").output
    assert text.startswith("method: rapidfuzz") and "token_set_ratio" in text


@pytest.mark.parametrize("args, message", [
    (["--article", "elbe-bote.txt", "--text", "x"], "no article was imported"),
    (["--article", "99", "--text", "x"], "article 99: no such article"),
    (["--article", "1", "--text", "steht nicht da"], "not found in article 1"),
    (["--article", "1", "--text", "Elbe"], "ambiguous"),
    (["--article", "1", "--text", "Das Abkommen hat eine Laufzeit von 40 Jahren.", "--method",
      "magic"], "unknown method 'magic'"),
])
def test_candidates_command_names_bad_input(sample_db: Path, args: list[str],
                                            message: str) -> None:
    result = invoke("candidates", str(sample_db), *args, code=2)
    assert message in result.output


def test_candidates_ambiguous_file_name(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"Titel {folder}\n\nText {folder}.",
                                                   encoding="utf-8")
    invoke("import", str(db), str(tmp_path / "a"), str(tmp_path / "b"), "--no-suggest")
    result = invoke("candidates", str(db), "--article", "same.txt", "--text", "Text a.", code=2)
    assert "'same.txt' is ambiguous: articles 1, 2" in result.output


def test_confirmations_change_the_learned_ranking(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as project:
        import_files(project, sorted(SAMPLE.glob("*.txt")))
        claims, _ = resolve_gold(project, load_gold(GOLD))
        matcher = matcher_for(project)
        assert method_in_use(project) == "tfidf"
        assert not matcher.reranker(project).trained
        assert simulate_feedback(project, claims) > 100
        reranker = matcher.reranker(project)
        assert reranker.trained and reranker.active, learned_line(reranker)
        assert method_in_use(project) == "learned"
        assert "Method: learned" in matcher.describe(project)
        changed = 0
        for q in held_out(claims):
            tfidf = matcher.candidates(project, q.text, q.article_id, method="tfidf")
            learned = matcher.candidates(project, q.text, q.article_id)
            assert learned[0].method == "learned" and "numbers" in learned[0].parts
            changed += [c.start for c in tfidf] != [c.start for c in learned]
        assert changed >= 3


def test_semantic_layer_says_whether_it_is_available() -> None:
    status = semantic.status()
    message, available = semantic_line(status), status.kind == semantic.AVAILABLE
    assert available == semantic.available()
    assert ("available" in message) and (available or "annotator[semantic]" in message)


def test_gui_ranks_rejects_and_confirms(qtbot, tmp_path: Path) -> None:
    from annotator.ui.main_window import MainWindow

    project = Project.open(tmp_path / "p.db")
    import_files(project, [SAMPLE / "01-elbtal-bote-unterzeichnung.txt",
                           SAMPLE / "04-nordelbische-allgemeine-hamburg.txt",
                           SAMPLE / "10-sportecho-derby-loessnitztal.txt"])
    text = project.article(1).text
    claim = "Das Abkommen hat eine Laufzeit von 40 Jahren."
    start = text.index(claim)
    project.add_annotation(1, Layer.CLAIM, Span(start, start + len(claim), "CLAIM"), "maria")
    win = MainWindow(project, "maria")
    qtbot.addWidget(win)
    win.show()
    win.open_first()
    panel = win.side.claim_panel
    qtbot.waitUntil(lambda: "Method: tfidf" in panel.method.text(), timeout=20_000)
    win.view.text.select_cp(start + 3, start + 3)
    win.view.text.setFocus()
    qtbot.keyClick(win.view.text, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: panel.candidates.rowCount() == 5, timeout=20_000)
    first = panel.candidates.rows[0]
    assert first.article_id != 1 and first.kind == "sentence"
    qtbot.keyClick(panel.candidate_view, Qt.Key.Key_X)
    assert first not in panel.candidates.rows and panel.candidates.rowCount() == 4
    second = panel.candidates.rows[0]
    qtbot.keyClick(panel.candidate_view, Qt.Key.Key_1)
    decisions = project.matching.decisions()
    assert [(d.decision, d.candidate.start, d.annotator) for d in decisions] == [
        ("rejected", first.start, "maria"), ("confirmed", second.start, "maria")]
    assert decisions[0].query_text == claim
    (group,) = project.claims.groups()
    assert {m.text for m in group.members} == {claim, second.text}  # the sentence became a claim
    win.close()
    project.close()


def test_bench_matching_runs_and_prints_its_table() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_matching.py"), "--articles", "40",
         "--sentences", "10", "--repeat", "2", "--report-only"],
        capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    for row in ("baseline: numpy dot", "tfidf query: Matcher.candidates top 5",
                "start from the cache beside the project"):
        assert row in done.stdout
