"""The reviewed claims the fact-checking exports (FEVER, NLI) are made of, with their groups.

Only claims of articles a person marked done count: what nobody reviewed is missing, never a
negative, so the claims of other articles are left out and the articles named in a warning.
An article's id is the jsonl export's ``_input_hash`` (a hash of its text) as text, so the
files join with the jsonl and Prodigy exports.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from msgspec import Struct

from annotator.core.model import ArticleDraft, DocGroupMember, DocSpan, Layer
from annotator.core.sentences import split_sentences
from annotator.core.values import article_day, from_attrs
from annotator.io.claims_table import Typed, pair_label
from annotator.io.export_jsonl import stable_hash
from annotator.io.export_notes import Kind, tell

logger = logging.getLogger(__name__)


class Claim(Struct, frozen=True):
    """A claim of a reviewed article: where it is, its words, its group membership."""

    page: str  # the article's id
    span: DocSpan
    said: str  # the claim's own words
    member: DocGroupMember | None
    typed: Typed
    # the numbers of the article's sentences (``split_sentences``) the claim overlaps: found
    # for the claim that holds in its group (the evidence FEVER names), else empty
    lines: tuple[int, ...] = ()

    @property
    def who(self) -> str | None:
        """Whose version of the article the claim is in (its annotator)."""
        return self.span.made.annotator if self.span.made else None

    @property
    def group(self) -> str:
        """The key of its group, "" when it is in none."""
        return self.member.group_key if self.member else ""


def sentence_numbers(text: str, span: DocSpan) -> tuple[int, ...]:
    """The sentences of ``text`` a span overlaps (else the last one starting before it)."""
    bounds = split_sentences(text)
    hit = [n for n, (a, b) in enumerate(bounds) if a < span.end and span.start < b]
    return tuple(hit) or (max((n for n, (a, _) in enumerate(bounds) if a <= span.start),
                              default=0),)


def page_id(draft: ArticleDraft) -> str:
    """An article's id: the jsonl export's ``_input_hash`` of its text, as text."""
    text = json.dumps({"text": draft.text}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return str(stable_hash(text))


def reviewed_claims(drafts: Iterable[ArticleDraft], path: Path,
                    each: Callable[[ArticleDraft], None] | None = None) -> list[Claim]:
    """The claims of the articles marked done, in article and text order (the texts are not
    kept); ``each`` sees every draft. The articles left out are named in a warning."""
    claims: list[Claim] = []
    left_out: list[str] = []
    for draft in drafts:
        if each is not None:
            each(draft)
        if not draft.reviewed:
            left_out.append(draft.title)
            continue
        page, day = page_id(draft), article_day(draft.published)
        members = {m.span_key: m for m in draft.groups}
        for s in draft.annotations:
            if s.layer is Layer.CLAIM:
                member = members.get(s.key)
                lines = sentence_numbers(draft.text, s) if member and member.holds else ()
                claims.append(Claim(page, s, draft.text[s.start : s.end], member,
                                    (from_attrs(s.attrs), day), lines))
    warn_unreviewed(path, left_out)
    return claims


def warn_unreviewed(path: Path, titles: list[str]) -> None:
    """Name the articles whose claims an export left out because nobody marked them done."""
    if titles:
        tell(logger, Kind.CLAIMS_UNREVIEWED, path, len(titles), titles)


def relation(a: Claim, b: Claim) -> str | None:
    """"agree" or "contradict" for two claims of one group (``claims_table.pair_label``: typed
    values, then value texts, then stances); None when none of them tells."""
    if a.member is None or b.member is None:
        return None
    return pair_label(_fields(a.member), _fields(b.member), (a.typed, b.typed))


def _fields(member: DocGroupMember) -> dict[str, Any]:
    return {"value": member.value, "stance": member.stance}
