"""Plain data objects shared by every layer: no Qt, no SQL, no spaCy."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from annotator.core.layers import Layer
from annotator.core.values import ClaimValue, any_conflict, article_day

if TYPE_CHECKING:  # their classes are in core/documents.py, loaded on first use (below)
    from annotator.core.documents import DocGroupMember as DocGroupMember
    from annotator.core.documents import DocLink as DocLink
    from annotator.core.documents import DocSpan as DocSpan
    from annotator.core.documents import Provenance as Provenance

DOCUMENTS = ("DocGroupMember", "DocLink", "DocSpan", "Provenance")


# The layers a person reviews span by span; zones (structure) are not entity data, so an
# undecided zone suggestion leaves nothing unreviewed.
REVIEWED_LAYERS = (Layer.ENTITY, Layer.CLAIM, Layer.SOURCE)


class Status(StrEnum):
    """Where an article stands in the annotation work."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Span(Struct, frozen=True, eq=False):
    """A labelled character range; offsets are Python code points, end exclusive. Spans
    compare, hash and sort by range and label; a model's score takes no part."""

    start: int
    end: int
    label: str
    score: float | None = None

    def _key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if type(other) is type(self) else NotImplemented

    def __ne__(self, other: object) -> bool:
        return self._key() != other._key() if type(other) is type(self) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: Span) -> bool:
        return self._key() < other._key()

    def __le__(self, other: Span) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: Span) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: Span) -> bool:
        return self._key() >= other._key()

    def text_in(self, text: str) -> str:
        """The covered text: always ``text[start:end]``."""
        return text[self.start : self.end]


class ArticleDraft(Struct):
    """An article as an importer produced it or an exporter writes it: text, metadata and
    (from annotated datasets) spans in every layer, links and claim groups."""

    text: str
    title: str = ""
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    language: str = "de"
    meta: dict[str, Any] = field(default_factory=dict)
    source_path: str | None = None  # file (and line) it was imported from
    spans: list[Span] = field(default_factory=list)  # pre-annotated entity spans
    annotations: list[DocSpan] = field(default_factory=list)  # spans of any layer
    links: list[DocLink] = field(default_factory=list)
    groups: list[DocGroupMember] = field(default_factory=list)
    status: Status | None = None
    # the open model suggestions (None: the file said nothing about them); never annotations
    suggestions: list[DocSpan] | None = None
    # False: nobody reviewed the whole article, so what no annotation covers is unknown
    # ("missing"), not "no entity"; an exporter marks it or refuses the article
    reviewed: bool = True
    # fields the importer guessed from the text (a first line as title), not read from a
    # field of the file: the article's zones may give a better value (app/zones.py); "meta":
    # the details the text says (date line, dateline, agency) are read off its zones too
    guessed: frozenset[str] = frozenset()
    # who made the plain ``spans`` (a dataset's task-level annotator: Prodigy's
    # ``_annotator_id``); None: the importer's (docs/annotators.md)
    annotator: str | None = None
    # an export's: whose versions of the article it holds (one may have no span); (): unknown
    versions: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:  # the versions an export held take no part
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name)
                   for name in self.__struct_fields__ if name != "versions")

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def open_suggestions(self) -> list[DocSpan]:
        """The suggestions nobody decided on in a reviewed layer (zones are not among them)."""
        return [s for s in self.suggestions or [] if s.layer in REVIEWED_LAYERS]

    def complete(self) -> bool:
        """Reviewed whole, nothing undecided: what no annotation covers is "no entity"."""
        return self.reviewed and not self.open_suggestions()


class ModelInfo(Struct, frozen=True):
    """Which pipeline made a suggestion: stored with every suggestion."""

    name: str
    version: str
    path: str | None = None


class ArticleFilter(Struct, frozen=True):
    """Which articles the list shows: by status, by a label they carry, by words in them."""

    status: Status | None = None
    label: str | None = None
    query: str = ""
    teach: bool = False  # least certain model suggestions first ("teach order")
    annotator: str | None = None  # whose version: status, counts (None: the project's)


