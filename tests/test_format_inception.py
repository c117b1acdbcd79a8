"""INCEpTION's formats both ways: UIMA CAS XMI (read back by dkpro-cassis, INCEpTION's team's
own library), WebAnno TSV 3.3 and INCEpTION's project zip."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import cassis
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import (
    ArticleDraft,
    DocGroupMember,
    DocLink,
    DocSpan,
    Layer,
    Provenance,
    Status,
)
from annotator.io.common import ImportFailure, ImportProblem, ImportSkip
from annotator.io.importer import iter_import
from annotator.io.inception import NAMED_ENTITY, renumbered
from annotator.io.webanno_tsv import write_webanno_tsv
from annotator.io.webanno_tsv_read import parse_webanno_tsv, read_webanno_tsv_file, split_cell
from annotator.io.xmi import cas_of, typesystem, write_xmi
from annotator.io.xmi_read import read_xmi_file

TEXT = ("😀 Anna Berger sagte am Montag, es regne in Dresden seit 𝔄 Wochen.\n\n"
        "Der Bürgermeister | Karl_Otto [CDU] widersprach: \"Das ist *falsch*.\"")


def span(key: str, layer: Layer, words: str, label: str, nth: int = 0, **extra) -> DocSpan:
    start = TEXT.index(words) if not nth else TEXT.index(words, TEXT.index(words) + 1)
    return DocSpan(key, layer, start, start + len(words), label, **extra)


def draft() -> ArticleDraft:
    spans = [
        span("e1", Layer.ENTITY, "Anna Berger", "PER"),
        span("e2", Layer.ENTITY, "Dresden", "LOC"),
        span("e3", Layer.ENTITY, "Karl_Otto", "PER|X"),
        span("c1", Layer.CLAIM, "es regne in Dresden seit 𝔄 Wochen", "CLAIM",
             attrs={"kind": "factual", "verdict": "false", "note": "a_b [c] | d\\e"}),
        span("s1", Layer.SOURCE, "Anna Berger", "SOURCE", source="Anna Berger",
             source_kind="person", made=Provenance("maria", "2026-01-02T03:04:05+00:00")),
        span("s2", Layer.SOURCE, "Der Bürgermeister", "SOURCE"),
        span("c2", Layer.CLAIM, "Das ist *falsch*.", "CLAIM"),
        span("z1", Layer.STRUCTURE, TEXT.split("\n")[0], "BODY"),
    ]
    return ArticleDraft(
        text=TEXT, title="Regen in Dresden", outlet="Testblatt", published="2026-01-02",
        meta={"rubrik": "Wetter"}, source_path="regen.txt", status=Status.DONE,
        annotations=spans,
        links=[DocLink("c1", "s1"), DocLink("c2", "s2", attrs={"cue": "widersprach"}),
               DocLink("s2", "s1", "reported_by")],
        groups=[DocGroupMember("Regen", "G1", "c1", "regnet", "pro", True)])


def content(found: ArticleDraft):
    keys = {s.key: (s.layer, s.start, s.end, s.label) for s in found.annotations}
    spans = sorted((s.layer, s.start, s.end, s.label, sorted(s.attrs.items()), s.source,
                    s.source_kind, s.made) for s in found.annotations)
    links = sorted((keys[x.from_key], keys[x.to_key], x.kind, sorted(x.attrs.items()))
                   for x in found.links)
    groups = sorted((keys[m.span_key], m.group, m.value, m.stance, m.holds)
                    for m in found.groups)
    return found.text, spans, links, groups


# --- XMI ------------------------------------------------------------------------------------


def test_xmi_export_is_read_by_cassis_with_code_point_offsets(tmp_path: Path) -> None:
    written = write_xmi([draft()], tmp_path / "train")
    xmi = next(p for p in written if p.suffix == ".xmi")
    types = cassis.load_typesystem(tmp_path / "train" / "TypeSystem.xml")
    cas = cassis.load_cas_from_xmi(xmi, typesystem=types)
    assert cas.sofa_string == TEXT
    found = [(a.begin, a.end, a.value, a.get_covered_text()) for a in cas.select(NAMED_ENTITY)]
    ours = [(s.start, s.end, s.label, TEXT[s.start:s.end]) for s in draft().annotations
            if s.layer is Layer.ENTITY]
    assert found == sorted(ours)
    claims = {(a.get_covered_text(), a.kind, a.verdict) for a in
              cas.select("webanno.custom.ClaimSource") if a.layer == "claim"}
    assert ("es regne in Dresden seit 𝔄 Wochen", "factual", "false") in claims
    sources = {(a.get_covered_text(), a.source) for a in
               cas.select("webanno.custom.ClaimSource") if a.layer == "source"}
    assert sources == {("Anna Berger", "Anna Berger"), ("Der Bürgermeister", None)}
    links = {(a.Governor.get_covered_text(), a.Dependent.get_covered_text(), a.label)
             for a in cas.select("webanno.custom.Attribution")}
    assert links == {("es regne in Dresden seit 𝔄 Wochen", "Anna Berger", "attributed_to"),
                     ("Das ist *falsch*.", "Der Bürgermeister", "attributed_to"),
                     ("Der Bürgermeister", "Anna Berger", "reported_by")}
    sentences = list(cas.select("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"))
    assert [s.get_covered_text()[-1] for s in sentences] == [".", '"']
    tokens = cas.select("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token")
    assert "𝔄" in [t.get_covered_text() for t in tokens]


def test_xmi_file_counts_utf16_units_as_java_does(tmp_path: Path) -> None:
    write_xmi([draft()], tmp_path)
    raw = next(tmp_path.glob("*.xmi")).read_text(encoding="utf-8")
    start = TEXT.index("Anna Berger")
    assert f'begin="{start + 1}" end="{start + 12}" value="PER"' in raw  # 😀 is two units


def test_xmi_round_trip_keeps_everything(tmp_path: Path) -> None:
    original = draft()
    write_xmi([original], tmp_path)
    found = read_xmi_file(next(tmp_path.glob("*.xmi")))
    assert content(found) == content(original)
    assert (found.title, found.outlet, found.published, found.meta, found.source_path,
            found.status) == ("Regen in Dresden", "Testblatt", "2026-01-02",
                              {"rubrik": "Wetter"}, "regen.txt", Status.DONE)
    write_xmi([found], tmp_path / "again")
    assert content(read_xmi_file(next((tmp_path / "again").glob("*.xmi")))) == content(original)


def test_xmi_without_our_sidecar_still_has_spans_and_links(tmp_path: Path) -> None:
    write_xmi([draft()], tmp_path)
    next(tmp_path.glob("*.meta")).unlink()
    found = read_xmi_file(next(tmp_path.glob("*.xmi")))
    text, spans, links, _groups = content(found)
    want_text, want_spans, want_links, _ = content(draft())
    assert (text, links) == (want_text, want_links)
    assert [s[:7] for s in spans] == [s[:7] for s in want_spans]  # who made them: in .meta
    assert found.title == first_line_title()


def first_line_title() -> str:
    return "😀 Anna Berger sagte am Montag, es regne in Dresden seit 𝔄 Wochen."


def test_xmi_relation_layer_is_attached_to_one_span_layer(tmp_path: Path) -> None:
    """As INCEpTION makes a relation layer: Governor and Dependent typed to the one span layer
    it is attached to, which holds claims and sources; a link with an end elsewhere (an
    entity) is not in it, and comes back from the sidecar."""
    original = draft()
    original.links.append(DocLink("e1", "c1", "mentions", {"n": 1}))
    write_xmi([original], tmp_path)
    root = ElementTree.parse(tmp_path / "TypeSystem.xml").getroot()
    uima = "{http://uima.apache.org/resourceSpecifier}"
    (relation,) = [t for t in root.iter(f"{uima}typeDescription")
                   if t.findtext(f"{uima}name") == "webanno.custom.Attribution"]
    ranges = {f.findtext(f"{uima}name"): f.findtext(f"{uima}rangeTypeName")
              for f in relation.iter(f"{uima}featureDescription")}
    assert ranges == {"Governor": "webanno.custom.ClaimSource",
                      "Dependent": "webanno.custom.ClaimSource",
                      "label": "uima.cas.String", "attrs": "uima.cas.String"}
    xmi = next(tmp_path.glob("*.xmi"))
    cas = cassis.load_cas_from_xmi(xmi, typesystem=cassis.load_typesystem(
        tmp_path / "TypeSystem.xml"))
    ends = [(a.Governor.type.name, a.Dependent.type.name)
            for a in cas.select("webanno.custom.Attribution")]
    assert ends == [("webanno.custom.ClaimSource",) * 2] * 3
    assert content(read_xmi_file(xmi)) == content(original)
    next(tmp_path.glob("*.meta")).unlink()
    assert len(read_xmi_file(xmi).links) == 3


# the names INCEpTION refuses for a feature (its WebAnnoConst.RESTRICTED_FEATURE_NAMES)
RESTRICTED = {"address", "begin", "end", "coveredText", "booleanValue", "doubleValue",
              "byteValue", "CAS", "CASImpl", "class", "featureValue", "floatValue", "longValue",
              "lowLevelCas", "printRefs", "sofa", "stringValue", "type", "typeIndexId", "view"}


def test_feature_names_are_ones_inception_allows() -> None:
    from annotator.io.inception import RELATION_FEATURES, SPAN_TYPES

    names = {f for features in SPAN_TYPES.values() for f in features} | set(RELATION_FEATURES)
    assert not names & (RESTRICTED | {"Governor", "Dependent"})
    assert all(re.fullmatch(r"[A-Za-z]\w*", name) for name in names)


def old_typesystem() -> cassis.TypeSystem:
    """The types exports wrote before ClaimSource: claims and sources apart, the relation's
    ends typed as any annotation."""
    types = cassis.TypeSystem()
    for name, features in (("Claim", ("label", "kind", "checkworthy", "verdict", "attrs")),
                           ("Source", ("label", "source", "sourceKind", "attrs"))):
        made = types.create_type(f"webanno.custom.{name}", supertypeName="uima.tcas.Annotation")
        for feature in features:
            types.create_feature(made, feature, "uima.cas.String")
    relation = types.create_type("webanno.custom.Attribution",
                                 supertypeName="uima.tcas.Annotation")
    for feature in ("Governor", "Dependent"):
        types.create_feature(relation, feature, "uima.tcas.Annotation")
    for feature in ("label", "attrs"):
        types.create_feature(relation, feature, "uima.cas.String")
    return types


def test_xmi_of_the_old_shape_is_still_read(tmp_path: Path) -> None:
    types = old_typesystem()
    cas = cassis.Cas(typesystem=types)
    cas.sofa_string = "Anna sagte, es regne."
    claim = types.get_type("webanno.custom.Claim")(begin=12, end=20, label="CLAIM",
                                                   kind="factual", attrs='{"note": "x"}')
    source = types.get_type("webanno.custom.Source")(begin=0, end=4, label="SOURCE",
                                                     source="Anna", sourceKind="person")
    cas.add_all([claim, source])
    cas.add(types.get_type("webanno.custom.Attribution")(
        begin=0, end=4, Governor=claim, Dependent=source, label="attributed_to"))
    cas.to_xmi(tmp_path / "alt.xmi")
    types.to_xml(tmp_path / "TypeSystem.xml")
    found = read_xmi_file(tmp_path / "alt.xmi")
    assert sorted((s.layer, s.start, s.end, s.label, s.attrs, s.source, s.source_kind)
                  for s in found.annotations) == [
        (Layer.CLAIM, 12, 20, "CLAIM", {"kind": "factual", "note": "x"}, None, None),
        (Layer.SOURCE, 0, 4, "SOURCE", {}, "Anna", "person")]
    keys = {s.key: s.layer for s in found.annotations}
    assert [(keys[x.from_key], keys[x.to_key], x.kind) for x in found.links] == [
        (Layer.CLAIM, Layer.SOURCE, "attributed_to")]


# --- WebAnno TSV -----------------------------------------------------------------------------


def test_tsv_header_and_rows_as_the_format_describes(tmp_path: Path) -> None:
    written = write_webanno_tsv([draft()], tmp_path)
    lines = next(p for p in written if p.suffix == ".tsv").read_text("utf-8").split("\n")
    assert lines[0] == "#FORMAT=WebAnno TSV 3.3"
    assert ("#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value|identifier"
            in lines)
    assert any(x.startswith("#T_RL=webanno.custom.Attribution|label|attrs|BT_") for x in lines)
    columns = 3 + sum(x.count("|") for x in lines if x.startswith(("#T_SP", "#T_RL")))
    units = TEXT.encode("utf-16-le")
    texts = [x[6:] for x in lines if x.startswith("#Text=")]
    assert len(texts) == 2  # one line per sentence, line breaks escaped
    assert re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m[1], m[1]), "".join(texts)) == TEXT
    rows = [x.split("\t") for x in lines if x[:1].isdigit()]
    for row in rows:  # an independent check: offsets are UTF-16 units of the text
        assert len(row) == columns
        begin, end = (int(x) for x in row[1].split("-"))
        token = re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), row[2])
        assert units[2 * begin:2 * end].decode("utf-16-le") == token
    per = [row for row in rows if row[3] != "_"]
    assert [r[2] for r in per] == ["Anna", "Berger", "Dresden", "Karl\\_Otto"]
    assert per[0][3] == per[1][3] and per[0][3].startswith("PER[")  # one span, one number
    assert per[3][3].startswith("PER\\|X[")


def test_tsv_relation_ends_resolve_in_its_attached_layer(tmp_path: Path) -> None:
    """INCEpTION looks a relation's ends up in the layer its ``BT_`` names, at the token the
    row or the reference names, by their numbers: both are claims or sources there."""
    original = draft()
    original.links.append(DocLink("e1", "e2", "kennt"))
    written = write_webanno_tsv([original], tmp_path)
    lines = next(p for p in written if p.suffix == ".tsv").read_text("utf-8").split("\n")
    assert lines[1:6] == [
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value|identifier",
        "#T_SP=webanno.custom.ClaimSource|label|layer|kind|checkworthy|verdict|source|"
        "sourceKind|attrs",
        "#T_SP=webanno.custom.Zone|label|attrs",
        "#T_RL=webanno.custom.Attribution|label|attrs|BT_webanno.custom.ClaimSource", ""]
    rows = {r[0]: r for r in (x.split("\t") for x in lines if x[:1].isdigit())}
    layer = 3 + 2  # the ClaimSource columns follow NamedEntity's two
    ends = []
    for address, row in rows.items():
        for ref in filter(None, row[-1].split("|")) if row[-1] != "_" else []:
            governor, gid, did = re.fullmatch(r"(\d+-\d+)\[(\d+)_(\d+)\]", ref).groups()
            for at, number in ((governor, gid), (address, did)):
                assert f"[{number}]" in rows[at][layer], (at, number)
            ends.append((rows[governor][layer + 1].split("[")[0],
                         row[layer + 1].split("[")[0]))
    assert sorted(ends) == [("claim", "source"), ("claim", "source"), ("source", "source")]
    assert content(read_webanno_tsv_file(next(tmp_path.glob("*.tsv")))) == content(original)


OLD_TSV = """#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value|identifier
#T_SP=webanno.custom.Claim|label|kind|checkworthy|verdict|attrs
#T_SP=webanno.custom.Source|label|source|sourceKind|attrs
#T_SP=webanno.custom.Zone|label|attrs
#T_RL=webanno.custom.Attribution|label|attrs|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


