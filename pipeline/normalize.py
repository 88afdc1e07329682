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


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional-script Chinese to Simplified (OpenCC t2s)."""
    return str(_t2s().convert(text))


def normalize_text(text: str) -> str:
    """NFKC, Traditional -> Simplified, collapse whitespace, lower-case ASCII.

    Used for matching and hashing, never for display.
    """
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text.lower()


def sha1_hex(text: str) -> str:
    """Hex SHA-1 of the UTF-8 bytes of *text*."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
