"""Claim-group memberships read by claim: what adjudication compares."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from annotator.store.sql import marks

if TYPE_CHECKING:
    from sqlite_utils import Database


class Member(NamedTuple):
    """A claim's place in a claim group: the group, the value it states there, its stance."""

    group_id: int
    value: str
    stance: str


def members_of(db: Database, annotation_ids: list[int]) -> dict[int, Member]:
    """Claim id → its membership, for the claims among ``annotation_ids`` in a group."""
    if not annotation_ids:
        return {}
    return {r[0]: Member(*r[1:]) for r in db.execute(
        f"SELECT annotation_id, group_id, value, stance FROM claim_group_members "
        f"WHERE annotation_id IN ({marks(annotation_ids)})", annotation_ids)}

