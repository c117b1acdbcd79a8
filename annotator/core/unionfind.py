"""Union-find over items: which items end up joined (mentions of one source, articles of one
event)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T", int, str)


class UnionFind(Generic[T]):
    """Disjoint sets of the given items; items not given are ignored by ``join``."""

    def __init__(self, items: Iterable[T]) -> None:
        self.parent: dict[T, T] = {i: i for i in items}

    def find(self, item: T) -> T:
        """The representative of an item's set (paths halved on the way)."""
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: T, b: T) -> None:
        """Join the sets of two items."""
        self.parent[self.find(a)] = self.find(b)

    def join(self, items: Iterable[T]) -> None:
        """Join the sets of all these items (the ones that are known)."""
        known = [i for i in items if i in self.parent]
        for other in known[1:]:
            self.union(other, known[0])

    def groups(self) -> list[list[T]]:
        """Sets of two or more items, each sorted, in the order of their smallest item."""
        found: dict[T, list[T]] = {}
        for item in sorted(self.parent):
            found.setdefault(self.find(item), []).append(item)
        return [items for items in found.values() if len(items) > 1]
