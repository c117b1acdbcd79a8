"""What a committed action changed, in one notice the views read (no Qt here)."""

from __future__ import annotations

import enum

from msgspec import Struct


class Part(enum.Flag):
    """The kinds of data an action can change."""

    NONE = 0
    SPANS = enum.auto()  # annotations and links
    SUGGESTIONS = enum.auto()  # open suggestions (accepted, rejected, made again)
    STATUS = enum.auto()  # an article's status
    GROUPS = enum.auto()  # claim groups and their members
    SOURCES = enum.auto()  # the source registry
    MATCHES = enum.auto()  # confirmed or rejected match candidates
    META = enum.auto()  # an article's title, outlet, author, date or URL


class Changes(Struct, frozen=True):
    """One committed action: the articles it touched (empty for project-wide changes such as a
    source merge) and what kind of data changed."""

    articles: frozenset[int] = frozenset()
    parts: Part = Part.NONE

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.articles | other.articles, self.parts | other.parts)

    def touches(self, article_id: int, parts: Part) -> bool:
        """Whether this article's data of these kinds changed."""
        return article_id in self.articles and bool(self.parts & parts)