#Text=Anna sagte, es regne.
1-1\t0-4\tAnna\tPER[1]\t*[1]\t_\t_\t_\t_\t_\tSOURCE[2]\tAnna[2]\t*[2]\t*[2]\t_\t_\tattributed\\_to\t*\t1-4[3_2]
1-2\t5-10\tsagte\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_
1-3\t10-11\t,\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_
1-4\t12-14\tes\t_\t_\tCLAIM[3]\tfactual[3]\t*[3]\t*[3]\t*[3]\t_\t_\t_\t_\t_\t_\t_\t_\t_
1-5\t15-20\tregne\t_\t_\tCLAIM[3]\tfactual[3]\t*[3]\t*[3]\t*[3]\t_\t_\t_\t_\t_\t_\t_\t_\t_
1-6\t20-21\t.\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_
"""


def test_tsv_of_the_old_shape_is_still_read() -> None:
    found = parse_webanno_tsv(OLD_TSV, "alt.tsv")
    assert sorted((s.layer, found.text[s.start:s.end], s.label, s.attrs, s.source)
                  for s in found.annotations) == [
        (Layer.CLAIM, "es regne", "CLAIM", {"kind": "factual"}, None),
        (Layer.ENTITY, "Anna", "PER", {}, None),
        (Layer.SOURCE, "Anna", "SOURCE", {}, "Anna")]
    keys = {s.key: s.layer for s in found.annotations}
    assert [(keys[x.from_key], keys[x.to_key], x.kind) for x in found.links] == [
        (Layer.CLAIM, Layer.SOURCE, "attributed_to")]


def test_tsv_round_trip_keeps_everything(tmp_path: Path) -> None:
    original = draft()
    write_webanno_tsv([original], tmp_path)
    found = read_webanno_tsv_file(next(tmp_path.glob("*.tsv")))
    assert content(found) == content(original)
    assert (found.title, found.source_path, found.status) == ("Regen in Dresden", "regen.txt",
                                                             Status.DONE)
    write_webanno_tsv([found], tmp_path / "again")
    assert content(read_webanno_tsv_file(next((tmp_path / "again").glob("*.tsv")))) == \
        content(original)


def test_tsv_and_xmi_agree(tmp_path: Path) -> None:
    write_xmi([draft()], tmp_path / "x")
    write_webanno_tsv([draft()], tmp_path / "t")
    for sidecar in tmp_path.rglob("*.meta"):
        sidecar.unlink()
    assert content(read_xmi_file(next((tmp_path / "x").glob("*.xmi")))) == content(
        read_webanno_tsv_file(next((tmp_path / "t").glob("*.tsv"))))


INCEPTION_TSV = """#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
#T_RL=webanno.custom.Rel|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


