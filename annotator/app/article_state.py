"""What the workbench knows about the open article, loaded from the store when it opens.

Plain Python: the view, the side panels and the keyboard actions all ask this one object.
"""

from __future__ import annotations

from functools import cached_property

from msgspec import Struct

from annotator.app.changes import Part
from annotator.app.zone_pass import ensure_zones
from annotator.app.zones import Zone, in_force
from annotator.core.model import Annotation, Article, Layer, Link, Suggestion
from annotator.core.names import ATTRIBUTED_TO, REPORTED_BY
from annotator.store import Project

SpanItem = Annotation | Suggestion


class ArticleState(Struct, dict=True):  # dict: for its cached properties
    """One article with its annotations, open suggestions (zones too) and links, in text
    order: as ``annotator`` sees it (their version, or the imported layer while they have
    none; None: the project's view)."""

    article: Article
    annotations: list[Annotation]
    suggestions: list[Suggestion]
    links: list[Link]
    annotator: str | None = None

    @classmethod
    def load(cls, project: Project, article_id: int, annotator: str | None = None
             ) -> ArticleState:
        """Read an article and everything on it (indexed queries: fast for 2,000 spans); its
        zones first, should they still be pending after an import."""
        ensure_zones(project, [article_id])
        return cls(
            article=project.article(article_id, annotator),
            annotations=project.annotations(article_id, annotator=annotator),
            suggestions=project.suggestions(article_id, open_only=True, annotator=annotator),
            links=project.links(article_id, annotator=annotator),
            annotator=annotator,
        )

    def refreshed(self, project: Project, parts: Part) -> ArticleState:
        """A new state that re-reads only what changed (the text never does)."""
        article_id, who = self.article.id, self.annotator
        spans = bool(parts & Part.SPANS)
        return ArticleState(
            article=(project.article(article_id, who) if parts & (Part.META | Part.STATUS)
                     else self.article),
            annotations=project.annotations(article_id, annotator=who) if spans
            else self.annotations,
            suggestions=(project.suggestions(article_id, open_only=True, annotator=who)
                         if parts & Part.SUGGESTIONS else self.suggestions),
            links=project.links(article_id, annotator=who) if spans else self.links,
            annotator=who,
        )

    @property
    def text(self) -> str:
        return self.article.text

    def layer(self, layer: Layer) -> list[Annotation]:
        """Annotations of one layer."""
        return [a for a in self.annotations if a.layer is layer]

    def annotations_at(self, cp: int, layer: Layer | None = None) -> list[Annotation]:
        """Annotations covering a position, shortest first (the most specific one)."""
        found = [a for a in self.annotations if a.start <= cp < a.end
                 and (layer is None or a.layer is layer)]
        return sorted(found, key=lambda a: a.end - a.start)

    def suggestions_at(self, cp: int) -> list[Suggestion]:
        """Open suggestions covering a position (zones apart: ``zones_at``)."""
        return [s for s in self.suggestions if s.start <= cp < s.end
                and s.layer is not Layer.STRUCTURE]

    def suggestions_in(self, start: int, end: int) -> list[Suggestion]:
        """Open suggestions inside a range (zones apart)."""
        return [s for s in self.suggestions if start <= s.start and s.end <= end
                and s.layer is not Layer.STRUCTURE]

    def next_suggestion(self, cp: int) -> Suggestion | None:
        """The first open suggestion (zones apart) starting at or after a position, else the
        article's first one: where A and X go on to."""
        found = self.suggestions_in(0, len(self.text))
        return next((s for s in found if s.start >= cp), found[0] if found else None)

    @cached_property
    def zones(self) -> list[Zone]:
        """The zones in force: a person's, and the rules' where no person's zone lies."""
        return in_force(self.annotations, self.suggestions)

    def zones_at(self, cp: int) -> list[Zone]:
        """The zones in force covering a position."""
        return [z for z in self.zones if z.start <= cp < z.end]

    def item_at(self, cp: int) -> SpanItem | None:
        """The span the keyboard acts on at a position: an annotation before a suggestion,
        both before the zone around them."""
        found = ([a for a in self.annotations_at(cp) if a.layer is not Layer.STRUCTURE]
                 or self.suggestions_at(cp) or self.zones_at(cp))
        return found[0] if found else None

    def neighbour(self, cp: int, direction: int) -> SpanItem | None:
        """The next (1) or previous (-1) span start after / before a position, for Tab."""
        items: list[SpanItem] = [*(a for a in self.annotations if a.layer is not Layer.STRUCTURE),
                                 *self.suggestions_in(0, len(self.text)), *self.zones]
        if direction > 0:
            later = [i for i in items if i.start > cp]
            return min(later, key=lambda i: (i.start, i.end), default=None)
        earlier = [i for i in items if i.start < cp]
        return max(earlier, key=lambda i: (i.start, -i.end), default=None)

    @cached_property
    def _by_id(self) -> dict[int, Annotation]:
        return {a.id: a for a in self.annotations}

    def source_of(self, claim_id: int) -> Annotation | None:
        """The source a claim is attributed to."""
        for link in self.links:
            if link.from_id == claim_id and link.kind == ATTRIBUTED_TO:
                return self._by_id.get(link.to_id)
        return None

    def source_chain(self, claim_id: int) -> list[Annotation]:
        """The claim's source, then the sources that report it ("Laut X sagte Y": [Y, X])."""
        chain: list[Annotation] = []
        source = self.source_of(claim_id)
        while source is not None and source not in chain:
            chain.append(source)
            source = next((self._by_id.get(lk.to_id) for lk in self.links
                           if lk.from_id == source.id and lk.kind == REPORTED_BY), None)
        return chain

    def claims_of(self, source_id: int) -> list[Annotation]:
        """The claims attributed to a source."""
        return [self._by_id[lk.from_id] for lk in self.links
                if lk.to_id == source_id and lk.kind == ATTRIBUTED_TO and lk.from_id in self._by_id]

    def panel_key(self) -> tuple:
        """What the claims and sources panel shows; equal keys need no redraw."""
        return (self.article.id, tuple(self.layer(Layer.CLAIM)), tuple(self.layer(Layer.SOURCE)),
                tuple(self.links))
