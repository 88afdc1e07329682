"""Text normalization shared by fingerprinting, claim families and tagging.

Normalized text is for matching only; quotes always use the original.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import opencc

_SPACE_RE = re.compile(r"\s+")
# A pinyin gloss left after a character by a scraped mirror: 規(guī)定, 规（guī）定.
# After NFKC the brackets are ASCII; the syllable must carry a tone mark or a
# tone digit, so "方案(a)" or "附件(b)" keep their letter.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS_RE = re.compile(
    f"(?<=[\u4e00-\u9fff\u3400-\u4dbf])\\((?=[a-zü{_TONED}]*[{_TONED}1-5])"
    f"[a-zü{_TONED}]{{1,6}}[1-5]?\\)")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese to Traditional (OpenCC s2t): cue lists matched against
    original page text need both forms."""
    return str(_s2t().convert(text))


def to_simplified(text: str) -> str:
    """Convert Traditional-script Chinese to Simplified (OpenCC t2s)."""
    return str(_t2s().convert(text))


def strip_pinyin_glosses(text: str) -> str:
    """Remove pinyin glosses after Han characters (規(guī)定 -> 規定); expects NFKC text.

    Mirrors that keep such romanisations would otherwise never match the
    article they copied.
    """
    return _PINYIN_GLOSS_RE.sub("", text) if "(" in text else text


# Fullwidth ASCII forms (U+FF01-FF5E) and the ideographic space: what keeps most Chinese
# text from being NFKC already. Each maps to its one-character NFKC decomposition, so
# NFKC(translated) == NFKC(text); translated text usually passes the quick check and skips
# the (slow) full normalization.
_FULLWIDTH = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH["\u3000"] = " "
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")


def _halfwidth(match: re.Match[str]) -> str:
    return _FULLWIDTH[match.group()]


# Invisible characters farms (and copy-paste) leave inside words: zero-width space, non-
# joiner and joiner, word joiner, BOM, soft hyphen. 借\u200b呗 must match 借呗 in every
# entry point (`yuqi claims` reads text that no extractor has cleaned).
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, faster on Chinese text (see _FULLWIDTH)."""
    text = _FULLWIDTH_RE.sub(_halfwidth, text)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


# normalize_text is pure and one page asks for the same sentence several times (the tagger,
# then the claim family; a repost's sentences again a few pages later). The cache holds the
# last few pages' strings only (a page has tens), so memory stays small.
_NORMALIZED_CACHE = 1024


@lru_cache(maxsize=_NORMALIZED_CACHE)
def normalize_text(text: str) -> str:
    """NFKC, pinyin glosses removed, Traditional -> Simplified, whitespace collapsed,
    lower-case ASCII.

    Used for matching and hashing (fingerprints, text_norm_sha1, claim
    families), never for display: reports quote the original. Results of the
    last calls are cached (a pure function, asked again for the same sentence).
    """
    text = nfkc(text)
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    text = strip_pinyin_glosses(text)
    text = to_simplified(text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text.lower()


def sha1_hex(text: str) -> str:
    """Hex SHA-1 of the UTF-8 bytes of *text*."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def drop_matches(text: str, offsets: list[int], pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    """Remove every match of *pattern* from *text*, keeping *offsets* aligned."""
    keep_text: list[str] = []
    keep_off: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        keep_text.append(text[last : m.start()])
        keep_off.extend(offsets[last : m.start()])
        last = m.end()
    keep_text.append(text[last:])
    keep_off.extend(offsets[last:])
    return "".join(keep_text), keep_off


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalize_text(text)`` and, for each of its characters, the index in *text* it came from.

    Lets a match found on normalized text (Simplified, glosses dropped,
    full-width folded) be quoted from the original. When a step changes the
    length in a way that cannot be followed character by character, offsets
    fall back to a proportional estimate; the text is always normalize_text's.
    """
    expected = normalize_text(text)
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch)
        chars.extend(folded)
        offsets.extend([i] * len(folded))
    step = "".join(chars)
    if step == unicodedata.normalize("NFKC", text):
        if _INVISIBLE_RE.search(step):
            step, offsets = drop_matches(step, offsets, _INVISIBLE_RE)
        step, offsets = drop_matches(step, offsets, _PINYIN_GLOSS_RE) if "(" in step else (
            step, offsets)
        simplified = to_simplified(step)
        if len(simplified) == len(step):
            step = simplified
            spaced = re.finditer(r"\s+", step)
            out_c: list[str] = []
            out_o: list[int] = []
            last = 0
            for m in spaced:
                out_c.append(step[last : m.start()])
                out_o.extend(offsets[last : m.start()])
                out_c.append(" ")
                out_o.append(offsets[m.start()])
                last = m.end()
            out_c.append(step[last:])
            out_o.extend(offsets[last:])
            joined = "".join(out_c)
            lead = len(joined) - len(joined.lstrip())
            joined, out_o = joined.strip(), out_o[lead : lead + len(joined.strip())]
            lowered = joined.lower()
            if lowered == expected and len(out_o) == len(lowered):
                return lowered, out_o
    n = max(len(expected), 1)
    return expected, [min(len(text) - 1, i * len(text) // n) for i in range(len(expected))]
