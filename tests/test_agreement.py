"""Agreement between annotators: every figure checked against values worked out by hand (the
arithmetic is in the comments), and against scikit-learn and the ``krippendorff`` package."""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.app.agreement import measure
from annotator.core.agreement import (
    alpha,
    alpha_parts,
    kappa,
    match,
    overlap_edges,
    span_matches,
)
from annotator.core.agreement_tokens import labels_per_token, tokens
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.store import IMPORT_ANNOTATOR, Project

# Tokens: Anna(0-4) Berger(5-11) traf(12-16) Peter(17-22) Groß(23-27) in(28-30)
# Dresden(31-38) .(38-39): 8 tokens
MEETING = "Anna Berger traf Peter Groß in Dresden."
# Tokens: Die(0-3) Ministerin(4-14) Katharina(15-24) Seidel(25-31) sagte(32-37) in(38-40)
# Prag(41-45) etwas(46-51) .(51-52): 9 tokens
MINISTER = "Die Ministerin Katharina Seidel sagte in Prag etwas."
LANDTAG = "Der Landtag in Magdeburg tagte."
CLAIMS = ("Der Vertrag wurde am Mittwoch unterzeichnet. Die Kosten steigen. "
          "Die Ministerin sagte, das Abkommen gelte ab Mai.")
OTHER = "Das Abkommen wurde am Dienstag unterzeichnet. Die Kosten sinken."


def entity(project: Project, article: int, start: int, end: int, label: str, who: str) -> int:
    return project.add_annotation(article, Layer.ENTITY, Span(start, end, label), who)


def version(project: Project, article: int, *who: str, status: Status = Status.DONE) -> None:
    """Each of ``who`` starts a version of the article (a copy of its imported layer), as
    their first edit in the app does, and marks it ``status`` (default: done)."""
    for name in who:
        project.start_version(article, name)
        if status is not Status.IN_PROGRESS:
            project.set_version_status(article, name, status)


def article(project: Project, text: str) -> int:
    found = project.add_article(ArticleDraft(text=text))
    assert found is not None
    return found


def two_annotators(project: Project) -> int:
    """anna: PER "Anna Berger", PER "Peter Groß", LOC "Dresden"; ben: PER "Anna Berger",
    PER "Peter" (shorter), ORG "Dresden" (another label)."""
    a = article(project, MEETING)
    version(project, a, "anna", "ben")
    for start, end, label in ((0, 11, "PER"), (17, 27, "PER"), (31, 38, "LOC")):
        entity(project, a, start, end, label, "anna")
    for start, end, label in ((0, 11, "PER"), (17, 22, "PER"), (31, 38, "ORG")):
        entity(project, a, start, end, label, "ben")
    return a


def three_annotators(project: Project) -> int:
    """anna and ben: PER "Katharina Seidel", LOC "Prag"; cem: PER "Seidel", ORG "Prag"."""
    a = article(project, MINISTER)
    version(project, a, "anna", "ben", "cem")
    for who in ("anna", "ben"):
        entity(project, a, 15, 31, "PER", who)
        entity(project, a, 41, 45, "LOC", who)
    entity(project, a, 25, 31, "PER", "cem")
    entity(project, a, 41, 45, "ORG", "cem")
    return a


def pair(block: dict, a: str, b: str) -> dict:
    (found,) = [p for p in block["pairs"] if p["annotators"] == [a, b]]
    return found


def figures(project: Project, **options) -> dict:
    return measure(project, **options).as_dict()


# -- two annotators --------------------------------------------------------------------------


