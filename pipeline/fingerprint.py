"""Near-duplicate fingerprints: character shingles and a 64-bit simhash.

Fingerprints are computed on normalized main text only (never the template),
as character n-grams: word segmentation merges different articles that
answer the same question.

Shingles are hashed to 64 bits in one vectorized pass (`shingle_hashes`); the
simhash is the `simhash` package's algorithm (bit-wise majority of the feature
hashes) over those hashes, bit-identical to ``simhash.Simhash(features,
hashfunc=shingle_hash)`` (tests/test_dedup.py checks it), at a fraction of the
cost of the package's per-feature Python loop.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import numpy.typing as npt

from pipeline.normalize import normalize_text

# Chosen from measured precision/recall (evals/dedup_eval.py).
SHINGLE_SIZE = 4
# Below this many normalized characters a text is too short to fingerprint
# meaningfully (empty and punctuation-only texts all hash alike).
MIN_CHARS = 60

Hashes = npt.NDArray[np.uint64]

_MASK = (1 << 64) - 1
# Odd 64-bit multipliers, one per shingle position (n <= 8).
_MULT = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
         0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x2545F4914F6CDD1D, 0x27D4EB2F165667C5)
_EMPTY: Hashes = np.zeros(0, dtype=np.uint64)
_SHIFTS = np.arange(64, dtype=np.uint64)


# Everything but letters and digits: Python's \w is exactly the Unicode categories L* and N*
# plus "_" (checked over every code point by tests/test_dedup.py), so this drops what a
# per-character category test drops, in one C pass instead of a Python loop.
_NOT_CONTENT = re.compile(r"[\W_]+")


def is_content_char(ch: str) -> bool:
    """True for the characters fingerprints keep: Unicode letters (L*) and numbers (N*)."""
    return unicodedata.category(ch)[0] in {"L", "N"}


def content_only(text: str) -> str:
    """*text* with everything but letters and digits dropped (no normalization)."""
    return _NOT_CONTENT.sub("", text)


def fingerprint_text(text: str) -> str:
    """The text fingerprints are taken over: normalized, letters and digits only."""
    return content_only(normalize_text(text))


def _finalize(x: Hashes) -> Hashes:
    """splitmix64 finalizer (wrapping uint64 arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def core_hashes(core: str, n: int = SHINGLE_SIZE) -> Hashes:
    """Sorted unique 64-bit hashes of the character n-grams of an already normalized core."""
    if len(core) < max(MIN_CHARS, n):
        return _EMPTY
    cps = np.frombuffer(core.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = len(cps) - n + 1
    acc = np.zeros(width, dtype=np.uint64)
    for j in range(n):
        acc += cps[j : j + width] * np.uint64(_MULT[j])
    return np.unique(_finalize(acc))


def shingle_hashes(text: str, n: int = SHINGLE_SIZE) -> Hashes:
    """Sorted unique 64-bit hashes of the text's character n-grams (empty when too short)."""
    return core_hashes(fingerprint_text(text), n)


def shingle_hash(gram: bytes) -> int:
    """One shingle's hash from its UTF-8 bytes (the package-style ``hashfunc``)."""
    cps = [ord(ch) for ch in gram.decode("utf-8")]
    acc = 0
    for j, cp in enumerate(cps):
        acc = (acc + cp * _MULT[j]) & _MASK
    acc ^= acc >> 30
    acc = (acc * 0xBF58476D1CE4E5B9) & _MASK
    acc ^= acc >> 27
    acc = (acc * 0x94D049BB133111EB) & _MASK
    return acc ^ (acc >> 31)


def shingles(text: str, n: int = SHINGLE_SIZE) -> frozenset[str]:
    """Character n-grams of the fingerprint text (empty when the text is too short)."""
    core = fingerprint_text(text)
    if len(core) < MIN_CHARS:
        return frozenset()
    return frozenset(core[i : i + n] for i in range(len(core) - n + 1))


def simhash_of_hashes(hashes: Hashes) -> int:
    """64-bit simhash of unit-weight features given by their hashes (0 when there are none)."""
    if not len(hashes):
        return 0
    # Bit i of every hash, from the little-endian bytes: (n, 64) uint8, bit 0 first.
    matrix = np.unpackbits(np.ascontiguousarray(hashes, dtype="<u8").view(np.uint8)
                           .reshape(-1, 8), axis=1, bitorder="little")
    counts = matrix.sum(axis=0, dtype=np.int64)
    bits = counts * 2 > len(hashes)
    return int((bits.astype(np.uint64) << _SHIFTS).sum())


def simhash64(grams: frozenset[str] | Hashes) -> int:
    """64-bit simhash of a shingle set or of its hashes (0 for an empty set)."""
    if isinstance(grams, np.ndarray):
        return simhash_of_hashes(grams)
    hashes = np.unique(np.array([shingle_hash(g.encode("utf-8")) for g in grams],
                                dtype=np.uint64))
    return simhash_of_hashes(hashes)


def simhash_text(text: str, n: int = SHINGLE_SIZE) -> int:
    """64-bit simhash of a text's shingles (0 when the text is too short)."""
    return simhash_of_hashes(shingle_hashes(text, n))


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return (a ^ b).bit_count()
