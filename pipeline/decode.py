"""Decoding page bytes when the page may lie about its charset.

The HTTP charset, the BOM and the meta charset are candidates, not truths:
each is verified (strict decode, then a plausibility check on the Han
characters) and detection is the fallback. GB2312/GBK are always decoded as
GB18030, their superset, so no character is lost.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

# Share of Han characters that must be "common" (GB2312 level 1, the 3,755
# most frequent characters) for a decoding to be believed.  Real Chinese
# prose scores > 0.9; UTF-8 read as GBK scores well under 0.5.
_MIN_COMMON_HAN_SHARE = 0.6
_MIN_HAN_FOR_CHECK = 20


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec that produced it and how it was chosen."""

    text: str
    encoding: str
    source: str  # override | http | bom | meta | detected | fallback
    repaired: bool  # a declared charset was wrong and another one was used


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    resolved = resolve_encoding(name)
    if resolved is None:
        return None
    resolved = codecs.lookup(resolved).name
    if resolved in {"gb2312", "gbk", "euc_cn", "hz"}:
        return "gb18030"
    return resolved


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_common_han(ch: str) -> bool:
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= encoded[0] <= 0xD7


def _common_han_set() -> frozenset[str]:
    chars = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


_COMMON_HAN = _common_han_set()  # the same characters `_is_common_han` accepts
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


def han_plausibility(text: str) -> float:
    """Share of Han characters in *text* that are common ones (1.0 if too few to tell)."""
    sample = []
    for match in _HAN.finditer(text):
        sample.append(match.group())
        if len(sample) == 4000:
            break
    if len(sample) < _MIN_HAN_FOR_CHECK:
        return 1.0
    common = sum(1 for ch in sample if ch in _COMMON_HAN)
    return common / len(sample)


def _try(body: bytes, encoding: str) -> str | None:
    try:
        text = body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if "\ufffd" in text:
        return None
    if han_plausibility(text) < _MIN_COMMON_HAN_SHARE:
        return None
    return text


def decode_html(body: bytes, content_type: str = "", override: str = "") -> Decoded:
    """Decode HTML bytes, trusting no declaration until it reads as plausible text.

    Order of candidates: the site config override, the BOM, the HTTP header
    charset, the meta charset, then UTF-8 and GB18030, then detection.
    """
    candidates: list[tuple[str, str]] = []
    declared: set[str] = set()
    ov = _canonical(override)
    if ov:
        candidates.append(("override", ov))
    bom_enc, bom = read_bom(body)
    if bom_enc:
        enc = _canonical(bom_enc)
        if enc:
            candidates.append(("bom", enc))
            declared.add(enc)
    for source, name in (
        ("http", http_content_type_encoding(content_type) if content_type else None),
        ("meta", html_body_declared_encoding(body)),
    ):
        enc = _canonical(name)
        if enc:
            candidates.append((source, enc))
            declared.add(enc)
    for source, enc in candidates:
        payload = body[len(bom or b"") :] if source == "bom" else body
        text = _try(payload, enc)
        if text is not None:
            return Decoded(text, enc, source, repaired=False)
    repaired = bool(declared)
    for enc in ("utf-8", "gb18030"):
        if enc in declared:
            continue
        text = _try(body, enc)
        if text is not None:
            return Decoded(text, enc, "fallback", repaired=repaired)
    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        enc = _canonical(best.encoding) or best.encoding
        text = body.decode(enc, errors="replace")
        return Decoded(text, enc, "detected", repaired=repaired)
    return Decoded(body.decode("utf-8", errors="replace"), "utf-8", "fallback", repaired)
