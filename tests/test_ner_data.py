"""`python -m annotator.nlp.train --data DIR` reads the corpus layout docs/ner-model.md describes,
and names the missing file when DIR does not follow it (tiny corpora written here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.nlp.train import CORPUS_FILES, main

GERMEVAL = (
    "#\thttp://example.org/a\t[2024-05-01]\n"
    "1\tAnna\tB-PER\tO\n2\tBerger\tI-PER\tO\n3\treiste\tO\tO\n4\tnach\tO\tO\n"
    "5\tPirna\tB-LOC\tO\n6\t.\tO\tO\n\n"
    "#\thttp://example.org/b\t[2024-05-02]\n"
    "1\tDer\tO\tO\n2\tElbtal-Verband\tB-ORG\tO\n3\ttagte\tO\tO\n4\tin\tO\tO\n"
    "5\tRiesa\tB-LOC\tO\n6\t.\tO\tO\n\n"
)
LER = "Richterin B-RR\nMarta I-RR\nKühn I-RR\nverwies O\nnach O\nMeißen B-ST\n. O\n\n"
EUROPEANA = "Herr O\nKarl B-PER\nLindholm I-PER\nkam O\naus O\nDresden B-LOC\n. O\n"


def write_corpora(root: Path, *, ler: bool = True, europeana: bool = True) -> Path:
    texts = {"germeval2014": [GERMEVAL * 3, GERMEVAL],
             "ler": [LER * 4, LER * 4] if ler else [],
             "europeana": [EUROPEANA * 5] if europeana else []}
    for name, contents in texts.items():
        for rel, text in zip(CORPUS_FILES[name], contents, strict=False):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
    return root


def test_trains_from_the_documented_layout(tmp_path: Path) -> None:
    data = write_corpora(tmp_path / "corpora")
    out = tmp_path / "model"
    assert main(["--data", str(data), "--out", str(out), "--max-steps", "4", "--patience", "0",
                 "--ler-sentences", "3"]) == 0
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["sources"] == ["germeval2014", "ler", "europeana"]
    notice = (out / "NOTICE.md").read_text(encoding="utf-8")
    assert "GermEval 2014" in notice and "LER" in notice and "Europeana" in notice
    # the saved config names no temporary training file of this machine
    config = (out / "config.cfg").read_text(encoding="utf-8")
    assert "[paths]\ntrain = null\ndev = null\n" in config


def test_an_empty_folder_names_the_first_file_it_needs(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--data", str(tmp_path), "--out", str(tmp_path / "model")])
    assert stop.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert str(tmp_path / "germeval2014" / "NER-de-test.tsv") in error
    assert "docs/ner-model.md" in error
    assert not (tmp_path / "model").exists()


def test_a_missing_optional_corpus_says_how_to_leave_it_out(tmp_path: Path, capsys) -> None:
    data = write_corpora(tmp_path, europeana=False)
    with pytest.raises(SystemExit) as stop:
        main(["--data", str(data), "--out", str(tmp_path / "model")])
    assert stop.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert "enp_DE.lft.bio: no such file" in error and "--no-europeana" in error
