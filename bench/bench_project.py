"""Benchmark: a project with many articles (default 100,000) behind the lazy article list.

Generates a project of N short German-like articles (~80 words each; 70 % new, 20 % in
progress, 10 % done; three model suggestions per article, two annotations on every tenth one;
a rare word in 12 of them), writing straight through ``project.db`` with ``executemany`` in one
transaction (the FTS5 triggers index every row as in real imports). Then measures, against the
baseline of a trivial ``SELECT id FROM articles LIMIT 200`` in the same run:

  - ArticleListModel: constructing it (one count) and its first page (``fetchMore``);
  - the page ``fetchMore`` asks for at page 250 (``list_articles`` at offset 49,800);
  - ``count_articles`` with a status filter, and without (the status bar after every edit);
  - FTS search (``ArticleFilter.query``) for a rare word and for a common one: count and
    first page;
  - ``position()`` of an article near the end (what ``select_article`` and every
    ``refresh_article`` after an edit run);
  - memory: the rows the model holds after a QTableView scrolled to the bottom 5 times — pages
    only, never all N.

Budgets (largest allowed ratio to the baseline query; figures in docs/performance.md, chosen
with ~3x headroom for a noisy 2-core machine; a ratio far above budget means a page-sized
operation became O(N) or worse):

  model first page (fetchMore)          <=    60x
  list_articles page 250 (deep offset)  <=   200x
  position() near the end               <=   200x
  FTS rare word: count, first page      <=   100x
  count_articles, status filter         <=   200x
  count_articles, all                   <=   200x
  FTS common word: count                <=  3000x   (O(N): every article matches)
  FTS common word: first page           <=  3000x
  model rows after 5 scrolls            <=  (5 + 1) pages, and fewer than N

The budgets on page-sized operations hold for any N; the O(N) ones (counts, the common word)
grow with N, so they are sized for the default 100,000 and met with room at smaller N.

Exit status: 0 when every budget is met, 1 when one is exceeded (the table says which).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_project.py [--articles 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Row, median, median_ms, offscreen, report, sandbox_settings, timed  # noqa: E402

offscreen()

BUDGETS = {
    "first_page": 60.0,
    "deep_page": 200.0,
    "position": 200.0,
    "rare": 100.0,
    "count_status": 200.0,
    "count_all": 200.0,
    "common": 3000.0,
}
PAGE = 200  # ArticleListModel's default page size
SCROLLS = 5
RARE_WORD = "Zwergseeschwalbe"
COMMON_WORD = "der"  # in about half of the articles
TYPED = "d"  # search-as-you-type: the first key of "der" runs as the prefix query "d"*

WORDS = (
    "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an "
    "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
    "war haben nur oder aber vor zur bis mehr durch man sein wurde sei wenn seit heute jedoch "
    "Vertrag Abkommen Verhandlungen Ministerium Wasserstraße Hochwasserschutz Schifffahrt "
    "Grenzübergang Umweltverbände Bürgerinitiative Stellungnahme Pressekonferenz Sprecherin "
    "Ausschuss Haushaltsmittel Uferböschung Fischtreppe Staustufe Gemeinderat Öffentlichkeit "
    "Maßnahmenpaket Vereinbarung Überprüfung Kläranlage Straßenbahn sagte erklärte betonte "
    "kritisierte forderte bestätigte Dresden Hamburg Riesa Prag Magdeburg Pirna Sachsen Brüssel"
).split()
OUTLETS = ["Elbtal-Bote", "Rheinische Rundschau", "Nordelbische Allgemeine", "Wochenwarte",
           "Hauptstadt-Depesche", "Prager Tageskurier"]
STATUSES = ["new"] * 7 + ["in_progress"] * 2 + ["done"]
LABELS = ["PER", "LOC", "ORG", "MISC"]


def build_project(path: Path, n: int, seed: int):
    """N articles, their suggestions and some annotations, in one transaction."""
    from annotator.core.model import ModelInfo
    from annotator.store import Project
    from annotator.store.project import now

    rng = random.Random(seed)
    project = Project.open(path)
    stamp = now()
    rare = set(rng.sample(range(n), min(12, n)))
    model = project.model_id(ModelInfo("de_annotator_ner", "0.1.0"))
    who = project.annotator_id("maria")
    conn = project.db.conn

    def articles():
        for i in range(n):
            words = rng.choices(WORDS, k=80)
            words[0] = words[0].capitalize()
            if i in rare:
                words[rng.randrange(1, 80)] = RARE_WORD
            text = f"Meldung {i + 1}\n\n" + " ".join(words) + "."
            yield (f"bench-{i:08d}", f"Meldung {i + 1}: {words[5]} {words[9]}",
                   OUTLETS[i % len(OUTLETS)], f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                   rng.choice(STATUSES), stamp, len(text), text)

    with project.transaction():
        conn.executemany(
            "INSERT INTO articles (hash, title, outlet, published, status, imported_at, "
            "char_count, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", articles())
        conn.executemany(
            'INSERT INTO suggestions (article_id, model_id, layer, label, start, "end", score, '
            "created_at) VALUES (?, ?, 'entity', ?, ?, ?, 0.9, ?)",
            ((a, model, LABELS[(a + k) % 4], 20 + 10 * k, 26 + 10 * k, stamp)
             for a in range(1, n + 1) for k in range(3)))
        conn.executemany(
            'INSERT INTO annotations (article_id, layer, label, start, "end", annotator_id, '
            "created_at, updated_at) VALUES (?, 'entity', ?, ?, ?, ?, ?, ?)",
            ((a, LABELS[(a + k) % 4], 60 + 10 * k, 66 + 10 * k, who, stamp, stamp)
             for a in range(1, n + 1, 10) for k in range(2)))
        conn.execute(
            "INSERT INTO suggestion_decisions (suggestion_id, decision, annotator_id, decided_at)"
            " SELECT id, 'rejected', ?, ? FROM suggestions WHERE id % 7 = 0", [who, stamp])
    project.db.execute("ANALYZE")
    return project


def model_rows_after_scrolling(app, project) -> tuple[int, int]:
    """A QTableView on a fresh model, scrolled to the bottom SCROLLS times: (rows, total)."""
    from PySide6.QtWidgets import QTableView

    from annotator.ui.article_list_model import ArticleListModel

    model = ArticleListModel(project)
    view = QTableView()
    view.setModel(model)
    view.resize(430, 700)
    view.show()
    app.processEvents()
    if model.rowCount() == 0 and model.canFetchMore():
        model.fetchMore()  # what MainWindow.open_first does
    for _ in range(SCROLLS):
        view.scrollToBottom()
        app.processEvents()
    rows = model.rowCount()
    view.close()
    view.deleteLater()
    app.processEvents()
    return rows, model.total()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the project")
    parser.add_argument("--repeat", type=int, default=5, help="runs; the median is reported")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report-only", action="store_true",
                        help="print the verdict but exit 0 when a budget is exceeded "
                             "(the smoke test: it proves the benchmark runs, times nothing)")
    args = parser.parse_args(argv)
    n, rep = args.articles, args.repeat

    from PySide6.QtWidgets import QApplication

    sandbox_settings()
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from annotator.core.model import ArticleFilter, Status
    from annotator.ui.article_list_model import ArticleListModel
    from annotator.ui.main_window import MainWindow

    tmp = tempfile.TemporaryDirectory(prefix="annotator-bench-")
    path = Path(tmp.name) / "bench.db"
    t_gen, project = timed(build_project, path, n, args.seed)
    size_mb = path.stat().st_size / 1e6
    print(f"project: {n} articles, {project.db['suggestions'].count} suggestions, "
          f"{project.db['annotations'].count} annotations, {size_mb:.0f} MB; "
          f"generated in {t_gen / 1e3:.1f} s")

    def baseline():
        return project.db.execute("SELECT id FROM articles LIMIT 200").fetchall()

    for _ in range(20):  # warm the page cache and the statement cache
        baseline()
    base = median_ms(baseline, 101)
    deep = (min(250, max(1, n // PAGE)) - 1) * PAGE
    rare_f, common_f = ArticleFilter(query=RARE_WORD), ArticleFilter(query=COMMON_WORD)
    status_f = ArticleFilter(status=Status.IN_PROGRESS)
    typed_f, label_f = ArticleFilter(query=TYPED), ArticleFilter(label="MISC")
    near_end = n - 10

    def first_page():
        model = ArticleListModel(project)
        t0 = time.perf_counter()
        model.fetchMore()
        assert model.rowCount() == min(PAGE, n)
        return (time.perf_counter() - t0) * 1e3

    measured = {
        "model_init": median_ms(lambda: ArticleListModel(project), rep),
        "first_page": median(first_page() for _ in range(rep)),
        "deep_page": median_ms(lambda: project.list_articles(deep, PAGE), rep),
        "count_status": median_ms(lambda: project.count_articles(status_f), rep),
        "count_all": median_ms(lambda: project.count_articles(), rep),
        "rare_count": median_ms(lambda: project.count_articles(rare_f), rep),
        "rare_page": median_ms(lambda: project.list_articles(0, PAGE, rare_f), rep),
        "common_count": median_ms(lambda: project.count_articles(common_f), rep),
        "common_page": median_ms(lambda: project.list_articles(0, PAGE, common_f), rep),
        "typed_count": median_ms(lambda: project.count_articles(typed_f), rep),
        "typed_page": median_ms(lambda: project.list_articles(0, PAGE, typed_f), rep),
        "label_count": median_ms(lambda: project.count_articles(label_f), rep),
        "label_page": median_ms(lambda: project.list_articles(0, PAGE, label_f), rep),
        "position": median_ms(lambda: project.position(near_end), rep),
        "position_status": median_ms(lambda: project.position(near_end, status_f), rep),
    }
    hits = (project.count_articles(rare_f), project.count_articles(common_f))
    assert len(project.list_articles(deep, PAGE)) == min(PAGE, n - deep)
    assert project.position(near_end) == near_end - 1

    # The window on the big project: the list's count, the status bar's two counts, the first
    # page and the first article (informative: a cold start of the GUI).
    def open_window():
        window = MainWindow(project, "maria")
        window.resize(1280, 800)
        window.show()
        window.open_first()
        app.processEvents()
        window.close()
        window.deleteLater()
        app.processEvents()

    measured["window"] = median_ms(open_window, max(1, rep // 2))

    # Jumping to an article far down the list (MainWindow.select_article: restoring the last
    # article at start, or keeping it selected after a filter change) goes through load_until,
    # which fetches every page before it. Informative: measured once.
    jump = ArticleListModel(project)
    measured["jump"], _ = timed(jump.load_until, near_end)
    jump_rows = jump.rowCount()
    rows_held, total = model_rows_after_scrolling(app, project)

    q = f"'{RARE_WORD}' ({hits[0]} hits)"
    c = f"'{COMMON_WORD}' ({hits[1]} hits)"
    b = "SELECT id LIMIT 200"
    rows = [
        Row("baseline: SELECT id FROM articles LIMIT 200", base),
        Row("ArticleListModel() (count_articles)", measured["model_init"], b, base),
        Row("model first page (fetchMore)", measured["first_page"], b, base,
            BUDGETS["first_page"]),
        Row(f"list_articles page {deep // PAGE + 1} (offset {deep})", measured["deep_page"], b,
            base, BUDGETS["deep_page"]),
        Row("count_articles, status filter", measured["count_status"], b, base,
            BUDGETS["count_status"]),
        Row("count_articles, all", measured["count_all"], b, base, BUDGETS["count_all"]),
        Row(f"FTS rare word: count {q}", measured["rare_count"], b, base, BUDGETS["rare"]),
        Row("FTS rare word: first page", measured["rare_page"], b, base, BUDGETS["rare"]),
        Row(f"FTS common word: count {c}", measured["common_count"], b, base,
            BUDGETS["common"]),
        Row("FTS common word: first page", measured["common_page"], b, base,
            BUDGETS["common"]),
        Row(f"FTS typed prefix '{TYPED}': count", measured["typed_count"], b, base,
            BUDGETS["common"]),
        Row("FTS typed prefix: first page", measured["typed_page"], b, base,
            BUDGETS["common"]),
        Row("label filter 'MISC': count", measured["label_count"], b, base, BUDGETS["common"]),
        Row("label filter 'MISC': first page", measured["label_page"], b, base,
            BUDGETS["first_page"]),
        Row(f"position() of article {near_end}", measured["position"], b, base,
            BUDGETS["position"]),
        Row("position(), status filter", measured["position_status"], b, base,
            BUDGETS["position"]),
        Row("MainWindow + open_first (cold GUI start)", measured["window"], b, base),
        Row(f"model.load_until(article {near_end})", measured["jump"], b, base,
            note=f"holds {jump_rows} rows afterwards"),
    ]
    limit = (SCROLLS + 1) * PAGE
    pages_ok = rows_held <= limit and (rows_held < total or total <= limit)
    memory = (f"model rows held after {SCROLLS} scrolls to the bottom: {rows_held} of {total} "
              f"({rows_held / PAGE:.0f} pages; budget <= {limit} and fewer than all) "
              f"{'ok' if pages_ok else 'OVER'}")
    title = f"bench_project: {n} articles, median of {rep} run(s)"
    code = report(title, rows, [memory])
    if not pages_ok:
        print(f"BUDGET EXCEEDED: model holds {rows_held} rows after {SCROLLS} scrolls")
        code = 1
    project.close()
    tmp.cleanup()
    return 0 if args.report_only else code


if __name__ == "__main__":
    sys.exit(main())
