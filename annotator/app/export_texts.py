"""What an export says when it refuses or warns, in the interface's language (English without
a translator: the command line), naming its options the way the surface running it does.

app/exporting.py decides (refuse or warn, which articles); these compose the words. Where a
message names an option (a field of ExportOptions: ``allow_disagreements``, ``annotator`` …)
it asks the surface's ``OptionNames``: the command line names its flags
(``--allow-disagreements``, cli/datasets.py), the export dialog its own fields and boxes
(“also articles whose annotators disagree …”, ui/export_dialog.py). ``FIELDS`` names them as
the Python API does (``allow_disagreements=True``). Numbers agree with their nouns: each text
that counts has its "1" form (German and English both have two forms).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from annotator.io.export_manifest import Entry, FolderNote, Manifest, Trouble
from annotator.io.export_notes import Kind, WriterNote

translate = QCoreApplication.translate  # lupdate collects translate("Export", …)
SHOWN = 6  # names listed before "and N more"


class OptionNames(Protocol):
    """How a surface names the export's options (keys: the fields of ExportOptions)."""

    def name(self, key: str) -> str:
        """The option itself, as in "{name}: the name is empty"."""
        ...

    def turn(self, key: str, on: bool = True) -> str:
        """What the user does to set the option (``on``) or unset it, as a remedy in brackets:
        "(--reviewed-only; without --include-unreviewed)"."""
        ...


class FieldNames:
    """The options as ExportOptions names them, for the Python API (and tests)."""

    def name(self, key: str) -> str:
        return key

    def turn(self, key: str, on: bool = True) -> str:
        return f"{key}=NAME" if key == "annotator" and on else f"{key}={on}"


FIELDS = FieldNames()


def listed(items: Iterable[str], shown: int = SHOWN) -> str:
    """``a, b, c and 4 more``."""
    items = list(items)
    text = ", ".join(items[:shown])
    if len(items) <= shown:
        return text
    return translate("Export", "{names} and {n} more").format(names=text, n=len(items) - shown)


def articles(n: int) -> str:
    """"1 article", "3 articles"."""
    return (translate("Export", "1 article") if n == 1
            else translate("Export", "{n} articles").format(n=n))


def files(n: int) -> str:
    """"1 file", "3 files"."""
    return (translate("Export", "1 file") if n == 1
            else translate("Export", "{n} files").format(n=n))


