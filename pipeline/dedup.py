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

An exact shingle Jaccard or containment check confirms every candidate; a
candidate that fails it but shares enough shingles is confirmed when the
sentences of the shorter text are covered by the other's
(``pipeline.sentence_overlap``): a spun repost (synonyms, stuffed words) keeps
each sentence's character bigrams though it loses most 4-grams.
Cluster ids never change once given: a new document joins the cluster of its
best confirmed match or starts a new one.  The same code backs `yuqi dedup`
and the warehouse load.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.fingerprint import SHINGLE_SIZE, Hashes, hamming, shingle_hashes, simhash_of_hashes
from pipeline.sentence_overlap import SentenceSketch, sentence_coverage, sentence_sketch


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
    # The sentence stage: tried when the shingle containment reaches the prefilter,
    # confirms at this sentence coverage (above 1 turns the stage off).
    sentence_prefilter: float = 0.15
    min_sentence_coverage: float = 0.75


DEFAULT_PARAMS = DedupParams()
# Members of one cluster compared with a new document, nearest simhash first: a document
# that matches none of a cluster's nearest few does not belong to it.
MAX_TRIES_PER_CLUSTER = 8


@dataclass(frozen=True, slots=True)
class DedupInput:
    """One document to place in a cluster."""

    doc_id: str
    text: str
    published: str | None = None
    fetched_at: str = ""


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where a document landed: its cluster, the match that put it there, and its canonical.

    ``distance``/``similarity`` are to ``matched_doc_id`` (the best confirmed match);
    the ``canonical_*`` fields are to the cluster's founder (the earliest published
    document known when the cluster was founded; the document itself for a founder).
    """

    doc_id: str
    cluster_id: str
    matched_doc_id: str | None
    distance: int | None
    similarity: float | None
    simhash: int
    canonical_doc_id: str | None = None
    canonical_distance: int | None = None
    canonical_similarity: float | None = None


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What a later run needs of a clustered document instead of its text.

    ``anchors`` are the document's ``DedupParams.anchors`` smallest shingle hashes,
    ``exact_key`` a 64-bit digest of its full shingle-hash set (None when the text
    is too short to fingerprint: such a document is never a candidate). The full
    set, needed only to confirm a candidate, is recomputed from the text of the
    few candidates a new document actually meets.
    """

    doc_id: str
    cluster_id: str
    simhash: int
    exact_key: int | None
    anchors: tuple[int, ...]
    # The cluster's founder (canonical document): set on entries read back from a stored
    # index (the warehouse's lookup); `Clusterer` tracks founders of what it places itself.
    founder: bool = False


@dataclass(frozen=True, slots=True)
class ClusteredDoc:
    """A document already in a cluster, with its (cleaned) text: what re-indexing reads."""

    doc_id: str
    cluster_id: str
    text: str


# doc_ids -> their current texts (the warehouse's; missing ids are treated as empty).
TextFetcher = Callable[[Sequence[str]], Mapping[str, str]]


def exact_key(hashes: Hashes) -> int | None:
    """64-bit digest of a full shingle-hash set: equal keys are identical normalized texts."""
    if not len(hashes):
        return None
    return int.from_bytes(hashlib.blake2b(hashes.tobytes(), digest_size=8).digest(), "little")


def overlap(a: Hashes, b: Hashes) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two sorted unique hash sets."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    if len(a) > len(b):
        a, b = b, a
    # Both sorted and unique: look each of the smaller set up in the larger (no merge sort).
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    inter = int(np.count_nonzero(b[at] == a))
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def score(a: Hashes, b: Hashes, params: DedupParams = DEFAULT_PARAMS) -> float:
    """Confirmation score: max of Jaccard and containment scaled onto the Jaccard threshold.

    A pair is confirmed when the score reaches ``params.min_jaccard``, i.e. when
    Jaccard >= min_jaccard or containment >= min_containment.
    """
    return _shingle_score(*overlap(a, b), params)


def _shingle_score(jaccard: float, containment: float, params: DedupParams) -> float:
    return max(jaccard, containment * params.min_jaccard / params.min_containment)


def _bands(radius: int) -> list[tuple[int, int]]:
    """(shift, mask) of ``radius + 1`` near-equal bands covering the 64 bits."""
    count = radius + 1
    edges = [round(i * 64 / count) for i in range(count + 1)]
    return [(lo, (1 << (hi - lo)) - 1) for lo, hi in zip(edges, edges[1:], strict=False)]


