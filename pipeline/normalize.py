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


def to_simplified(text: str) -> str:
    """Convert Traditional-script Chinese to Simplified (OpenCC t2s)."""
    return str(_t2s().convert(text))


def strip_pinyin_glosses(text: str) -> str:
    """Remove pinyin glosses after Han characters (規(guī)定 -> 規定); expects NFKC text.

    Mirrors that keep such romanisations would otherwise never match the
    article they copied.
    """
    return _PINYIN_GLOSS_RE.sub("", text) if "(" in text else text


def normalize_text(text: str) -> str:
    """NFKC, pinyin glosses removed, Traditional -> Simplified, whitespace collapsed,
    lower-case ASCII.

    Used for matching and hashing (fingerprints, text_norm_sha1, claim
    families), never for display: reports quote the original.
    """
    text = unicodedata.normalize("NFKC", text)
    text = strip_pinyin_glosses(text)
    text = to_simplified(text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text.lower()


def sha1_hex(text: str) -> str:
    """Hex SHA-1 of the UTF-8 bytes of *text*."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
