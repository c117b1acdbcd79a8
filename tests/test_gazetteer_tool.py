"""tools/build_gazetteer.py (development only) writes a list the app reads back."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from annotator.nlp.gazetteer import load_tsv

TOOL = Path(__file__).resolve().parents[1] / "tools" / "build_gazetteer.py"


def test_generator_writes_cldr_and_curated_names(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteer", TOOL)
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "places.tsv"
    tool.main(["--out", str(out)])
    rows = dict(load_tsv(out))
    assert rows["Frankreich"] == "LOC" and rows["Warschau"] == "LOC"  # CLDR, via Babel
    assert rows["Sachsen-Anhalt"] == "LOC" and rows["Bundestag"] == "ORG"  # curated lists
    assert "Sonderverwaltungsregion Hongkong" not in rows and rows["Hongkong"] == "LOC"
    assert len(rows) > 800
