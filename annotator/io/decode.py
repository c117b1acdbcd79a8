"""Turn file bytes into text, biased towards the encodings German news files really use."""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from charset_normalizer import from_bytes

from annotator.io.common import ImportProblem, Warn, Why

logger = logging.getLogger(__name__)

BINARY = "binary file, not text"
UNKNOWN_ENCODING = "cannot detect the encoding"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Non-ASCII characters of German text: alone they settle the question for cp1252.
_GERMAN = set("äöüÄÖÜßẞ„“”‚‘’–—…€°§«»\u00a0")
# Non-ASCII characters a cp1252 reading of Western European news may plausibly contain.
_WESTERN = set(
    "äöüÄÖÜßẞ„“”‚‘’«»‹›–—…€°§²³µ·×÷½¼¾©®™•´¨¸ªº¿¡"
    "áàâãåæçéèêëíìîïñóòôõøœúùûýÿÁÀÂÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÕØŒÚÙÛÝŸšŠžŽ\u00a0\u00ad"
)
_WESTERN_SHARE = 0.9  # of the non-ASCII characters
_HIGH_SHARE = 0.25  # accented among all letters; German news has about 1-2 %
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_CONTROL_SHARE = 0.01
_CONTROL_ALLOWANCE = 2  # a stray control character in a short text is not yet binary
# C0/C1 controls except tab, line breaks, form feed, DOS end-of-file and NEL; and U+FFFD.
_CONTROLS = re.compile("[\x01-\x08\x0e-\x19\x1b-\x1f\x7f-\x84\x86-\x9f\ufffd]")
_ESCAPED = re.compile("[\udc80-\udcff]+")  # invalid UTF-8 bytes, as surrogateescape keeps them
_NON_ASCII_DECODED = re.compile("[^\x00-\x7f\udc80-\udcff]")


class DecodeError(ImportProblem):
    """Bytes that are not text in any encoding we can trust."""

    def __init__(self, reason: str, *, kind: Why | None = None, detail: str = "",
                 at: int | None = None, count: int = 0) -> None:
        kind = kind or {BINARY: Why.BINARY, UNKNOWN_ENCODING: Why.UNKNOWN_ENCODING}.get(reason)
        super().__init__(reason, kind=kind or Why.OTHER, detail=detail, at=at, count=count)


def decode_bytes(data: bytes, path: str | Path | None = None, *, warn: Warn | None = None,
                 offset: int = 0, controls: bool = True) -> str:
    """Decode ``data`` without touching line endings; raise DecodeError if it is not text.

    UTF-8 with a few invalid bytes stays UTF-8: each bad sequence becomes U+FFFD and ``warn``
    hears where (byte offsets count from ``offset``, where ``data`` starts in its file).
    ``controls``: whether many control characters mean binary data, as they do in a file that
    only might be text. A file its format declares text (a brat pair, whose offsets count its
    characters) passes False: scraped news carries separators and C1 controls, and only NUL
    bytes (outside UTF-16) mean binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding.startswith("utf-16") and _utf16_order(data[2:]) not in (None, encoding):
                break  # UTF-16 of the other byte order without a BOM, U+FFFE its first character
            return _decode_after_bom(data[len(bom) :], encoding, path, warn,
                                     offset + len(bom), controls)
    if b"\x00" in data:
        return _check_text(_decode_bomless_utf16(data), controls=controls)
    try:
        return _check_text(data.decode("utf-8"), controls=controls)
    except UnicodeDecodeError:
        pass
    bad = utf8_damage(data)
    if bad is not None:
        return _replaced(data, bad, path, warn, offset, controls)
    western = _try_cp1252(data)
    if western is not None:
        return _check_text(western, controls=controls)
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(UNKNOWN_ENCODING)
    return _check_text(str(best), controls=controls)


def _german_by_accident(text: str, data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are German cp1252 whose ``Spaß“`` (DF 93 is
    U+07D3) only looks like UTF-8: the UTF-8 reading's characters are all two-byte ones above
    Latin-1 (real German UTF-8 has ä, ö, ü or ß), and the cp1252 one is nothing but German."""
    high = _NON_ASCII_DECODED.findall(text)  # invalid bytes (surrogate escapes) aside
    if not all("\u0100" <= ch < "\u0800" for ch in high):
        return False
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return all(ch in _GERMAN for ch in _NON_ASCII.findall(western))


