"""Another annotator's work on articles the project has already: a dataset's spans that name
an annotator who has nothing on the article yet become their version of it; a second pass of
an annotator who has (a relations task after an NER task, another layer's file) merges into
their version (docs/annotators.md, "Importing another annotator's work")."""

from __future__ import annotations

from annotator.core.model import ArticleDraft, DocSpan, Layer, Provenance, Status
from annotator.store.batches import ArticleWriter, NewArticle, Versions, _Rows, check
from annotator.store.draft_owners import named
from annotator.store.sql import dump_json, marks

__all__ = ["Versions", "add_versions"]


def add_versions(writer: ArticleWriter, article_id: int, draft: ArticleDraft) -> Versions:
    """In the caller's transaction: each annotator the draft names who has neither a version
    nor a span of the stored article gets their spans (with the links and group memberships
    between them) as their version, done when the file says so, else in progress; one who
    has gets what ``_merge`` adds."""
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
    added, merged = [], []
    for name in names:
        rows, part = _Rows(writer), _made_by(draft, name, writer.annotator)
        if name not in there:
            rows.content(article_id, part, [name])
            added.append(name)
        elif what := _merge(rows, article_id, part, name, there[name] == "version"):
            merged.append((name, what))
        rows.write()
    done = {name for name, _ in merged}
    return Versions(tuple(added), tuple((name, there[name]) for name in names
                                        if name in there and name not in done), tuple(merged))


def _merge(rows: _Rows, article_id: int, part: ArticleDraft, name: str, version: bool) -> str:
    """A second pass over the text: of each layer, the spans ``name`` lacks when the pass
    keeps every span they have there (one that drops some is another answer, and the first
    stays), and the links between the pass's spans they lack. Their ``version`` done before
    is in progress again when the pass is not accepted. What was added ("" for nothing)."""
    db = rows.db
    have = {(layer, start, end, label): n for n, layer, start, end, label in db.execute(
        'SELECT n.id, n.layer, n.start, n."end", n.label FROM annotations n JOIN annotators a '
        "ON a.id = n.annotator_id WHERE n.article_id = ? AND a.name = ?", [article_id, name])}
    spans = [*part.annotations, *(DocSpan(f"E{n}", Layer.ENTITY, s.start, s.end, s.label,
                                          made=Provenance(name))
                                  for n, s in enumerate(part.spans, 1))]
    brought: dict[str, dict[tuple[str, int, int, str], DocSpan]] = {}
    for s in spans:
        brought.setdefault(s.layer.value, {})[(s.layer.value, s.start, s.end, s.label)] = s
    ids = {s.key: have[where] for s in spans
           if (where := (s.layer.value, s.start, s.end, s.label)) in have}
    layers = []
    for layer, found in brought.items():
        if {k for k in have if k[0] == layer} <= found.keys() and found.keys() - have.keys():
            layers.append(layer)
            ids |= {s.key: rows.doc_span(article_id, s) for k, s in found.items()
                    if k not in have}  # their spans: who made them, when, as the file says
    linked = set(db.execute(
        "SELECT k.from_id, k.to_id, k.kind FROM links k JOIN annotators a ON a.id = "
        "k.annotator_id JOIN annotations f ON f.id = k.from_id WHERE f.article_id = ? "
        "AND a.name = ?", [article_id, name]))
    links = {(ids[k.from_key], ids[k.to_key], k.kind): k for k in part.links
             if k.from_key in ids and k.to_key in ids}
    for (head, child, kind), link in links.items():
        if (head, child, kind) not in linked:
            rows.rows["links"].append((head, child, kind, rows.annotator(name),
                                       dump_json(link.attrs), rows.stamp))
    fresh = len(links.keys() - linked)
    if (layers or fresh) and version and part.status is not Status.DONE:
        _undone(rows, article_id, name)
    return ", ".join([*layers, *([f"{fresh} links"] if fresh else [])])


def _undone(rows: _Rows, article_id: int, name: str) -> None:
    """``name``'s done version in progress again, and the article's own mark, if done, what
    a first pass that is not accepted leaves it: new (its versions say where it stands)."""
    rows.db.execute("UPDATE versions SET status = 'in_progress', status_changed_at = ? WHERE "
                    "article_id = ? AND annotator_id = ? AND status = 'done'",
                    [rows.stamp, article_id, rows.annotator(name)])
    rows.db.execute("UPDATE articles SET status = 'new', status_changed_at = NULL WHERE id = ? "
                    "AND status = 'done'", [article_id])


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
