"""Issue 19's flow, end to end, for two and for three annotators: each imports the same small
corpus into a project file of their own and annotates it in the main window by keys (entities,
a claim, its source, the link, done), with disagreements designed in; `annotator merge` brings
the files together; the agreement window (Ctrl+Shift+A) shows the figures worked out by hand
below; the review queue (Ctrl+Shift+R) lists the disagreements; the adjudication window
(Ctrl+J) decides them by keys into a gold version; the export carries gold's spans, and the
queue lists no disagreement any more."""

from __future__ import annotations

import json
import re
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from typer.testing import CliRunner

from annotator.app.exporting import ExportOptions, export_project
from annotator.cli import app
from annotator.core.hashing import content_hash
from annotator.core.model import Layer, Status
from annotator.store import Project
from annotator.ui.adjudication_window import AdjudicationWindow
from annotator.ui.agreement_models import ArticleIdRole, ValueRole
from annotator.ui.agreement_window import AgreementWindow
from annotator.ui.main_window import MainWindow
from annotator.ui.review_queue_window import ReviewQueueWindow

Key, Mod = Qt.Key, Qt.KeyboardModifier

# The corpus: three short articles and a fourth only maria finishes. Tokens (the agreement's
# `[\w\p{M}]+|[^\w\s]`) are counted under each text; the second has astral characters (🌉
# U+1F309 and 😀 U+1F600: one code point, two UTF-16 units each) before the spans after them.
HOCHWASSER = ("Hochwasser in Dresden\n\n"
              "In Dresden steigt die Elbe weiter, sagte Anna Berger vom Umweltamt Sachsen.")
# Hochwasser in Dresden | In Dresden steigt die Elbe weiter , sagte Anna Berger vom Umweltamt
# Sachsen . -> 3 + 14 = 17 tokens
BRUECKE = ("Neue Brücke 🌉 in Meißen\n\n"
           "Die Brücke 🌉 in Meißen öffnet im Mai, sagte Karl Braun 😀 vom Bauamt.")
# Neue Brücke 🌉 in Meißen | Die Brücke 🌉 in Meißen öffnet im Mai , sagte Karl Braun 😀 vom
# Bauamt . -> 5 + 16 = 21 tokens
HAUSHALT = "Haushalt beschlossen\n\nDer Stadtrat von Görlitz beschloss am Dienstag den Haushalt."
# Haushalt beschlossen | Der Stadtrat von Görlitz beschloss am Dienstag den Haushalt . -> 12
PIRNA = "Kurz gemeldet\n\nIn Pirna regnet es seit Tagen."
TOKENS = 17 + 21 + 12  # the compared articles (everyone's version of Pirna but maria's missing)
ARTICLES = (HOCHWASSER, BRUECKE, HAUSHALT, PIRNA)

# What each annotator does, article by article: (what, text part, nth occurrence). `PER`,
# `LOC`, `ORG`: an entity (its digit key on the selected part); `CLAIM`: C on the part's
# sentence; `SOURCE`: S on the selected part; `LINK`: L on the claim, 1 in the source picker.
# The disagreements designed in (maria against jonas; lea in the three-annotator flow):
#   Hochwasser: the second "Dresden" LOC (maria, lea) / ORG (jonas); "Umweltamt Sachsen"
#     (maria, lea) / "Umweltamt" (jonas); "Anna Berger" (maria, jonas) / "Anna" (lea).
#   Brücke: ORG "Bauamt", the claim and its source: maria and lea, not jonas.
#   Haushalt: ORG "Stadtrat": lea only.
#   Pirna: maria only (nobody else has a version of it: missing, not "nothing").
HOCHWASSER_CLAIM = [("CLAIM", "steigt", 1), ("SOURCE", "Anna Berger", 1), ("LINK", "steigt", 1)]
BRUECKE_CLAIM = [("CLAIM", "öffnet", 1), ("SOURCE", "Karl Braun", 1), ("LINK", "öffnet", 1)]
PLANS: dict[str, list[list[tuple[str, str, int]]]] = {
    "maria": [
        [("LOC", "Dresden", 1), ("LOC", "Dresden", 2), ("LOC", "Elbe", 1),
         ("PER", "Anna Berger", 1), ("ORG", "Umweltamt Sachsen", 1), *HOCHWASSER_CLAIM],
        [("LOC", "Meißen", 1), ("LOC", "Meißen", 2), ("PER", "Karl Braun", 1),
         ("ORG", "Bauamt", 1), *BRUECKE_CLAIM],
        [("LOC", "Görlitz", 1)],
        [("LOC", "Pirna", 1)],
    ],
    "jonas": [
        [("LOC", "Dresden", 1), ("ORG", "Dresden", 2), ("LOC", "Elbe", 1),
         ("PER", "Anna Berger", 1), ("ORG", "Umweltamt", 1), *HOCHWASSER_CLAIM],
        [("LOC", "Meißen", 1), ("LOC", "Meißen", 2), ("PER", "Karl Braun", 1)],
        [("LOC", "Görlitz", 1)],
    ],
    "lea": [
        [("LOC", "Dresden", 1), ("LOC", "Dresden", 2), ("LOC", "Elbe", 1),
         ("PER", "Anna", 1), ("ORG", "Umweltamt Sachsen", 1), *HOCHWASSER_CLAIM],
        [("LOC", "Meißen", 1), ("LOC", "Meißen", 2), ("PER", "Karl Braun", 1),
         ("ORG", "Bauamt", 1), *BRUECKE_CLAIM],
        [("LOC", "Görlitz", 1), ("ORG", "Stadtrat", 1)],
    ],
}
ENTITY_KEYS = {"PER": Key.Key_1, "LOC": Key.Key_2, "ORG": Key.Key_3}


