"""What an annotator sees of the project: the SQL conditions every read shares.

An annotator sees, of each article, their own rows, and the imported layer (the annotator
``import``) while they have no version of it; once they have, its copy in their version stands
for it. The project's view (annotator None: exports, training, ``stats``) is every annotator's
rows, and the imported layer of the articles nobody has a version of. docs/annotators.md says
why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec import Struct

from annotator.core.model import Status
from annotator.core.names import IMPORT_ANNOTATOR

if TYPE_CHECKING:
    from sqlite_utils import Database

Sql = tuple[str, list[object]]  # a condition or expression, and its parameters in order


class Viewer(Struct, frozen=True):
    """Whose view a read takes: ``name`` None for the project's; ids -1 when not registered."""

    name: str | None
    me: int
    imported: int

    def shown(self, who: str, article: str) -> Sql:
        """A row made by ``who`` on article ``article`` (SQL expressions) is in this view."""
        if self.name is None:
            return (f"({who} != ? OR NOT EXISTS (SELECT 1 FROM versions v "
                    f"WHERE v.article_id = {article}))", [self.imported])
        return (f"({who} = ? OR {who} = ? AND NOT EXISTS (SELECT 1 FROM versions v WHERE "
                f"v.article_id = {article} AND v.annotator_id = ?))",
                [self.me, self.imported, self.me])

    def decided(self, s: str = "s") -> Sql:
        """Suggestion ``s`` is decided in this view (in the project's: by anyone)."""
        if self.name is None:
            return ("EXISTS (SELECT 1 FROM suggestion_decisions d "
                    f"WHERE d.suggestion_id = {s}.id)", [])
        shown, params = self.shown("d.annotator_id", f"{s}.article_id")
        return (f"EXISTS (SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = {s}.id "
                f"AND {shown})", params)

    def status(self, a: str = "a") -> Sql:
        """An article's status (``a``: the articles alias): the annotator's, or for the project
        the furthest of the article's own and every version's."""
        if self.name is not None:
            return (f"coalesce((SELECT v.status FROM versions v WHERE v.article_id = {a}.id "
                    "AND v.annotator_id = ?), 'new')", [self.me])
        return (f"""CASE WHEN {a}.status = 'done' OR EXISTS (SELECT 1 FROM versions v
                WHERE v.article_id = {a}.id AND v.status = 'done') THEN 'done'
            WHEN {a}.status = 'in_progress' OR EXISTS (SELECT 1 FROM versions v
                WHERE v.article_id = {a}.id) THEN 'in_progress' ELSE 'new' END""", [])

    def status_is(self, status: Status, a: str = "a") -> Sql:
        """The article has this status: a condition probed article by article, in id order
        (a count of the status alone is the versions' index's: ``count_articles``)."""
        if self.name is not None:
            if status is Status.NEW:
                return (f"NOT EXISTS (SELECT 1 FROM versions v WHERE v.article_id = {a}.id "
                        "AND v.annotator_id = ?)", [self.me])
            return (f"EXISTS (SELECT 1 FROM versions v WHERE v.article_id = {a}.id "
                    "AND v.annotator_id = ? AND v.status = ?)", [self.me, status.value])
        done = f"{a}.id IN (SELECT article_id FROM versions WHERE status = 'done')"
        if status is Status.DONE:
            return f"({a}.status = 'done' OR {done})", []
        if status is Status.IN_PROGRESS:
            return (f"({a}.status = 'in_progress' OR {a}.id IN (SELECT article_id FROM versions))"
                    f" AND {a}.status != 'done' AND NOT {done}", [])
        return f"{a}.status = 'new' AND {a}.id NOT IN (SELECT article_id FROM versions)", []


def viewer(db: Database, annotator: str | None) -> Viewer:
    """The view of ``annotator`` (None: the project's), its ids looked up."""
    found = dict(db.execute("SELECT name, id FROM annotators WHERE name IN (?, ?)",
                            [annotator or IMPORT_ANNOTATOR, IMPORT_ANNOTATOR]).fetchall())
    me = found.get(annotator, -1) if annotator is not None else -1
    return Viewer(annotator, me, found.get(IMPORT_ANNOTATOR, -1))
