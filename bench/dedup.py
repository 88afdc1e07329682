"""Dedup cost: fingerprinting vs trafilatura.extract, clustering growth, incremental loads.

- fingerprint (shingle hashes + simhash of the extracted text) as a ratio of
  ``trafilatura.extract`` on the same demo pages (target: at most 0.15x);
- clustering 10k / 100k / 1M synthetic documents (random shingle-hash sets
  with 10% planted edited reposts), each size in its own subprocess, with its
  peak memory (ru_maxrss) and the 100k -> 1M growth (target: at most 15x, i.e.
  near-linear, never all-pairs), plus adding 1,000 documents in memory;
- adding 1,000 new documents (10% reposts of stored ones) to a real DuckDB
  warehouse already holding N clustered documents, through the real loader,
  as a ratio to adding the same 1,000 to an empty warehouse. The N stored
  documents are a few thousand real texts loaded by the loader plus filler
  rows (random index, short text) inserted in SQL, so that setup stays short.

Environment: YUQI_BENCH_1M=0 skips the 1M clustering size; YUQI_BENCH_WAREHOUSE_N
sets N (default 1,000,000; 0 skips the warehouse measurement).
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import trafilatura

from bench.pipeline_vs_trafilatura import _pages
from pipeline.decode import decode_html
from pipeline.dedup import Clusterer
from pipeline.fingerprint import Hashes, shingle_hashes, simhash_of_hashes
from pipeline.spool import SCHEMAS, write_manifest
from warehouse.load import SPOOL_TABLES, load_run
from warehouse.migrate import migrate
from yuqi.app.load import assign_clusters

ROUNDS = 3
SIZES = (10_000, 100_000) + (() if os.environ.get("YUQI_BENCH_1M") == "0" else (1_000_000,))
WAREHOUSE_N = int(os.environ.get("YUQI_BENCH_WAREHOUSE_N", "1000000"))
SHINGLES = 300  # about a 300-character page
REAL_BASE = 3_000  # stored documents with real texts (the rest are filler rows)
NEW = 1_000


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
    fresh_block = np.sort(rng.integers(0, 2**63, size=(count, SHINGLES), dtype=np.uint64), axis=1)
    is_repost = rng.random(count) < 0.1
    docs: list[Hashes] = []
    for i in range(count):
        if i and is_repost[i]:
            base = docs[int(rng.integers(0, i))]
            keep = base[rng.random(len(base)) > 0.25]
            fresh = rng.integers(0, 2**63, size=len(base) - len(keep), dtype=np.uint64)
            docs.append(np.unique(np.concatenate([keep, fresh])))
        else:
            docs.append(fresh_block[i])  # 300 random 63-bit values: unique in practice
    return docs


def _rss_mb() -> float:
    """Current resident set size of this process, MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cluster_child(size: int) -> None:
    """In a fresh process: cluster *size* synthetic documents, then add 1,000; print JSON."""
    docs = _synthetic(size, seed=size)
    inputs_mb = _rss_mb()
    # The synthetic input (one Python set of shingle hashes per document, 2.7 GB at 1M) is
    # the bench's, not the clusterer's: in a load each set lives only while its document is
    # placed. Left in the collector's generations, every full collection would re-walk all
    # of it and the 1M run would time the garbage collector, not the clusterer.
    gc.collect()
    gc.freeze()
    clusterer = Clusterer()
    start = time.perf_counter()
    clusters = {clusterer.place(f"d{i}", h).cluster_id for i, h in enumerate(docs)}
    seconds = time.perf_counter() - start
    new = _synthetic(NEW, seed=1)
    start = time.perf_counter()
    for i, h in enumerate(new):
        clusterer.place(f"new{i}", h)
    add_s = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "clusters": len(clusters), "add_s": add_s,
                      "inputs_mb": inputs_mb, "peak_mb": peak_mb}))


