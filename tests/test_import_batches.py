"""Importing in batches: what a batch stores is what importing article by article stored.

``tests/data/import_golden.json`` is the dump (tests/import_corpus.py) of the mixed corpus as
the article-by-article import stored it, before imports wrote in batches: every row of every
table an import writes (ids, who made each span and when, zones, sentences, labels and their
order), the report's lines, and what a search finds.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.app.importing import import_files
from annotator.store import Project
from tests.import_corpus import DATA, dump, plain_report, write_corpus

GOLDEN = DATA / "import_golden.json"


def test_a_mixed_corpus_is_stored_as_article_by_article(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    paths = write_corpus(folder)
    with Project.open(tmp_path / "p.db") as project:
        report = import_files(project, paths)
        got = {"report": plain_report(report, folder), "dump": dump(project, folder)}
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(got, ensure_ascii=False))  # tuples → lists, as in the file
    assert got["report"] == want["report"]
    for table, rows in want["dump"].items():
        assert got["dump"][table] == rows, table
