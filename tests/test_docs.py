"""The documentation names every table and column the migrations create."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.store import Project

DOCS = Path(__file__).parents[1] / "docs" / "schema.md"


def test_schema_doc_covers_every_table_and_column() -> None:
    doc = DOCS.read_text(encoding="utf-8")
    project = Project.memory()
    for table in project.db.table_names():
        if table.startswith("_") or table.startswith("articles_fts_"):
            continue  # sqlite-utils' migration log, FTS5's shadow tables
        section = re.search(rf"### `{table}`\n(.*?)(?=\n### |\Z)", doc, re.S)
        assert section, f"docs/schema.md has no section for table {table}"
        for column in project.db[table].columns_dict:
            assert f"`{column}`" in section.group(1), f"{table}.{column} is not documented"
