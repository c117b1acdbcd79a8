"""What the disputes view decides, without a window (annotator/app/disputes.py)."""

from __future__ import annotations

from pathlib import Path

from annotator.app import disputes
from annotator.core.model import ClaimGroup, GroupMember
from tests.test_architecture import imported_modules

TEXTS = {
    1: "Titel\n\nVorher ein Satz. Der Vertrag wurde am Mittwoch in Dresden unterzeichnet. "
       "Danach ein Satz.",
    2: "Der Vertrag wurde am Donnerstag in Prag unterzeichnet. Er gilt 40 Jahre.",
    3: "Vorspann. Der Vertrag wurde am Mittwoch in Dresden unterzeichnet.",
}


def member(annotation_id: int, article_id: int, value: str, stance: str = "",
           claim: str = "Der Vertrag") -> GroupMember:
    """The claim sentence starting with ``claim`` in article ``article_id``."""
    text = TEXTS[article_id]
    start = text.index(claim)
    end = text.index(".", start) + 1
    return GroupMember(annotation_id, article_id, start, end, text[start:end], value, stance,
                       f"Artikel {article_id}", f"Outlet {article_id}", "2024-10-23", None)


def group(*members: GroupMember, holding: int | None = None, title: str = "Wochentag",
          note: str = "", group_id: int = 7) -> ClaimGroup:
    return ClaimGroup(group_id, title, note, holding, members)


WEEKDAY = group(member(11, 1, "Mittwoch"), member(12, 2, "Donnerstag"),
                member(13, 3, " mittwoch "))
AGREED = group(member(21, 1, "Dresden"), member(23, 3, "Dresden"), group_id=8, title="Ort")


def test_the_logic_needs_no_qt() -> None:
    names = imported_modules(Path(disputes.__file__))
    assert names and not any(name.startswith("PySide6") for name in names)


def test_the_filter_lists_disputed_groups_or_all_and_always_the_pinned_one() -> None:
    assert WEEKDAY.disputed and not AGREED.disputed
    assert disputes.listed(WEEKDAY, disputed_only=True, pinned=None)
    assert not disputes.listed(AGREED, disputed_only=True, pinned=None)
    assert not disputes.listed(AGREED, disputed_only=True, pinned=WEEKDAY.id)
    assert disputes.listed(AGREED, disputed_only=True, pinned=AGREED.id)
    assert disputes.listed(AGREED, disputed_only=False, pinned=None)


def test_a_group_line_counts_its_claims_and_names_its_state() -> None:
    assert disputes.group_line(WEEKDAY) == "Wochentag\n3 claims · disputed"
    decided = group(member(21, 1, "Dresden"), holding=21, title="Ort")
    assert disputes.group_line(decided) == "Ort\n1 claim · agreed · decided"


def test_stated_values_are_counted_most_common_first_and_blanks_left_out() -> None:
    g = group(member(1, 2, "Prag"), member(2, 1, " Dresden"), member(3, 3, "Dresden "),
              member(4, 1, "  "))
    assert disputes.stated_values(g) == [("Dresden", 2), ("Prag", 1)]
    assert disputes.stated_values(group()) == []


def test_the_holding_member_is_the_recorded_one() -> None:
    assert disputes.holding_member(WEEKDAY) is None
    decided = group(*WEEKDAY.members, holding=12)
    assert disputes.holding_member(decided) == WEEKDAY.members[1]


def test_a_claim_is_compared_with_the_first_one_stating_another_value() -> None:
    members = WEEKDAY.members
    assert disputes.counterpart(members, 0) == members[1]
    assert disputes.counterpart(members, 1) == members[0]
    assert disputes.counterpart(members, 2) == members[1]  # " mittwoch " is Mittwoch
    same = AGREED.members
    assert disputes.counterpart(same, 0) == same[1] and disputes.counterpart(same, 1) == same[0]
    assert disputes.counterpart(same[:1], 0) is None


