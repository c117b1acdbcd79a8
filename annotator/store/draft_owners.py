"""Whose work a read draft is: the annotators it names, and those whose versions it is."""

from __future__ import annotations

from annotator.core.model import ArticleDraft
from annotator.core.names import IMPORT_ANNOTATOR


def named(draft: ArticleDraft) -> list[str]:
    """The annotators a draft names (task's, versions', spans'), the imported layer aside."""
    if not draft.annotator and not draft.annotations and not draft.versions:
        return []
    names = dict.fromkeys([*([draft.annotator] if draft.annotator else []), *draft.versions])
    names.update(dict.fromkeys(s.made.annotator for s in draft.annotations
                               if s.made is not None and s.made.annotator))
    names.pop(IMPORT_ANNOTATOR, None)
    return list(names)


def owned(draft: ArticleDraft) -> list[str] | None:
    """The annotators whose versions a draft is: those it names when each of its spans names
    one (not the imported layer); else None (its unnamed spans are the importer's)."""
    names = named(draft)
    if not names or (draft.spans and not draft.annotator) or any(
            s.made is None or s.made.annotator in (None, IMPORT_ANNOTATOR)
            for s in draft.annotations):
        return None
    return names
