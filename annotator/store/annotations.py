"""Annotators, their annotations and the links between them; the label scheme; settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.colors import DEFAULT_LABEL_COLOR
from annotator.core.model import Annotation, Label, Layer, Link, Span
from annotator.core.spans import check_span
from annotator.store.sql import (
    dump_json,
    insert,
    load_json,
    now,
    query,
    scalar,
    text_length,
    update,
)
from annotator.store.views import Viewer, viewer

if TYPE_CHECKING:
    from sqlite_utils import Database


def ensure_annotator(db: Database, name: str) -> int:
    """The id of an annotator, registering the name on first use."""
    name = name.strip()
    if not name:
        raise ValueError("an annotator needs a name")
    with db.atomic():
        found = scalar(db, "SELECT id FROM annotators WHERE name = ?", [name])
        if found is not None:
            return found
        return insert(db, "annotators", {"name": name, "created_at": now()})


def ensure_label(db: Database, layer: Layer, name: str, color: str = DEFAULT_LABEL_COLOR) -> None:
    """Add a label met in imported data or a model's output, at the end of the scheme;
    existing ones stay as they are."""
    with db.atomic():
        position = scalar(db, "SELECT coalesce(max(position), 0) + 1 FROM labels")
        db.execute(
            "INSERT OR IGNORE INTO labels (layer, name, color, position) VALUES (?, ?, ?, ?)",
            [layer.value, name, color, position],
        )


class AnnotationTables:
    """Annotators, annotations, links, labels and settings: a part of Project."""

    db: Database

    # -- annotators, annotations and links -------------------------------------------------

    def annotator_id(self, name: str) -> int:
        """The id of an annotator, registering the name on first use."""
        return ensure_annotator(self.db, name)

    def annotators(self) -> list[str]:
        """Every annotator's name, in the order they joined."""
        return [r["name"] for r in query(self.db, "SELECT name FROM annotators ORDER BY id")]

    def add_annotation(
        self,
        article_id: int,
        layer: Layer,
        span: Span,
        annotator: str,
        *,
        attrs: dict[str, Any] | None = None,
        suggestion_id: int | None = None,
        annotation_id: int | None = None,
        source_id: int | None = None,
        made_at: str | None = None,
        copy_of: int | None = None,
        changed_at: str | None = None,
    ) -> int:
        """Store one span in a layer; ``annotation_id`` restores a deleted one (undo, with the
        imported span it is a ``copy_of`` and when it was last ``changed_at``), ``made_at``
        keeps when a dataset says it was made (else: now)."""
        check_span(span.start, span.end, text_length(self.db, article_id))
        with self.db.atomic():
            stamp = made_at or now()
            row = {
                "article_id": article_id, "layer": Layer(layer).value, "label": span.label,
                "start": span.start, "end": span.end, "suggestion_id": suggestion_id,
                "annotator_id": ensure_annotator(self.db, annotator),
                "attrs": dump_json(attrs or {}),
                "created_at": stamp, "updated_at": changed_at or stamp,
                "canonical_source_id": source_id,
            }
            if annotation_id is not None:
                row["id"] = annotation_id
            if copy_of is not None:
                row["copy_of"] = copy_of
            return insert(self.db, "annotations", row)

    def update_annotation(
        self,
        annotation_id: int,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        """Relabel, resize or re-attribute a span."""
        current = self.annotation(annotation_id)
        new_start = current.start if start is None else start
        new_end = current.end if end is None else end
        check_span(new_start, new_end, text_length(self.db, current.article_id))
        changes: dict[str, Any] = {"start": new_start, "end": new_end, "updated_at": now()}
        if label is not None:
            changes["label"] = label
        if attrs is not None:
            changes["attrs"] = dump_json(attrs)
        with self.db.atomic():
            update(self.db, "annotations", annotation_id, changes)

    def delete_annotation(self, annotation_id: int) -> None:
        """Remove a span and, through the schema, its links."""
        with self.db.atomic():
            self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])

    def has_annotation(self, annotation_id: int) -> bool:
        """Whether an annotation of this id is stored."""
        return scalar(self.db, "SELECT 1 FROM annotations WHERE id = ?",
                      [annotation_id]) is not None

    def annotation(self, annotation_id: int) -> Annotation:
        """One annotation; KeyError when there is none."""
        found = self._annotations("n.id = ?", [annotation_id])
        if not found:
            raise KeyError(f"no annotation {annotation_id}")
        return found[0]

    def overlapping(self, article_id: int, layer: Layer, start: int, end: int, *,
                    annotator: str | None = None) -> list[Annotation]:
        """Annotations of a layer that share a character with [start, end), in what
        ``annotator`` sees (store/views.py; None: the project's view)."""
        return self._annotations(
            'n.article_id = ? AND n.layer = ? AND n.start < ? AND n."end" > ?',
            [article_id, layer.value, end, start], viewer(self.db, annotator))

    def annotations(self, article_id: int, layer: Layer | None = None, *,
                    annotator: str | None = None) -> list[Annotation]:
        """An article's annotations in text order (of one layer, or of all) that ``annotator``
        sees: their version, or the imported layer while they have none (None: the project's
        view, store/views.py)."""
        view = viewer(self.db, annotator)
        if layer is None:
            return self._annotations("n.article_id = ?", [article_id], view)
        return self._annotations("n.article_id = ? AND n.layer = ?", [article_id, layer.value],
                                 view)

    def _annotations(self, where: str, params: list[Any], view: Viewer | None = None
                     ) -> list[Annotation]:
        """Rows that pass ``where``: those in ``view``, or every one."""
        if view is not None:
            shown, more = view.shown("n.annotator_id", "n.article_id")
            where, params = f"{where} AND {shown}", [*params, *more]
        rows = query(self.db, f"""SELECT n.*, a.name AS annotator FROM annotations n
            JOIN annotators a ON a.id = n.annotator_id WHERE {where}
            ORDER BY n.start, n."end", n.id""", params)
        return [
            Annotation(
                id=r["id"], article_id=r["article_id"], layer=Layer(r["layer"]),
                start=r["start"], end=r["end"], label=r["label"], annotator=r["annotator"],
                created_at=r["created_at"], updated_at=r["updated_at"],
                attrs=load_json(r["attrs"]), suggestion_id=r["suggestion_id"],
                source_id=r["canonical_source_id"], copy_of=r.get("copy_of"),
            )
            for r in rows
        ]

    def add_link(
        self, from_id: int, to_id: int, kind: str, annotator: str,
        attrs: dict[str, Any] | None = None, *, link_id: int | None = None,
        made_at: str | None = None,
    ) -> int:
        """Link two annotations, e.g. a claim to its source; ``link_id`` restores one (undo,
        ``made_at`` when it was made)."""
        row = {"from_id": from_id, "to_id": to_id, "kind": kind,
               "attrs": dump_json(attrs or {}), "created_at": made_at or now()}
        if link_id is not None:
            row["id"] = link_id
        with self.db.atomic():
            row["annotator_id"] = ensure_annotator(self.db, annotator)
            return insert(self.db, "links", row)

    def update_link(self, link_id: int, attrs: dict[str, Any]) -> None:
        """Change a link's attributes (a claim's cue and quotation type)."""
        with self.db.atomic():
            update(self.db, "links", link_id, {"attrs": dump_json(attrs)})

    def delete_link(self, link_id: int) -> None:
        """Remove one link."""
        with self.db.atomic():
            self.db.execute("DELETE FROM links WHERE id = ?", [link_id])

    def links(self, article_id: int, *, annotator: str | None = None) -> list[Link]:
        """Links that start or end at an annotation of this article that ``annotator`` sees
        (None: the project's view)."""
        shown, params = viewer(self.db, annotator).shown("n.annotator_id", "n.article_id")
        return self._links(
            f"""l.from_id IN (SELECT id FROM annotations n WHERE article_id = ? AND {shown})
               OR l.to_id IN (SELECT id FROM annotations n WHERE article_id = ? AND {shown})""",
            [article_id, *params, article_id, *params],
        )

    def links_of(self, annotation_id: int) -> list[Link]:
        """Links that start or end at one annotation."""
        return self._links("l.from_id = ? OR l.to_id = ?", [annotation_id, annotation_id])

    def _links(self, where: str, params: list[Any]) -> list[Link]:
        rows = query(self.db, f"""SELECT l.*, a.name AS annotator FROM links l
            JOIN annotators a ON a.id = l.annotator_id WHERE {where} ORDER BY l.id""", params)
        return [
            Link(id=r["id"], from_id=r["from_id"], to_id=r["to_id"], kind=r["kind"],
                 annotator=r["annotator"], created_at=r["created_at"],
                 attrs=load_json(r["attrs"]))
            for r in rows
        ]

    def known_sources(self, limit: int = 40) -> list[str]:
        """Texts of source mentions across the project, most frequent first (for the picker)."""
        rows = query(self.db, """SELECT substr(a.text, n.start + 1, n."end" - n.start) AS name,
            count(*) AS k FROM annotations n JOIN articles a ON a.id = n.article_id
            WHERE n.layer = 'source' GROUP BY name ORDER BY k DESC, name LIMIT ?""", [limit])
        return [r["name"] for r in rows]

    # -- labels and settings ---------------------------------------------------------------

    def labels(self, layer: Layer | None = None) -> list[Label]:
        """The label scheme, in display order."""
        where, params = ("WHERE layer = ?", [layer.value]) if layer else ("", [])
        rows = query(self.db, f"SELECT * FROM labels {where} ORDER BY position, name", params)
        return [
            Label(layer=Layer(r["layer"]), name=r["name"], color=r["color"],
                  shortcut=r["shortcut"], description=r["description"])
            for r in rows
        ]

    def ensure_label(self, layer: Layer, name: str, color: str = DEFAULT_LABEL_COLOR) -> None:
        """Add a label met in imported data or a model's output, keeping existing ones."""
        ensure_label(self.db, layer, name, color)

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A project-wide setting, such as the suggester pipeline."""
        value = scalar(self.db, "SELECT value FROM settings WHERE key = ?", [key])
        return default if value is None else value

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a project-wide setting."""
        with self.db.atomic():
            self.db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                            "DO UPDATE SET value = excluded.value", [key, value])