def test_two_annotators_exact_and_relaxed_f1(project: Project) -> None:
    two_annotators(project)
    entities = figures(project)["layers"]["entity"]
    both = pair(entities, "anna", "ben")
    # exact: only PER "Anna Berger" is the same span → tp 1 of 3 and 3: F1 = 2·1/(3+3) = 1/3
    assert both["exact_matches"] == 1 and both["spans"] == [3, 3]
    assert both["exact_f1"] == pytest.approx(1 / 3)
    # relaxed: "Peter Groß" and "Peter" overlap with the same label; LOC and ORG do not
    # match → tp 2: F1 = 2·2/6 = 2/3
    assert both["relaxed_matches"] == 2
    assert both["relaxed_f1"] == pytest.approx(2 / 3)
    per = pair(entities["by_label"]["PER"], "anna", "ben")
    assert per["exact_f1"] == pytest.approx(0.5)  # 2·1/(2+2)
    assert per["relaxed_f1"] == pytest.approx(1.0)  # 2·2/(2+2)
    assert pair(entities["by_label"]["LOC"], "anna", "ben")["exact_f1"] == 0.0  # 1 and 0 spans


def test_two_annotators_token_kappa_and_alpha(project: Project) -> None:
    two_annotators(project)
    entities = figures(project)["layers"]["entity"]
    # tokens   Anna Berger traf Peter Groß in  Dresden .
    # anna     PER  PER    O    PER   PER  O   LOC     O
    # ben      PER  PER    O    PER   O    O   ORG     O
    # p_o = (3 PER/PER + 3 O/O) / 8 = 0.75
    # p_e = (anna PER 4 · ben PER 3 + anna O 3 · ben O 4) / 64 = 24/64 = 0.375
    # kappa = (0.75 - 0.375) / (1 - 0.375) = 0.6
    assert pair(entities, "anna", "ben")["kappa"] == pytest.approx(0.6)
    anna = ["PER", "PER", "O", "PER", "PER", "O", "LOC", "O"]
    ben = ["PER", "PER", "O", "PER", "O", "O", "ORG", "O"]
    assert cohen_kappa_score(anna, ben) == pytest.approx(0.6)
    # alpha: n = 16 pairable values; n_PER 7, n_O 7, n_LOC 1, n_ORG 1; the 6 agreeing tokens
    # give 2 coincidences each: 12; alpha = 1 - (n-1)(n-12)/(n² - Σn_c²)
    # = 1 - 15·4/(256 - 100) = 1 - 60/156 = 8/13
    assert entities["alpha"] == pytest.approx(8 / 13)
    codes = {"O": 0, "PER": 1, "LOC": 2, "ORG": 3}
    assert krippendorff.alpha(reliability_data=[[codes[x] for x in anna],
                                                [codes[x] for x in ben]],
                              level_of_measurement="nominal") == pytest.approx(8 / 13)


def test_per_article_figures_name_the_article_and_its_annotators(project: Project) -> None:
    a = two_annotators(project)
    (only,) = figures(project)["layers"]["entity"]["articles"]
    assert only["id"] == a and only["title"] == MEETING and only["annotators"] == ["anna", "ben"]
    assert pair(only, "anna", "ben")["exact_f1"] == pytest.approx(1 / 3)
    assert only["alpha"] == pytest.approx(8 / 13)
    assert set(only["by_label"]) == {"PER", "LOC", "ORG"}


def test_a_missing_annotator_is_not_one_who_annotated_nothing(project: Project) -> None:
    two_annotators(project)
    landtag = article(project, LANDTAG)
    version(project, landtag, "anna")
    entity(project, landtag, 4, 11, "ORG", "anna")
    result = figures(project)
    # ben has no version of the second article, so it is not compared at all;
    # counted as "ben found nothing" it would be 2·1/(4+3) = 2/7
    assert result["articles_compared"] == 1 and result["versions"] == {"anna": 2, "ben": 1}
    assert pair(result["layers"]["entity"], "anna", "ben")["exact_f1"] == pytest.approx(1 / 3)
    # a claim of ben's written without the app (no versions row) makes no version either
    project.add_annotation(landtag, Layer.CLAIM, Span(0, len(LANDTAG), "CLAIM"), "ben")
    assert figures(project)["articles_compared"] == 1
    # ben's version of it, done: now ben found no entity there
    version(project, landtag, "ben")
    result = figures(project)
    assert result["articles_compared"] == 2
    assert pair(result["layers"]["entity"], "anna", "ben")["exact_f1"] == pytest.approx(2 / 7)