#Text=𝔄nna traf Bernhard in Köln .
1-1\t0-5\t𝔄nna\t*\tPER\t_\t_
1-2\t6-10\ttraf\t_\t_\t_\t_
1-3\t11-19\tBernhard\t*[2]|*[3]\tPER[2]|LOC[3]\tkennt\t1-1[0_2]
1-3.1\t11-15\tBern\t*[3]\tLOC[3]\t_\t_
1-4\t20-22\tin\t_\t_\t_\t_
1-5\t23-27\tKöln\t*\tLOC\t_\t_
1-6\t28-29\t.\t_\t_\t_\t_

#Text=Es regnet .
2-1\t31-33\tEs\t_\t_\t_\t_
2-2\t34-40\tregnet\t_\t_\t_\t_
2-3\t41-42\t.\t_\t_\t_\t_
"""


def test_tsv_from_inception_with_stacked_sub_token_and_astral_spans() -> None:
    found = parse_webanno_tsv(INCEPTION_TSV, "x.tsv")
    # as INCEpTION's reader puts it: a line break after each sentence, spaces up to the next
    assert found.text == "𝔄nna traf Bernhard in Köln .\n Es regnet ."
    got = {(found.text[s.start:s.end], s.label) for s in found.annotations}
    assert got == {("𝔄nna", "PER"), ("Bernhard", "PER"), ("Bernhard", "LOC"), ("Köln", "LOC")}
    keys = {s.key: found.text[s.start:s.end] + "/" + s.label for s in found.annotations}
    assert [(keys[x.from_key], keys[x.to_key], x.kind) for x in found.links] == [
        ("𝔄nna/PER", "Bernhard/PER", "kennt")]


def test_tsv_cells_split_at_unescaped_bars_only() -> None:
    assert split_cell("_") == []
    assert split_cell("*[3]") == [(None, 3)]
    assert split_cell("A\\|B[2]|C") == [("A|B", 2), ("C", None)]
    assert split_cell("x\\[1\\]") == [("x[1]", None)]


# --- the importer: files, zips, failures -----------------------------------------------------


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xmi_of(found: ArticleDraft) -> bytes:
    return cas_of(renumbered(found), typesystem()).to_xmi().encode("utf-8")


def test_inception_project_zip_gives_each_annotators_version(tmp_path: Path) -> None:
    types = typesystem().to_xml().encode("utf-8")
    anna = draft()
    anna.annotations = anna.annotations[:2]
    anna.links, anna.groups = [], []
    tsv_draft = draft()
    project = zip_bytes({
        "exportedproject123.json": b"{}",
        "source/regen.txt": TEXT.encode(),
        "annotation/regen.txt/INITIAL_CAS.xmi": xmi_of(ArticleDraft(text=TEXT)),
        "annotation/regen.txt/anna.zip": zip_bytes({"anna.xmi": xmi_of(anna),
                                                    "TypeSystem.xml": types}),
        "annotation/regen.txt/bernd.xmi": b"<broken",
        "annotation/regen.txt/carla.tsv": write_tsv_bytes(tmp_path, tsv_draft),
        "curation/regen.txt/CURATION_USER.xmi": xmi_of(draft()),
        "TypeSystem.xml": types,
    })
    path = tmp_path / "projekt.zip"
    path.write_bytes(project)
    items = list(iter_import([path]))
    drafts = [x for x in items if isinstance(x, ArticleDraft)]
    failures = [x for x in items if isinstance(x, ImportFailure)]
    assert [d.annotator for d in drafts] == ["anna", "carla", "gold"]
    assert all(d.text == TEXT and d.title == "regen.txt" for d in drafts)
    assert [len(d.annotations) for d in drafts] == [2, 8, 8]
    assert {s.made.annotator for s in drafts[0].annotations} == {"anna"}
    assert len(drafts[2].links) == 3
    assert len(failures) == 1 and failures[0].path.endswith("bernd.xmi")
    assert "not a UIMA CAS XMI" in failures[0].reason


def write_tsv_bytes(tmp_path: Path, found: ArticleDraft) -> bytes:
    folder = tmp_path / "tsv-entry"
    written = write_webanno_tsv([found], folder)
    return next(p for p in written if p.suffix == ".tsv").read_bytes()


def test_folder_of_our_exports_imports_and_bad_files_are_named(tmp_path: Path) -> None:
    """A bad ``.xmi`` fails; a ``.tsv`` or zip of another program is skipped, not recognised
    (tests/test_bugfix_folder_import.py)."""
    write_xmi([draft()], tmp_path / "xmi")
    write_webanno_tsv([draft()], tmp_path / "tsv")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.tsv").write_text("Wort\tTag\n", encoding="utf-8")
    (tmp_path / "bad" / "b.xmi").write_text("<xmi/>", encoding="utf-8")
    (tmp_path / "bad" / "c.zip").write_bytes(zip_bytes({"readme.txt": b"hallo"}))
    items = list(iter_import([tmp_path]))
    failures = {Path(x.path).name: x.reason for x in items if isinstance(x, ImportFailure)
                and not isinstance(x, ImportSkip)}
    assert set(failures) == {"b.xmi"}
    assert "TypeSystem.xml" in failures["b.xmi"]
    assert [Path(x.path).name for x in items if isinstance(x, ImportSkip)] == ["a.tsv", "c.zip"]
    drafts = [x for x in items if isinstance(x, ArticleDraft)]
    assert len(drafts) == 2
    assert all(content(d) == content(draft()) for d in drafts)


@pytest.mark.parametrize("fmt", ["uima-xmi", "webanno-tsv"])
def test_registered_export_formats(fmt: str, tmp_path: Path) -> None:
    from annotator.io.formats import FORMATS, outputs, writer

    assert fmt in FORMATS
    assert outputs(fmt, "train") == ([], ["train"])
    written = writer(fmt)([draft()], tmp_path / "train")
    assert all(p.is_file() and p.parent == tmp_path / "train" for p in written)


def test_xmi_writes_what_xml_cannot_hold_as_replacement_characters(tmp_path: Path) -> None:
    text = "Zeile\r\nmit\tTab,\x0cSeitenumbruch und Anna."
    start = text.index("Anna")
    found = ArticleDraft(text=text, title="t", annotations=[
        DocSpan("a", Layer.ENTITY, start, start + 4, "P\x00ER")])
    write_xmi([found], tmp_path)
    back = read_xmi_file(next(tmp_path.glob("*.xmi")))
    assert back.text == text.replace("\x0c", "\ufffd")  # tab and line breaks kept
    assert [(s.start, s.end, s.label) for s in back.annotations] == [
        (start, start + 4, "P\ufffdER")]


def test_xmi_from_another_inception_project(tmp_path: Path) -> None:
    """Types we did not write: a custom layer with its own feature, a relation between its
    spans, DKPro's document title; tokens and other DKPro types are not spans."""
    types = cassis.TypeSystem()
    meta = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData",
                             supertypeName="uima.tcas.DocumentAnnotation")
    types.create_feature(meta, "documentTitle", "uima.cas.String")
    entity = types.create_type(NAMED_ENTITY, supertypeName="uima.tcas.Annotation")
    types.create_feature(entity, "value", "uima.cas.String")
    person = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.ner.type.Person",
                               supertypeName=NAMED_ENTITY)
    token = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token",
                              supertypeName="uima.tcas.Annotation")
    opinion = types.create_type("webanno.custom.Meinung", supertypeName="uima.tcas.Annotation")
    types.create_feature(opinion, "Bewertung", "uima.cas.String")
    rel = types.create_type("webanno.custom.Bezug", supertypeName="uima.tcas.Annotation")
    types.create_feature(rel, "Governor", "webanno.custom.Meinung")
    types.create_feature(rel, "Dependent", "webanno.custom.Meinung")
    types.create_feature(rel, "Art", "uima.cas.String")
    cas = cassis.Cas(typesystem=types)
    cas.sofa_string = text = "🙂 Der Rat lobt den Plan. Die Opposition 𝔄 tadelt ihn."
    cas.add(meta(begin=0, end=len(text), documentTitle="rat.txt"))

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    cas.add(token(begin=at("Rat")[0], end=at("Rat")[1]))
    cas.add(entity(begin=at("Der Rat")[0], end=at("Der Rat")[1], value="ORG"))
    cas.add(person(begin=at("Opposition")[0], end=at("Opposition")[1]))
    first = opinion(begin=at("lobt")[0], end=at("lobt")[1], Bewertung="positiv")
    second = opinion(begin=at("tadelt")[0], end=at("tadelt")[1], Bewertung="negativ")
    cas.add_all([first, second])
    cas.add(rel(begin=second.begin, end=second.end, Governor=second, Dependent=first,
                Art="widerspricht"))
    cas.to_xmi(tmp_path / "rat.xmi")
    types.to_xml(tmp_path / "TypeSystem.xml")
    found = read_xmi_file(tmp_path / "rat.xmi")
    assert found.title == "rat.txt" and found.text == text
    spans = {s.key: (text[s.start:s.end], s.layer, s.label) for s in found.annotations}
    assert sorted(spans.values()) == [("Der Rat", Layer.ENTITY, "ORG"),
                                      ("Opposition", Layer.ENTITY, "Person"),
                                      ("lobt", Layer.ENTITY, "positiv"),
                                      ("tadelt", Layer.ENTITY, "negativ")]
    assert [(spans[x.from_key][0], spans[x.to_key][0], x.kind) for x in found.links] == [
        ("tadelt", "lobt", "widerspricht")]


