"""A messy German news page imported: the rules' zones come in as suggestions in the structure
layer, the metadata is read off them (a guess from the first line never wins over them), and
what readers skip (a teaser list, a credit) gets no entity suggestion and no sentence."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.app.importing import run_import
from annotator.app.zones import RULES, zones_of
from annotator.core.model import Layer, Span
from annotator.store import Project

PAGE = """AFP
Streit um Elbe-Abkommen: Prag widerspricht Anna Berger
22. Oktober, 2024
Berlin (AFP) – Die Ministerin Anna Berger hat am Mittwoch das Abkommen in Dresden unterzeichnet. \
Das sagte eine Sprecherin am Abend.

Lesen Sie auch:
Neue Brücke in Dresden eröffnet 🌉
Foto: Max Muster / dpa

Prag widerspricht: Unterzeichnet worden sei erst am Donnerstag, sagte ein Sprecher der \
Regierung am Abend in Prag. Die Gespräche sollen in der kommenden Woche in Dresden weitergehen, \
hieß es aus beiden Hauptstädten.
"""


def _import(tmp_path: Path, project: Project, tiny_model: Path, name: str, content: str) -> int:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = run_import(project, [path], model=str(tiny_model))
    [article_id] = report.imported
    return article_id


def test_a_plain_page_gets_zones_and_the_metadata_they_give(
        tmp_path: Path, project: Project, tiny_model: Path) -> None:
    article_id = _import(tmp_path, project, tiny_model, "page.txt", PAGE)
    article = project.article(article_id)
    assert article.title == "Streit um Elbe-Abkommen: Prag widerspricht Anna Berger"  # not "AFP"
    assert (article.outlet, article.published) == ("AFP", "2024-10-22")
    zones = {(s.label, PAGE[s.start:s.end]) for s in project.suggestions(article_id, RULES)}
    assert ("TEASER", "Lesen Sie auch:\nNeue Brücke in Dresden eröffnet 🌉") in zones
    assert ("CREDIT", "Foto: Max Muster / dpa") in zones
    assert {s.layer for s in project.suggestions(article_id, RULES)} == {Layer.STRUCTURE}


def test_skipped_zones_get_no_entity_suggestion_and_no_sentence(
        tmp_path: Path, project: Project, tiny_model: Path) -> None:
    article_id = _import(tmp_path, project, tiny_model, "page.txt", PAGE)
    teaser = PAGE.index("Neue Brücke")
    dresden = [s.start for s in project.suggestions(article_id)
               if s.layer is Layer.ENTITY and PAGE[s.start:s.end] == "Dresden"]
    assert len(dresden) == 2  # the body's two, not the teaser's
    assert all(not teaser <= d < PAGE.index("Foto") for d in dresden)
    sentences = [PAGE[s.start:s.end] for s in project.matching.sentences(article_id=article_id)]
    assert not any("Brücke" in s or "Foto" in s for s in sentences)
    headline = "Streit um Elbe-Abkommen: Prag widerspricht Anna Berger"
    assert headline in sentences  # the headline is a unit of its own, never run into the next
    assert not any(headline in s and s != headline for s in sentences)


def test_a_person_s_zone_wins_over_the_rules(
        tmp_path: Path, project: Project, tiny_model: Path) -> None:
    article_id = _import(tmp_path, project, tiny_model, "page.txt", PAGE)
    start = PAGE.index("Prag widerspricht:")
    project.add_annotation(article_id, Layer.STRUCTURE, Span(start, start + 18, "SUBHEAD"), "maria")
    labels = {PAGE[z.start:z.end]: z.label for z in zones_of(project, article_id)}
    assert labels["Prag widerspricht:"] == "SUBHEAD"
    assert "Foto: Max Muster / dpa" in labels  # the rules' other zones stay


def test_fields_a_file_gives_win_over_derived_ones(
        tmp_path: Path, project: Project, tiny_model: Path) -> None:
    task = {"text": PAGE, "meta": {"title": "Mein Titel", "outlet": "Elbtal-Bote"}}
    article_id = _import(tmp_path, project, tiny_model, "task.jsonl", json.dumps(task) + "\n")
    article = project.article(article_id)
    assert (article.title, article.outlet) == ("Mein Titel", "Elbtal-Bote")
    assert article.published == "2024-10-22"  # the file had none: derived


CRUMBS = """Startseite Politik Sachsen
Dresden (dpa) - Die Landesregierung hat am Donnerstag neue Hochwasserpläne vorgestellt.
Foto: Max Muster/dpa
„Wir handeln jetzt", sagte Umweltministerin Anna Berger. Die Pläne sollen bis 2026 gelten.
"""


def test_a_page_opened_by_a_breadcrumb_is_titled_by_its_text_and_names_no_outlet(
        tmp_path: Path, project: Project, tiny_model: Path) -> None:
    """No headline, and the first line a trail of sections: neither the title nor the outlet
    is the breadcrumb (found trying the app with a pasted page)."""
    article = project.article(_import(tmp_path, project, tiny_model, "crumbs.txt", CRUMBS))
    assert article.title == ("Die Landesregierung hat am Donnerstag neue Hochwasserpläne "
                             "vorgestellt.")
    assert article.outlet == "dpa"  # the agency the dateline credits, not "Startseite Politik …"
    assert article.meta.get("dateline") == "Dresden"
    quote = CRUMBS.index("„Wir")
    # below a photo credit, but a quotation with its verb of saying: body, not the caption
    assert [z.label for z in zones_of(project, article.id)
            if z.start <= quote < z.end] == []