def test_imported_spans_make_no_version(project: Project) -> None:
    a = two_annotators(project)
    entity(project, a, 12, 16, "MISC", IMPORT_ANNOTATOR)
    result = figures(project)
    assert result["annotators"] == ["anna", "ben"]
    assert "MISC" not in result["layers"]["entity"]["labels"]


def test_only_versions_marked_done_count_unless_asked(project: Project) -> None:
    two_annotators(project)  # both done: exact F1 1/3 (above)
    landtag = article(project, LANDTAG)
    entity(project, landtag, 4, 11, "ORG", IMPORT_ANNOTATOR)
    version(project, landtag, "anna")  # her copy of the imported ORG, checked: done
    version(project, landtag, "ben", status=Status.IN_PROGRESS)  # his copy, unchecked yet
    result = figures(project)
    assert result["articles_compared"] == 1 and result["versions"] == {"anna": 2, "ben": 1}
    assert pair(result["layers"]["entity"], "anna", "ben")["exact_f1"] == pytest.approx(1 / 3)
    # in progress too: both copies match; tp 1 + 1 of 3 + 1 and 3 + 1: F1 2·2/8 = 1/2
    result = figures(project, in_progress=True)
    assert result["articles_compared"] == 2 and result["versions"] == {"anna": 2, "ben": 2}
    assert pair(result["layers"]["entity"], "anna", "ben")["exact_f1"] == pytest.approx(1 / 2)
    project.set_version_status(landtag, "ben", Status.DONE)
    assert figures(project)["articles_compared"] == 2


# -- three annotators ------------------------------------------------------------------------


def test_three_annotators_pairs(project: Project) -> None:
    three_annotators(project)
    entities = figures(project)["layers"]["entity"]
    assert pair(entities, "anna", "ben")["exact_f1"] == 1.0  # the same two spans
    assert pair(entities, "anna", "ben")["kappa"] == 1.0
    for other in ("anna", "ben"):
        with_cem = pair(entities, other, "cem")
        assert with_cem["exact_f1"] == 0.0  # "Seidel" is not "Katharina Seidel", ORG not LOC
        assert with_cem["relaxed_f1"] == pytest.approx(0.5)  # PER overlaps: 2·1/(2+2)
        # tokens  Die Ministerin Katharina Seidel sagte in Prag etwas .
        # anna    O   O          PER       PER    O     O  LOC  O     O
        # cem     O   O          O         PER    O     O  ORG  O     O
        # p_o = 7/9; p_e = (O 6·7 + PER 2·1)/81 = 44/81
        # kappa = (63/81 - 44/81)/(37/81) = 19/37
        assert with_cem["kappa"] == pytest.approx(19 / 37)


def test_three_annotators_alpha_whole_and_by_label(project: Project) -> None:
    three_annotators(project)
    entities = figures(project)["layers"]["entity"]
    # 9 tokens × 3 values: n = 27; n_O 19, n_PER 5, n_LOC 2, n_ORG 1 (Σn_c² = 391)
    # coincidences of equal values, Σ n_uc(n_uc - 1)/(m - 1) with m = 3: 7 tokens all equal,
    # 3 each = 21; "Katharina" (PER, PER, O) 1; "Prag" (LOC, LOC, ORG) 1 → 23
    # alpha = 1 - 26·(27 - 23)/(729 - 391) = 1 - 104/338 = 9/13
    assert entities["alpha"] == pytest.approx(9 / 13)
    # PER against the rest: n_PER 5, n_rest 22; equal: "Katharina" 1, "Seidel" 3, the 7
    # others 3 each → 25; alpha = 1 - 26·2/(729 - 25 - 484) = 1 - 52/220 = 42/55
    assert entities["by_label"]["PER"]["alpha"] == pytest.approx(42 / 55)