def _clustering() -> None:
    times: dict[int, float] = {}
    for size in SIZES:
        proc = subprocess.run([sys.executable, "-m", "bench.dedup", "--cluster", str(size)],
                              capture_output=True, text=True, check=True)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        times[size] = r["seconds"]
        print(f"cluster {size:>9,} synthetic docs: {r['seconds']:7.2f} s "
              f"({r['clusters']:,} clusters); peak RSS {r['peak_mb']:,.0f} MB, of which the "
              f"input hash sets {r['inputs_mb']:,.0f} MB; then +1,000 docs {r['add_s']:.3f} s")
    if 100_000 in times and 1_000_000 in times:
        print(f"growth 100k -> 1M: {times[1_000_000] / times[100_000]:.1f}x (target <= 15x)")


_VOCAB = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _article(rnd: random.Random) -> list[str]:
    """Ten random 'sentences' of CJK characters (about 600 characters in all)."""
    return ["".join(rnd.choices(_VOCAB, k=60)) + "。" for _ in range(10)]


def _docs_table(rows: list[tuple[str, str, str]], run_id: str) -> pa.Table:
    """A spool documents table from (doc_id, site, text) rows."""
    n = len(rows)
    return pa.table({
        "doc_id": [r[0] for r in rows], "run_id": [run_id] * n, "site": [r[1] for r in rows],
        "url": [f"http://{r[1]}.test/{r[0]}.html" for r in rows], "final_url": [None] * n,
        "title": ["t"] * n, "published": ["2026-01-01"] * n, "author": [None] * n,
        "sitename": [None] * n, "text": [r[2] for r in rows], "text_norm": [r[2] for r in rows],
        "paragraphs": [r[2].split("\n") for r in rows], "encoding": ["utf-8"] * n,
        "flags": [[]] * n, "text_norm_sha1": [r[0] for r in rows],
        "simhash": pa.array([0] * n, pa.uint64()), "extractor_version": ["x"] * n,
        "fetched_at": [f"2026-01-0{2 if run_id == 'new' else 1}T00:00:00Z"] * n,
        "content_sha1": ["c"] * n, "warc_file": ["a.warc.gz"] * n,
        "warc_offset": pa.array([0] * n, pa.int64()), "warc_record_id": ["<r>"] * n,
    }, schema=SCHEMAS["documents"])


def _load(con: duckdb.DuckDBPyConnection, root: Path, run_id: str, table: pa.Table
          ) -> dict[str, float]:
    """Load one documents-only run through the real loader; seconds per load step + total."""
    spool = root / "spool" / run_id
    spool.mkdir(parents=True)
    pq.write_table(table, spool / "w.documents.00000.parquet")
    write_manifest(spool, {"run_id": run_id})
    steps: dict[str, float] = {}
    marks: list[tuple[str, float]] = []

    def on_step(name: str) -> None:
        now = time.perf_counter()
        if marks:
            steps[marks[-1][0]] = now - marks[-1][1]
        marks.append((name, now))

    start = time.perf_counter()
    files = {t: [spool / "w.documents.00000.parquet"] if t == "documents" else []
             for t in SPOOL_TABLES}
    load_run(con, files, {"run_id": run_id}, assign_clusters, on_step=on_step)
    steps["commit"] = time.perf_counter() - marks[-1][1]
    steps["total"] = time.perf_counter() - start
    return steps


