"""Disputed claims without a window: which groups are listed and how, each claim beside the
others (its context, what it says that the claim it is compared with does not), and what a key
press in the disputes view changes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from msgspec import Struct

from annotator.core.model import STANCES, ClaimGroup, GroupMember
from annotator.core.spans import sentence_around
from annotator.core.values import article_day, conflicts


class Side(Struct, frozen=True):
    """One claim of a group as it stands beside the others."""

    member: GroupMember
    holds: bool
    before: str  # from the sentence before the claim
    claim: str
    after: str  # to the sentence after it
    differs: tuple[tuple[int, int], ...]  # spans of ``claim`` the compared claim does not say


def listed(group: ClaimGroup, disputed_only: bool, pinned: int | None) -> bool:
    """Whether the list shows a group: disputed ones, or all; the pinned one always."""
    return not disputed_only or group.disputed or group.id == pinned


def group_line(group: ClaimGroup) -> str:
    """The group's title and, on a second line, its claims and state."""
    n = len(group.members)
    return f"{group.title}\n{n} claim{'s' if n != 1 else ''} · " + \
        ("disputed" if group.disputed else "agreed") + (" · decided" if group.holding_id else "")


def stated_values(group: ClaimGroup) -> list[tuple[str, int]]:
    """The values the claims state and how many state each, the most common first."""
    return Counter(m.value.strip() for m in group.members if m.value.strip()).most_common()


def holding_member(group: ClaimGroup) -> GroupMember | None:
    """The claim recorded as the one that holds."""
    return next((m for m in group.members if m.annotation_id == group.holding_id), None)


def sides(group: ClaimGroup, text_of: Callable[[int], str]) -> list[Side]:
    """Every claim of the group in order, in context; ``text_of`` gives an article's text."""
    found = []
    for n, m in enumerate(group.members):
        other = counterpart(group.members, n)
        before, claim, after = context_of(text_of(m.article_id), m.start, m.end)
        spans = tuple(differing(m.text, other.text)) if other is not None else ()
        found.append(Side(m, m.annotation_id == group.holding_id, before, claim, after, spans))
    return found


def context_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The text from the sentence before a claim to the sentence after it, in three parts."""
    head = sentence_around(text, start)[0]
    prev = len(text[:head].rstrip()) - 1
    lo = sentence_around(text, prev)[0] if prev >= 0 else head
    tail = max(end, sentence_around(text, max(start, end - 1))[1])
    nxt = len(text) - len(text[tail:].lstrip())
    hi = sentence_around(text, nxt)[1] if nxt < len(text) else tail
    return text[min(lo, start):start], text[start:end], text[end:max(hi, end)]


def counterpart(members: tuple[GroupMember, ...], i: int) -> GroupMember | None:
    """What a claim is compared with: the first one whose values conflict with its own (the
    value text it states, for claims without typed values), else the next."""
    contra = [m for n, m in enumerate(members) if n != i and _differs(members[i], m)]
    if contra:
        return contra[0]
    return members[(i + 1) % len(members)] if len(members) > 1 else None


def _differs(a: GroupMember, b: GroupMember) -> bool:
    if a.values is not None and b.values is not None:
        return bool(conflicts(a.values, article_day(a.published), b.values,
                              article_day(b.published)))
    return a.value.strip().casefold() != b.value.strip().casefold()


def differing(a: str, b: str) -> list[tuple[int, int]]:
    """Where claim ``a`` says something claim ``b`` does not (nlp is imported when needed)."""
    from annotator.nlp.match_features import differing_words

    return list(differing_words(a, b)[0])


# -- what a key press changes ------------------------------------------------------------------


def holding_after(group: ClaimGroup, n: int) -> int | None:
    """Claim ``n`` holds; when it already does, the decision is cleared (None)."""
    chosen = group.members[n].annotation_id
    return None if group.holding_id == chosen else chosen


def next_stance(stance: str) -> str:
    """The stance after this one, round the cycle none, supports, refutes."""
    return STANCES[(STANCES.index(stance) + 1) % len(STANCES)] if stance in STANCES \
        else STANCES[0]


def new_value(member: GroupMember, typed: str) -> str | None:
    """The value to store after an edit, None when it stays as it was."""
    text = typed.strip()
    return text if text != member.value else None


def new_title(group: ClaimGroup, typed: str) -> str | None:
    """The title to store after an edit: not empty, not the same, on a group that has claims."""
    text = typed.strip()
    return text if group.members and text not in ("", group.title) else None


def new_note(group: ClaimGroup, typed: str) -> str | None:
    """The note to store after an edit (empty clears it); None when nothing changes."""
    text = typed.strip()
    return text if group.members and text != group.note else None