def at(text: str, part: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return start, start + len(part)


def span(text: str, what: str, part: str, nth: int = 1) -> tuple[str, int, int]:
    """The span a step makes: the claim is the sentence (each body is one), the rest the part."""
    if what == "CLAIM":
        return what, text.index("\n\n") + 2, len(text)
    return (what, *at(text, part, nth))


# -- working apart ----------------------------------------------------------------------------

def corpus(folder: Path, texts: tuple[str, ...] = ARTICLES) -> Path:
    path = folder / f"korpus-{len(list(folder.glob('korpus-*')))}.jsonl"
    path.write_text("".join(json.dumps({"text": t, "title": t.split("\n")[0]},
                                       ensure_ascii=False) + "\n" for t in texts),
                    encoding="utf-8")
    return path


def cli(*args: str | Path) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def open_window(qtbot: QtBot, project: Project, who: str) -> MainWindow:
    win = MainWindow(project, who)
    qtbot.addWidget(win)
    win.resize(1300, 800)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.open_first()
    win.view.text.setFocus()
    return win


def press(qtbot: QtBot, win: MainWindow, key, mod=Mod.NoModifier) -> None:
    qtbot.keyClick(win.view.text, key, mod)


def do(qtbot: QtBot, win: MainWindow, what: str, part: str, nth: int) -> None:
    text = win.workbench.state.text
    start, end = at(text, part, nth)
    if what in ("CLAIM", "LINK"):
        win.view.text.select_cp(start, start)
    else:
        win.view.text.select_cp(start, end)
    if what == "LINK":
        press(qtbot, win, Key.Key_L)
        (menu,) = [m for m in win.findChildren(QMenu, "sourcePicker") if m.isVisible()]
        qtbot.keyClicks(menu, "1")
        assert win.statusBar().currentMessage().startswith("Linked the claim to SOURCE")
    else:
        press(qtbot, win, {"CLAIM": Key.Key_C, "SOURCE": Key.Key_S}.get(what)
              or ENTITY_KEYS[what])


def annotate(qtbot: QtBot, path: Path, who: str) -> None:
    """``who`` works through their own file's articles by keys: those of their plan marked
    done (D, on to the next), the others passed by (N)."""
    plans = dict(zip(ARTICLES, PLANS[who], strict=False))
    with Project.open(path) as project:
        win = open_window(qtbot, project, who)
        left = dict(plans)
        while left:
            here = win.current_article
            plan = left.pop(win.workbench.state.text, None)
            for step in plan or []:
                do(qtbot, win, *step)
            press(qtbot, win, Key.Key_N if plan is None else Key.Key_D)
            assert project.version_status(here, who) is (Status.NEW if plan is None
                                                           else Status.DONE)
        win.close()
    with Project.open(path) as project:  # what was stored, as planned
        ids = {text: project.article_id_by_hash(content_hash(text)) for text in plans}
        for text, plan in plans.items():
            want = sorted(span(text, *step) for step in plan if step[0] != "LINK")
            got = sorted((a.label, a.start, a.end)
                         for a in project.annotations(ids[text], annotator=who)
                         if a.layer is not Layer.STRUCTURE)
            assert got == want, (who, text)
            links = project.links(ids[text], annotator=who)
            assert len(links) == sum(s[0] == "LINK" for s in plan)


# -- together: merge, agreement, the queue, adjudication, export -----------------------------

def work_apart(qtbot: QtBot, folder: Path, annotators: list[str]) -> Path:
    """Each imports the corpus into a file of their own and annotates it; all merged into
    one project with `annotator merge` (made when missing)."""
    files = []
    for n, who in enumerate(annotators):
        files.append(folder / f"{who}.db")
        # jonas's file has the articles the other way round (other ids; merge goes by text)
        cli("import", files[-1], corpus(folder, ARTICLES[::-1] if n == 1 else ARTICLES),
            "--no-suggest")
        annotate(qtbot, files[-1], who)
    target = folder / "projekt.db"
    out = cli("merge", target, *files)
    assert out.count("0 conflicts") == len(files)
    assert cli("merge", target, *files).count("0 versions brought") == len(files)  # again
    return target


def to_front(qtbot: QtBot, widget, focus) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    focus.setFocus()


def open_agreement(qtbot: QtBot, win: MainWindow) -> AgreementWindow:
    press(qtbot, win, Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
    window = win.findChild(AgreementWindow)
    assert window is not None and window.isVisible()
    if window.figures is None:
        with qtbot.waitSignal(window.computed, timeout=30_000):
            pass
    return window


def heat(window: AgreementWindow) -> dict[tuple[str, str], float | None]:
    """The heatmap's figure in each cell: (label row, pair column) → value."""
    m = window.heatmap
    return {(row, column): m.index(r, c).data(ValueRole)
            for r, row in enumerate(m.rows) for c, column in enumerate(m.columns)}


def kappa(counts_a: dict[str, int], counts_b: dict[str, int], same: int, n: int) -> Fraction:
    """Cohen's kappa from the labels' token counts and the tokens labelled alike."""
    p_o = Fraction(same, n)
    p_e = sum(Fraction(counts_a.get(c, 0) * counts_b.get(c, 0), n * n)
              for c in set(counts_a) | set(counts_b))
    return (p_o - p_e) / (1 - p_e)


def alpha(totals: dict[str, int], n: int, equal: int) -> Fraction:
    """Krippendorff's nominal alpha: ``n`` pairable values, ``equal`` their coincidences."""
    return 1 - Fraction((n - 1) * (n - equal), n * n - sum(v * v for v in totals.values()))


def open_queue(qtbot: QtBot, win: MainWindow) -> ReviewQueueWindow:
    press(qtbot, win, Key.Key_R, Mod.ControlModifier | Mod.ShiftModifier)
    queue = win.findChild(ReviewQueueWindow)
    assert queue is not None and queue.isVisible()
    qtbot.waitUntil(queue.isActiveWindow)
    return queue


def disagreements(queue: ReviewQueueWindow) -> list[str]:
    table = queue.table
    return [table.item(r, 1).text() for r in range(table.rowCount())
            if table.item(r, 0).text() == "disagreement"]


# "disagreement 2 of 3 (entity): 1 maria: LOC „Dresden“ · 2 jonas: ORG „Dresden“ · gold: none"
DESCRIBED = re.compile(r"disagreement (\d+) of (\d+) \(([^)]*)\): (.*) · gold: (.*)$")


def adjudicate(qtbot: QtBot, win: MainWindow, decisions: list[tuple[str, list, str]]
               ) -> list[int]:
    """Ctrl+J on the open article; in each article every disagreement in turn (J), decided by
    the first decision whose needle is in what the annotators have there (keys pressed, gold's
    then), anything else by 1 (the first annotator's); Enter marks gold done and opens the next
    article, until none is left. The articles adjudicated."""
    press(qtbot, win, Key.Key_J, Mod.ControlModifier)
    window = win.findChild(AdjudicationWindow)
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.gold.text.hasFocus())
    keys, seen, left = window.gold.text, [], list(decisions)
    while True:
        assert window.adj is not None
        seen.append(window.adj.article_id)
        found = DESCRIBED.search(window.status.text())
        total = int(found.group(2)) if found else 0
        for n in range(1, total + 1):
            now = DESCRIBED.search(window.status.text())
            assert now is not None and int(now.group(1)) == n, window.status.text()
            says = f"({now.group(3)}): {now.group(4)}"
            mine = next((d for d in left if d[0] in says), None)
            for key in mine[1] if mine else [Key.Key_1]:
                qtbot.keyClick(keys, *(key if isinstance(key, tuple) else (key,)))
            if mine:
                left.remove(mine)
                assert DESCRIBED.search(window.status.text()).group(5) == mine[2], (
                    says, window.said.text())
            qtbot.keyClick(keys, Key.Key_J)
        assert total == 0 or " 1 of " in window.status.text()  # round: back at the first
        before = window.adj.article_id
        qtbot.keyClick(keys, Key.Key_Return)
        assert win.project.version_status(before, "gold") is Status.DONE
        if "no article after it" in window.said.text():
            break
    assert left == [], f"not met: {left}"
    window.close()
    return seen


def gold(project: Project, article_id: int) -> list[tuple[str, str]]:
    text = project.article(article_id).text
    return sorted((a.label, text[a.start:a.end]) for a in
                  project.annotations(article_id, annotator="gold"))


def exported(project: Project, folder: Path) -> dict[str, list[tuple[str, str, str]]]:
    """The JSONL export (the app's use case, as File ▸ Export and the command line run it):
    each article's title → its spans (label, text, who made them)."""
    report = export_project(project, ExportOptions(fmt="jsonl", out=folder))
    assert report.warnings == [], report.warnings
    out = {}
    for path in folder.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            task = json.loads(line)
            out[task["meta"]["title"]] = sorted(
                (s["label"], task["text"][s["start"]:s["end"]], s.get("_annotator_id"))
                for s in task["spans"])
    return out


UNDO = (Key.Key_Z, Mod.ControlModifier)


# Gold: the claims are the articles' bodies.
HOCHWASSER_GOLD = [("CLAIM", HOCHWASSER.split("\n\n")[1]), ("LOC", "Dresden"),
                   ("LOC", "Dresden"), ("LOC", "Elbe"), ("PER", "Anna Berger"),
                   ("SOURCE", "Anna Berger")]
BRUECKE_GOLD = [("CLAIM", BRUECKE.split("\n\n")[1]), ("LOC", "Meißen"), ("LOC", "Meißen"),
                ("PER", "Karl Braun"), ("SOURCE", "Karl Braun")]


def check_export(project: Project, folder: Path, golds: dict[int, list[tuple[str, str]]],
                 others: dict[int, list[tuple[str, str, str]]]) -> None:
    """Articles with a gold version are exported as gold has them (gold's spans, nobody
    else's); the others with the versions they have."""
    titles = {aid: project.article(aid).title for aid in (*golds, *others)}
    out = exported(project, folder)
    assert set(out) == set(titles.values())
    for aid, spans in golds.items():
        assert out[titles[aid]] == sorted((*span, "gold") for span in spans), aid
    for aid, spans in others.items():
        assert out[titles[aid]] == spans, aid


def test_two_annotators_apart_merged_measured_adjudicated(qtbot: QtBot, tmp_path: Path) -> None:
    merged = work_apart(qtbot, tmp_path, ["maria", "jonas"])
    project = Project.open(merged)
    win = open_window(qtbot, project, "leitung")
    assert [project.versions_of(aid) for aid in (1, 2, 3, 4)] == [
        {"maria": Status.DONE, "jonas": Status.DONE}] * 3 + [{"maria": Status.DONE}]

    # Agreement. Compared: Hochwasser, Brücke, Haushalt (Pirna: jonas has no version).
    # Entities, maria: 5 + 4 + 1 = 10 spans, jonas: 5 + 3 + 1 = 9. The same (label, start,
    # end): Hochwasser 3 (Dresden 1, Elbe, Anna Berger), Brücke 3, Haushalt 1 = 7:
    # exact F1 = 2·7/19. Relaxed adds ORG „Umweltamt Sachsen“ ~ „Umweltamt“: 2·8/19.
    # Per label: LOC 6 and 5 spans, 5 the same: 10/11; ORG 2 and 2, none the same: 0,
    # overlapping one pair: 2·1/4; PER 2 and 2, both the same: 1.
    window = open_agreement(qtbot, win)
    assert window.status.text().startswith("maria, jonas · 3 articles compared · layer entity")
    assert window.heatmap.columns == ["maria & jonas", "all (alpha)"]
    pair = "maria & jonas"
    exact = heat(window)
    assert exact[("all labels", pair)] == pytest.approx(14 / 19)
    assert exact[("LOC", pair)] == pytest.approx(10 / 11)
    assert exact[("ORG", pair)] == 0.0 and exact[("PER", pair)] == 1.0
    # Tokens: 50 in the three articles. maria: LOC 6 (Dresden, Dresden, Elbe, Meißen, Meißen,
    # Görlitz), PER 4 (Anna, Berger, Karl, Braun), ORG 3 (Umweltamt, Sachsen, Bauamt), O 37;
    # jonas: LOC 5, PER 4, ORG 2 (Dresden, Umweltamt), O 39. They differ on 3 tokens (the
    # second Dresden, Sachsen, Bauamt): p_o = 47/50, p_e = (6·5 + 4·4 + 3·2 + 37·39)/50²,
    # kappa = (2350 − 1495)/(2500 − 1495) = 57/67. Alpha: 100 values, 94 coinciding (2 in
    # each of the 47 units alike), LOC 11, PER 8, ORG 5, O 76: 1 − 99·6/(100² − 5986) = 190/223.
    maria = {"LOC": 6, "PER": 4, "ORG": 3, "O": 37}
    jonas = {"LOC": 5, "PER": 4, "ORG": 2, "O": 39}
    assert kappa(maria, jonas, 47, TOKENS) == Fraction(57, 67)
    assert alpha({"LOC": 11, "PER": 8, "ORG": 5, "O": 76}, 100, 94) == Fraction(190, 223)
    assert exact[("all labels", "all (alpha)")] == pytest.approx(190 / 223)
    qtbot.keyClick(window.article_view, Key.Key_F)
    relaxed = heat(window)
    assert relaxed[("all labels", pair)] == pytest.approx(16 / 19)
    assert relaxed[("ORG", pair)] == pytest.approx(1 / 2)
    qtbot.keyClick(window.article_view, Key.Key_F)
    kappas = heat(window)
    assert "heatmap: kappa" in window.status.text()
    assert kappas[("all labels", pair)] == pytest.approx(57 / 67)
    # ORG against the rest: maria 3 ORG tokens, jonas 2, alike on 47: kappa 44/119.
    assert kappa({"ORG": 3, "-": 47}, {"ORG": 2, "-": 48}, 47, TOKENS) == Fraction(44, 119)
    assert kappas[("ORG", pair)] == pytest.approx(44 / 119)
    # The articles, the worst (by alpha) first. Hochwasser: 17 tokens, 2 differ; LOC 3 + 2,
    # PER 2 + 2, ORG 2 + 2, O 10 + 11: 1 − 33·4/(34² − 498) = 263/329. Brücke: 21 tokens, 1
    # differs: 280/321; Haushalt: all alike, 1.
    articles = window.articles
    assert [articles.index(r, 0).data(ArticleIdRole) for r in range(3)] == [1, 2, 3]
    assert alpha({"LOC": 5, "PER": 4, "ORG": 4, "O": 21}, 34, 30) == Fraction(263, 329)
    assert [articles.index(r, 6).data(ValueRole) for r in range(3)] == [
        pytest.approx(263 / 329), pytest.approx(280 / 321), 1.0]
    # Claims: maria marked two (Hochwasser, Brücke), jonas one, the same: F1 2·1/3; their
    # tokens: the sentences, 14 and 16; maria CLAIM 30, O 20, jonas CLAIM 14, O 36, alike
    # on 34: kappa (1700 − 1140)/(2500 − 1140) = 7/17. Links the same way: 2·1/3.
    qtbot.keyClick(window.article_view, Key.Key_L)
    assert window.layer == "claim"
    assert heat(window)[("CLAIM", pair)] == pytest.approx(7 / 17)  # still kappa
    assert kappa({"CLAIM": 30, "O": 20}, {"CLAIM": 14, "O": 36}, 34, TOKENS) == Fraction(7, 17)
    assert window.figures is not None and window.figures.claims is not None
    (links,) = window.figures.claims["links"]["pairs"]
    assert (links["f1"], links["matched"], links["links"]) == (pytest.approx(2 / 3), 1, [2, 1])
    window.close()

    # The review queue lists the two articles they disagree on.
    to_front(qtbot, win, win.view.text)
    queue = open_queue(qtbot, win)
    assert disagreements(queue) == ["Hochwasser in Dresden", "Neue Brücke 🌉 in Meißen"]

    # Adjudication: Hochwasser, then Brücke (Haushalt: they agree). Agreed spans are in gold
    # from the start; the rest decided by keys (2, undone, then 1; X: none; Delete).
    to_front(qtbot, win, win.view.text)
    assert adjudicate(qtbot, win, [
        ("2 jonas: ORG „Dresden“", [Key.Key_2, UNDO, Key.Key_1], "maria's"),
        ("2 jonas: ORG „Umweltamt“", [Key.Key_1, Key.Key_X, Key.Key_2], "jonas's"),
        ("(claim)", [Key.Key_1], "maria's"),
        ("(source)", [Key.Key_1], "maria's"),
        # maria's, then Delete at the gold pane's cursor (after three astral characters)
        ("1 maria: ORG „Bauamt“", [Key.Key_1, Key.Key_Delete], "jonas's"),  # his: nothing
    ]) == [1, 2]
    hochwasser = sorted([*HOCHWASSER_GOLD, ("ORG", "Umweltamt")])
    assert gold(project, 1) == hochwasser and gold(project, 2) == BRUECKE_GOLD
    assert not project.has_version(3, "gold")

    to_front(qtbot, queue, queue.table)  # read again as it comes to the front
    assert disagreements(queue) == []
    check_export(project, tmp_path / "export", {1: hochwasser, 2: BRUECKE_GOLD}, {
        3: [("LOC", "Görlitz", "jonas")],  # agreed: once, from the first name's version
        4: [("LOC", "Pirna", "maria")]})
    win.close()
    project.close()


def test_three_annotators_apart_merged_measured_adjudicated(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    merged = work_apart(qtbot, tmp_path, ["maria", "jonas", "lea"])
    project = Project.open(merged)
    win = open_window(qtbot, project, "leitung")

    # Agreement. Entities, lea: Hochwasser 5 (PER „Anna“ alone), Brücke 4, Haushalt 2 (ORG
    # „Stadtrat“) = 11 spans. maria & lea: the same 4 + 4 + 1 = 9 of 10 + 11: 18/21; relaxed
    # adds Anna ~ Anna Berger: 20/21. jonas & lea: 2 + 3 + 1 = 6 of 9 + 11: 12/20; relaxed
    # adds Anna ~ Anna Berger and Umweltamt ~ Umweltamt Sachsen: 16/20. maria & jonas: above.
    window = open_agreement(qtbot, win)
    assert window.status.text().startswith("maria, jonas, lea · 3 articles compared")
    pairs = ["maria & jonas", "maria & lea", "jonas & lea"]
    assert window.heatmap.columns == [*pairs, "all (alpha)"]
    exact = heat(window)
    assert [exact[("all labels", p)] for p in pairs] == [
        pytest.approx(14 / 19), pytest.approx(18 / 21), pytest.approx(12 / 20)]
    qtbot.keyClick(window.article_view, Key.Key_F)
    relaxed = heat(window)
    assert [relaxed[("all labels", p)] for p in pairs] == [
        pytest.approx(16 / 19), pytest.approx(20 / 21), pytest.approx(16 / 20)]
    # Tokens, lea: LOC 6, PER 3 (Anna, Karl, Braun), ORG 4 (Umweltamt, Sachsen, Bauamt,
    # Stadtrat), O 37. With maria she differs on Berger and Stadtrat (48 alike), with jonas
    # on the second Dresden, Berger, Sachsen, Bauamt, Stadtrat (45 alike).
    maria = {"LOC": 6, "PER": 4, "ORG": 3, "O": 37}
    jonas = {"LOC": 5, "PER": 4, "ORG": 2, "O": 39}
    lea = {"LOC": 6, "PER": 3, "ORG": 4, "O": 37}
    assert kappa(maria, lea, 48, TOKENS) == Fraction(2400 - 1429, 2500 - 1429)
    assert kappa(jonas, lea, 45, TOKENS) == Fraction(2250 - 1493, 2500 - 1493)
    qtbot.keyClick(window.article_view, Key.Key_F)
    kappas = heat(window)
    assert [kappas[("all labels", p)] for p in pairs] == [
        pytest.approx(57 / 67), pytest.approx(971 / 1071), pytest.approx(757 / 1007)]
    # Alpha: 50 units of 3 values, 150 in all; 45 units alike (3 coincidences each), 5 split
    # 2 to 1 (1 each): 140; LOC 17, PER 11, ORG 9, O 113: 1 − 149·10/(150² − 13260) = 775/924.
    assert alpha({"LOC": 17, "PER": 11, "ORG": 9, "O": 113}, 150, 140) == Fraction(775, 924)
    assert kappas[("all labels", "all (alpha)")] == pytest.approx(775 / 924)
    # The articles, worst first. Haushalt: 12 units, 1 split: LOC 3, ORG 1, O 32:
    # 1 − 35·2/(36² − 1034) = 96/131. Hochwasser: 17 units, 3 split (Dresden, Berger,
    # Sachsen): LOC 8, PER 5, ORG 6, O 32: 1 − 50·6/(51² − 1149) = 96/121. Brücke: 21 units,
    # 1 split (Bauamt): LOC 6, PER 6, ORG 2, O 49: 1 − 62·2/(63² − 2477) = 342/373.
    assert alpha({"LOC": 3, "ORG": 1, "O": 32}, 36, 34) == Fraction(96, 131)
    assert alpha({"LOC": 8, "PER": 5, "ORG": 6, "O": 32}, 51, 45) == Fraction(96, 121)
    assert alpha({"LOC": 6, "PER": 6, "ORG": 2, "O": 49}, 63, 61) == Fraction(342, 373)
    articles = window.articles
    assert [(articles.index(r, 0).data(ArticleIdRole), articles.index(r, 6).data(ValueRole))
            for r in range(3)] == [(3, pytest.approx(96 / 131)), (1, pytest.approx(96 / 121)),
                                   (2, pytest.approx(342 / 373))]
    # Claims: lea marked maria's two: kappa 1 with her, 7/17 with jonas (as maria); links too.
    qtbot.keyClick(window.article_view, Key.Key_L)
    claims = heat(window)
    assert [claims[("CLAIM", p)] for p in pairs] == [
        pytest.approx(7 / 17), 1.0, pytest.approx(7 / 17)]
    assert window.figures is not None and window.figures.claims is not None
    assert [p["f1"] for p in window.figures.claims["links"]["pairs"]] == [
        pytest.approx(2 / 3), 1.0, pytest.approx(2 / 3)]
    window.close()

    to_front(qtbot, win, win.view.text)
    queue = open_queue(qtbot, win)
    assert disagreements(queue) == ["Hochwasser in Dresden", "Neue Brücke 🌉 in Meißen",
                                    "Haushalt beschlossen"]

    # Adjudication of all three: lea's (3) where she sides with maria, maria's „Anna Berger“
    # after lea's „Anna“ was undone, none (0) of lea's „Stadtrat“. Gold names the first
    # annotator whose spans it has there.
    to_front(qtbot, win, win.view.text)
    assert adjudicate(qtbot, win, [
        ("2 jonas: ORG „Dresden“", [Key.Key_3], "maria's"),
        ("3 lea: PER „Anna“", [Key.Key_3, UNDO, Key.Key_1], "maria's"),
        ("2 jonas: ORG „Umweltamt“", [Key.Key_1], "maria's"),
        ("(claim)", [Key.Key_3], "maria's"),
        ("(source)", [Key.Key_3], "maria's"),
        ("2 jonas: nothing · 3 lea: ORG „Bauamt“", [Key.Key_3], "maria's"),
        ("3 lea: ORG „Stadtrat“", [Key.Key_3, Key.Key_0], "maria's"),
    ]) == [1, 2, 3]
    golds = {1: sorted([*HOCHWASSER_GOLD, ("ORG", "Umweltamt Sachsen")]),
             2: sorted([*BRUECKE_GOLD, ("ORG", "Bauamt")]), 3: [("LOC", "Görlitz")]}
    assert {aid: gold(project, aid) for aid in golds} == golds

    to_front(qtbot, queue, queue.table)
    assert disagreements(queue) == []
    check_export(project, tmp_path / "export", golds, {4: [("LOC", "Pirna", "maria")]})
    win.close()
    project.close()