def _filler(con: duckdb.DuckDBPyConnection, count: int) -> None:
    """*count* stored documents with random index rows, inserted straight in SQL."""
    text = "填充文本" * 150  # 600 characters; never read: its index matches nothing
    con.execute("BEGIN TRANSACTION")
    con.execute(
        f"""
        CREATE TEMP TABLE filler AS
        SELECT 'f' || lpad(i::VARCHAR, 8, '0') AS doc_id, 's' || (i % 50) AS site, i
        FROM range({int(count)}) t(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO documents (doc_id, url, site, title, published, text, paragraphs,
               text_norm_sha1, simhash, first_seen, last_seen, run_id, version, status)
        SELECT doc_id, 'http://' || site || '.test/' || doc_id, site, 't', DATE '2025-12-01',
               '{text}' || doc_id, ['{text}' || doc_id], doc_id, hash(i)::UBIGINT,
               TIMESTAMP '2025-12-01', TIMESTAMP '2025-12-01', 'filler', 1, 'live'
        FROM filler
        """
    )
    con.execute("INSERT INTO clusters (doc_id, cluster_id, canonical_doc_id, canonical_distance,"
                " canonical_similarity) SELECT doc_id, 'c-' || doc_id, doc_id, 0, 1.0 FROM filler")
    base = int(con.execute("SELECT coalesce(max(seq), -1) + 1 FROM dedup_index").fetchall()[0][0])
    con.execute(f"INSERT INTO dedup_index SELECT doc_id, {base} + i, hash(i)::UBIGINT,"
                " hash(i || 'x')::UBIGINT, md5('x') FROM filler")
    con.execute(f"INSERT INTO dedup_anchors SELECT hash(i * 16 + j)::UBIGINT, {base} + i"
                " FROM filler, range(16) r(j)")
    con.execute("DROP TABLE filler")
    con.execute("COMMIT")


def _warehouse(n: int) -> None:
    rnd = random.Random(7)
    base_articles = [_article(rnd) for _ in range(min(REAL_BASE, n))]
    base = [(f"b{i:06d}", f"s{i % 50}", "\n".join(a)) for i, a in enumerate(base_articles)]
    new_rows = []
    for i in range(NEW):
        if i % 10 == 0:  # an edited repost of a stored article: 2 of 10 sentences replaced
            source = list(rnd.choice(base_articles))
            source[rnd.randrange(10)] = _article(rnd)[0]
            source[rnd.randrange(10)] = _article(rnd)[0]
            new_rows.append((f"n{i:06d}", "s99", "\n".join(source)))
        else:
            new_rows.append((f"n{i:06d}", "s99", "\n".join(_article(rnd))))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        con = duckdb.connect(str(root / "empty.duckdb"))
        migrate(con)
        empty = _load(con, root / "e", "new", _docs_table(new_rows, "new"))
        empty_joined = con.execute("SELECT count(*) FROM clusters WHERE matched_doc_id IS NOT NULL"
                                   ).fetchall()[0][0]
        con.close()

        start = time.perf_counter()
        con = duckdb.connect(str(root / "full.duckdb"))
        migrate(con)
        _load(con, root / "f", "base", _docs_table(base, "base"))
        _filler(con, n - len(base))
        con.execute("CHECKPOINT")
        setup_s = time.perf_counter() - start
        full = _load(con, root / "f", "new", _docs_table(new_rows, "new"))
        joined = con.execute("SELECT count(*) FROM clusters WHERE doc_id LIKE 'n%'"
                             " AND cluster_id LIKE 'c-b%'").fetchall()[0][0]
        con.close()
    print(f"warehouse: add {NEW:,} docs ({NEW // 10} reposts of stored ones) to {n:,} stored "
          f"docs (setup {setup_s:.0f} s) vs to an empty warehouse, real DuckDB file:")
    print(f"  whole load     {full['total']:6.2f} s vs {empty['total']:6.2f} s: "
          f"ratio {full['total'] / empty['total']:.1f}x")
    print(f"  cluster step   {full['cluster']:6.2f} s vs {empty['cluster']:6.2f} s: "
          f"ratio {full['cluster'] / empty['cluster']:.1f}x")
    print(f"  reposts joined their stored original: {joined} of {NEW // 10} "
          f"(empty warehouse: {empty_joined} joins among the new docs)")


def run() -> None:
    """Print the fingerprint ratio, clustering times, memory and the incremental costs."""
    _fingerprint_ratio()
    _clustering()
    if WAREHOUSE_N:
        _warehouse(WAREHOUSE_N)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--cluster":
        _cluster_child(int(sys.argv[2]))
    else:
        run()
