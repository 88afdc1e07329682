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

# Share of Han characters that must be "common" for a decoding to be believed:
# GB2312 level 1 (the 3,755 most frequent Simplified characters) or Big5 level 1
# (the 5,401 most frequent Traditional ones), whichever script scores higher.
# Measured on the 40 extraction-zh gold texts and their Traditional (opencc
# s2t) versions: real text scores >= 0.96; mojibake that decodes without a
# U+FFFD (Big5 read as GB18030, GBK read as Big5, UTF-8 read as GBK) <= 0.63.
_MIN_COMMON_HAN_SHARE = 0.75
_MIN_HAN_FOR_CHECK = 20
# Codecs that can hold Chinese text; any other declared codec (windows-1252,
# iso-8859-x, ...) on a page whose bytes read as plausible Chinese is a lie.
_CJK_CODECS = frozenset({"utf-8", "gb18030", "big5", "big5hkscs", "cp950", "utf-16-le",
                         "utf-16-be", "utf-16", "utf-32", "utf-32-le", "utf-32-be",
                         "euc_jp", "shift_jis", "cp932", "euc_kr", "cp949"})
# Tried in this order, after the declared candidates, before detection.
_FALLBACKS = ("utf-8", "gb18030", "big5")
# Real pages carry a few corrupt bytes (a truncated character, a pasted
# fragment): a candidate whose lenient decoding replaces at most this share of
# characters, and reads as plausible Chinese, beats detection on the whole page.
_MAX_REPLACED_SHARE = 0.005


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec that produced it and how it was chosen.

    `declared` is the charset the page claims by the HTML precedence (BOM, then
    the HTTP header, then the meta tag), canonicalized (GBK/GB2312 as GB18030);
    `repaired` is true when the text was decoded with another codec, i.e. a
    browser or Scrapy's ``response.text`` would have shown it garbled.
    """

    text: str
    encoding: str
    source: str  # override | http | bom | meta | fallback | lenient | mixed | detected
    repaired: bool  # a declared charset was wrong and another one was used
    declared: str | None = None
    replaced: int = 0  # undecodable byte sequences shown as U+FFFD

    @property
    def repair_flag(self) -> str | None:
        """``encoding_repaired:<declared>-><used>`` when the declaration was overridden."""
        if not self.repaired:
            return None
        return f"encoding_repaired:{self.declared or 'none'}->{self.encoding}"


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


def _level1(codec: str, leads: range, trails: tuple[range, ...]) -> frozenset[str]:
    chars = set()
    for lead in leads:
        for trail_range in trails:
            for trail in trail_range:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(chars)


# GB2312 rows 0xB0-0xD7 are level 1; Big5 0xA440-0xC67E is its level 1 (常用字).
_COMMON_SIMPLIFIED = _level1("gb2312", range(0xB0, 0xD8), (range(0xA1, 0xFF),))
_COMMON_TRADITIONAL = _level1("big5", range(0xA4, 0xC6), (range(0x40, 0x7F), range(0xA1, 0xFF))
                              ) | _level1("big5", range(0xC6, 0xC7), (range(0x40, 0x7F),))
_HAN_RUN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")
_SAMPLE = 4000
# Lower-case names: speed-ups of the same test, not parameters of the extractor version.
# Text is read for the sample a window at a time (a run cut at a window's edge continues
# in the next one, so the joined runs are the same); the common characters are counted by
# a regex character class in C, not a Python test per character.
_window = 16_384
_common_simplified = re.compile("[" + "".join(sorted(_COMMON_SIMPLIFIED)) + "]+")
_common_traditional = re.compile("[" + "".join(sorted(_COMMON_TRADITIONAL)) + "]+")


def _han_sample(text: str) -> str:
    """The first 4,000 Han characters of *text* (read a window at a time: this runs on every
    page, and a long page's sample is in its first windows)."""
    runs: list[str] = []
    size = 0
    for start in range(0, len(text), _window):
        found = _HAN_RUN.findall(text, start, start + _window)
        runs.extend(found)
        size += sum(map(len, found))
        if size >= _SAMPLE:
            break
    return "".join(runs)[:_SAMPLE]


def _count(common: re.Pattern[str], sample: str) -> int:
    """How many characters of *sample* the character class *common* matches."""
    return len(sample) - len(common.sub("", sample))


def han_plausibility(text: str) -> float:
    """Share of Han characters in *text* that are common ones (1.0 if too few to tell).

    Scored against the common Simplified and the common Traditional set, and
    the better of the two kept, so a correctly decoded Big5 page is believed
    while mojibake (whose characters fall all over the code space) is not.
    """
    sample = _han_sample(text)
    if len(sample) < _MIN_HAN_FOR_CHECK:
        return 1.0
    simplified = _count(_common_simplified, sample)
    traditional = _count(_common_traditional, sample)
    return max(simplified, traditional) / len(sample)


def _plausible_han(text: str) -> bool:
    """`han_plausibility(text) >= _MIN_COMMON_HAN_SHARE`, counting the Traditional set only
    when the Simplified one falls short (most pages: once, not twice)."""
    sample = _han_sample(text)
    if len(sample) < _MIN_HAN_FOR_CHECK:
        return True
    return (_count(_common_simplified, sample) / len(sample) >= _MIN_COMMON_HAN_SHARE
            or _count(_common_traditional, sample) / len(sample) >= _MIN_COMMON_HAN_SHARE)


def _try(body: bytes, encoding: str) -> str | None:
    try:
        text = body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if "\ufffd" in text:
        return None
    if not _plausible_han(text):
        return None
    return text


def _reads_as_chinese(body: bytes) -> bool:
    """True when the bytes decode strictly and plausibly as UTF-8 or GB18030 Chinese text."""
    for enc in ("utf-8", "gb18030"):
        text = _try(body, enc)
        if text is not None and len(_han_sample(text)) >= _MIN_HAN_FOR_CHECK:
            return True
    return False


def _lenient(encodings: list[str], body: bytes) -> tuple[str, str] | None:
    """The plausible decoding with the fewest (and few) replaced characters, if any."""
    best: tuple[int, str, str] | None = None
    for enc in dict.fromkeys(encodings):
        try:
            text = body.decode(enc, errors="replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if bad > _MAX_REPLACED_SHARE * len(text) or han_plausibility(text) < _MIN_COMMON_HAN_SHARE:
            continue
        if best is None or bad < best[0]:
            best = (bad, text, enc)
    return None if best is None else (best[1], best[2])


_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
_CJK_TEXT = re.compile("[\u3000-\u303f\u4e00-\u9fff\u3400-\u4dbf\uff00-\uffef]+")


def _decode_run(run: bytes) -> str:
    """One run of non-ASCII bytes: the codec under which it reads as CJK text wins."""
    readings = []
    for enc in ("utf-8", "gb18030"):
        try:
            readings.append(run.decode(enc))
        except UnicodeDecodeError:
            continue
    for text in readings:
        if _CJK_TEXT.fullmatch(text):
            return text
    return readings[0] if readings else run.decode("gb18030", errors="replace")


def decode_mixed(body: bytes) -> str:
    """*body* read run by run: each run of non-ASCII bytes as UTF-8 or GB18030.

    Pages assembled from parts (a GBK template around a UTF-8 article, or the
    reverse) decode under no single codec; without this they fell through to
    detection and were dropped whole as binary content. A run is taken as
    UTF-8 when it decodes strictly to CJK text, else as GB18030.
    """
    out: list[str] = []
    at = 0
    for match in _NON_ASCII_RUN.finditer(body):
        out.append(body[at:match.start()].decode("ascii"))
        out.append(_decode_run(match.group()))
        at = match.end()
    out.append(body[at:].decode("ascii"))
    return "".join(out)


def decode_html(body: bytes, content_type: str = "", override: str = "") -> Decoded:
    """Decode HTML bytes, trusting no declaration until it reads as plausible text.

    Order of candidates: the site config override, the BOM, the HTTP header
    charset, the meta charset, then UTF-8, GB18030 and Big5, then detection
    (charset-normalizer).  Before detection, a few corrupt bytes are forgiven:
    the candidate that decodes with the fewest U+FFFD (at most 0.5% of the
    characters) and plausible Han wins (``replaced`` counts them); then a page
    mixing UTF-8 and GBK parts is read part by part (``decode_mixed``).  A
    candidate is accepted when it decodes strictly, without U+FFFD, to a
    plausible share of common Han characters; a
    non-CJK codec (windows-1252, ...) is refused when the bytes read as
    Chinese.  The result records the declared charset and whether it was
    overridden, for the report's data-quality counts.
    """
    candidates: list[tuple[str, str]] = []
    declared: str | None = None
    ov = _canonical(override)
    if ov:
        candidates.append(("override", ov))
    bom_enc, bom = read_bom(body)
    for source, name in (
        ("bom", bom_enc),
        ("http", http_content_type_encoding(content_type) if content_type else None),
        ("meta", html_body_declared_encoding(body)),
    ):
        enc = _canonical(name)
        if enc:
            candidates.append((source, enc))
            declared = declared or enc

    def result(text: str, enc: str, source: str) -> Decoded:
        return Decoded(text, enc, source, repaired=declared is not None and enc != declared,
                       declared=declared)

    chinese: bool | None = None
    tried: set[str] = set()
    for source, enc in candidates:
        payload = body[len(bom or b"") :] if source == "bom" else body
        text = _try(payload, enc)
        tried.add(enc)
        if text is None:
            continue
        if enc not in _CJK_CODECS:
            chinese = _reads_as_chinese(body) if chinese is None else chinese
            if chinese:
                continue
        return result(text, enc, source)
    for enc in _FALLBACKS:
        if enc in tried:
            continue
        text = _try(body, enc)
        if text is not None:
            return result(text, enc, "fallback")
    lenient = _lenient([enc for _, enc in candidates] + list(_FALLBACKS), body)
    if lenient is not None:
        text, enc = lenient
        return Decoded(text, enc, "lenient", repaired=declared is not None and enc != declared,
                       declared=declared, replaced=text.count("\ufffd"))
    mixed = decode_mixed(body)
    if mixed.count("\ufffd") <= _MAX_REPLACED_SHARE * len(mixed) \
            and han_plausibility(mixed) >= _MIN_COMMON_HAN_SHARE:
        return Decoded(mixed, "utf-8+gb18030", "mixed", repaired=declared is not None,
                       declared=declared, replaced=mixed.count("\ufffd"))
    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        enc = _canonical(best.encoding) or best.encoding
        text = body.decode(enc, errors="replace")
        return result(text, enc, "detected")
    return result(body.decode("utf-8", errors="replace"), "utf-8", "fallback")
