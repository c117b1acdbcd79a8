"""Walk files and folders and stream drafts, failures and warnings; one bad file never stops
the rest."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from annotator.core.model import ArticleDraft
from annotator.io.agreed import own_spans
from annotator.io.brat_read import brat_text_of, read_brat_file
from annotator.io.common import (
    ImportFailure,
    ImportItem,
    ImportProblem,
    ImportSkip,
    Why,
    not_regular,
    not_regular_problem,
    open_regular,
    printable,
)
from annotator.io.conll import CONLL_SUFFIXES, iter_conll_file
from annotator.io.conll_sniff import HEAD_BYTES, conll_head, looks_like_conll
from annotator.io.docbin import read_spacy
from annotator.io.html import read_html_file
from annotator.io.jsonl import iter_jsonl_file
from annotator.io.text import read_text_file
from annotator.io.webanno_tsv_read import is_webanno, webanno_head
from annotator.io.xmi_read import INCEPTION_SUFFIXES, inception_zip, iter_inception_file

logger = logging.getLogger(__name__)

NO_SUCH_PATH = "no such file or folder"
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SPACY_SUFFIXES = frozenset({".spacy"})  # spaCy DocBin
BRAT_SUFFIXES = frozenset({".ann"})  # with its .txt: one article (that .txt alone is skipped)
_ALL = (TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | SPACY_SUFFIXES | CONLL_SUFFIXES
        | BRAT_SUFFIXES | INCEPTION_SUFFIXES)
_KNOWN = ", ".join(sorted(s for s in _ALL if s))
NOT_RECOGNISED = "not recognised"  # an ImportSkip's reason: "skipped: PATH: not recognised"
_WITH_OTHERS = (".ann", ".xmi", ".tsv", ".txt")  # the files an export's .meta goes with
_BRAT_CONFIGS = frozenset({"annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf"})
IMPORTABLE_SUFFIXES = tuple(sorted(s for s in _ALL if s))  # for a file dialog's filter


def iter_import(paths: Iterable[Path | str]) -> Iterator[ImportItem]:
    """Drafts, failures and warnings for files and (recursively, sorted) folders, lazily."""
    for found in iter_targets(paths):
        if isinstance(found, ImportFailure):
            yield found
        else:
            yield from iter_file(found)


def is_importable(path: Path) -> bool:
    """Whether a folder walk would import this file (by its extension)."""
    return _suffix(path) in _ALL and brat_text_of(path) is None


def iter_targets(paths: Iterable[Path | str]) -> Iterator[Path | ImportFailure]:
    """Files to read, or why a given path cannot be read (iter_import's order); folders are
    walked."""
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield ImportFailure(str(path), None, NO_SUCH_PATH, Why.NO_SUCH_PATH)
            continue
        except OSError as exc:
            yield _os_failure(path, exc)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, set())
        elif kind := not_regular(info.st_mode):
            yield not_regular_problem(kind).failure(str(path))
        elif is_importable(path) or brat_text_of(path) or _foreign_conll(path):
            yield path
        else:
            reason = f"unsupported file type '{path.suffix}' (use {_KNOWN} or no extension)"
            yield ImportFailure(str(path), None, reason, Why.UNSUPPORTED, path.suffix)


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | ImportFailure]:
    """Depth-first in name order; hidden entries and symlink loops are passed over, files it
    does not recognise are skipped (ImportSkip), files read with another one not listed."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted((entry for entry in scan if not _hidden(entry)), key=_name)
    except OSError as exc:
        yield _os_failure(folder, exc)
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield _os_failure(path, exc)
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif _recognised(path):
            yield path
        elif not _read_with_another(path):
            yield ImportSkip(str(path), None, NOT_RECOGNISED, Why.NOT_RECOGNISED)


def _recognised(path: Path) -> bool:
    """Whether a folder walk reads a file: by its type; a zip or a ``.tsv``, which any program
    writes, by its content too (an INCEpTION export; WebAnno TSV or CoNLL)."""
    suffix = _suffix(path)
    if suffix == ".zip":
        return _content(path, inception_zip)
    if suffix == ".tsv":
        return _content(path, webanno_head) or looks_like_conll(path)
    return is_importable(path) or _foreign_conll(path)


def _content(path: Path, test: Callable[[BinaryIO], bool]) -> bool:
    """Whether a file's content passes ``test``; one that cannot be read does (its reader
    then says why, as for a file named on its own)."""
    try:
        with open_regular(path) as handle:
            return test(handle)
    except (OSError, ImportProblem):
        return True


def _read_with_another(path: Path) -> bool:
    """A brat ``.txt`` beside its ``.ann``, brat's configuration, an export's ``.meta`` beside
    its article, an XMI folder's ``TypeSystem.xml``, a Label Studio export's label config."""
    name = path.name.lower()
    return (brat_text_of(path) is not None or name in _BRAT_CONFIGS or name == "typesystem.xml"
            or name.endswith(".label_config.xml") or _suffix(path) == ".meta" and any(
                path.with_suffix(suffix).exists() for suffix in _WITH_OTHERS))


def _foreign_conll(path: Path) -> bool:
    """A file of an unknown type whose content is CoNLL (``eng.train``)."""
    return _suffix(path) not in _ALL and looks_like_conll(path)


def iter_file(path: Path) -> Iterator[ImportItem]:
    """Drafts, failures and warnings of one file iter_targets found, read with the reader for
    its type (a text whose content is CoNLL: as CoNLL); every error becomes a failure."""
    notes: list[ImportProblem] = []
    try:
        suffix = _suffix(path)
        if suffix in JSONL_SUFFIXES:
            items: Iterable[ImportItem] = iter_jsonl_file(path)
        elif suffix in SPACY_SUFFIXES:
            items = read_spacy(path)
        elif suffix in HTML_SUFFIXES:
            items = [read_html_file(path, notes.append)]
        elif suffix in BRAT_SUFFIXES or brat_text_of(path):
            items = [read_brat_file(path, notes.append)]
        elif suffix in CONLL_SUFFIXES:
            items = iter_conll_file(path)
        elif suffix == ".tsv" and not is_webanno(path) and looks_like_conll(path):
            items = iter_conll_file(path)  # GermEval's .tsv is CoNLL
        elif suffix in INCEPTION_SUFFIXES:
            items = iter_inception_file(path)
        else:
            items = _text_or_conll(path, notes)
        yield from (note.warning(str(path)) for note in notes)
        yield from (_storable(item) for item in items)
    except ImportProblem as exc:
        yield exc.failure(str(path))
    except OSError as exc:
        yield _os_failure(path, exc)
    except Exception as exc:  # a parser bug must not end an import of 100,000 files
        logger.warning("unexpected error importing %s", printable(str(path)), exc_info=True)
        what = f"{type(exc).__name__}: {exc}"
        yield ImportFailure(str(path), None, f"unexpected error: {what}", Why.UNEXPECTED, what)


def _text_or_conll(path: Path, notes: list[ImportProblem]) -> Iterable[ImportItem]:
    """A text article, or the CoNLL corpus its first lines say it is (read again as one; a
    corpus over the article limit is known by its first lines alone)."""
    try:
        draft = read_text_file(path, notes.append)
    except ImportProblem:
        if looks_like_conll(path):
            notes.clear()
            return iter_conll_file(path)
        raise
    if conll_head(draft.text[:HEAD_BYTES], whole=len(draft.text) <= HEAD_BYTES):
        notes.clear()
        return iter_conll_file(path)
    return [draft]


def _storable(item: ImportItem) -> ImportItem:
    """A draft whose source path holds undecodable file-name bytes gets them escaped: they
    cannot be stored as UTF-8 (``bad\\udcff.txt`` is kept as ``bad\\xff.txt``); a span
    of agreeing versions, each annotator's own (io/agreed.py)."""
    if not isinstance(item, ArticleDraft):
        return item
    if item.source_path and _has_surrogates(item.source_path):
        item.source_path = printable(item.source_path)
    return own_spans(item)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _suffix(path: Path) -> str:
    """Lower-case extension, ``""`` for none."""
    return path.suffix.lower()


def _name(entry: os.DirEntry[str]) -> str:
    """Sort key of a folder entry."""
    return entry.name


def _hidden(entry: os.DirEntry[str]) -> bool:
    """Dot files and folders, and on Windows anything flagged hidden."""
    if entry.name.startswith("."):
        return True
    if os.name != "nt":
        return False
    try:
        attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def _os_failure(path: Path, exc: OSError) -> ImportFailure:
    """The failure of ``path`` in the operating system's words, e.g. "Permission denied"."""
    words = exc.strerror or str(exc)
    return ImportFailure(str(path), None, words, Why.OS_ERROR, words)
