"""`annotator meta` and `annotator zones`: print and set an article's details, print its zones,
run the rules again without touching what a person set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.store import Project

runner = CliRunner()
PAGE = """AFP
Streit um Elbe-Abkommen: Prag widerspricht Anna Berger
22. Oktober, 2024
Berlin (AFP) – Die Ministerin Anna Berger hat am Mittwoch das Abkommen in Dresden unterzeichnet.

Lesen Sie auch:
Neue Brücke in Dresden eröffnet
Foto: Max Muster / dpa

Die Gespräche sollen in der kommenden Woche in Dresden weitergehen, hieß es in Prag.
"""


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    path = tmp_path / "p.db"
    assert invoke("import", str(path), str(page), "--no-suggest").exit_code == 0
    return path


def test_meta_prints_and_sets_fields_marked_as_set_by_a_person(db: Path) -> None:
    shown = json.loads(invoke("meta", str(db), "1", "--json").output)
    assert shown == {"id": 1, "title": "Streit um Elbe-Abkommen: Prag widerspricht Anna Berger",
                     "outlet": "AFP", "author": None, "published": "2024-10-22", "url": None,
                     "edited": []}
    result = invoke("meta", str(db), "1", "--title", "Prag widerspricht", "--outlet", "",
                    "--published", "2024-10-23")
    assert result.exit_code == 0, result.output
    assert "title:     Prag widerspricht  (set by a person)" in result.output
    assert "outlet:    –  (set by a person)" in result.output
    with Project.open(db) as project:
        article = project.article(1)
        assert (article.title, article.outlet, article.published) == (
            "Prag widerspricht", None, "2024-10-23")
        assert article.edited == {"title", "outlet", "published"}


def test_meta_refuses_a_bad_date_and_an_unknown_article(db: Path) -> None:
    result = invoke("meta", str(db), "1", "--published", "22.10.2024")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert invoke("meta", str(db), "9").exit_code == 2
    with Project.open(db) as project:
        assert project.article(1).published == "2024-10-22"


def test_zones_prints_the_zones_in_force(db: Path) -> None:
    data = json.loads(invoke("zones", str(db), "--article", "1", "--json").output)
    [article] = data["articles"]
    zones = {(z["label"], z["text"], z["by"]) for z in article["zones"]}
    assert ("TEASER", "Lesen Sie auch:\nNeue Brücke in Dresden eröffnet", "rules") in zones
    assert all(PAGE[z["start"]:z["end"]] == z["text"] for z in article["zones"])
    text = invoke("zones", str(db)).output
    assert text.startswith("article 1: Streit um Elbe-Abkommen")
    assert "TEASER" in text and "Lesen Sie auch: ⏎ Neue Brücke" in text


def test_rerun_keeps_what_a_person_set(db: Path) -> None:
    invoke("meta", str(db), "1", "--title", "Mein Titel")
    with Project.open(db) as project:
        project.set_meta(1, edited={"title"}, outlet=None)  # as if derived before, now gone
    data = json.loads(invoke("zones", str(db), "--rerun", "--json").output)
    assert data["articles"][0]["rederived"] == {"outlet": "AFP"}
    with Project.open(db) as project:
        article = project.article(1)
        assert (article.title, article.outlet, article.edited) == ("Mein Titel", "AFP", {"title"})
