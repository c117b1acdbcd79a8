"""Claims across articles: the source registry and claim groups (the points in dispute)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from annotator.core.model import CanonicalSource, ClaimGroup, GroupMember, Layer
from annotator.core.names import ATTRIBUTED_TO, REPORTED_BY
from annotator.core.values import from_attrs
from annotator.store.annotations import ensure_annotator
from annotator.store.sql import dump_json, insert, marks, now, query, scalar, update
from annotator.store.views import viewer

if TYPE_CHECKING:
    from sqlite_utils import Database


class ClaimStore:
    """Reads and writes of sources and claim groups; every write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the source registry -----------------------------------------------------------------

    def add_source(self, name: str, kind: str = "other", aliases: list[str] | None = None,
                   *, source_id: int | None = None) -> int:
        """Register a canonical source (``source_id`` restores a removed one, for undo)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("a source needs a name")
        row: dict[str, Any] = {"name": name, "kind": kind, "created_at": now(),
               "aliases": dump_json(sorted(set(aliases or [])))}
        if source_id is not None:
            row["id"] = source_id
        with self.db.atomic():
            return insert(self.db, "sources", row)

    def update_source(self, source_id: int, *, name: str | None = None, kind: str | None = None,
                      aliases: list[str] | None = None) -> None:
        """Rename a source, change its kind or its aliases."""
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = " ".join(name.split())
        if kind is not None:
            changes["kind"] = kind
        if aliases is not None:
            changes["aliases"] = dump_json(sorted(set(aliases)))
        with self.db.atomic():
            update(self.db, "sources", source_id, changes)

    def delete_source(self, source_id: int) -> None:
        """Remove a source; its mentions lose their link to it."""
        with self.db.atomic():
            self.db.execute("DELETE FROM sources WHERE id = ?", [source_id])

    def sources(self) -> list[CanonicalSource]:
        """Every canonical source with its number of mentions (in the project's view), by
        name."""
        sql, params = self._sources()
        rows = query(self.db, f"{sql} ORDER BY s.name COLLATE NOCASE", params)
        return [_source(r) for r in rows]

    def source(self, source_id: int) -> CanonicalSource:
        """One canonical source; KeyError when there is none."""
        sql, params = self._sources()
        rows = query(self.db, f"{sql} WHERE s.id = ?", [*params, source_id])
        if not rows:
            raise KeyError(f"no source {source_id}")
        return _source(rows[0])

    def source_by_name(self, name: str) -> CanonicalSource | None:
        """A canonical source by its exact name."""
        found = scalar(self.db, "SELECT id FROM sources WHERE name = ?",
                       [" ".join(name.split())])
        return self.source(found) if found is not None else None

    def set_canonical(self, annotation_ids: list[int], source_id: int | None) -> None:
        """Point source mentions at a canonical source (None unlinks them)."""
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE annotations SET canonical_source_id = ? WHERE id = ?",
                [(source_id, i) for i in annotation_ids])

    def canonical_of(self, annotation_ids: list[int]) -> dict[int, int | None]:
        """Mention id → canonical source id."""
        if not annotation_ids:
            return {}
        rows = query(self.db, "SELECT id, canonical_source_id FROM annotations WHERE id IN "
                     f"({marks(annotation_ids)})", annotation_ids)
        return {r["id"]: r["canonical_source_id"] for r in rows}

    def mentions_of(self, source_id: int) -> list[int]:
        """Ids of the source mentions that point at a canonical source."""
        rows = query(self.db, "SELECT id FROM annotations WHERE canonical_source_id = ? "
                     "ORDER BY id", [source_id])
        return [r["id"] for r in rows]

    def mention_texts(self, source_id: int) -> dict[int, str]:
        """Mention id → its text, for the mentions that point at a canonical source."""
        rows = query(self.db, """SELECT n.id, substr(a.text, n.start + 1, n."end" - n.start) AS t
            FROM annotations n JOIN articles a ON a.id = n.article_id
            WHERE n.canonical_source_id = ? ORDER BY n.id""", [source_id])
        return {r["id"]: r["t"] for r in rows}

    def name_taken(self, name: str, source_id: int | None = None) -> str | None:
        """The name of another source that is called ``name`` (in any case), or None."""
        wanted = " ".join(name.split()).casefold()
        rows = query(self.db, "SELECT id, name FROM sources")
        return next((r["name"] for r in rows
                     if r["name"].casefold() == wanted and r["id"] != source_id), None)

    def articles_of(self, source_id: int) -> set[int]:
        """The articles in which a canonical source is mentioned."""
        rows = self.db.execute("SELECT DISTINCT article_id FROM annotations "
                               "WHERE canonical_source_id = ?", [source_id]).fetchall()
        return {r[0] for r in rows}

    # -- claim groups ------------------------------------------------------------------------

    def add_group(self, title: str, *, group_id: int | None = None, note: str = "",
                  holding_id: int | None = None) -> int:
        """Open a group for one point in dispute."""
        stamp = now()
        row = {"title": title.strip() or "Untitled point", "note": note,
               "holding_id": holding_id, "created_at": stamp, "updated_at": stamp}
        if group_id is not None:
            row["id"] = group_id
        with self.db.atomic():
            return insert(self.db, "claim_groups", row)

    def update_group(self, group_id: int, *, title: str | None = None, note: str | None = None,
                     holding_id: int | None | bool = False) -> None:
        """Retitle a group, or record which claim holds and why (``holding_id=None`` clears)."""
        changes: dict[str, Any] = {"updated_at": now()}
        if title is not None:
            changes["title"] = title
        if note is not None:
            changes["note"] = note
        if holding_id is not False:
            changes["holding_id"] = holding_id
        with self.db.atomic():
            update(self.db, "claim_groups", group_id, changes)

    def delete_group(self, group_id: int) -> None:
        """Remove a group and its memberships (the claims stay)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM claim_groups WHERE id = ?", [group_id])

    def add_member(self, group_id: int, annotation_id: int, annotator: str, *,
                   value: str = "", stance: str = "") -> None:
        """Put a claim into a group, with the value it states or its stance; a claim is in one
        group at most (ValueError when it is in another)."""
        layer = scalar(self.db, "SELECT layer FROM annotations WHERE id = ?", [annotation_id])
        if layer is None:
            raise KeyError(f"no annotation {annotation_id}")
        if layer != Layer.CLAIM.value:
            raise ValueError(f"annotation {annotation_id} is a {layer}, not a claim")
        if [g for g in self.groups_of(annotation_id) if g != group_id]:
            raise ValueError(f"claim {annotation_id} is in another group already")
        with self.db.atomic():
            insert(self.db, "claim_group_members",
                   {"group_id": group_id, "annotation_id": annotation_id, "value": value,
                    "stance": stance, "annotator_id": ensure_annotator(self.db, annotator),
                    "added_at": now()}, replace=True)

    def set_member(self, group_id: int, annotation_id: int, *, value: str | None = None,
                   stance: str | None = None) -> None:
        """Change the value a member states, or its stance."""
        changes = {k: v for k, v in (("value", value), ("stance", stance)) if v is not None}
        with self.db.atomic():
            for column, v in changes.items():
                self.db.execute(
                    f"UPDATE claim_group_members SET {column} = ? "
                    "WHERE group_id = ? AND annotation_id = ?", [v, group_id, annotation_id])

    def remove_member(self, group_id: int, annotation_id: int) -> None:
        """Take a claim out of a group; a claim out of it holds it no more."""
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM claim_group_members WHERE group_id = ? AND annotation_id = ?",
                [group_id, annotation_id])
            self.db.execute("UPDATE claim_groups SET holding_id = NULL WHERE id = ? AND "
                            "holding_id = ?", [group_id, annotation_id])

    def group_of(self, annotation_id: int) -> int | None:
        """The group a claim belongs to, if any."""
        return scalar(self.db, "SELECT group_id FROM claim_group_members "
                      "WHERE annotation_id = ?", [annotation_id])

    def merge_groups(self, keep: int, merged: int) -> None:
        """Fold group ``merged`` into ``keep``: its claims move over with their values and
        stances, ``keep`` takes its holding claim when it has none and its note after its own;
        ``merged`` is removed."""
        old, new = self.group(keep), self.group(merged)
        note = "\n".join(n for n in (old.note, new.note) if n)
        with self.db.atomic():
            self.db.execute("UPDATE claim_group_members SET group_id = ? WHERE group_id = ?",
                            [keep, merged])
            self.db.execute("DELETE FROM claim_groups WHERE id = ?", [merged])
            self.update_group(keep, note=note, holding_id=old.holding_id or new.holding_id)

    def unmerge(self, keep: int, merged: int, title: str, moved: list[int], *, note: str,
                holding_id: int | None, kept: tuple[str, int | None]) -> None:
        """Undo ``merge_groups``: group ``merged`` again, with its claims ``moved`` back (their
        rows as they were), its title, note and holding claim; ``keep``'s note and holding claim
        as they were (``kept``)."""
        with self.db.atomic():
            self.add_group(title, group_id=merged, note=note, holding_id=holding_id)
            self.db.conn.executemany(
                "UPDATE claim_group_members SET group_id = ? WHERE group_id = ? "
                "AND annotation_id = ?", [(merged, keep, a) for a in moved])
            self.update_group(keep, note=kept[0], holding_id=kept[1])

    def memberships(self, annotation_ids: list[int]) -> list[tuple[Any, ...]]:
        """These claims' group rows, each with whether it holds its group, and the groups
        they hold without being in them (as projects of earlier versions can have it: a row
        of Nones but group, claim and holds): what ``restore_memberships`` puts back once the
        claims are restored after a delete or a removal from their group."""
        ids = marks(annotation_ids)
        return [tuple(r) for r in self.db.execute(
            "SELECT m.group_id, m.annotation_id, m.value, m.stance, m.annotator_id, m.added_at,"
            " g.holding_id IS m.annotation_id FROM claim_group_members m JOIN claim_groups g "
            f"ON g.id = m.group_id WHERE m.annotation_id IN ({ids}) UNION ALL "
            "SELECT g.id, g.holding_id, NULL, NULL, NULL, NULL, 1 FROM claim_groups g "
            f"WHERE g.holding_id IN ({ids}) AND NOT EXISTS (SELECT 1 FROM claim_group_members "
            "m WHERE m.group_id = g.id AND m.annotation_id = g.holding_id)",
            [*annotation_ids, *annotation_ids])]

    def restore_memberships(self, rows: list[tuple[Any, ...]]) -> None:
        """Put back group rows ``memberships`` read (in the groups that are still there, of
        claims in no group now), and the claims that held their group (unless another holds
        it now)."""
        with self.db.atomic():
            for group, claim, value, stance, who, added, holds in rows:
                if who is not None:
                    self.db.execute(
                        "INSERT OR IGNORE INTO claim_group_members (group_id, annotation_id, "
                        "value, stance, annotator_id, added_at) SELECT ?, ?, ?, ?, ?, ? WHERE "
                        "EXISTS (SELECT 1 FROM claim_groups WHERE id = ?)",
                        [group, claim, value, stance, who, added, group])
                if holds:
                    self.db.execute("UPDATE claim_groups SET holding_id = ? WHERE id = ? AND "
                                    "holding_id IS NULL", [claim, group])

    def groups_of(self, annotation_id: int) -> list[int]:
        """The groups a claim belongs to (one at most)."""
        rows = query(self.db, "SELECT group_id FROM claim_group_members WHERE annotation_id = ? "
                     "ORDER BY group_id", [annotation_id])
        return [r["group_id"] for r in rows]

    def groups(self, *, disputed_only: bool = False, annotator: str | None = None
               ) -> list[ClaimGroup]:
        """The groups with their members, ready for the side-by-side view: those with a
        member ``annotator`` sees, or none at all (None: every group, in the project's view:
        store/views.py)."""
        shown, params = viewer(self.db, annotator).shown("n.annotator_id", "n.article_id")
        ids = query(self.db, f"""SELECT g.id FROM claim_groups g WHERE ? OR NOT EXISTS (
                SELECT 1 FROM claim_group_members m WHERE m.group_id = g.id) OR EXISTS (
                SELECT 1 FROM claim_group_members m JOIN annotations n ON n.id = m.annotation_id
                WHERE m.group_id = g.id AND {shown}) ORDER BY g.id""",
                    [annotator is None, *params])
        groups = [self.group(r["id"], annotator) for r in ids]
        return [g for g in groups if g.disputed] if disputed_only else groups

    def group(self, group_id: int, annotator: str | None = None) -> ClaimGroup:
        """One group with the members ``annotator`` sees (None: the project's view), in
        publication order."""
        rows = query(self.db, "SELECT * FROM claim_groups WHERE id = ?", [group_id])
        if not rows:
            raise KeyError(f"no claim group {group_id}")
        g = rows[0]
        shown, params = viewer(self.db, annotator).shown("n.annotator_id", "n.article_id")
        members = query(self.db, _MEMBERS.format(shown=shown), [group_id, *params])
        return ClaimGroup(
            id=g["id"], title=g["title"], note=g["note"], holding_id=g["holding_id"],
            members=tuple(GroupMember(
                annotation_id=m["annotation_id"], article_id=m["article_id"], start=m["start"],
                end=m["end"], text=m["claim"], value=m["value"], stance=m["stance"],
                article_title=m["title"], outlet=m["outlet"], published=m["published"],
                source=_with_via(m["canonical"] or m["mention"], m["via"]),
                values=from_attrs(json.loads(m["attrs"]))) for m in members),
        )

    def claims(self) -> list[tuple[int, int, str]]:
        """Every claim of the project's view as (annotation id, article id, text): for
        matching."""
        shown, params = viewer(self.db, None).shown("n.annotator_id", "n.article_id")
        rows = query(self.db, f"""SELECT n.id, n.article_id,
            substr(a.text, n.start + 1, n."end" - n.start) AS t
            FROM annotations n JOIN articles a ON a.id = n.article_id
            WHERE n.layer = 'claim' AND {shown} ORDER BY n.id""", params)
        return [(r["id"], r["article_id"], r["t"]) for r in rows]

    def _sources(self) -> tuple[str, list[object]]:
        shown, params = viewer(self.db, None).shown("n.annotator_id", "n.article_id")
        return (f"""SELECT s.*, (SELECT count(*) FROM annotations n
            WHERE n.canonical_source_id = s.id AND {shown}) AS mentions FROM sources s""",
                params)

