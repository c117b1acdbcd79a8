"""An article's metadata as a person sets it: title, outlet, author, date and URL.

One use case for the window's form (through ``Session.set_meta``, undoable) and for
``annotator meta``: the values are checked here, and every field set is marked in
``articles.edited`` so that no later import or re-run of the rules overwrites it.
Plain Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from msgspec import Struct, field

from annotator.core.model import Article
from annotator.store import Project
from annotator.store.articles import META_COLUMNS

FIELDS = META_COLUMNS  # title, outlet, author, published, url
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class MetaError(ValueError):
    """A value the article cannot take; the message says which and why (in English: the
    window words it from ``field`` and ``value``)."""

    def __init__(self, message: str, field: str = "", value: str = "") -> None:
        super().__init__(message)
        self.field, self.value = field, value


def checked(fields: Mapping[str, str | None]) -> dict[str, str | None]:
    """The values as stored: blanks trimmed, empty as None; raise MetaError for an unknown
    field, an empty title or a date that is not YYYY-MM-DD."""
    out: dict[str, str | None] = {}
    for name, value in fields.items():
        if name not in FIELDS:
            raise MetaError(f"no metadata field {name!r} (fields: {', '.join(FIELDS)})")
        out[name] = (value or "").strip() or None
    if "title" in out and out["title"] is None:
        raise MetaError("title: an article needs a title", "title")
    day = out.get("published")
    if day is not None and not _is_date(day):
        raise MetaError(f"published: \u201c{day}\u201d is not a date; write it as YYYY-MM-DD, "
                        "e.g. 2024-10-22", "published", day)
    return out


def _is_date(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


class MetaChange(Struct, frozen=True):
    """What setting fields changes on one article: the values and person-set fields before and
    after (an undo writes ``before`` back)."""

    article_id: int
    before: dict[str, str | None] = field(default_factory=dict)
    after: dict[str, str | None] = field(default_factory=dict)
    edited_before: frozenset[str] = frozenset()
    edited_after: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return self.before != self.after or self.edited_before != self.edited_after


def meta_change(article: Article, fields: Mapping[str, str | None]) -> MetaChange:
    """The change that sets ``fields`` (checked) on an article and marks them set by a person;
    empty when every field already has that value and the mark."""
    after = checked(fields)
    before = {name: getattr(article, name) for name in after}
    return MetaChange(article.id, before, after, article.edited, article.edited | set(after))


def write(project: Project, change: MetaChange, *, undo: bool = False) -> None:
    """Store a change (or take it back), inside the caller's transaction."""
    values, edited = ((change.before, change.edited_before) if undo
                      else (change.after, change.edited_after))
    project.set_meta(change.article_id, edited=edited, **values)


def expect(project: Project, change: MetaChange, *, undone: bool = False) -> bool:
    """Whether the article still holds the values this change left (or found, ``undone``)."""
    article = project.article(change.article_id)
    values, edited = ((change.before, change.edited_before) if undone
                      else (change.after, change.edited_after))
    return article.edited == edited and all(getattr(article, k) == v for k, v in values.items())


def set_meta(project: Project, article_id: int, **fields: str | None) -> MetaChange:
    """Set fields of a stored article and mark them set by a person, in one transaction (the
    command line; the window goes through ``Session.set_meta``). The change made."""
    with project.transaction():
        change = meta_change(project.article(article_id), fields)
        if change:
            write(project, change)
    return change


def meta_of(article: Article) -> dict[str, object]:
    """The fields as the command line prints them, with the ones a person set."""
    return {"id": article.id, **{name: getattr(article, name) for name in FIELDS},
            "edited": sorted(article.edited)}
