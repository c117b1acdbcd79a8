"""schema.org ClaimReview JSON-LD: one review per claim a person gave a verdict.

``SPLIT.jsonld`` is a JSON list of ClaimReview objects, one a line, each with its own
``@context`` (so one can be cut out and put into a web page as it is)::

    {"@context": "https://schema.org", "@type": "ClaimReview",
     "claimReviewed": "der Vertrag sei am Mittwoch unterzeichnet worden",
     "itemReviewed": {"@type": "Claim",
                      "author": {"@type": "Person", "name": "Anna Berger"},
                      "datePublished": "2024-05-02",
                      "appearance": {"@type": "NewsArticle", "headline": "…",
                                     "url": "https://…", "datePublished": "2024-05-02",
                                     "publisher": {"@type": "Organization",
                                                   "name": "Elbtal-Bote"}}},
     "reviewRating": {"@type": "Rating", "ratingValue": 1, "worstRating": 1,
                      "bestRating": 3, "alternateName": "False"},
     "author": {"@type": "Person", "name": "maria"},
     "datePublished": "2026-12-03", "reviewBody": "Protokoll der Sitzung"}

The review's ``author`` is the organisation publishing the fact-checks when the export names
one (``publisher``: ``--publisher``), with the annotator who gave the verdict as
``contributor``; else that annotator (a person), and no author for gold's or imported claims.

The verdict maps onto a scale from 1 (worst) to 3 (best): ``false`` 1, ``misleading`` 2,
``true`` 3; ``unprovable`` is on no scale of truth, so its rating has only ``alternateName``.
``unverified`` (or no verdict) is no review: such claims are left out, and so are the claims
of articles nobody marked done (named in a warning).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft, DocSpan, Layer
from annotator.core.names import ATTRIBUTED_TO, GOLD_ANNOTATOR, IMPORT_ANNOTATOR
from annotator.io.conll import json_line
from annotator.io.fact_claims import warn_unreviewed

CONTEXT = "https://schema.org"
WORST, BEST = 1, 3
SCALE = {"false": 1, "misleading": 2, "true": 3}  # verdict → ratingValue
WORDS = {"false": "False", "misleading": "Misleading", "true": "True",
         "unprovable": "Unprovable"}  # verdict → alternateName
# source kinds (docs/schema.md "sources") → schema.org type of a claim's author; the others
# (anonymous, other, unknown) get a name and no type
AGENTS = {"person": "Person", **dict.fromkeys(
    ("government", "agency", "newspaper", "intelligence", "organisation"), "Organization")}


def write_claimreview(drafts: Iterable[ArticleDraft], path: Path, *,
                      today: dt.date | None = None, publisher: str | None = None) -> list[Path]:
    """Every review of the split in one JSON list, a review a line, as the drafts come;
    ``datePublished`` of a review is ``today`` (the export's day, UTC, when not given): the
    project does not store when a verdict was given. ``publisher``: the reviews' author."""
    day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    left_out: list[str] = []
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("[")
        comma = ""
        for draft in drafts:
            if not draft.reviewed:
                left_out.append(draft.title)
                continue
            for review in reviews_of(draft, day, publisher):
                out.write(f"{comma}\n{json_line(review)}")
                comma = ","
        out.write("\n]\n")
    warn_unreviewed(path, left_out)
    return [path]


def reviews_of(draft: ArticleDraft, day: str, publisher: str | None = None
               ) -> Iterator[dict[str, Any]]:
    """The ClaimReview of each claim of the article that has a verdict, in text order."""
    spans = {s.key: s for s in draft.annotations}
    for claim in draft.annotations:
        verdict = str(claim.attrs.get("verdict", ""))
        if claim.layer is not Layer.CLAIM or verdict not in WORDS:
            continue
        authors = [_agent(draft, spans[link.to_key]) for link in draft.links
                   if link.from_key == claim.key and link.kind == ATTRIBUTED_TO
                   and link.to_key in spans and spans[link.to_key].layer is Layer.SOURCE]
        item = _kept({"@type": "Claim", "author": _one_or_list(authors),
                      "datePublished": draft.published, "appearance": _appearance(draft)})
        who = claim.made.annotator if claim.made else None
        who = None if who in (GOLD_ANNOTATOR, IMPORT_ANNOTATOR) else who  # no one person
        person = {"@type": "Person", "name": who} if who else None
        yield _kept({
            "@context": CONTEXT, "@type": "ClaimReview",
            "claimReviewed": draft.text[claim.start : claim.end], "itemReviewed": item,
            "reviewRating": _rating(verdict),
            "author": {"@type": "Organization", "name": publisher} if publisher else person,
            "contributor": person if publisher else None, "datePublished": day,
            "reviewBody": str(claim.attrs.get("evidence") or "") or None,
        })


def _rating(verdict: str) -> dict[str, Any]:
    if verdict not in SCALE:
        return {"@type": "Rating", "alternateName": WORDS[verdict]}
    return {"@type": "Rating", "ratingValue": SCALE[verdict], "worstRating": WORST,
            "bestRating": BEST, "alternateName": WORDS[verdict]}


def _agent(draft: ArticleDraft, source: DocSpan) -> dict[str, Any]:
    """A claim's source as a Person or Organization (by its kind), or a bare name."""
    name = source.source or draft.text[source.start : source.end]
    kind = AGENTS.get(source.source_kind or "")
    return {"@type": kind, "name": name} if kind else {"name": name}


def _appearance(draft: ArticleDraft) -> dict[str, Any]:
    """The article the claim appears in."""
    publisher = {"@type": "Organization", "name": draft.outlet} if draft.outlet else None
    return _kept({"@type": "NewsArticle", "headline": draft.title or None, "url": draft.url,
                  "datePublished": draft.published, "publisher": publisher})


def _one_or_list(items: list[dict[str, Any]]) -> Any:
    return None if not items else items[0] if len(items) == 1 else items


def _kept(record: dict[str, Any]) -> dict[str, Any]:
    """The record without the fields nothing is known of."""
    return {key: value for key, value in record.items() if value is not None}