def test_sides_hold_the_context_and_the_words_that_differ() -> None:
    asked: list[int] = []
    decided = group(*WEEKDAY.members, holding=12)
    sides = disputes.sides(decided, lambda aid: asked.append(aid) or TEXTS[aid])
    assert asked == [1, 2, 3]
    assert [s.member for s in sides] == list(decided.members)
    assert [s.holds for s in sides] == [False, True, False]
    first = sides[0]
    assert (first.before, first.claim, first.after) == (
        "Vorher ein Satz. ", "Der Vertrag wurde am Mittwoch in Dresden unterzeichnet.",
        " Danach ein Satz.")
    assert [first.claim[a:b] for a, b in first.differs] == ["Mittwoch", "Dresden"]
    assert [sides[1].claim[a:b] for a, b in sides[1].differs] == ["Donnerstag", "Prag"]
    assert sides[1].before == "" and sides[1].after == " Er gilt 40 Jahre."


def test_a_lone_claim_has_nothing_to_differ_from() -> None:
    (side,) = disputes.sides(group(member(1, 3, "Mittwoch")), TEXTS.__getitem__)
    assert side.differs == () and side.before == "Vorspann. " and side.after == ""


def test_a_digit_decides_and_the_same_digit_again_clears() -> None:
    assert disputes.holding_after(WEEKDAY, 1) == 12
    decided = group(*WEEKDAY.members, holding=12)
    assert disputes.holding_after(decided, 1) is None
    assert disputes.holding_after(decided, 0) == 11


def test_stances_cycle_none_supports_refutes() -> None:
    assert [disputes.next_stance(s) for s in ("", "supports", "refutes")] == [
        "supports", "refutes", ""]
    assert disputes.next_stance("unknown") == ""


def test_edits_change_only_what_differs() -> None:
    m = WEEKDAY.members[0]
    assert disputes.new_value(m, "  Freitag ") == "Freitag"
    assert disputes.new_value(m, " Mittwoch") is None
    assert disputes.new_value(m, "") == ""  # a value can be cleared
    assert disputes.new_title(WEEKDAY, " Tag ") == "Tag"
    assert disputes.new_title(WEEKDAY, "   ") is None and disputes.new_title(WEEKDAY, "Wochentag") \
        is None
    noted = group(*WEEKDAY.members, note="Prager Protokoll")
    assert disputes.new_note(noted, "") == "" and disputes.new_note(noted, "Prager Protokoll ") \
        is None
    gone = group(title="Wochentag", note="x")  # a group whose claims were all taken out
    assert disputes.new_title(gone, "Neu") is None and disputes.new_note(gone, "y") is None


def typed(annotation_id: int, article_id: int, said: str, published: str | None,
          value: str = "") -> GroupMember:
    """A member whose typed values are those ``said`` states."""
    from msgspec.structs import replace

    from annotator.nlp.values import extract

    found = tuple(f.value for f in extract(said, published))
    return replace(member(annotation_id, article_id, value), published=published, values=found)


def test_a_group_is_disputed_when_values_conflict_not_when_words_differ() -> None:
    same_day = group(typed(1, 1, "am Mittwoch unterzeichnet", "2024-10-24", "am Mittwoch"),
                     typed(2, 2, "am 23. Oktober 2024 unterzeichnet", "2024-10-25",
                           "23. Oktober 2024"))
    assert not same_day.disputed  # different words, one day
    other_day = group(*same_day.members, typed(3, 3, "am Donnerstag unterzeichnet",
                                               "2024-10-24", "Donnerstag"))
    assert other_day.disputed
    assert disputes.counterpart(other_day.members, 0) == other_day.members[2]
    assert disputes.counterpart(other_day.members, 1) == other_day.members[2]
    assert disputes.counterpart(other_day.members, 2) == other_day.members[0]
    weekdays = group(typed(1, 1, "am Mittwoch", None), typed(2, 2, "am Donnerstag", None))
    assert weekdays.disputed
    nothing_stated = group(typed(1, 1, "es war so", None), typed(2, 2, "es war anders", None))
    assert not nothing_stated.disputed
    stances = group(typed(1, 1, "am Mittwoch", None), replace_stance(typed(2, 2, "Mittwoch",
                                                                           None), "refutes"),
                    replace_stance(typed(3, 3, "Mittwoch", None), "supports"))
    assert stances.disputed  # some support, some refute


def replace_stance(m: GroupMember, stance: str) -> GroupMember:
    from msgspec.structs import replace

    return replace(m, stance=stance)
