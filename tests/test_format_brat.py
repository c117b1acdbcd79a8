"""brat standoff: our export round-trips byte for byte; foreign brat folders import."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import ArticleDraft, DocSpan, Layer, Span, Status
from annotator.io import ImportFailure, iter_import
from annotator.io.brat import write_brat
from annotator.store import Project
from annotator.store.datasets import AnnotatedImport, annotated_draft

TEXT_A = ("Anna Berger 🇩🇪 sagte, der Vertrag 𝔄-7 sei am Mittwoch unterzeichnet worden.\n"
          "Das bestätigte die Bundesregierung in Berlin 😀 am Abend.")
TEXT_B = "Laut 𝔄𝔫𝔫𝔞-Zeitung wurde der Vertrag am Donnerstag 🇩🇪 unterzeichnet."
TEXT_C = "Regierungssprecher Max Roth erklärte: „Der Vertrag wurde am Mittwoch unterzeichnet.“"


def _span(text: str, part: str, label: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``part``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), label)


def build_project(path: Path) -> tuple[Project, list[int]]:
    """Three articles with every layer, overlaps, links, canonical sources and two groups."""
    p = Project.open(path)
    a = p.add_article(ArticleDraft(text=TEXT_A, title="Vertrag / Mittwoch?", outlet="Elbtal-Bote",
                                   published="2024-05-02", url="https://example.org/a",
                                   meta={"rubrik": "Politik"}, source_path="/news/a.txt"))
    b = p.add_article(ArticleDraft(text=TEXT_B, title="../Vertrag", outlet="𝔄𝔫𝔫𝔞-Zeitung"))
    c = p.add_article(ArticleDraft(text=TEXT_C, title="Vertrag / Mittwoch?", author="M. R."))
    assert a and b and c
    ann = p.add_annotation
    ann(a, Layer.ENTITY, _span(TEXT_A, "Anna Berger", "PER"), "maria")
    ann(a, Layer.ENTITY, _span(TEXT_A, "🇩🇪", "MISC"), "maria")
    ann(a, Layer.ENTITY, _span(TEXT_A, "Vertrag 𝔄-7", "Vertragsname mit Leerzeichen"), "maria")
    ann(a, Layer.ENTITY, _span(TEXT_A, "Bundesregierung in Berlin 😀", "ORG"), "maria")
    ann(a, Layer.ENTITY, _span(TEXT_A, "Berlin", "LOC"), "maria")
    src_a = ann(a, Layer.SOURCE, _span(TEXT_A, "Anna Berger", "SOURCE"), "maria")
    claim_a = ann(a, Layer.CLAIM, _span(TEXT_A, "der Vertrag 𝔄-7 sei am Mittwoch unterzeichnet "
                                                "worden", "CLAIM"), "maria",
                  attrs={"kind": "factual", "checkworthy": "yes", "verdict": "false",
                         "evidence": "Pressemitteilung vom 3. Mai",
                         "comment": "  zwei\nZeilen\t", "confidence": 0.8})
    across = "unterzeichnet worden.\nDas bestätigte die Bundesregierung"
    claim_x = ann(a, Layer.CLAIM, _span(TEXT_A, across, "CLAIM"), "maria",
                  attrs={"kind": "weird value"})
    src_x = ann(a, Layer.SOURCE, _span(TEXT_A, "die Bundesregierung", "SPRECHER"), "maria")
    ann(a, Layer.SOURCE, _span(TEXT_A, "\nDas", "SOURCE"), "maria")  # starts on a line break
    p.add_link(claim_a, src_a, "attributed_to", "maria", {"cue": "sagte", "quote_type": "reported"})
    p.add_link(claim_x, src_x, "attributed_to", "maria", {"quote_type": "indirect"})
    src_b = ann(b, Layer.SOURCE, _span(TEXT_B, "𝔄𝔫𝔫𝔞-Zeitung", "SOURCE"), "maria")
    claim_b = ann(b, Layer.CLAIM, _span(TEXT_B, "der Vertrag am Donnerstag 🇩🇪 unterzeichnet",
                                        "CLAIM"), "maria", attrs={"verdict": "true"})
    p.add_link(claim_b, src_b, "laut Quelle", "maria", {"cue": "Laut"})
    src_c = ann(c, Layer.SOURCE, _span(TEXT_C, "Regierungssprecher Max Roth", "SOURCE"), "maria")
    claim_c = ann(c, Layer.CLAIM, _span(TEXT_C, "Der Vertrag wurde am Mittwoch unterzeichnet.",
                                        "CLAIM"), "maria")
    p.add_link(claim_c, src_c, "attributed_to", "maria", {"cue": "erklärte",
                                                          "quote_type": "direct"})
    claims = p.claims
    claims.set_canonical([src_a], claims.add_source("Anna Berger", "person"))
    claims.set_canonical([src_b], claims.add_source("Anna-Zeitung", "media"))
    claims.set_canonical([src_x], claims.add_source("Bundesregierung", "government"))
    place = claims.add_group("Ort")  # made first, used last: the export renumbers groups
    confirmed = claims.add_group("Bestätigung")
    weekday = claims.add_group("Wochentag der Unterzeichnung")
    claims.add_member(weekday, claim_a, "maria", value="Mittwoch", stance="supports")
    claims.add_member(weekday, claim_b, "maria", value="Donnerstag")
    claims.add_member(weekday, claim_c, "maria", value="mittwoch")
    claims.update_group(weekday, holding_id=claim_a)
    # a claim is in one group at most: the other groups have claims of their own
    claim_y = ann(a, Layer.CLAIM, _span(TEXT_A, "Das bestätigte die Bundesregierung in Berlin",
                                        "CLAIM"), "maria")
    claim_z = ann(c, Layer.CLAIM, _span(TEXT_C, "„Der Vertrag wurde am Mittwoch unterzeichnet.“",
                                        "CLAIM"), "maria")
    claims.add_member(confirmed, claim_x, "maria", stance="supports")
    claims.add_member(confirmed, claim_y, "maria", stance="supports")
    claims.add_member(place, claim_z, "maria", value="Berlin")
    p.set_status(a, Status.DONE)
    p.set_status(b, Status.IN_PROGRESS)
    return p, [a, b, c]


def _files(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir())}


def _import(paths: list[Path], project: Project) -> list[int]:
    items = list(iter_import(paths))
    failures = [str(i) for i in items if isinstance(i, ImportFailure)]
    assert not failures
    importer = AnnotatedImport(project)
    ids = [importer.add(item) for item in items if isinstance(item, ArticleDraft)]
    assert all(ids)
    return [i for i in ids if i]


def test_brat_round_trip_is_byte_identical(tmp_path: Path) -> None:
    src, ids = build_project(tmp_path / "src.db")
    drafts = [annotated_draft(src, i) for i in ids]
    written = write_brat(drafts, tmp_path / "one")
    assert len(written) == 3 * 3 + 1 and all(p.parent == tmp_path / "one" for p in written)
    dst = Project.open(tmp_path / "dst.db")
    new_ids = _import([tmp_path / "one"], dst)
    assert len(new_ids) == 3  # each .txt/.ann pair is one article, not two
    again = [annotated_draft(dst, i) for i in new_ids]
    write_brat(again, tmp_path / "two")
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    for old, new in zip(drafts, again, strict=True):
        assert new.annotations == old.annotations  # offsets, labels, layers, attrs, sources
        assert [s.attrs for s in new.annotations] == [s.attrs for s in old.annotations]
        assert new.links == old.links and [x.attrs for x in new.links] == [
            x.attrs for x in old.links]
        assert (new.text, new.title, new.outlet, new.author, new.url, new.published,
                new.meta, new.source_path, new.status) == (
                    old.text, old.title, old.outlet, old.author, old.url, old.published,
                    old.meta, old.source_path, old.status)
    groups = {g.title: g for g in dst.claims.groups()}
    assert sorted(m.value for m in groups["Wochentag der Unterzeichnung"].members) == [
        "Donnerstag", "Mittwoch", "mittwoch"]
    assert groups["Wochentag der Unterzeichnung"].holding_id is not None
    assert len(groups["Bestätigung"].members) == 2 and len(groups["Ort"].members) == 1


def test_brat_files_as_written(tmp_path: Path) -> None:
    src, ids = build_project(tmp_path / "src.db")
    write_brat([annotated_draft(src, i) for i in ids], tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names[:3] == ["0001-Vertrag-Mittwoch.ann", "0001-Vertrag-Mittwoch.meta",
                         "0001-Vertrag-Mittwoch.txt"]
    assert "0002-Vertrag.ann" in names and "0003-Vertrag-Mittwoch.ann" in names
    assert "annotation.conf" in names and not any(".." in n for n in names)
    ann = (tmp_path / "out" / "0001-Vertrag-Mittwoch.ann").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "0001-Vertrag-Mittwoch.txt").read_bytes() == TEXT_A.encode()
    lines = ann.splitlines()
    assert "T1\tPER 0 11\tAnna Berger" in lines
    start = TEXT_A.index("unterzeichnet worden.\n")
    brk = TEXT_A.index("\n")
    end = TEXT_A.index("Bundesregierung") + len("Bundesregierung")
    assert (f"\tCLAIM {start} {brk};{brk + 1} {end}\tunterzeichnet worden. "
            "Das bestätigte die Bundesregierung") in ann
    assert f"\tSOURCE {brk} {brk};{brk + 1} {brk + 4}\t Das" in ann  # an empty first fragment
    assert "\tVertragsname_mit_Leerzeichen " in ann and "label: Vertragsname mit Leerzeichen" in ann
    for expected in ("Verdict T", "Kind T", "Checkworthy T", "Layer T", "R1\tattributed_to Arg1:T",
                     # one AnnotatorNotes line per span or relation, its notes joined by " | "
                     '#2\tAnnotatorNotes T4\tcomment= "  zwei\\nZeilen\\t" | confidence= 0.8 | '
                     "evidence: Pressemitteilung vom 3. Mai | "
                     'group= {"key": "G1", "title": "Wochentag der Unterzeichnung", '
                     '"value": "Mittwoch", "stance": "supports", "holds": true}\n',
                     "\tAnnotatorNotes T2\tsource: Anna Berger | source_kind: person\n",
                     "\tAnnotatorNotes R1\tcue: sagte | quote_type: reported\n",
                     '\tAnnotatorNotes T6\tkind: weird value | group= {"key": "G2", "title": '
                     '"Bestätigung", "value": "", "stance": "supports", "holds": false}\n'):
        assert expected in ann, expected
    targets = [line.split("\t")[1] for line in lines if line.startswith("#")]
    assert len(targets) == len(set(targets)) == 8  # brat's editor shows and saves one
    ann_c = (tmp_path / "out" / "0003-Vertrag-Mittwoch.ann").read_text(encoding="utf-8")
    assert '"key": "G3", "title": "Ort"' in ann_c and '"key": "G1"' in ann_c
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    for expected in ("[entities]\nCLAIM\nLOC\nMISC\nORG\nPER\nSOURCE\nSPRECHER\n",
                     "attributed_to\tArg1:CLAIM, Arg2:SOURCE|SPRECHER",
                     "laut_Quelle\tArg1:CLAIM, Arg2:SOURCE",
                     "Verdict\tArg:CLAIM, Value:unverified|true|false|misleading|unprovable",
                     "Layer\tArg:SPRECHER, Value:entity|claim|source"):
        assert expected in conf, expected
    ann_b = (tmp_path / "out" / "0002-Vertrag.ann").read_text(encoding="utf-8")
    assert "relation: laut Quelle" in ann_b


def test_foreign_brat_imports(tmp_path: Path) -> None:
    text = "Angela Merkel 😀 besuchte New\nYork. Sie sagte, alles sei gut."
    (tmp_path / "doc-1.txt").write_text(text, encoding="utf-8", newline="")
    ny = text.index("New")
    claim, sie = text.index("alles"), text.index("Sie")
    (tmp_path / "doc-1.ann").write_text(
        "T1\tPerson 0 13\tAngela Merkel\n"
        f"T2\tLocation {ny} {ny + 3};{ny + 4} {ny + 8}\tNew York\n"
        f"T3\tCLAIM {claim} {claim + 13}\talles sei gut\n"
        f"T4\tSOURCE {sie} {sie + 3}\tSie\n"
        "R1\tattributed_to Arg1:T3 Arg2:T4\n"
        "A1\tNegated T3\n"
        "A2\tVerdict T3 true\n"
        "E1\tVisit:T1 Theme:T2\n"
        "N1\tReference T1 Wikipedia:72\tAngela Merkel\n"
        "#1\tAnnotatorNotes T3\tunklar, ob zitiert\n"
        "*\tEquiv T1 T4\n", encoding="utf-8")
    # UTF-16 offsets (as JavaScript tools count): the emoji takes two units
    (tmp_path / "doc-2.txt").write_text("😀 Olaf Scholz", encoding="utf-8")
    (tmp_path / "doc-2.ann").write_text("T1\tPER 3 14\tOlaf Scholz\n", encoding="utf-8")
    items = list(iter_import([tmp_path]))
    assert all(isinstance(i, ArticleDraft) for i in items) and len(items) == 2
    first, second = items
    assert first.text == text and first.title == "Angela Merkel 😀 besuchte New"
    spans = {s.key: s for s in first.annotations}
    assert (spans["T2"].start, spans["T2"].end, spans["T2"].layer) == (ny, ny + 8, Layer.ENTITY)
    assert spans["T3"].layer is Layer.CLAIM and spans["T4"].layer is Layer.SOURCE
    assert spans["T3"].attrs == {"Negated": True, "verdict": "true",
                                 "comment": "unklar, ob zitiert"}
    assert [(x.from_key, x.to_key, x.kind) for x in first.links] == [("T3", "T4",
                                                                     "attributed_to")]
    assert second.annotations[0].start == 2 and second.annotations[0].end == 13
    only = list(iter_import([tmp_path / "doc-1.txt"]))  # the .txt of a pair: the pair
    assert len(only) == 1 and only[0].annotations == first.annotations
    dst = Project.open(tmp_path / "dst.db")
    assert len(_import([tmp_path / "doc-1.ann"], dst)) == 1


def test_broken_brat_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Anna Berger", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPER 0 5\tBerger\n", encoding="utf-8")
    (tmp_path / "b.ann").write_text("T1\tPER 0 4\tAnna\n", encoding="utf-8")  # no b.txt
    (tmp_path / "c.txt").write_text("Olaf", encoding="utf-8")
    (tmp_path / "c.ann").write_text("T1\tPER 0 4\tOlaf\n", encoding="utf-8")
    items = list(iter_import([tmp_path]))
    failures = [i for i in items if isinstance(i, ImportFailure)]
    assert len(failures) == 2 and len(items) == 3
    assert "T1" in failures[0].reason and "b.txt" in failures[1].reason


def test_brat_notes_with_bars_and_older_files_read_back(tmp_path: Path) -> None:
    """Notes holding ``|`` stay whole (written as JSON); older exports with several
    AnnotatorNotes lines per span and foreign notes with `` | `` still read."""
    text = "Olaf Scholz sagte, alles sei gut."
    draft = ArticleDraft(text=text, title="Scholz", annotations=[
        DocSpan("T1", Layer.SOURCE, 0, 11, "SOURCE", {"hinweis": "a | b", "rolle": "x|y",
                                                       "quelle": "dpa"})])
    write_brat([draft], tmp_path / "new")
    ann = (tmp_path / "new" / "0001-Scholz.ann").read_text(encoding="utf-8")
    assert ann.count("AnnotatorNotes") == 1
    assert '\tAnnotatorNotes T1\thinweis= "a | b" | quelle: dpa | rolle= "x|y"\n' in ann
    [back] = list(iter_import([tmp_path / "new"]))
    assert back.annotations[0].attrs == {"hinweis": "a | b", "rolle": "x|y", "quelle": "dpa"}
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "old" / "a.ann").write_text(
        "T1\tSOURCE 0 11\tOlaf Scholz\n"
        "#1\tAnnotatorNotes T1\tsource: Olaf Scholz\n"
        "#2\tAnnotatorNotes T1\tconfidence= 0.8\n"
        "#3\tAnnotatorNotes T1\tHinweis: siehe oben | unten\n"
        "#4\tAnnotatorNotes T1\tfrei formuliert | mit Strich\n", encoding="utf-8")
    [old] = list(iter_import([tmp_path / "old"]))
    assert old.annotations[0].source == "Olaf Scholz"
    assert old.annotations[0].attrs == {"confidence": 0.8, "Hinweis": "siehe oben | unten",
                                        "comment": "frei formuliert | mit Strich"}