def test_tsv_chain_layers_are_read_past_and_short_rows_named() -> None:
    chain = INCEPTION_TSV.replace(
        "#T_RL=", "#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|"
        "referenceType|referenceRelation\n#T_RL=")
    lines = []
    for line in chain.split("\n"):  # the chain's two columns: between the span and relations
        cells = line.split("\t")
        lines.append("\t".join([*cells[:5], "*->1-1", "*->1-1", *cells[5:]])
                     if line[:1].isdigit() else line)
    found = parse_webanno_tsv("\n".join(lines), "x.tsv")
    assert len(found.annotations) == 4 and len(found.links) == 1
    short = INCEPTION_TSV.replace("1-2\t6-10\ttraf\t_\t_\t_\t_", "1-2\t6-10\ttraf\t_")
    with pytest.raises(ImportProblem, match="token 1-2: 4 columns, the header names 7"):
        parse_webanno_tsv(short, "x.tsv")


def test_tsv_text_with_controls_and_backslashes_comes_back(tmp_path: Path) -> None:
    text = "Zeile\r\nmit\tTab\\n und \x01 und\x0cSeite.\n\nAnna sagte: C:\\Daten."
    start = text.index("Anna")
    original = ArticleDraft(text=text, title="t", annotations=[
        DocSpan("a", Layer.ENTITY, start, start + 4, "PER")])
    written = write_webanno_tsv([original], tmp_path)
    tsv = next(p for p in written if p.suffix == ".tsv").read_text("utf-8")
    assert "#Text=Zeile\\r\\nmit\\tTab\\\\n und \\\x01 und\\fSeite.\\n\\n\n" in tsv
    assert content(read_webanno_tsv_file(next(tmp_path.glob("*.tsv")))) == content(original)


