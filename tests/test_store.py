"""The project file: migrations, de-duplication, transactions, layers and links."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import ArticleDraft, ArticleFilter, Layer, ModelInfo, Span, Status
from annotator.core.spans import SpanError
from annotator.store import Project, ProjectError
from annotator.store.schema import migrations
from annotator.store.stats import project_stats

TEXT = "Anna Berger 🇩🇪 unterschrieb in Dresden. „Ein Durchbruch“, sagte sie."


def add(project: Project, text: str = TEXT, **kw) -> int:
    article_id = project.add_article(ArticleDraft(text=text, **kw))
    assert article_id is not None
    return article_id


def test_migrations_from_empty_create_every_table(tmp_path: Path) -> None:
    p = Project.open(tmp_path / "new.db")
    tables = set(p.db.table_names())
    assert {"articles", "suggestions", "annotations", "links", "labels", "annotators",
            "models", "settings"} <= tables
    assert [m.name for m in migrations.applied(p.db)] == ["m001_initial", "m002_default_labels",
                                                 "m003_decisions_and_search", "m004_list_indexes",
                                                 "m005_sources_and_claim_groups",
                                                 "m006_sentences_and_match_decisions",
                                                 "m007_ids_never_reused", "m008_structure_zones",
                                                 "m009_one_group_per_claim",
                                                 "m010_annotator_versions",
                                                 "m011_zones_pending"]
    assert p.db.journal_mode == "wal"
    p.close()
    # Opening again applies nothing twice.
    again = Project.open(tmp_path / "new.db")
    assert len(migrations.applied(again.db)) == 11
    assert [lab.name for lab in again.labels(Layer.ENTITY)] == ["PER", "LOC", "ORG", "MISC"]
    again.close()


def test_not_a_project_file_is_named(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ProjectError, match="notes.db"):
        Project.open(bogus)
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "missing.db", create=False)


def test_same_text_twice_is_recognised(project: Project) -> None:
    first = add(project, title="Erste")
    assert project.add_article(ArticleDraft(text=TEXT.replace("\n", "\r\n") + "\n  ")) is None
    assert project.count_articles() == 1
    assert project.article(first).title == "Erste"


def test_article_round_trip_keeps_text_and_metadata(project: Project) -> None:
    aid = add(project, title="T", outlet="Elbtal-Bote", published="2024-10-23",
              meta={"agency": "dpa"}, source_path="in/a.txt")
    art = project.article(aid)
    assert art.text == TEXT and art.outlet == "Elbtal-Bote" and art.meta == {"agency": "dpa"}
    assert art.status is Status.NEW
    assert project.article_ids_by_source("a.txt") == [aid]


def test_spans_are_code_points_into_the_text(project: Project) -> None:
    aid = add(project)
    start = TEXT.index("Dresden")
    ann = project.add_annotation(aid, Layer.ENTITY, Span(start, start + 7, "LOC"), "maria")
    got = project.annotation(ann)
    assert TEXT[got.start:got.end] == "Dresden"
    with pytest.raises(SpanError):
        project.add_annotation(aid, Layer.ENTITY, Span(5, len(TEXT) + 1, "LOC"), "maria")


def test_failed_write_rolls_back_everything(project: Project) -> None:
    draft = ArticleDraft(text="Kurzer Text.", spans=[Span(0, 6, "MISC")])
    with pytest.raises(sqlite3.IntegrityError), project.transaction():
        project.add_article(draft)
        project.db.execute("INSERT INTO labels (layer, name, color) VALUES ('entity', 'PER', 'x')")
    assert project.count_articles() == 0
    assert project.annotations(1) == []


def test_pre_annotated_spans_come_in_as_import_annotations(project: Project) -> None:
    aid = project.add_article(ArticleDraft(text="Berlin ist groß.", spans=[Span(0, 6, "GPE")]))
    (ann,) = project.annotations(aid)
    assert (ann.label, ann.annotator, ann.layer) == ("GPE", "import", Layer.ENTITY)
    assert "GPE" in [lab.name for lab in project.labels(Layer.ENTITY)]


def test_suggestions_per_model_leave_annotations_alone(project: Project) -> None:
    aid = add(project)
    small, other = ModelInfo("de_annotator_ner", "0.1.0"), ModelInfo("de_core_news_md", "3.8.0")
    project.add_annotation(aid, Layer.ENTITY, Span(0, 11, "PER"), "maria")
    project.replace_suggestions(aid, small, [Span(0, 11, "PER"), Span(31, 38, "LOC")])
    project.replace_suggestions(aid, other, [Span(0, 4, "PER")])
    project.replace_suggestions(aid, small, [Span(31, 38, "LOC")])  # re-run replaces its own
    assert [(s.model, s.label) for s in project.suggestions(aid)] == [
        ("de_core_news_md", "PER"), ("de_annotator_ner", "LOC")]
    assert len(project.annotations(aid)) == 1
    assert project.articles_without_suggestions(small) == []
    assert project.articles_without_suggestions(ModelInfo("x", "1")) == [aid]


def test_layers_overlap_and_links_follow_deletes(project: Project) -> None:
    aid = add(project)
    claim = project.add_annotation(aid, Layer.CLAIM, Span(0, 38, "CLAIM"), "maria",
                                   attrs={"kind": "factual"})
    source = project.add_annotation(aid, Layer.SOURCE, Span(0, 11, "SOURCE"), "maria")
    entity = project.add_annotation(aid, Layer.ENTITY, Span(0, 11, "PER"), "jonas")
    link = project.add_link(claim, source, "attributed_to", "maria", {"cue": "sagte"})
    assert [(lk.id, lk.attrs["cue"]) for lk in project.links(aid)] == [(link, "sagte")]
    assert [a.layer for a in project.annotations(aid)] == [Layer.SOURCE, Layer.ENTITY, Layer.CLAIM]
    project.delete_annotation(source)
    assert project.links(aid) == []
    assert [a.id for a in project.annotations(aid, Layer.ENTITY)] == [entity]
    assert project.annotators() == ["maria", "jonas"]


def test_update_and_restore_annotation_keep_identity(project: Project) -> None:
    aid = add(project)
    ann = project.add_annotation(aid, Layer.ENTITY, Span(0, 4, "PER"), "maria")
    project.update_annotation(ann, end=11, label="ORG")
    assert (project.annotation(ann).end, project.annotation(ann).label) == (11, "ORG")
    project.delete_annotation(ann)
    restored = project.add_annotation(aid, Layer.ENTITY, Span(0, 11, "ORG"), "maria",
                                      annotation_id=ann)
    assert restored == ann


def test_list_articles_pages_and_filters(project: Project) -> None:
    ids = [add(project, text=f"Artikel Nummer {i}.") for i in range(25)]
    project.set_status(ids[3], Status.DONE)
    page = project.list_articles(offset=10, limit=10)
    assert [a.id for a in page] == ids[10:20]
    assert [a.id for a in project.list_articles(where=Status.DONE)] == [ids[3]]
    assert project.count_articles(Status.DONE) == 1


def test_outlets_name_an_article_by_its_outlet_or_the_start_of_its_title(
        project: Project) -> None:
    bote = add(project, outlet="Elbtal-Bote", title="Abkommen")
    untitled = add(project, text="Ein anderer Text.", title="Abkommen " * 10)
    assert project.outlets([bote, untitled, 999]) == {bote: "Elbtal-Bote",
                                                      untitled: ("Abkommen " * 5)[:40]}
    assert project.outlets([]) == {}


def test_claims_and_matching_write_in_the_projects_transaction(project: Project) -> None:
    aid = add(project)
    with pytest.raises(RuntimeError), project.transaction():
        project.claims.add_source("Anna Berger")
        project.matching.replace_sentences(aid, [(0, 39)])
        raise RuntimeError
    assert project.claims.sources() == []
    assert project.matching.sentences(article_id=aid) == []


def test_sentences_and_vectors_by_id_come_back_whole_past_the_parameter_limit(
        project: Project) -> None:
    aid = add(project, text="x" * 1200)
    project.matching.replace_sentences(aid, [(i, i + 1) for i in range(1200)])
    ids = project.matching.sentence_ids()
    assert [s.id for s in project.matching.sentences(reversed(ids))] == ids
    project.matching.put_vectors("m", [(i, bytes([i % 256])) for i in ids])
    assert project.matching.vectors("m", ids) == {i: bytes([i % 256]) for i in ids}


def test_stats_count_per_layer_and_label(project: Project) -> None:
    aid = add(project)
    project.replace_suggestions(aid, ModelInfo("m", "1"), [Span(0, 11, "PER"), Span(31, 38, "LOC")])
    project.add_annotation(aid, Layer.CLAIM, Span(0, 38, "CLAIM"), "maria")
    stats = project_stats(project)
    assert stats["articles"] == 1
    assert stats["suggestions"] == {"LOC": 1, "PER": 1}
    assert stats["annotations"] == {"claim": {"CLAIM": 1}}
    assert stats["annotators"] == [{"name": "maria", "annotations": 1}]


def test_settings_persist(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.db") as p:
        p.set_setting("model", "/models/de")
    with Project.open(tmp_path / "p.db") as p:
        assert p.setting("model") == "/models/de"
        assert p.setting("missing", "x") == "x"


def test_filter_by_label_and_full_text_search(project: Project) -> None:
    a = add(project, text="Die Ministerin unterzeichnete das Wasserabkommen in Dresden.")
    b = add(project, text="Der FC Elbtal gewann gegen Prag mit 3:1.")
    c = add(project, text="Das Museum in Görlitz öffnet am Sonntag.")
    project.replace_suggestions(b, ModelInfo("m", "1"), [Span(4, 13, "ORG")])
    project.add_annotation(c, Layer.ENTITY, Span(15, 22, "LOC"), "maria")
    project.set_status(a, Status.DONE)
    search = ArticleFilter
    assert [x.id for x in project.list_articles(where=search(query="abkommen"))] == []
    assert [x.id for x in project.list_articles(where=search(query="Wasserab"))] == [a]
    assert [x.id for x in project.list_articles(where=search(query="gorlitz"))] == [c]
    assert [x.id for x in project.list_articles(where=search(label="ORG"))] == [b]
    assert [x.id for x in project.list_articles(where=search(label="LOC"))] == [c]
    assert project.count_articles(search(status=Status.DONE, query="Dresden")) == 1
    assert project.count_articles(search(status=Status.NEW, query="Dresden")) == 0
    assert project.count_articles(search(query='"; DROP TABLE articles; --')) == 0
    assert project.count_articles() == 3


def test_two_connections_take_turns_instead_of_failing(tmp_path: Path) -> None:
    """A worker's connection and the GUI's: writes wait for each other, none fails."""
    import threading

    path = tmp_path / "shared.db"
    first = Project.open(path)
    done: list[int | None] = []
    writing = threading.Event()

    def other_connection() -> None:
        with Project.open(path) as second:
            second.db.conn.set_trace_callback(  # the write begins, and waits for the lock
                lambda sql: sql == "BEGIN IMMEDIATE" and writing.set())
            done.append(second.add_article(ArticleDraft(text="Vom Worker.")))

    with first.transaction():
        first.article_id_by_hash("nothing")  # a read opens the snapshot…
        worker = threading.Thread(target=other_connection)
        worker.start()
        assert writing.wait(30)  # …while the worker begins its write
        first.add_article(ArticleDraft(text="Von der Oberfläche."))
    worker.join(timeout=30)
    assert done and done[0] is not None
    assert first.count_articles() == 2
    first.close()
