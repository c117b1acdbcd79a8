"""The review queue (docs/review.md): everything that waits for a decision, in one list.
Disputed claim groups (as the disputes view lists them), articles whose annotators' done
versions disagree (as adjudication finds them) and articles done with open suggestions (as the
status bar counts them), each kind read with a limit; after a change, the articles it touched
read again (``updated``)."""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from msgspec import Struct
from PySide6.QtCore import QCoreApplication

from annotator.app.changes import Changes, Part
from annotator.app.disputes import stated_values
from annotator.store import Project, review_reads
from annotator.store.review_reads import disagreeing_done, done_with_open
from annotator.store.version_diffs import ATTRIBUTES, GROUPS, LINKS, SPANS

LIMIT = 1000  # items of each kind read at most


class Kind(StrEnum):
    """What an item waits for; its key in the window is its place here (1, 2, 3)."""

    DISPUTE = "dispute"  # a claim group whose claims disagree: the disputes view
    DISAGREEMENT = "disagreement"  # annotators' done versions differ: adjudication
    OPEN_SUGGESTIONS = "open-suggestions"  # done with suggestions open: the article


class Item(Struct, frozen=True):
    """One thing to decide: its kind, the article it opens (a group: its first claim's), what
    it is about; ``group_id`` for a dispute."""

    kind: Kind
    article_id: int
    title: str
    what: str
    group_id: int | None = None


PER_ARTICLE = (Kind.DISAGREEMENT, Kind.OPEN_SUGGESTIONS)
SHOWN_IN_GROUPS = Part.SPANS | Part.META  # of a grouped claim: what the disputes show


def review_items(project: Project, annotator: str, limit: int = LIMIT) -> list[Item]:
    """What ``annotator`` has to decide, kind by kind, each kind in its order (groups and
    articles by id), at most ``limit`` of each."""
    return [*disputes(project, annotator, limit), *disagreements(project, limit),
            *open_suggestions(project, annotator, limit)]


def disputes(project: Project, annotator: str, limit: int = LIMIT) -> list[Item]:
    """The disputed claim groups the annotator sees, as the disputes view lists them."""
    translate = QCoreApplication.translate
    found = []
    for g in project.claims.groups(disputed_only=True, annotator=annotator)[:limit]:
        first = g.members[0]
        values = translate("ReviewQueueData", " vs ").join(
            f"„{v}“" for v, _n in stated_values(g)[:3])
        n, k = len(g.members), len({m.article_id for m in g.members})
        claims = (translate("ReviewQueueData", "1 claim") if n == 1
                  else translate("ReviewQueueData", "{n} claims").format(n=n))
        articles = (translate("ReviewQueueData", "1 article") if k == 1
                    else translate("ReviewQueueData", "{n} articles").format(n=k))
        what = translate("ReviewQueueData", "{group}: {claims} in {articles}").format(
            group=g.title, claims=claims, articles=articles)
        found.append(Item(Kind.DISPUTE, first.article_id, first.article_title,
                          what + (f", {values}" if values else ""), g.id))
    return found


def updated(items: list[Item], project: Project, annotator: str, changes: Changes,
            limit: int = LIMIT) -> list[Item]:
    """The queue ``items`` (``annotator``'s) after ``changes``: the articles they touched read
    again, the others' items kept, so that a change costs what its articles do, not what the
    project does; the disputes read again when groups changed, or the spans or details of an
    article with a grouped claim.
    Everything is read again after a change of the whole project (no articles), or when an
    article kind was at its limit (what was beyond it may come up)."""
    kept = [i for i in items if i.kind in PER_ARTICLE]
    if not changes.articles or any(sum(i.kind is k for i in kept) >= limit for k in PER_ARTICLE):
        return review_items(project, annotator, limit)
    touched = changes.articles
    fresh = {Kind.DISAGREEMENT: disagreements(project, limit, touched),
             Kind.OPEN_SUGGESTIONS: open_suggestions(project, annotator, limit, touched)}
    regroup = changes.parts & Part.GROUPS or (
        changes.parts & SHOWN_IN_GROUPS and review_reads.grouped(project.db, touched))
    groups = (disputes(project, annotator, limit) if regroup
              else [i for i in items if i.kind is Kind.DISPUTE])
    return [*groups, *(i for k in PER_ARTICLE for i in sorted(
        [*(i for i in kept if i.kind is k and i.article_id not in touched), *fresh[k]],
        key=lambda i: i.article_id)[:limit])]


def written(project: Project) -> tuple[int, int]:
    """What moves whenever anybody writes to the project (this connection or another): a
    queue whose value is unchanged since it was read needs no reading."""
    return review_reads.fingerprint(project.db)


def disagreements(project: Project, limit: int = LIMIT,
                  articles: Collection[int] | None = None) -> list[Item]:
    """The articles to adjudicate (of ``articles``, None: all): two or more done versions
    that differ (in spans; else it says in what: attributes, links, groups), no done gold."""
    return [Item(Kind.DISAGREEMENT, aid, title, _disagree(who, how))
            for aid, title, who, how in disagreeing_done(project.db, limit, articles)]


def _disagree(who: str, how: str) -> str:
    """What the "What" column says: whose versions disagree, and in what ("attributes,
    groups"; spans: unsaid)."""
    translate = QCoreApplication.translate
    if how == SPANS:
        return translate("ReviewQueueData", "versions of {who} disagree").format(who=who)
    words = {ATTRIBUTES: translate("ReviewQueueData", "attributes"),
             LINKS: translate("ReviewQueueData", "links"),
             GROUPS: translate("ReviewQueueData", "groups")}
    return translate("ReviewQueueData", "versions of {who} disagree in {how}").format(
        who=who, how=", ".join(words.get(w, w) for w in how.split(", ")))


def open_suggestions(project: Project, annotator: str, limit: int = LIMIT,
                     articles: Collection[int] | None = None) -> list[Item]:
    """The articles (of ``articles``, None: all) done in the annotator's version with
    suggestions still open."""
    translate = QCoreApplication.translate
    one = translate("ReviewQueueData", "done, 1 open suggestion")
    more = translate("ReviewQueueData", "done, {n} open suggestions")
    return [Item(Kind.OPEN_SUGGESTIONS, aid, title, one if n == 1 else more.format(n=n))
            for aid, title, n in done_with_open(project.db, annotator, limit, articles)]