def test_tsv_of_version_3_1_with_a_sentence_over_two_text_lines() -> None:
    old = ("#FORMAT=WebAnno TSV 3.1\n"
           "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\n\n"
           "#Text=Anna kam\n#Text=heim .\n1-1\t0-4\tAnna\tPER\n1-2\t5-8\tkam\t_\n"
           "1-3\t9-13\theim\t_\n1-4\t14-15\t.\t_\n")
    found = parse_webanno_tsv(old, "alt.tsv")
    assert found.text == "Anna kam\nheim ."
    assert [(s.start, s.end, s.label) for s in found.annotations] == [(0, 4, "PER")]


def test_a_germeval_tsv_is_still_read_as_conll(tmp_path: Path) -> None:
    germeval = tmp_path / "NER-de-dev.tsv"
    germeval.write_text("#\tquelle: erfunden\n1\tAnna\tB-PER\tO\n2\tkam\tO\tO\n3\t.\tO\tO\n\n"
                        "#\tquelle: erfunden\n1\tEs\tO\tO\n2\tregnet\tO\tO\n3\t.\tO\tO\n\n",
                        encoding="utf-8")
    items = list(iter_import([germeval]))
    assert not [x for x in items if isinstance(x, ImportFailure)]
    found = [x for x in items if isinstance(x, ArticleDraft)]
    assert found and any(s.label == "PER" for d in found for s in [*d.spans, *d.annotations])