def test_alpha_treats_a_missing_annotator_as_missing(project: Project) -> None:
    two_annotators(project)  # cem has no version of it
    three_annotators(project)
    result = figures(project)
    entities = result["layers"]["entity"]
    # sums of both articles: meeting n 16, equal 12, n_c PER 7 O 7 LOC 1 ORG 1; minister
    # n 27, equal 23, n_c O 19 PER 5 LOC 2 ORG 1 → n 43, equal 35, O 26 PER 12 LOC 3 ORG 2
    # alpha = 1 - 42·(43 - 35)/(1849 - (676 + 144 + 9 + 4)) = 1 - 336/1016 = 85/127
    assert entities["alpha"] == pytest.approx(85 / 127)
    nan = np.nan
    o, per, loc, org = 0, 1, 2, 3
    data = [[per, per, o, per, per, o, loc, o] + [o, o, per, per, o, o, loc, o, o],
            [per, per, o, per, o, o, org, o] + [o, o, per, per, o, o, loc, o, o],
            [nan] * 8 + [o, o, o, per, o, o, org, o, o]]
    assert krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") == \
        pytest.approx(85 / 127)
    # pairs with cem only count the article cem has a version of
    assert pair(entities, "anna", "cem")["spans"] == [2, 2]
    assert [a["annotators"] for a in entities["articles"]] == [["anna", "ben"],
                                                               ["anna", "ben", "cem"]]


# -- claims: attributes, links, groups --------------------------------------------------------


def claims_project(project: Project) -> None:
    """Three claims (c1-c3) and a source in one article, two claims (d1, d2) in another."""
    a, b = article(project, CLAIMS), article(project, OTHER)
    c = [(CLAIMS.index(s), CLAIMS.index(s) + len(s)) for s in (
        "Der Vertrag wurde am Mittwoch unterzeichnet.", "Die Kosten steigen.",
        "Die Ministerin sagte, das Abkommen gelte ab Mai.")]
    d = [(OTHER.index(s), OTHER.index(s) + len(s)) for s in (
        "Das Abkommen wurde am Dienstag unterzeichnet.", "Die Kosten sinken.")]
    source = (CLAIMS.index("Die Ministerin"), CLAIMS.index("Die Ministerin") + 14)
    kinds = {"anna": ["factual", "prediction", "quotation"],
             "ben": ["factual", "assessment", "quotation"],
             "cem": ["factual", "prediction"]}  # cem did not mark c3
    links = {"anna": [0, 2], "ben": [2], "cem": [0, 1]}  # claims linked to the source
    groups = {"anna": [[(a, 0), (b, 0)], [(a, 1), (b, 1)]], "ben": [[(a, 0), (b, 0), (a, 1)]],
              "cem": [[(a, 1), (b, 1)]]}
    for who, said in kinds.items():
        version(project, a, who)
        version(project, b, who)
        claim = {(a, i): project.add_annotation(a, Layer.CLAIM, Span(*c[i], "CLAIM"), who,
                                                attrs={"kind": kind})
                 for i, kind in enumerate(said)}
        claim.update({(b, i): project.add_annotation(b, Layer.CLAIM, Span(*d[i], "CLAIM"), who)
                      for i in range(2)})
        mention = project.add_annotation(a, Layer.SOURCE, Span(*source, "SOURCE"), who)
        for i in links[who]:
            project.add_link(claim[a, i], mention, "attributed_to", who)
        for members in groups[who]:
            group = project.claims.add_group(f"Punkt von {who}")
            for key in members:
                project.claims.add_member(group, claim[key], who)