class ArticleSummary(Struct, frozen=True):
    """What the article list shows: everything but the text."""

    id: int
    title: str
    outlet: str | None
    published: str | None
    status: Status
    source_path: str | None = None
    char_count: int = 0
    annotation_count: int = 0
    suggestion_count: int = 0


class Article(Struct, frozen=True):
    """A stored article with its immutable text."""

    id: int
    hash: str
    text: str
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    language: str
    status: Status
    source_path: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    edited: frozenset[str] = frozenset()  # the metadata fields a person set


class Suggestion(Struct, frozen=True):
    """A span proposed by a model, kept apart from human annotations."""

    id: int
    article_id: int
    layer: Layer
    start: int
    end: int
    label: str
    model: str
    model_version: str
    score: float | None = None


class Annotation(Struct, frozen=True):
    """A span an annotator made or accepted, in one layer."""

    id: int
    article_id: int
    layer: Layer
    start: int
    end: int
    label: str
    annotator: str
    created_at: str
    updated_at: str
    attrs: dict[str, Any] = field(default_factory=dict)
    suggestion_id: int | None = None  # the model suggestion it was accepted from
    source_id: int | None = None  # a source mention: its canonical source in the registry
    copy_of: int | None = None  # the imported span its version started from (a copy of it)


class Link(Struct, frozen=True):
    """A directed relation between two annotations (claim → source, later claim → claim)."""

    id: int
    from_id: int
    to_id: int
    kind: str
    annotator: str
    created_at: str
    attrs: dict[str, Any] = field(default_factory=dict)


class Label(Struct, frozen=True):
    """A label of the project's scheme, with its colour and keyboard shortcut."""

    layer: Layer
    name: str
    color: str
    shortcut: str | None = None
    description: str = ""


CLAIM_KINDS = ("factual", "quotation", "assessment", "prediction")
CHECKWORTHY = ("yes", "no", "unsure")
VERDICTS = ("unverified", "true", "false", "misleading", "unprovable")
QUOTE_TYPES = ("direct", "indirect", "reported", "unattributed")
STANCES = ("", "supports", "refutes")


class CanonicalSource(Struct, frozen=True):
    """One source in the project's registry: many mentions in many articles point to it."""

    id: int
    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    mentions: int = 0


class GroupMember(Struct, frozen=True):
    """A claim in a claim group, with what the side-by-side view shows about it."""

    annotation_id: int
    article_id: int
    start: int
    end: int
    text: str
    value: str
    stance: str
    article_title: str
    outlet: str | None
    published: str | None
    source: str | None  # the canonical (or mentioned) source the claim is attributed to
    values: tuple[ClaimValue, ...] | None = None  # its typed values; None: never looked at


class ClaimGroup(Struct, frozen=True):
    """One point in dispute, e.g. "Weekday of the signing", and the claims about it."""

    id: int
    title: str
    note: str = ""
    holding_id: int | None = None  # the claim that holds, once decided
    members: tuple[GroupMember, ...] = ()

    @property
    def disputed(self) -> bool:
        """Two members state conflicting values of one slot (core/values.py), or some support
        and some refute the point. Claims without typed values (older projects, datasets)
        compare the value text they state on the point."""
        stances = {m.stance for m in self.members if m.stance}
        typed = [(m.values, article_day(m.published)) for m in self.members
                 if m.values is not None]
        told = {m.value.strip().casefold() for m in self.members
                if m.values is None and m.value.strip()}
        return len(stances) > 1 or len(told) > 1 or any_conflict(typed)


def __getattr__(name: str) -> Any:
    """The classes of spans as datasets carry them (core/documents.py), made when an import or
    export first names them here: the window's start reads none of them."""
    if name in DOCUMENTS:
        from annotator.core import documents

        return getattr(documents, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
