"""Near-duplicate fingerprints: character shingles and a 64-bit simhash.

Fingerprints are computed on normalized main text only (never the template),
as character n-grams: word segmentation merges different articles that
answer the same question.
"""

from __future__ import annotations

import unicodedata

from simhash import Simhash

from pipeline.normalize import normalize_text

SHINGLE_SIZE = 4
# Below this many normalized characters a text is too short to fingerprint
# meaningfully (empty and punctuation-only texts all hash alike).
MIN_CHARS = 60


def _is_content_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in {"L", "N"}


def fingerprint_text(text: str) -> str:
    """The text fingerprints are taken over: normalized, letters and digits only."""
    norm = normalize_text(text)
    return "".join(ch for ch in norm if _is_content_char(ch))


def shingles(text: str, n: int = SHINGLE_SIZE) -> frozenset[str]:
    """Character n-grams of the fingerprint text (empty when the text is too short)."""
    core = fingerprint_text(text)
    if len(core) < MIN_CHARS:
        return frozenset()
    return frozenset(core[i : i + n] for i in range(len(core) - n + 1))


def simhash64(grams: frozenset[str]) -> int:
    """64-bit simhash of a shingle set (0 for an empty set)."""
    if not grams:
        return 0
    return int(Simhash(sorted(grams), f=64).value)


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return (a ^ b).bit_count()