_MEMBERS = f"""
SELECT m.annotation_id, m.value, m.stance, n.article_id, n.start, n."end", n.attrs,
       substr(a.text, n.start + 1, n."end" - n.start) AS claim,
       a.title, a.outlet, a.published,
       (SELECT s.name FROM links l JOIN annotations sm ON sm.id = l.to_id
          JOIN sources s ON s.id = sm.canonical_source_id
          WHERE l.from_id = n.id AND l.kind = '{ATTRIBUTED_TO}' LIMIT 1) AS canonical,
       (SELECT substr(a.text, sm.start + 1, sm."end" - sm.start) FROM links l
          JOIN annotations sm ON sm.id = l.to_id
          WHERE l.from_id = n.id AND l.kind = '{ATTRIBUTED_TO}' LIMIT 1) AS mention,
       (SELECT coalesce(s.name, substr(a.text, rm.start + 1, rm."end" - rm.start))
          FROM links l JOIN links r ON r.from_id = l.to_id AND r.kind = '{REPORTED_BY}'
          JOIN annotations rm ON rm.id = r.to_id
          LEFT JOIN sources s ON s.id = rm.canonical_source_id
          WHERE l.from_id = n.id AND l.kind = '{ATTRIBUTED_TO}' LIMIT 1) AS via
FROM claim_group_members m
JOIN annotations n ON n.id = m.annotation_id
JOIN articles a ON a.id = n.article_id
WHERE m.group_id = ? AND {{shown}}
ORDER BY coalesce(a.published, ''), a.id, n.start
"""


def _with_via(source: str | None, via: str | None) -> str | None:
    """A claim's source and who reports it ("Laut X sagte Y": "Y via X")."""
    return f"{source} via {via}" if source and via else source


def _source(r: dict[str, Any]) -> CanonicalSource:
    return CanonicalSource(id=r["id"], name=r["name"], kind=r["kind"],
                           aliases=tuple(json.loads(r["aliases"])), mentions=r["mentions"])
