"""Benchmark: a project with many articles (default 100,000) behind the lazy article list.

Generates a project of N short German-like articles (~80 words each; 70 % new, 20 % in
progress, 10 % done in the annotator maria's versions; three model suggestions per article, two
of her annotations on every tenth one; a rare word in 12 of them), writing straight through
``project.db`` with ``executemany`` in one transaction (the FTS5 triggers index every row as in
real imports). Then measures, as the window reads it for maria (her status, her counts),
against the baseline of a trivial ``SELECT id FROM articles LIMIT 200`` in the same run:

  - ArticleListModel: constructing it (one count) and reading its first row (one page);
  - the page the model reads for a row at page 250 (``list_articles`` at offset 49,800);
  - ``count_articles`` with a status filter, and without (the status bar after every edit);
    and, for information, with the status "new" (the articles she has no version of);
  - FTS search (``ArticleFilter.query``) for a rare word, a common one, and the one-letter
    prefix that search-as-you-type runs first: count and first page;
  - the label filter: count and first page;
  - ``position()`` of an article near the end, and ``ArticleListModel.refresh_article``, which
    runs it after every edit of the open article;
  - ``select_article`` of an article near the end (``row_of``, then its page), and, for
    information, a cold MainWindow start (construct, show, open_first);
  - memory: the rows the model holds after a QTableView scrolled to the bottom 5 times — pages
    only, never all N.

Budgets: the largest allowed ratio to the baseline query (0.04-0.09 ms here), in two classes.
Page-sized work must cost about one page wherever it happens; work that has to pass over all N
articles (a count, a search that matches half the project) may cost a pass over N, but not
seconds. Measured figures (2 busy cores, four runs) are in docs/performance.md.

  PAGE  <=  150x  model first page, list_articles at page 250 (offset 49,800), the FTS rare
                  word (count and first page), label filter first page, count_articles with a
                  status filter and without, model.refresh_article (runs after every edit)
  SCAN  <= 8000x  FTS common word and typed one-letter prefix (count and first page), label
                  filter count, position() (a count up to the article), and
                  select_article of an article near the end (MainWindow restoring the last
                  article, or keeping it selected after a filter change)
  rows held by the model after 5 scrolls to the bottom <= 6 pages, and fewer than N

The ratio of the SCAN class grows with N: sized for the default 100,000, met with room at
smaller N. Some budgets were NOT met by the app code when this benchmark was written (deep
OFFSET pages, refresh_article, select_article far down: docs/performance.md, "Problems found"):
it then exits 1, by design.

Exit status: 0 when every budget is met, 1 when one is exceeded (the table says which);
``--report-only`` prints the same verdict but exits 0 (used by tests/test_bench_smoke.py).

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
from _common import (  # noqa: E402
    Row,
    median,
    median_ms,
    offscreen,
    report,
    sandbox_settings,
    timed,
    words,
)

offscreen()

PAGE_BUDGET, SCAN_BUDGET = 150.0, 8000.0  # see the module docstring
PAGE = 200  # rows a store read measured here takes, as many as the baseline query reads
SCROLLS = 5
RARE_WORD = "Zwergseeschwalbe"
COMMON_WORD = "der"  # in about half of the articles
TYPED = "d"  # search-as-you-type: the first key of "der" runs as the prefix query "d"*

WORDS = words(
    "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an "
    "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
    "war haben nur oder aber vor zur bis mehr durch man sein wurde sei wenn seit heute jedoch "
    "Vertrag Abkommen Verhandlungen Ministerium Wasserstraße Hochwasserschutz Schifffahrt "
    "Grenzübergang Umweltverbände Bürgerinitiative Stellungnahme Pressekonferenz Sprecherin "
    "Ausschuss Haushaltsmittel Uferböschung Fischtreppe Staustufe Gemeinderat Öffentlichkeit "
    "Maßnahmenpaket Vereinbarung Überprüfung Kläranlage Straßenbahn sagte erklärte betonte "
    "kritisierte forderte bestätigte Dresden Hamburg Riesa Prag Magdeburg Pirna Sachsen Brüssel"
)
OUTLETS = ["Elbtal-Bote", "Rheinische Rundschau", "Nordelbische Allgemeine", "Wochenwarte",
           "Hauptstadt-Depesche", "Prager Tageskurier"]
STATUSES = ["new"] * 7 + ["in_progress"] * 2 + ["done"]
LABELS = ["PER", "LOC", "ORG", "MISC"]
WHO = "maria"  # the annotator whose versions the list shows


def build_project(path: Path, n: int, seed: int):
    """N articles, their suggestions and some annotations, in one transaction."""
    from annotator.core.model import ModelInfo
    from annotator.store import Project
    from annotator.store.sql import now

    rng = random.Random(seed)
    project = Project.open(path)
    stamp = now()
    rare = set(rng.sample(range(n), min(12, n)))
    model = project.model_id(ModelInfo("de_annotator_ner", "0.1.0"))
    who = project.annotator_id(WHO)
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
        conn.execute(  # her versions: the articles in progress or done
            "INSERT INTO versions (article_id, annotator_id, status, started_at, "
            "status_changed_at) SELECT id, ?, status, ?, ? FROM articles WHERE status != 'new'",
            [who, stamp, stamp])
    project.db.execute("ANALYZE")
    return project


def model_rows_after_scrolling(app, project) -> tuple[int, int]:
    """A QTableView on a fresh model, scrolled to the bottom SCROLLS times: (rows, total)."""
    from PySide6.QtWidgets import QTableView

    from annotator.ui.article_list_model import ArticleListModel

    model = ArticleListModel(project, annotator=WHO)
    view = QTableView()
    view.setModel(model)
    view.resize(430, 700)
    view.show()
    app.processEvents()
    model.index(0, 0).data()  # what MainWindow.open_first does
    for _ in range(SCROLLS):
        view.scrollToBottom()
        app.processEvents()
        view.scrollToTop()
        app.processEvents()
    rows = model.loaded_rows()
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
    from annotator.ui.article_list_model import PAGE_SIZE as MODEL_PAGE  # the rows it reads
    from annotator.ui.article_list_model import ArticleListModel
    from annotator.ui.main_window import MainWindow

    def mine(**given) -> ArticleFilter:
        return ArticleFilter(annotator=WHO, **given)

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
    base_samples: list[float] = []

    def measure(fn) -> float:
        """Median of ``rep`` runs; the baseline runs 5 times before each, so that it sees the
        same machine load as the operation (its samples are pooled over the whole run)."""
        values = []
        for _ in range(rep):
            base_samples.extend(timed(baseline)[0] for _ in range(5))
            values.append(timed(fn)[0])
        return median(values)

    deep = (min(250, max(1, n // PAGE)) - 1) * PAGE
    rare_f, common_f = mine(query=RARE_WORD), mine(query=COMMON_WORD)
    status_f, new_f, all_f = mine(status=Status.IN_PROGRESS), mine(status=Status.NEW), mine()
    typed_f, label_f = mine(query=TYPED), mine(label="MISC")
    near_end = n - 10
    near_end_status = project.db.execute(  # the last in-progress article: the filter passes it
        "SELECT max(id) FROM articles WHERE status = 'in_progress'").fetchone()[0]

    def first_page():
        model = ArticleListModel(project, annotator=WHO)
        model.summary(0)
        assert model.loaded_rows() == min(MODEL_PAGE, n)

    def refresh_article():
        model = ArticleListModel(project, annotator=WHO)
        model.summary(model.row_of(near_end))  # the open article's page is cached
        t0 = time.perf_counter()
        model.refresh_article(near_end)  # what every edit of the open article triggers
        return (time.perf_counter() - t0) * 1e3

    measured = {
        "model_init": measure(lambda: ArticleListModel(project, annotator=WHO)),
        "first_page": measure(lambda: ArticleListModel(project, annotator=WHO).summary(0)),
        "deep_page": measure(lambda: project.list_articles(deep, PAGE, all_f)),
        "count_status": measure(lambda: project.count_articles(status_f)),
        "count_new": measure(lambda: project.count_articles(new_f)),
        "count_all": measure(lambda: project.count_articles(all_f)),
        "rare_count": measure(lambda: project.count_articles(rare_f)),
        "rare_page": measure(lambda: project.list_articles(0, PAGE, rare_f)),
        "common_count": measure(lambda: project.count_articles(common_f)),
        "common_page": measure(lambda: project.list_articles(0, PAGE, common_f)),
        "typed_count": measure(lambda: project.count_articles(typed_f)),
        "typed_page": measure(lambda: project.list_articles(0, PAGE, typed_f)),
        "label_count": measure(lambda: project.count_articles(label_f)),
        "label_page": measure(lambda: project.list_articles(0, PAGE, label_f)),
        "position": measure(lambda: project.position(near_end, all_f)),
        "position_status": measure(lambda: project.position(near_end_status, status_f)),
        "refresh": median(refresh_article() for _ in range(rep)),
        "teach": measure(lambda: project.teach_order(all_f)),
    }
    first_page()
    hits = (project.count_articles(rare_f), project.count_articles(common_f))
    assert len(project.list_articles(deep, PAGE, all_f)) == min(PAGE, n - deep)
    assert project.position(near_end, all_f) == near_end - 1
    assert project.count_articles(new_f) + project.count_articles(mine(status=Status.DONE)) \
        + project.count_articles(status_f) == n
    assert project.position(near_end_status, status_f) is not None

    # The window on the big project: the list's count, the status bar's two counts, the first
    # page and the first article (informative: a cold start of the GUI).
    def open_window():
        window = MainWindow(project, WHO)
        window.resize(1280, 800)
        window.show()
        window.open_first()
        app.processEvents()
        window.close()
        window.deleteLater()
        app.processEvents()

    measured["window"] = median_ms(open_window, max(1, rep // 2))

    # Jumping to an article far down the list (MainWindow.select_article: restoring the last
    # article at start, or keeping it selected after a filter change): one position() query,
    # then the one page the row falls on.
    jump = ArticleListModel(project, annotator=WHO)
    measured["jump"], _ = timed(lambda: jump.summary(jump.row_of(near_end)))
    jump_rows = jump.loaded_rows()
    rows_held, total = model_rows_after_scrolling(app, project)
    base = median(base_samples)

    q = f"'{RARE_WORD}' ({hits[0]} hits)"
    c = f"'{COMMON_WORD}' ({hits[1]} hits)"
    b = "SELECT id LIMIT 200"
    rows = [
        Row("baseline: SELECT id FROM articles LIMIT 200", base),
        Row("ArticleListModel() (count_articles)", measured["model_init"], b, base),
        Row("model first page (new model, first row)", measured["first_page"], b, base,
            PAGE_BUDGET),
        Row(f"list_articles page {deep // PAGE + 1} (offset {deep})", measured["deep_page"], b,
            base, PAGE_BUDGET),
        Row("count_articles, status filter", measured["count_status"], b, base,
            PAGE_BUDGET),
        Row("count_articles, status filter 'new' (no version)", measured["count_new"], b,
            base, note="informative: a pass over N"),
        Row("count_articles, all", measured["count_all"], b, base, PAGE_BUDGET),
        Row(f"FTS rare word: count {q}", measured["rare_count"], b, base, PAGE_BUDGET),
        Row("FTS rare word: first page", measured["rare_page"], b, base, PAGE_BUDGET),
        Row(f"FTS common word: count {c}", measured["common_count"], b, base,
            SCAN_BUDGET),
        Row("FTS common word: first page", measured["common_page"], b, base,
            SCAN_BUDGET),
        Row(f"FTS typed prefix '{TYPED}': count", measured["typed_count"], b, base,
            SCAN_BUDGET),
        Row("FTS typed prefix: first page", measured["typed_page"], b, base,
            SCAN_BUDGET),
        Row("label filter 'MISC': count", measured["label_count"], b, base, SCAN_BUDGET),
        Row("label filter 'MISC': first page", measured["label_page"], b, base,
            PAGE_BUDGET),
        Row(f"position() of article {near_end}", measured["position"], b, base,
            SCAN_BUDGET),
        Row(f"position() of article {near_end_status}, status filter",
            measured["position_status"], b, base, SCAN_BUDGET),
        Row("model.refresh_article (after every edit)", measured["refresh"], b, base,
            PAGE_BUDGET),
        Row("teach order: all ids, least certain first", measured["teach"], b, base,
            SCAN_BUDGET),
        Row("MainWindow + open_first (cold GUI start)", measured["window"], b, base,
            SCAN_BUDGET),
        Row(f"select_article({near_end}): row_of + its page", measured["jump"], b, base,
            SCAN_BUDGET, note=f"holds {jump_rows} rows afterwards"),
    ]
    limit = (SCROLLS + 1) * MODEL_PAGE
    pages_ok = rows_held <= limit and (rows_held < total or total <= limit)
    memory = (f"model rows held after {SCROLLS} scrolls to the bottom: {rows_held} of {total} "
              f"({rows_held / MODEL_PAGE:.0f} pages; budget <= {limit} and fewer than all) "
              f"{'ok' if pages_ok else 'OVER'}")
    title = f"bench_project: {n} articles, median of {rep} run(s)"
    exceeded = [] if pages_ok else [f"model holds {rows_held} rows after {SCROLLS} scrolls"]
    code = report(title, rows, [memory], exceeded)
    project.close()
    tmp.cleanup()
    return 0 if args.report_only else code


if __name__ == "__main__":
    sys.exit(main())
