"""Measuring claim matching on a gold file of points, each a set of claims about one point.

Gold form: ``{"points": [{"id", "relation": "agree"|"contradict", "claims": [{"article": REF,
"text": "exact text"}]}]}`` where REF is an article id or the name of the file it was imported
from. Every gold claim is a query (its own article excluded); a hit is a ranked candidate from
another article that overlaps a gold claim of the same point. MRR counts the first hit within
the first ``DEPTH`` candidates (0 beyond); recall@k is the share of queries with a hit in the
first k. Queries whose point has no claim in another article cannot hit and are not counted.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from msgspec import Struct

from annotator.app.matching import MatchingError, matcher_for
from annotator.nlp import semantic
from annotator.store import Project

RELATIONS = ("agree", "contradict")
DEPTH = 50
KS = (1, 3, 5)


@contextmanager
def temporary_copy(project: Project) -> Iterator[Project]:
    """A copy of the project in a temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "copy.db"
        with Project.open(path) as target:
            project.db.conn.backup(target.db.conn)
        with Project.open(path, create=False) as copy:
            yield copy


@contextmanager
def unwritten(project: Project, methods: Sequence[str] = ()) -> Iterator[Project]:
    """Where to rank without writing into ``project`` (opened read only): the project itself
    when every article has its sentences and, for ``semantic`` among ``methods``, every
    sentence its vector; else a temporary copy in which the missing ones are computed."""
    store = project.matching
    missing = bool(store.articles_without_sentences()) or (
        "semantic" in methods and semantic.available()
        and bool(store.missing_vectors(semantic.model_name(), limit=1)))
    if missing:
        with temporary_copy(project) as copy:
            yield copy
        return
    matcher = matcher_for(project)
    was, matcher.read_only = matcher.read_only, True
    try:
        yield project
    finally:
        matcher.read_only = was


class GoldError(ValueError):
    """A gold file that cannot be used, named with the problem."""


class GoldClaim(Struct, frozen=True):
    """One resolved gold claim: where its exact text stands."""

    point: str
    relation: str
    article_id: int
    start: int
    end: int
    text: str


