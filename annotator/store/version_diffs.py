"""Whether annotators' versions of articles differ (docs/adjudication.md), in SQL, for many
articles at once: in a span (layer, label, start, end) not every version has, or, where the
spans agree, in something said about a span that not every version says: an attribute or
the canonical source ("attributes"), a link from it with the span it ends at and the link's
attributes ("links"), its claim group with value and stance ("groups"). The export's check
(store/drafts.py), the review queue's and the next article to adjudicate
(store/review_reads.py) differ only in which versions they compare; adjudication
(app/adjudication_items.py) finds each difference with its values, one article at a time."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

SPANS, ATTRIBUTES, LINKS, GROUPS = "spans", "attributes", "links", "groups"
KINDS = (SPANS, ATTRIBUTES, LINKS, GROUPS)


def differing(db: Database, versions: str, params: Mapping[str, Any], layers: Sequence[str],
              articles: Collection[int] | None = None) -> dict[int, str]:
    """Article id → how its compared versions differ: "spans", else the kinds of what they
    say differently ("attributes, groups"), for the articles (of ``articles``; None: all) two
    or more of whose versions are compared: the rows ``w`` of ``versions`` where ``versions``
    (SQL, named ``params``)."""
    if not all(layer.isidentifier() for layer in layers):
        raise ValueError(f"not a layer: {layers}")
    named = ", ".join(f"'{layer}'" for layer in layers) or "NULL"
    if articles is not None:  # a few: each read by its index, not the tables in turn
        among = ", ".join(str(int(a)) for a in articles)
        versions = f"w.article_id IN ({among}) AND {versions}"
        said = _SAID.replace("CROSS JOIN", "JOIN").replace(
            "{layers})", f"{{layers}}) AND x.article_id IN ({among})")
    else:
        said = _SAID
    found = {r[0]: SPANS for r in db.execute(
        _SPANS.format(versions=versions, layers=named), dict(params))}
    for article_id, kinds in db.execute(said.format(versions=versions, layers=named),
                                        dict(params)):
        if article_id not in found:
            found[article_id] = ", ".join(k for k in KINDS if k in kinds.split(","))
    return found


_SPANS = """
    WITH v AS (SELECT w.article_id, w.annotator_id FROM versions w WHERE {versions}),
        n AS (SELECT article_id, count(*) AS k FROM v GROUP BY article_id HAVING k >= 2)
    SELECT s.article_id FROM n JOIN (
        SELECT a.article_id, count(DISTINCT a.annotator_id) AS c FROM annotations a
        JOIN v ON v.article_id = a.article_id AND v.annotator_id = a.annotator_id
        WHERE a.article_id IN (SELECT article_id FROM n) AND a.layer IN ({layers})
        GROUP BY a.article_id, a.layer, a.label, a.start, a."end") s
    ON s.article_id = n.article_id WHERE s.c < n.k GROUP BY s.article_id"""

# Each thing a version says about a span, one row per version; an article differs where a
# row is not said by every one of its versions (its spans agree: each is in every version).
# Attributes are taken apart only where their text (or canonical source) is not the same in
# every version ("maybe"): the same attributes in another order are the same.
_SPAN = "x.article_id, x.annotator_id, x.layer, x.label, x.start, x.\"end\""
_END = "t.layer || char(31) || t.label || char(31) || t.start || char(31) || t.\"end\""
# Of a span x: it is of a compared layer and version (joined in this order: the small
# tables first, then the span by id, then its version by key).
_MINE = """CROSS JOIN versions w ON w.article_id = x.article_id
    AND w.annotator_id = x.annotator_id AND {versions} AND x.layer IN ({layers})"""
_SAID = f"""
    WITH n AS (SELECT w.article_id, count(*) AS k FROM versions w WHERE {{versions}}
            GROUP BY w.article_id HAVING k >= 2),
        x AS MATERIALIZED (SELECT x.* FROM annotations x {_MINE}
            WHERE (x.attrs != '{{{{}}}}' OR x.canonical_source_id IS NOT NULL)),
        maybe AS (SELECT x.article_id, x.layer, x.label, x.start, x."end" FROM x
            JOIN n ON n.article_id = x.article_id
            GROUP BY x.article_id, x.layer, x.label, x.start, x."end", x.attrs,
                x.canonical_source_id, n.k HAVING count(DISTINCT x.annotator_id) < n.k),
        y AS (SELECT * FROM x WHERE (x.article_id, x.layer, x.label, x.start, x."end")
            IN (SELECT * FROM maybe)),
        said AS (SELECT {_SPAN.replace("x.", "y.")}, '{ATTRIBUTES}' AS kind,
                j.key || char(31) || j.type AS name, j.value AS value
                FROM y, json_each(y.attrs) j WHERE j.type != 'null'
            UNION ALL SELECT {_SPAN.replace("x.", "y.")}, '{ATTRIBUTES}', '',
                y.canonical_source_id FROM y WHERE y.canonical_source_id IS NOT NULL
            UNION ALL SELECT {_SPAN}, '{LINKS}', l.kind, {_END} FROM links l
                CROSS JOIN annotations x ON x.id = l.from_id {_MINE}
                JOIN annotations t ON t.id = l.to_id
            UNION ALL SELECT {_SPAN}, '{LINKS}', l.kind || char(31) || {_END} || char(31)
                || j.key || char(31) || j.type, j.value FROM links l
                CROSS JOIN annotations x ON x.id = l.from_id {_MINE}
                AND l.attrs != '{{{{}}}}' JOIN annotations t ON t.id = l.to_id,
                json_each(l.attrs) j WHERE j.type != 'null'
            UNION ALL SELECT {_SPAN}, '{GROUPS}', m.group_id,
                quote(m.value) || char(31) || quote(m.stance) FROM claim_group_members m
                CROSS JOIN annotations x ON x.id = m.annotation_id {_MINE})
    SELECT s.article_id, group_concat(DISTINCT s.kind) FROM n JOIN (
        SELECT article_id, kind, count(DISTINCT annotator_id) AS c FROM said
        GROUP BY article_id, layer, label, start, "end", kind, name, value) s
    ON s.article_id = n.article_id WHERE s.c < n.k GROUP BY s.article_id"""
