"""Another annotator's work on articles the project has already: a dataset's spans that name
an annotator who has nothing on the article yet become their version of it (docs/annotators.md,
"Importing another annotator's work"); whoever has something there is left as they are."""

from __future__ import annotations

from annotator.core.model import ArticleDraft
from annotator.store.batches import ArticleWriter, NewArticle, Versions, _Rows, check, named
from annotator.store.sql import marks

__all__ = ["Versions", "add_versions"]


def add_versions(writer: ArticleWriter, article_id: int, draft: ArticleDraft) -> Versions:
    """In the caller's transaction: each annotator the draft names who has neither a version
    nor a span of the stored article gets their spans (with the links and group memberships
    between them) as their version, done when the file says so, else in progress."""
    names = named(draft)
    if not names:
        return Versions()
    check(NewArticle(draft, ""))
    db = writer.db
    there = dict(db.execute(
        f"""SELECT a.name, CASE WHEN EXISTS (SELECT 1 FROM versions v WHERE v.article_id = ?
            AND v.annotator_id = a.id) THEN 'version' ELSE 'spans' END FROM annotators a
        WHERE a.name IN ({marks(names)}) AND (EXISTS (SELECT 1 FROM versions v
            WHERE v.article_id = ? AND v.annotator_id = a.id) OR EXISTS (SELECT 1
            FROM annotations n WHERE n.article_id = ? AND n.annotator_id = a.id))""",
        [article_id, *names, article_id, article_id]).fetchall())
    added = [name for name in names if name not in there]
    for name in added:
        rows = _Rows(writer)
        rows.content(article_id, _made_by(draft, name, writer.annotator), [name])
        rows.write()
    return Versions(tuple(added), tuple((name, there[name]) for name in names if name in there))


def _made_by(draft: ArticleDraft, name: str, importer: str) -> ArticleDraft:
    """The part of a draft one annotator made: their spans, the links and group memberships
    between them; no suggestions (the stored article has its own)."""
    mine = [s for s in draft.annotations
            if (s.made is not None and s.made.annotator or importer) == name]
    keys = {s.key for s in mine}
    return ArticleDraft(
        text=draft.text, spans=draft.spans if draft.annotator == name else [], annotator=name,
        annotations=mine, links=[k for k in draft.links if {k.from_key, k.to_key} <= keys],
        groups=[g for g in draft.groups if g.span_key in keys], status=draft.status)