def test_claim_attributes(project: Project) -> None:
    claims_project(project)
    kind = figures(project)["claims"]["attributes"]["kind"]
    anna_ben = pair(kind, "anna", "ben")
    # c1-c3: factual/factual, prediction/assessment, quotation/quotation: 2 of 3 agree;
    # p_e = (factual 1·1 + quotation 1·1)/9 = 2/9; kappa = (2/3 - 2/9)/(7/9) = 4/7
    assert anna_ben["claims"] == 3 and anna_ben["agreement"] == pytest.approx(2 / 3)
    assert anna_ben["kappa"] == pytest.approx(4 / 7)
    # anna and cem: c1, c2 both the same → 1; ben and cem: 1 of 2, p_e 1/4 → kappa 1/3
    assert pair(kind, "anna", "cem")["kappa"] == pytest.approx(1.0)
    assert pair(kind, "ben", "cem")["agreement"] == 0.5
    assert pair(kind, "ben", "cem")["kappa"] == pytest.approx(1 / 3)
    # alpha: c1 (F, F, F), c2 (P, A, P), c3 (Q, Q, missing): n = 8; n_F 3, n_P 2, n_A 1,
    # n_Q 2; equal: c1 3·2/2 = 3, c2 2·1/2 = 1, c3 2·1/1 = 2 → 6;
    # alpha = 1 - 7·(8 - 6)/(64 - 18) = 16/23
    assert kind["alpha"] == pytest.approx(16 / 23)
    assert kind["claims"] == 3
    # nobody set a verdict: nothing to compare
    verdict = figures(project)["claims"]["attributes"]["verdict"]
    assert verdict["alpha"] is None and pair(verdict, "anna", "ben")["claims"] == 0


def test_claim_source_links(project: Project) -> None:
    claims_project(project)
    links = figures(project)["claims"]["links"]
    # anna {c1, c3}, ben {c3}, cem {c1, c2}, each → "Die Ministerin"
    assert pair(links, "anna", "ben")["f1"] == pytest.approx(2 / 3)  # 2·1/(2+1)
    assert pair(links, "anna", "cem")["f1"] == pytest.approx(0.5)  # 2·1/(2+2)
    assert pair(links, "ben", "cem")["f1"] == 0.0
    assert pair(links, "anna", "ben")["by_kind"]["attributed_to"]["matched"] == 1


def test_claim_group_membership(project: Project) -> None:
    claims_project(project)
    groups = figures(project)["claims"]["groups"]
    # pairs of claims in one group: anna {c1-d1, c2-d2}; ben {c1-d1, c1-c2, c2-d1};
    # cem {c2-d2}
    assert pair(groups, "anna", "ben")["f1"] == pytest.approx(2 / 5)  # 2·1/(2+3)
    assert pair(groups, "anna", "ben")["claim_pairs"] == [2, 3]
    assert pair(groups, "anna", "cem")["f1"] == pytest.approx(2 / 3)  # 2·1/(2+1)
    assert pair(groups, "ben", "cem")["f1"] == 0.0


# -- the computations on their own ------------------------------------------------------------


def test_relaxed_matching_is_one_to_one() -> None:
    # A [0, 10) against B [0, 4) and [5, 10): both overlap it, only one may match it
    one = np.array([0])
    exact, relaxed = span_matches(one, np.array([0]), np.array([10]), np.array([0, 0]),
                                  np.array([0, 5]), np.array([4, 10]))
    assert len(exact) == 0 and relaxed.tolist() == [0]


def test_matching_prefers_the_larger_overlap_then_the_shorter_union() -> None:
    # B [8, 14) overlaps A [0, 10) and A [12, 20) by 2; their unions are 14 and 12 long
    ga, sa, ea = np.zeros(2, int), np.array([0, 12]), np.array([10, 20])
    i, j = overlap_edges(ga, sa, ea, np.zeros(1, int), np.array([8]), np.array([14]))
    assert sorted(zip(i.tolist(), j.tolist(), strict=True)) == [(0, 0), (1, 0)]
    _, relaxed = span_matches(ga, sa, ea, np.zeros(1, int), np.array([8]), np.array([14]))
    assert relaxed.tolist() == [1]


