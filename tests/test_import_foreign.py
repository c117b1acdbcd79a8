"""Other tools' files through the import use case: Label Studio's JSON and JSON-MIN exports,
doccano's relation form, CoNLL whatever the file is called; claim and source labels land in
their layers by a mapping the user can set (docs/formats.md, "Reading other tools' files")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.app.importing import import_files
from annotator.core.model import Layer
from annotator.io.label_layers import DEFAULT_LAYERS, parse_label_layers
from annotator.store import Project

DATA = Path(__file__).parent / "data" / "foreign"
LEIPZIG = ("Laut Polizeisprecher Jan Vogel wurden in Leipzig am Montag drei Fahrzeuge "
           "beschädigt. 🚓 Die Stadt Leipzig prüft nun zusätzliche Kameras.")
GOERLITZ = ("Die Bürgermeisterin Petra Lang 👩\u200d💼 sagte, der Haushalt für Görlitz sei "
            "ausgeglichen.")
COTTBUS = "Nach Angaben der Feuerwehr 🚒 brannte in Cottbus eine Lagerhalle vollständig aus."
JENA = "Der Verein Grünes Band meldete in Jena 40 neue Mitglieder."
MEISSEN = ("Wie der Landrat Uwe Brandt mitteilte, bleibt die Brücke bei Meißen bis Juli "
           "gesperrt.")
CHEMNITZ = ("Ein Sprecher der Bahn 🚆 sagte, die Strecke nach Chemnitz werde ab Mai "
            "elektrifiziert.")


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Code point offsets of the nth occurrence of ``part``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def _project(tmp_path: Path) -> Project:
    return Project.open(tmp_path / "p.db")


def _article(project: Project, text: str) -> int:
    (found,) = project.db.execute("SELECT id FROM articles WHERE text = ?", [text]).fetchall()
    return found[0]


def _spans(project: Project, aid: int) -> set[tuple[str, str, int, int, str]]:
    """(annotator, layer, start, end, label) of every annotation of the article."""
    return set(project.db.execute(
        'SELECT a.name, n.layer, n.start, n."end", n.label FROM annotations n JOIN annotators a '
        "ON a.id = n.annotator_id WHERE n.article_id = ?", [aid]).fetchall())


def _links(project: Project, aid: int) -> list[tuple[str, str, str, str, dict]]:
    """(annotator, from label, to label, kind, attrs) of the article's links."""
    rows = project.db.execute(
        "SELECT a.name, f.label, t.label, k.kind, k.attrs FROM links k "
        "JOIN annotations f ON f.id = k.from_id JOIN annotations t ON t.id = k.to_id "
        "JOIN annotators a ON a.id = k.annotator_id WHERE f.article_id = ? ORDER BY k.id",
        [aid]).fetchall()
    return [(who, a, b, kind, json.loads(attrs)) for who, a, b, kind, attrs in rows]


def _versions(project: Project, aid: int) -> dict[str, str]:
    return dict(project.db.execute(
        "SELECT a.name, v.status FROM versions v JOIN annotators a ON a.id = v.annotator_id "
        "WHERE v.article_id = ?", [aid]).fetchall())


def _imported(project: Project, *paths: Path) -> None:
    report = import_files(project, list(paths))
    assert report.failed == [] and report.skipped == [], report


