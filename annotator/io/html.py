"""Saved news pages: article text and the page's metadata via trafilatura (the rest is read off
the text's zones at import); nothing is rendered or fetched."""

from __future__ import annotations

import codecs
import re
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft
from annotator.io.common import PAGE_BYTES, ImportProblem, Warn, Why, first_line, read_limited
from annotator.io.decode import decode_bytes, utf8_damage

NO_TEXT = "no article text found in the HTML"
_SAME_HEADLINE = 0.6  # difflib ratio; different headlines of one page score about 0.3
MIN_WORDS = 6  # some line must be this long: menus and link lists alone are not an article
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WINDOWS_1252 = {"iso8859-1", "ascii"}  # codec names; WHATWG: these labels mean windows-1252
_DOCUMENT = re.compile(r"<(?:html|body)\b", re.I)
_LEADING_COMMENTS = re.compile(r"\A\s*(?:<!--.*?-->\s*)+", re.S)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Precision mode drops cookie banners and link boxes; no extensive date search, because that
# turns a "© 2023" footer into a publication date of 2023-01-01.
_EXTRACT_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "favor_precision": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def read_html_file(path: Path, warn: Warn | None = None) -> ArticleDraft:
    """Import one saved HTML page; raises ImportProblem when it holds no article."""
    html = decode_html(read_limited(path, PAGE_BYTES, "an HTML page"), warn)
    if not html.strip():
        raise ImportProblem("empty file", kind=Why.EMPTY_FILE)
    return parse_html(html, str(path))


def decode_html(data: bytes, warn: Warn | None = None) -> str:
    """Bytes → str: BOM, then (nearly) valid UTF-8, then the page's ``<meta charset>``, then
    detection; invalid bytes in a UTF-8 page are replaced and ``warn`` hears where."""
    declared = None if data.startswith(_BOMS) else _declared_encoding(data[:4096])
    if declared and declared != "utf-8" and not _is_utf8(data):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" not in text:
                return text
    return decode_bytes(data, warn=warn)


def _declared_encoding(head: bytes) -> str | None:
    """The Python codec named by the page's charset declaration, if it names a known one."""
    match = _CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252 else name


def _is_utf8(data: bytes) -> bool:
    """UTF-8, perhaps with a few bad bytes, beats a stale charset label: mislabelled pages
    are common."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return utf8_damage(data) is not None
    return True


def parse_html(html: str, source_path: str | None = None) -> ArticleDraft:
    """Main text and metadata of a page; the title becomes the first line of the text."""
    import trafilatura  # deferred: slow to import, and only HTML files need it

    try:
        doc = trafilatura.bare_extraction(_as_document(html), **_EXTRACT_OPTIONS)
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise ImportProblem(f"cannot read the HTML: {exc}", kind=Why.HTML_UNREADABLE,
                            detail=str(exc)) from exc
    if doc is None or isinstance(doc, dict):  # nothing found (a dict only when asked for)
        raise ImportProblem(NO_TEXT, kind=Why.NO_HTML_TEXT)
    main = (doc.text or "").strip()
    if not _has_prose(main):
        raise ImportProblem(NO_TEXT, kind=Why.NO_HTML_TEXT)
    title, text = _title_and_text(doc, main)
    meta = _page_meta(doc) | {"extracted_by": f"trafilatura {trafilatura.__version__}"}
    page = {"outlet": _clean(doc.sitename), "author": _clean(doc.author, "; "),
            "published": _iso_date(doc.date)}
    # what the page does not say is read off the text's zones at import (app/zones.py)
    return ArticleDraft(
        text=text,
        title=title,
        outlet=page["outlet"],
        author=page["author"],
        url=_clean(doc.url),
        published=page["published"],
        meta=meta,
        source_path=source_path,
        guessed=frozenset(name for name, value in page.items() if not value) | {"meta"},
    )


def _as_document(html: str) -> str:
    """trafilatura wants "html" in the first 50 characters or it rejects one-block pages."""
    html = _LEADING_COMMENTS.sub("", html, count=1)  # "<!-- saved from url=… -->"
    return html if _DOCUMENT.search(html[:8192]) else f"<html><body>{html}</body></html>"


def _title_and_text(doc: Any, main: str) -> tuple[str, str]:
    """The headline as the text's first line, written once even if og:title and h1 differ."""
    title, heading = " ".join((doc.title or "").split()), first_line(main)
    if not title or main.startswith(title):
        return title or heading, main
    body = getattr(doc, "body", None)
    starts_with_heading = body is not None and len(body) > 0 and body[0].tag == "head"
    if starts_with_heading and (title == _clean(doc.sitename) or _similar(title, heading)):
        return heading, main  # the visible h1 wins over an SEO title or a bare site name
    return title, f"{title}\n\n{main}"


def _similar(one: str, other: str) -> bool:
    """Two wordings of the same headline, e.g. "Streik: Bahn steht" / "Streik legt Bahn lahm"."""
    return SequenceMatcher(None, one.casefold(), other.casefold()).ratio() >= _SAME_HEADLINE


def _has_prose(text: str) -> bool:
    """Whether some line reads like a sentence rather than a menu entry."""
    return any(len(line.split()) >= MIN_WORDS for line in text.split("\n"))


def _page_meta(doc: Any) -> dict[str, Any]:
    """Page metadata without a draft field of its own."""
    meta: dict[str, Any] = {}
    for key in ("description", "hostname"):
        if value := _clean(getattr(doc, key, None)):
            meta[key] = value
    for key in ("categories", "tags"):
        if value := getattr(doc, key, None):
            meta[key] = list(value)
    return meta


def _clean(value: Any, separator: str | None = None) -> str | None:
    """A stripped one-line string, or None; trafilatura joins several authors with "; "."""
    if not isinstance(value, str) or not value.strip():
        return None
    if separator:
        value = ", ".join(part.strip() for part in value.split(separator) if part.strip())
    return " ".join(value.split())


def _iso_date(value: Any) -> str | None:
    """trafilatura's date as YYYY-MM-DD, if it is one."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return None