def _counted(n: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with its ``{n}``: both already translated."""
    return one if n == 1 else many.replace("{n}", str(n))


def entries(items: Iterable[Entry]) -> str:
    """An export's top-level entries: ``dev.jsonl, train/ (12 files) and 2 more``."""
    return listed(e.name if e.files is None else f"{e.name} ({files(e.files)})" for e in items)


def earlier_export(manifest: Manifest) -> str:
    """``jsonl, 2024-05-02T10:00:00Z: dev.jsonl, train/ (12 files)``."""
    record = manifest.record
    return (f"{record.get('format', '?')}, {record.get('created', '?')}: "
            f"{entries(manifest.entries())}")


def written(note: WriterNote) -> str:
    """What a format's writer told about a file it wrote (annotator/io/export_notes.py)."""
    n, names = note.count, listed(repr(name) for name in note.names)
    if note.kind is Kind.NESTED_ENTITIES:
        what = _counted(n, translate("Export", "left out 1 entity span that overlaps others or "
                                     "covers only white space (CoNLL cannot nest)"),
                        translate("Export", "left out {n} entity spans that overlap others or "
                                  "cover only white space (CoNLL cannot nest)"))
    elif note.kind is Kind.CONTROL_CHARACTERS:
        what = _counted(n, translate("Export", "control characters in 1 article written as "
                                     "their pictures in the tokens (␁ for U+0001, ␦ for C1 "
                                     "controls and U+FFFD; the sidecar keeps the text): "
                                     "{names}"),
                        translate("Export", "control characters in {n} articles written as "
                                  "their pictures in the tokens (␁ for U+0001, ␦ for C1 "
                                  "controls and U+FFFD; the sidecar keeps the text): {names}"))
    elif note.kind is Kind.OVERLAPPING_SPANS:
        what = _counted(n, translate("Export", "left out 1 span that overlaps others (Prodigy's "
                                     "spans cannot)"),
                        translate("Export", "left out {n} spans that overlap others (Prodigy's "
                                  "spans cannot)"))
    elif note.kind is Kind.CLAIMS_DISAGREE:
        what = _counted(n, translate("Export", "left out 1 claim whose verdict and claim group "
                                     "disagree: {names}"),
                        translate("Export", "left out {n} claims whose verdict and claim group "
                                  "disagree: {names}"))
    else:
        what = _counted(n, translate("Export", "left out the claims of 1 article not marked "
                                     "done (what nobody reviewed is missing, not a negative): "
                                     "{names}"),
                        translate("Export", "left out the claims of {n} articles not marked "
                                  "done (what nobody reviewed is missing, not a negative): "
                                  "{names}"))
    return f"{note.file}: {what.replace('{names}', names)}"


def bad_split_piece(names: OptionNames, piece: str) -> str:
    return translate("Export", "{split}: '{piece}' is not NAME=FRACTION").format(
        split=names.name("split"), piece=piece)


def bad_split_names(names: OptionNames, got: list[str]) -> str:
    return translate("Export", "{split}: split names must be distinct words of letters, digits, "
                     "'-' and '_' (not a device name like CON), got {got}").format(
        split=names.name("split"), got=got)


def bad_fractions(names: OptionNames) -> str:
    return translate("Export", "{split}: the fractions must be ≥ 0 and sum to 1").format(
        split=names.name("split"))


def unknown_format(fmt: str, formats: Iterable[str]) -> str:
    return translate("Export", "unknown format '{format}' (one of {formats})").format(
        format=fmt, formats=", ".join(formats))


def unknown_split_by(names: OptionNames, value: str, choices: Iterable[str]) -> str:
    return translate("Export", "{split_by}: '{value}' is not one of {choices}").format(
        split_by=names.name("split_by"), value=value, choices=", ".join(choices))


def publisher_not_claimreview(names: OptionNames) -> str:
    return translate("Export", "{publisher} names the author of claimreview's reviews: it is "
                     "for {format} claimreview only").format(
        publisher=names.name("publisher"), format=names.name("fmt"))


def publisher_empty(names: OptionNames) -> str:
    return translate("Export", "{publisher}: the name is empty").format(
        publisher=names.name("publisher"))


def unknown_annotator(names: OptionNames, who: str) -> str:
    return translate("Export", "{annotator}: nobody called {name} annotated in this "
                     "project").format(annotator=names.name("annotator"), name=repr(who))


def clash(folder: object, hits: Iterable[str]) -> str:
    """The export would replace what no export wrote."""
    return translate("Export", "{folder}: the export would replace {names}, which no export of "
                     "annotator wrote; move them away or choose another folder (nothing was "
                     "changed)").format(folder=folder, names=listed(hits))


def not_empty(names: OptionNames, folder: object, *, earlier: str | None,
              others: Iterable[str]) -> str:
    """The folder holds an earlier export (``earlier``: its summary) or other files."""
    held = (translate("Export", "an earlier export ({summary})").format(summary=earlier)
            if earlier is not None else
            translate("Export", "other files ({names})").format(names=listed(others)))
    return translate("Export", "{folder} is not empty: it holds {held}; {overwrite} replaces "
                     "only what an earlier export wrote and keeps other files").format(
        folder=folder, held=held, overwrite=names.turn("overwrite"))


def folder_trouble(note: FolderNote) -> str:
    """Why the folder cannot take the export (annotator/io/export_manifest.py's notes); an OS
    error's or a parser's words (``detail``) stay as they are."""
    if note.kind is Trouble.CLASH:
        return clash(note.path, note.names)
    words = {
        Trouble.IS_A_FILE: translate("Export", "{path} is a file, not a folder"),
        Trouble.NOT_OURS: translate("Export", "{path} is not a folder this program made; "
                                    "remove it"),
        Trouble.NOT_A_FOLDER: translate("Export", "{path} is not a folder (a link or a file); "
                                        "the export stops here and finishes when run again "
                                        "after it is moved away"),
        Trouble.BUSY: translate("Export", "{path}: another export is writing into this folder"),
        Trouble.STOPPED: translate("Export", "{path}: the export stopped while moving its files "
                                   "in ({detail}); the next export into this folder finishes "
                                   "it"),
        Trouble.NOT_A_FILE: translate("Export", "{path}: the export wrote something that is "
                                      "not a file"),
        Trouble.BAD_MANIFEST: translate("Export", "{path}: not an export manifest this version "
                                        "can read ({detail}); nothing was changed"),
    }[note.kind]
    return words.format(path=note.path, detail=note.detail)


def cannot_write(folder: object, error: object) -> str:
    return translate("Export", "{folder}: cannot write the export ({error}); nothing was "
                     "replaced").format(folder=folder, error=error)


def cancelled() -> str:
    return translate("Export", "cancelled: nothing was written")


def unmarked_why(status_done: bool, open_suggestions: int) -> str | None:
    """Why a format that cannot mark what nobody reviewed refuses an article, if it does."""
    if not status_done:
        return translate("Export", "not marked done")
    if open_suggestions == 1:
        return translate("Export", "1 open suggestion")
    if open_suggestions:
        return translate("Export", "{n} open suggestions").format(n=open_suggestions)
    return None


def refused_unmarked(names: OptionNames, fmt: str, refused: list[str]) -> str:
    return translate("Export", "{format} cannot mark what nobody reviewed as missing, so it would "
                     "turn it into \"no entity\": refused {articles}: {names}. Nothing was "
                     "written. Review them (decide their suggestions, mark them done), leave them "
                     "out ({reviewed_only}; {include_unreviewed}), or export jsonl or spacy, "
                     "which mark it missing.").format(
        format=fmt, articles=articles(len(refused)), names=listed(refused),
        reviewed_only=names.turn("reviewed_only"),
        include_unreviewed=names.turn("include_unreviewed", False))


def open_suggestions_left_out(article_id: int) -> str:
    return translate("Export", "article {id}: open model suggestions (not reviewed)").format(
        id=article_id)


def left_out(line: str) -> str:
    return translate("Export", "left out: {what}").format(what=line)


def _disagreeing(disputed: list[str]) -> str:
    n, who = len(disputed), listed(disputed)
    if n == 1:
        return translate("Export", "1 article has annotators' versions that disagree and no "
                         "gold version: {names}").format(names=who)
    return translate("Export", "{n} articles have annotators' versions that disagree and no "
                     "gold version: {names}").format(n=n, names=who)


def disagreements_exported(disputed: list[str]) -> str:
    return translate("Export", "{what}; each version is exported").format(
        what=_disagreeing(disputed))


def disagreements_refused(names: OptionNames, disputed: list[str]) -> str:
    return translate("Export", "{what}. Nothing was written. Adjudicate them (Article ▸ "
                     "Adjudicate the annotators' versions…), export one annotator's version "
                     "({annotator}), or export every version ({allow_disagreements}).").format(
        what=_disagreeing(disputed), annotator=names.turn("annotator"),
        allow_disagreements=names.turn("allow_disagreements"))


def nothing_to_export() -> str:
    return translate("Export", "no article to export")


def nothing_done(names: OptionNames) -> str:
    return translate("Export", "no article is marked done, so none was exported (to export the "
                     "others too, what nobody reviewed marked missing: {include_unreviewed})"
                     ).format(include_unreviewed=names.turn("include_unreviewed"))


def empty_split(name: str, total: int) -> str:
    if total == 1:
        return translate("Export", "split '{name}' is empty: 1 article did not reach "
                         "it").format(name=name)
    return translate("Export", "split '{name}' is empty: {n} articles did not reach it").format(
        name=name, n=total)
