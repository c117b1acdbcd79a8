"""Each annotator's own version of an article (docs/annotators.md): started on their first
edit as a copy of the imported layer, with a status of its own; taken back whole by undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec import Struct, field

from annotator.core.model import Link, Status
from annotator.core.names import GOLD_ANNOTATOR, IMPORT_ANNOTATOR
from annotator.store.annotations import AnnotationTables, ensure_annotator
from annotator.store.sql import now, query, scalar, text_length
from annotator.store.views import viewer

if TYPE_CHECKING:
    from sqlite_utils import Database

_COPIED = ("layer", "label", "start", "end", "suggestion_id", "attrs", "created_at",
           "updated_at", "canonical_source_id")


class Started(Struct):
    """What starting a version copied: the imported annotations' and links' ids → the copies'
    (starting again with them, after an undo, gives the copies the same ids), the suggestions
    whose imported decision it copied, the memberships."""

    annotations: dict[int, int] = field(default_factory=dict)
    links: dict[int, int] = field(default_factory=dict)
    decisions: list[int] = field(default_factory=list)
    members: int = 0


class VersionTables(AnnotationTables):
    """Versions and their status: a part of Project."""

    db: Database

    def version_status(self, article_id: int, annotator: str) -> Status:
        """Where an annotator's version of an article stands: NEW when they have none."""
        text_length(self.db, article_id)  # KeyError for no article
        found = scalar(self.db, "SELECT status FROM versions WHERE article_id = ? AND "
                       "annotator_id = ?", [article_id, viewer(self.db, annotator).me])
        return Status.NEW if found is None else Status(found)

    def has_version(self, article_id: int, annotator: str) -> bool:
        """Whether the annotator has a version of the article (has edited it)."""
        return scalar(self.db, "SELECT 1 FROM versions WHERE article_id = ? AND annotator_id = ?",
                      [article_id, viewer(self.db, annotator).me]) is not None

    def start_version(self, article_id: int, annotator: str, status: Status = Status.IN_PROGRESS,
                      again: Started | None = None, copy: bool = True) -> Started:
        """Start an annotator's version of an article: a copy of its imported layer
        (annotations, their links, group memberships and decisions), with ``status``;
        without ``copy`` it starts empty (the gold version: docs/adjudication.md)."""
        if status is Status.NEW:
            raise ValueError("a version is in progress or done")
        text_length(self.db, article_id)
        again = again or Started()
        with self.db.atomic():
            me, imported = ensure_annotator(self.db, annotator), viewer(self.db, None).imported
            if me == imported:
                raise ValueError("the imported layer is nobody's version")
            if self.has_version(article_id, annotator):
                raise ValueError(f"{annotator} has a version of article {article_id} already")
            stamp = now()
            self.db.execute("INSERT INTO versions (article_id, annotator_id, status, started_at, "
                            "status_changed_at) VALUES (?, ?, ?, ?, ?)",
                            [article_id, me, status.value, stamp, stamp])
            return self._copy(article_id, imported, me, again) if copy else Started()

    def _copy(self, article_id: int, imported: int, me: int, again: Started) -> Started:
        db, done = self.db, Started()
        for r in query(db, "SELECT * FROM annotations WHERE article_id = ? AND annotator_id = ? "
                       "ORDER BY id", [article_id, imported]):
            row = {k: r[k] for k in _COPIED}
            row |= {"article_id": article_id, "annotator_id": me, "copy_of": r["id"],
                    "id": again.annotations.get(r["id"])}
            done.annotations[r["id"]] = int(db.execute(
                f"INSERT INTO annotations ({', '.join(f'[{k}]' for k in row)}) "
                f"VALUES ({', '.join('?' * len(row))})", list(row.values())).lastrowid or 0)
        copies = done.annotations
        for r in query(db, """SELECT l.* FROM links l JOIN annotations n ON n.id = l.from_id
                WHERE n.article_id = ? AND l.annotator_id = ?""", [article_id, imported]):
            if r["from_id"] in copies and r["to_id"] in copies:
                done.links[r["id"]] = int(db.execute(
                    "INSERT INTO links (id, from_id, to_id, kind, annotator_id, attrs, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [again.links.get(r["id"]), copies[r["from_id"]], copies[r["to_id"]],
                     r["kind"], me, r["attrs"], r["created_at"]]).lastrowid or 0)
        for r in query(db, """SELECT m.* FROM claim_group_members m
                JOIN annotations n ON n.id = m.annotation_id
                WHERE n.article_id = ? AND n.annotator_id = ?""", [article_id, imported]):
            db.execute("INSERT INTO claim_group_members (group_id, annotation_id, value, stance, "
                       "annotator_id, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                       [r["group_id"], copies[r["annotation_id"]], r["value"], r["stance"], me,
                        r["added_at"]])
            done.members += 1
        decided = query(db, """SELECT d.suggestion_id, d.decision, d.decided_at
            FROM suggestion_decisions d JOIN suggestions s ON s.id = d.suggestion_id
            WHERE s.article_id = ? AND d.annotator_id = ? AND NOT EXISTS (
                SELECT 1 FROM suggestion_decisions o WHERE o.suggestion_id = d.suggestion_id
                AND o.annotator_id = ?)""", [article_id, imported, me])
        db.conn.executemany("INSERT INTO suggestion_decisions (suggestion_id, decision, "
                            "annotator_id, decided_at) VALUES (?, ?, ?, ?)",
                            [(r["suggestion_id"], r["decision"], me, r["decided_at"])
                             for r in decided])
        done.decisions = [r["suggestion_id"] for r in decided]
        return done

    def drop_version(self, article_id: int, annotator: str, started: Started) -> None:
        """Take the start of an annotator's version back (its undo): the copies it made (their
        links and memberships with them), the decisions it copied, its status. Rows the
        annotator had there before (written without the app: a script, a dataset) stay."""
        me = viewer(self.db, annotator).me
        with self.db.atomic():
            self.db.conn.executemany(
                "DELETE FROM suggestion_decisions WHERE suggestion_id = ? AND annotator_id = ?",
                [(s, me) for s in started.decisions])
            self.db.conn.executemany(
                "DELETE FROM annotations WHERE id = ? AND annotator_id = ?",
                [(i, me) for i in started.annotations.values()])
            self.db.execute("DELETE FROM versions WHERE article_id = ? AND annotator_id = ?",
                            [article_id, me])

    def set_version_status(self, article_id: int, annotator: str, status: Status) -> None:
        """Mark an annotator's version in progress or done (it must exist)."""
        if status is Status.NEW:
            raise ValueError("a version is in progress or done; undo takes its start back")
        with self.db.atomic():
            count = self.db.execute(
                "UPDATE versions SET status = ?, status_changed_at = ? WHERE article_id = ? "
                "AND annotator_id = ?",
                [status.value, now(), article_id, viewer(self.db, annotator).me]).rowcount
        if not count:
            raise KeyError(f"{annotator} has no version of article {article_id}")

    def version_ids(self, article_id: int, annotator: str) -> set[int]:
        """The ids of the annotations in an annotator's version of an article."""
        return {r[0] for r in self.db.execute(
            "SELECT id FROM annotations WHERE article_id = ? AND annotator_id = ?",
            [article_id, viewer(self.db, annotator).me])}

    def own_annotation(self, annotator: str, annotation_id: int) -> int:
        """The id, in an annotator's version, of a span they see: itself, or their copy of an
        imported span. KeyError when their version has no such span (any more), ValueError
        for a span of someone else's version."""
        view = viewer(self.db, annotator)
        row = self.db.execute("SELECT annotator_id, article_id FROM annotations WHERE id = ?",
                              [annotation_id]).fetchone()
        if row is None:
            raise KeyError(f"no annotation {annotation_id}")
        if row[0] == view.me:
            return annotation_id
        if row[0] != view.imported:
            raise ValueError(f"annotation {annotation_id} is in another annotator's version")
        found = scalar(self.db, "SELECT id FROM annotations WHERE article_id = ? AND "
                       "annotator_id = ? AND copy_of = ?", [row[1], view.me, annotation_id])
        if found is None:
            raise KeyError(f"the span {annotation_id} is not in {annotator}'s version")
        return found

    def own_link(self, annotator: str, link: Link) -> int:
        """The id, in an annotator's version, of a link they see (as ``own_annotation``)."""
        ends = [self.own_annotation(annotator, link.from_id),
                self.own_annotation(annotator, link.to_id), link.kind]
        found = scalar(self.db, "SELECT id FROM links WHERE from_id = ? AND to_id = ? AND "
                       "kind = ?", ends)
        if found is None:
            raise KeyError(f"the link {link.id} is not in {annotator}'s version")
        return found

    def versions_of(self, article_id: int) -> dict[str, Status]:
        """Who has a version of an article (the gold one too) and where it stands, in the
        order they joined."""
        return {name: Status(status) for name, status in self.db.execute(
            """SELECT a.name, v.status FROM versions v JOIN annotators a ON a.id = v.annotator_id
            WHERE v.article_id = ? ORDER BY a.id""", [article_id])}

    def to_adjudicate(self, after: int, in_progress: bool = False) -> list[int]:
        """The articles after ``after`` (by id) that two or more people have a done (with
        ``in_progress``: any) version of and whose gold version is not done."""
        gold = viewer(self.db, GOLD_ANNOTATOR).me
        return [r[0] for r in self.db.execute(
            f"""SELECT v.article_id FROM versions v WHERE v.article_id > ?
            AND v.annotator_id != ? {"" if in_progress else "AND v.status = 'done'"}
            AND NOT EXISTS (SELECT 1 FROM versions g WHERE g.article_id = v.article_id
                AND g.annotator_id = ? AND g.status = 'done')
            GROUP BY v.article_id HAVING count(*) >= 2 ORDER BY v.article_id""",
            [after, gold, gold])]

    def version_counts(self) -> dict[str, dict[Status, int]]:
        """Annotator → how many of their versions are in progress and done, in the order they
        joined; the imported layer is nobody's version."""
        out: dict[str, dict[Status, int]] = {}
        for name, status, n in self.db.execute(
                """SELECT a.name, v.status, count(*) FROM versions v
                JOIN annotators a ON a.id = v.annotator_id
                GROUP BY a.id, v.status ORDER BY a.id, v.status"""):
            out.setdefault(name, {Status.IN_PROGRESS: 0, Status.DONE: 0})[Status(status)] = n
        return out


def is_imported(name: str) -> bool:
    """Whether a name is the imported layer's (nobody works as it)."""
    return name.strip() == IMPORT_ANNOTATOR
