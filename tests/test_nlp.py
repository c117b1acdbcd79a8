"""Tests for annotator.nlp: readers, gazetteer, training, model resolution, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from annotator.core.model import ModelInfo
from annotator.nlp import germeval
from annotator.nlp.gazetteer import genitive, load_tsv, patterns
from annotator.nlp.resolve import (
    ModelError,
    bundled_model_path,
    load_pipeline,
    resolve_pipeline,
)
from annotator.nlp.suggest import suggest_entities

SAMPLE = (
    "#\thttp://example.org/a\t[2009-08-13]\n"
    "1\tAngela\tB-PER\tO\n"
    "2\tMerkel\tI-PER\tO\n"
    "3\tbesuchte\tO\tO\n"
    "4\tdie\tO\tO\n"
    "5\tdeutsche\tB-LOCderiv\tO\n"
    "6\tBotschaft\tO\tO\n"
    "7\tin\tO\tO\n"
    "8\tWarschau\tB-LOC\tO\n"
    "9\t.\tO\tO\n"
    "\n"
    "#\thttp://example.org/b\t[2009-08-14]\n"
    "1\tDie\tO\tO\n"
    "2\tEU-Staaten\tB-ORGpart\tO\n"
    "3\tlasen\tO\tO\n"
    "4\tden\tO\tO\n"
    "5\tSpiegel\tB-ORG\tB-OTH\n"
    "6\tund\tO\tO\n"
    "7\tsahen\tO\tO\n"
    "8\tStar\tB-OTH\tO\n"
    "9\tWars\tI-OTH\tO\n"
    "10\t.\tO\tO\n"
)


@pytest.fixture(scope="module")
def bundled():
    """The bundled pipeline, loaded once."""
    assert bundled_model_path().is_dir(), "the bundled model ships in the package"
    return resolve_pipeline(None, candidates=())


def _write_sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.tsv"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_germeval_reader_maps_labels(tmp_path: Path) -> None:
    sents = list(germeval.read_germeval(_write_sample(tmp_path)))
    assert len(sents) == 2
    assert sents[0][0] == ("Angela", "B-PER")
    docs = germeval.germeval_docs(spacy.blank("de").vocab, _write_sample(tmp_path))
    ents = [[(e.text, e.label_) for e in d.ents] for d in docs]
    assert ents[0] == [("Angela Merkel", "PER"), ("Warschau", "LOC")]  # LOCderiv -> O
    assert ents[1] == [("Spiegel", "ORG"), ("Star Wars", "MISC")]  # ORGpart -> O, OTH -> MISC


def test_conll_reader_marks_unmapped_classes_missing(tmp_path: Path) -> None:
    path = tmp_path / "ler.conll"
    path.write_text("Das O\nBGB B-GS\nin I-GS\nBerlin B-ST\n\n", encoding="utf-8")
    (doc,) = germeval.to_docs(spacy.blank("de").vocab, germeval.read_conll(path), germeval.LER_MAP)
    assert [t.ent_iob_ for t in doc] == ["O", "", "", "B"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Berlin", "LOC")]


def test_gazetteer_has_places_and_genitives() -> None:
    names = {
        p["pattern"]: p["label"] for p in patterns(load_tsv()) if isinstance(p["pattern"], str)
    }
    for name in ("Frankreich", "Frankreichs", "Warschau", "Deutschlands", "Berlins"):
        assert names.get(name) == "LOC", name
    assert names.get("Nato") == "ORG"
    assert genitive("Schweiz") is None and genitive("Niederlande") is None


def test_train_few_steps_gives_loadable_pipeline(tmp_path: Path) -> None:
    from annotator.nlp.train import train_ner

    vocab = spacy.blank("de").vocab
    docs = germeval.germeval_docs(vocab, _write_sample(tmp_path)) * 4
    out = tmp_path / "model"
    scores = train_ner(
        docs,
        docs[:2],
        out,
        max_steps=6,
        patience=0,
        eval_frequency=3,
        gazetteer=[("Warschau", "LOC")],
    )
    assert "f" in scores
    nlp, info = load_pipeline(out)
    assert nlp.pipe_names[-2:] == ["entity_ruler", "ner"]
    assert info == ModelInfo("de_annotator_ner", "0.1.0", str(out))
    ents = {(e.text, e.label_) for e in nlp("Sie flog nach Warschau .").ents}
    assert ("Warschau", "LOC") in ents  # from the ruler: the few-step ner knows nothing yet


def test_resolve_defaults_to_bundled(bundled) -> None:
    nlp, info = bundled
    assert info.name == "de_annotator_ner" and info.version == "0.1.0"
    assert Path(info.path) == bundled_model_path()
    assert "ner" in nlp.pipe_names and nlp.lang == "de"


def test_resolve_accepts_folder_path() -> None:
    _, info = resolve_pipeline(str(bundled_model_path()))
    assert info.name == "de_annotator_ner"


def test_resolve_rejects_english_pipeline(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("PER")
    nlp.initialize()
    path = tmp_path / "english_ner"
    nlp.to_disk(path)
    with pytest.raises(ModelError, match="english_ner") as err:
        resolve_pipeline(str(path))
    assert "German" in str(err.value)


def test_resolve_rejects_german_pipeline_without_ner(tmp_path: Path) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    path = tmp_path / "german_no_ner"
    nlp.to_disk(path)
    with pytest.raises(ModelError, match="german_no_ner.*ner"):
        resolve_pipeline(str(path))


def test_resolve_rejects_unknown_name() -> None:
    with pytest.raises(ModelError, match="no_such_pipeline_xyz"):
        resolve_pipeline("no_such_pipeline_xyz")


def test_suggest_offsets_with_emoji_and_long_text(bundled) -> None:
    nlp, _ = bundled
    text = "😀🇩🇪 Bundeskanzler Olaf Scholz 👍🏽 reiste nach Frankreich und traf 𝔘 Emmanuel Macron."
    long_text = "Die Ministerin sprach in Berlin über 🚀 Raketen. " * 2500  # 20,000 words
    results = dict(suggest_entities(nlp, [("a", text), ("b", long_text), ("c", "")]))
    assert results["c"] == []
    assert results["a"], "expected entities"
    expected = [(e.text.strip('„“”"«»()[] '), e.label_) for e in nlp(text).ents]
    assert [(s.text_in(text), s.label) for s in results["a"]] == expected
    for span in results["b"]:
        assert span.text_in(long_text) and span.text_in(long_text).strip() == span.text_in(
            long_text
        )
    assert ("Frankreich", "LOC") in {(s.text_in(text), s.label) for s in results["a"]}
    berlin = [s for s in results["b"] if s.text_in(long_text) == "Berlin" and s.label == "LOC"]
    assert len(berlin) == 2500


def test_suggest_tags_warschau(bundled) -> None:
    nlp, _ = bundled
    text = "Die Ministerin reiste am Mittwoch nach Warschau."
    ((key, spans),) = list(suggest_entities(nlp, [(7, text)]))
    assert key == 7
    assert ("Warschau", "LOC") in {(s.text_in(text), s.label) for s in spans}


def test_suggest_trims_german_quotes(bundled) -> None:
    nlp, _ = bundled
    text = "Er liest aus dem Roman „Lichtspiel“ in Warschau."
    ((_, spans),) = list(suggest_entities(nlp, [(1, text)]))
    texts = [s.text_in(text) for s in spans]
    assert all(t and t[0] not in "„“" and t[-1] not in "„“" for t in texts)
    assert "Warschau" in texts


def test_scores_put_the_doubtful_suggestion_first(bundled) -> None:
    """One pass sets the entities and scores them: a span the rules set before ``ner`` is
    certain, the model's own spans get the probability of its moves, and the odd one (a made-up
    name) ranks first for review. The fish emoji the model takes for an organisation is no
    suggestion at all (no letter or digit)."""
    nlp, _ = bundled
    text = ("𝕳𝖆𝖒𝖇𝖚𝖗𝖌 – Der Naturschutzbund kritisierte die Pläne für die Staustufe bei Riesa. "
            "🐟 Katharina Seidel forderte Nachbesserungen, die Ministerin reiste nach Dresden. "
            "Das sagte Brrt Ülm.")
    ((_, spans),) = list(suggest_entities(nlp, [(1, text)]))
    scores = {(s.text_in(text), s.label): s.score for s in spans}
    assert scores[("Dresden", "LOC")] == 1.0  # an entity_ruler pattern
    assert all(score is not None and 0 < score <= 1 for score in scores.values())
    assert "🐟" not in {s.text_in(text) for s in spans}
    lowest = min(spans, key=lambda s: s.score or 0.0)
    assert (lowest.text_in(text), lowest.label) == ("Brrt Ülm", "PER") and lowest.score < 0.9
    assert scores[("Katharina Seidel", "PER")] > 0.9


def test_entities_match_the_pipeline_run_as_usual(bundled) -> None:
    """Stepping through ``ner`` to keep its scores sets the entities nlp.pipe sets."""
    nlp, _ = bundled
    texts = ["Anna Berger 👍🏽 sprach in Dresden mit Ondřej Kratochvíl über das Elbtal-Abkommen.",
             "Die BASF AG baut in Ludwigshafen ab, sagte Hanna Öztürk 👩🏾‍🔧 am Montag.", ""]
    found = dict(suggest_entities(nlp, enumerate(texts)))
    for n, doc in enumerate(nlp.pipe(texts)):
        assert [(s.start, s.end, s.label) for s in found[n]] == [
            (e.start_char, e.end_char, e.label_) for e in doc.ents
            if e.text.strip('„“”"«»()[] ') == e.text]


def test_a_span_without_a_letter_or_digit_is_not_suggested() -> None:
    """An emoji or a dash names nothing: dropped, whichever model proposes it; a span with
    one letter or digit stays whole, emoji and all."""
    nlp = spacy.blank("de")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([
        {"label": "ORG", "pattern": "🤝"}, {"label": "MISC", "pattern": "–"},
        {"label": "ORG", "pattern": "G7"}, {"label": "ORG", "pattern": "🐟 Fischerei"},
        {"label": "LOC", "pattern": "Riesa"}])
    text = "🤝 Die G7 – und 🐟 Fischerei in Riesa 🤝."
    ((_, spans),) = list(suggest_entities(nlp, [(1, text)]))
    assert [(s.text_in(text), s.label) for s in spans] == [
        ("G7", "ORG"), ("🐟 Fischerei", "ORG"), ("Riesa", "LOC")]


def test_the_models_description_is_read_again_when_its_meta_changes(tmp_path) -> None:
    """The status bar asks after every edit: meta.json is read once per version of it."""
    import json
    import os

    from annotator.nlp.resolve import describe

    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"name": "de_mine", "version": "1.0", "performance": {"f": 0.5}}))
    assert describe(str(tmp_path)) == "de_mine 1.0 (F 0.50)"
    stamp = meta.stat().st_mtime_ns
    meta.write_text(json.dumps({"name": "de_mine", "version": "1.1", "performance": {"f": 0.7}}))
    os.utime(meta, ns=(stamp + 10**9, stamp + 10**9))  # a later time on any file system
    assert describe(str(tmp_path)) == "de_mine 1.1 (F 0.70)"
    meta.write_text("{broken")
    os.utime(meta, ns=(stamp + 2 * 10**9, stamp + 2 * 10**9))
    assert describe(str(tmp_path)) == str(tmp_path)  # unreadable: the name as given
    assert describe(str(tmp_path / "gone")) == str(tmp_path / "gone")