def utf8_damage(data: bytes) -> list[tuple[int, int]] | None:
    """(byte offset, length) of the invalid runs in text that is UTF-8 apart from them, or
    None when it does not read as UTF-8: its valid multi-byte characters must outnumber the
    invalid bytes (German in cp1252 has no multi-byte sequence, ``ä`` alone is invalid) and
    must not be German cp1252 by accident."""
    text = data.decode("utf-8", "surrogateescape")
    runs, position, last = [], 0, 0
    for match in _ESCAPED.finditer(text):
        position += len(text[last : match.start()].encode("utf-8"))
        runs.append((position, match.end() - match.start()))
        position += match.end() - match.start()
        last = match.end()
    invalid = sum(length for _, length in runs)
    multibyte = len(_NON_ASCII_DECODED.findall(text))
    if multibyte <= invalid or _german_by_accident(text, data):
        return None
    return runs


def _replaced(data: bytes, bad: list[tuple[int, int]], path: str | Path | None,
              warn: Warn | None, offset: int, controls: bool) -> str:
    """UTF-8 with its invalid sequences replaced, and a warning naming the first offset."""
    invalid = sum(length for _, length in bad)
    first = offset + bad[0][0]
    what = ("an invalid UTF-8 byte" if invalid == 1 else f"{invalid} invalid UTF-8 bytes")
    text = data.decode("utf-8", "replace")
    try:
        text = _check_text(text, allowed=text.count("\ufffd"), controls=controls)
    except DecodeError as exc:  # binary: the invalid bytes are not a few in a text
        raise DecodeError(f"{exc.reason} ({what}, the first at byte offset {first})",
                          kind=exc.kind, at=first, count=invalid) from exc
    reason = (f"{what} at byte offset {first} replaced with U+FFFD" if invalid == 1 else
              f"{what} replaced with U+FFFD, the first at byte offset {first}")
    if warn is not None:
        warn(ImportProblem(reason, kind=Why.BYTES_REPLACED, at=first, count=invalid))
    else:
        logger.warning("%s: %s", path or "text", reason)
    return text


def _decode_after_bom(data: bytes, encoding: str, path: str | Path | None, warn: Warn | None,
                      offset: int, controls: bool) -> str:
    """Decode what follows a byte-order mark; a UTF-8 BOM may still front legacy bytes."""
    if encoding == "utf-8":
        return decode_bytes(data, path, warn=warn, offset=offset, controls=controls)
    try:
        return _check_text(data.decode(encoding), controls=controls)
    except UnicodeDecodeError as exc:
        name = encoding.upper()[:6]  # UTF-16, UTF-32
        raise DecodeError(f"invalid {name} text after the byte-order mark",
                          kind=Why.BAD_AFTER_BOM, detail=name) from exc


def _decode_bomless_utf16(data: bytes) -> str:
    """NUL bytes mean binary, unless they sit where UTF-16 text without a BOM puts them."""
    encoding = _utf16_order(data)
    if encoding is not None and len(data) % 2 == 0:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise DecodeError(BINARY) from None
        if "\x00" not in text:
            return text
    raise DecodeError(BINARY)


def _utf16_order(data: bytes) -> str | None:
    """The byte order of UTF-16 text by where its NUL bytes sit (the high bytes of Latin
    text), or None when they do not say: "utf-16-le" with NULs at odd offsets, "-be" at even
    ones. A BOM is checked against it: the bytes of U+FFFE in one order are the other's BOM."""
    sample = data[:4096]
    pairs = max(len(sample) // 2, 1)
    odd, even = sample[1::2].count(0) / pairs, sample[0::2].count(0) / pairs
    if max(odd, even) <= 0.4 or odd == even:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _try_cp1252(data: bytes) -> str | None:
    """cp1252 when every byte is defined and the result reads like German or Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = _NON_ASCII.findall(text)
    if all(ch in _GERMAN for ch in high):
        return text
    high_letters = sum(ch.isalpha() for ch in high)
    letters = len(_ASCII_LETTERS.findall(text)) + high_letters
    # Cyrillic or Greek read as cp1252 is all accented letters; German is mostly ASCII.
    if high_letters > _HIGH_SHARE * letters:
        return None
    western = sum(ch in _WESTERN for ch in high)
    return text if western >= _WESTERN_SHARE * len(high) else None


def _check_text(text: str, allowed: int = 0, *, controls: bool = True) -> str:
    """Reject decoded bytes with NUL or, if ``controls``, full of control characters: that is
    binary data.

    ``allowed`` replacement characters were put there by decoding and are not counted.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise DecodeError(BINARY)
    if not controls or _CONTROLS.search(text) is None:
        return text  # the common case: nothing to count
    count = sum(1 for _ in _CONTROLS.finditer(text)) - allowed
    if count > max(_CONTROL_ALLOWANCE, _CONTROL_SHARE * len(text)):
        raise DecodeError(BINARY)
    return text