@pytest.mark.parametrize("fmt", ["uima-xmi", "webanno-tsv"])
def test_project_round_trip_is_byte_identical(tmp_path: Path, fmt: str) -> None:
    """A project exported, imported into a new one and exported again: the same files."""
    from annotator.io.formats import writer
    from annotator.store import Project
    from annotator.store.datasets import AnnotatedImport, annotated_draft
    from tests.test_format_brat import build_project

    src, ids = build_project(tmp_path / "src.db")
    drafts = [annotated_draft(src, i) for i in ids]
    writer(fmt)(drafts, tmp_path / "one")
    if fmt == "uima-xmi":  # cassis reads every file strictly, links between ClaimSources
        types = cassis.load_typesystem(tmp_path / "one" / "TypeSystem.xml")
        links = [(a.Governor.layer, a.Dependent.layer)
                 for xmi in sorted((tmp_path / "one").glob("*.xmi"))
                 for a in cassis.load_cas_from_xmi(xmi, typesystem=types).select(
                     "webanno.custom.Attribution")]
        assert links == [("claim", "source")] * 4
    dst = Project.open(tmp_path / "dst.db")
    items = list(iter_import([tmp_path / "one"]))
    assert not [x for x in items if not isinstance(x, ArticleDraft)]
    importer = AnnotatedImport(dst)
    new_ids = [importer.add(x) for x in items]
    assert len(new_ids) == 3 and all(new_ids)
    again = [annotated_draft(dst, i) for i in new_ids if i]
    writer(fmt)(again, tmp_path / "two")
    files = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert files == {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    for old, new in zip(drafts, again, strict=True):
        assert content(new) == content(old)
    src.close()
    dst.close()


def test_project_zips_into_a_project_give_one_article_with_each_version(
        tmp_path: Path, project) -> None:
    """Each annotator's version (and the curation, gold) of one text: one article. (One zip
    holding them all is one import batch: that needs the same text twice in a batch to add
    a version, which issue 19's import change brings.)"""
    from annotator.app.importing import import_files

    types = typesystem().to_xml().encode("utf-8")
    anna, bernd = draft(), draft()
    anna.annotations = anna.annotations[:1]
    anna.links = bernd.links = []
    anna.groups = bernd.groups = []
    for n, (name, found) in enumerate([("annotation/regen.txt/anna.xmi", anna),
                                       ("annotation/regen.txt/bernd.xmi", bernd),
                                       ("curation/regen.txt/CURATION_USER.xmi", bernd)]):
        path = tmp_path / f"projekt{n}.zip"
        path.write_bytes(zip_bytes({name: xmi_of(found), "TypeSystem.xml": types}))
        report = import_files(project, [path])
        assert report.failed == [] and report.skipped == []
    (article,) = project.list_articles(0, 9)
    assert set(project.versions_of(article.id)) >= {"anna", "bernd", "gold"}


_ALPHABET = "ab Zü.😀𝔄\n\t\\|_[]*;-> "


@given(text=st.text(alphabet=_ALPHABET, min_size=3, max_size=40).filter(lambda t: t.strip()),
       cuts=st.lists(st.tuples(st.integers(0, 39), st.integers(1, 12),
                               st.sampled_from(list(Layer))), max_size=5))
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_and_spans_come_back_from_both_formats(tmp_path: Path, text: str,
                                                        cuts: list) -> None:
    spans = []
    for n, (start, width, layer) in enumerate(cuts):
        start = min(start, len(text) - 1)
        end = min(start + width, len(text))
        if text[start:end].strip():
            spans.append(DocSpan(f"k{n}", layer, start, end, f"L|{n}_x"))
    original = ArticleDraft(text=text, title="t", annotations=spans,
                            links=[DocLink(spans[0].key, spans[-1].key)] if spans else [])
    for name, write, read in (("x", write_xmi, read_xmi_file),
                              ("t", write_webanno_tsv, read_webanno_tsv_file)):
        folder = tmp_path / f"{name}{abs(hash((text, tuple(cuts))))}"
        written = write([original], folder)
        back = read(next(p for p in written if p.suffix in (".xmi", ".tsv")))
        want = content(original)
        if name == "x":  # XML 1.0 has no place for some controls (none in the alphabet)
            assert content(back) == want
        else:  # TSV starts at the first token: white space before it comes back as spaces
            lead = len(text) - len(text.lstrip())
            assert content(back)[1:] == want[1:]
            assert back.text[lead:] == text[lead:] and not back.text[:lead].strip()


def test_tsv_layer_without_features_has_one_placeholder_column() -> None:
    tsv = ("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Markierung\n"
           "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\n\n"
           "#Text=Anna kam .\n1-1\t0-4\tAnna\t_\tPER\n1-2\t5-8\tkam\t*[1]\t_\n"
           "1-3\t9-10\t.\t*[1]\t_\n")
    found = parse_webanno_tsv(tsv, "m.tsv")
    assert sorted((found.text[s.start:s.end], s.label) for s in found.annotations) == [
        ("Anna", "PER"), ("kam .", "Markierung")]
