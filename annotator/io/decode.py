"""Turn file bytes into text, biased towards the encodings German news files really use."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from annotator.io.common import ImportProblem

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


class DecodeError(ImportProblem):
    """Bytes that are not text in any encoding we can trust."""


def decode_bytes(data: bytes, path: str | Path | None = None) -> str:
    """Decode ``data`` without touching line endings; raise DecodeError if it is not text."""
    del path  # the caller names the file in the failure; kept for a uniform signature
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_after_bom(data[len(bom) :], encoding)
    if b"\x00" in data:
        return _check_text(_decode_bomless_utf16(data))
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    western = _try_cp1252(data)
    if western is not None:
        return _check_text(western)
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(UNKNOWN_ENCODING)
    return _check_text(str(best))


def _decode_after_bom(data: bytes, encoding: str) -> str:
    """Decode what follows a byte-order mark; a UTF-8 BOM may still front legacy bytes."""
    if encoding == "utf-8":
        return decode_bytes(data)
    try:
        return _check_text(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding.upper()[:6]} text after the byte-order mark") from exc


def _decode_bomless_utf16(data: bytes) -> str:
    """NUL bytes mean binary, unless they sit where UTF-16 text without a BOM puts them."""
    sample = data[:4096]
    pairs = max(len(sample) // 2, 1)
    odd_nuls = sample[1::2].count(0) / pairs
    even_nuls = sample[0::2].count(0) / pairs
    for share, encoding in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if share > 0.4 and len(data) % 2 == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text
    raise DecodeError(BINARY)


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


def _check_text(text: str) -> str:
    """Reject decoded bytes that are full of control characters: that is binary data."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise DecodeError(BINARY)
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    if controls > max(_CONTROL_ALLOWANCE, _CONTROL_SHARE * len(text)):
        raise DecodeError(BINARY)
    return text
