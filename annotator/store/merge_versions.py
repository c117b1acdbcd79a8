"""Which of a merged file's versions are brought (store/merging.py): those this project has
none of; of those it has, the same content is left alone and different content is a
conflict, ours kept unless the file's is preferred. A version's content, compared without
ids or times: its status, its annotations (with attributes and canonical source's name), its
links, its decisions (the suggestion by model and span), its memberships (value, stance)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:
    from sqlite_utils import Database



class Conflict(Struct, frozen=True):
    """One annotator's version of one article, different in the two files."""

    article_id: int  # ours
    title: str
    annotator: str


def _rows(parts: str) -> str:
    """The rows of a SELECT of one text column ``x``, sorted, as one text."""
    return f"coalesce((SELECT group_concat(x, char(31)) FROM ({parts} ORDER BY x)), '')"


def fingerprint(s: str, a: str, w: str) -> str:
    """SQL: the content of annotator ``w``'s version of article ``a`` in schema ``s``."""
    span = "{0}.layer || ' ' || {0}.label || ' ' || {0}.start || ' ' || {0}.\"end\""
    return " || char(30) || ".join([
        f"(SELECT status FROM {s}.versions WHERE article_id = {a} AND annotator_id = {w})",
        _rows(f"""SELECT {span.format('n')} || ' ' || n.attrs || ' ' || coalesce(c.name, '')
            AS x FROM {s}.annotations n LEFT JOIN {s}.sources c ON c.id = n.canonical_source_id
            WHERE n.article_id = {a} AND n.annotator_id = {w}"""),
        _rows(f"""SELECT l.kind || ' ' || {span.format('f')} || ' ' || {span.format('t')} || ' '
            || l.attrs AS x FROM {s}.links l JOIN {s}.annotations f ON f.id = l.from_id
            JOIN {s}.annotations t ON t.id = l.to_id
            WHERE f.article_id = {a} AND l.annotator_id = {w}"""),
        _rows(f"""SELECT m.name || ' ' || m.version || ' ' || {span.format('g')} || ' ' ||
            d.decision AS x FROM {s}.suggestion_decisions d
            JOIN {s}.suggestions g ON g.id = d.suggestion_id JOIN {s}.models m ON m.id = g.model_id
            WHERE g.article_id = {a} AND d.annotator_id = {w}"""),
        _rows(f"""SELECT {span.format('n')} || ' ' || x.value || ' ' || x.stance AS x
            FROM {s}.claim_group_members x JOIN {s}.annotations n ON n.id = x.annotation_id
            WHERE n.article_id = {a} AND x.annotator_id = {w}""")])


def classify(db: Database, prefer_source: bool) -> tuple[list[Conflict], int, int, int]:
    """Fill ``merge_ver`` (the file's versions: ``bring`` them, ``replace`` ours); the
    conflicts, how many versions are the same here, how many replaced, how many brought."""
    db.execute("""CREATE TEMP TABLE merge_ver (article INTEGER, who INTEGER, dst_article
        INTEGER, dst_who INTEGER, bring INTEGER, replace INTEGER DEFAULT 0,
        PRIMARY KEY (article, who))""")
    db.execute("""INSERT INTO merge_ver (article, who, dst_article, dst_who, bring)
        SELECT v.article_id, v.annotator_id, a.dst, w.dst, NOT EXISTS (SELECT 1
        FROM main.versions t WHERE t.article_id = a.dst AND t.annotator_id = w.dst)
        FROM src.versions v JOIN merge_art a ON a.src = v.article_id
        JOIN merge_who w ON w.src = v.annotator_id""")
    theirs = dict(((r[0], r[1]), r[2]) for r in db.execute(
        f"SELECT article, who, {fingerprint('src', 'v.article', 'v.who')} FROM merge_ver v "
        "WHERE NOT bring"))
    ours = dict(((r[0], r[1]), r[2]) for r in db.execute(
        f"SELECT article, who, {fingerprint('main', 'v.dst_article', 'v.dst_who')} "
        "FROM merge_ver v WHERE NOT bring"))
    differ = [key for key, content in theirs.items() if ours[key] != content]
    if prefer_source:
        db.conn.executemany("UPDATE merge_ver SET bring = 1, replace = 1 WHERE article = ? "
                            "AND who = ?", differ)
    conflicts = [Conflict(*db.execute(
        """SELECT a.id, a.title, w.name FROM merge_ver v JOIN main.articles a
        ON a.id = v.dst_article JOIN main.annotators w ON w.id = v.dst_who
        WHERE v.article = ? AND v.who = ?""", key).fetchone()) for key in differ]
    brought = db.execute("SELECT count(*) FROM merge_ver WHERE bring").fetchone()[0]
    replaced = len(differ) if prefer_source else 0
    return conflicts, len(theirs) - len(differ), replaced, brought


def drop_replaced(db: Database) -> None:
    """Delete our versions the file's replace (their links and memberships go with the
    annotations)."""
    replaced = db.execute("SELECT dst_article, dst_who FROM merge_ver WHERE replace").fetchall()
    db.conn.executemany("""DELETE FROM main.suggestion_decisions WHERE annotator_id = ?2
        AND suggestion_id IN (SELECT id FROM main.suggestions WHERE article_id = ?1)""",
                        replaced)
    for table in ("annotations", "versions"):
        db.conn.executemany(f"DELETE FROM main.{table} WHERE article_id = ? AND "
                            "annotator_id = ?", replaced)
