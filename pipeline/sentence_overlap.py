"""Sentence coverage: how much of one text is a (possibly spun) copy of another's sentences.

Character 4-gram overlap (``pipeline.fingerprint``) misses the reposts content
farms make with spinning tools ("伪原创"): a synonym every few characters and
stray words stuffed between words leave a copy with a third of its 4-grams.
Sentence by sentence, though, such a copy still holds most of each source
sentence's character *bigrams* in one sentence of its own, in the same place of
the argument. So two texts are compared here sentence by sentence: a sentence of
the shorter text is *covered* when one sentence of the other contains at least
``SENTENCE_BAR`` of its bigrams, and the coverage is the share of the shorter
text's characters in covered sentences.

Different articles on the same question share a few formulaic sentences, and a
stitched article (sentences pooled from several others) shares up to two thirds
of its sentences with one of them; a spun or truncated copy covers far more
(evals/dedup_eval.py prints both distributions). ``pipeline.dedup`` uses the
coverage only to confirm candidates that the 4-gram check could not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.claim_families import mask_products, product_names
from pipeline.claims.segment import heading_level
from pipeline.fingerprint import content_only
from pipeline.normalize import normalize_text

# A sentence of the shorter text is covered when one sentence of the other holds this
# share of its character bigrams (a spun sentence keeps 0.6-0.9; chosen in dedup_eval).
SENTENCE_BAR = 0.5
# Sentences shorter than this (content characters) say too little to count either way.
MIN_SENTENCE_CHARS = 6

_SENTENCE_END = re.compile(r"[。！？!?；;\n]+")


@dataclass(frozen=True, slots=True)
class SentenceSketch:
    """A text's sentences as sets of character bigrams, with their lengths in characters."""

    grams: tuple[frozenset[str], ...]
    chars: tuple[int, ...]

    @property
    def total_chars(self) -> int:
        """Content characters in the sketched sentences."""
        return sum(self.chars)


EMPTY_SKETCH = SentenceSketch((), ())


def sentence_sketch(text: str) -> SentenceSketch:
    """The sketch of *text*: normalized (Simplified, NFKC), product names masked, letters
    and digits per sentence, headings left out (short lines without sentence punctuation):
    stitched articles about one product share its name and their question headings."""
    grams: list[frozenset[str]] = []
    chars: list[int] = []
    # Headings name a question (一、逾期会上门吗), and stitched articles about one product
    # share them: not counted. Lines one by one: normalize_text folds newlines.
    body = "\n".join(normalize_text(line) for line in text.splitlines()
                     if heading_level(line.strip()) is None)
    body = mask_products(body, product_names())
    for raw in _SENTENCE_END.split(body):
        core = content_only(raw)
        if len(core) < MIN_SENTENCE_CHARS:
            continue
        grams.append(frozenset(core[i : i + 2] for i in range(len(core) - 1)))
        chars.append(len(core))
    return SentenceSketch(tuple(grams), tuple(chars))


def _covered_share(short: SentenceSketch, long: SentenceSketch, bar: float) -> float:
    """Share of *short*'s characters in sentences that one sentence of *long* covers."""
    postings: dict[str, list[int]] = {}
    for j, grams in enumerate(long.grams):
        for gram in grams:
            postings.setdefault(gram, []).append(j)
    covered = 0
    for grams, chars in zip(short.grams, short.chars, strict=True):
        hits: Counter[int] = Counter()
        for gram in grams:
            hits.update(postings.get(gram, ()))
        if hits and max(hits.values()) >= bar * len(grams):
            covered += chars
    return covered / short.total_chars


def sentence_coverage(a: SentenceSketch, b: SentenceSketch, bar: float = SENTENCE_BAR) -> float:
    """Coverage of the shorter text's sentences by the longer's (0 when either is empty).

    The shorter side is measured so that a repost truncated to one stretch of the
    article still counts as fully copied, as the 4-gram containment does.
    """
    if not a.grams or not b.grams:
        return 0.0
    short, long = (a, b) if a.total_chars <= b.total_chars else (b, a)
    return _covered_share(short, long, bar)