def test_label_studio_export_gives_each_annotator_their_version(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _imported(project, DATA / "label_studio.json")
    aid = _article(project, LEIPZIG)
    maria, user2 = "maria@example.org", "ls-user-2"
    assert _spans(project, aid) == {
        (maria, "entity", *at(LEIPZIG, "Jan Vogel"), "PER"),
        (maria, "entity", *at(LEIPZIG, "Leipzig"), "LOC"),
        (maria, "source", *at(LEIPZIG, "Polizeisprecher Jan Vogel"), "QUELLE"),
        (maria, "claim", *at(LEIPZIG, "wurden in Leipzig am Montag drei Fahrzeuge beschädigt"),
         "BEHAUPTUNG"),
        (user2, "entity", *at(LEIPZIG, "Leipzig"), "LOC"),
        (user2, "entity", *at(LEIPZIG, "Stadt Leipzig"), "ORG"),
        (user2, "entity", *at(LEIPZIG, "Jan Vogel"), "PER"),
    }  # the cancelled annotation (ls-user-3's DATE) is no version and no gold
    assert _versions(project, aid) == {maria: "done", user2: "done"}
    # the relation QUELLE → BEHAUPTUNG "sagt" is the claim's link to its source
    assert _links(project, aid) == [
        (maria, "BEHAUPTUNG", "QUELLE", "attributed_to", {"relation": "sagt"})]
    title, outlet, meta = project.db.execute(
        "SELECT title, outlet, meta FROM articles WHERE id = ?", [aid]).fetchone()
    assert (title, outlet, json.loads(meta)) == (
        "Fahrzeuge in Leipzig beschädigt", "Elbtal-Bote", {"label_studio_id": 101})


def test_label_studio_predictions_are_open_suggestions_never_annotations(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _imported(project, DATA / "label_studio.json")
    aid = _article(project, LEIPZIG)
    rows = project.db.execute(
        'SELECT m.name, m.version, s.layer, s.label, s.start, s."end", s.score, '
        "(SELECT count(*) FROM suggestion_decisions d WHERE d.suggestion_id = s.id) "
        "FROM suggestions s JOIN models m ON m.id = s.model_id "
        "WHERE s.article_id = ? AND s.layer != 'structure'", [aid]).fetchall()
    assert rows == [("label-studio", "ner-v1", "entity", "LOC", *at(LEIPZIG, "Leipzig", 1),
                     0.8, 0)]
    second = at(LEIPZIG, "Leipzig", 1)
    assert not any(span[2:4] == second for span in _spans(project, aid))


def test_label_studio_utf16_offsets_of_an_old_export_become_code_points(tmp_path: Path) -> None:
    """Label Studio before 2022 counted UTF-16 units; the span's text says so, and the
    emoji (a ZWJ sequence of two astral characters) before the claim shifts it by two."""
    project = _project(tmp_path)
    _imported(project, DATA / "label_studio.json")
    aid = _article(project, GOERLITZ)
    maria = "maria@example.org"
    claim = at(GOERLITZ, "der Haushalt für Görlitz sei ausgeglichen")
    assert _spans(project, aid) == {
        (maria, "entity", *at(GOERLITZ, "Petra Lang"), "PER"),
        (maria, "entity", *at(GOERLITZ, "Görlitz"), "LOC"),
        (maria, "source", *at(GOERLITZ, "Die Bürgermeisterin Petra Lang"), "QUELLE"),
        (maria, "claim", *claim, "BEHAUPTUNG"),
    }
    raw = json.loads((DATA / "label_studio.json").read_text("utf-8"))[1]
    given = raw["annotations"][0]["result"][3]["value"]
    assert (given["start"], given["end"]) == (claim[0] + 2, claim[1] + 2)
    # an unlabelled relation from the claim to its source: the claim's link, no foreign kind
    assert _links(project, aid) == [(maria, "BEHAUPTUNG", "QUELLE", "attributed_to", {})]
    assert _versions(project, aid) == {maria: "done"}


def test_label_studio_json_min_records_are_their_annotators_versions(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _imported(project, DATA / "label_studio_min.json")
    cottbus, jena = _article(project, COTTBUS), _article(project, JENA)
    jonas = "jonas@example.org"
    assert _spans(project, cottbus) == {
        (jonas, "entity", *at(COTTBUS, "Feuerwehr"), "ORG"),
        (jonas, "entity", *at(COTTBUS, "Cottbus"), "LOC"),
        (jonas, "claim", *at(COTTBUS, "brannte in Cottbus eine Lagerhalle vollständig aus"),
         "CLAIM"),
    }
    assert _versions(project, cottbus) == {jonas: "done"}
    assert _spans(project, jena) == {("ls-user-4", "entity", *at(JENA, "Grünes Band"), "ORG"),
                                     ("ls-user-4", "entity", *at(JENA, "Jena"), "LOC")}
    assert _versions(project, jena) == {"ls-user-4": "done"}


def test_doccano_relations_become_links_and_labels_go_to_their_layers(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _imported(project, DATA / "doccano_relations.jsonl")
    aid = _article(project, MEISSEN)
    assert _spans(project, aid) == {
        ("import", "source", *at(MEISSEN, "Landrat Uwe Brandt"), "QUELLE"),
        ("import", "entity", *at(MEISSEN, "Uwe Brandt"), "PER"),
        ("import", "claim", *at(MEISSEN, "bleibt die Brücke bei Meißen bis Juli gesperrt"),
         "BEHAUPTUNG"),
        ("import", "entity", *at(MEISSEN, "Meißen"), "LOC"),
    }
    assert _links(project, aid) == [
        ("import", "BEHAUPTUNG", "QUELLE", "attributed_to", {"relation": "sagt"}),
        ("import", "PER", "QUELLE", "ist", {}),  # not between a claim and a source: as given
    ]
    assert _versions(project, aid) == {}  # nobody named: the imported layer
    # labels the default mapping does not know stay entities, their relation as given
    other = _article(project, CHEMNITZ)
    assert {(layer, label) for _, layer, _, _, label in _spans(project, other)} == {
        ("entity", "SPRECHERIN"), ("entity", "ORG"), ("entity", "ZITAT"), ("entity", "LOC")}
    assert _links(project, other) == [("import", "ZITAT", "SPRECHERIN", "quelle", {})]


def test_a_mapping_the_user_sets_puts_their_labels_in_the_layers(tmp_path: Path) -> None:
    mapping = tmp_path / "labels.txt"
    mapping.write_text("# unsere Labels\nSPRECHERIN = source\nzitat=claim\n", "utf-8")
    layers = parse_label_layers([str(mapping), "BEHAUPTUNG=entity"])
    project = _project(tmp_path)
    report = import_files(project, [DATA / "doccano_relations.jsonl"], layers=layers)
    assert report.failed == []
    aid = _article(project, CHEMNITZ)
    assert _spans(project, aid) == {
        ("import", "source", *at(CHEMNITZ, "Ein Sprecher der Bahn"), "SPRECHERIN"),
        ("import", "entity", *at(CHEMNITZ, "Bahn"), "ORG"),
        ("import", "claim", *at(CHEMNITZ, "die Strecke nach Chemnitz werde ab Mai "
                                          "elektrifiziert"), "ZITAT"),
        ("import", "entity", *at(CHEMNITZ, "Chemnitz"), "LOC"),
    }
    assert _links(project, aid) == [
        ("import", "ZITAT", "SPRECHERIN", "attributed_to", {"relation": "quelle"})]
    # BEHAUPTUNG=entity takes a default back: that claim stays an entity, its link as given
    meissen = _article(project, MEISSEN)
    assert ("import", "entity", *at(MEISSEN, "bleibt die Brücke bei Meißen bis Juli gesperrt"),
            "BEHAUPTUNG") in _spans(project, meissen)
    assert _links(project, meissen)[0] == ("import", "QUELLE", "BEHAUPTUNG", "sagt", {})


def test_label_mapping_pairs_and_their_errors(tmp_path: Path) -> None:
    assert parse_label_layers([]) == DEFAULT_LAYERS
    found = parse_label_layers(["Sprecherin=SOURCE", "quelle=entity"])
    assert found["sprecherin"] is Layer.SOURCE and found["quelle"] is Layer.ENTITY
    assert found["claim"] is Layer.CLAIM
    for bad in ("SPRECHERIN", "X=structure", "=claim", str(tmp_path / "fehlt.txt")):
        with pytest.raises(ValueError, match="expected LABEL=layer"):
            parse_label_layers([bad])


def test_plain_jsonl_spans_with_claim_labels_go_to_their_layers(tmp_path: Path) -> None:
    """doccano's sequence-labeling form and Prodigy tasks: a task's annotator keeps them."""
    text = "Laut Senat wird die Elbbrücke in Dresden ab Juni saniert."
    source, claim, place = at(text, "Senat"), at(text, "wird die Elbbrücke in Dresden ab "
                                                      "Juni saniert"), at(text, "Dresden")
    path = tmp_path / "aufgaben.jsonl"
    path.write_text(json.dumps({"text": text, "label": [[*source, "QUELLE"], [*claim, "CLAIM"],
                                                        [*place, "LOC"]],
                                "_annotator_id": "maria", "answer": "accept"},
                               ensure_ascii=False) + "\n", "utf-8")
    project = _project(tmp_path)
    _imported(project, path)
    aid = _article(project, text)
    assert _spans(project, aid) == {("maria", "source", *source, "QUELLE"),
                                    ("maria", "claim", *claim, "CLAIM"),
                                    ("maria", "entity", *place, "LOC")}
    assert _versions(project, aid) == {"maria": "done"}


def test_conll_is_recognised_by_content_whatever_the_file_is_called(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    for name in ("train.txt", "deu.train", "artikel_tabelle.txt"):
        shutil.copy(DATA / name, folder / name)
    (folder / "notizen.dat").write_text("Einkaufsliste\tMilch\n", "utf-8")  # neither: left
    project = _project(tmp_path)
    _imported(project, folder)
    texts = {text: _spans(project, aid) for aid, text in project.db.execute(
        "SELECT id, text FROM articles")}
    rostock = "Die Polizei in Rostock meldete zwei Festnahmen .\nAnna Berger bestätigte das ."
    wismar = "Der Hafen von Wismar wächst ."
    table = (DATA / "artikel_tabelle.txt").read_text("utf-8")
    assert texts == {
        rostock: {("import", "entity", *at(rostock, "Polizei"), "ORG"),
                  ("import", "entity", *at(rostock, "Rostock"), "LOC"),
                  ("import", "entity", *at(rostock, "Anna Berger"), "PER")},
        wismar: {("import", "entity", *at(wismar, "Wismar"), "LOC")},
        "Schwerin meldet Rekord .": {("import", "entity", 0, 8, "LOC")},
        "Die Ostsee-Zeitung berichtet .": {("import", "entity", 4, 18, "ORG")},
        table: set(),  # a German article with a tab-separated table stays prose, whole
    }


def test_a_file_named_on_its_own_is_read_by_content_too(tmp_path: Path) -> None:
    project = _project(tmp_path)
    report = import_files(project, [DATA / "deu.train", DATA / "artikel_tabelle.txt"])
    assert len(report.imported) == 3 and report.failed == []
    odd = tmp_path / "notizen.dat"
    odd.write_text("Einkaufsliste\tMilch\nBrot\tO\n", "utf-8")
    report = import_files(project, [odd])
    assert report.imported == [] and report.failed == [
        f"{odd}: unsupported file type '.dat' (use .ann, .bio, .conll, .htm, .html, .iob, "
        ".json, .jsonl, .ndjson, .spacy, .text, .tsv, .txt, .xmi, .zip or no extension)"]


def test_bad_foreign_tasks_fail_alone_naming_file_and_reason(tmp_path: Path) -> None:
    text = "Der Landtag in Magdeburg tagt am Donnerstag."
    good = {"data": {"text": text}, "annotations": [{"completed_by": 1, "result": [
        {"id": "a", "type": "labels", "value": {"start": 15, "end": 24, "text": "Magdeburg",
                                                  "labels": ["LOC"]}}]}]}
    wrong = {"data": {"text": "Ein anderer Text über Halle."}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 0, "end": 3, "text": "Halle",
                                                  "labels": ["LOC"]}}]}]}
    dangling = {"data": {"text": "Noch ein Text aus Dessau."}, "annotations": [{"result": [
        {"type": "relation", "from_id": "x", "to_id": "y"}]}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([wrong, good, dangling]), "utf-8")
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(json.dumps({"text": "Ein Text.", "entities": [], "relations": [
        {"id": 1, "from_id": 5, "to_id": 6, "type": "sagt"}]}) + "\n", "utf-8")
    project = _project(tmp_path)
    report = import_files(project, [path, doccano])
    assert report.failed == [
        f'{path}[0]: annotations[0].result[0]: span 0-3 is not its text "Halle" (counted in '
        "code points or in UTF-16 units)",
        f"{path}[2]: annotations[0].result[0]: from_id and to_id must name regions of the "
        "same annotation",
        f"{doccano}:1: relations[0]: from_id and to_id must be ids of entities"]
    aid = _article(project, text)
    assert _spans(project, aid) == {("ls-user-1", "entity", 15, 24, "LOC")}


def test_the_command_line_takes_a_label_mapping(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from annotator.cli import app

    runner = CliRunner()
    db = tmp_path / "p.db"
    result = runner.invoke(app, ["import", str(db), str(DATA / "doccano_relations.jsonl"),
                                 "--no-suggest", "--label-map", "SPRECHERIN=source",
                                 "--label-map", "ZITAT=claim"])
    assert result.exit_code == 0, result.output
    assert "2 imported" in result.output
    with Project.open(db) as project:
        aid = _article(project, CHEMNITZ)
        assert {(layer, label) for _, layer, _, _, label in _spans(project, aid)} == {
            ("source", "SPRECHERIN"), ("entity", "ORG"), ("claim", "ZITAT"), ("entity", "LOC")}
    bad = runner.invoke(app, ["import", str(tmp_path / "q.db"), str(DATA / "train.txt"),
                              "--no-suggest", "--label-map", "ZITAT=behauptung"])
    assert bad.exit_code == 2
    assert "--label-map: ZITAT=behauptung: expected LABEL=layer with layer one of entity, " \
           "claim, source, got 'ZITAT=behauptung'" in bad.output
    assert not (tmp_path / "q.db").exists()


@pytest.mark.parametrize(("head", "whole", "conll"), [
    ("-DOCSTART- -X- -X- O\n\nDie ART B-NC O\n", True, True),
    ("# http://example.org/a [2009-10-17]\n1 Schartau B-PER O\n2 sagte O O\n3 . O O\n", True,
     True),  # GermEval: numbered rows, a URL comment
    ("Leipzig\tB-LOC\nmeldet\tO\nRekord\tO\n", True, True),
    ("Leipzig\tB-LOC\nmeldet\tO\n", True, False),  # two rows are no corpus
    ("Kurz notiert\n\nDer Rat tagt am Montag in Zittau . O\n", True, False),  # prose
    ("Partei\tStimmen\nCDU\t10.412\nSPD\t8.977\n", True, False),  # a table of figures
    ("Die\tO\nStadt\tO\nGörlitz\tB-LOC\nmeld", False, True),  # cut inside the last row
    ("Die\tO\nStadt\tO\nGörlitz\tB-LOC\nPressemitteilung der Stadt", True, False),
])
def test_conll_is_known_by_its_first_lines(head: str, whole: bool, conll: bool) -> None:
    from annotator.io.conll_sniff import conll_head

    assert conll_head(head, whole=whole) is conll


def test_label_studio_before_1_0_and_unnamed_annotations(tmp_path: Path) -> None:
    """``completions`` instead of ``annotations``; a skipped one is left out; the only other
    one names nobody, so its spans are the imported layer; several unnamed ones are kept apart."""
    text = "Der Kreistag in Bautzen 🏛 wählte am Freitag einen neuen Landrat."
    place = at(text, "Bautzen")
    day = at(text, "Freitag")

    def completion(label: str, span: tuple[int, int], **extra: object) -> dict:
        return {"result": [{"id": "x", "type": "labels", "value": {
            "start": span[0], "end": span[1], "text": text[span[0]:span[1]],
            "labels": [label]}}], **extra}

    old = {"id": 1, "data": {"text": text}, "completions": [
        completion("DATE", day, skipped=True), completion("LOC", place)]}
    second = text.replace("Freitag", "Samstag")
    two = {"id": 2, "data": {"text": second}, "annotations": [
        completion("LOC", place, id=7), {**completion("LOC", place), "id": 8}]}
    two["annotations"][1]["result"][0]["value"]["text"] = second[place[0]:place[1]]
    path = tmp_path / "alt.json"
    path.write_text(json.dumps([old, two], ensure_ascii=False), "utf-8")
    project = _project(tmp_path)
    _imported(project, path)
    aid = _article(project, text)
    assert _spans(project, aid) == {("import", "entity", *place, "LOC")}
    assert _versions(project, aid) == {}
    other = _article(project, second)
    assert _spans(project, other) == {("ls-annotation-7", "entity", *place, "LOC"),
                                      ("ls-annotation-8", "entity", *place, "LOC")}
    assert _versions(project, other) == {"ls-annotation-7": "done", "ls-annotation-8": "done"}


def test_a_conll_txt_over_the_article_limit_is_still_read_as_conll(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corpus is larger than an article may be (10 MB): its first lines decide."""
    import annotator.io.text

    monkeypatch.setattr(annotator.io.text, "ARTICLE_BYTES", 100)
    project = _project(tmp_path)
    report = import_files(project, [DATA / "train.txt", DATA / "artikel_tabelle.txt"])
    assert len(report.imported) == 2
    assert report.failed == [f"{DATA / 'artikel_tabelle.txt'}: larger than 0 MB, the limit for "
                             "a text article"]
