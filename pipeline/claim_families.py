"""Fuzzy claim families: copies of one sentence with small edits count as one claim.

A claim family used to be one exact normalized sentence. Farms copy sentences with
small edits (a spun word, another product name, a stray word), and each edited copy
then counted as a claim of its own, attributed to the article it sits in. Here two
sentences are one family when

- their labels agree exactly (topics, stance, modality, hedge, duration): a family
  never mixes what is said, only how it is worded; and
- their *family texts* (normalized, product names masked, letters and digits only)
  share at least ``MIN_DICE`` of their character bigrams (Dice coefficient).

Assignment is incremental and stable like duplicate clusters: a sentence joins the
family of its most similar earlier sentence with the same labels, or founds a family
whose id is its own sentence hash. Sentences are assigned earliest first, so the
founder is the earliest copy (the one the report quotes).
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.fingerprint import content_only
from pipeline.normalize import normalize_text

# Two sentences with the same labels are one family from this bigram Dice coefficient
# (a spun sentence: 0.6-0.9 with its source; chosen on the demo web, evals/answers_eval).
MIN_DICE = 0.6
# Candidates: sentences sharing one of a new sentence's ANCHORS smallest bigram hashes;
# each posting keeps its first MAX_POSTING sentences, the MAX_CANDIDATES best are compared.
ANCHORS = 6
MAX_POSTING = 64
MAX_CANDIDATES = 16



def family_text(sentence: str, product_aliases: Iterable[str] = ()) -> str:
    """The sentence as families compare it: normalized, products masked, letters and digits."""
    return content_only(mask_products(normalize_text(sentence), product_aliases))


def mask_products(text: str, product_aliases: Iterable[str]) -> str:
    """*text* with every product name among *product_aliases* replaced by "P": two articles
    about one product share its name in every sentence, a copy with another product's
    name is still a copy."""
    masker = _masker(tuple(product_aliases))
    return masker.sub("P", text) if masker is not None else text


@functools.lru_cache(maxsize=8)
def _masker(aliases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every alias, longest first (so 京东金条 wins over 京东)."""
    names = sorted({a for a in aliases if a}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) or frozenset({text})


def _anchors(grams: frozenset[str]) -> list[int]:
    """The ``ANCHORS`` smallest stable hashes of a sentence's bigrams (a bottom-k sketch)."""
    return sorted(zlib.crc32(g.encode("utf-8")) for g in grams)[:ANCHORS]


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


@dataclass(frozen=True, slots=True)
class FamilyMember:
    """A sentence to place: its key (sentence hash), label signature and family text."""

    key: str
    signature: str
    text: str


class FamilyIndex:
    """Sentences already in families, by label signature; places new ones.

    Near-linear: identical family texts join at once; otherwise candidates are the
    sentences with the same labels sharing a bigram anchor (bottom-k sketch, postings
    capped like the dedup index), and at most ``MAX_CANDIDATES`` of them are compared.
    """

    def __init__(self, min_dice: float = MIN_DICE) -> None:
        self.min_dice = min_dice
        self._family: dict[tuple[str, str], str] = {}
        self._exact: dict[tuple[str, str], str] = {}
        self._texts: list[str] = []
        self._families: list[str] = []
        self._postings: dict[tuple[str, int], list[int]] = {}

    def add(self, member: FamilyMember, family_id: str) -> None:
        """Register a sentence already in *family_id* (from an earlier load)."""
        if (member.key, member.signature) in self._family:
            return
        self._family[(member.key, member.signature)] = family_id
        if (member.signature, member.text) in self._exact:
            return  # the same text is indexed already (the first copy's family keeps it)
        self._exact[(member.signature, member.text)] = family_id
        idx = len(self._texts)
        self._texts.append(member.text)
        self._families.append(family_id)
        for anchor in _anchors(_bigrams(member.text)):
            posting = self._postings.setdefault((member.signature, anchor), [])
            if len(posting) < MAX_POSTING:
                posting.append(idx)

    def place(self, member: FamilyMember) -> str:
        """The family of a new sentence: its best match's (Dice >= min_dice) or its own."""
        known = self._family.get((member.key, member.signature))
        if known is None:
            known = self._exact.get((member.signature, member.text))
        if known is not None:
            self.add(member, known)
            return known
        grams = _bigrams(member.text)
        hits: Counter[int] = Counter()
        for anchor in _anchors(grams):
            hits.update(self._postings.get((member.signature, anchor), ()))
        best, best_dice = member.key, 0.0
        for idx, _ in sorted(hits.items(), key=lambda h: (-h[1], h[0]))[:MAX_CANDIDATES]:
            similarity = dice(grams, _bigrams(self._texts[idx]))
            if similarity >= self.min_dice and similarity > best_dice:
                best, best_dice = self._families[idx], similarity
        self.add(member, best)
        return best


def label_signature(topics: Iterable[str], stance: str | None, modality: str | None,
                    hedge: str | None, min_days: int | None, max_days: int | None) -> str:
    """What must agree for two sentences to be one family (the warehouse's
    ``claim_signature`` macro gives the same string)."""
    parts = [",".join(sorted(topics)), stance or "", modality or "", hedge or "",
             "" if min_days is None else str(min_days), "" if max_days is None else str(max_days)]
    return "|".join(parts)


@functools.cache
def product_names() -> tuple[str, ...]:
    """Every product name and alias of the claims taxonomy: what family texts mask."""
    from pipeline.claims import load_taxonomy

    return tuple(a for p in load_taxonomy().products for a in (p.canonical, *p.aliases))


def assign_families(known: Sequence[tuple[str, str, str, str]],
                    new: Sequence[tuple[str, str, str, str]],
                    product_aliases: Iterable[str] = ()) -> list[tuple[str, str, str, str]]:
    """Families for *new* sentences (key, signature, sentence, family text or "" when not
    yet computed from the sentence; earliest first) given the *known* ones (key,
    signature, family id, family text): (key, signature, family id, family text) per new
    sentence. The warehouse's `FamilyAssigner`."""
    aliases = tuple(product_aliases)
    index = FamilyIndex()
    for key, signature, family_id, text in known:
        index.add(FamilyMember(key, signature, text), family_id)
    out = []
    texts: dict[str, str] = {}  # one normalized sentence (key) has one family text
    for key, signature, sentence, given in new:
        if key not in texts:
            texts[key] = given or family_text(sentence, aliases)
        text = texts[key]
        out.append((key, signature, index.place(FamilyMember(key, signature, text)), text))
    return out
