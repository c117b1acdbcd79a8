"""Undoable changes to the source registry: assigning mentions, merging, renaming, kinds, and
resizing a mention, whose alias follows it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.app.changes import Changes, Part
from annotator.app.claim_commands import expect
from annotator.app.commands import RESIZE_ID, Conflict, StoreCommand, UpdateSpan
from annotator.app.conflicts import QT_TRANSLATE_NOOP
from annotator.core.model import Annotation, CanonicalSource
from annotator.store import Project

translate = QCoreApplication.translate  # lupdate collects translate("UndoStep", …)

MENTION_RESIZE_ID = RESIZE_ID + 1  # resizes of one source mention merge into one undo step
AliasChange = tuple[int, tuple[str, ...], tuple[str, ...]]  # source id, aliases before, after


def stored(project: Project, source_id: int) -> CanonicalSource:
    """The source as stored now; Conflict when it is gone."""
    try:
        return project.claims.source(source_id)
    except KeyError:
        raise Conflict(translate("Conflict", "the source was removed elsewhere")) from None


class AssignSource(StoreCommand):
    """Point mentions at a canonical source, registering it first when it is new."""

    parts = Part.SPANS | Part.SOURCES

    def __init__(self, project: Project, article_id: int, mention_ids: list[int],
                 source_id: int | None, new: tuple[str, str, list[str]] | None = None) -> None:
        super().__init__(project, article_id, translate("UndoStep", "Assign source"))
        self.mentions, self.source_id, self.new = mention_ids, source_id, new
        self.created: int | None = None
        self.before: dict[int, int | None] = {}

    def apply(self) -> None:
        claims = self.project.claims
        self.before = claims.canonical_of(self.mentions)
        target = self.source_id
        if self.new is not None:
            name, kind, aliases = self.new
            existing = claims.source_by_name(name)
            target = existing.id if existing else claims.add_source(
                name, kind, aliases, source_id=self.created)
            self.created = None if existing else target
        claims.set_canonical(self.mentions, target)
        self.target = target

    def revert(self) -> None:
        expect(self.project.claims.canonical_of(self.mentions),
               dict.fromkeys(self.before, self.target),
               QT_TRANSLATE_NOOP("Conflict", "the mentions' canonical source"))
        for mention, source in self.before.items():
            self.project.claims.set_canonical([mention], source)
        if self.created is not None:
            self.project.claims.delete_source(self.created)


class MergeSources(StoreCommand):
    """Fold canonical sources into the one that keeps its name: their mentions (and with them
    the claims linked to those) move to it, their names and aliases become its aliases."""

    parts = Part.SPANS | Part.SOURCES

    def __init__(self, project: Project, keep: CanonicalSource,
                 merged: list[CanonicalSource]) -> None:
        super().__init__(project, None, translate(
            "UndoStep", "Merge {n} sources into {name}").format(n=len(merged) + 1, name=keep.name))
        self.keep, self.merged = keep, merged  # as stored when the merge first applied
        self.moved: dict[int, list[int]] = {}
        self.aliases: tuple[str, ...] = ()  # the kept source's aliases after the merge
        self.touched: frozenset[int] = frozenset()  # articles of the moved mentions

    def changes(self) -> Changes:
        return Changes(self.touched, self.parts)

    def apply(self) -> None:
        claims = self.project.claims
        now = [stored(self.project, s.id) for s in (self.keep, *self.merged)]
        if self.first:
            (self.keep, *self.merged), self.first = now, False
        expect(now, [self.keep, *self.merged],
               QT_TRANSLATE_NOOP("Conflict", "a source of the merge"))
        aliases = set(self.keep.aliases)
        for src in self.merged:
            self.moved[src.id] = claims.mentions_of(src.id)
            self.touched |= claims.articles_of(src.id)
            claims.set_canonical(self.moved[src.id], self.keep.id)
            aliases |= {src.name, *src.aliases}
            claims.delete_source(src.id)
        self.aliases = tuple(sorted(aliases - {self.keep.name}))
        claims.update_source(self.keep.id, aliases=list(self.aliases))

    def revert(self) -> None:
        claims = self.project.claims
        expect(stored(self.project, self.keep.id).aliases, self.aliases,
               QT_TRANSLATE_NOOP("Conflict", "the kept source's aliases"))
        moved = [m for ids in self.moved.values() for m in ids]
        expect(set(claims.canonical_of(moved).values()) - {self.keep.id}, set(),
               QT_TRANSLATE_NOOP("Conflict", "the merged mentions' source"))
        claims.update_source(self.keep.id, aliases=list(self.keep.aliases))
        for src in self.merged:
            claims.add_source(src.name, src.kind, list(src.aliases), source_id=src.id)
            claims.set_canonical(self.moved[src.id], src.id)


class RenameSource(StoreCommand):
    """Give a canonical source another name; no two sources share one (in any case)."""

    parts = Part.SOURCES

    def __init__(self, project: Project, source: CanonicalSource, name: str) -> None:
        name = " ".join(name.split())
        super().__init__(project, None, (
            translate("UndoStep", "Rename {old} to {new}") if name
            else translate("UndoStep", "Rename {old}")).format(
                old=source.name, new=name))
        self.source_id, self.before, self.after = source.id, source.name, name

    def _write(self, was: str, name: str) -> None:
        now = stored(self.project, self.source_id).name
        if self.first:
            self.before, was, self.first = now, now, False
        expect(now, was, QT_TRANSLATE_NOOP("Conflict", "the source's name"))
        if not name:
            raise ValueError(translate("Sources", "a source needs a name"))
        taken = self.project.claims.name_taken(name, self.source_id)
        if taken is not None:
            raise ValueError(translate("Sources", "another source is called “{name}”; merge the "
                                       "two instead").format(name=taken))
        self.project.claims.update_source(self.source_id, name=name)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


class SetSourceKind(StoreCommand):
    """Change what kind of source a canonical source is."""

    parts = Part.SOURCES

    def __init__(self, project: Project, source: CanonicalSource, kind: str) -> None:
        super().__init__(project, None, translate("UndoStep", "Kind of {name}: {kind}").format(
            name=source.name, kind=kind))
        self.source_id, self.before, self.after = source.id, source.kind, kind

    def _write(self, was: str, kind: str) -> None:
        now = stored(self.project, self.source_id).kind
        if self.first:
            self.before, was, self.first = now, now, False
        expect(now, was, QT_TRANSLATE_NOOP("Conflict", "the source's kind"))
        self.project.claims.update_source(self.source_id, kind=kind)

    def apply(self) -> None:
        self._write(self.before, self.after)

    def revert(self) -> None:
        self._write(self.after, self.before)


def following_alias(project: Project, before: Annotation, after: Annotation) -> AliasChange | None:
    """What resizing a source mention does to its canonical source's aliases: the alias its
    old text gave becomes its new text (and stays too while another mention still reads so).
    None when the old text is no alias of the mention's source."""
    source_id = project.claims.canonical_of([before.id]).get(before.id)
    if source_id is None:
        return None
    text = project.article(before.article_id).text
    old, new = text[before.start:before.end], text[after.start:after.end]
    src = stored(project, source_id)
    if old == new or old not in src.aliases:
        return None
    others = {t for i, t in project.claims.mention_texts(source_id).items() if i != before.id}
    aliases = {*src.aliases, new} - ({old} - others)
    return source_id, src.aliases, tuple(sorted(aliases))


