"""Incremental near-duplicate clustering.

Simhash finds candidates (a wide Hamming radius); an exact shingle Jaccard
or containment check confirms them.  Cluster ids never change once given:
a new document joins the cluster of its best confirmed match or starts a
new one.  The same code backs `yuqi dedup` and the warehouse load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.fingerprint import hamming, shingles, simhash64

# Candidate radius and confirmation thresholds (skeleton values; the Dedup
# issue measures and tunes them on labelled pairs).
MAX_HAMMING = 14
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8


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


@dataclass(slots=True)
class _Member:
    doc_id: str
    cluster_id: str
    simhash: int
    grams: frozenset[str]


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Max of Jaccard and (scaled) containment of the smaller set in the larger one."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jaccard = inter / len(a | b)
    containment = inter / min(len(a), len(b))
    return max(jaccard, containment * MIN_JACCARD / MIN_CONTAINMENT)


class Clusterer:
    """Holds the clustered documents so far and places new ones."""

    def __init__(self) -> None:
        self._members: list[_Member] = []

    def add_existing(self, doc_id: str, cluster_id: str, text: str) -> None:
        """Register a document already clustered in an earlier run (its cluster is kept)."""
        grams = shingles(text)
        self._members.append(_Member(doc_id, cluster_id, simhash64(grams), grams))

    def assign(self, doc: DedupInput) -> Assignment:
        """Place one new document: join the best confirmed match's cluster or start one."""
        grams = shingles(doc.text)
        fp = simhash64(grams)
        best: tuple[float, int, _Member] | None = None
        if grams:
            for member in self._members:
                if not member.grams:
                    continue
                dist = hamming(fp, member.simhash)
                if dist > MAX_HAMMING:
                    continue
                sim = similarity(grams, member.grams)
                if sim >= MIN_JACCARD and (best is None or sim > best[0]):
                    best = (sim, dist, member)
        if best is None:
            cluster_id = f"c-{doc.doc_id}"
            assignment = Assignment(doc.doc_id, cluster_id, None, None, None, fp)
        else:
            sim, dist, member = best
            cluster_id = member.cluster_id
            assignment = Assignment(doc.doc_id, cluster_id, member.doc_id, dist, round(sim, 4), fp)
        self._members.append(_Member(doc.doc_id, cluster_id, fp, grams))
        return assignment

    def assign_all(self, docs: Iterable[DedupInput]) -> list[Assignment]:
        """Place documents oldest first (published, then fetched): the earliest founds a cluster."""
        ordered = sorted(docs, key=lambda d: (d.published or "9999", d.fetched_at, d.doc_id))
        return [self.assign(d) for d in ordered]