def resolve_article(project: Project, ref: Any) -> int:
    """An article id from REF (an id, or the file name it was imported from); LookupError names
    a missing or ambiguous one."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        article_id = int(ref)
        if not project.summaries([article_id]):
            raise LookupError(f"article {ref}: no such article")
        return article_id
    if not isinstance(ref, str) or not ref.strip():
        raise LookupError(f"article {ref!r}: give an id or a file name")
    found = project.article_ids_by_source(ref.strip())
    if not found:
        raise LookupError(f"article {ref!r}: no article was imported from a file of that name")
    if len(found) > 1:
        raise LookupError(f"article {ref!r} is ambiguous: articles {', '.join(map(str, found))}")
    return found[0]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The points of a gold file, checked; GoldError names what is wrong and where."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON ({exc})") from exc
    points = data.get("points") if isinstance(data, dict) else None
    if not isinstance(points, list) or not points:
        raise GoldError(f'{path}: expected {{"points": [...]}} with at least one point')
    seen: set[str] = set()
    for i, point in enumerate(points):
        where = f"{path}: points[{i}]"
        if not isinstance(point, dict):
            raise GoldError(f"{where}: expected an object")
        pid = point.get("id")
        if not isinstance(pid, str | int) or str(pid) in seen:
            raise GoldError(f"{where}: needs a unique \"id\" (got {pid!r})")
        seen.add(str(pid))
        if point.get("relation") not in RELATIONS:
            raise GoldError(f"{where} ({pid}): \"relation\" must be agree or contradict, "
                            f"not {point.get('relation')!r}")
        claims = point.get("claims")
        if not isinstance(claims, list) or len(claims) < 2:
            raise GoldError(f"{where} ({pid}): \"claims\" must list at least two claims")
        for j, claim in enumerate(claims):
            if (not isinstance(claim, dict) or "article" not in claim
                    or not isinstance(claim.get("text"), str) or not claim["text"].strip()):
                raise GoldError(f"{where} ({pid}): claims[{j}] needs \"article\" and a "
                                "non-empty \"text\"")
    return points


def resolve_gold(project: Project, points: Sequence[dict[str, Any]]
                 ) -> tuple[list[GoldClaim], list[str]]:
    """Gold claims located in their articles, and one message per claim that could not be."""
    claims: list[GoldClaim] = []
    problems: list[str] = []
    for point in points:
        pid = str(point["id"])
        for claim in point["claims"]:
            text = claim["text"]
            label = f"point {pid}: {claim['article']}: „{text[:60]}“"
            try:
                article_id = resolve_article(project, claim["article"])
            except LookupError as exc:
                problems.append(f"point {pid}: {exc}")
                continue
            body = project.article(article_id).text
            count = body.count(text)
            if count != 1:
                problems.append(f"{label} {'not found' if count == 0 else 'ambiguous'} in "
                                f"article {article_id}" + (f" ({count}×)" if count else ""))
                continue
            start = body.index(text)
            claims.append(GoldClaim(pid, point["relation"], article_id, start,
                                    start + len(text), text))
    return claims, problems


def _first_hit(query: GoldClaim, ranked: Sequence[Any], gold: Sequence[GoldClaim]) -> int | None:
    """1-based rank of the first candidate overlapping a same-point claim elsewhere."""
    targets = [g for g in gold if g.point == query.point and g.article_id != query.article_id]
    for rank, c in enumerate(ranked, start=1):
        if any(g.article_id == c.article_id and g.start < c.end and c.start < g.end
               for g in targets):
            return rank
    return None


def _figures(ranks: Sequence[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    out = {"mrr": round(sum(1.0 / r for r in ranks if r) / n, 3)}
    for k in KS:
        out[f"recall@{k}"] = round(sum(1 for r in ranks if r and r <= k) / n, 3)
    return out


def evaluate(project: Project, gold: Sequence[GoldClaim], methods: Sequence[str],
             progress: Callable[[int, int, str], None] | None = None,
             only: Sequence[GoldClaim] | None = None) -> dict[str, Any]:
    """MRR and recall@1/3/5 per method, overall and for the contradiction points alone
    (queries: ``only`` when given, else every gold claim)."""
    articles = {(g.point, g.article_id) for g in gold}
    queries = [g for g in (gold if only is None else only)
               if any(p == g.point and a != g.article_id for p, a in articles)]
    matcher = matcher_for(project)
    result: dict[str, Any] = {"queries": len(queries), "methods": {}}
    for method in methods:
        ranks: list[int | None] = []
        try:
            for n, q in enumerate(queries, start=1):
                ranked = matcher.candidates(project, q.text, q.article_id, top=DEPTH,
                                            method=method)
                ranks.append(_first_hit(q, ranked, gold))
                if progress:
                    progress(n, len(queries), method)
        except MatchingError as exc:
            result["methods"][method] = {"error": str(exc)}
            continue
        contradict = [r for r, q in zip(ranks, queries, strict=True)
                      if q.relation == "contradict"]
        result["methods"][method] = _figures(ranks) | {"contradict": _figures(contradict)}
    result["contradict_queries"] = sum(1 for q in queries if q.relation == "contradict")
    return result


def format_result(result: dict[str, Any]) -> str:
    """A small table: one row per method, overall and contradiction points."""
    head = (f"{'method':<10} {'MRR':>6} {'R@1':>6} {'R@3':>6} {'R@5':>6}   |  contradict: "
            f"{'MRR':>6} {'R@1':>6} {'R@3':>6} {'R@5':>6}")
    lines = [f"{result['queries']} queries ({result['contradict_queries']} on contradiction "
             "points)", head, "-" * len(head)]
    if "protocol" in result:
        lines.insert(0, result["protocol"])
    for method, f in result["methods"].items():
        if "error" in f:
            lines.append(f"{method:<10} not available: {f['error']}")
            continue
        c = f["contradict"]
        cells = " ".join(f"{f[k]:6.3f}" for k in ("mrr", "recall@1", "recall@3", "recall@5"))
        ccells = " ".join(f"{c[k]:6.3f}" for k in ("mrr", "recall@1", "recall@3", "recall@5"))
        lines.append(f"{method:<10} {cells}   |              {ccells}")
    return "\n".join(lines)


def simulate_feedback(project: Project, gold: Sequence[GoldClaim], top: int = 5) -> int:
    """Play an annotator on the gold: for every query of the odd-numbered points (1st, 3rd,
    ...), confirm the shown tfidf candidates that hit and reject the others. Returns how many
    decisions were stored; evaluate on the other points (``held_out``) to judge `learned`."""
    from annotator.app.matching import record_decision
    from annotator.store.matching_store import MatchSpan

    train = set(_points(gold)[0::2])
    matcher, stored = matcher_for(project), 0
    for q in gold:
        if q.point not in train:
            continue
        query = MatchSpan(q.article_id, q.start, q.end)
        for c in matcher.candidates(project, q.text, q.article_id, top=top, method="tfidf"):
            hit = _first_hit(q, [c], gold) == 1
            record_decision(project, query, c, "confirmed" if hit else "rejected",
                            "gold-simulation")
            stored += 1
    return stored


def held_out(gold: Sequence[GoldClaim]) -> list[GoldClaim]:
    """The gold claims of the even-numbered points: those ``simulate_feedback`` did not see."""
    test = set(_points(gold)[1::2])
    return [g for g in gold if g.point in test]


def _points(gold: Sequence[GoldClaim]) -> list[str]:
    return list(dict.fromkeys(g.point for g in gold))
