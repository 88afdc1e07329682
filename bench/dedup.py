"""Dedup cost: fingerprinting vs trafilatura.extract, and clustering growth.

- fingerprint (shingle hashes + simhash of the extracted text) as a ratio of
  ``trafilatura.extract`` on the same demo pages (target: at most 0.15x);
- clustering 10k / 100k / 1M synthetic documents (random shingle-hash sets
  with 10% planted edited reposts), showing the 100k -> 1M growth (target:
  at most 15x, i.e. near-linear, never all-pairs);
- adding 1,000 new documents to the largest existing set.
"""

from __future__ import annotations

import os
import statistics
import time

import numpy as np
import trafilatura

from bench.pipeline_vs_trafilatura import _pages
from pipeline.decode import decode_html
from pipeline.dedup import Clusterer
from pipeline.fingerprint import Hashes, shingle_hashes, simhash_of_hashes

ROUNDS = 3
# 1M took about 4.5 min here (over a minute), so it runs only with YUQI_BENCH_1M=1.
SIZES = (10_000, 100_000) + ((1_000_000,) if os.environ.get("YUQI_BENCH_1M") else ())
SHINGLES = 300  # about a 300-character page


def _fingerprint_ratio() -> None:
    texts = [decode_html(p.body, p.header("Content-Type")).text for p in _pages()]
    extracted = [trafilatura.extract(t, deduplicate=False) or "" for t in texts]
    ratios = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for t in texts:
            trafilatura.extract(t, deduplicate=False)
        extract_s = time.perf_counter() - start
        start = time.perf_counter()
        for e in extracted:
            simhash_of_hashes(shingle_hashes(e))
        ratios.append((time.perf_counter() - start) / extract_s)
    print(f"fingerprint vs trafilatura.extract, {len(texts)} demo pages, {ROUNDS} rounds: "
          f"ratio median {statistics.median(ratios):.3f} (target <= 0.15)")


def _synthetic(count: int, seed: int) -> list[Hashes]:
    """*count* shingle-hash sets; 10% are reposts of an earlier one with 25% of shingles changed."""
    rng = np.random.default_rng(seed)
    docs: list[Hashes] = []
    for i in range(count):
        if i and rng.random() < 0.1:
            base = docs[int(rng.integers(0, i))]
            keep = base[rng.random(len(base)) > 0.25]
            fresh = rng.integers(0, 2**63, size=len(base) - len(keep), dtype=np.uint64)
            docs.append(np.unique(np.concatenate([keep, fresh])))
        else:
            docs.append(np.unique(rng.integers(0, 2**63, size=SHINGLES, dtype=np.uint64)))
    return docs


def run() -> None:
    """Print the fingerprint ratio, clustering times and the incremental cost."""
    _fingerprint_ratio()
    times: dict[int, float] = {}
    clusterer = Clusterer()
    for size in SIZES:
        docs = _synthetic(size, seed=size)
        clusterer = Clusterer()
        start = time.perf_counter()
        clusters = {clusterer.place(f"d{i}", h).cluster_id for i, h in enumerate(docs)}
        times[size] = time.perf_counter() - start
        print(f"cluster {size:>9,} synthetic docs: {times[size]:7.2f} s "
              f"({len(clusters):,} clusters)")
        if times[size] > 60:
            break
    largest = max(times)
    if 100_000 in times and 1_000_000 in times:
        print(f"growth 100k -> 1M: {times[1_000_000] / times[100_000]:.1f}x (target <= 15x)")
    new = _synthetic(1_000, seed=1)
    start = time.perf_counter()
    for i, h in enumerate(new):
        clusterer.place(f"new{i}", h)
    print(f"add 1,000 docs to {largest:,} clustered: {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    run()
