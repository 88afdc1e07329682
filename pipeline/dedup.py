"""Incremental near-duplicate clustering.

Candidates come from three indexes, none of them all-pairs:

- exact: identical shingle sets (identical normalized text) join at once;
- simhash bands: the 64-bit simhash split into ``band_radius + 1`` bands, so
  by pigeonhole every pair within ``band_radius`` bits shares a band exactly;
- shingle anchors: each document's ``anchors`` smallest shingle hashes (a
  bottom-k sketch); a candidate must share ``min_shared_anchors`` of them.
  Simhash over the short pages of a content farm is noisy (an edited repost
  is typically 10-20 bits away, as far as some different articles), so a
  wide simhash radius cannot be indexed near-linearly; the anchors recover
  those reposts (see evals/dedup_eval.py for the measurement).

An exact shingle Jaccard or containment check confirms every candidate.
Cluster ids never change once given: a new document joins the cluster of its
best confirmed match or starts a new one.  The same code backs `yuqi dedup`
and the warehouse load.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from pipeline.fingerprint import SHINGLE_SIZE, Hashes, hamming, shingle_hashes, simhash_of_hashes


@dataclass(frozen=True, slots=True)
class DedupParams:
    """Every threshold of the clusterer; the defaults are the measured choice (evals/dedup_eval)."""

    shingle_size: int = SHINGLE_SIZE
    band_radius: int = 3
    anchors: int = 16
    min_shared_anchors: int = 2
    max_posting: int = 64
    min_jaccard: float = 0.5
    min_containment: float = 0.8


DEFAULT_PARAMS = DedupParams()
# Kept for callers of the skeleton's names.
MIN_JACCARD = DEFAULT_PARAMS.min_jaccard
MIN_CONTAINMENT = DEFAULT_PARAMS.min_containment


@dataclass(frozen=True, slots=True)
class DedupInput:
    """One document to place in a cluster."""

    doc_id: str
    text: str
    published: str | None = None
    fetched_at: str = ""


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where a document landed: its cluster and how close it is to the match that put it there."""

    doc_id: str
    cluster_id: str
    matched_doc_id: str | None
    distance: int | None
    similarity: float | None
    simhash: int


def overlap(a: Hashes, b: Hashes) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two sorted unique hash sets."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def score(a: Hashes, b: Hashes, params: DedupParams = DEFAULT_PARAMS) -> float:
    """Confirmation score: max of Jaccard and containment scaled onto the Jaccard threshold.

    A pair is confirmed when the score reaches ``params.min_jaccard``, i.e. when
    Jaccard >= min_jaccard or containment >= min_containment.
    """
    jaccard, containment = overlap(a, b)
    return max(jaccard, containment * params.min_jaccard / params.min_containment)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """`score` on shingle sets given as strings (kept for callers of the skeleton)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jaccard = inter / len(a | b)
    containment = inter / min(len(a), len(b))
    return max(jaccard, containment * MIN_JACCARD / MIN_CONTAINMENT)


def _bands(radius: int) -> list[tuple[int, int]]:
    """(shift, mask) of ``radius + 1`` near-equal bands covering the 64 bits."""
    count = radius + 1
    edges = [round(i * 64 / count) for i in range(count + 1)]
    return [(lo, (1 << (hi - lo)) - 1) for lo, hi in zip(edges, edges[1:], strict=False)]


class Clusterer:
    """Holds the clustered documents so far and places new ones."""

    def __init__(self, params: DedupParams = DEFAULT_PARAMS) -> None:
        self.params = params
        self._doc_ids: list[str] = []
        self._clusters: list[str] = []
        self._simhashes: list[int] = []
        self._hashes: list[Hashes] = []
        self._exact: dict[bytes, int] = {}
        self._band_specs = _bands(params.band_radius)
        self._band_index: list[dict[int, list[int]]] = [{} for _ in self._band_specs]
        self._anchor_index: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._doc_ids)

    def _hashes_of(self, text: str) -> Hashes:
        return shingle_hashes(text, self.params.shingle_size)

    def _register(self, doc_id: str, cluster_id: str, fp: int, hashes: Hashes) -> None:
        idx = len(self._doc_ids)
        self._doc_ids.append(doc_id)
        self._clusters.append(cluster_id)
        self._simhashes.append(fp)
        self._hashes.append(hashes)
        if not len(hashes):
            return  # too short: never a candidate for anything
        self._exact.setdefault(hashlib.blake2b(hashes.tobytes(), digest_size=16).digest(), idx)
        for (shift, mask), index in zip(self._band_specs, self._band_index, strict=True):
            index.setdefault((fp >> shift) & mask, []).append(idx)
        cap = self.params.max_posting
        for anchor in hashes[: self.params.anchors].tolist():
            posting = self._anchor_index.setdefault(anchor, [])
            if len(posting) < cap:
                posting.append(idx)

    def _candidates(self, fp: int, hashes: Hashes) -> list[int]:
        params = self.params
        found: set[int] = set()
        for (shift, mask), index in zip(self._band_specs, self._band_index, strict=True):
            for idx in index.get((fp >> shift) & mask, ()):
                if hamming(fp, self._simhashes[idx]) <= params.band_radius:
                    found.add(idx)
        hits: Counter[int] = Counter()
        for anchor in hashes[: params.anchors].tolist():
            hits.update(self._anchor_index.get(anchor, ()))
        found.update(idx for idx, n in hits.items() if n >= params.min_shared_anchors)
        return sorted(found)

    def place(self, doc_id: str, hashes: Hashes) -> Assignment:
        """Place one new document given its sorted unique shingle hashes."""
        fp = simhash_of_hashes(hashes)
        match: tuple[float, int] | None = None
        if len(hashes):
            exact = self._exact.get(hashlib.blake2b(hashes.tobytes(), digest_size=16).digest())
            if exact is not None:
                match = (1.0, exact)
            else:
                for idx in self._candidates(fp, hashes):
                    sim = score(hashes, self._hashes[idx], self.params)
                    if sim >= self.params.min_jaccard and (match is None or sim > match[0]):
                        match = (sim, idx)
        if match is None:
            cluster_id = f"c-{doc_id}"
            assignment = Assignment(doc_id, cluster_id, None, None, None, fp)
        else:
            sim, idx = match
            cluster_id = self._clusters[idx]
            assignment = Assignment(doc_id, cluster_id, self._doc_ids[idx],
                                    hamming(fp, self._simhashes[idx]), round(sim, 4), fp)
        self._register(doc_id, cluster_id, fp, hashes)
        return assignment

    def add_existing(self, doc_id: str, cluster_id: str, text: str) -> None:
        """Register a document already clustered in an earlier run (its cluster is kept)."""
        self.add_existing_hashes(doc_id, cluster_id, self._hashes_of(text))

    def add_existing_hashes(self, doc_id: str, cluster_id: str, hashes: Hashes) -> None:
        """`add_existing` given the document's sorted unique shingle hashes."""
        self._register(doc_id, cluster_id, simhash_of_hashes(hashes), hashes)

    def assign(self, doc: DedupInput) -> Assignment:
        """Place one new document: join the best confirmed match's cluster or start one."""
        return self.place(doc.doc_id, self._hashes_of(doc.text))

    def assign_all(self, docs: Iterable[DedupInput]) -> list[Assignment]:
        """Place documents oldest first (published, then fetched): the earliest founds a cluster."""
        ordered = sorted(docs, key=lambda d: (d.published or "9999", d.fetched_at, d.doc_id))
        return [self.assign(d) for d in ordered]