class ResizeMention(UpdateSpan):
    """Resize a source mention; the alias that came from its text follows it."""

    parts = Part.SPANS | Part.SOURCES

    def __init__(self, project: Project, before: Annotation, after: Annotation) -> None:
        super().__init__(project, before, after, translate("UndoStep", "Resize source"))
        self.alias: AliasChange | None = None  # found when the resize first applies

    def id(self) -> int:
        return MENTION_RESIZE_ID if super().id() == RESIZE_ID else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, ResizeMention) or other.before.id != self.after.id:
            return False
        mine, theirs = self.alias, other.alias
        if mine is not None and theirs is not None:
            if (mine[0], mine[2]) != theirs[:2]:  # another source, or changed in between
                return False
            theirs = (mine[0], mine[1], theirs[2])
        self.alias = theirs or mine
        return super().mergeWith(other)

    def _aliases(self, was: tuple[str, ...], now: tuple[str, ...]) -> None:
        assert self.alias is not None
        expect(stored(self.project, self.alias[0]).aliases, was,
               QT_TRANSLATE_NOOP("Conflict", "the source's aliases"))
        self.project.claims.update_source(self.alias[0], aliases=list(now))

    def apply(self) -> None:
        super().apply()
        if self.first:
            self.alias, self.first = following_alias(self.project, self.before, self.after), False
        if self.alias is not None:
            self._aliases(self.alias[1], self.alias[2])

    def revert(self) -> None:
        if self.alias is not None:
            self._aliases(self.alias[2], self.alias[1])
        super().revert()