class Clusterer:
    """Holds the clustered documents so far and places new ones.

    Documents come in three ways: `place`/`assign` (new, from their shingle hashes
    or text), `add_existing` (an earlier run's, from its text) and `add_indexed`
    (an earlier run's, from its stored `IndexEntry`: no text is read unless the
    document turns out to be a candidate, when *fetch_texts* supplies it). The three
    give the same clusters provided earlier documents are added in the order they
    were first placed.
    """

    def __init__(self, params: DedupParams = DEFAULT_PARAMS,
                 fetch_texts: TextFetcher | None = None) -> None:
        self.params = params
        self._fetch = fetch_texts
        self._doc_ids: list[str] = []
        self._clusters: list[str] = []
        self._simhashes: list[int] = []
        self._hashes: list[Hashes | None] = []
        # Texts kept (by reference) for the sentence stage, and their sketches once made.
        self._texts: list[str | None] = []
        self._sketches: dict[int, SentenceSketch] = {}
        self._exact: dict[int, int] = {}
        self._founders: dict[str, int] = {}
        self._band_specs = _bands(params.band_radius)
        self._band_index: list[dict[int, list[int]]] = [{} for _ in self._band_specs]
        # Anchor postings: most anchors belong to one document, so the first document of
        # each anchor is a plain int and only shared anchors get a list (16 lists per
        # document made the garbage collector's full passes, and memory, grow faster than N).
        self._anchor_first: dict[int, int] = {}
        self._anchor_more: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._doc_ids)

    @property
    def band_specs(self) -> list[tuple[int, int]]:
        """(shift, mask) of the simhash bands, for an index kept outside (the warehouse)."""
        return list(self._band_specs)

    def _hashes_of(self, text: str) -> Hashes:
        return shingle_hashes(text, self.params.shingle_size)

    def entry(self, doc_id: str, cluster_id: str, hashes: Hashes) -> IndexEntry:
        """The `IndexEntry` of a document given its sorted unique shingle hashes."""
        return IndexEntry(doc_id, cluster_id, simhash_of_hashes(hashes), exact_key(hashes),
                          tuple(hashes[: self.params.anchors].tolist()))

    def entry_of_text(self, doc_id: str, cluster_id: str, text: str) -> IndexEntry:
        """The `IndexEntry` of a document given its text (what the warehouse stores)."""
        return self.entry(doc_id, cluster_id, self._hashes_of(text))

    def _register(self, entry: IndexEntry, hashes: Hashes | None, founder: bool,
                  text: str | None = None) -> int:
        idx = len(self._doc_ids)
        self._doc_ids.append(entry.doc_id)
        self._clusters.append(entry.cluster_id)
        self._simhashes.append(entry.simhash)
        self._hashes.append(hashes)
        self._texts.append(text)
        if founder:
            self._founders.setdefault(entry.cluster_id, idx)
        if entry.exact_key is None:
            return idx  # too short: never a candidate for anything
        self._exact.setdefault(entry.exact_key, idx)
        fp = entry.simhash
        cap = self.params.max_posting
        for (shift, mask), index in zip(self._band_specs, self._band_index, strict=True):
            # Capped like the anchor postings: a bucket full of one big cluster's members
            # already leads a new member to it, and scanning it grew with the cluster.
            bucket = index.setdefault((fp >> shift) & mask, [])
            if len(bucket) < cap:
                bucket.append(idx)
        first, more = self._anchor_first, self._anchor_more
        for anchor in entry.anchors:
            if first.setdefault(anchor, idx) == idx:
                continue
            posting = more.get(anchor)
            if posting is None:
                more[anchor] = [idx]
            elif len(posting) < cap - 1:
                posting.append(idx)
        return idx

    def _candidates(self, fp: int, anchors: Sequence[int]) -> list[int]:
        params = self.params
        simhashes = self._simhashes
        found: set[int] = set()
        for (shift, mask), index in zip(self._band_specs, self._band_index, strict=True):
            bucket = index.get((fp >> shift) & mask)
            if bucket:
                found.update(i for i in bucket if (fp ^ simhashes[i]).bit_count()
                             <= params.band_radius)
        first, more = self._anchor_first, self._anchor_more
        hits: Counter[int] = Counter()
        for anchor in anchors:
            idx = first.get(anchor)
            if idx is not None:
                hits[idx] += 1
                posting = more.get(anchor)
                if posting:
                    hits.update(posting)
        need = params.min_shared_anchors
        found.update(idx for idx, n in hits.items() if n >= need)
        return sorted(found)

    def _load_hashes(self, indices: Iterable[int]) -> None:
        """Fill in the shingle hashes of indexed documents from their texts, in one fetch."""
        missing = sorted({i for i in indices if self._hashes[i] is None})
        if not missing:
            return
        if self._fetch is None:
            raise RuntimeError("Clusterer: an indexed document is a candidate but no "
                               "fetch_texts was given to read its text")
        texts = self._fetch([self._doc_ids[i] for i in missing])
        for i in missing:
            text = texts.get(self._doc_ids[i], "")
            self._hashes[i] = self._hashes_of(text)
            self._texts[i] = text

    def _stored(self, idx: int) -> Hashes:
        self._load_hashes((idx,))
        hashes = self._hashes[idx]
        assert hashes is not None
        return hashes

    def prefetch(self, hash_sets: Iterable[Hashes]) -> None:
        """Read, in one fetch, the texts of every indexed candidate (and its cluster's founder)
        of the given new documents; `place` would otherwise fetch them one document at a time."""
        self._prefetch_entries(self.entry("", "", hashes) for hashes in hash_sets
                               if len(hashes))

    def _prefetch_entries(self, entries: Iterable[IndexEntry]) -> None:
        """`prefetch` given the new documents' index entries (their simhash and anchors)."""
        if self._fetch is None:
            return
        wanted: set[int] = set()
        for entry in entries:
            if entry.exact_key is None:  # no shingles: no candidates
                continue
            for idx in self._candidates(entry.simhash, entry.anchors):
                wanted.add(idx)
                founder = self._founders.get(self._clusters[idx])
                if founder is not None:
                    wanted.add(founder)
        self._load_hashes(wanted)

    def _sketch(self, idx: int) -> SentenceSketch | None:
        sketch = self._sketches.get(idx)
        if sketch is None:
            text = self._texts[idx]
            if text is None:
                return None
            sketch = self._sketches[idx] = sentence_sketch(text)
        return sketch

    def _similarity(self, hashes: Hashes, text: str | None, idx: int,
                    sketch: list[SentenceSketch]) -> float:
        """Confirmation score of a new document against indexed document *idx*.

        The shingle `score`; when that fails, a sentence coverage scaled onto the
        same threshold (so >= ``min_jaccard`` still means confirmed). *sketch* holds
        the new document's sketch once made (made at most once per document).
        """
        params = self.params
        jaccard, containment = overlap(hashes, self._stored(idx))
        sim = _shingle_score(jaccard, containment, params)
        if (sim >= params.min_jaccard or text is None
                or containment < params.sentence_prefilter):
            return sim
        other = self._sketch(idx)
        if other is None:
            return sim
        if not sketch:
            sketch.append(sentence_sketch(text))
        coverage = sentence_coverage(sketch[0], other)
        return max(sim, coverage * params.min_jaccard / params.min_sentence_coverage)

    def _best_match(self, fp: int, hashes: Hashes, candidates: list[int],
                    text: str | None = None) -> tuple[float, int] | None:
        """The confirmed candidate to join: (score, index), or None.

        Candidates are tried nearest simhash first, and once one member of a cluster is
        confirmed the rest of that cluster is not compared: a document near a big cluster
        costs a few comparisons, not one per member (that made `yuqi dedup` on 20k
        near-duplicates take minutes). Between clusters the best score wins.
        """
        simhashes, clusters = self._simhashes, self._clusters
        order = sorted(candidates, key=lambda i: ((fp ^ simhashes[i]).bit_count(), i))
        confirmed: dict[str, tuple[float, int]] = {}
        tried: Counter[str] = Counter()
        todo = []
        for idx in order:
            cluster = clusters[idx]
            if tried[cluster] < MAX_TRIES_PER_CLUSTER:
                tried[cluster] += 1
                todo.append(idx)
        self._load_hashes(todo)
        sketch: list[SentenceSketch] = []
        for idx in todo:
            cluster = clusters[idx]
            if cluster in confirmed:
                continue
            sim = self._similarity(hashes, text, idx, sketch)
            if sim >= self.params.min_jaccard:
                confirmed[cluster] = (sim, idx)
        return max(confirmed.values(), key=lambda m: (m[0], -m[1]), default=None)

    def place(self, doc_id: str, hashes: Hashes, text: str | None = None,
              entry: IndexEntry | None = None) -> Assignment:
        """Place one new document given its sorted unique shingle hashes.

        With its *text* the sentence stage can confirm spun copies too; without it
        only shingles are compared. *entry* is its `entry` when the caller has it already.
        """
        if entry is None:
            entry = self.entry(doc_id, "", hashes)
        fp = entry.simhash
        match: tuple[float, int] | None = None
        if entry.exact_key is not None:
            exact = self._exact.get(entry.exact_key)
            if exact is not None:
                match = (1.0, exact)
            else:
                match = self._best_match(fp, hashes, self._candidates(fp, entry.anchors),
                                         text)
        if match is None:
            cluster_id = f"c-{doc_id}"
            assignment = Assignment(doc_id, cluster_id, None, None, None, fp, doc_id, 0, 1.0)
        else:
            sim, idx = match
            cluster_id = self._clusters[idx]
            distance = hamming(fp, self._simhashes[idx])
            canonical: tuple[str | None, int | None, float | None] = (None, None, None)
            founder = self._founders.get(cluster_id)
            if founder == idx:
                canonical = (self._doc_ids[idx], distance, round(sim, 4))
            elif founder is not None:
                canonical = (self._doc_ids[founder], hamming(fp, self._simhashes[founder]),
                             round(self._similarity(hashes, text, founder, []), 4))
            assignment = Assignment(doc_id, cluster_id, self._doc_ids[idx], distance,
                                    round(sim, 4), fp, *canonical)
        self._register(IndexEntry(doc_id, cluster_id, fp, entry.exact_key, entry.anchors),
                       hashes, founder=match is None, text=text)
        return assignment

    def add_existing(self, doc_id: str, cluster_id: str, text: str) -> None:
        """Register a document already clustered in an earlier run (its cluster is kept)."""
        hashes = self._hashes_of(text)
        self._register(self.entry(doc_id, cluster_id, hashes), hashes,
                       founder=cluster_id == f"c-{doc_id}", text=text)

    def add_existing_hashes(self, doc_id: str, cluster_id: str, hashes: Hashes) -> None:
        """`add_existing` given the document's sorted unique shingle hashes.

        The document counts as its cluster's founder when the cluster id is the one
        `place` gives a founder (``c-<doc_id>``).
        """
        self._register(self.entry(doc_id, cluster_id, hashes), hashes,
                       founder=cluster_id == f"c-{doc_id}")

    def add_indexed(self, entry: IndexEntry, founder: bool) -> None:
        """Register an earlier run's document from its stored index entry, without its text.

        Its shingle hashes are read (via *fetch_texts*) only if it becomes a candidate
        or the founder of a cluster a new document joins.
        """
        self._register(entry, None, founder)

    def assign(self, doc: DedupInput) -> Assignment:
        """Place one new document: join the best confirmed match's cluster or start one."""
        return self.place(doc.doc_id, self._hashes_of(doc.text), doc.text)

    def hashed(self, doc: DedupInput) -> tuple[Hashes, IndexEntry]:
        """A new document's sorted unique shingle hashes and its index entry (no cluster yet):
        what `assign_all` takes to place it without hashing its text again."""
        hashes = self._hashes_of(doc.text)
        return hashes, self.entry(doc.doc_id, "", hashes)

    def assign_all(self, docs: Iterable[DedupInput],
                   hashed: Mapping[str, tuple[Hashes, IndexEntry]] | None = None
                   ) -> list[Assignment]:
        """Place documents oldest first (published, then fetched): the earliest founds a cluster.

        *hashed* maps doc_id to the document's `hashed` result when the caller computed it
        already (the warehouse load needs the entries for its index lookup first).
        """
        ordered = sorted(docs, key=lambda d: (d.published or "9999", d.fetched_at, d.doc_id))
        known = hashed or {}
        pairs = [known.get(d.doc_id) or self.hashed(d) for d in ordered]
        self._prefetch_entries(entry for _, entry in pairs)
        return [self.place(d.doc_id, h, d.text, e)
                for d, (h, e) in zip(ordered, pairs, strict=True)]