def test_overlap_edges_are_every_overlapping_pair_of_a_group() -> None:
    rng = np.random.default_rng(11)
    for _ in range(100):
        na, nb = (int(x) for x in rng.integers(0, 25, 2))
        ga, gb = rng.integers(0, 3, na), rng.integers(0, 3, nb)
        sa, sb = rng.integers(0, 60, na), rng.integers(0, 60, nb)
        ea, eb = sa + rng.integers(1, 30, na), sb + rng.integers(1, 30, nb)
        i, j = overlap_edges(ga, sa, ea, gb, sb, eb)
        assert sorted(zip(i.tolist(), j.tolist(), strict=True)) == [
            (x, y) for x in range(na) for y in range(nb)
            if ga[x] == gb[y] and sa[x] < eb[y] and sb[y] < ea[x]]


def sequential_greedy(i, j, score) -> set[tuple[int, int]]:
    """The greedy matching written plainly: best pair first, take it when both are free."""
    order = np.lexsort((j, i, *score))
    used_i, used_j, out = set(), set(), set()
    for k in order:
        if i[k] not in used_i and j[k] not in used_j:
            used_i.add(i[k])
            used_j.add(j[k])
            out.add((int(i[k]), int(j[k])))
    return out


def test_matching_in_rounds_is_the_sequential_greedy() -> None:
    rng = np.random.default_rng(3)
    for _ in range(200):
        n = int(rng.integers(1, 40))
        i, j = rng.integers(0, 8, n), rng.integers(0, 8, n)
        score = (rng.integers(0, 3, n), -rng.integers(0, 5, n))
        taken = match(i, j, score)
        assert set(zip(i[taken].tolist(), j[taken].tolist(), strict=True)) == \
            sequential_greedy(i, j, score)


def test_kappa_and_alpha_equal_the_libraries_on_random_labels() -> None:
    rng = np.random.default_rng(7)
    labels = rng.integers(0, 4, size=(3, 500))
    labels[1] = np.where(rng.random(500) < 0.7, labels[0], labels[1])
    conf = np.zeros((4, 4), int)
    np.add.at(conf, (labels[0], labels[1]), 1)
    assert kappa(conf) == pytest.approx(cohen_kappa_score(labels[0], labels[1]))
    data = labels.astype(float)
    data[2, :100] = np.nan  # the third annotator misses the first 100 units
    counts = [np.zeros(4), np.zeros(4)]  # units with 3 values, units with 2
    squares = [np.zeros(4), np.zeros(4)]
    for u in range(500):
        values = data[:, u][~np.isnan(data[:, u])].astype(int)
        n_uc = np.bincount(values, minlength=4)
        counts[len(values) == 2] += n_uc
        squares[len(values) == 2] += n_uc ** 2
    whole, _ = alpha_parts(np.array([400, 100]), np.array([3, 2]), np.array(counts),
                           np.array(squares))
    assert alpha(whole.total()) == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def test_tokens_and_labels() -> None:
    found = tokens([MEETING, "", "a_b c\u0301d 😀x „Zitat“"])
    joined = MEETING + "\n" + "\n" + "a_b c\u0301d 😀x „Zitat“"
    words = [joined[s:e] for s, e in zip(found.starts, found.ends, strict=True)]
    assert words == ["Anna", "Berger", "traf", "Peter", "Groß", "in", "Dresden", ".",
                     "a_b", "c\u0301d", "😀", "x", "„", "Zitat", "“"]
    assert found.per_text.tolist() == [8, 0, 7]
    # "Groß" and "Peter Groß" overlap: the span that starts last wins the token it shares
    labels = labels_per_token(found, np.array([0, 0, 2]), np.array([17, 23, 13]),
                              np.array([27, 27, 14]), np.array([1, 2, 3]))  # "i" of Zitat
    assert labels.tolist() == [0, 0, 0, 1, 2, 0, 0, 0] + [0, 0, 0, 0, 0, 3, 0]


def test_tokens_in_chunks_are_the_same() -> None:
    rng = random.Random(5)
    texts = [" ".join(rng.choice(["Elbe", "Prag,", "„Ja“", "3,5", "\n"]) for _ in range(30))
             for _ in range(20)]
    whole, cut = tokens(texts), tokens(texts, chunk=50)
    for a, b in zip(whole, cut, strict=True):
        assert a.tolist() == b.tolist()
